import { issue, IssueCode, JixiaoError, relocate, type Issue, type IssuePath } from "../core/errors.js";
import { jsonSchemaOf } from "../core/json-schema.js";
import { made, madeAs } from "../core/snapshot.js";
import { idSchema, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { explain } from "../explain/explain.js";
import type { Locale } from "../messages/index.js";
import { defineVersions, type RuleVersion } from "../personnel/versions.js";
import type { Rankable, RankOptions } from "../ranking/types.js";
import { explainProgress } from "../roadmap/explain.js";
import type { RoadmapActual, RoadmapConfig } from "../roadmap/types.js";
import { versionedProgress, type SpanningPolicy, type VersionedProgress } from "../roadmap/versions.js";
import { defineScheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import type { ScoreResult } from "../scoring/result.js";
import { scoreAll } from "../scoring/score.js";
import type { SubjectInput } from "../scoring/subject.js";
import type { StaffMember } from "../tasks/types.js";
import type { TierPolicy } from "../tiers/types.js";
import { monthlyBoard, type MonthlyBoard } from "./board.js";
import { assessKeyTasks, type KeyTaskAssessment, type KeyTaskList, type KeyTaskOptions, type KeyTaskReport } from "./key-tasks.js";

/**
 * A month's board as one document (JSON or YAML), for the CLI, scenario files and services: the
 * results (given, or a scheme and its subjects to score), last month's, the rank and tier rules, the
 * roadmap's versions and actuals, the month's key tasks and next month's list.
 */
export interface BoardDocument {
  /** The JSON Schema this document follows, for editors. */
  readonly $schema?: string;
  /** The unit. */
  readonly unit: string;
  /** Its name. */
  readonly unitName?: string;
  /** The month (`2026-10`). */
  readonly month: string;
  /** The month's results as rankable records; or give `scheme` and `subjects`. */
  readonly results?: readonly Rankable[];
  /** Last month's results; or give `previousSubjects`. */
  readonly previous?: readonly Rankable[];
  /** The scheme the subjects are scored with. */
  readonly scheme?: SchemeConfig;
  /** The month's subjects, scored with `scheme`. */
  readonly subjects?: readonly SubjectInput[];
  /** Last month's subjects, scored with `scheme`. */
  readonly previousSubjects?: readonly SubjectInput[];
  /** How the results are ranked. */
  readonly rank?: RankOptions;
  /** The tier policy. */
  readonly tiers?: TierPolicy;
  /** The roadmap: its versions (one or more, effective-dated), the actuals, and the spanning policy. */
  readonly roadmap?: {
    /** The versions, each a roadmap with the day it comes into force, who decided it and why. */
    readonly versions: readonly RuleVersion<RoadmapConfig>[];
    /** The cumulative actuals. */
    readonly actuals: readonly RoadmapActual[];
    /** How a period spanning a change is scored (default `end`). */
    readonly spanning?: SpanningPolicy;
  };
  /** The month's key tasks: the list, the staff, the reports and the options. */
  readonly keyTasks?: {
    /** The month's list. */
    readonly list: KeyTaskList;
    /** The staff. */
    readonly staff: readonly StaffMember[];
    /** The reports. */
    readonly reports: readonly KeyTaskReport[];
    /** The credit policy, tolerance and day assessed. */
    readonly options?: KeyTaskOptions;
    /**
     * The scheme's indicator that takes each subject's key-task credit (R15: the month's result counts
     * at once): the subjects leave it out, and it is filled with their applied credit (0 for none).
     */
    readonly indicator?: string;
  };
  /** Next month's key task list. */
  readonly nextKeyTasks?: KeyTaskList;
  /** How many at the bottom of each peer group are a shortfall (default 1). */
  readonly bottom?: number;
  /** How many months ahead 晒打算 lists milestones (default 1). */
  readonly horizon?: number;
}

/** A board made from a document, with what it was made of. */
export interface BoardFromDocument {
  /** The board. */
  readonly board: MonthlyBoard;
  /** The month's scored results, where a scheme and subjects were given. */
  readonly results?: readonly ScoreResult[];
  /** The roadmap's progress for the month. */
  readonly roadmap?: VersionedProgress;
  /** The month's key tasks assessed. */
  readonly keyTasks?: KeyTaskAssessment;
}

const documentSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    unit: idSchema,
    unitName: z.string().max(200).optional(),
    month: z.string().max(10).describe("The month: 2026-10."),
    results: z.array(z.unknown()).max(1_000_000).optional(),
    previous: z.array(z.unknown()).max(1_000_000).optional(),
    scheme: z.unknown().optional(),
    subjects: z.array(z.unknown()).max(1_000_000).optional(),
    previousSubjects: z.array(z.unknown()).max(1_000_000).optional(),
    rank: z.unknown().optional(),
    tiers: z.unknown().optional(),
    roadmap: z.strictObject({ versions: z.array(z.unknown()).min(1).max(10_000), actuals: z.array(z.unknown()).max(1_000_000), spanning: z.enum(["end", "pro-rata"]).optional() }).optional(),
    keyTasks: z
      .strictObject({ list: z.unknown(), staff: z.array(z.unknown()).max(1_000_000), reports: z.array(z.unknown()).max(1_000_000), options: z.unknown().optional(), indicator: idSchema.optional() })
      .optional(),
    nextKeyTasks: z.unknown().optional(),
    bottom: z.number().int().min(0).max(1_000_000).optional(),
    horizon: z.number().int().min(1).max(12).optional(),
  })
  .describe("A jixiao monthly board document (三晒).");

/** Runs `fn` with the paths of its issues under `base`. */
const under = <T>(base: IssuePath, fn: () => T): T => relocate((path) => [...base, ...path], fn);

/**
 * Makes a month's board from one document: scores the subjects (or takes the results), works out
 * the roadmap's progress for the month under its versions and the month's key tasks, and builds the board.
 * @param document - the board document.
 * @returns the board and what it was made of.
 * @throws {@link JixiaoError} listing the issues of the part that is not valid, each with its path in the document.
 * @example
 * ```ts
 * boardFromDocument({ unit: "u", month: "2026-10", results: [{ subjectId: "p1", total: 90 }] }).board.results[0].rank;
 * //=> 1
 * ```
 */
export function boardFromDocument(document: BoardDocument): BoardFromDocument {
  const d = parseWith(documentSchema, document, "Board document is not valid");
  const scheme = d.scheme !== undefined ? under(["scheme"], () => defineScheme(d.scheme as SchemeConfig)) : undefined;
  const scored = (list: readonly unknown[] | undefined, at: string) => (scheme && list ? under([at], () => scoreAll(scheme, list as SubjectInput[])) : undefined);
  const keyTasks = d.keyTasks
    ? under(["keyTasks"], () => assessKeyTasks(d.keyTasks!.list as KeyTaskList, d.keyTasks!.staff as StaffMember[], d.keyTasks!.reports as KeyTaskReport[], (d.keyTasks!.options ?? {}) as KeyTaskOptions))
    : undefined;
  const indicator = d.keyTasks?.indicator;
  let subjects = d.subjects;
  if (indicator !== undefined && keyTasks) {
    if (!scheme || !subjects) throw new JixiaoError([issue(IssueCode.required, ["keyTasks", "indicator"], { key: "keyTaskIndicatorNeedsSubjects" })], "Board document is not valid");
    const credit = new Map(keyTasks.people.map((p) => [p.person, p.exact.applied]));
    const issues: Issue[] = [];
    subjects = subjects.map((s, i) => {
      const subject = s as { id?: unknown; values?: Record<string, unknown> };
      if (subject.values && Object.prototype.hasOwnProperty.call(subject.values, indicator))
        issues.push(issue(IssueCode.invalidValue, ["subjects", i, "values", indicator], { key: "keyTaskValueGiven", indicator }));
      return { ...subject, values: { ...subject.values, [indicator]: credit.get(String(subject.id)) ?? "0" } };
    });
    if (issues.length > 0) throw new JixiaoError(issues, "Board document is not valid");
  }
  const results = scored(subjects, "subjects");
  const previous = scored(d.previousSubjects, "previousSubjects");
  const roadmap = d.roadmap
    ? (() => {
        const versions = under(["roadmap"], () => defineVersions(d.roadmap!.versions as RuleVersion<RoadmapConfig>[]));
        return under(["roadmap"], () => versionedProgress(versions, d.roadmap!.actuals as RoadmapActual[], d.month, d.roadmap!.spanning ? { spanning: d.roadmap!.spanning } : {}));
      })()
    : undefined;
  const board = monthlyBoard(
    {
      unit: d.unit,
      ...(d.unitName !== undefined ? { unitName: d.unitName } : {}),
      month: d.month,
      results: (results ?? d.results ?? []) as Rankable[],
      ...(previous || d.previous ? { previous: (previous ?? d.previous) as Rankable[] } : {}),
      ...(d.rank !== undefined ? { rank: d.rank as RankOptions } : {}),
      ...(d.tiers !== undefined ? { tiers: d.tiers as TierPolicy } : {}),
      ...(roadmap ? { roadmap: roadmap.items } : {}),
      ...(keyTasks ? { keyTasks } : {}),
      ...(d.nextKeyTasks !== undefined ? { nextKeyTasks: d.nextKeyTasks as KeyTaskList } : {}),
    },
    { ...(d.bottom !== undefined ? { bottom: d.bottom } : {}), ...(d.horizon !== undefined ? { horizon: d.horizon } : {}) },
  );
  return made("boardFromDocument", Object.freeze({ board, ...(results ? { results } : {}), ...(roadmap ? { roadmap } : {}), ...(keyTasks ? { keyTasks } : {}) }));
}

/**
 * A person's explanation on the board: their score's explanation (where the document scored them)
 * and the explanation of each roadmap item they own, with its lineage.
 * @param from - what {@link boardFromDocument} made.
 * @param subject - the person (or owner).
 * @param locale - `zh-CN` (default) or `en`.
 * @returns the explanation, or `undefined` when there is nothing to explain for them.
 * @throws {@link JixiaoError} when `from` was not made by {@link boardFromDocument}, or the subject or language is not valid.
 * @example
 * ```ts
 * boardExplanation(made, "county-a")?.split("\n")[0];
 * //=> "清理欠税（A 县局）：截至 2026-10-31，实际 76，应达 80（节点 Q3），滞后 4。"
 * ```
 */
export function boardExplanation(from: BoardFromDocument, subject: string, locale: Locale = "zh-CN"): string | undefined {
  if (!madeAs("boardFromDocument", from)) throw new JixiaoError([issue(IssueCode.invalidInput, ["from"], { key: "boardNotMade" })], "Not a board made from a document");
  const who = parseWith(z.string().min(1).max(200), subject, "Not a subject id", ["subject"]);
  const lang = parseWith(z.enum(["zh-CN", "en"]), locale, "Not a language", ["locale"]);
  const parts: string[] = [];
  const result = from.results?.find((r) => r.subjectId === who);
  if (result) parts.push(explain(result, { locale: lang }));
  for (const item of from.roadmap?.items ?? []) if (item.owner === who) parts.push(explainProgress(item, { locale: lang }));
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

/**
 * The JSON Schema (draft 2020-12) of a board document.
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * boardDocumentJsonSchema().required;
 * //=> ["unit", "month"]
 * ```
 */
export function boardDocumentJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(documentSchema, "jixiao monthly board");
}
