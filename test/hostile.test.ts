import { describe, expect, it } from "vitest";
import {
  cascade,
  defineCascadePlan,
  defineOrgTree,
  leaderScore,
  rollUp,
  allocateTasks,
  creditOf,
  creditTasks,
  defineTaskBoard,
  taskStatistics,
  assignTiers,
  checkHistory,
  consecutiveTier,
  county361Example,
  defineScheme,
  eligiblePool,
  explain,
  explainTier,
  explainReason,
  explainHistoryCheck,
  explainAccount,
  explainCapability,
  explainPersonLink,
  requirementText,
  formatIssue,
  formatIssues,
  explainAllocation,
  explainTaskReason,
  isJixiaoError,
  lastPlaceDeductions,
  rank,
  reallocatePromotionSlots,
  score,
  scoreAll,
  withPenalties,
  type SchemeConfig,
  type SubjectInput,
  accountSeries,
  aggregatePeriods,
  annualResults,
  appendEntries,
  applySpecialAssessments,
  assessCapability,
  capabilityExample,
  createLedger,
  defineEverydayPerformance,
  defineVersions,
  ledgerFromJSON,
  ledgerFromJSONLines,
  closePeriods,
  linkOrganizations,
  linkPeople,
  occupationalFoundation,
  parsePeriod,
  partyBuildingVetoes,
  periodOf,
  periodRange,
  periodsIn,
  resultEntries,
  scoreTotals,
  shiftPeriod,
  summarizeAccount,
  summarizeAccounts,
  versionFor,
  versionForKind,
} from "../src/index.js";
import { light } from "./helpers.js";

function deepFreeze<T>(value: T): T {
  // Iterative, so 10,000-deep nesting and cycles are fine.
  const seen = new Set<unknown>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || seen.has(node) || node === throwing) continue;
    seen.add(node);
    Object.freeze(node);
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
  return value;
}

/** Runs `fn`, which must return normally or throw a JixiaoError with issues. */
function endsWell(fn: () => unknown): "ok" | "error" {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    for (const i of error.issues) {
      expect(typeof i.code).toBe("string");
      expect(Array.isArray(i.path)).toBe(true);
      expect(typeof i.message).toBe("string");
    }
    return "error";
  }
}

const cyclic: Record<string, unknown> = { id: "x", full: 100 };
cyclic.groups = [cyclic];
// eslint-disable-next-line prefer-const
var throwing = new Proxy({}, { get() { throw new Error("boom"); }, ownKeys() { throw new Error("boom"); } });
let deep: unknown = 1;
for (let i = 0; i < 10_000; i++) deep = { groups: [deep] };

const hostile: unknown[] = [
  undefined, null, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 1e-320, "", "x".repeat(100_000), [], [[]], {}, true,
  () => 1, Symbol("s"), 10n, cyclic, throwing, deep,
  JSON.parse('{"__proto__": {"polluted": true}, "id": "p", "full": 100, "groups": []}'),
  JSON.parse('{"id": "__proto__", "full": 100, "groups": [{"id": "constructor", "points": 100, "indicators": [{"id": "prototype", "points": 100, "method": {"type": "direct"}}]}]}'),
  { id: "x", full: "1e400", groups: [] },
  { id: "x", full: 100, groups: Array.from({ length: 100_000 }, () => ({})) },
];

describe("hostile input", () => {
  it("defineScheme answers anything with a scheme or a JixiaoError", () => {
    for (const input of hostile) expect(endsWell(() => defineScheme(deepFreeze(input) as SchemeConfig))).toBe("error");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("score and scoreAll answer anything with results or a JixiaoError, and do not change their input", () => {
    const scheme = defineScheme(county361Example);
    const good = { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 };
    const cases: [unknown, "ok" | "error"][] = [
      ...hostile.map((h): [unknown, "error"] => [h, "error"]),
      [{ id: "a", values: JSON.parse('{"__proto__": {"attendance": 1}}') }, "error"],
      [{ id: "a", values: { ...good, study: JSON.parse('{"__proto__": "良"}') } }, "error"],
      [{ id: "a", values: { ...good, collection: "1e999" } }, "error"],
      [{ id: "a", values: { ...good, collection: 1e-320 } }, "ok"], // a tiny number is a number
      [{ id: "a", values: { ...good, collection: -0 } }, "ok"], // -0 reads as 0
      [{ id: "a", values: { ...good, collection: { na: true, extra: 1 } } }, "error"],
      [{ id: "a", values: good, bonus: [{ points: Number.NaN, reason: "x" }] }, "error"],
      [{ id: "a", values: good, vetoes: ["discipline", "discipline"] }, "error"],
    ];
    for (const [input, expected] of cases) expect(endsWell(() => score(scheme, deepFreeze(input) as SubjectInput))).toBe(expected);
    const subjects = cases.map(([s]) => s);
    for (const s of subjects) endsWell(() => scoreAll(scheme, deepFreeze([s, s]) as SubjectInput[]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).attendance).toBeUndefined();
  });

  it.skipIf(light)("scores a frozen batch of 20,000", () => {
    const scheme = defineScheme(county361Example);
    const good = { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 };
    expect(endsWell(() => scoreAll(scheme, deepFreeze(Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}`, values: good })))))).toBe("ok");
  });

  it.skipIf(light)("explain answers anything with text or a JixiaoError", () => {
    for (const input of hostile) expect(endsWell(() => explain(input as never))).toBe("error");
  });

  it("a custom function cannot break the scheme or other results", () => {
    const scheme = defineScheme({
      id: "c",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "custom", score: (v) => { if (v === "boom") throw new TypeError("bad"); return v as number; } } }] }],
    });
    expect(endsWell(() => scoreAll(scheme, [{ id: "a", values: { x: 5 } }, { id: "b", values: { x: "boom" } }]))).toBe("error");
    expect(scoreAll(scheme, [{ id: "a", values: { x: 5 } }])[0]!.total).toBe(5);
  });
});

describe("hostile input to ranking, tiers and penalties", () => {
  const ranking = rank([90, 80, 80, 70].map((total, i) => ({ subjectId: `c${i}`, total })));
  const policy = { tiers: [{ name: "好", share: 0.25 }, { name: "中" }] };
  const entries: [string, (input: unknown) => unknown][] = [
    ["rank", (x) => rank(x as never)],
    ["rank options", (x) => rank([{ subjectId: "a", total: 1 }], x as never)],
    ["assignTiers ranking", (x) => assignTiers(x as never, policy)],
    ["assignTiers policy", (x) => assignTiers(ranking, x as never)],
    ["eligiblePool", (x) => eligiblePool(ranking, x as never)],
    ["lastPlaceDeductions", (x) => lastPlaceDeductions(ranking, x as never)],
    ["reallocatePromotionSlots", (x) => reallocatePromotionSlots(x as never)],
    ["consecutiveTier", (x) => consecutiveTier(x as never, { tier: "差", years: 2 })],
    ["checkHistory", (x) => checkHistory([], x as never)],
    ["withPenalties", (x) => withPenalties([], x as never)],
    ["explainTier", (x) => explainTier(x as never)],
  ];

  it.each(entries)("%s answers anything with a result or a JixiaoError", (_name, fn) => {
    for (const input of hostile) endsWell(() => fn(deepFreeze(input)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.skipIf(light)("ranks and tiers a large batch with everyone tied, within bounds", () => {
    const all = rank(Array.from({ length: 20_000 }, (_, i) => ({ subjectId: `c${i}`, total: 80 })));
    expect(all.entries[0]!.tiedCount).toBe(19_999);
    expect(all.entries[0]!.tiedWith.length).toBe(100);
    const tiers = assignTiers(all, { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1 }], ties: "better" });
    expect(tiers.groups[0]!.tiers.map((t) => t.placed)).toEqual([20_000, 0, 0]);
    expect(lastPlaceDeductions(all, { deductions: [1] }).deductions.length).toBe(20_000);
  });

  it("does not change a ranking it is given", () => {
    const frozen = deepFreeze(rank([{ subjectId: "a", total: 1, attributes: { d: "x" } }, { subjectId: "b", total: 2, attributes: { d: "y" } }]));
    expect(assignTiers(frozen, { ...policy, groupBy: "d" }).groups.length).toBe(2);
  });
});

describe("hostile input to the task functions", () => {
  const board = {
    id: "b",
    period: "2023-Q3",
    difficulty: { high: 1.5 },
    tasks: [{ id: "t1", title: "x", difficulty: "high", points: 2, post: "p", published: "2023-07-03", deadline: "2023-07-31" }],
  };
  const staff = [{ id: "s1", posts: ["p"] }];
  const allocation = allocateTasks(board, [{ task: "t1", person: "s1", at: "2023-07-03T09:00" }], staff);
  const entries: [string, (input: unknown) => unknown][] = [
    ["defineTaskBoard", (x) => defineTaskBoard(x as never)],
    ["allocateTasks grabs", (x) => allocateTasks(board, x as never, staff)],
    ["allocateTasks staff", (x) => allocateTasks(board, [], x as never)],
    ["allocateTasks policy", (x) => allocateTasks(board, [], staff, x as never)],
    ["creditTasks allocation", (x) => creditTasks(board, x as never, [])],
    ["creditTasks completions", (x) => creditTasks(board, allocation, x as never)],
    ["creditTasks policy", (x) => creditTasks(board, allocation, [], x as never)],
    ["creditOf", (x) => creditOf(x as never, "s1")],
    ["taskStatistics", (x) => taskStatistics(x as never, staff)],
    ["explainAllocation", (x) => explainAllocation(x as never)],
    ["explainAllocation options", (x) => explainAllocation(allocation, x as never)],
    ["explainTaskReason", (x) => explainTaskReason(x as never)],
  ];

  it.each(entries)("%s answers anything with a result or a JixiaoError", (_name, fn) => {
    for (const input of hostile) endsWell(() => fn(deepFreeze(input)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("hostile input to the cascade", () => {
  const tree = defineOrgTree([{ id: "P", level: "province" }, { id: "A", level: "city", parent: "P" }]);
  const plan = { id: "p", indicators: [{ id: "x", points: 1, target: 10, method: { type: "direct" as const }, steps: [{ how: "split" as const, by: "equal" as const }] }] };
  const entries: [string, (input: unknown) => unknown][] = [
    ["defineOrgTree", (x) => defineOrgTree(x as never)],
    ["defineCascadePlan", (x) => defineCascadePlan(x as never)],
    ["cascade plan", (x) => cascade(x as never, tree)],
    ["cascade tree", (x) => cascade(plan, x as never)],
    ["rollUp results", (x) => rollUp(tree, x as never, { x: { how: "sum" } })],
    ["rollUp rules", (x) => rollUp(tree, [], x as never)],
    ["leaderScore", (x) => leaderScore(x as never, {})],
  ];

  it.each(entries)("%s answers anything with a result or a JixiaoError", (_name, fn) => {
    for (const input of hostile) endsWell(() => fn(deepFreeze(input)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("builds a 10,000-deep chain and cascades down it without a stack overflow", () => {
    const chain = [{ id: "u0", level: "l" }, ...Array.from({ length: 10_000 }, (_, i) => ({ id: `u${i + 1}`, level: "l", parent: `u${i}` }))];
    const deepTree = defineOrgTree(chain);
    const steps = Array.from({ length: 20 }, () => ({ how: "replicate" as const }));
    const out = cascade({ id: "d", indicators: [{ id: "x", points: 1, target: 5, method: { type: "direct" }, steps }] }, deepTree);
    expect(out.units.length).toBe(20);
  });
});

describe("hostile input to scoreTotals, periods and personnel", () => {
  const ledger = createLedger([{ id: "e1", person: "c1", date: "2024-01-31", component: "everyday", points: 8, source: "s" }]);
  const versions = defineVersions([{ version: "v1", from: "2024-01-01", rule: {} }]);
  const linkPolicy = { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 1 } };
  const entries: [string, (input: unknown) => unknown][] = [
    ["scoreTotals", (x) => scoreTotals(defineScheme(county361Example), x as never)],
    ["parsePeriod", (x) => parsePeriod(x as never)],
    ["periodOf", (x) => periodOf(x as never, "month")],
    ["periodOf options", (x) => periodOf("2024-01-01", "month", x as never)],
    ["periodsIn", (x) => periodsIn("2024", x as never)],
    ["shiftPeriod", (x) => shiftPeriod("2024-01", x as never)],
    ["periodRange", (x) => periodRange("2024-01", x as never)],
    ["createLedger", (x) => createLedger(x as never)],
    ["appendEntries", (x) => appendEntries(ledger, x as never)],
    ["ledgerFromJSON", (x) => ledgerFromJSON(x as never)],
    ["ledgerFromJSONLines", (x) => ledgerFromJSONLines(x as never)],
    ["appendEntries options", (x) => appendEntries(ledger, [], x as never)],
    ["closePeriods", (x) => closePeriods(ledger, x as never)],
    ["createLedger options", (x) => createLedger([], x as never)],
    ["summarizeAccount ledger", (x) => summarizeAccount(x as never, "c1")],
    ["summarizeAccount options", (x) => summarizeAccount(ledger, "c1", x as never)],
    ["accountSeries", (x) => accountSeries(ledger, "c1", x as never)],
    ["aggregatePeriods scores", (x) => aggregatePeriods(x as never, "2024-Q1", { rule: "sum", missing: "zero" })],
    ["aggregatePeriods policy", (x) => aggregatePeriods([], "2024-Q1", x as never)],
    ["defineVersions", (x) => defineVersions(x as never)],
    ["versionFor", (x) => versionFor(versions, x as never)],
    ["versionForKind", (x) => versionForKind({ year: versions }, x as never)],
    ["versionForKind documents", (x) => versionForKind(x as never, "2024")],
    ["linkOrganizations", (x) => linkOrganizations(x as never, { method: { type: "proportional", full: 100 } })],
    ["linkOrganizations policy", (x) => linkOrganizations([{ subjectId: "a", total: 1 }], x as never)],
    ["linkPeople", (x) => linkPeople(x as never, { u: 1 }, linkPolicy)],
    ["linkPeople scores", (x) => linkPeople([{ id: "p", unit: "u" }], x as never, linkPolicy)],
    ["applySpecialAssessments", (x) => applySpecialAssessments({ c1: 1 }, x as never, { mode: "add" })],
    ["defineEverydayPerformance", (x) => defineEverydayPerformance(x as never)],
    ["occupationalFoundation", (x) => occupationalFoundation(x as never, 2023, { weights: [1], missing: "zero" })],
    ["assessCapability", (x) => assessCapability(capabilityExample, x as never)],
    ["annualResults", (x) => annualResults(ledger, x as never)],
    ["partyBuildingVetoes", (x) => partyBuildingVetoes(x as never)],
    ["resultEntries", (x) => resultEntries(x as never, { period: "2024-01", component: "c", source: "s" })],
  ];

  it.each(entries)("%s answers anything with a result or a JixiaoError", (_name, fn) => {
    for (const input of hostile) endsWell(() => fn(deepFreeze(input)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.skipIf(light)("a long series over a long account stays linear: 73,050 days over 50,000 entries", () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ id: `e${i}`, person: "c1", date: "2024-03-15", component: "x", points: 1, source: "s" }));
    const series = accountSeries(createLedger(many), "c1", { kind: "day", from: "2000-01-01", to: "2200-01-01" });
    expect(series.length).toBe(73_050);
    expect(series.filter((x) => x.total !== 0).map((x) => [x.period, x.total])).toEqual([["2024-03-15", 50_000]]);
  });

  it.skipIf(light)("a ledger of 100,000 entries is made and summed within the suite's time", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `e${i}`, person: `c${i % 1000}`, date: "2024-03-15", component: "everyday", points: 0.01, source: "s" }));
    const summaries = summarizeAccounts(createLedger(deepFreeze(many)), { period: "2024" });
    expect(summaries.length).toBe(1000);
    expect(summaries[0]!.exact).toBe("1");
  });
});

describe("hostile input to the wording functions (issues, reasons, explanations)", () => {
  const issue = { code: "required", path: ["groups"], params: { key: "required" }, message: "groups (指标组): is required" };
  const ledger = createLedger([{ id: "e1", person: "c1", date: "2024-01-31", component: "everyday", points: 8, source: "s" }]);
  const summary = summarizeAccount(ledger, "c1", { period: "2024" });
  const capability = assessCapability(capabilityExample, { category: capabilityExample.categories[0]!.id, level: 0, facts: {} });
  const history = checkHistory([{ subjectId: "p5", period: "2024-Q1", tier: "好" }], { order: ["好", "中"], all: [{ tiers: ["好"], atLeast: 1 }] })[0]!;
  const entries: [string, (input: unknown) => unknown][] = [
    ["formatIssue", (x) => formatIssue(x as never)],
    ["formatIssue options", (x) => formatIssue(issue as never, x as never)],
    ["formatIssues", (x) => formatIssues(x as never)],
    ["formatIssues options", (x) => formatIssues([issue] as never, x as never)],
    ["explainReason", (x) => explainReason(x as never)],
    ["explainReason options", (x) => explainReason({ kind: "quotaFull" } as never, x as never)],
    ["explainHistoryCheck", (x) => explainHistoryCheck(x as never)],
    ["explainHistoryCheck options", (x) => explainHistoryCheck(history, x as never)],
    ["explainAccount", (x) => explainAccount(x as never)],
    ["explainAccount options", (x) => explainAccount(summary, x as never)],
    ["explainCapability", (x) => explainCapability(x as never)],
    ["explainCapability options", (x) => explainCapability(capability, x as never)],
    ["explainPersonLink", (x) => explainPersonLink(x as never)],
    ["requirementText", (x) => requirementText(x as never)],
  ];

  it.each(entries)("%s answers anything with text or a JixiaoError", (_name, fn) => {
    for (const input of hostile) endsWell(() => fn(deepFreeze(input)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
