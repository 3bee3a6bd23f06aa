import { z } from "../core/z.js";
import { decimal, idSchema, namedRecord, type DecimalInput, want } from "../core/validate.js";
import { MAX_ADJUSTMENTS, MAX_FLAGS, MAX_VETOES } from "../core/limits.js";

/** A value that marks an indicator as not applicable to the subject (`null` does the same). */
export interface NotApplicable {
  /** Always `true`. */
  readonly na: true;
  /** Why it does not apply. */
  readonly reason?: string;
}

/**
 * An indicator's value for one subject: a number or decimal text (completion, band, steps, rank,
 * deduction and bonus counts, direct scores), a grade name, vote counts by grade (votes), anything a
 * custom function takes, or `null` / `{ "na": true }` for not applicable.
 */
export type IndicatorValue = number | string | null | NotApplicable | Readonly<Record<string, number | string>> | unknown;

/** One item of a subject's bonus (加分) or deduction (减分) list. */
export interface AdjustmentItem {
  /** Points, more than 0. */
  readonly points: DecimalInput;
  /** Why (创新, 差错 …). */
  readonly reason: string;
  /** A reference to the record behind it (document number, …). */
  readonly ref?: string;
  /**
   * The id of an indicator the item lands on instead of the total: a bonus raises that indicator's
   * score up to its points, a deduction lowers it down to 0. Such items are outside the scheme's
   * bonus and deduction caps.
   */
  readonly indicator?: string;
}

/** A flag given with the subject (decided elsewhere, such as a last-place promotion deferral). */
export interface FlagInput {
  /** The flag's id. */
  readonly id: string;
  /** The flag's name for people. */
  readonly name?: string;
  /** Why. */
  readonly reason: string;
}

/** A veto a subject has, by the id of the scheme's veto. */
export interface VetoHit {
  /** The id of a veto of the scheme. */
  readonly id: string;
  /** Why. */
  readonly reason?: string;
}

/** A subject (a cadre, a department or a unit) with its values for one scheme. */
export interface SubjectInput {
  /** Unique id (a cadre's number, a unit's code). */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** The peer group the `rank` method ranks within (job level, category, unit level …); all subjects form one group when left out. */
  readonly group?: string;
  /** Values by indicator id. */
  readonly values: Readonly<Record<string, IndicatorValue>>;
  /** Bonus points added to the total, within the scheme's cap. */
  readonly bonus?: readonly AdjustmentItem[];
  /** Points deducted from the total, within the scheme's cap. */
  readonly deductions?: readonly AdjustmentItem[];
  /** Vetoes the subject has: ids of the scheme's vetoes, or `{ id, reason }`. */
  readonly vetoes?: readonly (string | VetoHit)[];
  /** Flags decided elsewhere, carried to the result's `flags` (source `input`). */
  readonly flags?: readonly FlagInput[];
  /** Other facts about the subject, carried to the result unchanged (department, job level …). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

const adjustmentItem = z.strictObject({
  points: decimal({ min: 0, above: true }, "Points, more than 0."),
  reason: z.string().min(1).max(500),
  ref: z.string().max(500).optional(),
  indicator: idSchema.optional(),
});

/** The subject schema. @internal */
export const subjectSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  group: z.string().max(200).optional(),
  values: namedRecord(z.unknown(), "indicator", true),
  bonus: z.array(adjustmentItem).max(MAX_ADJUSTMENTS).optional(),
  deductions: z.array(adjustmentItem).max(MAX_ADJUSTMENTS).optional(),
  vetoes: z.array(z.union([idSchema, z.strictObject({ id: idSchema, reason: z.string().max(500).optional() })], { error: want("vetoIdOrObject") })).max(MAX_VETOES).optional(),
  flags: z.array(z.strictObject({ id: idSchema, name: z.string().max(200).optional(), reason: z.string().min(1).max(500) })).max(MAX_FLAGS).optional(),
  attributes: namedRecord(z.union([z.string().max(500), z.number(), z.boolean()], { error: want("textNumberBoolean") }), "attribute", true).optional(),
});
