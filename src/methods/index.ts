import { z } from "../core/z.js";
import { bandSchema, compileBand, type BandMethod } from "./band.js";
import { bonusSchema, compileBonus, type BonusMethod } from "./bonus.js";
import { compileCompletion, completionSchema, type CompletionMethod } from "./completion.js";
import { compileCustom, customSchema, type CustomMethod } from "./custom.js";
import { compileDeduction, deductionSchema, type DeductionMethod } from "./deduction.js";
import { compileDirect, directSchema, type DirectMethod } from "./direct.js";
import { compileGrade, gradeSchema, type GradeMethod } from "./grade.js";
import { compileRank, rankSchema, type RankMethod } from "./rank.js";
import { compileSteps, stepsSchema, type StepsMethod } from "./steps.js";
import type { CompileContext, CompiledMethod } from "./types.js";
import { compileVotes, votesSchema, type VotesMethod } from "./votes.js";

export type { BandMethod } from "./band.js";
export type { BonusMethod } from "./bonus.js";
export type { CompletionMethod } from "./completion.js";
export type { CustomMethod, CustomScore, CustomScoreContext } from "./custom.js";
export type { DeductionMethod } from "./deduction.js";
export type { DirectMethod } from "./direct.js";
export type { GradeMethod } from "./grade.js";
export type { RankMethod } from "./rank.js";
export type { Step, StepsMethod } from "./steps.js";
export type { Flag } from "./types.js";
export type { VotesFlag, VotesMethod } from "./votes.js";

/** A scoring method that can be written as JSON. */
export type JsonMethod =
  | CompletionMethod
  | BandMethod
  | StepsMethod
  | GradeMethod
  | DeductionMethod
  | BonusMethod
  | RankMethod
  | VotesMethod
  | DirectMethod;

/** Any scoring method: the JSON ones and `custom` (code only). */
export type Method = JsonMethod | CustomMethod;

/** The name of a scoring method. */
export type MethodType = Method["type"];

/** Every method name, JSON methods first. */
export const METHOD_TYPES: readonly MethodType[] = Object.freeze([
  "completion",
  "band",
  "steps",
  "grade",
  "deduction",
  "bonus",
  "rank",
  "votes",
  "direct",
  "custom",
]);

const jsonSchemas = [completionSchema, bandSchema, stepsSchema, gradeSchema, deductionSchema, bonusSchema, rankSchema, votesSchema, directSchema] as const;

/** The method schema for JSON documents. @internal */
export const jsonMethodSchema = z.discriminatedUnion("type", jsonSchemas);

/** The method schema for code, with `custom`. @internal */
export const methodSchema = z.discriminatedUnion("type", [...jsonSchemas, customSchema]);

/** Compiles a validated method for an indicator. @internal */
export function compileMethod(method: Method, ctx: CompileContext & { readonly indicator: string }): CompiledMethod {
  switch (method.type) {
    case "completion":
      return compileCompletion(method);
    case "band":
      return compileBand(method);
    case "steps":
      return compileSteps(method, ctx);
    case "grade":
      return compileGrade(method);
    case "deduction":
      return compileDeduction(method, ctx);
    case "bonus":
      return compileBonus(method);
    case "rank":
      return compileRank(method, ctx);
    case "votes":
      return compileVotes(method);
    case "direct":
      return compileDirect(method);
    case "custom":
      return compileCustom(method, ctx.indicator);
  }
}
