import type { JixiaoError } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import type { ScenarioCaseReport, ScenarioFailure, ScenarioFileReport } from "./run.js";

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

/**
 * One failure as text: where (file › case › path), the expected and actual values, and the trace
 * lines that produced the actual value.
 * @param failure - a failure from a case report.
 * @returns the failure, over several lines.
 * @example
 * ```ts
 * formatScenarioFailure({ file: "a.yaml", case: "c", path: "tiers.c007", expected: "差", actual: "中", trace: [] });
 * //=> "a.yaml › c › tiers.c007: expected 差, got 中"
 * ```
 */
export function formatScenarioFailure(failure: ScenarioFailure): string {
  const f = parseWith(failureSchema, failure, "Not a scenario failure");
  const margin = f.margin === undefined ? "" : ` (margin ±${f.margin})`;
  return [`${f.file} › ${f.case} › ${f.path}: expected ${f.expected}, got ${f.actual}${margin}`, ...f.trace.map((l) => `    ${l}`)].join("\n");
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

function caseLines(c: ScenarioCaseReport): string[] {
  if (c.passed) return [`  ✓ ${c.name}`];
  const out = [`  ✗ ${c.name}`];
  for (const i of c.issues) out.push(`      ${i.message}`);
  for (const f of c.failures) {
    out.push(`      ${f.path}: expected ${f.expected}, got ${f.actual}${f.margin === undefined ? "" : ` (margin ±${f.margin})`}`);
    for (const line of f.trace) out.push(`          ${line}`);
  }
  return out;
}

/**
 * A report as text for people: each file and case with ✓ or ✗, each failure with its path,
 * expected and actual values and trace lines, each issue with its path, and a closing count.
 *
 * @param report - from `verifyScenarios` or {@link summarizeScenarios}.
 * @returns the report, over several lines.
 * @throws {@link index!JixiaoError} when `report` is not a scenario report.
 * @example
 * ```ts
 * formatScenarioReport(summarizeScenarios([runScenario(doc, { file: "ranks.yaml" })])).split("\n").at(-1);
 * //=> "1 case: 1 passed, 0 failed (1 file)"
 * ```
 */
export function formatScenarioReport(report: ScenarioReport): string {
  const r = parseWith(reportSchema, report, "Not a scenario report") as unknown as ScenarioReport;
  const lines: string[] = [];
  for (const f of r.files) {
    lines.push(`${f.passed ? "✓" : "✗"} ${f.file}${f.name ? ` — ${f.name}` : ""}`);
    for (const i of f.issues) lines.push(`    ${i.message}`);
    for (const c of f.cases) lines.push(...caseLines(c));
  }
  const { files, cases, passed, failed } = r.counts;
  lines.push("", `${cases} case${cases === 1 ? "" : "s"}: ${passed} passed, ${failed} failed (${files} file${files === 1 ? "" : "s"})`);
  return lines.join("\n");
}

const issueShape = z.object({ message: z.string() });
const reportSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      name: z.string().optional(),
      passed: z.boolean(),
      issues: z.array(issueShape),
      cases: z.array(z.object({ name: z.string(), passed: z.boolean(), issues: z.array(issueShape), failures: z.array(failureSchema) })),
    }),
  ),
  counts: z.object({ files: z.number(), cases: z.number(), passed: z.number(), failed: z.number() }),
});
