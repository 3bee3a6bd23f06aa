import { describe, expect, it } from "vitest";
import { eligiblePool, isJixiaoError, rank, type Rankable } from "../../src/index.js";

/** Subjects `${prefix}1…` in one group with the given totals. */
const group = (prefix: string, g: string, scores: number[]): Rankable[] =>
  scores.map((total, i) => ({ subjectId: `${prefix}${String(i + 1).padStart(2, "0")}`, total, group: g, attributes: { quarter: "Q3", dept: g === "C" ? "A" : g } }));

// A: 10 people, B: 5, C: 2
const subjects = [
  ...group("a", "A", [100, 99, 98, 97, 96, 95, 94, 93, 92, 91]),
  ...group("b", "B", [90, 80, 70, 60, 50]),
  ...group("c", "C", [85, 75]),
];
const ranking = rank(subjects, { groupBy: "group" });
const ids = (pool: ReturnType<typeof eligiblePool>) => pool.map((p) => p.subjectId);

describe("eligiblePool: the five-star pool (R23)", () => {
  it("top 30% of each group, floored: 3 of 10, 1 of 5, 0 of 2", () => {
    const pool = eligiblePool(ranking, { share: 0.3 });
    expect(ids(pool)).toEqual(["a01", "a02", "a03", "b01"]);
    expect(pool.map((p) => [p.peerGroup, p.tier, p.rank, p.groupSize])).toEqual([
      ["A", "pool", 1, 10],
      ["A", "pool", 2, 10],
      ["A", "pool", 3, 10],
      ["B", "pool", 1, 5],
    ]);
    expect(pool[0]!.reason).toMatchObject({ rule: "quota", count: "floor", quota: { share: "0.3", exact: "3", quota: 3, placed: 3 } });
  });

  it("ceil and round: 1.5 of 5 → 2, 0.6 of 2 → 1", () => {
    expect(ids(eligiblePool(ranking, { share: 0.3, count: "ceil" }))).toEqual(["a01", "a02", "a03", "b01", "b02", "c01"]);
    expect(ids(eligiblePool(ranking, { share: "0.3", count: "round" }))).toEqual(["a01", "a02", "a03", "b01", "b02", "c01"]);
    // 0.25 × 10 = 2.5 → ceil 3; 0.25 × 5 = 1.25 → ceil 2; 0.25 × 2 = 0.5 → ceil 1, round (half up) 1, floor 0
    expect(ids(eligiblePool(ranking, { share: 0.25, count: "ceil" }))).toEqual(["a01", "a02", "a03", "b01", "b02", "c01"]);
    expect(ids(eligiblePool(ranking, { share: 0.25, count: "round" }))).toEqual(["a01", "a02", "a03", "b01", "c01"]);
    expect(ids(eligiblePool(ranking, { share: 0.25 }))).toEqual(["a01", "a02", "b01"]);
  });

  describe("a tie at the boundary", () => {
    // a03 and a04 tie at 98: 0.3 × 10 = 3 cuts between them
    const tied = rank(group("a", "A", [100, 99, 98, 98, 96, 95, 94, 93, 92, 91]));

    it('"better" (default) takes both', () => {
      const pool = eligiblePool(tied, { share: 0.3 });
      expect(ids(pool)).toEqual(["a01", "a02", "a03", "a04"]);
      expect(pool[3]!.reason.tie).toEqual({ with: ["a03"], rule: "better" });
    });

    it('"worse" takes neither', () => {
      expect(ids(eligiblePool(tied, { share: 0.3, ties: "worse" }))).toEqual(["a01", "a02"]);
    });

    it('"break" takes the first by position', () => {
      expect(ids(eligiblePool(tied, { share: 0.3, ties: "break" }))).toEqual(["a01", "a02", "a03"]);
    });
  });

  it("groupBy regroups: A and C together (dept A) make 12, ⌊3.6⌋ = 3", () => {
    const pool = eligiblePool(ranking, { share: 0.3, groupBy: "dept" });
    expect(pool.map((p) => `${p.peerGroup}/${p.subjectId}`)).toEqual(["A/a01", "A/a02", "A/a03", "B/b01"]);
    expect(pool[0]!.groupSize).toBe(12);
    // everyone in one pool: 17 × 0.3 = 5.1 → 5
    expect(ids(eligiblePool(rank(subjects), { share: 0.3 }))).toEqual(["a01", "a02", "a03", "a04", "a05"]);
  });

  it("share 0 gives an empty pool, share 1 everyone", () => {
    expect(eligiblePool(ranking, { share: 0 })).toEqual([]);
    expect(eligiblePool(ranking, { share: 1 })).toHaveLength(17);
  });

  it("rejects bad options with paths", () => {
    try {
      eligiblePool(ranking, { share: 1.2, count: "up" as never, ties: "all" as never });
      expect.unreachable();
    } catch (e) {
      expect(isJixiaoError(e) && e.issues.map((i) => [i.code, i.path])).toEqual([
        ["out_of_range", ["options", "share"]],
        ["invalid_option", ["options", "count"]],
        ["invalid_option", ["options", "ties"]],
      ]);
    }
  });
});

describe("eligiblePool exclusions", () => {
  it("keeps vetoed and flagged subjects out of the pool, the next in line taking their place", () => {
    const ranking = rank([
      { subjectId: "c1", total: 99, vetoes: [{ id: "discipline" }] },
      { subjectId: "c2", total: 95, flags: [{ id: "demotion-candidate" }] },
      { subjectId: "c3", total: 90 },
      { subjectId: "c4", total: 85 },
      { subjectId: "c5", total: 80 },
      { subjectId: "c6", total: 75 },
    ]);
    expect(eligiblePool(ranking, { share: 0.34 }).map((p) => p.subjectId)).toEqual(["c1", "c2"]);
    expect(eligiblePool(ranking, { share: 0.34, excludeVetoed: true, excludeFlags: ["demotion-candidate"] }).map((p) => p.subjectId)).toEqual(["c3", "c4"]);
  });
});
