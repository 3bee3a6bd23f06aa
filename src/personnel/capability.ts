import { made, madeAs } from "../core/snapshot.js";
import { z } from "../core/z.js";
import { text, toDec } from "../core/decimal.js";
import { IssueCode, JixiaoError, issue, safely, type Issue, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { addIssue, decimal, idSchema, namedRecord, parseWith, type DecimalInput, want } from "../core/validate.js";

/** One upgrade criterion: a fact about the person that must reach a number or equal a value. */
export interface CapabilityCriterion {
  /** The fact's name (`examScore`, `yearsAtLevel`, `lastTier` …); the person's facts are keyed by it. */
  readonly fact: string;
  /** Name for people (专业能力考试成绩). */
  readonly name?: string;
  /** The fact must be a number at least this. */
  readonly atLeast?: DecimalInput;
  /** The fact must equal one of these (a tier such as 好, `true` for a certificate held). */
  readonly oneOf?: readonly (string | number | boolean)[];
}

/** One level of a category, with the criteria to reach it from the level below. */
export interface CapabilityLevel {
  /** The level: 1, 2, 3 … in order. */
  readonly level: number;
  /** Its name (初级, 中级, 高级 …). */
  readonly name?: string;
  /** What it takes to reach it from the level below; all must be met. */
  readonly criteria: readonly CapabilityCriterion[];
}

/** A professional-ability category (R11: 综合管理, 纳税服务, 征管评估, 税务稽查, 信息技术) and its levels. */
export interface CapabilityCategory {
  /** Its id. */
  readonly id: string;
  /** Its name. */
  readonly name?: string;
  /** Its levels, lowest first, numbered 1, 2, 3 … */
  readonly levels: readonly CapabilityLevel[];
}

/** A framework of professional-ability categories, levels and upgrade criteria (R11), as JSON. */
export interface CapabilityFramework {
  /** Its id. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** The categories. */
  readonly categories: readonly CapabilityCategory[];
}

/** A person's standing in one category, to assess. */
export interface CapabilityStanding {
  /** The category's id. */
  readonly category: string;
  /** The level held now, 0 for none. */
  readonly level: number;
  /** Facts about the person, by fact name. */
  readonly facts: Readonly<Record<string, string | number | boolean>>;
}

/**
 * What a criterion requires, as data: a number at least `atLeast` (exact decimal text), or one of
 * the values `oneOf`. {@link explainCapability} words it in Chinese or English.
 */
export type CapabilityRequirement =
  | {
      /** The fact must be a number at least this. */
      readonly kind: "atLeast";
      /** The least number, as exact decimal text. */
      readonly atLeast: string;
    }
  | {
      /** The fact must equal one of these values. */
      readonly kind: "oneOf";
      /** The values allowed. */
      readonly oneOf: readonly (string | number | boolean)[];
    };

/** The outcome of a capability assessment: the level now held and why. */
export interface CapabilityAssessment {
  /** The category. */
  readonly category: string;
  /** The category's name, where the framework gives one. */
  readonly categoryName?: string;
  /** The level held before. */
  readonly from: number;
  /** The level held after: one more when every criterion of the next level is met. */
  readonly to: number;
  /** Whether the person moves up. */
  readonly upgraded: boolean;
  /** The name of the level held after, where the framework names it. */
  readonly levelName?: string;
  /** The next level's criteria, each with the fact's value and whether it is met; empty at the top level. */
  readonly criteria: readonly {
    /** The fact. */
    readonly fact: string;
    /** The criterion's name, where the framework gives one. */
    readonly name?: string;
    /** The requirement, as data (`{ kind: "atLeast", atLeast: "80" }`, `{ kind: "oneOf", oneOf: ["好", "较好"] }`). */
    readonly required: CapabilityRequirement;
    /** The person's value, as text, or `null` when the fact is not given. */
    readonly actual: string | null;
    /** Whether it is met. */
    readonly met: boolean;
  }[];
}

const criterionSchema = z
  .strictObject({
    fact: idSchema,
    name: z.string().max(200).optional(),
    atLeast: decimal().optional(),
    oneOf: z.array(z.union([z.string().max(200), z.number(), z.boolean()], { error: want("textNumberBoolean") })).min(1).max(100).optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.atLeast === undefined) === (c.oneOf === undefined)) addIssue(ctx, IssueCode.invalidRule, { key: "capabilityOneRequirement" });
  });

const frameworkSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().max(200).optional(),
    categories: z
      .array(
        z.strictObject({
          id: idSchema,
          name: z.string().max(200).optional(),
          levels: z.array(z.strictObject({ level: z.number().int().min(1).max(100), name: z.string().max(200).optional(), criteria: z.array(criterionSchema).max(100) })).min(1).max(100),
        }),
      )
      .min(1)
      .max(100),
  })
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.categories.forEach((c, i) => {
      if (ids.has(c.id)) addIssue(ctx, IssueCode.duplicateId, { key: "capabilityCategoryRepeated", id: c.id }, ["categories", i, "id"]);
      ids.add(c.id);
      c.levels.forEach((l, j) => {
        if (l.level !== j + 1) addIssue(ctx, IssueCode.invalidRule, { key: "capabilityLevelNumber", level: j + 1 }, ["categories", i, "levels", j, "level"]);
      });
    });
  });

/**
 * Checks a professional-ability framework (R11): categories, their levels numbered from 1, and the
 * criteria to reach each level.
 * @param framework - the framework as JSON.
 * @returns it, frozen.
 * @throws {@link JixiaoError} listing every problem.
 * @example
 * ```ts
 * defineCapabilityFramework({ id: "ability", categories: [{ id: "纳税服务", levels: [
 *   { level: 1, criteria: [{ fact: "examScore", atLeast: 60 }] }] }] }).categories.length;
 * //=> 1
 * ```
 */
export function defineCapabilityFramework(framework: CapabilityFramework): CapabilityFramework {
  if (madeAs("capabilityFramework", framework)) return framework;
  return made("capabilityFramework", deepFreeze(parseWith(frameworkSchema, framework, "Capability framework is not valid", ["framework"]) as CapabilityFramework));
}

/**
 * {@link defineCapabilityFramework} without throwing.
 * @param framework - the framework.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineCapabilityFramework({ id: "a", categories: [] }).success;
 * //=> false
 * ```
 */
export function safeDefineCapabilityFramework(framework: CapabilityFramework): SafeResult<CapabilityFramework> {
  return safely(() => defineCapabilityFramework(framework));
}

const standingSchema = z.strictObject({
  category: idSchema,
  level: z.number().int().min(0).max(100),
  facts: namedRecord(z.union([z.string().max(2000), z.number(), z.boolean()], { error: want("textNumberBoolean") }), "fact", true),
});

/**
 * Assesses a person's level in one category (R11): they move up one level when every criterion of
 * the next level is met, and the result shows each criterion with the person's value.
 * @param framework - a framework from {@link defineCapabilityFramework}.
 * @param standing - the category, the level held and the person's facts.
 * @returns the level before and after, and the next level's criteria.
 * @throws {@link JixiaoError} when the category is unknown or the level beyond the category's levels.
 * @example
 * ```ts
 * assessCapability(framework, { category: "纳税服务", level: 0, facts: { examScore: 72 } }).to;
 * //=> 1
 * ```
 */
export function assessCapability(framework: CapabilityFramework, standing: CapabilityStanding): CapabilityAssessment {
  const f = defineCapabilityFramework(framework);
  const s = parseWith(standingSchema, standing, "Capability standing is not valid", ["standing"]) as CapabilityStanding;
  const issues: Issue[] = [];
  const category = f.categories.find((c) => c.id === s.category);
  if (!category) issues.push(issue(IssueCode.unknownId, ["standing", "category"], { key: "capabilityUnknownCategory", category: s.category, framework: f.id, categories: f.categories.map((c) => c.id) }));
  else if (s.level > category.levels.length) issues.push(issue(IssueCode.outOfRange, ["standing", "level"], { key: "capabilityLevelBeyond", level: s.level, category: category.id, levels: category.levels.length }));
  if (issues.length > 0 || !category) throw new JixiaoError(issues, "The capability cannot be assessed");
  const next = category.levels[s.level];
  const criteria = (next?.criteria ?? []).map((c) => {
    const has = Object.prototype.hasOwnProperty.call(s.facts, c.fact);
    const value = has ? s.facts[c.fact]! : undefined;
    const required: CapabilityRequirement = c.atLeast !== undefined ? { kind: "atLeast", atLeast: text(toDec(c.atLeast)!) } : { kind: "oneOf", oneOf: [...c.oneOf!] };
    let met = false;
    if (value !== undefined && c.atLeast !== undefined) {
      const d = typeof value === "boolean" ? undefined : toDec(value);
      met = d !== undefined && d.gte(toDec(c.atLeast)!);
    } else if (value !== undefined) met = c.oneOf!.some((o) => o === value);
    return { fact: c.fact, ...(c.name !== undefined ? { name: c.name } : {}), required, actual: value === undefined ? null : String(value), met };
  });
  const upgraded = next !== undefined && criteria.every((c) => c.met);
  const to = upgraded ? s.level + 1 : s.level;
  const levelName = category.levels[to - 1]?.name;
  return {
    category: category.id,
    ...(category.name !== undefined ? { categoryName: category.name } : {}),
    from: s.level,
    to,
    upgraded,
    ...(levelName !== undefined ? { levelName } : {}),
    criteria,
  };
}

/**
 * {@link assessCapability} without throwing.
 * @param framework - the framework.
 * @param standing - the person's standing.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeAssessCapability(framework, { category: "none", level: 0, facts: {} }).success;
 * //=> false
 * ```
 */
export function safeAssessCapability(framework: CapabilityFramework, standing: CapabilityStanding): SafeResult<CapabilityAssessment> {
  return safely(() => assessCapability(framework, standing));
}
