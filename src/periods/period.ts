import { snapshot } from "../core/snapshot.js";
import { getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeekYear } from "date-fns";
import { IssueCode, JixiaoError, issue, type IssuePath } from "../core/errors.js";
import { shown, type MessageParams } from "../messages/index.js";
import { toInstant } from "./instant.js";
import { wallClock } from "./zone.js";

/** The kinds of period, shortest first: a day, an ISO week, a month, a quarter, a half-year and a year. */
export type PeriodKind = "day" | "week" | "month" | "quarter" | "half" | "year";

/** Every {@link PeriodKind}, shortest first. */
export const PERIOD_KINDS: readonly PeriodKind[] = Object.freeze(["day", "week", "month", "quarter", "half", "year"] as const);

/**
 * A period key: `2024-07-15` (day), `2024-W27` (ISO week), `2024-07` (month), `2024-Q3`
 * (quarter), `2024-H2` (half-year) or `2024` (year).
 */
export type PeriodKey = string;

/** A period read from its key: its kind and its first and last day (inclusive). */
export interface Period {
  /** The key, as written canonically (`2024-Q3`). */
  readonly key: PeriodKey;
  /** Its kind. */
  readonly kind: PeriodKind;
  /** The (ISO week-)year it belongs to. */
  readonly year: number;
  /** Its first day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Its last day, `YYYY-MM-DD`. */
  readonly end: string;
}

/** A time zone: an IANA name (`Asia/Shanghai`), `UTC`, or a fixed offset such as `+08:00`. */
export type TimeZone = string;

/** The time zone periods are read in unless told otherwise. */
export const DEFAULT_TIME_ZONE: TimeZone = "Asia/Shanghai";

/** The most periods one call lists, so that a mistyped range cannot hang a program. */
export const MAX_PERIODS = 100_000;

const DAY_MS = 86_400_000;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** A period as day numbers (days since 1970-01-01), for fast comparison. @internal */
export interface DaySpan {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Index within the year: month 1–12, quarter 1–4, half 1–2, ISO week 1–53, day of month for days. */
  readonly index: number;
  readonly first: number;
  readonly last: number;
  readonly key: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The day number of a calendar date. @internal */
export const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;

/** The calendar date of a day number. @internal */
export function dateOfDay(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// Day texts are asked for again and again (every entry of a ledger); a bounded cache keeps them.
const dayTexts = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. @internal */
export function dayText(n: number): string {
  let t = dayTexts.get(n);
  if (t === undefined) {
    const { year, month, day } = dateOfDay(n);
    t = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    if (dayTexts.size < 50_000) dayTexts.set(n, t);
  }
  return t;
}

// date-fns works on local Date objects; a local noon has the same calendar date in every zone the
// machine may be in, so the week arithmetic never depends on the machine's clock settings.
const localNoon = (n: number): Date => {
  const { year, month, day } = dateOfDay(n);
  return new Date(year, month - 1, day, 12);
};
const dayOfLocal = (d: Date): number => dayNumber(d.getFullYear(), d.getMonth() + 1, d.getDate());

function span(kind: PeriodKind, year: number, index: number): DaySpan {
  switch (kind) {
    case "year":
      return { kind, year, index: 1, first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31), key: pad(year, 4) };
    case "half":
      return { kind, year, index, first: dayNumber(year, index * 6 - 5, 1), last: dayNumber(year, index * 6 + 1, 0), key: `${pad(year, 4)}-H${index}` };
    case "quarter":
      return { kind, year, index, first: dayNumber(year, index * 3 - 2, 1), last: dayNumber(year, index * 3 + 1, 0), key: `${pad(year, 4)}-Q${index}` };
    case "month":
      return { kind, year, index, first: dayNumber(year, index, 1), last: dayNumber(year, index + 1, 0), key: `${pad(year, 4)}-${pad(index)}` };
    case "week": {
      const first = dayOfLocal(startOfISOWeekYear(new Date(year, 5, 1, 12))) + (index - 1) * 7;
      return { kind, year, index, first, last: first + 6, key: `${pad(year, 4)}-W${pad(index)}` };
    }
    case "day": {
      const { year: y } = dateOfDay(index);
      return { kind, year: y, index, first: index, last: index, key: dayText(index) };
    }
  }
}

const KEY = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2})))?$/;

/** Reads a period key, or gives `undefined` when it is not one. @internal */
export function readKey(key: unknown): DaySpan | undefined {
  if (typeof key !== "string" || key.length > 10) return undefined;
  const m = KEY.exec(key);
  if (!m) return undefined;
  const [, y, month, day, quarter, half, week] = m;
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (day !== undefined) {
    const n = dayNumber(year, Number(month), Number(day));
    return dayText(n) === key ? span("day", year, n) : undefined;
  }
  if (month !== undefined) return span("month", year, Number(month));
  if (quarter !== undefined) return span("quarter", year, Number(quarter));
  if (half !== undefined) return span("half", year, Number(half));
  if (week !== undefined) {
    const w = Number(week);
    if (w < 1 || w > getISOWeeksInYear(new Date(year, 5, 1, 12))) return undefined;
    // A week is a period only when all its days are in the years 1000–9999.
    const s = span("week", year, w);
    return dateOfDay(s.first).year < MIN_YEAR || dateOfDay(s.last).year > MAX_YEAR ? undefined : s;
  }
  return span("year", year, 1);
}

/** Reads a period key or throws a {@link JixiaoError} naming `path`. @internal */
export function spanOf(key: unknown, path: IssuePath = ["period"]): DaySpan {
  const s = readKey(key);
  if (!s) throw new JixiaoError([issue(IssueCode.invalidOption, path, keyProblem(key))], "Not a period");
  return s;
}

/** Why a value is not a period key, as an issue's message data. @internal */
export function keyProblem(key: unknown): MessageParams {
  return { key: "periodBadKey", received: shown(key) };
}

/** The period of `kind` that holds a day. @internal */
export function spanOfDay(n: number, kind: PeriodKind): DaySpan {
  const { year, month } = dateOfDay(n);
  switch (kind) {
    case "day":
      return span("day", year, n);
    case "week": {
      const d = localNoon(n);
      return span("week", getISOWeekYear(d), getISOWeek(d));
    }
    case "month":
      return span("month", year, month);
    case "quarter":
      return span("quarter", year, Math.ceil(month / 3));
    case "half":
      return span("half", year, month <= 6 ? 1 : 2);
    case "year":
      return span("year", year, 1);
  }
}

/** The day number of `YYYY-MM-DD` text, or `undefined` when it is not a real date from the year 1000. */
function dateDay(date: string): number | undefined {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > dayNumber(year, month + 1, 0) - dayNumber(year, month, 0)) return undefined;
  return dayNumber(year, month, day);
}

/**
 * A date or a moment on the wall clock of a time zone, in milliseconds since 1970 read as UTC: a
 * date alone (`2024-06-30`) is its whole day, from `lo` (its first millisecond) to `hi` (its last);
 * a moment is one instant (`lo` = `hi`). Comparing `lo` of one with `hi` of another says whether
 * the first can be at or before the second: a date alone is never before a moment of its own day.
 * @internal
 */
export interface WallTime {
  readonly lo: number;
  readonly hi: number;
}

// Dates alone are read again and again (every entry of a ledger) and mean the same day in every
// time zone; a bounded cache keeps the real ones.
const dateTimes = new Map<string, WallTime>();

/** The wall-clock time a wall-clock milliseconds value shows, or `undefined` outside the years 1000–9999 (NaN included). */
function moment(local: number): WallTime | undefined {
  const { year } = dateOfDay(Math.floor(local / DAY_MS));
  return year >= MIN_YEAR && year <= MAX_YEAR ? { lo: local, hi: local } : undefined;
}

/**
 * A date or moment on the wall clock of `timeZone`, or `undefined` when it is not one. A date alone
 * (`2024-06-30`) is that whole day anywhere; a date-time without an offset is a wall-clock time in
 * `timeZone`; one with `Z` or an offset, a `Date` or milliseconds since 1970 is a moment, read on
 * the wall clock of `timeZone`.
 * @internal
 */
export function wallTimeOf(when: unknown, timeZone: TimeZone): WallTime | undefined {
  if (typeof when === "string") {
    if (when.length > 40) return undefined;
    const known = dateTimes.get(when);
    if (known !== undefined) return known;
    if (when.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(when)) {
      const n = dateDay(when);
      if (n === undefined) return undefined;
      const t = { lo: n * DAY_MS, hi: n * DAY_MS + DAY_MS - 1 };
      if (dateTimes.size < 50_000) dateTimes.set(when, t);
      return t;
    }
    const hasZone = /(?:Z|[+-]\d{2}:\d{2})$/.test(when);
    const ms = toInstant(when, 0);
    if (ms === undefined || !Number.isFinite(ms)) return undefined;
    return hasZone ? wallTimeOf(ms, timeZone) : moment(ms);
  }
  const ms = when instanceof Date ? when.getTime() : typeof when === "number" ? when : NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const local = wallClock(ms, timeZone);
  return local === undefined ? undefined : moment(local);
}

/**
 * The day number a date or moment falls on in a time zone (see {@link wallTimeOf}), or `undefined`
 * when it is not one.
 * @internal
 */
export function dayOf(when: unknown, timeZone: TimeZone): number | undefined {
  const t = wallTimeOf(when, timeZone);
  return t === undefined ? undefined : Math.floor(t.lo / DAY_MS);
}

/** The day number of wall-clock milliseconds. @internal */
export const dayOfWall = (ms: number): number => Math.floor(ms / DAY_MS);

const toPeriod = (s: DaySpan): Period => Object.freeze({ key: s.key, kind: s.kind, year: s.year, start: dayText(s.first), end: dayText(s.last) });

/**
 * Reads a period key.
 * @param key - `2024`, `2024-H2`, `2024-Q3`, `2024-07`, `2024-W27` or `2024-07-15`.
 * @returns the period with its kind and first and last day.
 * @throws {@link JixiaoError} when the key is not a real period (`2024-13`, `2023-W53`, `2023-02-29`).
 * @example
 * ```ts
 * parsePeriod("2024-W01");
 * //=> { key: "2024-W01", kind: "week", year: 2024, start: "2024-01-01", end: "2024-01-07" }
 * ```
 */
export function parsePeriod(key: PeriodKey): Period {
  return toPeriod(spanOf(key));
}

/**
 * Whether a text is a period key.
 * @param key - any value.
 * @returns `true` for a real period key.
 * @example
 * ```ts
 * isPeriodKey("2024-Q3"); //=> true
 * isPeriodKey("2024-Q5"); //=> false
 * ```
 */
export function isPeriodKey(key: unknown): key is PeriodKey {
  return readKey(key) !== undefined;
}

/** Options for {@link periodOf}. */
export interface PeriodOfOptions {
  /** The time zone a moment is read in; `Asia/Shanghai` when left out. */
  readonly timeZone?: TimeZone;
}

/**
 * The period of a kind that holds a date or a moment, on the wall clock of a time zone
 * (Asia/Shanghai by default): a record at 23:30 on 30 June in Shanghai belongs to June there.
 * @param when - a date (`2024-06-30`), a wall-clock date-time in the zone (`2024-06-30T23:30`), a
 *   moment with an offset (`2024-06-30T15:30:00Z`), a `Date`, or milliseconds since 1970.
 * @param kind - the kind of period wanted.
 * @param options - the time zone.
 * @returns the period's key.
 * @throws {@link JixiaoError} when `when` is not a real date or moment, or the zone is unknown.
 * @example
 * ```ts
 * periodOf("2024-06-30T15:30:00Z", "month"); //=> "2024-06" (23:30 in Shanghai)
 * periodOf("2024-06-30T15:30:00Z", "month", { timeZone: "UTC" }); //=> "2024-06"
 * periodOf("2024-06-30T16:30:00Z", "quarter"); //=> "2024-Q3"
 * ```
 */
export function periodOf(when: string | number | Date, kind: PeriodKind, options: PeriodOfOptions = {}): PeriodKey {
  const key = spanOfDay(requireDay(when, zoneOption(options), ["when"]), requireKind(kind)).key;
  if (!readKey(key)) throw new JixiaoError([issue(IssueCode.outOfRange, ["when"], { key: "periodWeekOutside", period: key, min: MIN_YEAR, max: MAX_YEAR })], "No period");
  return key;
}

/** The time zone of an options object, checked. @internal */
export function zoneOption(options: unknown, path: IssuePath = ["options", "timeZone"]): TimeZone {
  const copy = snapshot(options, path.slice(0, -1), "Options are not valid");
  const zone = copy !== null && typeof copy === "object" ? (copy as { timeZone?: unknown }).timeZone : undefined;
  if (zone === undefined) return DEFAULT_TIME_ZONE;
  if (typeof zone !== "string" || wallClock(0, zone) === undefined)
    throw new JixiaoError([issue(IssueCode.invalidOption, path, { key: "periodBadTimeZone", received: shown(zone) })], "Unknown time zone");
  return zone;
}

/** The day of a date or moment, or a thrown {@link JixiaoError}. @internal */
export function requireDay(when: unknown, timeZone: TimeZone, path: IssuePath): number {
  return dayOfWall(requireTime(when, timeZone, path).lo);
}

/** A date or moment on the wall clock of a time zone ({@link wallTimeOf}), or a thrown {@link JixiaoError}. @internal */
export function requireTime(when: unknown, timeZone: TimeZone, path: IssuePath): WallTime {
  const t = wallTimeOf(when, timeZone);
  if (t === undefined)
    throw new JixiaoError([issue(IssueCode.invalidValue, path, { key: "periodBadDate", received: shown(when) })], "Not a date");
  return t;
}

function requireKind(kind: unknown): PeriodKind {
  if (typeof kind !== "string" || !(PERIOD_KINDS as readonly string[]).includes(kind))
    throw new JixiaoError([issue(IssueCode.invalidOption, ["kind"], { key: "periodBadKind", kinds: PERIOD_KINDS, received: shown(kind) })], "Unknown period kind");
  return kind as PeriodKind;
}

/**
 * The day a period's result counts on: an ISO week's Thursday (the ISO rule that gives each week
 * one year; here also one month, quarter and half-year), any other period's last day. The one rule
 * by which a week belongs to a longer period: {@link spanWithin} (and so `aggregatePeriods` and
 * `periodsIn`) and `resultEntries` both use it.
 * @internal
 */
export function resultDay(s: DaySpan): number {
  return s.kind === "week" ? s.first + 3 : s.last;
}

/**
 * Whether `inner` lies in `outer`. A day or a longer period lies in `outer` when all its days do;
 * an ISO week lies in the month, quarter, half-year or year that holds its {@link resultDay} (its
 * Thursday), so weeks never count twice.
 * @internal
 */
export function spanWithin(outer: DaySpan, inner: DaySpan): boolean {
  if (inner.kind === "week" && outer.kind !== "week" && outer.kind !== "day") {
    const day = resultDay(inner);
    return day >= outer.first && day <= outer.last;
  }
  return inner.first >= outer.first && inner.last <= outer.last;
}

/**
 * The date a result for a period counts on, so that it falls in the same month, quarter and year
 * everywhere: an ISO week's Thursday (a week belongs to the month of its Thursday, as
 * {@link periodsIn} and {@link periodContains} say), any other period's last day. `resultEntries`
 * dates its entries so.
 * @param key - a period key.
 * @returns the date, `YYYY-MM-DD`.
 * @throws {@link JixiaoError} when `key` is not a period key.
 * @example
 * ```ts
 * periodDate("2024-W35"); //=> "2024-08-29" (26 August – 1 September: in August, as periodContains("2024-08", "2024-W35") says)
 * periodDate("2024-07");  //=> "2024-07-31"
 * ```
 */
export function periodDate(key: PeriodKey): string {
  return dayText(resultDay(spanOf(key, ["key"])));
}

/**
 * Whether a period or a date lies within another period. An ISO week belongs to the month,
 * quarter, half-year or year that holds its Thursday.
 * @param outer - the period that may contain.
 * @param inner - a period key or a date (`2024-07-15` is both).
 * @returns whether `inner` is within `outer`.
 * @throws {@link JixiaoError} when either is not a period key.
 * @example
 * ```ts
 * periodContains("2024-Q3", "2024-08"); //=> true
 * periodContains("2024", "2025-W01"); //=> false (its Thursday is 2 January 2025)
 * ```
 */
export function periodContains(outer: PeriodKey, inner: PeriodKey): boolean {
  return spanWithin(spanOf(outer, ["outer"]), spanOf(inner, ["inner"]));
}

/**
 * The periods of a kind within a period, in order: the months of a quarter, the ISO weeks of a year
 * (those whose Thursday is in it), the days of a month …
 * @param outer - the containing period.
 * @param kind - the kind of the periods listed; not longer than `outer`.
 * @returns their keys in order.
 * @throws {@link JixiaoError} when `outer` is not a period key or `kind` is longer than it.
 * @example
 * ```ts
 * periodsIn("2024-H2", "quarter"); //=> ["2024-Q3", "2024-Q4"]
 * periodsIn("2024-07", "week"); //=> ["2024-W27", "2024-W28", "2024-W29", "2024-W30"] (W31 has its Thursday in August)
 * ```
 */
export function periodsIn(outer: PeriodKey, kind: PeriodKind): PeriodKey[] {
  const o = spanOf(outer, ["outer"]);
  const k = requireKind(kind);
  if (o.kind === "week" && k !== "day" && k !== "week")
    throw new JixiaoError([issue(IssueCode.invalidOption, ["kind"], { key: "periodWeekHoldsDays", kind: k })], "Periods cannot be listed");
  if (PERIOD_KINDS.indexOf(k) > PERIOD_KINDS.indexOf(o.kind))
    throw new JixiaoError([issue(IssueCode.invalidOption, ["kind"], { key: "periodHoldsNo", outer: o.kind, kind: k })], "Periods cannot be listed");
  const out: string[] = [];
  // Start from the period holding the first day (a week may begin in the year before).
  let s = spanOfDay(o.first, k);
  if (!spanWithin(o, s)) s = spanOfDay(s.last + 1, k);
  while (spanWithin(o, s)) {
    out.push(s.key);
    s = spanOfDay(s.last + 1, k);
  }
  return out;
}

/**
 * The period `steps` periods after (or, when negative, before) a period, of the same kind.
 * @param key - the period.
 * @param steps - how many periods to move, a whole number.
 * @returns the key of the period reached.
 * @throws {@link JixiaoError} when `key` is not a period key or the result leaves the years 1000–9999.
 * @example
 * ```ts
 * shiftPeriod("2024-Q4", 1); //=> "2025-Q1"
 * shiftPeriod("2025-W01", -1); //=> "2024-W52"
 * ```
 */
export function shiftPeriod(key: PeriodKey, steps: number): PeriodKey {
  const s = spanOf(key, ["key"]);
  if (!Number.isSafeInteger(steps) || Math.abs(steps) > 4_000_000)
    throw new JixiaoError([issue(IssueCode.invalidNumber, ["steps"], { key: "periodBadSteps", received: shown(steps) })], "Cannot shift the period");
  const moved = moveSpan(s, steps);
  if (!moved) throw new JixiaoError([issue(IssueCode.outOfRange, ["steps"], { key: "periodShiftOutside", period: key, min: MIN_YEAR, max: MAX_YEAR })], "Cannot shift the period");
  return moved.key;
}

function moveSpan(s: DaySpan, steps: number): DaySpan | undefined {
  let target: number;
  switch (s.kind) {
    case "day":
    case "week":
      target = s.first + steps * (s.kind === "day" ? 1 : 7);
      break;
    default: {
      const perYear = { month: 12, quarter: 4, half: 2, year: 1 }[s.kind];
      const ordinal = s.year * perYear + (s.index - 1) + steps;
      const year = Math.floor(ordinal / perYear);
      if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
      return span(s.kind, year, (ordinal % perYear) + 1);
    }
  }
  const { year } = dateOfDay(target);
  if (year < MIN_YEAR - 1 || year > MAX_YEAR) return undefined;
  // Only a period parsePeriod reads (a week must have all its days in 1000–9999).
  return readKey(spanOfDay(target, s.kind).key);
}

/**
 * The periods from one to another, both included, of the same kind.
 * @param from - the first period.
 * @param to - the last period, the same kind as `from` and not before it.
 * @returns their keys in order, at most {@link MAX_PERIODS}.
 * @throws {@link JixiaoError} when the keys are not periods of one kind, `to` is before `from`, or the range is longer than {@link MAX_PERIODS}.
 * @example
 * ```ts
 * periodRange("2024-11", "2025-02"); //=> ["2024-11", "2024-12", "2025-01", "2025-02"]
 * ```
 */
export function periodRange(from: PeriodKey, to: PeriodKey): PeriodKey[] {
  const a = spanOf(from, ["from"]);
  const b = spanOf(to, ["to"]);
  if (a.kind !== b.kind) throw new JixiaoError([issue(IssueCode.invalidRule, ["to"], { key: "periodRangeKinds", kind: b.kind, from: a.kind })], "Not a range");
  if (b.first < a.first) throw new JixiaoError([issue(IssueCode.invalidRule, ["to"], { key: "periodRangeBackwards", to: b.key, from: a.key })], "Not a range");
  const out: string[] = [];
  for (let s: DaySpan | undefined = a; s && s.first <= b.first; s = moveSpan(s, 1)) {
    if (out.length === MAX_PERIODS)
      throw new JixiaoError([issue(IssueCode.outOfRange, ["to"], { key: "periodRangeTooLong", max: MAX_PERIODS })], "Range too long");
    out.push(s.key);
  }
  return out;
}
