import { describe, expect, it } from "vitest";
import { defineScheme, isJixiaoError, safeDefineScheme, score, type Issue, type SchemeConfig } from "../../src/index.js";

/** The contract scheme's JSON (the county's 361 personal scheme), exactly as first written. */
const CONTRACT_JSON = `{
  "id": "county-personal-2024Q3", "name": "县局个人绩效 361", "full": 100,
  "rounding": { "indicator": { "decimals": 2, "mode": "half-up" }, "total": { "decimals": 2, "mode": "half-up" } },
  "notApplicable": "convert",
  "groups": [
    { "id": "common", "name": "共性指标", "points": 30, "indicators": [
      { "id": "attendance", "name": "考勤", "points": 10, "method": { "type": "deduction", "per": 0.5, "floor": 0 } },
      { "id": "study", "name": "学习", "points": 10, "kind": "qualitative",
        "method": { "type": "grade", "grades": { "优": 1, "良": 0.85, "中": 0.7, "差": 0.5 } } },
      { "id": "political", "name": "政治素质", "points": 10,
        "method": { "type": "steps", "steps": [ { "atLeast": 90, "fraction": 1 }, { "atLeast": 75, "fraction": 0.8 }, { "atLeast": 0, "fraction": 0.5 } ] } } ] },
    { "id": "individual", "name": "个性指标", "points": 60, "indicators": [
      { "id": "collection", "name": "征收任务完成率", "points": 40, "kind": "quantitative", "source": "system",
        "method": { "type": "completion", "target": 100, "cap": 1 } },
      { "id": "backlog", "name": "积压件", "points": 20, "method": { "type": "band", "best": 0, "worst": 10 } } ] },
    { "id": "competitive", "name": "竞争性指标", "points": 10, "indicators": [
      { "id": "grabbed", "name": "抢单得分", "points": 10, "method": { "type": "direct" } } ] }
  ],
  "adjustments": { "bonus": { "cap": 3 }, "deduction": { "cap": 5 } },
  "vetoes": [ { "id": "discipline", "name": "违纪违法", "effect": "zero" } ]
}`;

const small = (): Record<string, unknown> => ({
  id: "s",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
});

/** The issues `defineScheme` reports for `config` (fails the test when it accepts it or throws something else). */
function issuesOf(config: unknown): readonly Issue[] {
  try {
    defineScheme(config as SchemeConfig);
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    return error.issues;
  }
  throw new Error("expected the scheme to be rejected");
}

describe("defineScheme accepts the issue's scheme", () => {
  it("accepts the JSON as written and returns it frozen, unchanged", () => {
    const config = JSON.parse(CONTRACT_JSON) as SchemeConfig;
    const scheme = defineScheme(config);
    expect(scheme).toEqual(JSON.parse(CONTRACT_JSON));
    expect(Object.isFrozen(scheme)).toBe(true);
    expect(Object.isFrozen(scheme.groups)).toBe(true);
    expect(Object.isFrozen(scheme.groups[0]!.indicators[1]!.method)).toBe(true);
    expect(Object.isFrozen(scheme.rounding!.total)).toBe(true);
    expect(Object.isFrozen(scheme.vetoes![0])).toBe(true);
    // The input itself is not mutated (nor frozen).
    expect(Object.isFrozen(config)).toBe(false);
    expect(config).toEqual(JSON.parse(CONTRACT_JSON));
  });

  it("returns the same scheme when given a scheme", () => {
    const scheme = defineScheme(JSON.parse(CONTRACT_JSON) as SchemeConfig);
    expect(defineScheme(scheme)).toBe(scheme);
  });

  it("lets points differ when pointsAddUp is false", () => {
    const config = {
      id: "loose",
      full: 100,
      pointsAddUp: false,
      groups: [
        {
          id: "g",
          points: 50,
          indicators: [
            { id: "a", points: 10, method: { type: "direct" } },
            { id: "b", points: 15, method: { type: "direct" } },
          ],
        },
      ],
    } as const;
    expect(safeDefineScheme(config).success).toBe(true);
    expect(score(config, { id: "s", values: { a: 10, b: 15 } }).total).toBe(25);
    expect(safeDefineScheme({ ...config, pointsAddUp: true }).success).toBe(false);
  });
});

describe("defineScheme rejects bad schemes with code, path and message", () => {
  it("group points that do not add up", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.groups[1].indicators[1].points = 25;
    config.groups[1].points = 60;
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "points_mismatch",
          "message": "groups[1].points (分值): is 60, but the indicators' points add up to 65 (set "pointsAddUp": false if that is intended)",
          "params": {
            "key": "schemeGroupPoints",
            "points": "60",
            "total": "65",
          },
          "path": [
            "groups",
            1,
            "points",
          ],
        },
      ]
    `);
  });

  it("group points that do not add up to full", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.full = 120;
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "points_mismatch",
          "message": "full (满分): is 120, but the groups' points add up to 100 (set "pointsAddUp": false if that is intended)",
          "params": {
            "full": "120",
            "key": "schemeFullPoints",
            "total": "100",
          },
          "path": [
            "full",
          ],
        },
      ]
    `);
  });

  it("a rounding coarser than the points it rounds (2.5 points to whole numbers could give 3)", () => {
    const config = {
      id: "coarse",
      full: 10.5,
      rounding: { indicator: { decimals: 0 }, group: { decimals: 1 }, total: { decimals: 0, mode: "up" } },
      groups: [{ id: "g", points: 10.5, indicators: [{ id: "a", points: 2.5, method: { type: "direct" } }, { id: "b", points: 8, method: { type: "direct" } }] }],
    } as const;
    expect(issuesOf(config).map((i) => [i.path.join("."), i.message])).toEqual([
      ["groups.0.indicators.0.points", "groups[0].indicators[0].points (分值): is 2.5, with more decimals than the indicator rounding keeps (0): a rounded score could exceed it; keep at least 1 decimals"],
      ["full", "full (满分): is 10.5, with more decimals than the total rounding keeps (0): a rounded score could exceed it; keep at least 1 decimals"],
    ]);
    expect(safeDefineScheme({ ...config, rounding: { indicator: { decimals: 1 }, total: { decimals: 1 } } }).success).toBe(true);
  });

  it("duplicate indicator ids", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.groups[2].indicators[0].id = "study";
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "groups[2].indicators[0].id: repeats the indicator id "study" already used at groups[0].indicators[1]; ids must be unique across the scheme",
          "params": {
            "at": "groups[0].indicators[1]",
            "id": "study",
            "key": "schemeRepeatedIndicator",
          },
          "path": [
            "groups",
            2,
            "indicators",
            0,
            "id",
          ],
        },
      ]
    `);
  });

  it("duplicate group ids", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.groups[2].id = "common";
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "groups[2].id: repeats the group id "common"; ids must be unique",
          "params": {
            "id": "common",
            "key": "schemeRepeatedId",
            "part": "group",
          },
          "path": [
            "groups",
            2,
            "id",
          ],
        },
      ]
    `);
  });

  it("an unknown method type", () => {
    const config = small() as { groups: { indicators: { method: unknown }[] }[] };
    config.groups[0]!.indicators[0]!.method = { type: "percentile", target: 1 };
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_option",
          "message": "groups[0].indicators[0].method.type: must be one of "completion", "band", "steps", "grade", "deduction", "bonus", "rank", "votes", "direct", "custom", not text "percentile"",
          "params": {
            "key": "oneOf",
            "options": [
              ""completion"",
              ""band"",
              ""steps"",
              ""grade"",
              ""deduction"",
              ""bonus"",
              ""rank"",
              ""votes"",
              ""direct"",
              ""custom"",
            ],
            "received": {
              "text": "percentile",
              "type": "text",
            },
          },
          "path": [
            "groups",
            0,
            "indicators",
            0,
            "method",
            "type",
          ],
        },
      ]
    `);
  });

  it('a typo\'d field ("pionts") with a did-you-mean', () => {
    const config = small() as { groups: { indicators: Record<string, unknown>[] }[] };
    const ind = config.groups[0]!.indicators[0]!;
    ind.pionts = ind.points;
    delete ind.points;
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "groups[0].indicators[0].points (分值): is required",
          "params": {
            "key": "required",
          },
          "path": [
            "groups",
            0,
            "indicators",
            0,
            "points",
          ],
        },
        {
          "code": "unknown_field",
          "message": "groups[0].indicators[0].pionts: is not a known field; did you mean "points"?",
          "params": {
            "hint": "points",
            "key": "unknownField",
          },
          "path": [
            "groups",
            0,
            "indicators",
            0,
            "pionts",
          ],
        },
      ]
    `);
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ['"abc"', "abc"],
  ])("%s points", (_, points) => {
    const config = small() as { groups: { indicators: Record<string, unknown>[] }[] };
    config.groups[0]!.indicators[0]!.points = points;
    const issues = issuesOf({ ...config, pointsAddUp: false });
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([["invalid_number", "groups.0.indicators.0.points"]]);
    expect(issues[0]!.message).toMatch(/^groups\[0\]\.indicators\[0\]\.points \(分值\): /);
  });

  it("NaN, Infinity and \"abc\" points: messages", () => {
    const messages = [Number.NaN, Number.POSITIVE_INFINITY, "abc"].map((points) => {
      const config = small() as { groups: { indicators: Record<string, unknown>[] }[] };
      config.groups[0]!.indicators[0]!.points = points;
      return issuesOf({ ...config, pointsAddUp: false }).map((i) => i.message);
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        [
          "groups[0].indicators[0].points (分值): must be a finite decimal number (a number or text such as "96.5"), not NaN",
        ],
        [
          "groups[0].indicators[0].points (分值): must be a finite decimal number (a number or text such as "96.5"), not Infinity",
        ],
        [
          "groups[0].indicators[0].points (分值): must be decimal text such as "96.5", not text "abc"",
        ],
      ]
    `);
  });

  it("best equal to worst in a band", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.groups[1].indicators[1].method = { type: "band", best: 10, worst: 10 };
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "groups[1].indicators[1].method.worst: best and worst are both 10; they must differ",
          "params": {
            "key": "bandSameEnds",
            "value": "10",
          },
          "path": [
            "groups",
            1,
            "indicators",
            1,
            "method",
            "worst",
          ],
        },
      ]
    `);
  });

  it("steps mixing atLeast and atMost", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.groups[0].indicators[2].method.steps[1] = { atMost: 75, fraction: 0.8 };
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "groups[0].indicators[2].method.steps[0]: mixes atLeast with atMost; use one kind of threshold in a list",
          "params": {
            "key": "stepsMixedThresholds",
          },
          "path": [
            "groups",
            0,
            "indicators",
            2,
            "method",
            "steps",
            0,
          ],
        },
        {
          "code": "invalid_rule",
          "message": "groups[0].indicators[2].method.steps[2]: mixes atLeast with atMost; use one kind of threshold in a list",
          "params": {
            "key": "stepsMixedThresholds",
          },
          "path": [
            "groups",
            0,
            "indicators",
            2,
            "method",
            "steps",
            2,
          ],
        },
      ]
    `);
  });

  it("a veto with effect cap and no cap", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.vetoes.push({ id: "yellow", name: "黄牌", effect: "cap" });
    expect(issuesOf(config)).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "vetoes[1].cap (上限): is required for a veto whose effect is "cap"",
          "params": {
            "key": "vetoCapRequired",
          },
          "path": [
            "vetoes",
            1,
            "cap",
          ],
        },
      ]
    `);
  });

  it("a __proto__ grade name", () => {
    const config = JSON.parse(CONTRACT_JSON.replace('"差": 0.5', '"差": 0.5, "__proto__": 0.2'));
    expect(Object.keys(config.groups[0].indicators[1].method.grades)).toContain("__proto__");
    expect(issuesOf(config).map((i) => [i.code, i.path, i.message])).toEqual([
      ["reserved_key", ["groups", 0, "indicators", 1, "method", "grades", "__proto__"], `groups[0].indicators[1].method.grades.__proto__: "__proto__" cannot be a field name (other programs would read it as the object's prototype)`],
    ]);
  });

  it("a config that is not an object", () => {
    expect([null, 42, "x", []].map((c) => issuesOf(c))).toMatchInlineSnapshot(`
      [
        [
          {
            "code": "invalid_type",
            "message": "(top): must be an object, not null",
            "params": {
              "key": "wants",
              "received": {
                "type": "null",
              },
              "want": "object",
            },
            "path": [],
          },
        ],
        [
          {
            "code": "invalid_type",
            "message": "(top): must be an object, not 42",
            "params": {
              "key": "wants",
              "received": {
                "text": "42",
                "type": "number",
              },
              "want": "object",
            },
            "path": [],
          },
        ],
        [
          {
            "code": "invalid_type",
            "message": "(top): must be an object, not text "x"",
            "params": {
              "key": "wants",
              "received": {
                "text": "x",
                "type": "text",
              },
              "want": "object",
            },
            "path": [],
          },
        ],
        [
          {
            "code": "invalid_type",
            "message": "(top): must be an object, not a list of 0",
            "params": {
              "key": "wants",
              "received": {
                "length": 0,
                "type": "list",
              },
              "want": "object",
            },
            "path": [],
          },
        ],
      ]
    `);
  });

  it("reports every issue at once", () => {
    const config = JSON.parse(CONTRACT_JSON);
    config.groups[0].indicators[0].points = 0;
    config.groups[1].indicators[1].method.best = 10;
    config.vetoes[0].effect = "ban";
    expect(issuesOf(config).map((i) => [i.code, i.path.join(".")])).toEqual([
      ["out_of_range", "groups.0.indicators.0.points"],
      ["invalid_rule", "groups.1.indicators.1.method.worst"],
      ["invalid_option", "vetoes.0.effect"],
    ]);
  });
});
