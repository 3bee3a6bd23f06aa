/// <reference types="node" />
import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { isJixiaoError, type JixiaoError } from "../core/errors.js";
import { writeFileAtomic } from "../node/files.js";
import {
  cascadeCommand,
  demoCommand,
  explainCommand,
  SCHEMAS,
  schemaCommand,
  scoreCommand,
  tasksCommand,
  tiersCommand,
  UsageError,
  verifyCommand,
  type Context,
  type Outcome,
} from "./commands.js";
import { inputError, readOptions, type CliIo } from "./inputs.js";
import { writeXlsx } from "../node/xlsx.js";
import { render as word, type Locale } from "../messages/index.js";
import { render, type Output, type OutputFormat } from "./output.js";
import packageJson from "../../package.json" with { type: "json" };

export type { CliIo } from "./inputs.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const OUTPUT: Options = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  bom: { type: "boolean" },
  "input-format": { type: "string" },
  encoding: { type: "string" },
  sheet: { type: "string" },
};
const OUTPUT_HELP = `Output:
  -f, --format <json|csv|table|xlsx>  how to write the result (default: from --output's extension, else table)
  -o, --output <file>             write to a file (atomically: a temporary file, then a rename);
                                  .xlsx writes an Excel workbook
      --bom                       start CSV with the byte-order mark Excel looks for
      --input-format <json|yaml|csv|xlsx>  the format of a data file whose name does not say (or of -)
      --encoding <utf-8|gb18030|gbk|utf-16le|utf-16be>  the encoding of a CSV data file
                                  (default: detected — UTF-8, a byte-order mark, else GB18030/GBK)
      --sheet <name>              the sheet of an xlsx data file (default: the first)`;

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly details: string;
  readonly options: Options;
  readonly run: (ctx: Context) => Promise<Outcome>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  score: {
    summary: "score subjects against a scheme",
    usage: "jixiao score --scheme <scheme.json|yaml> <subjects.json|yaml|csv|->",
    details: `Scores every subject (a cadre, a department, a unit) against the scheme, exactly.
Subjects in CSV: an id column (id or 编号), name (姓名), group (分组), bonus (加分), deductions (减分),
and a column per indicator, headed by its id or its name; an empty cell is missing, "不适用" or
"na" is not applicable; any other column is an attribute (部门, 职级 …).

  --scheme <file>                 the scheme (required)
  --missing <error|not-applicable|zero>  what a missing value means (default error)`,
    options: { scheme: { type: "string" }, missing: { type: "string" }, ...OUTPUT },
    run: scoreCommand,
  },
  tiers: {
    summary: "rank scores and place them in tiers (好/中/差)",
    usage: "jixiao tiers --policy <policy> <scores.json|yaml|csv>\n       jixiao tiers --policy <policy> --scheme <scheme> <subjects>",
    details: `Ranks the subjects and places each in a tier by the tier policy, with the reason.
Scores in CSV: id, total (总分), and optional name, group and attribute columns; in JSON or YAML a
list of { subjectId, total, … } or an object { "c001": 86.3 }. With --scheme, the file holds
subjects, which are scored first.

  --policy <file>                 the tier policy (required)
  --scheme <file>                 score the subjects with this scheme first
  --by <total|group:<id>|indicator:<id>>  what to rank by (default total)
  --order <desc|asc>              higher first (default) or lower first
  --group-by <field>              rank within peer groups: "group" or an attribute name
  --ties <competition|dense|ordinal>  how equal scores are ranked (default competition)
  --missing <error|not-applicable|zero>  with --scheme: what a missing value means`,
    options: {
      policy: { type: "string" },
      scheme: { type: "string" },
      by: { type: "string" },
      order: { type: "string" },
      "group-by": { type: "string" },
      ties: { type: "string" },
      missing: { type: "string" },
      ...OUTPUT,
    },
    run: tiersCommand,
  },
  tasks: {
    summary: "allocate grabbed tasks (三单) and credit completions",
    usage: "jixiao tasks --board <board> --staff <staff> --grabs <grabs> [--completions <completions>]",
    details: `Decides the grabs first come, first served, assigns what nobody grabbed by post, and — with
completions — credits each person. CSV columns: staff id, name, posts (separated by ; or 、),
department; grabs task, person, at; completions task, person, quality, completed, share.

  --board <file>                  the task board (required)
  --staff <file>                  the staff and their posts (required)
  --grabs <file>                  the grabs (required)
  --completions <file>            the completed tasks, to credit
  --allocation-policy <file>      maxTasksPerPerson, eligibility, assignSeats
  --credit-policy <file>          qualityGrades, assignedFactor, lateFactor, cap, splitDecimals`,
    options: {
      board: { type: "string" },
      staff: { type: "string" },
      grabs: { type: "string" },
      completions: { type: "string" },
      "allocation-policy": { type: "string" },
      "credit-policy": { type: "string" },
      ...OUTPUT,
    },
    run: tasksCommand,
  },
  cascade: {
    summary: "cascade a plan's targets down an organization tree",
    usage: "jixiao cascade --plan <plan> --tree <tree.json|yaml|csv>",
    details: `Passes each indicator down the tree as the plan says (split, replicate, retain), with every
unit's target and its lineage; splits always add up exactly. Tree CSV: id, name, level, parent
(empty for the root), departments (separated by ;).

  --plan <file>                   the cascade plan (required)
  --tree <file>                   the organization tree (required)`,
    options: { plan: { type: "string" }, tree: { type: "string" }, ...OUTPUT },
    run: cascadeCommand,
  },
  verify: {
    summary: "run scenario files; exit 1 if any case fails",
    usage: "jixiao verify <scenario file or folder>...",
    details: `Runs every case of the scenario files (YAML or JSON; a folder is searched for .yaml, .yml and
.json files) and reports each failure with its file, case, path, expected and actual values and
the trace lines behind the actual value. Exit code 0 when all pass, 1 when any fails.

  --locale <zh-CN|en>             the language of tier explanations (default zh-CN)
  -f, --format <text|json|csv|table>  the report as text (default), JSON, or rows`,
    options: { locale: { type: "string" }, format: { type: "string", short: "f" }, output: { type: "string", short: "o" }, bom: { type: "boolean" } },
    run: verifyCommand,
  },
  schema: {
    summary: "print a JSON Schema",
    usage: "jixiao schema [name]",
    details: `Prints the JSON Schema of a rule document or of scenario files; without a name, lists the names:
${Object.keys(SCHEMAS).join(", ")}.`,
    options: {},
    run: schemaCommand,
  },
  explain: {
    summary: "explain one subject's score, point by point",
    usage: "jixiao explain --scheme <scheme> --id <id> <subjects>",
    details: `Scores the subjects (all of them: rank methods need the batch) and explains one.

  --scheme <file>                 the scheme (required)
  --id <id>                       the subject to explain (required)
  --locale <zh-CN|en>             the language (default zh-CN)
  --missing <error|not-applicable|zero>  what a missing value means
  --input-format <json|yaml|csv|xlsx>  the format of the subjects file, when its name does not say
  --encoding <utf-8|gb18030|gbk|utf-16le|utf-16be>  the encoding of a CSV subjects file (default: detected)
  --sheet <name>                  the sheet of an xlsx subjects file (default: the first)`,
    options: {
      scheme: { type: "string" },
      id: { type: "string" },
      locale: { type: "string" },
      missing: { type: "string" },
      "input-format": { type: "string" },
      encoding: { type: "string" },
      sheet: { type: "string" },
    },
    run: explainCommand,
  },
  demo: {
    summary: "a county bureau's quarter: 200 cadres scored, ranked, tiered, one explained",
    usage: "jixiao demo",
    details: "Runs the same program as `npm run demo` (examples/county-quarter.ts); synthetic data, example rules.",
    options: {},
    run: demoCommand,
  },
};

const VERSION: string = packageJson.version;

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `jixiao ${VERSION} — exact, explainable performance scoring (绩效)

Usage: jixiao <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join("\n")}

Run "jixiao <command> --help" for a command's options. Files may be JSON, YAML or CSV (UTF-8,
with or without a byte-order mark). Exit codes: 0 done, 1 a scenario failed, 2 bad input or
usage, 3 an unexpected error (a bug).
`;
}

const commandHelp = (name: string, c: Command) => `Usage: ${c.usage} [options]

${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.

${c.details}
${Object.prototype.hasOwnProperty.call(c.options, "output") && name !== "verify" ? `\n${OUTPUT_HELP}\n` : ""}  -h, --help                      show this help
`;

/** A `JixiaoError` for people: what was being done, then each issue (message with its path). */
function describeError(command: string, error: JixiaoError): string {
  const [head] = error.message.split("\n");
  const issues = error.issues.slice(0, 50).map((i) => `  - ${i.message}`);
  if (error.issues.length > 50) issues.push(`  … and ${error.issues.length - 50} more`);
  return `jixiao ${command}: ${head!.replace(/: \d+ issues?$/, "")}\n${issues.join("\n")}\n`;
}

function formatOf(ctx: Context): OutputFormat | "xlsx" {
  const given = ctx.values.format;
  if (typeof given === "string") {
    if (given !== "json" && given !== "csv" && given !== "table" && given !== "xlsx") throw new UsageError(`--format must be json, csv, table or xlsx, not ${given}`);
    return given;
  }
  const output = ctx.values.output;
  if (typeof output === "string") {
    if (/\.json$/i.test(output)) return "json";
    if (/\.csv$/i.test(output)) return "csv";
    if (/\.xlsx$/i.test(output)) return "xlsx";
  }
  return "table";
}

/** An output as an xlsx workbook, for a file only: it is binary. */
function xlsxOutput(output: Output, file: unknown, locale: Locale): Uint8Array {
  if (typeof file !== "string") throw inputError({ key: "xlsxNotToTerminal" });
  return writeXlsx([output.columns, ...output.rows], word({ key: "xlsxOutputSheet" }, locale));
}

/**
 * Runs the command line: `argv` without the program (`["score", "--scheme", "s.json", "subjects.csv"]`).
 * Everything goes through `io`, so it runs in tests as it runs in a shell.
 *
 * @param argv - the arguments after `jixiao`.
 * @param io - where to read and write.
 * @returns the exit code: 0 done, 1 a scenario failed, 2 bad input or usage, 3 an unexpected error.
 * @internal
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic && Object.prototype.hasOwnProperty.call(COMMANDS, topic)) io.stdout(commandHelp(topic, COMMANDS[topic]!));
    else (name === undefined ? io.stderr : io.stdout)(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, name)) {
    io.stderr(`jixiao: unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(", ")}. Run "jixiao --help".\n`);
    return 2;
  }
  const command = COMMANDS[name]!;
  let shown = false;
  const progress = (message: string) => {
    if (!io.progress) return;
    io.stderr(`\r\u001b[K${message}`);
    shown = true;
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
    }
    if (parsed.values.help) {
      io.stdout(commandHelp(name, command));
      return 0;
    }
    const ctx: Context = { io, values: parsed.values, positionals: parsed.positionals, progress };
    if (ctx.values.format === "xlsx" && typeof ctx.values.output !== "string") throw inputError({ key: "xlsxNotToTerminal" });
    const outcome = await command.run(ctx);
    let text: string | Uint8Array;
    let code = 0;
    if ("output" in outcome) {
      const format = formatOf(ctx);
      text = format === "xlsx" ? xlsxOutput(outcome.output, ctx.values.output, readOptions(ctx.values, false).locale!) : render(outcome.output, format, ctx.values.bom === true);
    } else [text, code] = [outcome.text, outcome.code ?? 0];
    if (shown) io.stderr("\r\u001b[K");
    shown = false;
    const output = ctx.values.output;
    if (typeof output === "string") {
      writeFileAtomic(resolve(io.cwd, output), text, output);
      if (io.progress) io.stderr(`wrote ${output}\n`);
    } else io.stdout(text as string);
    return code;
  } catch (error) {
    if (shown) io.stderr("\r\u001b[K");
    if (error instanceof UsageError) {
      io.stderr(`jixiao ${name}: ${error.message}\nUsage: ${command.usage}\nRun "jixiao ${name} --help" for the options.\n`);
      return 2;
    }
    if (isJixiaoError(error)) {
      io.stderr(describeError(name, error));
      return 2;
    }
    const words = error instanceof Error ? error.message : String(error);
    io.stderr(`jixiao ${name}: unexpected error: ${words}\nThis is a bug in jixiao; please report it with the command and its input.\n`);
    if (process.env.JIXIAO_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 3;
  }
}
