import { formatIssue, formatPath, JixiaoError, type Issue, type IssuePath } from "../core/errors.js";
import { cascade } from "../cascade/cascade.js";
import { defineCascadePlan } from "../cascade/plan.js";
import { defineOrgTree, type OrgUnit } from "../cascade/tree.js";
import type { CascadePlan } from "../cascade/types.js";
import { explain } from "../explain/explain.js";
import { explainTier } from "../explain/tiers.js";
import type { Locale } from "../messages/types.js";
import { rank } from "../ranking/rank.js";
import type { Rankable, RankOptions } from "../ranking/types.js";
import { defineScheme, type Scheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import { scoreAll } from "../scoring/score.js";
import type { ScoreOptions, ScoreResult } from "../scoring/result.js";
import type { SubjectInput } from "../scoring/subject.js";
import { allocateTasks } from "../tasks/allocate.js";
import { defineTaskBoard } from "../tasks/board.js";
import { creditTasks } from "../tasks/credit.js";
import { explainTaskReason } from "../tasks/explain.js";
import type { AllocationPolicy, Completion, CreditPolicy, Grab, StaffMember, TaskBoardConfig } from "../tasks/types.js";
import { defineTierPolicy } from "../tiers/policy.js";
import type { TierPlacement, TierPolicy } from "../tiers/types.js";
import { actualText, formatScenarioReport } from "../verify/report.js";
import { verifyScenarios } from "../node/verify.js";
import { readInput, readOptions, recordsFrom, scoresFrom, staffFrom, subjectsFrom, treeFrom, type CliIo, type Read } from "./inputs.js";
import { exactNumber, type Output } from "./output.js";
import { FIELDS, fieldLabel, headerKey, headersOf, outputLabel, rowNote, type Field, type OutputColumn } from "../tables/index.js";
import { attributeHeader, cliLabel, say, type CliColumn, type Text } from "./words.js";
import { assess, type AssessmentInput, type AssessmentRules } from "../pipeline/assess.js";
import { compare, explainChange } from "../compare/compare.js";
import { comparisonReport } from "../compare/report.js";
import { writeFileAtomic } from "../node/files.js";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The published JSON Schemas, by the name `jixiao schema` takes (the one list). @internal */
export { SCHEMAS } from "../schemas.js";
import { SCHEMAS } from "../schemas.js";

/** A command's parsed options, the language it writes in, and where it reads and writes. @internal */
export interface Context {
  readonly io: CliIo;
  /** The language of every text it writes (`--lang`, or the system's). */
  readonly lang: Locale;
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
  readonly progress: (text: Text) => void;
}

/** Issues to show as warnings on standard error, with where they are. @internal */
export interface Warnings {
  readonly issues: readonly Issue[];
  readonly place?: Place;
}

/** What a command gives back: an output to format (and warnings about it), or text as it is; with an exit code. @internal */
export type Outcome = { readonly output: Output; readonly warnings?: Warnings; readonly code?: number } | { readonly text: string; readonly code?: number };

/** A usage mistake (a missing option, a bad value): exit code 2 with the command's usage. Its words are data, worded in the reader's language. @internal */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.key);
  }
}

const option = (ctx: Context, name: string): string | undefined => {
  const v = ctx.values[name];
  return typeof v === "string" ? v : undefined;
};
const required = (ctx: Context, name: string): string => {
  const v = option(ctx, name);
  if (v === undefined) throw new UsageError({ key: "optionRequired", option: `--${name}` });
  return v;
};
/** How to read a data file: `--input-format` (where `withFormat`), `--encoding`, `--sheet`, and the language of notes. */
const reading = (ctx: Context, withFormat = true) => readOptions(ctx.values, ctx.lang, withFormat);

/**
 * Writes where an issue is for a person, in a language: the file, and in a CSV file the row as
 * Excel shows it (the header is row 1) and the column by its header
 * (`people.csv 第 3 行「征收任务完成率」列`, `people.csv row 3, column "征收任务完成率"`).
 * @internal
 */
export type Place = (lang: Locale) => (path: IssuePath) => string;

/** A file an issue may be in: its name, and for a table (CSV) how a field maps to a column and each record's row. @internal */
export interface Source {
  readonly name: string;
  /** For a table: the column holding a field of a row (`["values", "collection"]` → 征收任务完成率). */
  readonly column?: (field: IssuePath) => string | undefined;
  /** For a table: each record's row as Excel shows it, where the reader gives them (blank rows skipped); else the record's index + 2. */
  readonly rows?: readonly number[];
}

const places = new WeakMap<JixiaoError, Place>();

/** Where the issues of an error are, when it came from a file. @internal */
export const placeOf = (error: JixiaoError): Place | undefined => places.get(error);

const pathText = (path: IssuePath) => (path.length === 0 ? "" : formatPath(path));

/** The place writer of a file's issues: their paths start in the file (at a row's index, for a CSV file). @internal */
export function placeIn(source: Source): Place {
  return (lang) => (path) => {
    const index = path[0];
    if (!source.column || typeof index !== "number") return say(lang, { key: "placeInFile", file: source.name, path: pathText(path) });
    // The header is row 1, so the first record is row 2, unless the reader says where each record is.
    const row = source.rows?.[index] ?? index + 2;
    const column = source.column(path.slice(1));
    return column === undefined
      ? say(lang, { key: "placeInRowPath", file: source.name, row, path: pathText(path.slice(1)) })
      : say(lang, { key: "placeInRow", file: source.name, row, column });
  };
}

/**
 * The place writer of issues about several files, whose paths start with the name of the input
 * (`["grabs", 3, "at"]`); a path that names none of them is placed in `fallback`.
 * @internal
 */
export function placeAmong(sources: Readonly<Record<string, Source>>, fallback: string): Place {
  return (lang) => (path) => {
    const root = path[0];
    if (typeof root === "string" && Object.prototype.hasOwnProperty.call(sources, root)) return placeIn(sources[root]!)(lang)(path.slice(1));
    return say(lang, { key: "placeInFile", file: fallback, path: pathText(path) });
  };
}

/**
 * The headers a table's column of an issue's field may have: a fixed field's (by the one header
 * mapping, `headersOf`; a scores' `subjectId` is the `id` column), any other field's own name.
 */
const headersOfPath = (field: string): readonly string[] => {
  const f = field === "subjectId" ? "id" : field;
  return Object.prototype.hasOwnProperty.call(FIELDS, f) ? headersOf(f as Field) : [field];
};

/**
 * Where a file's issues are: a CSV file names the row and the column (an indicator's column is
 * headed by its id or its name, given by `names`); any other file the path inside it.
 * @internal
 */
export function sourceOf(read: Read, names: ReadonlyMap<string, string> = new Map()): Source {
  // A table: CSV, or a sheet of a workbook where the reader takes xlsx.
  const table = read.format === "csv" || (read.format as string) === "xlsx";
  if (!table || !Array.isArray(read.data)) return { name: read.name };
  const first = read.data[0] as Record<string, string> | undefined;
  const headers = first ? Object.keys(first) : [];
  // Each record's row as Excel shows it, where the reader gives them.
  const rows = (read as Read & { readonly rows?: readonly number[] }).rows;
  return {
    name: read.name,
    ...(rows ? { rows } : {}),
    column: ([field, key]) => {
      if (typeof field !== "string") return undefined;
      const wanted = (
        (field === "values" || field === "attributes") && typeof key === "string" ? [key, ...(names.has(key) ? [names.get(key)!] : [])] : headersOfPath(field)
      ).map(headerKey);
      // Compared as the header mapping reads headers (case and full-width forms folded).
      return headers.find((h) => wanted.includes(headerKey(h)));
    },
  };
}

/**
 * Runs `fn`; a `JixiaoError` it throws keeps its issues as they are and gets the writer of their
 * place (the file, and in a CSV file the row and column), which the command line uses to word them.
 * @internal
 */
export function inFile<T>(place: Place, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof JixiaoError && !places.has(error)) places.set(error, place);
    throw error;
  }
}

/** Reads a rule document and defines it; with the writer of places in its file. */
async function ruleIn<T>(ctx: Context, name: string, define: (data: never) => T): Promise<{ value: T; place: Place }> {
  const file = required(ctx, name);
  const read = await readInput(ctx.io, file, { locale: ctx.lang });
  const place = placeIn(sourceOf(read));
  return { value: inFile(place, () => define(read.data as never)), place };
}

/** Reads a rule document and defines it. */
const rule = async <T>(ctx: Context, name: string, define: (data: never) => T): Promise<T> => (await ruleIn(ctx, name, define)).value;

const MISSING = ["error", "not-applicable", "zero"] as const;

/** A score result's warnings (implausible values, say), where the engine gives them. */
type Warned = ScoreResult & { readonly warnings?: readonly Issue[] };

/** Subjects scored, with the file's place writer and the results' warnings (each at its subject's place in the file). */
async function scored(ctx: Context, scheme: Scheme, file: string): Promise<{ results: ScoreResult[]; source: Source; place: Place; warnings: Issue[] }> {
  const read = await readInput(ctx.io, file, reading(ctx));
  const subjects = subjectsFrom(read, scheme) as SubjectInput[];
  const missing = option(ctx, "missing");
  if (missing !== undefined && !(MISSING as readonly string[]).includes(missing)) throw new UsageError({ key: "optionOneOf", option: "--missing", options: MISSING, given: missing });
  ctx.progress({ key: "scoring", count: Array.isArray(subjects) ? subjects.length : 0 });
  const names = new Map(scheme.groups.flatMap((g) => g.indicators.flatMap((i) => (i.name === undefined ? [] : [[i.id, i.name] as const]))));
  const source = sourceOf(read, names);
  const place = placeIn(source);
  const results = inFile(place, () => scoreAll(scheme, subjects, missing ? ({ missing } as ScoreOptions) : undefined));
  // A warning's path starts at its subject (or at the subject's index in the batch): the row of the file.
  const rowOf = new Map(subjects.map((x, i) => [x.id, i]));
  const warnings = results.flatMap((r) => ((r as Warned).warnings ?? []).map((w) => (typeof w.path[0] === "number" ? w : { ...w, path: [rowOf.get(r.subjectId) ?? 0, ...w.path] })));
  return { results, source, place, warnings };
}

/** Where a warning is within its subject's row, for the note column: the column by its header (「征收任务完成率」列). */
const inRow =
  (source: Source, lang: Locale) =>
  (path: IssuePath): string => {
    const field = typeof path[0] === "number" ? path.slice(1) : path;
    const column = source.column?.(field);
    return column === undefined ? pathText(field) : say(lang, { key: "placeColumn", column });
  };

const one = (ctx: Context, what: "subjects" | "scores"): string => {
  const n = ctx.positionals.length;
  if (n !== 1) throw new UsageError(n === 0 ? { key: "giveFile", what } : { key: "giveOneFile", what, count: n });
  return ctx.positionals[0]!;
};

/** The attribute keys of a list of results or entries, in the order first met. */
const attributeKeys = (items: readonly { readonly attributes?: Readonly<Record<string, unknown>> }[]) => [
  ...new Set(items.flatMap((r) => (r.attributes && typeof r.attributes === "object" ? Object.keys(r.attributes) : []))),
];

/** The headers of a command's columns in its language: a fixed field's and an output column's, as the one header mapping names them. */
const labels = (ctx: Context) => [(c: Field) => fieldLabel(c, ctx.lang), (c: OutputColumn) => outputLabel(c, ctx.lang)] as const;

/**
 * Why a subject is in its tier, for the reason column: `explainTier`'s words without its first two
 * lines (the tier and the rank, which the row's columns show), one line after another.
 */
const tierReason = (placement: TierPlacement, lang: Locale): string =>
  explainTier(placement, { locale: lang })
    .split("\n")
    .slice(2)
    .join(lang === "en" ? "; " : "；");

/** `jixiao score`. @internal */
export async function scoreCommand(ctx: Context): Promise<Outcome> {
  const scheme = await rule(ctx, "scheme", (d: SchemeConfig) => defineScheme(d));
  const { results, source, place, warnings } = await scored(ctx, scheme, one(ctx, "subjects"));
  const groups = scheme.groups.map((g) => g.id);
  const attributes = attributeKeys(results);
  const [f, o] = labels(ctx);
  return {
    output: {
      json: results,
      columns: [f("id"), f("name"), ...attributes.map((a) => attributeHeader(a, ctx.lang)), ...scheme.groups.map((g) => g.name ?? g.id), f("total"), o("notes")],
      rows: results.map((r) => [
        r.subjectId,
        r.name ?? "",
        ...attributes.map((a) => r.attributes?.[a] ?? ""),
        ...groups.map((g) => {
          const x = r.groups.find((y) => y.id === g);
          return x ? exactNumber(x.exact) : null;
        }),
        exactNumber(r.exact),
        rowNote(r, ctx.lang, inRow(source, ctx.lang)),
      ]),
    },
    warnings: { issues: warnings, place },
  };
}

function rankOptions(ctx: Context): RankOptions {
  const out: Record<string, unknown> = {};
  for (const [flag, key] of [["by", "by"], ["order", "order"], ["group-by", "groupBy"], ["ties", "ties"]] as const) if (option(ctx, flag) !== undefined) out[key] = option(ctx, flag);
  return out as RankOptions;
}

/** `jixiao tiers`. @internal */
export async function tiersCommand(ctx: Context): Promise<Outcome> {
  const policy = await rule(ctx, "policy", (d: TierPolicy) => defineTierPolicy(d));
  const file = one(ctx, option(ctx, "scheme") ? "subjects" : "scores");
  let list: readonly Rankable[];
  let place: Place;
  let warnings: Issue[] = [];
  if (option(ctx, "scheme") !== undefined) ({ results: list, place, warnings } = await scored(ctx, await rule(ctx, "scheme", (d: SchemeConfig) => defineScheme(d)), file));
  else {
    const read = await readInput(ctx.io, file, reading(ctx));
    [list, place] = [scoresFrom(read) as Rankable[], placeIn(sourceOf(read))];
  }
  const { ranking, assignment: tiers } = assess({ rank: rankOptions(ctx), tierPolicy: policy }, { scores: list }, { at: (step, run) => (step === "rank" ? inFile(place, run) : run()) });
  const assignment = tiers!;
  const grouped = ranking.groupBy !== null || assignment.groupBy !== null;
  // An attribute the peer groups are made by is the peer group column already.
  const attributes = attributeKeys(ranking.entries).filter((a) => a !== ranking.groupBy && a !== assignment.groupBy);
  const entry = new Map(ranking.entries.map((e) => [e.subjectId, e]));
  const [f, o] = labels(ctx);
  return {
    output: {
      json: { ranking, assignment },
      columns: [f("id"), f("name"), ...attributes.map((a) => attributeHeader(a, ctx.lang)), ...(grouped ? [o("peerGroup")] : []), o("score"), o("rank"), o("tier"), o("reason")],
      rows: assignment.placements.map((p) => [
        p.subjectId,
        p.name ?? "",
        ...attributes.map((a) => entry.get(p.subjectId)?.attributes?.[a] ?? ""),
        ...(grouped ? [p.peerGroup ?? ""] : []),
        exactNumber(p.exact),
        p.rank,
        p.tier,
        tierReason(p, ctx.lang),
      ]),
    },
    warnings: { issues: warnings, place },
  };
}

/** The rules of an assessment a comparison side reads: each a rule document inline or a path to one, relative to the file. */
const SIDE_RULES = ["scheme", "rank", "lastPlace", "tierPolicy"] as const;

/**
 * One side of a comparison (`--baseline`, `--reform`): a document (JSON or YAML) whose `scheme`,
 * `rank`, `lastPlace` and `tierPolicy` are each a rule document, or a path to one relative to the
 * file; a folder stands for its `assessment.yaml`, `assessment.yml` or `assessment.json`.
 */
async function sideRules(ctx: Context, name: "baseline" | "reform"): Promise<AssessmentRules> {
  let file = required(ctx, name);
  const full = resolve(ctx.io.cwd, file);
  if (existsSync(full) && statSync(full).isDirectory()) {
    const found = ["assessment.yaml", "assessment.yml", "assessment.json"].find((f) => existsSync(join(full, f)));
    if (found === undefined) throw new UsageError({ key: "compareNoAssessment", folder: file });
    file = join(file, found);
  }
  const read = await readInput(ctx.io, file, { locale: ctx.lang });
  const doc = read.data;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new UsageError({ key: "compareNotRules", file });
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    if (!(SIDE_RULES as readonly string[]).includes(key)) throw new UsageError({ key: "compareUnknownRule", file, rule: key, rules: SIDE_RULES });
    const value = (doc as Record<string, unknown>)[key];
    out[key] = typeof value === "string" ? (await readInput(ctx.io, join(dirname(file), value), { locale: ctx.lang })).data : value;
  }
  return out as AssessmentRules;
}

/** `jixiao compare`. @internal */
export async function compareCommand(ctx: Context): Promise<Outcome> {
  const baseline = await sideRules(ctx, "baseline");
  const reform = await sideRules(ctx, "reform");
  const read = await readInput(ctx.io, one(ctx, "subjects"), reading(ctx));
  // People are subjects to score when a side has a scheme (their columns read by both schemes' indicators), else scores.
  const schemes = [baseline.scheme, reform.scheme].filter((x) => x !== undefined) as SchemeConfig[];
  const missing = option(ctx, "missing");
  if (missing !== undefined && !(MISSING as readonly string[]).includes(missing)) throw new UsageError({ key: "optionOneOf", option: "--missing", options: MISSING, given: missing });
  const input: AssessmentInput =
    schemes.length > 0
      ? { subjects: subjectsFrom(read, { id: "both", full: 0, groups: [{ id: "all", points: 0, indicators: schemes.flatMap((s) => (s.groups ?? []).flatMap((g) => g.indicators ?? [])) }] }) as SubjectInput[], ...(missing ? { options: { missing } as ScoreOptions } : {}) }
      : { scores: scoresFrom(read) as Rankable[] };
  ctx.progress({ key: "scoring", count: "subjects" in input && Array.isArray(input.subjects) ? input.subjects.length : 0 });
  const width = option(ctx, "width");
  const comparison = compare(baseline, reform, input, { locale: ctx.lang, ...(width !== undefined ? { histogram: { width } } : {}) });
  const html = option(ctx, "html");
  if (html !== undefined) writeFileAtomic(resolve(ctx.io.cwd, html), comparisonReport(comparison, { locale: ctx.lang }), html);
  const [f, o] = labels(ctx);
  const c = cliLabel;
  const { people, transitions, byGroup, distribution, movedUp, movedDown } = comparison;
  return {
    output: {
      json: { people, transitions, byGroup, distribution, movedUp, movedDown },
      columns: [f("id"), f("name"), o("peerGroup"), c("baselineTotal", ctx.lang), c("reformTotal", ctx.lang), c("change", ctx.lang), c("baselineTier", ctx.lang), c("reformTier", ctx.lang), o("reason")],
      rows: people.map((p) => [
        p.subjectId,
        p.name ?? "",
        p.group ?? "",
        exactNumber(p.baseline.exact),
        exactNumber(p.reform.exact),
        exactNumber(p.deltaExact),
        p.baseline.tier ?? "",
        p.reform.tier ?? "",
        // Why, for those whose total or tier changed: each cause (the columns show the totals and tiers).
        p.move === "same" && p.deltaExact === "0" ? "" : explainChange(comparison, p.subjectId, { locale: ctx.lang }).split("\n").slice(2).join(ctx.lang === "en" ? "; " : "；"),
      ]),
    },
  };
}

/** `jixiao tasks`. @internal */
export async function tasksCommand(ctx: Context): Promise<Outcome> {
  const board = await rule(ctx, "board", (d: TaskBoardConfig) => defineTaskBoard(d));
  const read = async (name: string, convert: (r: Read) => unknown, data = true) => {
    const file = option(ctx, name);
    if (file === undefined) return undefined;
    const r = await readInput(ctx.io, file, data ? reading(ctx, false) : { locale: ctx.lang });
    return { file, data: convert(r), source: sourceOf(r) };
  };
  const staff = await read("staff", staffFrom);
  const grabs = await read("grabs", recordsFrom);
  if (!staff) throw new UsageError({ key: "optionRequired", option: "--staff" });
  if (!grabs) throw new UsageError({ key: "optionRequired", option: "--grabs" });
  const completions = await read("completions", recordsFrom);
  const allocationPolicy = await read("allocation-policy", (r) => r.data, false);
  const creditPolicy = await read("credit-policy", (r) => r.data, false);
  const allocationPlace = placeAmong(
    { staff: staff.source, grabs: grabs.source, ...(allocationPolicy ? { policy: allocationPolicy.source } : {}) },
    `${staff.file}, ${grabs.file}`,
  );
  const allocation = inFile(allocationPlace, () =>
    allocateTasks(board, grabs.data as Grab[], staff.data as StaffMember[], allocationPolicy?.data as AllocationPolicy | undefined),
  );
  const [f, o] = labels(ctx);
  if (!completions) {
    // Why a task has no owner, or why each assigned owner got it: the task reasons' own words. (They
    // name posts, never people, so the staff are not passed to be named: explainTaskReason would
    // check the whole list again for each reason.)
    const why = (t: (typeof allocation.tasks)[number]) => {
      const assigned = t.owners.filter((x) => x.reason !== undefined);
      const reasons = [
        ...(t.reason ? [explainTaskReason(t.reason, { locale: ctx.lang })] : []),
        ...assigned.map((x) => `${assigned.length > 1 ? say(ctx.lang, { key: "taskOwnerReason", person: x.person }) : ""}${explainTaskReason(x.reason!, { locale: ctx.lang })}`),
      ];
      return reasons.join(ctx.lang === "en" ? "; " : "；");
    };
    return {
      output: {
        json: allocation,
        columns: [f("task"), o("status"), o("owners"), o("how"), o("reason")],
        rows: allocation.tasks.map((t) => [
          t.task,
          say(ctx.lang, { key: "taskStatus", status: t.status }),
          t.owners.map((x) => x.person).join(" "),
          t.owners.map((x) => say(ctx.lang, { key: "taskHow", how: x.how })).join(" "),
          why(t),
        ]),
      },
    };
  }
  const creditPlace = placeAmong({ completions: completions.source, ...(creditPolicy ? { policy: creditPolicy.source } : {}) }, completions.file);
  const credits = inFile(creditPlace, () => creditTasks(board, allocation, completions.data as Completion[], creditPolicy?.data as CreditPolicy | undefined));
  return {
    output: {
      json: { allocation, credits },
      columns: [f("person"), o("tasks"), o("creditTotal"), o("cap"), o("credit"), o("excess")],
      rows: credits.people.map((p) => [p.person, p.credits.map((c) => c.task).join(" "), exactNumber(p.exact.total), p.cap, exactNumber(p.exact.applied), exactNumber(p.exact.excess)]),
    },
  };
}

/** `jixiao cascade`. @internal */
export async function cascadeCommand(ctx: Context): Promise<Outcome> {
  const { value: plan, place } = await ruleIn(ctx, "plan", (d: CascadePlan) => defineCascadePlan(d));
  const treeFile = required(ctx, "tree");
  const read = await readInput(ctx.io, treeFile, reading(ctx, false));
  const tree = inFile(placeIn(sourceOf(read)), () => defineOrgTree(treeFrom(read) as OrgUnit[]));
  // What the plan asks of this tree (a unit it names, say) is a mistake in the plan.
  const result = inFile(place, () => cascade(plan, tree));
  const [f, o] = labels(ctx);
  return {
    output: {
      json: result,
      columns: [o("unit"), f("level"), o("indicator"), o("origin"), o("target"), o("retained"), o("lineage")],
      rows: result.units.flatMap((u) =>
        u.indicators.map((i) => [
          u.unit,
          u.level,
          i.id,
          say(ctx.lang, { key: "origin", origin: i.origin }),
          i.target,
          say(ctx.lang, { key: "yesNo", yes: i.retained }),
          i.lineage.map((l) => `${l.unit}${l.target === null ? "" : ` ${l.target}`}`).join(" → "),
        ]),
      ),
    },
  };
}

/** `jixiao verify`. @internal */
export async function verifyCommand(ctx: Context): Promise<Outcome> {
  if (ctx.positionals.length === 0) throw new UsageError({ key: "giveScenarios" });
  const report = verifyScenarios(ctx.positionals, {
    cwd: ctx.io.cwd,
    locale: ctx.lang,
    onFile: (file, index, count) => ctx.progress({ key: "verifying", index: index + 1, count, file }),
  });
  // A file that is missing or cannot be read is bad input (exit 2), not a failed case.
  const unread = report.files.filter((f) => f.issues.length > 0);
  if (unread.length > 0) {
    // Each issue is placed in its own file: the file's name leads its path.
    const files: Record<string, Source> = Object.fromEntries(unread.map((f) => [f.file, { name: f.file }]));
    const issues = unread.flatMap((f) => f.issues.map((i) => ({ ...i, path: [f.file, ...i.path] })));
    inFile(placeAmong(files, ""), () => {
      throw new JixiaoError(issues, "Scenario files cannot be read");
    });
  }
  const code = report.passed ? 0 : 1;
  const format = option(ctx, "format");
  if (format === "json") return { text: `${JSON.stringify(report, null, 2)}\n`, code };
  if (format === "csv" || format === "table") {
    const result = (passed: boolean) => say(ctx.lang, { key: "caseResult", passed });
    const rows = report.files.flatMap((f) =>
      f.cases.flatMap((c) => [
        ...(c.passed ? [[f.file, c.name, result(true), "", "", ""]] : []),
        ...c.issues.map((i) => [f.file, c.name, result(false), "", "", formatIssue(i, { locale: ctx.lang })]),
        ...c.failures.map((x) => [f.file, c.name, result(false), x.path, x.expected, actualText(x.actual, ctx.lang)]),
      ]),
    );
    const h = (c: CliColumn) => cliLabel(c, ctx.lang);
    return { output: { json: report, columns: [h("file"), h("case"), h("result"), h("path"), h("expected"), h("actual")], rows }, code };
  }
  return { text: `${formatScenarioReport(report, { locale: ctx.lang })}\n`, code };
}

/** `jixiao schema`. @internal */
export async function schemaCommand(ctx: Context): Promise<Outcome> {
  const names = Object.keys(SCHEMAS);
  if (ctx.positionals.length === 0) return { text: `${names.join("\n")}\n` };
  const name = ctx.positionals[0]!.replace(/\.schema\.json$/, "");
  if (ctx.positionals.length > 1 || !Object.prototype.hasOwnProperty.call(SCHEMAS, name)) throw new UsageError({ key: "unknownSchema", given: ctx.positionals.join(" "), names });
  return { text: `${JSON.stringify(SCHEMAS[name]!(), null, 2)}\n` };
}

/** `jixiao explain`. @internal */
export async function explainCommand(ctx: Context): Promise<Outcome> {
  const id = required(ctx, "id");
  const scheme = await rule(ctx, "scheme", (d: SchemeConfig) => defineScheme(d));
  const { results } = await scored(ctx, scheme, one(ctx, "subjects"));
  const result = results.find((r) => r.subjectId === id);
  if (!result) throw new UsageError({ key: "noSubject", id, file: ctx.positionals[0]! });
  return { text: `${explain(result, { locale: ctx.lang })}\n` };
}

/** `jixiao demo`: the same program as `npm run demo`. @internal */
export async function demoCommand(ctx: Context): Promise<Outcome> {
  if (ctx.positionals.length > 0) throw new UsageError({ key: "takesNoArguments" });
  const { runDemo } = await import("../../examples/county-quarter.js");
  const lines: string[] = [];
  runDemo((line) => lines.push(line), ctx.lang);
  return { text: `${lines.join("\n")}\n` };
}
