import { describe, expect, it } from "vitest";
import { defineScheme, explain, score, scoreAll, scoreTotals, type SchemeConfig } from "../../src/index.js";
import { fastList } from "./fast.helpers.js";

// Totals of 16 to 18 digits (allowed up to 10^18) were only numbers, rounded to 15–17
// digits, so 100000000000000001 and 100000000000000002 both read 1e17. Every number a person
// reads now has its exact decimal text beside it.

/** One direct indicator worth 10^18 points: a total is the value given, every digit of it. */
const big: SchemeConfig = {
  id: "big",
  full: "1e18",
  groups: [{ id: "g", points: "1e18", indicators: [{ id: "x", points: "1e18", method: { type: "direct" } }] }],
};

describe("score: the exact text beside each number", () => {
  it("gives a total of 18 digits exactly, where the number cannot hold it", () => {
    const r = score(big, { id: "a", values: { x: "100000000000000001" } });
    expect(r.total).toBe(1e17);
    expect(r.exact).toBe("100000000000000001");
    expect(r.groups[0]!.exact).toBe("100000000000000001");
    expect(r.indicators[0]!.exact).toBe("100000000000000001");
    expect(score(big, { id: "b", values: { x: "100000000000000002" } }).exact).toBe("100000000000000002");
  });

  it("gives the bonus and deductions applied exactly, after their caps", () => {
    const capped = defineScheme({ ...big, adjustments: { bonus: { cap: 1 }, deduction: { cap: "0.3" } } });
    const r = score(capped, { id: "a", values: { x: "100000000000000000" }, bonus: [{ points: "0.75", reason: "创新" }, { points: "0.5", reason: "表彰" }], deductions: [{ points: "0.1", reason: "差错" }] });
    expect(r.bonus).toMatchObject({ requested: 1.25, cap: 1, applied: 1, exact: "1" });
    expect(r.deductions).toMatchObject({ requested: 0.1, cap: 0.3, applied: 0.1, exact: "0.1" });
    // 10^17 + 1 − 0.1: the number reads 1e17, the text has every digit.
    expect(r.total).toBe(1e17);
    expect(r.exact).toBe("100000000000000000.9");
  });

  it("gives an unrounded quotient with all its digits, and an indicator not applicable as 0", () => {
    const thirds = defineScheme({
      id: "t",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 5, method: { type: "direct", scale: 3 } }, { id: "y", points: 5, method: { type: "direct" } }] }],
    });
    const r = score(thirds, { id: "a", values: { x: 1, y: null } });
    expect(r.indicators.map((i) => [i.earned, i.exact])).toEqual([
      [5 / 3, "1.666666666666666666666666666666666666667"],
      [0, "0"],
    ]);
    // Converted over the applicable 5 points: 5/3 × 10 ÷ 5.
    expect(r.exact).toBe("3.333333333333333333333333333333333333334");
    expect(r.total).toBe(Number(r.exact));
  });

  it("explains a total with every digit of its integer part", () => {
    const r = score(big, { id: "a", values: { x: "100000000000000001" } });
    expect(explain(r, { locale: "en" }).split("\n").at(-1)).toBe("Total 100000000000000001 (full 1000000000000000000)");
  });

  it("refuses to explain a result whose exact text does not agree with its number", () => {
    const r = score(big, { id: "a", values: { x: "100000000000000001" } });
    expect(() => explain({ ...r, exact: "100000000000000099" })).toThrow(/exact/);
    expect(() => explain({ ...r, groups: [{ ...r.groups[0]!, exact: "7" }] })).toThrow(/groups\[0\]\.exact/);
    // A result made before the exact text (none given) is explained from its numbers.
    const { exact: _, ...old } = r;
    expect(explain(old as typeof r, { locale: "en" }).split("\n").at(-1)).toBe("Total 100000000000000000 (full 1000000000000000000)");
  });
});

describe("scoreTotals: the exact text, as scoreAll gives it", () => {
  it("gives 18-digit totals exactly (the full path)", () => {
    const subjects = [
      { id: "a", values: { x: "100000000000000001" } },
      { id: "b", values: { x: "100000000000000002" } },
    ];
    expect(scoreTotals(big, subjects)).toEqual([
      { subjectId: "a", total: 1e17, exact: "100000000000000001" },
      { subjectId: "b", total: 1e17, exact: "100000000000000002" },
    ]);
  });

  it("writes a fast total of 16 digits exactly, and a total too large to read back from its number takes the full path", () => {
    // 10^-8 points from y, so the totals have 8 decimals, unrounded.
    const scheme = defineScheme({
      id: "f",
      full: 30000001,
      groups: [{ id: "g", points: 30000001, indicators: [{ id: "x", points: 30000000, method: { type: "direct" } }, { id: "y", points: 1, method: { type: "direct", scale: 100000000 } }] }],
    });
    const subjects = [
      { id: "a", values: { x: "10345678.123456", y: 3 } },
      { id: "b", values: { x: "12345678.123456", y: 3 } },
      { id: "c", values: { x: "0", y: 3 } },
    ];
    // a is scored by the fast path; b's total is beyond 2^50 counts of 10^-8.
    expect(fastList(scheme, subjects)[0]).toBe(10345678.12345603);
    const totals = scoreTotals(scheme, subjects);
    expect(totals.map((t) => t.exact)).toEqual(["10345678.12345603", "12345678.12345603", "0.00000003"]);
    expect(totals).toEqual(scoreAll(scheme, subjects).map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact })));
  });

  it("writes a fast total with the scheme's rounding as its decimals", () => {
    const scheme = defineScheme({
      id: "r",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
      rounding: { total: { decimals: 1 } },
    });
    const subjects = [{ id: "a", values: { x: 9.25 } }, { id: "b", values: { x: "0.00001" } }];
    expect(fastList(scheme, subjects)).toEqual([9.3, 0]);
    expect(scoreTotals(scheme, subjects).map((t) => t.exact)).toEqual(["9.3", "0"]);
  });
});
