import { z } from "../core/z.js";
import { decimal, parseWith, type DecimalInput } from "../core/validate.js";
import type { Ranking } from "../ranking/types.js";
import { assignTiers } from "./assign.js";
import type { TierPlacement } from "./types.js";

/** Options for {@link eligiblePool}. */
export interface PoolOptions {
  /** The top share of each peer group that is eligible (0.3 for the "five stars", R23). */
  readonly share: DecimalInput;
  /** How share × group size becomes a count: `floor` (default), `round` or `ceil`. */
  readonly count?: "floor" | "round" | "ceil";
  /** Ties at the boundary: `better` (default, all tied are in), `worse` (none tied are in), `break`. */
  readonly ties?: "better" | "worse" | "break";
  /** The peer-group field; the ranking's groups when left out. */
  readonly groupBy?: string;
  /** Whether a subject with a veto is kept out of the pool. */
  readonly excludeVetoed?: boolean;
  /** Subjects with any of these flags are kept out of the pool. */
  readonly excludeFlags?: readonly string[];
}

const optionsSchema = z.strictObject({
  share: decimal({ min: 0, max: 1 }),
  count: z.enum(["floor", "round", "ceil"]).optional(),
  ties: z.enum(["better", "worse", "break"]).optional(),
  groupBy: z.string().min(1).max(200).optional(),
  excludeVetoed: z.boolean().optional(),
  excludeFlags: z.array(z.string().min(1).max(200)).max(100).optional(),
});

/**
 * The eligible pool at the top of each peer group — the top 30% of a quarter's ranking from which
 * the "five stars" are chosen (R23). The same quota and tie rules as {@link assignTiers}.
 *
 * @param ranking - a ranking from {@link rank}.
 * @param options - the share, count rounding, tie rule and peer-group field.
 * @returns the placements of those in the pool, by peer group and position.
 * @throws {@link JixiaoError} for bad options or ranking.
 * @example
 * ```ts
 * eligiblePool(rank([95, 90, 85, 80].map((total, i) => ({ subjectId: `c${i + 1}`, total }))), { share: 0.3 })
 *   .map((p) => p.subjectId);
 * //=> ["c1"]
 * ```
 */
export function eligiblePool(ranking: Ranking, options: PoolOptions): TierPlacement[] {
  const o = parseWith(optionsSchema, options, "Pool options are not valid", ["options"]);
  const assignment = assignTiers(ranking, {
    tiers: [
      {
        name: "pool",
        share: o.share,
        ...(o.excludeVetoed !== undefined ? { excludeVetoed: o.excludeVetoed } : {}),
        ...(o.excludeFlags ? { excludeFlags: o.excludeFlags } : {}),
      },
      { name: "rest" },
    ],
    ...(o.count ? { count: o.count } : {}),
    ...(o.ties ? { ties: o.ties } : {}),
    ...(o.groupBy ? { groupBy: o.groupBy } : {}),
  });
  return assignment.placements.filter((p) => p.tier === "pool");
}
