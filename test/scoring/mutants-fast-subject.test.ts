import { describe, expect, it } from "vitest";
import { defineScheme, type Method, type SchemeConfig, type ScoreOptions, type SubjectInput } from "../../src/index.js";
import { fastTotals } from "../../src/scoring/fast.js";
import { expectFast, expectLeft, fastOf } from "./fast.helpers.js";

// The fast path's reading of one subject (src/scoring/fast.ts: itemsSum, subjectTotal, scoreValue,
// add, gcd): which subjects it takes, and the totals it gives. Every case is checked against
// scoreAll: `expectFast` asserts the fast path scores the subjects itself with exactly scoreAll's
// totals, `expectLeft` that it leaves them to the full path, which gives scoreAll's outcome.
// Line numbers in the comments are those of src/scoring/fast.ts at commit 3b92fdc.

/** x (6 points) and y (4 points), scored as given; three vetoes: zero, cap at 5, flag only. */
const xy: SchemeConfig = {
  id: "s",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 6, method: { type: "direct" } }, { id: "y", points: 4, method: { type: "direct" } }] }],
  vetoes: [
    { id: "v", effect: "zero" },
    { id: "c", effect: "cap", cap: 5 },
    { id: "f", effect: "flag" },
  ],
};

/** A scheme of one indicator `x` worth 10 points. */
const one = (method: Method, extra: Partial<SchemeConfig> = {}): SchemeConfig => ({
  id: "one",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method }] }],
  ...extra,
});

const item = (points: number | string, more: Record<string, unknown> = {}) => ({ points, reason: "创新", ...more });
const items = (count: number, points: string) => Array.from({ length: count }, () => item(points));
const text = (length: number) => "字".repeat(length);

/** A subject of xy scored on the fast path in every case, beside the one under test. */
const plain = { id: "z", values: { x: 6, y: 3 } };

describe("itemsSum: bonus and deduction items", () => {
  const taken: [string, Partial<SubjectInput>, number][] = [
    ["an item with a ref", { bonus: [item(1, { ref: "文号 12" })] }, 4],
    ["an item with an empty ref", { bonus: [item(1, { ref: "" })] }, 4],
    ["a ref of 500 characters", { deductions: [item(1, { ref: text(500) })] }, 2],
    ["a reason of 1 character", { bonus: [{ points: 1, reason: "新" }] }, 4],
    ["a reason of 500 characters", { bonus: [{ points: 1, reason: text(500) }] }, 4],
    ["points with 6 decimals", { bonus: [item("0.000001")] }, 3.000001],
    ["10,000 items (the most a list may hold)", { bonus: items(10_000, "0.0001") }, 4],
  ];
  it.each(taken)("takes %s", (_, extra, total) => {
    // (source lines 611, 615–618: the checks of a list and its items)
    expect(expectFast(xy, [{ id: "a", values: { x: 1, y: 2 }, ...extra }, plain])).toEqual([total, 9]);
  });

  const left: [string, Partial<SubjectInput>][] = [
    ["a bonus that is an object, not a list", { bonus: {} as never }],
    ["a deduction list holding null", { deductions: [null as never] }],
    ["10,001 items", { bonus: items(10_001, "0.0001") }],
    ["an item whose reason is a number", { bonus: [{ points: 1, reason: 5 as never }] }],
    ["an item without a reason", { bonus: [{ points: 1 } as never] }],
    ["a reason of 501 characters", { bonus: [{ points: 1, reason: text(501) }] }],
    ["a ref of 501 characters", { bonus: [item(1, { ref: text(501) })] }],
    ["points of 0", { deductions: [item(0)] }],
    ["negative points", { bonus: [item(-1)] }],
  ];
  it.each(left)("leaves %s to the full path", (_, extra) => {
    expectLeft(xy, [{ id: "a", values: { x: 1, y: 2 }, ...extra }, plain], [0]);
  });
});

describe("subjectTotal: values, missing and not applicable indicators", () => {
  const aimX = (points = 1) => [item(points, { indicator: "x" })];
  const aimY = (points = 1) => [item(points, { indicator: "y" })];
  const taken: [string, Partial<SubjectInput>, ScoreOptions, number][] = [
    ["null: converted over the applicable points", { values: { x: 3, y: null } }, {}, 5],
    ["{ na: true } with a reason", { values: { x: 3, y: { na: true, reason: "休假" } } }, {}, 5],
    ["a bonus aimed at x while y does not apply", { values: { x: 2, y: null }, bonus: aimX() }, {}, 5],
    ["a deduction aimed at x while y does not apply", { values: { x: 4, y: null }, deductions: aimX() }, {}, 5],
    ["a bonus aimed at y while x does not apply", { values: { x: null, y: 2 }, bonus: aimY() }, {}, 7.5],
    ["a bonus aimed at x while y is missing, not applicable", { values: { x: 2 }, bonus: aimX() }, { missing: "not-applicable" }, 5],
    ["a deduction aimed at x while y is missing, not applicable", { values: { x: 4 }, deductions: aimX() }, { missing: "not-applicable" }, 5],
    ["a bonus aimed at a present x while y is missing as 0: x counts once", { values: { x: 3 }, bonus: aimX() }, { missing: "zero" }, 4],
  ];
  it.each(taken)("takes %s", (_, extra, options, total) => {
    // (source lines 662–663, 673–678: not applicable and missing indicators)
    expect(expectFast(xy, [{ id: "a", values: {}, ...extra }, plain], options)).toEqual([total, 9]);
  });

  const hidden = Object.defineProperty({ x: 3 }, "y", { value: 2, enumerable: false });
  // x earns 3 of its 6 points: with y left out the total would be exactly 5, so a fast path that
  // wrongly took one of these subjects would give a number rather than leave it.
  const left: [string, Partial<SubjectInput>, ScoreOptions][] = [
    ["a value for an indicator the scheme does not have", { values: { x: 3, y: 1, z: 1 } }, {}],
    ["{ na: false }", { values: { x: 3, y: { na: false } } }, {}],
    ["{ na: true } whose reason is a number", { values: { x: 3, y: { na: true, reason: 5 } } }, {}],
    ["a bonus aimed at an indicator that does not apply", { values: { x: 3, y: null }, bonus: aimY() }, {}],
    ["a deduction aimed at an indicator that does not apply", { values: { x: 3, y: null }, deductions: aimY() }, {}],
    ["a bonus aimed at a missing, not applicable indicator", { values: { x: 3 }, bonus: aimY() }, { missing: "not-applicable" }],
    ["a deduction aimed at a missing, not applicable indicator", { values: { x: 3 }, deductions: aimY() }, { missing: "not-applicable" }],
    ["a missing value when missing is an error", { values: { x: 3 } }, {}],
    ["no applicable indicator at all", { values: { x: null, y: null } }, {}],
    ["a value that is not enumerable", { values: hidden }, { missing: "not-applicable" }],
  ];
  it.each(left)("leaves %s to the full path", (_, extra, options) => {
    expectLeft(xy, [{ id: "a", values: {}, ...extra }, plain], [0], options);
  });

  it("no applicable indicator in a scheme that excludes rather than converts: left too", () => {
    expectLeft({ ...xy, notApplicable: "exclude" }, [{ id: "a", values: { x: null, y: null } }, plain], [0]);
  });
});

describe("subjectTotal: conversion, caps and vetoes", () => {
  it("converts only where indicators did not apply, and only when the scheme converts", () => {
    // (line 692) A full score that is not the sum of the points: all applicable, the earned points are the total.
    expect(expectFast({ ...xy, full: 100, pointsAddUp: false }, [{ id: "a", values: { x: 3, y: 2 } }])).toEqual([5]);
    expect(expectFast({ ...xy, notApplicable: "exclude" }, [{ id: "a", values: { x: 3, y: null } }])).toEqual([3]);
    // (gcd, line 762) 3 of 6 applicable points × 10 = 5; 1.5 of 4 × 10 = 3.75.
    expect(expectFast(xy, [{ id: "a", values: { x: 3, y: null } }, { id: "b", values: { x: null, y: 1.5 } }])).toEqual([5, 3.75]);
  });

  it("keeps the converted total as a reduced fraction, so that a large bonus still fits", () => {
    // (line 700) 9.99999 of 9.99999 applicable points × 20 is 1999998·10^9 ÷ 999999 counts of 10^-8;
    // reduced, 2·10^9 ÷ 1, to which the bonus of 100 adds 10^10. Unreduced, the bonus would be
    // 10^10 × 999999 ÷ 999999, and 10^10 × 999999 is past 2^52.
    const scheme: SchemeConfig = {
      id: "s",
      full: 20,
      groups: [{ id: "g", points: 20, indicators: [{ id: "x", points: "9.99999", method: { type: "direct" } }, { id: "y", points: "10.00001", method: { type: "direct" } }] }],
    };
    expect(expectFast(scheme, [{ id: "a", values: { x: 9.99999, y: null }, bonus: [item(100)] }])).toEqual([120]);
  });

  it("caps the bonus and the deduction lists where the scheme caps them", () => {
    // (lines 702–703)
    const capped = { ...xy, adjustments: { bonus: { cap: 2 }, deduction: { cap: 1 } } };
    expect(expectFast(capped, [{ id: "a", values: { x: 3, y: 2 }, bonus: [item(5)] }, { id: "b", values: { x: 3, y: 2 }, deductions: [item(5)] }])).toEqual([7, 4]);
  });

  const vetoes: [string, SubjectInput["vetoes"], number][] = [
    ["a flag veto leaves the total as it is", ["f"], 3],
    ["a cap veto above the total leaves it as it is", ["c"], 3],
    ["a veto given as { id } without a reason", [{ id: "c" }], 3],
    ["a veto reason of 500 characters", [{ id: "c", reason: text(500) }], 3],
    ["a zero veto", ["v", "f"], 0],
  ];
  it.each(vetoes)("takes %s", (_, list, total) => {
    // (lines 710–721)
    expect(expectFast(xy, [{ id: "a", values: { x: 1, y: 2 }, ...(list === undefined ? {} : { vetoes: list }) }, plain])).toEqual([total, 9]);
  });

  const refused: [string, unknown[]][] = [
    ["a veto that is null", [null]],
    ["a veto given twice", ["f", "f"]],
    ["a veto reason of 501 characters", [{ id: "c", reason: text(501) }]],
  ];
  it.each(refused)("leaves %s to the full path", (_, list) => {
    expectLeft(xy, [{ id: "a", values: { x: 1, y: 2 }, vetoes: list as never }, plain], [0]);
  });

  it("takes a subject with 1,000 vetoes, the most a list may hold", () => {
    // (line 707)
    const ids = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    const scheme = { ...xy, vetoes: ids.map((id) => ({ id, effect: "flag" as const })) };
    expect(expectFast(scheme, [{ id: "a", values: { x: 1, y: 2 }, vetoes: ids }])).toEqual([3]);
  });
});

describe("add: an indicator's earned points with the items aimed at it", () => {
  it("a bonus raises them up to its points, a deduction lowers them down to 0, each on its own", () => {
    // (line 753)
    const subjects = [
      { id: "a", values: { x: 3, y: 2 }, bonus: [item(2, { indicator: "x" })] },
      { id: "b", values: { x: 3, y: 2 }, bonus: [item(5, { indicator: "x" })] },
      { id: "c", values: { x: 3, y: 2 }, deductions: [item(2, { indicator: "x" })] },
      { id: "d", values: { x: 3, y: 2 }, deductions: [item(5, { indicator: "x" })] },
      { id: "e", values: { x: 3, y: 2 }, bonus: [item(5, { indicator: "x" })], deductions: [item(2, { indicator: "x" })] },
    ];
    expect(expectFast(xy, subjects)).toEqual([7, 8, 3, 2, 6]);
  });
});

describe("scoreValue: the earned points remembered by value", () => {
  // A band from -400 to 400 over 10 points: every value earns a different, exact amount.
  const band = one({ type: "band", best: 400, worst: -400 });
  const at = (values: unknown[]) => values.map((x, i) => ({ id: `s${i}`, values: { x } }));

  it("gives each value its own points, repeated or not, in and beyond the remembered range", () => {
    // (line 741) Whole numbers, hundredths, more decimals, negatives, -0, and the ends of the range.
    const values = [5, 5, 5.5, 5.5, 0.05, 0, -0, -1, -1, -0.5, 12.345, 12.345, 163.83, 163.83, 163.84, 163.84, 255, 256, 256, 300, 300, "5", "5.50"];
    expectFast(band, at(values));
  });

  it("does not take a number near a hundredth for the hundredth", () => {
    // 0.35000000000000003 × 100 is exactly 35, but it is not 0.35: it has 17 decimals, for the full path.
    expectLeft(band, at([0.35, 0.35000000000000003, 0.35]), [1]);
  });

  it("remembers no points of a value the method rejects or cannot score exactly, in one batch or the next", () => {
    // (line 747) 11 is more than the 10 points of a direct score: rejected, every time.
    expectLeft(one({ type: "direct" }), at([11, 11]));
    // 10 × 1 ÷ 3 does not terminate and nothing rounds it: left to the full path, every time.
    const third = one({ type: "completion", target: 3 });
    expectLeft(third, at([1, 1]));
    const f = fastOf(third)!;
    const subjects = at([1]);
    expect([...fastTotals(f, subjects, {}).totals]).toEqual([Number.NaN]);
    expect([...fastTotals(f, subjects, {}).totals]).toEqual([Number.NaN]);
  });

  it("remembers points with the compiled scheme, and they are the same in the next batch", () => {
    const f = fastOf(band)!;
    const subjects = at([5, 5.5, 163.83]);
    const first = [...fastTotals(f, subjects, {}).totals];
    expect([...fastTotals(f, subjects, {}).totals]).toEqual(first);
    expect(first).toEqual(expectFast(band, subjects));
  });
});
