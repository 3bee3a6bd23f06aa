import { z } from "../core/z.js";
import { sum, text, toDec } from "../core/decimal.js";
import { IssueCode, safely, type SafeResult } from "../core/errors.js";
import { addIssue, decimal, idSchema, parseWith, type DecimalInput } from "../core/validate.js";
import { defineScheme, type Scheme } from "../scheme/define.js";
import { roundingPointsSchema } from "../scheme/schema.js";
import type { AdjustmentsConfig, RoundingPoints, SchemeConfig } from "../scheme/types.js";

/**
 * One component of everyday performance (R10): organizational-performance-linked score (组织绩效挂钩得分),
 * personal performance score (个人绩效得分), leader evaluation (领导评鉴得分), actual-performance
 * evaluation (现实表现测评得分), or any other the bureau uses.
 */
export interface EverydayComponent {
  /** Its id; a cadre's values are keyed by it. */
  readonly id: string;
  /** Its name (组织绩效挂钩得分). */
  readonly name?: string;
  /** The points it is worth in everyday performance, more than 0. */
  readonly points: DecimalInput;
  /** The full score of the value given (100 for a score out of 100); the value is turned into points in proportion. `points` when left out. */
  readonly scale?: DecimalInput;
}

/**
 * Everyday performance (日常绩效, R10) as configuration: its components with their points, the caps
 * of the bonus and deduction lists (加减分), and rounding. No official weights exist: every number
 * is the bureau's.
 */
export interface EverydayPerformanceConfig {
  /** The rule's id (everyday-2024). */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** Longer description. */
  readonly description?: string;
  /** The components, at least one; their points add up to the full score. */
  readonly components: readonly EverydayComponent[];
  /** Caps of the bonus and deduction lists. */
  readonly adjustments?: AdjustmentsConfig;
  /** Where and how to round. */
  readonly rounding?: RoundingPoints;
  /** A component without a value this period: `convert` (default; the others are scaled up) or `exclude`. */
  readonly notApplicable?: "convert" | "exclude";
}

const adjustment = z.strictObject({ cap: decimal({ min: 0 }).optional() });
const configSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  components: z
    .array(z.strictObject({ id: idSchema, name: z.string().max(200).optional(), points: decimal({ min: 0, above: true }), scale: decimal({ min: 0, above: true }).optional() }))
    .min(1)
    .max(100),
  adjustments: z.strictObject({ bonus: adjustment.optional(), deduction: adjustment.optional() }).optional(),
  rounding: roundingPointsSchema.optional(),
  notApplicable: z.enum(["convert", "exclude"]).optional(),
}).superRefine((c, ctx) => {
  const seen = new Set<string>();
  c.components.forEach((x, i) => {
    if (seen.has(x.id)) addIssue(ctx, IssueCode.duplicateId, { key: "everydayComponentRepeated", id: x.id }, ["components", i, "id"]);
    seen.add(x.id);
  });
});

/**
 * Defines everyday performance (R10) as an indicator scheme: one group whose indicators are the
 * components, each a score out of its `scale` turned into its points, plus the bonus and deduction
 * lists. Score cadres with {@link score} or {@link scoreAll} and explain them with {@link explain},
 * as any scheme; their values are keyed by component id, bonus and deductions are given as lists.
 *
 * @param config - the components, caps and rounding.
 * @returns a frozen scheme.
 * @throws {@link JixiaoError} listing every problem with the configuration.
 * @example
 * ```ts
 * const everyday = defineEverydayPerformance({ id: "everyday", components: [
 *   { id: "org", points: 30, scale: 100 }, { id: "personal", points: 70, scale: 100 }] });
 * score(everyday, { id: "c001", values: { org: 92, personal: 88 }, bonus: [{ points: 1, reason: "创新" }] }).total;
 * //=> 90.2
 * ```
 */
export function defineEverydayPerformance(config: EverydayPerformanceConfig): Scheme {
  const c = parseWith(configSchema, config, "Everyday performance is not valid", ["config"]) as EverydayPerformanceConfig;
  const full = text(sum(c.components.map((x) => toDec(x.points)!)));
  const scheme: SchemeConfig = {
    id: c.id,
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.description !== undefined ? { description: c.description } : {}),
    full,
    ...(c.rounding ? { rounding: c.rounding } : {}),
    ...(c.notApplicable ? { notApplicable: c.notApplicable } : {}),
    groups: [
      {
        id: "everyday",
        name: "日常绩效",
        points: full,
        indicators: c.components.map((x) => ({
          id: x.id,
          ...(x.name !== undefined ? { name: x.name } : {}),
          points: x.points,
          method: { type: "direct" as const, ...(x.scale !== undefined ? { scale: x.scale } : {}) },
        })),
      },
    ],
    ...(c.adjustments ? { adjustments: c.adjustments } : {}),
  };
  return defineScheme(scheme);
}

/**
 * {@link defineEverydayPerformance} without throwing.
 * @param config - the configuration.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineEverydayPerformance({ id: "e", components: [] }).success;
 * //=> false
 * ```
 */
export function safeDefineEverydayPerformance(config: EverydayPerformanceConfig): SafeResult<Scheme> {
  return safely(() => defineEverydayPerformance(config));
}
