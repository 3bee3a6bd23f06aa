import { Dec, toDec, type Dec as DecT } from "../core/decimal.js";
import { dec, isId, isPlainObject, isText, RESERVED_KEYS, type DecimalInput } from "../core/validate.js";
import { isNotApplicable } from "./evaluate.js";
import { applyRounding, type Rounding, type RoundingMode } from "../core/rounding.js";
import type { Method } from "../methods/index.js";
import type { CompiledScheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import type { ScoreOptions } from "./result.js";
import { implausible, implausibleValue, RATIO_TO_PERCENT_DIGITS, unitPlans, type ValueCheck } from "./unit.js";
import type { Issue } from "../core/errors.js";
import { MAX_ADJUSTMENTS, MAX_FLAGS, MAX_VETOES } from "../core/limits.js";

/*
 * The exact fast path for totals. Every quantity is an integer held in a float64 — a count of
 * 10^-Q (Q = 8) for points — so sums, products and comparisons are exact while they stay below
 * 2^52; every product is checked. Each indicator's earned points are a single quotient
 * (the methods multiply before they divide), rounded where the scheme rounds, or required to be
 * exact where it does not. Anything outside that — a value with more than 6 decimals, a product
 * too large, a quotient that does not terminate where nothing rounds it, an unusual subject —
 * marks the subject `bad`, and the caller scores it with the full decimal.js path instead. The
 * differential test in the suite checks the two agree.
 */

/** Decimals of the common scale: points are integers counting 10^-8. */
const Q = 8;
/** 10^Q: a fast value divided by it is its points. @internal */
export const FAST_SCALE = 10 ** Q;
/** The largest magnitude kept: products up to it, and a quotient's divisor times its quotient, are exact. */
const LIM = 2 ** 52;
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The working state of one {@link fastTotals} call, made by the call and passed down to every
 * reader and scorer: nothing is kept at module level, so a call made while another is running (a
 * value getter that scores again) has its own state and cannot reset the outer call's.
 * @internal
 */
export class FastWork {
  /** Set when the current subject left the fast path's exact range. */
  bad = false;
  /** The integer of the last number read: it is A × 10^-S. */
  A = 0;
  /** The scale of the last number read. */
  S = 0;
}

const check = (w: FastWork, x: number): number => {
  // (NaN is beyond too.)
  if (!(Math.abs(x) <= LIM)) w.bad = true;
  return x;
};
const mul = (w: FastWork, a: number, b: number): number => check(w, a * b);
/** 10^n; every scale difference used is 0 to 16 (decimals of at most 8 each). Past the table, NaN reaches `check` and marks the subject `bad`. */
const pow = (n: number): number => POW10[n]!;

/** Reads a number or plain decimal text of at most 9 integer and 6 decimal digits into `w.A` × 10^-`w.S`. */
function read(w: FastWork, v: unknown): boolean {
  if (typeof v === "number") {
    if (!(v < 1e9 && v > -1e9)) return false;
    if (Number.isInteger(v)) {
      w.A = v === 0 ? 0 : v;
      w.S = 0;
      return true;
    }
    for (let s = 1; s <= 6; s++) {
      const n = Math.round(v * POW10[s]!);
      if (n / POW10[s]! === v) {
        w.A = n;
        w.S = s;
        return true;
      }
    }
    return false;
  }
  if (typeof v === "string" && v.length <= 17 && /^-?\d{1,9}(?:\.\d{1,6})?$/.test(v)) {
    const dot = v.indexOf(".");
    w.S = dot < 0 ? 0 : v.length - dot - 1;
    w.A = Number(dot < 0 ? v : v.slice(0, dot) + v.slice(dot + 1));
    if (w.A === 0) w.A = 0;
    return true;
  }
  return false;
}

/** Reads a value of an indicator whose unit is `ratio`, as {@link read} does, and multiplies it by 100 (a ratio's percent). */
function readRatio(w: FastWork, v: unknown): boolean {
  if (!read(w, v)) return false;
  // × 100: two decimals fewer, or the integer times 10^(2 − S) (checked: it may pass the exact range).
  if (w.S >= RATIO_TO_PERCENT_DIGITS) w.S -= RATIO_TO_PERCENT_DIGITS;
  else (w.A = check(w, w.A * POW10[RATIO_TO_PERCENT_DIGITS - w.S]!)), (w.S = 0);
  return true;
}

/** An integer `n` and scale `s` of a decimal known at compile time, or `undefined` beyond the range. */
interface Scaled {
  readonly n: number;
  readonly s: number;
}
function scaled(d: DecT): Scaled | undefined {
  const s = d.decimalPlaces();
  if (s > Q) return undefined;
  const n = d.times(POW10[s]!).toNumber();
  return Number.isSafeInteger(n) && Math.abs(n) <= LIM / 1024 ? { n, s } : undefined;
}

/**
 * Rounds num ÷ den (integers, |num| ≤ 2^53, den > 0) to an integer by a mode; `exact` marks `bad`
 * when there is a remainder. The float quotient is within half a unit in its last place, less
 * than 1 ÷ den, of num ÷ den, and a fraction n ÷ den is at least 1 ÷ den from the next integer: so
 * `Math.trunc` gives the exact quotient, with no correction, and q × den and r are exact.
 * @internal
 */
export function roundDiv(w: FastWork, num: number, den: number, mode: RoundingMode | "exact"): number {
  const q = Math.trunc(num / den) + 0; // + 0: never -0
  const r = num - q * den; // the remainder, with num's sign
  if (r === 0) return q;
  const away = num < 0 ? q - 1 : q + 1;
  const twice = 2 * Math.abs(r);
  switch (mode) {
    case "exact":
      w.bad = true;
      return 0;
    case "down":
      return q;
    case "up":
      return away;
    case "floor":
      return num < 0 ? q - 1 : q;
    case "ceiling":
      return num < 0 ? q : q + 1;
    case "half-up":
      return twice >= den ? away : q;
    case "half-even":
      return twice > den ? away : twice < den ? q : q % 2 === 0 ? q : away;
  }
}

/** (num ÷ 10^ns) ÷ (den ÷ 10^ds) as an integer at scale `to`, rounded by `mode` (den > 0). */
function quotient(w: FastWork, num: number, ns: number, den: number, ds: number, to: number, mode: RoundingMode | "exact"): number {
  const shift = to - ns + ds;
  // A whole number of the result's unit: no division (+ 0: never -0).
  if (den === 1 && shift >= 0) return mul(w, num, pow(shift)) + 0;
  return shift >= 0 ? roundDiv(w, mul(w, num, pow(shift)), den, mode) : roundDiv(w, num, mul(w, den, pow(-shift)), mode);
}

/** Scores one value: earned points as an integer at scale Q, or `null` for a value the method rejects. */
type FastMethod = (value: unknown, w: FastWork) => number | null;

/** A compiled fast scheme: its indicators' fast methods, and what combining them needs. */
export interface FastScheme {
  /** The indicators by id. */
  readonly indicators: ReadonlyMap<string, FastIndicator>;
  /** The indicators in scheme order (each at its `index`). */
  readonly list: readonly FastIndicator[];
  readonly groups: readonly { readonly rounding?: Rounding }[];
  readonly indicatorRounding?: Rounding;
  readonly full: Scaled;
  readonly allPoints: number;
  readonly convert: boolean;
  readonly total?: Rounding;
  readonly bonusCap: number | undefined;
  readonly deductionCap: number | undefined;
  readonly vetoes: ReadonlyMap<string, { readonly effect: "zero" | "cap" | "flag"; readonly cap: number }>;
  /** When a batch last scored with it (shared by its indicators). */
  readonly use: MemoUse;
}

/** An indicator on the fast path. */
interface FastIndicator {
  readonly id: string;
  /** Its place in {@link FastScheme.list}. */
  readonly index: number;
  readonly group: number;
  readonly points: number;
  readonly score: FastMethod | undefined;
  readonly rank?: FastRank;
  /** The plausibility check of its values (its unit's, or none declared), where one applies. */
  readonly check?: ValueCheck;
  /** The earned points of the values met so far, by the value in hundredths (NaN: not yet), while the indicator holds a table of the budget; see {@link scoreValue}. */
  memo: Float64Array | undefined;
  /** How many values of at most two decimals it scored without a table. */
  seen: number;
  /** Its scheme's last use: the tables of the schemes used least lately are the first given up. */
  readonly use: MemoUse;
}

/** A rank method's fast parameters. */
interface FastRank {
  readonly step: Scaled | undefined;
  readonly floor: number;
  readonly lower: boolean;
  readonly points: Scaled;
}

/**
 * Compiles a scheme for the fast path, or gives `undefined` when it has something the fast path
 * does not do (a custom method, a parameter or rounding beyond its range).
 * @internal
 */
export function compileFast(config: SchemeConfig, s: CompiledScheme): FastScheme | undefined {
  const indRound = s.rounding.indicator;
  if (indRound && indRound.decimals > Q) return undefined;
  for (const r of [s.rounding.group, s.rounding.total]) if (r && r.decimals > Q) return undefined;
  const atQ = (d: DecT): number | undefined => {
    const x = scaled(d);
    const n = x ? x.n * POW10[Q - x.s]! : Infinity;
    return Math.abs(n) <= LIM ? n : undefined;
  };
  // A constant earned value (a grade, a step), rounded as the indicator rounds.
  const constant = (d: DecT): number | undefined => atQ(indRound ? applyRounding(d, indRound) : d);
  const full = scaled(s.full);
  if (!full) return undefined;
  const indicators = new Map<string, FastIndicator>();
  const use: MemoUse = { at: 0 };
  const units = unitPlans(config);
  let failed = false;
  config.groups.forEach((g, gi) =>
    g.indicators.forEach((ind) => {
      const c = s.indicators.get(ind.id)!;
      const points = scaled(c.points);
      const pointsQ = atQ(c.points);
      if (!points || pointsQ === undefined) return void (failed = true);
      const m = ind.method;
      if (m.type === "rank") {
        // dec, not new Dec: the scheme's decimal text may have spaces around it (" 12 "), which decimal.js refuses.
        const step = m.step === undefined ? undefined : scaled(dec(m.step));
        const floor = atQ(dec(m.floor ?? 0));
        if ((m.step !== undefined && !step) || floor === undefined) return void (failed = true);
        indicators.set(ind.id, { id: ind.id, index: indicators.size, group: gi, points: pointsQ, score: undefined, rank: { step, floor, lower: m.direction === "lower", points }, memo: undefined, seen: 0, use });
        return;
      }
      const unit = units.get(ind.id);
      const score = fastMethod(m, points, c.points, constant, atQ, indRound, unit?.unit === "ratio" ? readRatio : read);
      if (!score) return void (failed = true);
      indicators.set(ind.id, { id: ind.id, index: indicators.size, group: gi, points: pointsQ, score, ...(unit?.check ? { check: unit.check } : {}), memo: undefined, seen: 0, use });
    }),
  );
  const caps = [s.bonusCap, s.deductionCap].map((c) => (c === undefined ? undefined : atQ(c)));
  const vetoes = new Map<string, { effect: "zero" | "cap" | "flag"; cap: number }>();
  for (const v of s.vetoes.values()) {
    const cap = v.cap === undefined ? 0 : atQ(v.cap);
    if (cap === undefined) failed = true;
    vetoes.set(v.id, { effect: v.effect, cap: cap ?? 0 });
  }
  if (failed || (s.bonusCap && caps[0] === undefined) || (s.deductionCap && caps[1] === undefined)) return undefined;
  let allPoints = 0;
  for (const i of indicators.values()) allPoints += i.points;
  if (!(allPoints <= LIM)) return undefined;
  return {
    indicators,
    list: [...indicators.values()],
    groups: s.groups.map(() => (s.rounding.group ? { rounding: s.rounding.group } : {})),
    ...(indRound ? { indicatorRounding: indRound } : {}),
    full,
    allPoints,
    convert: s.convert,
    ...(s.rounding.total ? { total: s.rounding.total } : {}),
    bonusCap: caps[0],
    deductionCap: caps[1],
    vetoes,
    use,
  };
}

/**
 * The fast scorer of one method, or `undefined` when the method's parameters are beyond the fast
 * path. `readIn` reads a value of the methods that take a unit ({@link readRatio} for `ratio`).
 */
function fastMethod(
  m: Method,
  P: Scaled,
  points: DecT,
  constant: (d: DecT) => number | undefined,
  atQ: (d: DecT) => number | undefined,
  round: Rounding | undefined,
  readIn: (w: FastWork, value: unknown) => boolean,
): FastMethod | undefined {
  const mode: RoundingMode | "exact" = round ? (round.mode ?? "half-up") : "exact";
  const to = round ? round.decimals : Q;
  const up = POW10[Q - to]!;
  // An earned value num × 10^-ns ÷ (den × 10^-ds), rounded as the indicator rounds, at scale Q.
  const earned = (w: FastWork, num: number, ns: number, den: number, ds: number): number => mul(w, quotient(w, num, ns, den, ds, to, mode), up);
  // dec, not new Dec: the scheme's decimal text may have spaces around it (" 12 "), which decimal.js refuses.
  const k = (v: unknown) => (v === undefined ? undefined : scaled(dec(v as DecimalInput)));
  const full = constant(points);
  const zero = constant(new Dec(0));
  if (full === undefined || zero === undefined) return undefined;
  switch (m.type) {
    case "completion": {
      const t = k(m.target)!;
      const cap = m.cap === undefined ? { n: 1, s: 0 } : k(m.cap);
      const capped = constant(points.times(dec(m.cap ?? 1)));
      if (!t || !cap || capped === undefined) return undefined;
      const lower = m.direction === "lower";
      return (value, w) => {
        if (!readIn(w, value)) return ((w.bad = true), 0);
        // Compare actual ÷ target (or target ÷ actual) with the cap as integers.
        const a = mul(w, w.A, pow(t.s)); // actual at scale S + t.s
        const tt = mul(w, t.n, pow(w.S)); // target at the same scale
        if (lower) {
          if (a <= tt) return capped; // the ratio is 1, so the fraction is the cap (1 unless set lower)
          if (mul(w, tt, pow(cap.s)) >= mul(w, cap.n, a)) return capped;
          return earned(w, mul(w, P.n, t.n), P.s + t.s, w.A, w.S);
        }
        if (a <= 0) return zero;
        if (mul(w, a, pow(cap.s)) >= mul(w, cap.n, tt)) return capped;
        return earned(w, mul(w, P.n, w.A), P.s + w.S, t.n, t.s);
      };
    }
    case "band": {
      const best = k(m.best)!;
      const worst = k(m.worst)!;
      const low = m.worstFraction === undefined ? { n: 0, s: 0 } : k(m.worstFraction);
      const atWorst = constant(points.times(dec(m.worstFraction ?? 0)));
      if (!best || !worst || !low || atWorst === undefined) return undefined;
      return (value, w) => {
        if (!readIn(w, value)) return ((w.bad = true), 0);
        const sc = Math.max(w.S, best.s, worst.s);
        const V = mul(w, w.A, pow(sc - w.S));
        const W = mul(w, worst.n, pow(sc - worst.s));
        const span = mul(w, best.n, pow(sc - best.s)) - W;
        const off = V - W;
        const sign = span > 0 ? 1 : -1;
        if (off * sign <= 0) return atWorst;
        if (off * sign >= span * sign) return full;
        // points × (low × span + (1 − low) × (value − worst)) ÷ span
        const inner = check(w, mul(w, low.n, span) + mul(w, pow(low.s) - low.n, off));
        return earned(w, mul(w, P.n, inner) * sign, P.s + low.s, span * sign, 0);
      };
    }
    case "steps": {
      const lower = m.steps.some((st) => st.atMost !== undefined);
      const steps = m.steps.map((st) => ({ at: atQ(dec((st.atLeast ?? st.atMost)!)), earned: constant(st.points !== undefined ? dec(st.points) : points.times(dec(st.fraction!))) }));
      if (steps.some((st) => st.at === undefined || st.earned === undefined)) return undefined;
      const list = steps.map((st) => ({ at: st.at!, earned: st.earned! })).sort((x, y) => (lower ? x.at - y.at : y.at - x.at));
      return (value, w) => {
        if (!readIn(w, value)) return ((w.bad = true), 0);
        const v = mul(w, w.A, pow(Q - w.S));
        for (const st of list) if (lower ? v <= st.at : v >= st.at) return st.earned;
        return zero;
      };
    }
    case "grade": {
      const table = new Map<string, number>();
      for (const name of Object.keys(m.grades)) {
        const e = constant(points.times(dec(m.grades[name]!)));
        if (e === undefined) return undefined;
        table.set(name, e);
      }
      return (value) => (typeof value === "string" ? (table.get(value) ?? null) : null);
    }
    case "deduction":
    case "bonus": {
      const per = k(m.per);
      const floor = m.type === "deduction" && m.floor !== undefined ? k(m.floor) : { n: 0, s: 0 };
      const limit = m.type === "deduction" && m.max !== undefined ? k(m.max) : undefined;
      if (!per || !floor || (m.type === "deduction" && m.max !== undefined && !limit)) return undefined;
      const fixed = Math.max(P.s, floor.s, limit?.s ?? 0);
      return (value, w) => {
        if (!read(w, value)) return ((w.bad = true), 0);
        if (w.A < 0) return null;
        // Everything at one scale: the count × per's, or the parameters', whichever has more decimals.
        const sc = Math.max(w.S + per.s, fixed);
        const raw = mul(w, mul(w, w.A, per.n), pow(sc - w.S - per.s));
        const p = mul(w, P.n, pow(sc - P.s));
        if (m.type === "bonus") return earned(w, Math.min(raw, p), sc, 1, 0);
        const deducted = limit ? Math.min(raw, mul(w, limit.n, pow(sc - limit.s))) : raw;
        return earned(w, Math.max(p - deducted, mul(w, floor.n, pow(sc - floor.s))), sc, 1, 0);
      };
    }
    case "direct": {
      const scale = m.scale === undefined ? undefined : k(m.scale);
      if (m.scale !== undefined && !scale) return undefined;
      const top = scale ?? P;
      return (value, w) => {
        if (!read(w, value)) return ((w.bad = true), 0);
        const sc = Math.max(w.S, top.s);
        if (w.A < 0 || mul(w, w.A, pow(sc - w.S)) > mul(w, top.n, pow(sc - top.s))) return null;
        return scale ? earned(w, mul(w, P.n, w.A), P.s + w.S, scale.n, scale.s) : earned(w, w.A, w.S, 1, 0);
      };
    }
    case "votes": {
      const grades = Object.keys(m.grades);
      const worth = grades.map((g) => k(m.grades[g]));
      if (worth.some((w) => !w)) return undefined;
      const ws = Math.max(...worth.map((x) => x!.s));
      const weights = worth.map((x) => x!.n * POW10[ws - x!.s]!);
      return (value, w) => {
        if (!isPlainObject(value)) return ((w.bad = true), 0);
        let total = 0;
        let weighted = 0;
        // `for … in` sees only the value's own keys (see fastTotals); a grade is found by a look along the few names.
        for (const grade in value) {
          let g = 0;
          while (g < grades.length && grades[g] !== grade) g++;
          const count = value[grade];
          if (g === grades.length || typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) return ((w.bad = true), 0);
          total += count;
          weighted = check(w, weighted + mul(w, count, weights[g]!));
        }
        if (total === 0) return ((w.bad = true), 0);
        return earned(w, mul(w, P.n, weighted), P.s + ws, check(w, total), 0);
      };
    }
    case "custom":
      return undefined;
    case "rank":
      // A rank indicator is scored across the batch (rankEarned), not from one value.
      return undefined;
    default:
      // Every method has its case above: a new one without a case (or an explicit "never fast") does not compile.
      return m satisfies never;
  }
}

/** The outcome of the fast path for a batch: totals by index (NaN where it left a subject to the full path). */
export interface FastTotals {
  /** Each subject's id, as read once by the fast path (empty when the batch takes the full path). */
  readonly ids: readonly string[];
  /** Each subject as read from the batch (the full path reads one the fast path left to it from here). */
  readonly subjects: readonly unknown[];
  readonly totals: Float64Array;
  /** Each rank indicator's earned points (scale Q, rounded as the indicator rounds) by subject index; NaN where a subject has no value. */
  readonly ranks: ReadonlyMap<string, Float64Array>;
  /** Whether the batch as a whole must take the full path (an unusual subject, or a rank value the fast path cannot read). */
  readonly rankFallback: boolean;
  /** The warnings of the subjects the fast path scored (by index), exactly those {@link evaluate} gives; present only when one has any. */
  readonly warnings?: ReadonlyMap<number, readonly Issue[]>;
}


/*
 * The subject readers below go through an object's keys with `for … in`, which sees its own
 * enumerable keys and those it inherits. A plain object inherits only from Object.prototype, which
 * `fastTotals` requires to have no enumerable key: `for … in` then sees exactly `Object.keys`.
 */

function hasEnumerableKey(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/**
 * A subject's fields, each read once (by {@link readSubject}): everything after works on these, so
 * a getter that answers differently on a second read cannot make the total disagree with the id
 * or the values it was checked with.
 */
/** The fields of a batch's subjects that the totals use, by subject index. */
interface Columns {
  readonly subjects: unknown[];
  readonly ids: string[];
  readonly values: Record<string, unknown>[];
  readonly bonus: unknown[];
  readonly deductions: unknown[];
  readonly vetoes: unknown[];
}

interface Fields {
  id: string;
  group: string | undefined;
  values: Record<string, unknown>;
  bonus: unknown;
  deductions: unknown;
  vetoes: unknown;
}

/**
 * Reads a subject's own enumerable fields once each into `into`: whether they are well formed
 * (those other than its values and adjustments do not change the total, so they are only checked).
 */
function readSubject(subject: Record<string, unknown>, into: Fields): boolean {
  let id: unknown;
  let values: unknown;
  into.group = into.bonus = into.deductions = into.vetoes = undefined;
  for (const key in subject) {
    const v = subject[key];
    switch (key) {
      case "id":
        id = v;
        break;
      case "name":
        if (v !== undefined && !isText(v, 200, 0)) return false;
        break;
      case "group":
        if (v !== undefined && !isText(v, 200, 0)) return false;
        into.group = v;
        break;
      case "values":
        values = v;
        break;
      case "bonus":
        into.bonus = v;
        break;
      case "deductions":
        into.deductions = v;
        break;
      case "vetoes":
        into.vetoes = v;
        break;
      case "flags":
        if (v !== undefined && !plainFlags(v)) return false;
        break;
      case "attributes":
        if (v !== undefined && !plainAttributes(v)) return false;
        break;
      default:
        return false;
    }
  }
  if (!isId(id) || !isPlainObject(values)) return false;
  into.id = id;
  into.values = values;
  return true;
}

/** Whether a subject's flags are plainly well formed, each field read once. */
function plainFlags(flags: unknown): boolean {
  if (!Array.isArray(flags) || flags.length > MAX_FLAGS) return false;
  for (let i = 0; i < flags.length; i++) {
    const f: unknown = flags[i];
    if (!isPlainObject(f)) return false;
    let id: unknown;
    let reason: unknown;
    for (const key in f) {
      const v = f[key];
      if (key === "id") id = v;
      else if (key === "reason") reason = v;
      else if (key !== "name" || (v !== undefined && !isText(v, 200, 0))) return false;
    }
    if (!isId(id) || !isText(reason, 500)) return false;
  }
  return true;
}

/** Whether a subject's attributes are plainly well formed, each read once. */
function plainAttributes(attributes: unknown): boolean {
  if (!isPlainObject(attributes)) return false;
  for (const key in attributes) {
    const v = attributes[key];
    if (RESERVED_KEYS.has(key) || key.length < 1 || key.length > 200) return false;
    // (Number.isFinite is false for anything but a finite number.)
    if (!(typeof v === "boolean" || Number.isFinite(v) || (typeof v === "string" && v.length <= 500))) return false;
  }
  return true;
}

/**
 * Ranks one rank indicator's values across the batch, peer group by peer group, as the `rank`
 * method does: each subject's earned points (scale Q, rounded as the indicator rounds), NaN where
 * it has no value.
 * @param value - each subject's value as an integer count of 10^-6, NaN where it has none.
 * @param peers - the peer groups: the subjects of group g are `members[starts[g] … starts[g + 1]]`.
 */
function rankEarned(w: FastWork, f: FastRank, points: number, value: Float64Array, peers: PeerGroups, mode: RoundingMode | "exact", to: number): Float64Array {
  const { starts, members } = peers;
  // One group's values (ascending where places are needed).
  const sorted = new Float64Array(peers.largest);
  const out = new Float64Array(value.length).fill(NaN);
  const up = POW10[Q - to]!;
  const floorRounded = quotient(w, f.floor, Q, 1, 0, to, mode);
  const step = f.step ? mul(w, f.step.n, POW10[Q - f.step.s]!) : 0;
  // A proportional share's points times 10^shift, as quotient scales them.
  const scaleUp = f.points.n * POW10[to - f.points.s]!;
  for (let g = 0; g + 1 < starts.length; g++) {
    const start = starts[g]!;
    const end = starts[g + 1]!;
    let count = 0;
    let leader = f.lower ? Infinity : -Infinity;
    for (let j = start; j < end; j++) {
      const v = value[members[j]!]!;
      if (Number.isNaN(v)) continue;
      sorted[count++] = v;
      leader = f.lower ? Math.min(leader, v) : Math.max(leader, v);
    }
    if (count === 0) continue;
    if (f.step) sortStart(sorted, count);
    for (let j = start; j < end; j++) {
      const i = members[j]!;
      const v = value[i]!;
      if (Number.isNaN(v)) continue;
      let rounded: number;
      if (f.step) {
        // Competition places (1, 2, 2, 4): 1 + how many are better (the values are integers: ≤ v is < v + 1).
        const place = 1 + (f.lower ? below(sorted, count, v) : count - below(sorted, count, v + 1));
        // points − step × (place − 1), at least the floor; exact, then rounded as the indicator rounds.
        rounded = quotient(w, Math.max(check(w, points - mul(w, step, place - 1)), f.floor), Q, 1, 0, to, mode);
      } else {
        const num = f.lower ? leader : v;
        const den = f.lower ? v : leader;
        // points × num ÷ den, a ratio of at most 1 (the leader is the best, and no value is negative);
        // den is 0 only for a subject that leads with 0, which earns the points. Where the scaled
        // product would pass 2^52, the ratio is put in lowest terms first (values count 10^-6: 80 ÷ 100
        // is 8e7 ÷ 1e8, and 4 ÷ 5 keeps it small); elsewhere that gcd would only cost time.
        // Rounding is monotone, so rounding max(earned, floor) is the larger of the two rounded.
        const g = num * scaleUp > LIM ? gcd(num, den) : 1;
        const r = den === 0 ? quotient(w, points, Q, 1, 0, to, mode) : quotient(w, mul(w, f.points.n, num / g), f.points.s, den / g, 0, to, mode);
        rounded = Math.max(r, floorRounded);
      }
      out[i] = mul(w, rounded, up);
    }
  }
  return out;
}

/** Sorts the first `count` numbers of `list` ascending: by insertion when they are few (a peer group, as a rule). */
function sortStart(list: Float64Array, count: number): void {
  if (count > 64) return void list.subarray(0, count).sort();
  for (let k = 1; k < count; k++) {
    const v = list[k]!;
    let j = k;
    for (; j > 0 && list[j - 1]! > v; j--) list[j] = list[j - 1]!;
    list[j] = v;
  }
}

/** How many of the first `count` numbers of the ascending `list` are below `v`. */
function below(list: Float64Array, count: number, v: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The subjects of each peer group together: group g's are `members[starts[g] … starts[g + 1]]`, in input order. */
interface PeerGroups {
  readonly starts: Int32Array;
  readonly members: Int32Array;
  /** The size of the largest group. */
  readonly largest: number;
}

/** Gathers the subjects by peer group (a counting sort), from each subject's group number. */
function peerGroups(groupOf: Int32Array, groups: number): PeerGroups {
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < groupOf.length; i++) starts[groupOf[i]! + 1]!++;
  let largest = 0;
  for (let g = 0; g < groups; g++) {
    largest = Math.max(largest, starts[g + 1]!);
    starts[g + 1]! += starts[g]!;
  }
  const next = starts.slice(0, groups);
  const members = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) members[next[groupOf[i]!]!++] = i;
  return { starts, members, largest };
}

/**
 * Totals of a batch by the fast path: a total for each subject it could score exactly, and NaN
 * for each it leaves to the full path (a typed array: no number is boxed).
 * @internal
 */
export function fastTotals(f: FastScheme, subjects: readonly unknown[], options: ScoreOptions): FastTotals {
  const n = subjects.length;
  // This call's own working state (see FastWork).
  const w = new FastWork();
  // The scheme's tables of remembered points are now the last given up.
  f.use.at = ++clock;
  const unusual = (): FastTotals => ({ ids: [], subjects: [], totals: new Float64Array(n).fill(NaN), ranks: new Map(), rankFallback: true });
  // An enumerable key on Object.prototype would show in every `for … in`: leave such a world to the full path.
  if (hasEnumerableKey(Object.prototype)) return unusual();
  const rankList = f.list.filter((ind) => ind.rank);
  // Each rank indicator's values, and each subject's peer group, read in the same pass as the checks.
  const rankValues = rankList.map(() => new Float64Array(n));
  const groupOf = new Int32Array(n);
  const groupIds = new Map<string, number>();
  // Each subject's fields, read once here (see Fields).
  const read1: Fields = { id: "", group: undefined, values: {}, bonus: undefined, deductions: undefined, vetoes: undefined };
  const cols: Columns = { subjects: new Array(n), ids: new Array(n), values: new Array(n), bonus: new Array(n), deductions: new Array(n), vetoes: new Array(n) };
  for (let i = 0; i < n; i++) {
    const subject: unknown = subjects[i];
    if (!isPlainObject(subject) || !readSubject(subject, read1)) return unusual();
    cols.subjects[i] = subject;
    cols.ids[i] = read1.id;
    cols.values[i] = read1.values;
    cols.bonus[i] = read1.bonus;
    cols.deductions[i] = read1.deductions;
    cols.vetoes[i] = read1.vetoes;
    if (rankList.length === 0) continue;
    const key = read1.group ?? "";
    let g = groupIds.get(key);
    if (g === undefined) groupIds.set(key, (g = groupIds.size));
    groupOf[i] = g;
    const values = read1.values;
    for (let r = 0; r < rankList.length; r++) {
      const id = rankList[r]!.id;
      const raw = values[id];
      // No value: not an own key (an indicator named `toString` is not read from Object.prototype), or not applicable.
      if (!Object.prototype.hasOwnProperty.call(values, id) || isNotApplicable(raw)) rankValues[r]![i] = NaN;
      else if (!read(w, raw) || (!rankList[r]!.rank!.step && w.A < 0)) return unusual();
      else rankValues[r]![i] = w.A * POW10[6 - w.S]!;
    }
  }
  const indRound = f.indicatorRounding;
  const mode: RoundingMode | "exact" = indRound ? (indRound.mode ?? "half-up") : "exact";
  const to = indRound ? indRound.decimals : Q;
  const ranks = new Map<string, Float64Array>();
  const n0 = f.list.length;
  const batch: Batch = { ranks: new Array(n0), keys: new Array(n0), at: new Array(n0), aimedBonus: new Float64Array(n0), aimedDeduction: new Float64Array(n0), aimed: [], warned: [] };
  if (rankList.length > 0) {
    const peers = peerGroups(groupOf, groupIds.size);
    w.bad = false;
    rankList.forEach((ind, r) => {
      const earned = rankEarned(w, ind.rank!, ind.points, rankValues[r]!, peers, mode, to);
      ranks.set(ind.id, earned);
      batch.ranks[ind.index] = earned;
    });
    if (w.bad) return unusual();
  }
  const totals = new Float64Array(n);
  const warnings = new Map<number, readonly Issue[]>();
  const groupSums = new Array<number>(f.groups.length);
  for (let i = 0; i < n; i++) {
    w.bad = false;
    batch.warned.length = 0;
    const total = subjectTotal(w, f, cols, i, batch, options, groupSums);
    // (subjectTotal gives no total when it marked the subject `bad`; the full path then finds its warnings.)
    totals[i] = total ?? NaN;
    if (total !== undefined && batch.warned.length > 0) warnings.set(i, warningsOf(batch.warned));
  }
  return { ids: cols.ids, subjects: cols.subjects, totals, ranks, rankFallback: false, ...(warnings.size > 0 ? { warnings } : {}) };
}

/**
 * Whether a value the fast path scored is implausible for its indicator ({@link implausible}), from
 * the value exactly: a number's magnitude compared with a whole limit as a float (a float's
 * difference has the sign of the exact one, and a number is the decimal it prints as), decimal
 * text by its integer and scale.
 */
function implausibleFast(w: FastWork, c: ValueCheck, raw: unknown): boolean {
  if (typeof raw === "number") return implausible(c, raw === 0, Math.sign(Math.abs(raw) - c.limit));
  // (Text the fast path scored reads again.)
  return read(w, raw) && implausible(c, w.A === 0, Math.sign(Math.abs(w.A) - c.limit * POW10[w.S]!));
}

/** The warnings of a subject's implausible values, in scheme order, as {@link evaluate} makes them. */
function warningsOf(warned: readonly { readonly ind: FastIndicator; readonly raw: unknown }[]): Issue[] {
  const list = warned.length > 1 ? [...warned].sort((a, b) => a.ind.index - b.ind.index) : warned;
  return list.map((w) => implausibleValue(w.ind.check!, w.ind.id, toDec(w.raw)!));
}

/** What the subjects of a batch share, by indicator index. */
interface Batch {
  /** A rank indicator's earned points by subject. */
  readonly ranks: (Float64Array | undefined)[];
  /** The keys of the last subject's values in order, and the indicators they name: the next subject's are most likely the same. */
  readonly keys: string[];
  readonly at: FastIndicator[];
  /** The current subject's items aimed at an indicator (their sums, scale Q), and the indicators they aim at. */
  readonly aimedBonus: Float64Array;
  readonly aimedDeduction: Float64Array;
  readonly aimed: number[];
  /** The current subject's values that are implausible for their indicators. */
  readonly warned: { readonly ind: FastIndicator; readonly raw: unknown }[];
}

/**
 * Adds a list of adjustment items to `aimed` where they aim at an indicator, and gives the sum of
 * the others, at scale Q; `undefined` for anything unusual (or aimed at no indicator).
 */
function itemsSum(w: FastWork, f: FastScheme, list: unknown, aimed: Float64Array, b: Batch): number | undefined {
  if (list === undefined) return 0;
  if (!Array.isArray(list) || list.length > MAX_ADJUSTMENTS) return undefined;
  let total = 0;
  for (let k = 0; k < list.length; k++) {
    const item: unknown = list[k];
    if (!isPlainObject(item)) return undefined;
    // Each field read once.
    let given: unknown;
    let reason: unknown;
    let indicator: unknown;
    for (const key in item) {
      const v = item[key];
      if (key === "points") given = v;
      else if (key === "reason") reason = v;
      else if (key === "indicator") indicator = v;
      else if (key !== "ref" || (v !== undefined && (typeof v !== "string" || v.length > 500))) return undefined;
    }
    if (!isText(reason, 500) || !read(w, given) || w.A <= 0) return undefined;
    const points = mul(w, w.A, POW10[Q - w.S]!);
    if (indicator === undefined) total = check(w, total + points);
    else {
      // The map's keys are ids (text): anything else names no indicator.
      const ind = f.indicators.get(indicator as string);
      if (!ind) return undefined;
      aimed[ind.index] = check(w, aimed[ind.index]! + points);
      b.aimed.push(ind.index);
    }
  }
  return total;
}

function subjectTotal(w: FastWork, f: FastScheme, cols: Columns, index: number, b: Batch, options: ScoreOptions, groupSums: number[]): number | undefined {
  const values = cols.values[index]!;
  let bonus = 0;
  let deduction = 0;
  // The last subject's items aimed at indicators: cleared.
  for (const k of b.aimed) b.aimedBonus[k] = b.aimedDeduction[k] = 0;
  b.aimed.length = 0;
  const [bonusItems, deductionItems] = [cols.bonus[index], cols.deductions[index]];
  if (bonusItems !== undefined || deductionItems !== undefined) {
    const plus = itemsSum(w, f, bonusItems, b.aimedBonus, b);
    const minus = itemsSum(w, f, deductionItems, b.aimedDeduction, b);
    if (plus === undefined || minus === undefined) return undefined;
    bonus = plus;
    deduction = minus;
  }
  const aimed = b.aimed.length > 0;
  for (let g = 0; g < groupSums.length; g++) groupSums[g] = 0;
  let applicable = 0;
  let present = 0;
  for (const key in values) {
    // The indicator the key names: as a rule the one the same key named in the last subject.
    let ind = b.at[present];
    if (b.keys[present] !== key) {
      ind = f.indicators.get(key);
      // A key that names no indicator: the full path reports it.
      if (!ind) return undefined;
      b.keys[present] = key;
      b.at[present] = ind;
    }
    present++;
    if (ind!.rank) {
      // Its value was read once, for the batch's ranks: NaN where it does not apply.
      const earned = b.ranks[ind!.index]![index]!;
      if (!Number.isNaN(earned)) applicable += add(w, ind!, earned, aimed, b, groupSums);
      else if (aimed && (b.aimedBonus[ind!.index] !== 0 || b.aimedDeduction[ind!.index] !== 0)) return undefined;
      continue;
    }
    const raw = values[key];
    if (raw === null || (typeof raw === "object" && "na" in raw && isNotApplicable(raw))) {
      if (aimed && (b.aimedBonus[ind!.index] !== 0 || b.aimedDeduction[ind!.index] !== 0)) return undefined;
      continue;
    }
    const earnedQ = scoreValue(w, ind!, raw);
    if (earnedQ === null) return undefined;
    if (ind!.check !== undefined && implausibleFast(w, ind!.check, raw)) b.warned.push({ ind: ind!, raw });
    applicable += add(w, ind!, earnedQ, aimed, b, groupSums);
  }
  if (present < f.list.length) {
    // Indicators without a value (those with one were all enumerated above): missing, or (not enumerable) unusual.
    for (const ind of f.list) {
      if (Object.prototype.hasOwnProperty.call(values, ind.id)) {
        if (Object.prototype.propertyIsEnumerable.call(values, ind.id)) continue;
        return undefined;
      }
      if (options.missing === "zero") applicable += add(w, ind, 0, aimed, b, groupSums);
      else if (options.missing !== "not-applicable" || (aimed && (b.aimedBonus[ind.index] !== 0 || b.aimedDeduction[ind.index] !== 0))) return undefined;
    }
  }
  if (applicable === 0) return undefined;
  let earnedTotal = 0;
  for (let g = 0; g < f.groups.length; g++) {
    const r = f.groups[g]!.rounding;
    const sum = groupSums[g]!;
    earnedTotal += r && r.decimals < Q ? mul(w, roundDiv(w, sum, POW10[Q - r.decimals]!, r.mode ?? "half-up"), POW10[Q - r.decimals]!) : sum;
  }
  check(w, earnedTotal);
  // The total as a fraction tn ÷ td at scale Q: earned × full ÷ applicable when indicators did not apply.
  let tn = earnedTotal;
  let td = 1;
  if (applicable < f.allPoints && f.convert) {
    // earned × full ÷ applicable, at scale Q: earned_Q × full × 10^Q ÷ applicable_Q. The 10^Q is
    // first cancelled against applicable_Q (a multiple of a power of 10 as a rule) to stay small.
    td = mul(w, applicable, POW10[f.full.s]!);
    const g = gcd(td, POW10[Q]!);
    td /= g;
    tn = mul(w, mul(w, earnedTotal, f.full.n), POW10[Q]! / g);
    const h = gcd(Math.abs(tn), td);
    if (h > 1) (tn /= h), (td /= h);
  }
  const bc = f.bonusCap === undefined ? bonus : Math.min(bonus, f.bonusCap);
  const dc = f.deductionCap === undefined ? deduction : Math.min(deduction, f.deductionCap);
  tn = check(w, tn + mul(w, bc - dc, td));
  const vetoes = cols.vetoes[index];
  if (vetoes !== undefined) {
    if (!Array.isArray(vetoes) || vetoes.length > MAX_VETOES) return undefined;
    const seen = new Set<string>();
    for (let k = 0; k < vetoes.length; k++) {
      const v: unknown = vetoes[k];
      let id: unknown = v;
      if (typeof v !== "string") {
        if (!isPlainObject(v)) return undefined;
        id = undefined;
        for (const key in v) {
          const x = v[key];
          if (key === "id") id = x;
          else if (key !== "reason" || (x !== undefined && (typeof x !== "string" || x.length > 500))) return undefined;
        }
      }
      if (typeof id !== "string" || seen.has(id)) return undefined;
      seen.add(id);
      const veto = f.vetoes.get(id);
      if (!veto) return undefined;
      if (veto.effect === "zero") (tn = 0), (td = 1);
      else if (veto.effect === "cap" && tn > mul(w, veto.cap, td)) (tn = veto.cap), (td = 1);
    }
  }
  if (tn < 0) (tn = 0), (td = 1);
  const r = f.total;
  const n = r ? roundDiv(w, tn, mul(w, td, POW10[Q - r.decimals]!), r.mode ?? "half-up") : roundDiv(w, tn, td, "exact");
  if (w.bad) return undefined;
  const result = n / POW10[r ? r.decimals : Q]!;
  return result === 0 ? 0 : result;
}

/** Values of at most two decimals below this ÷ 100 (0 to 163.83: scores, rates in percent) are remembered by {@link scoreValue}. */
const REMEMBERED = 2 ** 14;
/** The bytes of one indicator's table of remembered points (128 KiB). */
const TABLE_BYTES = REMEMBERED * Float64Array.BYTES_PER_ELEMENT;

/**
 * The most memory `scoreTotals` keeps between calls, all schemes together: 32 MiB, room for the
 * points remembered for 256 indicators (128 KiB each, for the values of up to two decimals from 0
 * to 163.83). An indicator is given room only after 64 such values, so a batch of a few subjects
 * keeps nothing, whatever the scheme's size; when the budget is spent, the room of the schemes used
 * least lately is taken back first, and an indicator that finds none scores each value anew (the
 * same points, a little slower).
 */
export const FAST_MEMO_BYTES = 32 * 1024 * 1024;

/** The values of at most two decimals an indicator scores before it gets a table: a batch of a few subjects never takes one. */
const MEMO_AFTER = 64;

/** When a batch last scored with a compiled scheme, on the fast path's {@link clock}. */
interface MemoUse {
  at: number;
}

/** Counts the fast path's batches (the order of their starts). */
let clock = 0;
/** The indicators holding a table, and the bytes of their tables: at most {@link FAST_MEMO_BYTES}. */
const holders: FastIndicator[] = [];
let heldBytes = 0;
/** The batch (by {@link clock}) in which the budget last had no room: none is sought again within it. */
let fullAt = -1;

/**
 * The bytes the fast path's tables of remembered points take now, all schemes together; never more
 * than {@link FAST_MEMO_BYTES}.
 * @internal
 */
export const fastMemoBytes = (): number => heldBytes;

/**
 * A table for an indicator, within the budget: the tables of schemes used before the indicator's
 * scheme was (the least lately first) are given up to make room; `undefined` when there is none.
 */
function tableFor(ind: FastIndicator): Float64Array | undefined {
  if (heldBytes + TABLE_BYTES > FAST_MEMO_BYTES) {
    holders.sort((a, b) => a.use.at - b.use.at);
    let k = 0;
    for (; k < holders.length && heldBytes + TABLE_BYTES > FAST_MEMO_BYTES && holders[k]!.use.at < ind.use.at; k++) {
      holders[k]!.memo = undefined;
      heldBytes -= TABLE_BYTES;
    }
    holders.splice(0, k);
    if (heldBytes + TABLE_BYTES > FAST_MEMO_BYTES) return void (fullAt = clock);
  }
  holders.push(ind);
  heldBytes += TABLE_BYTES;
  return (ind.memo = new Float64Array(REMEMBERED).fill(NaN));
}

/**
 * An indicator's earned points for a value (scale Q), or `null` for a value its method rejects.
 * Counts, scores and rates of at most two decimals repeat, within a batch and across batches:
 * their points are remembered with the compiled indicator, by the value in hundredths, once a
 * method has scored them within the fast path's range (the points depend on nothing else), in a
 * table of the budget {@link FAST_MEMO_BYTES}.
 */
function scoreValue(w: FastWork, ind: FastIndicator, raw: unknown): number | null {
  if (typeof raw !== "number") return ind.score!(raw, w);
  const k = raw * 100;
  // k ÷ 100 === raw: raw is the number that the decimal k ÷ 100 reads as, and no other.
  if (!(k >= 0 && k < REMEMBERED) || !Number.isInteger(k) || k / 100 !== raw) return ind.score!(raw, w);
  let memo = ind.memo;
  if (memo === undefined && (++ind.seen < MEMO_AFTER || fullAt === clock || (memo = tableFor(ind)) === undefined)) return ind.score!(raw, w);
  const known = memo![k]!;
  if (!Number.isNaN(known)) return known;
  const earned = ind.score!(raw, w);
  // `bad` may be the subject's from before; then nothing is remembered.
  if (!w.bad && earned !== null) memo![k] = earned;
  return earned;
}

/** Adds an indicator's earned points (after the items aimed at it) to its group's sum; gives its points, now applicable. */
function add(w: FastWork, ind: FastIndicator, earnedQ: number, aimed: boolean, b: Batch, groupSums: number[]): number {
  if (aimed && (b.aimedBonus[ind.index] !== 0 || b.aimedDeduction[ind.index] !== 0)) {
    // Items aimed at the indicator, after its rounding: up to its points, down to 0.
    earnedQ = Math.max(0, Math.min(ind.points, earnedQ + b.aimedBonus[ind.index]!) - b.aimedDeduction[ind.index]!);
  }
  groupSums[ind.group] = check(w, groupSums[ind.group]! + earnedQ);
  return ind.points;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
