import { z } from "../core/z.js";
import { toDec } from "../core/decimal.js";
import { IssueCode, JixiaoError, issue, relocate, safely, type Issue, type IssuePath, type SafeResult } from "../core/errors.js";
import { isCopy } from "../core/snapshot.js";
import { addIssue, decimal, idSchema, isId, isPlainObject, isText, parseList, parseWith, type DecimalInput } from "../core/validate.js";
import { shown } from "../messages/index.js";
import { dayOfWall, dayText, keyProblem, readKey, wallTimeOf, zoneOption, type PeriodKey, type TimeZone, type WallTime } from "../periods/period.js";
import { addPoints, copyPoints, pointsDecimals, type LedgerPoints } from "./points.js";

/**
 * One entry of a growth account (个人成长账户, R9, R12): dated points for one person on one
 * component, with where they came from. Entries are never edited or deleted: a correction is a new
 * entry that names the one it corrects (`corrects`) and either reverses it or amends its points.
 *
 * An entry has two times: its `date`, when it counts, and `recordedAt`, when it was recorded. An
 * entry without `recordedAt` is taken as recorded on its date. The ledger also numbers its entries
 * in the order they were appended (its own sequence: 1, 2, 3 …).
 */
export interface LedgerEntry {
  /** Unique id in the ledger (a record number). */
  readonly id: string;
  /** The person (a cadre's number). */
  readonly person: string;
  /**
   * When it counts. For an ordinary entry, when the performance happened: a date (`2024-06-30`) or
   * a date-time (`2024-06-30T23:30`, wall clock in the ledger's time zone, or with `Z`/an offset).
   * For a correction, when it takes effect (when it was made); it counts in the period of the entry
   * it corrects.
   */
  readonly date: string;
  /**
   * When it was recorded: a moment (`2025-01-15T10:02:33`, or with `Z`/an offset) or a date, given
   * by the caller (the library reads no clock). Left out, the entry is taken as recorded on its
   * `date`. Entries are recorded in the order they are appended: none may be recorded before the
   * latest `recordedAt` already in the ledger (a date alone is the start of its day here).
   */
  readonly recordedAt?: string;
  /** The pillar or component (routine, recognition, ability, leadership, everyday …); a correction keeps its target's. */
  readonly component?: string;
  /** Points, a decimal (negative for a deduction); for a reversal, left out. */
  readonly points?: DecimalInput;
  /** Where the points came from (月度考核, system, the assessor …). */
  readonly source: string;
  /** A reference to the record behind it (document number, task id …). */
  readonly reference?: string;
  /** A note for people. */
  readonly note?: string;
  /** The id of the earlier entry this one corrects. */
  readonly corrects?: string;
  /**
   * With `corrects`: `amend` replaces the points of the entry corrected with `points`; `reverse`
   * undoes the entry corrected — an original then counts 0, a correction is undone (the points
   * from before it count again).
   */
  readonly action?: "reverse" | "amend";
  /**
   * For an adjustment: the closed period it concerns (`2024`, `2024-06` …). An adjustment is an
   * ordinary entry dated in an open period, where it counts; it is how a change to a closed period
   * is recorded, since the closed period's own reports never change.
   */
  readonly adjusts?: PeriodKey;
  /** With `adjusts`: why the closed period is adjusted. */
  readonly reason?: string;
}

/** A growth-account ledger: its time zone, how far it is closed and its entries, append-only, frozen. */
export interface Ledger {
  /** The time zone its dates and times are read in (Asia/Shanghai by default). */
  readonly timeZone: TimeZone;
  /** The last day of its closed periods (`2024-12-31`), or `null` when none is closed. */
  readonly closedThrough: string | null;
  /** How many entries it holds: the sequence number of its last entry. */
  readonly size: number;
  /** The entries, in the order they were appended (made into a frozen list when first read). */
  readonly entries: readonly LedgerEntry[];
}

/** A ledger as JSON: the format name and version, the time zone, how far it is closed and the entries. */
export interface LedgerJson {
  /** Always `jixiao-ledger`. */
  readonly format: "jixiao-ledger";
  /** The format version, 1. */
  readonly version: 1;
  /** The time zone. */
  readonly timeZone: TimeZone;
  /** The last closed day, when periods are closed. */
  readonly closedThrough?: string;
  /** The entries, in the order they were appended. */
  readonly entries: readonly LedgerEntry[];
}

/** Options for {@link createLedger}. */
export interface LedgerOptions {
  /** The time zone dates and times are read in; `Asia/Shanghai` when left out. */
  readonly timeZone?: TimeZone;
  /** Close the periods through this period or day (`2024`, `2024-12-31`): see {@link closePeriods}. */
  readonly closedThrough?: PeriodKey;
}

/** Options for {@link appendEntries}. */
export interface AppendOptions {
  /** When the entries were recorded: given to each entry that has no `recordedAt` of its own. */
  readonly recordedAt?: string;
}

/** The most entries one ledger holds. */
export const MAX_LEDGER_ENTRIES = 10_000_000;

const text = (max: number) => z.string().min(1).max(max);

/** The rules an entry's fields break, by their message. */
type LedgerRule =
  | "ledgerDecimals"
  | "ledgerActionOnlyCorrection"
  | "ledgerPointsRequired"
  | "ledgerComponentRequired"
  | "ledgerActionRequired"
  | "ledgerReversalPoints"
  | "ledgerAmendPoints"
  | "ledgerCorrectionComponent"
  | "ledgerAdjustmentCorrection"
  | "ledgerAdjustmentReason"
  | "ledgerReasonOnlyAdjustment";

/** Reports an entry's field breaking a rule. */
function rule(ctx: Parameters<typeof addIssue>[0], path: string, key: LedgerRule): void {
  addIssue(ctx, IssueCode.invalidRule, { key }, [path]);
}

const entrySchema = z
  .strictObject({
    id: idSchema,
    person: idSchema,
    date: text(40),
    recordedAt: text(40).optional(),
    component: idSchema.optional(),
    points: decimal({ min: -1e12, max: 1e12 }).optional(),
    source: text(200),
    reference: text(500).optional(),
    note: z.string().max(2000).optional(),
    corrects: idSchema.optional(),
    action: z.enum(["reverse", "amend"]).optional(),
    adjusts: z.string().max(20).optional(),
    reason: text(500).optional(),
  })
  .superRefine((e, ctx) => {
    // A number's decimals from its text (kept for the ledger's sums); text through decimal.js.
    const decimals = typeof e.points === "number" ? (Number.isFinite(e.points) ? pointsDecimals(e.points) : 0) : (toDec(e.points)?.decimalPlaces() ?? 0);
    if (decimals > 10) addIssue(ctx, IssueCode.outOfRange, { key: "ledgerDecimals" }, ["points"]);
    if (e.corrects === undefined) {
      if (e.action !== undefined) rule(ctx, "action", "ledgerActionOnlyCorrection");
      if (e.points === undefined) rule(ctx, "points", "ledgerPointsRequired");
      if (e.component === undefined) rule(ctx, "component", "ledgerComponentRequired");
    } else {
      if (e.action === undefined) rule(ctx, "action", "ledgerActionRequired");
      if (e.action === "reverse" && e.points !== undefined) rule(ctx, "points", "ledgerReversalPoints");
      if (e.action === "amend" && e.points === undefined) rule(ctx, "points", "ledgerAmendPoints");
      if (e.component !== undefined) rule(ctx, "component", "ledgerCorrectionComponent");
      if (e.adjusts !== undefined) rule(ctx, "adjusts", "ledgerAdjustmentCorrection");
    }
    if (e.adjusts !== undefined && readKey(e.adjusts) === undefined) addIssue(ctx, IssueCode.invalidOption, keyProblem(e.adjusts), ["adjusts"]);
    if (e.adjusts !== undefined && e.reason === undefined) rule(ctx, "reason", "ledgerAdjustmentReason");
    if (e.adjusts === undefined && e.reason !== undefined) rule(ctx, "reason", "ledgerReasonOnlyAdjustment");
  });

const entriesSchema = z.array(entrySchema).max(MAX_LEDGER_ENTRIES);

const PLAIN_KEYS: ReadonlySet<string> = new Set(["id", "person", "date", "recordedAt", "component", "points", "source", "reference", "note", "corrects", "action"]);

/**
 * Whether an entry (of the input's copy) is plainly what the schema accepts as it is, so that a
 * large batch skips the schema's cost: known fields only, none undefined, points a number within
 * ±10^12 of at most 10 decimals. Adjustments and points as text take the schema.
 */
function plainEntry(item: unknown): boolean {
  if (!isPlainObject(item)) return false;
  for (const key in item) if (!PLAIN_KEYS.has(key) || item[key] === undefined) return false;
  const x = item;
  if (!isId(x.id) || !isId(x.person) || !isText(x.date, 40) || !isText(x.source, 200)) return false;
  if ((x.recordedAt !== undefined && !isText(x.recordedAt, 40)) || (x.reference !== undefined && !isText(x.reference, 500)) || (x.note !== undefined && (typeof x.note !== "string" || x.note.length > 2000))) return false;
  const points = x.points;
  if (points !== undefined && !(typeof points === "number" && Math.abs(points) <= 1e12 && pointsDecimals(points) <= 10)) return false;
  if (x.corrects === undefined) return x.action === undefined && points !== undefined && isId(x.component);
  return isId(x.corrects) && x.component === undefined && (x.action === "reverse" ? points === undefined : x.action === "amend" && points !== undefined);
}

/** An entry's fields in the order the schema lists them: the order of a stored entry's keys. */
const ENTRY_KEYS = Object.keys(entrySchema.shape) as (keyof LedgerEntry)[];

/** Whether an entry's keys come in the schema's order (none undefined: {@link plainEntry} saw to that). */
function inSchemaOrder(e: object): boolean {
  let k = 0;
  for (const key in e) {
    while (k < ENTRY_KEYS.length && ENTRY_KEYS[k] !== key) k++;
    if (k++ === ENTRY_KEYS.length) return false;
  }
  return true;
}

/**
 * What a line of ledgers holds in common: the entries and what was read from them, in the order
 * appended, and the indexes over them. An append to the newest ledger of a line adds to these lists
 * and maps in place, in time proportional to the entries added; every ledger of the line reads only
 * its own first `size` entries, so the older ones see exactly what they held. An append to an older
 * ledger (a second branch from it) first copies its part of the lists.
 * @internal
 */
export interface LedgerStore {
  /** The entries: frozen, null-prototype copies of the schema's output. */
  readonly entries: LedgerEntry[];
  /** Each entry's index by id. */
  readonly byId: Map<string, number>;
  /**
   * The numbers read from each entry, in typed arrays with room to grow (their length is their
   * capacity: only the first `entries.length` are the store's), replaced by longer ones as the
   * store grows. For each entry: the index of the entry that corrects it, or -1 (an index past a
   * ledger's size is not yet in it).
   */
  correctedBy: Int32Array;
  /** Its day (its date's day number in the ledger's time zone). */
  days: Int32Array;
  /** Its date as wall-clock milliseconds: its first moment (a date alone is a whole day). */
  dateLo: Float64Array;
  /** When it was recorded (its `recordedAt`, or else its date), likewise. */
  recordedLo: Float64Array;
  /** Each entry's points, read for exact sums. */
  readonly points: LedgerPoints;
  /** Each person's entries (ordinary entries and corrections), by index, in order. */
  readonly byPerson: Map<string, number[]>;
}

/** What a ledger is: its part of a store, its time zone, its closing and its latest recording. @internal */
export interface LedgerState {
  readonly store: LedgerStore;
  /** How many of the store's entries are this ledger's. */
  readonly size: number;
  readonly timeZone: TimeZone;
  /** The last closed day's number, or -Infinity. */
  readonly closed: number;
  /** The latest `recordedAt` among the entries, as wall-clock milliseconds, or -Infinity. */
  readonly latest: number;
  /** That `recordedAt` as given. */
  readonly latestText: string | undefined;
}

const emptyStore = (): LedgerStore => ({
  entries: [],
  byId: new Map(),
  correctedBy: new Int32Array(0),
  days: new Int32Array(0),
  dateLo: new Float64Array(0),
  recordedLo: new Float64Array(0),
  points: { texts: [], units: [], scale: 0 },
  byPerson: new Map(),
});

/** A typed array of `length` holding the first `size` numbers of another. */
function resized<A extends Int32Array | Float64Array>(a: A, size: number, length: number): A {
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a.subarray(0, size));
  return b;
}

/** Makes room in a store's numbers for `n` entries in all (twice as much room when it must grow, so that appends cost O(1) each, amortized). */
function room(s: LedgerStore, n: number): void {
  const have = s.days.length;
  if (n <= have) return;
  const length = Math.max(n, 2 * have);
  const size = s.entries.length;
  s.correctedBy = resized(s.correctedBy, size, length);
  s.days = resized(s.days, size, length);
  s.dateLo = resized(s.dateLo, size, length);
  s.recordedLo = resized(s.recordedLo, size, length);
}

/** The first `size` entries of a store and their indexes, apart from it: for a second branch. */
function copyStore(s: LedgerStore, size: number): LedgerStore {
  const entries = s.entries.slice(0, size);
  const byId = new Map<string, number>();
  const byPerson = new Map<string, number[]>();
  for (let i = 0; i < size; i++) {
    const e = entries[i]!;
    byId.set(e.id, i);
    const list = byPerson.get(e.person);
    if (list === undefined) byPerson.set(e.person, [i]);
    else list.push(i);
  }
  return {
    entries,
    byId,
    correctedBy: s.correctedBy.slice(0, size).map((c) => (c < size ? c : -1)),
    days: s.days.slice(0, size),
    dateLo: s.dateLo.slice(0, size),
    recordedLo: s.recordedLo.slice(0, size),
    points: copyPoints(s.points, size),
    byPerson,
  };
}

/** The place of a new entry's field in the issues. */
const at = (j: number, field: string): IssuePath => ["entries", j, field];

/** The time of a date that is not one: no comparison holds with it. */
const NONE: WallTime = Object.freeze({ lo: NaN, hi: NaN });

/** How new entries are added: by {@link createLedger} (a whole history, closed periods and all) or by an append. */
type Mode = "create" | "append";

/** The recording time of an entry as given: its `recordedAt`, or else its date. */
const recordedText = (e: LedgerEntry): string => e.recordedAt ?? e.date;

/**
 * Checks new entries against a ledger (its store holding exactly its entries) and, when they pass,
 * adds them to the store; returns the issues found, paths numbered from 0 in the new entries.
 * Each new entry is read once and compared with the indexes, so the time is proportional to the
 * number of new entries, not to the ledger's size.
 *
 * The checks: unique ids; real dates and recording times; none recorded before the ledger's latest
 * recording; corrections that name an entry of the same person, not dated nor recorded before it,
 * at most one correction per entry, no circle; with periods closed (appends only), no entry dated in
 * them and no correction of an entry dated in them; an adjustment concerns a closed period and is
 * dated after it.
 */
function extend(state: LedgerState, added: readonly LedgerEntry[], mode: Mode): Issue[] {
  const { store: s, size, closed } = state;
  const issues: Issue[] = [];
  const k = added.length;
  const date: WallTime[] = [];
  const recorded: WallTime[] = [];
  // Ids of the new entries by their index among them; a repeat keeps the first. A new ledger's
  // store is its own (dropped if a check fails): its index of ids is made here at once.
  const batch = mode === "create" ? s.byId : new Map<string, number>();
  // An entry's index in the ledger before the new ones (none in a new ledger).
  const inLedger = (id: string): number | undefined => (mode === "create" ? undefined : s.byId.get(id));
  const corrections: number[] = [];
  for (let j = 0; j < k; j++) {
    const e = added[j]!;
    const old = inLedger(e.id);
    const repeat = batch.get(e.id);
    if (old !== undefined) issues.push(issue(IssueCode.duplicateId, at(j, "id"), { key: "ledgerIdInLedger", id: e.id, entry: old }));
    else if (repeat !== undefined) issues.push(issue(IssueCode.duplicateId, at(j, "id"), { key: "ledgerIdRepeated", id: e.id, entry: repeat }));
    else batch.set(e.id, j);
    const d = wallTimeOf(e.date, state.timeZone);
    if (d === undefined) issues.push(issue(IssueCode.invalidValue, at(j, "date"), { key: "ledgerBadDate", received: shown(e.date) }));
    date.push(d ?? NONE);
    const r = e.recordedAt === undefined ? d : wallTimeOf(e.recordedAt, state.timeZone);
    if (r === undefined && e.recordedAt !== undefined) issues.push(issue(IssueCode.invalidValue, at(j, "recordedAt"), { key: "ledgerBadDate", received: shown(e.recordedAt) }));
    recorded.push(r ?? NONE);
    // Recorded, or perhaps recorded (a date alone is any time of its day), before the latest
    // recording: it would change reports already made.
    if (r !== undefined && r.lo < state.latest)
      issues.push(
        e.recordedAt === undefined
          ? issue(IssueCode.invalidRule, at(j, "date"), { key: "ledgerNeedsRecordedAt", date: e.date, latest: state.latestText! })
          : issue(IssueCode.invalidRule, at(j, "recordedAt"), { key: "ledgerRecordedEarly", recorded: e.recordedAt, latest: state.latestText! }),
      );
    if (e.corrects !== undefined) corrections.push(j);
    else if (d !== undefined) {
      if (mode === "append" && dayOfWall(d.lo) <= closed) issues.push(issue(IssueCode.invalidRule, at(j, "date"), { key: "ledgerClosed", date: e.date, through: dayText(closed) }));
      if (e.adjusts !== undefined) {
        const period = readKey(e.adjusts)!;
        if (period.last > closed)
          issues.push(issue(IssueCode.invalidRule, at(j, "adjusts"), closed === -Infinity ? { key: "ledgerAdjustsNothingClosed", period: period.key } : { key: "ledgerAdjustsOpen", period: period.key, through: dayText(closed) }));
        else if (dayOfWall(d.lo) <= period.last) issues.push(issue(IssueCode.invalidRule, at(j, "date"), { key: "ledgerAdjustmentDate", date: e.date, period: period.key }));
      }
    }
  }
  // A target is numbered below 0 when it is already in the ledger (-1 - its index), else by its place among the new.
  const correctedNow = new Map<number, number>(); // target (as in targets) → the new correction of it
  for (const j of corrections) {
    const e = added[j]!;
    const corrects = e.corrects!;
    const old = inLedger(corrects);
    const t = old !== undefined ? -1 - old : batch.get(corrects);
    if (t === undefined) {
      issues.push(issue(IssueCode.unknownId, at(j, "corrects"), { key: "ledgerUnknownCorrected", id: corrects }));
      continue;
    }
    const target = t < 0 ? s.entries[-1 - t]! : added[t]!;
    // (An entry of the ledger has its times read again: they were valid when it was added.)
    const tDate = t < 0 ? wallTimeOf(target.date, state.timeZone)! : date[t]!;
    const tRecorded = t < 0 ? wallTimeOf(recordedText(target), state.timeZone)! : recorded[t]!;
    const place = at(j, "corrects");
    if (target.person !== e.person) issues.push(issue(IssueCode.invalidRule, place, { key: "ledgerOtherPerson", id: target.id, owner: target.person, person: e.person }));
    if (date[j]!.hi < tDate.lo) issues.push(issue(IssueCode.invalidRule, place, { key: "ledgerCorrectionEarly", date: e.date, corrected: target.date }));
    else if ((e.recordedAt !== undefined || target.recordedAt !== undefined) && recorded[j]!.hi < tRecorded.lo)
      issues.push(issue(IssueCode.invalidRule, place, { key: "ledgerCorrectionRecordedEarly", recorded: recordedText(e), corrected: recordedText(target) }));
    if (mode === "append" && dayOfWall(tDate.lo) <= closed) issues.push(issue(IssueCode.invalidRule, place, { key: "ledgerCorrectsClosed", id: target.id, date: target.date, through: dayText(closed) }));
    const before = t < 0 ? s.correctedBy[-1 - t]! : -1;
    const other = before >= 0 ? s.entries[before]!.id : correctedNow.has(t) ? added[correctedNow.get(t)!]!.id : undefined;
    if (other !== undefined) issues.push(issue(IssueCode.invalidRule, place, { key: "ledgerCorrectedTwice", id: corrects, by: other }));
    else correctedNow.set(t, j);
  }
  // Entries already in the ledger correct only entries before them, so a circle is made of new
  // entries only. Each corrects at most one other: follow each chain among the new entries once,
  // marking those on the current walk; reaching one of them again closes a circle.
  const walked = new Uint8Array(k); // 0 unseen, 1 on the current walk, 2 done
  for (const j of corrections) {
    const walk: number[] = [];
    let c: number | undefined = j;
    while (c !== undefined && walked[c] === 0) {
      walked[c] = 1;
      walk.push(c);
      const next: string | undefined = added[c]!.corrects;
      c = next === undefined || inLedger(next) !== undefined ? undefined : batch.get(next);
    }
    if (c !== undefined && walked[c] === 1) {
      // Reported at the circle's last entry.
      const last = walk.slice(walk.indexOf(c)).reduce((a, b) => Math.max(a, b));
      issues.push(issue(IssueCode.invalidRule, at(last, "corrects"), { key: "ledgerCircle", id: added[c]!.id }));
    }
    for (const w of walk) walked[w] = 2;
  }
  if (issues.length > 0) return issues;

  // Every check passed: the new entries join the store.
  room(s, size + k);
  for (let j = 0; j < k; j++) {
    const e = added[j]!;
    const i = size + j;
    s.entries.push(e);
    if (mode === "append") s.byId.set(e.id, i);
    s.correctedBy[i] = -1;
    s.days[i] = dayOfWall(date[j]!.lo);
    s.dateLo[i] = date[j]!.lo;
    s.recordedLo[i] = recorded[j]!.lo;
    const list = s.byPerson.get(e.person);
    if (list === undefined) s.byPerson.set(e.person, [i]);
    else list.push(i);
  }
  for (const [t, j] of correctedNow) s.correctedBy[t < 0 ? -1 - t : size + t] = size + j;
  addPoints(
    s.points,
    added.map((e) => e.points),
  );
  return issues;
}

/** The state of a ledger grown by new entries, which its store holds already: its size, and its latest `recordedAt` (kept with its text). */
function grown(state: LedgerState, added: readonly LedgerEntry[]): LedgerState {
  const { store, size } = state;
  let latest = state.latest;
  let latestText = state.latestText;
  for (let j = 0; j < added.length; j++) {
    const e = added[j]!;
    if (e.recordedAt !== undefined && store.recordedLo[size + j]! > latest) {
      latest = store.recordedLo[size + j]!;
      latestText = e.recordedAt;
    }
  }
  return { store, size: size + added.length, timeZone: state.timeZone, closed: state.closed, latest, latestText };
}

/**
 * A ledger as its users see it: frozen, its state and its list of entries held in private fields
 * (which only this class can read, and which freezing leaves writable, so the list is made when
 * first read). Only ledgers of this class are trusted to hold valid entries.
 */
class LedgerView implements Ledger {
  readonly timeZone: TimeZone;
  readonly closedThrough: string | null;
  readonly size: number;
  readonly #state: LedgerState;
  #entries: readonly LedgerEntry[] | undefined;

  constructor(state: LedgerState) {
    this.timeZone = state.timeZone;
    this.closedThrough = state.closed === -Infinity ? null : dayText(state.closed);
    this.size = state.size;
    this.#state = state;
    Object.freeze(this);
  }

  get entries(): readonly LedgerEntry[] {
    return (this.#entries ??= Object.freeze(this.#state.store.entries.slice(0, this.size)));
  }

  /** The state of a ledger of this class, or undefined for anything else (a Proxy of one included). */
  static stateOf(value: unknown): LedgerState | undefined {
    return typeof value === "object" && value !== null && #state in value ? (value as LedgerView).#state : undefined;
  }
}
Object.freeze(LedgerView.prototype);

/** The ledger of a state. */
const ledgerOf = (state: LedgerState): Ledger => new LedgerView(state);

/**
 * The entries, checked for shape (the schema reports every issue), each kept as a frozen,
 * null-prototype copy of the schema's output: own fields only, in the schema's order, with the
 * batch's `recordedAt` where an entry has none.
 */
function readEntries(input: unknown, recordedAt?: string): LedgerEntry[] {
  const parsed = parseList(entriesSchema, input, plainEntry, MAX_LEDGER_ENTRIES, "Ledger entries are not valid", ["entries"]) as LedgerEntry[];
  // (The list is the input's copy, or the schema's output: this call's own, so filled in place.)
  for (let i = 0; i < parsed.length; i++) {
    const e = parsed[i]!;
    // The input's own copy, already in the schema's order with nothing to add: kept, frozen.
    if (isCopy(e) && inSchemaOrder(e) && (recordedAt === undefined || e.recordedAt !== undefined)) {
      Object.freeze(e);
      continue;
    }
    // Made without a prototype before its fields are added: V8 then keeps the fields fast and shares
    // one shape among entries with the same fields (Object.create(null) would make a dictionary).
    const own = Object.setPrototypeOf({}, null) as Record<string, unknown>;
    for (const key of ENTRY_KEYS) {
      const value = key === "recordedAt" ? (e.recordedAt ?? recordedAt) : e[key];
      if (value !== undefined) own[key] = value;
    }
    parsed[i] = Object.freeze(own) as unknown as LedgerEntry;
  }
  return parsed;
}

/** The last closed day of a period key (its last day); with `optional`, -Infinity when left out. */
function closedOption(through: unknown, path: IssuePath, optional = true): number {
  if (through === undefined && optional) return -Infinity;
  const span = readKey(through);
  if (span === undefined) throw new JixiaoError([issue(IssueCode.invalidOption, path, keyProblem(through))], "Not a period");
  return span.last;
}

const optionsSchema = z.object({ timeZone: z.unknown().optional(), closedThrough: z.string().max(20).optional() }).optional();

/** A new ledger of entries read already, checked as a whole. */
function build(entries: readonly LedgerEntry[], timeZone: TimeZone, closed: number): Ledger {
  const state: LedgerState = { store: emptyStore(), size: 0, timeZone, closed, latest: -Infinity, latestText: undefined };
  const issues = extend(state, entries, "create");
  if (issues.length > 0) throw new JixiaoError(issues, "The ledger is not valid");
  return ledgerOf(grown(state, entries));
}

/**
 * Makes a growth-account ledger from entries, checked as a whole (unique ids, real dates,
 * corrections that name an entry of the same person not dated or recorded before it, one correction
 * per entry). The shape of every entry is checked first; the checks across entries run once every
 * entry has its shape. The entries are a history: with `closedThrough`, entries dated in the closed
 * periods are kept (they were recorded before the closing); only later appends are refused there.
 * @param entries - the entries, in the order they were recorded (the ledger's sequence); no check depends on it.
 * @param options - the time zone dates and times are read in; the periods closed.
 * @returns a frozen ledger.
 * @throws {@link JixiaoError} listing every problem with its path (`entries.3.corrects` …).
 * @example
 * ```ts
 * const ledger = createLedger([
 *   { id: "e1", person: "c001", date: "2024-01-31", component: "everyday", points: 8.5, source: "月度考核" },
 *   { id: "e2", person: "c001", date: "2024-02-03", corrects: "e1", action: "amend", points: 9, source: "复核" },
 * ]);
 * ledger.size;
 * //=> 2
 * ```
 */
export function createLedger(entries: readonly LedgerEntry[] = [], options: LedgerOptions = {}): Ledger {
  const o = parseWith(optionsSchema, options, "Ledger options are not valid", ["options"]);
  const timeZone = zoneOption(o);
  const closed = closedOption(o?.closedThrough, ["options", "closedThrough"]);
  return build(readEntries(entries), timeZone, closed);
}

/**
 * {@link createLedger} without throwing.
 * @param entries - the entries.
 * @param options - the time zone and the periods closed.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeCreateLedger([{ id: "e1", person: "c001", date: "2024-02-30", component: "x", points: 1, source: "s" }]).success;
 * //=> false
 * ```
 */
export function safeCreateLedger(entries: readonly LedgerEntry[] = [], options: LedgerOptions = {}): SafeResult<Ledger> {
  return safely(() => createLedger(entries, options));
}

/** The ledger's state, or a thrown {@link JixiaoError} when it was not made by this module. @internal */
export function asLedger(ledger: unknown): LedgerState {
  const state = LedgerView.stateOf(ledger);
  if (state === undefined) throw new JixiaoError([issue(IssueCode.invalidInput, ["ledger"], { key: "ledgerNotLedger" })], "Not a ledger");
  return state;
}

/** A state whose store holds exactly its entries: its own store, or a copy when another ledger has grown from it. */
function tip(state: LedgerState): LedgerState {
  return state.store.entries.length === state.size ? state : { ...state, store: copyStore(state.store, state.size) };
}

/**
 * Appends entries to a ledger, giving a new ledger; the old one and its entries are untouched. A
 * correction may name any entry already in the ledger or among `entries`. The time it takes is
 * proportional to the number of entries appended, not to the ledger's size: a line of ledgers
 * shares its storage, each seeing its own entries (appending twice to the same ledger copies it
 * once, for the second branch).
 *
 * Entries are recorded in the order they are appended: a new entry recorded (its `recordedAt`, or
 * else its date) before the latest `recordedAt` in the ledger is refused, so that a report made as
 * of a moment never changes. With periods closed, an entry dated in them, or a correction of an
 * entry dated in them, is refused: record an adjustment (`adjusts`, `reason`) in an open period.
 * @param ledger - a ledger from {@link createLedger}.
 * @param entries - the new entries.
 * @param options - `recordedAt`: when they were recorded, for the entries that do not say.
 * @returns a new ledger holding the old entries, then the new ones.
 * @throws {@link JixiaoError} when a new entry is invalid or clashes with the ledger (a reused id, a second correction of one entry, a closed period …).
 * @example
 * ```ts
 * const next = appendEntries(ledger, [{ id: "e3", person: "c001", date: "2024-03-05", corrects: "e2", action: "reverse", source: "复核" }],
 *   { recordedAt: "2024-03-05T09:30" });
 * [ledger.size, next.size, next.entries[2].recordedAt];
 * //=> [2, 3, "2024-03-05T09:30"]
 * ```
 */
export function appendEntries(ledger: Ledger, entries: readonly LedgerEntry[], options?: AppendOptions): Ledger {
  const state = tip(asLedger(ledger));
  const o = options === undefined ? undefined : parseWith(appendSchema, options, "Append options are not valid", ["options"]);
  if (o?.recordedAt !== undefined && wallTimeOf(o.recordedAt, state.timeZone) === undefined)
    throw new JixiaoError([issue(IssueCode.invalidValue, ["options", "recordedAt"], { key: "ledgerBadDate", received: shown(o.recordedAt) })], "Append options are not valid");
  const added = readEntries(entries, o?.recordedAt);
  if (state.size + added.length > MAX_LEDGER_ENTRIES)
    throw new JixiaoError([issue(IssueCode.outOfRange, ["entries"], { key: "ledgerTooLong", limit: MAX_LEDGER_ENTRIES })], "Ledger too long");
  const issues = extend(state, added, "append");
  if (issues.length > 0) throw new JixiaoError(issues, "The entries cannot be appended");
  return ledgerOf(grown(state, added));
}

const appendSchema = z.strictObject({ recordedAt: text(40).optional() });

/**
 * Closes a ledger's periods through a period or a day: afterwards an entry dated in them, or a
 * correction of an entry dated in them, is refused with the reason, so that every report of a
 * closed period stays as it is. A change to a closed period is recorded as an adjustment: an
 * ordinary entry dated in an open period, naming the closed period it concerns (`adjusts`) and why
 * (`reason`); it counts where it is dated. Closed periods stay closed: a ledger is never reopened.
 * A period is closed when all its days are.
 * @param ledger - a ledger.
 * @param through - the last period closed (`2024`, `2024-06`, `2024-12-31`): closed through its last day.
 * @returns a new ledger with the same entries, closed through that day.
 * @throws {@link JixiaoError} when `through` is not a period key, or is before the ledger's closing (it would reopen periods).
 * @example
 * ```ts
 * const closed = closePeriods(ledger, "2024");
 * closed.closedThrough;
 * //=> "2024-12-31"
 * safeAppendEntries(closed, [{ id: "late", person: "c001", date: "2024-06-01", component: "everyday", points: -20, source: "督查" }]).success;
 * //=> false (2024 is closed)
 * appendEntries(closed, [{ id: "adj", person: "c001", date: "2025-01-15", component: "everyday", points: -20, source: "督查",
 *   adjusts: "2024-06", reason: "督查发现 6 月漏报" }]).size;
 * //=> 3
 * ```
 */
export function closePeriods(ledger: Ledger, through: PeriodKey): Ledger {
  const state = asLedger(ledger);
  const closed = closedOption(through, ["through"], false);
  if (closed < state.closed)
    throw new JixiaoError([issue(IssueCode.invalidRule, ["through"], { key: "ledgerReopen", through: dayText(closed), closed: dayText(state.closed) })], "Closed periods stay closed");
  return ledgerOf({ ...state, closed });
}

/**
 * {@link appendEntries} without throwing.
 * @param ledger - a ledger.
 * @param entries - the new entries.
 * @param options - when they were recorded.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeAppendEntries(ledger, [{ id: "e1", person: "c001", date: "2024-04-01", component: "everyday", points: 1, source: "s" }]).success;
 * //=> false (e1 is already in the ledger)
 * ```
 */
export function safeAppendEntries(ledger: Ledger, entries: readonly LedgerEntry[], options?: AppendOptions): SafeResult<Ledger> {
  return safely(() => appendEntries(ledger, entries, options));
}

/** The ledger's header: everything but its entries. */
function header(state: LedgerState) {
  return {
    format: "jixiao-ledger" as const,
    version: 1 as const,
    timeZone: state.timeZone,
    ...(state.closed === -Infinity ? {} : { closedThrough: dayText(state.closed) }),
  };
}

/**
 * The ledger as JSON data, for storing: its time zone, how far it is closed and its entries in the
 * order appended, each with its own fields only; {@link ledgerFromJSON} reads it back to a ledger
 * that gives the same summaries, as of any moment, and accepts and refuses the same appends.
 * @param ledger - a ledger.
 * @returns `{ format: "jixiao-ledger", version: 1, timeZone, closedThrough?, entries }`.
 * @example
 * ```ts
 * JSON.stringify(ledgerToJSON(createLedger([], { timeZone: "UTC" })));
 * //=> '{"format":"jixiao-ledger","version":1,"timeZone":"UTC","entries":[]}'
 * ```
 */
export function ledgerToJSON(ledger: Ledger): LedgerJson {
  const state = asLedger(ledger);
  return { ...header(state), entries: ledger.entries };
}

const headerSchema = z.strictObject({
  format: z.literal("jixiao-ledger"),
  version: z.literal(1),
  timeZone: z.string().min(1).max(64),
  closedThrough: z.string().max(20).optional(),
});
const jsonSchema = headerSchema.extend({ entries: z.unknown() });

/** A ledger from a header read already and its entries. */
function fromParts(head: { readonly timeZone: string; readonly closedThrough?: string | undefined }, entries: unknown): Ledger {
  const timeZone = zoneOption(head, ["timeZone"]);
  const closed = closedOption(head.closedThrough, ["closedThrough"]);
  return build(readEntries(entries), timeZone, closed);
}

/** Reads JSON text, or throws a {@link JixiaoError} at `path`. */
function parseJson(text: string, path: IssuePath): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JixiaoError([issue(IssueCode.invalidInput, path, { key: "ledgerNotJson", detail: (error as Error).message })], "The ledger cannot be read");
  }
}

/**
 * Reads a ledger stored by {@link ledgerToJSON} (as an object or as JSON text), checking it as
 * {@link createLedger} does.
 * @param json - the stored ledger.
 * @returns the ledger; summaries of it equal those of the ledger stored.
 * @throws {@link JixiaoError} when the text is not JSON or the ledger is not valid.
 * @example
 * ```ts
 * ledgerFromJSON('{"format":"jixiao-ledger","version":1,"timeZone":"UTC","entries":[]}').entries;
 * //=> []
 * ```
 */
export function ledgerFromJSON(json: string | LedgerJson): Ledger {
  const data = typeof json === "string" ? parseJson(json, []) : json;
  const parsed = parseWith(jsonSchema, data, "The ledger cannot be read");
  const { entries, ...head } = parsed;
  return fromParts(head, entries);
}

/**
 * The ledger as JSON Lines, for large ledgers: a header line (`format`, `version`, `timeZone`,
 * `closedThrough`), then one line per entry in the order appended. Lines are made one at a time as
 * they are read, so a ledger of millions of entries is written without one text of its size.
 * {@link ledgerFromJSONLines} reads them back.
 * @param ledger - a ledger.
 * @returns the lines, without line ends.
 * @example
 * ```ts
 * [...ledgerToJSONLines(createLedger([{ id: "e1", person: "c001", date: "2024-01-31", component: "everyday", points: 8.5, source: "月度考核" }]))];
 * //=> ['{"format":"jixiao-ledger","version":1,"timeZone":"Asia/Shanghai"}',
 * //    '{"id":"e1","person":"c001","date":"2024-01-31","component":"everyday","points":8.5,"source":"月度考核"}']
 * // to a file: for (const line of ledgerToJSONLines(ledger)) stream.write(line + "\n");
 * ```
 */
export function* ledgerToJSONLines(ledger: Ledger): Generator<string, void, undefined> {
  const state = asLedger(ledger);
  yield JSON.stringify(header(state));
  for (let i = 0; i < state.size; i++) yield JSON.stringify(state.store.entries[i]);
}

/**
 * Reads a ledger written by {@link ledgerToJSONLines}: the lines one at a time (an array, a
 * generator, the lines of a file as they are read), or the whole text. Blank lines are skipped. A
 * problem is reported at its line, counted from 0: `lines.3.points` is the points of the fourth
 * line.
 * @param lines - the lines, or the text.
 * @returns the ledger, checked as {@link createLedger} checks one.
 * @throws {@link JixiaoError} when a line is not JSON, the header is not a ledger's, or the ledger is not valid.
 * @example
 * ```ts
 * ledgerFromJSONLines(['{"format":"jixiao-ledger","version":1,"timeZone":"UTC"}',
 *   '{"id":"e1","person":"c001","date":"2024-01-31","component":"everyday","points":8.5,"source":"月度考核"}']).size;
 * //=> 1
 * // from a file: ledgerFromJSONLines(readline.createInterface({ input: fs.createReadStream(file) })) takes an async iterable:
 * // collect the lines first, or pass the file's text
 * ```
 */
export function ledgerFromJSONLines(lines: string | Iterable<string>): Ledger {
  const source: Iterable<unknown> = typeof lines === "string" ? lines.split(/\r?\n/) : lines;
  let head: unknown;
  let headLine = -1;
  const entries: unknown[] = [];
  const lineOf: number[] = [];
  let n = 0;
  try {
    for (const line of source) {
      const at = n++;
      if (typeof line !== "string") throw new JixiaoError([issue(IssueCode.invalidType, ["lines", at], { key: "wants", want: "text", received: shown(line) })], "The ledger cannot be read");
      if (line.trim() === "") continue;
      const data = parseJson(line, ["lines", at]);
      if (headLine < 0) {
        head = data;
        headLine = at;
      } else {
        if (entries.length >= MAX_LEDGER_ENTRIES)
          throw new JixiaoError([issue(IssueCode.outOfRange, ["lines", at], { key: "ledgerTooLong", limit: MAX_LEDGER_ENTRIES })], "Ledger too long");
        entries.push(data);
        lineOf.push(at);
      }
    }
  } catch (error) {
    if (error instanceof JixiaoError) throw error;
    throw new JixiaoError([issue(IssueCode.unreadableInput, ["lines"], { key: "unreadable" })], "The ledger cannot be read");
  }
  const place = (path: IssuePath): IssuePath =>
    path[0] === "entries" && typeof path[1] === "number" ? ["lines", lineOf[path[1]]!, ...path.slice(2)] : ["lines", Math.max(headLine, 0), ...path];
  return relocate(place, () => fromParts(parseWith(headerSchema, head, "The ledger cannot be read"), entries));
}
