/**
 * Every size limit, at and just beyond it: at the limit a result, one past it a
 * JixiaoError with the limit's issue code (a sheet function: an error cell), each within
 * EXTREME_BOUND_MS and the memory bounds of `measured`. One table: a new limit is one more row.
 * A row whose case at the limit takes 1,000,000 items or more runs that case only with
 * JIXIAO_FUZZ_HEAVY=1 (its case beyond the limit, refused before any work, always runs).
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  allocateTasks,
  annualResults,
  assignTiers,
  createLedger,
  creditTasks,
  defineOrgTree,
  defineScheme,
  defineTaskBoard,
  defineTierPolicy,
  isJixiaoError,
  JIXIAO_RANK,
  JIXIAO_TIER,
  linkPeople,
  MAX_ADJUSTMENTS,
  MAX_BATCH,
  MAX_BOARD_SEATS,
  MAX_FLAGS,
  MAX_GRABS,
  MAX_GRADES,
  MAX_GROUPS,
  MAX_INDICATORS,
  MAX_ISSUES,
  MAX_LEDGER_ENTRIES,
  MAX_PERIODS,
  MAX_SEATS,
  MAX_STAFF,
  MAX_STEPS,
  MAX_TASKS,
  MAX_VETOES,
  parsePeriod,
  periodRange,
  rank,
  shiftPeriod,
  resultEntries,
  score,
  scoreAll,
  scoreTotals,
  withPenalties,
  type IssueCode,
  type SchemeConfig,
} from "../../src/index.js";
import { MAX_CSV_ROWS, MAX_FIELDS, parseCsv } from "../../src/node/csv.js";
import { MAX_BYTES } from "../../src/node/files.js";
import { readDataFile, runScenario } from "../../src/node/index.js";
import { MAX_INPUT_DEPTH } from "../../src/core/snapshot.js";
import { MAX_CELLS, MAX_JSON, MAX_ROWS } from "../../src/sheets/cells.js";
import { run } from "../../src/cli/main.js";
import { ENTRIES, GRABS, STAFF, TASK_BOARD, TIER_POLICY_TEXT } from "./bases.js";
import { deepNest, EXTREME_BOUND_MS, hasErrorCell, HEAVY, many, measured, sheetOutcome } from "./fuzz.js";

const dir = mkdtempSync(join(tmpdir(), "jixiao-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// Inputs

const SMALL: SchemeConfig = { id: "small", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }] };
const small = defineScheme(SMALL);
const subjects = (n: number) => many(n, (i) => ({ id: `c${i}`, values: { x: i % 10 } }));
/** `n` copies of one item: a list past a limit, made in no time (a list this long is refused before its items are read). */
const copies = <T>(n: number, item: T): T[] => new Array<T>(n).fill(item);
const totals = (n: number) => many(n, (i) => ({ subjectId: `c${i}`, total: i % 100 }));
/** A scheme of `groups` groups of `indicators` direct indicators, one point each. */
const scheme = (groups: number, indicators: number): SchemeConfig => ({
  id: "wide",
  full: groups * indicators,
  groups: many(groups, (g) => ({ id: `g${g}`, points: indicators, indicators: many(indicators, (i) => ({ id: `i${g}-${i}`, points: 1, method: { type: "direct" as const } })) })),
});
const board = (tasks: number, seats = 1) => ({ ...TASK_BOARD, tasks: many(tasks, (i) => ({ ...TASK_BOARD.tasks[2]!, id: `t${i}`, seats })) });
const policy = JSON.parse(TIER_POLICY_TEXT);
/** A sparse file of `bytes` bytes (no disk space used). */
function sparse(name: string, bytes: number): string {
  const path = join(dir, name);
  const fd = openSync(path, "w");
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}
/** JSON text of the tier policy padded with spaces to exactly `n` characters. */
const padded = (n: number) => {
  const text = JSON.stringify(policy);
  return text + " ".repeat(n - text.length);
};

// ---------------------------------------------------------------------------------------------
// The table

interface Limit {
  /** What is limited, with its number and its name in the code. */
  readonly what: string;
  /** The call at the limit (a result), or why it is not tried. */
  readonly at: (() => unknown) | { readonly untried: string };
  /** The call one past the limit (refused). */
  readonly beyond: () => unknown;
  /** The issue code past the limit: `out_of_range` for sizes and counts, `invalid_number` for decimals (IssueCode says so). */
  readonly code: IssueCode;
  /** How the call answers: an entry returns or throws; a sheet function answers cells, an error cell past the limit. */
  readonly via?: "sheet";
  /** Which case runs only with JIXIAO_FUZZ_HEAVY=1: the one at the limit, or both. */
  readonly heavy?: "at" | "both";
}

interface CountOptions {
  /** The call past the limit, when it differs (a list of copies of one item, made in no time). */
  readonly beyond?: (n: number) => unknown;
  readonly heavy?: "at" | "both";
  readonly via?: "sheet";
  /** Why the case at the limit is not tried. */
  readonly untried?: string;
}

/** A row whose calls differ only in a count: `limit` items and `limit + 1`. */
const count = (what: string, limit: number, call: (n: number) => unknown, options: CountOptions = {}): Limit => ({
  what,
  at: options.untried ? { untried: options.untried } : () => call(limit),
  beyond: () => (options.beyond ?? call)(limit + 1),
  code: "out_of_range",
  ...(options.heavy ? { heavy: options.heavy } : {}),
  ...(options.via ? { via: options.via } : {}),
});
/** A row of a decimal at its edge and just past it. */
const decimal = (what: string, [at, beyond]: readonly [unknown, unknown], call: (v: unknown) => unknown, code: IssueCode = "invalid_number"): Limit => ({ what, at: () => call(at), beyond: () => call(beyond), code });

const ONE = "1000000000000000000"; // 10^18

export const LIMITS: readonly Limit[] = [
  // Batches
  count(`subjects scored at once: ${MAX_BATCH} (MAX_BATCH), scoreAll`, MAX_BATCH, (n) => scoreAll(small, subjects(n)), { heavy: "at", beyond: (n) => scoreAll(small, copies(n, subjects(1)[0]!)) }),
  count(`subjects scored at once: ${MAX_BATCH} (MAX_BATCH), scoreTotals`, MAX_BATCH, (n) => scoreTotals(small, subjects(n)), { heavy: "at", beyond: (n) => scoreTotals(small, copies(n, subjects(1)[0]!)) }),
  count("results ranked at once: 2,000,000, rank", 2_000_000, (n) => rank(totals(n)), { heavy: "at", beyond: (n) => rank(copies(n, totals(1)[0]!)) }),
  count("subjects given penalties at once: 2,000,000, withPenalties", 2_000_000, (n) => withPenalties(many(n, (i) => ({ id: `c${i}`, values: {} })), { deductions: [], flags: [] } as never), { heavy: "at", beyond: (n) => withPenalties(copies(n, { id: "c", values: {} }), { deductions: [], flags: [] } as never) }),
  count("people linked at once: 2,000,000, linkPeople", 2_000_000, (n) => linkPeople(many(n, (i) => ({ id: `p${i}`, unit: "u" })), { u: 90 }, { staff: { unit: 1 }, leader: { unit: 1 } }), { heavy: "at", beyond: (n) => linkPeople(copies(n, { id: "p", unit: "u" }), { u: 90 }, { staff: { unit: 1 }, leader: { unit: 1 } }) }),
  count("people in annual results: 2,000,000, annualResults", 2_000_000, (n) => annualResults(createLedger(ENTRIES as never), { year: "2024", people: many(n, (i) => ({ id: `p${i}` })), tiers: { tiers: [{ name: "中" }] } }), { heavy: "at", beyond: (n) => annualResults(createLedger(ENTRIES as never), { year: "2024", people: copies(n, { id: "p" }), tiers: { tiers: [{ name: "中" }] } }) }),
  count("results recorded at once: 2,000,000, resultEntries", 2_000_000, (n) => resultEntries(totals(n), { period: "2024-01", component: "c", source: "s" }), { heavy: "at", beyond: (n) => resultEntries(copies(n, totals(1)[0]!), { period: "2024-01", component: "c", source: "s" }) }),
  // Schemes and subjects
  count(`groups in a scheme: ${MAX_GROUPS} (MAX_GROUPS)`, MAX_GROUPS, (n) => defineScheme(scheme(n, 1))),
  count(`indicators in a scheme: ${MAX_INDICATORS} (MAX_INDICATORS), one subject scored by scoreTotals`, MAX_INDICATORS, (n) => scoreTotals(scheme(2, n / 2), [{ id: "c", values: Object.fromEntries(many(n, (i) => [`i${i % 2}-${i >> 1}`, 1])) }]), { beyond: (n) => defineScheme(scheme(1, n)) }),
  count(`vetoes in a scheme: ${MAX_VETOES} (MAX_VETOES)`, MAX_VETOES, (n) => defineScheme({ ...SMALL, vetoes: many(n, (i) => ({ id: `v${i}`, name: "否决", effect: "flag" as const })) })),
  count(`vetoes a subject names: ${MAX_VETOES} (MAX_VETOES)`, MAX_VETOES, (n) => scoreTotals({ ...SMALL, vetoes: many(n, (i) => ({ id: `v${i}`, name: "否决", effect: "flag" as const })) }, [{ id: "c", values: { x: 1 }, vetoes: many(n, (i) => `v${i}`) }]), { beyond: (n) => scoreAll(small, [{ id: "c", values: { x: 1 }, vetoes: copies(n, "v") }]) }),
  count(`grades of a grade method: ${MAX_GRADES} (MAX_GRADES)`, MAX_GRADES, (n) => defineScheme({ ...SMALL, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "grade", grades: Object.fromEntries(many(n, (i) => [`等级${i}`, 0.5])) } }] }] })),
  count(`steps of a steps method: ${MAX_STEPS} (MAX_STEPS)`, MAX_STEPS, (n) => defineScheme({ ...SMALL, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "steps", steps: many(n, (i) => ({ atLeast: n - i, fraction: 1 })) } }] }] })),
  count(`bonus items of a subject: ${MAX_ADJUSTMENTS} (MAX_ADJUSTMENTS)`, MAX_ADJUSTMENTS, (n) => score({ ...SMALL, adjustments: { bonus: { cap: 1 } } }, { id: "c", values: { x: 1 }, bonus: many(n, () => ({ points: 0.0001, reason: "r" })) })),
  count(`deduction items of a subject: ${MAX_ADJUSTMENTS} (MAX_ADJUSTMENTS)`, MAX_ADJUSTMENTS, (n) => scoreTotals({ ...SMALL, adjustments: { deduction: { cap: 10 } } }, [{ id: "c", values: { x: 1 }, deductions: many(n, () => ({ points: 0.0001, reason: "r" })) }])),
  count(`flags of a subject: ${MAX_FLAGS} (MAX_FLAGS)`, MAX_FLAGS, (n) => scoreTotals(small, [{ id: "c", values: { x: 1 }, flags: many(n, (i) => ({ id: `f${i}`, reason: "r" })) }])),
  count(`nesting of any input: ${MAX_INPUT_DEPTH} levels (MAX_INPUT_DEPTH), a scenario's expected value`, MAX_INPUT_DEPTH, (n) => runScenario({ cases: [{ name: "x", run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": deepNest(1, n - 3, "array") } }] } as never)),
  // Ranking, tiers
  count("tie-break keys: 20", 20, (n) => rank([{ subjectId: "a", total: 1 }], { tieBreak: many(n, () => "total") })),
  count("vetoes of one result: 1,000", 1000, (n) => rank([{ subjectId: "a", total: 1, vetoes: many(n, (i) => ({ id: `v${i}` })) }])),
  count("tiers in a policy: 50", 50, (n) => defineTierPolicy({ tiers: many(n, (i) => (i === n - 1 ? { name: "rest" } : { name: `t${i}`, share: 0.01 })) })),
  count("a tier's minCount: 10,000,000", 10_000_000, (n) => assignTiers(rank(totals(3)), { tiers: [{ name: "好", share: 0.1, minCount: n }, { name: "中" }] })),
  // Tasks
  count(`grabs: ${MAX_GRABS} (MAX_GRABS), allocateTasks`, MAX_GRABS, (n) => allocateTasks(TASK_BOARD, many(n, (i) => ({ ...GRABS[i % 5]!, at: `2023-07-0${3 + (i % 5)}T09:00` })), STAFF), { heavy: "at", beyond: (n) => allocateTasks(TASK_BOARD, copies(n, GRABS[0]!), STAFF) }),
  count(`staff: ${MAX_STAFF} (MAX_STAFF), allocateTasks`, MAX_STAFF, (n) => allocateTasks(TASK_BOARD, GRABS, many(n, (i) => ({ id: `p${i}`, posts: ["征管岗"] }))), { heavy: "at", beyond: (n) => allocateTasks(TASK_BOARD, GRABS, copies(n, STAFF[0]!)) }),
  count("completions: 1,000,000, creditTasks", 1_000_000, (n) => creditTasks(TASK_BOARD, allocateTasks(TASK_BOARD, GRABS, STAFF), many(n, () => ({ task: "t1", person: "p1", quality: 1 }))), { heavy: "at", beyond: (n) => creditTasks(TASK_BOARD, allocateTasks(TASK_BOARD, GRABS, STAFF), copies(n, { task: "t1", person: "p1", quality: 1 })) }),
  count(`tasks on a board: ${MAX_TASKS} (MAX_TASKS)`, MAX_TASKS, (n) => defineTaskBoard(board(n))),
  count(`seats of a task: ${MAX_SEATS} (MAX_SEATS)`, MAX_SEATS, (n) => defineTaskBoard(board(1, n))),
  count(`seats of a board: ${MAX_BOARD_SEATS} (MAX_BOARD_SEATS)`, MAX_BOARD_SEATS, (n) => defineTaskBoard({ ...board(n / MAX_SEATS, MAX_SEATS) }), { beyond: (n) => defineTaskBoard({ ...TASK_BOARD, tasks: [...board(MAX_BOARD_SEATS / MAX_SEATS, MAX_SEATS).tasks, { ...TASK_BOARD.tasks[0]!, id: "extra", seats: n - MAX_BOARD_SEATS }] }) }),
  count(`difficulty grades of a board: ${MAX_GRADES} (MAX_GRADES)`, MAX_GRADES, (n) => defineTaskBoard({ ...TASK_BOARD, difficulty: { ...TASK_BOARD.difficulty, ...Object.fromEntries(many(n - 3, (i) => [`d${i}`, 1])) } })),
  count("maxTasksPerPerson: 100,000", 100_000, (n) => allocateTasks(TASK_BOARD, GRABS, STAFF, { maxTasksPerPerson: n })),
  // Decimals
  decimal("a total: at most 10^18, as text", [ONE, "1000000000000000001"], (t) => rank([{ subjectId: "a", total: t as string }])),
  decimal("a total: at least -10^18, as text", [`-${ONE}`, "-1000000000000000001"], (t) => rank([{ subjectId: "a", total: t as string }])),
  decimal("a total: at most 10^18, as a number", [1e18, 1.0000000000000002e18], (t) => rank([{ subjectId: "a", total: t as number }])),
  decimal("a value: at most 10^18", [ONE, "1000000000000000001"], (t) => score({ ...SMALL, full: ONE, groups: [{ id: "g", points: ONE, indicators: [{ id: "x", points: ONE, method: { type: "direct" } }] }] }, { id: "c", values: { x: t as string } })),
  decimal("decimal text: at most 60 characters", [`1.${"0".repeat(58)}`, `1.${"0".repeat(59)}`], (t) => rank([{ subjectId: "a", total: t as string }])),
  // The ledger's own limits on points are ranges, not what a decimal can be.
  decimal("ledger points: at most 10^12", ["1000000000000", "1000000000000.1"], (p) => createLedger([{ ...ENTRIES[0]!, points: p }] as never), "out_of_range"),
  decimal("ledger points: at most 10 decimals", ["0.0000000001", "0.00000000001"], (p) => createLedger([{ ...ENTRIES[0]!, points: p }] as never), "out_of_range"),
  // Periods and the ledger
  count(`periods in a range: ${MAX_PERIODS} (MAX_PERIODS)`, MAX_PERIODS, (n) => periodRange("2000-01-01", new Date(Date.UTC(2000, 0, n)).toISOString().slice(0, 10))),
  { what: "years: at most 9999", at: () => shiftPeriod("9999-11", 1), beyond: () => shiftPeriod("9999-12", 1), code: "out_of_range" },
  { what: "years: at least 1000", at: () => [parsePeriod("1000"), shiftPeriod("1000-02", -1)], beyond: () => shiftPeriod("1000-01", -1), code: "out_of_range" },
  count(`ledger entries: ${MAX_LEDGER_ENTRIES} (MAX_LEDGER_ENTRIES)`, MAX_LEDGER_ENTRIES, () => undefined, { untried: "10,000,000 real entries take about 1 GB", beyond: (n) => createLedger(copies(n, ENTRIES[0]!) as never) }),
  // Sheet functions
  count(`rows of a range: ${MAX_ROWS} (MAX_ROWS)`, MAX_ROWS, (n) => JIXIAO_RANK(many(n, (i) => [i % 101])), { heavy: "at", via: "sheet", beyond: (n) => JIXIAO_RANK(copies(n, [1])) }),
  count(`cells of a range: ${MAX_CELLS} (MAX_CELLS)`, MAX_CELLS, (n) => JIXIAO_RANK([copies(n, 1)]), { heavy: "at", via: "sheet" }),
  count(`characters of rule JSON: ${MAX_JSON} (MAX_JSON)`, MAX_JSON, (n) => JIXIAO_TIER([[90], [80]], [], padded(n)), { via: "sheet" }),
  // Files
  count(`CSV fields in a row: ${MAX_FIELDS} (MAX_FIELDS)`, MAX_FIELDS, (n) => parseCsv(`${many(n, (i) => `f${i}`).join(",")}\n`)),
  count(`CSV rows: ${MAX_CSV_ROWS} (MAX_CSV_ROWS)`, MAX_CSV_ROWS, (n) => parseCsv("1\n".repeat(n)), { heavy: "at" }),
  count(`file size: ${MAX_BYTES} bytes (MAX_BYTES)`, MAX_BYTES, () => undefined, { untried: "reading 512 MiB of data", beyond: (n) => readDataFile(sparse("big.json", n)) }),
];

// ---------------------------------------------------------------------------------------------
// The checks

/** The issue codes of a call that must be refused. */
function refusedWith(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (isJixiaoError(error)) return error.issues.map((i) => i.code);
    throw error;
  }
  throw new Error("it was not refused");
}

/** Runs a sheet function with the time and memory bounds; says whether it answered an error cell. */
function errorCell(call: () => unknown): boolean {
  let error = false;
  measured(() => void (error = hasErrorCell(sheetOutcome(call, EXTREME_BOUND_MS))));
  return error;
}

describe("size limits: at the limit a result, one past it refused", () => {
  for (const limit of LIMITS) {
    const at = typeof limit.at === "function" && (!limit.heavy || HEAVY) ? limit.at : undefined;
    const beyond = limit.heavy !== "both" || HEAVY;
    if (!at && !beyond) continue;
    const untried = typeof limit.at === "function" ? "" : ` (not tried at the limit: ${limit.at.untried})`;
    it(`${limit.what}${untried}`, () => {
      if (limit.via === "sheet") {
        if (at) expect(errorCell(at), "an error cell at the limit").toBe(false);
        if (beyond) expect(errorCell(limit.beyond), "an error cell past the limit").toBe(true);
        return;
      }
      let heap: number | undefined;
      if (at) {
        const m = measured(at);
        expect(m.outcome, "at the limit").toBe("ok");
        heap = m.heapAfter;
      }
      if (beyond) expect(measured(limit.beyond, EXTREME_BOUND_MS, heap).codes, "past the limit").toContain(limit.code);
    });
  }
});

/** Entries that find one issue per bad item, with `n` bad items. */
const ISSUE_CAP: readonly [string, (n: number) => unknown][] = [
  ["scoreAll", (n) => scoreAll(small, many(n, (i) => ({ id: `c${i}`, values: { x: 11 } })))],
  ["scoreTotals", (n) => scoreTotals(small, many(n, (i) => ({ id: `c${i}`, values: { x: 11 } })))],
  ["rank", (n) => rank(many(n, (i) => ({ subjectId: `c${i}`, total: "x" })))],
  ["createLedger", (n) => createLedger(many(n, (i) => ({ ...ENTRIES[0]!, id: `e${i}`, points: "x" })) as never)],
  ["defineOrgTree", (n) => defineOrgTree([{ id: "root", level: "l" }, ...many(n, (i) => ({ id: `u${i}`, level: "l", parent: "nope" }))])],
  ["allocateTasks", (n) => allocateTasks(TASK_BOARD, many(n, (i) => ({ task: "t1", person: "p1", at: `x${i}` })), STAFF)],
];

describe(`the issue cap: ${MAX_ISSUES} issues (MAX_ISSUES), then one too_many_issues`, () => {
  for (const [name, call] of ISSUE_CAP)
    it(name, () => {
      const at = refusedWith(() => call(MAX_ISSUES));
      expect(at.length, `${MAX_ISSUES} bad items`).toBe(MAX_ISSUES);
      expect(at).not.toContain("too_many_issues");
      const beyond = refusedWith(() => call(MAX_ISSUES + 1));
      expect(beyond.length, `${MAX_ISSUES + 1} bad items`).toBe(MAX_ISSUES + 1);
      expect(beyond.at(-1)).toBe("too_many_issues");
      expect(beyond.slice(0, -1)).not.toContain("too_many_issues");
      expect(measured(() => call(10 * MAX_ISSUES)).outcome).toBe("error");
    });
});

describe("size limits through the command line", () => {
  const cli = async (argv: readonly string[]) => {
    let stderr = "";
    const code = await run(argv, { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: dir, progress: false });
    return { code, stderr };
  };

  it(`a file past ${MAX_BYTES} bytes: exit 2 and one message`, async () => {
    sparse("huge.json", MAX_BYTES + 1);
    writeFileSync(join(dir, "policy.json"), TIER_POLICY_TEXT);
    const r = await cli(["tiers", "--policy", "policy.json", "huge.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^jixiao tiers: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it(`a CSV row of ${MAX_FIELDS + 1} fields: exit 2 and one message`, async () => {
    writeFileSync(join(dir, "scheme.json"), JSON.stringify(SMALL));
    writeFileSync(join(dir, "wide.csv"), `id,x,${many(MAX_FIELDS - 1, (i) => `f${i}`).join(",")}\nc1,1\n`);
    const r = await cli(["score", "--scheme", "scheme.json", "wide.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
