import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineScheme, score, scoreAll, scoreTotals, type JsonMethod, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { runs } from "../helpers.js";

// Decimals with up to 4 places, as text, so inputs are exact.
const dec = (min: number, max: number) => fc.integer({ min: min * 10_000, max: max * 10_000 }).map((n) => (n / 10_000).toFixed(4));
const points = fc.integer({ min: 1, max: 1000 }).map((n) => (n / 10).toString());

/** A method with a value generator whose larger values are better (`better`) or worse. */
interface Case {
  readonly method: JsonMethod;
  readonly value: fc.Arbitrary<unknown>;
  /** Orders two values: the second is at least as good as the first. */
  readonly order: (a: unknown, b: unknown) => [unknown, unknown];
}

const numeric = (higherIsBetter: boolean) => (a: unknown, b: unknown): [unknown, unknown] =>
  (Number(a) <= Number(b)) === higherIsBetter ? [a, b] : [b, a];

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.record({ target: dec(1, 500), cap: dec(0.0001, 1), lower: fc.boolean() }).map(({ target, cap, lower }): Case => ({
    method: { type: "completion", target, cap, ...(lower ? { direction: "lower" as const } : {}) },
    value: dec(0, 1000),
    order: numeric(!lower),
  })),
  fc.record({ a: dec(-100, 100), b: dec(-100, 100), wf: dec(0, 0.99) }).filter(({ a, b }) => a !== b).map(({ a, b, wf }): Case => ({
    method: { type: "band", best: a, worst: b, worstFraction: wf },
    value: dec(-200, 200),
    order: numeric(Number(a) > Number(b)),
  })),
  fc.uniqueArray(fc.record({ at: dec(0, 100), f: dec(0, 1) }), { minLength: 1, maxLength: 6, selector: (s) => s.at }).map((steps): Case => {
    // Monotone steps: a higher threshold never gives a smaller fraction.
    const sorted = [...steps].sort((x, y) => Number(x.at) - Number(y.at));
    const fractions = sorted.map((s) => Number(s.f)).sort((x, y) => x - y);
    return {
      method: { type: "steps", steps: sorted.map((s, i) => ({ atLeast: s.at, fraction: fractions[i]! })).reverse() },
      value: dec(-10, 110),
      order: numeric(true),
    };
  }),
  fc.record({ per: dec(0.01, 5), floor: fc.constant("0") }).map(({ per }): Case => ({
    method: { type: "deduction", per },
    value: fc.integer({ min: 0, max: 200 }),
    order: numeric(false),
  })),
  dec(0.01, 5).map((per): Case => ({ method: { type: "bonus", per }, value: fc.integer({ min: 0, max: 200 }), order: numeric(true) })),
  fc.constant<Case>({
    method: { type: "grade", grades: { 优: 1, 良: 0.85, 中: 0.7, 差: 0.5 } },
    value: fc.constantFrom("优", "良", "中", "差"),
    order: (a, b) => {
      const rank = { 差: 0, 中: 1, 良: 2, 优: 3 } as Record<string, number>;
      return rank[a as string]! <= rank[b as string]! ? [a, b] : [b, a];
    },
  }),
  fc.constant<Case>({
    method: { type: "votes", grades: { 优秀: 1, 称职: 0.8, 基本称职: 0.5, 不称职: 0 } },
    value: fc.record({ 优秀: fc.nat(50), 称职: fc.nat(50), 基本称职: fc.nat(50), 不称职: fc.nat(50) }).filter((v) => v.优秀 + v.称职 + v.基本称职 + v.不称职 > 0),
    // One more 优秀 vote never hurts.
    order: (a) => [a, { ...(a as Record<string, number>), 优秀: (a as Record<string, number>).优秀! + 1 }],
  }),
);

function oneIndicator(method: JsonMethod, pts: string, unit?: "percent" | "ratio"): SchemeConfig {
  return { id: "p", full: pts, groups: [{ id: "g", points: pts, indicators: [{ id: "x", points: pts, method, ...(unit ? { unit } : {}) }] }] };
}

describe("scoring laws", () => {
  it("every method earns within [0, points]", () => {
    fc.assert(
      fc.property(cases, points, fc.context(), (c, pts, ctx) => {
        const scheme = defineScheme(oneIndicator(c.method, pts));
        fc.assert(
          fc.property(c.value, (value) => {
            const r = score(scheme, { id: "s", values: { x: value } });
            ctx.log(JSON.stringify({ value, earned: r.indicators[0]!.earned }));
            expect(r.indicators[0]!.earned).toBeGreaterThanOrEqual(0);
            expect(r.indicators[0]!.earned).toBeLessThanOrEqual(Number(pts));
          }),
          { numRuns: runs(20) },
        );
      }),
      { numRuns: runs(150) },
    );
  });

  it("a better raw value never lowers the score", () => {
    fc.assert(
      fc.property(cases, points, (c, pts) => {
        const scheme = defineScheme(oneIndicator(c.method, pts));
        fc.assert(
          fc.property(c.value, c.value, (a, b) => {
            const [worse, better] = c.order(a, b);
            const lo = score(scheme, { id: "s", values: { x: worse } }).total;
            const hi = score(scheme, { id: "s", values: { x: better } }).total;
            expect(hi).toBeGreaterThanOrEqual(lo);
          }),
          { numRuns: runs(20) },
        );
      }),
      { numRuns: runs(150) },
    );
  });

  it("rank: a better value never gets a lower score, and equal values get equal scores", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 }), dec(0.1, 3), (values, step) => {
        const scheme = defineScheme(oneIndicator({ type: "rank", step }, "10"));
        const results = scoreAll(scheme, values.map((v, i) => ({ id: `s${String(i).padStart(3, "0")}`, values: { x: v } })));
        const byId = new Map(results.map((r) => [r.subjectId, r.total]));
        values.forEach((v, i) => {
          values.forEach((w, j) => {
            if (v > w) expect(byId.get(`s${String(i).padStart(3, "0")}`)!).toBeGreaterThanOrEqual(byId.get(`s${String(j).padStart(3, "0")}`)!);
            if (v === w) expect(byId.get(`s${String(i).padStart(3, "0")}`)).toBe(byId.get(`s${String(j).padStart(3, "0")}`));
          });
        });
      }),
      { numRuns: runs(200) },
    );
  });
});

describe("units", () => {
  // The methods that take a unit, with values as a percent (the cases above).
  const unitCases = cases.filter((c) => ["completion", "band", "steps"].includes(c.method.type));
  /** A percent value as the ratio a spreadsheet gives for it (96.5 → "0.965"), exactly. */
  const asRatio = (v: unknown) => {
    const [int, frac = ""] = String(v).replace("-", "").split(".");
    const digits = `${int!.padStart(3, "0")}${frac}`;
    const text = `${digits.slice(0, -2 - frac.length) || "0"}.${digits.slice(-2 - frac.length)}`;
    return `${String(v).startsWith("-") ? "-" : ""}${text}`;
  };

  it("a ratio indicator scores 0.965 exactly as a percent indicator scores 96.5, on every path", () => {
    fc.assert(
      fc.property(unitCases, points, fc.context(), (c, pts, ctx) => {
        const percent = defineScheme(oneIndicator(c.method, pts, "percent"));
        const ratio = defineScheme(oneIndicator(c.method, pts, "ratio"));
        fc.assert(
          fc.property(fc.array(c.value, { minLength: 1, maxLength: 6 }), (list) => {
            const given = list.map((v, i) => ({ id: `s${i}`, values: { x: v } }));
            const asRatios = list.map((v, i) => ({ id: `s${i}`, values: { x: asRatio(v) } }));
            ctx.log(JSON.stringify(asRatios));
            const p = scoreAll(percent, given);
            const r = scoreAll(ratio, asRatios);
            expect(r.map((x) => [x.total, x.indicators[0]!.earned])).toEqual(p.map((x) => [x.total, x.indicators[0]!.earned]));
            // The trace shows the multiplication, giving the percent.
            r.forEach((x, i) => expect(x.trace.find((t) => t.rule === "unit")!.result).toBe(String(Number(list[i]))));
            // A value implausible as a percent is plausible as its ratio, and the reverse, as the thresholds say.
            p.forEach((x, i) => {
              const v = Math.abs(Number(list[i]));
              expect(x.warnings !== undefined).toBe(v !== 0 && v < 1);
              expect(r[i]!.warnings !== undefined).toBe(v > 1000);
            });
            // scoreTotals (the fast path, where the values fit it) gives exactly the same, warnings and all.
            for (const [scheme, subjects, results] of [[percent, given, p], [ratio, asRatios, r]] as const)
              expect(scoreTotals(scheme, subjects)).toEqual(results.map((x) => ({ subjectId: x.subjectId, total: x.total, exact: x.exact, ...(x.warnings ? { warnings: x.warnings } : {}) })));
          }),
          { numRuns: runs(10) },
        );
      }),
      { numRuns: runs(100) },
    );
  });
});

describe("order independence", () => {
  const scheme = defineScheme({
    id: "batch",
    full: 100,
    rounding: { indicator: { decimals: 2 }, total: { decimals: 2 } },
    groups: [
      { id: "a", points: 60, indicators: [
        { id: "rate", points: 40, method: { type: "completion", target: 100 } },
        { id: "rk", points: 20, method: { type: "rank", step: 1.5, floor: 5 } },
      ] },
      { id: "b", points: 40, indicators: [{ id: "prop", points: 40, method: { type: "rank", proportional: true } }] },
    ],
  });
  const subject = fc.record({
    rate: dec(0, 150),
    rk: fc.integer({ min: 0, max: 10 }),
    prop: dec(0, 100),
    group: fc.constantFrom("科员", "副科", "正科"),
  });

  it("a batch's results do not depend on the order of its subjects", () => {
    fc.assert(
      fc.property(
        fc.array(subject, { minLength: 1, maxLength: 25 }).chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list.map((_, i) => i), { minLength: list.length, maxLength: list.length })),
        ),
        ([list, order]) => {
          const subjects: SubjectInput[] = list.map((s, i) => ({ id: `c${i}`, group: s.group, values: { rate: s.rate, rk: s.rk, prop: s.prop } }));
          const a = JSON.stringify(scoreAll(scheme, subjects));
          const b = JSON.stringify(scoreAll(scheme, order.map((i) => subjects[i]!)));
          expect(b).toBe(a);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe("exactness", () => {
  // Reference: scaled integers (BigInt), which cannot drift.
  const toScaled = (s: string) => BigInt(s.replace(".", ""));
  const fromScaled = (n: bigint) => {
    const neg = n < 0n;
    const digits = (neg ? -n : n).toString().padStart(5, "0");
    const text = `${digits.slice(0, -4)}.${digits.slice(-4)}`.replace(/\.?0+$/, "");
    return Number((neg ? "-" : "") + (text || "0"));
  };

  it("a total of given scores is their exact decimal sum (0.1 + 0.2 = 0.3)", () => {
    fc.assert(
      fc.property(fc.array(dec(0, 10), { minLength: 1, maxLength: 12 }), (scores) => {
        const scheme = defineScheme({
          id: "sum",
          full: 10 * scores.length,
          groups: [{ id: "g", points: 10 * scores.length, indicators: scores.map((_, i) => ({ id: `i${i}`, points: 10, method: { type: "direct" as const } })) }],
        });
        const values = Object.fromEntries(scores.map((s, i) => [`i${i}`, Number(s)]));
        const total = score(scheme, { id: "s", values }).total;
        expect(total).toBe(fromScaled(scores.reduce((acc, s) => acc + toScaled(s), 0n)));
      }),
      { numRuns: runs(300) },
    );
  });

  it("a rounded total prints as exactly its rounded decimal", () => {
    fc.assert(
      fc.property(dec(0, 1000), dec(0.0001, 1000), fc.integer({ min: 0, max: 4 }), (actual, target, decimals) => {
        const scheme = defineScheme({
          id: "round",
          full: 100,
          rounding: { total: { decimals } },
          groups: [{ id: "g", points: 100, indicators: [{ id: "x", points: 100, method: { type: "completion", target } }] }],
        });
        const r = score(scheme, { id: "s", values: { x: actual } });
        const printed = String(r.total);
        expect(printed).toMatch(new RegExp(`^\\d+(\\.\\d{1,${Math.max(decimals, 1)}})?$`));
        if (decimals === 0) expect(Number.isInteger(r.total)).toBe(true);
        // The printed number is the rounded value of the exact trace.
        expect(printed).toBe(r.trace.at(-1)!.result);
      }),
      { numRuns: runs(300) },
    );
  });
});
