import DecimalJs from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, ONE, proportion, text } from "../../src/core/decimal.js";

/** A reference with room to spare: 200 digits, then rounded to the engine's 40 half-up. */
const Wide = DecimalJs.clone({ precision: 200, rounding: DecimalJs.ROUND_HALF_UP });
const reference = (a: Dec, b: Dec, c: Dec): Dec => new Dec(Wide.mul(a, b).div(c).toSignificantDigits(40, DecimalJs.ROUND_HALF_UP));

const d = (x: string | number) => new Dec(x);

/** A decimal from whole units and a number of decimals: (123n, 2) → 1.23. */
const scaled = (units: bigint, places: number) => new Dec(`${units}e-${places}`);

describe("proportion: value × numerator ÷ denominator, multiplying first", () => {
  it("a share that comes out whole is whole (the divide-first order gives 0.999…9)", () => {
    expect(text(proportion(d(3), d(1), d(3)))).toBe("1");
    // The order it replaces:
    expect(text(d(1).div(3).times(3))).toBe("0.9999999999999999999999999999999999999999");
    expect(text(proportion(d(100), d(90), d(96)))).toBe("93.75");
    expect(text(proportion(d(30), d("96"), d(100)))).toBe("28.8");
    expect(text(proportion(d(0), d(7), d(3)))).toBe("0");
    expect(text(proportion(d(-6), d(1), d(3)))).toBe("-2");
    expect(text(proportion(d(6), d(1), d(-3)))).toBe("-2");
  });

  it("a quotient that does not terminate is rounded half-up to 40 significant digits", () => {
    expect(text(proportion(d(2), d(1), d(3)))).toBe("0.6666666666666666666666666666666666666667");
    expect(text(proportion(d(1), d(1), d(3)))).toBe("0.3333333333333333333333333333333333333333");
    expect(text(proportion(d(-2), d(1), d(3)))).toBe("-0.6666666666666666666666666666666666666667");
  });

  it("the product is never rounded, and a terminating quotient is exact beyond 40 digits", () => {
    // 41 significant digits: Dec's own times() would round the product to 40.
    const long = d("0.12345678901234567890123456789012345678901");
    expect(text(proportion(long, ONE, ONE))).toBe("0.12345678901234567890123456789012345678901");
    expect(text(proportion(long, d(3), d(3)))).toBe("0.12345678901234567890123456789012345678901");
    // ÷ 4 needs 43 digits; a 40-digit division would round it.
    expect(text(proportion(long, ONE, d(4)))).toBe("0.0308641972530864197253086419725308641972525");
    expect(text(long.div(4))).not.toBe("0.0308641972530864197253086419725308641972525");
    // Wide but not terminating: the engine's 40 digits.
    expect(text(proportion(long, ONE, d(3)))).toBe("0.041152263004115226300411522630041152263");
  });

  it("refuses a denominator of 0", () => {
    expect(() => proportion(d(1), d(1), d(0))).toThrow(RangeError);
  });

  const decimal = (maxUnits: bigint, maxPlaces: number) =>
    fc.tuple(fc.bigInt({ min: -maxUnits, max: maxUnits }), fc.integer({ min: 0, max: maxPlaces })).map(([u, p]) => scaled(u, p));
  const nonZero = (maxUnits: bigint, maxPlaces: number) => decimal(maxUnits, maxPlaces).filter((x) => !x.isZero());

  it("equals a × b ÷ c computed in that order (property)", () => {
    fc.assert(
      fc.property(decimal(10n ** 8n, 4), decimal(10n ** 8n, 4), nonZero(10n ** 8n, 4), (a, b, c) => {
        expect(text(proportion(a, b, c))).toBe(text(reference(a, b, c)));
      }),
      { numRuns: 500, seed: 18 },
    );
  });

  it("is exact when c divides a × b (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }),
        fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        (x, y, k, s1, s2, s3) => {
          // a × b ÷ c = (x·k / 10^s1)(y / 10^s2) ÷ (k / 10^s3) = x·y · 10^(s3 − s1 − s2), exactly.
          const a = scaled(x * k, s1);
          const b = scaled(y, s2);
          const c = scaled(k, s3);
          const exact = new Dec(`${x * y}e${s3 - s1 - s2}`);
          const got = proportion(a, b, c);
          expect(text(got)).toBe(text(exact));
          expect(new Wide(got).times(c).eq(new Wide(a).times(b))).toBe(true);
        },
      ),
      { numRuns: 500, seed: 18 },
    );
  });
});
