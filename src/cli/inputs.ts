/// <reference types="node" />
import { resolve } from "node:path";
import { formatIssue, formatPath, IssueCode, isJixiaoError, JixiaoError, type Issue, type IssuePath } from "../core/errors.js";
import { render, shown, type Locale } from "../messages/index.js";
import { fileIssue } from "../node/issue.js";
import { formatOf, parseBytes, readFile, type FileFormat, type FileRead } from "../node/files.js";
import { TEXT_ENCODINGS, type TextEncodingName } from "../node/text.js";
import type { SchemeConfig } from "../scheme/types.js";
import { isNotApplicableText, mapHeader, numberCell, splitList, unitOf, vetoIdsOf, type Field, type HeaderMap, type MapHeaderOptions, type TableKind } from "../tables/index.js";

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
 * language of notes (the command's `--lang`).
 * @throws {@link index!JixiaoError} for a format or encoding that is not known.
 * @internal
 */
export function readOptions(values: Readonly<Record<string, unknown>>, locale: Locale, withFormat = true): ReadInputOptions {
  const format = values["input-format"];
  const encoding = values.encoding;
  const sheet = values.sheet;
  if (withFormat && typeof format === "string" && !FORMATS.includes(format as FileFormat)) throw optionValue("--input-format", FORMATS, format);
  if (typeof encoding === "string" && !TEXT_ENCODINGS.includes(encoding.toLowerCase() as TextEncodingName)) throw optionValue("--encoding", TEXT_ENCODINGS, encoding);
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

type Row = Record<string, string>;

/** The header of CSV records: the keys of the first, in order (every record has them all). */
const namesOf = (rows: readonly Row[]): string[] => (rows.length > 0 && rows[0] !== null && typeof rows[0] === "object" ? Object.keys(rows[0]) : []);

/** A `JixiaoError` for a file's header, its issues worded after the file's name. */
function headerError(file: string, issues: readonly Issue[]): JixiaoError {
  return new JixiaoError(
    issues.map((i) => ({ ...i, message: `${file}: ${render(i.params, "en")}` })),
    "The input cannot be read",
  );
}

/** CSV records with their header mapped by the one header mapping of src/tables; `undefined` for no records. */
function mapped(read: Read, kind: TableKind, options: MapHeaderOptions = {}): { rows: Row[]; map: HeaderMap } | undefined {
  const rows = read.data as Row[];
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  const r = mapHeader(namesOf(rows), kind, options);
  if (!r.success) throw headerError(read.name, r.issues);
  return { rows, map: r.output };
}

/** A row's text in a fixed field's column, or `undefined` when the header has none or the cell is empty. */
function fieldText(row: Row, map: HeaderMap, field: Field): string | undefined {
  const c = map.fields.get(field);
  const text = c === undefined ? undefined : row[map.names[c]!];
  return text === undefined || text === "" ? undefined : text;
}

/** A row's attribute columns (every column that is neither a fixed field nor an indicator), empty cells left out. */
function attributesOf(row: Row, map: HeaderMap): Record<string, string> {
  const out: Record<string, string> = {};
  map.roles.forEach((role, c) => {
    const text = row[map.names[c]!];
    if (role.type === "attribute" && text !== undefined && text !== "") out[map.names[c]!] = text;
  });
  return out;
}

/** A row with its fixed fields under their own names (`工号` → `id`) and its other columns as they are, empty cells left out. */
function renamed(row: Row, map: HeaderMap): Record<string, string> {
  const out: Record<string, string> = {};
  map.roles.forEach((role, c) => {
    const text = row[map.names[c]!];
    if (text === undefined || text === "" || role.type === "ignored") return;
    out[role.type === "field" ? role.field : map.names[c]!] = text;
  });
  return out;
}

/**
 * Subjects from CSV records, by the one header mapping of src/tables (shared with the sheet
 * functions): `编号` (`工号`, `id`), `姓名` (`name`), `比较组` (`分组`, `group`), `加分` (`bonus`),
 * `减分` (`扣分`, `deductions`) and `否决项` (`vetoes`, by name or id) columns; a column named by an
 * indicator's id or name holds its values (an empty cell is missing; `null`, `na`, `n/a`, `不适用`
 * or `—` is not applicable; `96.5%` and `1,000` are exact numbers, a percent in the indicator's
 * declared unit); any other column is an attribute (`部门`, `职级` …), kept under its header. JSON
 * and YAML subjects are taken as they are.
 * @throws {@link JixiaoError} for a header without an id column, or with a column given twice or ambiguous.
 * @internal
 */
export function subjectsFrom(read: Read, scheme: SchemeConfig): unknown {
  if (!isTable(read)) return read.data;
  const indicators = (scheme.groups ?? []).flatMap((g) => g.indicators ?? []);
  const table = mapped(read, "subjects", { indicators: indicators.map((i) => ({ id: i.id, ...(i.name !== undefined ? { name: i.name } : {}) })) });
  if (!table) return [];
  const { rows, map } = table;
  const units = new Map(indicators.map((i) => [i.id, unitOf(i)]));
  const item = (field: "bonus" | "deductions", text: string | undefined) =>
    text === undefined ? undefined : [{ points: numberCell(text), reason: map.names[map.fields.get(field)!]! }];
  return rows.map((row) => {
    const values: Record<string, unknown> = {};
    for (const [indicator, c] of map.indicators) {
      const text = row[map.names[c]!];
      if (text !== undefined && text !== "") values[indicator] = isNotApplicableText(text) ? null : numberCell(text, units.get(indicator));
    }
    const attributes = attributesOf(row, map);
    const bonus = item("bonus", fieldText(row, map, "bonus"));
    const deductions = item("deductions", fieldText(row, map, "deductions"));
    const vetoes = vetoIdsOf(fieldText(row, map, "vetoes") ?? "", scheme.vetoes ?? []);
    const name = fieldText(row, map, "name");
    const group = fieldText(row, map, "group");
    return {
      id: fieldText(row, map, "id") ?? "",
      ...(name !== undefined ? { name } : {}),
      ...(group !== undefined ? { group } : {}),
      values,
      ...(bonus ? { bonus } : {}),
      ...(deductions ? { deductions } : {}),
      ...(vetoes.length > 0 ? { vetoes } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    };
  });
}

/**
 * Scores to rank from CSV records: `编号` (`id`, `subjectId`), `总分` (`total`; `96.5%` and
 * `1,000` read exactly), `姓名` (`name`), `比较组` (`group`); other columns are attributes. JSON and
 * YAML: a list of `{ subjectId, total, … }` or an object `{ "c001": 86.3 }`.
 * @throws {@link JixiaoError} for a header without an id or a total column, or with a column given twice.
 * @internal
 */
export function scoresFrom(read: Read): unknown {
  const data = read.data;
  if (!isTable(read)) {
    if (data !== null && typeof data === "object" && !Array.isArray(data))
      return Object.entries(data as Record<string, unknown>).map(([subjectId, total]) => ({ subjectId, total }));
    return data;
  }
  const table = mapped(read, "scores");
  if (!table) return [];
  return table.rows.map((row) => {
    const name = fieldText(row, table.map, "name");
    const group = fieldText(row, table.map, "group");
    const attributes = attributesOf(row, table.map);
    return {
      subjectId: fieldText(row, table.map, "id") ?? "",
      total: numberCell(fieldText(row, table.map, "total") ?? ""),
      ...(name !== undefined ? { name } : {}),
      ...(group !== undefined ? { group } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    };
  });
}

/** Staff from CSV records: `编号` (`id`), `姓名` (`name`), `岗位` (`posts`, separated by `、`, `,`, `;` or `|`), `部门` (`department`). @internal */
export function staffFrom(read: Read): unknown {
  if (!isTable(read)) return read.data;
  const table = mapped(read, "staff");
  if (!table) return [];
  return table.rows.map((row) => ({ ...renamed(row, table.map), posts: splitList(fieldText(row, table.map, "posts")) }));
}

/** Units from CSV records: `编号` (`id`), `姓名`/`名称` (`name`), `层级` (`level`), `上级` (`parent`, empty for the root), `下设部门` (`departments`, separated by `;` or `、`). @internal */
export function treeFrom(read: Read): unknown {
  if (!isTable(read)) return read.data;
  const table = mapped(read, "tree");
  if (!table) return [];
  return table.rows.map((row) => {
    const { departments: text, ...rest } = renamed(row, table.map);
    const departments = splitList(text);
    return { ...rest, ...(departments.length > 0 ? { departments: departments.map((id) => ({ id })) } : {}) };
  });
}

/**
 * Plain records from CSV (grabs: `任务`, `人员`, `抢单时间`; completions: `任务`, `人员`, `完成质量`,
 * `完成时间`, `份额` — or their English ids), empty cells left out; `share` and `quality` read
 * `80%` as 0.8. Give the kind to have its required columns checked.
 * @internal
 */
export function recordsFrom(read: Read, kind: "grabs" | "completions" | "records" = "records"): unknown {
  if (!isTable(read)) return read.data;
  const table = mapped(read, kind);
  if (!table) return [];
  return table.rows.map((row) => {
    const out = renamed(row, table.map);
    for (const f of ["share", "quality"] as const) if (table.map.fields.has(f) && out[f] !== undefined) out[f] = numberCell(out[f], "ratio");
    return out;
  });
}
