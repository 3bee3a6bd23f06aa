import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cascadePlanJsonSchema, defineCascadePlan, JixiaoError, safeDefineCascadePlan, type CascadePlan } from "../../src/index.js";

/** The issues of a plan that must be refused; checks that defineCascadePlan throws a JixiaoError too. */
function issuesOf(plan: unknown) {
  expect(() => defineCascadePlan(plan as CascadePlan)).toThrow(JixiaoError);
  const r = safeDefineCascadePlan(plan as CascadePlan);
  if (r.success) throw new Error("expected the plan to be refused");
  return r.issues;
}

const revenue = { id: "revenue", points: 40, target: 1000, decimals: 0, method: { type: "completion", target: 1000 } };

describe("defineCascadePlan", () => {
  it("accepts a plan and returns it frozen", () => {
    const p = defineCascadePlan({
      $schema: "../schema/cascade-plan.schema.json",
      id: "p",
      groups: [{ id: "key" }],
      indicators: [{ ...revenue, group: "key", steps: [{ how: "split", by: "shares", shares: { A: "0.5", B: 0.5 } }, { how: "replicate" }, { how: "retain" }] }],
    } as CascadePlan);
    expect(p.indicators[0]!.steps).toHaveLength(3);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.indicators[0]!.steps![0])).toBe(true);
    // no indicators is not a plan
    expect(issuesOf({ id: "p", indicators: [] }).map((i) => [i.code, i.path])).toEqual([["out_of_range", ["indicators"]]]);
  });

  it("an unknown step `how`", () => {
    expect(issuesOf({ id: "p", indicators: [{ ...revenue, steps: [{ how: "push" }] }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_option",
          "message": "indicators[0].steps[0].how: must be one of "retain", "replicate", "split", not text "push"",
          "params": {
            "key": "oneOf",
            "options": [
              ""retain"",
              ""replicate"",
              ""split"",
            ],
            "received": {
              "text": "push",
              "type": "text",
            },
          },
          "path": [
            "indicators",
            0,
            "steps",
            0,
            "how",
          ],
        },
      ]
    `);
  });

  it("an unknown split `by`", () => {
    expect(issuesOf({ id: "p", indicators: [{ ...revenue, steps: [{ how: "split", by: "population", population: { A: 1 } }] }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_option",
          "message": "indicators[0].steps[0].by: must be one of "equal", "shares", "base", "amounts", not text "population"",
          "params": {
            "key": "oneOf",
            "options": [
              ""equal"",
              ""shares"",
              ""base"",
              ""amounts"",
            ],
            "received": {
              "text": "population",
              "type": "text",
            },
          },
          "path": [
            "indicators",
            0,
            "steps",
            0,
            "by",
          ],
        },
      ]
    `);
  });

  it("a split table under the wrong name, a negative base", () => {
    expect(issuesOf({ id: "p", indicators: [{ ...revenue, steps: [{ how: "split", by: "base", shares: { A: 1 } }] }] }).map((i) => [i.code, i.path])).toEqual([
      ["required", ["indicators", 0, "steps", 0, "base"]],
      ["unknown_field", ["indicators", 0, "steps", 0, "shares"]],
    ]);
    expect(issuesOf({ id: "p", indicators: [{ ...revenue, steps: [{ how: "split", by: "base", base: { A: -1, B: 2 } }] }] }).map((i) => [i.code, i.path])).toEqual([
      ["out_of_range", ["indicators", 0, "steps", 0, "base", "A"]],
    ]);
  });

  it("an unknown group, and a missing group when the plan names its groups", () => {
    expect(
      issuesOf({
        id: "p",
        groups: [{ id: "key" }, { id: "base" }],
        indicators: [{ ...revenue, group: "kye" }, { ...revenue, id: "other" }],
        templates: [{ level: "county", indicators: [{ id: "service", group: "extra", points: 10, method: { type: "direct" } }] }],
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "indicators[0].group: "kye" is not one of the plan's groups key, base",
          "params": {
            "group": "kye",
            "groups": [
              "key",
              "base",
            ],
            "key": "cascadeUnknownGroup",
          },
          "path": [
            "indicators",
            0,
            "group",
          ],
        },
        {
          "code": "required",
          "message": "indicators[1].group: is required: the plan names its groups",
          "params": {
            "key": "cascadeGroupRequired",
          },
          "path": [
            "indicators",
            1,
            "group",
          ],
        },
        {
          "code": "unknown_id",
          "message": "templates[0].indicators[0].group: "extra" is not one of the plan's groups key, base",
          "params": {
            "group": "extra",
            "groups": [
              "key",
              "base",
            ],
            "key": "cascadeUnknownGroup",
          },
          "path": [
            "templates",
            0,
            "indicators",
            0,
            "group",
          ],
        },
      ]
    `);
    // without groups there is one group, main
    expect(safeDefineCascadePlan({ id: "p", indicators: [{ ...revenue, group: "main" }] } as CascadePlan).success).toBe(true);
    expect(issuesOf({ id: "p", indicators: [{ ...revenue, group: "key" }] }).map((i) => [i.code, i.path])).toEqual([["unknown_id", ["indicators", 0, "group"]]]);
  });

  it("a __proto__ unit in a share table", () => {
    const plan = JSON.parse('{"id":"p","indicators":[{"id":"revenue","points":40,"target":1000,"method":{"type":"direct"},"steps":[{"how":"split","by":"shares","shares":{"__proto__":0.5,"A":0.5}}]}]}');
    expect(Object.keys(plan.indicators[0].steps[0].shares)).toEqual(["__proto__", "A"]);
    expect(issuesOf(plan).map((i) => [i.code, i.path])).toEqual([["reserved_key", ["indicators", 0, "steps", 0, "shares", "__proto__"]]]);
    // and in a base table, next to constructor
    const base = JSON.parse('{"id":"p","indicators":[{"id":"revenue","points":40,"target":1000,"method":{"type":"direct"},"steps":[{"how":"split","by":"base","base":{"constructor":1,"A":1}}]}]}');
    expect(issuesOf(base).map((i) => [i.code, i.path])).toEqual([["invalid_option", ["indicators", 0, "steps", 0, "base", "constructor"]]]);
  });

  it("a reserved id for a unit or an indicator", () => {
    expect(issuesOf({ id: "p", root: "__proto__", indicators: [{ ...revenue, id: "prototype" }] }).map((i) => [i.code, i.path])).toEqual([
      ["invalid_option", ["root"]],
      ["invalid_option", ["indicators", 0, "id"]],
    ]);
  });
});

describe("cascadePlanJsonSchema", () => {
  it("equals the published docs/schema/cascade-plan.schema.json", () => {
    const published = JSON.parse(readFileSync(new URL("../../docs/schema/cascade-plan.schema.json", import.meta.url), "utf8"));
    expect(cascadePlanJsonSchema()).toEqual(published);
  });

  it("is a fresh draft 2020-12 schema requiring id and indicators", () => {
    const s = cascadePlanJsonSchema() as { $schema: string; required: string[]; title: string };
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.required).toEqual(["id", "indicators"]);
    expect(s.title).toBe("jixiao cascade plan");
    s.required.push("mutated");
    expect((cascadePlanJsonSchema() as { required: string[] }).required).toEqual(["id", "indicators"]);
  });
});
