import { z } from "../core/z.js";
import { max, min, text, ZERO } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { decimal, dec, type DecimalInput } from "../core/validate.js";
import type { CompileContext, CompiledMethod } from "./types.js";
import { readCount } from "./values.js";

/**
 * Deduction per occurrence (扣分): points − count × `per`, the deduction limited to `max`, the
 * score not below `floor`. The value is the count of occurrences.
 */
export interface DeductionMethod {
  /** Method name. */
  readonly type: "deduction";
  /** Points deducted per occurrence, more than 0. */
  readonly per: DecimalInput;
  /** Lowest score, 0 to the indicator's points; 0 when left out. */
  readonly floor?: DecimalInput;
  /** Largest total deduction, more than 0; no limit when left out. */
  readonly max?: DecimalInput;
}

/** @internal */
export const deductionSchema = z.strictObject({
  type: z.literal("deduction"),
  per: decimal({ min: 0, above: true }, "Points deducted per occurrence."),
  floor: decimal({ min: 0 }, "Lowest score (default 0).").optional(),
  max: decimal({ min: 0, above: true }, "Largest total deduction.").optional(),
});

/** @internal */
export function compileDeduction(config: DeductionMethod, ctx: CompileContext): CompiledMethod {
  const per = dec(config.per);
  const floor = config.floor === undefined ? ZERO : dec(config.floor);
  const limit = config.max === undefined ? undefined : dec(config.max);
  if (floor.gt(ctx.points))
    ctx.report(IssueCode.outOfRange, [...ctx.path, "floor"], { key: "methodMoreThanPoints", value: text(floor), points: text(ctx.points) });
  return {
    kind: "single",
    score(value, points) {
      const count = readCount(value);
      if ("invalid" in count) return count;
      const raw = count.times(per);
      const deducted = limit ? min(raw, limit) : raw;
      const remaining = points.minus(deducted);
      const earned = max(remaining, floor);
      return {
        fraction: earned.div(points),
        earned,
        values: {
          count: text(count),
          per: text(per),
          deducted: text(deducted),
          ...(limit ? { max: text(limit) } : {}),
          floor: text(floor),
          points: text(points),
          raw: text(remaining),
        },
      };
    },
  };
}
