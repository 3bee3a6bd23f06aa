import { safely, type SafeResult } from "../core/errors.js";
import { namedRecord, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { byPeer } from "../ranking/order.js";
import type { RankEntry, Ranking } from "../ranking/types.js";
import { readRanking, regroup } from "../tiers/assign.js";
import type { NamedId } from "../tiers/types.js";
import type { PromotionReason } from "./reasons.js";

/**
 * The promotion-slot rule of R7: the last `losers` of the previous year each lose `slots`
 * internal promotion slots next year, and the top `gainers` receive them; a loser with no real
 * vacancy is penalised in rank-level (职级) quota instead, and its counterpart rewarded in the same
 * kind.
 */
export interface PromotionPolicy {
  /** How many at the bottom lose (default 2). */
  readonly losers?: number;
  /** How many at the top gain (default 2). */
  readonly gainers?: number;
  /** Slots lost by each loser (default 1). */
  readonly slots?: number;
  /** Whether each subject has a real vacancy for the slot, by subject id; `true` when not listed. */
  readonly vacancies?: Readonly<Record<string, boolean>>;
  /** The peer-group field (R7: 司局 with 司局, 省局 with 省局); the ranking's groups when left out. */
  readonly groupBy?: string;
}

/** One move of slots or quota. */
export interface PromotionMove {
  /** The subject's id. */
  readonly subjectId: string;
  /** The peer group, or `null` for one group. */
  readonly peerGroup: string | null;
  /** `promotion-slot` (a real vacancy) or `rank-quota` (职级职数, where there is none). */
  readonly kind: "promotion-slot" | "rank-quota";
  /** −slots for a loser, +slots for a gainer. */
  readonly change: number;
  /** The position in the group (1 = first). */
  readonly position: number;
  /** Why, as data: the place, the group, the vacancy and the counterpart (see {@link PromotionReason}); `explainReason` words it. */
  readonly reason: PromotionReason;
}

/** A subject as a reason names it: the id, and the name where the ranking has one. */
const person = (e: RankEntry): NamedId => (e.name !== undefined ? { id: e.subjectId, name: e.name } : { id: e.subjectId });

const policySchema = z.strictObject({
  losers: z.number().int().min(0).max(1000).optional(),
  gainers: z.number().int().min(0).max(1000).optional(),
  slots: z.number().int().min(1).max(1000).optional(),
  vacancies: namedRecord(z.boolean(), "subject", true).optional(),
  groupBy: z.string().min(1).max(200).optional(),
});

/**
 * Moves next year's promotion slots from the last of the ranking to the first (R7). Losers and
 * gainers are taken by position, so ties are settled by the ranking's tie-break (rank with
 * `ties: "ordinal"` and a `tieBreak` to make that explicit). The k-th from the bottom is paired with
 * the k-th from the top: where the loser has no real vacancy, both move rank-level quota instead.
 *
 * @param ranking - last year's ranking from {@link rank}.
 * @param policy - how many lose and gain, the slots, the vacancies and the peer-group field.
 * @returns every move, by peer group, each loser followed by its counterpart, each with its reason.
 * @throws {@link JixiaoError} for a bad policy or ranking.
 * @example
 * ```ts
 * const ranking = rank([90, 85, 80, 75, 70].map((total, i) => ({ subjectId: `p${i + 1}`, total })));
 * reallocatePromotionSlots(ranking, { vacancies: { p4: false } }).map((m) => `${m.subjectId}${m.change > 0 ? "+" : ""}${m.change} ${m.kind}`);
 * //=> ["p5-1 promotion-slot", "p1+1 promotion-slot", "p4-1 rank-quota", "p2+1 rank-quota"]
 * ```
 */
export function reallocatePromotionSlots(ranking: Ranking, policy: PromotionPolicy = {}): PromotionMove[] {
  const p = parseWith(policySchema, policy, "Promotion policy is not valid", ["policy"]) as PromotionPolicy;
  let r = readRanking(ranking);
  if (p.groupBy !== undefined && p.groupBy !== r.groupBy) r = regroup(r, p.groupBy);
  const losers = p.losers ?? 2;
  const gainers = p.gainers ?? 2;
  const slots = p.slots ?? 1;
  const groups = new Map<string | null, RankEntry[]>();
  for (const e of r.entries) {
    const list = groups.get(e.peerGroup);
    if (list) list.push(e);
    else groups.set(e.peerGroup, [e]);
  }
  const moves: PromotionMove[] = [];
  for (const peer of [...groups.keys()].sort(byPeer)) {
    const list = groups.get(peer)!.sort((a, b) => a.position - b.position);
    const n = list.length;
    const bottom = list.slice(Math.max(0, n - losers)).reverse();
    const top = list.slice(0, Math.min(gainers, n - bottom.length));
    bottom.forEach((loser, k) => {
      const vacancy = p.vacancies && Object.prototype.hasOwnProperty.call(p.vacancies, loser.subjectId) ? p.vacancies[loser.subjectId]! : true;
      const kind = vacancy ? "promotion-slot" : "rank-quota";
      const gainer = top[k];
      moves.push({
        subjectId: loser.subjectId,
        peerGroup: peer,
        kind,
        change: -slots,
        position: loser.position,
        reason: { kind: "losesSlot", bottomPlace: k + 1, groupSize: n, peerGroup: peer, vacancy, to: gainer ? person(gainer) : null },
      });
      if (gainer)
        moves.push({
          subjectId: gainer.subjectId,
          peerGroup: peer,
          kind,
          change: slots,
          position: gainer.position,
          reason: { kind: "gainsSlot", position: gainer.position, groupSize: n, peerGroup: peer, vacancy, from: person(loser) },
        });
    });
  }
  return moves;
}

/**
 * {@link reallocatePromotionSlots} without throwing.
 * @param ranking - the ranking.
 * @param policy - the policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeReallocatePromotionSlots(ranking, { slots: 0 }).success;
 * //=> false
 * ```
 */
export function safeReallocatePromotionSlots(ranking: Ranking, policy?: PromotionPolicy): SafeResult<PromotionMove[]> {
  return safely(() => reallocatePromotionSlots(ranking, policy));
}
