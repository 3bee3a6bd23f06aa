import type { Noun } from "../messages/core.js";
import { IssueCode, safely, type JixiaoError, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { addIssue, decimal, namedRecord, parseWith, type DecimalInput } from "../core/validate.js";
import { z, type ZodType } from "../core/z.js";
import { isPathProblem, parsePath } from "./path.js";

/** The most paths a case's `expect` may name. */
const MAX_PATHS = 10_000;

/**
 * What a case runs: `score` (a scheme and subjects → results), `rank` (scores → ranks), `tiers`
 * (scores and a tier policy → tiers), `last-place` (scores and a last-place policy →
 * deductions), `tasks` (a task board, grabs and completions → owners and credits), `cascade`
 * (a plan and an organization tree → each unit's targets) or `account` (growth-account entries →
 * each person's totals for a period).
 */
export type ScenarioRun = "score" | "rank" | "tiers" | "last-place" | "tasks" | "cascade" | "account" | "roadmap" | "board";

/** Every {@link ScenarioRun}, in the order the guide presents them. */
export const SCENARIO_RUNS: readonly ScenarioRun[] = Object.freeze(["score", "rank", "tiers", "last-place", "tasks", "cascade", "account", "roadmap", "board"] as const);

/**
 * One case of a scenario file: under these rules, these inputs give these outputs. A rule or an
 * input given as text is the path of a JSON or YAML file holding it, relative to the scenario file.
 */
export interface ScenarioCase {
  /** The case's name, unique in its file (张伟 2024 年三季度总分). */
  readonly name: string;
  /** What the case shows, in the analyst's words. */
  readonly description?: string;
  /** What the case runs. */
  readonly run: ScenarioRun;
  /**
   * The rules, by the names the run takes: `scheme`, `rank` (ranking options), `tierPolicy`,
   * `lastPlace`, `board`, `allocation` and `credit` (task policies), `plan` and `rollUp`. Each is the
   * document itself or the path of a file holding it.
   */
  readonly rules?: Readonly<Record<string, unknown>>;
  /**
   * The inputs, by the names the run takes: `subjects` (with `options`), `scores`, `staff`,
   * `grabs`, `completions`, `tree`, `results`, and for `account` the ledger's `entries` with the
   * `period`, `asOf`, `datedThrough` and `timeZone` texts. Each is the data itself or the path of a file.
   */
  readonly input?: Readonly<Record<string, unknown>>;
  /** Expected outputs by path (`results.c001.total: 86.3`, `tiers.c007: 差`). */
  readonly expect: Readonly<Record<string, unknown>>;
  /** The absolute margin every number of this case may be off by (default 0: exact). */
  readonly margin?: DecimalInput;
  /** Margins for single paths of `expect`, overriding `margin`. */
  readonly margins?: Readonly<Record<string, DecimalInput>>;
}

/** A scenario file: one or more cases, with a name and a description for the whole file. */
export interface ScenarioDocument {
  /** The JSON Schema this document follows, for editors. */
  readonly $schema?: string;
  /** The file's title. */
  readonly name?: string;
  /** What the file covers. */
  readonly description?: string;
  /** The cases. */
  readonly cases: readonly ScenarioCase[];
}

/** Which published schema each rule document follows, for editors. @internal */
const RULE_SCHEMAS: Readonly<Record<string, string>> = {
  scheme: "scheme.schema.json",
  tierPolicy: "tier-policy.schema.json",
  lastPlace: "last-place-policy.schema.json",
  board: "task-board.schema.json",
  plan: "cascade-plan.schema.json",
};

/** The JSON Schema of each document field, by its zod schema. @internal */
const jsonOf = new WeakMap<object, Record<string, unknown>>();

const pathText = { type: "string", minLength: 1, maxLength: 1000, description: "The path of a JSON or YAML file holding it, relative to the scenario file." };

/** A rule or input: the data, or the path of a file holding it. */
function document(name: string, shape: "object" | "array" | "object-or-array", words: string): ZodType {
  const schema = z.unknown().superRefine((value, ctx) => {
    if (value === undefined) return;
    const ok =
      (typeof value === "string" && value.length > 0 && value.length <= 1000) ||
      (value !== null && typeof value === "object" && (shape === "object-or-array" || (shape === "array") === Array.isArray(value)));
    if (!ok) addIssue(ctx, IssueCode.invalidType, { key: "scenarioDocumentOrPath", shape });
  });
  const data = RULE_SCHEMAS[name]
    ? { $ref: RULE_SCHEMAS[name] }
    : shape === "object-or-array"
      ? { type: ["object", "array"] }
      : { type: shape };
  jsonOf.set(schema, { description: words, anyOf: [pathText, data] });
  return schema;
}

const scheme = document("scheme", "object", "The scheme (see scheme.schema.json), or the path of its file.");
const rank = document("rank", "object", "Ranking options: by, order, groupBy, ties, tieBreak.");
const ranked = {
  subjects: document("subjects", "array", "Subjects to score with rules.scheme, then rank."),
  scores: document("scores", "object-or-array", 'Scores to rank: { "c001": 86.3 } or a list of { subjectId, total, group?, attributes?, vetoes?, flags? }.'),
};

/** What each run takes: its rules and inputs, required or not. @internal */
export const RUN_FIELDS = {
  score: {
    rules: { scheme },
    input: {
      subjects: document("subjects", "array", "The subjects: id, values by indicator id, bonus, deductions, vetoes …"),
      options: z.strictObject({ missing: z.enum(["error", "not-applicable", "zero"]).optional() }).optional(),
    },
    required: ["rules.scheme", "input.subjects"],
  },
  rank: { rules: { scheme, rank }, input: ranked, required: [] },
  tiers: {
    rules: { scheme, rank, tierPolicy: document("tierPolicy", "object", "The tier policy (see tier-policy.schema.json), or the path of its file.") },
    input: ranked,
    required: ["rules.tierPolicy"],
  },
  "last-place": {
    rules: { scheme, rank, lastPlace: document("lastPlace", "object", "The last-place policy (see last-place-policy.schema.json), or the path of its file.") },
    input: ranked,
    required: ["rules.lastPlace"],
  },
  tasks: {
    rules: {
      board: document("board", "object", "The task board (see task-board.schema.json), or the path of its file."),
      allocation: document("allocation", "object", "The allocation policy: maxTasksPerPerson, eligibility, assignSeats."),
      credit: document("credit", "object", "The credit policy: qualityGrades, assignedFactor, lateFactor, cap, splitDecimals."),
    },
    input: {
      staff: document("staff", "array", "The staff: id, name, posts, department."),
      grabs: document("grabs", "array", "The grabs: task, person, at."),
      completions: document("completions", "array", "The completions: task, person, quality, completed, share."),
    },
    required: ["rules.board", "input.staff", "input.grabs"],
  },
  cascade: {
    rules: {
      plan: document("plan", "object", "The cascade plan (see cascade-plan.schema.json), or the path of its file."),
      rollUp: document("rollUp", "object", 'Roll-up rules by indicator id: { "revenue": { "how": "sum" } }.'),
    },
    input: {
      tree: document("tree", "array", "The organization tree: units with id, name, level, parent, departments."),
      results: document("results", "array", "Units' results to roll up: unit, indicator, actual, target."),
    },
    required: ["rules.plan", "input.tree"],
  },
  account: {
    rules: {},
    input: {
      entries: document("entries", "array", "Growth-account entries (id, person, date, component, points, source; corrections with corrects and action)."),
      period: z.string().min(1).max(20).describe("The period summed (2024, 2024-Q3, 2024-07 …); the whole career when left out."),
      asOf: z.string().min(1).max(40).describe("Recording time: count only what was recorded by this date or moment (recordedAt, or an entry's date without one)."),
      datedThrough: z.string().min(1).max(40).describe("Effective date: count only entries and corrections dated by this date or moment."),
      timeZone: z.string().min(1).max(64).describe("The time zone date-times are read in; Asia/Shanghai when left out."),
    },
    required: ["input.entries"],
  },
  roadmap: {
    rules: { versions: document("versions", "array", "The roadmap's versions: version, from, by, note, rule (a roadmap, see roadmap.schema.json).") },
    input: {
      actuals: document("actuals", "array", "The cumulative actuals: indicator, owner, period, value."),
      period: z.string().min(1).max(10).describe("The period scored (2026-10, 2026-Q3, 2026)."),
      spanning: z.enum(["end", "pro-rata"]).describe("How a period spanning a change is scored (default end).").optional(),
    },
    required: ["rules.versions", "input.actuals", "input.period"],
  },
  board: {
    rules: {},
    input: { document: document("document", "object", "The monthly board document (see board.schema.json), or the path of its file.") },
    required: ["input.document"],
  },
} as const;

const pathsRecord = (value: ZodType, what: Noun) => namedRecord(value, what);

function caseSchema(run: ScenarioRun) {
  const fields = RUN_FIELDS[run];
  const optional = (shape: Record<string, ZodType>) => Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()]));
  return z.strictObject({
    name: z.string().min(1).max(200).describe("The case's name, unique in its file."),
    description: z.string().max(5000).optional(),
    run: z.literal(run),
    rules: z.strictObject(optional(fields.rules)).optional(),
    input: z.strictObject(optional(fields.input)).optional(),
    expect: pathsRecord(z.unknown(), "path").describe("Expected outputs by path: results.c001.total, tiers.c007 …"),
    margin: decimal({ min: 0 }, "The absolute margin every number of this case may be off by (default 0: exact).").optional(),
    margins: pathsRecord(decimal({ min: 0 }), "path").describe("Margins for single paths of expect.").optional(),
  });
}

const cases = SCENARIO_RUNS.map(caseSchema);

/** Whether a case's rule or input field holds a document (and so may be given as a file path), not a plain text. @internal */
export function isDocumentField(run: ScenarioRun, part: "rules" | "input", key: string): boolean {
  const fields = RUN_FIELDS[run][part] as Readonly<Record<string, ZodType>>;
  return Object.prototype.hasOwnProperty.call(fields, key) && jsonOf.has(fields[key]!);
}

/** The scenario document schema. @internal */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    name: z.string().max(200).optional(),
    description: z.string().max(5000).optional(),
    cases: z.array(z.discriminatedUnion("run", cases as unknown as [ReturnType<typeof caseSchema>, ...ReturnType<typeof caseSchema>[]])).min(1).max(1000),
  })
  .superRefine((doc, ctx) => {
    const names = new Map<string, number>();
    doc.cases.forEach((c, i) => {
      const at = (...rest: (string | number)[]) => ["cases", i, ...rest];
      const seen = names.get(c.name);
      if (seen !== undefined) addIssue(ctx, IssueCode.duplicateId, { key: "scenarioDuplicateCase", name: c.name, index: seen }, at("name"));
      else names.set(c.name, i);
      const fields = RUN_FIELDS[c.run];
      const given = (where: string) => {
        const [part, key] = where.split(".") as ["rules" | "input", string];
        return (c[part] as Record<string, unknown> | undefined)?.[key] !== undefined;
      };
      for (const where of fields.required)
        if (!given(where)) addIssue(ctx, IssueCode.required, { key: "scenarioRequiredToRun", run: c.run }, at(...where.split(".")));
      if ("scores" in fields.input) {
        if (given("input.subjects") && given("input.scores")) addIssue(ctx, IssueCode.invalidRule, { key: "scenarioBothInputs" }, at("input"));
        else if (!given("input.subjects") && !given("input.scores")) addIssue(ctx, IssueCode.required, { key: "scenarioNeedsScores" }, at("input"));
        else if (given("input.subjects") && !given("rules.scheme")) addIssue(ctx, IssueCode.required, { key: "scenarioSchemeForSubjects" }, at("rules", "scheme"));
      }
      if (c.run === "cascade" && given("input.results") !== given("rules.rollUp"))
        addIssue(ctx, IssueCode.invalidRule, { key: "scenarioRollUpPair" }, at(given("input.results") ? "rules" : "input"));
      const keys = Object.keys(c.expect);
      if (keys.length > MAX_PATHS) addIssue(ctx, IssueCode.outOfRange, { key: "scenarioTooManyPaths", count: keys.length, limit: MAX_PATHS }, at("expect"));
      for (const key of keys.slice(0, MAX_PATHS)) {
        const parsed = parsePath(key);
        if (isPathProblem(parsed)) addIssue(ctx, IssueCode.invalidValue, { key: "scenarioBadPath", ...parsed }, at("expect", key));
      }
      for (const key of Object.keys(c.margins ?? {}))
        if (!Object.prototype.hasOwnProperty.call(c.expect, key)) addIssue(ctx, IssueCode.unknownId, { key: "scenarioMarginNotExpected" }, at("margins", key));
    });
  })
  .describe("A jixiao scenario file: cases that analysts write to verify rules.");

/**
 * Validates a scenario document (parsed from YAML or JSON) and returns it frozen. Rules and
 * inputs given as paths stay paths: {@link runScenario} loads them through its `load` option, and
 * `verifyScenarios` (in `jixiao/node`) reads them from disk.
 *
 * @param document - the parsed scenario file.
 * @returns the frozen document.
 * @throws {@link index!JixiaoError} listing every issue with its path (`cases[0].rules.scheme: is required to run score`).
 * @example
 * ```ts
 * defineScenario({ cases: [{ name: "one", run: "rank", input: { scores: { a: 90, b: 95 } }, expect: { "ranks.b": 1 } }] }).cases.length;
 * //=> 1
 * ```
 */
export function defineScenario(document: ScenarioDocument): ScenarioDocument {
  return deepFreeze(parseWith(scenarioSchema, document, "Scenario file is not valid") as ScenarioDocument);
}

/**
 * {@link defineScenario} without throwing.
 * @param document - the parsed scenario file.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineScenario({ cases: [] }).success;
 * //=> false
 * ```
 */
export function safeDefineScenario(document: ScenarioDocument): SafeResult<ScenarioDocument> {
  return safely(() => defineScenario(document));
}

/** The JSON Schema of each rule and input field, for {@link scenarioJsonSchema}. @internal */
export const documentJsonSchemas = jsonOf;
