import { describe, expect, it } from "vitest";
import { defineScheme, safeDefineScheme, safeScore, type DeductionMethod } from "../../src/index.js";
import { indicatorFor, oneIndicator } from "../helpers.js";

const scheme = (method: Omit<DeductionMethod, "type">, points = 10) => defineScheme(oneIndicator({ type: "deduction", ...method }, points));
const run = indicatorFor;

describe("deduction", () => {
  it("earns points − count × per", () => {
    const s = scheme({ per: 0.5 });
    expect(run(s, 0).earned).toBe(10);
    expect(run(s, 2)).toMatchObject({ earned: 9, fraction: 0.9 });
    expect(run(s, 7).earned).toBe(6.5);
  });

  it("does not go below the floor (0 by default)", () => {
    expect(run(scheme({ per: 0.5 }), 30).earned).toBe(0);
    const floored = scheme({ per: 0.5, floor: 4 });
    expect(run(floored, 30).earned).toBe(4);
    expect(run(floored, 12).earned).toBe(4);
    expect(run(floored, 11).earned).toBe(4.5);
  });

  it("limits the total deduction to max", () => {
    const s = scheme({ per: 1, max: 3 });
    expect(run(s, 2).earned).toBe(8);
    expect(run(s, 3).earned).toBe(7);
    expect(run(s, 10).earned).toBe(7);
  });

  it("rejects a negative count", () => {
    const r = safeScore(scheme({ per: 1 }), { id: "s", values: { x: -1 } });
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_value", ["values", "x"]]]);
  });

  it("rejects a floor above the indicator's points", () => {
    const r = safeDefineScheme({
      id: "de",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "deduction", per: 1, floor: 11 } }] }],
    });
    expect(r.success || r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["out_of_range", "groups.0.indicators.0.method.floor"]]);
  });
});
