import { describe, expect, it } from "vitest";
import { defineScheme, formatIssues, MAX_GRADES, MAX_GROUPS, MAX_INDICATORS, MAX_VETOES, safeDefineScheme, type SchemeConfig } from "../../src/index.js";

// The scheme's named limits: refused up front with out_of_range and a catalog message.

/** A scheme of `groups` groups holding `each` direct indicators of 1 point. */
const scheme = (groups: number, each: number): SchemeConfig => ({
  id: "s",
  full: groups * each,
  groups: Array.from({ length: groups }, (_, g) => ({ id: `g${g}`, points: each, indicators: Array.from({ length: each }, (_, i) => ({ id: `i${g}-${i}`, points: 1, method: { type: "direct" as const } })) })),
});

/** A scheme of one grade indicator whose table has `n` grades. */
const graded = (n: number, type: "grade" | "votes" = "grade"): SchemeConfig => ({
  id: "s",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type, grades: Object.fromEntries(Array.from({ length: n }, (_, i) => [`等级${i}`, 0.5])) } }] }],
});

const refusal = (config: unknown) => {
  const r = safeDefineScheme(config as SchemeConfig);
  if (r.success) throw new Error("expected the scheme to be refused");
  return { codes: r.issues.map((i) => `${i.code} ${i.path.join(".")}`), zh: formatIssues(r.issues), en: r.issues.map((i) => i.message) };
};

describe("a scheme's limits", () => {
  it("are named", () => {
    expect([MAX_INDICATORS, MAX_GROUPS, MAX_VETOES, MAX_GRADES]).toEqual([10_000, 1000, 1000, 100]);
  });

  it("take 10,000 indicators, all groups together, and refuse one more before reading any", () => {
    expect(defineScheme(scheme(4, 2500)).groups).toHaveLength(4);
    // One more, and an indicator that is not valid: only the count is reported.
    const over = scheme(1, 10_001);
    (over.groups[0]!.indicators[5] as { points: unknown }).points = "?";
    expect(refusal(over)).toEqual({
      codes: ["out_of_range groups"],
      zh: "- groups（指标组）：共有 10001 个指标，一个方案至多 10000 个",
      en: ["groups (指标组): hold 10001 indicators in all; a scheme has at most 10000"],
    });
    expect(refusal(scheme(2, 5001)).codes).toEqual(["out_of_range groups"]);
  });

  it("take 1,000 groups and 1,000 vetoes, and refuse more", () => {
    expect(refusal(scheme(1001, 1)).codes).toEqual(["out_of_range groups"]);
    const vetoes = Array.from({ length: 1001 }, (_, i) => ({ id: `v${i}`, effect: "flag" as const }));
    expect(refusal({ ...scheme(1, 1), vetoes }).codes).toEqual(["out_of_range vetoes"]);
    expect(defineScheme({ ...scheme(1, 1), vetoes: vetoes.slice(0, 1000) }).vetoes).toHaveLength(1000);
  });

  it("take grade and vote tables of 100 grades, and refuse more", () => {
    expect(defineScheme(graded(100)).groups[0]!.indicators[0]!.method).toMatchObject({ type: "grade" });
    for (const type of ["grade", "votes"] as const)
      expect(refusal(graded(101, type))).toEqual({
        codes: ["out_of_range groups.0.indicators.0.method.grades"],
        zh: "- groups[0].indicators[0].method.grades（等级）：应不大于 100 项，实际有 101 项",
        en: ["groups[0].indicators[0].method.grades (等级): must be at most 100 items; it has 101"],
      });
  });
});
