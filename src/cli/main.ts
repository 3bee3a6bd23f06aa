/// <reference types="node" />
import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatIssue, isJixiaoError, type Issue, type JixiaoError } from "../core/errors.js";
import type { Locale } from "../messages/types.js";
import { writeFileAtomic } from "../node/files.js";
import {
  cascadeCommand,
  compareCommand,
  demoCommand,
  explainCommand,
  placeOf,
  SCHEMAS,
  schemaCommand,
  scoreCommand,
  tasksCommand,
  tiersCommand,
  UsageError,
  verifyCommand,
  type Context,
  type Outcome,
  type Place,
} from "./commands.js";
import { serveCommand } from "./serve.js";
import { languageOf, systemLanguage, type LangEnv } from "./lang.js";
import { BOARD_FORMATS, boardCommand } from "./board.js";
import { fileRows, render as writeOutput, type Output, type OutputFormat } from "./output.js";
import { inputError, type CliIo } from "./inputs.js";
import { writeXlsx } from "../node/xlsx.js";
import { render } from "../messages/index.js";
import { say, type Text, type TextKey } from "./words.js";
import packageJson from "../../package.json" with { type: "json" };

export type { CliIo } from "./inputs.js";

/** Where the command line runs: its streams and folder, and the environment its language comes from. */
export interface CliRunIo extends CliIo {
  /**
   * The environment variables (`process.env`): `LC_ALL`, `LC_MESSAGES` and `LANG` choose the
   * language when `--lang` is not given. Without it, none is set.
   */
  readonly env?: LangEnv;
  /** The system's locale as `Intl` reports it, looked at when no variable is set. */
  readonly intlLocale?: string | undefined;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

const OUTPUT: Options = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  bom: { type: "boolean" },
  "input-format": { type: "string" },
  encoding: { type: "string" },
  sheet: { type: "string" },
};

interface Command {
  readonly summary: TextKey;
  readonly usage: TextKey;
  readonly details: Text;
  readonly options: Options;
  /** The formats it writes, where not the usual ones (its own text formats, such as markdown). */
  readonly formats?: readonly string[];
  readonly run: (ctx: Context) => Promise<Outcome>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  score: {
    summary: "scoreSummary",
    usage: "scoreUsage",
    details: { key: "scoreDetails" },
    options: { scheme: { type: "string" }, missing: { type: "string" }, ...OUTPUT },
    run: scoreCommand,
  },
  tiers: {
    summary: "tiersSummary",
    usage: "tiersUsage",
    details: { key: "tiersDetails" },
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
  compare: {
    summary: "compareSummary",
    usage: "compareUsage",
    details: { key: "compareDetails" },
    options: { baseline: { type: "string" }, reform: { type: "string" }, html: { type: "string" }, width: { type: "string" }, missing: { type: "string" }, ...OUTPUT },
    run: compareCommand,
  },
  tasks: {
    summary: "tasksSummary",
    usage: "tasksUsage",
    details: { key: "tasksDetails" },
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
    summary: "cascadeSummary",
    usage: "cascadeUsage",
    details: { key: "cascadeDetails" },
    options: { plan: { type: "string" }, tree: { type: "string" }, ...OUTPUT },
    run: cascadeCommand,
  },
  verify: {
    summary: "verifySummary",
    usage: "verifyUsage",
    details: { key: "verifyDetails" },
    options: { format: { type: "string", short: "f" }, output: { type: "string", short: "o" }, bom: { type: "boolean" } },
    run: verifyCommand,
  },
  schema: {
    summary: "schemaSummary",
    usage: "schemaUsage",
    details: { key: "schemaDetails", names: Object.keys(SCHEMAS) },
    options: {},
    run: schemaCommand,
  },
  explain: {
    summary: "explainSummary",
    usage: "explainUsage",
    details: { key: "explainDetails" },
    options: { scheme: { type: "string" }, id: { type: "string" }, missing: { type: "string" }, "input-format": { type: "string" }, encoding: { type: "string" }, sheet: { type: "string" } },
    run: explainCommand,
  },
  board: {
    summary: "boardSummary",
    usage: "boardUsage",
    details: { key: "boardDetails" },
    options: { person: { type: "string" }, who: { type: "string" }, columns: { type: "string" }, shortfalls: { type: "string" }, ...OUTPUT },
    formats: BOARD_FORMATS,
    run: boardCommand,
  },
  serve: {
    summary: "serveSummary",
    usage: "serveUsage",
    details: { key: "serveDetails" },
    options: {
      rules: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "max-body": { type: "string" },
      "max-items": { type: "string" },
      "max-concurrent": { type: "string" },
      timeout: { type: "string" },
      workers: { type: "string" },
    },
    run: (ctx) => serveCommand(ctx),
  },
  demo: {
    summary: "demoSummary",
    usage: "demoUsage",
    details: { key: "demoDetails" },
    options: {},
    run: demoCommand,
  },
};

const VERSION: string = packageJson.version;

const words = (lang: Locale, key: TextKey) => say(lang, { key } as Text);

function mainHelp(lang: Locale): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const commands = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${words(lang, c.summary)}`)
    .join("\n");
  return say(lang, { key: "mainHelp", version: VERSION, commands });
}

const commandHelp = (name: string, c: Command, lang: Locale) =>
  say(lang, {
    key: "commandHelp",
    usage: words(lang, c.usage),
    summary: words(lang, c.summary),
    details: say(lang, c.details),
    output: Object.prototype.hasOwnProperty.call(c.options, "output") && name !== "verify",
  });

/** The most issues a message lists. */
const MAX_SHOWN = 50;

/** Issues for people, one line each, in the language, each with its place (a file's row and column). @internal */
export function issueLines(issues: readonly Issue[], lang: Locale, place?: Place): string {
  const path = place?.(lang);
  const lines = issues.slice(0, MAX_SHOWN).map((i) => `  - ${formatIssue(i, { locale: lang, ...(path ? { path } : {}) })}`);
  if (issues.length > MAX_SHOWN) lines.push(`  ${say(lang, { key: "moreIssues", count: issues.length - MAX_SHOWN })}`);
  return `${lines.join("\n")}\n`;
}

/** A `JixiaoError` for people: what was being done, then each issue with its place. */
function describeError(command: string, error: JixiaoError, lang: Locale): string {
  // The English head is the engine's own words for what was being done.
  const context = error.message.split("\n")[0]!.replace(/: \d+ issues?$/, "");
  return `${say(lang, { key: "inputHead", command, context, count: error.issues.length })}\n${issueLines(error.issues, lang, placeOf(error))}`;
}

const FORMATS = ["json", "csv", "table", "xlsx"] as const;

function formatOf(ctx: Context, formats: readonly string[] = FORMATS): OutputFormat | "xlsx" {
  const given = ctx.values.format;
  if (typeof given === "string") {
    if (!formats.includes(given)) throw new UsageError({ key: "optionOneOf", option: "--format", options: formats, given });
    return given as OutputFormat | "xlsx";
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
function xlsxOutput(output: Output, file: unknown, lang: Locale): Uint8Array {
  if (typeof file !== "string") throw inputError({ key: "xlsxNotToTerminal" });
  return writeXlsx([output.columns, ...fileRows(output.rows, true)], render({ key: "xlsxOutputSheet" }, lang));
}

/**
 * Text with its control characters (C0 but tab and line breaks, DEL, C1) written as visible
 * escapes (`\x1b`), for a terminal. @internal
 */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** The options that choose the language, on every command (`--locale` is its older name). */
const LANG_OPTIONS = ["--lang", "--locale"];

/**
 * Takes `--lang <zh|en>` (or `--lang=…`, or the older `--locale`) out of the arguments, wherever
 * it stands before `--`; the last one given counts.
 */
function takeLang(argv: readonly string[]): { rest: string[]; given?: { option: string; value: string } } {
  const rest: string[] = [];
  let given: { option: string; value: string } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = a.indexOf("=");
    const option = eq > 0 ? a.slice(0, eq) : a;
    if (!LANG_OPTIONS.includes(option)) {
      rest.push(a);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
    if (eq <= 0) i++;
    given = { option, value: value ?? "" };
  }
  return given ? { rest, given } : { rest };
}

/**
 * Reads the arguments by the command's options, saying what is wrong in the reader's language:
 * an unknown option, an option without its value, a switch given a value.
 */
function parse(rest: readonly string[], options: Options) {
  const parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: false, tokens: true });
  for (const t of parsed.tokens) {
    if (t.kind !== "option") continue;
    const spec = Object.prototype.hasOwnProperty.call(options, t.name) ? options[t.name] : undefined;
    if (!spec) throw new UsageError({ key: "unknownOption", option: t.rawName });
    if (spec.type === "boolean" && t.value !== undefined) throw new UsageError({ key: "optionTakesNoValue", option: t.rawName });
    if (spec.type === "string" && (t.value === undefined || (!t.inlineValue && t.value.length > 1 && t.value.startsWith("-"))))
      throw new UsageError({ key: "optionNeedsValue", option: t.rawName });
  }
  return parsed;
}

/**
 * Runs the command line: `argv` without the program (`["score", "--scheme", "s.json", "subjects.csv"]`).
 * Everything goes through `io`, so it runs in tests as it runs in a shell. Every text it writes
 * is in the language of `--lang`, or else of the system (`io.env`, `io.intlLocale`).
 *
 * @param argv - the arguments after `jixiao`.
 * @param io - where to read and write, and the environment.
 * @returns the exit code: 0 done, 1 a scenario failed, 2 bad input or usage, 3 an unexpected error.
 * @internal
 */
export async function run(argv: readonly string[], given: CliRunIo): Promise<number> {
  // Text for people reaches the terminal with its control characters made visible: a name or id
  // holding ESC cannot move the cursor, recolour or retitle the terminal. Data (CSV, JSON) is left as it is.
  const io: CliRunIo = { ...given, stderr: (text) => given.stderr(visibleControls(text)) };
  const system = systemLanguage(io.env ?? {}, io.intlLocale);
  const taken = takeLang(argv);
  const lang = taken.given ? languageOf(taken.given.value) : system;
  if (lang === undefined) {
    io.stderr(say(system, { key: "badLanguage", option: taken.given!.option, given: taken.given!.value }));
    return 2;
  }
  const [name, ...rest] = taken.rest;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic && Object.prototype.hasOwnProperty.call(COMMANDS, topic)) io.stdout(commandHelp(topic, COMMANDS[topic]!, lang));
    else (name === undefined ? io.stderr : io.stdout)(mainHelp(lang));
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, name)) {
    io.stderr(say(lang, { key: "unknownCommand", command: name, commands: Object.keys(COMMANDS) }));
    return 2;
  }
  const command = COMMANDS[name]!;
  let shown = false;
  const progress = (text: Text) => {
    if (!io.progress) return;
    given.stderr(`\r\u001b[K${visibleControls(say(lang, text))}`);
    shown = true;
  };
  try {
    const parsed = parse(rest, { ...command.options, help: { type: "boolean", short: "h" } });
    if (parsed.values.help) {
      io.stdout(commandHelp(name, command, lang));
      return 0;
    }
    const ctx: Context = { io, lang, values: parsed.values, positionals: parsed.positionals, progress };
    if (ctx.values.format === "xlsx" && typeof ctx.values.output !== "string") throw inputError({ key: "xlsxNotToTerminal" });
    const outcome = await command.run(ctx);
    let text: string | Uint8Array;
    let code = 0;
    if ("output" in outcome) {
      const format = formatOf(ctx, command.formats);
      const body = format === "xlsx" ? xlsxOutput(outcome.output, ctx.values.output, lang) : writeOutput(outcome.output, format, ctx.values.bom === true);
      [text, code] = [body, outcome.code ?? 0];
    } else [text, code] = [outcome.text, outcome.code ?? 0];
    if (shown) given.stderr("\r\u001b[K");
    shown = false;
    if ("warnings" in outcome && outcome.warnings && outcome.warnings.issues.length > 0)
      io.stderr(`${say(lang, { key: "warningsHead", command: name, count: outcome.warnings.issues.length })}\n${issueLines(outcome.warnings.issues, lang, outcome.warnings.place)}`);
    const output = ctx.values.output;
    if (typeof output === "string") {
      writeFileAtomic(resolve(io.cwd, output), text, output);
      if (io.progress) io.stderr(say(lang, { key: "wrote", file: output }));
    } else {
      const format = formatOf(ctx, command.formats);
      io.stdout(format === "json" || format === "csv" ? (text as string) : visibleControls(text as string));
    }
    return code;
  } catch (error) {
    if (shown) given.stderr("\r\u001b[K");
    if (error instanceof UsageError) {
      io.stderr(say(lang, { key: "usageError", command: name, words: say(lang, error.text), usage: words(lang, command.usage) }));
      return 2;
    }
    if (isJixiaoError(error)) {
      io.stderr(describeError(name, error, lang));
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(say(lang, { key: "unexpected", command: name, words: detail }));
    if (io.env?.JIXIAO_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 3;
  }
}
