import { describe, expect, it } from "vitest";
import { defineOrgTree, JixiaoError, leaderScore, rollUp, safeRollUp, type LeaderLink, type OrgUnit, type RollUpRule, type UnitResult } from "../../src/index.js";

/** P → C1 (K11, K12), C2 (K21, K22, K23), listed out of order. */
const tree = defineOrgTree([
  { id: "K23", level: "county", parent: "C2" },
  { id: "C2", level: "city", parent: "P" },
  { id: "K11", level: "county", parent: "C1" },
  { id: "P", level: "province" },
  { id: "K22", level: "county", parent: "C2" },
  { id: "C1", level: "city", parent: "P" },
  { id: "K12", level: "county", parent: "C1" },
  { id: "K21", level: "county", parent: "C2" },
]);

/** Revenue: actual / target by county. */
const revenue: UnitResult[] = [
  { unit: "K11", indicator: "revenue", actual: 110, target: 100 },
  { unit: "K12", indicator: "revenue", actual: 87, target: 100 },
  { unit: "K21", indicator: "revenue", actual: 60, target: 50 },
  { unit: "K22", indicator: "revenue", actual: "40", target: "50" },
  { unit: "K23", indicator: "revenue", actual: 26, target: 40 },
];

/** A rate (0 to 1) by county, with the county's target as its weight. */
const rates: UnitResult[] = [
  { unit: "K11", indicator: "rate", actual: 0.9, target: 100 },
  { unit: "K12", indicator: "rate", actual: 0.8, target: 300 },
  { unit: "K21", indicator: "rate", actual: 1, target: 50 },
  { unit: "K22", indicator: "rate", actual: 0.5, target: 50 },
  { unit: "K23", indicator: "rate", actual: 0.75, target: 100 },
];

const byUnit = (vs: ReturnType<typeof rollUp>) => Object.fromEntries(vs.map((v) => [v.unit, v.exact]));
const rolled = (rule: RollUpRule, results: readonly UnitResult[] = rates) => byUnit(rollUp(tree, results, { [results[0]!.indicator]: rule }));

/** The issues of a roll-up that must fail; checks that rollUp throws a JixiaoError too. */
function issuesOf(results: unknown, rules: unknown, t: readonly OrgUnit[] | typeof tree = tree) {
  expect(() => rollUp(t, results as UnitResult[], rules as Record<string, RollUpRule>)).toThrow(JixiaoError);
  const r = safeRollUp(t, results as UnitResult[], rules as Record<string, RollUpRule>);
  if (r.success) throw new Error("expected the roll-up to fail");
  return r.issues;
}

describe("rollUp: sum", () => {
  it("sums actuals and targets level by level, with a completion rate, traced to each child", () => {
    const vs = rollUp(tree, revenue, { revenue: { how: "sum" } });
    // C1: 110 + 87 = 197 of 100 + 100 = 200 → 0.985; C2: 60 + 40 + 26 = 126 of 140 → 0.9; P: 197 + 126 = 323 of 340 → 0.95
    expect(vs).toEqual([
      { unit: "P", indicator: "revenue", from: "sum", value: 323, exact: "323", target: "340", rate: 0.95, children: [{ unit: "C1", value: "197" }, { unit: "C2", value: "126" }] },
      { unit: "C1", indicator: "revenue", from: "sum", value: 197, exact: "197", target: "200", rate: 0.985, children: [{ unit: "K11", value: "110" }, { unit: "K12", value: "87" }] },
      { unit: "C2", indicator: "revenue", from: "sum", value: 126, exact: "126", target: "140", rate: 0.9, children: [{ unit: "K21", value: "60" }, { unit: "K22", value: "40" }, { unit: "K23", value: "26" }] },
      { unit: "K11", indicator: "revenue", from: "given", value: 110, exact: "110", target: "100", rate: 1.1, children: [] },
      { unit: "K12", indicator: "revenue", from: "given", value: 87, exact: "87", target: "100", rate: 0.87, children: [] },
      { unit: "K21", indicator: "revenue", from: "given", value: 60, exact: "60", target: "50", rate: 1.2, children: [] },
      { unit: "K22", indicator: "revenue", from: "given", value: 40, exact: "40", target: "50", rate: 0.8, children: [] },
      { unit: "K23", indicator: "revenue", from: "given", value: 26, exact: "26", target: "40", rate: 0.65, children: [] },
    ]);
    // the same whatever order the results come in
    expect(rollUp(tree, [...revenue].reverse(), { revenue: { how: "sum" } })).toEqual(vs);
  });

  it("sums exactly in decimals, and has no target or rate where a child has none", () => {
    const vs = rollUp(tree, [{ unit: "K11", indicator: "n", actual: 0.1 }, { unit: "K12", indicator: "n", actual: 0.2, target: 1 }], { n: { how: "sum" } });
    expect(vs.find((v) => v.unit === "C1")).toMatchObject({ value: 0.3, exact: "0.3", target: null, rate: null });
    // C2 has no results: it is left out, and P is C1's alone
    expect(vs.map((v) => v.unit)).toEqual(["P", "C1", "K11", "K12"]);
    expect(vs[0]).toMatchObject({ exact: "0.3", children: [{ unit: "C1", value: "0.3" }] });
  });

  it("a given value at a parent stands for itself", () => {
    const vs = rollUp(tree, [...revenue, { unit: "C2", indicator: "revenue", actual: 130, target: 140 }], { revenue: { how: "sum" } });
    expect(vs.find((v) => v.unit === "C2")).toEqual({ unit: "C2", indicator: "revenue", from: "given", value: 130, exact: "130", target: "140", rate: 130 / 140, children: [] });
    // P: 197 + 130 (not 126)
    expect(vs.find((v) => v.unit === "P")).toMatchObject({ from: "sum", exact: "327", target: "340", children: [{ unit: "C1", value: "197" }, { unit: "C2", value: "130" }] });
    // the root's own result wins over its children
    expect(rollUp(tree, [...revenue, { unit: "P", indicator: "revenue", actual: 1 }], { revenue: { how: "sum" } }).find((v) => v.unit === "P")).toMatchObject({ from: "given", exact: "1", children: [] });
  });

  it("several indicators, each by its own rule, in indicator order", () => {
    const vs = rollUp(tree, [...rates, ...revenue], { revenue: { how: "sum" }, rate: { how: "min" } });
    expect(vs.filter((v) => v.unit === "P").map((v) => `${v.indicator}:${v.from}:${v.exact}`)).toEqual(["rate:min:0.5", "revenue:sum:323"]);
    // a rule without results gives nothing
    expect(rollUp(tree, revenue, { revenue: { how: "sum" }, other: { how: "max" } }).every((v) => v.indicator === "revenue")).toBe(true);
  });
});

describe("rollUp: averages, min and max", () => {
  it("weighted by the children's targets (the default)", () => {
    // C1: (0.9 × 100 + 0.8 × 300) / 400 = 0.825; C2: (1 × 50 + 0.5 × 50 + 0.75 × 100) / 200 = 0.75;
    // P: (0.825 × 400 + 0.75 × 200) / 600 = 0.8
    const expected = { P: "0.8", C1: "0.825", C2: "0.75", K11: "0.9", K12: "0.8", K21: "1", K22: "0.5", K23: "0.75" };
    expect(rolled({ how: "weighted", weights: "target" })).toEqual(expected);
    expect(rolled({ how: "weighted" })).toEqual(expected);
    const vs = rollUp(tree, rates, { rate: { how: "weighted" } });
    expect(vs.find((v) => v.unit === "C1")).toEqual({
      unit: "C1", indicator: "rate", from: "weighted", value: 0.825, exact: "0.825", target: null, rate: null,
      children: [{ unit: "K11", value: "0.9", weight: "100" }, { unit: "K12", value: "0.8", weight: "300" }],
    });
    expect(vs.find((v) => v.unit === "P")!.children).toEqual([{ unit: "C1", value: "0.825", weight: "400" }, { unit: "C2", value: "0.75", weight: "200" }]);
  });

  it("weighted by a table", () => {
    // C1: (0.9 × 1 + 0.8 × 3) / 4 = 0.825; C2: (1 × 2 + 0.5 + 0.75) / 4 = 0.8125; P: (0.825 + 0.8125) / 2 = 0.81875
    const weights = { K11: 1, K12: 3, K21: 2, K22: "1", K23: 1, C1: 1, C2: 1 };
    expect(rolled({ how: "weighted", weights })).toEqual({ P: "0.81875", C1: "0.825", C2: "0.8125", K11: "0.9", K12: "0.8", K21: "1", K22: "0.5", K23: "0.75" });
    const c2 = rollUp(tree, rates, { rate: { how: "weighted", weights } }).find((v) => v.unit === "C2")!;
    expect(c2.children).toEqual([{ unit: "K21", value: "1", weight: "2" }, { unit: "K22", value: "0.5", weight: "1" }, { unit: "K23", value: "0.75", weight: "1" }]);
    // a zero weight leaves a child out of the average: C1 = 0.8
    expect(rolled({ how: "weighted", weights: { ...weights, K11: 0 } }).C1).toBe("0.8");
  });

  it("mean, min and max, level by level", () => {
    // C1 (0.9 + 0.8) / 2 = 0.85; C2 (1 + 0.5 + 0.75) / 3 = 0.75; P (0.85 + 0.75) / 2 = 0.8 — the mean of the cities, not of the five counties (0.79)
    expect(rolled({ how: "mean" })).toMatchObject({ P: "0.8", C1: "0.85", C2: "0.75" });
    expect(rolled({ how: "min" })).toMatchObject({ P: "0.5", C1: "0.8", C2: "0.5" });
    expect(rolled({ how: "max" })).toMatchObject({ P: "1", C1: "0.9", C2: "1" });
    const mean = rollUp(tree, rates, { rate: { how: "mean" } }).find((v) => v.unit === "C2")!;
    expect(mean).toMatchObject({ from: "mean", value: 0.75, rate: null, children: [{ unit: "K21", value: "1" }, { unit: "K22", value: "0.5" }, { unit: "K23", value: "0.75" }] });
    expect(mean.children[0]).not.toHaveProperty("weight");
    // a third that does not terminate: the exact text carries 40 significant digits
    const third = byUnit(rollUp(tree, [{ unit: "K21", indicator: "m", actual: 1 }, { unit: "K22", indicator: "m", actual: 0 }, { unit: "K23", indicator: "m", actual: 0 }], { m: { how: "mean" } }));
    expect(third.C2).toBe("0.3333333333333333333333333333333333333333");
  });

  it("the units listed in any order give the same roll-up", () => {
    const units = [...tree.units].reverse();
    expect(rollUp(units, rates, { rate: { how: "weighted" } })).toEqual(rollUp(tree, rates, { rate: { how: "weighted" } }));
  });
});

describe("rollUp: errors", () => {
  it("an unknown unit, a duplicate result, an indicator without a rule", () => {
    expect(
      issuesOf(
        [
          { unit: "K11", indicator: "revenue", actual: 1 },
          { unit: "K99", indicator: "revenue", actual: 1 },
          { unit: "K11", indicator: "revenue", actual: 2 },
          { unit: "K12", indicator: "cases", actual: 1 },
        ],
        { revenue: { how: "sum" } },
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "results[1].unit: "K99" is not a unit of the tree",
          "params": {
            "key": "cascadeNotAUnit",
            "unit": "K99",
          },
          "path": [
            "results",
            1,
            "unit",
          ],
        },
        {
          "code": "duplicate_id",
          "message": "results[2]: repeats K11's result for revenue",
          "params": {
            "indicator": "revenue",
            "key": "rollUpDuplicateResult",
            "unit": "K11",
          },
          "path": [
            "results",
            2,
          ],
        },
        {
          "code": "unknown_id",
          "message": "results[3].indicator: "cases" has no roll-up rule",
          "params": {
            "indicator": "cases",
            "key": "rollUpNoRule",
          },
          "path": [
            "results",
            3,
            "indicator",
          ],
        },
      ]
    `);
  });

  it("weights adding up to 0, or missing", () => {
    const two = [{ unit: "K11", indicator: "rate", actual: 0.5 }, { unit: "K12", indicator: "rate", actual: 0.7 }];
    expect(issuesOf(two, { rate: { how: "weighted", weights: { K11: 0, K12: 0 } } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "rules.rate.weights: the weights of "C1"'s children add up to 0",
          "params": {
            "key": "rollUpWeightsZero",
            "parent": "C1",
          },
          "path": [
            "rules",
            "rate",
            "weights",
          ],
        },
      ]
    `);
    expect(issuesOf(two, { rate: { how: "weighted", weights: { K11: 1 } } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "rules.rate.weights: gives no weight for K12 (children of "C1")",
          "params": {
            "key": "rollUpNoWeight",
            "parent": "C1",
            "units": [
              "K12",
            ],
          },
          "path": [
            "rules",
            "rate",
            "weights",
          ],
        },
      ]
    `);
    // weighted by target where the children have no targets
    expect(issuesOf(two, { rate: { how: "weighted" } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "rules.rate.weights: gives no weight for K11, K12 (children of "C1")",
          "params": {
            "key": "rollUpNoWeight",
            "parent": "C1",
            "units": [
              "K11",
              "K12",
            ],
          },
          "path": [
            "rules",
            "rate",
            "weights",
          ],
        },
      ]
    `);
  });

  it("a rule that is not one of the known ones", () => {
    expect(issuesOf(rates, { rate: { how: "median" } }).map((i) => [i.path, i.message])).toEqual([
      [["rules", "rate", "how"], 'rules.rate.how: must be one of "sum", "mean", "min", "max", "weighted", "custom", not text "median"'],
    ]);
  });

  it("weights that are neither \"target\" nor weights by unit", () => {
    expect(issuesOf(rates, { rate: { how: "weighted", weights: 5 } }).map((i) => [i.path, i.message])).toEqual([
      [["rules", "rate", "weights"], 'rules.rate.weights: must be "target" or weights by unit, not 5'],
    ]);
  });
});

describe("leaderScore (R14)", () => {
  it("the unit and the departments the leader supervises", () => {
    // 0.6 × 90 + 0.4 × (85 + 95) / 2 = 54 + 36
    expect(leaderScore({ unit: "A1", departments: ["A1/征管科", "A1/办公室"], weights: { unit: 0.6, departments: 0.4 } }, { A1: 90, "A1/征管科": 85, "A1/办公室": 95, other: 10 })).toEqual({
      score: 90,
      exact: "90",
      parts: [
        { part: "unit", weight: "0.6", mean: "90", members: [{ id: "A1", score: "90" }] },
        { part: "departments", weight: "0.4", mean: "90", members: [{ id: "A1/征管科", score: "85" }, { id: "A1/办公室", score: "95" }] },
      ],
    });
  });

  it("unit, departments and contact points, each part the mean of its members", () => {
    // 0.5 × 88 + 0.3 × (80 + 91) / 2 + 0.2 × (70 + 75 + 95) / 3 = 44 + 25.65 + 16 = 85.65
    const link: LeaderLink = { unit: "A1", departments: ["d1", "d2"], contacts: ["K1", "K2", "K3"], weights: { unit: "0.5", departments: 0.3, contacts: 0.2 } };
    const s = leaderScore(link, { A1: 88, d1: 80, d2: "91", K1: 70, K2: 75, K3: 95 });
    expect([s.score, s.exact]).toEqual([85.65, "85.65"]);
    expect(s.parts.map((p) => [p.part, p.weight, p.mean])).toEqual([["unit", "0.5", "88"], ["departments", "0.3", "85.5"], ["contacts", "0.2", "80"]]);
    expect(s.parts[2]!.members.map((m) => m.id)).toEqual(["K1", "K2", "K3"]);
    // the unit alone with weight 1
    expect(leaderScore({ unit: "A1", weights: { unit: 1 } }, { A1: "77.5" }).exact).toBe("77.5");
    // 0.1 + 0.2 + 0.7 adds up to 1 exactly
    expect(leaderScore({ unit: "A1", departments: ["d1"], contacts: ["K1"], weights: { unit: 0.1, departments: 0.2, contacts: 0.7 } }, { A1: 100, d1: 50, K1: 10 }).exact).toBe("27");
  });

  it("takes a part's share multiplying before dividing: 0.3 × (0 + 0 + 1) ÷ 3 is exactly 0.1", () => {
    // 0.3 × mean with the mean 0.333…3 first would give 0.0999…9.
    const s = leaderScore({ unit: "A1", departments: ["d1", "d2", "d3"], weights: { unit: 0.7, departments: 0.3 } }, { A1: 0, d1: 0, d2: 0, d3: 1 });
    expect([s.score, s.exact]).toEqual([0.1, "0.1"]);
    expect(s.parts[1]!.mean).toBe("0.3333333333333333333333333333333333333333");
  });

  it("errors: weights not adding up to 1, a part named without weight, a weight without its part, a missing score", () => {
    const issues = (link: unknown, scores: unknown) => {
      try {
        leaderScore(link as LeaderLink, scores as Record<string, number>);
      } catch (e) {
        if (e instanceof JixiaoError) return e.issues;
        throw e;
      }
      throw new Error("expected the leader's score to fail");
    };
    expect(issues({ unit: "A1", departments: ["d1"], weights: { unit: 0.5, departments: 0.3 } }, { A1: 1, d1: 1 })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "link.weights: add up to 0.8, not 1",
          "params": {
            "key": "leaderWeightsSum",
            "total": "0.8",
          },
          "path": [
            "link",
            "weights",
          ],
        },
      ]
    `);
    expect(issues({ unit: "A1", contacts: ["K1"], weights: { unit: 1 } }, { A1: 1, K1: 1 })).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "link.weights.contacts: is required: contacts are named",
          "params": {
            "key": "leaderWeightRequired",
            "part": "contacts",
          },
          "path": [
            "link",
            "weights",
            "contacts",
          ],
        },
      ]
    `);
    expect(issues({ unit: "A1", weights: { unit: 0.6, departments: 0.4 } }, { A1: 1 })).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "link.departments: has a weight but no departments are named",
          "params": {
            "key": "leaderWeightWithoutMembers",
            "part": "departments",
          },
          "path": [
            "link",
            "departments",
          ],
        },
      ]
    `);
    expect(issues({ unit: "A1", departments: ["d1", "d2"], weights: { unit: 0.6, departments: 0.4 } }, { d1: 1 })).toMatchInlineSnapshot(`
      [
        {
          "code": "missing_value",
          "message": "scores.A1: "A1" has no score",
          "params": {
            "id": "A1",
            "key": "leaderNoScore",
          },
          "path": [
            "scores",
            "A1",
          ],
        },
        {
          "code": "missing_value",
          "message": "link.departments[1]: "d2" has no score",
          "params": {
            "id": "d2",
            "key": "leaderNoScore",
          },
          "path": [
            "link",
            "departments",
            1,
          ],
        },
      ]
    `);
  });
});

describe("rollUp targets", () => {
  it("reports a target only for summed values; a weighted average carries its children's targets up as weights", () => {
    const tree = defineOrgTree([
      { id: "P", level: "province" },
      { id: "C", level: "city", parent: "P" },
      { id: "K1", level: "county", parent: "C" },
      { id: "K2", level: "county", parent: "C" },
    ]);
    const rates = [
      { unit: "K1", indicator: "rate", actual: 0.9, target: 100 },
      { unit: "K2", indicator: "rate", actual: 0.6, target: 300 },
    ];
    const mean = rollUp(tree, rates, { rate: { how: "mean" } });
    expect(mean.find((v) => v.unit === "C")!.target).toBeNull();
    const weighted = rollUp(tree, rates, { rate: { how: "weighted" } });
    // C: (0.9 × 100 + 0.6 × 300) ÷ 400 = 0.675; P weighs C by 400 and gets the same
    expect(weighted.filter((v) => v.from === "weighted").map((v) => [v.unit, v.exact, v.target])).toEqual([
      ["P", "0.675", null],
      ["C", "0.675", null],
    ]);
  });
});

describe("rollUp custom rule (code only)", () => {
  const tree = defineOrgTree([
    { id: "C", level: "city" },
    { id: "K1", level: "county", parent: "C" },
    { id: "K2", level: "county", parent: "C" },
  ]);
  const results = [
    { unit: "K1", indicator: "x", actual: 80 },
    { unit: "K2", indicator: "x", actual: 60 },
  ];

  it("combines the children's exact values with a function", () => {
    // the median of two is their mean here, written as a custom rule with exact text in and out
    const rule: RollUpRule = { how: "custom", combine: (children) => String((Number(children[0]!.value) + Number(children[1]!.value)) / 2) };
    const c = rollUp(tree, results, { x: rule }).find((v) => v.unit === "C")!;
    expect([c.from, c.exact, c.children.map((k) => k.value)]).toEqual(["custom", "70", ["80", "60"]]);
  });

  it("reports a function that throws or gives no number", () => {
    const r = safeRollUp(tree, results, { x: { how: "custom", combine: () => "many" } });
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual(["custom_failed"]);
    const t = safeRollUp(tree, results, { x: { how: "custom", combine: () => { throw new Error("boom"); } } });
    expect(t.success ? "" : t.issues[0]!.message).toContain("boom");
  });
});
