/// <reference types="node" />
import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { parseDocument, type Tags } from "yaml";
import { Dec } from "../core/decimal.js";
import { IssueCode, isJixiaoError, JixiaoError } from "../core/errors.js";
import { shown } from "../messages/index.js";
import { fileIssue, type FileMessage } from "./issue.js";
import { csvTable } from "./csv.js";
import { decodeText, TEXT_ENCODINGS, type DecodedText, type TextEncodingName } from "./text.js";
import { xlsxTable } from "./xlsx.js";

/** The formats a data or rule file may be in. */
export type FileFormat = "json" | "yaml" | "csv" | "xlsx";

const FORMATS: readonly FileFormat[] = ["json", "yaml", "csv", "xlsx"];

/** The largest file read: 512 MiB (an xlsx file: 100 MiB, see `XLSX_LIMITS`). @internal */
export const MAX_BYTES = 512 * 1024 * 1024;

const fail = (params: FileMessage, context = "The file cannot be read"): never => {
  // A file beyond the size limit is out of range; anything else about it, not valid input.
  throw new JixiaoError([fileIssue(params.key === "fileTooLarge" ? IssueCode.outOfRange : IssueCode.invalidInput, params)], context);
};

/** The format a file's name says, or `undefined`. @internal */
export function formatOf(file: string): FileFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === ".json" ? "json" : ext === ".yaml" || ext === ".yml" ? "yaml" : ext === ".csv" ? "csv" : ext === ".xlsx" ? "xlsx" : undefined;
}

/**
 * YAML's number tags, made exact: a number whose digits a JavaScript number cannot hold
 * (0.30000000000000001, 12345678901234567890) is kept as its decimal text, which the engine
 * reads exactly, instead of being rounded silently.
 */
const exactNumbers = (tags: Tags): Tags =>
  tags.map((tag) => {
    if (typeof tag !== "object" || !("resolve" in tag) || !/:(int|float)$/.test(tag.tag)) return tag;
    const resolve = tag.resolve as (...args: unknown[]) => unknown;
    return {
      ...tag,
      resolve(source: string, ...rest: unknown[]) {
        const value = resolve.call(tag, source, ...rest);
        const n = typeof value === "number" ? value : (value as { value?: unknown } | null)?.value;
        if (typeof n !== "number" || !Number.isFinite(n) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(source)) return value;
        try {
          return new Dec(source).eq(new Dec(n)) ? value : source.replace(/^\+/, "");
        } catch {
          return value;
        }
      },
    } as (typeof tags)[number];
  });

/**
 * Parses YAML text into plain data. A syntax error names its line and column; numbers keep every
 * digit written (see `exactNumbers`); duplicate keys are errors; aliases are limited.
 * @internal
 */
export function parseYaml(text: string, file = "YAML"): unknown {
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { customTags: exactNumbers, prettyErrors: true, uniqueKeys: true });
  const errors = doc.errors.slice(0, 20);
  if (errors.length > 0)
    throw new JixiaoError(
      errors.map((e) => {
        const at = e.linePos?.[0];
        const reason = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        return fileIssue(IssueCode.invalidInput, { key: "yamlSyntax", file, ...(at ? { line: at.line, column: at.col } : {}), reason });
      }),
      "The YAML file cannot be read",
    );
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return fail({ key: "yamlSyntax", file, reason: error instanceof Error ? error.message : String(error) }, "The YAML file cannot be read");
  }
}

/**
 * Parses JSON text into plain data; a syntax error names its line and column where the parser
 * gives the position.
 * @internal
 */
export function parseJson(text: string, file = "JSON"): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const words = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(words);
    let at = {};
    if (position) {
      const before = body.slice(0, Number(position[1]));
      at = { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
    }
    return fail({ key: "jsonSyntax", file, ...at, reason: words.replace(/ in JSON at position \d+.*$/, "") }, "The JSON file cannot be read");
  }
}

/** Reads a file's bytes, or throws a `JixiaoError` saying why it cannot. @internal */
export function readBytes(path: string, shownAs = path, limit = MAX_BYTES): Uint8Array {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail({ key: "fileIsFolder", file: shownAs });
    if (stat.size > limit) return fail({ key: "fileTooLarge", file: shownAs, limit: `${limit / 1024 / 1024} MiB` });
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof JixiaoError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") return fail({ key: "fileMissing", file: shownAs });
    if (code === "EISDIR") return fail({ key: "fileIsFolder", file: shownAs });
    if (code === "EACCES" || code === "EPERM") return fail({ key: "filePermission", file: shownAs });
    if (code === "ERR_FS_FILE_TOO_LARGE") return fail({ key: "fileTooLarge", file: shownAs, limit: `${limit / 1024 / 1024} MiB` });
    return fail({ key: "fileSystemError", file: shownAs, reason: (error as Error).message });
  }
  if (bytes.length > limit) fail({ key: "fileTooLarge", file: shownAs, limit: `${limit / 1024 / 1024} MiB` });
  return bytes;
}

/**
 * Reads a file's text, strictly in its encoding (see `decodeText`): UTF-8 with or without a
 * byte-order mark, UTF-16 with one, or GB18030/GBK, guessed; the byte-order mark dropped.
 * @internal
 */
export function readText(path: string, shownAs = path, encoding?: TextEncodingName): string {
  return decodeText(readBytes(path, shownAs), shownAs, encoding).text;
}

/**
 * Parses text in a format: JSON and YAML into data, CSV into records keyed by the header row.
 * @internal
 */
export function parseText(text: string, format: Exclude<FileFormat, "xlsx">, file: string): unknown {
  return format === "json" ? parseJson(text, file) : format === "yaml" ? parseYaml(text, file) : csvTable(text, file).records;
}

/** How to read a file's bytes. @internal */
export interface ParseOptions {
  /** The text encoding (default: detected, see `decodeText`). */
  readonly encoding?: TextEncodingName;
  /** The sheet of an xlsx file (default: the first). */
  readonly sheet?: string;
}

/** A file read: its data, and how it was read. @internal */
export interface FileRead {
  /** The parsed data (CSV and xlsx: a list of records of text). */
  readonly data: unknown;
  /** The file's format. */
  readonly format: FileFormat;
  /** For CSV and xlsx: each record's row as Excel shows it (the header being row 1 of a CSV file). */
  readonly rows?: readonly number[];
  /** For a text file: its encoding, and whether that was guessed. */
  readonly encoding?: TextEncodingName;
  readonly guessed?: boolean;
  /** For xlsx: the sheet read. */
  readonly sheet?: string;
}

/**
 * Parses a file's bytes in a format: text formats decoded strictly (see `decodeText`), xlsx
 * read from the sheet asked for.
 * @internal
 */
export function parseBytes(bytes: Uint8Array, format: FileFormat, file: string, options: ParseOptions = {}): FileRead {
  if (format === "xlsx") {
    const table = xlsxTable(bytes, file, options.sheet !== undefined ? { sheet: options.sheet } : {});
    return { data: table.records, format, rows: table.rows, sheet: table.sheet };
  }
  const { text, encoding, guessed } = decodeText(bytes, file, options.encoding);
  if (format === "csv") {
    const table = csvTable(text, file);
    return { data: table.records, format, rows: table.rows, encoding, guessed };
  }
  return { data: parseText(text, format, file), format, encoding, guessed };
}

/**
 * Reads a JSON, YAML, CSV or xlsx file (by its extension, or the format given).
 * @internal
 */
export function readData(path: string, shownAs = path, format = formatOf(path), options: ParseOptions = {}): unknown {
  return readFile(path, shownAs, format, options).data;
}

/** Reads a file in a format, with how it was read. @internal */
export function readFile(path: string, shownAs = path, format = formatOf(path), options: ParseOptions = {}, hint = false): FileRead {
  if (!format) return fail({ key: "fileUnknownFormat", file: shownAs, hint });
  return parseBytes(readBytes(path, shownAs), format, shownAs, options);
}

/** Options for {@link readDataFile}. */
export interface ReadDataFileOptions {
  /** The file's format, when its name does not end in `.json`, `.yaml`, `.yml`, `.csv` or `.xlsx`. */
  readonly format?: FileFormat;
  /**
   * The text encoding of a JSON, YAML or CSV file, when it is known: `utf-8`, `gb18030`, `gbk`,
   * `utf-16le` or `utf-16be`. By default it is detected, strictly: a byte-order mark, else UTF-8,
   * else GB18030 (which holds GBK); a file in none of them is refused, never read lossily.
   */
  readonly encoding?: TextEncodingName;
  /** The sheet of an xlsx file to read, by name (default: the first sheet). */
  readonly sheet?: string;
}

/**
 * Reads a rule or data file: JSON, YAML (numbers keep every digit written; an error names its
 * line), CSV (RFC 4180, as Excel and WPS save it: UTF-8 with or without the byte-order mark,
 * GBK/GB18030, or UTF-16 with the mark; one record per row, keyed by the header; empty rows and
 * trailing empty columns skipped) or xlsx (one sheet, by default the first; numbers as their
 * shortest decimal text, percent-formatted cells as `"96.5%"`, dates as ISO text). The result is
 * plain data for `defineScheme`, `scoreAll` and the rest.
 *
 * @param path - the file.
 * @param options - the format, when the name does not say it; the encoding; the sheet.
 * @returns the parsed data (CSV and xlsx: a list of records of text).
 * @throws {@link index!JixiaoError} naming the file and, for a syntax error, its line: no such file, not a known format, an encoding it is not in, bad JSON, YAML, CSV or xlsx.
 * @example
 * ```ts
 * defineScheme(readDataFile("examples/rules/county-361.scheme.json")).id;
 * //=> "county-personal-2024Q3"
 * readDataFile("people.xlsx", { sheet: "考评表" })[0]["征收任务完成率"]; // a cell of 0.965 formatted as a percent
 * //=> "96.5%"
 * ```
 */
export function readDataFile(path: string, options: ReadDataFileOptions = {}): unknown {
  if (typeof path !== "string" || path.length === 0 || path.length > 4000) return fail({ key: "fileNotPath", file: String(path).slice(0, 100) });
  const format = options?.format;
  if (format !== undefined && !FORMATS.includes(format)) return fail({ key: "fileFormatOption", file: path, received: shown(format) });
  const encoding = options?.encoding;
  if (encoding !== undefined && !TEXT_ENCODINGS.includes(encoding)) return fail({ key: "fileEncodingOption", file: path, received: shown(encoding) });
  const sheet = options?.sheet;
  if (sheet !== undefined && typeof sheet !== "string") return fail({ key: "fileSheetOption", file: path, received: shown(sheet) });
  return readData(path, path, format ?? formatOf(path), { ...(encoding ? { encoding } : {}), ...(sheet !== undefined ? { sheet } : {}) });
}

/** Options for {@link readTextFile}. */
export interface ReadTextFileOptions {
  /** The encoding, when it is known; by default it is detected (see {@link readDataFile}). */
  readonly encoding?: TextEncodingName;
}

/**
 * Reads a text file strictly in its encoding — a byte-order mark, else UTF-8, else GB18030/GBK —
 * and says which it was and whether that was guessed, so a program can tell its user.
 *
 * @param path - the file.
 * @param options - the encoding, when it is known.
 * @returns the text (without a byte-order mark), its encoding, and whether the encoding was guessed.
 * @throws {@link index!JixiaoError} when there is no such file, or its bytes are not text in any of
 *   the encodings (the message says to save the file as CSV UTF-8).
 * @example
 * ```ts
 * readTextFile("people-gbk.csv").encoding; // saved by Excel as "CSV (逗号分隔)" on Chinese Windows
 * //=> "gb18030"
 * ```
 */
export function readTextFile(path: string, options: ReadTextFileOptions = {}): DecodedText {
  if (typeof path !== "string" || path.length === 0 || path.length > 4000) return fail({ key: "fileNotPath", file: String(path).slice(0, 100) });
  const encoding = options?.encoding;
  if (encoding !== undefined && !TEXT_ENCODINGS.includes(encoding)) return fail({ key: "fileEncodingOption", file: path, received: shown(encoding) });
  return decodeText(readBytes(path, path), path, encoding);
}

/**
 * Writes a file atomically: the text goes to a temporary file beside it, flushed to disk, which
 * then replaces the file in one rename — a reader never sees half a file, and a failure leaves
 * the old file as it was. A file that exists keeps its permissions (a 0600 file stays 0600); a
 * symbolic link is refused rather than replaced by a plain file.
 * @internal
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, shownAs = path): void {
  let mode: number | undefined;
  try {
    const existing = lstatSync(path);
    if (existing.isSymbolicLink()) fail({ key: "fileWriteSymlink", file: shownAs }, "The file cannot be written");
    if (existing.isFile()) mode = existing.mode & 0o7777;
  } catch (error) {
    if (isJixiaoError(error)) throw error;
    // No file yet (or none we may look at): a new one, or the write below says why not.
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", 0o644);
    // A file replaced keeps its permissions, set before any data is in the new one.
    if (mode !== undefined) chmodSync(temp, mode);
    if (typeof content === "string") writeSync(fd, content, null, "utf8");
    else for (let at = 0; at < content.length; ) at += writeSync(fd, content, at, content.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    // Removing the temporary file can fail for the same reason (a name too long): the first error is the one to report.
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
    const code = (error as { code?: string }).code;
    const file = shownAs;
    fail(
      code === "ENOENT"
        ? { key: "fileNoFolder", file }
        : code === "EACCES" || code === "EPERM"
          ? { key: "filePermission", file }
          : code === "EISDIR"
            ? { key: "fileWriteIsFolder", file }
            : code === "ENAMETOOLONG"
              ? { key: "fileNameTooLong", file }
              : { key: "fileSystemError", file, reason: (error as Error).message },
      "The file cannot be written",
    );
  }
}
