/**
 * The shrunk counterexamples the fuzz suite found, kept as plain tests: each once ended in a raw
 * TypeError or RangeError, a hang, or a result holding Infinity or a cycle.
 */
import { describe, expect, it } from "vitest";
import {
  allocateTasks,
  annualResults,
  assignTiers,
  creditTasks,
  createLedger,
  defineScheme,
  explain,
  isJixiaoError,
  lastPlaceDeductions,
  linkOrganizations,
  rank,
  rollUp,
  safeAllocateTasks,
  safeRank,
  safeScore,
  score,
  scoreAll,
  scoreTotals,
  withPenalties,
  type Issue,
  type SchemeConfig,
} from "../../src/index.js";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/main.js";
import { runScenario } from "../../src/verify/index.js";
import { COMPLETIONS, COUNTY361, ENTRIES, EVERY, EVERY_SUBJECTS, GRABS, RANKABLES, STAFF, SUBJECTS, TASK_BOARD } from "./bases.js";
import { copy, deepFreeze, outcome, show, verdict } from "./fuzz.js";

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
    // Within the limit, it is compared.
    let within: unknown = 1;
    for (let i = 0; i < 990; i++) within = { a: within };
    expect(runScenario({ cases: [{ name: "x", run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": within } }] }).passed).toBe(false);
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

/**
 * A field that reads `values[0]` first, then each next value, the last one from then on (a getter
 * that gives a valid value on its first reads and another later, as a review of hostile inputs found them), and how
 * often it was read.
 */
function changing<T extends object>(target: T, key: string, values: readonly unknown[]): { input: T; reads: () => number } {
  let reads = 0;
  Object.defineProperty(target, key, { get: () => values[Math.min(reads++, values.length - 1)], enumerable: true, configurable: true });
  return { input: target, reads: () => reads };
}

/** Throws unless `call` on the getter input came to what it comes to on the plain input (the getter's first value), reading the getter once. */
function readOnce(call: (input: unknown) => unknown, plain: unknown, probe: { input: unknown; reads: () => number }): void {
  const expected = verdict(() => call(plain));
  expect("ok" in expected, "the plain input is valid").toBe(true);
  const got = verdict(() => call(probe.input));
  expect(got, `came to ${show(got, 300)}`).toEqual(expected);
  expect(probe.reads(), "reads of the getter").toBe(1);
}

const ONE: SchemeConfig = { id: "one", full: 20, groups: [{ id: "g", points: 20, indicators: [{ id: "x", points: 10, method: { type: "direct" } }, { id: "y", points: 10, method: { type: "direct" } }] }] };
const throwingDescriptor = (target: object) => new Proxy(target, { getOwnPropertyDescriptor() { throw new Error("a getOwnPropertyDescriptor trap that throws"); } });

describe("hostile inputs: the reproductions", () => {
  describe("raw errors and NaN: a getter that gives a valid value first and another later is read once, as its first value", () => {
    it("rank: a total that turns into text", () => {
      const rows = () => copy(RANKABLES);
      const probe = rows();
      readOnce((xs) => rank(xs as never), rows(), { ...changing(probe[1]!, "total", [88.2, 88.2, 88.2, "x"]), input: probe });
    });
    it("scoreTotals and scoreAll: a value that turns into NaN", () => {
      for (const f of [scoreTotals, scoreAll]) {
        const probe = [{ id: "a", values: { y: 2 } }, { id: "b", values: { x: 3, y: 4 } }];
        readOnce((xs) => f(ONE, xs as never), [{ id: "a", values: { x: 1, y: 2 } }, probe[1]], { ...changing(probe[0]!.values, "x", [1, Number.NaN]), input: probe });
      }
    });
    it("withPenalties: deductions that turn into null", () => {
      const outcome = lastPlaceDeductions(rank([{ subjectId: "p1", total: 2 }, { subjectId: "p2", total: 3 }]), { deductions: [1] });
      const probe = { id: "p1", values: { x: 1, y: 1 } };
      const plain = [{ id: "p1", values: { x: 1, y: 1 }, deductions: [] }, { id: "p2", values: { x: 1, y: 2 } }];
      readOnce((xs) => scoreAll(ONE, withPenalties(xs as never, outcome)), plain, { ...changing(probe, "deductions", [[], null]), input: [probe, plain[1]] });
    });
    it("allocateTasks: a grab's person that turns into another", () => {
      const probe = copy(GRABS);
      readOnce((g) => allocateTasks(TASK_BOARD, g as never, STAFF), copy(GRABS), { ...changing(probe[0]!, "person", ["p1", "p2"]), input: probe });
    });
    it("creditTasks: a completion's quality that turns into an unknown grade", () => {
      const allocation = allocateTasks(TASK_BOARD, GRABS, STAFF);
      const probe = copy(COMPLETIONS);
      readOnce((c) => creditTasks(TASK_BOARD, allocation, c as never, { qualityGrades: { 优: 1, 良: 0.85 } }), copy(COMPLETIONS), { ...changing(probe[0]!, "quality", ["优", "差"]), input: probe });
    });
    it("linkOrganizations: a total that turns into Infinity", () => {
      const probe = copy(RANKABLES).map(({ subjectId, total }) => ({ subjectId, total }));
      const plain = copy(probe);
      readOnce((r) => linkOrganizations(r as never, { method: { type: "proportional", full: 100 } }), plain, { ...changing(probe[0]!, "total", [96, Number.POSITIVE_INFINITY]), input: probe });
    });
    it("annualResults: a person's id that turns into another's", () => {
      const ledger = createLedger(ENTRIES as never);
      const people = () => [{ id: "c001" }, { id: "c002" }];
      const probe = people();
      readOnce((p) => annualResults(ledger, { year: "2024", people: p as never, tiers: { tiers: [{ name: "好", share: 0.5 }, { name: "中" }] } }), people(), { ...changing(probe[0]!, "id", ["c001", "c002"]), input: probe });
    });
  });

  it("safeAllocateTasks: a grab's `at` that gives text, then a Date, is read once (not `text.charCodeAt is not a function`)", () => {
    const probe = copy(GRABS);
    const { reads } = changing(probe[0]!, "at", ["2023-07-03T09:00", new Date(0)]);
    const got = safeAllocateTasks(TASK_BOARD, probe, STAFF);
    expect(got).toEqual(safeAllocateTasks(TASK_BOARD, GRABS, STAFF));
    expect(reads()).toBe(1);
  });

  it("safeRank: vetoes that turn into null are read once (not a raw TypeError)", () => {
    const probe = copy(RANKABLES);
    const { reads } = changing(probe[3]!, "vetoes", [[{ id: "party" }], null]);
    expect(safeRank(probe as never)).toEqual(safeRank(RANKABLES as never));
    expect(reads()).toBe(1);
  });

  it("safeScore, scoreAll, scoreTotals and withPenalties: a Proxy whose getOwnPropertyDescriptor trap throws is refused at its path (not a raw Error)", () => {
    // As the issue had it: a Proxy of {} (no field to describe, so it reads as {}, not a number).
    const got = safeScore(ONE, { id: "a", values: { x: throwingDescriptor({}), y: 1 } });
    expect(!got.success && got.issues.map((i) => i.path)).toContainEqual(["values", "x"]);
    // A Proxy of an object with a field: that field cannot be read.
    const unreadable = (issues: readonly Issue[], path: readonly (string | number)[]) => issues.some((i) => i.code === "unreadable_input" && path.every((k, j) => i.path[j] === k));
    const keyed = safeScore(ONE, { id: "a", values: { x: throwingDescriptor({ na: true }), y: 1 } });
    expect(!keyed.success && unreadable(keyed.issues, ["values", "x"])).toBe(true);
    const subjects = () => [{ id: "a", values: { x: throwingDescriptor({ na: true }), y: 1 } }];
    expect(unreadable(issuesOf(() => scoreAll(ONE, subjects())), [0, "values", "x"])).toBe(true);
    expect(unreadable(issuesOf(() => scoreTotals(ONE, subjects())), [0, "values", "x"])).toBe(true);
    expect(unreadable(issuesOf(() => withPenalties(subjects(), { deductions: [], flags: [] } as never)), [0, "values", "x"])).toBe(true);
  });

  it("rank: a subjectId that reads a, a, a, then b is ranked as a (not a trusted ranking of b, b); assignTiers then places one 好 under a quota of one", () => {
    const probe = [{ subjectId: "a", total: 90 }, { subjectId: "b", total: 80 }];
    const { reads } = changing(probe[0]!, "subjectId", ["a", "a", "a", "b"]);
    const ranking = rank(probe);
    expect(ranking.entries.map((e) => e.subjectId)).toEqual(["a", "b"]);
    expect(reads()).toBe(1);
    const tiers = assignTiers(ranking, { tiers: [{ name: "好", maxCount: 1, share: 1 }, { name: "中" }] });
    expect(tiers.placements.filter((p) => p.tier === "好").map((p) => p.subjectId)).toEqual(["a"]);
  });

  it("scoreTotals: an id that changes between reads gives subjectId a (not NaN)", () => {
    const probe = [{ id: "a", values: { x: 1, y: 2 } }, { id: "b", values: { x: 3, y: 4 } }];
    const { reads } = changing(probe[0]!, "id", ["a", "b", 5]);
    expect(scoreTotals(ONE, probe)).toEqual(scoreTotals(ONE, [{ id: "a", values: { x: 1, y: 2 } }, probe[1]!]));
    expect(reads()).toBe(1);
  });

  it("re-entrancy: a value getter that calls scoreTotals again does not change the outer total", () => {
    const scheme = { ...ONE, rounding: { indicator: { decimals: 8, mode: "half-up" as const } } };
    const inner = () => scoreTotals(scheme, [{ id: "z", values: { x: 0, y: 0 } }, { id: "w", values: { x: 9, y: 9 } }]);
    const values = { y: 5 };
    Object.defineProperty(values, "x", { get: () => (inner(), 5.01234567), enumerable: true });
    const subjects = [{ id: "a", values }, { id: "b", values: { x: 1, y: 1 } }];
    const expected = scoreAll(scheme, [{ id: "a", values: { x: 5.01234567, y: 5 } }, subjects[1]!]).map((r) => r.total);
    expect(expected).toEqual([10.01234567, 2]);
    expect(scoreTotals(scheme, subjects).map((t) => t.total)).toEqual(expected);
  });
});
