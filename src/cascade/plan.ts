import { made, madeAs } from "../core/snapshot.js";
import type { Noun } from "../messages/core.js";
import { toDec } from "../core/decimal.js";
import { IssueCode, safely, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { jsonSchemaOf } from "../core/json-schema.js";
import { addIssue, decimal, idSchema, namedRecord, parseWith } from "../core/validate.js";
import { MAX_INDICATORS } from "../core/limits.js";
import { z } from "../core/z.js";
import { jsonMethodSchema } from "../methods/index.js";
import { roundingPointsSchema } from "../scheme/schema.js";
import type { CascadePlan } from "./types.js";

const table = (what: Noun) => namedRecord(decimal({ min: 0 }), what);

const stepSchema = z.discriminatedUnion("how", [
  z.strictObject({ how: z.literal("retain") }),
  z.strictObject({ how: z.literal("replicate") }),
  z.discriminatedUnion("by", [
    z.strictObject({ how: z.literal("split"), by: z.literal("equal") }),
    z.strictObject({ how: z.literal("split"), by: z.literal("shares"), shares: table("unit").describe("Unit id → share; each parent's children add up to 1.") }),
    z.strictObject({ how: z.literal("split"), by: z.literal("base"), base: table("unit").describe("Unit id → base figure (last year's revenue …).") }),
    z.strictObject({ how: z.literal("split"), by: z.literal("amounts"), amounts: table("unit").describe("Unit id → amount; each parent's children add up to its target.") }),
  ]),
]);

const added = z.strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  group: z.string().min(1).max(200).optional(),
  points: decimal({ min: 0, above: true }),
  method: jsonMethodSchema,
});

const indicatorSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  group: z.string().min(1).max(200).optional(),
  points: decimal({ min: 0, above: true }, "Points (分值) in the schemes it lands in."),
  target: decimal({ min: 0 }, "The target to pass down.").optional(),
  decimals: z.number().int().min(0).max(10).describe("Decimals of the target's unit (default 2).").optional(),
  method: jsonMethodSchema,
  kind: z.enum(["quantitative", "qualitative"]).optional(),
  source: z.enum(["system", "manual"]).optional(),
  steps: z.array(stepSchema).max(20).describe("One step per level from the plan's root.").optional(),
});

/** The cascade plan schema. @internal */
export const cascadePlanSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    id: idSchema,
    name: z.string().max(200).optional(),
    description: z.string().max(5000).optional(),
    root: idSchema.optional(),
    points: z.enum(["keep", "rebase"]).optional(),
    full: decimal({ min: 0, above: true }).optional(),
    rounding: roundingPointsSchema.optional(),
    groups: z.array(z.strictObject({ id: idSchema, name: z.string().max(200).optional() })).min(1).max(100).optional(),
    indicators: z.array(indicatorSchema).min(1).max(MAX_INDICATORS),
    templates: z.array(z.strictObject({ level: z.string().min(1).max(100), indicators: z.array(added).max(1000), localBudget: decimal({ min: 0 }).optional() })).max(100).optional(),
    local: z.array(z.strictObject({ unit: idSchema, indicators: z.array(added).min(1).max(1000) })).max(1_000_000).optional(),
    responsibilities: z
      .array(
        z.strictObject({
          unit: idSchema,
          indicator: idSchema,
          carrying: z.string().min(1).max(200),
          assessing: z.string().min(1).max(200),
          executing: z.array(z.strictObject({ person: z.string().min(1).max(200), share: decimal({ min: 0, max: 1 }).optional() })).min(1).max(10_000),
        }),
      )
      .max(1_000_000)
      .optional(),
  })
  .superRefine((p, ctx) => {
    const groups = new Set((p.groups ?? [{ id: "main" }]).map((g) => g.id));
    const check = (group: string | undefined, path: (string | number)[]) => {
      if (group !== undefined && !groups.has(group)) addIssue(ctx, IssueCode.unknownId, { key: "cascadeUnknownGroup", group, groups: [...groups] }, path);
      if (group === undefined && !groups.has("main")) addIssue(ctx, IssueCode.required, { key: "cascadeGroupRequired" }, path);
    };
    const ids = new Map<string, string>();
    const unique = (id: string, where: string, path: (string | number)[]) => {
      if (ids.has(id)) addIssue(ctx, IssueCode.duplicateId, { key: "cascadeDuplicateIndicator", id, first: ids.get(id)! }, path);
      else ids.set(id, where);
    };
    p.indicators.forEach((ind, i) => {
      unique(ind.id, `indicators[${i}]`, ["indicators", i, "id"]);
      check(ind.group, ["indicators", i, "group"]);
      const target = toDec(ind.target);
      const decimals = ind.decimals ?? 2;
      if (target && target.decimalPlaces() > decimals)
        addIssue(ctx, IssueCode.invalidValue, { key: "cascadeTargetDecimals", target: String(ind.target), decimals }, ["indicators", i, "target"]);
      if (ind.target === undefined && (ind.steps ?? []).some((s) => s.how === "split"))
        addIssue(ctx, IssueCode.required, { key: "cascadeSplitNeedsTarget" }, ["indicators", i, "target"]);
      (ind.steps ?? []).forEach((s, k) => {
        if (s.how === "split" && s.by === "amounts")
          for (const [unit, amount] of Object.entries(s.amounts))
            if ((toDec(amount)?.decimalPlaces() ?? 0) > decimals)
              addIssue(ctx, IssueCode.invalidValue, { key: "cascadeAmountDecimals", amount: String(amount), decimals }, ["indicators", i, "steps", k, "amounts", unit]);
      });
    });
    const levels = new Set<string>();
    (p.templates ?? []).forEach((t, i) => {
      if (levels.has(t.level)) addIssue(ctx, IssueCode.duplicateId, { key: "cascadeDuplicateTemplate", level: t.level }, ["templates", i, "level"]);
      levels.add(t.level);
      t.indicators.forEach((ind, j) => {
        unique(ind.id, `templates[${i}]`, ["templates", i, "indicators", j, "id"]);
        check(ind.group, ["templates", i, "indicators", j, "group"]);
      });
    });
    const localUnits = new Set<string>();
    (p.local ?? []).forEach((l, i) => {
      if (localUnits.has(l.unit)) addIssue(ctx, IssueCode.duplicateId, { key: "cascadeDuplicateLocal", unit: l.unit }, ["local", i, "unit"]);
      localUnits.add(l.unit);
      const own = new Set<string>();
      l.indicators.forEach((ind, j) => {
        if (ids.has(ind.id) || own.has(ind.id)) addIssue(ctx, IssueCode.duplicateId, { key: "cascadeDuplicateIndicator", id: ind.id }, ["local", i, "indicators", j, "id"]);
        own.add(ind.id);
        check(ind.group, ["local", i, "indicators", j, "group"]);
      });
    });
  })
  .describe("A jixiao cascade plan (指标分解方案).");

/**
 * Validates a cascade plan and returns it frozen. What depends on the tree (share tables naming
 * the right children, shares adding up per parent) is checked by {@link cascade}. A plan it
 * returned is returned as it is, so a plan defined once and cascaded many times is checked once.
 *
 * @param plan - the plan, as JSON or as an object.
 * @returns the frozen plan.
 * @throws {@link JixiaoError} listing every issue with its path.
 * @example
 * ```ts
 * defineCascadePlan({ id: "p", indicators: [{ id: "revenue", points: 40, target: 1000, method: { type: "completion", target: 1000 },
 *   steps: [{ how: "split", by: "equal" }] }] }).id;
 * //=> "p"
 * ```
 */
export function defineCascadePlan(plan: CascadePlan): CascadePlan {
  // A plan it made is already valid and frozen.
  if (madeAs("cascadePlan", plan)) return plan;
  return made("cascadePlan", deepFreeze(parseWith(cascadePlanSchema, plan, "Cascade plan is not valid") as CascadePlan));
}

/**
 * {@link defineCascadePlan} without throwing.
 * @param plan - the plan.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineCascadePlan({ id: "p", indicators: [] }).success;
 * //=> false
 * ```
 */
export function safeDefineCascadePlan(plan: CascadePlan): SafeResult<CascadePlan> {
  return safely(() => defineCascadePlan(plan));
}

/**
 * The JSON Schema (draft 2020-12) of a cascade plan, also published as `docs/schema/cascade-plan.schema.json`.
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * cascadePlanJsonSchema().required;
 * //=> ["id", "indicators"]
 * ```
 */
export function cascadePlanJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(cascadePlanSchema, "jixiao cascade plan");
}
