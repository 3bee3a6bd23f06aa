import { snapshot } from "../core/snapshot.js";
import { z } from "../core/z.js";
import { IssueCode, JixiaoError, issue, relocate, safely, type Issue, type IssuePath, type SafeResult } from "../core/errors.js";
import { everyItem, idSchema, isId, isPlainObject, isText, namedRecord, parseWith, want, parseCopy } from "../core/validate.js";
import { rank } from "../ranking/rank.js";
import type { Ranking, RankOptions } from "../ranking/types.js";
import type { VetoHit } from "../scoring/subject.js";
import { assignTiers } from "../tiers/assign.js";
import type { TierAssignment, TierPolicy } from "../tiers/types.js";
import { summarizePeople, type AccountSummary } from "./account.js";
import { aggregateWith, readPolicyFor, type AggregateResult, type AggregationPolicy, type PolicyFor } from "./aggregate.js";
import { Dec, text, ZERO } from "../core/decimal.js";
import { periodOf, spanOf } from "../periods/period.js";
import { asLedger, type Ledger } from "./ledger.js";
import type { Locale } from "../messages/types.js";

/** A person assessed for the year: their peer group and facts, and any veto decided elsewhere. */
export interface AnnualPerson {
  /** The person. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** Their peer group (job level, category …). */
  readonly group?: string;
  /** Facts to group by. */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  /** Vetoes (R26: the main leader of a unit rated 差 in party building); a vetoed person goes where the tier policy says. */
  readonly vetoes?: readonly (string | VetoHit)[];
}

/** Options for {@link annualResults}. */
export interface AnnualOptions {
  /** The year (`2024`). */
  readonly year: string;
  /** The people assessed; people in the ledger but not here are left out, people here without entries have 0. */
  readonly people: readonly AnnualPerson[];
  /** How to rank (peer groups, ties); by the account total, higher first. */
  readonly rank?: Omit<RankOptions, "by">;
  /** The tier policy (好/中/差 by quota or threshold, the veto tier). */
  readonly tiers: TierPolicy;
  /** Recording time: the year as a report made at this moment (or date) showed it (as in summaries: `ViewOptions`). */
  readonly asOf?: string;
  /** Count only the ledger's first n entries. */
  readonly asOfSequence?: number;
  /** Effective date: count only entries and corrections dated by this date (or moment). */
  readonly datedThrough?: string;
  /** Count only these components. */
  readonly components?: readonly string[];
  /**
   * How the year's score is made from its periods' totals (R15: a mean of months, say, so that a
   * month on leave does not count as 0); a period without entries is a missing one. A person with
   * no entries in the year has 0, whatever the rule and `missing` say (before any cap). The sum of
   * the year's entries when left out.
   */
  readonly aggregate?: AggregationPolicy;
}

/** A year's result for a group of people: their account summaries, their ranking and their tiers. */
export interface AnnualResult {
  /** The year. */
  readonly year: string;
  /** Each person's account summary for the year, sorted by person. */
  readonly summaries: readonly AccountSummary[];
  /** With `aggregate`: each person's year score made from the periods, sorted by person. */
  readonly aggregates?: readonly (AggregateResult & {
    /** The person. */
    readonly person: string;
  })[];
  /** The ranking within peer groups. */
  readonly ranking: Ranking;
  /** The tiers. */
  readonly tiers: TierAssignment;
}

const personSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  group: z.string().max(200).optional(),
  attributes: namedRecord(z.union([z.string().max(2000), z.number(), z.boolean()], { error: want("textNumberBoolean") }), "attribute", true).optional(),
  vetoes: z.array(z.union([idSchema, z.strictObject({ id: idSchema, reason: z.string().max(500).optional() })], { error: want("vetoIdOrObject") })).max(100).optional(),
});
const MAX_PEOPLE = 2_000_000;
const PERSON_KEYS = new Set(["id", "name", "group", "attributes", "vetoes"]);

/** Whether a person is plainly valid (vetoes, if any, by id), so the schema can be skipped; anything unusual takes it. */
function plainPerson(p: unknown): boolean {
  if (!isPlainObject(p)) return false;
  for (const key in p) if (!PERSON_KEYS.has(key)) return false;
  if (!isId(p.id) || (p.name !== undefined && !isText(p.name, 200, 0)) || (p.group !== undefined && !isText(p.group, 200, 0))) return false;
  const a = p.attributes;
  if (a !== undefined) {
    if (!isPlainObject(a)) return false;
    for (const key in a) {
      const x = a[key];
      if (!isId(key) || !(isText(x, 2000, 0) || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x)))) return false;
    }
  }
  return p.vetoes === undefined || (Array.isArray(p.vetoes) && p.vetoes.length <= 100 && everyItem(p.vetoes, isId));
}

// The ranking options, tier policy, limits (asOf …) and components are checked by the steps that use them.
/** The options of {@link annualResults}, as far as it checks them itself (the service's OpenAPI document shows them). @internal */
export const annualOptionsSchema = z.strictObject({
  year: z.string().regex(/^\d{4}$/),
  people: z.array(personSchema).max(MAX_PEOPLE),
  // An object (rank checks its fields); text here would be spread into one unknown field per character.
  rank: z.object({}).passthrough().optional(),
  tiers: z.unknown(),
  asOf: z.unknown().optional(),
  asOfSequence: z.unknown().optional(),
  datedThrough: z.unknown().optional(),
  components: z.unknown().optional(),
  aggregate: z.unknown().optional(),
});
/** The options but the people, for people checked already. */
const otherOptionsSchema = annualOptionsSchema.extend({ people: z.unknown() });

/**
 * The annual result (R13): each person's growth-account total for the year, ranked within peer
 * groups, then placed in tiers by the tier policy, with vetoes (R26) sending a person to the veto
 * tier or keeping them out of the tiers that exclude the vetoed.
 *
 * @param ledger - the growth-account ledger.
 * @param options - the year, the people, the ranking options and the tier policy.
 * @returns the summaries, the ranking and the tiers; each step keeps its own trace and reasons.
 * @throws {@link JixiaoError} when the options, the people or the tier policy are not valid.
 * @example
 * ```ts
 * annualResults(ledger, { year: "2024", people: [{ id: "c001" }, { id: "c002" }],
 *   tiers: { tiers: [{ name: "好", share: 0.5 }, { name: "中" }] } }).tiers.placements.map((p) => [p.subjectId, p.tier]);
 * //=> [["c002", "好"], ["c001", "中"]] (c002 has more points)
 * ```
 */
export function annualResults(ledger: Ledger, options: AnnualOptions): AnnualResult {
  asLedger(ledger);
  // The options' copy: plainly valid people (a county's, by the hundred) are taken as they are;
  // otherwise the schema checks them with the other options and reports every issue.
  const given = snapshot(options, ["options"], "Annual options are not valid");
  const people = given !== null && typeof given === "object" ? (given as { people?: unknown }).people : undefined;
  const plainPeople = Array.isArray(people) && people.length <= MAX_PEOPLE && everyItem(people, plainPerson) ? (people as AnnualPerson[]) : undefined;
  const o = (
    plainPeople
      ? { ...parseCopy(otherOptionsSchema, given, "Annual options are not valid", ["options"]), people: plainPeople }
      : parseCopy(annualOptionsSchema, given, "Annual options are not valid", ["options"])
  ) as AnnualOptions;
  spanOf(o.year, ["options", "year"]);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  o.people.forEach((p, i) => {
    if (seen.has(p.id)) issues.push(issue(IssueCode.duplicateId, ["options", "people", i, "id"], { key: "personnelListedTwice", id: p.id }));
    seen.add(p.id);
  });
  if (issues.length > 0) throw new JixiaoError(issues, "The annual result cannot be made");
  // The policy once, at its place in the options, whoever is assessed: its fields, and what it
  // makes of the year (the kind of its periods, one weight per period).
  const policy = o.aggregate ? readPolicyFor(o.aggregate, spanOf(o.year), ["options", "aggregate"]) : undefined;
  const summing = {
    period: o.year,
    ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
    ...(o.asOfSequence !== undefined ? { asOfSequence: o.asOfSequence } : {}),
    ...(o.datedThrough !== undefined ? { datedThrough: o.datedThrough } : {}),
    ...(o.components ? { components: o.components } : {}),
  };
  // People with no entries in the ledger have an empty account, summed as any other.
  const summaries = summarizePeople(ledger, summing, seen);
  const place = new Map(o.people.map((p, i) => [p.id, i]));
  const aggregates = policy ? summaries.map((s) => ({ person: s.person, ...aggregateYear(s, policy, place.get(s.person)!) })) : undefined;
  const totals = new Map(aggregates ? aggregates.map((a) => [a.person, a.exact]) : summaries.map((s) => [s.person, s.exact]));
  const ranked = o.people.map((p) => ({
    subjectId: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    total: totals.get(p.id)!,
    ...(p.group !== undefined ? { group: p.group } : {}),
    ...(p.attributes ? { attributes: p.attributes } : {}),
    vetoes: (p.vetoes ?? []).map((v) => ({ id: typeof v === "string" ? v : v.id })),
  }));
  const ranking = relocate(
    (path) => (path[0] === "options" ? ["options", "rank", ...path.slice(1)] : ["options", "people", ...path]),
    () => rank(ranked, { ...(o.rank ?? {}), by: "total" }),
  );
  const tiers = relocate(
    (path) => (path[0] === "policy" ? ["options", "tiers", ...path.slice(1)] : ["options", "tiers", ...path]),
    () => assignTiers(ranking, o.tiers),
  );
  return { year: o.year, summaries, ...(aggregates ? { aggregates } : {}), ranking, tiers };
}

/**
 * A person's year score from the totals of the periods that have entries; 0 for a person with no
 * entries in the year, whatever the policy's rule and `missing` (a newcomer neither blocks the
 * others nor is given a fill). A problem of the person's periods is reported at the person, at
 * `index` in the options' people.
 */
function aggregateYear(summary: AccountSummary, policy: PolicyFor, index: number): AggregateResult {
  if (summary.entries.length === 0)
    return {
      period: policy.target.key,
      score: 0,
      exact: "0",
      parts: policy.keys.map((period) => ({ period, score: null, counted: null })),
      trace: [{ at: "period", rule: "noEntries", values: {}, result: "0" }],
    };
  const totals = new Map<string, Dec>();
  for (const e of summary.entries) {
    const key = periodOf(e.day, policy.of);
    totals.set(key, (totals.get(key) ?? ZERO).plus(e.points));
  }
  const scores = [...totals].map(([period, total]) => ({ period, score: text(total) }));
  try {
    return aggregateWith(policy, scores);
  } catch (error) {
    if (!(error instanceof JixiaoError)) throw error;
    // A problem of the policy with these periods (all their weights 0) is at the policy; one of the
    // person's periods (scores made here from the ledger) at the person. Each message is made again from its data.
    const place = (path: IssuePath): IssuePath => (path[0] === "policy" ? ["options", "aggregate", ...path.slice(1)] : ["options", "people", index]);
    throw new JixiaoError(error.issues.map((i) => issue(i.code, place(i.path), i.params)), `${summary.person}'s year score cannot be made`);
  }
}

/**
 * {@link annualResults} without throwing.
 * @param ledger - the ledger.
 * @param options - the year, people, ranking and tier policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeAnnualResults(ledger, { year: "24", people: [], tiers: { tiers: [{ name: "中" }] } }).success;
 * //=> false
 * ```
 */
export function safeAnnualResults(ledger: Ledger, options: AnnualOptions): SafeResult<AnnualResult> {
  return safely(() => annualResults(ledger, options));
}

/** Options for {@link partyBuildingVetoes}. */
export interface PartyBuildingVetoOptions {
  /** The rating that vetoes (R26: 差). */
  readonly poor?: string;
  /** Each unit's main leader (主要负责人), by unit id. */
  readonly mainLeaders?: Readonly<Record<string, string>>;
  /** The veto's id in the results; `party-building`. */
  readonly vetoId?: string;
  /** The units' names for the reasons, by unit id; a unit without one is named by its id. */
  readonly names?: Readonly<Record<string, string>>;
  /** The language of the reasons: `zh-CN` (the default) or `en`. */
  readonly locale?: Locale;
}

/** Why R26 vetoes someone: the unit's own rating, or being the main leader of a unit so rated. */
type PartyBuildingReason = {
  readonly kind: "rating" | "mainLeader";
  /** The unit's name (its id where none is given). */
  readonly unit: string;
  /** The rating that vetoes. */
  readonly rating: string;
};

/** The words of each reason, in each language: a missing kind or language does not compile. */
const PARTY_BUILDING_REASONS: { readonly [K in PartyBuildingReason["kind"]]: Readonly<Record<Locale, (r: PartyBuildingReason) => string>> } = {
  rating: {
    "zh-CN": (r) => `党建考核等次为「${r.rating}」（R26）`,
    en: (r) => `party-building rating ${r.rating} (R26)`,
  },
  mainLeader: {
    "zh-CN": (r) => `${r.unit}主要负责人，该单位党建考核等次为「${r.rating}」（R26）`,
    en: (r) => `main leader of ${r.unit}, whose party-building rating is ${r.rating} (R26)`,
  },
};

/**
 * The vetoes of R26: a unit whose party-building rating is 差 is vetoed in the annual assessment
 * (it cannot be excellent), and so is its main leader. Pass the result's entries as the units' and
 * people's `vetoes`, and let the tier policy exclude the vetoed from the top tier. Each veto's
 * reason is worded in Chinese (or English with `locale: "en"`), naming the unit by its name where
 * `names` gives one.
 * @param ratings - each unit's party-building rating, by unit id.
 * @param options - the poor rating (`差`), the main leaders, the veto id, the units' names and the language.
 * @returns the vetoes by unit or person id, sorted by id; those not vetoed are absent.
 * @throws {@link JixiaoError} when the ratings or options are not valid.
 * @example
 * ```ts
 * partyBuildingVetoes({ 甲县: "差", 乙县: "好" }, { mainLeaders: { 甲县: "L001" }, names: { 甲县: "甲县税务局" } });
 * //=> { L001: [{ id: "party-building", reason: "甲县税务局主要负责人，该单位党建考核等次为「差」（R26）" }],
 * //     甲县: [{ id: "party-building", reason: "党建考核等次为「差」（R26）" }] }
 * partyBuildingVetoes({ 甲县: "差" }, { locale: "en" }).甲县[0].reason;
 * //=> "party-building rating 差 (R26)"
 * ```
 */
export function partyBuildingVetoes(ratings: Readonly<Record<string, string>>, options: PartyBuildingVetoOptions = {}): Record<string, VetoHit[]> {
  const r = parseWith(namedRecord(z.string().min(1).max(200), "unit", true), ratings, "Party-building ratings are not valid", ["ratings"]) as Record<string, string>;
  const o = parseWith(
    z.strictObject({
      poor: z.string().min(1).max(200).optional(),
      mainLeaders: namedRecord(idSchema, "unit", true).optional(),
      vetoId: idSchema.optional(),
      names: namedRecord(z.string().min(1).max(200), "unit", true).optional(),
      locale: z.enum(["zh-CN", "en"]).optional(),
    }),
    options,
    "Party-building veto options are not valid",
    ["options"],
  );
  const poor = o.poor ?? "差";
  const id = o.vetoId ?? "party-building";
  const locale = o.locale ?? "zh-CN";
  const out = new Map<string, VetoHit[]>();
  const add = (who: string, reason: PartyBuildingReason) => (out.get(who) ?? out.set(who, []).get(who)!).push({ id, reason: PARTY_BUILDING_REASONS[reason.kind][locale](reason) });
  for (const unit of Object.keys(r).sort()) {
    if (r[unit] !== poor) continue;
    const name = o.names && Object.prototype.hasOwnProperty.call(o.names, unit) ? o.names[unit]! : unit;
    add(unit, { kind: "rating", unit: name, rating: poor });
    const leader = o.mainLeaders?.[unit];
    if (leader !== undefined && Object.prototype.hasOwnProperty.call(o.mainLeaders, unit)) add(leader, { kind: "mainLeader", unit: name, rating: poor });
  }
  return Object.fromEntries([...out.keys()].sort().map((k) => [k, out.get(k)!]));
}
