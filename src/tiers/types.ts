import type { DecimalInput } from "../core/validate.js";

/**
 * One tier of a {@link TierPolicy}, best tiers first. A tier with a `share` takes that share of its
 * peer group (a quota); a tier with `min` takes who reaches the score; with both, a subject needs
 * the score and a place within the quota. Exactly one tier has neither: it takes the rest. Tiers
 * above it fill from the top, tiers below it from the bottom.
 */
export interface TierRule {
  /** The tier's name (好, 中, 差 …); unique in the policy. */
  readonly name: string;
  /** Share of the peer group, 0 to 1. */
  readonly share?: DecimalInput | undefined;
  /** Lowest score that may enter (inclusive), compared as the policy's `compare` says; only for tiers above the open tier. */
  readonly min?: DecimalInput | undefined;
  /** Fewest subjects the quota gives, after rounding. */
  readonly minCount?: number | undefined;
  /** Most subjects the quota gives, after rounding. */
  readonly maxCount?: number | undefined;
  /** Subjects with any of these flags cannot enter (the 不称职 one-third flag, say). */
  readonly excludeFlags?: readonly string[] | undefined;
  /** Whether a subject with a veto cannot enter (R26: a vetoed unit cannot be excellent). */
  readonly excludeVetoed?: boolean | undefined;
}

/**
 * A tier policy (等次评定办法) as JSON: the tiers, how quota counts are rounded, how ties at a
 * boundary are settled, the peer groups and the veto override.
 */
export interface TierPolicy {
  /** The JSON Schema this document follows, for editors. */
  readonly $schema?: string;
  /** The policy's id. */
  readonly id?: string;
  /** Name for people. */
  readonly name?: string;
  /** Longer description. */
  readonly description?: string;
  /** The tiers, best first. */
  readonly tiers: readonly TierRule[];
  /** How share × group size becomes a count: `floor` (default; ⌊0.4 × n⌋, R28), `round` (half up) or `ceil`. */
  readonly count?: "floor" | "round" | "ceil";
  /**
   * Ties at a boundary: `better` (default) — all who tie go to the better tier, `worse` — all go to
   * the worse tier, `break` — the ranking's order (its tie-break, then id) decides.
   */
  readonly ties?: "better" | "worse" | "break";
  /** The peer-group field (see `RankOptions.groupBy`); the ranking's groups when left out. */
  readonly groupBy?: string;
  /** The tier a vetoed subject goes to, whatever its rank (R26, R27). */
  readonly vetoTier?: string;
  /**
   * Whether a subject placed by the veto counts toward `vetoTier`'s quota (default `true`: one
   * fewer is placed there by rank); `false` places the quota by rank on top of the vetoed.
   */
  readonly vetoCountsInQuota?: boolean;
  /** How scores meet `min`: `exact` (default) or `truncate` (the integer part, as some systems do). */
  readonly compare?: "exact" | "truncate";
}

/** A tier's quota in one peer group. */
export interface TierQuota {
  /** The tier. */
  readonly tier: string;
  /** Its share, as exact decimal text, or `null` for a tier without a share. */
  readonly share: string | null;
  /** share × group size, exact. */
  readonly exact: string | null;
  /** The count after rounding and `minCount`/`maxCount`, or `null` for no quota. */
  readonly quota: number | null;
  /** How many were placed in it. */
  readonly placed: number;
}

/** A veto or a flag as a reason names it: its id, and its name where the scheme or the rule gives one. */
export interface NamedId {
  /** The id. */
  readonly id: string;
  /** The name for people, where one is given; explanations show it instead of the id. */
  readonly name?: string | undefined;
}

/**
 * Why a subject could not enter a better tier, as data: `vetoed` (the tier keeps out the vetoed;
 * the subject's vetoes), `flag` (the tier keeps out a flag the subject has), `quotaFull` (the
 * subject reached the tier's `min`, but the quota was taken by better scores) or `below` (the
 * score is below the tier's `min`). {@link explainTier} words it in Chinese or English.
 */
export type TierBarrier =
  | {
      /** The tier keeps out subjects with a veto (`excludeVetoed`). */
      readonly kind: "vetoed";
      /** The subject's vetoes, with their names where the ranking carries them. */
      readonly vetoes: readonly NamedId[];
    }
  | {
      /** The tier keeps out subjects with this flag (`excludeFlags`). */
      readonly kind: "flag";
      /** The flag's id. */
      readonly id: string;
      /** The flag's name, where the ranking carries one. */
      readonly name?: string | undefined;
    }
  | {
      /** The subject reached the tier's `min`, but not a place within its quota. */
      readonly kind: "quotaFull";
    }
  | {
      /** The score is below the tier's `min`. */
      readonly kind: "below";
      /** The tier's `min`, as exact decimal text. */
      readonly min: string;
      /** The score as compared under `compare: "truncate"` (its integer part), as exact decimal text; absent under `exact`. */
      readonly compared?: string | undefined;
    };

/** Why a subject is in its tier: the numbers that decided it. */
export interface TierReason {
  /** `quota` (within a share), `threshold` (reached `min`), `rest` (the open tier) or `veto` (the veto override). */
  readonly rule: "quota" | "threshold" | "rest" | "veto";
  /** The tier's quota in the group, where it has one. */
  readonly quota?: TierQuota;
  /** How the count was rounded. */
  readonly count?: "floor" | "round" | "ceil";
  /** The `min` reached, and the score compared with it (its integer part under `truncate`). */
  readonly threshold?: {
    /** The tier's `min`, as exact decimal text. */
    readonly min: string;
    /** The subject's score as compared with `min` (its integer part under `truncate`), as exact decimal text. */
    readonly compared: string;
  };
  /** A tie at the tier's boundary (the first 100 others tied) and how it was settled. */
  readonly tie?: {
    /** The ids of the others tied with the subject at the boundary (the first 100). */
    readonly with: readonly string[];
    /** The policy's tie rule that settled it: `better`, `worse` or `break`. */
    readonly rule: "better" | "worse" | "break";
  };
  /** Better tiers the subject could not enter, and why (see {@link TierBarrier}). */
  readonly excluded?: readonly {
    /** The name of the tier the subject could not enter. */
    readonly tier: string;
    /** Why not, as data. */
    readonly because: TierBarrier;
  }[];
  /** The vetoes behind a `veto` placement, with their names where the ranking carries them. */
  readonly vetoes?: readonly NamedId[];
}

/** One subject's tier. */
export interface TierPlacement {
  /** The subject's id. */
  readonly subjectId: string;
  /** The subject's name. */
  readonly name?: string;
  /** The peer group, or `null` for one group. */
  readonly peerGroup: string | null;
  /** The tier. */
  readonly tier: string;
  /** The score ranked. */
  readonly score: number;
  /** The score ranked as exact decimal text (the ranking entry's `exact`): every digit, where `score` may hold fewer. */
  readonly exact: string;
  /** The rank in the peer group. */
  readonly rank: number;
  /** The place after ties are broken. */
  readonly position: number;
  /** The size of the peer group. */
  readonly groupSize: number;
  /** The ids of the subject's flags, carried from the ranking. */
  readonly flags: readonly string[];
  /** Why. */
  readonly reason: TierReason;
}

/** Every subject's tier, with each group's quotas. */
export interface TierAssignment {
  /** The policy's id, where it has one. */
  readonly policy?: string;
  /** The peer-group field, or `null` for one group. */
  readonly groupBy: string | null;
  /** Each peer group with its size and quotas. */
  readonly groups: readonly {
    /** The peer group's value, or `null` for one group. */
    readonly peerGroup: string | null;
    /** How many subjects the peer group has. */
    readonly size: number;
    /** Each tier's quota in the peer group, in the policy's order. */
    readonly tiers: readonly TierQuota[];
  }[];
  /** Each subject's placement, by peer group and position. */
  readonly placements: readonly TierPlacement[];
}
