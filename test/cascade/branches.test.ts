import { describe, expect, it } from "vitest";
import { cascade, defineOrgTree, isJixiaoError, leaderScore, rollUp, safeCascade, safeDefineCascadePlan, safeDefineOrgTree, safeRollUp, type CascadePlan, type LeaderLink } from "../../src/index.js";

// The branches of the cascade module the other tests leave out, each with the behaviour it is for.

const issues = (r: { success: true } | { success: false; issues: readonly { code: string; path: readonly (string | number)[]; message: string }[] }) =>
  r.success ? [] : r.issues.map((i) => [i.code, i.path, i.message]);
const id = (i: number) => `u${String(i).padStart(2, "0")}`;

describe("defineOrgTree: long lists in its words are cut at 10", () => {
  it("more than 10 roots", () => {
    expect(issues(safeDefineOrgTree(Array.from({ length: 12 }, (_, i) => ({ id: id(i), level: "county" }))))).toEqual([
      ["invalid_rule", [], "(top): has 12 roots (u00, u01, u02, u03, u04, u05, u06, u07, u08, u09, …); a tree has one unit without a parent"],
    ]);
  });

  it("a cycle of more than 10 units", () => {
    const units = [{ id: "R", level: "province" }, ...Array.from({ length: 12 }, (_, i) => ({ id: id(i), level: "county", parent: id((i + 1) % 12) }))];
    expect(issues(safeDefineOrgTree(units))).toEqual([["invalid_rule", [], '(top): has a cycle: u00, u01, u02, u03, u04, u05, u06, u07, u08, u09, … cannot be reached from the root "R"']]);
  });
});

const tree = defineOrgTree([
  { id: "P", level: "province" },
  { id: "C", level: "city", parent: "P", departments: [{ id: "levy" }, { id: "office" }] },
  { id: "D", level: "city", parent: "P" },
]);
const plan: CascadePlan = {
  id: "p",
  groups: [{ id: "key" }, { id: "base", name: "基础" }],
  indicators: [{ id: "rev", group: "key", points: 10, target: 100, method: { type: "completion", target: 100 }, steps: [{ how: "split", by: "base", base: { C: 1, D: 2 } }] }],
};

describe("defineCascadePlan: repeated templates and local lists", () => {
  it("refuses a second template for a level", () => {
    const t = { level: "city", indicators: [{ id: "svc", group: "key", points: 5, method: { type: "direct" as const } }] };
    expect(issues(safeDefineCascadePlan({ ...plan, templates: [t, { ...t, indicators: [{ ...t.indicators[0]!, id: "svc2" }] }] }))).toEqual([
      ["duplicate_id", ["templates", 1, "level"], 'templates[1].level: repeats the template for level "city"'],
    ]);
  });

  it("refuses a second local list for a unit", () => {
    const local = (x: string) => ({ unit: "C", indicators: [{ id: x, group: "base", points: 1, method: { type: "direct" as const } }] });
    expect(issues(safeDefineCascadePlan({ ...plan, local: [local("tea"), local("eco")] }))).toEqual([
      ["duplicate_id", ["local", 1, "unit"], 'local[1].unit: repeats the local indicators of unit "C"; list them once'],
    ]);
  });
});

describe("cascade", () => {
  it("a responsibility in a unit without departments names none of its departments", () => {
    const r = safeCascade({ ...plan, responsibilities: [{ unit: "D", indicator: "rev", carrying: "levy", assessing: "office", executing: [{ person: "a" }] }] }, tree);
    expect(issues(r)).toEqual([
      ["unknown_id", ["responsibilities", 0, "carrying"], 'responsibilities[0].carrying: "levy" is not a department of unit "D"'],
      ["unknown_id", ["responsibilities", 0, "assessing"], 'responsibilities[0].assessing: "office" is not a department of unit "D"'],
    ]);
  });

  it("splits a responsibility's target to 2 decimals when the indicator's decimals are written as undefined", () => {
    const withUndefined: CascadePlan = { ...plan, indicators: [{ ...plan.indicators[0]!, decimals: undefined } as never] };
    const r = cascade({ ...withUndefined, responsibilities: [{ unit: "C", indicator: "rev", carrying: "levy", assessing: "office", executing: [{ person: "a" }, { person: "b" }, { person: "c" }] }] }, tree);
    // 100 × 1/3 = 33.33 for C; 33.33 in three equal parts of 0.01.
    expect(r.responsibilities).toEqual([
      { unit: "C", indicator: "rev", carrying: "levy", assessing: "office", target: "33.33", executing: [{ person: "a", target: "11.11" }, { person: "b", target: "11.11" }, { person: "c", target: "11.11" }] },
    ]);
  });

  it("leaves a group out of a unit's scheme when none of its indicators land there", () => {
    const r = cascade(
      {
        ...plan,
        templates: [{ level: "city", localBudget: 2, indicators: [{ id: "svc", group: "key", points: 5, method: { type: "direct" } }] }],
        local: [{ unit: "C", indicators: [{ id: "tea", group: "base", points: 2, method: { type: "direct" } }] }],
      },
      tree,
    );
    expect(r.units.map((u) => [u.unit, u.scheme.full, u.scheme.groups.map((g) => [g.id, g.name, g.points, g.indicators.map((i) => i.id)])])).toEqual([
      ["C", "17", [["key", undefined, "15", ["rev", "svc"]], ["base", "基础", "2", ["tea"]]]],
      ["D", "15", [["key", undefined, "15", ["rev", "svc"]]]],
    ]);
  });
});

describe("rollUp: a custom rule", () => {
  const small = defineOrgTree([{ id: "C", level: "city" }, { id: "K1", level: "county", parent: "C" }, { id: "K2", level: "county", parent: "C" }]);
  const results = [{ unit: "K1", indicator: "x", actual: 80, target: 100 }, { unit: "K2", indicator: "x", actual: 60 }];

  it("gets each child's target as exact text, or null", () => {
    const seen: unknown[] = [];
    const out = rollUp(small, results, { x: { how: "custom", combine: (children) => (seen.push(children), "70.5") } });
    expect(seen).toEqual([[{ unit: "K1", value: "80", target: "100" }, { unit: "K2", value: "60", target: null }]]);
    expect(out.find((v) => v.unit === "C")!.exact).toBe("70.5");
  });

  it("that throws fails, whatever it throws: a thrown number or numeric message is never the result", () => {
    const failure = (thrown: unknown) =>
      issues(safeRollUp(small, results, { x: { how: "custom", combine: () => { throw thrown; } } }));
    expect(failure(5)).toEqual([["custom_failed", ["rules", "x", "combine"], 'rules.x.combine: the custom rule failed for "C": 5']]);
    expect(failure(new Error("42"))).toEqual([["custom_failed", ["rules", "x", "combine"], 'rules.x.combine: the custom rule failed for "C": 42']]);
    expect(failure("x".repeat(150))).toEqual([["custom_failed", ["rules", "x", "combine"], `rules.x.combine: the custom rule failed for "C": ${"x".repeat(100)}`]]);
  });
});

describe("leaderScore: a weight it cannot read", () => {
  it("is reported alone, without a sum of the weights", () => {
    const link = { unit: "A1", departments: ["d"], weights: { unit: 1e19, departments: 0.5 } } as LeaderLink;
    const refused = () => {
      try {
        leaderScore(link, { A1: 90, d: 80 });
      } catch (error) {
        if (isJixiaoError(error)) return issues({ success: false, issues: error.issues });
        throw error;
      }
      throw new Error("expected the link to be refused");
    };
    expect(refused()).toEqual([["invalid_number", ["link", "weights", "unit"], "link.weights.unit: must be a finite decimal within ±10^18, not 10000000000000000000"]]);
    // Readable weights that do not add up to 1 are reported as such.
    expect(() => leaderScore({ unit: "A1", departments: ["d"], weights: { unit: 0.6, departments: 0.5 } }, { A1: 90, d: 80 })).toThrow(/add up to 1\.1, not 1/);
  });
});
