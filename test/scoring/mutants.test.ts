import { describe, expect, it } from "vitest";
import { defineScheme, JixiaoError, safeScore, safeScoreAll, safeScoreTotals, score, scoreAll, scoreTotals, type SubjectInput } from "../../src/index.js";
import { expectLeft, fastList, issuesOf, two, twoWithVetoes } from "./fast.helpers.js";

// The full path's exact result shape (which optional fields appear, the trace, the words and paths
// of its issues), the batch entry points, and the glue of scoreTotals around the fast path (which
// subjects it scores itself, which it evaluates one by one, and when it hands the batch to scoreAll):
// whichever way it goes, its outcome must be scoreAll's.

const scheme = defineScheme(twoWithVetoes);

describe("evaluate: the result's optional fields appear exactly when given", () => {
  it("a subject, group, indicators and vetoes without names, adjustment items without ref, vetoes without reasons", () => {
    const result = score(scheme, {
      id: "a",
      values: { x: 5, y: 3 },
      bonus: [{ points: 1, reason: "创新" }, { points: 0.5, reason: "表彰", ref: "doc-7" }],
      deductions: [{ points: 1, reason: "差错", indicator: "x" }],
      vetoes: ["flag", { id: "cap" }],
    });
    // No name, group or attributes key at all (not even one holding undefined).
    expect(Object.keys(result)).toEqual(["schemeId", "subjectId", "total", "exact", "base", "full", "applicablePoints", "groups", "indicators", "bonus", "deductions", "vetoes", "flags", "trace"]);
    expect(result.groups).toStrictEqual([{ id: "g", points: 10, applicablePoints: 10, earned: 7, exact: "7" }]);
    expect(result.indicators).toStrictEqual([
      { id: "x", group: "g", method: "direct", points: 6, value: 5, applicable: true, fraction: 5 / 6, earned: 4, exact: "4", adjustments: [{ points: -1, reason: "差错", indicator: "x" }] },
      { id: "y", group: "g", method: "direct", points: 4, value: 3, applicable: true, fraction: 0.75, earned: 3, exact: "3" },
    ]);
    expect(result.bonus).toStrictEqual({ items: [{ points: 1, reason: "创新" }, { points: 0.5, reason: "表彰", ref: "doc-7" }], requested: 1.5, cap: null, applied: 1.5, exact: "1.5" });
    // In the scheme's order, whatever the subject's.
    expect(result.vetoes).toStrictEqual([{ id: "cap", effect: "cap" }, { id: "flag", effect: "flag" }]);
    expect(result.flags).toStrictEqual([{ id: "flag", source: "veto:flag", reason: "veto recorded" }]);
    expect(result.total).toBe(5);
    expect(result.exact).toBe("5");
  });

  it("the same with names, a peer group, attributes and reasons", () => {
    const named = defineScheme({
      id: "n",
      full: 10,
      groups: [{ id: "g", name: "共性指标", points: 10, indicators: [{ id: "x", name: "考勤", points: 10, method: { type: "direct" } }] }],
      vetoes: [{ id: "party", name: "党建评定为差", effect: "flag" }],
    });
    const result = score(named, { id: "a", name: "张三", group: "科员", attributes: { dept: "征管科" }, values: { x: 8 }, vetoes: [{ id: "party", reason: "年度评定" }] });
    expect(result).toMatchObject({ subjectId: "a", name: "张三", group: "科员", attributes: { dept: "征管科" } });
    expect(result.groups).toStrictEqual([{ id: "g", name: "共性指标", points: 10, applicablePoints: 10, earned: 8, exact: "8" }]);
    expect(result.indicators[0]).toStrictEqual({ id: "x", name: "考勤", group: "g", method: "direct", points: 10, value: 8, applicable: true, fraction: 0.8, earned: 8, exact: "8" });
    expect(result.vetoes).toStrictEqual([{ id: "party", name: "党建评定为差", effect: "flag", reason: "年度评定" }]);
    expect(result.flags).toStrictEqual([{ id: "party", name: "党建评定为差", source: "veto:party", reason: "年度评定" }]);
  });

  it("vetoes act and are listed in the scheme's order, whatever order the subject gives them in", () => {
    const ordered = defineScheme(two({ vetoes: [{ id: "a", effect: "flag" }, { id: "b", effect: "cap", cap: 8 }, { id: "c", effect: "cap", cap: 5 }, { id: "d", effect: "flag" }] }));
    const result = score(ordered, { id: "s", values: { x: 6, y: 4 }, vetoes: ["d", "c", "a", "b"] });
    expect(result.vetoes.map((v) => v.id)).toEqual(["a", "b", "c", "d"]);
    expect(result.trace.filter((t) => t.rule === "veto").map((t) => [t.at, t.result])).toEqual([["veto:a", "10"], ["veto:b", "8"], ["veto:c", "5"], ["veto:d", "5"]]);
  });
});

describe("evaluate: the trace", () => {
  const exclude = defineScheme(two({ notApplicable: "exclude" }));
  const steps = (s: typeof scheme, subject: SubjectInput, options?: { missing: "zero" | "not-applicable" }) => score(s, subject, options).trace;

  it("a missing value scored 0 (missing: zero) is traced as the rule 'missing'", () => {
    expect(steps(scheme, { id: "a", values: { x: 5 } }, { missing: "zero" })).toContainEqual({ at: "indicator:y", rule: "missing", values: { missing: "zero", points: "4" }, result: "0" });
  });

  it("a not applicable indicator says whether it was missing, null or given a reason", () => {
    const na = (values: Record<string, unknown>, options?: { missing: "not-applicable" }) => steps(scheme, { id: "a", values: { x: 5, ...values } }, options).find((t) => t.at === "indicator:y");
    expect(na({}, { missing: "not-applicable" })).toStrictEqual({ at: "indicator:y", rule: "not-applicable", values: { points: "4", missing: "true" }, result: "0" });
    expect(na({ y: null })).toStrictEqual({ at: "indicator:y", rule: "not-applicable", values: { points: "4" }, result: "0" });
    expect(na({ y: { na: true, reason: "休产假" } })).toStrictEqual({ at: "indicator:y", rule: "not-applicable", values: { points: "4", reason: "休产假" }, result: "0" });
  });

  it("'exclude' leaves the missing points out of the total, and says so", () => {
    expect(steps(exclude, { id: "a", values: { x: 5, y: null } })).toContainEqual({ at: "total", rule: "exclude", values: { earned: "5", applicablePoints: "6", full: "10" }, result: "5" });
  });

  it("a total adjustment step only when there is a bonus or deduction list", () => {
    const adjust = (subject: Partial<SubjectInput>) => steps(scheme, { id: "a", values: { x: 5, y: 3 }, ...subject }).filter((t) => t.at === "total" && t.rule === "adjust");
    expect(adjust({})).toEqual([]);
    expect(adjust({ deductions: [{ points: 1, reason: "差错", indicator: "x" }] })).toEqual([]);
    expect(adjust({ bonus: [{ points: 1, reason: "创新" }] })).toStrictEqual([{ at: "total", rule: "adjust", values: { base: "8", bonus: "1", deduction: "0" }, result: "9" }]);
    expect(adjust({ deductions: [{ points: 1, reason: "差错" }] })).toStrictEqual([{ at: "total", rule: "adjust", values: { base: "8", bonus: "0", deduction: "1" }, result: "7" }]);
  });

  it("the veto steps: a flag and a cap, with and without a reason", () => {
    const vetoSteps = (vetoes: SubjectInput["vetoes"]) => steps(scheme, { id: "a", values: { x: 5, y: 3 }, ...(vetoes === undefined ? {} : { vetoes }) }).filter((t) => t.rule === "veto");
    expect(vetoSteps(["flag", "cap"])).toStrictEqual([
      { at: "veto:cap", rule: "veto", values: { effect: "cap", before: "8", cap: "5" }, result: "5" },
      { at: "veto:flag", rule: "veto", values: { effect: "flag" }, result: "5" },
    ]);
    expect(vetoSteps([{ id: "flag", reason: "党建" }, { id: "cap", reason: "黄牌" }, { id: "zero" }])).toStrictEqual([
      { at: "veto:zero", rule: "veto", values: { effect: "zero", before: "8" }, result: "0" },
      { at: "veto:cap", rule: "veto", values: { effect: "cap", before: "0", cap: "5", reason: "黄牌" }, result: "0" },
      { at: "veto:flag", rule: "veto", values: { effect: "flag", reason: "党建" }, result: "0" },
    ]);
  });

  it("a flag a method raises is traced with its name when it has one", () => {
    const votes = defineScheme({
      id: "v",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "votes", grades: { 优秀: 1, 不称职: 0 }, flag: [{ id: "warn", name: "警示", grades: ["不称职"], atLeast: 0.5 }, { id: "low", grades: ["不称职"], atLeast: 0.25 }] } }] }],
    });
    const result = score(votes, { id: "a", values: { x: { 优秀: 1, 不称职: 1 } } });
    expect(result.trace.filter((t) => t.rule === "flag")).toStrictEqual([
      { at: "indicator:x", rule: "flag", values: { id: "warn", name: "警示", reason: "不称职 1/2 ≥ 0.5" }, result: "warn" },
      { at: "indicator:x", rule: "flag", values: { id: "low", reason: "不称职 1/2 ≥ 0.25" }, result: "low" },
    ]);
  });
});

describe("evaluate: which values do not apply, and the words of what it refuses", () => {
  const reason500 = "因".repeat(500);
  const reasonWords = "must be text of at most 500 characters saying why the indicator does not apply, not";
  const notANumber = 'must be a number or decimal text such as "96.5", not';
  // [what, values, issues as [code, path, message]]
  const cases: [string, Record<string, unknown>, unknown[]][] = [
    ["a reason of 500 characters is accepted", { x: 5, y: { na: true, reason: reason500 } }, []],
    ["{ na: true } without a reason is accepted", { x: 5, y: { na: true } }, []],
    ["a reason of 501 characters", { x: 5, y: { na: true, reason: `${reason500}因` } }, [["invalid_type", ["values", "y", "reason"], `values.y.reason: ${reasonWords} text "${"因".repeat(37)}…"`]]],
    ["a reason that is a number", { x: 5, y: { na: true, reason: 5 } }, [["invalid_type", ["values", "y", "reason"], `values.y.reason: ${reasonWords} 5`]]],
    ["a reason that is a list", { x: 5, y: { na: true, reason: ["r"] } }, [["invalid_type", ["values", "y", "reason"], `values.y.reason: ${reasonWords} a list of 1`]]],
    ["a reason behind a getter that throws (read once, when the input is copied)", { x: 5, y: { na: true, get reason() { throw new Error("run"); } } }, [["unreadable_input", ["values", "y", "reason"], "values.y.reason: could not be read (a getter or proxy threw), so nothing of it was used"]]],
    ["{ na: false } is a value, not a mark", { x: 5, y: { na: false } }, [["invalid_type", ["values", "y"], `values.y: ${notANumber} an object`]]],
    ["a list carrying na: true is a value, not a mark", { x: 5, y: Object.assign([], { na: true }) }, [["invalid_type", ["values", "y"], `values.y: ${notANumber} a list of 0`]]],
    ["a value given as undefined", { x: 5, y: undefined }, [["invalid_type", ["values", "y"], `values.y: ${notANumber} nothing`]]],
    ["a missing value", { x: 5 }, [["missing_value", ["values", "y"], 'values.y: is missing: the scheme scores indicator "y"; give a value, or null if it does not apply']]],
    ["nothing applicable", { x: null, y: { na: true } }, [["invalid_value", ["values"], "values (指标值): leaves no indicator applicable, so there is nothing to score"]]],
  ];
  it.each(cases)("%s", (_, values, issues) => {
    expect(issuesOf(safeScore(scheme, { id: "a", values }))).toEqual(issues);
  });

  it("an adjustment aimed at no indicator", () => {
    expect(issuesOf(safeScore(scheme, { id: "a", values: { x: 5, y: 3 }, bonus: [{ points: 1, reason: "r", indicator: "z" }] }))).toEqual([
      ["unknown_id", ["bonus", 0, "indicator"], 'bonus[0].indicator: names no indicator of scheme "s"'],
    ]);
  });

  it("a rank indicator scored alone", () => {
    const ranked = defineScheme({ id: "r", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "rank", step: 1 } }] }] });
    expect(issuesOf(safeScore(ranked, { id: "a", values: { x: 1 } }))).toEqual([
      ["rank_needs_batch", ["values", "x"], "values.x: is scored by rank among peers; score the whole batch with scoreAll"],
    ]);
  });

  const votes = defineScheme({ id: "v", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "votes", grades: { 优: 1, 差: 0 } } }] }] });
  it("a value whose reading throws is an issue, not a raw error", () => {
    expect(issuesOf(safeScore(votes, { id: "a", values: { x: { get 优() { throw new Error("boom"); } } } }))).toEqual([
      ["unreadable_input", ["values", "x", "优"], "values.x[\"优\"]: could not be read (a getter or proxy threw), so nothing of it was used"],
    ]);
  });

  it("a JixiaoError thrown while reading a value is an issue at its path like any other", () => {
    const inner = new JixiaoError([{ code: "invalid_value", path: ["q"], params: { key: "failed", context: "inner" }, message: "q: inner" }], "Inner");
    expect(issuesOf(safeScore(votes, { id: "a", values: { x: { get 优() { throw inner; } } } }))).toEqual([
      ["unreadable_input", ["values", "x", "优"], "values.x[\"优\"]: could not be read (a getter or proxy threw), so nothing of it was used"],
    ]);
  });

  it("the headline of score's error names the subject", () => {
    expect(() => score(scheme, { id: "a", values: { x: 5 } })).toThrow(/^Subject "a" cannot be scored: 1 issue\n/);
  });
});

describe("score, scoreAll and scoreTotals: options are checked with their own path and words", () => {
  const options = { missing: "sometimes" } as never;
  const refused = [["invalid_option", ["options", "missing"], 'options.missing: must be one of "error", "not-applicable", "zero", not text "sometimes"']];
  it.each([
    ["score", () => score(scheme, { id: "a", values: { x: 1, y: 1 } }, options)],
    ["scoreAll", () => scoreAll(scheme, [{ id: "a", values: { x: 1, y: 1 } }], options)],
    ["scoreTotals", () => scoreTotals(scheme, [{ id: "a", values: { x: 1, y: 1 } }], options)],
  ])("%s", (_, call) => {
    expect(call).toThrow(/^Score options are not valid: 1 issue\n/);
    try {
      call();
    } catch (error) {
      expect((error as JixiaoError).issues.map((i) => [i.code, i.path, i.message])).toEqual(refused);
    }
  });
});

describe("scoreAll: rank peers", () => {
  const ranked = defineScheme({
    id: "r",
    full: 20,
    groups: [{ id: "g", points: 20, indicators: [{ id: "cases", points: 10, method: { type: "rank", step: 1 } }, { id: "x", points: 10, method: { type: "direct" } }] }],
  });

  it("a subject without a rank value is left out of the ranking (missing: not-applicable), not an issue", () => {
    const subjects = [{ id: "a", values: { cases: 5, x: 1 } }, { id: "b", values: { x: 1 } }, { id: "c", values: { cases: 7, x: 1 } }];
    // a: 9 (second of two) + 1; b: 1 of 10 applicable points, converted to 2 of 20; c: 10 + 1.
    expect(scoreAll(ranked, subjects, { missing: "not-applicable" }).map((r) => r.total)).toEqual([10, 2, 11]);
  });

  it("a peer group of empty text is the same as no group", () => {
    const subjects = [{ id: "a", group: "", values: { cases: 5, x: 0 } }, { id: "b", values: { cases: 7, x: 0 } }, { id: "c", group: "科长", values: { cases: 1, x: 0 } }];
    expect(scoreAll(ranked, subjects).map((r) => r.total)).toEqual([9, 10, 10]);
    expect(scoreTotals(ranked, subjects).map((r) => r.total)).toEqual([9, 10, 10]);
  });
});

describe("scoreTotals: whichever way it goes (the fast path, one subject at a time, or scoreAll), scoreAll's outcome", () => {
  const plain = (id: string, x = 5) => ({ id, values: { x, y: 3 } });

  it("evaluates the subject the fast path leaves (a value with 7 decimals) and takes the others", () => {
    const subjects = [plain("a"), plain("b", 1.0000001), plain("c")];
    expect(fastList(scheme, subjects)).toEqual([8, undefined, 8]);
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 8, exact: "8" }, { subjectId: "b", total: 4.0000001, exact: "4.0000001" }, { subjectId: "c", total: 8, exact: "8" }]);
  });

  it("stops at the first subject with a problem and lets scoreAll report the whole batch", () => {
    const subjects = [plain("a"), { id: "b", values: { x: 1 } }, { id: "c", values: { y: 1 } }];
    expect(fastList(scheme, subjects)).toEqual([8, undefined, undefined]);
    expect(issuesOf(safeScoreTotals(scheme, subjects))).toEqual(issuesOf(safeScoreAll(scheme, subjects)));
  });

  it("sorts a batch given out of id order, as scoreAll does", () => {
    // Wholly descending (no pair in order), and out of order at either end.
    expect(scoreTotals(scheme, [plain("b"), plain("a", 1)])).toEqual([{ subjectId: "a", total: 4, exact: "4" }, { subjectId: "b", total: 8, exact: "8" }]);
    expect(scoreTotals(scheme, [plain("b"), plain("a", 1), plain("c", 2)])).toEqual([{ subjectId: "a", total: 4, exact: "4" }, { subjectId: "b", total: 8, exact: "8" }, { subjectId: "c", total: 5, exact: "5" }]);
    expect(scoreTotals(scheme, [plain("a"), plain("c", 1), plain("b", 2)])).toEqual([{ subjectId: "a", total: 8, exact: "8" }, { subjectId: "b", total: 5, exact: "5" }, { subjectId: "c", total: 4, exact: "4" }]);
  });

  it("hands a repeated id to scoreAll, which reports it", () => {
    const subjects = [plain("a"), plain("b"), plain("a")];
    expect(issuesOf(safeScoreTotals(scheme, subjects))).toEqual([["duplicate_id", [2, "id"], '[2].id: repeats the subject id "a" of [0]; ids must be unique in a batch']]);
  });

  it("a rank value the fast path cannot read (1e2) sends the whole batch to scoreAll", () => {
    const ranked = defineScheme({
      id: "r",
      full: 20,
      groups: [{ id: "g", points: 20, indicators: [{ id: "cases", points: 10, method: { type: "rank", step: 1 } }, { id: "x", points: 10, method: { type: "direct" } }] }],
    });
    const subjects = [{ id: "a", values: { cases: "1e2", x: 1 } }, { id: "b", values: { cases: 5, x: 2 } }];
    expectLeft(ranked, subjects);
    expect(scoreTotals(ranked, subjects)).toEqual([{ subjectId: "a", total: 11, exact: "11" }, { subjectId: "b", total: 11, exact: "11" }]);
  });

  it("refuses subjects that are not a list, even one shaped like a list", () => {
    const words = [["invalid_type", [], "(top): must be a list, not an object"]];
    expect(issuesOf(safeScoreTotals(scheme, {} as never))).toEqual(words);
    expect(issuesOf(safeScoreTotals(scheme, { length: 1, 0: plain("a") } as never))).toEqual(words);
  });

  it("scores a scheme beyond the fast path (a custom method) on the full path", () => {
    const custom = defineScheme({ id: "c", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "custom", score: () => 4 } }] }] });
    expect(scoreTotals(custom, [{ id: "a", values: { x: 1 } }])).toEqual([{ subjectId: "a", total: 4, exact: "4" }]);
  });
});
