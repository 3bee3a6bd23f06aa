/**
 * The shrunk counterexamples the fuzz suite found, kept as plain tests: each once ended in a raw
 * TypeError or RangeError, a hang, or a result holding Infinity or a cycle.
 */
import { describe, expect, it } from "vitest";
import {
  annualResults,
  assignTiers,
  createLedger,
  defineScheme,
  explain,
  isJixiaoError,
  lastPlaceDeductions,
  linkOrganizations,
  rank,
  rollUp,
  score,
  scoreAll,
  scoreTotals,
  withPenalties,
  type Issue,
} from "../../src/index.js";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/main.js";
import { runScenario } from "../../src/verify/index.js";
import { COUNTY361, ENTRIES, EVERY, EVERY_SUBJECTS, SUBJECTS } from "./bases.js";
import { copy, deepFreeze, outcome } from "./fuzz.js";

/** The issues of a call that must be refused with a JixiaoError. */
function issuesOf(fn: () => unknown): readonly Issue[] {
  try {
    fn();
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    return error.issues;
  }
  throw new Error("expected a JixiaoError");
}
const brief = (issues: readonly Issue[]) => issues.map((i) => `${i.code} ${i.path.join(".")}: ${i.message}`);

describe("fuzz regressions", () => {
  it("explain: a trace step whose rule is __proto__, constructor or toString is shown as written, not called", () => {
    const result = copy(scoreAll(COUNTY361, SUBJECTS))[2]!;
    for (const rule of ["__proto__", "constructor", "toString"]) {
      const indicator = result.trace.findIndex((s) => s.at.startsWith("indicator:"));
      const total = result.trace.findIndex((s) => !s.at.startsWith("indicator:") && !s.at.startsWith("group:"));
      const trace = result.trace.map((s, i) => (i === indicator || i === total ? { ...s, rule } : s));
      expect(outcome(() => explain(deepFreeze({ ...result, trace })))).toBe("ok");
      expect(explain({ ...result, trace })).toContain(`${rule} `);
    }
  });

  it("assignTiers and lastPlaceDeductions: a ranking (as JSON) with a score beyond ±10^18 is refused, not a TypeError", () => {
    const ranking = copy(rank([{ subjectId: "c1", total: 90 }, { subjectId: "c2", total: 80 }]));
    const huge = { ...ranking, entries: [{ ...ranking.entries[0]!, score: 1e308 }, ranking.entries[1]!] };
    const policy = { tiers: [{ name: "好", min: 85 }, { name: "中" }], compare: "truncate" as const };
    expect(brief(issuesOf(() => assignTiers(huge as never, policy)))).toEqual(["invalid_number entries.0.score: entries[0].score: must be a finite number within ±10^18, not 1e+308"]);
    expect(issuesOf(() => lastPlaceDeductions(huge as never, { deductions: [1] }))[0]!.path).toEqual(["entries", 0, "score"]);
    const tie = { ...ranking, entries: [{ ...ranking.entries[0]!, tieValues: [-1e300] }, ranking.entries[1]!] };
    expect(issuesOf(() => assignTiers(tie as never, policy))[0]!.path).toEqual(["entries", 0, "tieValues", 0]);
  });

  it("score, scoreAll and scoreTotals: { na: true } with a reason that is not text is refused, not copied into the result", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const values = { attendance: 2, study: "良", political: 88, backlog: 3, grabbed: 7.2 };
    // A reason that contains itself is refused as it is read, before the schema sees it.
    const looped = { id: "c1", values: { ...values, collection: { na: true, reason: cyclic } } };
    expect(issuesOf(() => score(COUNTY361, looped)).map((i) => [i.code, i.path])).toEqual([["invalid_type", ["values", "collection", "reason", "self"]]]);
    expect(issuesOf(() => scoreTotals(COUNTY361, [looped])).map((i) => [i.code, i.path])).toEqual([["invalid_type", [0, "values", "collection", "reason", "self"]]]);
    for (const reason of [5, ["x"], "x".repeat(501)]) {
      const subject = { id: "c1", values: { ...values, collection: { na: true, reason } } };
      const message = "values.collection.reason: must be text of at most 500 characters saying why the indicator does not apply";
      expect(issuesOf(() => score(COUNTY361, subject))[0]!.message).toContain(message);
      expect(issuesOf(() => scoreAll(COUNTY361, [subject]))[0]!.path).toEqual([0, "values", "collection", "reason"]);
      expect(issuesOf(() => scoreTotals(COUNTY361, [subject]))[0]!.path).toEqual([0, "values", "collection", "reason"]);
    }
    expect(score(COUNTY361, { id: "c1", values: { ...values, collection: { na: true, reason: "未分配征收任务" } } }).total).toBe(77.83);
  });

  it("withPenalties: a subject whose deductions or flags are not a list is refused, not a TypeError", () => {
    const outcome = { deductions: [{ subjectId: "p1", points: 1, target: "total", reason: "末位" }], flags: [{ subjectId: "p1", id: "f", reason: "末位" }] };
    expect(brief(issuesOf(() => withPenalties([{ id: "p1", values: {}, deductions: Number.NaN as never }], outcome as never)))).toEqual(["invalid_type 0.deductions: [0].deductions (减分): must be a list, not NaN"]);
    expect(issuesOf(() => withPenalties([{ id: "p1", values: {}, flags: {} as never }], outcome as never))[0]!.path).toEqual([0, "flags"]);
  });

  it("runScenario: an expected value nested 10,000 deep is refused as too deep, not a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(issuesOf(() => runScenario({ cases: [{ name: "x", run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": deep } }] })).map((i) => [i.code, i.params.key])).toEqual([["out_of_range", "inputTooDeep"]]);
  });

  it("rollUp: a target next to nothing is refused, not a rate of Infinity", () => {
    const tree = [{ id: "P", level: "city" }, { id: "A", level: "county", parent: "P" }];
    const issues = issuesOf(() => rollUp(tree, [{ unit: "A", indicator: "x", actual: 1, target: 1e-320 }], { x: { how: "sum" } }));
    expect(issues[0]!.code).toBe("invalid_number");
    expect(issues[0]!.message).toMatch(/A's x: the completion rate 1 ÷ target 1e-320 is beyond ±10\^18/);
    expect(rollUp(tree, [{ unit: "A", indicator: "x", actual: 1, target: "0.5" }], { x: { how: "sum" } })[0]!.rate).toBe(2);
  });

  it("linkOrganizations: a proportional base next to nothing is refused, not a linked score of Infinity", () => {
    const issues = issuesOf(() => linkOrganizations([{ subjectId: "A", total: 90 }, { subjectId: "B", total: 80 }], { method: { type: "proportional", full: 100, base: 1e-320 } }));
    expect(issues.map((i) => i.path.join("."))).toEqual(["policy.method", "policy.method"]);
    expect(issues[0]!.message).toMatch(/gives "A" \(score 90\) a linked score of 9e\+323, beyond ±10\^18/);
  });

  it("annualResults: rank options given as 100,000 characters of text are refused at once, as text", () => {
    const ledger = createLedger(ENTRIES as never);
    const t0 = performance.now();
    const issues = issuesOf(() => annualResults(ledger, { year: "2024", people: [{ id: "c001" }], tiers: { tiers: [{ name: "中" }] }, rank: "x".repeat(100_000) as never }));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(brief(issues)).toEqual(['invalid_type options.rank: options.rank: must be an object, not text "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"']);
  });

  it("scoreTotals: a scheme whose decimals are text with spaces around them (\" 12 \") scores as scoreAll does, not a DecimalError", () => {
    // Every decimal of the "every method" scheme written as " <text> ".
    const spaced = JSON.parse(JSON.stringify(EVERY, (key, v: unknown) => (typeof v === "number" && !["full", "points", "decimals", "upTo"].includes(key) ? ` ${v} ` : v)));
    const subjects = EVERY_SUBJECTS.map((s) => ({ ...s, vetoes: [] }));
    expect(outcome(() => scoreTotals(deepFreeze(spaced), subjects))).toBe("ok");
    expect(scoreTotals(spaced, subjects).map((t) => t.total)).toEqual(scoreAll(spaced, subjects).map((r) => r.total));
    expect(scoreTotals(spaced, subjects).map((t) => t.total)).toEqual(scoreTotals(EVERY, subjects).map((t) => t.total));
    const target = { ...COUNTY361, groups: COUNTY361.groups.map((g) => ({ ...g, indicators: g.indicators.map((i) => (i.id === "collection" ? { ...i, method: { type: "completion" as const, target: " 12 " } } : i)) })) };
    expect(scoreTotals(target, SUBJECTS).map((t) => t.total)).toEqual(scoreAll(target, SUBJECTS).map((r) => r.total));
  });

  it("score, scoreAll and scoreTotals: a value whose getters throw is refused as unreadable, not a raw Error", () => {
    const boom = () => {
      throw new Error("a getter that throws");
    };
    const votes = Object.defineProperties({}, { 优秀: { get: boom, enumerable: true } });
    const subjects = EVERY_SUBJECTS.map((s, i) => (i === 1 ? { ...s, values: { ...s.values, v1: votes } } : s));
    const every = defineScheme(EVERY);
    for (const f of [() => scoreAll(every, subjects), () => scoreTotals(every, subjects)])
      expect(brief(issuesOf(f))).toEqual(["unreadable_input 1.values.v1.优秀: [1].values.v1[\"优秀\"]: could not be read (a getter or proxy threw), so nothing of it was used"]);
    const na = Object.defineProperties({ na: true }, { reason: { get: boom, enumerable: true } });
    const values = { attendance: 2, study: "良", political: 88, collection: na, backlog: 3, grabbed: 7.2 };
    expect(issuesOf(() => score(COUNTY361, { id: "c1", values }))[0]!.message).toBe("values.collection.reason: could not be read (a getter or proxy threw), so nothing of it was used");
  });

  it("jixiao --output with a name too long for the file system: exit 2 and a message, not exit 3", async () => {
    let stderr = "";
    const scenario = fileURLToPath(new URL("../../examples/scenarios/tiers.yaml", import.meta.url));
    const code = await run(["verify", scenario, "-f", "json", "-o", `${"x".repeat(300)}.json`], { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: tmpdir() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^jixiao verify: The file cannot be written\n  - \S*x{300}\.json: its name is too long\n$/);
  });

  it("any strict object with 100,000 unknown fields is refused quickly, listing the first 1,000", () => {
    const config = { ...COUNTY361, ...Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1])) };
    const t0 = performance.now();
    const issues = issuesOf(() => defineScheme(config as never));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(issues.length).toBe(1001);
    expect(issues.at(-1)).toMatchObject({ code: "too_many_issues", message: "(top): has 99000 more unknown fields, not listed" });
  });
});
