/// <reference types="node" />
import { readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { issue, IssueCode, isJixiaoError, JixiaoError, type Issue } from "../core/errors.js";
import { fileIssue } from "./issue.js";
import { namesItsPlace } from "../messages/files.js";
import { functionSchema, parseWith, want } from "../core/validate.js";
import { z } from "../core/z.js";
import type { Locale } from "../messages/index.js";
import { summarizeScenarios, type ScenarioReport } from "../verify/report.js";
import { runScenario, type ScenarioFileReport } from "../verify/run.js";
import { defineScenario, type ScenarioDocument } from "../verify/scenario.js";
import { formatOf, readData } from "./files.js";
import { byText } from "../core/order.js";

/** Options for {@link verifyScenarios}. */
export interface VerifyScenariosOptions {
  /** The folder that relative paths start from, and that the report's file names are shown relative to (default: the process's working folder). */
  readonly cwd?: string;
  /** The language of the lines behind a failure (trace steps, tier explanations, ranks): `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
  /** Called before each file is run, with its name and place: for progress. */
  readonly onFile?: (file: string, index: number, count: number) => void;
}

const optionsSchema = z.strictObject({
  cwd: z.string().min(1).max(4000).optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
  onFile: functionSchema<(file: string, index: number, count: number) => void>().optional(),
});
const pathsSchema = z.union([z.string().min(1).max(4000), z.array(z.string().min(1).max(4000)).min(1).max(10_000)], { error: want("filePaths") });

/** The most files a folder search takes, and how deep it goes. @internal */
const MAX_FILES = 10_000;
const MAX_DEPTH = 20;

const isScenarioName = (name: string) => formatOf(name) === "json" || formatOf(name) === "yaml";

/**
 * The scenario files named by paths: a file as it is, a folder searched (sorted, recursively,
 * skipping hidden folders and `node_modules`) for `.yaml`, `.yml` and `.json` files. A path that
 * does not exist, or a folder without scenario files, is an issue.
 * @internal
 */
export function scenarioFiles(paths: readonly string[], cwd: string): { files: string[]; issues: { readonly given: string; readonly issue: Issue }[] } {
  const files: string[] = [];
  const issues: { given: string; issue: Issue }[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const real = realpathSync(file);
    if (!seen.has(real)) files.push(file);
    seen.add(real);
  };
  for (const given of paths) {
    const full = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      issues.push({ given, issue: fileIssue(IssueCode.invalidInput, { key: "verifyNoPath", file: given }) });
      continue;
    }
    if (stat.isFile()) {
      add(full);
      continue;
    }
    const before = files.length;
    const visited = new Set<string>();
    const walk = (folder: string, depth: number) => {
      const real = realpathSync(folder);
      if (visited.has(real) || depth > MAX_DEPTH) return;
      visited.add(real);
      const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => byText(a.name, b.name));
      for (const e of entries) {
        if (files.length >= MAX_FILES) return;
        const path = join(folder, e.name);
        const kind = e.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : e;
        if (!kind) continue;
        if (kind.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules") walk(path, depth + 1);
        else if (kind.isFile() && isScenarioName(e.name)) add(path);
      }
    };
    walk(full, 0);
    if (files.length === before) issues.push({ given, issue: fileIssue(IssueCode.invalidInput, { key: "verifyEmptyFolder", file: given }) });
  }
  return { files, issues };
}

/** The name a file is shown by: relative to `cwd` when inside it. */
const shown = (file: string, cwd: string) => {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
};

/**
 * Reads a scenario file and validates it, or says why it cannot: a YAML or JSON error with its
 * line, or the issues of the document.
 * @internal
 */
export function readScenarioFile(file: string, cwd: string): { document: ScenarioDocument; load: (path: string) => unknown } | { issues: readonly Issue[] } {
  const name = shown(file, cwd);
  let data: unknown;
  try {
    data = readData(file, name);
  } catch (error) {
    // A file that cannot be read or parsed: the reader's issues name the file themselves.
    if (!isJixiaoError(error)) throw error;
    return { issues: error.issues };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || !Object.prototype.hasOwnProperty.call(data, "cases"))
    return { issues: [fileIssue(IssueCode.invalidInput, { key: "verifyNotScenario", file: name })] };
  try {
    const document = defineScenario(data as ScenarioDocument);
    const load = (path: string) => readData(resolve(dirname(file), path), shown(resolve(dirname(file), path), cwd));
    return { document, load };
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    // Issues of the document are shown with the file's name in front; a file's own issues name it already.
    return { issues: error.issues.map((i) => (namesItsPlace(i.params.key) ? i : { ...i, message: `${name}: ${i.message}` })) };
  }
}

/**
 * Runs scenario files and folders of them: reads each file (YAML or JSON), resolves the rules and
 * inputs it gives as paths against the file's own folder, runs every case and compares the
 * outputs by path. A file that cannot be read (a YAML error names its line) or is not valid is
 * reported with its issues, and the other files still run.
 *
 * @param paths - scenario files and folders (searched recursively for `.yaml`, `.yml` and `.json` files).
 * @param options - the working folder, the locale of explanations, a progress callback.
 * @returns the report: each file and case, each failure with its trace lines, and the counts.
 * @throws {@link index!JixiaoError} when `paths` or `options` are not valid.
 * @example
 * ```ts
 * const report = verifyScenarios("examples/scenarios");
 * report.passed;
 * //=> true
 * console.log(formatScenarioReport(report));
 * ```
 */
export function verifyScenarios(paths: string | readonly string[], options: VerifyScenariosOptions = {}): ScenarioReport {
  const list = parseWith(pathsSchema, paths, "Scenario paths are not valid", ["paths"]);
  const opts = parseWith(optionsSchema, options, "Verify options are not valid", ["options"]) as VerifyScenariosOptions;
  const cwd = resolve(opts.cwd ?? process.cwd());
  const { files, issues } = scenarioFiles(typeof list === "string" ? [list] : list, cwd);
  const reports: ScenarioFileReport[] = issues.map((i) => ({ file: i.given, passed: false, cases: [], issues: [i.issue] }));
  files.forEach((file, index) => {
    try {
      opts.onFile?.(shown(file, cwd), index, files.length);
    } catch (error) {
      // The caller's callback failed: an issue of its own, never a raw error (nor a report with a hole).
      const words = error instanceof Error ? error.message : String(error);
      throw new JixiaoError([issue(IssueCode.customFailed, ["options", "onFile"], { key: "verifyCallbackFailed", words: words.slice(0, 200) })], "Scenario files cannot be verified");
    }
    const read = readScenarioFile(file, cwd);
    if ("issues" in read) reports.push({ file: shown(file, cwd), passed: false, cases: [], issues: read.issues });
    else reports.push(runScenario(read.document, { file: shown(file, cwd), load: read.load, ...(opts.locale ? { locale: opts.locale } : {}) }));
  });
  return summarizeScenarios(reports);
}
