import { parseWith } from "../core/validate.js";
import { exactAgrees, numberText } from "../core/exact.js";
import { z } from "../core/z.js";
import { HISTORY_LINES, nameOf, TIER_LINES } from "../messages/tiers.js";
import type { HistoryCheck } from "../tiers/history.js";
import type { TierPlacement } from "../tiers/types.js";
import type { ExplainOptions } from "./explain.js";
import { historyConditionSchema, reasonText, tierBarrierSchema } from "./reasons.js";

const named = z.object({ id: z.string(), name: z.string().optional() });
const placementSchema = z.object({
  subjectId: z.string(),
  name: z.string().optional(),
  peerGroup: z.string().nullable(),
  tier: z.string(),
  score: z.number(),
  exact: z.string().max(100).optional(),
  rank: z.number(),
  groupSize: z.number(),
  reason: z.object({
    rule: z.enum(["quota", "threshold", "rest", "veto"]),
    quota: z.object({ tier: z.string(), share: z.string().nullable(), exact: z.string().nullable(), quota: z.number().nullable(), placed: z.number() }).optional(),
    count: z.enum(["floor", "round", "ceil"]).optional(),
    threshold: z.object({ min: z.string(), compared: z.string() }).optional(),
    tie: z.object({ with: z.array(z.string()), rule: z.enum(["better", "worse", "break"]) }).optional(),
    excluded: z.array(z.object({ tier: z.string(), because: tierBarrierSchema })).optional(),
    vetoes: z.array(named).optional(),
  }),
}).superRefine(exactAgrees("score"));
const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional() }).optional();

const localeOf = (options: ExplainOptions | undefined) => parseWith(optionsSchema, options, "Explain options are not valid", ["options"])?.locale ?? "zh-CN";

/**
 * Explains a tier placement to the person placed: the rank in the peer group, the quota and how it
 * was rounded, the threshold, the tie at the boundary and how it was settled, the tiers the subject
 * could not enter and why, or the veto. Vetoes and flags are shown by their names where the
 * ranking carries them (a score result's vetoes carry the scheme's names), by id otherwise.
 *
 * @param placement - a placement from {@link assignTiers}.
 * @param options - the locale: `zh-CN` (default) or `en`.
 * @returns the explanation, one line per point.
 * @throws {@link JixiaoError} when `placement` is not a tier placement.
 * @example
 * ```ts
 * explainTier(assignTiers(ranking, policy).placements[0], { locale: "en" }).split("\n")[0];
 * //=> 'c1 is placed in "好"'
 * // A subject with the scheme's veto 违纪违法 (id discipline), and vetoTier 差:
 * explainTier(placement).split("\n")[2];
 * //=> "有否决项（违纪违法），直接归入「差」"
 * ```
 */
export function explainTier(placement: TierPlacement, options?: ExplainOptions): string {
  const p = parseWith(placementSchema, placement, "Not a tier placement");
  const locale = localeOf(options);
  const w = TIER_LINES[locale];
  const r = p.reason;
  const lines = [w.placed(w.who(p.subjectId, p.name), p.tier), w.rank(p.peerGroup, p.groupSize, p.rank, p.exact ?? numberText(p.score))];
  for (const e of r.excluded ?? []) lines.push(w.excluded(e.tier, reasonText(e.because, locale)));
  const q = r.quota;
  if (r.rule === "veto") lines.push(w.veto((r.vetoes ?? []).map(nameOf), p.tier));
  else if (r.rule === "rest") lines.push(w.rest(p.tier));
  if (r.rule === "quota" && q && q.exact !== null)
    lines.push(w.quota({ tier: p.tier, share: q.share, size: p.groupSize, exact: q.exact, count: r.count ?? "floor", quota: q.quota, placed: q.placed }));
  if (r.threshold) lines.push(w.threshold(p.tier, r.threshold.min, r.threshold.compared));
  if (r.tie) lines.push(w.tie(r.tie.with, r.tie.rule));
  return lines.join("\n");
}

const checkSchema = z.object({
  subjectId: z.string(),
  passed: z.boolean(),
  missing: z.array(z.string()).max(1000),
  conditions: z.array(historyConditionSchema).max(50),
});

/**
 * Explains a subject's history check: whether it passed the rule, the periods it lacks, and each
 * condition with its count and limit (`4 个期间中有 3 个为「好」，要求超过 0.5：符合`).
 *
 * @param check - one check from {@link checkHistory}.
 * @param options - the locale: `zh-CN` (default) or `en`.
 * @returns the explanation, one line per point.
 * @throws {@link JixiaoError} when `check` is not a history check.
 * @example
 * ```ts
 * const quarters = ["好", "好", "好", "中"].map((tier, q) => ({ subjectId: "c1", period: `2024-Q${q + 1}`, tier }));
 * const [check] = checkHistory(quarters, { order: ["好", "中", "差"], all: [{ tiers: ["好"], moreThanShare: 0.5 }, { noneBelow: "中" }] });
 * explainHistoryCheck(check);
 * //=> "c1：符合规则\n4 个期间中有 3 个为「好」，要求超过 0.5：符合\n4 个期间中有 0 个低于「中」，要求没有：符合"
 * explainHistoryCheck(check, { locale: "en" }).split("\n")[1];
 * //=> "3 of 4 periods in 好, more than 0.5 of them required: met"
 * ```
 */
export function explainHistoryCheck(check: HistoryCheck, options?: ExplainOptions): string {
  const c = parseWith(checkSchema, check, "Not a history check");
  const locale = localeOf(options);
  const w = HISTORY_LINES[locale];
  const lines = [w.result(c.subjectId, c.passed)];
  if (c.missing.length > 0) lines.push(w.missing(c.missing));
  for (const condition of c.conditions) lines.push(reasonText(condition, locale));
  return lines.join("\n");
}
