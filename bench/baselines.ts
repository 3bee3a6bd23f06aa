/**
 * The baselines the benchmark measures the engine against, in the same run on the same data:
 *
 * - `floatTotals`: the scheme's arithmetic in plain float64, parameters read once — the speed
 *   limit. Inexact: its totals differ from the exact ones now and then (the run counts how often).
 * - `decimalTotals`: the same arithmetic in decimal.js as a careful newcomer writes it — a
 *   `new Decimal(…)` for every number it touches, every time, nothing cached or compiled. It uses
 *   the engine's working precision (a `Decimal.clone` with 40 significant digits, half-up), so that
 *   the few non-terminating quotients round as the engine's do, and its totals must equal the
 *   engine's exactly.
 *
 * Both implement the engine's documented formulas (src/methods/*.ts, src/scoring/evaluate.ts) for
 * the JSON methods and for subjects that give every indicator a value (or `null`):
 *
 *   completion  fraction = clamp(actual ÷ target, 0, cap); lower: actual ≤ target ? 1 : target ÷ actual
 *               earned = points × fraction
 *   band        position = clamp((value − worst) ÷ (best − worst), 0, 1)
 *               earned = points × (low + (1 − low) × position)
 *   steps       the best threshold reached (highest atLeast / lowest atMost): points × fraction, or its
 *               points; none reached: 0
 *   grade       points × grades[value]
 *   deduction   max(points − min(count × per, max), floor)
 *   bonus       min(count × per, points)
 *   rank        within the subject's `group`, not-applicable values left out, competition places
 *               (1, 2, 2, 4); step: max(points − step × (place − 1), floor); proportional:
 *               max(points × clamp(value ÷ leader, 0, 1), floor) (leader 0: full points)
 *   votes       points × (Σ count × value) ÷ Σ count   — computed as points × (weighted ÷ total)
 *   direct      the value; with scale: value × points ÷ scale   — in that order
 *
 * then each indicator's earned points are rounded (the scheme's `indicator` rounding); bonus and
 * deduction items aimed at an indicator give max(0, min(points, earned + bonus) − deduction); the
 * groups are summed (and rounded where `group` rounding is set); with some indicator not applicable
 * and `notApplicable: "convert"` the base is earned ÷ applicable points × full (in that order);
 * total = base + min(Σ bonus, cap) − min(Σ deductions, cap); vetoes in the scheme's order (zero → 0,
 * cap → min(total, cap), flag → nothing); a negative total becomes 0; the total is rounded.
 */
import DecimalJs from "decimal.js";
import type { SchemeConfig, SubjectInput } from "../src/index.js";

/** A subject's total as exact decimal text. */
export interface TotalRow {
  readonly subjectId: string;
  readonly total: string;
}

type Json = Record<string, unknown>;
type Cfg = SchemeConfig;

// ───────────────────────────────────────── decimal.js ─────────────────────────────────────────

/** The newcomer's decimal: 40 significant digits, half-up, as the engine's working precision. */
const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
type D = InstanceType<typeof Decimal>;

const ROUNDING_MODE: Record<string, DecimalJs.Rounding> = {
  "half-up": DecimalJs.ROUND_HALF_UP,
  "half-even": DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceiling: DecimalJs.ROUND_CEIL,
};

const dMin = (a: D, b: D) => (a.lt(b) ? a : b);
const dMax = (a: D, b: D) => (a.gt(b) ? a : b);
const dClamp = (v: D, lo: D, hi: D) => (v.lt(lo) ? lo : v.gt(hi) ? hi : v);
const dRound = (v: D, r: { decimals: number; mode?: string } | undefined) => (r ? v.toDecimalPlaces(r.decimals, ROUNDING_MODE[r.mode ?? "half-up"]!) : v);

/** Rank points of one rank indicator for every subject that has a value, by subject index. */
function decimalRank(cfg: Cfg, id: string, points: D, method: Json, subjects: readonly SubjectInput[]): Map<number, D> {
  const groups = new Map<string, { index: number; value: D }[]>();
  subjects.forEach((s, index) => {
    const raw = s.values[id];
    if (raw === null || raw === undefined) return;
    const key = s.group ?? "";
    const list = groups.get(key) ?? groups.set(key, []).get(key)!;
    list.push({ index, value: new Decimal(raw as number | string) });
  });
  const out = new Map<number, D>();
  const lower = method.direction === "lower";
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => (lower ? a.value.cmp(b.value) : b.value.cmp(a.value)));
    const place = new Map<string, number>();
    sorted.forEach((e, i) => {
      const key = e.value.toString();
      if (!place.has(key)) place.set(key, i + 1);
    });
    const leader = sorted[0]!.value;
    for (const e of list) {
      const floor = new Decimal((method.floor as number | undefined) ?? 0);
      let earned: D;
      if (method.step !== undefined) {
        earned = points.minus(new Decimal(method.step as number).times(place.get(e.value.toString())! - 1));
      } else {
        const ratio = lower ? (e.value.isZero() ? new Decimal(1) : leader.div(e.value)) : leader.isZero() ? new Decimal(1) : e.value.div(leader);
        // points × value ÷ leader (multiplied before divided, as the engine documents)
        earned = ratio.gte(1) ? points : ratio.lte(0) ? new Decimal(0) : lower ? points.times(leader).div(e.value) : points.times(e.value).div(leader);
      }
      out.set(e.index, dMax(earned, floor));
    }
  }
  void cfg;
  return out;
}

/** One indicator's unrounded earned points in decimal.js. */
function decimalIndicator(method: Json, points: D, raw: unknown): D {
  switch (method.type) {
    case "completion": {
      const actual = new Decimal(raw as number | string);
      const target = new Decimal(method.target as number);
      const cap = new Decimal((method.cap as number | undefined) ?? 1);
      const ratio = method.direction === "lower" ? (actual.lte(target) ? new Decimal(1) : target.div(actual)) : actual.div(target);
      // points × actual ÷ target inside the cap (multiplied before divided, as the engine documents)
      if (ratio.gte(cap) || ratio.lte(0)) return points.times(dClamp(ratio, new Decimal(0), cap));
      return method.direction === "lower" ? points.times(target).div(actual) : points.times(actual).div(target);
    }
    case "band": {
      const v = new Decimal(raw as number | string);
      const best = new Decimal(method.best as number);
      const worst = new Decimal(method.worst as number);
      const low = new Decimal((method.worstFraction as number | undefined) ?? 0);
      const span = best.minus(worst);
      const position = dClamp(v.minus(worst).div(span), new Decimal(0), new Decimal(1));
      if (position.lte(0) || position.gte(1)) return points.times(low.plus(new Decimal(1).minus(low).times(position)));
      // points × (low × span + (1 − low) × (value − worst)) ÷ span
      return points.times(low.times(span).plus(new Decimal(1).minus(low).times(v.minus(worst)))).div(span);
    }
    case "steps": {
      const v = new Decimal(raw as number | string);
      const steps = method.steps as { atLeast?: number; atMost?: number; fraction?: number; points?: number }[];
      const lower = steps.some((s) => s.atMost !== undefined);
      let best: (typeof steps)[number] | undefined;
      for (const s of steps) {
        const t = new Decimal((s.atLeast ?? s.atMost)!);
        if (lower ? v.lte(t) : v.gte(t))
          if (!best || (lower ? t.lt(new Decimal(best.atMost!)) : t.gt(new Decimal(best.atLeast!)))) best = s;
      }
      if (!best) return new Decimal(0);
      return best.points !== undefined ? new Decimal(best.points) : points.times(new Decimal(best.fraction!));
    }
    case "grade":
      return points.times(new Decimal((method.grades as Record<string, number>)[raw as string]!));
    case "deduction": {
      const deducted = new Decimal(raw as number).times(new Decimal(method.per as number));
      const limited = method.max !== undefined ? dMin(deducted, new Decimal(method.max as number)) : deducted;
      return dMax(points.minus(limited), new Decimal((method.floor as number | undefined) ?? 0));
    }
    case "bonus":
      return dMin(new Decimal(raw as number).times(new Decimal(method.per as number)), points);
    case "votes": {
      const grades = method.grades as Record<string, number>;
      const counts = raw as Record<string, number>;
      let total = new Decimal(0);
      let weighted = new Decimal(0);
      for (const g of Object.keys(grades)) {
        const n = new Decimal(counts[g] ?? 0);
        total = total.plus(n);
        weighted = weighted.plus(n.times(new Decimal(grades[g]!)));
      }
      return points.times(weighted).div(total);
    }
    case "direct": {
      const v = new Decimal(raw as number | string);
      return method.scale === undefined ? v : v.times(points).div(new Decimal(method.scale as number));
    }
    default:
      throw new Error(`the decimal baseline does not implement method ${String(method.type)}`);
  }
}

/** The scheme's totals in decimal.js, as a careful newcomer writes them: `new Decimal` everywhere, nothing cached. */
export function decimalTotals(cfg: Cfg, subjects: readonly SubjectInput[]): TotalRow[] {
  const ranks = new Map<string, Map<number, D>>();
  for (const g of cfg.groups)
    for (const ind of g.indicators)
      if (ind.method.type === "rank") ranks.set(ind.id, decimalRank(cfg, ind.id, new Decimal(ind.points), ind.method as unknown as Json, subjects));
  const rounding = cfg.rounding ?? {};
  return subjects.map((s, index) => {
    let earnedTotal = new Decimal(0);
    let applicable = new Decimal(0);
    let all = new Decimal(0);
    for (const g of cfg.groups) {
      let gEarned = new Decimal(0);
      for (const ind of g.indicators) {
        const points = new Decimal(ind.points);
        all = all.plus(points);
        const raw = s.values[ind.id];
        if (raw === null || raw === undefined) continue;
        let earned = ind.method.type === "rank" ? ranks.get(ind.id)!.get(index)! : decimalIndicator(ind.method as unknown as Json, points, raw);
        earned = dRound(earned, rounding.indicator);
        const aimedBonus = (s.bonus ?? []).filter((b) => b.indicator === ind.id);
        const aimedDeduction = (s.deductions ?? []).filter((b) => b.indicator === ind.id);
        if (aimedBonus.length || aimedDeduction.length) {
          const plus = aimedBonus.reduce((a, b) => a.plus(new Decimal(b.points)), new Decimal(0));
          const minus = aimedDeduction.reduce((a, b) => a.plus(new Decimal(b.points)), new Decimal(0));
          earned = dMax(new Decimal(0), dMin(points, earned.plus(plus)).minus(minus));
        }
        gEarned = gEarned.plus(earned);
        applicable = applicable.plus(points);
      }
      earnedTotal = earnedTotal.plus(dRound(gEarned, rounding.group));
    }
    let base = earnedTotal;
    if (applicable.lt(all) && cfg.notApplicable !== "exclude") base = earnedTotal.times(new Decimal(cfg.full)).div(applicable);
    const sumOf = (items: SubjectInput["bonus"], cap: unknown) => {
      const requested = (items ?? []).filter((i) => i.indicator === undefined).reduce((a, i) => a.plus(new Decimal(i.points)), new Decimal(0));
      return cap === undefined ? requested : dMin(requested, new Decimal(cap as number));
    };
    let total = base.plus(sumOf(s.bonus, cfg.adjustments?.bonus?.cap)).minus(sumOf(s.deductions, cfg.adjustments?.deduction?.cap));
    for (const v of cfg.vetoes ?? []) {
      if (!(s.vetoes ?? []).some((h) => (typeof h === "string" ? h : h.id) === v.id)) continue;
      if (v.effect === "zero") total = new Decimal(0);
      else if (v.effect === "cap") total = dMin(total, new Decimal(v.cap!));
    }
    if (total.isNegative()) total = new Decimal(0);
    total = dRound(total, rounding.total);
    return { subjectId: s.id, total: total.isZero() ? "0" : total.toString() };
  });
}

// ───────────────────────────────────────── float64 ─────────────────────────────────────────

type FloatIndicator = { readonly id: string; readonly points: number; readonly score: (raw: unknown) => number; readonly rank?: Json };

const fClamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
const fRound = (v: number, r: { decimals: number } | undefined) => {
  if (!r) return v;
  const f = 10 ** r.decimals;
  return Math.round(v * f) / f; // half toward +∞ on the float, not on the decimal: inexact by design
};

/** Compiles one indicator to a float64 function once (the speed limit: no allocation per value). */
function floatIndicator(id: string, points: number, m: Json): FloatIndicator {
  const num = (x: unknown) => Number(x);
  switch (m.type) {
    case "completion": {
      const target = num(m.target);
      const cap = m.cap === undefined ? 1 : num(m.cap);
      const lower = m.direction === "lower";
      return { id, points, score: (raw) => { const a = Number(raw); return points * fClamp(lower ? (a <= target ? 1 : target / a) : a / target, 0, cap); } };
    }
    case "band": {
      const best = num(m.best), worst = num(m.worst), low = m.worstFraction === undefined ? 0 : num(m.worstFraction);
      const span = best - worst;
      return { id, points, score: (raw) => points * (low + (1 - low) * fClamp((Number(raw) - worst) / span, 0, 1)) };
    }
    case "steps": {
      const steps = (m.steps as Json[]).map((s) => ({ t: num(s.atLeast ?? s.atMost), f: s.fraction === undefined ? undefined : num(s.fraction), p: s.points === undefined ? undefined : num(s.points) }));
      const lower = (m.steps as Json[]).some((s) => s.atMost !== undefined);
      steps.sort((a, b) => (lower ? a.t - b.t : b.t - a.t));
      return {
        id,
        points,
        score: (raw) => {
          const v = Number(raw);
          for (const s of steps) if (lower ? v <= s.t : v >= s.t) return s.p ?? points * s.f!;
          return 0;
        },
      };
    }
    case "grade": {
      const table = new Map(Object.entries(m.grades as Record<string, unknown>).map(([k, v]) => [k, num(v)]));
      return { id, points, score: (raw) => points * table.get(raw as string)! };
    }
    case "deduction": {
      const per = num(m.per), floor = m.floor === undefined ? 0 : num(m.floor), max = m.max === undefined ? Infinity : num(m.max);
      return { id, points, score: (raw) => Math.max(points - Math.min(Number(raw) * per, max), floor) };
    }
    case "bonus": {
      const per = num(m.per);
      return { id, points, score: (raw) => Math.min(Number(raw) * per, points) };
    }
    case "votes": {
      const grades = Object.entries(m.grades as Record<string, unknown>).map(([k, v]) => [k, num(v)] as const);
      return {
        id,
        points,
        score: (raw) => {
          const c = raw as Record<string, number>;
          let total = 0, weighted = 0;
          for (const [g, w] of grades) { const n = c[g] ?? 0; total += n; weighted += n * w; }
          return points * (weighted / total);
        },
      };
    }
    case "direct": {
      const scale = m.scale === undefined ? undefined : num(m.scale);
      return { id, points, score: scale === undefined ? (raw) => Number(raw) : (raw) => (Number(raw) * points) / scale };
    }
    case "rank":
      return { id, points, score: () => NaN, rank: m };
    default:
      throw new Error(`the float baseline does not implement method ${String(m.type)}`);
  }
}

/** A scheme compiled for the float64 baseline. */
export interface FloatScheme {
  readonly cfg: Cfg;
  readonly groups: readonly (readonly FloatIndicator[])[];
  readonly all: number;
}

/** Compiles a scheme for {@link floatTotals} (once, outside the timed loop). */
export function compileFloat(cfg: Cfg): FloatScheme {
  const groups = cfg.groups.map((g) => g.indicators.map((i) => floatIndicator(i.id, Number(i.points), i.method as unknown as Json)));
  return { cfg, groups, all: groups.flat().reduce((a, i) => a + i.points, 0) };
}

function floatRank(ind: FloatIndicator, subjects: readonly SubjectInput[]): Float64Array {
  const out = new Float64Array(subjects.length);
  const m = ind.rank!;
  const lower = m.direction === "lower";
  const floor = m.floor === undefined ? 0 : Number(m.floor);
  const step = m.step === undefined ? undefined : Number(m.step);
  const groups = new Map<string, number[]>();
  subjects.forEach((s, i) => {
    const raw = s.values[ind.id];
    if (raw === null || raw === undefined) return;
    const key = s.group ?? "";
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  });
  const value = (i: number) => Number(subjects[i]!.values[ind.id]);
  for (const list of groups.values()) {
    const sorted = list.map((i) => value(i)).sort((a, b) => (lower ? a - b : b - a));
    const leader = sorted[0]!;
    for (const i of list) {
      const v = value(i);
      let earned: number;
      if (step !== undefined) {
        // competition place: 1 + how many are strictly better (binary search on the sorted values)
        let lo = 0, hi = sorted.length;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (lower ? sorted[mid]! < v : sorted[mid]! > v) lo = mid + 1; else hi = mid; }
        earned = ind.points - step * lo;
      } else {
        const ratio = lower ? (v === 0 ? 1 : leader / v) : leader === 0 ? 1 : v / leader;
        earned = ind.points * fClamp(ratio, 0, 1);
      }
      out[i] = Math.max(earned, floor);
    }
  }
  return out;
}

/** The scheme's totals in plain float64 (inexact), rounded with `Math.round(x × 10^d) ÷ 10^d`. */
export function floatTotals(fs: FloatScheme, subjects: readonly SubjectInput[]): Float64Array {
  const cfg = fs.cfg;
  const rounding = cfg.rounding ?? {};
  const ranks = new Map<string, Float64Array>();
  for (const g of fs.groups) for (const ind of g) if (ind.rank) ranks.set(ind.id, floatRank(ind, subjects));
  const bonusCap = cfg.adjustments?.bonus?.cap === undefined ? Infinity : Number(cfg.adjustments.bonus.cap);
  const deductionCap = cfg.adjustments?.deduction?.cap === undefined ? Infinity : Number(cfg.adjustments.deduction.cap);
  const full = Number(cfg.full);
  const convert = cfg.notApplicable !== "exclude";
  const out = new Float64Array(subjects.length);
  for (let k = 0; k < subjects.length; k++) {
    const s = subjects[k]!;
    const values = s.values;
    let earnedTotal = 0, applicable = 0;
    for (const g of fs.groups) {
      let gEarned = 0;
      for (const ind of g) {
        const raw = values[ind.id];
        if (raw === null || raw === undefined) continue;
        let earned = fRound(ind.rank ? ranks.get(ind.id)![k]! : ind.score(raw), rounding.indicator);
        if (s.bonus || s.deductions) {
          let plus = 0, minus = 0, aimed = false;
          for (const b of s.bonus ?? []) if (b.indicator === ind.id) { plus += Number(b.points); aimed = true; }
          for (const b of s.deductions ?? []) if (b.indicator === ind.id) { minus += Number(b.points); aimed = true; }
          if (aimed) earned = Math.max(0, Math.min(ind.points, earned + plus) - minus);
        }
        gEarned += earned;
        applicable += ind.points;
      }
      earnedTotal += fRound(gEarned, rounding.group);
    }
    let total = applicable < fs.all && convert ? (earnedTotal / applicable) * full : earnedTotal;
    if (s.bonus) { let b = 0; for (const i of s.bonus) if (i.indicator === undefined) b += Number(i.points); total += Math.min(b, bonusCap); }
    if (s.deductions) { let d = 0; for (const i of s.deductions) if (i.indicator === undefined) d += Number(i.points); total -= Math.min(d, deductionCap); }
    if (s.vetoes)
      for (const v of cfg.vetoes ?? []) {
        if (!s.vetoes.some((h) => (typeof h === "string" ? h : h.id) === v.id)) continue;
        if (v.effect === "zero") total = 0;
        else if (v.effect === "cap") total = Math.min(total, Number(v.cap));
      }
    out[k] = fRound(total < 0 ? 0 : total, rounding.total);
  }
  return out;
}
