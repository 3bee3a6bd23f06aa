import Decimal from "decimal.js";
import fc from "fast-check";
import { expect } from "vitest";
import type { JsonMethod, SchemeConfig, SubjectInput } from "../../src/index.js";
import { random } from "../../examples/random.js";
import { runs } from "../helpers.js";

/*
 * Shared pieces of the law tests: run counts and seed from the environment (as
 * test/scoring/totals.test.ts reads them), seeded permutations of arrays and of object keys, the
 * JSON used for byte comparisons, and random schemes whose every indicator knows which of its
 * values are better.
 */

/** Runs per property: 15 (kept small: the folder must stay fast) times `JIXIAO_PROPERTY_SCALE`. */
export const RUNS = runs(15);
/** The seed: `JIXIAO_SEED`, or a fixed one so that a run can be repeated. */
export const SEED = Number(process.env.JIXIAO_SEED ?? 20261130);
/** fast-check parameters: `scale` × RUNS runs (at least 1), the seed. */
export const params = (scale = 1) => ({ numRuns: Math.max(1, Math.round(RUNS * scale)), seed: SEED });

// ---------------------------------------------------------------------------------------------
// Seeded randomness for permutations (fast-check gives the seed, so a failure names it).

/** A small seeded generator (mulberry32, the examples' own): the same seed, the same sequence. */
export const rngOf = random;

/** The array in a random order (Fisher–Yates with the generator); the input is not changed. */
export function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A random permutation of 0 … n − 1. */
export const permutation = (n: number, rng: () => number): number[] => shuffle(Array.from({ length: n }, (_, i) => i), rng);

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The value rebuilt with every plain object's keys inserted in a random order, at every depth.
 * Arrays keep their order (their items are rebuilt); functions and other values are kept as they are.
 * `keep(path)` names objects whose keys keep their order (an order the rules give meaning to).
 */
export function permuteKeys<T>(value: T, rng: () => number, keep: (path: readonly string[]) => boolean = () => false, path: readonly string[] = []): T {
  if (Array.isArray(value)) return value.map((v) => permuteKeys(v, rng, keep, path)) as T;
  if (!isPlain(value)) return value;
  const keys = keep(path) ? Object.keys(value) : shuffle(Object.keys(value), rng);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = permuteKeys(value[k], rng, keep, [...path, k]);
  return out as T;
}

/** Whether a value holds a decimal.js instance anywhere (results are plain data: they must not). */
export function holdsDecimal(value: unknown, seen = new Set<unknown>()): boolean {
  if (Decimal.isDecimal(value)) return true;
  if (value === null || typeof value !== "object" || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as object).some((v) => holdsDecimal(v, seen));
}

/**
 * The JSON compared byte for byte. A decimal.js value (none is expected in a result; see
 * `holdsDecimal`) would print as its exact text, marked, instead of through its own `toJSON`.
 */
export function json(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return Decimal.isDecimal(raw) ? `Decimal(${(raw as Decimal).toString()})` : v;
  });
}

/** The value with the keys of every object at a key named in `names` sorted (for fields that echo an input object as given). */
export function sortKeysAt<T>(value: T, names: ReadonlySet<string>, inside = false): T {
  if (Array.isArray(value)) return value.map((v) => sortKeysAt(v, names, inside)) as T;
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value as object);
  const out: Record<string, unknown> = {};
  for (const k of inside ? [...keys].sort() : keys) out[k] = sortKeysAt((value as Record<string, unknown>)[k], names, inside || names.has(k));
  return out as T;
}

/** Runs `fn` twice and checks that both runs give the same JSON; returns it. */
export function twice(fn: () => unknown): string {
  const one = json(fn());
  const two = json(fn());
  expect(two).toBe(one);
  return one;
}

/** Code-unit order, as the library sorts ids. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The items of a list keyed by `key`, in code-unit order of the keys, as JSON (for outputs that follow the input order). */
export function keyed<T>(items: readonly T[], key: (t: T) => string): string {
  return json([...items].map((t) => [key(t), t] as const).sort((x, y) => byText(x[0], y[0])));
}

// ---------------------------------------------------------------------------------------------
// Exact decimals.

/** A decimal with up to `places` decimals between `min` and `max`, as exact text. */
export const decText = (min: number, max: number, places = 2): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((n) => new Decimal(n).div(10 ** places).toString());

/** Exact decimal comparison of two texts or numbers. */
export const D = (v: string | number): Decimal => new Decimal(typeof v === "number" ? String(v) : v);

// ---------------------------------------------------------------------------------------------
// Random schemes whose indicators know their better values.

export const MODES = ["half-up", "half-even", "down", "up", "floor", "ceiling"] as const;

/** An indicator of a random scheme: its method, its values, and how to make a value at least as good. */
export interface IndicatorSpec {
  readonly id: string;
  readonly points: number;
  readonly method: JsonMethod;
  /** A value the method accepts. */
  readonly value: fc.Arbitrary<unknown>;
  /** A value at least as good as `v` (for `k` ≥ 0; `k` = 0 may give `v` itself). */
  readonly improve: (v: unknown, k: number) => unknown;
  /** Whether it ranks a batch (the `rank` method). */
  readonly batch: boolean;
}

const num = (v: unknown) => new Decimal(String(v));
const up = (v: unknown, k: number) => num(v).plus(new Decimal(k).div(7).toDecimalPlaces(2)).toString();
const downTo0 = (v: unknown, k: number) => Decimal.max(0, num(v).minus(new Decimal(k).div(7).toDecimalPlaces(2))).toString();
const GRADES = ["差", "中", "良", "优"] as const;

/** A method with its values and its order of better values, for an indicator of `points` points. */
export function specArb(id: string, points: number, withRank = true): fc.Arbitrary<IndicatorSpec> {
  const spec = (method: JsonMethod, value: fc.Arbitrary<unknown>, improve: IndicatorSpec["improve"], batch = false): IndicatorSpec => ({ id, points, method, value, improve, batch });
  const options: fc.Arbitrary<IndicatorSpec>[] = [
    fc.record({ target: decText(0.5, 200, 1), cap: fc.option(decText(0.5, 1, 2), { nil: undefined }), lower: fc.boolean() }).map(({ target, cap, lower }) =>
      spec({ type: "completion", target, ...(cap ? { cap } : {}), ...(lower ? { direction: "lower" as const } : {}) }, decText(0, 300), lower ? downTo0 : up),
    ),
    fc.record({ a: fc.integer({ min: 0, max: 100 }), b: fc.integer({ min: 0, max: 100 }), wf: fc.option(decText(0, 0.9, 2), { nil: undefined }) })
      .filter(({ a, b }) => a !== b)
      .map(({ a, b, wf }) => spec({ type: "band", best: a, worst: b, ...(wf ? { worstFraction: wf } : {}) }, decText(-20, 120), a > b ? up : (v, k) => num(v).minus(new Decimal(k).div(7).toDecimalPlaces(2)).toString())),
    fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }).chain((ats) =>
      fc.array(decText(0, 1, 2), { minLength: ats.length, maxLength: ats.length }).map((fs) => {
        // Monotone steps: a higher threshold never gives a smaller fraction.
        const thresholds = [...ats].sort((x, y) => y - x);
        const fractions = [...fs].sort((x, y) => num(y).cmp(num(x)));
        return spec({ type: "steps", steps: thresholds.map((t, i) => ({ atLeast: t, fraction: fractions[i]! })) }, decText(-10, 110), up);
      }),
    ),
    fc.constant(spec({ type: "grade", grades: { 优: 1, 良: "0.85", 中: "0.6", 差: 0 } }, fc.constantFrom(...GRADES), (v, k) => GRADES[Math.min(3, GRADES.indexOf(v as (typeof GRADES)[number]) + k)])),
    fc.record({ per: decText(0.1, 3, 2), floor: fc.option(fc.constant(0), { nil: undefined }) }).map(({ per, floor }) =>
      spec({ type: "deduction", per, ...(floor !== undefined ? { floor } : {}) }, fc.integer({ min: 0, max: 20 }), (v, k) => Math.max(0, (v as number) - k)),
    ),
    decText(0.1, 2, 2).map((per) => spec({ type: "bonus", per }, fc.integer({ min: 0, max: 30 }), (v, k) => (v as number) + k)),
    fc.constantFrom(undefined, 100).map((scale) => {
      const top = scale ?? points;
      return spec({ type: "direct", ...(scale !== undefined ? { scale } : {}) }, decText(0, top), (v, k) => Decimal.min(top, num(v).plus(k)).toString());
    }),
    fc.constant(
      spec(
        { type: "votes", grades: { 优秀: 1, 称职: "0.8", 基本称职: "0.5", 不称职: 0 } },
        fc.record({ 优秀: fc.integer({ min: 1, max: 30 }), 称职: fc.nat(30), 基本称职: fc.nat(10), 不称职: fc.nat(10) }),
        (v, k) => ({ ...(v as Record<string, number>), 优秀: (v as Record<string, number>).优秀! + k }),
      ),
    ),
  ];
  if (withRank)
    options.push(
      fc.record({ step: fc.option(decText(0.5, 3, 1), { nil: undefined }), floor: fc.option(fc.constant(0), { nil: undefined }), lower: fc.boolean() }).map(({ step, floor, lower }) =>
        spec(
          { type: "rank", ...(step ? { step } : { proportional: true }), ...(floor !== undefined ? { floor } : {}), ...(lower ? { direction: "lower" as const } : {}) },
          fc.integer({ min: 0, max: 40 }),
          // Proportional rank takes no negative value: the better of a lower direction stops at 0.
          lower ? (v, k) => Math.max(0, (v as number) - k) : (v, k) => (v as number) + k,
          true,
        ),
      ),
    );
  return fc.oneof(...options);
}

/** A random scheme: its configuration and its indicators' specs. */
export interface World {
  readonly config: SchemeConfig;
  readonly specs: readonly IndicatorSpec[];
}

const roundingArb = fc.option(fc.record({ decimals: fc.integer({ min: 0, max: 3 }), mode: fc.constantFrom(...MODES) }), { nil: undefined, freq: 3 });

/**
 * A random scheme: 1–3 groups of 1–3 indicators with whole points (so that every rounding to 0–3
 * decimals keeps a full score reachable exactly), every JSON method, rounding at any point in any
 * mode, convert or exclude, bonus and deduction caps, and the three kinds of veto.
 */
export function worldArb(options: { withRank?: boolean } = {}): fc.Arbitrary<World> {
  return fc
    .record({
      groups: fc.array(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      indicator: roundingArb,
      group: roundingArb,
      total: roundingArb,
      convert: fc.boolean(),
      bonusCap: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      deductionCap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      vetoCap: fc.integer({ min: 0, max: 100 }),
    })
    .chain((w) => {
      let k = 0;
      const ids = w.groups.map((g) => g.map((p) => ({ id: `i${k++}`, points: p })));
      return fc.tuple(fc.constant(w), fc.tuple(...ids.flat().map((x) => specArb(x.id, x.points, options.withRank ?? true))));
    })
    .map(([w, specs]) => {
      let k = 0;
      const groups = w.groups.map((pts, gi) => ({
        id: `g${gi}`,
        points: pts.reduce((a, b) => a + b, 0),
        indicators: pts.map(() => {
          const s = specs[k++]!;
          return { id: s.id, points: s.points, method: s.method };
        }),
      }));
      const config: SchemeConfig = {
        id: "law",
        full: groups.reduce((a, g) => a + g.points, 0),
        rounding: { ...(w.indicator ? { indicator: w.indicator } : {}), ...(w.group ? { group: w.group } : {}), ...(w.total ? { total: w.total } : {}) },
        notApplicable: w.convert ? "convert" : "exclude",
        groups,
        adjustments: { ...(w.bonusCap !== undefined ? { bonus: { cap: w.bonusCap } } : {}), ...(w.deductionCap !== undefined ? { deduction: { cap: w.deductionCap } } : {}) },
        vetoes: [
          { id: "zero", effect: "zero" },
          { id: "cap", effect: "cap", cap: w.vetoCap },
          { id: "flag", effect: "flag" },
        ],
      };
      // Printed as its configuration when a property fails (the specs hold generators).
      return { config, specs, [fc.toStringMethod]: () => `World(${JSON.stringify(config)})` };
    });
}

/** Subjects for a world: values (some not applicable), bonus and deduction items (some aimed at an indicator), vetoes, flags and attributes. */
export function subjectsArb(world: World, size: { min: number; max: number }, options: { na?: boolean } = {}): fc.Arbitrary<SubjectInput[]> {
  const ids = world.specs.map((s) => s.id);
  const item = fc.record(
    { points: decText(0.01, 4, 2), reason: fc.constantFrom("创新", "差错", "r"), ref: fc.constantFrom("文号-1", "文号-2"), indicator: fc.constantFrom(...ids) },
    { requiredKeys: ["points", "reason"] },
  );
  const subject = fc.record(
    {
      values: fc.tuple(...world.specs.map((s) => (options.na === false ? s.value : fc.oneof({ weight: 9, arbitrary: s.value }, { weight: 1, arbitrary: fc.constantFrom(null, { na: true, reason: "调入" }) })))),
      group: fc.constantFrom("科员", "副科"),
      name: fc.constantFrom("张", "李", "王"),
      bonus: fc.array(item, { maxLength: 2 }),
      deductions: fc.array(item, { maxLength: 2 }),
      vetoes: fc.subarray(["zero", "cap", "flag"], { maxLength: 2 }),
      flags: fc.array(fc.record({ id: fc.constantFrom("f1", "f2"), reason: fc.constant("given") }), { maxLength: 1 }),
      attributes: fc.record({ dept: fc.constantFrom("征管", "纳服"), level: fc.integer({ min: 1, max: 3 }), lead: fc.boolean() }),
    },
    { requiredKeys: ["values", "group", "attributes"] },
  );
  return fc.array(subject, { minLength: size.min, maxLength: size.max }).map((list) =>
    list.map((s, i): SubjectInput => {
      const values = Object.fromEntries(ids.map((id, j) => [id, s.values[j]]));
      // An item aimed at an indicator that does not apply is refused: aim those at the total.
      const fix = (items: typeof s.bonus | undefined) => items?.map((x) => (x.indicator !== undefined && (values[x.indicator] === null || typeof values[x.indicator] === "object" && (values[x.indicator] as { na?: boolean }).na === true) ? { points: x.points, reason: x.reason } : x));
      // Every subject keeps one applicable indicator.
      if (ids.every((id) => values[id] === null || (values[id] as { na?: boolean } | undefined)?.na === true)) values[ids[0]!] = fc.sample(world.specs[0]!.value, { numRuns: runs(1), seed: i })[0];
      return {
        ...s,
        id: `s${String(i).padStart(3, "0")}`,
        values,
        ...(s.bonus ? { bonus: fix(s.bonus) } : {}),
        ...(s.deductions ? { deductions: fix(s.deductions) } : {}),
      } as SubjectInput;
    }),
  );
}
