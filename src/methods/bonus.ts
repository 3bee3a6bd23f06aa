import { z } from "../core/z.js";
import { min, text } from "../core/decimal.js";
import { decimal, dec, type DecimalInput } from "../core/validate.js";
import type { CompiledMethod } from "./types.js";
import { readCount } from "./values.js";

/** Bonus per item (加分): count × `per`, capped at the indicator's points. The value is the count. */
export interface BonusMethod {
  /** Method name. */
  readonly type: "bonus";
  /** Points per item, more than 0. */
  readonly per: DecimalInput;
}

/** @internal */
export const bonusSchema = z.strictObject({
  type: z.literal("bonus"),
  per: decimal({ min: 0, above: true }, "Points per item."),
});

/** @internal */
export function compileBonus(config: BonusMethod): CompiledMethod {
  const per = dec(config.per);
  return {
    kind: "single",
    score(value, points) {
      const count = readCount(value);
      if ("invalid" in count) return count;
      const raw = count.times(per);
      const earned = min(raw, points);
      return {
        fraction: earned.div(points),
        earned,
        values: { count: text(count), per: text(per), raw: text(raw), points: text(points) },
      };
    },
  };
}
