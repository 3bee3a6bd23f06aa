import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignTiers, defineTierPolicy, isJixiaoError, JixiaoError, rank, safeAssignTiers, safeDefineTierPolicy, tierPolicyJsonSchema, type TierPolicy } from "../../src/index.js";

/** The issues of a policy that must be refused; checks that defineTierPolicy throws a JixiaoError too. */
function issuesOf(policy: unknown) {
  expect(() => defineTierPolicy(policy as TierPolicy)).toThrow(JixiaoError);
  const r = safeDefineTierPolicy(policy as TierPolicy);
  if (r.success) throw new Error("expected the policy to be refused");
  return r.issues;
}

describe("defineTierPolicy", () => {
  it("accepts the issue's example and returns it frozen", () => {
    const p = defineTierPolicy({
      tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1 }],
      count: "floor",
      ties: "better",
      groupBy: "category",
      vetoTier: "差",
    });
    expect(p.tiers.map((t) => t.name)).toEqual(["好", "中", "差"]);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.tiers[0])).toBe(true);
    // shares adding up to exactly 1 are fine
    expect(defineTierPolicy({ tiers: [{ name: "好", share: "0.3" }, { name: "较好", share: 0.3 }, { name: "中" }, { name: "差", share: 0.4 }] }).tiers).toHaveLength(4);
  });

  it("returns a policy it defined as it is, and checks anything else again", () => {
    const config = { tiers: [{ name: "好", share: 0.2 }, { name: "中" }] };
    const p = defineTierPolicy(config);
    expect(p).not.toBe(config);
    expect(defineTierPolicy(p)).toBe(p);
    // An equal policy that defineTierPolicy did not make is checked and copied.
    const frozen = Object.freeze({ tiers: Object.freeze([{ name: "好", share: 0.2 }, { name: "中" }]) });
    expect(defineTierPolicy(frozen)).not.toBe(frozen);
    expect(safeDefineTierPolicy(null as never).success).toBe(false);
  });

  it("shares above 1 in total", () => {
    expect(issuesOf({ tiers: [{ name: "好", share: 0.6 }, { name: "中" }, { name: "差", share: "0.41" }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "tiers: shares add up to 1.01, more than 1",
          "params": {
            "key": "tierSharesOver",
            "total": "1.01",
          },
          "path": [
            "tiers",
          ],
        },
      ]
    `);
  });

  it("two open tiers", () => {
    expect(issuesOf({ tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差" }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "tiers[2]: is a second tier with neither share nor min (tiers[1] already takes the rest); give it a share or a min",
          "params": {
            "first": 1,
            "key": "tierSecondOpen",
          },
          "path": [
            "tiers",
            2,
          ],
        },
      ]
    `);
  });

  it("no open tier", () => {
    expect(issuesOf({ tiers: [{ name: "好", share: 0.2 }, { name: "差", min: 60 }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "tiers: needs one tier with neither share nor min, to take the rest",
          "params": {
            "key": "tierNoOpen",
          },
          "path": [
            "tiers",
          ],
        },
      ]
    `);
  });

  it("a min on a tier below the open tier", () => {
    expect(issuesOf({ tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1, min: 60 }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "tiers[2].min: is below the tier that takes the rest, so it fills from the bottom and cannot have a min",
          "params": {
            "key": "tierMinBelowOpen",
          },
          "path": [
            "tiers",
            2,
            "min",
          ],
        },
      ]
    `);
  });

  it("minCount or maxCount without a share", () => {
    expect(issuesOf({ tiers: [{ name: "好", min: 90, minCount: 1, maxCount: 3 }, { name: "中" }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "tiers[0].minCount: only applies to a tier with a share",
          "params": {
            "key": "tierCountNeedsShare",
          },
          "path": [
            "tiers",
            0,
            "minCount",
          ],
        },
        {
          "code": "invalid_rule",
          "message": "tiers[0].maxCount: only applies to a tier with a share",
          "params": {
            "key": "tierCountNeedsShare",
          },
          "path": [
            "tiers",
            0,
            "maxCount",
          ],
        },
      ]
    `);
  });

  it("minCount above maxCount", () => {
    expect(issuesOf({ tiers: [{ name: "好", share: 0.2, minCount: 4, maxCount: 3 }, { name: "中" }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "tiers[0].minCount: is 4, more than maxCount 3",
          "params": {
            "key": "tierMinCountOverMax",
            "maxCount": 3,
            "minCount": 4,
          },
          "path": [
            "tiers",
            0,
            "minCount",
          ],
        },
      ]
    `);
  });

  it("an unknown vetoTier", () => {
    expect(issuesOf({ tiers: [{ name: "好", share: 0.2 }, { name: "中" }], vetoTier: "不合格" })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "vetoTier: "不合格" is not one of the tiers 好, 中",
          "params": {
            "key": "tierVetoTierUnknown",
            "tier": "不合格",
            "tiers": [
              "好",
              "中",
            ],
          },
          "path": [
            "vetoTier",
          ],
        },
      ]
    `);
  });

  it("duplicate tier names", () => {
    expect(issuesOf({ tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "好", share: 0.1 }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "tiers[2].name: repeats the tier name "好" of tiers[0]",
          "params": {
            "first": 0,
            "key": "tierNameRepeated",
            "name": "好",
          },
          "path": [
            "tiers",
            2,
            "name",
          ],
        },
      ]
    `);
  });

  it("bad fields and values", () => {
    expect(
      issuesOf({ tiers: [{ name: "好", share: 1.5, shares: 0.2 }, { name: "", share: -0.1 }, { name: "中" }], count: "truncate", ties: "random", compare: "round" }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "tiers[0].share: must be at most 1, not 1.5",
          "params": {
            "bound": "atMost",
            "key": "decimalBound",
            "limit": "1",
            "received": {
              "text": "1.5",
              "type": "number",
            },
          },
          "path": [
            "tiers",
            0,
            "share",
          ],
        },
        {
          "code": "unknown_field",
          "message": "tiers[0].shares: is not a known field; did you mean "share"?",
          "params": {
            "hint": "share",
            "key": "unknownField",
          },
          "path": [
            "tiers",
            0,
            "shares",
          ],
        },
        {
          "code": "out_of_range",
          "message": "tiers[1].name: must be at least 1 character; it is text """,
          "params": {
            "bound": "atLeast",
            "key": "size",
            "limit": "1",
            "received": {
              "text": "",
              "type": "text",
            },
            "unit": "characters",
          },
          "path": [
            "tiers",
            1,
            "name",
          ],
        },
        {
          "code": "out_of_range",
          "message": "tiers[1].share: must be at least 0, not -0.1",
          "params": {
            "bound": "atLeast",
            "key": "decimalBound",
            "limit": "0",
            "received": {
              "text": "-0.1",
              "type": "number",
            },
          },
          "path": [
            "tiers",
            1,
            "share",
          ],
        },
        {
          "code": "invalid_option",
          "message": "count: must be one of "floor", "round", "ceil", not text "truncate"",
          "params": {
            "key": "oneOf",
            "options": [
              ""floor"",
              ""round"",
              ""ceil"",
            ],
            "received": {
              "text": "truncate",
              "type": "text",
            },
          },
          "path": [
            "count",
          ],
        },
        {
          "code": "invalid_option",
          "message": "ties: must be one of "better", "worse", "break", not text "random"",
          "params": {
            "key": "oneOf",
            "options": [
              ""better"",
              ""worse"",
              ""break"",
            ],
            "received": {
              "text": "random",
              "type": "text",
            },
          },
          "path": [
            "ties",
          ],
        },
        {
          "code": "invalid_option",
          "message": "compare: must be one of "exact", "truncate", not text "round"",
          "params": {
            "key": "oneOf",
            "options": [
              ""exact"",
              ""truncate"",
            ],
            "received": {
              "text": "round",
              "type": "text",
            },
          },
          "path": [
            "compare",
          ],
        },
      ]
    `);
    expect(issuesOf({ tiers: [] })).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "tiers: must be at least 1 item; it has 0",
          "params": {
            "bound": "atLeast",
            "count": 0,
            "key": "size",
            "limit": "1",
            "unit": "items",
          },
          "path": [
            "tiers",
          ],
        },
        {
          "code": "invalid_rule",
          "message": "tiers: needs one tier with neither share nor min, to take the rest",
          "params": {
            "key": "tierNoOpen",
          },
          "path": [
            "tiers",
          ],
        },
      ]
    `);
  });

  it("assignTiers and safeAssignTiers refuse a bad policy the same way", () => {
    const ranking = rank([{ subjectId: "a", total: 1 }]);
    const bad = { tiers: [{ name: "好", share: 0.8 }, { name: "中" }, { name: "差", share: 0.3 }] };
    expect(() => assignTiers(ranking, bad)).toThrow(JixiaoError);
    const r = safeAssignTiers(ranking, bad);
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["out_of_range", ["tiers"]]]);
  });

  it("an unknown group field at assignTiers time names the entry", () => {
    const ranking = rank([
      { subjectId: "a", total: 90, attributes: { category: "综合管理" } },
      { subjectId: "b", total: 80, attributes: { level: "科员" } },
    ]);
    try {
      assignTiers(ranking, { tiers: [{ name: "好", share: 0.5 }, { name: "中" }], groupBy: "category" });
      expect.unreachable();
    } catch (e) {
      expect(isJixiaoError(e)).toBe(true);
      expect((e as JixiaoError).issues).toMatchInlineSnapshot(`
        [
          {
            "code": "unknown_field",
            "message": "entries[1].attributes: has no "category" to group by; every subject needs one (groupBy "group" uses the subject's peer group, any other name an attribute)",
            "params": {
              "field": "category",
              "key": "rankNoPeer",
            },
            "path": [
              "entries",
              1,
              "attributes",
            ],
          },
        ]
      `);
    }
    // groupBy "group" with subjects that have none
    const r = safeAssignTiers(ranking, { tiers: [{ name: "好", share: 0.5 }, { name: "中" }], groupBy: "group" });
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_field", ["entries", 0, "group"]],
      ["unknown_field", ["entries", 1, "group"]],
    ]);
  });

  it("a ranking that is not a ranking", () => {
    const r = safeAssignTiers({ entries: "none" } as never, { tiers: [{ name: "中" }] });
    expect(r.success).toBe(false);
  });
});

describe("tierPolicyJsonSchema", () => {
  it("equals the published docs/schema/tier-policy.schema.json", () => {
    const published = JSON.parse(readFileSync(new URL("../../docs/schema/tier-policy.schema.json", import.meta.url), "utf8"));
    expect(tierPolicyJsonSchema()).toEqual(published);
  });

  it("is a draft 2020-12 schema that requires tiers and knows every field", () => {
    const s = tierPolicyJsonSchema() as { $schema: string; required: string[]; properties: Record<string, unknown>; additionalProperties: unknown; title: string };
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.required).toEqual(["tiers"]);
    expect(s.title).toBe("jixiao tier policy");
    expect(Object.keys(s.properties).sort()).toEqual(
      ["$schema", "compare", "count", "description", "groupBy", "id", "name", "ties", "tiers", "vetoCountsInQuota", "vetoTier"].sort(),
    );
    expect(s.additionalProperties).toBe(false);
  });

  it("returns a fresh object each time", () => {
    const a = tierPolicyJsonSchema();
    (a as { title: string }).title = "changed";
    expect(tierPolicyJsonSchema().title).toBe("jixiao tier policy");
  });
});
