import { z } from "../core/z.js";
import { clamp, Dec, sum, text, toDec, toNumber, ZERO } from "../core/decimal.js";
import { IssueCode, JixiaoError, issue, safely, type Issue, type IssuePath, type SafeResult } from "../core/errors.js";
import { roundAt, type Rounding } from "../core/rounding.js";
import { roundingSchema } from "../scheme/schema.js";
import type { TraceStep } from "../core/trace.js";
import { addIssue, decimal, parseWith, type DecimalInput, want } from "../core/validate.js";
import { PERIOD_KINDS, periodsIn, readKey, spanOf, spanWithin, type DaySpan, type PeriodKey, type PeriodKind } from "../periods/period.js";

/**
 * How shorter periods' scores make a longer period's (R15: monthly results into the quarter and
 * the year): the rule, the weights, the caps and what a missing period means. No official numbers
 * exist; every one is configuration.
 */
export interface AggregationPolicy {
  /** The kind of the periods summed: `month` (default), `week`, `quarter` … */
  readonly of?: PeriodKind;
  /** `sum`, `mean`, or `weighted` (Σ weight × score ÷ Σ weight of the periods counted). */
  readonly rule: "sum" | "mean" | "weighted";
  /** For `weighted`: one weight per period of the target, in order (3 for a quarter of months), each at least 0. */
  readonly weights?: readonly DecimalInput[];
  /**
   * A period with no score: `skip` (left out; the mean is over the periods that have one), `zero`
   * (counts as 0), `error` (the aggregate cannot be made), or `{ fill }` (counts as that score).
   */
  readonly missing:
    | "skip"
    | "zero"
    | "error"
    | {
        /** The score a missing period counts as. */
        readonly fill: DecimalInput;
      };
  /** The result is kept within these bounds. */
  readonly cap?: {
    /** Lowest result. */
    readonly min?: DecimalInput;
    /** Highest result. */
    readonly max?: DecimalInput;
  };
  /** Rounding of the result; none when left out. */
  readonly rounding?: Rounding;
}

/** One shorter period's score, as given. */
export interface PeriodScore {
  /** The period (`2024-07`). */
  readonly period: PeriodKey;
  /** Its score. */
  readonly score: DecimalInput;
}

/** How one shorter period counted in an aggregate. */
export interface AggregatePart {
  /** The period. */
  readonly period: PeriodKey;
  /** Its score as given, or `null` when it had none. */
  readonly score: string | null;
  /** The score it counted with (a fill or 0 for a missing one), or `null` when left out. */
  readonly counted: string | null;
  /** Its weight, for the `weighted` rule. */
  readonly weight?: string;
}

/** A longer period's score made from shorter ones. */
export interface AggregateResult {
  /** The longer period. */
  readonly period: PeriodKey;
  /** The score. */
  readonly score: number;
  /** The score as exact decimal text. */
  readonly exact: string;
  /** Each shorter period of it, in order. */
  readonly parts: readonly AggregatePart[];
  /** The steps: the rule, the cap, the rounding. */
  readonly trace: readonly TraceStep[];
}

const policySchema = z
  .strictObject({
    of: z.enum(["day", "week", "month", "quarter", "half"]).optional(),
    rule: z.enum(["sum", "mean", "weighted"]),
    weights: z.array(decimal({ min: 0 })).min(1).max(400).optional(),
    missing: z.union([z.enum(["skip", "zero", "error"]), z.strictObject({ fill: decimal() })], { error: want("missingRule") }),
    cap: z.strictObject({ min: decimal().optional(), max: decimal().optional() }).optional(),
    rounding: roundingSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.rule === "weighted") !== (p.weights !== undefined))
      addIssue(ctx, IssueCode.invalidRule, { key: p.rule === "weighted" ? "aggregateWeightsRequired" : "aggregateWeightsUnused" }, ["weights"]);
    const { min, max } = p.cap ?? {};
    if (toDec(min) && toDec(max) && toDec(min)!.gt(toDec(max)!))
      addIssue(ctx, IssueCode.invalidRule, { key: "personnelMinAboveMax", max: "cap.max" }, ["cap", "min"]);
  });

/** A policy read for one target: the policy, the target, and the periods of the target it is made of. @internal */
export interface PolicyFor {
  readonly policy: AggregationPolicy;
  readonly target: DaySpan;
  readonly of: PeriodKind;
  readonly keys: readonly PeriodKey[];
}

/**
 * Reads an aggregation policy for a target (checked already), reporting its problems under `base`:
 * its fields, the kind it is made of, and one weight per period of the target. What depends only on
 * the policy and the target is checked here, once, whoever's scores it is used for. @internal
 */
export function readPolicyFor(policy: unknown, target: DaySpan, base: IssuePath): PolicyFor {
  const p = parseWith(policySchema, policy, "Aggregation policy is not valid", base) as AggregationPolicy;
  const of = p.of ?? "month";
  // A week is made only of days, the one kind before it.
  if (PERIOD_KINDS.indexOf(of) >= PERIOD_KINDS.indexOf(target.kind))
    throw new JixiaoError([issue(IssueCode.invalidOption, [...base, "of"], { key: "aggregateNotMadeOf", of, kind: target.kind, target: target.key })], "Aggregation policy is not valid");
  const keys = periodsIn(target.key, of);
  if (p.weights && p.weights.length !== keys.length)
    throw new JixiaoError(
      [issue(IssueCode.invalidRule, [...base, "weights"], { key: "aggregateWeightCount", count: p.weights.length, target: target.key, periods: keys.length, of })],
      "Aggregation policy is not valid",
    );
  return { policy: p, target, of, keys };
}

const scoresSchema = z.array(z.strictObject({ period: z.string().max(20), score: decimal() })).max(100_000);

/**
 * Makes a longer period's score from its shorter periods' scores (R15: months into a quarter or a
 * year), by the policy's rule, weights, caps and missing-period rule. Scores of periods outside the
 * target are ignored; two scores for one period are an error.
 *
 * @param scores - the shorter periods' scores, in any order.
 * @param target - the longer period (`2024-Q3`, `2024`).
 * @param policy - rule, weights, missing, cap, rounding.
 * @returns the score, each part and the trace.
 * @throws {@link JixiaoError} when the policy or the scores are not valid, a period is missing under `missing: "error"`, or no period has a score under `skip`.
 * @example
 * ```ts
 * aggregatePeriods([{ period: "2024-07", score: 90 }, { period: "2024-08", score: 85.5 }], "2024-Q3",
 *   { rule: "mean", missing: "skip" }).exact;
 * //=> "87.75"
 * ```
 */
export function aggregatePeriods(scores: readonly PeriodScore[], target: PeriodKey, policy: AggregationPolicy): AggregateResult {
  const t = spanOf(target, ["target"]);
  return aggregateWith(readPolicyFor(policy, t, ["policy"]), parseWith(scoresSchema, scores, "Period scores are not valid", ["scores"]));
}

/** {@link aggregatePeriods} with a policy read already, for scores checked already. @internal */
export function aggregateWith({ policy: p, target: t, of, keys }: PolicyFor, list: readonly PeriodScore[]): AggregateResult {
  const issues: Issue[] = [];
  const given = new Map<string, Dec>();
  list.forEach((s, i) => {
    const span = readKey(s.period);
    if (!span || span.kind !== of) return void issues.push(issue(IssueCode.invalidOption, ["scores", i, "period"], { key: "aggregateNotPeriodOf", of, period: s.period }));
    if (!spanWithin(t, span)) return;
    if (given.has(span.key)) return void issues.push(issue(IssueCode.duplicateId, ["scores", i, "period"], { key: "aggregatePeriodRepeated", period: span.key }));
    given.set(span.key, toDec(s.score)!);
  });
  const fill = typeof p.missing === "object" ? toDec(p.missing.fill)! : p.missing === "zero" ? ZERO : undefined;
  const parts = keys.map((key, i) => {
    const score = given.get(key);
    if (score === undefined && p.missing === "error") issues.push(issue(IssueCode.missingValue, ["scores"], { key: "aggregatePeriodMissing", period: key }));
    const counted = score ?? fill;
    return { key, score, counted, weight: p.weights ? toDec(p.weights[i])! : undefined };
  });
  const counted = parts.filter((x) => x.counted !== undefined);
  if (issues.length === 0 && counted.length === 0) issues.push(issue(IssueCode.missingValue, ["scores"], { key: "aggregateNoScore", of, target: t.key }));
  const weightSum = sum(counted.map((x) => x.weight ?? ZERO));
  if (issues.length === 0 && p.rule === "weighted" && weightSum.isZero())
    issues.push(issue(IssueCode.invalidRule, ["policy", "weights"], { key: "aggregateZeroWeights" }));
  if (issues.length > 0) throw new JixiaoError(issues, `The score of ${t.key} cannot be made`);

  const values: Record<string, string> = {};
  for (const x of parts) values[x.key] = x.counted === undefined ? "missing" : `${text(x.counted)}${x.weight ? ` × ${text(x.weight)}` : ""}`;
  let result =
    p.rule === "sum"
      ? sum(counted.map((x) => x.counted!))
      : p.rule === "mean"
        ? sum(counted.map((x) => x.counted!)).div(counted.length)
        : sum(counted.map((x) => x.counted!.times(x.weight!))).div(weightSum);
  const trace: TraceStep[] = [{ at: "period", rule: p.rule, values, result: text(result) }];
  if (p.cap) {
    const low = p.cap.min === undefined ? undefined : toDec(p.cap.min)!;
    const high = p.cap.max === undefined ? undefined : toDec(p.cap.max)!;
    const capped = clamp(result, low ?? result, high ?? result);
    if (!capped.eq(result))
      trace.push({ at: "period", rule: "clamp", values: { value: text(result), min: low ? text(low) : "none", max: high ? text(high) : "none" }, result: text(capped) });
    result = capped;
  }
  result = roundAt(result, p.rounding, "period", trace);
  return {
    period: t.key,
    score: toNumber(result),
    exact: text(result),
    parts: parts.map((x) => ({
      period: x.key,
      score: x.score === undefined ? null : text(x.score),
      counted: x.counted === undefined ? null : text(x.counted),
      ...(x.weight ? { weight: text(x.weight) } : {}),
    })),
    trace,
  };
}

/**
 * {@link aggregatePeriods} without throwing.
 * @param scores - the shorter periods' scores.
 * @param target - the longer period.
 * @param policy - the aggregation policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeAggregatePeriods([], "2024-Q3", { rule: "sum", missing: "error" }).success;
 * //=> false
 * ```
 */
export function safeAggregatePeriods(scores: readonly PeriodScore[], target: PeriodKey, policy: AggregationPolicy): SafeResult<AggregateResult> {
  return safely(() => aggregatePeriods(scores, target, policy));
}
