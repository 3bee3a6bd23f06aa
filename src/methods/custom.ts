import { z } from "../core/z.js";
import { text, toDec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { functionSchema } from "../core/validate.js";
import { shown } from "../messages/index.js";
import type { CompiledMethod } from "./types.js";

/** What a custom scoring function is told besides the value. */
export interface CustomScoreContext {
  /** The indicator's id. */
  readonly indicator: string;
  /** The indicator's points, as a number. */
  readonly points: number;
}

/**
 * A custom scoring function: takes the raw value and returns the points earned (a number or
 * decimal text, from 0 to the indicator's points). It must be pure.
 */
export type CustomScore = (value: unknown, context: CustomScoreContext) => number | string;

/**
 * Custom (code only, not JSON): a function scores the value — the escape hatch for a rule no
 * built-in method expresses. Prefer a built-in method: a function cannot be stored, diffed or
 * read by an analyst.
 */
export interface CustomMethod {
  /** Method name. */
  readonly type: "custom";
  /** The scoring function. */
  readonly score: CustomScore;
  /** The rule in words, for explanations. */
  readonly describe?: string;
}

/** @internal */
export const customSchema = z.strictObject({
  type: z.literal("custom"),
  score: functionSchema<CustomScore>(),
  describe: z.string().max(500).optional(),
});

/** @internal */
export function compileCustom(config: CustomMethod, indicator: string): CompiledMethod {
  return {
    kind: "single",
    score(value, points) {
      let out: unknown;
      try {
        out = config.score(value, { indicator, points: points.toNumber() });
      } catch (error) {
        // An Error's own message, as the function's author wrote it; anything else thrown, as a value.
        const params = error instanceof Error ? { key: "customThrew" as const, reason: error.message.slice(0, 200) } : { key: "customThrewValue" as const, thrown: shown(error) };
        return { invalid: IssueCode.customFailed, params };
      }
      const earned = toDec(out);
      if (!earned || earned.isNegative() || earned.gt(points))
        return { invalid: IssueCode.customFailed, params: { key: "customReturned", received: shown(out), points: text(points) } };
      return {
        fraction: earned.div(points),
        earned,
        values: { rule: config.describe ?? "custom", score: text(earned), points: text(points) },
      };
    },
  };
}
