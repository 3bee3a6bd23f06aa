import { Dec, text, toDec } from "../core/decimal.js";
import { exactAgrees, numberText } from "../core/exact.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { applyRounding } from "../core/rounding.js";
import { addIssue, dec, namedRecord, parseWith, want } from "../core/validate.js";
import { shown } from "../messages/index.js";
import { z } from "../core/z.js";
import { byPeer, MAX_TIED_LISTED } from "../ranking/order.js";
import { madeByRank, numberScore, peerOf, rankingOf } from "../ranking/rank.js";
import type { Rankable, RankEntry, Ranking } from "../ranking/types.js";
import { defineTierPolicy, isOpen } from "./policy.js";
import { cut } from "./select.js";
import type { NamedId, TierAssignment, TierBarrier, TierPlacement, TierPolicy, TierQuota, TierReason, TierRule } from "./types.js";

/** A score a ranking holds: a finite number within ±10^18, as every decimal the library reads (1e308 is not a score). */
const scoreNumber = () =>
  z.number().superRefine((n, ctx) => {
    if (toDec(n) === undefined) addIssue(ctx, IssueCode.invalidNumber, { key: "tierScoreRange", received: shown(n) });
  });

const entrySchema = z.object({
  subjectId: z.string(),
  name: z.string().optional(),
  peerGroup: z.string().nullable(),
  group: z.string().optional(),
  score: scoreNumber(),
  // Read by readRanking: written from the score where left out (a ranking stored before it had one).
  exact: z.string().optional(),
  rank: z.number().int().min(1),
  position: z.number().int().min(1),
  groupSize: z.number().int().min(1),
  percentile: z.number(),
  tiedWith: z.array(z.string()).max(1000),
  tiedCount: z.number().int().min(0),
  tieValues: z.array(scoreNumber()).max(20),
  attributes: namedRecord(z.union([z.string(), z.number(), z.boolean()], { error: want("textNumberBoolean") }), "attribute", true).optional(),
  vetoes: z.array(z.string()).max(1000),
  flags: z.array(z.string()).max(1000),
  vetoNames: namedRecord(z.string(), "id", true).optional(),
  flagNames: namedRecord(z.string(), "id", true).optional(),
}).superRefine(exactAgrees("score"));

/** The shape of a {@link Ranking}, as {@link rank} makes it. @internal */
export const rankingSchema = z.object({
  by: z.string(),
  order: z.enum(["desc", "asc"]),
  groupBy: z.string().nullable(),
  ties: z.enum(["competition", "dense", "ordinal"]),
  tieBreak: z.array(z.string()).max(20),
  entries: z.array(entrySchema).max(2_000_000),
});

/**
 * A ranking made by `rank` as it is (frozen, so unchanged), or anything else checked against the
 * shape, each entry's exact text then written as `rank` writes it (from its score where left out).
 * @internal
 */
export function readRanking(ranking: unknown): Ranking {
  if (madeByRank(ranking)) return ranking;
  const r = parseWith(rankingSchema, ranking, "Not a ranking");
  return { ...r, entries: r.entries.map((e) => ({ ...e, exact: e.exact === undefined ? numberText(e.score) : text(toDec(e.exact)!) })) } as Ranking;
}

/** Whether two entries of a ranking have the same score: the same exact text (equal numbers may be different decimals beyond 15 digits). @internal */
export const sameScore = (a: RankEntry, b: RankEntry): boolean => a.score === b.score && a.exact === b.exact;

/** A ranking entry seen as something to rank again. @internal */
export function asRankable(e: RankEntry): Rankable {
  return {
    subjectId: e.subjectId,
    ...(e.name !== undefined ? { name: e.name } : {}),
    total: e.score,
    exact: e.exact,
    ...(e.group !== undefined ? { group: e.group } : {}),
    ...(e.attributes !== undefined ? { attributes: e.attributes } : {}),
    vetoes: e.vetoes.map((id) => named(id, e.vetoNames)),
    flags: e.flags.map((id) => named(id, e.flagNames)),
  };
}

/** An id with its name from an entry's names, where it has one (an own key only: never a name inherited from Object.prototype). */
function named(id: string, names: Readonly<Record<string, string>> | undefined): NamedId {
  return names !== undefined && Object.prototype.hasOwnProperty.call(names, id) ? { id, name: names[id]! } : { id };
}

/** The ranking regrouped by another field, ranked again within the new groups. @internal */
export function regroup(ranking: Ranking, groupBy: string): Ranking {
  const issues: Issue[] = [];
  const items = ranking.entries.flatMap((e, i) => {
    const subject = asRankable(e);
    const peer = peerOf(subject, groupBy, ["entries", i], issues);
    // A ranking's scores are finite numbers within ±10^18 (rank made them, or the schema checked
    // them): ranked as numbers, unless the exact text says more than the number.
    const num = numberScore(e.score, e.exact);
    return peer === undefined ? [] : [{ id: e.subjectId, peer, score: num === undefined ? toDec(e.exact) : undefined, num, exact: e.exact, tie: e.tieValues.map((v) => toDec(v)!), subject }];
  });
  if (issues.length > 0) throw new JixiaoError(issues, `The ranking cannot be grouped by "${groupBy}"`);
  return rankingOf(items, { ...ranking, groupBy });
}

/** The subject's vetoes with their names, where the ranking carries them. */
const vetoesOf = (c: RankEntry): readonly NamedId[] => c.vetoes.map((id) => named(id, c.vetoNames));

/** The rounding mode of each quota count rule. */
const ROUND = { floor: "floor", round: "half-up", ceil: "ceiling" } as const;

/** A tier's quota in a group of some size: share × size exactly, and the count it gives. */
interface Quota {
  readonly exact: string;
  readonly quota: number;
}

/** What a policy's groups share, read from the policy once per call rather than once per group. */
interface Plan {
  readonly p: TierPolicy;
  readonly mode: "floor" | "round" | "ceil";
  readonly ties: "better" | "worse" | "break";
  /** Each tier's share as exact text, or `null`. */
  readonly shares: readonly (string | null)[];
  /** Each tier's `min` as a decimal, and as exact text. */
  readonly mins: readonly (Dec | undefined)[];
  readonly minTexts: readonly (string | undefined)[];
  readonly openAt: number;
  /** The quotas of each group size met so far: they depend on the size alone. */
  readonly quotas: Map<number, readonly (Quota | null)[]>;
}

function planOf(p: TierPolicy): Plan {
  const mins = p.tiers.map((t) => (t.min === undefined ? undefined : dec(t.min)));
  return {
    p,
    mode: p.count ?? "floor",
    ties: p.ties ?? "better",
    shares: p.tiers.map((t) => (t.share === undefined ? null : text(dec(t.share)))),
    mins,
    minTexts: mins.map((m) => (m === undefined ? undefined : text(m))),
    openAt: p.tiers.findIndex(isOpen),
    quotas: new Map(),
  };
}

function quotaOf(t: TierRule, size: number, mode: "floor" | "round" | "ceil"): Quota | null {
  if (t.share === undefined) return null;
  const exact = dec(t.share).times(size);
  let quota = applyRounding(exact, { decimals: 0, mode: ROUND[mode] }).toNumber();
  if (t.minCount !== undefined) quota = Math.max(quota, t.minCount);
  if (t.maxCount !== undefined) quota = Math.min(quota, t.maxCount);
  return { exact: text(exact), quota };
}

/** Places one peer group (in position order), adding its placements to `placements`; returns its quotas. */
function placeGroup(list: readonly RankEntry[], plan: Plan, placements: TierPlacement[]): TierQuota[] {
  const { p, mode, ties } = plan;
  const n = list.length;
  let quotas = plan.quotas.get(n);
  if (quotas === undefined) plan.quotas.set(n, (quotas = p.tiers.map((t) => quotaOf(t, n, mode))));
  const left = quotas.map((q) => q?.quota ?? Number.POSITIVE_INFINITY);
  // Keyed by id, as a ranking given as data may repeat one: its entries then share one placement.
  const placed = new Map<string, { tier: number; reason: Record<string, unknown>; given: boolean }>();
  const excluded = new Map<string, { tier: string; because: TierBarrier }[]>();
  const tieOf = new Map<string, NonNullable<TierReason["tie"]>>();
  let remaining: readonly RankEntry[] = list;

  /** The reason's fields in the order they have always had: the rule's own, then the tie, then the exclusions (the quota comes last, once known). */
  const place = (c: RankEntry, tier: number, reason: Record<string, unknown>) => {
    // Most groups have no ties at a boundary and no one kept out: no lookups then.
    const tie = tieOf.size === 0 ? undefined : tieOf.get(c.subjectId);
    const out = excluded.size === 0 ? undefined : excluded.get(c.subjectId);
    if (tie) reason.tie = tie;
    if (out) reason.excluded = out;
    placed.set(c.subjectId, { tier, reason, given: false });
  };
  /** The score as compared with a `min`: a decimal, made only for a tier that has one. */
  const compared = (c: RankEntry) => (p.compare === "truncate" ? toDec(c.exact)!.trunc() : toDec(c.exact)!);
  const exclude = (c: RankEntry, tier: string, because: TierBarrier) => {
    const out = excluded.get(c.subjectId);
    if (out) out.push({ tier, because });
    else excluded.set(c.subjectId, [{ tier, because }]);
  };
  const barrier = (c: RankEntry, ti: number): TierBarrier | undefined => {
    const t = p.tiers[ti]!;
    if (t.excludeVetoed && c.vetoes.length > 0) return { kind: "vetoed", vetoes: vetoesOf(c) };
    const flag = t.excludeFlags?.find((f) => c.flags.includes(f));
    if (flag !== undefined) return { kind: "flag", ...named(flag, c.flagNames) };
    const min = plan.mins[ti];
    if (min !== undefined) {
      const score = compared(c);
      if (score.lt(min)) return p.compare === "truncate" ? { kind: "below", min: plan.minTexts[ti]!, compared: text(score) } : { kind: "below", min: plan.minTexts[ti]! };
    }
    return undefined;
  };
  const fill = (ti: number, fromBottom: boolean) => {
    const t = p.tiers[ti]!;
    const eligible: RankEntry[] = [];
    for (let k = 0; k < remaining.length; k++) {
      const c = remaining[fromBottom ? remaining.length - 1 - k : k]!;
      const why = barrier(c, ti);
      if (why === undefined) eligible.push(c);
      else if (!fromBottom) exclude(c, t.name, why);
    }
    let chosen = eligible;
    if (t.share !== undefined) {
      // `better` widens a top tier and narrows a bottom one; `worse` the opposite.
      const widen = ties === "break" ? undefined : (ties === "better") !== fromBottom;
      const { take, tied } = cut(eligible, Math.max(0, left[ti]!), sameScore, widen);
      if (tied.length > 0) {
        const listed = tied.slice(0, MAX_TIED_LISTED + 1).map((o) => o.subjectId);
        for (const c of tied)
          if (!tieOf.has(c.subjectId)) tieOf.set(c.subjectId, { with: listed.filter((id) => id !== c.subjectId).slice(0, MAX_TIED_LISTED), rule: ties });
      }
      chosen = eligible.slice(0, take);
      // Reaching a tier's min but not its quota is worth saying; missing a plain quota is the rank.
      if (!fromBottom && t.min !== undefined)
        for (const c of eligible.slice(take)) if (!tieOf.has(c.subjectId)) exclude(c, t.name, { kind: "quotaFull" });
    }
    const quota = quotas[ti];
    const before = placed.size;
    for (const c of chosen) {
      const reason: Record<string, unknown> = { rule: quota ? "quota" : "threshold" };
      if (quota) reason.count = mode;
      if (t.min !== undefined) reason.threshold = { min: plan.minTexts[ti], compared: text(compared(c)) };
      place(c, ti, reason);
    }
    // The placed leave (an id placed is new to `placed`, so nothing placed leaves its size as it was).
    if (placed.size !== before) remaining = remaining.filter((c) => !placed.has(c.subjectId));
  };

  if (p.vetoTier !== undefined) {
    const vi = p.tiers.findIndex((t) => t.name === p.vetoTier);
    for (const c of remaining)
      if (c.vetoes.length > 0) {
        place(c, vi, { rule: "veto", vetoes: vetoesOf(c) });
        // A tier is filled once, so only the vetoed placed before it can use up its quota.
        if (p.vetoCountsInQuota !== false) left[vi]! -= 1;
      }
    if (placed.size > 0) remaining = remaining.filter((c) => !placed.has(c.subjectId));
  }
  const openAt = plan.openAt;
  for (let ti = 0; ti < openAt; ti++) fill(ti, false);
  for (let ti = p.tiers.length - 1; ti > openAt; ti--) fill(ti, true);
  for (const c of remaining) place(c, openAt, { rule: "rest" });

  const counts = p.tiers.map(() => 0);
  for (const v of placed.values()) counts[v.tier]!++;
  const tiers: TierQuota[] = p.tiers.map((t, ti) => ({
    tier: t.name,
    share: plan.shares[ti]!,
    exact: quotas[ti]?.exact ?? null,
    quota: quotas[ti]?.quota ?? null,
    placed: counts[ti]!,
  }));
  for (const e of list) {
    const at = placed.get(e.subjectId)!;
    const tier = at.tier;
    // Built field by field in the order a placement has always had, the optional name only when given.
    const placement: Record<string, unknown> = { subjectId: e.subjectId };
    if (e.name !== undefined) placement.name = e.name;
    placement.peerGroup = e.peerGroup;
    placement.tier = p.tiers[tier]!.name;
    placement.score = e.score;
    placement.exact = e.exact;
    placement.rank = e.rank;
    placement.position = e.position;
    placement.groupSize = e.groupSize;
    placement.flags = e.flags;
    // Each placement has its own reason object: entries sharing an id get copies of the one reason.
    const reason = at.given ? { ...at.reason } : at.reason;
    at.given = true;
    if (reason.rule === "quota" || reason.rule === "veto") reason.quota = tiers[tier]!;
    placement.reason = reason;
    placements.push(placement as unknown as TierPlacement);
  }
  return tiers;
}

/**
 * Places every ranked subject in a tier (好/中/差, 好/较好/一般/较差, …) by quota, threshold or both,
 * within peer groups, with explicit rounding of quota counts, tie rules at each boundary and the
 * veto override — and gives every placement its reason.
 *
 * @param ranking - a ranking from {@link rank}.
 * @param policy - the tier policy (see {@link TierPolicy}).
 * @returns every subject's tier, and each group's quotas.
 * @throws {@link JixiaoError} for a bad policy or ranking, or a `groupBy` field a subject lacks.
 * @example
 * ```ts
 * const ranking = rank([90, 85, 85, 70, 60].map((total, i) => ({ subjectId: `c${i + 1}`, total })));
 * assignTiers(ranking, { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.2 }] })
 *   .placements.map((p) => p.tier);
 * //=> ["好", "中", "中", "中", "差"]
 * ```
 */
export function assignTiers(ranking: Ranking, policy: TierPolicy): TierAssignment {
  const p = defineTierPolicy(policy);
  let r = readRanking(ranking);
  const withMin = p.tiers.findIndex((t) => t.min !== undefined);
  if (withMin >= 0 && r.order === "asc")
    throw new JixiaoError(
      [issue(IssueCode.invalidRule, ["policy", "tiers", withMin, "min"], { key: "tierMinNeedsDesc" })],
      "Tiers cannot be assigned",
    );
  if (p.groupBy !== undefined && p.groupBy !== r.groupBy) r = regroup(r, p.groupBy);
  const groups = new Map<string | null, RankEntry[]>();
  for (const e of r.entries) {
    const list = groups.get(e.peerGroup);
    if (list) list.push(e);
    else groups.set(e.peerGroup, [e]);
  }
  const out: TierAssignment["groups"][number][] = [];
  const placements: TierPlacement[] = [];
  const plan = planOf(p);
  for (const peer of [...groups.keys()].sort(byPeer)) {
    const list = groups.get(peer)!.sort((a, b) => a.position - b.position);
    out.push({ peerGroup: peer, size: list.length, tiers: placeGroup(list, plan, placements) });
  }
  return { ...(p.id !== undefined ? { policy: p.id } : {}), groupBy: r.groupBy, groups: out, placements };
}

/**
 * {@link assignTiers} without throwing.
 * @param ranking - the ranking.
 * @param policy - the tier policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeAssignTiers(ranking, { tiers: [{ name: "好" }, { name: "差" }] }).success;
 * //=> false
 * ```
 */
export function safeAssignTiers(ranking: Ranking, policy: TierPolicy): SafeResult<TierAssignment> {
  return safely(() => assignTiers(ranking, policy));
}
