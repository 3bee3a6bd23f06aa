import { toDec } from "../core/decimal.js";
import { formatPath, issue, IssueCode, isJixiaoError, type Issue, type JixiaoError } from "../core/errors.js";
import { functionSchema, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { render, type Locale } from "../messages/index.js";
import { compare, show } from "./compare.js";
import { linesFor } from "./lines.js";
import { parsePath, valueAt, writePath, type Segment } from "./path.js";
import { RUNNERS } from "./runners.js";
import { defineScenario, isDocumentField, type ScenarioCase, type ScenarioDocument, type ScenarioRun } from "./scenario.js";

/** One expected value a case did not get. */
export interface ScenarioFailure {
  /** The scenario file (as given to the runner), or `(inline)`. */
  readonly file: string;
  /** The case's name. */
  readonly case: string;
  /** The path checked (for a list or an object, the first place inside it that differs). */
  readonly path: string;
  /** The expected value, as written. */
  readonly expected: string;
  /** The actual value, or `(nothing)` where the path leads nowhere. */
  readonly actual: string;
  /** The margin allowed, as exact decimal text, where one was. */
  readonly margin?: string;
  /** The lines of the trace (or the tier reason, the lineage …) that produced the actual value. */
  readonly trace: readonly string[];
}

/** How one case went. */
export interface ScenarioCaseReport {
  /** The case's name. */
  readonly name: string;
  /** What it ran. */
  readonly run: ScenarioRun;
  /** Whether every expected value was found and nothing went wrong. */
  readonly passed: boolean;
  /** How many paths were checked. */
  readonly checked: number;
  /** The expected values not found. */
  readonly failures: readonly ScenarioFailure[];
  /** Why the case could not run (a bad rule, a missing file …), each with its path in the case; empty when it ran. */
  readonly issues: readonly Issue[];
}

/** How one scenario file went. */
export interface ScenarioFileReport {
  /** The file (as given to the runner), or `(inline)`. */
  readonly file: string;
  /** The file's title. */
  readonly name?: string;
  /** Whether the file was read and every case passed. */
  readonly passed: boolean;
  /** Each case, in file order. */
  readonly cases: readonly ScenarioCaseReport[];
  /** Why the file could not be read or is not a scenario file (a YAML error with its line …); empty when it was read. */
  readonly issues: readonly Issue[];
}

/** Options for {@link runScenario}. */
export interface RunScenarioOptions {
  /** The file's name for the report (default `(inline)`). */
  readonly file?: string;
  /**
   * Loads a rule or input given as a path (relative to the scenario file): returns the parsed
   * document, or throws a `JixiaoError` saying why it cannot. Without it, a path is an issue.
   */
  readonly load?: (path: string) => unknown;
  /** The language of the lines behind a failure (trace steps, tier explanations, ranks): `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
  /** Run only the cases this returns `true` for (by name); every case when left out. */
  readonly only?: (name: string) => boolean;
}

const optionsSchema = z.strictObject({
  file: z.string().max(4000).optional(),
  load: functionSchema<(path: string) => unknown>().optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
  only: functionSchema<(name: string) => boolean>().optional(),
});

/** Turns anything a run throws into issues: a `JixiaoError`'s own, or one saying the engine failed. */
function issuesOf(error: unknown, path: (string | number)[]): Issue[] {
  if (isJixiaoError(error)) return [...error.issues];
  const words = error instanceof Error ? error.message : String(error);
  return [issue(IssueCode.invalidInput, path, { key: "scenarioUnexpected", words: words.slice(0, 300) })];
}

/** Reads the case's rules and inputs, loading those given as paths. */
function load(c: ScenarioCase, options: RunScenarioOptions, issues: Issue[]) {
  const out = { rules: {} as Record<string, unknown>, input: {} as Record<string, unknown> };
  for (const part of ["rules", "input"] as const) {
    const given = c[part] ?? {};
    for (const key of Object.keys(given)) {
      const value = given[key];
      if (typeof value !== "string" || !isDocumentField(c.run, part, key)) {
        out[part][key] = value;
        continue;
      }
      if (!options.load) {
        issues.push(issue(IssueCode.invalidInput, [part, key], { key: "scenarioPathNeedsLoader", path: value }));
        continue;
      }
      try {
        out[part][key] = options.load(value);
      } catch (error) {
        // An issue about the whole file it read is placed at the field that names the file.
        const found = issuesOf(error, [part, key]);
        issues.push(...found.map((i) => (i.path.length > 0 ? i : { code: i.code, path: [part, key], params: i.params, message: `${formatPath([part, key])}: ${render(i.params, "en")}` })));
      }
    }
  }
  return out;
}

function runCase(c: ScenarioCase, options: RunScenarioOptions): ScenarioCaseReport {
  const file = options.file ?? "(inline)";
  const issues: Issue[] = [];
  const loaded = load(c, options, issues);
  const head = { name: c.name, run: c.run, checked: Object.keys(c.expect).length };
  if (issues.length > 0) return { ...head, passed: false, failures: [], issues };
  let output: Record<string, unknown>;
  try {
    output = RUNNERS[c.run].run(loaded);
  } catch (error) {
    const found = issuesOf(error, []);
    // A case may expect the rules or inputs to be rejected: then the issues are its output.
    if (!Object.keys(c.expect).some((k) => k === "error" || k.startsWith("error.") || k.startsWith("error["))) return { ...head, passed: false, failures: [], issues: found };
    output = { error: { issues: found.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message })) } };
  }
  const margin = c.margin === undefined ? undefined : toDec(c.margin);
  const failures: ScenarioFailure[] = [];
  for (const key of Object.keys(c.expect)) {
    const segments = parsePath(key) as Segment[];
    const allowed = c.margins && Object.prototype.hasOwnProperty.call(c.margins, key) ? toDec(c.margins[key]) : margin;
    for (const m of compare(c.expect[key], valueAt(output, segments), allowed, segments)) {
      const details = RUNNERS[c.run].details?.(m.path) ?? m.path;
      failures.push({
        file,
        case: c.name,
        path: writePath(m.path),
        expected: show(m.expected),
        actual: show(m.actual),
        ...(allowed !== undefined && !allowed.isZero() ? { margin: allowed.toString() } : {}),
        trace: linesFor(output, details, options.locale ?? "zh-CN"),
      });
    }
  }
  return { ...head, passed: failures.length === 0, failures, issues: [] };
}

/**
 * Runs the cases of a scenario document: each case's runner maps its rules and inputs to an
 * output, and every expected path is compared with it — numbers as exact decimals (within the
 * case's or the path's margin), text as it is. A failure names the file, the case, the path, the
 * expected and actual values and the trace lines that produced the actual value. A case whose
 * rules or inputs are rejected fails with the issues, unless it expects them (`error.issues[0].code`).
 *
 * @param document - a scenario document (see {@link ScenarioDocument}).
 * @param options - the file's name for the report, how to load paths, the locale, a case filter.
 * @returns the file's report.
 * @throws {@link index!JixiaoError} when `document` is not a valid scenario document or `options` are not valid.
 * @example
 * ```ts
 * runScenario({ cases: [{ name: "ties share a rank", run: "rank", input: { scores: { a: 90, b: 95, c: 90 } },
 *   expect: { "ranks.b": 1, "ranks.a": 2, "ranks.c": 2 } }] }).passed;
 * //=> true
 * ```
 */
export function runScenario(document: ScenarioDocument, options: RunScenarioOptions = {}): ScenarioFileReport {
  const opts = parseWith(optionsSchema, options, "Scenario options are not valid", ["options"]) as RunScenarioOptions;
  const doc = defineScenario(document);
  const cases = doc.cases.filter((c) => !opts.only || opts.only(c.name)).map((c) => runCase(c, opts));
  return { file: opts.file ?? "(inline)", ...(doc.name !== undefined ? { name: doc.name } : {}), passed: cases.every((c) => c.passed), cases, issues: [] };
}
