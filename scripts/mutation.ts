/**
 * `npm run mutation [-- <module> …] [--report]`: mutation testing with Stryker, one module of
 * `src/` at a time (see docs/reliability.md).
 *
 * Each module is its own Stryker run with its own reports — `reports/mutation/<module>.json`,
 * `<module>.html` and the incremental file `<module>.incremental.json` — so a module can be
 * re-run alone, and a re-run only tests the mutants whose code or covering tests changed. The
 * settings are those of `stryker.config.json`. Without modules it runs every module of `src/`
 * except the CLI. With `--report` it runs nothing and only summarizes the reports already written.
 *
 * At the end it prints each module's score and writes `reports/mutation/summary.md`: the table,
 * and every surviving mutant with its line, mutator and replacement.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const DIR = "reports/mutation";
/** The modules the mutation score is held to (docs/reliability.md). */
const CORE = ["scoring", "methods", "tiers", "penalties", "cascade", "tasks", "personnel"];
const ALL = readdirSync("src", { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "cli")
  .map((d) => d.name)
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
function rank(m: string): number {
  const i = CORE.indexOf(m);
  return i < 0 ? CORE.length : i;
}

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface Report {
  readonly files: Record<string, { readonly source: string; readonly mutants: readonly Mutant[] }>;
}

const args = process.argv.slice(2);
const reportOnly = args.includes("--report");
const asked = args.filter((a) => !a.startsWith("--"));
for (const m of asked)
  if (!ALL.includes(m)) {
    console.error(`No module "${m}" in src/. The modules: ${ALL.join(", ")}.`);
    process.exit(2);
  }
const modules = asked.length > 0 ? asked : ALL;

if (!reportOnly) {
  const { Stryker } = await import("@stryker-mutator/core");
  mkdirSync(DIR, { recursive: true });
  for (const m of modules) {
    console.log(`\n=== ${m}`);
    try {
      await new Stryker({
        mutate: [`src/${m}/**/*.ts`],
        incrementalFile: `${DIR}/${m}.incremental.json`,
        jsonReporter: { fileName: `${DIR}/${m}.json` },
        htmlReporter: { fileName: `${DIR}/${m}.html` },
        reporters: ["progress", "json", "html"],
      }).runMutationTest();
    } catch (e) {
      console.error(`The mutation run of ${m} failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    }
  }
}

const rows: string[] = [];
const survivors: string[] = [];
const sum = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0 };
for (const m of (reportOnly && asked.length === 0 ? ALL : modules).filter((x) => existsSync(`${DIR}/${x}.json`))) {
  const report = JSON.parse(readFileSync(`${DIR}/${m}.json`, "utf8")) as Report;
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0 };
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const lines = source.split("\n");
    for (const x of [...mutants].sort((a, b) => a.location.start.line - b.location.start.line)) {
      if (x.status === "Killed") c.killed++;
      else if (x.status === "Timeout") c.timeout++;
      else if (x.status === "Survived" || x.status === "NoCoverage") {
        if (x.status === "Survived") c.survived++;
        else c.noCoverage++;
        const at = `${file}:${x.location.start.line}`;
        const code = (lines[x.location.start.line - 1] ?? "").trim().slice(0, 120);
        survivors.push(`- \`${at}\` ${x.status === "NoCoverage" ? "(no coverage) " : ""}${x.mutatorName}: \`${(x.replacement ?? "").replace(/\s+/g, " ").slice(0, 80)}\` in \`${code}\``);
      } else if (x.status === "Ignored") c.ignored++;
      else c.errors++;
    }
  }
  for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
  rows.push(row(m, c));
}
rows.push(row("**all above**", sum));

function row(name: string, c: typeof sum): string {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  const score = valid === 0 ? "–" : `${((100 * detected) / valid).toFixed(1)}%`;
  return `| ${name}${CORE.includes(name) ? " (core)" : ""} | ${score} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.ignored} | ${c.errors} |`;
}

const table = [
  "| module | score | killed | timed out | survived | no coverage | ignored (static) | errors |",
  "|---|---|---|---|---|---|---|---|",
  ...rows,
].join("\n");
writeFileSync(`${DIR}/summary.md`, `# Mutation testing\n\n${table}\n\n## Surviving mutants\n\n${survivors.join("\n")}\n`);
console.log(`\n${table}\n\n${survivors.length} surviving mutants are listed in ${DIR}/summary.md.`);
