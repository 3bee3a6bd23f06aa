import { describe, expect, it } from "vitest";
import {
  annualTiersExample,
  assessCapability,
  assignTiers,
  capabilityExample,
  defineCapabilityFramework,
  defineEverydayPerformance,
  defineScheme,
  defineTierPolicy,
  everydayExample,
  politicalQualityExample,
  rank,
  score,
} from "../../src/index.js";

const presets = { everydayExample, annualTiersExample, politicalQualityExample, capabilityExample };

describe("personnel presets: examples, labelled as such", () => {
  it("are labelled examples and frozen all the way down", () => {
    for (const [name, p] of Object.entries(presets)) {
      expect(p.id, name).toMatch(/example/);
      expect(p.name, name).toMatch(/示例/);
      expect(Object.isFrozen(p), name).toBe(true);
      const stack: unknown[] = [p];
      while (stack.length) {
        const node = stack.pop();
        if (node && typeof node === "object") {
          expect(Object.isFrozen(node), name).toBe(true);
          stack.push(...Object.values(node));
        }
      }
    }
    for (const p of [everydayExample, annualTiersExample, politicalQualityExample]) expect(p.description).toMatch(/^Example only/);
  });

  it("everydayExample: 0.3 × 92 + 0.4 × 88 + 0.15 × 90 + 0.15 × 95 = 90.55", () => {
    const s = defineEverydayPerformance(everydayExample);
    expect(score(s, { id: "c001", values: { org: 92, personal: 88, leader: 90, actual: 95 } }).total).toBe(90.55);
    expect(everydayExample.components.map((c) => c.name)).toEqual(["组织绩效挂钩得分", "个人绩效得分", "领导评鉴得分", "现实表现测评得分"]);
    // Rounded to 2 decimals half up: 0.3 × 92.33 + 0.4 × 88 + 0.15 × 90 + 0.15 × 95 = 27.699 + 62.95 = 90.649 → 90.65
    expect(score(s, { id: "c001", values: { org: "92.33", personal: 88, leader: 90, actual: 95 } }).total).toBe(90.65);
  });

  it("annualTiersExample: 好 20% never vetoed, 差 5%, 中 the rest", () => {
    expect(defineTierPolicy(annualTiersExample).tiers.map((t) => t.name)).toEqual(["好", "中", "差"]);
    const subjects = Array.from({ length: 20 }, (_, i) => ({ subjectId: `c${String(i + 1).padStart(2, "0")}`, total: 100 - i, vetoes: i === 0 ? [{ id: "party-building" }] : [] }));
    const a = assignTiers(rank(subjects), annualTiersExample);
    const tierOf = Object.fromEntries(a.placements.map((p) => [p.subjectId, p.tier]));
    // 好 ⌊0.2 × 20⌋ = 4 (c01 is vetoed: c02–c05); 差 ⌊0.05 × 20⌋ = 1 (c20).
    expect(Object.keys(tierOf).filter((k) => tierOf[k] === "好")).toEqual(["c02", "c03", "c04", "c05"]);
    expect(tierOf.c01).toBe("中");
    expect(tierOf.c20).toBe("差");
  });

  it("politicalQualityExample (R18): 3 positive × 2 + (40 − 1 negative × 10) + 好 × 40 = 76", () => {
    const s = defineScheme(politicalQualityExample);
    expect(score(s, { id: "c001", values: { positive: 3, negative: 1, responsibility: "好" } }).total).toBe(76);
    // The negative list floors at 0: 6 × 10 > 40. 差 is 0.4 × 40 = 16. Positive caps at 20 points.
    expect(score(s, { id: "c001", values: { positive: 30, negative: 6, responsibility: "差" } }).total).toBe(36);
  });

  it("capabilityExample (R11): five categories of three levels", () => {
    expect(defineCapabilityFramework(capabilityExample).categories).toHaveLength(5);
    expect(capabilityExample.categories.every((c) => c.levels.map((l) => l.name).join() === "初级,中级,高级")).toBe(true);
    expect(assessCapability(capabilityExample, { category: "it", level: 0, facts: { examScore: 60 } }).to).toBe(1);
    expect(assessCapability(capabilityExample, { category: "it", level: 2, facts: { examScore: 85, yearsAtLevel: 3, lastTier: "中" } }).to).toBe(2);
  });
});
