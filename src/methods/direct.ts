import { z } from "../core/z.js";
import { text } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { dec, decimal, type DecimalInput } from "../core/validate.js";
import { shown } from "../messages/index.js";
import type { CompiledMethod, Scored } from "./types.js";
import { readNumber } from "./values.js";

/**
 * Direct (直接给分): the value is a score given elsewhere, from 0 to the indicator's points — or, with
 * `scale`, a score from 0 to `scale` (a leader evaluation out of 100, say) turned into points in
 * proportion: points × score ÷ scale.
 */
export interface DirectMethod {
  /** Method name. */
  readonly type: "direct";
  /** The full score of the value given, more than 0; the indicator's points when left out. */
  readonly scale?: DecimalInput;
}

/** @internal */
export const directSchema = z.strictObject({
  type: z.literal("direct"),
  scale: decimal({ min: 0, above: true }, "Full score of the value given (default: the indicator's points).").optional(),
});

/** @internal */
export function compileDirect(config: DirectMethod): CompiledMethod {
  const scale = config.scale === undefined ? undefined : dec(config.scale);
  return {
    kind: "single",
    score(value, points): Scored {
      const v = readNumber(value);
      if ("invalid" in v) return v;
      const full = scale ?? points;
      if (v.isNegative() || v.gt(full))
        return { invalid: IssueCode.invalidValue, params: { key: "directOutside", received: shown(value), full: text(full), points: !scale } };
      const fraction = v.div(full);
      if (!scale) return { fraction, earned: v, values: { score: text(v), points: text(points) } };
      return { fraction, earned: v.times(points).div(scale), values: { score: text(v), scale: text(scale), points: text(points) } };
    },
  };
}
