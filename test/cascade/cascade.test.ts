import { describe, expect, it } from "vitest";
import {
  cascade,
  defineCascadePlan,
  defineOrgTree,
  defineScheme,
  JixiaoError,
  safeCascade,
  safeDefineCascadePlan,
  safeDefineScheme,
  score,
  type CascadePlan,
  type CascadeResult,
  type CascadeStep,
  type OrgTree,
  type OrgUnit,
  type PlanIndicator,
} from "../../src/index.js";

/*
 * The worked example: a province P, three cities C1–C3, nine counties K11–K33, each county with a
 * levy department and an office. Every figure below is computed by hand in the comments.
 */
const COUNTIES = { C1: ["K11", "K12", "K13"], C2: ["K21", "K22", "K23"], C3: ["K31", "K32", "K33"] } as const;
const units: OrgUnit[] = [
  { id: "P", name: "省局", level: "province" },
  ...Object.entries(COUNTIES).flatMap(([city, counties]) => [
    { id: city, level: "city", parent: "P" },
    ...counties.map((k) => ({ id: k, level: "county", parent: city, departments: [{ id: "levy" }, { id: "office" }] })),
  ]),
];
const tree = defineOrgTree(units);

const plan: CascadePlan = {
  id: "p2024",
  name: "2024",
  groups: [{ id: "key", name: "重点工作" }, { id: "base", name: "基础工作" }],
  rounding: { indicator: { decimals: 2 }, total: { decimals: 1, mode: "half-up" } },
  indicators: [
    {
      // 100000 split by city base 5 : 3 : 3, then by county bases
      id: "revenue", name: "组织收入", group: "key", points: 40, target: 100_000, decimals: 0, kind: "quantitative", source: "system",
      method: { type: "completion", target: 100_000 },
      steps: [
        { how: "split", by: "base", base: { C1: 5, C2: 3, C3: 3 } },
        { how: "split", by: "base", base: { K11: 1, K12: 1, K13: 1, K21: 2, K22: 1, K23: 0, K31: 7, K32: 5, K33: 4 } },
      ],
    },
    { id: "compliance", group: "key", points: 30, target: 98, method: { type: "completion", target: 98 }, steps: [{ how: "replicate" }, { how: "replicate" }] },
    { id: "inspection", group: "base", points: 20, method: { type: "grade", grades: { 优: 1, 良: 0.8 } }, steps: [{ how: "replicate" }, { how: "retain" }] },
    { id: "party", group: "base", points: 10, method: { type: "direct" } },
  ],
  templates: [
    { level: "county", localBudget: 5, indicators: [{ id: "service", group: "base", points: 10, method: { type: "steps", steps: [{ atLeast: 95, fraction: 1 }, { atLeast: 85, fraction: 0.8 }] } }] },
  ],
  local: [
    {
      unit: "K11",
      indicators: [
        { id: "tea", name: "茶产业税源培育", group: "base", points: 3, method: { type: "direct" } },
        { id: "eco", group: "base", points: 2, method: { type: "direct" } },
      ],
    },
  ],
  responsibilities: [
    { unit: "K11", indicator: "revenue", carrying: "levy", assessing: "office", executing: [{ person: "张伟", share: 0.5 }, { person: "李娜", share: 0.3 }, { person: "王强", share: 0.2 }] },
    { unit: "K31", indicator: "revenue", carrying: "levy", assessing: "office", executing: [{ person: "Wang" }, { person: "Li" }, { person: "Zhang" }] },
    { unit: "K12", indicator: "service", carrying: "office", assessing: "levy", executing: [{ person: "Zhao" }] },
  ],
};

const unitOf = (r: CascadeResult, id: string) => {
  const u = r.units.find((x) => x.unit === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
};
const ind = (r: CascadeResult, unit: string, id: string) => unitOf(r, unit).indicators.find((i) => i.id === id);
const targetOf = (r: CascadeResult, unit: string, id: string) => ind(r, unit, id)?.target;
const ids = (r: CascadeResult, unit: string) => unitOf(r, unit).indicators.map((i) => `${i.id}:${i.origin}${i.retained ? ":retained" : ""}`);

/** A tree of a root and the given children (level "child"). */
const flat = (...kids: string[]): OrgUnit[] => [{ id: "R", level: "root" }, ...kids.map((k) => ({ id: k, level: "child", parent: "R" }))];
/** A plan of one indicator `x` (decimals, target, steps as given). */
const one = (x: Partial<PlanIndicator>, more: Partial<CascadePlan> = {}): CascadePlan => ({ id: "t", indicators: [{ id: "x", points: 10, method: { type: "direct" }, ...x }], ...more });
/** The targets of `x` in each unit, by unit. */
const split = (p: CascadePlan, t: readonly OrgUnit[] | OrgTree) => Object.fromEntries(cascade(p, t).units.map((u) => [u.unit, u.indicators.find((i) => i.id === "x")?.target]));

/** The issues of a cascade that must fail; checks that cascade throws a JixiaoError too. */
function issuesOf(p: unknown, t: readonly OrgUnit[] | OrgTree = tree) {
  expect(() => cascade(p as CascadePlan, t)).toThrow(JixiaoError);
  const r = safeCascade(p as CascadePlan, t);
  if (r.success) throw new Error("expected the cascade to fail");
  return r.issues;
}

const result = cascade(plan, tree);

describe("cascade: the worked example (province → 3 cities → 9 counties)", () => {
  it("splits revenue by base at each level, exactly", () => {
    // P 100000 by 5:3:3 (÷11): 45454.54…, 27272.72…, 27272.72… → floors 45454 + 27272 + 27272 = 99998;
    // the 2 left go to the largest remainders .72 (C2) and .72 (C3)
    expect(["C1", "C2", "C3"].map((c) => targetOf(result, c, "revenue"))).toEqual(["45454", "27273", "27273"]);
    // C1 45454 by 1:1:1: 15151.33… each, 1 left, a three-way tie goes to the earliest id K11
    expect(["K11", "K12", "K13"].map((k) => targetOf(result, k, "revenue"))).toEqual(["15152", "15151", "15151"]);
    // C2 27273 by 2:1:0: 18182 + 9091 + nothing
    expect(["K21", "K22", "K23"].map((k) => targetOf(result, k, "revenue"))).toEqual(["18182", "9091", undefined]);
    // C3 27273 by 7:5:4 (÷16): 11931.9375, 8522.8125, 6818.25 → floors add to 27271; 2 left to .9375 and .8125
    expect(["K31", "K32", "K33"].map((k) => targetOf(result, k, "revenue"))).toEqual(["11932", "8523", "6818"]);
  });

  it("reports every split and each parent's parts add up to its target", () => {
    const c = result.report.conservation;
    expect(c).toEqual([
      { indicator: "revenue", parent: "P", by: "base", target: "100000", parts: [{ unit: "C1", target: "45454" }, { unit: "C2", target: "27273" }, { unit: "C3", target: "27273" }], sum: "100000", ok: true },
      { indicator: "revenue", parent: "C1", by: "base", target: "45454", parts: [{ unit: "K11", target: "15152" }, { unit: "K12", target: "15151" }, { unit: "K13", target: "15151" }], sum: "45454", ok: true },
      { indicator: "revenue", parent: "C2", by: "base", target: "27273", parts: [{ unit: "K21", target: "18182" }, { unit: "K22", target: "9091" }, { unit: "K23", target: "0" }], sum: "27273", ok: true },
      { indicator: "revenue", parent: "C3", by: "base", target: "27273", parts: [{ unit: "K31", target: "11932" }, { unit: "K32", target: "8523" }, { unit: "K33", target: "6818" }], sum: "27273", ok: true },
    ]);
    for (const check of c) expect(check.parts.reduce((s, p) => s + Number(p.target), 0)).toBe(Number(check.target));
  });

  it("replicates the compliance rate unchanged to every city and county", () => {
    for (const u of ["C1", "C2", "C3", "K11", "K12", "K13", "K21", "K22", "K23", "K31", "K32", "K33"]) {
      expect(ind(result, u, "compliance")).toMatchObject({ origin: "cascade", target: "98" });
      expect(unitOf(result, u).scheme.groups[0]!.indicators.find((i) => i.id === "compliance")!.method).toEqual({ type: "completion", target: "98" });
    }
    expect(ind(result, "K23", "compliance")!.lineage).toEqual([
      { unit: "P", target: "98", via: "plan" },
      { unit: "C2", target: "98", via: "replicate" },
      { unit: "K23", target: "98", via: "replicate" },
    ]);
  });

  it("the inspection retained at city level is in the cities' schemes, marked retained, and not in the counties'", () => {
    for (const c of ["C1", "C2", "C3"]) {
      expect(ind(result, c, "inspection")).toEqual({ id: "inspection", origin: "cascade", target: null, retained: true, lineage: [{ unit: "P", target: null, via: "plan" }, { unit: c, target: null, via: "replicate" }] });
      expect(unitOf(result, c).scheme.groups.flatMap((g) => g.indicators.map((i) => i.id))).toContain("inspection");
    }
    for (const k of Object.values(COUNTIES).flat()) {
      expect(ind(result, k, "inspection")).toBeUndefined();
      expect(unitOf(result, k).scheme.groups.flatMap((g) => g.indicators.map((i) => i.id))).not.toContain("inspection");
    }
    // the cities pass revenue and compliance on: not retained there
    expect(ids(result, "C1")).toEqual(["revenue:cascade", "compliance:cascade", "inspection:cascade:retained"]);
    // an indicator without steps stays with the plan's root, which has no unit entry
    expect(result.units.map((u) => u.unit)).not.toContain("P");
    expect(result.units.flatMap((u) => u.indicators.map((i) => i.id))).not.toContain("party");
  });

  it("counties get the template, K11 its local indicators within the budget", () => {
    expect(ids(result, "K11")).toEqual(["revenue:cascade:retained", "compliance:cascade:retained", "service:template:retained", "tea:local:retained", "eco:local:retained"]);
    expect(ids(result, "K12")).toEqual(["revenue:cascade:retained", "compliance:cascade:retained", "service:template:retained"]);
    // K23 received no revenue (base 0): compliance and the template only
    expect(ids(result, "K23")).toEqual(["compliance:cascade:retained", "service:template:retained"]);
    expect(ind(result, "K12", "service")).toEqual({ id: "service", origin: "template", target: null, retained: true, lineage: [{ unit: "K12", target: null, via: "template" }] });
    expect(ind(result, "K11", "tea")).toEqual({ id: "tea", origin: "local", target: null, retained: true, lineage: [{ unit: "K11", target: null, via: "local" }] });
    // the template is for counties: cities do not get it
    expect(ind(result, "C1", "service")).toBeUndefined();
  });

  it("lists units by depth then id, and lineage chains province → city → county", () => {
    expect(result.plan).toBe("p2024");
    expect(result.units.map((u) => `${u.unit}:${u.level}`)).toEqual([
      "C1:city", "C2:city", "C3:city",
      "K11:county", "K12:county", "K13:county", "K21:county", "K22:county", "K23:county", "K31:county", "K32:county", "K33:county",
    ]);
    expect(ind(result, "K32", "revenue")).toEqual({
      id: "revenue",
      origin: "cascade",
      target: "8523",
      retained: true,
      lineage: [
        { unit: "P", target: "100000", via: "plan" },
        { unit: "C3", target: "27273", via: "split:base" },
        { unit: "K32", target: "8523", via: "split:base" },
      ],
    });
    expect(ind(result, "C2", "revenue")!.lineage).toEqual([
      { unit: "P", target: "100000", via: "plan" },
      { unit: "C2", target: "27273", via: "split:base" },
    ]);
  });

  it("the report: retained, received nothing, local additions", () => {
    const counties = Object.values(COUNTIES).flat();
    expect(result.report.retained).toEqual([
      ...counties.filter((k) => k !== "K23").map((unit) => ({ indicator: "revenue", unit })),
      ...counties.map((unit) => ({ indicator: "compliance", unit })),
      ...["C1", "C2", "C3"].map((unit) => ({ indicator: "inspection", unit })),
      { indicator: "party", unit: "P" },
    ]);
    expect(result.report.receivedNothing).toEqual([{ indicator: "revenue", unit: "K23" }]);
    expect(result.report.local).toEqual([{ unit: "K11", indicators: ["tea", "eco"], points: "5", budget: "5" }]);
  });

  it("builds each unit's scheme with kept points, the plan's groups and rounding, and the unit's own completion target", () => {
    const c1 = unitOf(result, "C1").scheme;
    expect(c1).toEqual({
      id: "p2024/C1",
      name: "C1 · 2024",
      full: "90",
      rounding: { indicator: { decimals: 2 }, total: { decimals: 1, mode: "half-up" } },
      groups: [
        {
          id: "key",
          name: "重点工作",
          points: "70",
          indicators: [
            { id: "revenue", name: "组织收入", points: "40", kind: "quantitative", source: "system", method: { type: "completion", target: "45454" } },
            { id: "compliance", points: "30", method: { type: "completion", target: "98" } },
          ],
        },
        { id: "base", name: "基础工作", points: "20", indicators: [{ id: "inspection", points: "20", method: { type: "grade", grades: { 优: 1, 良: 0.8 } } }] },
      ],
    });
    // 40 + 30 + 10 + 3 + 2
    const k11 = unitOf(result, "K11").scheme;
    expect([k11.full, k11.groups.map((g) => `${g.id}:${g.points}`)]).toEqual(["85", ["key:70", "base:15"]]);
    // 30 + 10 for K23
    expect(unitOf(result, "K23").scheme.full).toBe("40");
    expect(unitOf(result, "K23").scheme.groups.map((g) => g.indicators.map((i) => i.id))).toEqual([["compliance"], ["service"]]);
  });

  it("every unit's scheme is accepted by defineScheme and scores against the unit's own target", () => {
    for (const u of result.units) expect(safeDefineScheme(u.scheme).success).toBe(true);
    // K33's revenue target is 6818: half of it earns half of 40 points; 98 of 98 earns 30; 90 earns 0.8 × 10
    const s = score(defineScheme(unitOf(result, "K33").scheme), { id: "K33", values: { revenue: 3409, compliance: 98, service: 90 } });
    expect(s.indicators.map((i) => [i.id, i.earned])).toEqual([["revenue", 20], ["compliance", 30], ["service", 8]]);
    expect([s.total, s.full]).toEqual([58, 80]);
    // K31's target is 11932: 11932 earns full marks, where the province's 100000 would give 4.77
    const k31 = score(defineScheme(unitOf(result, "K31").scheme), { id: "K31", values: { revenue: 11_932, compliance: 49, service: 96 } });
    expect(k31.indicators.map((i) => i.earned)).toEqual([40, 15, 10]);
    // the plan's rounding reaches the schemes: 1/3 of 40 points rounds to 2 decimals, the total to 1
    const third = score(defineScheme(unitOf(result, "K31").scheme), { id: "K31", values: { revenue: "3977.333333333333", compliance: 0, service: 0 } });
    expect(third.indicators[0]!.earned).toBe(13.33);
    expect(third.total).toBe(13.3);
  });

  it("responsibilities: carrying and assessing departments, executors' parts add up to the unit's target", () => {
    expect(result.responsibilities).toEqual([
      // K11 revenue 15152 by 0.5 / 0.3 / 0.2: 7576, 4545.6, 3030.4 → floors 7576 + 4545 + 3030 = 15151, 1 left to .6
      {
        unit: "K11", indicator: "revenue", carrying: "levy", assessing: "office", target: "15152",
        executing: [{ person: "张伟", target: "7576" }, { person: "李娜", target: "4546" }, { person: "王强", target: "3030" }],
      },
      // K31 revenue 11932 equally: 3977.33… each, 1 left, the tie to the earliest person "Li" (Li < Wang < Zhang)
      {
        unit: "K31", indicator: "revenue", carrying: "levy", assessing: "office", target: "11932",
        executing: [{ person: "Wang", target: "3977" }, { person: "Li", target: "3978" }, { person: "Zhang", target: "3977" }],
      },
      // a template indicator has no target to split
      { unit: "K12", indicator: "service", carrying: "office", assessing: "levy", target: null, executing: [{ person: "Zhao", target: null }] },
    ]);
    for (const r of result.responsibilities.slice(0, 2)) expect(r.executing.reduce((s, e) => s + Number(e.target), 0)).toBe(Number(r.target));
  });

  it("points rebased to `full`: each scheme adds up to exactly 100 (largest remainder at 0.01)", () => {
    const rebased = cascade({ ...plan, points: "rebase" }, tree);
    // C1: 40 : 30 : 20 of 100 → 44.44…, 33.33…, 22.22… → 99.99, the 0.01 left to revenue (.444…)
    const c1 = unitOf(rebased, "C1").scheme;
    expect(c1.full).toBe("100");
    expect(c1.groups.flatMap((g) => g.indicators.map((i) => `${i.id}:${i.points}`))).toEqual(["revenue:44.45", "compliance:33.33", "inspection:22.22"]);
    expect(c1.groups.map((g) => g.points)).toEqual(["77.78", "22.22"]);
    // K11: 40, 30, 10, 3, 2 of 85 → 47.0588, 35.2941, 11.7647, 3.5294, 2.3529 → floors 99.97;
    // the 0.03 left to the largest remainders: tea (.0094), revenue (.0088), service (.0047)
    const k11 = unitOf(rebased, "K11").scheme;
    expect(k11.groups.flatMap((g) => g.indicators.map((i) => `${i.id}:${i.points}`))).toEqual(["revenue:47.06", "compliance:35.29", "service:11.77", "tea:3.53", "eco:2.35"]);
    expect(k11.groups.map((g) => g.points)).toEqual(["82.35", "17.65"]);
    for (const u of rebased.units) {
      const points = u.scheme.groups.flatMap((g) => g.indicators.map((i) => Math.round(Number(i.points) * 100)));
      expect(points.reduce((a, b) => a + b, 0)).toBe(10_000);
      expect(u.scheme.full).toBe("100");
      expect(safeDefineScheme(u.scheme).success).toBe(true);
    }
    // a full score of 120 with one decimal-free split: K23's 30 : 10 → 90 + 30
    const k23 = unitOf(cascade({ ...plan, points: "rebase", full: 120 }, tree), "K23").scheme;
    expect([k23.full, k23.groups.flatMap((g) => g.indicators.map((i) => i.points))]).toEqual(["120", ["90", "30"]]);
    // keep (the default) leaves the points as given
    expect(unitOf(cascade({ ...plan, points: "keep" }, tree), "C1").scheme).toEqual(unitOf(result, "C1").scheme);
  });

  it("does not change the plan or the tree, and accepts the units in place of the tree", () => {
    expect(cascade(plan, units)).toEqual(result);
    expect(cascade(defineCascadePlan(plan), tree)).toEqual(result);
  });
});

describe("cascade: every unit's scheme is one defineScheme accepts", () => {
  const abc = flat("a", "b", "c");
  /** Either the cascade refuses the plan with a JixiaoError, or every scheme it builds is valid. */
  function schemesValid(p: CascadePlan) {
    const r = safeCascade(p, abc);
    if (!r.success) return expect(r.issues.length).toBeGreaterThan(0);
    for (const u of r.output.units) {
      const s = safeDefineScheme(u.scheme);
      expect(s.success ? [] : s.issues, `the scheme of ${u.unit}`).toEqual([]);
    }
  }

  it("a zero target replicated to a completion method (whose target must be more than 0)", () => {
    schemesValid(one({ target: 0, method: { type: "completion", target: 5 }, steps: [{ how: "replicate" }] }));
  });

  it("points rebased where an indicator's share of `full` rounds to 0", () => {
    schemesValid({ id: "t", points: "rebase", indicators: [{ id: "x", points: 100_000, method: { type: "direct" }, steps: [{ how: "replicate" }] }, { id: "y", points: "0.01", method: { type: "direct" }, steps: [{ how: "replicate" }] }] });
  });
});

describe("cascade: splits", () => {
  const abc = flat("c", "b", "a");

  it("equal with a remainder: largest remainder, ties to the earlier unit id", () => {
    // 10 ÷ 3 = 3.33…: one left, to "a" though it is listed last
    expect(split(one({ target: 10, decimals: 0, steps: [{ how: "split", by: "equal" }] }), abc)).toEqual({ a: "4", b: "3", c: "3" });
    // 11 ÷ 3: two left, to a and b
    expect(split(one({ target: 11, decimals: 0, steps: [{ how: "split", by: "equal" }] }), abc)).toEqual({ a: "4", b: "4", c: "3" });
    // ties go by code-unit order, not by case-blind or locale order: "B" < "a" < "c"
    expect(split(one({ target: 10, decimals: 0, steps: [{ how: "split", by: "equal" }] }), flat("a", "B", "c"))).toEqual({ B: "4", a: "3", c: "3" });
    // decimals 2: 100 ÷ 3 = 33.333…: 33.33 × 3 = 99.99, the 0.01 to a
    expect(split(one({ target: 100, steps: [{ how: "split", by: "equal" }] }), abc)).toEqual({ a: "33.34", b: "33.33", c: "33.33" });
    // decimals 2, a target smaller than the units: 0.05 ÷ 3 = 0.0166…: 0.01 each, 0.02 left to a and b
    expect(split(one({ target: "0.05", steps: [{ how: "split", by: "equal" }] }), abc)).toEqual({ a: "0.02", b: "0.02", c: "0.01" });
    // decimals 0, fewer units than children: 2 ÷ 3 → a and b get 1, c nothing
    const r = cascade(one({ target: 2, decimals: 0, steps: [{ how: "split", by: "equal" }] }), abc);
    expect(r.units.map((u) => [u.unit, u.indicators[0]!.target])).toEqual([["a", "1"], ["b", "1"]]);
    expect(r.report.receivedNothing).toEqual([{ indicator: "x", unit: "c" }]);
    expect(r.report.conservation[0]).toMatchObject({ by: "equal", target: "2", sum: "2", ok: true, parts: [{ unit: "a", target: "1" }, { unit: "b", target: "1" }, { unit: "c", target: "0" }] });
  });

  it("by shares", () => {
    expect(split(one({ target: 1000, decimals: 0, steps: [{ how: "split", by: "shares", shares: { a: 0.5, b: 0.3, c: 0.2 } }] }), abc)).toEqual({ a: "500", b: "300", c: "200" });
    // 0.1 + 0.2 + 0.7 is exactly 1 in decimal arithmetic
    expect(split(one({ target: 10, decimals: 0, steps: [{ how: "split", by: "shares", shares: { a: 0.1, b: 0.2, c: "0.7" } }] }), abc)).toEqual({ a: "1", b: "2", c: "7" });
    // 101 × 0.5 / 0.25 / 0.25 = 50.5, 25.25, 25.25 → floors 100, the 1 left to a (.5)
    expect(split(one({ target: 101, decimals: 0, steps: [{ how: "split", by: "shares", shares: { a: 0.5, b: 0.25, c: 0.25 } }] }), abc)).toEqual({ a: "51", b: "25", c: "25" });
    // the largest remainder wins over the largest share: 7 × 0.6 / 0.25 / 0.15 = 4.2, 1.75, 1.05 → 4 + 1 + 1, the 1 left to b (.75)
    expect(split(one({ target: 7, decimals: 0, steps: [{ how: "split", by: "shares", shares: { a: 0.6, b: 0.25, c: 0.15 } }] }), abc)).toEqual({ a: "4", b: "2", c: "1" });
    // decimals 2: 1000.01 × 1/4, 1/4, 1/2 = 250.0025, 250.0025, 500.005 → 1000 in floors, the 0.01 left to c (.005)
    expect(split(one({ target: "1000.01", steps: [{ how: "split", by: "shares", shares: { a: 0.25, b: 0.25, c: 0.5 } }] }), abc)).toEqual({ a: "250", b: "250", c: "500.01" });
  });

  it("by base and by amounts", () => {
    // 100 by 2 : 1 → 66.67, 33.33 at 2 decimals; 67, 33 at 0
    expect(split(one({ target: 100, steps: [{ how: "split", by: "base", base: { a: 2, b: 1 } }] }), flat("a", "b"))).toEqual({ a: "66.67", b: "33.33" });
    expect(split(one({ target: 100, decimals: 0, steps: [{ how: "split", by: "base", base: { a: "2e4", b: "1e4" } }] }), flat("a", "b"))).toEqual({ a: "67", b: "33" });
    // amounts are taken as given when they add up
    const r = cascade(one({ target: "1000.5", steps: [{ how: "split", by: "amounts", amounts: { a: 600, b: "250.25", c: "150.25" } }] }), abc);
    expect(r.units.map((u) => u.indicators[0]!.target)).toEqual(["600", "250.25", "150.25"]);
    expect(r.report.conservation).toEqual([
      { indicator: "x", parent: "R", by: "amounts", target: "1000.5", parts: [{ unit: "a", target: "600" }, { unit: "b", target: "250.25" }, { unit: "c", target: "150.25" }], sum: "1000.5", ok: true },
    ]);
    expect(r.units[1]!.indicators[0]!.lineage).toEqual([{ unit: "R", target: "1000.5", via: "plan" }, { unit: "b", target: "250.25", via: "split:amounts" }]);
    // a zero share is a unit that receives nothing
    const z = cascade(one({ target: 10, decimals: 0, steps: [{ how: "split", by: "shares", shares: { a: 1, b: 0, c: 0 } }] }), abc);
    expect(z.units.map((u) => u.unit)).toEqual(["a"]);
    expect(z.report.receivedNothing).toEqual([{ indicator: "x", unit: "b" }, { indicator: "x", unit: "c" }]);
  });

  it("lineage across three steps: equal, shares, amounts", () => {
    const t: OrgUnit[] = [
      { id: "N", level: "national" },
      { id: "P1", level: "province", parent: "N" },
      { id: "P2", level: "province", parent: "N" },
      { id: "C1", level: "city", parent: "P1" },
      { id: "C2", level: "city", parent: "P1" },
      { id: "C3", level: "city", parent: "P2" },
      { id: "K1", level: "county", parent: "C1" },
      { id: "K2", level: "county", parent: "C1" },
    ];
    const steps: CascadeStep[] = [
      { how: "split", by: "equal" },
      { how: "split", by: "shares", shares: { C1: 0.75, C2: 0.25, C3: 1 } },
      { how: "split", by: "amounts", amounts: { K1: 100, K2: 50 } },
    ];
    // 400 ÷ 2 → P1 200, P2 200; P1 200 × 0.75 / 0.25 → C1 150, C2 50; P2 200 × 1 → C3 200; C1 150 → K1 100 + K2 50
    const r = cascade(one({ target: 400, decimals: 0, steps }), t);
    expect(ind(r, "K2", "x")!.lineage).toEqual([
      { unit: "N", target: "400", via: "plan" },
      { unit: "P1", target: "200", via: "split:equal" },
      { unit: "C1", target: "150", via: "split:shares" },
      { unit: "K2", target: "50", via: "split:amounts" },
    ]);
    // C2 and C3 have no children: they keep it; C3 got all of P2's 200
    expect(ind(r, "C3", "x")).toMatchObject({ target: "200", retained: true });
    expect(ind(r, "C1", "x")).toMatchObject({ target: "150", retained: false });
    expect(r.report.retained).toEqual([{ indicator: "x", unit: "C2" }, { indicator: "x", unit: "C3" }, { indicator: "x", unit: "K1" }, { indicator: "x", unit: "K2" }]);
    expect(r.report.conservation.map((c) => `${c.parent}:${c.by}:${c.target}=${c.parts.map((p) => p.target).join("+")}:${c.ok}`)).toEqual([
      "N:equal:400=200+200:true",
      "P1:shares:200=150+50:true",
      "P2:shares:200=200:true",
      "C1:amounts:150=100+50:true",
    ]);
  });

  it("a unit that received nothing passes nothing on, and its children may still be named in the next table", () => {
    // 2 ÷ 3 at 0 decimals: a 1, b 1, c nothing — a zero that comes from rounding, not from the tables.
    // The next step's base table lists every grandchild, as last year's revenue would.
    const t: OrgUnit[] = [
      ...flat("a", "b", "c"),
      ...["a1", "a2", "b1", "c1", "c2"].map((id) => ({ id, level: "grandchild", parent: id[0]! })),
    ];
    const p = one({ target: 2, decimals: 0, steps: [{ how: "split", by: "equal" }, { how: "split", by: "base", base: { a1: 1, a2: 1, b1: 1, c1: 5, c2: 5 } }] });
    const r = safeCascade(p, t);
    expect(r.success ? [] : r.issues).toEqual([]);
    if (!r.success) return;
    // a 1 → a1 1 (the tie to a1), a2 nothing; b 1 → b1 1; c and its children nothing
    expect(Object.fromEntries(r.output.units.map((u) => [u.unit, u.indicators[0]?.target]))).toEqual({ a: "1", b: "1", a1: "1", b1: "1" });
    expect(r.output.report.receivedNothing).toEqual([{ indicator: "x", unit: "c" }, { indicator: "x", unit: "a2" }]);
  });

  it("a plan root below the tree's root cascades its subtree only", () => {
    const r = cascade({ ...one({ target: 9, decimals: 0, steps: [{ how: "split", by: "equal" }] }), root: "C2" }, tree);
    expect(r.units.map((u) => [u.unit, u.indicators[0]!.target])).toEqual([["K21", "3"], ["K22", "3"], ["K23", "3"]]);
    expect(r.units[0]!.indicators[0]!.lineage[0]).toEqual({ unit: "C2", target: "9", via: "plan" });
  });
});

describe("cascade: errors naming the path and ids", () => {
  const abc = flat("a", "b", "c");

  it("shares not summing to 1 for a parent", () => {
    expect(issuesOf(one({ target: 10, steps: [{ how: "split", by: "shares", shares: { a: 0.5, b: 0.3, c: 0.1 } }] }), abc)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "indicators[0].steps[0].shares: the shares of "R"'s children (a, b, c) add up to 0.9, not 1",
          "params": {
            "children": [
              "a",
              "b",
              "c",
            ],
            "key": "cascadeSharesSum",
            "parent": "R",
            "total": "0.9",
          },
          "path": [
            "indicators",
            0,
            "steps",
            0,
            "shares",
          ],
        },
      ]
    `);
    // checked per parent: C1's counties add up to 1, C2's to 1.1
    const shares = { K11: 0.2, K12: 0.3, K13: 0.5, K21: 0.5, K22: 0.5, K23: 0.1, K31: 0.3, K32: 0.3, K33: 0.4 };
    expect(issuesOf(one({ target: 90, steps: [{ how: "split", by: "equal" }, { how: "split", by: "shares", shares }] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "indicators[0].steps[1].shares: the shares of "C2"'s children (K21, K22, K23) add up to 1.1, not 1",
          "params": {
            "children": [
              "K21",
              "K22",
              "K23",
            ],
            "key": "cascadeSharesSum",
            "parent": "C2",
            "total": "1.1",
          },
          "path": [
            "indicators",
            0,
            "steps",
            1,
            "shares",
          ],
        },
      ]
    `);
  });

  it("bases adding up to 0", () => {
    expect(issuesOf(one({ target: 10, steps: [{ how: "split", by: "base", base: { a: 0, b: 0, c: 0 } }] }), abc)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "indicators[0].steps[0].base: the bases of "R"'s children (a, b, c) add up to 0; nothing to split by",
          "params": {
            "children": [
              "a",
              "b",
              "c",
            ],
            "key": "cascadeBasesZero",
            "parent": "R",
          },
          "path": [
            "indicators",
            0,
            "steps",
            0,
            "base",
          ],
        },
      ]
    `);
  });

  it("amounts not adding up to the target", () => {
    expect(issuesOf(one({ target: 10, decimals: 0, steps: [{ how: "split", by: "amounts", amounts: { a: 3, b: 3, c: 3 } }] }), abc)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "indicators[0].steps[0].amounts: the amounts of "R"'s children add up to 9, not its target 10",
          "params": {
            "key": "cascadeAmountsSum",
            "parent": "R",
            "target": "10",
            "total": "9",
          },
          "path": [
            "indicators",
            0,
            "steps",
            0,
            "amounts",
          ],
        },
      ]
    `);
  });

  it("a table missing a child", () => {
    expect(issuesOf(one({ target: 10, steps: [{ how: "split", by: "base", base: { a: 1, c: 2 } }] }), abc)).toMatchInlineSnapshot(`
      [
        {
          "code": "missing_value",
          "message": "indicators[0].steps[0].base.b: is missing: every child of "R" needs a value",
          "params": {
            "key": "cascadeChildMissing",
            "parent": "R",
          },
          "path": [
            "indicators",
            0,
            "steps",
            0,
            "base",
            "b",
          ],
        },
      ]
    `);
  });

  it("a table naming a unit at the wrong level, or no unit at all", () => {
    expect(
      issuesOf(one({ target: 90, steps: [{ how: "split", by: "shares", shares: { C1: 0.5, C2: 0.3, C3: 0.2, K11: 0.05 } }, { how: "split", by: "base", base: { K11: 1, K12: 1, K13: 1, K21: 1, K22: 1, K23: 1, K31: 1, K32: 1, K33: 1, C1: 1, nobody: 1 } }] })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "indicators[0].steps[0].shares.K11: is not a unit that receives "x" at this level",
          "params": {
            "indicator": "x",
            "key": "cascadeNotReceiver",
          },
          "path": [
            "indicators",
            0,
            "steps",
            0,
            "shares",
            "K11",
          ],
        },
        {
          "code": "unknown_id",
          "message": "indicators[0].steps[1].base.C1: is not a unit that receives "x" at this level",
          "params": {
            "indicator": "x",
            "key": "cascadeNotReceiver",
          },
          "path": [
            "indicators",
            0,
            "steps",
            1,
            "base",
            "C1",
          ],
        },
        {
          "code": "unknown_id",
          "message": "indicators[0].steps[1].base.nobody: is not a unit that receives "x" at this level",
          "params": {
            "indicator": "x",
            "key": "cascadeNotReceiver",
          },
          "path": [
            "indicators",
            0,
            "steps",
            1,
            "base",
            "nobody",
          ],
        },
      ]
    `);
  });

  it("a local addition over its budget, or at a level without a budget, or outside the plan's subtree", () => {
    const over = { ...plan, local: [{ unit: "K21", indicators: [{ id: "tea", group: "base", points: 4, method: { type: "direct" } }, { id: "eco", group: "base", points: "1.5", method: { type: "direct" } }] }] } as CascadePlan;
    expect(issuesOf(over)).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "local[0].indicators (指标): unit "K21" adds 5.5 local points, more than its budget of 5",
          "params": {
            "budget": "5",
            "key": "cascadeOverBudget",
            "points": "5.5",
            "unit": "K21",
          },
          "path": [
            "local",
            0,
            "indicators",
          ],
        },
      ]
    `);
    const noBudget = { ...plan, local: [{ unit: "C1", indicators: [{ id: "tea", group: "base", points: 1, method: { type: "direct" } }] }] } as CascadePlan;
    expect(issuesOf(noBudget)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "local[0]: unit "C1" (city) has no local budget: its level's template gives none",
          "params": {
            "key": "cascadeNoLocalBudget",
            "level": "city",
            "unit": "C1",
          },
          "path": [
            "local",
            0,
          ],
        },
      ]
    `);
    const template = plan.templates![0]!;
    const noBudgetGiven = { ...plan, templates: [{ level: template.level, indicators: template.indicators }] } as CascadePlan;
    expect(issuesOf(noBudgetGiven).map((i) => i.message)).toEqual(['local[0]: unit "K11" (county) has no local budget: its level\'s template gives none']);
    expect(issuesOf({ ...plan, local: [{ unit: "K99", indicators: [{ id: "tea", group: "base", points: 1, method: { type: "direct" } }] }] }).map((i) => [i.code, i.path])).toEqual([["unknown_id", ["local", 0, "unit"]]]);
    expect(issuesOf({ ...plan, local: [{ unit: "P", indicators: [{ id: "tea", group: "base", points: 1, method: { type: "direct" } }] }] }).map((i) => [i.code, i.path])).toEqual([["unknown_id", ["local", 0, "unit"]]]);
  });

  it("an unknown root", () => {
    expect(issuesOf({ ...plan, root: "P9" })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "root: "P9" is not a unit of the tree",
          "params": {
            "key": "cascadeNotAUnit",
            "unit": "P9",
          },
          "path": [
            "root",
          ],
        },
      ]
    `);
  });

  it("an unknown department or indicator in a responsibility", () => {
    const bad = {
      ...plan,
      responsibilities: [
        { unit: "K11", indicator: "revenue", carrying: "征管股", assessing: "office", executing: [{ person: "张伟" }] },
        { unit: "K12", indicator: "inspection", carrying: "levy", assessing: "office", executing: [{ person: "李娜" }] },
      ],
    };
    expect(issuesOf(bad)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "responsibilities[0].carrying: "征管股" is not a department of unit "K11"",
          "params": {
            "department": "征管股",
            "key": "cascadeNotDepartment",
            "unit": "K11",
          },
          "path": [
            "responsibilities",
            0,
            "carrying",
          ],
        },
        {
          "code": "unknown_id",
          "message": "responsibilities[1].indicator: unit "K12" has no indicator "inspection"",
          "params": {
            "indicator": "inspection",
            "key": "cascadeUnitLacksIndicator",
            "unit": "K12",
          },
          "path": [
            "responsibilities",
            1,
            "indicator",
          ],
        },
      ]
    `);
    const shares = { ...plan, responsibilities: [{ unit: "K11", indicator: "revenue", carrying: "levy", assessing: "office", executing: [{ person: "a", share: 0.5 }, { person: "b", share: 0.4 }] }] };
    expect(issuesOf(shares).map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["responsibilities", 0, "executing"]]]);
    const some = { ...plan, responsibilities: [{ unit: "K11", indicator: "revenue", carrying: "levy", assessing: "office", executing: [{ person: "a", share: 0.5 }, { person: "b" }] }] };
    expect(issuesOf(some).map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["responsibilities", 0, "executing"]]]);
  });

  it("a split without a target, a target with more decimals than `decimals`", () => {
    expect(issuesOf(one({ steps: [{ how: "split", by: "equal" }] }), abc)).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "indicators[0].target: a split needs the indicator's target",
          "params": {
            "key": "cascadeSplitNeedsTarget",
          },
          "path": [
            "indicators",
            0,
            "target",
          ],
        },
      ]
    `);
    expect(issuesOf(one({ target: "10.5", decimals: 0, steps: [{ how: "split", by: "equal" }] }), abc)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "indicators[0].target: 10.5 has more decimals than the indicator's 0; give decimals to match",
          "params": {
            "decimals": 0,
            "key": "cascadeTargetDecimals",
            "target": "10.5",
          },
          "path": [
            "indicators",
            0,
            "target",
          ],
        },
      ]
    `);
    // the default is 2 decimals
    expect(issuesOf(one({ target: "10.125", steps: [{ how: "replicate" }] }), abc).map((i) => [i.code, i.path])).toEqual([["invalid_value", ["indicators", 0, "target"]]]);
    // amounts with more decimals than the indicator's
    expect(issuesOf(one({ target: 10, decimals: 0, steps: [{ how: "split", by: "amounts", amounts: { a: "3.5", b: "3.5", c: 3 } }] }), abc).map((i) => [i.code, i.path])).toEqual([
      ["invalid_value", ["indicators", 0, "steps", 0, "amounts", "a"]],
      ["invalid_value", ["indicators", 0, "steps", 0, "amounts", "b"]],
    ]);
  });

  it("two splits without a target: one issue, not the same issue twice", () => {
    expect(issuesOf(one({ steps: [{ how: "split", by: "equal" }, { how: "split", by: "equal" }] }), abc).map((i) => [i.code, i.path])).toEqual([["required", ["indicators", 0, "target"]]]);
  });

  it("duplicate indicator ids across plan, template and local", () => {
    const dup = {
      ...plan,
      indicators: [...plan.indicators, { id: "revenue", group: "base", points: 1, method: { type: "direct" } }],
      templates: [{ level: "county", localBudget: 5, indicators: [{ id: "compliance", group: "base", points: 10, method: { type: "direct" } }] }],
      local: [{ unit: "K11", indicators: [{ id: "compliance", group: "base", points: 1, method: { type: "direct" } }, { id: "tea", group: "base", points: 1, method: { type: "direct" } }, { id: "tea", group: "base", points: 1, method: { type: "direct" } }] }],
    };
    expect(issuesOf(dup)).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "indicators[4].id: repeats the indicator id "revenue" of indicators[0]",
          "params": {
            "first": "indicators[0]",
            "id": "revenue",
            "key": "cascadeDuplicateIndicator",
          },
          "path": [
            "indicators",
            4,
            "id",
          ],
        },
        {
          "code": "duplicate_id",
          "message": "templates[0].indicators[0].id: repeats the indicator id "compliance" of indicators[1]",
          "params": {
            "first": "indicators[1]",
            "id": "compliance",
            "key": "cascadeDuplicateIndicator",
          },
          "path": [
            "templates",
            0,
            "indicators",
            0,
            "id",
          ],
        },
        {
          "code": "duplicate_id",
          "message": "local[0].indicators[0].id: repeats the indicator id "compliance"",
          "params": {
            "id": "compliance",
            "key": "cascadeDuplicateIndicator",
          },
          "path": [
            "local",
            0,
            "indicators",
            0,
            "id",
          ],
        },
        {
          "code": "duplicate_id",
          "message": "local[0].indicators[2].id: repeats the indicator id "tea"",
          "params": {
            "id": "tea",
            "key": "cascadeDuplicateIndicator",
          },
          "path": [
            "local",
            0,
            "indicators",
            2,
            "id",
          ],
        },
      ]
    `);
    expect(safeDefineCascadePlan(dup as CascadePlan).success).toBe(false);
    // two units may each add a local indicator of the same id
    const twice = { ...plan, local: [{ unit: "K11", indicators: [{ id: "tea", group: "base", points: 1, method: { type: "direct" } }] }, { unit: "K12", indicators: [{ id: "tea", group: "base", points: 1, method: { type: "direct" } }] }] } as CascadePlan;
    expect(cascade(twice, tree).report.local.map((l) => l.unit)).toEqual(["K11", "K12"]);
  });
});
