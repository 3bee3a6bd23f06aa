import { z } from "../core/z.js";
import type { NamedId } from "../tiers/types.js";

/**
 * Why a subject loses points (末位扣分): its place from the bottom of its peer group, and the
 * policy's own words for the deduction where it gives them.
 */
export interface DeductionReason {
  /** A last-place deduction. */
  readonly kind: "deducted";
  /** The policy's `reason` (`月度末位`, say), where it gives one; the words say 末位扣分 / last-place deduction otherwise. */
  readonly label?: string | undefined;
  /** The place from the bottom: 1 for the last. */
  readonly bottomPlace: number;
  /** The size of the peer group. */
  readonly groupSize: number;
  /** The peer group, or `null` for one group. */
  readonly peerGroup: string | null;
}

/** Why a subject is flagged by a last-place policy: it is the last of its peer group. */
export interface LastPlaceFlagReason {
  /** The last of the peer group. */
  readonly kind: "lastPlace";
  /** The size of the peer group. */
  readonly groupSize: number;
  /** The peer group, or `null` for one group. */
  readonly peerGroup: string | null;
}

/**
 * Why a subject at a deducted place is spared: `tiedSpared` (tied with others, and the policy's
 * `ties` is `none`) or `notBelow` (its score is not below the policy's `below`).
 */
export type SpareReason =
  | {
      /** Tied at its place, and the policy deducts no one tied (`ties: "none"`). */
      readonly kind: "tiedSpared";
      /** The ids of the others tied at the place (the first 100). */
      readonly tiedWith: readonly string[];
    }
  | {
      /** The score is not below the policy's `below`. */
      readonly kind: "notBelow";
      /** The score, as exact decimal text. */
      readonly score: string;
      /** The policy's `below`, as exact decimal text. */
      readonly below: string;
    };

/** Why a peer group is exempt from last-place deductions: it is smaller than the policy's `minGroupSize`. */
export interface ExemptReason {
  /** A group smaller than `minGroupSize`. */
  readonly kind: "smallGroup";
  /** The size of the group. */
  readonly size: number;
  /** The policy's `minGroupSize`. */
  readonly minGroupSize: number;
}

/**
 * Why promotion slots (or rank-level quota) move (R7): `losesSlot` for the k-th from the bottom,
 * with whether it has a real vacancy and who receives what it loses; `gainsSlot` for the k-th from
 * the top, with whom it receives from.
 */
export type PromotionReason =
  | {
      /** One of the last: loses slots. */
      readonly kind: "losesSlot";
      /** The place from the bottom: 1 for the last. */
      readonly bottomPlace: number;
      /** The size of the peer group. */
      readonly groupSize: number;
      /** The peer group, or `null` for one group. */
      readonly peerGroup: string | null;
      /** Whether the subject has a real vacancy: `false` moves rank-level quota (职级职数) instead of slots. */
      readonly vacancy: boolean;
      /** Who receives what it loses (id and name), or `null` when no one at the top is left to. */
      readonly to: NamedId | null;
    }
  | {
      /** One of the first: receives what a loser loses. */
      readonly kind: "gainsSlot";
      /** The position in the group: 1 for the first. */
      readonly position: number;
      /** The size of the peer group. */
      readonly groupSize: number;
      /** The peer group, or `null` for one group. */
      readonly peerGroup: string | null;
      /** Whether the loser has a real vacancy: `false` moves rank-level quota (职级职数) instead of slots. */
      readonly vacancy: boolean;
      /** Whom it receives from (id and name). */
      readonly from: NamedId;
    };

/** Every reason of a last-place result and of promotion moves; `explainReason` words each. */
export type PenaltyReason = DeductionReason | LastPlaceFlagReason | SpareReason | ExemptReason | PromotionReason;

const size = z.number().int().min(1).max(2_000_000);
const peerGroup = z.string().nullable();
const person = z.object({ id: z.string(), name: z.string().optional() });

/** A deduction's reason, as `withPenalties` and `explainReason` read it. @internal */
export const deductionReasonSchema = z.object({ kind: z.literal("deducted"), label: z.string().max(200).optional(), bottomPlace: size, groupSize: size, peerGroup });
/** A last-place flag's reason. @internal */
export const lastPlaceFlagReasonSchema = z.object({ kind: z.literal("lastPlace"), groupSize: size, peerGroup });

/** Every penalty reason's shape, by kind. @internal */
export const PENALTY_REASON_SCHEMAS = [
  deductionReasonSchema,
  lastPlaceFlagReasonSchema,
  z.object({ kind: z.literal("tiedSpared"), tiedWith: z.array(z.string()).max(1000) }),
  z.object({ kind: z.literal("notBelow"), score: z.string().max(100), below: z.string().max(100) }),
  z.object({ kind: z.literal("smallGroup"), size: size, minGroupSize: size }),
  z.object({ kind: z.literal("losesSlot"), bottomPlace: size, groupSize: size, peerGroup, vacancy: z.boolean(), to: person.nullable() }),
  z.object({ kind: z.literal("gainsSlot"), position: size, groupSize: size, peerGroup, vacancy: z.boolean(), from: person }),
] as const;
