import { describe, expect, it } from "vitest";
import { defineOrgTree, leaderScore, rollUp, safeDefineOrgTree, safeRollUp, type OrgTree, type OrgUnit, type RollUpRule } from "../../src/index.js";
import { thrown } from "../helpers.js";

/** P → A, B. */
const small = defineOrgTree([
  { id: "P", level: "province" },
  { id: "A", level: "city", parent: "P" },
  { id: "B", level: "city", parent: "P" },
]);


describe("rollup.ts: rollUp", () => {
  it("refuses a custom rule whose combine is not a function", () => {
    // rollup.ts:76 — combine must be a function
    const r = safeRollUp(small, [], { x: { how: "custom", combine: 5 } as unknown as RollUpRule });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.path, i.message])).toEqual([[["rules", "x", "combine"], "rules.x.combine: must be a function"]]);
  });

  it("reports bad results before any value is rolled up", () => {
    // rollup.ts:114 — an unknown unit stops the roll-up before A's tiny target is looked at
    const r = safeRollUp(
      small,
      [
        { unit: "Z", indicator: "x", actual: 1 },
        { unit: "A", indicator: "x", actual: 1, target: "1e-300" },
      ],
      { x: { how: "sum" } },
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.code)).toEqual(["unknown_id"]);
  });

  it("says the results cannot be rolled up when a result names an unknown unit", () => {
    // rollup.ts:114 — the error's context
    expect(thrown(() => rollUp(small, [{ unit: "Z", indicator: "x", actual: 1 }], { x: { how: "sum" } })).message).toMatch(/^Results cannot be rolled up: 1 issue\n/);
  });

  it("gives nothing for an indicator with a rule but no results, whatever the units are called", () => {
    // rollup.ts:121 — no results for y: nothing is known for y (a unit named "S" must not pick up anything)
    const tree = defineOrgTree([
      { id: "P", level: "province" },
      { id: "A", level: "city", parent: "P" },
      { id: "S", level: "city", parent: "P" },
    ]);
    const out = rollUp(tree, [{ unit: "A", indicator: "x", actual: 3 }], { x: { how: "sum" }, y: { how: "sum" } });
    expect(out.map((v) => [v.indicator, v.unit, v.exact])).toEqual([
      ["x", "P", "3"],
      ["x", "A", "3"],
    ]);
  });

  it("gives a unit without children and without a result no value", () => {
    // rollup.ts:125 — a leaf has no children to combine, even when a sibling has a result
    const tree = defineOrgTree([
      { id: "P", level: "province" },
      { id: "L", level: "city", parent: "P" },
      { id: "Stryker was here", level: "city", parent: "P" },
    ]);
    const out = rollUp(tree, [{ unit: "Stryker was here", indicator: "x", actual: 5 }], { x: { how: "sum" } });
    expect(out.map((v) => [v.unit, v.from, v.exact])).toEqual([
      ["P", "sum", "5"],
      ["Stryker was here", "given", "5"],
    ]);
  });

  it("passes a custom rule no target for a value it combined itself", () => {
    // rollup.ts:133 — only sum and weighted carry the children's targets up
    const tree = defineOrgTree([
      { id: "P", level: "province" },
      { id: "C", level: "city", parent: "P" },
      { id: "K1", level: "county", parent: "C" },
      { id: "K2", level: "county", parent: "C" },
    ]);
    const calls: unknown[] = [];
    const combine = (children: readonly { unit: string; value: string; target: string | null }[]) => {
      calls.push(children);
      return children.length;
    };
    const out = rollUp(
      tree,
      [
        { unit: "K1", indicator: "x", actual: 1, target: 2 },
        { unit: "K2", indicator: "x", actual: 3, target: 4 },
      ],
      { x: { how: "custom", combine } },
    );
    expect(calls).toEqual([
      [
        { unit: "K1", value: "1", target: "2" },
        { unit: "K2", value: "3", target: "4" },
      ],
      [{ unit: "C", value: "2", target: null }],
    ]);
    expect(out.find((v) => v.unit === "P")).toMatchObject({ from: "custom", exact: "1", target: null, rate: null });
  });

  it("names the rule, the unit and at most 100 characters of a custom rule's answer that is not a number", () => {
    // rollup.ts:151 — path, message and the cut at 100 characters
    const r = safeRollUp(small, [{ unit: "A", indicator: "x", actual: 1 }], { x: { how: "custom", combine: () => "n".repeat(150) } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toMatchObject([{ code: "custom_failed", path: ["rules", "x", "combine"], message: `rules.x.combine: the custom rule gave ${"n".repeat(100)} for "P", not a number` }]);
  });

  it("says the results cannot be rolled up when a custom rule fails", () => {
    // rollup.ts:180 — the error's context
    expect(thrown(() => rollUp(small, [{ unit: "A", indicator: "x", actual: 1 }], { x: { how: "custom", combine: () => "no" } })).message).toMatch(
      /^Results cannot be rolled up: 1 issue\n/,
    );
  });

  it("refuses a given result whose completion rate is beyond ±10^18", () => {
    // rollup.ts:186-189 — a target next to nothing
    const run = () => rollUp(small, [{ unit: "A", indicator: "x", actual: 1, target: "1e-300" }], { x: { how: "sum" } });
    const error = thrown(run) as Error & { issues: unknown };
    expect(error.message).toMatch(/^Results cannot be rolled up: 1 issue\n/);
    expect(error.issues).toMatchObject([
      { code: "invalid_number", path: ["results"], message: "results: A's x: the completion rate 1 ÷ target 1e-300 is beyond ±10^18; a target this small is likely a mistake" },
    ]);
  });

  it("refuses a summed result whose completion rate is beyond ±10^18, and gives a zero target no rate", () => {
    // rollup.ts:186 — A's target 0 has no rate; P's summed target 1e-300 is next to nothing
    const results = [
      { unit: "A", indicator: "x", actual: 1, target: 0 },
      { unit: "B", indicator: "x", actual: 0, target: "1e-300" },
    ];
    const r = safeRollUp(small, results, { x: { how: "sum" } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toMatchObject([
      { code: "invalid_number", path: ["results"], message: "results: P's x: the completion rate 1 ÷ target 1e-300 is beyond ±10^18; a target this small is likely a mistake" },
    ]);
    const ok = rollUp(small, [results[0]!], { x: { how: "sum" } });
    expect(ok.map((v) => [v.unit, v.target, v.rate])).toEqual([
      ["P", "0", null],
      ["A", "0", null],
    ]);
  });

  it("gives the completion rate of a given and of a summed value with a target", () => {
    // rollup.ts:186, 198
    const out = rollUp(
      small,
      [
        { unit: "A", indicator: "x", actual: 3, target: 4 },
        { unit: "B", indicator: "x", actual: 1, target: 4 },
      ],
      { x: { how: "sum" } },
    );
    expect(out.map((v) => [v.unit, v.from, v.rate])).toEqual([
      ["P", "sum", 0.5],
      ["A", "given", 0.75],
      ["B", "given", 0.25],
    ]);
  });
});

describe("rollup.ts: leaderScore", () => {
  it("says the leader's score cannot be linked when a score is missing", () => {
    // rollup.ts:322 — the error's context
    expect(thrown(() => leaderScore({ unit: "A1", weights: { unit: 1 } }, {})).message).toMatch(/^The leader's score cannot be linked: 1 issue\n/);
  });

  it("links a leader to the unit alone when only the unit is weighted", () => {
    // rollup.ts:314 — a part without a weight adds nothing
    expect(leaderScore({ unit: "A1", weights: { unit: 1 } }, { A1: 90 })).toEqual({
      score: 90,
      exact: "90",
      parts: [{ part: "unit", weight: "1", mean: "90", members: [{ id: "A1", score: "90" }] }],
    });
  });
});

describe("tree.ts", () => {
  it("lists ten roots without an ellipsis", () => {
    // tree.ts:94 — "…" only past 10
    const units: OrgUnit[] = Array.from({ length: 10 }, (_, i) => ({ id: `R${i}`, level: "province" }));
    const r = safeDefineOrgTree(units);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.message)).toEqual(["(top): has 10 roots (R0, R1, R2, R3, R4, R5, R6, R7, R8, R9); a tree has one unit without a parent"]);
  });

  it("says the tree is not valid for a duplicate id", () => {
    // tree.ts:99 — the error's context
    const run = () =>
      defineOrgTree([
        { id: "P", level: "province" },
        { id: "P", level: "province" },
      ]);
    expect(thrown(run).message).toMatch(/^Organization tree is not valid: /);
  });

  it("lists ten units of a cycle without an ellipsis, and says the tree is not valid", () => {
    // tree.ts:123-124 — U0 → U9 → U8 → … → U0 cannot be reached from P
    const units: OrgUnit[] = [{ id: "P", level: "province" }, ...Array.from({ length: 10 }, (_, i) => ({ id: `U${i}`, level: "city", parent: `U${(i + 9) % 10}` }))];
    const error = thrown(() => defineOrgTree(units)) as Error & { issues: readonly { message: string }[] };
    expect(error.message).toMatch(/^Organization tree is not valid: 1 issue\n/);
    expect(error.issues.map((i) => i.message)).toEqual(['(top): has a cycle: U0, U1, U2, U3, U4, U5, U6, U7, U8, U9 cannot be reached from the root "P"']);
  });

  it("tells a missing tree is required", () => {
    // tree.ts:149 — null has no units to read, which is not an unreadable value
    for (const tree of [null, undefined]) {
      const r = safeRollUp(tree as unknown as OrgTree, [], {});
      expect(r.success).toBe(false);
      if (r.success) continue;
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([["required", []]]);
    }
  });

  it("reads the units of a tree given as plain data (a tree sent through JSON)", () => {
    // tree.ts:149 — an object that is not a defined tree is read for its units
    const plain = JSON.parse(JSON.stringify(small)) as OrgTree;
    const out = rollUp(plain, [{ unit: "A", indicator: "x", actual: 2 }], { x: { how: "sum" } });
    expect(out.map((v) => [v.unit, v.exact])).toEqual([
      ["P", "2"],
      ["A", "2"],
    ]);
  });

  it("refuses a tree whose units cannot be read", () => {
    // A getter that throws: read as the tree is copied, at its path
    const tree = {
      get units(): never {
        throw new Error("boom");
      },
    } as unknown as OrgTree;
    const error = thrown(() => rollUp(tree, [], {})) as Error & { issues: unknown };
    expect(error.message).toMatch(/^Organization tree is not valid: 1 issue\n/);
    expect(error.issues).toMatchObject([{ code: "unreadable_input", path: ["units"], message: "units: could not be read (a getter or proxy threw), so nothing of it was used" }]);
  });
});
