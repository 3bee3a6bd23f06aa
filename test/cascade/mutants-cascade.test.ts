import { describe, expect, it } from "vitest";
import { cascade, defineOrgTree, safeCascade, safeDefineCascadePlan, type CascadePlan } from "../../src/index.js";

// Behaviours of cascade.ts and plan.ts that the other cascade tests leave unpinned.

type Outcome = { success: true } | { success: false; issues: readonly { code: string; path: readonly (string | number)[]; message: string }[] };
const issues = (r: Outcome) => (r.success ? [] : r.issues.map((i) => [i.code, i.path, i.message]));
const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

const tree = defineOrgTree([
  { id: "P", level: "province", departments: [{ id: "levy" }, { id: "office" }] },
  { id: "C", level: "city", parent: "P", departments: [{ id: "levy" }, { id: "office" }] },
  { id: "D", level: "city", parent: "P" },
  { id: "Cb", level: "county", parent: "C" },
  { id: "Da", level: "county", parent: "D" },
]);
const direct = { type: "direct" } as const;

describe("plan.ts", () => {
  it("an amount with more decimals than the indicator names the amount and the decimals", () => {
    // plan.ts:97
    const plan: CascadePlan = { id: "p", indicators: [{ id: "x", points: 1, target: 10, decimals: 1, method: direct, steps: [{ how: "split", by: "amounts", amounts: { C: "4.25", D: "5.75" } }] }] };
    expect(issues(safeDefineCascadePlan(plan))).toEqual([
      ["invalid_value", ["indicators", 0, "steps", 0, "amounts", "C"], "indicators[0].steps[0].amounts.C: 4.25 has more decimals than the indicator's 1"],
      ["invalid_value", ["indicators", 0, "steps", 0, "amounts", "D"], "indicators[0].steps[0].amounts.D: 5.75 has more decimals than the indicator's 1"],
    ]);
  });

  it("an amount that is not a decimal is reported once, as not a decimal", () => {
    // plan.ts:96: the decimals check runs on the raw table too and must skip what is not a decimal
    const plan = { id: "p", indicators: [{ id: "x", points: 1, target: 10, method: direct, steps: [{ how: "split", by: "amounts", amounts: { C: "abc", D: "10" } }] }] } as CascadePlan;
    expect(issues(safeDefineCascadePlan(plan))).toEqual([["invalid_number", ["indicators", 0, "steps", 0, "amounts", "C"], 'indicators[0].steps[0].amounts.C: must be decimal text such as "96.5", not text "abc"']]);
  });

  it("steps other than a split by amounts are accepted without amounts", () => {
    // plan.ts:94
    const plan: CascadePlan = {
      id: "p",
      indicators: [{ id: "x", points: 1, target: 10, method: direct, steps: [{ how: "replicate" }, { how: "split", by: "shares", shares: { Cb: 1, Da: 1 } }, { how: "retain" }] }],
    };
    expect(issues(safeDefineCascadePlan(plan))).toEqual([]);
  });

  it("a repeated template indicator id names the template it first came from", () => {
    // plan.ts:105
    const plan: CascadePlan = {
      id: "p",
      indicators: [{ id: "x", points: 1, method: direct }],
      templates: [{ level: "city", indicators: [{ id: "svc", points: 1, method: direct }] }, { level: "county", indicators: [{ id: "svc", points: 1, method: direct }] }],
    };
    expect(issues(safeDefineCascadePlan(plan))).toEqual([["duplicate_id", ["templates", 1, "indicators", 0, "id"], 'templates[1].indicators[0].id: repeats the indicator id "svc" of templates[0]']]);
  });

  it("a local indicator's unknown group is reported at its path", () => {
    // plan.ts:117
    const plan: CascadePlan = { id: "p", indicators: [{ id: "x", points: 1, method: direct }], local: [{ unit: "C", indicators: [{ id: "own", group: "nope", points: 1, method: direct }] }] };
    expect(issues(safeDefineCascadePlan(plan))).toEqual([["unknown_id", ["local", 0, "indicators", 0, "group"], 'local[0].indicators[0].group: "nope" is not one of the plan\'s groups main']]);
  });
});

describe("cascade.ts", () => {
  it("an unknown root is named in the message", () => {
    // cascade.ts:73
    expect(messageOf(() => cascade({ id: "p", root: "Z", indicators: [{ id: "x", points: 1, method: direct }] }, tree))).toBe('Cascade cannot run: 1 issue\n  - root: "Z" is not a unit of the tree');
  });

  it("a completion target of 0 at the plan's root is still split; its children receive nothing", () => {
    // cascade.ts:109 (f.unit !== root), 111
    const r = cascade({ id: "p", indicators: [{ id: "x", points: 1, target: 0, method: { type: "completion", target: 1 }, steps: [{ how: "split", by: "equal" }] }] }, tree);
    expect(r.report.conservation.map((c) => [c.parent, c.parts.map((p) => p.target), c.ok])).toEqual([["P", ["0", "0"], true]]);
    expect(r.report.receivedNothing).toEqual([
      { indicator: "x", unit: "C" },
      { indicator: "x", unit: "D" },
    ]);
    expect(r.units).toEqual([]);
  });

  it("a replicated target of 0 lands with a method other than completion", () => {
    // cascade.ts:109 (ind.method.type === "completion")
    const r = cascade({ id: "p", indicators: [{ id: "x", points: 1, target: 0, method: direct, steps: [{ how: "replicate" }] }] }, tree);
    expect(r.units.map((u) => [u.unit, u.indicators.map((i) => i.target)])).toEqual([
      ["C", ["0"]],
      ["D", ["0"]],
    ]);
    expect(r.report.receivedNothing).toEqual([]);
  });

  it("a replicated completion target of 0 is received by nobody below the root", () => {
    // cascade.ts:109, 111
    const r = cascade({ id: "p", indicators: [{ id: "x", points: 1, target: 0, method: { type: "completion", target: 1 }, steps: [{ how: "replicate" }, { how: "replicate" }] }] }, tree);
    expect(r.units).toEqual([]);
    expect(r.report.receivedNothing).toEqual([
      { indicator: "x", unit: "C" },
      { indicator: "x", unit: "D" },
    ]);
  });

  it("the plan's root holds no indicator a responsibility could name", () => {
    // cascade.ts:114, 198
    const plan: CascadePlan = {
      id: "p",
      indicators: [{ id: "x", points: 1, target: 10, method: direct, steps: [{ how: "replicate" }] }],
      responsibilities: [{ unit: "P", indicator: "x", carrying: "levy", assessing: "office", executing: [{ person: "a" }] }],
    };
    expect(issues(safeCascade(plan, tree))).toEqual([["unknown_id", ["responsibilities", 0, "indicator"], 'responsibilities[0].indicator: unit "P" has no indicator "x"']]);
    expect(messageOf(() => cascade(plan, tree))).toBe('Plan "p" cannot be cascaded: 1 issue\n  - responsibilities[0].indicator: unit "P" has no indicator "x"');
  });

  it("the plan's root gets no template of its level", () => {
    // cascade.ts:168
    const plan: CascadePlan = {
      id: "p",
      indicators: [{ id: "x", points: 1, method: direct }],
      templates: [{ level: "province", indicators: [{ id: "svc", points: 1, method: direct }] }],
      responsibilities: [{ unit: "P", indicator: "svc", carrying: "levy", assessing: "office", executing: [{ person: "a" }] }],
    };
    expect(issues(safeCascade(plan, tree))).toEqual([["unknown_id", ["responsibilities", 0, "indicator"], 'responsibilities[0].indicator: unit "P" has no indicator "svc"']]);
  });

  it("amounts are read at the indicator's decimals, whatever decimals the table shows", () => {
    // cascade.ts:130
    const r = cascade({ id: "p", indicators: [{ id: "x", points: 1, target: 100, decimals: 2, method: direct, steps: [{ how: "split", by: "amounts", amounts: { C: 60, D: 40 } }] }] }, tree);
    expect(r.report.conservation.map((c) => [c.by, c.parts.map((p) => p.target), c.sum, c.ok])).toEqual([["amounts", ["60", "40"], "100", true]]);
  });

  it("a split by bases that add up to more than 0 goes through; by amounts too", () => {
    // cascade.ts:137
    const r = cascade(
      {
        id: "p",
        indicators: [
          { id: "x", points: 1, target: 90, decimals: 0, method: direct, steps: [{ how: "split", by: "base", base: { C: 1, D: 2 } }] },
          { id: "y", points: 1, target: 9, decimals: 0, method: direct, steps: [{ how: "split", by: "amounts", amounts: { C: 4, D: 5 } }] },
        ],
      },
      tree,
    );
    expect(r.report.conservation.map((c) => [c.indicator, c.by, c.parts.map((p) => p.target)])).toEqual([
      ["x", "base", ["30", "60"]],
      ["y", "amounts", ["4", "5"]],
    ]);
  });

  it("amounts of 0 splitting a target of 0 give parts of 0", () => {
    // cascade.ts:141 (the amounts are the parts: no proportional split by a total of 0)
    const r = cascade({ id: "p", indicators: [{ id: "x", points: 1, target: 0, decimals: 0, method: direct, steps: [{ how: "split", by: "amounts", amounts: { C: 0, D: 0 } }] }] }, tree);
    expect(r.report.conservation.map((c) => [c.parts.map((p) => p.target), c.sum, c.ok])).toEqual([[["0", "0"], "0", true]]);
    expect(r.report.receivedNothing.map((n) => n.unit)).toEqual(["C", "D"]);
  });

  it("a local unit outside the plan's root's subtree is refused", () => {
    // cascade.ts:175
    const plan: CascadePlan = {
      id: "p",
      root: "C",
      indicators: [{ id: "x", points: 1, method: direct }],
      templates: [{ level: "county", indicators: [], localBudget: 5 }],
      local: [{ unit: "Da", indicators: [{ id: "own", points: 1, method: direct }] }],
    };
    expect(issues(safeCascade(plan, tree))).toEqual([["unknown_id", ["local", 0, "unit"], 'local[0].unit: "Da" is not a unit below the plan\'s root "C"']]);
    expect(messageOf(() => cascade(plan, tree))).toBe('Plan "p" cannot be cascaded: 1 issue\n  - local[0].unit: "Da" is not a unit below the plan\'s root "C"');
  });

  it("issues of the split stop the cascade before the schemes are rebased", () => {
    // cascade.ts:184
    const plan: CascadePlan = {
      id: "p",
      points: "rebase",
      full: "0.01",
      indicators: [
        { id: "x", points: 1, target: 1, method: direct, steps: [{ how: "replicate" }] },
        { id: "y", points: 1, target: 1, method: direct, steps: [{ how: "replicate" }] },
      ],
      local: [{ unit: "Z", indicators: [{ id: "own", points: 1, method: direct }] }],
    };
    expect(issues(safeCascade(plan, tree))).toEqual([["unknown_id", ["local", 0, "unit"], 'local[0].unit: "Z" is not a unit below the plan\'s root "P"']]);
  });

  it("units come out by depth, then by id, across parents", () => {
    // cascade.ts:187: the counties' level lists C's child before D's, the ids sort the other way
    const t = defineOrgTree([
      { id: "P", level: "province" },
      { id: "x", level: "city", parent: "P" },
      { id: "y", level: "city", parent: "P" },
      { id: "b", level: "county", parent: "x" },
      { id: "a", level: "county", parent: "y" },
    ]);
    const r = cascade({ id: "p", indicators: [{ id: "k", points: 1, target: 1, method: direct, steps: [{ how: "replicate" }, { how: "replicate" }] }] }, t);
    expect(r.units.map((u) => u.unit)).toEqual(["x", "y", "a", "b"]);
  });

  it("rebasing that leaves indicators at 0 points names the unit and each indicator, then stops", () => {
    // cascade.ts:193, 196
    const plan: CascadePlan = {
      id: "p",
      points: "rebase",
      full: "0.01",
      indicators: [
        { id: "x", points: 1, target: 1, method: direct, steps: [{ how: "replicate" }] },
        { id: "y", points: 1, target: 1, method: direct, steps: [{ how: "replicate" }] },
        { id: "z", points: 1, target: 1, method: direct, steps: [{ how: "replicate" }] },
      ],
      responsibilities: [{ unit: "D", indicator: "nope", carrying: "levy", assessing: "office", executing: [{ person: "a" }] }],
    };
    const msg = (u: string) => `full (满分): rebasing unit "${u}" to 0.01 leaves y, z with 0 points; give a larger full score or fewer, more even points`;
    expect(issues(safeCascade(plan, tree))).toEqual([
      ["invalid_rule", ["full"], msg("C")],
      ["invalid_rule", ["full"], msg("D")],
    ]);
    expect(messageOf(() => cascade(plan, tree))).toBe(`Plan "p" cannot be cascaded: 2 issues\n  - ${msg("C")}\n  - ${msg("D")}`);
  });

  it("executors' shares given for some and not others are refused, even when they add up to 1", () => {
    // cascade.ts:204, 205, 207
    const plan: CascadePlan = {
      id: "p",
      indicators: [{ id: "x", points: 1, target: 10, method: direct, steps: [{ how: "replicate" }] }],
      responsibilities: [
        { unit: "C", indicator: "x", carrying: "levy", assessing: "office", executing: [{ person: "a", share: 1 }, { person: "b" }] },
        { unit: "C", indicator: "x", carrying: "levy", assessing: "office", executing: [{ person: "a", share: 0.5 }, { person: "b", share: 0.4 }] },
      ],
    };
    expect(issues(safeCascade(plan, tree))).toEqual([
      ["invalid_rule", ["responsibilities", 0, "executing"], "responsibilities[0].executing: gives shares for some executors and not others"],
      ["invalid_rule", ["responsibilities", 1, "executing"], "responsibilities[1].executing: the executors' shares do not add up to 1"],
    ]);
    expect(messageOf(() => cascade(plan, tree))).toBe(
      'Plan "p" cannot be cascaded: 2 issues\n  - responsibilities[0].executing: gives shares for some executors and not others\n  - responsibilities[1].executing: the executors\' shares do not add up to 1',
    );
  });

  describe("the schemes' indicators", () => {
    const plan: CascadePlan = {
      id: "p",
      groups: [{ id: "main" }, { id: "named", name: "基础" }],
      indicators: [
        { id: "rate", points: 2, target: 98, method: { type: "completion", target: 90 }, kind: "quantitative", source: "system", steps: [{ how: "replicate" }] },
        { id: "dir", name: "直接", group: "named", points: 3, target: 5, method: direct, steps: [{ how: "replicate" }] },
      ],
      templates: [{ level: "city", indicators: [{ id: "svc", points: 1, method: { type: "completion", target: 7 } }] }],
    };
    const schemeOfD = () => cascade(plan, tree).units.find((u) => u.unit === "D")!.scheme;

    it("keep their method, a completion's target replaced by the unit's own target only where it has one", () => {
      // cascade.ts:247
      expect(schemeOfD().groups.flatMap((g) => g.indicators.map((i) => [i.id, i.method]))).toStrictEqual([
        ["rate", { type: "completion", target: "98" }],
        ["svc", { type: "completion", target: 7 }],
        ["dir", { type: "direct" }],
      ]);
    });

    it("carry name, kind and source only where given", () => {
      // cascade.ts:254, 256, 257, 269
      const scheme = schemeOfD();
      expect(scheme.groups.map((g) => [g, g.indicators.map((i) => Object.keys(i))])).toStrictEqual([
        [expect.not.objectContaining({ name: expect.anything() }), [["id", "points", "kind", "source", "method"], ["id", "points", "method"]]],
        [expect.objectContaining({ name: "基础" }), [["id", "name", "points", "method"]]],
      ]);
      expect(scheme.groups.map((g) => Object.keys(g))).toEqual([
        ["id", "points", "indicators"],
        ["id", "name", "points", "indicators"],
      ]);
      expect(scheme.groups[1]!.indicators[0]).toMatchObject({ name: "直接", points: "3" });
    });

    it("are in a scheme named after the unit, and the plan where it has a name", () => {
      // cascade.ts:264
      expect(schemeOfD().name).toBe("D");
      expect(cascade({ ...plan, name: "2025" }, tree).units[0]!.scheme.name).toBe("C · 2025");
    });
  });
});
