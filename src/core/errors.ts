import { isMessageKey, render, shown, type Locale, type MessageParams } from "../messages/index.js";
import { namesItsPlace } from "../messages/files.js";
import { snapshot } from "./snapshot.js";

/**
 * Issue codes: one snake_case constant per kind of mistake, so programs can react to a code and
 * people can read the message.
 */
export const IssueCode = Object.freeze({
  /** A value has the wrong type (a text where a number belongs, …). */
  invalidType: "invalid_type",
  /** A required field is missing. */
  required: "required",
  /** A field the rule does not know (often a typo). */
  unknownField: "unknown_field",
  /** A number or a length outside what the rule allows. */
  outOfRange: "out_of_range",
  /** A value that is not one of the allowed options. */
  invalidOption: "invalid_option",
  /** Not a finite decimal (NaN, Infinity, "12abc", beyond ±10^18). */
  invalidNumber: "invalid_number",
  /** Two things share an id that must be unique. */
  duplicateId: "duplicate_id",
  /** An id that names nothing known (an indicator, a veto, …). */
  unknownId: "unknown_id",
  /** Points that do not add up (groups to the full score, indicators to their group). */
  pointsMismatch: "points_mismatch",
  /** A grade the indicator's grade table does not have. */
  unknownGrade: "unknown_grade",
  /** A rule whose parameters contradict each other (best equal to worst, …). */
  invalidRule: "invalid_rule",
  /** A value the indicator needs is missing. */
  missingValue: "missing_value",
  /** A value outside what the indicator accepts (a direct score above its points, …). */
  invalidValue: "invalid_value",
  /** The `rank` method needs the whole batch: score with `scoreAll`. */
  rankNeedsBatch: "rank_needs_batch",
  /** A custom scoring function threw or returned something unusable. */
  customFailed: "custom_failed",
  /** The input as a whole is not what the function takes. */
  invalidInput: "invalid_input",
  /** More issues were found than are listed; the last issue says how many. */
  tooManyIssues: "too_many_issues",
  /**
   * A warning, not an error: a value scored as given that looks like it is in another unit (a
   * ratio such as 0.965 where the indicator takes percents such as 96.5, or the reverse). It is on
   * a score result's `warnings`, never thrown.
   */
  implausibleValue: "implausible_value",
  /** Reading the input threw: a getter or a Proxy trap failed. Nothing of it was used. */
  unreadableInput: "unreadable_input",
  /**
   * A field named `__proto__` (as `JSON.parse` makes it): refused at any depth, since other tools
   * would read it as the object's prototype rather than as data.
   */
  reservedKey: "reserved_key",
} as const);

/** One of the {@link IssueCode} values. */
export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];

/** Where in the input an issue is: object keys and array indexes from the top. */
export type IssuePath = readonly (string | number)[];

/**
 * One thing wrong with an input: a code for programs, a path, the message as data (its key in the
 * catalog and its numbers), and the message in English words for logs. {@link formatIssue} words it
 * in Chinese or English.
 */
export interface Issue {
  /** What kind of mistake, as a snake_case code. */
  readonly code: IssueCode;
  /** Where it is, from the top of the input (`["groups", 0, "points"]`). */
  readonly path: IssuePath;
  /** What is wrong, as data: the message's key in the catalog and its parameters (limit, received …). */
  readonly params: MessageParams;
  /** What is wrong, in English words, starting with the path: the text of `JixiaoError#message`. */
  readonly message: string;
}

/** The outcome of a `safe…` function: the output, or every issue found. */
export type SafeResult<T> =
  | {
      /** It worked. */
      readonly success: true;
      /** What the function returns. */
      readonly output: T;
    }
  | {
      /** It did not. */
      readonly success: false;
      /** Every problem found; never empty. */
      readonly issues: readonly Issue[];
    };

/**
 * The most issues an error lists: a check that finds more lists these and counts the rest in one
 * last `too_many_issues` issue.
 */
export const MAX_ISSUES = 1000;

/**
 * The one error the library throws for bad input. Its `issues` list every problem found, each with
 * a code, a path and a message; it is never empty.
 *
 * @example
 * ```ts
 * try {
 *   defineScheme({ id: "x", full: 100, groups: [] });
 * } catch (error) {
 *   if (isJixiaoError(error)) console.log(error.issues[0].code);
 * }
 * //=> "out_of_range"
 * ```
 */
export class JixiaoError extends Error {
  /** Every problem found, in input order. Never empty. */
  readonly issues: readonly Issue[];

  /**
   * @param issues - the problems found; at least one.
   * @param context - what was being done, for the first line of the message.
   */
  constructor(issues: readonly Issue[], context = "Invalid input") {
    let list = issues.length > 0 ? issues : [issue(IssueCode.invalidInput, [], { key: "failed", context })];
    // However many issues a check found, an error lists MAX_ISSUES and counts the rest in one more.
    // (A list that already ends in its own count after MAX_ISSUES, as the schema checks make, is kept.)
    const counted = list.length === MAX_ISSUES + 1 && list[MAX_ISSUES]!.code === IssueCode.tooManyIssues;
    if (list.length > MAX_ISSUES && !counted) list = [...list.slice(0, MAX_ISSUES), issue(IssueCode.tooManyIssues, [], { key: "moreIssues", count: list.length - MAX_ISSUES })];
    const shown = list.slice(0, 20).map((i) => `  - ${i.message}`);
    if (list.length > 20) shown.push(`  … and ${list.length - 20} more`);
    super(`${context}: ${list.length} issue${list.length === 1 ? "" : "s"}\n${shown.join("\n")}`);
    this.name = "JixiaoError";
    this.issues = Object.freeze(list.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })));
    Object.defineProperty(this, BRAND, { value: true });
  }
}

// A brand shared by every copy of the library in a program (the CommonJS entries each bundle one).
const BRAND = Symbol.for("jixiao.JixiaoError");

/**
 * Whether a value is a {@link JixiaoError}, from this copy of the library or another one in the
 * same program (the CommonJS `jixiao` and `jixiao/node` entries each carry one).
 * @param error - anything caught.
 * @returns `true` for a `JixiaoError`.
 * @example
 * ```ts
 * isJixiaoError(new Error("x"));
 * //=> false
 * ```
 */
export function isJixiaoError(error: unknown): error is JixiaoError {
  return error instanceof JixiaoError || (error instanceof Error && (error as unknown as Record<symbol, unknown>)[BRAND] === true);
}

/**
 * Writes a path the way people read it: `groups[0].indicators[2].points`.
 * @param path - keys and indexes from the top.
 * @returns the path as text; `(top)` for the empty path.
 * @throws {@link JixiaoError} when `path` is not a list.
 * @example
 * ```ts
 * formatPath(["groups", 0, "points"]);
 * //=> "groups[0].points"
 * ```
 */
export function formatPath(path: IssuePath): string {
  if (!Array.isArray(path)) throw new JixiaoError([issue(IssueCode.invalidType, [], { key: "pathNotList" })], "Not a path");
  let out = "";
  for (const part of path as readonly unknown[]) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part !== "string") out += `[${String(typeof part === "symbol" ? part.description : part)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || "(top)";
}

/** Chinese terms for the fields people meet most, shown beside the field name in messages. @internal */
export const TERMS: Readonly<Record<string, string>> = {
  full: "满分",
  points: "分值",
  groups: "指标组",
  indicators: "指标",
  method: "计分方法",
  grades: "等级",
  rounding: "舍入",
  decimals: "小数位数",
  vetoes: "否决项",
  bonus: "加分",
  deductions: "减分",
  deduction: "减分",
  values: "指标值",
  cap: "上限",
  floor: "下限",
  per: "每次分值",
};

/** The Chinese term of a path's last field, where one exists. */
function termOf(path: IssuePath): string | undefined {
  const last = path[path.length - 1];
  return typeof last === "string" && Object.prototype.hasOwnProperty.call(TERMS, last) ? TERMS[last] : undefined;
}

/**
 * Makes an issue: its message as data, and its English words starting with the path (and the
 * field's Chinese term, where one exists).
 * @internal
 */
export function issue(code: IssueCode, path: IssuePath, params: MessageParams): Issue {
  return { code, path, params, message: issueText(path, params, "en", formatPath) };
}

function issueText(path: IssuePath, params: MessageParams, locale: Locale, where: (path: IssuePath) => string): string {
  return placed(path, params.key, render(params, locale), locale, where);
}

/** A message's words with their place in front (and the field's Chinese term), in the language. */
function placed(path: IssuePath, key: string, words: string, locale: Locale, where: (path: IssuePath) => string): string {
  // A file's messages name the file, and the line or row in it, themselves.
  if (namesItsPlace(key)) return words;
  const term = termOf(path);
  const at = where(path);
  if (locale === "en") return `${at}${term ? ` (${term})` : ""}: ${words}`;
  return `${at === "(top)" ? "（整体）" : at}${term ? `（${term}）` : ""}：${words}`;
}

/** How {@link formatIssue} and {@link formatIssues} word issues. */
export interface FormatIssueOptions {
  /** The language: `"zh-CN"` (the default) or `"en"`. */
  readonly locale?: Locale;
  /**
   * Writes an issue's path for the reader (a file's row and column, say); by default
   * {@link formatPath}.
   */
  readonly path?: (path: IssuePath) => string;
}

const MAX_PATH = 1000;

/** A fault in what was given to formatIssue(s): a JixiaoError at `path`. */
const formatFault = (path: IssuePath, params: MessageParams): JixiaoError => new JixiaoError([issue(IssueCode.invalidInput, path, params)], WORDING);

/**
 * Reads an issue from the copy of what was given ({@link snapshot}): a code, a path of keys and
 * indexes, the message's data and the English message.
 */
function readIssue(item: unknown, at: IssuePath): Issue {
  if (item === null || typeof item !== "object" || Array.isArray(item)) throw formatFault(at, { key: "notAnIssue" });
  const { code, path, params, message } = item as Record<string, unknown>;
  const parts = Array.isArray(path) && path.length <= MAX_PATH && path.every((part: unknown) => typeof part === "string" || (typeof part === "number" && Number.isInteger(part)));
  if (!parts || typeof code !== "string" || typeof message !== "string") throw formatFault(at, { key: "notAnIssue" });
  const data = params !== null && typeof params === "object" && !Array.isArray(params) ? params : {};
  return { code: code as IssueCode, path: path as (string | number)[], params: data as MessageParams, message };
}

/** What formatIssue(s) say when what they were given cannot be worded. */
const WORDING = "Issues cannot be worded";

/** Reads the options of formatIssue(s) once. */
function readFormatOptions(options: unknown): { locale: Locale; where: (path: IssuePath) => string } {
  if (options === undefined) return { locale: "zh-CN", where: formatPath };
  const copy = snapshot(options, ["options"], WORDING);
  if (copy === null || typeof copy !== "object" || Array.isArray(copy)) throw formatFault(["options"], { key: "notAnIssue" });
  const { locale, path } = copy as Record<string, unknown>;
  if (locale !== undefined && locale !== "zh-CN" && locale !== "en") throw formatFault(["options", "locale"], { key: "oneOf", options: ['"zh-CN"', '"en"'], received: shown(locale) });
  if (path !== undefined && typeof path !== "function") throw formatFault(["options", "path"], { key: "mustBeFunction" });
  const writer = path as ((p: IssuePath) => unknown) | undefined;
  const where = writer
    ? (p: IssuePath): string => {
        let text: unknown;
        try {
          text = writer(p);
        } catch {
          throw formatFault(["options", "path"], { key: "pathWriterFailed" });
        }
        if (typeof text !== "string") throw formatFault(["options", "path"], { key: "pathWriterFailed" });
        return text;
      }
    : formatPath;
  return { locale: (locale as Locale | undefined) ?? "zh-CN", where };
}

/** An issue in words: from its data where the catalog knows its key and its data fits, else its English message. */
function wordIssue(item: Issue, locale: Locale, where: (path: IssuePath) => string): string {
  if (!isMessageKey(item.params.key)) return item.message;
  let words: string;
  try {
    words = render(item.params, locale);
  } catch {
    // Data that does not fit its message (an issue edited by hand, or from another version).
    return item.message;
  }
  return placed(item.path, item.params.key, words, locale, where);
}

/**
 * Words one issue for a person, in Chinese (the default) or English, from its code, path and
 * parameters — never by rewriting its English message. An issue whose data the catalog cannot
 * word (edited by hand, or from another version of jixiao) is shown by its English message.
 * @param item - an issue of a {@link JixiaoError} or a `safe…` result.
 * @param options - the language, and how to write the path.
 * @returns the issue as one line of text, starting with where it is.
 * @throws {@link JixiaoError} when `item` is not an issue, or the options are not valid (a path
 * writer that throws or gives no text).
 * @example
 * ```ts
 * const r = safeDefineScheme({ id: "x", full: 100 });
 * if (!r.success) formatIssue(r.issues[0]);
 * //=> "groups（指标组）：必填，但没有给出"
 * ```
 */
export function formatIssue(item: Issue, options?: FormatIssueOptions): string {
  const { locale, where } = readFormatOptions(options);
  return wordIssue(readIssue(snapshot(item, ["issue"], WORDING), ["issue"]), locale, where);
}

/**
 * Words a list of issues for a person, one line each (`- …`), in Chinese (the default) or English.
 * At most {@link MAX_ISSUES} are written; a last line counts the rest.
 * @param issues - the issues of a {@link JixiaoError} or a `safe…` result.
 * @param options - the language, and how to write paths.
 * @returns the lines joined by line breaks.
 * @throws {@link JixiaoError} when `issues` is not a list of issues, or the options are not valid.
 * @example
 * ```ts
 * const r = safeDefineScheme({ id: "x", full: 100 });
 * if (!r.success) formatIssues(r.issues, { locale: "en" });
 * //=> "- groups (指标组): is required"
 * ```
 */
export function formatIssues(issues: readonly Issue[], options?: FormatIssueOptions): string {
  const { locale, where } = readFormatOptions(options);
  const copy = snapshot(issues, ["issues"], WORDING);
  if (!Array.isArray(copy)) throw formatFault(["issues"], { key: "notAnIssue" });
  const count = copy.length;
  const list: Issue[] = [];
  for (let k = 0; k < Math.min(count, MAX_ISSUES); k++) list.push(readIssue(copy[k], ["issues", k]));
  const lines = list.map((i) => `- ${wordIssue(i, locale, where)}`);
  if (count > MAX_ISSUES) lines.push(render({ key: "moreIssuesLine", count: count - MAX_ISSUES }, locale));
  return lines.join("\n");
}

/** Runs `fn`, turning a thrown `JixiaoError` into `{ success: false, issues }`. @internal */
export function safely<T>(fn: () => T): SafeResult<T> {
  try {
    return { success: true, output: fn() };
  } catch (error) {
    if (error instanceof JixiaoError) return { success: false, issues: error.issues };
    throw error;
  }
}

/**
 * Runs `fn`, moving the issues of a {@link JixiaoError} it throws to where they are in the caller's
 * input: `place` maps each issue's path to the caller's (prefixing `["results"]`, say), and the
 * message is made again from its data for the new path.
 * @internal
 */
export function relocate<T>(place: (path: IssuePath) => IssuePath, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof JixiaoError)) throw error;
    const issues = error.issues.map((i) => issue(i.code, place(i.path), i.params));
    throw new JixiaoError(issues, error.message.split("\n")[0]!.replace(/: \d+ issues?$/, ""));
  }
}

/**
 * Runs `fn`, moving the paths of a {@link JixiaoError} it throws to where the caller holds the
 * thing: a path starting with a key of `moves` is re-rooted there; any other path gets `rest` in
 * front (`within({ policy: ["rules", "tierPolicy"] }, ["ranking"], …)`).
 * @internal
 */
export function within<T>(moves: Readonly<Record<string, IssuePath>>, rest: IssuePath, fn: () => T): T {
  return relocate((path) => {
    const first = path[0];
    return typeof first === "string" && Object.prototype.hasOwnProperty.call(moves, first) ? [...moves[first]!, ...path.slice(1)] : [...rest, ...path];
  }, fn);
}
