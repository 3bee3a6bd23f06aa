import { text, toDec, toNumber } from "../core/decimal.js";
import { safely, type SafeResult } from "../core/errors.js";
import { jsonSchemaOf } from "../core/json-schema.js";
import { decimal, dec, idSchema, parseWith, type DecimalInput, want } from "../core/validate.js";
import { z } from "../core/z.js";
import { byPeer, MAX_TIED_LISTED } from "../ranking/order.js";
import type { RankEntry, Ranking } from "../ranking/types.js";
import { readRanking, regroup, sameScore } from "../tiers/assign.js";
import type { DeductionReason, ExemptReason, LastPlaceFlagReason, SpareReason } from "./reasons.js";

/**
 * A last-place deduction policy (末位扣分): the last place loses `deductions[0]` points, the
 * second-last `deductions[1]`, and so on, within peer groups.
 */
export interface LastPlacePolicy {
  /** Points off by place from the bottom: `[1, 0.5]` — 1 for the last, 0.5 for the second-last. */
  readonly deductions: readonly DecimalInput[];
  /** Subjects tied at a place: `all` (default) — each gets that place's deduction; `none` — none of them does. */
  readonly ties?: "all" | "none";
  /** Groups smaller than this are exempt (default 1: no group is). */
  readonly minGroupSize?: number;
  /** The peer-group field; the ranking's groups when left out. */
  readonly groupBy?: string;
  /** Only subjects whose score is below this are deducted. */
  readonly below?: DecimalInput;
  /** Where the points land: `total` (default) or `indicator:<id>`. */
  readonly target?: "total" | `indicator:${string}`;
  /** The words that start each deduction's reason (`月度末位`, say); 末位扣分 / last-place deduction when left out. */
  readonly reason?: string;
  /**
   * A flag for the last place, such as a promotion deferral (R13): `{ "id": "promotion-deferred" }`.
   * Everyone at the last place of a group that is not exempt gets it, deducted or spared.
   */
  readonly flag?: {
    /** The flag's id (`promotion-deferred`, say). */
    readonly id: string;
    /** The flag's name for people. */
    readonly name?: string;
  };
}

/** One subject's last-place deduction. */
export interface LastPlaceDeduction {
  /** The subject's id. */
  readonly subjectId: string;
  /** The peer group, or `null` for one group. */
  readonly peerGroup: string | null;
  /** The place from the bottom: 1 for the last (tied subjects share it). */
  readonly bottomPlace: number;
  /** The size of the peer group. */
  readonly groupSize: number;
  /** The score ranked. */
  readonly score: number;
  /** The score ranked as exact decimal text (the ranking entry's `exact`): every digit, where `score` may hold fewer. */
  readonly exact: string;
  /** Points off. */
  readonly points: number;
  /** Where they land: `total` or `indicator:<id>`. */
  readonly target: "total" | `indicator:${string}`;
  /** Why, as data: the place, the group size and the peer group (see {@link DeductionReason}); `explainReason` words it. */
  readonly reason: DeductionReason;
  /** Others tied at the same place (the first 100). */
  readonly tiedWith: readonly string[];
}

/** The outcome of {@link lastPlaceDeductions}. */
export interface LastPlaceResult {
  /** Each peer group, whether it was exempt, and why. */
  readonly groups: readonly {
    /** The peer group's value, or `null` for one group. */
    readonly peerGroup: string | null;
    /** How many subjects the peer group has. */
    readonly size: number;
    /** Whether the group was exempt for being smaller than `minGroupSize`. */
    readonly exempt: boolean;
    /** Why the group was exempt, where it was: its size and the policy's `minGroupSize`. */
    readonly reason?: ExemptReason;
  }[];
  /** The deductions, by peer group and place. */
  readonly deductions: readonly LastPlaceDeduction[];
  /** The flags raised for the last place. */
  readonly flags: readonly {
    /** The id of the subject flagged. */
    readonly subjectId: string;
    /** The flag's id, from the policy's `flag`. */
    readonly id: string;
    /** The flag's name, from the policy's `flag`. */
    readonly name?: string;
    /** Why: the last place, with the group size and peer group. */
    readonly reason: LastPlaceFlagReason;
  }[];
  /** Subjects passed over because of a tie (`ties: "none"`) or the `below` condition, and why. */
  readonly spared: readonly {
    /** The id of the subject spared. */
    readonly subjectId: string;
    /** The subject's place from the bottom: 1 for the last. */
    readonly bottomPlace: number;
    /** Why it was spared: the tie or the unmet `below` condition, with the numbers. */
    readonly reason: SpareReason;
  }[];
}

/** The last-place policy schema. @internal */
export const lastPlacePolicySchema = z.strictObject({
  deductions: z.array(decimal({ min: 0, above: true })).min(1).max(100).describe("Points off by place from the bottom."),
  ties: z.enum(["all", "none"]).optional(),
  minGroupSize: z.number().int().min(1).max(10_000_000).optional(),
  groupBy: z.string().min(1).max(200).optional(),
  below: decimal().optional(),
  target: z.string().regex(/^(total|indicator:.+)$/, want("penaltyTarget")).max(210).optional(),
  reason: z.string().min(1).max(200).optional(),
  flag: z.strictObject({ id: idSchema, name: z.string().max(200).optional() }).optional(),
}).describe("A jixiao last-place deduction policy (末位扣分).");

/**
 * The JSON Schema (draft 2020-12) of a last-place policy, also published as
 * `docs/schema/last-place-policy.schema.json`.
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * lastPlacePolicyJsonSchema().required;
 * //=> ["deductions"]
 * ```
 */
export function lastPlacePolicyJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(lastPlacePolicySchema, "jixiao last-place policy");
}

/** Places from the bottom (1 = last), tied subjects sharing a place, for the places up to `upTo` only; `worstFirst` is in that order. */
function bottomPlaces(worstFirst: readonly RankEntry[], upTo: number): Map<string, { place: number; tied: string[] }> {
  const out = new Map<string, { place: number; tied: string[] }>();
  let start = 0;
  while (start < worstFirst.length && start < upTo) {
    let end = start;
    while (end + 1 < worstFirst.length && sameScore(worstFirst[end + 1]!, worstFirst[start]!)) end++;
    const listed = worstFirst.slice(start, Math.min(end + 1, start + MAX_TIED_LISTED + 1)).map((e) => e.subjectId);
    for (let i = start; i <= end; i++) {
      const id = worstFirst[i]!.subjectId;
      out.set(id, { place: start + 1, tied: listed.filter((o) => o !== id).slice(0, MAX_TIED_LISTED) });
    }
    start = end + 1;
  }
  return out;
}

/**
 * Last-place deductions (末位扣分) in monthly or quarterly rankings: the last (and second-last …)
 * of each peer group lose points, with explicit rules for ties, small groups and a score
 * condition. Feed the outcome to {@link withPenalties} and score again: the deductions then show in
 * the trace.
 *
 * @param ranking - a ranking from {@link rank}.
 * @param policy - the deductions by place, tie rule, smallest group, peer-group field, condition and target.
 * @returns the deductions, the flags and the exempt groups.
 * @throws {@link JixiaoError} for a bad policy or ranking.
 * @example
 * ```ts
 * const ranking = rank([90, 80, 70, 60, 50].map((total, i) => ({ subjectId: `c${i + 1}`, total })));
 * lastPlaceDeductions(ranking, { deductions: [1, 0.5] }).deductions.map((d) => `${d.subjectId}-${d.points}`);
 * //=> ["c5-1", "c4-0.5"]
 * ```
 */
export function lastPlaceDeductions(ranking: Ranking, policy: LastPlacePolicy): LastPlaceResult {
  const p = parseWith(lastPlacePolicySchema, policy, "Last-place policy is not valid", ["policy"]) as LastPlacePolicy;
  let r = readRanking(ranking);
  if (p.groupBy !== undefined && p.groupBy !== r.groupBy) r = regroup(r, p.groupBy);
  const amounts = p.deductions.map(dec);
  const below = p.below === undefined ? undefined : dec(p.below);
  const target = p.target ?? "total";
  const groups = new Map<string | null, RankEntry[]>();
  for (const e of r.entries) {
    const list = groups.get(e.peerGroup);
    if (list) list.push(e);
    else groups.set(e.peerGroup, [e]);
  }
  const out: { -readonly [K in keyof LastPlaceResult]: LastPlaceResult[K][number][] } = { groups: [], deductions: [], flags: [], spared: [] };
  for (const peer of [...groups.keys()].sort(byPeer)) {
    const list = groups.get(peer)!.sort((a, b) => b.position - a.position); // worst first
    if (list.length < (p.minGroupSize ?? 1)) {
      out.groups.push({ peerGroup: peer, size: list.length, exempt: true, reason: { kind: "smallGroup", size: list.length, minGroupSize: p.minGroupSize! } });
      continue;
    }
    out.groups.push({ peerGroup: peer, size: list.length, exempt: false });
    const places = bottomPlaces(list, amounts.length);
    for (const e of list) {
      const at = places.get(e.subjectId);
      if (!at) continue;
      const { place, tied } = at;
      // R13: the last-ranked is flagged whether or not a deduction applies.
      if (place === 1 && p.flag)
        out.flags.push({
          subjectId: e.subjectId,
          id: p.flag.id,
          ...(p.flag.name !== undefined ? { name: p.flag.name } : {}),
          reason: { kind: "lastPlace", groupSize: list.length, peerGroup: peer },
        });
      if (p.ties === "none" && tied.length > 0) {
        out.spared.push({ subjectId: e.subjectId, bottomPlace: place, reason: { kind: "tiedSpared", tiedWith: tied } });
        continue;
      }
      if (below) {
        const score = toDec(e.exact)!;
        if (!score.lt(below)) {
          out.spared.push({ subjectId: e.subjectId, bottomPlace: place, reason: { kind: "notBelow", score: text(score), below: text(below) } });
          continue;
        }
      }
      out.deductions.push({
        subjectId: e.subjectId,
        peerGroup: peer,
        bottomPlace: place,
        groupSize: list.length,
        score: e.score,
        exact: e.exact,
        points: toNumber(amounts[place - 1]!),
        target,
        reason: { kind: "deducted", ...(p.reason !== undefined ? { label: p.reason } : {}), bottomPlace: place, groupSize: list.length, peerGroup: peer },
        tiedWith: tied,
      });
    }
  }
  return out;
}

/**
 * {@link lastPlaceDeductions} without throwing.
 * @param ranking - the ranking.
 * @param policy - the policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeLastPlaceDeductions(ranking, { deductions: [] }).success;
 * //=> false
 * ```
 */
export function safeLastPlaceDeductions(ranking: Ranking, policy: LastPlacePolicy): SafeResult<LastPlaceResult> {
  return safely(() => lastPlaceDeductions(ranking, policy));
}
