/// <reference types="node" />
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { parseDocument, type Tags } from "yaml";
import { Dec } from "../core/decimal.js";
import { IssueCode, JixiaoError } from "../core/errors.js";
import { fileIssue } from "./issue.js";
import { csvRecords } from "./csv.js";

/** The formats a data or rule file may be in. */
export type FileFormat = "json" | "yaml" | "csv";

/** The largest file read: 512 MiB. @internal */
const MAX_BYTES = 512 * 1024 * 1024;

const fail = (file: string, words: string, context = "The file cannot be read"): never => {
  throw new JixiaoError([fileIssue(IssueCode.invalidInput, `${file}: ${words}`)], context);
};

/** The format a file's name says, or `undefined`. @internal */
export function formatOf(file: string): FileFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === ".json" ? "json" : ext === ".yaml" || ext === ".yml" ? "yaml" : ext === ".csv" ? "csv" : undefined;
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
        const words = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        return fileIssue(IssueCode.invalidInput, `${file}: ${at ? `line ${at.line}, column ${at.col}: ` : ""}${words}`);
      }),
      "The YAML file cannot be read",
    );
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return fail(file, error instanceof Error ? error.message : String(error), "The YAML file cannot be read");
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
    let where = "";
    if (position) {
      const before = body.slice(0, Number(position[1]));
      const line = before.split("\n").length;
      where = `line ${line}, column ${before.length - before.lastIndexOf("\n")}: `;
    }
    return fail(file, `${where}${words.replace(/ in JSON at position \d+.*$/, "")}`, "The JSON file cannot be read");
  }
}

/** Reads a file's text (UTF-8, byte-order mark dropped), or throws a `JixiaoError` saying why it cannot. @internal */
export function readText(path: string, shown = path): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : code === "EACCES" ? "permission denied" : (error as Error).message;
    return fail(shown, why);
  }
  if (bytes.length > MAX_BYTES) fail(shown, `is larger than ${MAX_BYTES / 1024 / 1024} MiB`);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses text in a format: JSON and YAML into data, CSV into records keyed by the header row.
 * @internal
 */
export function parseText(text: string, format: FileFormat, file: string): unknown {
  return format === "json" ? parseJson(text, file) : format === "yaml" ? parseYaml(text, file) : csvRecords(text, file);
}

/**
 * Reads a JSON, YAML or CSV file (by its extension, or the format given).
 * @internal
 */
export function readData(path: string, shown = path, format = formatOf(path)): unknown {
  if (!format) return fail(shown, "is not a .json, .yaml, .yml or .csv file");
  return parseText(readText(path, shown), format, shown);
}

/** Options for {@link readDataFile}. */
export interface ReadDataFileOptions {
  /** The file's format, when its name does not end in `.json`, `.yaml`, `.yml` or `.csv`. */
  readonly format?: FileFormat;
}

/**
 * Reads a rule or data file: JSON, YAML (numbers keep every digit written; an error names its
 * line) or CSV (RFC 4180, UTF-8 with or without the byte-order mark Excel writes; one record per
 * row, keyed by the header). The result is plain data for `defineScheme`, `scoreAll` and the rest.
 *
 * @param path - the file.
 * @param options - the format, when the name does not say it.
 * @returns the parsed data (CSV: a list of records of text).
 * @throws {@link index!JixiaoError} naming the file and, for a syntax error, its line: no such file, not a known format, bad JSON, YAML or CSV.
 * @example
 * ```ts
 * defineScheme(readDataFile("examples/rules/county-361.scheme.json")).id;
 * //=> "county-personal-2024Q3"
 * ```
 */
export function readDataFile(path: string, options: ReadDataFileOptions = {}): unknown {
  if (typeof path !== "string" || path.length === 0 || path.length > 4000) return fail(String(path).slice(0, 100), "is not a file path");
  const format = options?.format;
  if (format !== undefined && format !== "json" && format !== "yaml" && format !== "csv") return fail(path, `options.format must be "json", "yaml" or "csv", not ${String(format)}`);
  return readData(path, path, format ?? formatOf(path));
}

/**
 * Writes a file atomically: the text goes to a temporary file beside it, flushed to disk, which
 * then replaces the file in one rename — a reader never sees half a file, and a failure leaves
 * the old file as it was.
 * @internal
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", 0o644);
    writeSync(fd, text, null, "utf8");
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
    fail(path, code === "ENOENT" ? "its folder does not exist" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a folder" : code === "ENAMETOOLONG" ? "its name is too long" : (error as Error).message, "The file cannot be written");
  }
}
