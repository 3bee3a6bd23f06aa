import { describe, expect, it } from "vitest";
import { defineVersions, versionsOver } from "../../src/personnel/versions.js";
import { roadmapChanges, safeVersionedProgress, versionedProgress } from "../../src/roadmap/versions.js";
import type { RoadmapConfig } from "../../src/roadmap/types.js";

const item = (q3: number, q4: number) => ({
  indicator: "arrears",
  owner: "a",
  points: 10,
  milestones: [
    { id: "Q2", due: "2026-Q2", target: 50 },
    { id: "Q3", due: "2026-Q3", target: q3 },
    { id: "Q4", due: "2026-Q4", target: q4 },
  ],
});
const v1: RoadmapConfig = { id: "r", scoring: { method: "gap" }, items: [item(75, 100)] };
const v2: RoadmapConfig = { id: "r", scoring: { method: "gap" }, rounding: { decimals: 2 }, items: [item(80, 110), { indicator: "e-invoice", owner: "a", points: 5, milestones: [{ id: "Y", due: "2026", target: 90 }] }] };
const versions = defineVersions([
  { version: "v1", from: "2026-01-01", rule: v1 },
  { version: "v2", from: "2026-07-15", by: "县局党委会", note: "上调清欠目标", rule: v2 },
]);
const actuals = [{ indicator: "arrears", owner: "a", period: "2026-Q3", value: 76 }];

describe("a roadmap changed mid-year", () => {
  it("gives each version's days of a period", () => {
    expect(versionsOver(versions, "2026-Q3").map((p) => [p.version.version, p.first, p.last, p.days])).toEqual([["v1", "2026-07-01", "2026-07-14", 14], ["v2", "2026-07-15", "2026-09-30", 78]]);
    expect(versionsOver(versions, "2026").map((p) => p.days)).toEqual([195, 170]);
    expect(() => versionsOver(versions, "2025")).toThrow(/no version is in force on 2025-12-31/);
  });
  it("keeps the lineage: what changed, when and by whom", () => {
    expect(roadmapChanges(versions)).toEqual([
      { version: "v2", from: "2026-07-15", by: "县局党委会", note: "上调清欠目标", indicator: "arrears", owner: "a", kind: "target", milestone: "Q3", before: "75", after: "80" },
      { version: "v2", from: "2026-07-15", by: "县局党委会", note: "上调清欠目标", indicator: "arrears", owner: "a", kind: "target", milestone: "Q4", before: "100", after: "110" },
      { version: "v2", from: "2026-07-15", by: "县局党委会", note: "上调清欠目标", indicator: "e-invoice", owner: "a", kind: "item-added" },
    ]);
  });
  it("scores a spanning period by the version at its end (the default)", () => {
    const p = versionedProgress(versions, actuals, "2026-Q3");
    const a = p.items[0]!;
    // v2: 76 of the raised 80 → 10 × 76 ÷ 80 = 9.5, behind by 4.
    expect([p.version, p.spanning, a.status, a.gap, a.exact, a.versions.map((v) => [v.version, v.days])]).toEqual(["v2", "end", "behind", "-4", "9.5", [["v2", 78]]]);
    expect(a.changes.map((c) => c.milestone)).toEqual(["Q3", "Q4"]);
  });
  it("or each version pro rata by its days", () => {
    const a = versionedProgress(versions, actuals, "2026-Q3", { spanning: "pro-rata" }).items[0]!;
    // v1: 76 ≥ 75 → 10; v2: 9.5. (10 × 14 + 9.5 × 78) ÷ 92 = 881 ÷ 92 = 9.576… → 9.58 (v2 rounds to 2 decimals).
    expect(a.versions.map((v) => [v.version, v.days, v.exact])).toEqual([["v1", 14, "10"], ["v2", 78, "9.5"]]);
    expect(a.exact).toBe("9.58");
    // The item added by v2 is scored by v2 alone.
    const added = versionedProgress(versions, actuals, "2026-Q3", { spanning: "pro-rata" }).items[1]!;
    expect(added.versions.map((v) => v.version)).toEqual(["v2"]);
    // A period under one version is the same under both policies.
    expect(versionedProgress(versions, actuals, "2026-10", { spanning: "pro-rata" }).items[0]!.exact).toBe(versionedProgress(versions, actuals, "2026-10").items[0]!.exact);
  });
  it("says what is wrong", () => {
    const bad = safeVersionedProgress(versions, actuals, "2026-Q3", { spanning: "both" as "end" });
    expect(bad.success ? "" : bad.issues[0]!.path.join(".")).toBe("options.spanning");
    expect(() => roadmapChanges({ versions: [] })).toThrow(/Not rule versions/);
  });
});

describe("the explanation of an item", () => {
  it("says where it stands, each milestone, the score and the lineage, in zh and en", async () => {
    const { explainProgress } = await import("../../src/roadmap/explain.js");
    const a = versionedProgress(versions, actuals, "2026-Q3", { spanning: "pro-rata" }).items[0]!;
    expect(explainProgress(a)).toBe(
      [
        "arrears（a）：截至 2026-09-30，实际 76，应达 80（节点 Q3），滞后 4。",
        "下一节点 Q4：2026-12-31 前达到 110。",
        "  节点 Q2（2026-06-30）目标 50，到期实际 —：逾期完成",
        "  节点 Q3（2026-09-30）目标 80，到期实际 76：未完成",
        "  节点 Q4（2026-12-31）目标 110，到期实际 —：未到期",
        "跨期按生效天数折算：版本 v1 生效 14 天，得分 10、版本 v2 生效 78 天，得分 9.5，加权得 9.58",
        "调整：版本 v2 自 2026-07-15 起生效（县局党委会决定：上调清欠目标），节点 Q3 目标值 75 → 80",
        "调整：版本 v2 自 2026-07-15 起生效（县局党委会决定：上调清欠目标），节点 Q4 目标值 100 → 110",
      ].join("\n"),
    );
    expect(explainProgress(a, { locale: "en" }).split("\n")[0]).toBe("arrears (a): as of 2026-09-30, actual 76, expected 80 (milestone Q3); behind by 4.");
  });
});

describe("the lineage of every kind of change", () => {
  it("names points, due days, milestones and items added or dropped", () => {
    const base: RoadmapConfig = { id: "r", items: [{ indicator: "a", owner: "o", points: 10, milestones: [{ id: "m1", due: "2026-Q1", target: 1 }, { id: "m2", due: "2026-Q2", target: 2 }] }, { indicator: "b", owner: "o", points: 5, milestones: [{ id: "y", due: "2026", target: 1 }] }] };
    const next: RoadmapConfig = { id: "r", items: [{ indicator: "a", owner: "o", points: 12, milestones: [{ id: "m1", due: "2026-04-15", target: "1.0" }, { id: "m3", due: "2026-Q3", target: 3 }] }] };
    const changes = roadmapChanges(defineVersions([{ version: "v1", from: "2026-01-01", rule: base }, { version: "v2", from: "2026-03-01", rule: next }]));
    expect(changes.map((c) => [c.indicator, c.kind, c.milestone ?? "", c.before ?? "", c.after ?? ""])).toEqual([
      ["a", "points", "", "10", "12"],
      ["a", "due", "m1", "2026-03-31", "2026-04-15"],
      ["a", "milestone-added", "m3", "", "3"],
      ["a", "milestone-dropped", "m2", "2", ""],
      ["b", "item-dropped", "", "", ""],
    ]);
  });
});
