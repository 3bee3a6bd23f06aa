import { describe, expect, it } from "vitest";
import { monthlyBoard, safeMonthlyBoard } from "../../src/board/board.js";
import { defineScheme, scoreAll } from "../../src/index.js";

const scheme = defineScheme({
  id: "monthly",
  full: 100,
  groups: [{ id: "g", points: 100, indicators: [{ id: "a", name: "收入", points: 60, method: { type: "direct" } }, { id: "b", name: "服务", points: 40, method: { type: "direct" } }] }],
});
const people = (values: readonly [string, number, number][]) => values.map(([id, a, b]) => ({ id, name: `干部${id}`, values: { a, b } }));

describe("the monthly board as data", () => {
  const results = scoreAll(scheme, people([["p1", 58, 40], ["p2", 55, 36], ["p3", 55, 36], ["p4", 50, 38]]));
  const previous = scoreAll(scheme, people([["p1", 55, 40], ["p2", 58, 39], ["p3", 50, 30], ["p4", 52, 38]]));
  const tiers = { tiers: [{ name: "好", share: 0.25 }, { name: "中" }] };
  const b = monthlyBoard({ unit: "u", month: "2026-10", results, previous, tiers });
  it("晒成绩: totals, ranks and tiers with their change", () => {
    expect(b.results.map((r) => [r.subject, r.total, r.rank, r.tier, r.totalChange, r.rankChange, r.previous?.tier])).toEqual([
      ["p1", "98", 1, "好", "3", 1, "中"],
      ["p2", "91", 2, "中", "-6", -1, "好"],
      ["p3", "91", 2, "中", "11", 2, "中"],
      ["p4", "88", 4, "中", "-2", -1, "中"],
    ]);
    expect([b.month, b.next]).toEqual(["2026-10", "2026-11"]);
  });
  it("晒不足: below target and the bottom of the group, each with its gap in points and what closes it", () => {
    expect(b.shortfalls.map((s) => [s.kind, s.subject, s.item, s.points, s.close])).toEqual([
      ["below-target", "p4", "a", "10", { kind: "full-points", points: "10" }],
      ["below-target", "p2", "a", "5", { kind: "full-points", points: "5" }],
      ["below-target", "p3", "a", "5", { kind: "full-points", points: "5" }],
      ["below-target", "p2", "b", "4", { kind: "full-points", points: "4" }],
      ["below-target", "p3", "b", "4", { kind: "full-points", points: "4" }],
      ["below-target", "p1", "a", "2", { kind: "full-points", points: "2" }],
      ["below-target", "p4", "b", "2", { kind: "full-points", points: "2" }],
      ["bottom-of-group", "p4", null, "3", { kind: "pass", above: "p3", points: "3" }],
    ]);
    // The two tied above p4 are not at the bottom; with bottom 2 they both are, short of p1 by 7.
    const two = monthlyBoard({ unit: "u", month: "2026-10", results }, { bottom: 2 }).shortfalls.filter((s) => s.kind === "bottom-of-group");
    expect(two.map((s) => [s.subject, s.points])).toEqual([["p2", "7"], ["p3", "7"], ["p4", "3"]]);
  });
  it("says what is wrong", () => {
    const bad = safeMonthlyBoard({ unit: "u", month: "2026-13", results: [] });
    expect(bad.success ? "" : bad.issues[0]!.path.join(".")).toBe("input.month");
  });
});
