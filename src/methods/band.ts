import { z } from "../core/z.js";
import { clamp, ONE, text, toDec, ZERO } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { addIssue, decimal, dec, type DecimalInput } from "../core/validate.js";
import type { CompiledMethod } from "./types.js";
import { readNumber } from "./values.js";

/**
 * Band (区间线性): linear from `worst` (fraction 0, or `worstFraction`) to `best` (fraction 1),
 * clamped at both ends. `best` below `worst` means lower is better.
 */
export interface BandMethod {
  /** Method name. */
  readonly type: "band";
  /** The value that earns full points. */
  readonly best: DecimalInput;
  /** The value that earns `worstFraction` (0 by default) of the points; different from `best`. */
  readonly worst: DecimalInput;
  /** Fraction earned at `worst` and beyond, at least 0 and less than 1; 0 when left out. */
  readonly worstFraction?: DecimalInput;
}

/** @internal */
export const bandSchema = z
  .strictObject({
    type: z.literal("band"),
    best: decimal({}, "The value that earns full points."),
    worst: decimal({}, "The value that earns worstFraction (default 0)."),
    worstFraction: decimal({ min: 0, max: 1 }, "Fraction earned at worst and beyond (default 0).").optional(),
  })
  .superRefine((m, ctx) => {
    const best = toDec(m.best);
    const worst = toDec(m.worst);
    if (best && worst && best.eq(worst)) addIssue(ctx, IssueCode.invalidRule, { key: "bandSameEnds", value: String(m.best) }, ["worst"]);
    if (toDec(m.worstFraction)?.eq(1))
      addIssue(ctx, IssueCode.outOfRange, { key: "bandWorstFractionOne" }, ["worstFraction"]);
  });

/** @internal */
export function compileBand(config: BandMethod): CompiledMethod {
  const best = dec(config.best);
  const worst = dec(config.worst);
  const low = config.worstFraction === undefined ? ZERO : dec(config.worstFraction);
  const span = best.minus(worst);
  return {
    kind: "single",
    score(value, points) {
      const v = readNumber(value);
      if ("invalid" in v) return v;
      const position = clamp(v.minus(worst).div(span), ZERO, ONE);
      const fraction = low.plus(ONE.minus(low).times(position));
      // Multiply before dividing: points × (low × span + (1 − low) × (value − worst)) ÷ span.
      const inside = position.gt(ZERO) && position.lt(ONE);
      const earned = inside ? points.times(low.times(span).plus(ONE.minus(low).times(v.minus(worst)))).div(span) : points.times(fraction);
      return {
        fraction,
        earned,
        values: {
          value: text(v),
          best: text(best),
          worst: text(worst),
          position: text(position),
          worstFraction: text(low),
          fraction: text(fraction),
          points: text(points),
        },
      };
    },
  };
}
