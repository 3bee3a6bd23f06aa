// The analysts' explorer: today's rules and people in, a reform edited on the page, compared with
// the library's own `compare` at every edit. A classic script over the global `Jixiao` bundle and
// the words of words.js, so that the page works from file:// with no server and no network.
(function () {
  "use strict";
  var J = window.Jixiao;
  var ALL = window.JIXIAO_EXPLORER_WORDS;
  var LIMIT = 500; // rows drawn at once; the search narrows the rest
  var state = { lang: "zh-CN", loaded: false, baseline: null, edited: null, people: null, comparison: null, selected: null };
  var $ = function (id) { return document.getElementById(id); };
  var w = function () { return ALL[state.lang]; };

  /** An element with attributes and text (never HTML: every text from a file is shown as text). */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  var clone = function (x) { return JSON.parse(JSON.stringify(x)); };
  var tierName = function (t) { return t === "" || t === null ? w().none : t; };
  /** A number as typed: a plain number when it reads back the same, else the text (the library says what is wrong with it). */
  function number(text) {
    var t = text.trim();
    var n = Number(t);
    return t !== "" && String(n) === t ? n : t;
  }

  function applyWords() {
    document.documentElement.lang = state.lang;
    document.title = w().title;
    document.querySelectorAll("[data-w]").forEach(function (e) { e.textContent = w()[e.getAttribute("data-w")]; });
    document.querySelectorAll("[data-w-placeholder]").forEach(function (e) { e.placeholder = w()[e.getAttribute("data-w-placeholder")]; });
  }

  function showError(text) { $("error").textContent = text ? w().errorTitle + "\n" + text : ""; }
  function describe(e) { return J.isJixiaoError(e) ? J.formatIssues(e.issues, { locale: state.lang }) : String(e && e.message ? e.message : e); }

  function parse(id, what) {
    try { return JSON.parse($(id).value); } catch (e) { throw new Error(w().notJson(what, e.message)); }
  }

  function load() {
    try {
      var rules = parse("rules-text", w().rulesWord);
      var people = parse("people-text", w().peopleWord);
      state.baseline = rules;
      state.people = Array.isArray(people) ? { subjects: people } : people;
      state.loaded = true;
    } catch (e) {
      showError(describe(e));
      return;
    }
    state.edited = clone(state.baseline);
    state.selected = null;
    state.comparison = null;
    $("results").hidden = true;
    buildEditor();
    $("editor").hidden = false;
    recompute();
  }

  /** An input bound to a place in the edited rules: every keystroke recomputes. */
  function field(id, label, value, set) {
    var l = el("label", { for: id }, label + " ");
    var i = el("input", { id: id, type: "text", inputmode: "decimal" });
    i.value = value;
    i.addEventListener("input", function () { set(i.value); recompute(); });
    l.appendChild(i);
    return l;
  }

  function buildEditor() {
    var r = state.edited;
    var isObject = function (x) { return x !== null && typeof x === "object"; };
    var shares = $("shares"), points = $("points"), last = $("last");
    [shares, points, last].forEach(function (d) { d.textContent = ""; });
    // Only what is there to edit gets a field; anything malformed is left to the library to report.
    if (!isObject(r)) return;
    var tiers = isObject(r.tierPolicy) && Array.isArray(r.tierPolicy.tiers) ? r.tierPolicy.tiers.filter(isObject) : [];
    if (tiers.some(function (t) { return t.share !== undefined; })) shares.appendChild(el("h3", {}, w().tierShares));
    tiers.forEach(function (t, k) {
      if (t.share !== undefined) shares.appendChild(field("share-" + k, t.name + " " + w().share, String(t.share), function (v) { t.share = number(v); }));
    });
    var groups = isObject(r.scheme) && Array.isArray(r.scheme.groups) ? r.scheme.groups.filter(isObject) : [];
    if (groups.length > 0) points.appendChild(el("h3", {}, w().points));
    groups.forEach(function (g, gk) {
      var line = el("div");
      if (g.points !== undefined) line.appendChild(field("group-" + gk, w().groupPoints(g.name || g.id), String(g.points), function (v) { g.points = number(v); }));
      (Array.isArray(g.indicators) ? g.indicators.filter(isObject) : []).forEach(function (ind, ik) {
        if (ind.points !== undefined) line.appendChild(field("points-" + gk + "-" + ik, ind.name || ind.id, String(ind.points), function (v) { ind.points = number(v); }));
      });
      points.appendChild(line);
    });
    if (isObject(r.lastPlace) && Array.isArray(r.lastPlace.deductions)) {
      last.appendChild(field("deductions", w().lastPlace, r.lastPlace.deductions.join(", "), function (v) {
        r.lastPlace.deductions = v.split(/[,，、\s]+/).filter(function (x) { return x !== ""; }).map(number);
      }));
    }
  }

  function recompute() {
    if (!state.loaded) { showError(w().loadFirst); return; }
    var t0 = performance.now();
    try {
      state.comparison = J.compare(state.baseline, state.edited, state.people, { locale: state.lang });
    } catch (e) {
      showError(describe(e));
      return;
    }
    var ms = performance.now() - t0;
    showError("");
    $("elapsed").setAttribute("data-ms", String(ms));
    $("elapsed").textContent = w().elapsed(Math.round(ms));
    render();
  }

  function render() {
    var c = state.comparison;
    if (!c) return;
    $("results").hidden = false;
    var same = JSON.stringify(state.baseline) === JSON.stringify(state.edited);
    $("summary").textContent = w().summary(c.people.length, c.movedUp.length, c.movedDown.length) + (same ? "。" + w().unchangedRules : "");
    var tiers = c.transitions.tiers;
    // Tier counts by peer group, today → reform.
    var counts = $("counts");
    counts.textContent = "";
    var head = el("tr");
    head.appendChild(el("th", { class: "t" }, w().group));
    tiers.forEach(function (t) { head.appendChild(el("th", {}, tierName(t))); });
    counts.appendChild(head);
    var groups = Object.keys(c.byGroup);
    var rows = groups.length > 1 ? groups.concat([null]) : groups;
    rows.forEach(function (g) {
      var tr = el("tr");
      tr.appendChild(el("th", { class: "t" }, g === null || (g === "" && groups.length === 1) ? w().allPeople : tierName(g)));
      var list = c.people.filter(function (p) { return g === null || (p.group === null ? "" : p.group) === g; });
      tiers.forEach(function (t) {
        var n = function (side) { return list.filter(function (p) { return (p[side].tier === null ? "" : p[side].tier) === t; }).length; };
        var b = n("baseline"), r = n("reform");
        tr.appendChild(el("td", { "data-group": g === null ? "*" : g, "data-tier": t, "data-baseline": b, "data-reform": r, class: r > b ? "up" : r < b ? "down" : "" }, b + " → " + r));
      });
      counts.appendChild(tr);
    });
    // The transition matrix.
    var m = $("matrix");
    m.textContent = "";
    var mh = el("tr");
    mh.appendChild(el("th", { class: "t" }, w().fromTo));
    tiers.forEach(function (t) { mh.appendChild(el("th", {}, tierName(t))); });
    m.appendChild(mh);
    tiers.forEach(function (from) {
      var tr = el("tr");
      tr.appendChild(el("th", { class: "t" }, tierName(from)));
      tiers.forEach(function (to) { tr.appendChild(el("td", { "data-from": from, "data-to": to }, c.transitions.counts[from][to])); });
      m.appendChild(tr);
    });
    // The library's own SVG: both histograms on the same bins (its texts are escaped by the library).
    $("histogram").innerHTML = J.comparisonHistogram(c, { locale: state.lang });
    renderTable();
    renderPerson();
  }

  function renderTable() {
    var c = state.comparison;
    var q = $("search").value.trim().toLowerCase();
    var moved = $("only-moved").checked;
    var match = c.people.filter(function (p) {
      if (moved && p.move === "same") return false;
      return q === "" || [p.subjectId, p.name || "", p.group || ""].some(function (s) { return s.toLowerCase().indexOf(q) >= 0; });
    });
    var t = $("people");
    t.textContent = "";
    var head = el("thead"), hr = el("tr");
    w().columns.concat([w().moveColumn]).forEach(function (h, k) { hr.appendChild(el("th", { class: k < 3 ? "t" : "" }, h)); });
    head.appendChild(hr);
    t.appendChild(head);
    var body = el("tbody");
    match.slice(0, LIMIT).forEach(function (p) {
      var tr = el("tr", { "data-id": p.subjectId, class: p.subjectId === state.selected ? "on" : "" });
      var cells = [p.subjectId, p.name || "", p.group || "", p.baseline.exact, p.reform.exact, p.deltaExact, p.baseline.rank, p.reform.rank, tierName(p.baseline.tier), tierName(p.reform.tier)];
      cells.forEach(function (v, k) { tr.appendChild(el("td", { class: k < 3 ? "t" : "" }, v)); });
      tr.appendChild(el("td", { class: p.move }, w().moves[p.move]));
      tr.addEventListener("click", function () { state.selected = p.subjectId; renderTable(); renderPerson(); });
      body.appendChild(tr);
    });
    t.appendChild(body);
    $("shown").textContent = w().shown(Math.min(match.length, LIMIT), match.length);
  }

  function renderPerson() {
    var c = state.comparison, id = state.selected;
    var p = id === null ? undefined : c.people.find(function (x) { return x.subjectId === id; });
    $("hint").hidden = p !== undefined;
    $("change-text").textContent = p ? J.explainChange(c, id, { locale: state.lang }) : "";
    var results = c.reform.rescored || c.reform.scored || [];
    var result = p ? results.find(function (r) { return r.subjectId === id; }) : undefined;
    $("score-text").textContent = result ? J.explain(result, { locale: state.lang }) : "";
  }

  /** Offers text as a file to save: works from file:// and offline. */
  function download(name, type, text) {
    var a = el("a", { download: name });
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  /** The comparison as CSV, one person a row, with a byte-order mark so that Excel reads the Chinese. */
  function csv() {
    var c = state.comparison;
    // A text a spreadsheet would take for a formula is written with a leading apostrophe.
    var cell = function (v) {
      var s = String(v);
      if (/^[=+\-@]/.test(s) && isNaN(Number(s))) s = "'" + s;
      return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    };
    var lines = [w().columns.concat([w().moveColumn]).map(cell).join(",")];
    c.people.forEach(function (p) {
      lines.push([p.subjectId, p.name || "", p.group || "", p.baseline.exact, p.reform.exact, p.deltaExact, p.baseline.rank, p.reform.rank, tierName(p.baseline.tier), tierName(p.reform.tier), w().moves[p.move]].map(cell).join(","));
    });
    return "\uFEFF" + lines.join("\r\n") + "\r\n";
  }

  function readInto(fileInput, textarea) {
    fileInput.addEventListener("change", function () {
      var f = fileInput.files && fileInput.files[0];
      if (!f) return;
      var reader = new FileReader();
      reader.onload = function () { $(textarea).value = String(reader.result); };
      reader.readAsText(f, "utf-8");
    });
  }

  if (!J) { applyWords(); showError(w().missingBundle); return; }
  readInto($("rules-file"), "rules-text");
  readInto($("people-file"), "people-text");
  $("load").addEventListener("click", load);
  $("search").addEventListener("input", function () { if (state.comparison) renderTable(); });
  $("only-moved").addEventListener("change", function () { if (state.comparison) renderTable(); });
  $("reset").addEventListener("click", function () { state.edited = clone(state.baseline); buildEditor(); recompute(); });
  $("save").addEventListener("click", function () { if (state.loaded) download("rules-reform.json", "application/json", JSON.stringify(state.edited, null, 2) + "\n"); });
  $("csv").addEventListener("click", function () { if (state.comparison) download("comparison.csv", "text/csv;charset=utf-8", csv()); });
  $("lang").addEventListener("click", function () {
    state.lang = state.lang === "zh-CN" ? "en" : "zh-CN";
    applyWords();
    if (state.loaded) { buildEditor(); recompute(); }
  });
  applyWords();
})();
