import { Dec, text, toDec } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { applyRounding } from "../core/rounding.js";
import { addIssue, dec, namedRecord, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { byPeer, MAX_TIED_LISTED } from "../ranking/order.js";
import { madeByRank, peerOf, rankingOf } from "../ranking/rank.js";
import type { Rankable, RankEntry, Ranking } from "../ranking/types.js";
import { defineTierPolicy, isOpen } from "./policy.js";
import { cut } from "./select.js";
import type { TierAssignment, TierPlacement, TierPolicy, TierQuota, TierReason, TierRule } from "./types.js";

/** A score a ranking holds: a finite number within ±10^18, as every decimal the library reads (1e308 is not a score). */
const scoreNumber = () =>
  z.number().superRefine((n, ctx) => {
    if (toDec(n) === undefined) addIssue(ctx, IssueCode.invalidNumber, `must be a finite number within ±10^18, not ${n}`);
  });

const entrySchema = z.object({
  subjectId: z.string(),
  name: z.string().optional(),
  peerGroup: z.string().nullable(),
  group: z.string().optional(),
  score: scoreNumber(),
  rank: z.number().int().min(1),
  position: z.number().int().min(1),
  groupSize: z.number().int().min(1),
  percentile: z.number(),
  tiedWith: z.array(z.string()).max(1000),
  tiedCount: z.number().int().min(0),
  tieValues: z.array(scoreNumber()).max(20),
  attributes: namedRecord(z.union([z.string(), z.number(), z.boolean()], { error: "must be text, a number or true/false" }), "attribute", true).optional(),
  vetoes: z.array(z.string()).max(1000),
  flags: z.array(z.string()).max(1000),
});

/** The shape of a {@link Ranking}, as {@link rank} makes it. @internal */
export const rankingSchema = z.object({
  by: z.string(),
  order: z.enum(["desc", "asc"]),
  groupBy: z.string().nullable(),
  ties: z.enum(["competition", "dense", "ordinal"]),
  tieBreak: z.array(z.string()).max(20),
  entries: z.array(entrySchema).max(2_000_000),
});

/** A ranking made by `rank` as it is (frozen, so unchanged), or anything else checked against the shape. @internal */
export function readRanking(ranking: unknown): Ranking {
  return madeByRank(ranking) ? ranking : (parseWith(rankingSchema, ranking, "Not a ranking") as Ranking);
}

/** A ranking entry seen as something to rank again. @internal */
export function asRankable(e: RankEntry): Rankable {
  return {
    subjectId: e.subjectId,
    ...(e.name !== undefined ? { name: e.name } : {}),
    total: e.score,
    ...(e.group !== undefined ? { group: e.group } : {}),
    ...(e.attributes !== undefined ? { attributes: e.attributes } : {}),
    vetoes: e.vetoes.map((id) => ({ id })),
    flags: e.flags.map((id) => ({ id })),
  };
}

/** The ranking regrouped by another field, ranked again within the new groups. @internal */
export function regroup(ranking: Ranking, groupBy: string): Ranking {
  const issues: Issue[] = [];
  const items = ranking.entries.flatMap((e, i) => {
    const subject = asRankable(e);
    const peer = peerOf(subject, groupBy, ["entries", i], issues);
    return peer === undefined ? [] : [{ id: e.subjectId, peer, score: toDec(e.score)!, tie: e.tieValues.map((v) => toDec(v)!), subject }];
  });
  if (issues.length > 0) throw new JixiaoError(issues, `The ranking cannot be grouped by "${groupBy}"`);
  return rankingOf(items, { ...ranking, groupBy });
}

/** The rounding mode of each quota count rule. */
const ROUND = { floor: "floor", round: "half-up", ceil: "ceiling" } as const;

interface Candidate {
  readonly entry: RankEntry;
  readonly score: Dec;
}

function quotaOf(t: TierRule, size: number, mode: "floor" | "round" | "ceil"): { exact: Dec; quota: number } | null {
  if (t.share === undefined) return null;
  const exact = dec(t.share).times(size);
  let quota = applyRounding(exact, { decimals: 0, mode: ROUND[mode] }).toNumber();
  if (t.minCount !== undefined) quota = Math.max(quota, t.minCount);
  if (t.maxCount !== undefined) quota = Math.min(quota, t.maxCount);
  return { exact, quota };
}

function placeGroup(list: readonly RankEntry[], p: TierPolicy): { placements: TierPlacement[]; tiers: TierQuota[] } {
  const mode = p.count ?? "floor";
  const ties = p.ties ?? "better";
  const n = list.length;
  const quotas = p.tiers.map((t) => quotaOf(t, n, mode));
  const left = quotas.map((q) => q?.quota ?? Number.POSITIVE_INFINITY);
  const placed = new Map<string, { tier: number; reason: TierReason }>();
  const excluded = new Map<string, { tier: string; because: string }[]>();
  const tieOf = new Map<string, NonNullable<TierReason["tie"]>>();
  const same = (a: Candidate, b: Candidate) => a.score.eq(b.score);
  let remaining: Candidate[] = list.map((entry) => ({ entry, score: toDec(entry.score)! }));

  const place = (c: Candidate, tier: number, reason: TierReason) => {
    const tie = tieOf.get(c.entry.subjectId);
    const out = excluded.get(c.entry.subjectId);
    placed.set(c.entry.subjectId, { tier, reason: { ...reason, ...(tie ? { tie } : {}), ...(out ? { excluded: out } : {}) } });
  };
  const compared = (c: Candidate) => (p.compare === "truncate" ? c.score.trunc() : c.score);
  const barrier = (c: Candidate, t: TierRule): string | undefined => {
    if (t.excludeVetoed && c.entry.vetoes.length > 0) return "vetoed";
    const flag = t.excludeFlags?.find((f) => c.entry.flags.includes(f));
    if (flag !== undefined) return `flag:${flag}`;
    if (t.min !== undefined && compared(c).lt(dec(t.min)))
      return `below ${text(dec(t.min))}${p.compare === "truncate" ? ` (compared: ${text(compared(c))})` : ""}`;
    return undefined;
  };
  const fill = (ti: number, fromBottom: boolean) => {
    const t = p.tiers[ti]!;
    const eligible: Candidate[] = [];
    for (const c of fromBottom ? [...remaining].reverse() : remaining) {
      const why = barrier(c, t);
      if (why === undefined) eligible.push(c);
      else if (!fromBottom) excluded.set(c.entry.subjectId, [...(excluded.get(c.entry.subjectId) ?? []), { tier: t.name, because: why }]);
    }
    let chosen = eligible;
    if (t.share !== undefined) {
      // `better` widens a top tier and narrows a bottom one; `worse` the opposite.
      const widen = ties === "break" ? undefined : (ties === "better") !== fromBottom;
      const { take, tied } = cut(eligible, Math.max(0, left[ti]!), same, widen);
      const listed = tied.slice(0, MAX_TIED_LISTED + 1).map((o) => o.entry.subjectId);
      for (const c of tied)
        if (!tieOf.has(c.entry.subjectId))
          tieOf.set(c.entry.subjectId, { with: listed.filter((id) => id !== c.entry.subjectId).slice(0, MAX_TIED_LISTED), rule: ties });
      chosen = eligible.slice(0, take);
      // Reaching a tier's min but not its quota is worth saying; missing a plain quota is the rank.
      if (!fromBottom && t.min !== undefined)
        for (const c of eligible.slice(take))
          if (!tieOf.has(c.entry.subjectId))
            excluded.set(c.entry.subjectId, [...(excluded.get(c.entry.subjectId) ?? []), { tier: t.name, because: "outside the quota" }]);
    }
    const quota = quotas[ti];
    for (const c of chosen)
      place(c, ti, {
        rule: quota ? "quota" : "threshold",
        ...(quota ? { count: mode } : {}),
        ...(t.min !== undefined ? { threshold: { min: text(dec(t.min)), compared: text(compared(c)) } } : {}),
      });
    remaining = remaining.filter((c) => !placed.has(c.entry.subjectId));
  };

  if (p.vetoTier !== undefined) {
    const vi = p.tiers.findIndex((t) => t.name === p.vetoTier);
    for (const c of remaining)
      if (c.entry.vetoes.length > 0) {
        place(c, vi, { rule: "veto", vetoes: c.entry.vetoes });
        // A tier is filled once, so only the vetoed placed before it can use up its quota.
        if (p.vetoCountsInQuota !== false) left[vi]! -= 1;
      }
    remaining = remaining.filter((c) => !placed.has(c.entry.subjectId));
  }
  const openAt = p.tiers.findIndex(isOpen);
  for (let ti = 0; ti < openAt; ti++) fill(ti, false);
  for (let ti = p.tiers.length - 1; ti > openAt; ti--) fill(ti, true);
  for (const c of remaining) place(c, openAt, { rule: "rest" });

  const tiers: TierQuota[] = p.tiers.map((t, ti) => ({
    tier: t.name,
    share: t.share === undefined ? null : text(dec(t.share)),
    exact: quotas[ti] ? text(quotas[ti]!.exact) : null,
    quota: quotas[ti]?.quota ?? null,
    placed: [...placed.values()].filter((v) => v.tier === ti).length,
  }));
  const placements = list.map((e): TierPlacement => {
    const { tier, reason } = placed.get(e.subjectId)!;
    return {
      subjectId: e.subjectId,
      ...(e.name !== undefined ? { name: e.name } : {}),
      peerGroup: e.peerGroup,
      tier: p.tiers[tier]!.name,
      score: e.score,
      rank: e.rank,
      position: e.position,
      groupSize: e.groupSize,
      flags: e.flags,
      reason: { ...reason, ...(reason.rule === "quota" || reason.rule === "veto" ? { quota: tiers[tier]! } : {}) },
    };
  });
  return { placements, tiers };
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
      [issue(IssueCode.invalidRule, ["policy", "tiers", withMin, "min"], "is a lowest score to reach, but the ranking puts lower scores first (order asc); rank with order desc or use shares")],
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
  for (const peer of [...groups.keys()].sort(byPeer)) {
    const list = groups.get(peer)!.sort((a, b) => a.position - b.position);
    const g = placeGroup(list, p);
    out.push({ peerGroup: peer, size: list.length, tiers: g.tiers });
    placements.push(...g.placements);
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
