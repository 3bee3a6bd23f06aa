import { describe, expect, it } from "vitest";
import { defineScheme, safeScore, score, type CustomScore } from "../../src/index.js";

const scheme = (fn: CustomScore) =>
  defineScheme({
    id: "cu",
    full: 10,
    groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "custom", score: fn, describe: "half the value" } }] }],
  });

describe("custom", () => {
  it("earns what the function returns, and is told the indicator and points", () => {
    const seen: unknown[] = [];
    const s = scheme((value, ctx) => {
      seen.push([value, ctx]);
      return Number(value) / 2;
    });
    const r = score(s, { id: "s", values: { x: 7 } });
    expect(r.indicators[0]).toMatchObject({ earned: 3.5, fraction: 0.35, method: "custom" });
    expect(seen).toEqual([[7, { indicator: "x", points: 10 }]]);
    expect(r.trace[0]).toMatchObject({ rule: "custom", values: { rule: "half the value", score: "3.5" }, result: "3.5" });
  });

  it("accepts decimal text from the function", () => {
    expect(score(scheme(() => "6.25"), { id: "s", values: { x: 1 } }).total).toBe(6.25);
  });

  it("turns a thrown error into custom_failed", () => {
    const r = safeScore(
      scheme(() => {
        throw new Error("no data for Q3");
      }),
      { id: "s", values: { x: 1 } },
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["custom_failed", ["values", "x"]]]);
    expect(r.issues[0]!.message).toContain("no data for Q3");
  });

  it.each([11, -1, Number.NaN, "abc"])("rejects a result of %s with custom_failed", (out) => {
    const r = safeScore(scheme(() => out as number), { id: "s", values: { x: 1 } });
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["custom_failed", ["values", "x"]]]);
  });
});
