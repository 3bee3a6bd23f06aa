import { toDec } from "../core/decimal.js";
import { isJixiaoError } from "../core/errors.js";
import { offsetMinutes } from "../periods/instant.js";
import { describeCell, fail, isBlank, isDate, isOmitted, readCell, toRange, type Cell } from "./cells.js";

/** One non-blank row of a range: its index in the range (0 for the first row) and its cells. @internal */
export interface SheetRow {
  readonly index: number;
  readonly cells: readonly unknown[];
}

/** A range read as a table: a header row naming the columns, then data rows. @internal */
export interface Table {
  /** What the range is, for messages (`subjects`, `grabs` …). */
  readonly what: string;
  /** How many rows the range has, blank ones included: the height of an aligned output. */
  readonly height: number;
  /** The index of the header row in the range. */
  readonly header: number;
  /** The header's names, by column. */
  readonly names: readonly string[];
  /** The non-blank rows below the header. */
  readonly rows: readonly SheetRow[];
}

/** `row 5`: a row of a range as people count it, from 1 at the range's first row. @internal */
export const rowLabel = (index: number): string => `row ${index + 1}`;

/**
 * Reads a range whose first non-blank row is a header naming the columns. Column names are
 * trimmed text; a name may not repeat. Fully blank rows are skipped (but still count toward
 * `height`, so an output lines up with the input). @internal
 */
export function readTable(arg: unknown, what: string, required: readonly string[]): Table {
  const range = toRange(arg, what);
  const header = range.findIndex((row) => !row.every(isBlank));
  if (header < 0) fail(`${what}: is blank; it needs a header row (${required.join(", ")} …) and rows below it`);
  const names = range[header]!.map((cell, c) => {
    const value = readCell(cell, () => `${what} ${rowLabel(header)}, column ${c + 1}`);
    return value === null ? "" : isDate(value) ? fail(`${what} ${rowLabel(header)}, column ${c + 1}: a header names a column; it cannot be a date`) : String(value);
  });
  const seen = new Map<string, number>();
  names.forEach((name, c) => {
    if (name === "") return;
    const first = seen.get(name);
    if (first !== undefined) fail(`${what} ${rowLabel(header)}: the header names "${name}" twice (columns ${first + 1} and ${c + 1}); each column needs its own name`);
    seen.set(name, c);
  });
  const table = { what, height: range.length, header, names, rows: [] as SheetRow[] };
  const missing = required.filter((name) => columnOf(table, name) === undefined);
  if (missing.length > 0)
    fail(`${what} ${rowLabel(header)}: the header has no column ${missing.map((m) => `"${m}"`).join(", ")}; it has ${listNames(names)}`);
  for (let i = header + 1; i < range.length; i++) if (!range[i]!.every(isBlank)) table.rows.push({ index: i, cells: range[i]! });
  return table;
}

/** The header's names as a short list for messages. @internal */
export function listNames(names: readonly string[]): string {
  const shown = names.filter((n) => n !== "");
  if (shown.length === 0) return "no names";
  return shown.length > 12 ? `${shown.slice(0, 12).join(", ")} … (${shown.length} columns)` : shown.join(", ");
}

/** The index of the column named `name`: an exact match first, then one that differs only in case. @internal */
export function columnOf(table: Pick<Table, "names">, name: string): number | undefined {
  const exact = table.names.indexOf(name);
  if (exact >= 0) return exact;
  const loose = table.names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  return loose >= 0 ? loose : undefined;
}

/** Reads the cell of `row` in column `column`, naming row and column when it is not a cell value. @internal */
export function cellAt(table: Table, row: SheetRow, column: number | undefined): Cell {
  if (column === undefined) return null;
  return readCell(row.cells[column], () => `${table.what} ${rowLabel(row.index)}, column ${table.names[column]}`);
}

/** Reads an id-like cell (id, name, group, person …) as text; a number reads as its digits. @internal */
export function textAt(table: Table, row: SheetRow, column: number | undefined, describe: string): string | undefined {
  const cell = cellAt(table, row, column);
  if (cell === null) return undefined;
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return fail(`${table.what} ${rowLabel(row.index)}, column ${table.names[column!]}: ${describe} must be text, not ${describeCell(cell)}`);
}

/** One scored row of a score column: where it is, its id, its score and its group. @internal */
export interface ScoreRow {
  readonly index: number;
  readonly id: string;
  readonly score: number | string;
  readonly group?: string;
}

/** A score column read with its groups. @internal */
export interface ScoreColumn {
  readonly height: number;
  /** The index of the header row, or -1 for none. */
  readonly header: number;
  /** Whether a groups argument was given. */
  readonly grouped: boolean;
  readonly rows: readonly ScoreRow[];
  /** Rows that cannot be read, with why, by row index. */
  readonly errors: ReadonlyMap<number, string>;
}

/**
 * Reads a score argument — one column of scores, or two columns of ids and scores — with an
 * optional groups column of the same height. The first non-blank row is a header when its score
 * is text that is not a number. A row with a blank score is left out (its output stays blank);
 * a row whose score or group cannot be read is reported in `errors`. Rows without ids get the
 * id `row 7`, so ties are broken by row order. @internal
 */
export function readScores(scoresArg: unknown, groupsArg: unknown): ScoreColumn {
  const range = toRange(scoresArg, "scores");
  if (range.length === 0) fail("scores: is missing; give a column of scores");
  const width = Math.max(0, ...range.map((r) => r.length));
  if (width > 2) fail(`scores: has ${width} columns; give one column of scores, or two: ids and scores`);
  const grouped = !isOmitted(groupsArg, "groups");
  const groups = grouped ? toRange(groupsArg, "groups") : [];
  if (grouped && groups.length !== range.length)
    fail(`groups: has ${groups.length} rows and scores has ${range.length}; give ranges of the same rows (B2:B40 with C2:C40)`);
  if (grouped && groups.some((r) => r.length > 1)) fail("groups: give one column of groups");
  const digits = String(range.length).length;
  const rows: ScoreRow[] = [];
  const errors = new Map<number, string>();
  const seen = new Map<string, number>();
  let header = -1;
  range.forEach((cells, index) => {
    if (cells.every(isBlank) && (groups[index] ?? []).every(isBlank)) return;
    const where = rowLabel(index);
    const scoreCell = readCell(cells[width - 1], () => `scores ${where}`);
    const idCell = width === 2 ? readCell(cells[0], () => `scores ${where}`) : null;
    const firstRow = rows.length === 0 && errors.size === 0 && header < 0;
    if (firstRow && typeof scoreCell === "string" && toDec(scoreCell) === undefined) {
      header = index;
      return;
    }
    if (scoreCell === null) return; // not scored: its output stays blank
    const groupCell = grouped ? readCell(groups[index]![0], () => `groups ${where}`) : null;
    const id = idCell === null ? (width === 2 ? undefined : `row ${String(index + 1).padStart(digits, "0")}`) : typeof idCell === "string" ? idCell : typeof idCell === "number" ? String(idCell) : undefined;
    const problem =
      id === undefined
        ? `id ${idCell === null ? "is blank" : `must be text, not ${describeCell(idCell)}`}`
        : typeof scoreCell === "boolean" || isDate(scoreCell) || (typeof scoreCell === "string" && toDec(scoreCell) === undefined) || (typeof scoreCell === "number" && toDec(scoreCell) === undefined)
          ? `score must be a number, not ${describeCell(scoreCell)}`
          : seen.has(id)
            ? `id "${id}" repeats ${rowLabel(seen.get(id)!)}; each row needs its own id`
            : grouped && groupCell === null
            ? "group is blank; when groups are given every scored row needs one"
            : grouped && typeof groupCell !== "string" && typeof groupCell !== "number"
              ? `group must be text, not ${describeCell(groupCell)}`
              : undefined;
    if (id !== undefined && !seen.has(id)) seen.set(id, index);
    if (problem) errors.set(index, `${where}: ${problem}`);
    else rows.push({ index, id: id!, score: scoreCell as number | string, ...(grouped ? { group: String(groupCell) } : {}) });
  });
  return { height: range.length, header, grouped, rows, errors };
}

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
/** Excel's last day, 9999-12-31, as a serial number (exclusive). */
const EXCEL_LAST_DAY = 2958466;

/**
 * A date or date-time cell as text the task functions read: a `Date` (Google Sheets) is written
 * at the board's UTC offset; a number is an Excel date serial, a wall-clock time read at that
 * offset; text is taken as written (`2023-07-03T09:00:05`). @internal
 */
export function dateText(cell: Cell, offset: string, where: string): string {
  if (typeof cell === "string") return cell;
  if (isDate(cell)) {
    const t = cell.getTime();
    if (!Number.isFinite(t)) fail(`${where}: is not a real date`);
    return `${new Date(t + offsetMinutes(offset)! * 60_000).toISOString().slice(0, 23)}${offset}`;
  }
  if (typeof cell === "number" && cell >= 1 && cell < EXCEL_LAST_DAY) return new Date(Math.round((cell - EXCEL_EPOCH_DAYS) * 86_400_000)).toISOString().slice(0, 23);
  return fail(`${where}: must be a date-time, not ${describeCell(cell)}`);
}

/** Reads every data row of a table with `read`; every row's problem is reported at once. @internal */
export function rowsOf<T>(table: Table, read: (row: SheetRow, at: (column: string) => string) => T): T[] {
  const problems: string[] = [];
  const out: T[] = [];
  for (const row of table.rows) {
    try {
      out.push(read(row, (column) => `${table.what} ${rowLabel(row.index)}, column ${column}`));
    } catch (error) {
      if (!isJixiaoError(error)) throw error;
      problems.push(error.issues[0]!.message);
    }
  }
  if (problems.length > 0) fail(problems.join("; "));
  return out;
}

/** A required text cell. @internal */
export function required(table: Table, row: SheetRow, name: string, at: (column: string) => string): string {
  const value = textAt(table, row, columnOf(table, name), name);
  if (value === undefined) fail(`${at(name)}: is blank`);
  return value;
}
