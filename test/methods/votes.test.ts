import { describe, expect, it } from "vitest";
import { defineScheme, safeDefineScheme, safeScore, score, type SchemeConfig, type VotesMethod } from "../../src/index.js";

const grades = { 优秀: 1, 称职: 0.8, 基本称职: 0.5, 不称职: 0 };
const scheme = (method: Omit<VotesMethod, "type"> = { grades }) =>
  defineScheme({
    id: "vo",
    full: 10,
    groups: [{ id: "g", points: 10, indicators: [{ id: "v", points: 10, method: { type: "votes", ...method } }] }],
  });
const flagged = scheme({ grades, flag: { id: "demotion", name: "不称职票达三分之一", grades: ["不称职"], atLeast: "1/3" } });

describe("votes", () => {
  it("earns points × Σ share × value", () => {
    // (6×1 + 3×0.8 + 1×0.5 + 0×0) / 10 = 0.89
    const r = score(scheme(), { id: "s", values: { v: { 优秀: 6, 称职: 3, 基本称职: 1 } } });
    expect(r.indicators[0]).toMatchObject({ earned: 8.9, fraction: 0.89 });
    expect(r.flags).toEqual([]);
  });

  it("echoes a copy of the votes: changing the caller's table after scoring does not change the result", () => {
    const votes: Record<string, number> = { 优秀: 6, 称职: 3, 基本称职: 1 };
    const r = score(scheme(), { id: "s", values: { v: votes } });
    votes.优秀 = 0;
    votes.不称职 = 99;
    expect(r.indicators[0]!.value).toEqual({ 优秀: 6, 称职: 3, 基本称职: 1 });
    expect(r.indicators[0]!.value).not.toBe(votes);
  });

  it("takes counts as text and grades with no votes as 0", () => {
    const r = score(scheme(), { id: "s", values: { v: { 称职: "4", 不称职: 1 } } });
    expect(r.indicators[0]!.earned).toBe(6.4);
  });

  it('flags when 不称职 reaches exactly "1/3"', () => {
    const r = score(flagged, { id: "s", values: { v: { 称职: 2, 不称职: 1 } } });
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ id: "demotion", name: "不称职票达三分之一", source: "indicator:v" });
    expect(r.flags[0]!.reason).toBe("不称职 1/3 ≥ 1/3");
    expect(r.trace.some((t) => t.rule === "flag" && t.result === "demotion")).toBe(true);

    const big = score(flagged, { id: "s", values: { v: { 优秀: 200, 不称职: 100 } } });
    expect(big.flags.map((f) => f.id)).toEqual(["demotion"]);
  });

  it('does not flag just below "1/3"', () => {
    expect(score(flagged, { id: "s", values: { v: { 称职: 667, 不称职: 333 } } }).flags).toEqual([]);
    expect(score(flagged, { id: "s", values: { v: { 称职: 201, 不称职: 100 } } }).flags).toEqual([]);
  });

  it("flags on a decimal share too, and counts several grades together", () => {
    const s = scheme({ grades, flag: [{ id: "weak", grades: ["基本称职", "不称职"], atLeast: 0.5 }] });
    expect(score(s, { id: "s", values: { v: { 称职: 2, 基本称职: 1, 不称职: 1 } } }).flags.map((f) => f.id)).toEqual(["weak"]);
    expect(score(s, { id: "s", values: { v: { 称职: 3, 基本称职: 1, 不称职: 1 } } }).flags).toEqual([]);
  });

  it("rejects a vote for an unknown grade", () => {
    const r = safeScore(scheme(), { id: "s", values: { v: { 优秀: 3, 良好: 1 } } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["unknown_grade", ["values", "v"]]]);
    expect(r.issues[0]!.message).toContain("良好");
    expect(r.issues[0]!.message).toContain("优秀, 称职, 基本称职, 不称职");
  });

  it("rejects a count that is not a whole number of at least 0", () => {
    for (const bad of [2.5, -1, "x"]) {
      const r = safeScore(scheme(), { id: "s", values: { v: { 优秀: 3, 称职: bad } } });
      expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_value", ["values", "v"]]]);
    }
  });

  it("rejects no votes at all", () => {
    const r = safeScore(scheme(), { id: "s", values: { v: {} } });
    expect(r.success || r.issues.map((i) => i.code)).toEqual(["invalid_value"]);
  });

  it("rejects a flag naming a grade the method does not have", () => {
    const r = safeDefineScheme({
      id: "vo",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "v", points: 10, method: { type: "votes", grades, flag: { id: "f", grades: ["差"], atLeast: "1/3" } } }] }],
    } as SchemeConfig);
    expect(r.success || r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["unknown_grade", "groups.0.indicators.0.method.flag.grades.0"]]);
  });
});
