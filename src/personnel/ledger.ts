import { z } from "../core/z.js";
import { toDec } from "../core/decimal.js";
import { IssueCode, JixiaoError, issue, safely, type Issue, type SafeResult } from "../core/errors.js";
import { addIssue, decimal, idSchema, isId, isPlainObject, isText, parseWith, type DecimalInput } from "../core/validate.js";
import { shown } from "../messages/index.js";
import { dayOf, zoneOption, type TimeZone } from "../periods/period.js";
import { pointsOk, readPoints, type LedgerPoints } from "./points.js";

/**
 * One entry of a growth account (个人成长账户, R9, R12): dated points for one person on one
 * component, with where they came from. Entries are never edited or deleted: a correction is a new
 * entry that names the one it corrects (`corrects`) and either reverses it or amends its points.
 */
export interface LedgerEntry {
  /** Unique id in the ledger (a record number). */
  readonly id: string;
  /** The person (a cadre's number). */
  readonly person: string;
  /**
   * For an ordinary entry, when the performance happened: a date (`2024-06-30`) or a date-time
   * (`2024-06-30T23:30`, wall clock in the ledger's time zone, or with `Z`/an offset). For a
   * correction, when it was recorded; it counts in the period of the entry it corrects.
   */
  readonly date: string;
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
}

/** A growth-account ledger: its time zone and its entries, append-only, frozen. */
export interface Ledger {
  /** The time zone its date-times are read in (Asia/Shanghai by default). */
  readonly timeZone: TimeZone;
  /** The entries, in the order they were appended. */
  readonly entries: readonly LedgerEntry[];
}

/** A ledger as JSON: the format name and version, the time zone and the entries exactly as given. */
export interface LedgerJson {
  /** Always `jixiao-ledger`. */
  readonly format: "jixiao-ledger";
  /** The format version, 1. */
  readonly version: 1;
  /** The time zone. */
  readonly timeZone: TimeZone;
  /** The entries. */
  readonly entries: readonly LedgerEntry[];
}

/** Options for {@link createLedger}. */
export interface LedgerOptions {
  /** The time zone date-times are read in; `Asia/Shanghai` when left out. */
  readonly timeZone?: TimeZone;
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
  | "ledgerCorrectionComponent";

const entrySchema = z
  .strictObject({
    id: idSchema,
    person: idSchema,
    date: text(40),
    component: idSchema.optional(),
    points: decimal({ min: -1e12, max: 1e12 }).optional(),
    source: text(200),
    reference: text(500).optional(),
    note: z.string().max(2000).optional(),
    corrects: idSchema.optional(),
    action: z.enum(["reverse", "amend"]).optional(),
  })
  .superRefine((e, ctx) => {
    const bad = (path: string, key: LedgerRule) => addIssue(ctx, IssueCode.invalidRule, { key }, [path]);
    if ((toDec(e.points)?.decimalPlaces() ?? 0) > 10) bad("points", "ledgerDecimals");
    if (e.corrects === undefined) {
      if (e.action !== undefined) bad("action", "ledgerActionOnlyCorrection");
      if (e.points === undefined) bad("points", "ledgerPointsRequired");
      if (e.component === undefined) bad("component", "ledgerComponentRequired");
    } else {
      if (e.action === undefined) bad("action", "ledgerActionRequired");
      if (e.action === "reverse" && e.points !== undefined) bad("points", "ledgerReversalPoints");
      if (e.action === "amend" && e.points === undefined) bad("points", "ledgerAmendPoints");
      if (e.component !== undefined) bad("component", "ledgerCorrectionComponent");
    }
  });

const entriesSchema = z.array(entrySchema).max(MAX_LEDGER_ENTRIES);

/** What {@link checkEntries} reads from entries besides their issues. */
interface Checked {
  readonly issues: Issue[];
  /** Each entry's day number; NaN for a date that is not one. */
  readonly days: Float64Array;
  /** For each entry, the index of the entry that corrects it, or -1. */
  readonly correctedBy: Int32Array;
}

/**
 * Checks entries as one set, in any order: unique ids, real dates, corrections that name an entry of
 * the same person dated no later than themselves, at most one correction per entry, no cycles.
 * @internal
 */
function checkEntries(entries: readonly LedgerEntry[], timeZone: TimeZone, first: number): Checked {
  const issues: Issue[] = [];
  // Every id at once, one map operation an entry. Only when an id is repeated (the map then holds
  // fewer ids than there are entries) is the map made again entry by entry, to name each repeat and
  // the entry it repeats.
  const byId = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) byId.set(entries[i]!.id, i);
  const repeated = byId.size < entries.length;
  if (repeated) byId.clear();
  const days = new Float64Array(entries.length);
  const corrections: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const at = first + i;
    const other = repeated ? byId.get(e.id) : undefined;
    if (other !== undefined)
      issues.push(issue(IssueCode.duplicateId, ["entries", at, "id"], first + other < 0 ? { key: "ledgerIdInLedger", id: e.id, entry: other } : { key: "ledgerIdRepeated", id: e.id, entry: first + other }));
    else if (repeated) byId.set(e.id, i);
    const day = dayOf(e.date, timeZone);
    if (day === undefined) issues.push(issue(IssueCode.invalidValue, ["entries", at, "date"], { key: "ledgerBadDate", received: shown(e.date) }));
    days[i] = day ?? NaN;
    if (e.corrects !== undefined) corrections.push(i);
  }
  const correctedBy = new Int32Array(entries.length).fill(-1);
  for (const i of corrections) {
    const e = entries[i]!;
    const corrects = e.corrects!;
    const at = ["entries", first + i, "corrects"];
    const t = byId.get(corrects);
    if (t === undefined) {
      issues.push(issue(IssueCode.unknownId, at, { key: "ledgerUnknownCorrected", id: corrects }));
      continue;
    }
    const target = entries[t]!;
    if (target.person !== e.person) issues.push(issue(IssueCode.invalidRule, at, { key: "ledgerOtherPerson", id: target.id, owner: target.person, person: e.person }));
    if (days[i]! < days[t]!) issues.push(issue(IssueCode.invalidRule, at, { key: "ledgerCorrectionEarly", date: e.date, corrected: target.date }));
    const other = correctedBy[t]!;
    if (other >= 0) issues.push(issue(IssueCode.invalidRule, at, { key: "ledgerCorrectedTwice", id: corrects, by: entries[other]!.id }));
    else correctedBy[t] = i;
  }
  // Each entry corrects at most one other: follow each chain once, marking entries on the current
  // walk; reaching one of them again closes a circle. Only corrections can be on a circle.
  const state = new Uint8Array(entries.length); // 0 unseen, 1 on the current walk, 2 done
  for (const i of corrections) {
    const walk: number[] = [];
    let at: number | undefined = i;
    while (at !== undefined && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      const next: string | undefined = entries[at]!.corrects;
      at = next === undefined ? undefined : byId.get(next);
    }
    if (at !== undefined && state[at] === 1) {
      // Reported at the circle's last entry, which is a new one when entries are appended.
      const last = walk.slice(walk.indexOf(at)).reduce((a, b) => Math.max(a, b));
      issues.push(issue(IssueCode.invalidRule, ["entries", first + last, "corrects"], { key: "ledgerCircle", id: entries[at]!.id }));
    }
    for (const w of walk) state[w] = 2;
  }
  return { issues, days, correctedBy };
}

function build(entries: readonly LedgerEntry[], timeZone: TimeZone, first: number): Ledger {
  const checked = checkEntries(entries, timeZone, first);
  if (checked.issues.length > 0) throw new JixiaoError(checked.issues, "The ledger is not valid");
  return seal(timeZone, entries, checked);
}

const ENTRY_KEYS = new Set(["id", "person", "date", "component", "points", "source", "reference", "note", "corrects", "action"]);

/** Whether an object's keys are all known fields, none of them undefined. */
function knownKeys(x: Record<string, unknown>): boolean {
  for (const key in x) if (!ENTRY_KEYS.has(key) || x[key] === undefined) return false;
  return true;
}

/** Whether a copied entry's fields are plainly valid (its keys checked apart), so the full check can be skipped. */
function plainEntry(x: Record<string, unknown>): boolean {
  if (!isId(x.id) || !isId(x.person) || !isText(x.date, 40) || !isText(x.source, 200)) return false;
  if ((x.reference !== undefined && !isText(x.reference, 500)) || (x.note !== undefined && (typeof x.note !== "string" || x.note.length > 2000))) return false;
  if (x.points !== undefined && !pointsOk(x.points)) return false;
  if (x.corrects === undefined) return x.action === undefined && x.points !== undefined && isId(x.component);
  return isId(x.corrects) && x.component === undefined && (x.action === "reverse" ? x.points === undefined : x.action === "amend" && x.points !== undefined);
}

/** The fields of an ordinary entry, in the order the schema lists them: the usual shape. */
const ORDINARY = ["id", "person", "date", "component", "points", "source"];

/** Whether an object's enumerable keys, own and inherited, are exactly {@link ORDINARY}, in that order. */
function ordinary(e: object): boolean {
  let k = 0;
  for (const key in e) if (key !== ORDINARY[k++]) return false;
  return k === ORDINARY.length;
}

/** Whether `Object.prototype` has an enumerable key, which `for … in` would list with an object's own. */
function prototypeListed(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

/**
 * Frozen copies of the entries when every one is a plain object whose copy is plainly valid, or
 * `undefined` (then the schema checks the entries and reports every issue). The copy is checked,
 * not the entry, so that each field is read once: a getter cannot show one value to the check and
 * another to the ledger.
 */
function plainCopies(input: unknown): LedgerEntry[] | undefined {
  if (!Array.isArray(input)) return undefined;
  // An entry of the usual shape is copied by a literal, which V8 builds and freezes about twice as
  // fast as Object.assign; any other shape keeps its keys in the caller's order through
  // Object.assign. With a key listed from Object.prototype, every entry takes Object.assign, which
  // copies own fields only.
  const literal = !prototypeListed();
  const out: LedgerEntry[] = [];
  try {
    if (input.length > MAX_LEDGER_ENTRIES) return undefined;
    for (let i = 0; i < input.length; i++) {
      const x: unknown = input[i];
      if (!isPlainObject(x)) return undefined;
      // A literal copy has the usual fields, which plainEntry requires to be defined.
      const usual = literal && ordinary(x);
      const copy: Record<string, unknown> = usual ? { id: x.id, person: x.person, date: x.date, component: x.component, points: x.points, source: x.source } : Object.assign({}, x);
      if (!(usual || knownKeys(copy)) || !plainEntry(copy)) return undefined;
      out.push(Object.freeze(copy) as unknown as LedgerEntry);
    }
  } catch {
    return undefined;
  }
  return out;
}

/** The entries, checked for shape (the schema reports every issue) and copied, frozen. */
function copyEntries(input: unknown, base: (string | number)[]): LedgerEntry[] {
  return (
    plainCopies(input) ??
    // The schema's output has only known fields, so assigning them is defining them.
    (parseWith(entriesSchema, input, "Ledger entries are not valid", base) as LedgerEntry[]).map((e) => Object.freeze(Object.assign({}, e)))
  );
}

/**
 * Makes a growth-account ledger from entries, checked as a whole (unique ids, real dates,
 * corrections that name an earlier entry of the same person, one correction per entry). The shape
 * of every entry is checked first; the checks across entries run once every entry has its shape.
 * @param entries - the entries; their order is kept, and no result depends on it.
 * @param options - the time zone date-times are read in.
 * @returns a frozen ledger.
 * @throws {@link JixiaoError} listing every problem with its path (`entries.3.corrects` …).
 * @example
 * ```ts
 * const ledger = createLedger([
 *   { id: "e1", person: "c001", date: "2024-01-31", component: "everyday", points: 8.5, source: "月度考核" },
 *   { id: "e2", person: "c001", date: "2024-02-03", corrects: "e1", action: "amend", points: 9, source: "复核" },
 * ]);
 * ledger.entries.length;
 * //=> 2
 * ```
 */
export function createLedger(entries: readonly LedgerEntry[] = [], options: LedgerOptions = {}): Ledger {
  const timeZone = zoneOption(options);
  return build(copyEntries(entries, ["entries"]), timeZone, 0);
}

/**
 * {@link createLedger} without throwing.
 * @param entries - the entries.
 * @param options - the time zone.
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

/** What a ledger's entries say once read, kept with the ledger for its summaries. @internal */
export interface EntryFacts {
  /** Each entry's day number (its date in the ledger's time zone). */
  readonly days: Float64Array;
  /** For each entry, the index of the entry that corrects it, or -1. */
  readonly correctedBy: Int32Array;
  /** Each entry's points, read for exact sums. */
  readonly points: LedgerPoints;
}

/** The ledgers this module made, with their entries' facts; only they are trusted to hold valid entries. */
const made = new WeakMap<object, EntryFacts>();

function seal(timeZone: TimeZone, entries: readonly LedgerEntry[], { days, correctedBy }: Checked): Ledger {
  const ledger = Object.freeze({ timeZone, entries: Object.freeze(entries) });
  made.set(ledger, { days, correctedBy, points: readPoints(entries.map((e) => e.points)) });
  return ledger;
}

/** The facts of a ledger's entries (their days and points), read once when it was made. @internal */
export function entryFacts(ledger: Ledger): EntryFacts {
  return made.get(ledger)!;
}

/** The ledger itself, or a thrown {@link JixiaoError} when it was not made by this module. @internal */
export function asLedger(ledger: unknown): Ledger {
  // WeakMap.has is false for anything that is not an object, null and primitives included.
  if (!made.has(ledger as object))
    throw new JixiaoError([issue(IssueCode.invalidInput, ["ledger"], { key: "ledgerNotLedger" })], "Not a ledger");
  return ledger as Ledger;
}

/**
 * Appends entries to a ledger, giving a new ledger; the old one and its entries are untouched. A
 * correction may name any entry already in the ledger or earlier in `entries`.
 * @param ledger - a ledger from {@link createLedger}.
 * @param entries - the new entries.
 * @returns a new ledger holding the old entries, then the new ones.
 * @throws {@link JixiaoError} when a new entry is invalid or clashes with the ledger (a reused id, a second correction of one entry …).
 * @example
 * ```ts
 * const next = appendEntries(ledger, [{ id: "e3", person: "c001", date: "2024-03-05", corrects: "e2", action: "reverse", source: "复核" }]);
 * [ledger.entries.length, next.entries.length];
 * //=> [2, 3]
 * ```
 */
export function appendEntries(ledger: Ledger, entries: readonly LedgerEntry[]): Ledger {
  const l = asLedger(ledger);
  const added = copyEntries(entries, ["entries"]);
  if (l.entries.length + added.length > MAX_LEDGER_ENTRIES)
    throw new JixiaoError([issue(IssueCode.outOfRange, ["entries"], { key: "ledgerTooLong", limit: MAX_LEDGER_ENTRIES })], "Ledger too long");
  // Entries already in the ledger are valid; only the new ones can add problems. Numbering the old
  // entries below zero reports each problem at its index in `entries`.
  const all = l.entries.concat(added);
  const checked = checkEntries(all, l.timeZone, -l.entries.length);
  const issues = checked.issues.filter((i) => (i.path[1] as number) >= 0);
  if (issues.length > 0) throw new JixiaoError(issues, "The entries cannot be appended");
  return seal(l.timeZone, all, checked);
}

/**
 * The ledger as JSON data, entries exactly as given, for storing; {@link ledgerFromJSON} reads it back.
 * @param ledger - a ledger.
 * @returns `{ format: "jixiao-ledger", version: 1, timeZone, entries }`.
 * @example
 * ```ts
 * JSON.stringify(ledgerToJSON(createLedger([], { timeZone: "UTC" })));
 * //=> '{"format":"jixiao-ledger","version":1,"timeZone":"UTC","entries":[]}'
 * ```
 */
export function ledgerToJSON(ledger: Ledger): LedgerJson {
  const l = asLedger(ledger);
  return { format: "jixiao-ledger", version: 1, timeZone: l.timeZone, entries: l.entries };
}

const jsonSchema = z.strictObject({
  format: z.literal("jixiao-ledger"),
  version: z.literal(1),
  timeZone: z.string().min(1).max(64),
  entries: z.unknown(),
});

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
  let data: unknown = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new JixiaoError([issue(IssueCode.invalidInput, [], { key: "ledgerNotJson", detail: (error as Error).message })], "The ledger cannot be read");
    }
  }
  const parsed = parseWith(jsonSchema, data, "The ledger cannot be read");
  const timeZone = zoneOption(parsed, ["timeZone"]);
  return build(copyEntries(parsed.entries, ["entries"]), timeZone, 0);
}
