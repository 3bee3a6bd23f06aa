import { made, madeAs } from "../core/snapshot.js";
import { text, toDec, toNumber, type Dec } from "../core/decimal.js";
import { numberText } from "../core/exact.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type IssuePath, type SafeResult } from "../core/errors.js";
import { everyItem, idSchema, isPlainObject as plainObject, namedRecord, parseList, parseWith, RESERVED_KEYS, want } from "../core/validate.js";
import { z } from "../core/z.js";
import { placeItems, type RankItem } from "./order.js";
import type { Rankable, RankEntry, RankKey, Ranking, RankOptions } from "./types.js";

const keySchema = z
  .string()
  .max(210)
  .regex(/^(total|group:.+|indicator:.+)$/, want("rankKey"))
  .describe('"total", "group:<id>" or "indicator:<id>".');

/** The options schema of {@link rank}. @internal */
export const rankOptionsSchema = z.strictObject({
  by: keySchema.optional(),
  order: z.enum(["desc", "asc"]).optional(),
  groupBy: z.string().min(1).max(200).optional(),
  ties: z.enum(["competition", "dense", "ordinal"]).optional(),
  tieBreak: z.array(keySchema).max(20).optional(),
});

const earnedList = z.array(z.object({ id: z.string(), earned: z.number(), exact: z.string().optional() })).max(100_000);
const rankableSchema = z.object({
  subjectId: idSchema,
  name: z.string().optional(),
  total: z.union([z.number(), z.string()]),
  exact: z.string().optional(),
  group: z.string().optional(),
  attributes: namedRecord(z.union([z.string(), z.number(), z.boolean()], { error: want("textNumberBoolean") }), "attribute", true).optional(),
  groups: earnedList.optional(),
  indicators: earnedList.optional(),
  // A name is read when it is text (namesOf), as the quick check reads it: anything else is left out, not refused.
  vetoes: z.array(z.object({ id: z.string(), name: z.unknown().optional() })).max(1000).optional(),
  flags: z.array(z.object({ id: z.string(), name: z.unknown().optional() })).max(1000).optional(),
});
const rankablesSchema = z.array(rankableSchema).max(2_000_000);

const idList = (v: unknown, earned: boolean): boolean =>
  v === undefined ||
  (Array.isArray(v) && v.length <= (earned ? 100_000 : 1000) && everyItem(v, (x) => plainObject(x) && typeof x.id === "string" && (!earned || (Number.isFinite(x.earned) && (x.exact === undefined || typeof x.exact === "string")))));

/** Whether a subject to rank is plainly well formed, so the schema check can be skipped (anything unusual takes it). */
function plainRankable(v: unknown): boolean {
  if (!plainObject(v)) return false;
  const id = v.subjectId;
  if (typeof id !== "string" || id.length < 1 || id.length > 200 || RESERVED_KEYS.has(id)) return false;
  if (typeof v.total === "number" ? !Number.isFinite(v.total) : typeof v.total !== "string") return false;
  if (v.exact !== undefined && typeof v.exact !== "string") return false;
  if ((v.name !== undefined && typeof v.name !== "string") || (v.group !== undefined && typeof v.group !== "string")) return false;
  const a = v.attributes;
  if (a !== undefined) {
    if (!plainObject(a)) return false;
    for (const key in a) {
      const x = a[key];
      if (RESERVED_KEYS.has(key) || key.length < 1 || key.length > 200 || !(typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x)))) return false;
    }
  }
  return idList(v.groups, true) && idList(v.indicators, true) && idList(v.vetoes, false) && idList(v.flags, false);
}

const readRankables = (results: unknown): Rankable[] => parseList(rankablesSchema, results, plainRankable, 2_000_000, "Results cannot be ranked") as Rankable[];

/** The tie-break values of a ranking without a tie-break. */
const NO_TIE: readonly Dec[] = Object.freeze([]);

/**
 * A value to rank as an exact decimal: its exact text where given — which must agree with the
 * value, the number nearest to it (or, given as text, the same decimal) — else the value itself.
 * Reports at `path` why it cannot be read.
 */
function exactValue(value: number | string, exact: string | undefined, path: IssuePath, field: "total" | "earned", issues: Issue[]): Dec | undefined {
  const d = toDec(value);
  if (!d) {
    issues.push(issue(IssueCode.invalidNumber, [...path, field], { key: field === "total" ? "rankTotal" : "rankEarned", value: String(value) }));
    return undefined;
  }
  if (exact === undefined) return d;
  const e = toDec(exact);
  if (e && (typeof value === "number" ? toNumber(e) === toNumber(d) : e.eq(d))) return e;
  issues.push(issue(IssueCode.invalidValue, [...path, "exact"], { key: "exactText", exact: exact.slice(0, 60), value: String(value) }));
  return undefined;
}

/** Reads the value a key names from a subject, or reports why it cannot. @internal */
export function valueOf(subject: Rankable, key: RankKey, path: IssuePath, issues: Issue[]): Dec | undefined {
  if (key === "total") return exactValue(subject.total, subject.exact, path, "total", issues);
  const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  const list = kind === "group" ? subject.groups : subject.indicators;
  const found = list?.find((e) => e.id === id);
  if (!found) {
    issues.push(issue(IssueCode.unknownId, [...path, kind === "group" ? "groups" : "indicators"], { key: "rankNoKey", kind: kind === "group" ? "group" : "indicator", id }));
    return undefined;
  }
  return exactValue(found.earned, found.exact, [...path, kind === "group" ? "groups" : "indicators", list!.indexOf(found)], "earned", issues);
}

/**
 * The score of a ranked value given as a number with (perhaps) its exact text, as the ranking
 * core takes it (see {@link RankItem}): the number alone when it is within ±10^18 and the text is
 * the number's own shortest text or is not given — the common case, compared as numbers — else
 * `undefined`, and the value is read as a decimal (a total of more than 15 digits, say, whose
 * number is rounded). `+ 0` makes -0 0.
 * @internal
 */
export const numberScore = (n: number, exact: string | undefined): number | undefined =>
  Math.abs(n) <= 1e18 && (exact === undefined || String(n) === exact) ? n + 0 : undefined;

/** Reads the peer-group value of a subject, or reports that it has none. @internal */
export function peerOf(subject: Rankable, groupBy: string | undefined, path: IssuePath, issues: Issue[]): string | null | undefined {
  if (groupBy === undefined) return null;
  const value =
    groupBy === "group"
      ? subject.group
      : subject.attributes && Object.prototype.hasOwnProperty.call(subject.attributes, groupBy)
        ? subject.attributes[groupBy]
        : undefined;
  if (value === undefined) {
    issues.push(
      issue(IssueCode.unknownField, [...path, groupBy === "group" ? "group" : "attributes"], { key: "rankNoPeer", field: groupBy }),
    );
    return undefined;
  }
  return String(value);
}

/**
 * Ranks results within peer groups (R6, R20): by the total, a group or an indicator, higher or
 * lower first, with an explicit tie style and a tie-break that ends with the id, so the same
 * results always give the same ranking.
 *
 * @param results - score results (or any {@link Rankable}); ids must be unique.
 * @param options - what to rank by, the order, the peer-group field, the tie style and tie-break.
 * @returns the ranking: each entry's rank, position, group size, percentile and ties.
 * @throws {@link JixiaoError} for bad options, a missing group field or a missing key, with paths.
 * @example
 * ```ts
 * rank([{ subjectId: "a", total: 90 }, { subjectId: "b", total: 95 }, { subjectId: "c", total: 90 }])
 *   .entries.map((e) => `${e.subjectId}:${e.rank}`);
 * //=> ["b:1", "a:2", "c:2"]
 * ```
 */
export function rank(results: readonly Rankable[], options?: RankOptions): Ranking {
  const opts = (parseWith(rankOptionsSchema.optional(), options, "Rank options are not valid", ["options"]) ?? {}) as RankOptions;
  const list = readRankables(results);
  const by = opts.by ?? "total";
  const tieBreak = opts.tieBreak ?? [];
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const items: Item[] = [];
  for (let i = 0; i < list.length; i++) {
    const subject = list[i]!;
    const first = seen.get(subject.subjectId);
    if (first !== undefined) issues.push(issue(IssueCode.duplicateId, [i, "subjectId"], { key: "rankRepeated", id: subject.subjectId, first }));
    else seen.set(subject.subjectId, i);
    // A total given as a number is ranked as that number, without a decimal (see RankItem): it is
    // one valueOf accepts exactly when it is finite and within ±10^18 (NaN fails the comparison;
    // 10^18 is a double, so comparing the double is comparing its shortest decimal) and its exact
    // text, where given, is that decimal.
    const total = subject.total;
    const exact = by === "total" ? subject.exact : undefined;
    const num = typeof total === "number" && by === "total" ? numberScore(total, exact) : undefined;
    const score = num === undefined ? valueOf(subject, by, [i], issues) : undefined;
    const tie = tieBreak.length === 0 ? NO_TIE : tieBreak.map((key) => valueOf(subject, key, [i], issues));
    const peer = peerOf(subject, opts.groupBy, [i], issues);
    if ((num !== undefined || score) && peer !== undefined && (tie === NO_TIE || tie.every(Boolean))) items.push({ id: subject.subjectId, peer, score, num, exact: num === undefined ? undefined : exact, tie: tie as Dec[], subject });
  }
  if (issues.length > 0) throw new JixiaoError(issues, "Results cannot be ranked");
  return rankingOf(items, { by, order: opts.order ?? "desc", groupBy: opts.groupBy ?? null, ties: opts.ties ?? "competition", tieBreak });
}

/**
 * What a ranking is built from: a {@link RankItem}, its subject and, for an item ranked as a number,
 * the exact text given with the number (then its shortest text, see {@link numberScore}), if any.
 * @internal
 */
export type Item = RankItem & { readonly subject: Rankable; readonly exact?: string | undefined };

/** Builds a ranking from ready items. @internal */
export function rankingOf(items: readonly Item[], how: Omit<Ranking, "entries">): Ranking {
  const entries: RankEntry[] = [];
  const copy = attributeCopier();
  placeItems(items, how.order === "desc", how.ties, (item, rank, position, groupSize, worse, tiedWith, tiedCount) => {
    const s = item.subject;
    // Built field by field, in the order the entry has always had (the optional ones only when
    // given), rather than from spreads of conditional objects: no object thrown away per field.
    const e: Record<string, unknown> = { subjectId: s.subjectId };
    if (s.name !== undefined) e.name = s.name;
    e.peerGroup = item.peer;
    if (s.group !== undefined) e.group = s.group;
    // The score and its exact text: the decimal's, or the number's own — the text given with it
    // (its shortest text), unless that is written with an exponent (1e-7), which text() does not use.
    if (item.score !== undefined) {
      e.score = toNumber(item.score);
      e.exact = text(item.score);
    } else {
      e.score = item.num;
      e.exact = item.exact !== undefined && !item.exact.includes("e") ? item.exact : numberText(item.num!);
    }
    e.rank = rank;
    e.position = position;
    e.groupSize = groupSize;
    // Whole numbers: the one division is correctly rounded, as the decimal's nearest number would be.
    e.percentile = (worse * 100) / groupSize;
    e.tiedWith = tiedWith.length === 0 ? NONE : Object.freeze(tiedWith);
    e.tiedCount = tiedCount;
    e.tieValues = item.tie.length === 0 ? NONE : Object.freeze(item.tie.map(toNumber));
    if (s.attributes !== undefined) e.attributes = Object.freeze(copy(s.attributes));
    e.vetoes = ids(s.vetoes);
    e.flags = ids(s.flags);
    // The names travel with the ids, for the tier reasons to show (most subjects have no veto or flag: nothing to read).
    const vetoNames = namesOf(s.vetoes);
    if (vetoNames !== undefined) e.vetoNames = vetoNames;
    const flagNames = namesOf(s.flags);
    if (flagNames !== undefined) e.flagNames = flagNames;
    // Frozen, so the steps that take a ranking (tiers, last place) can trust it without checking it again.
    entries.push(Object.freeze(e) as unknown as RankEntry);
  });
  const ranking = Object.freeze({ ...how, tieBreak: Object.freeze([...how.tieBreak]), entries: Object.freeze(entries) });
  return made("ranking", ranking);
}

/** The ids of a list of vetoes or flags. */
const ids = (list: readonly { readonly id: string }[] | undefined): readonly string[] =>
  list === undefined || list.length === 0 ? NONE : Object.freeze(list.map((x) => x.id));

/** The names given in a list of vetoes or flags, by id (the first name of an id), or `undefined` when none has one. */
function namesOf(list: readonly { readonly id: string; readonly name?: unknown }[] | undefined): Readonly<Record<string, string>> | undefined {
  if (list === undefined || list.length === 0) return undefined;
  let out: Record<string, string> | undefined;
  for (const x of list)
    if (typeof x.name === "string") {
      // A record without a prototype, so any id (even "__proto__") is an own key.
      out ??= Object.create(null) as Record<string, string>;
      if (!Object.prototype.hasOwnProperty.call(out, x.id)) out[x.id] = x.name;
    }
  return out === undefined ? undefined : Object.freeze(out);
}

/**
 * The empty list every entry without ties, tie-break values, vetoes or flags shares: frozen like
 * any other list of an entry, and freezing a fresh empty list for each costs more than the rest of
 * the entry's lists together.
 */
const NONE: readonly never[] = Object.freeze([]);

/**
 * How to copy a subject's attributes for its entry: `Object.assign` onto a fresh object, when that
 * makes the same copy as a spread — when `Object.prototype` has no setter and no read-only key that
 * an attribute could name (its own `__proto__` aside: no attribute is named that, both checks of a
 * rankable refuse it), so assigning each key defines it. Decided per ranking, as the prototype may
 * change. A spread copy is several times slower to freeze, and an entry's freeze is most of its cost.
 */
function attributeCopier(): <A extends object>(attributes: A) => A {
  for (const key of Reflect.ownKeys(Object.prototype)) {
    if (key === "__proto__") continue;
    const d = Object.getOwnPropertyDescriptor(Object.prototype, key);
    if (d === undefined || !("value" in d) || !d.writable) return (a) => ({ ...a });
  }
  return (a) => Object.assign({}, a);
}

/** Whether a value is a ranking {@link rank} made (and, frozen, still as made). @internal */
export const madeByRank = (ranking: unknown): ranking is Ranking => madeAs("ranking", ranking);

/**
 * {@link rank} without throwing.
 * @param results - the results.
 * @param options - the ranking options.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeRank([{ subjectId: "a", total: "high" }]).success;
 * //=> false
 * ```
 */
export function safeRank(results: readonly Rankable[], options?: RankOptions): SafeResult<Ranking> {
  return safely(() => rank(results, options));
}
