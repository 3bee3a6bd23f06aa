import { score, type DecimalInput, type Method, type Scheme, type SchemeConfig } from "../src/index.js";

/** A scheme of one group holding one indicator `x` scored by `method`. */
export function oneIndicator(method: Method, points: DecimalInput = 10): SchemeConfig {
  return { id: "one", full: points, groups: [{ id: "g", points, indicators: [{ id: "x", points, method }] }] };
}

/** The result of indicator `x` for a subject whose value is `value`. */
export function indicatorFor(scheme: Scheme | SchemeConfig, value: unknown) {
  return score(scheme, { id: "s", values: { x: value } }).indicators[0]!;
}
