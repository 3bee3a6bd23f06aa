import DecimalJs from "decimal.js";
import { Dec, text } from "./decimal.js";
import type { TraceStep } from "./trace.js";

/**
 * How a value is rounded to its decimals:
 * - `half-up` — 四舍五入: a half goes away from zero (2.345 → 2.35). The default.
 * - `half-even` — banker's rounding: a half goes to the even digit (2.345 → 2.34, 2.355 → 2.36).
 * - `down` — truncate toward zero (2.349 → 2.34).
 * - `up` — away from zero (2.341 → 2.35).
 * - `floor` — toward −∞.
 * - `ceiling` — toward +∞.
 */
export type RoundingMode = "half-up" | "half-even" | "down" | "up" | "floor" | "ceiling";

/** Every rounding mode, in the order the docs list them. */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  "half-up",
  "half-even",
  "down",
  "up",
  "floor",
  "ceiling",
]);

/** A rounding rule: how many decimals to keep and how to round the rest. */
export interface Rounding {
  /** Decimals kept, 0 to 10. */
  readonly decimals: number;
  /** Rounding mode; `half-up` (四舍五入) when left out. */
  readonly mode?: RoundingMode;
}

/** Rounds half away from zero (四舍五入). @internal */
export const halfUp = (value: Dec, decimals: number): Dec => value.toDecimalPlaces(decimals, DecimalJs.ROUND_HALF_UP);
/** Rounds half to even (banker's rounding). @internal */
export const halfEven = (value: Dec, decimals: number): Dec => value.toDecimalPlaces(decimals, DecimalJs.ROUND_HALF_EVEN);
/** Truncates toward zero. @internal */
export const down = (value: Dec, decimals: number): Dec => value.toDecimalPlaces(decimals, DecimalJs.ROUND_DOWN);
/** Rounds away from zero. @internal */
export const up = (value: Dec, decimals: number): Dec => value.toDecimalPlaces(decimals, DecimalJs.ROUND_UP);
/** Rounds toward −∞. @internal */
export const floor = (value: Dec, decimals: number): Dec => value.toDecimalPlaces(decimals, DecimalJs.ROUND_FLOOR);
/** Rounds toward +∞. @internal */
export const ceiling = (value: Dec, decimals: number): Dec => value.toDecimalPlaces(decimals, DecimalJs.ROUND_CEIL);

const BY_MODE: Readonly<Record<RoundingMode, (value: Dec, decimals: number) => Dec>> = {
  "half-up": halfUp,
  "half-even": halfEven,
  down,
  up,
  floor,
  ceiling,
};

/** Applies a rounding rule to an exact decimal. @internal */
export function applyRounding(value: Dec, rounding: Rounding): Dec {
  const rounded = BY_MODE[rounding.mode ?? "half-up"](value, rounding.decimals);
  return rounded.isZero() ? new Dec(0) : rounded;
}

/** Rounds where a rounding point is configured, recording the step. @internal */
export function roundAt(value: Dec, rounding: Rounding | undefined, at: string, trace: TraceStep[]): Dec {
  if (!rounding) return value;
  const rounded = applyRounding(value, rounding);
  trace.push({
    at,
    rule: "round",
    values: { value: text(value), decimals: String(rounding.decimals), mode: rounding.mode ?? "half-up" },
    result: text(rounded),
  });
  return rounded;
}
