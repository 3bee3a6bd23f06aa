import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { county361Example, defineScheme, isJixiaoError, safeScoreTotals, scoreAll, scoreTotals, type Issue, type JsonMethod, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { compiledScheme } from "../../src/scheme/define.js";
import { compileFast, FastWork, fastTotals, roundDiv } from "../../src/scoring/fast.js";
import { light, runs } from "../helpers.js";

// The differential test of the fast path: for random schemes using every JSON method, every
// rounding mode and point, and random subjects — values at the edges of the fast path's range
// (7 decimals, 10^9, text, not applicable, missing), bonus and deduction lists, vetoes — the
// totals of `scoreTotals` must equal those of `scoreAll`, or both must refuse with the same issues.

const RUNS = runs(150);
const MODES = ["half-up", "half-even", "down", "up", "floor", "ceiling"] as const;

const decimal = (maxInt: number, places: number) =>
  fc.tuple(fc.integer({ min: -maxInt, max: maxInt }), fc.integer({ min: 0, max: 10 ** places - 1 })).map(([i, f]) => Number(`${i}.${String(f).padStart(places, "0")}`));
const positive = (maxInt: number, places: number) => decimal(maxInt, places).map((n) => Math.abs(n) + 10 ** -places);

/** A number at the edges of the fast path: usual values, ratios (a percent cell's 0.965), many decimals, huge, tiny, as text. */
const edgeNumber = fc.oneof(
  { weight: 60, arbitrary: decimal(200, 2) },
  { weight: 10, arbitrary: decimal(1, 4) },
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 120 }) },
  { weight: 2, arbitrary: decimal(200, 7) },
  { weight: 1, arbitrary: fc.constantFrom(999_999_999, 1_000_000_001, 0.000001, 1e-7, -0, 123456789.123456, 2 ** 53) },
  { weight: 1, arbitrary: decimal(200, 3).map((n) => String(n)) },
  { weight: 1, arbitrary: fc.constantFrom("96.50", " 12", "1e2", "0.0000001", "-0") },
  { weight: 1, arbitrary: fc.constantFrom("12abc", Number.NaN) },
);

const gradeNames = ["优", "良", "中", "差"];

/** The unit of a completion, band or steps indicator: none (most), percent or ratio. */
const unit = fc.constantFrom(undefined, undefined, "percent" as const, "ratio" as const);

/** A method, the unit of its values (for completion, band and steps) and a generator of its values. */
function method(points: number): fc.Arbitrary<{ method: JsonMethod; unit?: "percent" | "ratio"; value: fc.Arbitrary<unknown> }> {
  return fc.oneof(
    fc.record({ target: fc.constantFrom(100, 80, 3, 7.5, 0.3, 12.345), cap: fc.constantFrom(undefined, 1, 0.9, 0.333), lower: fc.boolean(), unit }).map(({ target, cap, lower, unit }) => ({
      method: { type: "completion" as const, target, ...(cap !== undefined ? { cap } : {}), ...(lower ? { direction: "lower" as const } : {}) },
      ...(unit ? { unit } : {}),
      value: edgeNumber,
    })),
    fc.record({ best: fc.constantFrom(0, 10, 100, 3.3), worst: fc.constantFrom(5, 60, -2, 7), wf: fc.constantFrom(undefined, 0, 0.5, 0.35), unit }).filter(({ best, worst }) => (best as number) !== (worst as number)).map(({ best, worst, wf, unit }) => ({
      method: { type: "band" as const, best, worst, ...(wf !== undefined ? { worstFraction: wf } : {}) },
      ...(unit ? { unit } : {}),
      value: edgeNumber,
    })),
    fc.record({ lower: fc.boolean(), unit }).map(({ lower, unit }) => ({
      ...(unit ? { unit } : {}),
      method: {
        type: "steps" as const,
        steps: lower
          ? [{ atMost: 1, fraction: 1 }, { atMost: 5, fraction: 0.6 }, { atMost: 9.5, points: Math.min(points, 1.25) }]
          : [{ atLeast: 90, fraction: 1 }, { atLeast: 75.5, fraction: 0.8 }, { atLeast: 0, points: Math.min(points, 0.75) }],
      },
      value: edgeNumber,
    })),
    fc.constant({ method: { type: "grade" as const, grades: { 优: 1, 良: 0.85, 中: 0.333, 差: 0 } }, value: fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...gradeNames) }, { weight: 1, arbitrary: fc.constantFrom("甲", 3) }) }),
    fc.record({ per: fc.constantFrom(0.5, 1, 2.25, 0.125), floor: fc.constantFrom(undefined, 0, Math.min(points, 1)), max: fc.constantFrom(undefined, 3, 0.7) }).map(({ per, floor, max }) => ({
      method: { type: "deduction" as const, per, ...(floor !== undefined ? { floor } : {}), ...(max !== undefined ? { max } : {}) },
      value: fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 2, arbitrary: fc.constantFrom(1.5, "2") }, { weight: 1, arbitrary: fc.constant(-1) }),
    })),
    fc.constantFrom(0.5, 1, 0.3).map((per) => ({ method: { type: "bonus" as const, per }, value: fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 2, arbitrary: fc.constant(0.25) }, { weight: 1, arbitrary: fc.constant(-1) }) })),
    fc.constantFrom(undefined, 100, 7).map((scale) => ({
      method: { type: "direct" as const, ...(scale !== undefined ? { scale } : {}) },
      value: fc.oneof({ weight: 40, arbitrary: decimal(Math.floor(scale ?? points), 2).map(Math.abs) }, { weight: 2, arbitrary: fc.constantFrom(0, 0.1234567) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1000) }),
    })),
    fc.constant({
      method: { type: "votes" as const, grades: { 优秀: 1, 称职: 0.8, 基本称职: 0.6, 不称职: 0 } },
      value: fc.oneof(
        { weight: 40, arbitrary: fc.record({ 优秀: fc.integer({ min: 1, max: 40 }), 称职: fc.integer({ min: 0, max: 40 }), 不称职: fc.integer({ min: 0, max: 5 }) }) },
        { weight: 2, arbitrary: fc.constant({ 优秀: "3" }) },
        { weight: 1, arbitrary: fc.constantFrom({ 优秀: 0 }, { 差: 1 }, [1]) },
      ),
    }),
    fc.record({ step: fc.constantFrom(undefined, 0.5, 1), floor: fc.constantFrom(undefined, 0, Math.min(points, 1)), lower: fc.boolean() }).map(({ step, floor, lower }) => ({
      method: { type: "rank" as const, ...(step !== undefined ? { step } : { proportional: true }), ...(floor !== undefined ? { floor } : {}), ...(lower ? { direction: "lower" as const } : {}) },
      value: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: decimal(50, 2) }),
    })),
  );
}

// Real schemes round; one in four here does not, to test exactness without a rounding point.
const rounding = fc.option(fc.record({ decimals: fc.integer({ min: 0, max: 4 }), mode: fc.constantFrom(...MODES) }), { nil: undefined, freq: 4 });

const world = fc
  .record({
    groups: fc.array(fc.array(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(2.5, 7.25, 0.3)), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    indicator: rounding,
    group: rounding,
    total: rounding,
    convert: fc.boolean(),
    bonusCap: fc.constantFrom(undefined, 3, 0.5),
    deductionCap: fc.constantFrom(undefined, 5),
    missing: fc.constantFrom(undefined, "not-applicable", "zero"),
  })
  .chain((w) => {
    const flat = w.groups.flat();
    return fc.tuple(fc.constant(w), fc.tuple(...flat.map((p) => method(p))));
  })
  .chain(([w, methods]) => {
    let k = 0;
    const groups = w.groups.map((pts, gi) => ({
      id: `g${gi}`,
      points: pts.reduce((a, b) => a + Math.round(b * 1000), 0) / 1000,
      indicators: pts.map((p) => {
        const m = methods[k]!;
        return { id: `i${k++}`, points: p, method: m.method, ...(m.unit ? { unit: m.unit } : {}) };
      }),
    }));
    // A rounding keeps at least the points' decimals (defineScheme requires it).
    const need = Math.max(...w.groups.flat().map((p) => (String(p).split(".")[1] ?? "").length));
    const keep = (r: typeof w.indicator) => (r ? { ...r, decimals: Math.max(r.decimals, need) } : undefined);
    const [indicator, group, total] = [keep(w.indicator), keep(w.group), keep(w.total)];
    const scheme: SchemeConfig = {
      id: "random",
      full: groups.reduce((a, g) => a + Math.round(g.points * 1000), 0) / 1000,
      rounding: { ...(indicator ? { indicator } : {}), ...(group ? { group } : {}), ...(total ? { total } : {}) },
      notApplicable: w.convert ? "convert" : "exclude",
      groups,
      adjustments: { ...(w.bonusCap !== undefined ? { bonus: { cap: w.bonusCap } } : {}), ...(w.deductionCap !== undefined ? { deduction: { cap: w.deductionCap } } : {}) },
      vetoes: [
        { id: "zero", effect: "zero" },
        { id: "cap", effect: "cap", cap: 60 },
        { id: "flag", effect: "flag" },
      ],
    };
    const value = (i: number) => fc.oneof({ weight: 20, arbitrary: methods[i]!.value }, { weight: 1, arbitrary: fc.constantFrom(null, { na: true }) });
    const item = fc.record(
      { points: fc.oneof(positive(3, 2), fc.constantFrom(0.125, "1.5", 1e-9)), reason: fc.constant("r"), indicator: fc.constantFrom("i0", `i${methods.length - 1}`) },
      { requiredKeys: ["points", "reason"] },
    );
    const subject = fc.record(
      {
        id: fc.constant(""),
        group: fc.constantFrom("A", "B"),
        values: fc.tuple(...methods.map((_, i) => fc.option(value(i), { nil: undefined, freq: 15 }))).map((vs) => Object.fromEntries(vs.flatMap((v, i) => (v === undefined ? [] : [[`i${i}`, v]])))),
        bonus: fc.array(item, { maxLength: 2 }),
        deductions: fc.array(item, { maxLength: 2 }),
        vetoes: fc.subarray(["zero", "cap", "flag"], { maxLength: 2 }),
      },
      { requiredKeys: ["id", "values"] },
    );
    return fc.tuple(fc.constant(scheme), fc.array(subject, { minLength: 1, maxLength: 12 }), fc.constant(w.missing));
  });

type Totals = { subjectId: string; total: number; exact: string; warnings?: readonly Issue[] }[];
type Outcome = { ok: true; totals: Totals } | { ok: false; issues: unknown };
const outcome = (fn: () => Totals): Outcome => {
  try {
    return { ok: true, totals: fn().map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) })) };
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    return { ok: false, issues: error.issues };
  }
};

describe("scoreTotals: the exact fast path", () => {
  it("gives exactly scoreAll's totals (or the same issues) for random schemes and subjects", () => {
    let fastCases = 0;
    let subjectsSeen = 0;
    let subjectsFast = 0;
    // Subjects the fast path itself scored with a warning, and with a value of a ratio indicator.
    let warnedFast = 0;
    let ratioFast = 0;
    fc.assert(
      fc.property(world, ([config, raw, missing]) => {
        const scheme = defineScheme(config);
        const subjects = raw.map((s, i) => ({ ...s, id: `s${String(i).padStart(3, "0")}` })) as SubjectInput[];
        const options = missing === undefined ? undefined : { missing };
        const full = outcome(() => scoreAll(scheme, subjects, options));
        const fast = outcome(() => scoreTotals(scheme, subjects, options));
        expect(fast).toEqual(full);
        if (full.ok) {
          fastCases++;
          // How many of them the fast path itself scored (the rest fell back to the full path).
          const f = compileFast(scheme, compiledScheme(scheme));
          const totals = f ? fastTotals(f, subjects, options ?? {}) : undefined;
          subjectsSeen += subjects.length;
          if (totals && !totals.rankFallback) subjectsFast += totals.totals.filter((t) => !Number.isNaN(t)).length;
          if (totals && !totals.rankFallback) warnedFast += totals.warnings?.size ?? 0;
          const ratios = config.groups.flatMap((g) => g.indicators.filter((ind) => ind.unit === "ratio").map((ind) => ind.id));
          if (totals && !totals.rankFallback)
            subjects.forEach((sub, i) => {
              if (!Number.isNaN(totals.totals[i]!) && ratios.some((id) => typeof sub.values[id] === "number")) ratioFast++;
            });
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.JIXIAO_SEED ?? 20261130) },
    );
    expect(fastCases).toBeGreaterThan(RUNS / 10);
    // The cases must exercise the fast path, not only its fallback.
    expect(subjectsFast / subjectsSeen).toBeGreaterThan(0.2);
    // And its units and warnings.
    expect(warnedFast).toBeGreaterThan(RUNS / 30);
    expect(ratioFast).toBeGreaterThan(RUNS / 30);
  });

  it("gives the 361 example's contract total", () => {
    const subject = { id: "c001", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 }, bonus: [{ points: 1, reason: "创新" }] };
    expect(scoreTotals(defineScheme(county361Example), [subject])).toEqual([{ subjectId: "c001", total: 86.3, exact: "86.3" }]);
  });

  it.skipIf(light)("agrees on a large batch with not-applicable values, bonus lists and vetoes", () => {
    const scheme = defineScheme(county361Example);
    const subjects = Array.from({ length: 5000 }, (_, i) => ({
      id: `c${String(i).padStart(5, "0")}`,
      values: { attendance: i % 5, study: gradeNames[i % 4]!, political: 70 + (i % 30), collection: i % 13 === 0 ? null : 80 + (i % 200) / 10, backlog: i % 11, grabbed: (i % 100) / 10 },
      ...(i % 7 === 0 ? { bonus: [{ points: 1.5, reason: "创新" }] } : {}),
      ...(i % 501 === 0 ? { vetoes: ["discipline"] } : {}),
    }));
    expect(scoreTotals(scheme, subjects)).toEqual(scoreAll(scheme, subjects).map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) })));
  });

  it("refuses what scoreAll refuses, with the same issues", () => {
    const scheme = defineScheme(county361Example);
    const bad = [
      { id: "a", values: { attendance: 1, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 } },
      { id: "a", values: { attendance: Number.NaN } },
      { id: "__proto__", values: {} },
    ] as SubjectInput[];
    expect(outcome(() => scoreTotals(scheme, bad))).toEqual(outcome(() => scoreAll(scheme, bad)));
    expect(outcome(() => scoreTotals(scheme, "x" as never))).toEqual(outcome(() => scoreAll(scheme, "x" as never)));
    expect(outcome(() => scoreTotals(scheme, [], { missing: "sometimes" } as never)).ok).toBe(false);
  });
});

describe("the fast path's parts", () => {
  it("rounds an integer quotient exactly as decimal.js does, in every mode, for either sign", () => {
    const modes = { "half-up": Decimal.ROUND_HALF_UP, "half-even": Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP, floor: Decimal.ROUND_FLOOR, ceiling: Decimal.ROUND_CEIL } as const;
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), fc.constantFrom(...MODES), (num, den, mode) => {
        const expected = new Decimal(num).div(den).toDecimalPlaces(0, modes[mode]).toNumber();
        expect(roundDiv(new FastWork(), num, den, mode)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: RUNS * 10, seed: 1 },
    );
    // Exact halves, both signs.
    for (const [num, mode, q] of [[5, "half-up", 3], [-5, "half-up", -3], [5, "half-even", 2], [7, "half-even", 4], [-5, "half-even", -2], [-5, "floor", -3], [-5, "ceiling", -2], [-5, "down", -2], [-5, "up", -3]] as const)
      expect(roundDiv(new FastWork(), num, 2, mode)).toBe(q);
  });

  it("leaves schemes it cannot take to the full path, with the same totals", () => {
    const base = { id: "s", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method: { type: "completion" as const, target: 3 } }] }] };
    const subjects: SubjectInput[] = [{ id: "x", values: { a: 1 } }, { id: "y", values: { a: 2.5 } }];
    const schemes: SchemeConfig[] = [
      { ...base, rounding: { indicator: { decimals: 10 } } },
      { ...base, rounding: { total: { decimals: 9 } } },
      { ...base, groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method: { type: "completion", target: "0.123456789" } }] }] },
      { ...base, groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method: { type: "custom", score: (v) => (v as number) * 2 } }] }] },
      { id: "big", full: "100000000000", groups: [{ id: "g", points: "100000000000", indicators: [{ id: "a", points: "100000000000", method: { type: "direct" } }] }] },
    ];
    for (const scheme of schemes) expect(outcome(() => scoreTotals(scheme, subjects))).toEqual(outcome(() => scoreAll(scheme, subjects)));
  });

  it("reads unusual but valid subjects as scoreAll does", () => {
    const scheme = defineScheme(county361Example);
    const values = { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 };
    const subjects = [
      { id: "a", name: "甲", group: "g", values, vetoes: [{ id: "discipline", reason: "违纪" }], flags: [{ id: "f", name: "标记", reason: "r" }], attributes: { dept: "征管", level: 3, lead: false } },
      { id: "b", values: { ...values, collection: { na: true, reason: "调入" } }, bonus: [{ points: "0.5", reason: "r", ref: "文号" }], deductions: [{ points: 1, reason: "r", indicator: "backlog" }] },
      { id: "c", values: { ...values, attendance: "-0", grabbed: "7.20" } },
      { id: "d", values: { ...values, collection: 96.1234567 } },
      { id: "e", values, bonus: [{ points: 1, reason: "r", indicator: "nowhere" }] },
      { id: "f", values, vetoes: [{ id: "discipline", extra: 1 }] },
    ] as SubjectInput[];
    for (const s of subjects) expect(outcome(() => scoreTotals(scheme, [s]))).toEqual(outcome(() => scoreAll(scheme, [s])));
    const good = subjects.slice(0, 4);
    expect(outcome(() => scoreTotals(scheme, good))).toEqual(outcome(() => scoreAll(scheme, good)));
    // A repeated id, out of order, and a value whose getter throws: the same issues as scoreAll.
    const twice = [good[2]!, good[0]!, { ...good[2]! }];
    expect(outcome(() => scoreTotals(scheme, twice))).toEqual(outcome(() => scoreAll(scheme, twice)));
    const getter = [{ id: "g", get values(): never { throw new Error("boom"); } }] as unknown as SubjectInput[];
    expect(outcome(() => scoreTotals(scheme, getter))).toEqual(outcome(() => scoreAll(scheme, getter)));
    expect(safeScoreTotals(scheme, twice).success).toBe(false);
    expect(safeScoreTotals(scheme, good)).toEqual({ success: true, output: scoreAll(scheme, good).map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) })) });
  });
});
