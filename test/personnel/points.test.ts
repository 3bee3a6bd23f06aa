import DecimalJs from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, summarizeAccounts, type LedgerEntry } from "../../src/index.js";
import { text, toDec } from "../../src/core/decimal.js";
import { pointsOk, pointsText, readPoints, sumPoints } from "../../src/personnel/points.js";
import { runs } from "../helpers.js";

// The differential test of the ledger's exact sums (src/personnel/points.ts): points read once as
// text and integer units in float64, summed in float64 while that is exact and with decimal.js
// otherwise, must give exactly what decimal.js gives summing the points as decimals — for points
// with up to 10 decimals up to ±10^12 (the ledger's limits), as numbers and as text.

/** Decimals with far more digits than any sum here needs, printed without exponents as the library prints. */
const Exact = DecimalJs.clone({ precision: 100, toExpNeg: -100, toExpPos: 100 });
const exactText = (d: DecimalJs) => (d.isZero() ? "0" : d.toString());

/** A decimal with up to `places` decimals and up to `digits` integer digits, as text in plain form. */
const plainDecimal = (digits: number, places: number) =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** BigInt(digits) - 1n }), fc.nat({ max: places }), fc.bigInt({ min: 0n, max: 10n ** 10n - 1n }))
    .map(([negative, whole, p, fraction]) => `${negative ? "-" : ""}${whole}${p === 0 ? "" : `.${String(fraction).padStart(10, "0").slice(0, p)}`}`)
    // Beyond ±10^12 is refused by the ledger.
    .filter((t) => new Exact(t).abs().lte(1e12));

/** Points as the ledger takes them: numbers (read by their shortest decimal) or text, usual and at the edges. */
const pointsArb: fc.Arbitrary<number | string> = fc.oneof(
  { weight: 8, arbitrary: plainDecimal(3, 2).map(Number) },
  { weight: 3, arbitrary: plainDecimal(12, 10).map(Number) },
  { weight: 3, arbitrary: plainDecimal(12, 10) },
  { weight: 1, arbitrary: plainDecimal(1, 10).map(Number) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<number | string>(0, -0, 1e12, -1e12, 1e-10, -1e-10, 1e-7, 1e-6, 9.99e-7, 0.1, 0.2, 0.3, 999999999999.9999, 123456789012.1234567891, "-0", "96.50", "007.100", " 5 ", "+2.5", "1e3", "1.5E-3", ".5", "5.", "999999999999.9999999999", "-1000000000000", "-0.0000000001"),
  },
);

describe("ledger points", () => {
  it("pointsText prints a points value exactly as decimal.js does", () => {
    fc.assert(
      fc.property(pointsArb, (v) => {
        expect(pointsText(v)).toBe(text(toDec(v)!));
      }),
      { numRuns: runs(2000) },
    );
  });

  it("pointsOk takes a number exactly when it prints within ±10^12 with at most 10 decimals and no exponent", () => {
    const printedOk = (v: number) => {
      const t = String(v);
      const dot = t.indexOf(".");
      return Math.abs(v) <= 1e12 && !t.includes("e") && (dot < 0 || t.length - dot - 1 <= 10);
    };
    const near = (x: number) => [x, x * (1 - Number.EPSILON), x * (1 + Number.EPSILON), x - 1e-10, x + 1e-10, -x];
    const numbers = fc.oneof(
      plainDecimal(5, 12).map(Number),
      plainDecimal(12, 10).map(Number),
      fc.double({ min: -70_000, max: 70_000, noNaN: true }),
      fc.integer({ min: -16, max: 13 }).map((e) => 10 ** e),
      fc.constantFrom(0, -0, 1e-6, 9.99999e-7, 65_535.9999999999, 65_536.00000000001, 1e12, 1e12 + 0.5, 5e-324, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(numbers, (v) => {
        for (const x of near(v)) expect(pointsOk(x), String(x)).toBe(printedOk(x));
      }),
      { numRuns: runs(20_000) },
    );
  });

  it("pointsText keeps printing right after its memory of printed numbers fills and is cleared", () => {
    for (let k = 0; k < 70_000; k++) expect(pointsText(k + 0.25)).toBe(`${k}.25`);
    expect(pointsText(1.5)).toBe("1.5");
  });

  it("sumPoints equals decimal.js summing the same points, in float64 units while exact and with decimal.js beyond", () => {
    let fast = 0;
    let slow = 0;
    fc.assert(
      fc.property(fc.array(pointsArb, { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: -1, max: 59 }), { maxLength: 80 }), (values, picks) => {
        const points = readPoints(values);
        const at = picks.map((i) => (i < 0 ? -1 : i % values.length));
        const expected = exactText(at.reduce((s, i) => (i < 0 ? s : s.plus(text(toDec(values[i]!)!))), new Exact(0)));
        expect(sumPoints(points, at)).toBe(expected);
        if (at.every((i) => i < 0 || Number.isFinite(points.units[i]!)) && Math.abs(at.reduce((s, i) => s + (i < 0 ? 0 : points.units[i]!), 0)) < 2 ** 52) fast++;
        else slow++;
      }),
      { numRuns: runs(1000) },
    );
    // Both ways of summing are exercised.
    expect(fast).toBeGreaterThan(runs(1000) / 10);
    expect(slow).toBeGreaterThan(runs(1000) / 20);
  });

  it("summaries of random ledgers with corrections equal a decimal.js reference, component by component", () => {
    const ledgerArb = fc
      .tuple(
        fc.array(fc.record({ person: fc.nat({ max: 2 }), component: fc.nat({ max: 2 }), day: fc.nat({ max: 400 }), points: pointsArb }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.record({ target: fc.nat(), amend: fc.boolean(), points: pointsArb }), { maxLength: 10 }),
      )
      .map(([bases, fixes]) => {
        const date = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
        const entries: LedgerEntry[] = bases.map((b, i) => ({ id: `e${i}`, person: `p${b.person}`, date: date(b.day), component: `c${b.component}`, points: b.points, source: "s" }));
        const latest = entries.map((e, i) => ({ id: e.id, day: bases[i]!.day }));
        fixes.forEach((f, j) => {
          const root = f.target % bases.length;
          const last = latest[root]!;
          entries.push({ id: `x${j}`, person: entries[root]!.person, date: date(last.day), corrects: last.id, action: f.amend ? "amend" : "reverse", ...(f.amend ? { points: f.points } : {}), source: "s" });
          latest[root] = { id: `x${j}`, day: last.day };
        });
        return entries;
      });
    fc.assert(
      fc.property(ledgerArb, fc.constantFrom(undefined, "2024"), (entries, period) => {
        // The reference: each entry's points after its corrections (an amendment replaces the points
        // of the entry it corrects, a reversal undoes it), summed with decimal.js by person and component.
        const correction = new Map(entries.filter((e) => e.corrects !== undefined).map((e) => [e.corrects!, e]));
        const sums = new Map<string, DecimalJs>();
        for (const e of entries) {
          if (e.corrects !== undefined || (period && !e.date.startsWith(period))) continue;
          const states = [new Exact(text(toDec(e.points)!))];
          for (let c = correction.get(e.id), i = 1; c; c = correction.get(c.id), i++) states.push(c.action === "amend" ? new Exact(text(toDec(c.points)!)) : i >= 2 ? states[i - 2]! : new Exact(0));
          for (const key of [e.person, `${e.person}/${e.component}`]) sums.set(key, (sums.get(key) ?? new Exact(0)).plus(states[states.length - 1]!));
        }
        for (const s of summarizeAccounts(createLedger(entries), period ? { period } : {})) {
          expect(s.exact).toBe(exactText(sums.get(s.person) ?? new Exact(0)));
          expect(s.total).toBe(Number(s.exact));
          for (const c of s.components) expect([c.component, c.exact]).toEqual([c.component, exactText(sums.get(`${s.person}/${c.component}`)!)]);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
