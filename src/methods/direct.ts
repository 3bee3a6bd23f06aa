import { z } from "../core/z.js";
import { text } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { describe } from "../core/validate.js";
import type { CompiledMethod } from "./types.js";
import { readNumber } from "./values.js";

/** Direct (直接给分): the value is the score itself, from 0 to the indicator's points. */
export interface DirectMethod {
  /** Method name. */
  readonly type: "direct";
}

/** @internal */
export const directSchema = z.strictObject({ type: z.literal("direct") });

/** @internal */
export function compileDirect(): CompiledMethod {
  return {
    kind: "single",
    type: "direct",
    score(value, points) {
      const v = readNumber(value);
      if ("invalid" in v) return v;
      if (v.isNegative() || v.gt(points))
        return { invalid: IssueCode.invalidValue, words: `is a score of ${describe(value)}, outside 0 to ${text(points)} points` };
      return { fraction: v.div(points), earned: v, values: { score: text(v), points: text(points) } };
    },
  };
}
