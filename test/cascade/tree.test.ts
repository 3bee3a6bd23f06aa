import { describe, expect, it } from "vitest";
import { defineOrgTree, JixiaoError, rollUp, safeDefineOrgTree, type OrgUnit } from "../../src/index.js";

/** The issues of a tree that must be refused; checks that defineOrgTree throws a JixiaoError too. */
function issuesOf(units: unknown) {
  expect(() => defineOrgTree(units as OrgUnit[])).toThrow(JixiaoError);
  const r = safeDefineOrgTree(units as OrgUnit[]);
  if (r.success) throw new Error("expected the tree to be refused");
  return r.issues;
}

describe("defineOrgTree: a valid tree", () => {
  it("finds the one root, keeps the units as given and freezes them", () => {
    const units: OrgUnit[] = [
      { id: "C2", level: "city", parent: "P" },
      { id: "K1", level: "county", parent: "C1", departments: [{ id: "征管股" }, { id: "办公室", name: "办公室" }] },
      { id: "P", name: "省局", level: "province", parent: null },
      { id: "C1", level: "city", parent: "P" },
    ];
    const tree = defineOrgTree(units);
    expect(tree.root).toBe("P");
    expect(tree.units.map((u) => u.id)).toEqual(["C2", "K1", "P", "C1"]);
    expect(tree.units[1]!.departments).toEqual([{ id: "征管股" }, { id: "办公室", name: "办公室" }]);
    expect(Object.isFrozen(tree)).toBe(true);
    expect(Object.isFrozen(tree.units[0])).toBe(true);
    // a defined tree goes through again unchanged
    expect(defineOrgTree(tree as unknown as OrgUnit[])).toBe(tree);
    // any level names the user gives
    expect(defineOrgTree([{ id: "总局", level: "总局" }, { id: "省局", level: "省级", parent: "总局" }]).root).toBe("总局");
    // a single unit is a tree
    expect(safeDefineOrgTree([{ id: "only", level: "county" }])).toMatchObject({ success: true, output: { root: "only" } });
  });

  it("the same department id in two different units is fine", () => {
    expect(() =>
      defineOrgTree([
        { id: "C", level: "city", departments: [{ id: "办公室" }] },
        { id: "K", level: "county", parent: "C", departments: [{ id: "办公室" }] },
      ]),
    ).not.toThrow();
  });
});

describe("defineOrgTree: errors naming the offending ids", () => {
  it("two roots", () => {
    expect(issuesOf([{ id: "P", level: "province" }, { id: "Q", level: "province", parent: null }, { id: "C", level: "city", parent: "P" }])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "(top): has 2 roots (P, Q); a tree has one unit without a parent",
          "params": {
            "count": 2,
            "key": "cascadeManyRoots",
            "more": false,
            "roots": [
              "P",
              "Q",
            ],
          },
          "path": [],
        },
      ]
    `);
  });

  it("no root: everyone has a parent", () => {
    expect(issuesOf([{ id: "A", level: "city", parent: "B" }, { id: "B", level: "city", parent: "A" }])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "(top): has no root: every unit names a parent, so they form a cycle",
          "params": {
            "key": "cascadeNoRoot",
          },
          "path": [],
        },
      ]
    `);
  });

  it("an unknown parent", () => {
    expect(issuesOf([{ id: "P", level: "province" }, { id: "C1", level: "city", parent: "P" }, { id: "K1", level: "county", parent: "C9" }])).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "[2].parent: "C9" is not a unit of the tree",
          "params": {
            "key": "cascadeNotAUnit",
            "unit": "C9",
          },
          "path": [
            2,
            "parent",
          ],
        },
      ]
    `);
  });

  it("a unit that is its own parent", () => {
    expect(issuesOf([{ id: "P", level: "province" }, { id: "C1", level: "city", parent: "C1" }])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "[1].parent: unit "C1" is its own parent",
          "params": {
            "key": "cascadeOwnParent",
            "unit": "C1",
          },
          "path": [
            1,
            "parent",
          ],
        },
      ]
    `);
  });

  it("a duplicate id", () => {
    expect(issuesOf([{ id: "P", level: "province" }, { id: "C1", level: "city", parent: "P" }, { id: "C1", level: "city", parent: "P" }])).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "[2].id: repeats the unit id "C1"",
          "params": {
            "id": "C1",
            "key": "cascadeDuplicateUnit",
          },
          "path": [
            2,
            "id",
          ],
        },
      ]
    `);
  });

  it("a cycle detached from the root", () => {
    expect(
      issuesOf([
        { id: "P", level: "province" },
        { id: "C1", level: "city", parent: "P" },
        { id: "X", level: "city", parent: "Z" },
        { id: "Y", level: "county", parent: "X" },
        { id: "Z", level: "county", parent: "Y" },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "(top): has a cycle: X, Y, Z cannot be reached from the root "P"",
          "params": {
            "key": "cascadeCycle",
            "more": false,
            "root": "P",
            "units": [
              "X",
              "Y",
              "Z",
            ],
          },
          "path": [],
        },
      ]
    `);
  });

  it("duplicate department ids within a unit", () => {
    expect(
      issuesOf([
        { id: "P", level: "province", departments: [{ id: "办公室" }, { id: "征管处" }, { id: "办公室", name: "again" }] },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "[0].departments[2].id: repeats the department id "办公室" in unit "P"",
          "params": {
            "id": "办公室",
            "key": "cascadeDuplicateDepartment",
            "unit": "P",
          },
          "path": [
            0,
            "departments",
            2,
            "id",
          ],
        },
      ]
    `);
  });

  it("not a list, an empty list, a unit without a level", () => {
    expect(issuesOf({ id: "P", level: "province" }).map((i) => i.code)).toEqual(["invalid_type"]);
    expect(issuesOf([]).map((i) => [i.code, i.path])).toEqual([["out_of_range", []]]);
    expect(issuesOf([{ id: "P" }]).map((i) => [i.code, i.path])).toEqual([["required", [0, "level"]]]);
  });
});

describe("defineOrgTree: size and depth without recursion limits", () => {
  it("a five-level tree of 19,537 units (1 + 36 + 500 + 3,000 + 16,000)", () => {
    const units: OrgUnit[] = [{ id: "national", level: "national" }];
    const add = (level: string, count: number, parents: readonly string[], prefix: string) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = `${prefix}${i}`;
        units.push({ id, level, parent: parents[i % parents.length]!, departments: [{ id: "办公室" }, { id: "征管" }] });
        ids.push(id);
      }
      return ids;
    };
    const provinces = add("province", 36, ["national"], "p");
    const cities = add("city", 500, provinces, "c");
    const counties = add("county", 3_000, cities, "k");
    const branches = add("branch", 16_000, counties, "b");
    expect(units).toHaveLength(19_537);
    const tree = defineOrgTree(units);
    expect(tree.root).toBe("national");
    expect(tree.units).toHaveLength(19_537);
    // every branch reaches the root: one result per branch sums up to the root
    const rolled = rollUp(tree, branches.map((b) => ({ unit: b, indicator: "n", actual: 1 })), { n: { how: "sum" } });
    expect(rolled.find((v) => v.unit === "national")).toMatchObject({ from: "sum", exact: "16000" });
    expect(rolled.find((v) => v.unit === "p0")!.children).toHaveLength(14); // cities c0, c36, … c468
    expect(rolled.filter((v) => v.from === "sum")).toHaveLength(1 + 36 + 500 + 3_000);
  });

  it("a chain 10,000 units deep", () => {
    const units: OrgUnit[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `u${i}`, level: `L${i}`, ...(i > 0 ? { parent: `u${i - 1}` } : {}) }));
    const tree = defineOrgTree([...units].reverse());
    expect(tree.root).toBe("u0");
    expect(tree.units).toHaveLength(10_000);
    const rolled = rollUp(tree, [{ unit: "u9999", indicator: "n", actual: 7 }], { n: { how: "sum" } });
    expect(rolled).toHaveLength(10_000);
    expect(rolled[0]).toMatchObject({ unit: "u0", exact: "7", children: [{ unit: "u1", value: "7" }] });
    // a cycle at the bottom of a deep chain is found too
    const cyclic = [...units, { id: "x", level: "x", parent: "y" }, { id: "y", level: "y", parent: "x" }];
    expect(issuesOf(cyclic).map((i) => i.message)).toEqual(['(top): has a cycle: x, y cannot be reached from the root "u0"']);
  });
});
