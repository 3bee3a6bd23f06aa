import type { Issue } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import type { Flag, MethodType } from "../methods/index.js";

/** One indicator's score. */
export interface IndicatorResult {
  /** The indicator's id. */
  readonly id: string;
  /** The indicator's name. */
  readonly name?: string;
  /** The id of its group. */
  readonly group: string;
  /** Its scoring method. */
  readonly method: MethodType;
  /** Its points (分值). */
  readonly points: number;
  /** Whether it applied to the subject. */
  readonly applicable: boolean;
  /** The raw value as given. */
  readonly value: unknown;
  /** Share of the points earned (before rounding), or `null` where not applicable. */
  readonly fraction: number | null;
  /** Points earned, rounded where the scheme says, after any bonus or deduction items aimed at it. */
  readonly earned: number;
  /**
   * `earned` as exact decimal text: every digit, where the number may hold fewer (more than 15
   * significant digits, an unrounded quotient). `0` where not applicable.
   */
  readonly exact: string;
  /** Bonus (positive) and deduction (negative) items aimed at this indicator, as given. */
  readonly adjustments?: readonly AdjustmentItemResult[];
}

/** One group's score. */
export interface GroupResult {
  /** The group's id. */
  readonly id: string;
  /** The group's name. */
  readonly name?: string;
  /** Its points (分值). */
  readonly points: number;
  /** Points of its indicators that applied (应得分). */
  readonly applicablePoints: number;
  /** Points earned (实得分), rounded where the scheme says. */
  readonly earned: number;
  /** `earned` as exact decimal text: every digit, where the number may hold fewer. */
  readonly exact: string;
}

/** One bonus or deduction item as applied. */
export interface AdjustmentItemResult {
  /** Its points. */
  readonly points: number;
  /** Why. */
  readonly reason: string;
  /** The reference given with it. */
  readonly ref?: string;
  /** The indicator it landed on, when it did not land on the total. */
  readonly indicator?: string;
}

/** A subject's bonus or deduction list as applied to the total. */
export interface AdjustmentResult {
  /** The items given for the total (items aimed at an indicator are on that indicator). */
  readonly items: readonly AdjustmentItemResult[];
  /** Their sum. */
  readonly requested: number;
  /** The cap, or `null` for none. */
  readonly cap: number | null;
  /** What was applied: the sum, limited by the cap. */
  readonly applied: number;
  /** `applied` as exact decimal text: every digit, where the number may hold fewer. */
  readonly exact: string;
}

/** A veto the subject has. */
export interface VetoResult {
  /** The veto's id. */
  readonly id: string;
  /** The veto's name. */
  readonly name?: string;
  /** What it did. */
  readonly effect: "zero" | "cap" | "flag";
  /** Why, as given with the subject. */
  readonly reason?: string;
}

/** The score of one subject under a scheme, with the trace that explains it. */
export interface ScoreResult {
  /** The scheme's id. */
  readonly schemeId: string;
  /** The subject's id. */
  readonly subjectId: string;
  /** The subject's name. */
  readonly name?: string;
  /** The subject's peer group. */
  readonly group?: string;
  /** The subject's attributes, as given. */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  /** The final score, after conversion, adjustments, vetoes and rounding. */
  readonly total: number;
  /**
   * The total as exact decimal text. `total` is the number nearest to it, which is the total
   * itself up to 15 significant digits; beyond (totals of 16 to 18 digits, allowed up to 10^18,
   * or an unrounded quotient) only this text has every digit. {@link rank} compares it, so
   * 100000000000000001 ranks above 100000000000000000; print it where people read the total.
   * @example
   * ```ts
   * const big = defineScheme({ id: "big", full: "1e18", groups: [{ id: "g", points: "1e18", indicators: [
   *   { id: "x", points: "1e18", method: { type: "direct" } }] }] });
   * const r = score(big, { id: "a", values: { x: "100000000000000001" } });
   * [r.total, r.exact];
   * //=> [100000000000000000, "100000000000000001"]
   * ```
   */
  readonly exact: string;
  /** The sum of the groups, converted over the applicable points where the scheme says. */
  readonly base: number;
  /** The scheme's full score (满分). */
  readonly full: number;
  /** Points of the indicators that applied (应得分). */
  readonly applicablePoints: number;
  /** Each group, in scheme order. */
  readonly groups: readonly GroupResult[];
  /** Each indicator, in scheme order. */
  readonly indicators: readonly IndicatorResult[];
  /** The bonus list as applied. */
  readonly bonus: AdjustmentResult;
  /** The deduction list as applied. */
  readonly deductions: AdjustmentResult;
  /** The vetoes the subject has. */
  readonly vetoes: readonly VetoResult[];
  /** Flags raised by methods (votes), by `flag` vetoes and given with the subject, for the tier rules. */
  readonly flags: readonly Flag[];
  /** Every step of the calculation, in order. */
  readonly trace: readonly TraceStep[];
  /**
   * Values scored as given that look like they are in another unit — a ratio such as 0.965 where
   * the indicator takes percents such as 96.5, or the reverse — each an `implausible_value` issue
   * at `["values", <indicator id>]`, in scheme order; {@link formatIssues} words them. Present only
   * when there is one. The rules are in the scoring guide ("Units and warnings").
   * @example
   * ```ts
   * const r = score(county361Example, { id: "c001", values: { attendance: 2, study: "良", political: 88,
   *   collection: 0.965, backlog: 3, grabbed: 7.2 } });
   * r.warnings?.map((w) => w.code);
   * //=> ["implausible_value"]
   * ```
   */
  readonly warnings?: readonly Issue[];
}

/** Options for {@link score} and {@link scoreAll}. */
export interface ScoreOptions {
  /**
   * What a missing value (an indicator the subject's `values` does not name) means: `error`
   * (default) reports it, `not-applicable` treats it as not applicable, `zero` scores the indicator 0.
   */
  readonly missing?: "error" | "not-applicable" | "zero" | undefined;
}
