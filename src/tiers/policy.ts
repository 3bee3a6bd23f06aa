import { made, madeAs } from "../core/snapshot.js";
import { sum, text, toDec } from "../core/decimal.js";
import { safely, type SafeResult } from "../core/errors.js";
import { IssueCode } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { jsonSchemaOf } from "../core/json-schema.js";
import { addIssue, decimal, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import type { TierPolicy, TierRule } from "./types.js";

const tierSchema = z.strictObject({
  name: z.string().min(1).max(100).describe("The tier's name (好, 中, 差 …)."),
  share: decimal({ min: 0, max: 1 }, "Share of the peer group, 0 to 1.").optional(),
  min: decimal({}, "Lowest score that may enter (inclusive).").optional(),
  minCount: z.number().int().min(0).max(10_000_000).describe("Fewest subjects the quota gives.").optional(),
  maxCount: z.number().int().min(0).max(10_000_000).describe("Most subjects the quota gives.").optional(),
  excludeFlags: z.array(z.string().min(1).max(200)).max(100).describe("Flags that keep a subject out.").optional(),
  excludeVetoed: z.boolean().describe("Whether a vetoed subject is kept out.").optional(),
});

/** Whether a tier takes the rest: no share and no threshold. @internal */
export const isOpen = (t: TierRule): boolean => t.share === undefined && t.min === undefined;

/** The tier policy schema. @internal */
export const tierPolicySchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    id: z.string().min(1).max(200).optional(),
    name: z.string().max(200).optional(),
    description: z.string().max(5000).optional(),
    tiers: z.array(tierSchema).min(1).max(50).describe("The tiers, best first."),
    count: z.enum(["floor", "round", "ceil"]).describe("How share × group size becomes a count (default floor).").optional(),
    ties: z.enum(["better", "worse", "break"]).describe("Ties at a boundary (default better).").optional(),
    groupBy: z.string().min(1).max(200).describe("The peer-group field.").optional(),
    vetoTier: z.string().min(1).max(100).describe("The tier a vetoed subject goes to.").optional(),
    vetoCountsInQuota: z.boolean().describe("Whether the vetoed count toward vetoTier's quota (default true).").optional(),
    compare: z.enum(["exact", "truncate"]).describe("How scores meet min (default exact).").optional(),
  })
  .superRefine((p, ctx) => {
    const names = new Map<string, number>();
    p.tiers.forEach((t, i) => {
      if (names.has(t.name)) addIssue(ctx, IssueCode.duplicateId, { key: "tierNameRepeated", name: t.name, first: names.get(t.name)! }, ["tiers", i, "name"]);
      else names.set(t.name, i);
    });
    const open = p.tiers.flatMap((t, i) => (isOpen(t) ? [i] : []));
    if (open.length === 0) addIssue(ctx, IssueCode.invalidRule, { key: "tierNoOpen" }, ["tiers"]);
    for (const i of open.slice(1))
      addIssue(ctx, IssueCode.invalidRule, { key: "tierSecondOpen", first: open[0]! }, ["tiers", i]);
    const openAt = open[0] ?? p.tiers.length;
    const shares = p.tiers.flatMap((t) => (t.share === undefined ? [] : [toDec(t.share)]));
    if (shares.every((s) => s !== undefined)) {
      const total = sum(shares as NonNullable<(typeof shares)[number]>[]);
      if (total.gt(1)) addIssue(ctx, IssueCode.outOfRange, { key: "tierSharesOver", total: text(total) }, ["tiers"]);
    }
    p.tiers.forEach((t, i) => {
      if (t.min !== undefined && i > openAt)
        addIssue(ctx, IssueCode.invalidRule, { key: "tierMinBelowOpen" }, ["tiers", i, "min"]);
      for (const field of ["minCount", "maxCount"] as const)
        if (t[field] !== undefined && t.share === undefined) addIssue(ctx, IssueCode.invalidRule, { key: "tierCountNeedsShare" }, ["tiers", i, field]);
      if (t.minCount !== undefined && t.maxCount !== undefined && t.minCount > t.maxCount)
        addIssue(ctx, IssueCode.invalidRule, { key: "tierMinCountOverMax", minCount: t.minCount, maxCount: t.maxCount }, ["tiers", i, "minCount"]);
    });
    if (p.vetoTier !== undefined && !names.has(p.vetoTier))
      addIssue(ctx, IssueCode.unknownId, { key: "tierVetoTierUnknown", tier: p.vetoTier, tiers: [...names.keys()] }, ["vetoTier"]);
  })
  .describe("A jixiao tier policy (等次评定办法).");

/**
 * Validates a tier policy and returns it frozen. A policy it returned is returned as it is, so
 * defining a policy once and passing it to `assignTiers` many times checks it once.
 *
 * @param policy - the policy, as JSON or as an object.
 * @returns the frozen policy.
 * @throws {@link JixiaoError} listing every issue (two open tiers, shares above 1, an unknown
 * `vetoTier` …), each with its path.
 * @example
 * ```ts
 * defineTierPolicy({ tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1 }] }).tiers.length;
 * //=> 3
 * ```
 */
export function defineTierPolicy(policy: TierPolicy): TierPolicy {
  // A policy it made is already valid and frozen.
  if (madeAs("tierPolicy", policy)) return policy;
  return made("tierPolicy", deepFreeze(parseWith(tierPolicySchema, policy, "Tier policy is not valid") as TierPolicy));
}

/**
 * {@link defineTierPolicy} without throwing.
 * @param policy - the policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineTierPolicy({ tiers: [{ name: "好" }, { name: "差" }] }).success;
 * //=> false
 * ```
 */
export function safeDefineTierPolicy(policy: TierPolicy): SafeResult<TierPolicy> {
  return safely(() => defineTierPolicy(policy));
}

/**
 * The JSON Schema (draft 2020-12) of a tier policy, also published as
 * `docs/schema/tier-policy.schema.json`.
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * tierPolicyJsonSchema().required;
 * //=> ["tiers"]
 * ```
 */
export function tierPolicyJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(tierPolicySchema, "jixiao tier policy");
}
