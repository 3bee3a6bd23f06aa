import { describe, expect, it } from "vitest";
import { defineEverydayPerformance, defineScheme, explain, safeDefineEverydayPerformance, score, scoreAll, type EverydayPerformanceConfig } from "../../src/index.js";
import { indicatorFor, oneIndicator } from "../helpers.js";
import { brief, issuesOf } from "./fixtures.js";

// R10: org-linked 30, personal 40, leader 15, actual 15; each given out of 100. Bonus cap 5, deduction cap 10.
const config: EverydayPerformanceConfig = {
  id: "everyday",
  name: "日常绩效",
  components: [
    { id: "org", name: "组织绩效挂钩得分", points: 30, scale: 100 },
    { id: "personal", name: "个人绩效得分", points: 40, scale: 100 },
    { id: "leader", name: "领导评鉴得分", points: 15, scale: 100 },
    { id: "actual", name: "现实表现测评得分", points: 15, scale: 100 },
  ],
  adjustments: { bonus: { cap: 5 }, deduction: { cap: 10 } },
  rounding: { total: { decimals: 2, mode: "half-up" } },
};
const everyday = defineEverydayPerformance(config);
const values = { org: 92, personal: 88, leader: 90, actual: 95 };

describe("defineEverydayPerformance (R10)", () => {
  it("makes a scheme of one group whose indicators are the components, out of their points' sum", () => {
    expect(everyday.id).toBe("everyday");
    expect(String(everyday.full)).toBe("100");
    expect(everyday.groups).toHaveLength(1);
    expect(everyday.groups[0]!.indicators.map((i) => [i.id, String(i.points)])).toEqual([
      ["org", "30"],
      ["personal", "40"],
      ["leader", "15"],
      ["actual", "15"],
    ]);
  });

  it("turns each score out of 100 into its points: 27.6 + 35.2 + 13.5 + 14.25 = 90.55", () => {
    const r = score(everyday, { id: "c001", values });
    expect(r.total).toBe(90.55);
    expect(r.indicators.map((i) => [i.id, i.earned, i.fraction])).toEqual([
      ["org", 27.6, 0.92],
      ["personal", 35.2, 0.88],
      ["leader", 13.5, 0.9],
      ["actual", 14.25, 0.95],
    ]);
    expect(r.trace[0]).toEqual({ at: "indicator:org", rule: "direct", values: { score: "92", scale: "100", points: "30" }, result: "27.6" });
  });

  it("adds the bonus and takes the deductions within their caps", () => {
    // 90.55 + min(3 + 4, 5) − min(12, 10) = 85.55
    const r = score(everyday, { id: "c001", values, bonus: [{ points: 3, reason: "创新" }, { points: 4, reason: "表彰" }], deductions: [{ points: 12, reason: "差错" }] });
    expect(r.total).toBe(85.55);
    expect(r.bonus).toMatchObject({ requested: 7, cap: 5, applied: 5 });
    expect(r.deductions).toMatchObject({ requested: 12, cap: 10, applied: 10 });
  });

  it("converts over the applicable points when a component does not apply (default), or leaves it out", () => {
    // (27.6 + 35.2 + 14.25) ÷ 85 × 100 = 90.647… → 90.65
    const converted = score(everyday, { id: "c001", values: { ...values, leader: null } });
    expect(converted.total).toBe(90.65);
    expect(converted.applicablePoints).toBe(85);
    const excluded = score(defineEverydayPerformance({ ...config, notApplicable: "exclude" }), { id: "c001", values: { ...values, leader: { na: true } } });
    expect(excluded.total).toBe(77.05);
  });

  it("takes a component's value as points when it has no scale", () => {
    const plain = defineEverydayPerformance({ id: "plain", components: [{ id: "org", points: 30 }, { id: "personal", points: 70 }] });
    expect(score(plain, { id: "c001", values: { org: 27.5, personal: "63.25" } }).total).toBe(90.75);
    expect(brief(issuesOf(() => score(plain, { id: "c001", values: { org: 31, personal: 1 } })))).toEqual(["invalid_value values.org"]);
  });

  it("scores a batch and explains a score, as any scheme", () => {
    const rs = scoreAll(everyday, [
      { id: "c001", values },
      { id: "c002", values: { org: 80, personal: 70, leader: 60, actual: 50 } },
    ]);
    // c002: 24 + 28 + 9 + 7.5 = 68.5
    expect(rs.map((r) => r.total)).toEqual([90.55, 68.5]);
    expect(explain(rs[0]!)).toContain("90.55");
  });

  it("refuses scores outside 0 to the scale, and non-finite ones", () => {
    expect(brief(issuesOf(() => score(everyday, { id: "c001", values: { ...values, org: 101, personal: -1 } })))).toEqual(["invalid_value values.org", "invalid_value values.personal"]);
    expect(brief(issuesOf(() => score(everyday, { id: "c001", values: { ...values, org: Number.NaN } })))).toHaveLength(1);
    expect(brief(issuesOf(() => score(everyday, { id: "c001", values: { ...values, org: Number.POSITIVE_INFINITY } })))).toHaveLength(1);
  });

  it("refuses a bad configuration, listing every problem at the config's paths", () => {
    const issues = issuesOf(() =>
      defineEverydayPerformance({ id: "", components: [{ id: "a", points: 0 }, { id: "b", points: 1, scale: -1 }], adjustments: { bonus: { cap: -1 } } }),
    );
    expect(brief(issues)).toEqual(["out_of_range config.id", "out_of_range config.components.0.points", "out_of_range config.components.1.scale", "out_of_range config.adjustments.bonus.cap"]);
    expect(brief(issuesOf(() => defineEverydayPerformance({ id: "e", components: [] })))).toEqual(["out_of_range config.components"]);
    expect(brief(issuesOf(() => defineEverydayPerformance({ id: "e", components: [{ id: "__proto__", points: 1 }] })))).toEqual(["invalid_option config.components.0.id"]);
    expect(brief(issuesOf(() => defineEverydayPerformance({ id: "e", components: [{ id: "a", points: Number.NaN }] })))).toEqual(["invalid_number config.components.0.points"]);
    expect(brief(issuesOf(() => defineEverydayPerformance({ id: "e", components: [{ id: "a", points: 1, weight: 1 }] } as never)))).toEqual(["unknown_field config.components.0.weight"]);
    expect(brief(issuesOf(() => defineEverydayPerformance(null as never)))).toEqual(["invalid_type config"]);
    expect(safeDefineEverydayPerformance({ id: "e", components: [] }).success).toBe(false);
    expect(safeDefineEverydayPerformance(config).success).toBe(true);
  });

  it("reports a repeated component id at the config's path", () => {
    expect(brief(issuesOf(() => defineEverydayPerformance({ id: "e", components: [{ id: "a", points: 1 }, { id: "a", points: 1 }] })))).toEqual(["duplicate_id config.components.1.id"]);
  });
});

describe("the direct method's scale", () => {
  it("turns a score out of the scale into points in proportion", () => {
    // 10 × 85 ÷ 100 = 8.5
    expect(indicatorFor(oneIndicator({ type: "direct", scale: 100 }), 85)).toMatchObject({ earned: 8.5, fraction: 0.85 });
    expect(indicatorFor(oneIndicator({ type: "direct", scale: "5" }), 4)).toMatchObject({ earned: 8, fraction: 0.8 });
    expect(indicatorFor(oneIndicator({ type: "direct", scale: 3 }, 10), 1).fraction).toBeCloseTo(1 / 3, 12);
    expect(indicatorFor(oneIndicator({ type: "direct", scale: 100 }), 0).earned).toBe(0);
    expect(indicatorFor(oneIndicator({ type: "direct", scale: 100 }), 100).earned).toBe(10);
    // Without a scale the value is the points.
    expect(indicatorFor(oneIndicator({ type: "direct" }), 8.5)).toMatchObject({ earned: 8.5, fraction: 0.85 });
  });

  it("refuses a scale that is not more than 0, and a value outside 0 to the scale", () => {
    for (const scale of [0, -1, Number.NaN, "abc"])
      expect(issuesOf(() => defineScheme(oneIndicator({ type: "direct", scale } as never)))[0]!.path).toEqual(["groups", 0, "indicators", 0, "method", "scale"]);
    expect(brief(issuesOf(() => score(oneIndicator({ type: "direct", scale: 100 }), { id: "s", values: { x: 100.01 } })))).toEqual(["invalid_value values.x"]);
    expect(issuesOf(() => score(oneIndicator({ type: "direct", scale: 100 }), { id: "s", values: { x: 100.01 } }))[0]!.message).toMatchInlineSnapshot(`"values.x: is a score of 100.01, outside 0 to 100"`);
  });
});
