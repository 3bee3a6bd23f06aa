import { z } from "../core/z.js";
import { IssueCode, JixiaoError, issue, relocate, type IssuePath } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import { idSchema, parseWith } from "../core/validate.js";
import { dayText, keyProblem, periodRange, readKey, requireTime, spanOf, type DaySpan, type PeriodKey, type PeriodKind } from "../periods/period.js";
import { asLedger, type Ledger, type LedgerState, type LedgerStore } from "./ledger.js";
import { sumPoints } from "./points.js";
import { byText } from "../core/order.js";

/** One entry as it counts in a summary: its points after every correction, and the corrections. */
export interface AccountEntry {
  /** The entry's id. */
  readonly id: string;
  /** The day it counts on, `YYYY-MM-DD` in the ledger's time zone. */
  readonly day: string;
  /** Its component. */
  readonly component: string;
  /** Where its points came from. */
  readonly source: string;
  /** The points it was recorded with, as exact decimal text. */
  readonly recorded: string;
  /** The points it counts with after its corrections, as exact decimal text. */
  readonly points: string;
  /**
   * Where its points come from after the corrections: `recorded` (as first recorded, or restored by
   * reversing every correction), `amended` (an amendment) or `reversed` (the entry is cancelled).
   */
  readonly status: "recorded" | "amended" | "reversed";
  /** The ids of the corrections applied to it, in order. */
  readonly corrections: readonly string[];
}

/** One component's part of a summary. */
export interface ComponentTotal {
  /** The component. */
  readonly component: string;
  /** Its points. */
  readonly total: number;
  /** Its points as exact decimal text. */
  readonly exact: string;
  /** The ids of the entries that made it, by day then id. */
  readonly entries: readonly string[];
}

/** A person's growth account summed over a period (or a whole career), with the entries that made it. */
export interface AccountSummary {
  /** The person. */
  readonly person: string;
  /** The period, or `null` for the whole career. */
  readonly period: PeriodKey | null;
  /** The moment (or day) of recording counted through, as given, or `null` for everything recorded. */
  readonly asOf: string | null;
  /** The number of the ledger's first entries counted, as given, or `null`. */
  readonly asOfSequence: number | null;
  /** The date (or moment) counted through by the entries' own dates, as given, or `null`. */
  readonly datedThrough: string | null;
  /** The total points. */
  readonly total: number;
  /** The total as exact decimal text. */
  readonly exact: string;
  /** The totals by component, sorted by component; listed when first read. */
  readonly components: readonly ComponentTotal[];
  /** The entries counted, by day then id (corrections are listed on the entry they correct); listed when first read. */
  readonly entries: readonly AccountEntry[];
  /** How the total was made: each corrected entry with its corrections, each component's sum of its entries, the total; written when first read. */
  readonly trace: readonly TraceStep[];
}

/**
 * Which of a ledger's entries a summary reads. Three limits, each left out by default, all applied
 * together:
 * - `asOf` — **recording time**: the account as a report made at that moment showed it. Only
 *   entries and corrections recorded by then count (their `recordedAt`; an entry without one counts
 *   as recorded on its date). A moment (`2024-12-31T12:00`, wall clock in the ledger's time zone,
 *   or with `Z`/an offset) or a date (`2024-12-31`: through the end of that day).
 * - `asOfSequence` — the ledger's own recording order: as it stood after its first n entries,
 *   exactly, whatever their times say.
 * - `datedThrough` — **effective date**: only entries and corrections dated by then count, whenever
 *   they were recorded: what the dates say the account was then, as now known.
 * A date alone is a whole day: an entry of that day counts under a limit given as a moment of it.
 */
export interface ViewOptions {
  /** Recording time: count only what was recorded by this moment or date. */
  readonly asOf?: string | undefined;
  /** Count only the ledger's first n entries (its own sequence). */
  readonly asOfSequence?: number | undefined;
  /** Effective date: count only entries and corrections dated by this date or moment. */
  readonly datedThrough?: string | undefined;
}

/** Options for {@link summarizeAccount} and {@link summarizeAccounts}. */
export interface SummaryOptions extends ViewOptions {
  /** The period summed (`2024`, `2024-Q3`, `2024-07`, `2024-W27`, a day); the whole career when left out. */
  readonly period?: PeriodKey | undefined;
  /** Count only these components. */
  readonly components?: readonly string[] | undefined;
}

/** Options for {@link accountSeries}. */
export interface SeriesOptions extends ViewOptions {
  /** The kind of period: `month`, `quarter` … */
  readonly kind: PeriodKind;
  /** The first period (of that kind). */
  readonly from: PeriodKey;
  /** The last period (of that kind). */
  readonly to: PeriodKey;
  /** Count only these components. */
  readonly components?: readonly string[];
}

/** Which entries a summary reads (see {@link ViewOptions}), as the limits were given and as wall-clock milliseconds. */
interface View {
  /** The first `size` entries. */
  readonly size: number;
  /** Recorded by this (the last moment of `asOf`). */
  readonly recorded: number;
  /** Dated by this (the last moment of `datedThrough`). */
  readonly dated: number;
  readonly asOf: string | null;
  readonly asOfSequence: number | null;
  readonly datedThrough: string | null;
}

/** Whether entry `i` is read: among the first, recorded and dated by the limits. A date alone is never after a moment of its day. */
const seen = (s: LedgerStore, v: View, i: number): boolean => i < v.size && s.recordedLo[i]! <= v.recorded && s.dateLo[i]! <= v.dated;

/** The corrections of an entry that are read, and the entry whose points then count. */
interface Corrected {
  /** The corrections applied, in order (entry indices). */
  readonly chain: readonly number[];
  /** The entry whose points count: the entry itself, an amendment, or -1 (none: it counts 0). */
  readonly from: number;
}

/**
 * Applies the corrections of entry `root` that are read, in order: the chain is cut at the first
 * correction that is not (a correction is not dated nor recorded before the entry it corrects).
 */
function corrected(s: LedgerStore, v: View, root: number): Corrected {
  const chain: number[] = [];
  // from[i] is the entry whose points count after the first i corrections. An amendment replaces
  // the points of the entry it corrects; a reversal undoes that entry: a reversed original counts
  // 0, a reversed correction gives back the points from before it.
  const from = [root];
  for (let c = s.correctedBy[root]!; c >= 0 && seen(s, v, c); c = s.correctedBy[c]!) {
    chain.push(c);
    const i = chain.length;
    from.push(s.entries[c]!.action === "amend" ? c : i >= 2 ? from[i - 2]! : -1);
  }
  return { chain, from: from[from.length - 1]! };
}

/** A person's ordinary entries that are read (entry indices, in order), from the store's index. */
function rootsOf(s: LedgerStore, v: View, person: string): number[] {
  const out: number[] = [];
  const list = s.byPerson.get(person);
  if (list === undefined) return out;
  for (const i of list) {
    if (i >= v.size) break;
    if (s.entries[i]!.corrects === undefined && seen(s, v, i)) out.push(i);
  }
  return out;
}

/** Orders entry indices by day, then id. */
const byDayThenId =
  ({ entries, days }: LedgerStore) =>
  (a: number, b: number): number =>
    days[a]! - days[b]! || byText(entries[a]!.id, entries[b]!.id);

/** Where an entry's points come from after its corrections, by the entry they are read from. */
const statusOf = (root: number, from: number): AccountEntry["status"] => (from === root ? "recorded" : from < 0 ? "reversed" : "amended");

/**
 * The summary of one person's entries `roots` (ordinary entries that are read) over a period.
 * Only the totals are made at once. The components with their entries, the entries and the trace
 * repeat what the entries hold, in day order; they are made when first read, so summing thousands
 * of accounts neither sorts nor lists each one's entries unless someone looks.
 */
function summary(s: LedgerStore, person: string, period: DaySpan | null, view: View, roots: readonly number[], components?: ReadonlySet<string>): AccountSummary {
  const { days, correctedBy, points } = s;
  const all = s.entries;
  const chosen: number[] = []; // the entries counted
  const from: number[] = []; // for each, the entry whose points count (-1: none)
  const fixes = new Map<number, Corrected>(); // the corrected entries among them
  const byComponent = new Map<string, number[]>(); // the entries whose points count, by component
  for (const i of roots) {
    if (period && (days[i]! < period.first || days[i]! > period.last)) continue;
    const component = all[i]!.component!;
    if (components && !components.has(component)) continue;
    const c = correctedBy[i]!;
    const fix = c >= 0 && seen(s, view, c) ? corrected(s, view, i) : undefined;
    if (fix) fixes.set(i, fix);
    const counted = fix ? fix.from : i;
    chosen.push(i);
    from.push(counted);
    const same = byComponent.get(component);
    if (same === undefined) byComponent.set(component, [counted]);
    else same.push(counted);
  }
  const names = [...byComponent.keys()].sort();
  const sums = names.map((component) => sumPoints(points, byComponent.get(component)!));
  const total = sumPoints(points, from);
  const countedText = (k: number): string => (from[k]! < 0 ? "0" : points.texts[from[k]!]!);
  // Positions in `chosen` by day, then id; and each component's, in that order.
  let sorted: { readonly order: readonly number[]; readonly parts: ReadonlyMap<string, number[]> } | undefined;
  const inOrder = () => {
    if (sorted) return sorted;
    const byDay = byDayThenId(s);
    const order = chosen.map((_, k) => k).sort((a, b) => byDay(chosen[a]!, chosen[b]!));
    const parts = new Map<string, number[]>(names.map((component) => [component, []]));
    for (const k of order) parts.get(all[chosen[k]!]!.component!)!.push(k);
    return (sorted = { order, parts });
  };
  let entries: readonly AccountEntry[] | undefined;
  const list = (): AccountEntry[] =>
    inOrder().order.map((k): AccountEntry => {
      const i = chosen[k]!;
      const e = all[i]!;
      const fix = fixes.get(i);
      return {
        id: e.id,
        day: dayText(days[i]!),
        component: e.component!,
        source: e.source,
        recorded: points.texts[i]!,
        points: countedText(k),
        status: statusOf(i, from[k]!),
        corrections: fix ? fix.chain.map((x) => all[x]!.id) : [],
      };
    });
  let totals: readonly ComponentTotal[] | undefined;
  const byComponentTotal = (): ComponentTotal[] => {
    const { parts } = inOrder();
    return names.map((component, j) => ({ component, total: Number(sums[j]!), exact: sums[j]!, entries: parts.get(component)!.map((k) => all[chosen[k]!]!.id) }));
  };
  let trace: readonly TraceStep[] | undefined;
  const explain = (): TraceStep[] => {
    const { order, parts } = inOrder();
    const steps: TraceStep[] = [];
    // An entry as recorded is its own explanation; a corrected one gets a step with its corrections.
    for (const k of order) {
      const i = chosen[k]!;
      const fix = fixes.get(i);
      if (!fix) continue;
      const e = all[i]!;
      const values: Record<string, string> = { component: e.component!, day: dayText(days[i]!), recorded: points.texts[i]!, source: e.source };
      fix.chain.forEach((x, n) => {
        const c = all[x]!;
        values[`correction ${n + 1}`] = `${c.id} ${c.action}${c.action === "amend" ? ` ${points.texts[x]!}` : ""} (${c.date})`;
      });
      const status = statusOf(i, fix.from);
      steps.push({ at: `entry:${e.id}`, rule: status === "recorded" ? "entry" : status === "reversed" ? "reverse" : "amend", values, result: countedText(k) });
    }
    names.forEach((component, j) => {
      const values: Record<string, string> = {};
      for (const k of parts.get(component)!) values[all[chosen[k]!]!.id] = countedText(k);
      steps.push({ at: `component:${component}`, rule: "sum", values, result: sums[j]! });
    });
    const values: Record<string, string> = {};
    names.forEach((component, j) => (values[component] = sums[j]!));
    steps.push({ at: "total", rule: "sum", values, result: total });
    return steps;
  };
  return {
    person,
    period: period?.key ?? null,
    asOf: view.asOf,
    asOfSequence: view.asOfSequence,
    datedThrough: view.datedThrough,
    total: Number(total),
    exact: total,
    get components() {
      return (totals ??= byComponentTotal());
    },
    get entries() {
      return (entries ??= list());
    },
    get trace() {
      return (trace ??= explain());
    },
  };
}

const viewFields = {
  asOf: z.string().max(40).optional(),
  asOfSequence: z.number().int().min(0).optional(),
  datedThrough: z.string().max(40).optional(),
};
const optionsSchema = z
  .strictObject({
    period: z.string().max(20).optional(),
    ...viewFields,
    components: z.array(idSchema).max(10_000).optional(),
  })
  .optional();

/** The entries a summary reads, from its options (checked). */
function viewOf(state: LedgerState, o: ViewOptions, base: IssuePath = ["options"]): View {
  if (o.asOfSequence !== undefined && o.asOfSequence > state.size)
    throw new JixiaoError(
      [issue(IssueCode.outOfRange, [...base, "asOfSequence"], { key: "accountSequenceBeyond", sequence: o.asOfSequence, size: state.size })],
      "Summary options are not valid",
    );
  return {
    size: o.asOfSequence ?? state.size,
    recorded: o.asOf === undefined ? Infinity : requireTime(o.asOf, state.timeZone, [...base, "asOf"]).hi,
    dated: o.datedThrough === undefined ? Infinity : requireTime(o.datedThrough, state.timeZone, [...base, "datedThrough"]).hi,
    asOf: o.asOf ?? null,
    asOfSequence: o.asOfSequence ?? null,
    datedThrough: o.datedThrough ?? null,
  };
}

function readOptions(state: LedgerState, options: unknown) {
  const o = parseWith(optionsSchema, options, "Summary options are not valid", ["options"]) ?? {};
  const period = o.period === undefined ? null : readKey(o.period);
  if (period === undefined) throw new JixiaoError([issue(IssueCode.invalidOption, ["options", "period"], keyProblem(o.period))], "Not a period");
  return { period, view: viewOf(state, o), components: o.components ? new Set(o.components) : undefined };
}

/**
 * Sums one person's growth account over a period, or over the whole career: each entry counts with
 * its points after every correction, in the period of the day it happened; the summary lists the
 * entries and corrections that made it. The same entries in any order give the same summary.
 *
 * Three limits say which entries are read ({@link ViewOptions}): `asOf`, the account as a report
 * made at that moment showed it (recording time); `asOfSequence`, as it stood after the ledger's
 * first n entries; `datedThrough`, only what is dated by then (effective date).
 *
 * @param ledger - a ledger from {@link createLedger}.
 * @param person - the person.
 * @param options - the period, the limits (`asOf`, `asOfSequence`, `datedThrough`) and the components counted.
 * @returns the summary with its trace; a person with no entries has a total of 0.
 * @throws {@link JixiaoError} when the ledger, the period or the options are not valid.
 * @example
 * ```ts
 * const ledger = createLedger([
 *   { id: "e1", person: "c001", date: "2024-01-31", component: "everyday", points: 8.5, source: "月度考核" },
 *   { id: "e2", person: "c001", date: "2024-02-29", component: "everyday", points: 9, source: "月度考核" },
 *   { id: "e3", person: "c001", date: "2024-03-04", corrects: "e1", action: "amend", points: 8.8, source: "复核" },
 * ]);
 * summarizeAccount(ledger, "c001", { period: "2024-Q1" }).exact;
 * //=> "17.8"
 * summarizeAccount(ledger, "c001", { period: "2024-Q1", asOf: "2024-03-01" }).exact;
 * //=> "17.5" (e3 is dated, so taken as recorded, on 4 March)
 * summarizeAccount(ledger, "c001", { period: "2024-Q1", asOfSequence: 2 }).exact;
 * //=> "17.5" (the ledger's first two entries)
 * ```
 */
export function summarizeAccount(ledger: Ledger, person: string, options?: SummaryOptions): AccountSummary {
  const state = asLedger(ledger);
  const p = parseWith(idSchema, person, "Person is not valid", ["person"]);
  const o = readOptions(state, options);
  return summary(state.store, p, o.period, o.view, rootsOf(state.store, o.view, p), o.components);
}

/**
 * Sums every person's growth account over a period (or a career), as {@link summarizeAccount} does.
 * @param ledger - a ledger.
 * @param options - the period, the limits (`asOf`, `asOfSequence`, `datedThrough`) and the components counted.
 * @returns one summary per person with an entry the limits let through (any period), sorted by person.
 * @throws {@link JixiaoError} when the ledger, the period or the options are not valid.
 * @example
 * ```ts
 * summarizeAccounts(ledger, { period: "2024" }).map((s) => [s.person, s.exact]);
 * //=> [["c001", "17.8"]]
 * ```
 */
export function summarizeAccounts(ledger: Ledger, options?: SummaryOptions): AccountSummary[] {
  return summarizePeople(ledger, options);
}

/**
 * {@link summarizeAccounts} for the given people (valid ids, each once; with or without entries),
 * or for everyone with an entry read when left out; sorted by person. @internal
 */
export function summarizePeople(ledger: Ledger, options?: SummaryOptions, people?: Iterable<string>): AccountSummary[] {
  const state = asLedger(ledger);
  const s = state.store;
  const o = readOptions(state, options);
  const roots = new Map<string, number[]>();
  if (people === undefined) {
    for (const person of s.byPerson.keys()) {
      const list = rootsOf(s, o.view, person);
      if (list.length > 0) roots.set(person, list);
    }
  } else for (const person of people) roots.set(person, rootsOf(s, o.view, person));
  return [...roots.keys()].sort().map((p) => summary(s, p, o.period, o.view, roots.get(p)!, o.components));
}

/**
 * One person's growth account period by period: a summary for each period from `from` to `to`.
 * Months add up to their quarter and their year; ISO weeks follow the days they hold.
 * @param ledger - a ledger.
 * @param person - the person.
 * @param options - the kind of period, the range, the limits (`asOf`, `asOfSequence`, `datedThrough`) and the components counted.
 * @returns one summary per period, in order.
 * @throws {@link JixiaoError} when the range is not valid (different kinds, reversed, too long).
 * @example
 * ```ts
 * accountSeries(ledger, "c001", { kind: "month", from: "2024-01", to: "2024-03" }).map((s) => s.exact);
 * //=> ["8.8", "9", "0"]
 * ```
 */
export function accountSeries(ledger: Ledger, person: string, options: SeriesOptions): AccountSummary[] {
  const state = asLedger(ledger);
  const p = parseWith(idSchema, person, "Person is not valid", ["person"]);
  const o = parseWith(seriesSchema, options, "Series options are not valid", ["options"]);
  // Each end is read here first, so that a bad one is reported at its place in the options.
  for (const end of ["from", "to"] as const) {
    const span = spanOf(o[end], ["options", end]);
    if (span.kind !== o.kind) throw new JixiaoError([issue(IssueCode.invalidRule, ["options", end], { key: "accountSeriesKind", period: o[end], kind: span.kind, wanted: o.kind })], "Series options are not valid");
  }
  const keys = relocate((path) => ["options", ...path], () => periodRange(o.from, o.to));
  const view = viewOf(state, o);
  const components = o.components ? new Set(o.components) : undefined;
  // Entries by day once; each period then takes its slice, so a long series over a long account
  // costs (periods + entries) × log entries, not periods × entries.
  const s = state.store;
  const days = s.days;
  const list = rootsOf(s, view, p).sort(byDayThenId(s));
  const firstAtOrAfter = (day: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[list[mid]!]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return keys.map((k) => {
    const span = spanOf(k);
    return summary(s, p, span, view, list.slice(firstAtOrAfter(span.first), firstAtOrAfter(span.last + 1)), components);
  });
}

const seriesSchema = z.strictObject({
  kind: z.enum(["day", "week", "month", "quarter", "half", "year"]),
  from: z.string().max(20),
  to: z.string().max(20),
  ...viewFields,
  components: z.array(idSchema).max(10_000).optional(),
});
