import { describe, expect, it } from "vitest";
import { defineScheme, safeDefineScheme, score, type CompletionMethod, type SchemeConfig } from "../../src/index.js";
import { indicatorFor } from "../helpers.js";

const scheme = (method: Omit<CompletionMethod, "type">, points = 40) =>
  defineScheme({
    id: "c",
    full: points,
    groups: [{ id: "g", points, indicators: [{ id: "x", points, method: { type: "completion", ...method } }] }],
  });
const run = indicatorFor;

describe("completion", () => {
  const rate = scheme({ target: 100 });

  it("earns points × actual ÷ target", () => {
    expect(run(rate, 96.5)).toMatchObject({ earned: 38.6, fraction: 0.965 });
    expect(run(rate, "50").earned).toBe(20);
    expect(run(rate, 0).earned).toBe(0);
  });

  it("caps a value above the target at full points (cap 1 by default)", () => {
    expect(run(rate, 100).earned).toBe(40);
    expect(run(rate, 130)).toMatchObject({ earned: 40, fraction: 1 });
  });

  it("caps at a given cap", () => {
    const capped = scheme({ target: 100, cap: 0.9 });
    expect(run(capped, 95).earned).toBe(36);
    expect(run(capped, 80).earned).toBe(32);
  });

  it("never goes below 0 for a negative value", () => {
    expect(run(rate, -20)).toMatchObject({ earned: 0, fraction: 0 });
  });

  it('with direction "lower": full at or below target, target ÷ actual above it', () => {
    const lower = scheme({ target: 5, direction: "lower" }, 10);
    expect(run(lower, 4).earned).toBe(10);
    expect(run(lower, 5).earned).toBe(10);
    expect(run(lower, 0).earned).toBe(10);
    expect(run(lower, 8)).toMatchObject({ earned: 6.25, fraction: 0.625 });
    expect(run(lower, 20).earned).toBe(2.5);
  });

  it("records its inputs in the trace", () => {
    const step = score(rate, { id: "s", values: { x: 96.5 } }).trace[0]!;
    expect(step).toEqual({
      at: "indicator:x",
      rule: "completion",
      values: { actual: "96.5", target: "100", direction: "higher", ratio: "0.965", cap: "1", fraction: "0.965", points: "40" },
      result: "38.6",
    });
  });

  it("rejects a target of 0 and a cap above 1", () => {
    const base = (method: object): SchemeConfig =>
      ({ id: "c", full: 1, groups: [{ id: "g", points: 1, indicators: [{ id: "x", points: 1, method: { type: "completion", ...method } }] }] }) as unknown as SchemeConfig;
    const zero = safeDefineScheme(base({ target: 0 }));
    const cap = safeDefineScheme(base({ target: 100, cap: 1.2 }));
    expect(zero.success || zero.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["out_of_range", "groups.0.indicators.0.method.target"]]);
    expect(cap.success || cap.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["out_of_range", "groups.0.indicators.0.method.cap"]]);
  });
});
