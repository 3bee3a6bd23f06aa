/**
 * The assessment pipeline (src/pipeline/assess.ts): score → rank → last place → score again →
 * rank again → tiers, each step the library's own function, its problems at the paths of
 * assess's arguments.
 */
import { describe, expect, it } from "vitest";
import { assess, isJixiaoError, lastPlaceDeductions, rank, scoreAll, withPenalties, assignTiers, type SchemeConfig } from "../../src/index.js";

const SCHEME: SchemeConfig = {
  id: "s",
  full: 100,
  groups: [{ id: "g", points: 100, indicators: [{ id: "x", points: 100, method: { type: "direct" } }] }],
};
const subjects = (xs: readonly number[]) => xs.map((x, i) => ({ id: `c${i + 1}`, values: { x } }));
const TIERS = { tiers: [{ name: "好", maxCount: 1, share: 1 }, { name: "中" }] };

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isJixiaoError(e)) return e.issues.map((i) => [i.code, i.path]);
    throw e;
  }
  throw new Error("no error");
};

describe("assess: the steps in order", () => {
  it("each step's result is what the library's functions give when run one by one", () => {
    // Five people in one group; the last two lose 1 and 0.5 points; tiers on the list after that.
    const xs = [90, 89.5, 89.2, 80, 70];
    const rules = { scheme: SCHEME, lastPlace: { deductions: [1, 0.5] }, tierPolicy: TIERS };
    const a = assess(rules, { subjects: subjects(xs) });
    // By hand: last place c5 (70 → 69), second to last c4 (80 → 79.5); the top is c1 90.
    expect(a.lastPlace!.deductions.map((d) => [d.subjectId, d.points])).toEqual([["c5", 1], ["c4", 0.5]]);
    expect(a.rescored!.map((r) => r.exact)).toEqual(["90", "89.5", "89.2", "79.5", "69"]);
    expect(a.finalRanking.entries.map((e) => e.subjectId)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(a.assignment!.placements.filter((p) => p.tier === "好").map((p) => p.subjectId)).toEqual(["c1"]);
    // The same as the steps run one by one.
    const scored = scoreAll(SCHEME, subjects(xs));
    const lp = lastPlaceDeductions(rank(scored), rules.lastPlace);
    const again = scoreAll(SCHEME, withPenalties(subjects(xs), lp));
    expect(a.scored).toEqual(scored);
    expect(a.rescored).toEqual(again);
    expect(a.assignment).toEqual(assignTiers(rank(again), TIERS));
  });

  it("tiers are assigned on the ranking after deductions: a deduction that passes a neighbour moves 差", () => {
    // a5 80.2 is last of peer group A (five people, deducted 1 → 79.2); b2 80 is in group B (two
    // people: too small for last place). Before the deduction b2 is the lowest of all seven; after
    // it, a5 is. 差 is ⌊0.15 × 7⌋ = 1 person: a5.
    const people = [
      ...[90, 88, 86, 84, 80.2].map((x, i) => ({ id: `a${i + 1}`, group: "A", values: { x } })),
      ...[95, 80].map((x, i) => ({ id: `b${i + 1}`, group: "B", values: { x } })),
    ];
    const a = assess({ scheme: SCHEME, rank: { groupBy: "group" }, lastPlace: { deductions: [1], minGroupSize: 5 } }, { subjects: people });
    expect(a.lastPlace!.deductions.map((d) => d.subjectId)).toEqual(["a5"]);
    expect(a.finalRanking.entries.filter((e) => e.peerGroup === "A").map((e) => [e.subjectId, e.exact])).toEqual([
      ["a1", "90"],
      ["a2", "88"],
      ["a3", "86"],
      ["a4", "84"],
      ["a5", "79.2"],
    ]);
    const tiers = { tiers: [{ name: "好", share: 0.15 }, { name: "中" }, { name: "差", share: 0.15 }] };
    const all = assess({ scheme: SCHEME, lastPlace: { deductions: [1], minGroupSize: 5, groupBy: "group" }, tierPolicy: tiers }, { subjects: people });
    expect(all.lastPlace!.deductions.map((d) => d.subjectId)).toEqual(["a5"]);
    expect(all.assignment!.placements.filter((p) => p.tier !== "中").map((p) => [p.subjectId, p.tier])).toEqual([
      ["b1", "好"],
      ["a5", "差"],
    ]);
    // Without a last-place policy there is nothing to score again: one ranking, and 差 is b2.
    const plain = assess({ scheme: SCHEME, tierPolicy: tiers }, { subjects: people });
    expect(plain.assignment!.placements.find((p) => p.tier === "差")!.subjectId).toBe("b2");
    expect(plain.rescored).toBeUndefined();
    expect(plain.finalRanking).toBe(plain.ranking);
  });

  it("scores given are ranked, last place found and tiers assigned without a scheme", () => {
    const scores = [90, 80, 70, 60, 50].map((total, i) => ({ subjectId: `p${i + 1}`, total }));
    const a = assess({ lastPlace: { deductions: [1] }, tierPolicy: TIERS }, { scores });
    expect(a.scored).toBeUndefined();
    expect(a.lastPlace!.deductions.map((d) => d.subjectId)).toEqual(["p5"]);
    expect(a.assignment!.placements.map((p) => p.tier)).toEqual(["好", "中", "中", "中", "中"]);
  });
});

describe("assess: problems where the arguments hold them", () => {
  it("a bad tier policy at rules.tierPolicy, a bad value at input.subjects.i, bad rank options at rules.rank", () => {
    expect(issuesOf(() => assess({ tierPolicy: { tiers: [{ name: "好", share: 2 }, { name: "中" }] } }, { scores: [{ subjectId: "a", total: 1 }] }))[0]![1]).toEqual([
      "rules",
      "tierPolicy",
      "tiers",
      0,
      "share",
    ]);
    expect(issuesOf(() => assess({ scheme: SCHEME }, { subjects: [{ id: "a", values: { x: "abc" } }] }))[0]![1]).toEqual(["input", "subjects", 0, "values", "x"]);
    expect(issuesOf(() => assess({ rank: { order: "sideways" } as never }, { scores: [{ subjectId: "a", total: 1 }] }))[0]![1]).toEqual(["rules", "rank", "order"]);
    expect(issuesOf(() => assess({}, { subjects: [] }))[0]![1]).toEqual(["rules", "scheme"]);
    expect(issuesOf(() => assess({ unknown: 1 } as never, { scores: [] }))[0]![1]).toEqual(["rules", "unknown"]);
  });

  it("a caller's `at` runs each step itself and gets the step's own paths", () => {
    const steps: string[] = [];
    const paths = issuesOf(() =>
      assess({ scheme: SCHEME, tierPolicy: TIERS }, { subjects: [{ id: "a", values: { x: 1 } }, { id: "b", values: { x: "abc" } }] }, { at: (step, run) => (steps.push(step), run()) }),
    ).map((i) => i[1]);
    expect(steps).toEqual(["scheme", "score"]);
    expect(paths[0]).toEqual([1, "values", "x"]);
  });

  it("reads its arguments once: a subject list behind a getter is read once", () => {
    let reads = 0;
    const input = {
      get subjects() {
        reads++;
        return subjects([90, 80, 70, 60, 50]);
      },
    };
    const a = assess({ scheme: SCHEME, lastPlace: { deductions: [1] }, tierPolicy: TIERS }, input);
    expect(reads).toBe(1);
    expect(a.rescored!.at(-1)!.exact).toBe("49");
  });
});
