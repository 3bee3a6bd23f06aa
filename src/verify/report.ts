import { formatIssue, formatPath, type Issue, type IssuePath, type JixiaoError } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { CATALOG, type Locale } from "../messages/index.js";
import { NOTHING } from "./compare.js";
import type { ScenarioFailure, ScenarioFileReport } from "./run.js";
import { word } from "./words.js";

/** How a run of scenario files went: each file, and the counts. */
export interface ScenarioReport {
  /** Whether every file was read and every case passed. */
  readonly passed: boolean;
  /** Each file, in the order read. */
  readonly files: readonly ScenarioFileReport[];
  /** How many files and cases, and how many cases passed and failed (a file that cannot be read counts as one failed case). */
  readonly counts: {
    /** Scenario files read or tried. */
    readonly files: number;
    /** Cases run. */
    readonly cases: number;
    /** Cases that passed. */
    readonly passed: number;
    /** Cases that failed, plus files that could not be read. */
    readonly failed: number;
  };
}

/**
 * Puts file reports together into one report with its counts.
 * @param files - the reports of {@link runScenario}, one per file.
 * @returns the report.
 * @example
 * ```ts
 * summarizeScenarios([runScenario(doc)]).counts;
 * //=> { files: 1, cases: 1, passed: 1, failed: 0 }
 * ```
 */
export function summarizeScenarios(files: readonly ScenarioFileReport[]): ScenarioReport {
  const cases = files.reduce((n, f) => n + f.cases.length, 0);
  const passed = files.reduce((n, f) => n + f.cases.filter((c) => c.passed).length, 0);
  const unread = files.filter((f) => f.issues.length > 0).length;
  return { passed: files.every((f) => f.passed), files, counts: { files: files.length, cases, passed, failed: cases - passed + unread } };
}

/** Options for {@link formatScenarioReport} and {@link formatScenarioFailure}. */
export interface FormatScenarioOptions {
  /** The language of the report's words and issues: `zh-CN` (default) or `en`. The trace lines keep the language they were made in (`runScenario`'s `locale`). */
  readonly locale?: Locale;
}

const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional() }).optional();
const localeOf = (options: FormatScenarioOptions | undefined): Locale => parseWith(optionsSchema, options, "Report options are not valid", ["options"])?.locale ?? "zh-CN";

/** A failure's actual value as a reader sees it: where the path leads nowhere, a word in the language. @internal */
export const actualText = (actual: string, locale: Locale): string => (actual === NOTHING ? word(locale, { key: "nothing" }) : actual);

const failureText = (f: { path: string; expected: string; actual: string; margin?: string | undefined }, locale: Locale) =>
  word(locale, { key: "failure", path: f.path, expected: f.expected, actual: f.actual, nothing: f.actual === NOTHING, margin: f.margin ?? "" });

/**
 * One failure as text: where (file › case › path), the expected and actual values, and the trace
 * lines that produced the actual value.
 * @param failure - a failure from a case report.
 * @param options - the language: `zh-CN` (default) or `en`.
 * @returns the failure, over several lines.
 * @example
 * ```ts
 * formatScenarioFailure({ file: "a.yaml", case: "c", path: "tiers.c007", expected: "差", actual: "中", trace: [] }, { locale: "en" });
 * //=> "a.yaml › c › tiers.c007: expected 差, got 中"
 * formatScenarioFailure({ file: "a.yaml", case: "c", path: "tiers.c007", expected: "差", actual: "中", trace: [] });
 * //=> "a.yaml › c › tiers.c007：期望 差，实际 中"
 * ```
 */
export function formatScenarioFailure(failure: ScenarioFailure, options?: FormatScenarioOptions): string {
  const f = parseWith(failureSchema, failure, "Not a scenario failure");
  const locale = localeOf(options);
  return [`${f.file} › ${f.case} › ${failureText(f, locale)}`, ...f.trace.map((l) => `    ${l}`)].join("\n");
}

const failureSchema = z.object({
  file: z.string(),
  case: z.string(),
  path: z.string(),
  expected: z.string(),
  actual: z.string(),
  margin: z.string().optional(),
  trace: z.array(z.string()),
});

/** An issue of a report: worded from its data in the language, or its English words where it has none (a report read back from JSON keeps them). */
function issueText(i: ReportIssue, locale: Locale, path?: (p: IssuePath) => string): string {
  const key = i.params?.key;
  if (i.path === undefined || typeof key !== "string" || !Object.prototype.hasOwnProperty.call(CATALOG, key)) return i.message;
  try {
    return formatIssue(i as unknown as Issue, { locale, ...(path ? { path } : {}) });
  } catch {
    // Parameters that are not what the message takes (a report edited by hand): its English words.
    return i.message;
  }
}

/** An issue of a whole file (it cannot be read, or is not a valid scenario file), placed in the file. @internal */
export function fileIssueText(i: ReportIssue, file: string, locale: Locale): string {
  return issueText(i, locale, (path) => word(locale, { key: "fileIssue", file, path: path.length === 0 ? "" : formatPath(path) }));
}

/** An issue of a case (its rules or inputs rejected), at its path in the case. @internal */
export const caseIssueText = (i: ReportIssue, locale: Locale): string => issueText(i, locale);

function caseLines(c: ReportCase, locale: Locale): string[] {
  if (c.passed) return [`  ✓ ${c.name}`];
  const out = [`  ✗ ${c.name}`];
  for (const i of c.issues) out.push(`      ${issueText(i, locale)}`);
  for (const f of c.failures) {
    out.push(`      ${failureText(f, locale)}`);
    for (const line of f.trace) out.push(`          ${line}`);
  }
  return out;
}

/**
 * A report as text for people: each file and case with ✓ or ✗, each failure with its path,
 * expected and actual values and trace lines, each issue with its path, and a closing count — in
 * Chinese (the default) or English.
 *
 * @param report - from `verifyScenarios` or {@link summarizeScenarios}.
 * @param options - the language: `zh-CN` (default) or `en`.
 * @returns the report, over several lines.
 * @throws {@link index!JixiaoError} when `report` is not a scenario report.
 * @example
 * ```ts
 * formatScenarioReport(summarizeScenarios([runScenario(doc, { file: "ranks.yaml" })]), { locale: "en" }).split("\n").at(-1);
 * //=> "1 case: 1 passed, 0 failed (1 file)"
 * formatScenarioReport(summarizeScenarios([runScenario(doc, { file: "ranks.yaml" })])).split("\n").at(-1);
 * //=> "共 1 个用例：1 个通过，0 个未通过（1 个文件）"
 * ```
 */
export function formatScenarioReport(report: ScenarioReport, options?: FormatScenarioOptions): string {
  const r = parseWith(reportSchema, report, "Not a scenario report") as { files: readonly (Omit<ScenarioFileReport, "issues" | "cases"> & { issues: readonly ReportIssue[]; cases: readonly ReportCase[] })[]; counts: ScenarioReport["counts"] };
  const locale = localeOf(options);
  const lines: string[] = [];
  for (const f of r.files) {
    lines.push(`${f.passed ? "✓" : "✗"} ${f.file}${f.name ? ` — ${f.name}` : ""}`);
    for (const i of f.issues) lines.push(`    ${fileIssueText(i, f.file, locale)}`);
    for (const c of f.cases) lines.push(...caseLines(c, locale));
  }
  lines.push("", word(locale, { key: "counts", ...r.counts }));
  return lines.join("\n");
}

const issueShape = z.object({
  message: z.string(),
  code: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
/** An issue as a report holds it (a report read back from JSON may have only the message). */
interface ReportIssue {
  readonly message: string;
  readonly code?: string;
  readonly path?: readonly (string | number)[];
  readonly params?: Readonly<Record<string, unknown>>;
}
interface ReportCase {
  readonly name: string;
  readonly passed: boolean;
  readonly issues: readonly ReportIssue[];
  readonly failures: readonly ScenarioFailure[];
}
const caseSchema = z.object({ name: z.string(), passed: z.boolean(), issues: z.array(issueShape), failures: z.array(failureSchema) });
const reportSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      name: z.string().optional(),
      passed: z.boolean(),
      issues: z.array(issueShape),
      cases: z.array(caseSchema),
    }),
  ),
  counts: z.object({ files: z.number(), cases: z.number(), passed: z.number(), failed: z.number() }),
});
