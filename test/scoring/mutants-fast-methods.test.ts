import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { Method, SchemeConfig, SubjectInput } from "../../src/index.js";
import { FastWork, roundDiv } from "../../src/scoring/fast.js";
import { expectFast, expectLeft, fastOf } from "./fast.helpers.js";

// The fast path's readers and method scorers (src/scoring/fast.ts: read, check, scaled, roundDiv,
// quotient, compileFast, fastMethod) at their edges. Each case either expects the fast path to
// score the subjects itself with exactly scoreAll's totals (`expectFast`), or to leave them to the
// full decimal path, which then gives scoreAll's outcome (`expectLeft`).

/** A scheme of one group holding one indicator `x`. */
const one = (method: Method, points: number | string = 10, extra: Partial<SchemeConfig> = {}): SchemeConfig => ({
  id: "one",
  full: points,
  groups: [{ id: "g", points, indicators: [{ id: "x", points, method }] }],
  ...extra,
});

/** Subjects s0, s1, … with the values of `x` given. */
const subjects = (...values: unknown[]): SubjectInput[] => values.map((x, i) => ({ id: `s${i}`, values: { x } }) as SubjectInput);

/** A rounding of each indicator's points. */
const rounded = (decimals: number) => ({ rounding: { indicator: { decimals } } });

describe("read: the numbers and decimal text the fast path reads itself", () => {
  // completion: 10 × value ÷ 8 terminates for any value of up to 6 decimals.
  const completion = one({ type: "completion", target: 8 });
  const taken: unknown[] = [
    0, -0, 3, -5, 2.5, 1.25, 0.123456, 999_999_999, -999_999_999, 999_999_999.999999,
    "0", "-0", "-0.00", "3", "007", "2.5", "1.25", "0.123456", "999999999", "-123456789.123456",
  ];
  it.each(taken.map((v) => [v]))("reads %o", (value) => {
    expectFast(completion, subjects(value));
  });

  // Beyond 9 integer or 6 decimal digits, or text that is not plain decimal: the full path reads it.
  const left: unknown[] = [1e9, -1e9, 0.1234567, "0.1234567", "1000000000", "1.5e-7", "1e2", " 12", "+1", [7], { n: 1 }];
  it.each(left.map((v) => [v]))("leaves %o to the full path", (value) => {
    expectLeft(completion, subjects(value));
  });

  it("reads a whole number as a whole number: 900000000 × 10^6 points stays below 2^52", () => {
    // 10^6 × 900000000 = 9·10^14 fits; read with one decimal (9·10^9 tenths) it would not.
    expectFast(one({ type: "completion", target: 1e9 }, 1e6, rounded(0)), subjects(9e8));
  });
});

describe("check: integers up to 2^52 are exact and kept, past it the subject is left", () => {
  // 2^20 points × 4294.967296 (2^32 millionths) = exactly 2^52 millionths.
  const scheme = one({ type: "completion", target: 8192 }, 1048576, rounded(4));
  it("a product of exactly 2^52 is kept", () => {
    expect(expectFast(scheme, subjects("4294.967296"))).toEqual([549755.8139]);
  });
  it("a product one past 2^52 (and more) is left to the full path", () => {
    expectLeft(scheme, subjects("4294.967297", 4294.967297));
  });
});

describe("scaled and compileFast: parameters and roundings the fast path holds", () => {
  it("a parameter of 8 decimals is held, one of 9 is not", () => {
    const eight = one({ type: "band", best: "0.00000008", worst: 0 });
    expect(fastOf(eight)).toBeDefined();
    expectFast(eight, subjects(-1, 0, "0.000000", 1));
    expect(fastOf(one({ type: "band", best: "0.000000008", worst: 0 }))).toBeUndefined();
  });

  it("a parameter of 2^42 is held, one past it is not", () => {
    const at = one({ type: "completion", target: 2 ** 42 }, 10, rounded(2));
    expect(fastOf(at)).toBeDefined();
    expectFast(at, subjects(0, 1, 999_999_999));
    expect(fastOf(one({ type: "completion", target: 2 ** 42 + 1 }, 10, rounded(2)))).toBeUndefined();
  });

  it("roundings of 8 decimals are held at every point", () => {
    const scheme = one({ type: "completion", target: 8 }, 10, { rounding: { indicator: { decimals: 8 }, group: { decimals: 8 }, total: { decimals: 8 } } });
    expect(fastOf(scheme)).toBeDefined();
    expectFast(scheme, subjects(1, "0.000001"));
  });

  // A grade scores without a division, so only compileFast's own check can leave these.
  it.each([
    ["indicator", { indicator: { decimals: 9 } }],
    ["group", { group: { decimals: 9 } }],
    ["total", { total: { decimals: 9 } }],
  ])("a rounding of 9 decimals at the %s point leaves the scheme to the full path", (_, rounding) => {
    const scheme = one({ type: "grade", grades: { A: 1, B: 0.5 } }, 10, { rounding });
    expect(fastOf(scheme)).toBeUndefined();
    expectLeft(scheme, subjects("A", "B"));
  });

  it("indicators whose points add up to exactly 2^52 counts of 10^-8 are held", () => {
    // 45035996 + 0.27370496 points = 4503599627370496 × 10^-8 = 2^52 × 10^-8.
    const scheme: SchemeConfig = {
      id: "edge",
      full: 100,
      pointsAddUp: false,
      groups: [{ id: "g", points: 100, indicators: [{ id: "x", points: 45035996, method: { type: "direct" } }, { id: "y", points: "0.27370496", method: { type: "direct" } }] }],
    };
    expect(fastOf(scheme)!.allPoints).toBe(2 ** 52);
    expectFast(scheme, [{ id: "a", values: { x: 1, y: "0.25" } }]);
  });

  it("a rank method's step and direction reach the fast path", () => {
    const values = subjects(10, 30, 20, 30);
    expectFast(one({ type: "rank", step: 1.5 }), values);
    expectFast(one({ type: "rank", step: 1.5, direction: "lower" }), values);
  });

  it("a cap veto caps the total at its cap", () => {
    const scheme = one({ type: "direct" }, 10, { vetoes: [{ id: "c", effect: "cap", cap: 4.5 }] });
    expect(expectFast(scheme, [{ id: "a", values: { x: 8 }, vetoes: ["c"] }, { id: "b", values: { x: 3 }, vetoes: ["c"] }])).toEqual([4.5, 3]);
  });

  it("bonus and deduction caps are kept; caps beyond the fast path leave the scheme", () => {
    const adjusted = [{ id: "a", values: { x: 5 }, bonus: [{ points: 2, reason: "r" }, { points: 2, reason: "r" }], deductions: [{ points: 1, reason: "r" }, { points: 1.5, reason: "r" }] }];
    expect(expectFast(one({ type: "direct" }, 10, { adjustments: { bonus: { cap: 3 }, deduction: { cap: 2 } } }), adjusted)).toEqual([6]);
    for (const adjustments of [{ bonus: { cap: "0.000000001" } }, { deduction: { cap: "0.000000001" } }]) {
      const scheme = one({ type: "direct" }, 10, { adjustments });
      expect(fastOf(scheme)).toBeUndefined();
      expectLeft(scheme, adjusted);
    }
  });
});

describe("roundDiv and quotient: a division that does not terminate", () => {
  it("is left to the full path where nothing rounds it, and rounded where the indicator rounds", () => {
    expectLeft(one({ type: "completion", target: 3 }), subjects(1, 2), [0, 1]);
    expectFast(one({ type: "completion", target: 3 }, 10, rounded(2)), subjects(1, 2, -0));
    for (const mode of ["half-up", "half-even", "down", "up", "floor", "ceiling"] as const)
      expectFast(one({ type: "completion", target: 8 }, 1, { rounding: { indicator: { decimals: 2, mode } } }), subjects(0.1, 0.3, 0.5, 0.7));
  });
});

describe("fastMethod: completion", () => {
  const cases: [string, Method, number | string, unknown[], object?][] = [
    ["higher, target 8", { type: "completion", target: 8 }, 10, [0, -5, "-0.5", 4, 8, 12, 2.5, "3.125"]],
    ["higher, cap 0.9", { type: "completion", target: 10, cap: 0.9 }, 10, [8, 9, 9.5, 12]],
    ["higher, a target and points of one decimal", { type: "completion", target: 7.5 }, 7.5, [3, 1.5, 7.5, 9]],
    ["lower, cap 0.8", { type: "completion", target: 10, cap: 0.8, direction: "lower" }, 10, [-3, 0, 5, 10, 12, 12.5, 20, 40]],
    ["lower, a target and points of one decimal", { type: "completion", target: 2.5, direction: "lower" }, 7.5, [2, 2.5, 5, 7.5]],
    ["lower, rounded", { type: "completion", target: 2, direction: "lower" }, 10, [1, 3, 7, 9.5], rounded(2)],
  ];
  it.each(cases)("%s", (_, method, points, values, extra) => {
    expectFast(one(method, points, extra), subjects(...values));
  });

  it("a capped score beyond 8 decimals leaves the scheme", () => {
    // 0.5 × 0.99999999 = 0.499999995
    const scheme = one({ type: "completion", target: 10, cap: "0.99999999" }, 0.5);
    expect(fastOf(scheme)).toBeUndefined();
    expectLeft(scheme, subjects(5, 20));
  });
});

describe("fastMethod: band", () => {
  const cases: [string, Method, number | string, unknown[], object?][] = [
    ["higher is better", { type: "band", best: 100, worst: 60 }, 10, [50, 60, 61, 75.5, "80", 100, 110]],
    ["higher is better, worstFraction 0.5", { type: "band", best: 100, worst: 60, worstFraction: 0.5 }, 10, [50, 60, 70, 75.5, 100, 101]],
    ["lower is better, worstFraction 0.35", { type: "band", best: 0, worst: 10, worstFraction: 0.35 }, 10, [-1, 0, 2.5, 10, 12]],
    ["ends of one decimal, rounded", { type: "band", best: 3.3, worst: 7 }, 10, [2, 3.3, 5, 5.25, 7, 8], rounded(2)],
    ["ends of one decimal, lower values of three", { type: "band", best: 7.5, worst: 2.5, worstFraction: 0.2 }, 10, [1, 2.5, "3.125", 7.5, 9]],
  ];
  it.each(cases)("%s", (_, method, points, values, extra) => {
    expectFast(one(method, points, extra), subjects(...values));
  });

  it("leaves a value it cannot read, and a scheme whose score at worst is beyond 8 decimals", () => {
    expectLeft(one({ type: "band", best: 100, worst: 60 }), subjects(70, 0.1234567), [1]);
    // 0.3 × 0.12345678 = 0.037037034
    const scheme = one({ type: "band", best: 100, worst: 60, worstFraction: "0.12345678" }, 0.3);
    expect(fastOf(scheme)).toBeUndefined();
    expectLeft(scheme, subjects(100, 50));
  });
});

describe("fastMethod: steps", () => {
  // Listed out of order: the best threshold must still be found first.
  it("at least: the highest threshold reached", () => {
    const method: Method = { type: "steps", steps: [{ atLeast: 60, fraction: 0.6 }, { atLeast: 90, fraction: 1 }, { atLeast: 75.5, points: 8 }] };
    expect(expectFast(one(method), subjects(95, 90, 89.9, 75.5, "75.5", 75.4, 60, 59))).toEqual([10, 10, 8, 8, 8, 6, 6, 0]);
  });
  it("at most: the lowest threshold reached", () => {
    const method: Method = { type: "steps", steps: [{ atMost: 5, fraction: 0.6 }, { atMost: 1, fraction: 1 }, { atMost: 2.5, fraction: 0.8 }] };
    expect(expectFast(one(method), subjects(0, 1, 1.5, 2.5, 5, 6))).toEqual([10, 10, 8, 8, 6, 0]);
  });
  it("leaves a value it cannot read, and a scheme with one step beyond 8 decimals", () => {
    const method: Method = { type: "steps", steps: [{ atLeast: 50, fraction: 1 }, { atLeast: 10, fraction: 0.5 }] };
    expectLeft(one(method), subjects(60, "1e2"), [1]);
    for (const steps of [
      [{ atLeast: "0.000000001", fraction: 1 }, { atLeast: 5, fraction: 0.5 }],
      [{ atLeast: 50, fraction: 1 }, { atLeast: 5, fraction: "0.12345678" }],
    ]) {
      const scheme = one({ type: "steps", steps }, 0.3);
      expect(fastOf(scheme)).toBeUndefined();
      expectLeft(scheme, subjects(1, 10, 60));
    }
  });
});

describe("fastMethod: deduction and bonus", () => {
  const cases: [string, Method, number | string, unknown[]][] = [
    ["a deduction", { type: "deduction", per: 0.5 }, 7.5, [0, 3, 1.5, "2.25", 20]],
    ["a deduction down to a floor", { type: "deduction", per: 1, floor: 1.5 }, 10, [2, 8.5, 9, 20]],
    ["a deduction of at most 0.7", { type: "deduction", per: 0.25, max: 0.7 }, 10, [1, 2, 3, 10, 0.5]],
    ["a deduction of whole points", { type: "deduction", per: 1 }, 7.5, [0, 2, 7.5, 9]],
    ["a bonus", { type: "bonus", per: 0.3 }, 2, [0, 3, 6.5, 10, "1.5"]],
  ];
  it.each(cases)("%s", (_, method, points, values) => {
    expectFast(one(method, points), subjects(...values));
  });

  it("leaves a negative count, an unreadable one, and a scheme whose largest deduction is beyond 8 decimals", () => {
    expectLeft(one({ type: "deduction", per: 1 }), subjects(-1), [0]);
    expectLeft(one({ type: "bonus", per: 1 }), subjects(2, -1), [1]);
    expectLeft(one({ type: "bonus", per: 1 }), subjects(2, 1e-7), [1]);
    const scheme = one({ type: "deduction", per: 1, max: "0.000000001" });
    expect(fastOf(scheme)).toBeUndefined();
    expectLeft(scheme, subjects(0, 1, 3));
  });
});

describe("fastMethod: direct", () => {
  it("a score out of the points, or out of a scale", () => {
    expectFast(one({ type: "direct" }, 7.5), subjects(0, 3.25, 7.5, "7.5"));
    expectFast(one({ type: "direct", scale: 100 }), subjects(0, 75.5, 100, "33.3"));
    expectFast(one({ type: "direct", scale: 7.5 }, 3), subjects(2.5, 7));
  });
  it("leaves a score outside 0 to the points or the scale, and one it cannot read", () => {
    expectLeft(one({ type: "direct" }, 7.5), subjects(8), [0]);
    expectLeft(one({ type: "direct" }, 7.5), subjects(-1), [0]);
    expectLeft(one({ type: "direct", scale: 100 }), subjects(100.5), [0]);
    expectLeft(one({ type: "direct" }), subjects(5, 0.1234567), [1]);
  });
});

describe("fastMethod: votes", () => {
  const method: Method = { type: "votes", grades: { 优秀: 1, 称职: 0.8, 基本称职: 0.65, 不称职: 0 } };
  it("weighs the votes of every grade", () => {
    expectFast(one(method), subjects({ 优秀: 3, 称职: 1 }, { 称职: 2 }, { 基本称职: 2, 优秀: 2, 不称职: 0 }, { 不称职: 1, 称职: 1 }, { 优秀: 1 }));
  });
  // Each is left, and scoreAll's issue (or total) is what scoreTotals gives.
  const left: [string, unknown][] = [
    ["a count that is not whole", { 优秀: 1.5 }],
    ["a negative count", { 优秀: 3, 称职: -1 }],
    ["a count as text", { 优秀: "3" }],
    ["a grade the method does not have", { 优秀: 1, 差: 1 }],
    ["no votes", { 优秀: 0, 称职: 0 }],
    ["votes inherited, not own", Object.create({ 优秀: 3 })],
    ["a list", [1]],
    ["a grade name", "优秀"],
  ];
  it.each(left)("leaves %s to the full path", (_, value) => {
    expectLeft(one(method), subjects(value));
  });
  it("leaves a scheme with one vote worth beyond 8 decimals", () => {
    const scheme = one({ type: "votes", grades: { A: 1, B: "0.000000001" } });
    expect(fastOf(scheme)).toBeUndefined();
    expectLeft(scheme, subjects({ A: 1 }));
  });
});

describe("roundDiv: an integer quotient needs no correction after Math.trunc", () => {
  it("rounds numerators up to 2^53 exactly as decimal.js does, in every mode, for either sign", () => {
    const modes = { "half-up": Decimal.ROUND_HALF_UP, "half-even": Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP, floor: Decimal.ROUND_FLOOR, ceiling: Decimal.ROUND_CEIL } as const;
    // Quotients just below and above an integer, at the largest magnitudes the fast path meets.
    const nums = [2 ** 53, 2 ** 53 - 1, 2 ** 53 - 2, 2 ** 52 + 1, 2 ** 52 - 1, 3 * 2 ** 50 + 1, 999_999_999_999_999, 1, 0];
    const dens = [1, 2, 3, 7, 10, 2 ** 26 - 1, 2 ** 26 + 1, 999_999_937, 2 ** 52 - 1, 2 ** 53 - 1];
    for (const n of nums)
      for (const num of [n, -n])
        for (const den of dens)
          for (const mode of Object.keys(modes) as (keyof typeof modes)[]) {
            const expected = new Decimal(num).div(den).toDecimalPlaces(0, modes[mode]).toNumber();
            expect(roundDiv(new FastWork(), num, den, mode), `${num} ÷ ${den}, ${mode}`).toBe(expected === 0 ? 0 : expected);
          }
  });
});
