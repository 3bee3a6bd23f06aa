import DecimalJs from "decimal.js";

/**
 * The library's own decimal constructor: a `Decimal.clone` with 40 significant digits and
 * half-up rounding for the rare quotient that does not terminate (1 ÷ 3). It never touches the
 * global `Decimal` configuration, so other users of decimal.js in the same program are unaffected.
 * @internal
 */
export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/** A decimal value inside the engine. @internal */
export type Dec = InstanceType<typeof Dec>;

/** The largest magnitude the engine accepts for any input number: 10^18. @internal */
export const MAX_MAGNITUDE = new Dec("1e18");

/**
 * Decimal text accepted as a number: optional sign, digits with optional fraction, optional
 * exponent, with spaces around allowed (as spreadsheets leave them). @internal
 */
export const DECIMAL_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?\s*$/;

/** Longest decimal text accepted as a number. @internal */
export const MAX_DECIMAL_TEXT = 60;

/** The constant 0. @internal */
export const ZERO = new Dec(0);
/** The constant 1. @internal */
export const ONE = new Dec(1);

/**
 * Reads a `number | string` input as an exact decimal, or returns `undefined` when it is not a
 * finite decimal within ±10^18. A number is read by its shortest decimal representation
 * (0.1 is 0.1); -0 is read as 0.
 * @internal
 */
export function toDec(value: unknown): Dec | undefined {
  let d: Dec;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    d = new Dec(value === 0 ? 0 : value);
  } else if (typeof value === "string") {
    if (value.length > MAX_DECIMAL_TEXT || !DECIMAL_TEXT.test(value)) return undefined;
    d = new Dec(value.trim());
    if (d.isZero()) d = ZERO;
  } else {
    return undefined;
  }
  return d.abs().gt(MAX_MAGNITUDE) ? undefined : d;
}

/**
 * Turns an exact decimal into the number that prints as it. For a decimal of at most 15
 * significant digits, `String(result)` is exactly the decimal's text.
 * @internal
 */
export function toNumber(d: Dec): number {
  const n = d.toNumber();
  return n === 0 ? 0 : n;
}

/** Exact decimal text of a value, without exponent notation for ordinary magnitudes. @internal */
export function text(d: Dec): string {
  return d.isZero() ? "0" : d.toString();
}

/** The smaller of two decimals. @internal */
export function min(a: Dec, b: Dec): Dec {
  return a.lt(b) ? a : b;
}

/** The larger of two decimals. @internal */
export function max(a: Dec, b: Dec): Dec {
  return a.gt(b) ? a : b;
}

/** `value` limited to `[low, high]`. @internal */
export function clamp(value: Dec, low: Dec, high: Dec): Dec {
  return value.lt(low) ? low : value.gt(high) ? high : value;
}

/** Exact sum of decimals. @internal */
export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
