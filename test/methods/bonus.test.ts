import { describe, expect, it } from "vitest";
import { defineScheme, safeScore, score } from "../../src/index.js";

const scheme = defineScheme({
  id: "bo",
  full: 5,
  groups: [{ id: "g", points: 5, indicators: [{ id: "x", points: 5, method: { type: "bonus", per: 2 } }] }],
});
const run = (value: unknown) => score(scheme, { id: "s", values: { x: value } }).indicators[0]!;

describe("bonus", () => {
  it("earns count × per", () => {
    expect(run(0).earned).toBe(0);
    expect(run(1).earned).toBe(2);
    expect(run(2)).toMatchObject({ earned: 4, fraction: 0.8 });
  });

  it("is capped at the indicator's points", () => {
    expect(run(3)).toMatchObject({ earned: 5, fraction: 1 });
    expect(run(100).earned).toBe(5);
  });

  it("rejects a negative count", () => {
    const r = safeScore(scheme, { id: "s", values: { x: -1 } });
    expect(r.success || r.issues[0]!.code).toBe("invalid_value");
  });
});
