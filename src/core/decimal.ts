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

/**
 * A decimal constructor that never rounds a product of engine decimals: its precision (10^9
 * significant digits) is far beyond any product of two inputs. Used only to multiply, never to
 * divide. @internal
 */
const Unrounded = DecimalJs.clone({ precision: 1e9, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

/**
 * A share of an amount: `value × numerator ÷ denominator`, multiplying BEFORE dividing, so that
 * a share that comes out whole is whole (score 1 of base 3 for a full 3 is 1, where
 * `1 ÷ 3 × 3` is 0.999…9). The product is exact (never rounded); the quotient is exact whenever
 * it terminates (also beyond 40 digits), and otherwise rounded half-up to the library's 40
 * significant digits, like every other division in the engine. Use it for every rule that takes
 * a share of points or amounts.
 * @param value - the amount shared (points, a full mark).
 * @param numerator - the part (a score, a weight).
 * @param denominator - the whole the part is taken of; must not be 0.
 * @returns `value × numerator ÷ denominator`.
 * @throws `RangeError` when `denominator` is 0 (callers check it first).
 * @example
 * text(proportion(new Dec(3), new Dec(1), new Dec(3)));
 * //=> "1"
 * text(proportion(new Dec(100), new Dec(90), new Dec(96)));
 * //=> "93.75"
 * text(proportion(new Dec(2), new Dec(1), new Dec(3)));
 * //=> "0.6666666666666666666666666666666666666667"
 * @internal
 */
export function proportion(value: Dec, numerator: Dec, denominator: Dec): Dec {
  if (denominator.isZero()) throw new RangeError("proportion: the denominator is 0");
  const product = Unrounded.mul(value, numerator);
  const quotient = Dec.div(product, denominator);
  // Exact at 40 digits (the ordinary case), or a quotient that does not terminate.
  if (Unrounded.mul(quotient, denominator).eq(product)) return quotient;
  // A terminating quotient needs at most the product's digits plus 2.33 × the denominator's
  // (dividing by 2^k adds at most 0.7 k digits, and 2^k ≤ the denominator's integer digits).
  const digits = product.sd() + 3 * denominator.sd() + 2;
  if (digits <= Dec.precision) return quotient;
  const wide = DecimalJs.clone({ precision: digits, rounding: DecimalJs.ROUND_HALF_UP }).div(product, denominator);
  return Unrounded.mul(wide, denominator).eq(product) ? new Dec(wide) : quotient;
}
