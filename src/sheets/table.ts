import { toDec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import type { SheetArg, SheetPlace } from "../messages/sheets.js";
import { offsetMinutes } from "../periods/instant.js";
import { mapHeader, readNumberText, TABLE_KINDS, type Field, type HeaderIndicator, type HeaderMap, type TableKind } from "../tables/index.js";
import { cellParams, fail, isBlank, isDate, isOmitted, problem, readCell, SheetFailure, toRange, type Cell, type Problem } from "./cells.js";

/** One non-blank row of a range: its index in the range (0 for the first row) and its cells. @internal */
export interface SheetRow {
  readonly index: number;
  readonly cells: readonly unknown[];
}

/** A range read as a table: a header row naming the columns, then data rows. @internal */
export interface Table {
  /** Which argument the range is, for messages (`subjects`, `grabs` …). */
  readonly what: SheetArg;
  /** How many rows the range has, blank ones included: the height of an aligned output. */
  readonly height: number;
  /** The index of the header row in the range. */
  readonly header: number;
  /** The header's names as written, by column. */
  readonly names: readonly string[];
  /** What each column holds: the one header mapping of src/tables. */
  readonly map: HeaderMap;
  /** The non-blank rows below the header. */
  readonly rows: readonly SheetRow[];
}

/** A row of a range as the sheet shows it, from 1 at the range's first row. @internal */
export const rowNumber = (index: number): number => index + 1;

/**
 * Reads a range whose first non-blank row is a header naming the columns, mapped by the one header
 * mapping (`编号`/`工号`/`id` → id …; indicators by id or name). Fully blank rows are skipped (but
 * still count toward `height`, so an output lines up with the input). @internal
 */
export function readTable(arg: unknown, what: SheetArg, kind: TableKind, indicators?: readonly HeaderIndicator[]): Table {
  const range = toRange(arg, what);
  const header = range.findIndex((row) => !row.every(isBlank));
  if (header < 0) fail({ key: "sheetsTableBlank", fields: [...TABLE_KINDS[kind].required] }, { arg: what }, IssueCode.required);
  const names = range[header]!.map((cell, c) => {
    const value = readCell(cell, () => ({ arg: what, row: rowNumber(header) }));
    return value === null ? "" : isDate(value) ? fail({ key: "sheetsHeaderDate", column: c + 1 }, { arg: what, row: rowNumber(header) }) : String(value);
  });
  const mapped = mapHeader(names, kind, indicators ? { indicators } : {});
  if (!mapped.success) throw new SheetFailure(mapped.issues.map((i) => ({ issue: i, place: { arg: what, row: rowNumber(header) }, rest: [] })));
  const rows: SheetRow[] = [];
  for (let i = header + 1; i < range.length; i++) if (!range[i]!.every(isBlank)) rows.push({ index: i, cells: range[i]! });
  return { what, height: range.length, header, names: mapped.output.names, map: mapped.output, rows };
}

/** The column of a fixed field, if the table has it. @internal */
export const columnOf = (table: Table, field: Field): number | undefined => table.map.fields.get(field);

/** The place of a row's cell: the range, the row, the column's header. @internal */
export const cellPlace = (table: Table, row: SheetRow, column?: number): SheetPlace => ({
  arg: table.what,
  row: rowNumber(row.index),
  ...(column !== undefined ? { column: table.names[column] || String(column + 1) } : {}),
});

/** Reads the cell of `row` in column `column`, naming row and column when it is not a cell value. @internal */
export function cellAt(table: Table, row: SheetRow, column: number | undefined): Cell {
  if (column === undefined) return null;
  return readCell(row.cells[column], () => cellPlace(table, row, column));
}

/** Reads an id-like cell (id, name, group, person …) as text; a number reads as its digits. @internal */
export function textAt(table: Table, row: SheetRow, column: number | undefined): string | undefined {
  const cell = cellAt(table, row, column);
  if (cell === null) return undefined;
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return fail({ key: "sheetsNotText", ...cellParams(cell) }, cellPlace(table, row, column), IssueCode.invalidType);
}

/** A required text cell of a fixed field. @internal */
export function required(table: Table, row: SheetRow, field: Field): string {
  const column = columnOf(table, field);
  const value = textAt(table, row, column);
  if (value === undefined) fail({ key: "sheetsBlank" }, cellPlace(table, row, column), IssueCode.required);
  return value;
}

/** An optional text cell of a fixed field. @internal */
export const optional = (table: Table, row: SheetRow, field: Field): string | undefined => textAt(table, row, columnOf(table, field));

/**
 * A cell where a number is expected: a number, or its text as offices write it (`96.5%`, `1,000`)
 * as exact decimal text; other text is kept for the library to judge. @internal
 */
export function numberOf(cell: Cell, unit: "percent" | "ratio" = "percent"): Cell {
  return typeof cell === "string" ? (readNumberText(cell, unit) ?? cell) : cell;
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
  readonly errors: ReadonlyMap<number, readonly Problem[]>;
}

/** A score cell as a number: a number or decimal text, `96.5%` or `1,000`; `undefined` when it is not one. */
function scoreOf(cell: Cell): number | string | undefined {
  if (typeof cell === "number") return toDec(cell) === undefined ? undefined : cell;
  if (typeof cell !== "string") return undefined;
  const text = readNumberText(cell) ?? cell;
  return toDec(text) === undefined ? undefined : text;
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
  if (range.length === 0) fail({ key: "sheetsScoresMissing" }, { arg: "scores" }, IssueCode.required);
  const width = Math.max(0, ...range.map((r) => r.length));
  if (width > 2) fail({ key: "sheetsScoresWidth", count: width }, { arg: "scores" });
  const grouped = !isOmitted(groupsArg, "groups");
  const groups = grouped ? toRange(groupsArg, "groups") : [];
  if (grouped && groups.length !== range.length) fail({ key: "sheetsGroupsRows", groups: groups.length, scores: range.length }, { arg: "groups" });
  if (grouped && groups.some((r) => r.length > 1)) fail({ key: "sheetsGroupsWidth" }, { arg: "groups" });
  const digits = String(range.length).length;
  const rows: ScoreRow[] = [];
  const errors = new Map<number, Problem[]>();
  const seen = new Map<string, number>();
  let header = -1;
  range.forEach((cells, index) => {
    if (cells.every(isBlank) && (groups[index] ?? []).every(isBlank)) return;
    const at = { row: rowNumber(index) };
    try {
      const scoreCell = readCell(cells[width - 1], () => ({ arg: "scores", ...at }));
      const idCell = width === 2 ? readCell(cells[0], () => ({ arg: "scores", ...at })) : null;
      const firstRow = rows.length === 0 && errors.size === 0 && header < 0;
      const score = scoreOf(scoreCell);
      if (firstRow && typeof scoreCell === "string" && score === undefined) {
        header = index;
        return;
      }
      if (scoreCell === null) return; // not scored: its output stays blank
      const groupCell = grouped ? readCell(groups[index]![0], () => ({ arg: "groups", ...at })) : null;
      const id = idCell === null ? (width === 2 ? undefined : `row ${String(index + 1).padStart(digits, "0")}`) : typeof idCell === "string" ? idCell : typeof idCell === "number" ? String(idCell) : undefined;
      const bad =
        id === undefined
          ? problem({ key: "sheetsScoreId", ...cellParams(idCell) }, at, idCell === null ? IssueCode.required : IssueCode.invalidType)
          : score === undefined
            ? problem({ key: "sheetsScoreNumber", ...cellParams(scoreCell) }, at, IssueCode.invalidNumber)
            : seen.has(id)
              ? problem({ key: "sheetsScoreIdRepeats", id, row: rowNumber(seen.get(id)!) }, at, IssueCode.duplicateId)
              : grouped && typeof groupCell !== "string" && typeof groupCell !== "number"
                ? problem({ key: "sheetsScoreGroup", ...cellParams(groupCell) }, at, groupCell === null ? IssueCode.required : IssueCode.invalidType)
                : undefined;
      if (id !== undefined && !seen.has(id)) seen.set(id, index);
      if (bad) errors.set(index, [bad]);
      else rows.push({ index, id: id!, score: score!, ...(grouped ? { group: String(groupCell) } : {}) });
    } catch (error) {
      if (!(error instanceof SheetFailure)) throw error;
      errors.set(index, [...error.problems]);
    }
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
export function dateText(cell: Cell, offset: string, place: SheetPlace): string {
  if (typeof cell === "string") return cell;
  if (isDate(cell)) {
    const t = cell.getTime();
    if (!Number.isFinite(t)) fail({ key: "sheetsNotRealDate" }, place, IssueCode.invalidType);
    return `${new Date(t + offsetMinutes(offset)! * 60_000).toISOString().slice(0, 23)}${offset}`;
  }
  if (typeof cell === "number" && cell >= 1 && cell < EXCEL_LAST_DAY) return new Date(Math.round((cell - EXCEL_EPOCH_DAYS) * 86_400_000)).toISOString().slice(0, 23);
  return fail({ key: "sheetsNotDateTime", ...cellParams(cell) }, place, IssueCode.invalidType);
}

/** Reads every data row of a table with `read`; every row's problems are reported at once. @internal */
export function rowsOf<T>(table: Table, read: (row: SheetRow) => T): T[] {
  const problems: Problem[] = [];
  const out: T[] = [];
  for (const row of table.rows) {
    try {
      out.push(read(row));
    } catch (error) {
      if (!(error instanceof SheetFailure)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new SheetFailure(problems);
  return out;
}
