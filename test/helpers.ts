import { isJixiaoError, score, type DecimalInput, type JixiaoError, type Method, type Scheme, type SchemeConfig } from "../src/index.js";

/** A scheme of one group holding one indicator `x` scored by `method`. */
export function oneIndicator(method: Method, points: DecimalInput = 10): SchemeConfig {
  return { id: "one", full: points, groups: [{ id: "g", points, indicators: [{ id: "x", points, method }] }] };
}

/** The result of indicator `x` for a subject whose value is `value`. */
export function indicatorFor(scheme: Scheme | SchemeConfig, value: unknown) {
  return score(scheme, { id: "s", values: { x: value } }).indicators[0]!;
}

/**
 * Runs of a property test: `n` times `JIXIAO_PROPERTY_SCALE` (default 1), at least 1. A long check
 * sets it higher (20: 3,000 batches of the differential test); the mutation run sets it to 0.1.
 */
export const runs = (n: number): number => Math.max(1, Math.round(n * Number(process.env.JIXIAO_PROPERTY_SCALE ?? 1)));

/**
 * The mutation run's lighter suite (`JIXIAO_LIGHT=1`, set in vitest.mutation.config.ts): tests of
 * size limits and child processes are skipped there, as they pin no value another test does not.
 */
export const light = process.env.JIXIAO_LIGHT === "1";

/** The {@link JixiaoError} a call throws; anything else thrown, or nothing, fails the test. */
export function thrown(call: () => unknown): JixiaoError {
  try {
    call();
  } catch (e) {
    if (isJixiaoError(e)) return e;
    throw e;
  }
  throw new Error("expected a JixiaoError, and nothing was thrown");
}
