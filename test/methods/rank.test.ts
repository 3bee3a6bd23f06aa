import { describe, expect, it } from "vitest";
import { defineScheme, isJixiaoError, safeScore, safeScoreAll, scoreAll, type RankMethod, type SubjectInput } from "../../src/index.js";
import { oneIndicator } from "../helpers.js";

const scheme = (method: Omit<RankMethod, "type">, points = 10) => defineScheme(oneIndicator({ type: "rank", ...method }, points));

/** Scores `values` (id → raw value) as a batch and returns id → earned. */
function ranked(s: ReturnType<typeof scheme>, values: Record<string, unknown>, groups: Record<string, string> = {}): Record<string, number> {
  const subjects: SubjectInput[] = Object.entries(values).map(([id, x]) => ({ id, values: { x }, ...(groups[id] ? { group: groups[id] } : {}) }));
  return Object.fromEntries(scoreAll(s, subjects).map((r) => [r.subjectId, r.indicators[0]!.earned]));
}

describe("rank", () => {
  it("gives first place full points and each place after it step less", () => {
    expect(ranked(scheme({ step: 1 }), { a: 30, b: 41, c: 20 })).toEqual({ b: 10, a: 9, c: 8 });
  });

  it("lets ties share a place: 1, 2, 2, 4", () => {
    const s = scheme({ step: 1 });
    const out = scoreAll(s, [
      { id: "a", values: { x: 50 } },
      { id: "b", values: { x: 40 } },
      { id: "c", values: { x: "40.0" } },
      { id: "d", values: { x: 30 } },
    ]);
    expect(out.map((r) => [r.subjectId, r.trace[0]!.values.place, r.total])).toEqual([
      ["a", "1", 10],
      ["b", "2", 9],
      ["c", "2", 9],
      ["d", "4", 7],
    ]);
  });

  it("does not go below the floor", () => {
    expect(ranked(scheme({ step: 3, floor: 2 }), { a: 4, b: 3, c: 2, d: 1 })).toEqual({ a: 10, b: 7, c: 4, d: 2 });
    expect(ranked(scheme({ step: 4 }), { a: 4, b: 3, c: 2, d: 1 })).toEqual({ a: 10, b: 6, c: 2, d: 0 });
  });

  it("gives points in proportion to the leader's value", () => {
    expect(ranked(scheme({ proportional: true }), { a: 80, b: 60, c: 40, d: 0 })).toEqual({ a: 10, b: 7.5, c: 5, d: 0 });
    expect(ranked(scheme({ proportional: true, floor: 6 }), { a: 80, b: 60, c: 40 })).toEqual({ a: 10, b: 7.5, c: 6 });
  });

  it('with direction "lower", the smallest value ranks first', () => {
    expect(ranked(scheme({ step: 1, direction: "lower" }), { a: 1, b: 2, c: 2, d: 5 })).toEqual({ a: 10, b: 9, c: 9, d: 7 });
    expect(ranked(scheme({ proportional: true, direction: "lower" }), { a: 2, b: 4, c: 5 })).toEqual({ a: 10, b: 5, c: 4 });
  });

  it("ranks within peer groups given by the subject's group", () => {
    const s = scheme({ step: 1 });
    expect(ranked(s, { a: 10, b: 20, c: 5, d: 1 }, { a: "A", b: "A", c: "B", d: "B" })).toEqual({ a: 9, b: 10, c: 10, d: 9 });
    // Without groups, all four are peers.
    expect(ranked(s, { a: 10, b: 20, c: 5, d: 1 })).toEqual({ a: 9, b: 10, c: 8, d: 7 });
  });

  it("leaves a not-applicable subject out of the ranking", () => {
    const s = defineScheme({
      id: "rk2",
      full: 20,
      groups: [
        {
          id: "g",
          points: 20,
          indicators: [
            { id: "x", points: 10, method: { type: "rank", step: 1 } },
            { id: "y", points: 10, method: { type: "direct" } },
          ],
        },
      ],
    });
    const out = scoreAll(s, [
      { id: "a", values: { x: 5, y: 0 } },
      { id: "b", values: { x: null, y: 0 } },
      { id: "c", values: { x: 10, y: 0 } },
    ]);
    expect(out.map((r) => [r.subjectId, r.indicators[0]!.applicable, r.indicators[0]!.earned])).toEqual([
      ["a", true, 9],
      ["b", false, 0],
      ["c", true, 10],
    ]);
  });

  it("fails in score() with rank_needs_batch", () => {
    const r = safeScore(scheme({ step: 1 }), { id: "a", values: { x: 10 } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => [i.code, i.path])).toEqual([["rank_needs_batch", ["values", "x"]]]);
  });

  it("reports a bad value with the subject's index", () => {
    const r = safeScoreAll(scheme({ step: 1 }), [{ id: "a", values: { x: 1 } }, { id: "b", values: { x: "many" } }]);
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_number", [1, "values", "x"]]]);
  });

  it("needs exactly one of step or proportional", () => {
    for (const bad of [{}, { step: 1, proportional: true }]) {
      try {
        scheme(bad);
        expect.unreachable();
      } catch (e) {
        expect(isJixiaoError(e) && e.issues.map((i) => i.code)).toEqual(["invalid_rule"]);
      }
    }
  });
});
