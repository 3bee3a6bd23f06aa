import { describe, expect, it } from "vitest";
import { defineScheme, safeScore, score } from "../../src/index.js";

const scheme = defineScheme({
  id: "di",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
});

describe("direct", () => {
  it("takes the given score", () => {
    expect(score(scheme, { id: "s", values: { x: 7.2 } }).indicators[0]).toMatchObject({ earned: 7.2, fraction: 0.72 });
    expect(score(scheme, { id: "s", values: { x: "0" } }).total).toBe(0);
    expect(score(scheme, { id: "s", values: { x: 10 } }).total).toBe(10);
  });

  it.each([10.01, -0.01, "11"])("rejects %s, outside 0 to the points", (value) => {
    const r = safeScore(scheme, { id: "s", values: { x: value } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_value", ["values", "x"]]]);
    expect(r.issues[0]!.message).toContain("0 to 10");
  });

  it("rejects a value that is not a number", () => {
    const r = safeScore(scheme, { id: "s", values: { x: [7] } });
    expect(r.success || r.issues.map((i) => i.code)).toEqual(["invalid_type"]);
  });
});
