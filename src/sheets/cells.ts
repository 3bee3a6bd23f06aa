import { snapshot } from "../core/snapshot.js";
import { formatIssue, formatPath, issue, IssueCode, isJixiaoError, type Issue, type IssuePath } from "../core/errors.js";
import { render, type Locale, type MessageParams } from "../messages/index.js";
import { JOIN, placeWords, type CellParams, type SheetArg, type SheetPlace } from "../messages/sheets.js";

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
 * back as a cell reading `#JIXIAO! <where>: <what is wrong>` (in Chinese by default:
 * `#JIXIAO! <位置>：<问题>`).
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

/**
 * One problem a sheet function found: an issue (made here, or by the library), where it is in the
 * sheet, and the part of the issue's path the place does not stand for (a path inside a rule
 * document). Worded only when the output is written, in the function's language. @internal
 */
export interface Problem {
  readonly issue: Issue;
  readonly place: SheetPlace;
  readonly rest: IssuePath;
}

/** What a sheet function throws inside: its problems, as data. @internal */
export class SheetFailure extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super("sheet failure");
    this.name = "SheetFailure";
  }
}

/** A problem found by the sheet function itself, at `place` (and `path` inside a rule document there). @internal */
export const problem = (params: MessageParams, place: SheetPlace = {}, code: IssueCode = IssueCode.invalidInput, path: IssuePath = []): Problem => ({
  issue: issue(code, path, params),
  place,
  rest: path,
});

/** Throws one problem, which the sheet function turns into an error cell. @internal */
export function fail(params: MessageParams, place: SheetPlace = {}, code: IssueCode = IssueCode.invalidInput, path: IssuePath = []): never {
  throw new SheetFailure([problem(params, place, code, path)]);
}

/** The problems of something caught: a sheet failure's, or a library error's (placed nowhere). @internal */
export function problemsOf(error: unknown): readonly Problem[] | undefined {
  if (error instanceof SheetFailure) return error.problems;
  if (isJixiaoError(error)) return error.issues.map((i) => ({ issue: i, place: {}, rest: i.path }));
  return undefined;
}

/** A problem in words, in `locale`: its place, the rest of its path, then what is wrong. @internal */
export function problemText(p: Problem, locale: Locale): string {
  const place = placeWords(p.place, locale);
  const where = p.rest.length > 0 ? `${place}${place ? " " : ""}${formatPath(p.rest)}` : place;
  if (where === "") return render(p.issue.params, locale);
  return formatIssue(p.issue, { locale, path: () => where });
}

/** A cell as messages show it. @internal */
export function cellParams(cell: unknown): CellParams {
  if (isBlank(cell)) return { cell: "blank", cellText: "" };
  if (typeof cell === "string") return { cell: "text", cellText: cell.length > 40 ? `${cell.slice(0, 37)}…` : cell };
  if (typeof cell === "number") return { cell: "number", cellText: String(cell) };
  if (isDate(cell)) return { cell: "date", cellText: "" };
  if (typeof cell === "boolean") return { cell: "boolean", cellText: "" };
  return { cell: "other", cellText: typeof cell };
}

/**
 * Reads one cell: text is trimmed and blank text becomes `null`; anything that is not a cell value
 * (an object, a function) is an error at `place`. @internal
 */
export function readCell(value: unknown, place: () => SheetPlace): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (isDate(value)) return value;
  return fail({ key: "sheetsNotCell", kind: Array.isArray(value) ? "list" : typeof value }, place());
}

/** Whether a raw cell is blank. @internal */
export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * Turns a range argument into rows of cells: a range stays as it is, a list becomes one column,
 * one cell becomes a 1 × 1 range; nothing (an omitted argument) becomes no rows. Refuses ranges
 * beyond {@link MAX_ROWS} rows or {@link MAX_CELLS} cells. @internal
 */
export function toRange(arg: unknown, what: SheetArg): readonly (readonly unknown[])[] {
  if (arg === undefined || arg === null) return [];
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length > MAX_ROWS) fail({ key: "sheetsTooManyRows", rows: arg.length, max: MAX_ROWS }, { arg: what }, IssueCode.outOfRange);
  if (!arg.some((row) => Array.isArray(row))) return arg.map((cell) => [cell]);
  let cells = 0;
  for (let i = 0; i < arg.length; i++) {
    const row: unknown = arg[i];
    if (!Array.isArray(row)) fail({ key: "sheetsNotRow" }, { arg: what, row: i + 1 });
    cells += row.length;
    if (cells > MAX_CELLS) fail({ key: "sheetsTooManyCells", max: MAX_CELLS }, { arg: what }, IssueCode.outOfRange);
  }
  return arg as unknown[][];
}

/** Whether an argument was left out: nothing, or only blank cells. @internal */
export function isOmitted(arg: unknown, what: SheetArg): boolean {
  return toRange(arg, what).every((row) => row.every(isBlank));
}

/**
 * Reads a JSON rule argument (a scheme, a policy, a board): the text of one cell, or of several
 * cells joined in reading order, so a long document can be split over cells. @internal
 */
export function readJson(arg: unknown, what: SheetArg): unknown {
  const parts: string[] = [];
  let length = 0;
  for (const row of toRange(arg, what))
    for (const cell of row) {
      if (isBlank(cell)) continue;
      if (typeof cell !== "string") fail({ key: "sheetsJsonNotText", ...cellParams(cell) }, { arg: what }, IssueCode.invalidType);
      parts.push(cell);
      length += cell.length;
      if (length > MAX_JSON) fail({ key: "sheetsJsonTooLong", max: MAX_JSON }, { arg: what }, IssueCode.outOfRange);
    }
  if (parts.length === 0) fail({ key: "sheetsJsonBlank" }, { arg: what }, IssueCode.required);
  try {
    return JSON.parse(parts.join(""));
  } catch (error) {
    return fail({ key: "sheetsJsonInvalid", detail: error instanceof Error ? error.message.slice(0, 200) : "unreadable" }, { arg: what });
  }
}

/** Where a library issue is in the sheet: its place, and how many parts of its path the place stands for. @internal */
export type Locate = (path: IssuePath) => { readonly place: SheetPlace; readonly skip: number };

/** A library issue placed in the sheet by `locate`. @internal */
export function placed(i: Issue, locate: Locate): Problem {
  const { place, skip } = locate(i.path);
  return { issue: i, place, rest: i.path.slice(skip) };
}

/** Runs a library call, placing the issues of the `JixiaoError` it throws with `locate`. @internal */
export function within<T>(locate: Locate, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    throw new SheetFailure(error.issues.map((i) => placed(i, locate)));
  }
}

/** The place of a rule argument: its issues read `policy tiers[1].share: …`. @internal */
export const ruleLabel =
  (arg: SheetArg, base?: string): Locate =>
  (path) => ({ place: { arg }, skip: base !== undefined && path[0] === base ? 1 : 0 });

/** A sheet function's language and the words it writes. @internal */
export interface Sheet {
  readonly locale: Locale;
  /** An error cell of these problems. */
  readonly error: (problems: readonly Problem[]) => string;
}

/** Problems joined for one cell: the first few, then how many more. @internal */
export function joinProblems(problems: readonly Problem[], locale: Locale): string {
  const shown = problems.slice(0, SHOWN_ISSUES).map((p) => problemText(p, locale));
  if (problems.length > SHOWN_ISSUES) shown.push(render({ key: "sheetsAndMore", count: problems.length - SHOWN_ISSUES }, locale));
  return shown.join(JOIN[locale]);
}

/** An error cell: {@link SHEET_ERROR}, then the problems, at most {@link MAX_MESSAGE} characters. @internal */
export function errorCell(problems: readonly Problem[], locale: Locale): string {
  const text = `${SHEET_ERROR} ${joinProblems(problems, locale)}`;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/** The locales a sheet function takes, as written in a cell. */
const LOCALE_WORDS = ["zh-CN", "zh", "en"] as const;

/** Reads a locale argument: `zh-CN` or `zh` (the default), or `en`. @internal */
export function readLocale(arg: unknown): Locale {
  const cells = toRange(arg, "locale")
    .flat()
    .filter((c) => !isBlank(c));
  if (cells.length === 0) return "zh-CN";
  const word = cells.length === 1 && typeof cells[0] === "string" ? cells[0].trim() : undefined;
  const found = LOCALE_WORDS.find((w) => w.toLowerCase() === word?.toLowerCase());
  if (found === undefined)
    fail(word === undefined ? { key: "sheetsWordsText", example: "en", ...cellParams(cells[0]) } : { key: "sheetsNotOneOf", word: word.slice(0, 40), options: [...LOCALE_WORDS] }, { arg: "locale" }, IssueCode.invalidOption);
  return found === "en" ? "en" : "zh-CN";
}

/**
 * Runs a sheet function in the language of its locale argument: what it returns, or — whatever
 * goes wrong — one error cell. Never throws. The function works on its arguments' copy, each cell
 * read once ({@link snapshot}). @internal
 */
export function sheetFunction<const A extends readonly unknown[]>(localeArg: unknown, args: A, fn: (sheet: Sheet, ...args: A) => SheetOutput): SheetOutput {
  let locale: Locale = "zh-CN";
  try {
    locale = readLocale(snapshot(localeArg, [], "The locale cannot be read"));
    const l = locale;
    const cells = snapshot(args, [], "The cells cannot be read") as unknown as A;
    return fn({ locale: l, error: (problems) => errorCell(problems, l) }, ...cells);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) return [[errorCell(problems, locale)]];
    const words = error instanceof Error ? error.message : String(error);
    return [[errorCell([problem({ key: "sheetsUnexpected", detail: words.slice(0, 200) })], locale)]];
  }
}
