import { Dec } from "./decimal.js";
import { byText } from "./order.js";

/** 10^places, made once for each number of places met. */
const powers: Dec[] = [];

/** A decimal as a whole count of 10^−places (exact when it has at most that many decimals). @internal */
export const toUnits = (d: Dec, places: number): bigint => BigInt(d.times((powers[places] ??= new Dec(10).pow(places))).toFixed(0));

/** A whole count of 10^−places as decimal text, without trailing zeros: 12300n, 2 → "123". @internal */
export function unitsText(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/**
 * Splits a whole number of units in proportion to whole-number weights so that the parts add up
 * exactly (largest remainder): each part is first rounded down, then the units left go one each
 * to the largest remainders, ties to the earlier key in code-unit order. The weights are at least
 * 0 and not all 0.
 * @internal
 */
export function allocateUnits(total: bigint, weights: readonly bigint[], keys: readonly string[]): bigint[] {
  const sumW = weights.reduce((s, x) => s + x, 0n);
  const parts = weights.map((x) => (total * x) / sumW);
  let left = total - parts.reduce((s, x) => s + x, 0n);
  if (left === 0n) return parts;
  const order = weights
    .map((x, i) => ({ i, remainder: (total * x) % sumW, key: keys[i]! }))
    .sort((a, b) => (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : byText(a.key, b.key)));
  for (const o of order) {
    if (left <= 0n) break;
    parts[o.i]! += 1n;
    left -= 1n;
  }
  return parts;
}

/**
 * {@link allocateUnits} on decimals: splits `total` (a multiple of 10^−decimals) in proportion to
 * `weights` into parts that are multiples of 10^−decimals and add up to `total` exactly.
 * @internal
 */
export function allocate(total: Dec, weights: readonly { readonly key: string; readonly weight: Dec }[], decimals: number): Dec[] {
  const places = weights.reduce((m, w) => Math.max(m, w.weight.decimalPlaces()), 0);
  const parts = allocateUnits(
    toUnits(total, decimals),
    weights.map((w) => toUnits(w.weight, places)),
    weights.map((w) => w.key),
  );
  return parts.map((p) => new Dec(`${p}e-${decimals}`));
}
