/// <reference types="node" />
/**
 * A vitest helper that turns folders of scenario files into tests, so analysts' cases run with
 * the rest of a test suite.
 * @packageDocumentation
 */
import { resolve } from "node:path";
import { describe, it } from "vitest";
import type { JixiaoError } from "../core/errors.js";
import { parseWith, want } from "../core/validate.js";
import { z } from "../core/z.js";
import type { Locale } from "../messages/types.js";
import { caseIssueText, fileIssueText, formatScenarioFailure } from "../verify/report.js";
import { word } from "../verify/words.js";
import { runScenario } from "../verify/run.js";
import { readScenarioFile, scenarioFiles } from "./verify.js";

/** Options for {@link scenarioTests}. */
export interface ScenarioTestsOptions {
  /** The folder relative paths start from (default: the process's working folder). */
  readonly cwd?: string;
  /** The language of failures, their trace lines and tier explanations: `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
}

const optionsSchema = z.strictObject({ cwd: z.string().min(1).max(4000).optional(), locale: z.enum(["zh-CN", "en"]).optional() });
const pathsSchema = z.union([z.string().min(1).max(4000), z.array(z.string().min(1).max(4000)).min(1).max(10_000)], { error: want("filePaths") });

/** An error whose text is the whole story, without a stack from inside jixiao. */
function failure(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/**
 * Declares vitest tests from scenario files: a `describe` block per file and a test per case, so
 * that `vitest` runs analysts' cases and names each failure by file, case, path, expected and
 * actual value, with the trace lines behind it. A file that cannot be read becomes one failing
 * test with its issues (a YAML error names its line). Call it at the top of a test file.
 *
 * @param paths - scenario files and folders (searched recursively for `.yaml`, `.yml` and `.json` files).
 * @param options - the working folder and the locale of explanations.
 * @throws {@link index!JixiaoError} when `paths` or `options` are not valid.
 * @example
 * ```ts
 * // test/scenarios.test.ts
 * import { scenarioTests } from "jixiao/vitest";
 * scenarioTests("examples/scenarios");
 * //=> a describe block per file, a test per case
 * ```
 */
export function scenarioTests(paths: string | readonly string[], options: ScenarioTestsOptions = {}): void {
  const list = parseWith(pathsSchema, paths, "Scenario paths are not valid", ["paths"]);
  const opts = parseWith(optionsSchema, options, "Scenario test options are not valid", ["options"]);
  const cwd = resolve(opts.cwd ?? process.cwd());
  const { files, issues } = scenarioFiles(typeof list === "string" ? [list] : list, cwd);
  const locale = opts.locale ?? "zh-CN";
  for (const i of issues) {
    const text = fileIssueText(i.issue, i.given, locale);
    it(text, () => {
      throw failure(text);
    });
  }
  for (const file of files) {
    const read = readScenarioFile(file, cwd);
    const name = file.startsWith(cwd) ? file.slice(cwd.length + 1) : file;
    describe(name, () => {
      if ("issues" in read) {
        it(word(locale, { key: "validFile" }), () => {
          throw failure(read.issues.map((i) => fileIssueText(i, name, locale)).join("\n"));
        });
        return;
      }
      for (const c of read.document.cases)
        it(c.name, () => {
          const report = runScenario(read.document, { file: name, load: read.load, only: (n) => n === c.name, ...(opts.locale ? { locale: opts.locale } : {}) });
          const result = report.cases[0]!;
          if (result.passed) return;
          const lines = [...result.issues.map((i) => `${name} › ${c.name} › ${caseIssueText(i, locale)}`), ...result.failures.map((f) => formatScenarioFailure(f, { locale }))];
          throw failure(lines.join("\n"));
        });
    });
  }
}
