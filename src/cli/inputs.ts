/// <reference types="node" />
import { resolve } from "node:path";
import { IssueCode, JixiaoError } from "../core/errors.js";
import { fileIssue } from "../node/issue.js";
import { RESERVED_KEYS } from "../core/validate.js";
import { formatOf, parseText, readText, type FileFormat } from "../node/files.js";
import type { SchemeConfig } from "../scheme/types.js";

/** Where a command reads and writes. */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for a file given as `-`). */
  readonly stdin?: () => Promise<string>;
  /** The folder relative paths start from. */
  readonly cwd: string;
  /** Whether to show progress on standard error (a terminal, not CI). */
  readonly progress?: boolean;
}

/** A file read: its data, its format, the name it was given by. @internal */
export interface Read {
  readonly data: unknown;
  readonly format: FileFormat;
  readonly name: string;
}

/** Reads a file (or standard input for `-`) as JSON, YAML or CSV. @internal */
export async function readInput(io: CliIo, given: string, format?: FileFormat): Promise<Read> {
  if (given === "-") {
    if (!io.stdin) throw inputError("-", "standard input cannot be read here");
    const f = format ?? "json";
    return { data: parseText(await io.stdin(), f, "standard input"), format: f, name: "standard input" };
  }
  const f = format ?? formatOf(given);
  if (!f) throw inputError(given, "is not a .json, .yaml, .yml or .csv file; say which with --input-format");
  return { data: parseText(readText(resolve(io.cwd, given), given), f, given), format: f, name: given };
}

/** A `JixiaoError` about a file. @internal */
export function inputError(file: string, words: string): JixiaoError {
  return new JixiaoError([fileIssue(IssueCode.invalidInput, `${file}: ${words}`)], "The input cannot be read");
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
  if (read.format !== "csv") return read.data;
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
  if (read.format !== "csv") {
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
  if (read.format !== "csv") return read.data;
  return (read.data as Row[]).map((row) => ({ ...clean(row, ["posts", "岗位"]), posts: list(pick(row, "posts", "岗位")) }));
}

/** Units from CSV records: `id`, `name`, `level`, `parent` (empty for the root), `departments` (separated by `;`). @internal */
export function treeFrom(read: Read): unknown {
  if (read.format !== "csv") return read.data;
  return (read.data as Row[]).map((row) => {
    const departments = list(row.departments);
    return { ...clean(row, ["departments"]), ...(departments.length > 0 ? { departments: departments.map((id) => ({ id })) } : {}) };
  });
}

/** Plain records from CSV (grabs, completions), empty cells left out. @internal */
export function recordsFrom(read: Read): unknown {
  return read.format === "csv" ? (read.data as Row[]).map((row) => clean(row)) : read.data;
}
