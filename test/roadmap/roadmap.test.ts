import { describe, expect, it } from "vitest";
import { defineOrgTree, rollUp } from "../../src/index.js";
import { defineRoadmap, roadmapProgress, safeDefineRoadmap, safeRoadmapProgress } from "../../src/roadmap/roadmap.js";
import type { RoadmapConfig } from "../../src/roadmap/types.js";

const arrears = (owner: string, better?: "lower") => ({
  indicator: "arrears",
  owner,
  points: 10,
  ...(better ? { better } : {}),
  milestones: [
    { id: "Q1", due: "2026-Q1", target: 25 },
    { id: "Q2", due: "2026-06-30", target: 50 },
    { id: "Q3", due: "2026-Q3", target: 75 },
    { id: "Q4", due: "2026-Q4", target: 100 },
  ],
});
const roadmap: RoadmapConfig = { id: "r", items: [arrears("a"), arrears("b")] };
const actuals = [
  { indicator: "arrears", owner: "a", period: "2026-Q1", value: 30 },
  { indicator: "arrears", owner: "a", period: "2026-Q2", value: 44 },
  { indicator: "arrears", owner: "a", period: "2026-08", value: 52 },
  { indicator: "arrears", owner: "b", period: "2026-03", value: 25 },
  { indicator: "arrears", owner: "b", period: "2026-06", value: 80 },
];

describe("roadmap progress", () => {
  it("reads each milestone met, late, missed or pending and the gap to the current one", () => {
    const p = roadmapProgress(roadmap, actuals, "2026-08");
    const [a, b] = p.items;
    expect(p.asOf).toBe("2026-08-31");
    expect(a!.milestones.map((m) => [m.id, m.status, m.value])).toEqual([["Q1", "met", "30"], ["Q2", "late", "44"], ["Q3", "pending", null], ["Q4", "pending", null]]);
    expect([a!.actual, a!.expected, a!.current, a!.gap, a!.status]).toEqual(["52", "50", "Q2", "2", "on-time"]);
    // Met on time 1 of 2 due: 10 × 1 ÷ 2.
    expect(a!.exact).toBe("5");
    // b already passed Q3's 75: ahead.
    expect([b!.status, b!.gap, b!.exact, b!.next]).toEqual(["ahead", "30", "10", { id: "Q3", due: "2026-09-30", target: "75" }]);
  });
  it("is behind by the exact gap, and counts late milestones by lateCredit", () => {
    const p = roadmapProgress({ ...roadmap, scoring: { method: "share", lateCredit: 0.5 } }, actuals, "2026-07");
    expect([p.items[0]!.status, p.items[0]!.gap, p.items[0]!.exact]).toEqual(["behind", "-6", "5"]);
    const late = roadmapProgress({ ...roadmap, scoring: { method: "share", lateCredit: 0.5 } }, actuals, "2026-09-01");
    // Q1 met, Q2 late (52 ≥ 50 by then): 10 × (1 + 0.5) ÷ 2.
    expect(late.items[0]!.exact).toBe("7.5");
  });
  it("scores the gap to the current milestone, and nothing due earns the full points", () => {
    const gap = roadmapProgress({ ...roadmap, scoring: { method: "gap" }, rounding: { decimals: 2 } }, actuals, "2026-07");
    // 44 ÷ 50 × 10.
    expect(gap.items[0]!.exact).toBe("8.8");
    expect(roadmapProgress(roadmap, [], "2026-02").items.map((i) => [i.exact, i.status, i.gap])).toEqual([["10", "on-time", null], ["10", "on-time", null]]);
    // Nothing reported with a milestone due: behind, no gap, 0 by the gap method.
    const none = roadmapProgress({ ...roadmap, scoring: { method: "gap" } }, [], "2026-04");
    expect([none.items[0]!.status, none.items[0]!.gap, none.items[0]!.exact]).toEqual(["behind", null, "0"]);
  });
  it("reads lower-is-better timetables the other way", () => {
    const r = { id: "r", items: [{ indicator: "complaints", owner: "a", better: "lower" as const, points: 6, milestones: [{ id: "H1", due: "2026-H1", target: 10 }, { id: "Y", due: "2026", target: 5 }] }] };
    const p = roadmapProgress({ ...r, scoring: { method: "gap" } }, [{ indicator: "complaints", owner: "a", period: "2026-06", value: 12 }], "2026-07");
    // 6 × 10 ÷ 12, behind by 2.
    expect([p.items[0]!.status, p.items[0]!.gap, p.items[0]!.exact]).toEqual(["behind", "-2", "5"]);
    const q = roadmapProgress(r, [{ indicator: "complaints", owner: "a", period: "2026-06", value: 4 }], "2026-07");
    expect(q.items[0]!.status).toBe("ahead");
  });
  it("rolls the actuals up like any indicator", () => {
    const tree = defineOrgTree([{ id: "city", level: "city" }, { id: "a", level: "county", parent: "city" }, { id: "b", level: "county", parent: "city" }]);
    const p = roadmapProgress(roadmap, actuals, "2026-08");
    const rolled = rollUp(tree, p.items.map((i) => ({ unit: i.owner, indicator: i.indicator, actual: i.actual!, target: i.expected! })), { arrears: { how: "sum" } });
    expect(rolled.find((v) => v.unit === "city")).toMatchObject({ exact: "132", target: "100", rate: 1.32 });
  });
  it("lists every mistake of a roadmap and of its actuals", () => {
    const bad = safeDefineRoadmap({ id: "r", items: [{ ...arrears("a"), milestones: [{ id: "Q1", due: "2026-Q1", target: 1 }, { id: "Q1", due: "2026-03-31", target: 2 }, { id: "x", due: "2026-Q5", target: 1 }] }, arrears("a")] });
    expect(bad.success ? [] : bad.issues.map((i) => [i.path.join("."), i.params.key])).toEqual([
      ["items.0.milestones.1.id", "roadmapMilestoneTwice"],
      ["items.0.milestones.1.due", "roadmapDueTaken"],
      ["items.0.milestones.2.due", "periodBadKey"],
      ["items.1", "roadmapItemTwice"],
    ]);
    const wrong = safeRoadmapProgress(roadmap, [{ indicator: "arrears", owner: "z", period: "2026-01", value: 1 }, { indicator: "arrears", owner: "a", period: "2026-Q1", value: 1 }, { indicator: "arrears", owner: "a", period: "2026-03", value: 2 }], "2026-08");
    expect(wrong.success ? [] : wrong.issues.map((i) => [i.path.join("."), i.params.key])).toEqual([["actuals.0", "roadmapUnknownItem"], ["actuals.2.period", "roadmapActualTwice"]]);
    expect(defineRoadmap(roadmap).items).toHaveLength(2);
  });
});
