import { made } from "../core/snapshot.js";
import { deepFreeze } from "../core/freeze.js";
import { z } from "../core/z.js";
import { IssueCode, JixiaoError, issue, relocate, type Issue } from "../core/errors.js";
import { idSchema, parseWith } from "../core/validate.js";
import { dayText, PERIOD_KINDS, readKey, spanOf, type PeriodKey, type PeriodKind } from "../periods/period.js";

/** One version of a rule (a scheme, a policy …) and the day from which it is in force. */
export interface RuleVersion<T> {
  /** The version's name (`2024-v2`), unique. */
  readonly version: string;
  /** The first day it is in force, `YYYY-MM-DD`; it stays in force until the next version's day. */
  readonly from: string;
  /** The rule itself. */
  readonly rule: T;
  /** Why it changed, for people. */
  readonly note?: string;
  /** Who decided it (a body or a person), as given: the lineage of a mid-year change says what, when and by whom. */
  readonly by?: string;
}

/** The versions of one rule, sorted by the day each comes into force. */
export interface RuleVersions<T> {
  /** The versions, earliest first. */
  readonly versions: readonly RuleVersion<T>[];
}

/** Options for {@link versionFor}. */
export interface VersionForOptions {
  /**
   * Which day of the period decides: `start` (default; a version that comes into force mid-period
   * applies from the next period) or `end` (it applies to the period it starts in).
   */
  readonly at?: "start" | "end";
}

const versionsSchema = z
  .array(z.strictObject({ version: idSchema, from: z.string().max(10), rule: z.unknown(), note: z.string().max(2000).optional(), by: z.string().max(200).optional() }))
  .min(1)
  .max(10_000);

/**
 * Puts a rule's versions in order of the day each comes into force (effective-dated rules: a
 * scheme or policy changed mid-year keeps its old version for the periods before the change).
 * @param versions - the versions, in any order: unique names and unique days.
 * @returns the versions, sorted by `from`; the list and each version are frozen, each rule is kept as given.
 * @throws {@link JixiaoError} when a name or a day repeats or a day is not a real date.
 * @example
 * ```ts
 * const versions = defineVersions([
 *   { version: "v2", from: "2024-07-01", rule: { bonusCap: 5 } },
 *   { version: "v1", from: "2024-01-01", rule: { bonusCap: 3 } },
 * ]);
 * versions.versions.map((v) => v.version);
 * //=> ["v1", "v2"]
 * ```
 */
export function defineVersions<T>(versions: readonly RuleVersion<T>[]): RuleVersions<T> {
  const list = parseWith(versionsSchema, versions, "Rule versions are not valid", ["versions"]) as RuleVersion<T>[];
  const issues: Issue[] = [];
  const names = new Map<string, number>();
  const days = new Map<number, number>();
  const keyed = list.map((v, i) => {
    const day = readKey(v.from);
    if (!day || day.kind !== "day") issues.push(issue(IssueCode.invalidValue, ["versions", i, "from"], { key: "versionBadDate", from: v.from }));
    else if (days.has(day.first)) issues.push(issue(IssueCode.duplicateId, ["versions", i, "from"], { key: "versionDayTaken", version: list[days.get(day.first)!]!.version, day: v.from }));
    else days.set(day.first, i);
    if (names.has(v.version)) issues.push(issue(IssueCode.duplicateId, ["versions", i, "version"], { key: "versionNameTaken", version: v.version, index: names.get(v.version)! }));
    else names.set(v.version, i);
    return { v, day: day?.first ?? 0 };
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Rule versions are not valid");
  keyed.sort((a, b) => a.day - b.day);
  // The rules are the input's copy, the library's own: frozen with the rest.
  const out = deepFreeze({ versions: keyed.map((k) => ({ ...k.v })) });
  firstDays.set(out, keyed.map((k) => k.day));
  return made("ruleVersions", out);
}

/** The first day of each version, by the versions {@link defineVersions} made. */
const firstDays = new WeakMap<object, readonly number[]>();

/**
 * The version of a rule in force for a period: the latest version whose day is on or before the
 * period's first day (or, with `at: "end"`, its last day).
 * @param versions - versions from {@link defineVersions}.
 * @param period - the period (`2024-08`, `2024-Q3`, a day).
 * @param options - which day of the period decides.
 * @returns the version, with its name, so a result can say which it used.
 * @throws {@link JixiaoError} when the period is not valid or no version is in force yet.
 * @example
 * ```ts
 * versionFor(versions, "2024-06").version; //=> "v1"
 * versionFor(versions, "2024-Q3").version; //=> "v2"
 * versionFor(versions, "2024-H1", { at: "end" }).version; //=> "v1"
 * ```
 */
export function versionFor<T>(versions: RuleVersions<T>, period: PeriodKey, options: VersionForOptions = {}): RuleVersion<T> {
  const s = spanOf(period, ["period"]);
  // `options` defaults to {}, so it is never undefined here.
  const o = parseWith(z.strictObject({ at: z.enum(["start", "end"]).optional() }), options, "Options are not valid", ["options"]);
  const day = o.at === "end" ? s.last : s.first;
  // A WeakMap answers undefined for null or any other value that is not an object.
  const days = firstDays.get(versions);
  if (!days) throw new JixiaoError([issue(IssueCode.invalidInput, ["versions"], { key: "versionsNotMade" })], "Not rule versions");
  let found = -1;
  days.forEach((first, i) => {
    if (first <= day) found = i;
  });
  if (found < 0)
    throw new JixiaoError([issue(IssueCode.missingValue, ["period"], { key: "versionNoneInForce", day: dayText(day), first: versions.versions[0]!.from })], "No rule version");
  return versions.versions[found]!;
}

/** One version's part of a period: the days of the period it is in force. */
export interface VersionPart<T> {
  /** The version. */
  readonly version: RuleVersion<T>;
  /** The first day of the period it is in force, `YYYY-MM-DD`. */
  readonly first: string;
  /** The last day of the period it is in force, `YYYY-MM-DD`. */
  readonly last: string;
  /** How many days that is. */
  readonly days: number;
}

/**
 * The versions in force during a period, each with the days of the period it covers — for a period
 * that spans a mid-year change, scored pro rata. Days before the first version are covered by none.
 * @param versions - versions from {@link defineVersions}.
 * @param period - the period (`2024-Q3`, `2024`).
 * @returns the parts, earliest first; their days add up to the period's days from the first version on.
 * @throws {@link JixiaoError} when the period is not valid or no version is in force by its last day.
 * @example
 * ```ts
 * versionsOver(versions, "2024-Q3").map((p) => [p.version.version, p.days]);
 * //=> [["v2", 92]]
 * versionsOver(versions, "2024").map((p) => [p.version.version, p.days]);
 * //=> [["v1", 182], ["v2", 184]]
 * ```
 */
export function versionsOver<T>(versions: RuleVersions<T>, period: PeriodKey): VersionPart<T>[] {
  const s = spanOf(period, ["period"]);
  const days = firstDays.get(versions);
  if (!days) throw new JixiaoError([issue(IssueCode.invalidInput, ["versions"], { key: "versionsNotMade" })], "Not rule versions");
  const parts: VersionPart<T>[] = [];
  days.forEach((first, i) => {
    const from = Math.max(first, s.first);
    const to = Math.min(i + 1 < days.length ? days[i + 1]! - 1 : s.last, s.last);
    if (from <= to) parts.push({ version: versions.versions[i]!, first: dayText(from), last: dayText(to), days: to - from + 1 });
  });
  if (parts.length === 0)
    throw new JixiaoError([issue(IssueCode.missingValue, ["period"], { key: "versionNoneInForce", day: dayText(s.last), first: versions.versions[0]!.from })], "No rule version");
  return parts;
}

/**
 * A rule set apart by period length, each its own effective-dated document: the versions of a
 * quarter's rules, a half-year's and a year's (R25: the leadership duty index is set separately
 * for the quarter, the half-year and the year). A kind left out has no document.
 */
export type KindVersions<T> = Readonly<Partial<Record<PeriodKind, RuleVersions<T>>>>;

/**
 * The version in force for a period, taken from the document for the period's length: a quarter
 * (`2024-Q3`) from `quarter`, a half-year (`2024-H1`) from `half`, a year (`2024`) from `year`.
 * @param documents - versions from {@link defineVersions}, by period kind.
 * @param period - the period.
 * @param options - which day of the period decides (see {@link versionFor}).
 * @returns the version, with its name.
 * @throws {@link JixiaoError} when the period is not valid, its kind has no document, or no version is in force yet.
 * @example
 * ```ts
 * const documents = {
 *   quarter: defineVersions([{ version: "2024-季度", from: "2024-01-01", rule: partyDutyIndexExample.quarter }]),
 *   year: defineVersions([{ version: "2024-年度", from: "2024-01-01", rule: partyDutyIndexExample.year }]),
 * };
 * versionForKind(documents, "2024-Q3").version; //=> "2024-季度"
 * versionForKind(documents, "2024").rule.groups[0].indicators.length; //=> 3
 * ```
 */
export function versionForKind<T>(documents: KindVersions<T>, period: PeriodKey, options: VersionForOptions = {}): RuleVersion<T> {
  const kind = spanOf(period, ["period"]).kind;
  // The documents are versions the library made: the snapshot keeps them as they are, for versionFor to know.
  const docs = parseWith(z.strictObject(Object.fromEntries(PERIOD_KINDS.map((k) => [k, z.unknown().optional()]))), documents, "Rule documents are not valid", ["documents"]);
  const versions = docs[kind];
  if (versions === undefined)
    throw new JixiaoError([issue(IssueCode.missingValue, ["documents", kind], { key: "versionNoDocumentForKind", kind, period, kinds: PERIOD_KINDS.filter((k) => docs[k] !== undefined) })], "No rule document");
  return relocate((path) => (path[0] === "versions" ? ["documents", kind, ...path.slice(1)] : path), () => versionFor(versions as RuleVersions<T>, period, options));
}
