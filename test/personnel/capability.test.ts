import { describe, expect, it } from "vitest";
import { assessCapability, capabilityExample, requirementText, defineCapabilityFramework, safeAssessCapability, safeDefineCapabilityFramework, type CapabilityFramework } from "../../src/index.js";
import { brief, issuesOf } from "./fixtures.js";

const framework: CapabilityFramework = {
  id: "ability",
  categories: [
    {
      id: "纳税服务",
      levels: [
        { level: 1, name: "初级", criteria: [{ fact: "examScore", atLeast: 60 }] },
        { level: 2, name: "中级", criteria: [{ fact: "examScore", atLeast: "75.5" }, { fact: "lastTier", oneOf: ["好", "中"] }, { fact: "certified", oneOf: [true] }] },
      ],
    },
  ],
};

describe("assessCapability (R11)", () => {
  it("moves a person up one level when every criterion of the next level is met", () => {
    expect(assessCapability(framework, { category: "纳税服务", level: 0, facts: { examScore: 72 } })).toEqual({
      category: "纳税服务",
      from: 0,
      to: 1,
      upgraded: true,
      levelName: "初级",
      criteria: [{ fact: "examScore", required: { kind: "atLeast", atLeast: "60" }, actual: "72", met: true }],
    });
    const up = assessCapability(framework, { category: "纳税服务", level: 1, facts: { examScore: "75.5", lastTier: "中", certified: true } });
    expect(up).toMatchObject({ from: 1, to: 2, upgraded: true, levelName: "中级" });
    expect(up.criteria.map((c) => c.required)).toEqual([
      { kind: "atLeast", atLeast: "75.5" },
      { kind: "oneOf", oneOf: ["好", "中"] },
      { kind: "oneOf", oneOf: [true] },
    ]);
    expect(up.criteria.map((c) => requirementText(c.required, "en"))).toEqual(["at least 75.5", "one of 好, 中", "one of true"]);
    expect(up.criteria.map((c) => requirementText(c.required))).toEqual(["不低于 75.5", "为 好、中 之一", "为 true"]);
  });

  it("keeps the level when a criterion is not met or a fact is missing, and shows which", () => {
    const stay = assessCapability(framework, { category: "纳税服务", level: 1, facts: { examScore: 75.49, lastTier: "差" } });
    expect(stay).toMatchObject({ from: 1, to: 1, upgraded: false });
    expect(stay.criteria).toEqual([
      { fact: "examScore", required: { kind: "atLeast", atLeast: "75.5" }, actual: "75.49", met: false },
      { fact: "lastTier", required: { kind: "oneOf", oneOf: ["好", "中"] }, actual: "差", met: false },
      { fact: "certified", required: { kind: "oneOf", oneOf: [true] }, actual: null, met: false },
    ]);
    // A text that is not a number does not reach a number; "true" is not true; a number is not its text.
    expect(assessCapability(framework, { category: "纳税服务", level: 0, facts: { examScore: "high" } }).upgraded).toBe(false);
    expect(assessCapability(framework, { category: "纳税服务", level: 0, facts: { examScore: true } }).upgraded).toBe(false);
    expect(assessCapability(framework, { category: "纳税服务", level: 1, facts: { examScore: 80, lastTier: "好", certified: "true" } }).upgraded).toBe(false);
  });

  it("stays at the top level, with no criteria", () => {
    expect(assessCapability(framework, { category: "纳税服务", level: 2, facts: {} })).toEqual({ category: "纳税服务", from: 2, to: 2, upgraded: false, levelName: "中级", criteria: [] });
    // Level 0 has no name.
    expect(assessCapability(framework, { category: "纳税服务", level: 0, facts: {} })).not.toHaveProperty("levelName");
  });

  it("works with the five categories of the example", () => {
    expect(capabilityExample.categories.map((c) => c.name)).toEqual(["综合管理", "纳税服务", "征管评估", "税务稽查", "信息技术"]);
    expect(assessCapability(capabilityExample, { category: "service", level: 1, facts: { examScore: 80, yearsAtLevel: 2, lastTier: "好" } }).to).toBe(2);
    expect(assessCapability(capabilityExample, { category: "inspection", level: 2, facts: { examScore: 90, yearsAtLevel: 3, lastTier: "中" } }).to).toBe(2);
  });

  it("refuses an unknown category, a level beyond the category's, bad facts and a bad framework", () => {
    expect(brief(issuesOf(() => assessCapability(framework, { category: "稽查", level: 0, facts: {} })))).toEqual(["unknown_id standing.category"]);
    expect(brief(issuesOf(() => assessCapability(framework, { category: "纳税服务", level: 3, facts: {} })))).toEqual(["out_of_range standing.level"]);
    expect(brief(issuesOf(() => assessCapability(framework, { category: "纳税服务", level: -1, facts: {} })))).toEqual(["out_of_range standing.level"]);
    expect(brief(issuesOf(() => assessCapability(framework, { category: "纳税服务", level: 0.5, facts: {} })))[0]).toMatch(/standing\.level$/);
    expect(brief(issuesOf(() => assessCapability(framework, { category: "纳税服务", level: 0, facts: JSON.parse('{"__proto__": 1}') as Record<string, number> })))).toEqual([
      "reserved_key standing.facts.__proto__",
    ]);
    expect(brief(issuesOf(() => assessCapability(framework, { category: "纳税服务", level: 0, facts: { x: {} as never } })))[0]).toMatch(/standing\.facts\.x$/);
    expect(safeAssessCapability(framework, { category: "none", level: 0, facts: {} }).success).toBe(false);
    const bad = {
      id: "f",
      categories: [
        { id: "a", levels: [{ level: 2, criteria: [{ fact: "x" }, { fact: "y", atLeast: 1, oneOf: [1] }] }] },
        { id: "a", levels: [] },
      ],
    } as unknown as CapabilityFramework;
    expect(brief(issuesOf(() => defineCapabilityFramework(bad))).sort()).toEqual(
      [
        "invalid_rule framework.categories.0.levels.0.criteria.0",
        "invalid_rule framework.categories.0.levels.0.criteria.1",
        "out_of_range framework.categories.1.levels",
        "invalid_rule framework.categories.0.levels.0.level",
        "duplicate_id framework.categories.1.id",
      ].sort(),
    );
    expect(brief(issuesOf(() => assessCapability(bad, { category: "a", level: 0, facts: {} })))[0]).toMatch(/^\w+ framework/);
    expect(safeDefineCapabilityFramework({ id: "a", categories: [] }).success).toBe(false);
  });

  it("freezes a copy of the framework, leaving the caller's object alone", () => {
    const input = JSON.parse(JSON.stringify(framework)) as CapabilityFramework;
    const f = defineCapabilityFramework(input);
    expect(Object.isFrozen(f)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(defineCapabilityFramework(f)).toBe(f);
  });
});
