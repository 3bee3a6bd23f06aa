import { describe, expect, it } from "vitest";
import { cascade, defineCascadePlan, defineOrgTree, roadmapProgress } from "../../src/index.js";
import { cascadeRoadmap } from "../../src/roadmap/cascade.js";

const tree = defineOrgTree([
  { id: "city", level: "city" },
  { id: "county-a", level: "county", parent: "city", departments: [{ id: "levy" }, { id: "office" }] },
  { id: "county-b", level: "county", parent: "city" },
  { id: "branch-a1", level: "branch", parent: "county-a" },
  { id: "branch-a2", level: "branch", parent: "county-a" },
]);
const plan = defineCascadePlan({
  id: "p",
  indicators: [
    { id: "arrears", points: 10, target: 1000, decimals: 0, method: { type: "completion", target: 1000 }, steps: [{ how: "split", by: "amounts", amounts: { "county-a": 600, "county-b": 400 } }, { how: "split", by: "shares", shares: { "branch-a1": 0.5, "branch-a2": 0.5 } }] },
    { id: "e-invoice", points: 10, target: 90, method: { type: "completion", target: 90 }, steps: [{ how: "replicate" }] },
  ],
  responsibilities: [{ unit: "county-a", indicator: "arrears", carrying: "levy", assessing: "office", executing: [{ person: "p1" }, { person: "p2" }] }],
});
const result = cascade(plan, tree);
const roadmap = {
  id: "city-2026",
  items: [
    { indicator: "arrears", owner: "city", points: 10, milestones: [{ id: "Q1", due: "2026-Q1", target: 250 }, { id: "Q2", due: "2026-Q2", target: 501 }, { id: "Y", due: "2026", target: 1000 }] },
    { indicator: "e-invoice", owner: "city", points: 6, milestones: [{ id: "H1", due: "2026-H1", target: 60 }, { id: "Y", due: "2026", target: 90 }] },
  ],
};

describe("a roadmap passed down a cascade", () => {
  const down = cascadeRoadmap(roadmap, result);
  it("splits each milestone as the target was split, adding up exactly, level by level", () => {
    const of = (indicator: string, owner: string) => down.items.find((i) => i.indicator === indicator && i.owner === owner)!.milestones.map((m) => String(m.target));
    // 600 : 400 → 250 = 150 + 100; 501 = 300.6 → 301 (largest remainder) + 200; 1000 = 600 + 400.
    expect(of("arrears", "county-a")).toEqual(["150", "301", "600"]);
    expect(of("arrears", "county-b")).toEqual(["100", "200", "400"]);
    // 300 : 300 → 150 = 75 + 75; 301 = 151 + 150 (the remainder to the earlier id); 600 = 300 + 300.
    expect(of("arrears", "branch-a1")).toEqual(["75", "151", "300"]);
    expect(of("arrears", "branch-a2")).toEqual(["75", "150", "300"]);
    // A replicated rate keeps its milestones.
    expect(of("e-invoice", "county-b")).toEqual(["60", "90"]);
  });
  it("gives each unit the roles its cascade gives, and keeps the points", () => {
    const a = down.items.find((i) => i.indicator === "arrears" && i.owner === "county-a")!;
    expect([a.points, a.roles]).toEqual([10, { carrying: "levy", executing: ["p1", "p2"], assessing: "office" }]);
    expect(down.items.map((i) => `${i.indicator}:${i.owner}`)).toEqual([
      "arrears:city",
      "e-invoice:city",
      "arrears:county-a",
      "arrears:branch-a1",
      "arrears:branch-a2",
      "arrears:county-b",
      "e-invoice:county-a",
      "e-invoice:county-b",
    ]);
  });
  it("keeps a unit's own item as given, and scores the derived ones like any other", () => {
    const own = cascadeRoadmap({ ...roadmap, items: [...roadmap.items, { indicator: "arrears", owner: "county-b", points: 8, milestones: [{ id: "Y", due: "2026", target: 450 }] }] }, result);
    expect(own.items.filter((i) => i.owner === "county-b" && i.indicator === "arrears").map((i) => i.points)).toEqual([8]);
    const p = roadmapProgress(down, [{ indicator: "arrears", owner: "county-a", period: "2026-Q2", value: 290 }], "2026-07");
    expect(p.items.find((i) => i.owner === "county-a" && i.indicator === "arrears")).toMatchObject({ status: "behind", gap: "-11", expected: "301" });
  });
});
