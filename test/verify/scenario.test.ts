import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  defineScenario,
  formatScenarioFailure,
  formatScenarioReport,
  runScenario,
  safeDefineScenario,
  scenarioJsonSchema,
  summarizeScenarios,
  type ScenarioDocument,
} from "../../src/verify/index.js";
import { county361Example, formatIssue, isJixiaoError, type Issue } from "../../src/index.js";
import { runs } from "../helpers.js";

const c001 = { id: "c001", name: "张伟", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 }, bonus: [{ points: 1, reason: "创新" }] };
const scoreCase = (expect: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: "张伟",
  run: "score" as const,
  rules: { scheme: county361Example },
  input: { subjects: [c001] },
  expect,
  ...extra,
});
const one = (c: ScenarioDocument["cases"][number], options = {}) => runScenario({ cases: [c] }, { file: "case.yaml", ...options }).cases[0]!;

function issuesOf(fn: () => unknown): readonly Issue[] {
  try {
    fn();
  } catch (error) {
    if (isJixiaoError(error)) return error.issues;
    throw error;
  }
  throw new Error("expected an error");
}

describe("scenario documents", () => {
  it("accepts a case of each run", () => {
    const doc = defineScenario({
      cases: [
        scoreCase({ "results.c001.total": 86.3 }),
        { name: "r", run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": 1 } },
        { name: "t", run: "tiers", rules: { tierPolicy: "p.json" }, input: { scores: "s.json" }, expect: { "tiers.a": "好" } },
        { name: "l", run: "last-place", rules: { lastPlace: { deductions: [1] } }, input: { scores: { a: 1 } }, expect: { "deductions.a": 1 } },
        { name: "k", run: "tasks", rules: { board: "b.json" }, input: { staff: [], grabs: [] }, expect: { "owners.T01": [] } },
        { name: "c", run: "cascade", rules: { plan: "p.yaml" }, input: { tree: "t.yaml" }, expect: { "targets.A.x": 1 } },
      ],
    });
    expect(doc.cases.map((c) => c.run)).toEqual(["score", "rank", "tiers", "last-place", "tasks", "cascade"]);
    expect(Object.isFrozen(doc.cases[0])).toBe(true);
  });

  it("lists every issue with its path", () => {
    const issues = issuesOf(() =>
      defineScenario({
        cases: [
          { name: "a", run: "score", input: { subjects: 5 }, expect: {} },
          { name: "a", run: "tiers", input: { scores: {}, subjects: [] }, expect: { "x..y": 1 }, margins: { z: 1 } },
          { name: "b", run: "scores", expect: { x: 1 } },
          { name: "c", run: "rank", input: { subjects: [] }, expect: { __proto__: 1, x: 1 }, margin: -1, extra: true },
        ],
      } as unknown as ScenarioDocument),
    );
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "cases[0].input.subjects: must be a list, or the path of a file holding it",
        "cases[0].expect: must name at least one path",
        "cases[2].run: must be one of "score", "rank", "tiers", "last-place", "tasks", "cascade", "account", "roadmap", "board", not text "scores"",
        "cases[3].margin: must be at least 0, not -1",
        "cases[3].extra: is not a known field",
      ]
    `);
  });

  it("checks the cases against each other and their runs", () => {
    const issues = issuesOf(() =>
      defineScenario({
        cases: [
          { name: "a", run: "score", input: { subjects: [] }, expect: { x: 1 } },
          { name: "a", run: "tiers", input: { scores: {}, subjects: [] }, expect: { "x..y": 1 }, margins: { z: 1 } },
          { name: "c", run: "rank", input: { subjects: [] }, expect: { x: 1 } },
          { name: "d", run: "cascade", rules: { plan: {}, rollUp: {} }, input: { tree: [] }, expect: { x: 1 } },
        ],
      } as unknown as ScenarioDocument),
    );
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "cases[0].rules.scheme: is required to run score",
        "cases[1].name: repeats the case name "a" of cases[0]; names must be unique in a file",
        "cases[1].rules.tierPolicy: is required to run tiers",
        "cases[1].input: gives both subjects and scores; give one",
        "cases[1].expect["x..y"]: the path has an empty key at character 3",
        "cases[1].margins.z: is not a path of expect",
        "cases[2].rules.scheme: is required to score input.subjects",
        "cases[3].input: rolls up input.results by rules.rollUp: give both or neither",
      ]
    `);
    expect(safeDefineScenario({ cases: [] }).success).toBe(false);
  });

  it("rejects hostile documents with issues, never a raw error", () => {
    for (const doc of [null, 5, "x", [], { cases: null }, { cases: [null] }, { cases: [{ name: "x", run: "score", expect: JSON.parse('{"__proto__": 1}') }] }, { cases: Array(1001).fill(scoreCase({ a: 1 })) }])
      expect(issuesOf(() => defineScenario(doc as never)).length).toBeGreaterThan(0);
    const getter = { cases: [], get name() { throw new Error("boom"); } };
    expect(issuesOf(() => defineScenario(getter as never))[0]!.code).toBe("unreadable_input");
  });
});

describe("running cases", () => {
  it("passes the contract case: 张伟's total is 86.3", () => {
    const r = one(scoreCase({ "results.c001.total": 86.3, "results.c001.indicators.collection.earned": "38.60", "results.c001.groups.common": { earned: 25.5 } }));
    expect(r).toMatchObject({ passed: true, checked: 3, failures: [], issues: [] });
  });

  it("names the file, the case, the path, expected and actual, and the trace lines behind it", () => {
    const r = one(scoreCase({ "results.c001.total": 86.4, "results.c001.indicators.collection.earned": 38.5 }), { locale: "en" });
    expect(r.passed).toBe(false);
    expect(r.failures[0]).toMatchObject({ file: "case.yaml", case: "张伟", path: "results.c001.total", expected: "86.4", actual: "86.3" });
    expect(r.failures[0]!.trace).toContain("total · adjust: base 85.3, bonus 1, deduction 0 → 86.3");
    expect(r.failures[1]!.trace).toEqual([
      "indicator:collection · completion: actual 96.5, target 100, direction higher, ratio 0.965, cap 1, fraction 0.965, points 40 → 38.6",
      "indicator:collection · round: value 38.6, decimals 2, mode half-up → 38.6",
    ]);
    expect(formatScenarioFailure(r.failures[1]!, { locale: "en" }).split("\n")[0]).toBe("case.yaml › 张伟 › results.c001.indicators.collection.earned: expected 38.5, got 38.6");
  });

  it("shows a group's indicators for a group path, and a missing path as nothing", () => {
    const r = one(scoreCase({ "results.c001.groups.common.earned": 25, "results.c009.total": 1 }), { locale: "en" });
    expect(r.failures[0]!.trace.filter((l) => l.startsWith("indicator:")).map((l) => l.split(" ")[0])).toEqual([
      "indicator:attendance",
      "indicator:attendance",
      "indicator:study",
      "indicator:study",
      "indicator:political",
      "indicator:political",
    ]);
    expect(r.failures[1]).toMatchObject({ path: "results.c009.total", actual: "(nothing)" });
  });

  it("allows a margin per case and per path, exactly", () => {
    expect(one(scoreCase({ "results.c001.total": 86.35 }, { margin: 0.05 })).passed).toBe(true);
    expect(one(scoreCase({ "results.c001.total": 86.36 }, { margin: "0.05" })).failures[0]!.margin).toBe("0.05");
    expect(one(scoreCase({ "results.c001.total": 86.4, "results.c001.base": 85.2 }, { margins: { "results.c001.total": 0.1 } })).failures.map((f) => f.path)).toEqual(["results.c001.base"]);
  });

  it("explains a tier with the tier reason, a rank with the entry, a credit with its trace, a target with its lineage", () => {
    const tiers = one({ name: "t", run: "tiers", rules: { tierPolicy: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.2 }] } }, input: { scores: { c1: 90, c2: 85, c3: 85, c4: 70, c5: 60 } }, expect: { "tiers.c5": "中", "ranks.c3": 3 } }, { locale: "en" });
    expect(tiers.failures[0]!.trace[0]).toBe('c5 is placed in "差"');
    expect(tiers.failures[1]!.trace).toEqual(["c3: score 85, rank 2, position 3 of 5, tied with c2"]);
    const board = { id: "b", period: "2024-Q3", difficulty: { 高: 1.5 }, tasks: [{ id: "T1", title: "清欠", difficulty: "高", points: 2, post: "征管岗", published: "2024-07-01", deadline: "2024-08-31" }] };
    const tasks = one({ name: "k", run: "tasks", rules: { board }, input: { staff: [{ id: "s1", posts: ["征管岗"] }], grabs: [], completions: [{ task: "T1", person: "s1", quality: 1 }] }, expect: { "credits.s1": 2 } }, { locale: "en" });
    expect(tasks.failures[0]!.actual).toBe("3");
    expect(tasks.failures[0]!.trace[0]).toMatch(/^task:T1 · credit: points 2, coefficient 1.5, base 3, .* → 3$/);
    const plan = { id: "p", indicators: [{ id: "rev", points: 40, target: 100, decimals: 0, method: { type: "completion", target: 100 }, steps: [{ how: "split", by: "base", base: { A: 2, B: 1 } }] }] };
    const tree = [{ id: "P", level: "province" }, { id: "A", level: "city", parent: "P" }, { id: "B", level: "city", parent: "P" }];
    const c = one({ name: "c", run: "cascade", rules: { plan }, input: { tree }, expect: { "targets.A.rev": 66, "targets.B.rev": 33 } }, { locale: "en" });
    expect(c.failures).toHaveLength(1);
    expect(c.failures[0]).toMatchObject({ path: "targets.A.rev", expected: "66", actual: "67", trace: ["lineage: P 100 (plan) → A 67 (split:base)"] });
  });

  it("fails a case whose rules are rejected, with the issues at the case's paths", () => {
    const r = one({ name: "bad", run: "score", rules: { scheme: { id: "x", full: 100, groups: [] } }, input: { subjects: [{ id: "a", values: { x: "NaN" } }] }, expect: { "results.a.total": 1 } });
    expect(r.passed).toBe(false);
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([["out_of_range", "rules.scheme.groups (指标组): must be at least 1 item; it has 0"]]);
    const s = one(scoreCase({ "results.c001.total": 1 }, { input: { subjects: [{ ...c001, values: { ...c001.values, study: "良好" } }] } }));
    expect(s.issues[0]!.path).toEqual(["input", "subjects", 0, "values", "study"]);
  });

  it("lets a case expect the rejection", () => {
    const r = one(scoreCase({ "error.issues[0].code": "unknown_grade", "error.issues[0].path": "input.subjects[0].values.study" }, { input: { subjects: [{ ...c001, values: { ...c001.values, study: "良好" } }] } }));
    expect(r.passed).toBe(true);
    expect(one(scoreCase({ "error.issues[0].code": "unknown_grade" })).failures[0]).toMatchObject({ actual: "(nothing)" });
  });

  it("needs a loader for paths, and reports what the loader throws", () => {
    expect(one(scoreCase({ "results.c001.total": 86.3 }, { rules: { scheme: "scheme.json" } })).issues[0]!.message).toMatch(/^rules\.scheme: is the file path "scheme\.json"; give the document inline/);
    const loaded = one(scoreCase({ "results.c001.total": 86.3 }, { rules: { scheme: "scheme.json" } }), { load: (p: string) => (p === "scheme.json" ? county361Example : undefined) });
    expect(loaded.passed).toBe(true);
    const thrown = one(scoreCase({ "results.c001.total": 86.3 }, { rules: { scheme: "x.json" } }), {
      load: () => {
        throw new Error("disk on fire");
      },
    });
    expect(thrown.issues[0]!.message).toMatch(/^rules\.scheme: failed unexpectedly \(disk on fire\)/);
  });

  it("runs the same whatever the order of the subjects", () => {
    const subjects = [c001, { id: "c002", values: { attendance: 0, study: "优", political: 92, collection: "104.2", backlog: 0, grabbed: 9.5 } }];
    const a = one(scoreCase({ "results.c002.total": 99.5, "results.c001.total": 86.3 }, { input: { subjects } }));
    const b = one(scoreCase({ "results.c002.total": 99.5, "results.c001.total": 86.3 }, { input: { subjects: [...subjects].reverse() } }));
    expect(a).toEqual(b);
    expect(a.passed).toBe(true);
  });

  it("reports files and counts, as text", () => {
    const report = summarizeScenarios([runScenario({ name: "排名", cases: [{ name: "ties share a rank", run: "rank", input: { scores: { a: 90, b: 95, c: 90 } }, expect: { "ranks.b": 1, "ranks.c": 3 } }] }, { file: "ranks.yaml", locale: "en" })]);
    expect(report.counts).toEqual({ files: 1, cases: 1, passed: 0, failed: 1 });
    expect(formatScenarioReport(report, { locale: "en" })).toMatchInlineSnapshot(`
      "✗ ranks.yaml — 排名
        ✗ ties share a rank
            ranks.c: expected 3, got 2
                c: score 90, rank 2, position 3 of 3, tied with a

      1 case: 0 passed, 1 failed (1 file)"
    `);
    expect(issuesOf(() => formatScenarioReport({} as never)).length).toBeGreaterThan(0);
    expect(issuesOf(() => runScenario({ cases: [] }, { load: 5 } as never)).length).toBeGreaterThan(0);
  });
});

describe("the scenario JSON Schema", async () => {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const { cascadePlanJsonSchema, lastPlacePolicyJsonSchema, schemeJsonSchema, taskBoardJsonSchema, tierPolicyJsonSchema } = await import("../../src/index.js");
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(schemeJsonSchema(), "scheme.schema.json");
  ajv.addSchema(tierPolicyJsonSchema(), "tier-policy.schema.json");
  ajv.addSchema(lastPlacePolicyJsonSchema(), "last-place-policy.schema.json");
  ajv.addSchema(taskBoardJsonSchema(), "task-board.schema.json");
  ajv.addSchema(cascadePlanJsonSchema(), "cascade-plan.schema.json");
  const validate = ajv.compile(scenarioJsonSchema());

  it("is published", () => {
    expect(JSON.parse(readFileSync("docs/schema/scenario.schema.json", "utf8"))).toEqual(scenarioJsonSchema());
  });

  it("accepts inline rules by their own schemas and rejects what defineScenario rejects by shape", () => {
    expect(validate({ cases: [scoreCase({ "results.c001.total": 86.3 })] })).toBe(true);
    expect(validate({ cases: [scoreCase({ "results.c001.total": 86.3 }, { rules: { scheme: { ...county361Example, full: -1 } } })] })).toBe(false);
    expect(validate({ cases: [{ ...scoreCase({ a: 1 }), run: "nope" }] })).toBe(false);
    expect(validate({ cases: [{ ...scoreCase({ a: 1 }), margin: -1 }] })).toBe(false);
    expect(validate({ cases: [scoreCase({ a: 1 }, { extra: 1 })] })).toBe(false);
  });
});

describe("hostile scenario input", () => {
  const endsWell = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (!isJixiaoError(error)) throw error;
      expect(error.issues.length).toBeGreaterThan(0);
    }
  };

  it("never fails with anything but a JixiaoError, whatever the document", async () => {
    const fc = (await import("fast-check")).default;
    const run = fc.constantFrom("score", "rank", "tiers", "last-place", "tasks", "cascade");
    const anyCase = fc.record({ name: fc.string(), run, rules: fc.dictionary(fc.constantFrom("scheme", "rank", "tierPolicy", "lastPlace", "board", "plan", "credit"), fc.jsonValue()), input: fc.dictionary(fc.constantFrom("subjects", "scores", "staff", "grabs", "tree", "results", "completions"), fc.jsonValue()), expect: fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }) });
    fc.assert(fc.property(fc.array(anyCase, { minLength: 1, maxLength: 3 }), (cases) => endsWell(() => runScenario({ cases } as never))), { numRuns: runs(300) });
    fc.assert(fc.property(fc.anything(), (doc) => endsWell(() => runScenario(doc as never))), { numRuns: runs(200) });
  });

  it("takes NaN, Infinity, huge numbers and __proto__ keys as issues or plain data", () => {
    const cases = [
      { name: "nan", run: "rank", input: { scores: { a: Number.NaN } }, expect: { "ranks.a": 1 } },
      { name: "huge", run: "rank", input: { scores: { a: "1e400", b: 1e300 } }, expect: { "ranks.a": 1 } },
      { name: "deep", run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": JSON.parse(`${"[".repeat(200)}1${"]".repeat(200)}`) } },
      { name: "margin", run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": 1 }, margin: "1e999" },
    ];
    for (const c of cases) endsWell(() => runScenario({ cases: [c] } as never));
    const report = runScenario({ cases: cases.slice(0, 3) } as never);
    expect(report.cases.map((c) => c.passed)).toEqual([false, false, false]);
    // An own __proto__ key anywhere in the document refuses the document, at its path.
    const proto = { name: "proto", run: "rank", input: { scores: JSON.parse('{"__proto__": 1, "a": 2}') }, expect: { "ranks.a": 1 } };
    expect(issuesOf(() => runScenario({ cases: [proto] } as never)).map((i) => [i.code, i.path])).toEqual([["reserved_key", ["cases", 0, "input", "scores", "__proto__"]]]);
    expect(report.cases[0]!.issues[0]!.message).toMatch(/^input\.scores/);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});

describe("reports in Chinese", () => {
  it("words the trace lines behind a failure in Chinese, with the indicators' and groups' names", () => {
    const r = one(scoreCase({ "results.c001.total": 86.4, "results.c001.indicators.collection.earned": 38.5 }));
    expect(r.failures[0]!.trace).toContain("总分 · 加减分：基数 85.3，加分 1，减分 0 → 86.3");
    expect(r.failures[0]!.trace).toContain("总分 · 合计：共性指标 25.5，个性指标 52.6，竞争性指标 7.2 → 85.3");
    expect(r.failures[1]!.trace).toEqual([
      "征收任务完成率（collection） · 完成率计分：实际值 96.5，目标值 100，方向 越高越好，比率 0.965，上限 1，得分比例 0.965，分值 40 → 38.6",
      "征收任务完成率（collection） · 舍入：数值 38.6，小数位数 2，舍入方式 四舍五入 → 38.6",
    ]);
    const vetoed = one(scoreCase({ "results.c001.total": 1 }, { input: { subjects: [{ ...c001, vetoes: [{ id: "discipline", reason: "违纪" }] }] } }));
    expect(vetoed.failures[0]!.trace).toContain("否决项「违纪违法」 · 否决：效果 归零，原值 86.3，原因 违纪 → 0");
  });

  it("words ranks, lineages and credits in Chinese", () => {
    const tiers = one({ name: "t", run: "tiers", rules: { tierPolicy: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.2 }] } }, input: { scores: { c1: 90, c2: 85, c3: 85, c4: 70, c5: 60 } }, expect: { "ranks.c3": 3 } });
    expect(tiers.failures[0]!.trace).toEqual(["c3：得分 85，名次 2，位次 3/5，与 c2 并列"]);
    const plan = { id: "p", indicators: [{ id: "rev", points: 40, target: 100, decimals: 0, method: { type: "completion", target: 100 }, steps: [{ how: "split", by: "base", base: { A: 2, B: 1 } }] }] };
    const tree = [{ id: "P", level: "province" }, { id: "A", level: "city", parent: "P" }, { id: "B", level: "city", parent: "P" }];
    expect(one({ name: "c", run: "cascade", rules: { plan }, input: { tree }, expect: { "targets.A.rev": 66 } }).failures[0]!.trace).toEqual(["分解路径：P 100（方案） → A 67（按基数拆分）"]);
    const board = { id: "b", period: "2024-Q3", difficulty: { 高: 1.5 }, tasks: [{ id: "T1", title: "清欠", difficulty: "高", points: 2, post: "征管岗", published: "2024-07-01", deadline: "2024-08-31" }] };
    const tasks = one({ name: "k", run: "tasks", rules: { board }, input: { staff: [{ id: "s1", posts: ["征管岗"] }], grabs: [], completions: [{ task: "T1", person: "s1", quality: 1 }] }, expect: { "credits.s1": 2 } });
    expect(tasks.failures[0]!.trace[0]).toMatch(/^任务 T1 · 积分：分值 2，难度系数 1\.5，基数 3，.*方式 派单.* → 3$/);
  });

  it("words a last-place deduction's reason and the task reasons behind a failure, in Chinese and in English", () => {
    const lastPlace = { name: "lp", run: "last-place" as const, rules: { lastPlace: { deductions: [1] } }, input: { scores: { c1: 90, c2: 80, c3: 70 } }, expect: { "deductions.c3": 2 } };
    const board = {
      id: "b",
      period: "2024-Q3",
      difficulty: { 高: 1.5 },
      tasks: [
        { id: "T1", title: "清欠", difficulty: "高", points: 2, post: "征管岗", published: "2024-07-01", deadline: "2024-08-31" },
        { id: "T2", title: "辅导", difficulty: "高", points: 2, post: "税源管理岗", published: "2024-07-01", deadline: "2024-08-31" },
      ],
    };
    const tasks = { name: "k", run: "tasks" as const, rules: { board }, input: { staff: [{ id: "s1", posts: ["征管岗"] }], grabs: [] }, expect: { "status.T2": "assigned", "owners.T1": ["s2"] } };
    const traces = (locale?: "en") => [one(lastPlace, locale ? { locale } : {}), one(tasks, locale ? { locale } : {})].flatMap((c) => c.failures.map((f) => [f.path, f.trace]));
    expect(traces()).toEqual([
      ["deductions.c3", ["c3：末位扣分：同组 3 人中排末位"]],
      ["status.T2", ["T2：无人抢单，也没有人在「税源管理岗」岗位"]],
      ["owners.T1[0]", ["s1：在「征管岗」岗位的 1 人中负荷最轻（负荷 0）"]],
    ]);
    expect(traces("en")).toEqual([
      ["deductions.c3", ["c3: last-place deduction: last of 3"]],
      ["status.T2", ["T2: nobody grabbed it and no one holds the post 税源管理岗"]],
      ["owners.T1[0]", ["s1: holds 征管岗; the least loaded of 1 (load 0)"]],
    ]);
    const report = summarizeScenarios([runScenario({ cases: [lastPlace] }, { file: "case.yaml" })]);
    expect(formatScenarioReport(report).split("\n").slice(2, 4)).toEqual(["      deductions.c3：期望 2，实际 1", "          c3：末位扣分：同组 3 人中排末位"]);
  });

  it("writes the report and a failure in Chinese by default", () => {
    const report = summarizeScenarios([
      runScenario(
        { name: "排名", cases: [{ name: "并列", run: "rank", input: { scores: { a: 90, b: 95, c: 90 } }, expect: { "ranks.b": 1, "ranks.c": 3, "ranks.x": 1 } }, { name: "通过", run: "rank", input: { scores: { a: 1 } }, expect: { "ranks.a": 1 } }] },
        { file: "ranks.yaml", locale: "zh-CN" },
      ),
    ]);
    expect(formatScenarioReport(report)).toBe(
      [
        "✗ ranks.yaml — 排名",
        "  ✗ 并列",
        "      ranks.c：期望 3，实际 2",
        "          c：得分 90，名次 2，位次 3/3，与 a 并列",
        "      ranks.x：期望 1，实际没有这个值",
        "  ✓ 通过",
        "",
        "共 2 个用例：1 个通过，1 个未通过（1 个文件）",
      ].join("\n"),
    );
    const failure = report.files[0]!.cases[0]!.failures[0]!;
    expect(formatScenarioFailure({ ...failure, margin: "0.05" })).toBe("ranks.yaml › 并列 › ranks.c：期望 3，实际 2（允许误差 ±0.05）\n    c：得分 90，名次 2，位次 3/3，与 a 并列");
    expect(formatScenarioFailure(report.files[0]!.cases[0]!.failures[1]!, { locale: "en" })).toBe("ranks.yaml › 并列 › ranks.x: expected 1, got (nothing)");
    expect(issuesOf(() => formatScenarioReport(report, { locale: "fr" } as never)).length).toBeGreaterThan(0);
  });

  it("writes a report's issues by their English words where their data cannot be worded (a report read back or edited by hand)", () => {
    const odd = [
      { code: "invalid_input", path: [], params: { key: "constructor" }, message: "a: one" },
      { code: "invalid_type", path: ["x"], params: { key: "wants", want: "nope", received: 5 }, message: "a: two" },
      { message: "a: three" },
    ];
    const report = { passed: false, files: [{ file: "a.yaml", passed: false, cases: [], issues: odd }], counts: { files: 1, cases: 0, passed: 0, failed: 1 } };
    expect(formatScenarioReport(report as never).split("\n").slice(1, 4)).toEqual(["    a: one", "    a: two", "    a: three"]);
  });

  it("words the issues of a case and of a scenario document in Chinese", () => {
    const bad = one({ name: "bad", run: "score", rules: { scheme: { id: "x", full: 100, groups: [] } }, input: { subjects: [] }, expect: { "results.a.total": 1 } });
    const report = summarizeScenarios([{ file: "a.yaml", passed: false, cases: [bad], issues: [] }]);
    expect(formatScenarioReport(report).split("\n")[2]).toBe("      rules.scheme.groups（指标组）：应不小于 1 项，实际有 0 项");
    expect(formatIssue(one(scoreCase({ "results.c001.total": 86.3 }, { rules: { scheme: "scheme.json" } })).issues[0]!)).toBe(
      "rules.scheme：是文件路径「scheme.json」；请直接写入内容，或用 verifyScenarios（jixiao/node）运行此文件，由它读取",
    );
    const issues = issuesOf(() =>
      defineScenario({
        cases: [
          { name: "a", run: "score", input: { subjects: 5 }, expect: { x: 1 } },
          { name: "a", run: "tiers", input: { scores: {}, subjects: [] }, expect: { "x..y": 1 }, margins: { z: 1 } },
          { name: "c", run: "rank", input: {}, expect: { x: 1 } },
          { name: "d", run: "cascade", rules: { plan: {}, rollUp: {} }, input: { tree: [] }, expect: { x: 1 } },
        ],
      } as unknown as ScenarioDocument),
    );
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "cases[0].input.subjects：应为列表，或存放它的文件的路径",
      "cases[0].rules.scheme：运行 score 时必填",
      "cases[1].name：用例名称「a」与 cases[0] 重复；同一文件中的用例名称不能重复",
      "cases[1].rules.tierPolicy：运行 tiers 时必填",
      "cases[1].input：同时给出了 subjects 和 scores；只能给其中一个",
      'cases[1].expect["x..y"]：路径第 3 个字符处的键为空',
      "cases[1].margins.z：不是 expect 中的路径",
      "cases[2].input：需要 scores，或者 subjects 加上用于计分的 rules.scheme",
      "cases[3].input：按 rules.rollUp 汇总 input.results：两者要么都给，要么都不给",
    ]);
  });
});
