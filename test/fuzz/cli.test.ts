import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { run } from "../../src/cli/main.js";
import { BOARD_TEXT, COMPLETIONS, CREDIT_POLICY, GRABS, ORG_UNITS, PLAN_YAML, SCENARIOS, SCHEME, STAFF, SUBJECTS_TEXT, TASK_BOARD, TIER_POLICY_TEXT } from "./bases.js";
import { BOUND_MS, checkPrototypes, Mutant, mutant, ownProto, params, PROBE_RUNS, show, textMutant, TIMEOUT } from "./fuzz.js";

const dir = mkdtempSync(join(tmpdir(), "jixiao-fuzz-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The valid files every command reads. */
const FILES: Record<string, string> = {
  "scheme.json": JSON.stringify(SCHEME),
  "subjects.json": SUBJECTS_TEXT,
  "subjects.csv": "\ufeff编号,姓名,部门,考勤,学习,政治素质,征收任务完成率,积压件,抢单得分,加分\r\nc001,张伟,征管,2,良,88,96.5,3,7.2,1\r\nc002,李娜,纳服,0,优,92,104.2,0,9.5,\r\nc003,王强,征管,1,中,79,不适用,6,2,\r\n",
  "policy.json": TIER_POLICY_TEXT,
  "scores.json": JSON.stringify({ c1: 90, c2: 85, c3: "85", c4: 70 }),
  "board.json": JSON.stringify(TASK_BOARD),
  "example-board.json": BOARD_TEXT,
  "staff.json": JSON.stringify(STAFF),
  "grabs.json": JSON.stringify(GRABS),
  "completions.json": JSON.stringify(COMPLETIONS),
  "credit.json": JSON.stringify(CREDIT_POLICY),
  "allocation.json": JSON.stringify({ maxTasksPerPerson: 3, eligibility: "post", assignSeats: "all" }),
  "plan.yaml": PLAN_YAML,
  "tree.json": JSON.stringify([{ id: "甲市", level: "city" }, { id: "甲一县", level: "county", parent: "甲市" }, { id: "甲二县", level: "county", parent: "甲市" }, { id: "甲三县", level: "county", parent: "甲市" }]),
  "units.json": JSON.stringify(ORG_UNITS),
  "case.yaml": SCENARIOS.find((s) => s.name === "tiers")!.text.replace(/\.\.\/rules\/tiers-20-10\.policy\.json/g, "policy.json"),
};
const writeBase = () => {
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
};
writeBase();

/** The commands, each with the file it reads that the fuzzer may replace. */
const COMMANDS: readonly { argv: readonly string[]; file: string }[] = [
  { argv: ["score", "--scheme", "scheme.json", "subjects.json", "-f", "json"], file: "scheme.json" },
  { argv: ["score", "--scheme", "scheme.json", "subjects.json", "-f", "csv", "--missing", "zero"], file: "subjects.json" },
  { argv: ["tiers", "--policy", "policy.json", "scores.json", "-f", "json"], file: "policy.json" },
  { argv: ["tiers", "--policy", "policy.json", "scores.json", "--order", "asc", "--ties", "dense"], file: "scores.json" },
  { argv: ["tiers", "--policy", "policy.json", "--scheme", "scheme.json", "subjects.csv", "--by", "group:common", "--group-by", "部门"], file: "subjects.csv" },
  { argv: ["tasks", "--board", "board.json", "--staff", "staff.json", "--grabs", "grabs.json", "--completions", "completions.json", "--credit-policy", "credit.json", "-f", "json"], file: "board.json" },
  { argv: ["tasks", "--board", "board.json", "--staff", "staff.json", "--grabs", "grabs.json", "-f", "csv"], file: "grabs.json" },
  { argv: ["tasks", "--board", "board.json", "--staff", "staff.json", "--grabs", "grabs.json", "--completions", "completions.json", "--credit-policy", "credit.json", "--allocation-policy", "allocation.json"], file: "completions.json" },
  { argv: ["tasks", "--board", "board.json", "--staff", "staff.json", "--grabs", "grabs.json", "--allocation-policy", "allocation.json"], file: "allocation.json" },
  { argv: ["cascade", "--plan", "plan.yaml", "--tree", "tree.json", "-f", "json"], file: "plan.yaml" },
  { argv: ["cascade", "--plan", "plan.yaml", "--tree", "tree.json", "-f", "table"], file: "tree.json" },
  { argv: ["explain", "--scheme", "scheme.json", "--id", "c001", "subjects.json", "--locale", "en"], file: "subjects.json" },
  { argv: ["verify", "case.yaml", "-f", "json"], file: "case.yaml" },
];

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in-process, with a fake io. */
async function cli(argv: readonly string[], stdin = SUBJECTS_TEXT): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: async () => stdin, cwd: dir, progress: false });
  return { code, stdout, stderr };
}

/** Exit 0 (or 1 for a failing scenario) with output, or exit 2 with one clear message on stderr; never 3, never a stack, within the bound. */
async function endsWell(argv: readonly string[], stdin?: string): Promise<Ran> {
  const t0 = performance.now();
  const r = await cli(argv, stdin);
  const ms = performance.now() - t0;
  checkPrototypes();
  const what = `jixiao ${argv.map((a) => show(a, 60)).join(" ")}`;
  if (ms > BOUND_MS * 2) throw new Error(`${what}: took ${Math.round(ms)} ms`);
  if (r.code === 3) throw new Error(`${what}: exit 3 (a bug): ${r.stderr.slice(0, 500)}`);
  if (![0, 1, 2].includes(r.code)) throw new Error(`${what}: exit ${r.code}`);
  if (/\n\s+at \S+ \(|\n\s+at \//.test(r.stderr)) throw new Error(`${what}: a stack trace on stderr: ${r.stderr.slice(0, 500)}`);
  if (r.code === 2) {
    if (!r.stderr.startsWith("jixiao") || r.stderr.trim() === "") throw new Error(`${what}: exit 2 without a message starting "jixiao": ${show(r.stderr, 300)}`);
    if (r.stdout !== "") throw new Error(`${what}: exit 2 but wrote to stdout: ${show(r.stdout, 200)}`);
  }
  return r;
}

/** Data as file text: JSON, or YAML where JSON cannot hold it (a cycle becomes an alias), or JSON with bigints and symbols as text. */
function toText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    try {
      return stringify(value);
    } catch {
      try {
        return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" || typeof v === "symbol" ? String(v) : v)) ?? "null";
      } catch {
        return "{}"; // a getter that throws cannot be written to a file
      }
    }
  }
}

/** A mutated data file: structural mutations of the parsed file, written as JSON (YAML when JSON cannot hold it), or text mutations. */
const mutatedFile = (name: string, text: string): fc.Arbitrary<Mutant<string>> => {
  const asData = name.endsWith(".json")
    ? mutant(JSON.parse(text) as unknown).map((m) => {
        return new Mutant(toText(m.value), m.steps);
      })
    : textMutant(text);
  return fc.oneof({ arbitrary: asData, weight: 3 }, { arbitrary: textMutant(text), weight: 1 });
};

const FLAGS = ["--scheme", "--policy", "--board", "--staff", "--grabs", "--completions", "--credit-policy", "--allocation-policy", "--plan", "--tree", "--id", "--locale", "--missing", "--by", "--order", "--group-by", "--ties", "-f", "--format", "--input-format", "--bom", "-o", "--output", "-h", "--help", "--version", "--", "-", "--nope", "--scheme=", "--format=json"];
const VALUES = ["json", "csv", "table", "yaml", "text", "en", "zh-CN", "fr", "zero", "error", "not-applicable", "asc", "desc", "dense", "ordinal", "competition", "total", "group:common", "indicator:study", "indicator:", "group", "部门", "c001", "out.json", "out.csv", "out", ".", "..", "", " ", "__proto__", "constructor", "toString", "1e999", "scheme.json", "subjects.json", "subjects.csv", "scores.json", "policy.json", "units.json", "case.yaml", "missing.json", "x".repeat(300)];
const COMMAND_NAMES = ["score", "tiers", "tasks", "cascade", "verify", "schema", "explain", "help", "__proto__", "toString", ""];

/** argv edits: a flag or a value inserted, an element replaced or removed. */
const argvMutant = (argv: readonly string[]) =>
  fc
    .array(fc.record({ kind: fc.constantFrom("insert", "replace", "delete"), at: fc.nat(), token: fc.constantFrom(...FLAGS, ...VALUES, ...COMMAND_NAMES) }), { minLength: 1, maxLength: 4 })
    .map((edits) => {
      const a = [...argv];
      for (const e of edits) {
        const i = e.at % (a.length + (e.kind === "insert" ? 1 : 0) || 1);
        if (e.kind === "insert") a.splice(i, 0, e.token);
        else if (e.kind === "replace") a[i] = e.token;
        else a.splice(i, 1);
      }
      return a;
    });

describe("fuzz: the command line (in-process)", () => {
  it("every base command works", async () => {
    for (const c of COMMANDS) expect((await endsWell(c.argv)).code, c.argv.join(" ")).toBe(0);
  });

  it("bad files: exit 2 with one clear message, never a stack or exit 3", async () => {
    const cases = fc.oneof(...COMMANDS.map((c) => mutatedFile(c.file, FILES[c.file]!).map((m) => ({ c, m }))));
    await fc.assert(
      fc.asyncProperty(cases, async ({ c, m }) => {
        const name = `m-${c.file}`;
        writeFileSync(join(dir, name), m.value);
        await endsWell(c.argv.map((a) => (a === c.file ? name : a)));
      }),
      params(),
    );
  }, TIMEOUT);

  it("bad arguments: exit 0, 1 or 2 with one clear message, never a stack or exit 3", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS).chain((c) => argvMutant(c.argv)), async (argv) => {
        writeBase();
        await endsWell(argv);
      }),
      params(),
    );
    writeBase();
  }, TIMEOUT);

  it("standard input mutated as text", async () => {
    await fc.assert(fc.asyncProperty(textMutant(SUBJECTS_TEXT), fc.constantFrom("json", "yaml", "csv"), async (m, f) => void (await endsWell(["score", "--scheme", "scheme.json", "-", "--input-format", f], m.value))), params());
  }, TIMEOUT);

  it("an own __proto__ key at any level of a data file: exit 2, naming it", async () => {
    const files = COMMANDS.filter((c) => /\.(json|yaml)$/.test(c.file));
    const cases = fc.oneof(...files.map((c) => ownProto(c.file.endsWith(".json") ? JSON.parse(FILES[c.file]!) : parse(FILES[c.file]!)).map((p) => ({ c, p }))));
    await fc.assert(
      fc.asyncProperty(cases, async ({ c, p }) => {
        const name = `p-${c.file}`;
        writeFileSync(join(dir, name), c.file.endsWith(".json") ? JSON.stringify(p.value) : stringify(p.value));
        const r = await endsWell(c.argv.map((a) => (a === c.file ? name : a)));
        // A scenario's input refused is a failing case (exit 1), its report naming the key.
        const named = r.code === 2 ? r.stderr.includes("__proto__") : r.code === 1 && c.argv[0] === "verify" && r.stdout.includes("__proto__");
        if (!named) throw new Error(`exit ${r.code}, not 2 with a message naming __proto__: ${(r.stderr || r.stdout).slice(0, 300)}`);
      }),
      params(PROBE_RUNS),
    );
  }, TIMEOUT);

  it("a CSV column named __proto__, constructor or toString: exit 0 or 2, never a polluted prototype", async () => {
    for (const column of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"]) {
      writeFileSync(join(dir, "named.csv"), FILES["subjects.csv"]!.replace("加分", column));
      await endsWell(["score", "--scheme", "scheme.json", "named.csv", "-f", "json"]);
      writeFileSync(join(dir, "named.csv"), FILES["subjects.csv"]!.replace("c002", column));
      await endsWell(["score", "--scheme", "scheme.json", "named.csv", "-f", "json"]);
    }
  });

  it("size extremes: 10,000-deep JSON and YAML, 100,000 scores, a YAML alias bomb, a recursive alias", async () => {
    const deepJson = `[{"id":"c1","values":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}]`;
    const deepYaml = `- id: c1\n  values: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
    const many = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ subjectId: i === 99_999 ? "c0" : `c${i}`, total: i % 100 })));
    const recursive = `- &s\n  id: c1\n  values: { attendance: *s }\n`;
    for (const [name, text] of [["deep.json", deepJson], ["deep.yaml", deepYaml], ["bomb.yaml", bomb], ["many.json", many], ["recursive.yaml", recursive]] as const) {
      writeFileSync(join(dir, name), text);
      const t0 = performance.now();
      const r = await cli(name === "many.json" ? ["tiers", "--policy", "policy.json", name] : ["score", "--scheme", "scheme.json", name]);
      expect(r.code, `${name}: ${r.stderr.slice(0, 300)}`).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(performance.now() - t0).toBeLessThan(15_000);
    }
  });
});
