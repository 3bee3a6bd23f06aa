import { describe, expect, it } from "vitest";
import {
  aggregatePeriods,
  annualResults,
  createLedger,
  partyBuildingVetoes,
  applySpecialAssessments,
  linkPeople,
  assessCapability,
  defineCapabilityFramework,
  defineEverydayPerformance,
  linkOrganizations,
  occupationalFoundation,
} from "../../src/index.js";
import { thrown } from "../helpers.js";

const plain = (fn: () => unknown) => {
  const e = thrown(fn);
  return { message: e.message.split("\n")[0], issues: e.issues.map((i) => ({ code: i.code, path: i.path.join("."), message: i.message })) };
};

describe("foundation.ts", () => {
  it("names the year that repeats and the empty window", () => {
    expect(plain(() => occupationalFoundation([{ year: 2023, score: 1 }, { year: 2023, score: 2 }], 2023, { weights: [1], missing: "zero" }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "duplicate_id",
            "message": "results[1].year: 2023 has a result already",
            "path": "results.1.year",
          },
        ],
        "message": "The occupational foundation cannot be made: 1 issue",
      }
    `);
    expect(plain(() => occupationalFoundation([{ year: 2020, score: 1 }], 2023, { weights: [0.5, 0.3, 0.2], missing: "renormalize" }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "missing_value",
            "message": "results: no year from 2021 to 2023 with a weight above 0 has a result",
            "path": "results",
          },
        ],
        "message": "The occupational foundation cannot be made: 1 issue",
      }
    `);
    expect(plain(() => occupationalFoundation([{ year: "x" as never, score: 1 }], 2023, { weights: [1], missing: "zero" })).message).toMatchInlineSnapshot(`"Year results are not valid: 1 issue"`);
    expect(plain(() => occupationalFoundation([], 1, { weights: [1], missing: "zero" })).message).toMatchInlineSnapshot(`"Latest year is not valid: 1 issue"`);
  });

  it("does not renormalize under zero, and renormalizes only when weights do not add to 1", () => {
    const gap = [{ year: 2023, score: 90 }];
    const zero = occupationalFoundation(gap, 2023, { weights: [0.5, 0.5], missing: "zero" });
    expect(zero.exact).toBe("45");
    expect(zero.years).toEqual([{ year: 2023, weight: "0.5", score: "90" }, { year: 2022, weight: "0.5", score: null }]);
    const full = occupationalFoundation([{ year: 2023, score: 90 }, { year: 2022, score: 80 }], 2023, { weights: [0.5, 0.5], missing: "renormalize" });
    expect(full.trace).toMatchInlineSnapshot(`
      [
        {
          "at": "foundation",
          "result": "85",
          "rule": "weighted",
          "values": {
            "2022": "80 × 0.5",
            "2023": "90 × 0.5",
          },
        },
      ]
    `);
  });

  it("traces the rounding at foundation", () => {
    const f = occupationalFoundation([{ year: 2023, score: 1 }, { year: 2022, score: 0 }, { year: 2021, score: 0 }], 2023, { weights: [0.333, 0.333, 0.334], missing: "error", rounding: { decimals: 1, mode: "half-up" } });
    expect(f.trace.map((s) => s.at)).toEqual(["foundation", "foundation"]);
  });
});

describe("everyday.ts", () => {
  it("copies names and descriptions only when given", () => {
    const s = defineEverydayPerformance({ id: "e", name: "N", description: "D", components: [{ id: "a", name: "A", points: 1, scale: 5 }, { id: "b", points: 2 }], adjustments: { bonus: { cap: 1 } } });
    expect(s).toMatchObject({ name: "N", description: "D", adjustments: { bonus: { cap: 1 } } });
    expect(s.groups[0]).toMatchObject({ name: "日常绩效" });
    expect(s.groups[0]!.indicators[0]).toMatchObject({ name: "A", method: { type: "direct", scale: 5 } });
    expect("name" in s.groups[0]!.indicators[1]!).toBe(false);
    expect("scale" in s.groups[0]!.indicators[1]!.method).toBe(false);
    const bare = defineEverydayPerformance({ id: "e", components: [{ id: "a", points: 1 }] });
    expect(Object.keys(bare)).not.toContain("name");
    expect(Object.keys(bare)).not.toContain("description");
    expect(Object.keys(bare)).not.toContain("adjustments");
  });

  it("says which component id repeats", () => {
    expect(plain(() => defineEverydayPerformance({ id: "e", components: [{ id: "a", points: 1 }, { id: "a", points: 1 }] })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "config.components[1].id: repeats the component id "a"; ids must be unique",
          "path": "config.components.1.id",
        },
      ]
    `);
  });
});

describe("aggregate.ts", () => {
  it("says why weights are wrong", () => {
    expect(plain(() => aggregatePeriods([], "2024-Q3", { rule: "weighted", missing: "skip" })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "policy.weights: are required by the weighted rule",
          "path": "policy.weights",
        },
      ]
    `);
    expect(plain(() => aggregatePeriods([], "2024-Q3", { rule: "mean", weights: [1], missing: "skip" })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "policy.weights: are only for the weighted rule",
          "path": "policy.weights",
        },
      ]
    `);
    expect(plain(() => aggregatePeriods([], "2024-Q3", { rule: "mean", missing: "skip", cap: { min: 2, max: 1 } })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "policy.cap.min: is above cap.max",
          "path": "policy.cap.min",
        },
      ]
    `);
    expect(plain(() => aggregatePeriods([{ period: 1 as never, score: 1 }], "2024-Q3", { rule: "mean", missing: "skip" })).message).toMatchInlineSnapshot(`"Period scores are not valid: 1 issue"`);
  });

  it("refuses a period that is not made of the given periods, including the same kind", () => {
    expect(plain(() => aggregatePeriods([], "2024-Q3", { of: "quarter", rule: "mean", missing: "skip" }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_option",
            "message": "policy.of: is quarter, but a quarter (2024-Q3) is not made of quarter periods",
            "path": "policy.of",
          },
        ],
        "message": "Aggregation policy is not valid: 1 issue",
      }
    `);
    expect(plain(() => aggregatePeriods([], "2024-Q3", { of: "half", rule: "mean", missing: "skip" })).issues[0]!.path).toBe("policy.of");
    expect(plain(() => aggregatePeriods([], "2024-W10", { of: "month", rule: "mean", missing: "skip" })).issues[0]!.path).toBe("policy.of");
  });

  it("names the wrong, repeated and missing periods and weights", () => {
    expect(plain(() => aggregatePeriods([{ period: "2024-07", score: 1 }], "2024-Q3", { rule: "weighted", weights: [1, 1], missing: "skip" })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "policy.weights: gives 2 weights, but 2024-Q3 has 3 month periods",
          "path": "policy.weights",
        },
      ]
    `);
    expect(plain(() => aggregatePeriods([{ period: "2024-Q1", score: 1 }, { period: "2024-07", score: 1 }, { period: "2024-07", score: 2 }], "2024-Q3", { rule: "mean", missing: "skip" })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_option",
          "message": "scores[0].period: is not a month period key (got "2024-Q1")",
          "path": "scores.0.period",
        },
        {
          "code": "duplicate_id",
          "message": "scores[2].period: 2024-07 has a score already",
          "path": "scores.2.period",
        },
      ]
    `);
    expect(plain(() => aggregatePeriods([{ period: "2024-01", score: 1 }], "2024-Q3", { rule: "mean", missing: "skip" }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "missing_value",
            "message": "scores: no month of 2024-Q3 has a score",
            "path": "scores",
          },
        ],
        "message": "The score of 2024-Q3 cannot be made: 1 issue",
      }
    `);
    expect(plain(() => aggregatePeriods([{ period: "2024-07", score: 1 }], "2024-Q3", { rule: "weighted", weights: [0, 1, 1], missing: "skip" })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "policy.weights: the periods with a score all have weight 0",
          "path": "policy.weights",
        },
      ]
    `);
  });

  it("ignores scores of periods outside the target, even a repeated one", () => {
    expect(aggregatePeriods([{ period: "2024-01", score: 1 }, { period: "2024-01", score: 5 }, { period: "2024-07", score: 3 }], "2024-Q3", { rule: "sum", missing: "skip" }).exact).toBe("3");
  });

  it("traces the values, the clamp and the rounding", () => {
    const r = aggregatePeriods([{ period: "2024-07", score: 1 }, { period: "2024-08", score: 2 }], "2024-Q3", { rule: "mean", missing: "skip", cap: { max: 1.4 }, rounding: { decimals: 0, mode: "half-up" } });
    expect(r.exact).toBe("1");
    expect(r.trace).toMatchInlineSnapshot(`
      [
        {
          "at": "period",
          "result": "1.5",
          "rule": "mean",
          "values": {
            "2024-07": "1",
            "2024-08": "2",
            "2024-09": "missing",
          },
        },
        {
          "at": "period",
          "result": "1.4",
          "rule": "clamp",
          "values": {
            "max": "1.4",
            "min": "none",
            "value": "1.5",
          },
        },
        {
          "at": "period",
          "result": "1",
          "rule": "round",
          "values": {
            "decimals": "0",
            "mode": "half-up",
            "value": "1.4",
          },
        },
      ]
    `);
    const low = aggregatePeriods([{ period: "2024-07", score: 1 }], "2024-Q3", { rule: "mean", missing: "skip", cap: { min: 2 } });
    expect(low.exact).toBe("2");
    expect(low.trace).toMatchInlineSnapshot(`
      [
        {
          "at": "period",
          "result": "1",
          "rule": "mean",
          "values": {
            "2024-07": "1",
            "2024-08": "missing",
            "2024-09": "missing",
          },
        },
        {
          "at": "period",
          "result": "2",
          "rule": "clamp",
          "values": {
            "max": "none",
            "min": "2",
            "value": "1",
          },
        },
      ]
    `);
    const both = aggregatePeriods([{ period: "2024-07", score: 1 }], "2024-Q3", { rule: "mean", missing: "skip", cap: { min: 0, max: 0.5 } });
    expect(both.exact).toBe("0.5");
  });
});

describe("capability.ts", () => {
  const fw = defineCapabilityFramework({
    id: "ability",
    categories: [{ id: "c", levels: [{ level: 1, criteria: [{ fact: "exam", name: "Exam", atLeast: 60 }, { fact: "flag", oneOf: [true] }, { fact: "n", atLeast: 1 }] }] }],
  });

  it("says what is wrong with a framework", () => {
    expect(plain(() => defineCapabilityFramework({ id: "a", categories: [{ id: "c", levels: [{ level: 1, criteria: [{ fact: "x" }] }] }] } as never)).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "framework.categories[0].levels[0].criteria[0]: needs exactly one of atLeast and oneOf",
          "path": "framework.categories.0.levels.0.criteria.0",
        },
      ]
    `);
    expect(plain(() => defineCapabilityFramework({ id: "a", categories: [{ id: "c", levels: [{ level: 1, criteria: [] }, { level: 3, criteria: [] }] }, { id: "c", levels: [{ level: 1, criteria: [] }] }] })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "framework.categories[0].levels[1].level: must be 2: levels are numbered 1, 2, 3 … lowest first",
          "path": "framework.categories.0.levels.1.level",
        },
        {
          "code": "duplicate_id",
          "message": "framework.categories[1].id: "c" is already a category",
          "path": "framework.categories.1.id",
        },
      ]
    `);
  });

  it("says what is wrong with a standing", () => {
    const two = defineCapabilityFramework({ id: "f", categories: [{ id: "a", levels: [{ level: 1, criteria: [] }] }, { id: "b", levels: [{ level: 1, criteria: [] }] }] });
    expect(plain(() => assessCapability(two, { category: "x", level: 0, facts: {} })).issues[0]!.message).toMatchInlineSnapshot(`"standing.category: "x" is not a category of f (a, b)"`);
    expect(plain(() => assessCapability(fw, { category: "x", level: 0, facts: {} }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "unknown_id",
            "message": "standing.category: "x" is not a category of ability (c)",
            "path": "standing.category",
          },
        ],
        "message": "The capability cannot be assessed: 1 issue",
      }
    `);
    expect(plain(() => assessCapability(fw, { category: "c", level: 2, facts: {} }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "out_of_range",
            "message": "standing.level: is 2, but c has 1 levels",
            "path": "standing.level",
          },
        ],
        "message": "The capability cannot be assessed: 1 issue",
      }
    `);
  });

  it("compares numbers, never true/false, against atLeast, and names criteria only when named", () => {
    const a = assessCapability(fw, { category: "c", level: 0, facts: { exam: true, flag: true, n: "1" } });
    expect(a.criteria).toMatchInlineSnapshot(`
      [
        {
          "actual": "true",
          "fact": "exam",
          "met": false,
          "name": "Exam",
          "required": {
            "atLeast": "60",
            "kind": "atLeast",
          },
        },
        {
          "actual": "true",
          "fact": "flag",
          "met": true,
          "required": {
            "kind": "oneOf",
            "oneOf": [
              true,
            ],
          },
        },
        {
          "actual": "1",
          "fact": "n",
          "met": true,
          "required": {
            "atLeast": "1",
            "kind": "atLeast",
          },
        },
      ]
    `);
    const b = assessCapability(fw, { category: "c", level: 0, facts: { exam: 60, flag: true, n: 1 } });
    expect(b.to).toBe(1);
    const c = assessCapability(fw, { category: "c", level: 0, facts: { exam: 60, flag: 1, n: 1 } });
    expect(c.to).toBe(0);
  });
});

describe("linkage.ts: linkOrganizations", () => {
  it("says what is wrong with a link policy", () => {
    expect(plain(() => linkOrganizations([], { method: { type: "standard", mean: 90, spread: 5 } } as never)).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "policy.rounding (舍入): is required by the standard method: a standard deviation is a square root and is not exact",
          "path": "policy.rounding",
        },
      ]
    `);
    expect(plain(() => linkOrganizations([], { method: { type: "table", table: [{ upTo: 2, points: 1 }, { upTo: 2, points: 1 }], rest: 0 } })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "policy.method.table[1].upTo: must be more than the previous row's (2)",
          "path": "policy.method.table.1.upTo",
        },
      ]
    `);
    expect(plain(() => linkOrganizations([], { method: { type: "table", table: [{ upTo: 1, points: 1 }], rest: 0 }, bounds: { min: 2, max: 1 } })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "policy.bounds.min: is above bounds.max",
          "path": "policy.bounds.min",
        },
      ]
    `);
  });

  it("relocates a ranking problem under results", () => {
    expect(plain(() => linkOrganizations([{ subjectId: "a", total: 1 }, { subjectId: "a", total: 2 }], { method: { type: "table", table: [{ upTo: 1, points: 1 }], rest: 0 } })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "results[1].subjectId: repeats "a" of [0]; a subject is ranked once",
          "path": "results.1.subjectId",
        },
      ]
    `);
  });

  it("ranks within peer groups only when groupBy is given, and sorts by id", () => {
    const r = [{ subjectId: "b", total: 90, attributes: { g: "x" } }, { subjectId: "a", total: 80, attributes: { g: "y" } }, { subjectId: "c", total: 70, attributes: { g: "x" } }];
    const table = { type: "table" as const, table: [{ upTo: 1, points: 100 }], rest: 50 };
    expect(linkOrganizations(r, { method: table, groupBy: "g" }).map((o) => [o.id, o.rank, o.linked])).toEqual([["a", 1, 100], ["b", 1, 100], ["c", 2, 50]]);
    expect(linkOrganizations(r, { method: table }).map((o) => [o.id, o.rank, o.linked])).toEqual([["a", 2, 50], ["b", 1, 100], ["c", 3, 50]]);
  });

  it("refuses a linked score beyond ±10^18", () => {
    expect(plain(() => linkOrganizations([{ subjectId: "a", total: 1 }], { method: { type: "proportional", base: "1e-30", full: 100 } }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_number",
            "message": "policy.method (计分方法): gives "a" (score 1) a linked score of 100000000000000000000000000000000, beyond ±10^18; a base this small is likely a mistake",
            "path": "policy.method",
          },
        ],
        "message": "Organizations cannot be linked: 1 issue",
      }
    `);
  });

  it("traces the rounding at linked", () => {
    const o = linkOrganizations([{ subjectId: "a", total: 1 }, { subjectId: "b", total: 3 }], { method: { type: "proportional", full: 1 }, rounding: { decimals: 1, mode: "half-up" } });
    expect(o[0]!.trace.map((s) => `${s.at} ${s.rule}`)).toMatchInlineSnapshot(`
      [
        "linked proportional",
        "linked round",
      ]
    `);
  });
});

describe("foundation.ts: the window", () => {
  it("counts a missing year as 0 under zero, even when no year has a result", () => {
    expect(occupationalFoundation([], 2023, { weights: [0.5, 0.5], missing: "zero" }).exact).toBe("0");
  });

  it("reports only the repeated year when the window is also empty", () => {
    expect(plain(() => occupationalFoundation([{ year: 2019, score: 1 }, { year: 2019, score: 1 }], 2023, { weights: [1], missing: "renormalize" })).issues.map((i) => i.code)).toEqual(["duplicate_id"]);
  });
});

describe("linkage.ts: more of linkOrganizations", () => {
  it("traces the standard method at linked", () => {
    const o = linkOrganizations([{ subjectId: "a", total: 1 }, { subjectId: "b", total: 3 }], { method: { type: "standard", mean: 90, spread: 5 }, rounding: { decimals: 2, mode: "half-up" } });
    expect(o.map((x) => [x.id, x.exact, x.trace.map((s) => `${s.at} ${s.rule}`).join("; ")])).toMatchInlineSnapshot(`
      [
        [
          "a",
          "85",
          "linked standard; linked round",
        ],
        [
          "b",
          "95",
          "linked standard; linked round",
        ],
      ]
    `);
  });

  it("lists at most 1000 issues", () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ subjectId: `o${String(i).padStart(4, "0")}`, total: 1 }));
    const issues = thrown(() => linkOrganizations(many, { method: { type: "proportional", base: "1e-30", full: 100 } })).issues;
    expect(issues).toHaveLength(1001);
    expect(issues[1000]!.code).toBe("too_many_issues");
  });
});

describe("linkage.ts: linkPeople", () => {
  const policy = { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 0.5, departments: 0.3, contacts: 0.2 } };

  it("says who is listed twice and whose parts all weigh 0", () => {
    expect(plain(() => linkPeople([{ id: "c1", unit: "u" }, { id: "c1", unit: "u" }], { u: 1 }, policy)).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "people[1].id: "c1" is listed twice",
          "path": "people.1.id",
        },
      ]
    `);
    expect(plain(() => linkPeople([{ id: "L", unit: "u", leader: { departments: ["d"] } }], { u: 1, d: 1 }, { ...policy, leader: { unit: 0, departments: 0, contacts: 1 } })).issues[0]!.message).toMatchInlineSnapshot(`"people[0]: L's parts (unit, departments) all have weight 0 in policy.leader"`);
    expect(plain(() => linkPeople([{ id: "c1", unit: "u" }], { u: 1 }, { ...policy, staff: { unit: 0, department: 1 } }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_rule",
            "message": "people[0]: c1's parts (unit) all have weight 0 in policy.staff",
            "path": "people.0",
          },
        ],
        "message": "People's linked scores cannot be made: 1 issue",
      }
    `);
  });

  it("sorts by person and traces each part's mean, the weighting and the rounding", () => {
    const out = linkPeople(
      [{ id: "c3", unit: "u" }, { id: "c1", unit: "u", department: "d" }, { id: "c2", unit: "u", leader: { departments: ["d", "e"], contacts: ["f"] } }],
      { u: 90, d: 80, e: 71, f: 60 },
      { ...policy, rounding: { decimals: 1, mode: "half-up" } },
    );
    expect(out.map((x) => x.person)).toEqual(["c1", "c2", "c3"]);
    expect(out[1]!.trace).toMatchInlineSnapshot(`
      [
        {
          "at": "link:unit",
          "result": "90",
          "rule": "mean",
          "values": {
            "u": "90",
          },
        },
        {
          "at": "link:departments",
          "result": "75.5",
          "rule": "mean",
          "values": {
            "d": "80",
            "e": "71",
          },
        },
        {
          "at": "link:contacts",
          "result": "60",
          "rule": "mean",
          "values": {
            "f": "60",
          },
        },
        {
          "at": "linked",
          "result": "79.65",
          "rule": "weighted",
          "values": {
            "contacts": "60 × 0.2",
            "departments": "75.5 × 0.3",
            "unit": "90 × 0.5",
          },
        },
        {
          "at": "linked",
          "result": "79.7",
          "rule": "round",
          "values": {
            "decimals": "1",
            "mode": "half-up",
            "value": "79.65",
          },
        },
      ]
    `);
  });
});

describe("linkage.ts: applySpecialAssessments", () => {
  it("says what is wrong with the specials", () => {
    const s = { id: "s", weight: 0.2, results: { u: 80 }, members: [{ person: "c1", organization: "u" }] };
    expect(
      plain(() =>
        applySpecialAssessments({ c1: 90 }, [s, s, { id: "t", weight: 0.2, results: {}, members: [{ person: "x", organization: "u" }, { person: "c1", organization: "u" }, { person: "c1", organization: "u" }] }], { mode: "add" }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "duplicate_id",
            "message": "specials[1].id: "s" is listed twice",
            "path": "specials.1.id",
          },
          {
            "code": "unknown_id",
            "message": "specials[2].members[0].person: "x" has no personal score",
            "path": "specials.2.members.0.person",
          },
          {
            "code": "missing_value",
            "message": "specials[2].members[1].organization: "u" has no result in t",
            "path": "specials.2.members.1.organization",
          },
          {
            "code": "duplicate_id",
            "message": "specials[2].members[2].person: "c1" is on this assessment twice",
            "path": "specials.2.members.2.person",
          },
        ],
        "message": "Special assessments cannot be linked: 4 issues",
      }
    `);
  });

  it("lets weights add up to more than 1 under add, never under blend", () => {
    const two = [
      { id: "a", weight: 0.6, results: { u: 10 }, members: [{ person: "c1", organization: "u" }] },
      { id: "b", weight: 0.6, results: { u: 10 }, members: [{ person: "c1", organization: "u" }] },
    ];
    expect(applySpecialAssessments({ c1: 90 }, two, { mode: "add" })[0]!.exact).toBe("102");
    expect(thrown(() => applySpecialAssessments({ c1: 90 }, two, { mode: "blend" })).issues.map((i) => i.code)).toEqual(["invalid_rule"]);
  });

  it("traces the cap and the rounding at special", () => {
    const one = [{ id: "a", weight: 0.5, results: { u: 10.11 }, members: [{ person: "c1", organization: "u" }] }];
    const r = applySpecialAssessments({ c1: 90, c2: 1 }, one, { mode: "add", max: 94, rounding: { decimals: 0, mode: "half-up" } });
    expect(r.map((x) => [x.person, x.exact, x.trace.map((s) => `${s.at} ${s.rule}`).join("; ")])).toMatchInlineSnapshot(`
      [
        [
          "c1",
          "94",
          "special add; special clamp; special round",
        ],
        [
          "c2",
          "1",
          "special add; special round",
        ],
      ]
    `);
    expect(applySpecialAssessments({ c1: 90 }, one, { mode: "add" })[0]!.exact).toBe("95.055");
  });
});

describe("annual.ts", () => {
  const empty = createLedger([]);
  const tiers = { tiers: [{ name: "中" }] };

  it("says who is listed twice", () => {
    expect(plain(() => annualResults(empty, { year: "2024", people: [{ id: "a" }, { id: "a" }], tiers }))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "duplicate_id",
            "message": "options.people[1].id: "a" is listed twice",
            "path": "options.people.1.id",
          },
        ],
        "message": "The annual result cannot be made: 1 issue",
      }
    `);
  });

  it("puts a ranking option's problem under options.rank", () => {
    expect(plain(() => annualResults(empty, { year: "2024", people: [{ id: "a" }], tiers, rank: { groupBy: 5 } as never })).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "options.rank.groupBy: must be text, not 5",
          "path": "options.rank.groupBy",
        },
      ]
    `);
  });

  it("says whose year score cannot be aggregated", () => {
    const one = createLedger([{ id: "x", person: "a", date: "2024-03-31", component: "everyday", points: 1, source: "m" }]);
    const e = plain(() => annualResults(one, { year: "2024", people: [{ id: "b" }, { id: "a" }], tiers, aggregate: { rule: "mean", missing: "error", of: "quarter" } }));
    expect(e).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "missing_value",
            "message": "options.people[1]: 2024-Q2 has no score, and the policy allows none to be missing",
            "path": "options.people.1",
          },
          {
            "code": "missing_value",
            "message": "options.people[1]: 2024-Q3 has no score, and the policy allows none to be missing",
            "path": "options.people.1",
          },
          {
            "code": "missing_value",
            "message": "options.people[1]: 2024-Q4 has no score, and the policy allows none to be missing",
            "path": "options.people.1",
          },
        ],
        "message": "a's year score cannot be made: 3 issues",
      }
    `);
    // b, listed without entries, has 0 and stops nobody.
    expect(annualResults(empty, { year: "2024", people: [{ id: "b" }], tiers, aggregate: { rule: "mean", missing: "error", of: "half" } }).aggregates![0]!.exact).toBe("0");
  });

  it("names each poor unit's main leader, in unit order, and only a leader that is given", () => {
    expect(partyBuildingVetoes({ b: "差", a: "差", c: "差", d: "好" }, { mainLeaders: { b: "L", a: "L", d: "M" }, locale: "en" })).toMatchInlineSnapshot(`
      {
        "L": [
          {
            "id": "party-building",
            "reason": "main leader of a, whose party-building rating is 差 (R26)",
          },
          {
            "id": "party-building",
            "reason": "main leader of b, whose party-building rating is 差 (R26)",
          },
        ],
        "a": [
          {
            "id": "party-building",
            "reason": "party-building rating 差 (R26)",
          },
        ],
        "b": [
          {
            "id": "party-building",
            "reason": "party-building rating 差 (R26)",
          },
        ],
        "c": [
          {
            "id": "party-building",
            "reason": "party-building rating 差 (R26)",
          },
        ],
      }
    `);
    expect(Object.keys(partyBuildingVetoes({ z: "差" }, { mainLeaders: { z: "a" } }))).toEqual(["a", "z"]);
    expect(partyBuildingVetoes({ a: "差" })).toEqual({ a: [{ id: "party-building", reason: "党建考核等次为「差」（R26）" }] });
    expect(partyBuildingVetoes({ toString: "差" }, { mainLeaders: {}, locale: "en" })).toEqual({ toString: [{ id: "party-building", reason: "party-building rating 差 (R26)" }] });
  });

  it("takes an empty list of main leaders, and refuses a reserved unit name", () => {
    expect(partyBuildingVetoes({ a: "好" }, { mainLeaders: {} })).toEqual({});
    expect(plain(() => partyBuildingVetoes({ a: "差" }, JSON.parse('{"mainLeaders":{"__proto__":"L"}}') as never))).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "reserved_key",
            "message": "options.mainLeaders.__proto__: "__proto__" cannot be a field name (other programs would read it as the object's prototype)",
            "path": "options.mainLeaders.__proto__",
          },
        ],
        "message": "Party-building veto options are not valid: 1 issue",
      }
    `);
  });
});

describe("aggregate.ts: a weighted period without any score", () => {
  it("is told only that no period has a score, not also that the weights are 0", () => {
    // aggregate.ts:145 — the weights are checked only when nothing else is wrong
    const r = plain(() => aggregatePeriods([{ period: "2024-01", score: 1 }], "2024-Q3", { rule: "weighted", weights: [1, 1, 1], missing: "skip" }));
    expect(r.issues.map((i: { message: string }) => i.message)).toEqual(["scores: no month of 2024-Q3 has a score"]);
  });
});
