import { z } from "../core/z.js";
import { clamp, ONE, text, ZERO } from "../core/decimal.js";
import { decimal, dec, type DecimalInput } from "../core/validate.js";
import type { CompiledMethod } from "./types.js";
import { readNumber } from "./values.js";

/**
 * Completion rate (完成率): points × actual ÷ target, capped at `cap`, never below 0.
 * With `direction: "lower"` lower is better: target ÷ actual, full marks at or below the target.
 */
export interface CompletionMethod {
  /** Method name. */
  readonly type: "completion";
  /** The target (目标值), more than 0. */
  readonly target: DecimalInput;
  /** Highest fraction of the points, more than 0 and at most 1; 1 when left out. */
  readonly cap?: DecimalInput;
  /** `higher` (default) when more is better, `lower` when less is better. */
  readonly direction?: "higher" | "lower";
}

/** @internal */
export const completionSchema = z.strictObject({
  type: z.literal("completion"),
  target: decimal({ min: 0, above: true }, "Target value (目标值), more than 0."),
  cap: decimal({ min: 0, above: true, max: 1 }, "Highest fraction of the points (default 1).").optional(),
  direction: z.enum(["higher", "lower"]).describe("Whether more (default) or less is better.").optional(),
});

/** @internal */
export function compileCompletion(config: CompletionMethod): CompiledMethod {
  const target = dec(config.target);
  const cap = config.cap === undefined ? ONE : dec(config.cap);
  const lower = config.direction === "lower";
  return {
    kind: "single",
    score(value, points) {
      const actual = readNumber(value);
      if ("invalid" in actual) return actual;
      const ratio = lower ? (actual.lte(target) ? ONE : target.div(actual)) : actual.div(target);
      const fraction = clamp(ratio, ZERO, cap);
      // Multiply before dividing: the one division is then exact whenever the points are.
      const earned = !fraction.eq(ratio) || ratio.eq(ONE) ? points.times(fraction) : lower ? points.times(target).div(actual) : points.times(actual).div(target);
      return {
        fraction,
        earned,
        values: {
          actual: text(actual),
          target: text(target),
          direction: lower ? "lower" : "higher",
          ratio: text(ratio),
          cap: text(cap),
          fraction: text(fraction),
          points: text(points),
        },
      };
    },
  };
}
