import { Dec, sum, text, toDec, toNumber } from "../core/decimal.js";
import { deepFreeze } from "../core/freeze.js";
import { made, madeAs } from "../core/snapshot.js";
import { IssueCode, issue, JixiaoError, within } from "../core/errors.js";
import { MAX_HISTOGRAM_BINS } from "../core/limits.js";
import { byText } from "../core/order.js";
import { decimal, parseWith, type DecimalInput } from "../core/validate.js";
import { z } from "../core/z.js";
import type { Locale } from "../explain/messages.js";
import { CHANGE_LINES } from "../messages/compare.js";
import { assess, type Assessment, type AssessmentInput, type AssessmentRules } from "../pipeline/assess.js";
import type { RankEntry } from "../ranking/types.js";
import { assignTiers } from "../tiers/assign.js";
import { defineTierPolicy } from "../tiers/policy.js";
import type { ScoreResult } from "../scoring/result.js";

/** Where a person stands under one set of rules. */
export interface Standing {
  /** The final total (after any last-place deductions). */
  readonly total: number;
  /** The final total's exact text. */
  readonly exact: string;
  /** The rank in the final ranking (within the peer group when ranked by groups). */
  readonly rank: number;
  /** The tier, or `null` without a tier policy. */
  readonly tier: string | null;
}

/**
 * One part of a change of total, with its effect on the total (`delta`, exact): an indicator's
 * points, the bonus applied, the deductions applied (a larger deduction is a negative effect), and
 * the rest (rounding of the total, caps of groups or adjustments, vetoes) so that the parts add up
 * to the change exactly.
 */
export type ChangeCause = IndicatorCause | AdjustmentCause | RestCause;

/** An indicator whose points changed. */
export interface IndicatorCause {
  /** Always `indicator`. */
  readonly kind: "indicator";
  /** The indicator's id. */
  readonly id: string;
  /** Its name, when it has one. */
  readonly name?: string;
  /** Its points under the baseline (`0` where the scheme has no such indicator). */
  readonly baseline: string;
  /** Its points under the reform (likewise). */
  readonly reform: string;
  /** The effect on the total: reform less baseline. */
  readonly delta: string;
}

/** The bonus or the deductions applied, changed. */
export interface AdjustmentCause {
  /** `bonus` or `deductions`. */
  readonly kind: "bonus" | "deductions";
  /** The points applied under the baseline. */
  readonly baseline: string;
  /** The points applied under the reform. */
  readonly reform: string;
  /** The effect on the total: a larger bonus adds, a larger deduction takes away. */
  readonly delta: string;
}

/** What the other causes leave of the change: the total's rounding, caps of groups or adjustments, vetoes. */
export interface RestCause {
  /** Always `rest`. */
  readonly kind: "rest";
  /** The effect on the total. */
  readonly delta: string;
}

/** How a person's tier moved: up or down the tier order, the same, or changed between tiers that one order does not hold. */
export type TierMove = "up" | "down" | "same" | "changed";

/** One person under the baseline and the reform. */
export interface PersonChange {
  /** The person's subject id. */
  readonly subjectId: string;
  /** The person's name, when given. */
  readonly name?: string;
  /** The peer group the person is compared in (the final ranking's, else the subject's `group`), or `null`. */
  readonly group: string | null;
  /** Where the person stands under the baseline. */
  readonly baseline: Standing;
  /** Where the person stands under the reform. */
  readonly reform: Standing;
  /** The reform's total less the baseline's. */
  readonly delta: number;
  /** That change's exact text. */
  readonly deltaExact: string;
  /** How the tier moved. */
  readonly move: TierMove;
  /** What made the change, when subjects were scored (empty when scores were given). */
  readonly causes: readonly ChangeCause[];
}

/** The tier transition matrix: for each baseline tier, how many went to each reform tier. */
export interface TierTransitions {
  /** The tiers, in order (the baseline's, then any the reform adds); `null` for no tier is listed as "". */
  readonly tiers: readonly string[];
  /** `counts[from][to]`: how many moved from `from` (baseline) to `to` (reform). */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** A histogram bin: the totals from `from` (inclusive) to `to` (exclusive; the last bin includes `to`). */
export interface HistogramBin {
  /** The lower edge (inclusive). */
  readonly from: string;
  /** The upper edge (exclusive, but for the last bin). */
  readonly to: string;
  /** How many totals fall in the bin. */
  readonly count: number;
}

/** The distribution of final totals under one set of rules: exact texts. */
export interface Distribution {
  /** How many totals. */
  readonly count: number;
  /** The mean, rounded half-up to `meanDecimals` places (a mean need not end); every other figure is exact. */
  readonly mean: string | null;
  /** The quartiles as Excel's QUARTILE.INC takes them (linear between the sorted totals), the median the second. */
  readonly q1: string | null;
  /** The median (the second quartile). */
  readonly median: string | null;
  /** The third quartile. */
  readonly q3: string | null;
  /** The lowest total. */
  readonly min: string | null;
  /** The highest total. */
  readonly max: string | null;
  /** The same bins for the baseline and the reform, so that the two overlay. */
  readonly histogram: readonly HistogramBin[];
}

/** The two distributions of a comparison. */
export interface Distributions {
  /** Under the baseline. */
  readonly baseline: Distribution;
  /** Under the reform. */
  readonly reform: Distribution;
}

/** What {@link compare} found. */
export interface Comparison {
  /** Each person, by subject id. */
  readonly people: readonly PersonChange[];
  /** The tier transition matrix over everyone. */
  readonly transitions: TierTransitions;
  /** The transitions within each peer group (`""` for people in none). */
  readonly byGroup: Readonly<Record<string, TierTransitions>>;
  /** The distributions of the final totals under each set of rules. */
  readonly distribution: Distributions;
  /** Who moved up a tier, by subject id. */
  readonly movedUp: readonly string[];
  /** Who moved down a tier, by subject id. */
  readonly movedDown: readonly string[];
  /** The baseline's assessment in full (rankings, placements with their reasons, results with their traces). */
  readonly baseline: Assessment;
  /** The reform's assessment in full. */
  readonly reform: Assessment;
}

/** The bins of a comparison's histogram. */
export interface HistogramOptions {
  /** The width of a bin: 10 points by default. */
  readonly width?: DecimalInput;
  /** Where the first bin starts: by default the multiple of the width at or below the lowest total. */
  readonly start?: DecimalInput;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  /** The histogram's bins: their width (10 points by default) and where the first starts (by default the multiple of the width at or below the lowest total). */
  readonly histogram?: HistogramOptions;
  /** The decimals the mean is rounded to (half up): 6 by default. */
  readonly meanDecimals?: number;
  /** The language of the reasons written on deduction items of subjects scored again: `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
}

/** The options of {@link compare}, as it checks them (the service's OpenAPI document shows them). @internal */
export const compareOptionsSchema = z
  .strictObject({
    histogram: z.strictObject({ width: decimal({ min: 0, above: true }).optional(), start: decimal().optional() }).optional(),
    meanDecimals: z.number().int().min(0).max(20).optional(),
    locale: z.enum(["zh-CN", "en"]).optional(),
  })
  .optional();

const argsSchema = z.strictObject({ baseline: z.unknown(), reform: z.unknown(), input: z.unknown() });

/** What one person's standing is read from: the final ranking's entry, the placement's tier, the result scored last. */
function standings(a: Assessment): Map<string, { entry: RankEntry; tier: string | null; result: ScoreResult | undefined }> {
  const tiers = new Map((a.assignment?.placements ?? []).map((p) => [p.subjectId, p.tier]));
  const results = new Map((a.rescored ?? a.scored ?? []).map((r) => [r.subjectId, r]));
  return new Map(a.finalRanking.entries.map((e) => [e.subjectId, { entry: e, tier: tiers.get(e.subjectId) ?? null, result: results.get(e.subjectId) }]));
}

/** The causes of a change of total, from the two results, adding up to `delta` exactly. */
function causesOf(b: ScoreResult, r: ScoreResult, delta: Dec): ChangeCause[] {
  const out: ChangeCause[] = [];
  const before = new Map(b.indicators.map((i) => [i.id, i]));
  const after = new Map(r.indicators.map((i) => [i.id, i]));
  const ids = [...before.keys(), ...[...after.keys()].filter((id) => !before.has(id))];
  for (const id of ids) {
    const x = before.get(id);
    const y = after.get(id);
    const [bx, ry] = [x?.exact ?? "0", y?.exact ?? "0"];
    if (bx === ry) continue;
    const name = y?.name ?? x?.name;
    out.push({ kind: "indicator", id, ...(name !== undefined ? { name } : {}), baseline: bx, reform: ry, delta: text(new Dec(ry).minus(bx)) });
  }
  if (b.bonus.exact !== r.bonus.exact) out.push({ kind: "bonus", baseline: b.bonus.exact, reform: r.bonus.exact, delta: text(new Dec(r.bonus.exact).minus(b.bonus.exact)) });
  if (b.deductions.exact !== r.deductions.exact)
    out.push({ kind: "deductions", baseline: b.deductions.exact, reform: r.deductions.exact, delta: text(new Dec(b.deductions.exact).minus(r.deductions.exact)) });
  const rest = delta.minus(sum(out.map((c) => new Dec(c.delta))));
  if (!rest.isZero()) out.push({ kind: "rest", delta: text(rest) });
  return out;
}

/** An assessment with another tier policy's tiers on its final ranking, its problems at `reform.tierPolicy`. */
function retiered(a: Assessment, rules: AssessmentRules): Assessment {
  const given = rules.tierPolicy;
  const kept = { ...a };
  delete kept.assignment;
  if (given === undefined) return kept;
  const policy = within({}, ["reform", "tierPolicy"], () => defineTierPolicy(given));
  return { ...kept, assignment: within({ policy: ["reform", "tierPolicy"] }, ["ranking"], () => assignTiers(a.finalRanking, policy)) };
}

/** A tier's move between two orders of tiers: by the reform's order when it holds both, else the baseline's. */
function moveOf(b: string | null, r: string | null, orders: readonly (readonly string[])[]): TierMove {
  if (b === r) return "same";
  if (b === null || r === null) return "changed";
  for (const order of orders) {
    const [i, j] = [order.indexOf(b), order.indexOf(r)];
    if (i >= 0 && j >= 0) return j < i ? "up" : "down";
  }
  return "changed";
}

/** The value of Excel's QUARTILE.INC at `p` of sorted decimals: linear between the two nearest. */
function quantile(sorted: readonly Dec[], p: Dec): Dec {
  const h = new Dec(sorted.length - 1).times(p);
  const lo = h.floor().toNumber();
  const frac = h.minus(lo);
  const x = sorted[lo]!;
  return frac.isZero() ? x : x.plus(frac.times(sorted[lo + 1]!.minus(x)));
}

/** The bins of the histogram over both sets of totals, or a thrown issue when there would be too many. */
function binsFor(all: readonly Dec[], width: Dec, start: Dec | undefined): Dec[] {
  if (all.length === 0) return [];
  const lowest = all.reduce((m, v) => (v.lt(m) ? v : m));
  const highest = all.reduce((m, v) => (v.gt(m) ? v : m));
  const first = start ?? lowest.div(width).floor().times(width);
  const from = first.gt(lowest) ? lowest.minus(first).div(width).floor().times(width).plus(first) : first;
  // Edges from `from` by `width` until one is above the highest total (the last bin takes the highest).
  const count = highest.minus(from).div(width).floor().plus(1);
  if (count.gt(MAX_HISTOGRAM_BINS))
    throw new JixiaoError([issue(IssueCode.outOfRange, ["options", "histogram", "width"], { key: "compareTooManyBins", bins: count.toNumber(), limit: MAX_HISTOGRAM_BINS })], "Too many bins");
  return Array.from({ length: count.toNumber() + 1 }, (_, k) => from.plus(width.times(k)));
}

function distribution(totals: readonly Dec[], edges: readonly Dec[], meanDecimals: number): Distribution {
  const sorted = [...totals].sort((a, b) => a.cmp(b));
  const n = sorted.length;
  const histogram = edges.slice(0, -1).map((from, k) => {
    const to = edges[k + 1]!;
    const last = k === edges.length - 2;
    return { from: text(from), to: text(to), count: sorted.filter((v) => v.gte(from) && (v.lt(to) || (last && v.eq(to)))).length };
  });
  if (n === 0) return { count: 0, mean: null, q1: null, median: null, q3: null, min: null, max: null, histogram };
  const q = (p: string) => text(quantile(sorted, new Dec(p)));
  return {
    count: n,
    mean: text(sum(sorted).div(n).toDecimalPlaces(meanDecimals, Dec.ROUND_HALF_UP)),
    q1: q("0.25"),
    median: q("0.5"),
    q3: q("0.75"),
    min: text(sorted[0]!),
    max: text(sorted[n - 1]!),
    histogram,
  };
}

/** Counts of moves from each baseline tier to each reform tier, over `tiers` in order. */
function transitions(pairs: readonly (readonly [string, string])[], tiers: readonly string[]): TierTransitions {
  const counts: Record<string, Record<string, number>> = Object.create(null) as Record<string, Record<string, number>>;
  for (const from of tiers) {
    counts[from] = Object.create(null) as Record<string, number>;
    for (const to of tiers) counts[from][to] = 0;
  }
  for (const [from, to] of pairs) counts[from]![to]!++;
  return { tiers, counts };
}

/** The tier names of a tier policy as given in rules (its `tiers[].name`, in order). */
const tierNames = (rules: AssessmentRules): string[] => ((rules.tierPolicy?.tiers ?? []) as readonly { name: string }[]).map((t) => t.name);

/**
 * Compares a reform with the baseline: the same people assessed under two sets of rules — a
 * scheme, rank options, a last-place policy and a tier policy, any of which the reform replaces —
 * each through {@link assess}. Gives each person's totals, ranks and tiers under both with the
 * change and what made it (indicator by indicator, bonus, deductions, and the rest), the tier
 * transition matrix overall and per peer group, the two distributions (mean, quartiles, extremes,
 * and a histogram on the same exact bins), and who moved up or down a tier. Everything is exact but
 * the mean, which is rounded (`meanDecimals`).
 * @param baseline - today's rules.
 * @param reform - the rules proposed.
 * @param input - the people: subjects to score, or scores already made.
 * @param options - the histogram's bins, the mean's decimals, the language of deduction reasons.
 * @returns the comparison (see {@link Comparison}); {@link explainChange} words one person's change.
 * @throws {@link JixiaoError} with the problems of either set of rules at `baseline.…` or `reform.…`, and of the people at `input.…`.
 * @example
 * ```ts
 * const people = { scores: [90, 85, 80, 75, 70, 65, 60, 55, 50, 45].map((total, i) => ({ subjectId: `p${i + 1}`, total })) };
 * const tiers = (share: number) => ({ tierPolicy: { tiers: [{ name: "好", share }, { name: "中" }] } });
 * const c = compare(tiers(0.2), tiers(0.3), people);
 * [c.movedUp, c.transitions.counts["中"]["好"]];
 * //=> [["p3"], 1]
 * ```
 */
export function compare(baseline: AssessmentRules, reform: AssessmentRules, input: AssessmentInput, options?: CompareOptions): Comparison {
  const args = parseWith(argsSchema, { baseline, reform, input }, "Comparison is not valid");
  const o = parseWith(compareOptionsSchema, options, "Comparison options are not valid", ["options"]) ?? {};
  const [rb, rr] = [args.baseline as AssessmentRules, args.reform as AssessmentRules];
  const people = args.input as AssessmentInput;
  const at = o.locale ? { locale: o.locale } : {};
  const a = within({ rules: ["baseline"] }, [], () => assess(rb, people, at));
  // A reform that changes only the tier policy (the usual edit: a share, a threshold) scores and
  // ranks exactly as the baseline does: its tiers are assigned on the baseline's final ranking.
  const same = (key: "scheme" | "rank" | "lastPlace") => JSON.stringify(rb[key]) === JSON.stringify(rr[key]);
  const b = same("scheme") && same("rank") && same("lastPlace") ? retiered(a, rr) : within({ rules: ["reform"] }, [], () => assess(rr, people, at));
  const before = standings(a);
  const after = standings(b);
  const orders = [tierNames(rr), tierNames(rb)];
  const changes: PersonChange[] = [];
  for (const [id, x] of before) {
    const y = after.get(id)!;
    const delta = new Dec(y.entry.exact).minus(x.entry.exact);
    const name = x.entry.name ?? y.entry.name;
    const group = y.entry.peerGroup ?? y.entry.group ?? null;
    changes.push({
      subjectId: id,
      ...(name !== undefined ? { name } : {}),
      group,
      baseline: { total: x.entry.score, exact: x.entry.exact, rank: x.entry.rank, tier: x.tier },
      reform: { total: y.entry.score, exact: y.entry.exact, rank: y.entry.rank, tier: y.tier },
      delta: toNumber(delta),
      deltaExact: text(delta),
      move: moveOf(x.tier, y.tier, orders),
      causes: x.result && y.result ? causesOf(x.result, y.result, delta) : [],
    });
  }
  changes.sort((p, q) => byText(p.subjectId, q.subjectId));
  // The tiers in order: the baseline's, then those only the reform has, then "" for none.
  const named = [...new Set([...orders[1]!, ...orders[0]!])];
  const tierKey = (t: string | null) => t ?? "";
  const tiers = changes.some((c) => c.baseline.tier === null || c.reform.tier === null) ? [...named, ""] : named;
  const pairs = (list: readonly PersonChange[]) => list.map((c) => [tierKey(c.baseline.tier), tierKey(c.reform.tier)] as const);
  const groups = [...new Set(changes.map((c) => c.group ?? ""))].sort(byText);
  const byGroup: Record<string, TierTransitions> = Object.create(null) as Record<string, TierTransitions>;
  for (const g of groups) byGroup[g] = transitions(pairs(changes.filter((c) => (c.group ?? "") === g)), tiers);
  const totals = (side: "baseline" | "reform") => changes.map((c) => new Dec(c[side].exact));
  const width = o.histogram?.width !== undefined ? toDec(o.histogram.width)! : new Dec(10);
  const start = o.histogram?.start !== undefined ? toDec(o.histogram.start) : undefined;
  const edges = binsFor([...totals("baseline"), ...totals("reform")], width, start);
  const meanDecimals = o.meanDecimals ?? 6;
  // What explainChange and the report read is frozen through; the two assessments are the steps' own results, attached as they are.
  const found = deepFreeze({
    people: changes,
    transitions: transitions(pairs(changes), tiers),
    byGroup,
    distribution: { baseline: distribution(totals("baseline"), edges, meanDecimals), reform: distribution(totals("reform"), edges, meanDecimals) },
    movedUp: changes.filter((c) => c.move === "up").map((c) => c.subjectId),
    movedDown: changes.filter((c) => c.move === "down").map((c) => c.subjectId),
  });
  return made("comparison", Object.freeze({ ...found, baseline: a, reform: b }));
}

const explainOptions = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional() }).optional();

/** A signed exact text: `+1.5`, `-2`, `0`. */
const signed = (d: string): string => (d.startsWith("-") || d === "0" ? d : `+${d}`);

/**
 * Says why a person's standing changed between the baseline and the reform: the tier and its move,
 * the total and rank, then each cause with its effect on the total (indicators by name, bonus,
 * deductions, and the rest), in Chinese or English.
 * @param comparison - a result of {@link compare}.
 * @param subjectId - the person.
 * @param options - `locale`: `zh-CN` (default) or `en`.
 * @returns the explanation, a line for each part.
 * @throws {@link JixiaoError} when the person is not in the comparison.
 * @example
 * ```ts
 * explainChange(c, "p3");
 * //=> "p3：等次 中 → 好（上升）\n总分 80 → 80（0），名次 3 → 3\n各项得分均未改变"
 * ```
 */
export function explainChange(comparison: Comparison, subjectId: string, options?: { readonly locale?: Locale }): string {
  const locale = parseWith(explainOptions, options, "Explain options are not valid", ["options"])?.locale ?? "zh-CN";
  if (!madeAs("comparison", comparison)) throw new JixiaoError([issue(IssueCode.invalidInput, ["comparison"], { key: "compareNotComparison" })], "Not a comparison");
  const p = comparison.people.find((x) => x.subjectId === subjectId);
  if (p === undefined) throw new JixiaoError([issue(IssueCode.unknownId, ["subjectId"], { key: "compareUnknownSubject", subjectId: String(subjectId) })], "Unknown subject");
  const w = CHANGE_LINES[locale];
  const lines = [w.tier(w.who(p.subjectId, p.name), p.baseline.tier, p.reform.tier, p.move), w.total(p.baseline.exact, p.reform.exact, signed(p.deltaExact), p.baseline.rank, p.reform.rank)];
  for (const c of p.causes) {
    if (c.kind === "indicator") lines.push(w.indicator(c.name ?? c.id, c.baseline, c.reform, signed(c.delta)));
    else if (c.kind === "rest") lines.push(w.rest(signed(c.delta)));
    else lines.push(w[c.kind](c.baseline, c.reform, signed(c.delta)));
  }
  if (p.causes.length === 0 && p.deltaExact === "0") lines.push(w.unchanged);
  return lines.join("\n");
}
