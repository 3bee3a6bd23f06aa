import { z } from "../core/z.js";
import { Dec, sum, text, toDec, toNumber, ZERO } from "../core/decimal.js";
import { IssueCode, JixiaoError, issue, type Issue } from "../core/errors.js";
import { roundAt, type Rounding } from "../core/rounding.js";
import type { TraceStep } from "../core/trace.js";
import { addIssue, decimal, parseWith, type DecimalInput } from "../core/validate.js";
import { roundingSchema } from "../scheme/schema.js";

/**
 * How the occupational foundation (职业基础, R9) of serving staff is made: the weighted assessment
 * results of the last years. The number of years is the number of weights; the weights are the
 * bureau's.
 */
export interface FoundationPolicy {
  /** Weights, the most recent year first (`[0.5, 0.3, 0.2]` for three years), each at least 0, adding up to 1. */
  readonly weights: readonly DecimalInput[];
  /**
   * A year with no result: `zero` (counts as 0), `renormalize` (left out: the result is the weighted
   * mean of the years that have one, Σ weight × result ÷ Σ their weights) or `error`.
   */
  readonly missing: "zero" | "renormalize" | "error";
  /** Rounding of the result; none when left out. */
  readonly rounding?: Rounding;
}

/** One year's assessment result. */
export interface YearResult {
  /** The year. */
  readonly year: number;
  /** Its result (the year's account score or assessment score). */
  readonly score: DecimalInput;
}

/** An occupational foundation and the years that made it. */
export interface FoundationResult {
  /** The most recent year counted. */
  readonly latestYear: number;
  /** The foundation score. */
  readonly score: number;
  /** The score as exact decimal text. */
  readonly exact: string;
  /** Each year with its weight and result (`null` where it had none). */
  readonly years: readonly {
    /** The year. */
    readonly year: number;
    /** Its weight, exact. */
    readonly weight: string;
    /** Its result, exact, or `null`. */
    readonly score: string | null;
  }[];
  /** How it was made. */
  readonly trace: readonly TraceStep[];
}

const policySchema = z
  .strictObject({
    weights: z.array(decimal({ min: 0 })).min(1).max(60),
    missing: z.enum(["zero", "renormalize", "error"]),
    rounding: roundingSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const total = sum(p.weights.map((w) => toDec(w) ?? ZERO));
    if (!total.eq(1)) addIssue(ctx, IssueCode.invalidRule, { key: "foundationWeightsSum", total: text(total) }, ["weights"]);
  });
const resultsSchema = z.array(z.strictObject({ year: z.number().int().min(1000).max(9999), score: decimal() })).max(10_000);

/**
 * The occupational foundation of serving staff (R9): Σ weight × result over the last N years,
 * the most recent year being `latestYear`.
 * @param results - the person's yearly results, in any order; later years are ignored.
 * @param latestYear - the most recent year counted (the year before the one being assessed, usually).
 * @param policy - weights (most recent first), what a missing year means, rounding.
 * @returns the score with the years that made it.
 * @throws {@link JixiaoError} when a year repeats, the policy is not valid, a year is missing under `error`, or no weighted year has a result under `renormalize`.
 * @example
 * ```ts
 * occupationalFoundation([{ year: 2023, score: 90 }, { year: 2022, score: 85 }, { year: 2021, score: 80 }], 2023,
 *   { weights: [0.5, 0.3, 0.2], missing: "error" }).exact;
 * //=> "86.5"
 * ```
 */
export function occupationalFoundation(results: readonly YearResult[], latestYear: number, policy: FoundationPolicy): FoundationResult {
  const p = parseWith(policySchema, policy, "Foundation policy is not valid", ["policy"]) as FoundationPolicy;
  const list = parseWith(resultsSchema, results, "Year results are not valid", ["results"]);
  const latest = parseWith(z.number().int().min(1000).max(9999), latestYear, "Latest year is not valid", ["latestYear"]);
  const issues: Issue[] = [];
  const byYear = new Map<number, Dec>();
  list.forEach((r, i) => {
    if (byYear.has(r.year)) issues.push(issue(IssueCode.duplicateId, ["results", i, "year"], { key: "foundationYearRepeated", year: r.year }));
    byYear.set(r.year, toDec(r.score)!);
  });
  const years = p.weights.map((w, i) => ({ year: latest - i, weight: toDec(w)!, score: byYear.get(latest - i) }));
  if (p.missing === "error")
    for (const y of years) if (!y.score) issues.push(issue(IssueCode.missingValue, ["results"], { key: "foundationYearMissing", year: y.year }));
  const counted = p.missing === "renormalize" ? years.filter((y) => y.score) : years;
  const weights = sum(counted.map((y) => y.weight));
  if (issues.length === 0 && weights.isZero()) issues.push(issue(IssueCode.missingValue, ["results"], { key: "foundationNoResult", from: latest - years.length + 1, to: latest }));
  if (issues.length > 0) throw new JixiaoError(issues, "The occupational foundation cannot be made");
  let exact = sum(counted.map((y) => y.weight.times(y.score ?? ZERO)));
  const values: Record<string, string> = Object.fromEntries(years.map((y) => [String(y.year), y.score ? `${text(y.score)} × ${text(y.weight)}` : `none × ${text(y.weight)}`]));
  if (p.missing === "renormalize" && !weights.eq(1)) {
    exact = exact.div(weights);
    values["÷ weights"] = text(weights);
  }
  const trace: TraceStep[] = [{ at: "foundation", rule: "weighted", values, result: text(exact) }];
  const score = roundAt(exact, p.rounding, "foundation", trace);
  return {
    latestYear: latest,
    score: toNumber(score),
    exact: text(score),
    years: years.map((y) => ({ year: y.year, weight: text(y.weight), score: y.score ? text(y.score) : null })),
    trace,
  };
}
