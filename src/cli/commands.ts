import { JixiaoError } from "../core/errors.js";
import { cascade } from "../cascade/cascade.js";
import { defineCascadePlan, cascadePlanJsonSchema } from "../cascade/plan.js";
import { defineOrgTree, type OrgUnit } from "../cascade/tree.js";
import type { CascadePlan } from "../cascade/types.js";
import { explain } from "../explain/explain.js";
import type { Locale } from "../explain/messages.js";
import { lastPlacePolicyJsonSchema } from "../penalties/last-place.js";
import { rank } from "../ranking/rank.js";
import type { Rankable, RankOptions } from "../ranking/types.js";
import { defineScheme, type Scheme } from "../scheme/define.js";
import { schemeJsonSchema } from "../scheme/json-schema.js";
import type { SchemeConfig } from "../scheme/types.js";
import { scoreAll } from "../scoring/score.js";
import type { ScoreOptions, ScoreResult } from "../scoring/result.js";
import type { SubjectInput } from "../scoring/subject.js";
import { allocateTasks } from "../tasks/allocate.js";
import { defineTaskBoard, taskBoardJsonSchema } from "../tasks/board.js";
import { creditTasks } from "../tasks/credit.js";
import { explainTaskReason } from "../tasks/explain.js";
import type { AllocationPolicy, Completion, CreditPolicy, Grab, StaffMember, TaskBoardConfig } from "../tasks/types.js";
import { assignTiers } from "../tiers/assign.js";
import { defineTierPolicy, tierPolicyJsonSchema } from "../tiers/policy.js";
import type { TierPolicy } from "../tiers/types.js";
import { scenarioJsonSchema } from "../verify/json-schema.js";
import { formatScenarioReport } from "../verify/report.js";
import { verifyScenarios } from "../node/verify.js";
import { inFile, readInput, readOptions, recordsFrom, scoresFrom, staffFrom, subjectsFrom, treeFrom, type CliIo } from "./inputs.js";
import { isUnreadable } from "../node/issue.js";
import type { Output } from "./output.js";

/** The published JSON Schemas, by the name `jixiao schema` takes. @internal */
export const SCHEMAS: Readonly<Record<string, () => Record<string, unknown>>> = {
  scheme: schemeJsonSchema,
  "tier-policy": tierPolicyJsonSchema,
  "last-place-policy": lastPlacePolicyJsonSchema,
  "task-board": taskBoardJsonSchema,
  "cascade-plan": cascadePlanJsonSchema,
  scenario: scenarioJsonSchema,
};

/** A command's parsed options and where it reads and writes. @internal */
export interface Context {
  readonly io: CliIo;
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly progress: (message: string) => void;
}

/** What a command gives back: an output to format, or text as it is, with an exit code. @internal */
export type Outcome = { readonly output: Output } | { readonly text: string; readonly code?: number };

/** A usage mistake (a missing option, a bad value): exit code 2 with the command's usage. @internal */
export class UsageError extends Error {}

const option = (ctx: Context, name: string): string | undefined => {
  const v = ctx.values[name];
  return typeof v === "string" ? v : undefined;
};
const required = (ctx: Context, name: string): string => {
  const v = option(ctx, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
};
/** How to read the data files: `--input-format`, `--encoding`, `--sheet`, and the language of notes. */
const reading = (ctx: Context, withFormat = true) => readOptions(ctx.values, withFormat);

/** Reads a rule document and defines it. */
async function rule<T>(ctx: Context, name: string, define: (data: never) => T): Promise<T> {
  const file = required(ctx, name);
  const read = await readInput(ctx.io, file, { locale: reading(ctx).locale! });
  return inFile(file, () => define(read.data as never));
}

async function scored(ctx: Context, scheme: Scheme, file: string): Promise<ScoreResult[]> {
  const read = await readInput(ctx.io, file, reading(ctx));
  const subjects = subjectsFrom(read, scheme) as SubjectInput[];
  const missing = option(ctx, "missing");
  if (missing !== undefined && !["error", "not-applicable", "zero"].includes(missing)) throw new UsageError(`--missing must be error, not-applicable or zero, not ${missing}`);
  ctx.progress(`scoring ${Array.isArray(subjects) ? subjects.length : 0} subjects…`);
  return inFile(file, () => scoreAll(scheme, subjects, missing ? ({ missing } as ScoreOptions) : undefined), read.rows);
}

const one = (ctx: Context, what: string): string => {
  if (ctx.positionals.length !== 1) throw new UsageError(ctx.positionals.length === 0 ? `give the ${what} file (or - for standard input)` : `give one ${what} file, not ${ctx.positionals.length}`);
  return ctx.positionals[0]!;
};

/** `jixiao score`. @internal */
export async function scoreCommand(ctx: Context): Promise<Outcome> {
  const scheme = await rule(ctx, "scheme", (d: SchemeConfig) => defineScheme(d));
  const results = await scored(ctx, scheme, one(ctx, "subjects"));
  const groups = scheme.groups.map((g) => g.id);
  return {
    output: {
      json: results,
      columns: ["id", "name", ...scheme.groups.map((g) => g.name ?? g.id), "total"],
      rows: results.map((r) => [r.subjectId, r.name ?? "", ...groups.map((g) => r.groups.find((x) => x.id === g)?.earned ?? null), r.total]),
    },
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
  let rows: readonly number[] | undefined;
  if (option(ctx, "scheme") !== undefined) list = await scored(ctx, await rule(ctx, "scheme", (d: SchemeConfig) => defineScheme(d)), file);
  else {
    const read = await readInput(ctx.io, file, reading(ctx));
    [list, rows] = [scoresFrom(read) as Rankable[], read.rows];
  }
  const ranking = inFile(file, () => rank(list, rankOptions(ctx)), rows);
  const assignment = assignTiers(ranking, policy);
  const grouped = ranking.groupBy !== null || assignment.groupBy !== null;
  return {
    output: {
      json: { ranking, assignment },
      columns: ["id", "name", ...(grouped ? ["peer group"] : []), "score", "rank", "tier", "reason"],
      rows: assignment.placements.map((p) => [p.subjectId, p.name ?? "", ...(grouped ? [p.peerGroup ?? ""] : []), p.score, p.rank, p.tier, p.reason.rule]),
    },
  };
}

/** `jixiao tasks`. @internal */
export async function tasksCommand(ctx: Context): Promise<Outcome> {
  const board = await rule(ctx, "board", (d: TaskBoardConfig) => defineTaskBoard(d));
  const read = async (name: string, convert: (r: Awaited<ReturnType<typeof readInput>>) => unknown, data = true) => {
    const file = option(ctx, name);
    return file === undefined ? undefined : { file, data: convert(await readInput(ctx.io, file, data ? reading(ctx, false) : { locale: reading(ctx).locale! })) };
  };
  const staff = await read("staff", staffFrom);
  const grabs = await read("grabs", recordsFrom);
  if (!staff) throw new UsageError("--staff is required");
  if (!grabs) throw new UsageError("--grabs is required");
  const completions = await read("completions", recordsFrom);
  const allocationPolicy = await read("allocation-policy", (r) => r.data, false);
  const creditPolicy = await read("credit-policy", (r) => r.data, false);
  const allocation = inFile(`${staff.file}, ${grabs.file}`, () =>
    allocateTasks(board, grabs.data as Grab[], staff.data as StaffMember[], allocationPolicy?.data as AllocationPolicy | undefined),
  );
  if (!completions) {
    return {
      output: {
        json: allocation,
        columns: ["task", "status", "owners", "how"],
        rows: allocation.tasks.map((t) => [t.task, t.status, t.owners.map((o) => o.person).join(" "), t.owners.map((o) => o.how).join(" ") || (t.reason ? explainTaskReason(t.reason, { locale: "en" }) : "")]),
      },
    };
  }
  const credits = inFile(completions.file, () => creditTasks(board, allocation, completions.data as Completion[], creditPolicy?.data as CreditPolicy | undefined));
  return {
    output: {
      json: { allocation, credits },
      columns: ["person", "tasks", "total", "cap", "applied", "excess"],
      rows: credits.people.map((p) => [p.person, p.credits.map((c) => c.task).join(" "), p.total, p.cap, p.applied, p.excess]),
    },
  };
}

/** `jixiao cascade`. @internal */
export async function cascadeCommand(ctx: Context): Promise<Outcome> {
  const plan = await rule(ctx, "plan", (d: CascadePlan) => defineCascadePlan(d));
  const treeFile = required(ctx, "tree");
  const read = await readInput(ctx.io, treeFile, reading(ctx, false));
  const tree = inFile(treeFile, () => defineOrgTree(treeFrom(read) as OrgUnit[]), read.rows);
  const result = cascade(plan, tree);
  return {
    output: {
      json: result,
      columns: ["unit", "level", "indicator", "origin", "target", "retained", "lineage"],
      rows: result.units.flatMap((u) =>
        u.indicators.map((i) => [u.unit, u.level, i.id, i.origin, i.target, i.retained, i.lineage.map((l) => `${l.unit}${l.target === null ? "" : ` ${l.target}`}`).join(" → ")]),
      ),
    },
  };
}

const localeOf = (ctx: Context): Locale => {
  const locale = option(ctx, "locale") ?? "zh-CN";
  if (locale !== "zh-CN" && locale !== "en") throw new UsageError(`--locale must be zh-CN or en, not ${locale}`);
  return locale;
};

/** `jixiao verify`. @internal */
export async function verifyCommand(ctx: Context): Promise<Outcome> {
  if (ctx.positionals.length === 0) throw new UsageError("give one or more scenario files or folders");
  const report = verifyScenarios(ctx.positionals, {
    cwd: ctx.io.cwd,
    locale: localeOf(ctx),
    onFile: (file, index, count) => ctx.progress(`verifying ${index + 1}/${count} ${file}`),
  });
  // A path that does not exist or a file that cannot be read is bad input (exit 2), not a failed case (1).
  const unreadable = report.files.flatMap((f) => f.issues.filter(isUnreadable));
  if (unreadable.length > 0) throw new JixiaoError(unreadable, "The scenario files cannot be read");
  const code = report.passed ? 0 : 1;
  const format = option(ctx, "format");
  if (format === "json") return { text: `${JSON.stringify(report, null, 2)}\n`, code };
  if (format === "csv" || format === "table") {
    const rows = report.files.flatMap((f) => [
      ...f.issues.map((i) => [f.file, "", "", "", "", i.message]),
      ...f.cases.flatMap((c) => [
        ...(c.passed ? [[f.file, c.name, "passed", "", "", ""]] : []),
        ...c.issues.map((i) => [f.file, c.name, "failed", "", "", i.message]),
        ...c.failures.map((x) => [f.file, c.name, "failed", x.path, x.expected, x.actual]),
      ]),
    ]);
    return { output: { json: report, columns: ["file", "case", "result", "path", "expected", "actual"], rows } };
  }
  return { text: `${formatScenarioReport(report)}\n`, code };
}

/** `jixiao schema`. @internal */
export async function schemaCommand(ctx: Context): Promise<Outcome> {
  const names = Object.keys(SCHEMAS);
  if (ctx.positionals.length === 0) return { text: `${names.join("\n")}\n` };
  const name = ctx.positionals[0]!.replace(/\.schema\.json$/, "");
  if (ctx.positionals.length > 1 || !Object.prototype.hasOwnProperty.call(SCHEMAS, name)) throw new UsageError(`unknown schema "${ctx.positionals.join(" ")}"; the schemas are ${names.join(", ")}`);
  return { text: `${JSON.stringify(SCHEMAS[name]!(), null, 2)}\n` };
}

/** `jixiao explain`. @internal */
export async function explainCommand(ctx: Context): Promise<Outcome> {
  const id = required(ctx, "id");
  const locale = localeOf(ctx);
  const scheme = await rule(ctx, "scheme", (d: SchemeConfig) => defineScheme(d));
  const results = await scored(ctx, scheme, one(ctx, "subjects"));
  const result = results.find((r) => r.subjectId === id);
  if (!result) throw new UsageError(`no subject "${id}" in ${ctx.positionals[0]}`);
  return { text: `${explain(result, { locale })}\n` };
}

/** `jixiao demo`: the same program as `npm run demo`. @internal */
export async function demoCommand(ctx: Context): Promise<Outcome> {
  if (ctx.positionals.length > 0) throw new UsageError("takes no arguments");
  const { runDemo } = await import("../../examples/county-quarter.js");
  const lines: string[] = [];
  runDemo((line) => lines.push(line));
  return { text: `${lines.join("\n")}\n` };
}
