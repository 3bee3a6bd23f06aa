import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { HISTORY_CONDITION_WORDS, TIER_BARRIER_WORDS, type ReasonWords } from "../messages/tiers.js";
import { PENALTY_REASON_WORDS } from "../messages/penalties.js";
import { WORDING, type Locale, type Message } from "../messages/types.js";
import { PENALTY_REASON_SCHEMAS, type PenaltyReason } from "../penalties/reasons.js";
import type { HistoryConditionResult } from "../tiers/history.js";
import type { TierBarrier } from "../tiers/types.js";
import type { ExplainOptions } from "./explain.js";

/**
 * A reason as data, one of: why a subject could not enter a tier ({@link TierBarrier}), why a
 * subject is deducted, flagged or spared, or a group exempt (last place), why promotion slots move,
 * or how a condition of a history rule fared. Each has a `kind` and the numbers behind it.
 */
export type Reason = TierBarrier | PenaltyReason | HistoryConditionResult;

/** The words of every kind of reason, in each language: a missing kind or language is a compile error. @internal */
export const REASON_WORDS: ReasonWords<Reason> = { ...TIER_BARRIER_WORDS, ...PENALTY_REASON_WORDS, ...HISTORY_CONDITION_WORDS };

/** The kinds of reason, for tests and tools: every one is worded in zh-CN and en. @internal */
export const REASON_KINDS = Object.freeze(Object.keys(REASON_WORDS) as Reason["kind"][]);

const named = z.object({ id: z.string(), name: z.string().optional() });
const decimalText = z.string().max(100);
const counted = { passed: z.boolean(), count: z.number().int().min(0), of: z.number().int().min(0) };
const tierList = z.array(z.string()).max(50);

/** The shapes of a tier barrier. @internal */
export const tierBarrierSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("vetoed"), vetoes: z.array(named).max(1000) }),
  z.object({ kind: z.literal("flag"), id: z.string(), name: z.string().optional() }),
  z.object({ kind: z.literal("quotaFull") }),
  z.object({ kind: z.literal("below"), min: decimalText, compared: decimalText.optional() }),
]);

/** The shapes of a history condition's result. @internal */
export const historyConditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("atLeast"), tiers: tierList, atLeast: z.number().int().min(0), ...counted }),
  z.object({ kind: z.literal("atMost"), tiers: tierList, atMost: z.number().int().min(0), ...counted }),
  z.object({ kind: z.literal("atLeastShare"), tiers: tierList, share: decimalText, ...counted }),
  z.object({ kind: z.literal("moreThanShare"), tiers: tierList, share: decimalText, ...counted }),
  z.object({ kind: z.literal("noneBelow"), tier: z.string(), ...counted }),
]);

const reasonSchema = z.discriminatedUnion("kind", [...tierBarrierSchema.options, ...PENALTY_REASON_SCHEMAS, ...historyConditionSchema.options]);
const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional() }).optional();

/** A reason in words, in `locale`, from data already checked. @internal */
export function reasonText(reason: Reason, locale: Locale): string {
  const m = REASON_WORDS[reason.kind] as Message<Reason>;
  return m[locale](reason, WORDING[locale]);
}

/**
 * Words a reason in Chinese (the default) or English, from its data: why a subject could not enter
 * a tier, why it was deducted, flagged or spared at the last place, why a group was exempt, why
 * promotion slots moved, or how a history condition fared. Peer groups, vetoes, flags and people
 * are shown by name where the data carries one.
 *
 * @param reason - a reason from a tier placement's `excluded`, a last-place result, a promotion move or a history check.
 * @param options - the locale: `zh-CN` (default) or `en`.
 * @returns the reason as one line of text.
 * @throws {@link JixiaoError} when `reason` is not a reason or the options are not valid.
 * @example
 * ```ts
 * const r = lastPlaceDeductions(rank([90, 80, 70].map((total, i) => ({ subjectId: `c${i + 1}`, total }))), { deductions: [1] });
 * explainReason(r.deductions[0].reason);
 * //=> "末位扣分：同组 3 人中排末位"
 * explainReason(r.deductions[0].reason, { locale: "en" });
 * //=> "last-place deduction: last of 3"
 * ```
 */
export function explainReason(reason: Reason, options?: ExplainOptions): string {
  const r = parseWith(reasonSchema, reason, "Not a reason") as Reason;
  const locale = parseWith(optionsSchema, options, "Explain options are not valid", ["options"])?.locale ?? "zh-CN";
  return reasonText(r, locale);
}
