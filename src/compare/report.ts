import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { IssueCode, issue, JixiaoError } from "../core/errors.js";
import { madeAs } from "../core/snapshot.js";
import type { Locale } from "../explain/messages.js";
import { REPORT_WORDS, type ReportWords } from "../messages/compare.js";
import { explainChange, type Comparison, type Distribution } from "./compare.js";

/** Text made safe inside HTML: `&`, `<`, `>`, `"` and `'` written as entities. */
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",system-ui,sans-serif;margin:2em;color:#222;max-width:72em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #999;padding:.25em .6em;text-align:right;vertical-align:top}
th{background:#eee}td.t,th.t{text-align:left}td.why{white-space:pre-line;text-align:left}
.base{fill:#9e9e9e}.ref{fill:#1f5fbf}svg text{font-size:12px;fill:#222}
@media print{body{margin:1cm}}`;

/** The distribution's histogram as an SVG bar chart: the baseline's and the reform's bars side by side in each bin, with title, axes, units and legend. */
function histogramSvg(b: Distribution, r: Distribution, w: ReportWords): string {
  const bins = b.histogram;
  const [width, height, left, bottom, top] = [720, 300, 56, 56, 36];
  const plotW = width - left - 16;
  const plotH = height - bottom - top;
  const most = Math.max(1, ...bins.map((x) => x.count), ...r.histogram.map((x) => x.count));
  const step = bins.length > 0 ? plotW / bins.length : plotW;
  const bar = Math.max(1, step / 2 - 2);
  const y = (n: number) => top + plotH - (plotH * n) / most;
  const parts: string[] = [];
  parts.push(`<text x="${width / 2}" y="18" text-anchor="middle" font-weight="bold">${esc(w.histogramTitle)}</text>`);
  // Axes, the y axis with 0 and the highest count.
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#222"/>`);
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#222"/>`);
  parts.push(`<text x="${left - 6}" y="${top + plotH + 4}" text-anchor="end">0</text><text x="${left - 6}" y="${top + 4}" text-anchor="end">${most}</text>`);
  parts.push(`<text x="${left + plotW / 2}" y="${height - 8}" text-anchor="middle">${esc(w.xAxis)}</text>`);
  parts.push(`<text transform="translate(14 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(w.yAxis)}</text>`);
  bins.forEach((bin, k) => {
    const x = left + k * step;
    const nb = bin.count;
    const nr = r.histogram[k]?.count ?? 0;
    parts.push(`<rect class="base" x="${x + 1}" y="${y(nb)}" width="${bar}" height="${top + plotH - y(nb)}"><title>${esc(`${w.baseline} ${bin.from}–${bin.to}: ${nb}`)}</title></rect>`);
    parts.push(`<rect class="ref" x="${x + 1 + bar}" y="${y(nr)}" width="${bar}" height="${top + plotH - y(nr)}"><title>${esc(`${w.reform} ${bin.from}–${bin.to}: ${nr}`)}</title></rect>`);
    parts.push(`<text x="${x}" y="${top + plotH + 16}" text-anchor="middle">${esc(bin.from)}</text>`);
  });
  if (bins.length > 0) parts.push(`<text x="${left + plotW}" y="${top + plotH + 16}" text-anchor="middle">${esc(bins[bins.length - 1]!.to)}</text>`);
  // Legend.
  parts.push(`<rect class="base" x="${width - 190}" y="26" width="12" height="12"/><text x="${width - 172}" y="36">${esc(w.baseline)}</text>`);
  parts.push(`<rect class="ref" x="${width - 100}" y="26" width="12" height="12"/><text x="${width - 82}" y="36">${esc(w.reform)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(w.histogramTitle)}">${parts.join("")}</svg>`;
}

const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional(), title: z.string().max(200).optional() }).optional();

/**
 * A comparison as one self-contained HTML page — inline styles, no script, no network, readable
 * offline and in print: the counts, the two distributions (a table and an SVG histogram with its
 * title, axes and legend), the tier transition matrix, and everyone whose tier changed with the
 * reason in words ({@link explainChange}). Every text from the input is escaped.
 * @param comparison - a result of {@link compare}.
 * @param options - `locale` (`zh-CN` default, or `en`) and a `title` of your own.
 * @returns the page's HTML.
 * @throws {@link JixiaoError} when `comparison` is not a result of `compare`.
 * @example
 * ```ts
 * const page = comparisonReport(compare(baseline, reform, people), { title: "2025 年考核办法修订测算" });
 * page.startsWith("<!DOCTYPE html>");
 * //=> true
 * ```
 */
export function comparisonReport(comparison: Comparison, options?: { readonly locale?: Locale; readonly title?: string }): string {
  const o = parseWith(optionsSchema, options, "Report options are not valid", ["options"]);
  if (!madeAs("comparison", comparison)) throw new JixiaoError([issue(IssueCode.invalidInput, ["comparison"], { key: "compareNotComparison" })], "Not a comparison");
  const locale = o?.locale ?? "zh-CN";
  const w = REPORT_WORDS[locale];
  const c = comparison;
  const title = o?.title ?? w.title;
  const tierName = (t: string) => esc(t === "" ? w.none : t);
  const stat = (d: Distribution) => [String(d.count), d.mean ?? "", d.q1 ?? "", d.median ?? "", d.q3 ?? "", d.min ?? "", d.max ?? ""].map((v) => `<td>${esc(v)}</td>`).join("");
  const matrix = [
    `<tr><th class="t">${esc(w.fromTo)}</th>${c.transitions.tiers.map((t) => `<th>${tierName(t)}</th>`).join("")}</tr>`,
    ...c.transitions.tiers.map((from) => `<tr><th class="t">${tierName(from)}</th>${c.transitions.tiers.map((to) => `<td>${c.transitions.counts[from]![to]}</td>`).join("")}</tr>`),
  ].join("");
  const moved = c.people.filter((p) => p.move !== "same");
  const rows = moved.map((p) => {
    const why = explainChange(c, p.subjectId, { locale }).split("\n").slice(1).join("\n");
    const cells = [p.subjectId, p.name ?? "", p.group ?? "", p.baseline.exact, p.reform.exact, p.deltaExact, `${p.baseline.tier ?? w.none} → ${p.reform.tier ?? w.none}`];
    return `<tr>${cells.map((v, k) => `<td${k < 3 || k === 6 ? ' class="t"' : ""}>${esc(v)}</td>`).join("")}<td class="why">${esc(why)}</td></tr>`;
  });
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(w.people(c.people.length))}${locale === "en" ? "; " : "；"}${esc(w.moved(c.movedUp.length, c.movedDown.length))}</p>`,
    `<h2>${esc(w.distribution)}</h2>`,
    `<table><tr><th class="t"></th>${w.stats.map((s) => `<th>${esc(s)}</th>`).join("")}</tr><tr><th class="t">${esc(w.baseline)}</th>${stat(c.distribution.baseline)}</tr><tr><th class="t">${esc(w.reform)}</th>${stat(c.distribution.reform)}</tr></table>`,
    histogramSvg(c.distribution.baseline, c.distribution.reform, w),
    `<h2>${esc(w.transitions)}</h2>`,
    `<table>${matrix}</table>`,
    `<h2>${esc(w.movers)}</h2>`,
    rows.length > 0 ? `<table><tr>${w.columns.map((h, k) => `<th${k < 3 || k >= 6 ? ' class="t"' : ""}>${esc(h)}</th>`).join("")}</tr>${rows.join("")}</table>` : `<p>${esc(w.noMovers)}</p>`,
    `<p><small>${esc(w.generated)}</small></p>`,
    "</body></html>",
    "",
  ].join("\n");
}
