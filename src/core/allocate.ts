import DecimalJs from "decimal.js";
import { Dec, ZERO } from "./decimal.js";

/**
 * Splits `total` into parts in proportion to `weights`, each a multiple of 10^−decimals, so that
 * the parts add up to `total` exactly (largest remainder): every part is first rounded down, then
 * the units left go one each to the largest remainders, ties to the earlier key in code-unit
 * order. `total` must itself be a multiple of the unit, the weights at least 0 and not all 0.
 * @internal
 */
export function allocate(total: Dec, weights: readonly { readonly key: string; readonly weight: Dec }[], decimals: number): Dec[] {
  const unit = new Dec(1).div(new Dec(10).pow(decimals));
  const sumWeights = weights.reduce((s, w) => s.plus(w.weight), ZERO);
  const exact = weights.map((w) => total.times(w.weight).div(sumWeights));
  const parts = exact.map((e) => e.toDecimalPlaces(decimals, DecimalJs.ROUND_FLOOR));
  let left = total.minus(parts.reduce((s, p) => s.plus(p), ZERO)).div(unit).round().toNumber();
  const order = weights
    .map((w, i) => ({ i, remainder: exact[i]!.minus(parts[i]!), key: w.key }))
    .sort((a, b) => b.remainder.cmp(a.remainder) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const o of order) {
    if (left <= 0) break;
    parts[o.i] = parts[o.i]!.plus(unit);
    left--;
  }
  return parts;
}
