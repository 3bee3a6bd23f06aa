import { formatPath, issue, IssueCode, isJixiaoError, JixiaoError, type Issue, type IssuePath } from "../core/errors.js";

/**
 * One cell as a spreadsheet hands it to a function: text, a number, a boolean, a date (Google
 * Sheets passes date cells as `Date`), or blank (`""`, `null` or nothing).
 */
export type SheetCell = string | number | boolean | Date | null | undefined;

/** A range of cells: rows of cells, as Google Sheets and Excel pass `A1:C20` to a function. */
export type SheetRange = readonly (readonly SheetCell[])[];

/** What a sheet function takes for a range argument: a range, one row or column as a list, or one cell. */
export type SheetInput = SheetRange | readonly SheetCell[] | SheetCell;

/** What a sheet function returns: rows of numbers and texts; `""` is a blank cell. */
export type SheetOutput = (string | number)[][];

/**
 * The text every error cell starts with. A sheet function never throws: what it cannot do comes
 * back as a cell reading `#JIXIAO! <where>: <what is wrong>`.
 */
export const SHEET_ERROR = "#JIXIAO!";

/** The most rows a range may have (the largest batch the library scores). @internal */
export const MAX_ROWS = 2_000_000;
/** The most cells a range may have (Google Sheets' limit for a whole spreadsheet). @internal */
export const MAX_CELLS = 10_000_000;
/** The most characters of JSON a rule argument may have. @internal */
export const MAX_JSON = 5_000_000;
/** The most characters an error cell holds. */
const MAX_MESSAGE = 1000;
/** The most issues written into one error cell; the rest are counted. */
const SHOWN_ISSUES = 3;

/** A cell after reading: trimmed text, a number, a boolean or a date; `null` when blank. @internal */
export type Cell = string | number | boolean | Date | null;

/** Whether a value is a `Date` (from any realm: Apps Script's, a `vm` context's). @internal */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** Throws the one error sheet functions turn into an error cell. @internal */
export function fail(message: string): never {
  throw new JixiaoError([issue(IssueCode.invalidInput, [], { key: "whole", text: message })], "Sheet function");
}

/**
 * Reads one cell: text is trimmed and blank text becomes `null`; anything that is not a cell value
 * (an object, a function) is an error naming `where`. @internal
 */
export function readCell(value: unknown, where: () => string): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (isDate(value)) return value;
  return fail(`${where()}: is not a cell value (${Array.isArray(value) ? "a list" : `a ${typeof value}`})`);
}

/** Whether a raw cell is blank. @internal */
export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * Turns a range argument into rows of cells: a range stays as it is, a list becomes one column,
 * one cell becomes a 1 × 1 range; nothing (an omitted argument) becomes no rows. Refuses ranges
 * beyond {@link MAX_ROWS} rows or {@link MAX_CELLS} cells. @internal
 */
export function toRange(arg: unknown, what: string): readonly (readonly unknown[])[] {
  if (arg === undefined || arg === null) return [];
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length > MAX_ROWS) fail(`${what}: has ${arg.length} rows; a sheet function takes at most ${MAX_ROWS}`);
  if (!arg.some((row) => Array.isArray(row))) return arg.map((cell) => [cell]);
  let cells = 0;
  for (let i = 0; i < arg.length; i++) {
    const row: unknown = arg[i];
    if (!Array.isArray(row)) fail(`${what} row ${i + 1}: is not a row of cells`);
    cells += row.length;
    if (cells > MAX_CELLS) fail(`${what}: has more than ${MAX_CELLS} cells; a sheet function takes at most ${MAX_CELLS}`);
  }
  return arg as unknown[][];
}

/** Whether an argument was left out: nothing, or only blank cells. @internal */
export function isOmitted(arg: unknown, what: string): boolean {
  return toRange(arg, what).every((row) => row.every(isBlank));
}

/**
 * Reads a JSON rule argument (a scheme, a policy, a board): the text of one cell, or of several
 * cells joined in reading order, so a long document can be split over cells. @internal
 */
export function readJson(arg: unknown, what: string): unknown {
  const parts: string[] = [];
  let length = 0;
  for (const row of toRange(arg, what))
    for (const cell of row) {
      if (isBlank(cell)) continue;
      if (typeof cell !== "string") fail(`${what}: must be JSON text, not ${typeof cell === "number" ? `the number ${cell}` : describeCell(cell)}`);
      parts.push(cell);
      length += cell.length;
      if (length > MAX_JSON) fail(`${what}: is longer than ${MAX_JSON} characters`);
    }
  if (parts.length === 0) fail(`${what}: is blank; give the JSON text (or the cell that holds it)`);
  try {
    return JSON.parse(parts.join(""));
  } catch (error) {
    return fail(`${what}: is not valid JSON (${error instanceof Error ? error.message.slice(0, 200) : "unreadable"})`);
  }
}

/** A short description of a cell for messages. @internal */
export function describeCell(cell: unknown): string {
  if (isBlank(cell)) return "blank";
  if (typeof cell === "string") return cell.length > 40 ? `text "${cell.slice(0, 37)}…"` : `text "${cell}"`;
  if (typeof cell === "number") return Number.isNaN(cell) ? "NaN" : String(cell);
  if (isDate(cell)) return "a date";
  return `a ${typeof cell}`;
}

/** Where a library issue is in the sheet: a label for its start, and how many path parts the label stands for. @internal */
export type Locate = (path: IssuePath) => { readonly label: string; readonly skip: number };

/**
 * Writes one library issue with a sheet location in place of the start of its path:
 * `["groups", 0, "points"]` under the label `scheme` reads `scheme groups[0].points (分值): …`,
 * `[3, "values", "study"]` under `row 5 (c004), column study` reads `row 5 (c004), column study: …`. @internal
 */
export function locateIssue(i: Issue, locate: Locate): string {
  const own = formatPath(i.path);
  const words = i.message.startsWith(own) ? i.message.slice(own.length) : `: ${i.message}`;
  const { label, skip } = locate(i.path);
  const rest = i.path.slice(skip);
  return `${label}${rest.length > 0 ? ` ${formatPath(rest)}` : ""}${words}`;
}

/** Messages joined for one cell: the first few, then how many more. @internal */
export function joinMessages(messages: readonly string[]): string {
  const more = messages.length > SHOWN_ISSUES ? `; and ${messages.length - SHOWN_ISSUES} more` : "";
  return `${messages.slice(0, SHOWN_ISSUES).join("; ")}${more}`;
}

/** An error cell: {@link SHEET_ERROR}, then the messages, at most {@link MAX_MESSAGE} characters. @internal */
export function errorCell(messages: readonly string[]): string {
  const text = `${SHEET_ERROR} ${joinMessages(messages)}`;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/** Runs a library call, rewriting the paths of its issues with `locate` when it throws. @internal */
export function within<T>(locate: Locate, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    throw new JixiaoError(error.issues.map((i) => ({ ...i, message: locateIssue(i, locate) })), error.message.split("\n")[0]);
  }
}

/** The label for a rule argument: its issues read `policy tiers[1].share: …`. @internal */
export const ruleLabel =
  (label: string, base?: string): Locate =>
  (path) => ({ label, skip: base !== undefined && path[0] === base ? 1 : 0 });

/**
 * Runs a sheet function: what it returns, or — whatever goes wrong — one error cell. Never
 * throws. @internal
 */
export function sheetFunction(fn: () => SheetOutput): SheetOutput {
  try {
    return fn();
  } catch (error) {
    if (isJixiaoError(error)) return [[errorCell(error.issues.map((i) => i.message))]];
    const words = error instanceof Error ? error.message : String(error);
    return [[errorCell([`unexpected failure (${words.slice(0, 200)}); please report it`])]];
  }
}
