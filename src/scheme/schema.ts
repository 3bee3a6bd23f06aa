import { z } from "../core/z.js";
import { ROUNDING_MODES } from "../core/rounding.js";
import { addIssue, decimal, idSchema, registerFields } from "../core/validate.js";
import type { RefinementCtx } from "../core/z.js";
import { MAX_GRADES, MAX_GROUPS, MAX_INDICATORS, MAX_VETOES } from "../core/limits.js";
import { IssueCode } from "../core/errors.js";
import { jsonMethodSchema, methodSchema } from "../methods/index.js";
import { checkUnitMethod, INDICATOR_UNITS } from "../scoring/unit.js";

const text = (max: number, description: string) => z.string().max(max).describe(description);

/**
 * Refuses a scheme beyond {@link MAX_INDICATORS} indicators, or with a grade table beyond
 * {@link MAX_GRADES} grades, before the schema reads any of it. Anything not shaped as a scheme
 * is left to the schema.
 */
function sizes(config: unknown, ctx: RefinementCtx): unknown {
  if (!isObject(config) || !Array.isArray(config.groups) || config.groups.length > MAX_GROUPS) return config;
  const groups: unknown[] = config.groups;
  let count = 0;
  for (const g of groups) if (isObject(g) && Array.isArray(g.indicators)) count += g.indicators.length;
  if (count > MAX_INDICATORS) addIssue(ctx, IssueCode.outOfRange, { key: "schemeTooManyIndicators", count, limit: MAX_INDICATORS }, ["groups"]);
  else
    groups.forEach((g, gi) => {
      if (!isObject(g) || !Array.isArray(g.indicators)) return;
      (g.indicators as unknown[]).forEach((ind, ii) => {
        const grades = isObject(ind) && isObject(ind.method) ? ind.method.grades : undefined;
        const n = isObject(grades) ? Object.keys(grades).length : 0;
        if (n > MAX_GRADES) addIssue(ctx, IssueCode.outOfRange, { key: "size", bound: "atMost", limit: String(MAX_GRADES), unit: "items", count: n }, ["groups", gi, "indicators", ii, "method", "grades"]);
      });
    });
  return config;
}

/** An object that is not an array (whatever its prototype: the schema judges the rest). */
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A rounding rule's schema. @internal */
export const roundingSchema = z
  .strictObject({
    decimals: z.number().int().min(0).max(10).describe("Decimals kept, 0 to 10."),
    mode: z.enum(ROUNDING_MODES as [string, ...string[]]).describe("Rounding mode; half-up (四舍五入) when left out.").optional(),
  })
  .describe("A rounding rule.");

/** The schema of the rounding points. @internal */
export const roundingPointsSchema = z
  .strictObject({ indicator: roundingSchema.optional(), group: roundingSchema.optional(), total: roundingSchema.optional() })
  .describe("Where and how to round.");

function makeSchemeSchema(method: typeof jsonMethodSchema | typeof methodSchema) {
  const indicator = z.strictObject({
    id: idSchema.describe("Unique id within the scheme."),
    name: text(200, "Name for people.").optional(),
    description: text(2000, "Longer description.").optional(),
    points: decimal({ min: 0, above: true }, "Points (分值), more than 0."),
    kind: z.enum(["quantitative", "qualitative"]).describe("定量 or 定性.").optional(),
    source: z.enum(["system", "manual"]).describe("Where the value comes from.").optional(),
    post: text(200, "The post (岗位) that carries it.").optional(),
    method,
    unit: z
      .enum(INDICATOR_UNITS)
      .describe('The unit the values arrive in, for the completion, band and steps methods: "percent" (96.5 means 96.5%, used as given) or "ratio" (0.965 means 96.5%, as a spreadsheet passes a cell formatted 96.5%; multiplied by 100 before scoring). The indicator\'s own numbers are as written.')
      .optional(),
  }).superRefine(checkUnitMethod);
  const group = z.strictObject({
    id: idSchema.describe("Unique id within the scheme."),
    name: text(200, "Name for people.").optional(),
    description: text(2000, "Longer description.").optional(),
    points: decimal({ min: 0, above: true }, "Points (分值) of the group."),
    indicators: z.array(indicator).min(1).max(MAX_INDICATORS),
  });
  const veto = z
    .strictObject({
      id: idSchema,
      name: text(200, "Name for people.").optional(),
      description: text(2000, "Longer description.").optional(),
      effect: z.enum(["zero", "cap", "flag"]).describe("zero: total 0; cap: total capped; flag: recorded only."),
      cap: decimal({ min: 0 }, "Highest total under a cap veto.").optional(),
    })
    .superRefine((v, ctx) => {
      if (v.effect === "cap" && v.cap === undefined) addIssue(ctx, IssueCode.required, { key: "vetoCapRequired" }, ["cap"]);
      if (v.effect !== "cap" && v.cap !== undefined) addIssue(ctx, IssueCode.invalidRule, { key: "vetoCapOnlyForCap", effect: v.effect }, ["cap"]);
    });
  const adjustment = z.strictObject({ cap: decimal({ min: 0 }, "Largest total.").optional() });
  const scheme = z
    .strictObject({
      $schema: z.string().max(2000).optional(),
      id: idSchema.describe("The scheme's id."),
      name: text(200, "Name for people.").optional(),
      description: text(5000, "Longer description.").optional(),
      full: decimal({ min: 0, above: true }, "Full score (满分)."),
      rounding: roundingPointsSchema.optional(),
      notApplicable: z.enum(["convert", "exclude"]).describe("convert (default): 实得分 ÷ 应得分 × 满分; exclude: leave out.").optional(),
      pointsAddUp: z.boolean().describe("Whether points must add up (default true).").optional(),
      groups: z.array(group).min(1).max(MAX_GROUPS),
      adjustments: z.strictObject({ bonus: adjustment.optional(), deduction: adjustment.optional() }).optional(),
      vetoes: z.array(veto).max(MAX_VETOES).optional(),
    })
    .describe("A jixiao indicator scheme (考评方案).");
  return z.preprocess(sizes, scheme);
}

/** The scheme schema for JSON documents (no custom methods). @internal */
export const jsonSchemeSchema = makeSchemeSchema(jsonMethodSchema);

/** The scheme schema for code, with custom methods. @internal */
export const schemeSchema = makeSchemeSchema(methodSchema);

registerFields([
  "id", "name", "description", "points", "kind", "source", "post", "method", "type", "indicators", "groups",
  "full", "rounding", "notApplicable", "pointsAddUp", "adjustments", "vetoes", "effect", "cap", "decimals", "mode",
  "target", "direction", "best", "worst", "worstFraction", "steps", "atLeast", "atMost", "fraction", "grades",
  "per", "floor", "max", "step", "proportional", "flag", "score", "describe", "bonus", "deduction", "values",
  "deductions", "group", "attributes", "na", "reason", "ref", "indicator", "flags", "subjectId", "total",
  "tiers", "share", "minCount", "maxCount", "excludeFlags", "excludeVetoed", "count", "ties", "groupBy", "vetoTier",
  "vetoCountsInQuota", "compare", "by", "order", "tieBreak", "deductions", "minGroupSize", "below", "target",
  "losers", "gainers", "slots", "vacancies", "period", "utcOffset", "difficulty", "tasks", "title", "seats", "post",
  "posts", "published", "deadline", "department", "person", "task", "at", "quality", "completed", "qualityGrades",
  "assignedFactor", "lateFactor", "splitDecimals", "maxTasksPerPerson", "eligibility", "assignSeats", "level",
  "parent", "departments", "root", "steps", "how", "shares", "base", "amounts", "templates", "localBudget", "local",
  "responsibilities", "carrying", "assessing", "executing", "decimals",
  "unit",
]);
