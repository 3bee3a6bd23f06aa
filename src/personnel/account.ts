import { z } from "../core/z.js";
import { Dec, sum, text, toDec, toNumber, ZERO } from "../core/decimal.js";
import { IssueCode, JixiaoError, issue } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import { idSchema, parseWith } from "../core/validate.js";
import { dayText, periodRange, readKey, requireDay, spanOf, keyProblem, type DaySpan, type PeriodKey, type PeriodKind } from "../periods/period.js";
import { asLedger, entryDays, type Ledger, type LedgerEntry } from "./ledger.js";

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
  /** The ids of the entries that made it. */
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
  /** The totals by component, sorted by component. */
  readonly components: readonly ComponentTotal[];
  /** The entries counted, by day then id (corrections are listed on the entry they correct). */
  readonly entries: readonly AccountEntry[];
  /** How the total was made: each corrected entry with its corrections, each component's sum of its entries, the total. */
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

interface Resolved {
  readonly root: LedgerEntry;
  readonly day: number;
  readonly recorded: Dec;
  readonly points: Dec;
  readonly status: AccountEntry["status"];
  readonly chain: readonly LedgerEntry[];
}

interface State {
  readonly points: Dec;
  readonly status: AccountEntry["status"];
}

/**
 * Every ordinary entry recorded by `asOf`, with the corrections recorded by then applied, by person.
 * A correction is dated no earlier than the entry it corrects, so a chain is cut at the first
 * correction recorded after `asOf`.
 */
function resolve(ledger: Ledger, asOf: number, person?: string): Map<string, Resolved[]> {
  const days = entryDays(ledger);
  const entries = ledger.entries;
  const correction = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.corrects !== undefined && (person === undefined || e.person === person)) correction.set(e.corrects, i);
  }
  const out = new Map<string, Resolved[]>();
  for (let r = 0; r < entries.length; r++) {
    const root = entries[r]!;
    if (root.corrects !== undefined || (person !== undefined && root.person !== person)) continue;
    const day = days[r]!;
    if (day > asOf) continue;
    const chain: LedgerEntry[] = [];
    // states[i] is the points after the first i corrections. An amendment replaces the points of
    // the entry it corrects; a reversal undoes that entry: a reversed original counts 0, a
    // reversed correction gives back the points from before it.
    const states: State[] = [{ points: toDec(root.points)!, status: "recorded" }];
    for (let ci = correction.get(root.id); ci !== undefined && days[ci]! <= asOf; ci = correction.get(entries[ci]!.id)) {
      const c = entries[ci]!;
      chain.push(c);
      const i = chain.length;
      states.push(c.action === "amend" ? { points: toDec(c.points)!, status: "amended" } : i >= 2 ? states[i - 2]! : { points: ZERO, status: "reversed" });
    }
    const { points, status } = states[states.length - 1]!;
    const list = out.get(root.person) ?? [];
    list.push({ root, day, recorded: states[0]!.points, points, status, chain });
    out.set(root.person, list);
  }
  return out;
}

const byDayThenId = (a: Resolved, b: Resolved): number => a.day - b.day || (a.root.id < b.root.id ? -1 : a.root.id > b.root.id ? 1 : 0);

function summary(person: string, period: DaySpan | null, asOf: string | null, list: readonly Resolved[], components?: ReadonlySet<string>): AccountSummary {
  const chosen = list.filter((r) => (!period || (r.day >= period.first && r.day <= period.last)) && (!components || components.has(r.root.component!))).sort(byDayThenId);
  const trace: TraceStep[] = [];
  const byComponent = new Map<string, Resolved[]>();
  const entries = chosen.map((r): AccountEntry => {
    const component = r.root.component!;
    (byComponent.get(component) ?? byComponent.set(component, []).get(component)!).push(r);
    const status = r.status;
    const day = dayText(r.day);
    const recorded = text(r.recorded);
    const points = r.chain.length === 0 ? recorded : text(r.points);
    // An entry as recorded is its own explanation; a corrected one gets a step with its corrections.
    if (r.chain.length > 0) {
      const values: Record<string, string> = { component, day, recorded, source: r.root.source };
      r.chain.forEach((c, i) => (values[`correction ${i + 1}`] = `${c.id} ${c.action}${c.action === "amend" ? ` ${text(toDec(c.points)!)}` : ""} (${c.date})`));
      trace.push({ at: `entry:${r.root.id}`, rule: status === "recorded" ? "entry" : status === "reversed" ? "reverse" : "amend", values, result: points });
    }
    return { id: r.root.id, day, component, source: r.root.source, recorded, points, status, corrections: r.chain.map((c) => c.id) };
  });
  const totals = [...byComponent.keys()].sort().map((component): ComponentTotal => {
    const rs = byComponent.get(component)!;
    const total = sum(rs.map((r) => r.points));
    trace.push({ at: `component:${component}`, rule: "sum", values: Object.fromEntries(rs.map((r) => [r.root.id, text(r.points)])), result: text(total) });
    return { component, total: toNumber(total), exact: text(total), entries: rs.map((r) => r.root.id) };
  });
  const total = sum(totals.map((t) => new Dec(t.exact)));
  trace.push({ at: "total", rule: "sum", values: Object.fromEntries(totals.map((t) => [t.component, t.exact])), result: text(total) });
  return { person, period: period?.key ?? null, asOf, total: toNumber(total), exact: text(total), components: totals, entries, trace };
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
  return { period, asOf, asOfText: o.asOf ?? null, components: o.components ? new Set(o.components) : undefined };
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
  return summary(p, o.period, o.asOfText, resolve(l, o.asOf, p).get(p) ?? [], o.components);
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
  const l = asLedger(ledger);
  const o = readOptions(l, options);
  const resolved = resolve(l, o.asOf);
  const people = new Set(l.entries.map((e) => e.person));
  return [...people].sort().map((p) => summary(p, o.period, o.asOfText, resolved.get(p) ?? [], o.components));
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
  const keys = periodRange(o.from, o.to);
  const first = spanOf(o.from, ["options", "from"]);
  if (first.kind !== o.kind) throw new JixiaoError([issue(IssueCode.invalidRule, ["options", "from"], `is a ${first.kind}, not a ${o.kind}`)], "Series options are not valid");
  const base = readOptions(l, { asOf: o.asOf, components: o.components });
  // Entries by day once; each period then takes its slice, so a long series over a long account
  // costs (periods + entries) × log entries, not periods × entries.
  const list = (resolve(l, base.asOf, p).get(p) ?? []).sort(byDayThenId);
  const firstAtOrAfter = (day: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return keys.map((k) => {
    const span = spanOf(k);
    return summary(p, span, base.asOfText, list.slice(firstAtOrAfter(span.first), firstAtOrAfter(span.last + 1)), base.components);
  });
}

const seriesSchema = z.strictObject({
  kind: z.enum(["day", "week", "month", "quarter", "half", "year"]),
  from: z.string().max(20),
  to: z.string().max(20),
  asOf: z.string().max(40).optional(),
  components: z.array(idSchema).max(10_000).optional(),
});
