import { toDec } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, type Issue } from "../core/errors.js";
import { addIssue, idSchema, parseWith, want } from "../core/validate.js";
import { z } from "../core/z.js";
import { byText } from "../core/order.js";
import { readShare } from "../methods/votes.js";

/** One subject's tier in one period. */
export interface TierRecord {
  /** The subject's id. */
  readonly subjectId: string;
  /** The period: a year (`2024`) or any period key (`2024-Q3`). */
  readonly period: string;
  /** The tier placed in. */
  readonly tier: string;
}

const recordsSchema = z.array(z.strictObject({ subjectId: idSchema, period: z.string().min(1).max(40), tier: z.string().min(1).max(100) })).max(10_000_000);

/** Records by subject, each subject's by period; duplicates reported. */
function bySubject(history: readonly TierRecord[]): Map<string, Map<string, string>> {
  const issues: Issue[] = [];
  const out = new Map<string, Map<string, string>>();
  history.forEach((r, i) => {
    const periods = out.get(r.subjectId) ?? new Map<string, string>();
    if (periods.has(r.period)) issues.push(issue(IssueCode.duplicateId, [i, "period"], { key: "historyPeriodRepeated", subjectId: r.subjectId, period: r.period }));
    periods.set(r.period, r.tier);
    out.set(r.subjectId, periods);
  });
  if (issues.length > 0) throw new JixiaoError(issues, "History is not valid");
  return out;
}

/** Options for {@link consecutiveTier}. */
export interface ConsecutiveTierOptions {
  /** The tier (差, say). */
  readonly tier: string;
  /** How many consecutive years, at least 1. */
  readonly years: number;
  /** The last year of the run (`2024`); the latest year in the history when left out. */
  readonly asOf?: string;
}

/** A subject in the same tier for the consecutive years asked about. */
export interface ConsecutiveTierHit {
  /** The subject's id. */
  readonly subjectId: string;
  /** The tier. */
  readonly tier: string;
  /** The years of the run, oldest first. */
  readonly periods: readonly string[];
}

const consecutiveSchema = z.strictObject({
  tier: z.string().min(1).max(100),
  years: z.number().int().min(1).max(100),
  asOf: z.string().regex(/^\d{4}$/, want("year")).optional(),
});

/**
 * Lists who was in a tier for N consecutive years up to `asOf` (R13: a cadre in the bottom
 * segment for N consecutive years may be adjusted as unfit for the post).
 *
 * @param history - tiers by subject and year (`period` is a four-digit year).
 * @param options - the tier, the number of years and the last year.
 * @returns the subjects who qualify, by id, with the years.
 * @throws {@link JixiaoError} for bad records, a period that is not a year, or one subject's year given twice.
 * @example
 * ```ts
 * consecutiveTier(
 *   [{ subjectId: "c1", period: "2023", tier: "差" }, { subjectId: "c1", period: "2024", tier: "差" }],
 *   { tier: "差", years: 2 },
 * ).map((h) => h.subjectId);
 * //=> ["c1"]
 * ```
 */
export function consecutiveTier(history: readonly TierRecord[], options: ConsecutiveTierOptions): ConsecutiveTierHit[] {
  const opts = parseWith(consecutiveSchema, options, "Options are not valid", ["options"]);
  const records = parseWith(recordsSchema, history, "History is not valid");
  const notYears = records.flatMap((r, i) => (/^\d{4}$/.test(r.period) ? [] : [issue(IssueCode.invalidValue, [i, "period"], { key: "historyPeriodNotYear", period: r.period })]));
  if (notYears.length > 0) throw new JixiaoError(notYears, "History is not valid");
  const last = Number(opts.asOf ?? records.reduce((m, r) => (r.period > m ? r.period : m), "0000"));
  const years = Array.from({ length: opts.years }, (_, i) => String(last - opts.years + 1 + i));
  const out: ConsecutiveTierHit[] = [];
  for (const [subjectId, periods] of bySubject(records))
    if (years.every((y) => periods.get(y) === opts.tier)) out.push({ subjectId, tier: opts.tier, periods: years });
  return out.sort((a, b) => byText(a.subjectId, b.subjectId));
}

/**
 * A condition of a {@link HistoryRule}: how often a subject was in some tiers (give exactly one of
 * `atLeast`, `atMost`, `atLeastShare`, `moreThanShare`), or that it was never below a tier.
 */
export interface HistoryCondition {
  /** The tiers counted together. */
  readonly tiers?: readonly string[];
  /** At least this many periods in them. */
  readonly atLeast?: number;
  /** At most this many periods in them. */
  readonly atMost?: number;
  /** At least this share of the periods in them (a decimal or `"1/2"`). */
  readonly atLeastShare?: number | string;
  /** More than this share of the periods in them (`0.5` for "more than half"). */
  readonly moreThanShare?: number | string;
  /** No period in a tier worse than this one (in the rule's `order`). */
  readonly noneBelow?: string;
}

/**
 * A rule over a subject's tiers across periods, as policy (e.g. annual eligibility: "好 in more than
 * half of the quarters and none below 中").
 */
export interface HistoryRule {
  /** Every tier, best first. */
  readonly order: readonly string[];
  /** The periods that count; each subject must have all of them. Every period a subject has when left out. */
  readonly periods?: readonly string[];
  /** Conditions that must all hold. */
  readonly all: readonly HistoryCondition[];
}

/** Whether a condition of a {@link HistoryRule} held for a subject, and the count behind it. */
export interface HistoryCount {
  /** Whether the condition held. */
  readonly passed: boolean;
  /** How many periods were in the condition's tiers (for `noneBelow`, how many were below its tier). */
  readonly count: number;
  /** How many periods were counted: the rule's `periods`, or every period the subject has. */
  readonly of: number;
}

/**
 * One condition of a {@link HistoryRule} as checked for a subject, as data: its kind and limit
 * (`atLeast`, `atMost`, `atLeastShare`, `moreThanShare` with the tiers counted, or `noneBelow` with
 * its tier), whether it held and the count behind it. {@link explainHistoryCheck} words it.
 */
export type HistoryConditionResult =
  | (HistoryCount & {
      /** At least `atLeast` periods in `tiers`. */
      readonly kind: "atLeast";
      /** The tiers counted together. */
      readonly tiers: readonly string[];
      /** The fewest periods asked for. */
      readonly atLeast: number;
    })
  | (HistoryCount & {
      /** At most `atMost` periods in `tiers`. */
      readonly kind: "atMost";
      /** The tiers counted together. */
      readonly tiers: readonly string[];
      /** The most periods allowed. */
      readonly atMost: number;
    })
  | (HistoryCount & {
      /** At least `share` of the periods in `tiers`. */
      readonly kind: "atLeastShare";
      /** The tiers counted together. */
      readonly tiers: readonly string[];
      /** The share, as the rule gives it (`0.5`, `1/2`). */
      readonly share: string;
    })
  | (HistoryCount & {
      /** More than `share` of the periods in `tiers`. */
      readonly kind: "moreThanShare";
      /** The tiers counted together. */
      readonly tiers: readonly string[];
      /** The share, as the rule gives it (`0.5`, `1/2`). */
      readonly share: string;
    })
  | (HistoryCount & {
      /** No period in a tier worse than `tier`. */
      readonly kind: "noneBelow";
      /** The worst tier allowed. */
      readonly tier: string;
    });

/** How a subject fared under a {@link HistoryRule}. */
export interface HistoryCheck {
  /** The subject's id. */
  readonly subjectId: string;
  /** Whether every condition held. */
  readonly passed: boolean;
  /** Periods the rule asked for that the subject lacks (it fails if any). */
  readonly missing: readonly string[];
  /** Each condition, in the rule's order: what it asks, whether it held, with the count behind it. */
  readonly conditions: readonly HistoryConditionResult[];
}

const ruleSchema = z
  .strictObject({
    order: z.array(z.string().min(1).max(100)).min(1).max(50),
    periods: z.array(z.string().min(1).max(40)).min(1).max(1000).optional(),
    all: z
      .array(
        z.strictObject({
          tiers: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
          atLeast: z.number().int().min(0).optional(),
          atMost: z.number().int().min(0).optional(),
          atLeastShare: z.union([z.number().min(0).max(1), z.string().max(40)], { error: want("shareZeroOne") }).optional(),
          moreThanShare: z.union([z.number().min(0).max(1), z.string().max(40)], { error: want("shareZeroOne") }).optional(),
          noneBelow: z.string().min(1).max(100).optional(),
        }),
      )
      .min(1)
      .max(50),
  })
  .superRefine((rule, ctx) => {
    const known = new Set(rule.order);
    rule.all.forEach((c, i) => {
      const counts = [c.atLeast, c.atMost, c.atLeastShare, c.moreThanShare].filter((v) => v !== undefined).length;
      if (c.noneBelow !== undefined) {
        if (counts > 0 || c.tiers) addIssue(ctx, IssueCode.invalidRule, { key: "historyNoneBelowAlone" }, ["all", i]);
        else if (!known.has(c.noneBelow)) addIssue(ctx, IssueCode.unknownId, { key: "historyTierNotInOrder", tier: c.noneBelow }, ["all", i, "noneBelow"]);
        return;
      }
      if (!c.tiers || counts !== 1) addIssue(ctx, IssueCode.invalidRule, { key: "historyConditionShape" }, ["all", i]);
      for (const t of c.tiers ?? []) if (!known.has(t)) addIssue(ctx, IssueCode.unknownId, { key: "historyTierNotInOrder", tier: t }, ["all", i, "tiers"]);
      for (const key of ["atLeastShare", "moreThanShare"] as const) {
        const v = c[key];
        const share = v === undefined ? undefined : readShare(v);
        if (v !== undefined && (!share || share.num.gt(share.den) || share.num.isNegative()))
          addIssue(ctx, IssueCode.invalidNumber, { key: "historyShare" }, ["all", i, key]);
      }
    });
  });

/**
 * Checks each subject's tiers across periods against a rule — the annual eligibility drawn from
 * the quarters, as policy rather than code.
 *
 * @param history - tiers by subject and period.
 * @param rule - the tier order, the periods that count and the conditions.
 * @returns each subject's check, by id.
 * @throws {@link JixiaoError} for bad records, a bad rule, or a tier the rule's order does not know.
 * @example
 * ```ts
 * const quarters = ["好", "好", "好", "中"].map((tier, q) => ({ subjectId: "c1", period: `2024-Q${q + 1}`, tier }));
 * checkHistory(quarters, { order: ["好", "中", "差"], all: [{ tiers: ["好"], moreThanShare: 0.5 }, { noneBelow: "中" }] })[0].passed;
 * //=> true
 * ```
 */
export function checkHistory(history: readonly TierRecord[], rule: HistoryRule): HistoryCheck[] {
  const r = parseWith(ruleSchema, rule, "History rule is not valid", ["rule"]) as HistoryRule;
  const records = parseWith(recordsSchema, history, "History is not valid");
  const rankOf = new Map(r.order.map((t, i) => [t, i]));
  const unknown = records.flatMap((rec, i) => (rankOf.has(rec.tier) ? [] : [issue(IssueCode.unknownId, [i, "tier"], { key: "historyUnknownTier", tier: rec.tier.slice(0, 40), order: r.order })]));
  if (unknown.length > 0) throw new JixiaoError(unknown, "History is not valid");
  const out: HistoryCheck[] = [];
  for (const [subjectId, periods] of bySubject(records)) {
    const counted = r.periods ?? [...periods.keys()];
    const missing = counted.filter((p) => !periods.has(p));
    const tiers = counted.flatMap((p) => (periods.has(p) ? [periods.get(p)!] : []));
    const of = counted.length;
    const conditions = r.all.map((c): HistoryConditionResult => {
      if (c.noneBelow !== undefined) {
        const worst = rankOf.get(c.noneBelow)!;
        const count = tiers.filter((t) => rankOf.get(t)! > worst).length;
        return { kind: "noneBelow", tier: c.noneBelow, passed: count === 0, count, of };
      }
      const counted = c.tiers!;
      const count = tiers.filter((t) => counted.includes(t)).length;
      const share = (v: number | string) => readShare(v)!;
      if (c.atLeast !== undefined) return { kind: "atLeast", tiers: counted, atLeast: c.atLeast, passed: count >= c.atLeast, count, of };
      if (c.atMost !== undefined) return { kind: "atMost", tiers: counted, atMost: c.atMost, passed: count <= c.atMost, count, of };
      if (c.atLeastShare !== undefined) {
        const s = share(c.atLeastShare);
        return { kind: "atLeastShare", tiers: counted, share: String(c.atLeastShare), passed: toDec(count)!.times(s.den).gte(s.num.times(of)), count, of };
      }
      const s = share(c.moreThanShare!);
      return { kind: "moreThanShare", tiers: counted, share: String(c.moreThanShare), passed: toDec(count)!.times(s.den).gt(s.num.times(of)), count, of };
    });
    out.push({ subjectId, passed: missing.length === 0 && conditions.every((c) => c.passed), missing, conditions });
  }
  return out.sort((a, b) => byText(a.subjectId, b.subjectId));
}
