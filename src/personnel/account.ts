import { z } from "../core/z.js";
import { IssueCode, JixiaoError, issue, relocate } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import { idSchema, parseWith } from "../core/validate.js";
import { dayText, keyProblem, periodRange, readKey, requireDay, spanOf, type DaySpan, type PeriodKey, type PeriodKind } from "../periods/period.js";
import { asLedger, entryFacts, type EntryFacts, type Ledger, type LedgerEntry } from "./ledger.js";
import { sumPoints } from "./points.js";

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
  /** The last day of recording counted, or `null` for everything recorded. */
  readonly asOf: string | null;
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

/** Options for {@link summarizeAccount} and {@link summarizeAccounts}. */
export interface SummaryOptions {
  /** The period summed (`2024`, `2024-Q3`, `2024-07`, `2024-W27`, a day); the whole career when left out. */
  readonly period?: PeriodKey;
  /** Count only what was recorded up to this date (`2024-07-05`): the account as it stood then. */
  readonly asOf?: string;
  /** Count only these components. */
  readonly components?: readonly string[];
}

/** Options for {@link accountSeries}. */
export interface SeriesOptions {
  /** The kind of period: `month`, `quarter` … */
  readonly kind: PeriodKind;
  /** The first period (of that kind). */
  readonly from: PeriodKey;
  /** The last period (of that kind). */
  readonly to: PeriodKey;
  /** Count only what was recorded up to this date. */
  readonly asOf?: string;
  /** Count only these components. */
  readonly components?: readonly string[];
}

/** The corrections of an entry recorded by `asOf`, and the entry whose points then count. */
interface Corrected {
  /** The corrections applied, in order (entry indices). */
  readonly chain: readonly number[];
  /** The entry whose points count: the entry itself, an amendment, or -1 (none: it counts 0). */
  readonly from: number;
}

/**
 * Applies the corrections of entry `root` recorded by `asOf`. A correction is dated no earlier than
 * the entry it corrects, so the chain is cut at the first correction recorded after `asOf`.
 */
function corrected(entries: readonly LedgerEntry[], { days, correctedBy }: EntryFacts, root: number, asOf: number): Corrected {
  const chain: number[] = [];
  // from[i] is the entry whose points count after the first i corrections. An amendment replaces
  // the points of the entry it corrects; a reversal undoes that entry: a reversed original counts
  // 0, a reversed correction gives back the points from before it.
  const from = [root];
  for (let c = correctedBy[root]!; c >= 0 && days[c]! <= asOf; c = correctedBy[c]!) {
    chain.push(c);
    const i = chain.length;
    from.push(entries[c]!.action === "amend" ? c : i >= 2 ? from[i - 2]! : -1);
  }
  return { chain, from: from[from.length - 1]! };
}

/** Every ordinary entry recorded by `asOf` (entry indices), by person. */
function byPerson(ledger: Ledger, asOf: number, person?: string): Map<string, number[]> {
  const { days } = entryFacts(ledger);
  const all = ledger.entries;
  const out = new Map<string, number[]>();
  // A person's entries usually come together: the last person's list is kept at hand.
  let last: string | undefined;
  let list: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const e = all[i]!;
    if (e.corrects !== undefined || (person !== undefined && e.person !== person) || days[i]! > asOf) continue;
    if (e.person !== last) {
      last = e.person;
      const known = out.get(last);
      if (known === undefined) out.set(last, (list = []));
      else list = known;
    }
    list.push(i);
  }
  return out;
}

/** Orders entry indices by day, then id. */
const byDayThenId =
  (entries: readonly LedgerEntry[], days: Float64Array) =>
  (a: number, b: number): number =>
    days[a]! - days[b]! || (entries[a]!.id < entries[b]!.id ? -1 : entries[a]!.id > entries[b]!.id ? 1 : 0);

/** Where an entry's points come from after its corrections, by the entry they are read from. */
const statusOf = (root: number, from: number): AccountEntry["status"] => (from === root ? "recorded" : from < 0 ? "reversed" : "amended");

/**
 * The summary of one person's entries `roots` (ordinary entries recorded by `asOf`) over a period.
 * Only the totals are made at once. The components with their entries, the entries and the trace
 * repeat what the entries hold, in day order; they are made when first read, so summing thousands
 * of accounts neither sorts nor lists each one's entries unless someone looks.
 */
function summary(ledger: Ledger, person: string, period: DaySpan | null, asOf: { day: number; text: string | null }, roots: readonly number[], components?: ReadonlySet<string>): AccountSummary {
  const facts = entryFacts(ledger);
  const { days, correctedBy, points } = facts;
  const all = ledger.entries;
  const chosen: number[] = []; // the entries counted
  const from: number[] = []; // for each, the entry whose points count (-1: none)
  const fixes = new Map<number, Corrected>(); // the corrected entries among them
  const byComponent = new Map<string, number[]>(); // the entries whose points count, by component
  for (const i of roots) {
    if (period && (days[i]! < period.first || days[i]! > period.last)) continue;
    const component = all[i]!.component!;
    if (components && !components.has(component)) continue;
    const c = correctedBy[i]!;
    const fix = c >= 0 && days[c]! <= asOf.day ? corrected(all, facts, i, asOf.day) : undefined;
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
    const byDay = byDayThenId(all, days);
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
    asOf: asOf.text,
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

const optionsSchema = z
  .strictObject({
    period: z.string().max(20).optional(),
    asOf: z.string().max(40).optional(),
    components: z.array(idSchema).max(10_000).optional(),
  })
  .optional();

function readOptions(ledger: Ledger, options: unknown) {
  const o = parseWith(optionsSchema, options, "Summary options are not valid", ["options"]) ?? {};
  const period = o.period === undefined ? null : readKey(o.period);
  if (period === undefined) throw new JixiaoError([issue(IssueCode.invalidOption, ["options", "period"], keyProblem(o.period))], "Not a period");
  const asOf = o.asOf === undefined ? Infinity : requireDay(o.asOf, ledger.timeZone, ["options", "asOf"]);
  return { period, asOf: { day: asOf, text: o.asOf ?? null }, components: o.components ? new Set(o.components) : undefined };
}

/**
 * Sums one person's growth account over a period, or over the whole career: each entry counts with
 * its points after every correction, in the period of the day it happened; the summary lists the
 * entries and corrections that made it. The same entries in any order give the same summary.
 *
 * @param ledger - a ledger from {@link createLedger}.
 * @param person - the person.
 * @param options - the period, an `asOf` date and the components counted.
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
 * //=> "17.5"
 * ```
 */
export function summarizeAccount(ledger: Ledger, person: string, options?: SummaryOptions): AccountSummary {
  const l = asLedger(ledger);
  const p = parseWith(idSchema, person, "Person is not valid", ["person"]);
  const o = readOptions(l, options);
  return summary(l, p, o.period, o.asOf, byPerson(l, o.asOf.day, p).get(p) ?? [], o.components);
}

/**
 * Sums every person's growth account over a period (or a career), as {@link summarizeAccount} does.
 * @param ledger - a ledger.
 * @param options - the period, an `asOf` date and the components counted.
 * @returns one summary per person with an entry in the ledger, sorted by person.
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
 * or for everyone with an entry when left out; sorted by person. @internal
 */
export function summarizePeople(ledger: Ledger, options?: SummaryOptions, people?: Iterable<string>): AccountSummary[] {
  const l = asLedger(ledger);
  const o = readOptions(l, options);
  const roots = byPerson(l, o.asOf.day);
  return [...(people ?? new Set(l.entries.map((e) => e.person)))].sort().map((p) => summary(l, p, o.period, o.asOf, roots.get(p) ?? [], o.components));
}

/**
 * One person's growth account period by period: a summary for each period from `from` to `to`.
 * Months add up to their quarter and their year; ISO weeks follow the days they hold.
 * @param ledger - a ledger.
 * @param person - the person.
 * @param options - the kind of period, the range, an `asOf` date and the components counted.
 * @returns one summary per period, in order.
 * @throws {@link JixiaoError} when the range is not valid (different kinds, reversed, too long).
 * @example
 * ```ts
 * accountSeries(ledger, "c001", { kind: "month", from: "2024-01", to: "2024-03" }).map((s) => s.exact);
 * //=> ["8.8", "9", "0"]
 * ```
 */
export function accountSeries(ledger: Ledger, person: string, options: SeriesOptions): AccountSummary[] {
  const l = asLedger(ledger);
  const p = parseWith(idSchema, person, "Person is not valid", ["person"]);
  const o = parseWith(seriesSchema, options, "Series options are not valid", ["options"]);
  // Each end is read here first, so that a bad one is reported at its place in the options.
  for (const end of ["from", "to"] as const) {
    const span = spanOf(o[end], ["options", end]);
    if (span.kind !== o.kind) throw new JixiaoError([issue(IssueCode.invalidRule, ["options", end], { key: "accountSeriesKind", period: o[end], kind: span.kind, wanted: o.kind })], "Series options are not valid");
  }
  const keys = relocate((path) => ["options", ...path], () => periodRange(o.from, o.to));
  const base = readOptions(l, { asOf: o.asOf, components: o.components });
  // Entries by day once; each period then takes its slice, so a long series over a long account
  // costs (periods + entries) × log entries, not periods × entries.
  const { days } = entryFacts(l);
  const list = (byPerson(l, base.asOf.day, p).get(p) ?? []).sort(byDayThenId(l.entries, days));
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
    return summary(l, p, span, base.asOf, list.slice(firstAtOrAfter(span.first), firstAtOrAfter(span.last + 1)), base.components);
  });
}

const seriesSchema = z.strictObject({
  kind: z.enum(["day", "week", "month", "quarter", "half", "year"]),
  from: z.string().max(20),
  to: z.string().max(20),
  asOf: z.string().max(40).optional(),
  components: z.array(idSchema).max(10_000).optional(),
});
