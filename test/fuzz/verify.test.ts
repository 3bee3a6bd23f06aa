import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { parseJson, parseYaml } from "../../src/node/files.js";
import { parseCsv } from "../../src/node/csv.js";
import { formatScenarioReport, readDataFile, runScenario, summarizeScenarios, verifyScenarios, type ScenarioDocument } from "../../src/node/index.js";
import { SCENARIOS, SUBJECTS_TEXT } from "./bases.js";
import { extremes, fuzz, heavy, outcome, params, textMutant, TIMEOUT } from "./fuzz.js";

const folder = resolve(dirname(fileURLToPath(import.meta.url)), "../../examples/scenarios");
const files = new Map<string, unknown>();
/** Loads the files the example scenarios name, once; any other path goes to the real loader (and fails with a JixiaoError). */
const load = (path: string) => {
  if (!files.has(path)) files.set(path, readDataFile(resolve(folder, path)));
  return files.get(path);
};
/** Runs a scenario document and formats its report, as `jixiao verify` does. */
const verify = (doc: unknown, file = "fuzz.yaml") => {
  const report = runScenario(doc as ScenarioDocument, { file, load, locale: "en" });
  formatScenarioReport(summarizeScenarios([report]));
  return report;
};

const dir = mkdtempSync(join(tmpdir(), "jixiao-fuzz-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fuzz: scenario files", () => {
  for (const { name, text } of SCENARIOS) fuzz(`runScenario: ${name}.yaml, mutated as data`, parseYaml(text), (doc) => verify(doc, `${name}.yaml`), { runs: Math.ceil(params().numRuns! / 2) });

  it("parseYaml and runScenario: the scenario files mutated as text", () => {
    for (const { name, text } of SCENARIOS.slice(0, 3))
      fc.assert(fc.property(textMutant(text), (m) => void outcome(() => verify(parseYaml(m.value, `${name}.yaml`), `${name}.yaml`))), params(Math.ceil(params().numRuns! / 3)));
  }, TIMEOUT);

  it("parseJson, parseYaml and parseCsv: data files mutated as text", () => {
    fc.assert(fc.property(textMutant(SUBJECTS_TEXT), (m) => void outcome(() => [parseJson(m.value, "s.json"), parseYaml(m.value, "s.yaml"), parseCsv(m.value, "s.csv")].map(() => 0))), params());
  }, TIMEOUT);

  it("verifyScenarios: a folder of mutated scenario files never throws and names each file", () => {
    const { text } = SCENARIOS[1]!;
    fc.assert(
      fc.property(textMutant(text), (m) => {
        writeFileSync(join(dir, "case.yaml"), m.value);
        writeFileSync(join(dir, "case.json"), JSON.stringify(parseYamlSafe(m.value) ?? m.value));
        outcome(() => verifyScenarios(".", { cwd: dir }));
      }),
      params(Math.ceil(params().numRuns! / 4)),
    );
  }, TIMEOUT);

  extremes(
    "parseYaml → runScenario",
    () => ({
      "10,000-deep expected value": `cases:\n  - name: x\n    run: rank\n    input: { scores: { a: 1 } }\n    expect:\n      ranks.a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
      // YAML parsing (the yaml package) takes ~0.25 ms a line on a loaded machine, so 100,000 cases come as JSON.
      ...heavy(() => ({ "10,000 cases in YAML": `cases:\n${Array.from({ length: 10_000 }, (_, i) => `  - { name: c${i}, run: rank, input: { scores: { a: 1 } }, expect: { ranks.a: 1 } }\n`).join("")}` })),
      "100,000 cases in JSON": JSON.stringify({ cases: Array.from({ length: 100_000 }, (_, i) => ({ name: `c${i}`, run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": 1 } })) }),
      "an alias bomb": `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ncases: []\n`,
      "a recursive alias": `cases: &c\n  - name: x\n    run: rank\n    input: { scores: { a: 1 } }\n    expect: { ranks.a: *c }\n`,
      "a 10,000-deep JSON expected value": `{"cases":[{"name":"x","run":"rank","input":{"scores":{"a":1}},"expect":{"ranks.a":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}}]}`,
    }),
    (text) => verify(text.startsWith("{") ? parseJson(text) : parseYaml(text)),
  );
});

function parseYamlSafe(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}
