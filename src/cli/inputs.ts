/// <reference types="node" />
import { resolve } from "node:path";
import { formatIssue, formatPath, IssueCode, isJixiaoError, JixiaoError, type Issue, type IssuePath } from "../core/errors.js";
import { render, shown, type Locale } from "../messages/index.js";
import { fileIssue } from "../node/issue.js";
import { RESERVED_KEYS } from "../core/validate.js";
import { formatOf, parseBytes, readFile, type FileFormat, type FileRead } from "../node/files.js";
import { TEXT_ENCODINGS, type TextEncodingName } from "../node/text.js";
import type { SchemeConfig } from "../scheme/types.js";

/** Where a command reads and writes. */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for a file given as `-`): its bytes, or text already decoded. */
  readonly stdin?: () => Promise<string | Uint8Array>;
  /** The folder relative paths start from. */
  readonly cwd: string;
  /** Whether to show progress on standard error (a terminal, not CI). */
  readonly progress?: boolean;
}

/** A file read: its data, its format, the name it was given by, and for a table each record's row. @internal */
export interface Read {
  readonly data: unknown;
  readonly format: FileFormat;
  readonly name: string;
  /** For a table (CSV, xlsx): each record's row number as Excel shows it. */
  readonly rows?: readonly number[];
}

/** Whether a file read is a table of records (CSV or an xlsx sheet), not JSON or YAML data. @internal */
export const isTable = (read: Read): boolean => read.format === "csv" || read.format === "xlsx";

/** How to read a data file: its format, encoding and sheet, and the language of notes. @internal */
export interface ReadInputOptions {
  /** The format, when the name does not say it (`--input-format`). */
  readonly format?: FileFormat;
  /** The text encoding (`--encoding`; default: detected). */
  readonly encoding?: TextEncodingName;
  /** The sheet of an xlsx file (`--sheet`; default: the first). */
  readonly sheet?: string;
  /** The language of the note saying which encoding was read (default zh-CN). */
  readonly locale?: Locale;
}

const FORMATS: readonly FileFormat[] = ["json", "yaml", "csv", "xlsx"];

const optionValue = (option: string, options: readonly string[], received: string) =>
  new JixiaoError([fileIssue(IssueCode.invalidOption, { key: "fileOptionValue", option, options, received: shown(received) })], "The options are not valid");

/**
 * The reading options a command was given: `--input-format`, `--encoding`, `--sheet`, and the
 * language for notes (`--lang`, else the system's locale).
 * @throws {@link index!JixiaoError} for a format or encoding that is not known.
 * @internal
 */
export function readOptions(values: Readonly<Record<string, unknown>>, withFormat = true): ReadInputOptions {
  const format = values["input-format"];
  const encoding = values.encoding;
  const sheet = values.sheet;
  if (withFormat && typeof format === "string" && !FORMATS.includes(format as FileFormat)) throw optionValue("--input-format", FORMATS, format);
  if (typeof encoding === "string" && !TEXT_ENCODINGS.includes(encoding.toLowerCase() as TextEncodingName)) throw optionValue("--encoding", TEXT_ENCODINGS, encoding);
  const lang = typeof values.lang === "string" ? values.lang : typeof values.locale === "string" ? values.locale : undefined;
  const system = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  const locale: Locale = lang !== undefined ? (lang === "en" ? "en" : "zh-CN") : system !== "" && !/^(zh|C$|C\.|POSIX)/i.test(system) ? "en" : "zh-CN";
  return {
    ...(withFormat && typeof format === "string" ? { format: format as FileFormat } : {}),
    ...(typeof encoding === "string" ? { encoding: encoding.toLowerCase() as TextEncodingName } : {}),
    ...(typeof sheet === "string" ? { sheet } : {}),
    locale,
  };
}

/**
 * Reads a data or rule file (or standard input for `-`) as JSON, YAML, CSV or xlsx: text decoded
 * strictly (a note on standard error says which encoding was read when it was not UTF-8), a
 * table's records with their rows as Excel shows them.
 * @internal
 */
export async function readInput(io: CliIo, given: string, options: ReadInputOptions = {}): Promise<Read> {
  const parse = { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) };
  let read: FileRead;
  let name = given;
  if (given === "-") {
    name = "standard input";
    if (!io.stdin) throw inputError({ key: "fileStdinUnavailable", file: name });
    const f = options.format ?? "json";
    const input = await io.stdin();
    if (typeof input === "string" && f === "xlsx") throw inputError({ key: "fileXlsxStdin", file: name });
    read = parseBytes(typeof input === "string" ? new TextEncoder().encode(input) : input, f, name, parse);
  } else read = readFile(resolve(io.cwd, given), given, options.format ?? formatOf(given), parse, true);
  // Which encoding was read, when it was not UTF-8 and not the one asked for.
  if (read.encoding !== undefined && read.encoding !== "utf-8" && options.encoding === undefined)
    io.stderr(`${render({ key: "textEncodingNote", file: name, encoding: read.encoding, guessed: read.guessed === true }, options.locale ?? "zh-CN")}\n`);
  return { data: read.data, format: read.format, name, ...(read.rows ? { rows: read.rows } : {}) };
}

/** A `JixiaoError` about a file. @internal */
export function inputError(params: Parameters<typeof fileIssue>[1]): JixiaoError {
  return new JixiaoError([fileIssue(IssueCode.invalidInput, params)], "The input cannot be read");
}

/** Where the issues of an error thrown by {@link inFile} are: the file, and for a table each record's row. */
interface Place {
  readonly file: string;
  readonly rows?: readonly number[];
}

const PLACES = new WeakMap<JixiaoError, Place>();

/** The path of an issue in a file, for the reader: `people.csv: row 3: values.rate` / `people.csv：第 3 行：values.rate`. */
function placePath(place: Place, locale: Locale): (path: IssuePath) => string {
  const sep = locale === "en" ? ": " : "：";
  return (path) => {
    const first = path[0];
    if (place.rows && typeof first === "number") {
      const head = render({ key: "tableRowPlace", file: place.file, row: place.rows[first] ?? first + 2 }, locale);
      return path.length > 1 ? `${head}${sep}${formatPath(path.slice(1))}` : head;
    }
    if (locale !== "en" && path.length === 0) return place.file;
    return `${place.file}${sep}${formatPath(path)}`;
  };
}

/**
 * Words an issue of an error for a person in a language. An error thrown by {@link inFile} words
 * its issues with the file's name and, for a table, the row as Excel shows it (the header is row 1).
 * @internal
 */
export function wordIssue(error: JixiaoError, item: Issue, locale: Locale): string {
  const place = PLACES.get(error);
  return formatIssue(item, { locale, ...(place ? { path: placePath(place, locale) } : {}) });
}

/**
 * Runs `fn`, placing each issue it reports in the file: its message names the file and, for a
 * table (given each record's row), the row as Excel shows it (`people.csv: row 3: values.study: …`).
 * The issues keep their path and parameters; {@link wordIssue} words them in either language.
 * @internal
 */
export function inFile<T>(file: string, fn: () => T, rows?: readonly number[]): T {
  try {
    return fn();
  } catch (error) {
    if (!isJixiaoError(error) || PLACES.has(error)) throw error;
    const place: Place = rows ? { file, rows } : { file };
    const where = placePath(place, "en");
    const placed = new JixiaoError(
      error.issues.map((i) => ({ ...i, message: formatIssue(i, { locale: "en", path: where }) })),
      error.message.split("\n")[0]!.replace(/: \d+ issues?$/, ""),
    );
    PLACES.set(placed, place);
    throw placed;
  }
}

type Row = Record<string, string>;
const pick = (row: Row, ...names: string[]) => names.map((n) => row[n]).find((v) => v !== undefined && v !== "");
const NOT_APPLICABLE = new Set(["null", "na", "n/a", "不适用", "—", "-"]);
const list = (text: string | undefined) => (text ?? "").split(/[;；、|]/).map((s) => s.trim()).filter(Boolean);
/** A record without empty cells, and without reserved keys. */
const clean = (row: Row, skip: readonly string[] = []) =>
  Object.fromEntries(Object.entries(row).filter(([k, v]) => v !== "" && !skip.includes(k) && !RESERVED_KEYS.has(k)));

/**
 * Subjects from CSV records: `id` (编号), `name` (姓名), `group` (分组), `bonus` (加分) and
 * `deductions` (减分) columns; a column named by an indicator's id or name holds its values (an
 * empty cell is missing; `null`, `na`, `n/a`, `不适用` or `—` is not applicable); any other column is an
 * attribute (department, job level …). JSON and YAML subjects are taken as they are.
 * @internal
 */
export function subjectsFrom(read: Read, scheme: SchemeConfig): unknown {
  if (!isTable(read)) return read.data;
  const byName = new Map<string, string>();
  for (const g of scheme.groups ?? [])
    for (const ind of g.indicators ?? []) {
      byName.set(ind.id, ind.id);
      if (ind.name && !byName.has(ind.name)) byName.set(ind.name, ind.id);
    }
  const fixed = new Set(["id", "编号", "name", "姓名", "group", "分组", "bonus", "加分", "deductions", "减分"]);
  return (read.data as Row[]).map((row) => {
    const values: Record<string, unknown> = {};
    const attributes: Record<string, string> = {};
    for (const [column, text] of Object.entries(row)) {
      if (fixed.has(column) || RESERVED_KEYS.has(column)) continue;
      const indicator = byName.get(column);
      if (indicator === undefined) {
        if (text !== "") attributes[column] = text;
      } else if (text !== "") values[indicator] = NOT_APPLICABLE.has(text.toLowerCase()) ? null : text;
    }
    const item = (column: string, text: string | undefined) => (text === undefined ? undefined : [{ points: text, reason: column }]);
    const bonus = item("加分", pick(row, "bonus", "加分"));
    const deductions = item("减分", pick(row, "deductions", "减分"));
    const name = pick(row, "name", "姓名");
    const group = pick(row, "group", "分组");
    return {
      id: pick(row, "id", "编号") ?? "",
      ...(name !== undefined ? { name } : {}),
      ...(group !== undefined ? { group } : {}),
      values,
      ...(bonus ? { bonus } : {}),
      ...(deductions ? { deductions } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    };
  });
}

/**
 * Scores to rank from CSV records: `id` (or `subjectId`, 编号), `total` (总分), `name`, `group`;
 * other columns are attributes. JSON and YAML: a list of `{ subjectId, total, … }` or an object
 * `{ "c001": 86.3 }`.
 * @internal
 */
export function scoresFrom(read: Read): unknown {
  const data = read.data;
  if (!isTable(read)) {
    if (data !== null && typeof data === "object" && !Array.isArray(data))
      return Object.entries(data as Record<string, unknown>).map(([subjectId, total]) => ({ subjectId, total }));
    return data;
  }
  return (data as Row[]).map((row) => {
    const name = pick(row, "name", "姓名");
    const group = pick(row, "group", "分组");
    const attributes = clean(row, ["id", "subjectId", "编号", "total", "总分", "name", "姓名", "group", "分组"]);
    return {
      subjectId: pick(row, "subjectId", "id", "编号") ?? "",
      total: pick(row, "total", "总分") ?? "",
      ...(name !== undefined ? { name } : {}),
      ...(group !== undefined ? { group } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    };
  });
}

/** Staff from CSV records: `id`, `name`, `posts` (separated by `;`, `、` or `|`), `department`. @internal */
export function staffFrom(read: Read): unknown {
  if (!isTable(read)) return read.data;
  return (read.data as Row[]).map((row) => ({ ...clean(row, ["posts", "岗位"]), posts: list(pick(row, "posts", "岗位")) }));
}

/** Units from CSV records: `id`, `name`, `level`, `parent` (empty for the root), `departments` (separated by `;`). @internal */
export function treeFrom(read: Read): unknown {
  if (!isTable(read)) return read.data;
  return (read.data as Row[]).map((row) => {
    const departments = list(row.departments);
    return { ...clean(row, ["departments"]), ...(departments.length > 0 ? { departments: departments.map((id) => ({ id })) } : {}) };
  });
}

/** Plain records from CSV (grabs, completions), empty cells left out. @internal */
export function recordsFrom(read: Read): unknown {
  return isTable(read) ? (read.data as Row[]).map((row) => clean(row)) : read.data;
}
