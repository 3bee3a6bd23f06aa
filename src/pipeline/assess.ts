import { within } from "../core/errors.js";
import type { Locale } from "../explain/messages.js";
import { functionSchema, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { withPenalties } from "../penalties/apply.js";
import { lastPlaceDeductions, type LastPlacePolicy, type LastPlaceResult } from "../penalties/last-place.js";
import { rank } from "../ranking/rank.js";
import type { Rankable, RankOptions, Ranking } from "../ranking/types.js";
import { defineScheme, type Scheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import type { ScoreOptions, ScoreResult } from "../scoring/result.js";
import { MAX_BATCH, scoreAll } from "../scoring/score.js";
import type { SubjectInput } from "../scoring/subject.js";
import { assignTiers } from "../tiers/assign.js";
import { defineTierPolicy } from "../tiers/policy.js";
import type { TierAssignment, TierPolicy } from "../tiers/types.js";

/** The rules of an assessment: each step runs when its rule is given. */
export interface AssessmentRules {
  /** The scheme the subjects are scored by (needed when `subjects` are given). */
  readonly scheme?: Scheme | SchemeConfig;
  /** How the scores are ranked: order, peer groups, ties. */
  readonly rank?: RankOptions;
  /** The last-place policy: the bottom of each group loses points, and scored subjects are scored again with them. */
  readonly lastPlace?: LastPlacePolicy;
  /** The tier policy: tiers are assigned on the final ranking (after any last-place deductions). */
  readonly tierPolicy?: TierPolicy;
}

/** Who is assessed: subjects to score, or scores already made. */
export type AssessmentInput = SubjectsToAssess | ScoresToAssess;

/** Subjects to score with the rules' scheme. */
export interface SubjectsToAssess {
  /** The subjects. */
  readonly subjects: readonly SubjectInput[];
  /** What a missing value means (see {@link ScoreOptions}). */
  readonly options?: ScoreOptions;
}

/** Scores already made, to rank. */
export interface ScoresToAssess {
  /** Anything {@link rank} takes. */
  readonly scores: readonly Rankable[];
}

/** What an assessment found, step by step. */
export interface Assessment {
  /** The subjects' results as scored (before any last-place deductions); absent when scores were given. */
  readonly scored?: readonly ScoreResult[];
  /** The ranking of the scores as given or scored: the one last place is found in. */
  readonly ranking: Ranking;
  /** The last-place deductions and flags, when a last-place policy was given. */
  readonly lastPlace?: LastPlaceResult;
  /** The subjects scored again with their deductions, when a last-place policy was given and subjects were scored. */
  readonly rescored?: readonly ScoreResult[];
  /** The ranking tiers are assigned on: of the results scored again when there are any, else `ranking`. */
  readonly finalRanking: Ranking;
  /** The tiers, when a tier policy was given. */
  readonly assignment?: TierAssignment;
}

/** A step of an assessment, in the order they run. */
export type AssessmentStep = "scheme" | "score" | "rank" | "lastPlace" | "rescore" | "rerank" | "tierPolicy" | "tiers";

/** What ranking reads of a result: its total, groups and indicators (with their exact text), name, peer group, attributes, vetoes and flags — not its trace, which the ranking would otherwise copy. */
function rankableOf(r: ScoreResult): Rankable {
  const named = (x: { readonly id: string; readonly name?: string }) => (x.name === undefined ? { id: x.id } : { id: x.id, name: x.name });
  return {
    subjectId: r.subjectId,
    ...(r.name !== undefined ? { name: r.name } : {}),
    total: r.total,
    exact: r.exact,
    ...(r.group !== undefined ? { group: r.group } : {}),
    ...(r.attributes !== undefined ? { attributes: r.attributes } : {}),
    groups: r.groups.map((g) => ({ id: g.id, earned: g.earned, exact: g.exact })),
    indicators: r.indicators.map((x) => ({ id: x.id, earned: x.earned, exact: x.exact })),
    vetoes: r.vetoes.map(named),
    flags: r.flags.map(named),
  };
}

/** Options of {@link assess}. */
export interface AssessOptions {
  /**
   * Runs each step. By default a step's problems are reported where {@link assess}'s arguments
   * hold the thing (`rules.tierPolicy.tiers.0.share`, `input.subjects.3.values.x`); a caller that
   * reports them where its own user wrote them (a spreadsheet's column, a file's row) runs each
   * step itself, and gets the step's own paths.
   */
  readonly at?: <T>(step: AssessmentStep, run: () => T) => T;
  /** The language of the reasons written on the deduction and flag items of subjects scored again: `zh-CN` (default) or `en` (see {@link withPenalties}). */
  readonly locale?: Locale;
}

/** Where each step's problems are in {@link assess}'s arguments, for the default `at`. */
function inArguments(scored: boolean): <T>(step: AssessmentStep, run: () => T) => T {
  const subjects = within.bind(null, { options: ["input", "options"] }, ["input", "subjects"]);
  const ranked = within.bind(null, { options: ["rules", "rank"] }, ["input", scored ? "subjects" : "scores"]);
  const places: Record<AssessmentStep, (run: () => unknown) => unknown> = {
    scheme: (run) => within({}, ["rules", "scheme"], run),
    score: subjects,
    rank: ranked,
    lastPlace: (run) => within({ policy: ["rules", "lastPlace"] }, ["ranking"], run),
    rescore: subjects,
    rerank: (run) => within({ options: ["rules", "rank"] }, ["rescored"], run),
    tierPolicy: (run) => within({}, ["rules", "tierPolicy"], run),
    tiers: (run) => within({ policy: ["rules", "tierPolicy"] }, ["ranking"], run),
  };
  return <T>(step: AssessmentStep, run: () => T): T => places[step](run) as T;
}

/**
 * The assessment pipeline, the one place its steps are chained: score the subjects (or take the
 * scores given), rank them, take last-place deductions from that ranking and score the subjects
 * again with them, rank again, and assign tiers on the final ranking. Each step runs only when its
 * rule is given; each is the library's own function, so every result carries its explanation.
 * The arguments are read once (their copy is what every step is given).
 * @param rules - the scheme, rank options, last-place policy and tier policy (each optional).
 * @param input - the subjects to score (with score options), or the scores to rank.
 * @param options - how each step is run (see {@link AssessOptions.at}).
 * @returns what each step found.
 * @throws {@link JixiaoError} from the first step that fails, at the paths of its arguments (`rules.lastPlace.deductions`).
 * @example
 * ```ts
 * const a = assess(
 *   { tierPolicy: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }] }, lastPlace: { deductions: [1] } },
 *   { scores: [{ subjectId: "a", total: 90 }, { subjectId: "b", total: 80 }, { subjectId: "c", total: 70 }, { subjectId: "d", total: 60 }, { subjectId: "e", total: 50 }] },
 * );
 * [a.lastPlace?.deductions.map((d) => d.subjectId), a.assignment?.placements.map((p) => p.tier)];
 * //=> [["e"], ["好", "中", "中", "中", "中"]]
 * ```
 */
export function assess(rules: AssessmentRules, input: AssessmentInput, options: AssessOptions = {}): Assessment {
  const r = parseWith(rulesSchema, rules, "Assessment rules are not valid", ["rules"]) as AssessmentRules;
  const i = parseWith(inputSchema, input, "Assessment input is not valid", ["input"]) as { subjects?: readonly SubjectInput[]; options?: ScoreOptions; scores?: readonly Rankable[] };
  const subjects = i.subjects;
  const o = parseWith(optionsSchema, options, "Options are not valid", ["options"]);
  const at = o?.at ?? inArguments(subjects !== undefined);
  let scheme: Scheme | undefined;
  let scored: ScoreResult[] | undefined;
  if (subjects !== undefined) {
    const s = at("scheme", () => defineScheme(r.scheme as SchemeConfig));
    scheme = s;
    scored = at("score", () => scoreAll(s, subjects, i.options));
  }
  const list = scored ? scored.map(rankableOf) : i.scores!;
  const ranking = at("rank", () => rank(list, r.rank));
  let lastPlace: LastPlaceResult | undefined;
  let rescored: ScoreResult[] | undefined;
  let finalRanking = ranking;
  const lastPolicy = r.lastPlace;
  if (lastPolicy !== undefined) {
    const found = at("lastPlace", () => lastPlaceDeductions(ranking, lastPolicy));
    lastPlace = found;
    if (scheme !== undefined && subjects !== undefined) {
      const s = scheme;
      const again = at("rescore", () => scoreAll(s, withPenalties(subjects, found, o?.locale ? { locale: o.locale } : undefined), i.options));
      rescored = again;
      finalRanking = at("rerank", () => rank(again.map(rankableOf), r.rank));
    }
  }
  let assignment: TierAssignment | undefined;
  const tierPolicy = r.tierPolicy;
  if (tierPolicy !== undefined) {
    const policy = at("tierPolicy", () => defineTierPolicy(tierPolicy));
    const final = finalRanking;
    assignment = at("tiers", () => assignTiers(final, policy));
  }
  return {
    ...(scored ? { scored } : {}),
    ranking,
    ...(lastPlace ? { lastPlace } : {}),
    ...(rescored ? { rescored } : {}),
    finalRanking,
    ...(assignment ? { assignment } : {}),
  };
}

// Each step checks its own rule and input in full; these only take the arguments apart (read once).
const rulesSchema = z.strictObject({ scheme: z.unknown().optional(), rank: z.unknown().optional(), lastPlace: z.unknown().optional(), tierPolicy: z.unknown().optional() });
const inputSchema = z.union([
  z.strictObject({ subjects: z.array(z.unknown()).max(MAX_BATCH), options: z.unknown().optional() }),
  z.strictObject({ scores: z.array(z.unknown()).max(MAX_BATCH) }),
]);
const optionsSchema = z.strictObject({ at: functionSchema<NonNullable<AssessOptions["at"]>>().optional(), locale: z.enum(["zh-CN", "en"]).optional() }).optional();
