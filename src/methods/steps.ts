import { z } from "../core/z.js";
import { text, toDec, ZERO, type Dec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { addIssue, decimal, dec, type DecimalInput } from "../core/validate.js";
import { MAX_STEPS } from "../core/limits.js";
import type { CompileContext, CompiledMethod } from "./types.js";
import { readNumber } from "./values.js";

/** One step of a {@link StepsMethod}: a threshold and what reaching it earns. */
export interface Step {
  /** Reached when the value is at least this (higher is better). Give this or `atMost`. */
  readonly atLeast?: DecimalInput;
  /** Reached when the value is at most this (lower is better). Give this or `atLeast`. */
  readonly atMost?: DecimalInput;
  /** Fraction of the indicator's points earned, 0 to 1. Give this or `points`. */
  readonly fraction?: DecimalInput;
  /** Points earned, 0 to the indicator's points. Give this or `fraction`. */
  readonly points?: DecimalInput;
}

/**
 * Steps (分档): the best threshold the value reaches gives its fraction (or points), whatever
 * order the steps are listed in; a value that reaches no step scores 0.
 */
export interface StepsMethod {
  /** Method name. */
  readonly type: "steps";
  /** The steps, all with `atLeast` or all with `atMost`, thresholds distinct. */
  readonly steps: readonly Step[];
}

const stepSchema = z
  .strictObject({
    atLeast: decimal({}, "Reached when the value is at least this.").optional(),
    atMost: decimal({}, "Reached when the value is at most this.").optional(),
    fraction: decimal({ min: 0, max: 1 }, "Fraction of the points earned.").optional(),
    points: decimal({ min: 0 }, "Points earned.").optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.atLeast === undefined) === (s.atMost === undefined))
      addIssue(ctx, IssueCode.invalidRule, { key: "stepsOneThreshold" });
    if ((s.fraction === undefined) === (s.points === undefined))
      addIssue(ctx, IssueCode.invalidRule, { key: "stepsOneEarning" });
  });

/** @internal */
export const stepsSchema = z
  .strictObject({
    type: z.literal("steps"),
    steps: z.array(stepSchema).min(1).max(MAX_STEPS).describe("Thresholds with what reaching them earns."),
  })
  .superRefine((m, ctx) => {
    const lower = m.steps.some((s) => s.atMost !== undefined);
    const seen = new Map<string, number>();
    m.steps.forEach((s, i) => {
      if (lower && s.atLeast !== undefined)
        addIssue(ctx, IssueCode.invalidRule, { key: "stepsMixedThresholds" }, ["steps", i]);
      const threshold = toDec(s.atLeast ?? s.atMost);
      if (!threshold) return;
      const key = threshold.toString();
      const first = seen.get(key);
      if (first !== undefined)
        addIssue(ctx, IssueCode.invalidRule, { key: "stepsRepeatedThreshold", threshold: key, first }, ["steps", i]);
      else seen.set(key, i);
    });
  });

interface CompiledStep {
  readonly threshold: Dec;
  readonly fraction?: Dec;
  readonly points?: Dec;
  readonly index: number;
}

/** @internal */
export function compileSteps(config: StepsMethod, ctx: CompileContext): CompiledMethod {
  const lower = config.steps.some((s) => s.atMost !== undefined);
  const steps: CompiledStep[] = config.steps.map((s, index) => ({
    threshold: dec((s.atLeast ?? s.atMost)!),
    ...(s.fraction !== undefined ? { fraction: dec(s.fraction) } : {}),
    ...(s.points !== undefined ? { points: dec(s.points) } : {}),
    index,
  }));
  for (const s of steps)
    if (s.points && s.points.gt(ctx.points))
      ctx.report(IssueCode.outOfRange, [...ctx.path, "steps", s.index, "points"], { key: "methodMoreThanPoints", value: text(s.points), points: text(ctx.points) });
  // Best threshold first: highest atLeast, or lowest atMost.
  steps.sort((a, b) => (lower ? a.threshold.cmp(b.threshold) : b.threshold.cmp(a.threshold)));
  const sign = lower ? "≤" : "≥";
  return {
    kind: "single",
    score(value, points) {
      const v = readNumber(value);
      if ("invalid" in v) return v;
      const hit = steps.find((s) => (lower ? v.lte(s.threshold) : v.gte(s.threshold)));
      if (!hit) return { fraction: ZERO, earned: ZERO, values: { value: text(v), step: "none", fraction: "0", points: text(points) } };
      const earned = hit.points ?? points.times(hit.fraction!);
      const fraction = hit.fraction ?? earned.div(points);
      return {
        fraction,
        earned,
        values: {
          value: text(v),
          step: `${sign} ${text(hit.threshold)}`,
          fraction: text(fraction),
          points: text(points),
          ...(hit.points ? { stepPoints: text(hit.points) } : {}),
        },
      };
    },
  };
}
