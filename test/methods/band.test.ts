import { describe, expect, it } from "vitest";
import { defineScheme, safeDefineScheme, type BandMethod, type SchemeConfig } from "../../src/index.js";
import { indicatorFor, oneIndicator } from "../helpers.js";

const scheme = (method: Omit<BandMethod, "type">, points = 10) => defineScheme(oneIndicator({ type: "band", ...method }, points));
const run = indicatorFor;

describe("band", () => {
  it("is linear from worst (0) to best (1) when higher is better", () => {
    const b = scheme({ best: 100, worst: 60 });
    expect(run(b, 90)).toMatchObject({ earned: 7.5, fraction: 0.75 });
    expect(run(b, 60).earned).toBe(0);
    expect(run(b, 100).earned).toBe(10);
    expect(run(b, 61).earned).toBe(0.25);
  });

  it("clamps at both ends", () => {
    const b = scheme({ best: 100, worst: 60 });
    expect(run(b, 110).earned).toBe(10);
    expect(run(b, 40).earned).toBe(0);
  });

  it("is lower-is-better when best < worst (the issue's backlog: 3 of 0..10 → 14 of 20)", () => {
    const b = scheme({ best: 0, worst: 10 }, 20);
    expect(run(b, 3)).toMatchObject({ earned: 14, fraction: 0.7 });
    expect(run(b, 0).earned).toBe(20);
    expect(run(b, 10).earned).toBe(0);
    expect(run(b, -5).earned).toBe(20);
    expect(run(b, 12).earned).toBe(0);
  });

  it("starts from worstFraction at worst and beyond", () => {
    const b = scheme({ best: 100, worst: 60, worstFraction: 0.6 });
    expect(run(b, 80)).toMatchObject({ earned: 8, fraction: 0.8 });
    expect(run(b, 60).earned).toBe(6);
    expect(run(b, 40).earned).toBe(6);
    expect(run(b, 120).earned).toBe(10);
    const lower = scheme({ best: 0, worst: 10, worstFraction: "0.5" }, 20);
    expect(run(lower, 5).earned).toBe(15);
    expect(run(lower, 50).earned).toBe(10);
  });

  it("rejects best equal to worst and a worstFraction of 1", () => {
    const base = (method: object): SchemeConfig =>
      ({ id: "b", full: 1, groups: [{ id: "g", points: 1, indicators: [{ id: "x", points: 1, method: { type: "band", ...method } }] }] }) as unknown as SchemeConfig;
    const same = safeDefineScheme(base({ best: 5, worst: "5.0" }));
    expect(same.success || same.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["invalid_rule", "groups.0.indicators.0.method.worst"]]);
    const one = safeDefineScheme(base({ best: 10, worst: 0, worstFraction: 1 }));
    expect(one.success || one.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["out_of_range", "groups.0.indicators.0.method.worstFraction"]]);
  });
});
