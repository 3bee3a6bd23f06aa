/**
 * Valid inputs the fuzz suite starts from, taken from the examples, presets and tests. Plain JSON
 * data (no functions), so they can be copied and mutated.
 */
import { readFileSync } from "node:fs";
import { county361Example, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { copy } from "./fuzz.js";

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** examples/rules/county-361.scheme.json as text and as data. */
export const SCHEME_TEXT = file("examples/rules/county-361.scheme.json");
export const SCHEME: SchemeConfig = JSON.parse(SCHEME_TEXT);
/** examples/rules/subjects.json. */
export const SUBJECTS_TEXT = file("examples/rules/subjects.json");
export const SUBJECTS: SubjectInput[] = JSON.parse(SUBJECTS_TEXT);
/** examples/rules/tiers-20-10.policy.json. */
export const TIER_POLICY_TEXT = file("examples/rules/tiers-20-10.policy.json");
/** examples/rules/county-tasks.board.json. */
export const BOARD_TEXT = file("examples/rules/county-tasks.board.json");
/** examples/rules/city-2024.plan.yaml. */
export const PLAN_YAML = file("examples/rules/city-2024.plan.yaml");
/** The scenario files of examples/scenarios. */
export const SCENARIOS = ["account", "cascade", "last-place", "score-361", "tasks", "tiers"].map((name) => ({ name, text: file(`examples/scenarios/${name}.yaml`) }));
/** The 361 preset as plain data. */
export const COUNTY361: SchemeConfig = copy(county361Example);

/** One scheme with every JSON method: test/explain/every-method.test.ts's, with a `direct` indicator in place of its second lower-is-better completion. */
export const EVERY: SchemeConfig = {
  id: "every",
  full: 100,
  rounding: { indicator: { decimals: 2, mode: "half-even" }, total: { decimals: 1, mode: "down" } },
  adjustments: { bonus: { cap: 1 }, deduction: { cap: 2 } },
  vetoes: [{ id: "warn", name: "诫勉", effect: "cap", cap: 60 }, { id: "note", name: "通报", effect: "flag" }],
  groups: [
    {
      id: "a",
      name: "甲组",
      points: 50,
      indicators: [
        { id: "c1", name: "完成率", points: 5, method: { type: "completion", target: 80, cap: 0.9 } },
        { id: "c2", name: "欠税率", points: 5, method: { type: "completion", target: 5, direction: "lower" } },
        { id: "b1", name: "积压", points: 5, method: { type: "band", best: 0, worst: 10, worstFraction: 0.2 } },
        { id: "s1", name: "政治", points: 5, method: { type: "steps", steps: [{ atLeast: 90, fraction: 1 }, { atLeast: 60, points: 2.5 }] } },
        { id: "s2", name: "培训", points: 5, method: { type: "steps", steps: [{ atLeast: 90, fraction: 1 }] } },
        { id: "g1", name: "学习", points: 5, method: { type: "grade", grades: { 优: 1, 良: 0.85 } } },
        { id: "d1", name: "考勤", points: 5, method: { type: "deduction", per: 2, max: 4, floor: 1.5 } },
        { id: "x1", name: "加分项", points: 5, method: { type: "bonus", per: 2 } },
        { id: "v1", name: "测评", points: 5, method: { type: "votes", grades: { 优秀: 1, 称职: 0.8, 不称职: 0 }, flag: { id: "third", name: "不称职票三分之一", grades: ["不称职"], atLeast: "1/3" } } },
        { id: "z1", name: "其他", points: 5, method: { type: "direct" } },
      ],
    },
    {
      id: "b",
      name: "乙组",
      points: 50,
      indicators: [
        { id: "r1", name: "办件排名", points: 10, method: { type: "rank", step: 3, floor: 5 } },
        { id: "r2", name: "入库排名", points: 10, method: { type: "rank", proportional: true } },
        { id: "t1", name: "领导评鉴", points: 10, method: { type: "direct", scale: 100 } },
        { id: "t2", name: "抢单", points: 10, method: { type: "direct" } },
        { id: "n1", name: "专项", points: 10, method: { type: "direct" } },
      ],
    },
  ],
};

const everyValues = { c1: 90, c2: 3, b1: 4, s1: 70, s2: 10, g1: "良", d1: 5, x1: 4, v1: { 优秀: 4, 称职: 1, 不称职: 3 }, z1: "2.5", t1: 92.5, t2: 8, n1: { na: true, reason: "未参加" } };
/** Subjects for {@link EVERY}. */
export const EVERY_SUBJECTS: SubjectInput[] = [
  {
    id: "p1",
    name: "张三",
    group: "科员",
    attributes: { department: "征管" },
    values: { ...everyValues, r1: 30, r2: 40 },
    bonus: [{ points: 0.5, reason: "a" }, { points: 1, reason: "c", indicator: "t2" }],
    deductions: [{ points: 3, reason: "d" }],
    vetoes: ["warn", { id: "note", reason: "通报一次" }],
  },
  { id: "p2", values: { ...everyValues, r1: 50, r2: 80 } },
  { id: "p3", values: { ...everyValues, r1: 50, r2: "80.5", c1: null } },
];

/** Totals to rank, with groups, attributes, vetoes and flags. */
export const RANKABLES = [
  { subjectId: "c01", total: 96, group: "科员", attributes: { department: "征管股", level: 2, acting: true }, groups: [{ id: "a", earned: 40 }], indicators: [{ id: "x", earned: 9.5 }] },
  { subjectId: "c02", total: 88.2, group: "科员", attributes: { department: "征管股" }, flags: [{ id: "one-third-incompetent" }] },
  { subjectId: "c03", total: "88.2", group: "科长", attributes: { department: "征管股" } },
  { subjectId: "c04", total: 83.5, group: "科员", attributes: { department: "纳服股" }, vetoes: [{ id: "party" }] },
  { subjectId: "c05", total: 78, group: "科长", attributes: { department: "纳服股" } },
  { subjectId: "c06", total: 68.5, group: "科员", attributes: { department: "纳服股" } },
  { subjectId: "c07", total: 68.5, group: "科长", attributes: { department: "纳服股" } },
];

/** A task board (test/tasks/credit.test.ts), staff and grabs. */
export const TASK_BOARD = {
  id: "zx-2023-Q3",
  period: "2023-Q3",
  difficulty: { high: 1.5, medium: 1.2, low: 1 },
  tasks: [
    { id: "t1", title: "任务 t1", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" },
    { id: "t2", title: "任务 t2", difficulty: "medium", points: "2.5", seats: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" },
    { id: "t3", title: "任务 t3", difficulty: "low", points: 1, seats: 3, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" },
    { id: "t4", title: "任务 t4", difficulty: "low", points: 4, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" },
    { id: "t5", title: "任务 t5", difficulty: "high", points: 2, post: "稽查岗", published: "2023-07-03", deadline: "2023-07-31" },
  ],
};
export const STAFF = ["p1", "p2", "p3", "p4"].map((id) => ({ id, name: `员工${id}`, posts: ["征管岗"], department: "征管股" }));
export const GRABS = [
  { task: "t1", person: "p1", at: "2023-07-03T09:00" },
  { task: "t2", person: "p1", at: "2023-07-04T09:00" },
  { task: "t2", person: "p2", at: "2023-07-04T09:01" },
  { task: "t3", person: "p3", at: "2023-07-05T09:00" },
  { task: "t3", person: "p1", at: "2023-07-05T09:01" },
  { task: "t9", person: "p2", at: "2023-07-05T09:02" },
];
export const COMPLETIONS = [
  { task: "t1", person: "p1", quality: "优" },
  { task: "t2", person: "p1", quality: "良", share: 0.5 },
  { task: "t2", person: "p2", quality: "良", share: 0.5 },
  { task: "t3", person: "p3", quality: 1, completed: "2023-08-02" },
  { task: "t4", person: "p4", quality: 0.8 },
];
export const CREDIT_POLICY = { qualityGrades: { 优: 1, 良: 0.85, 中: 0.7 }, assignedFactor: 0.8, lateFactor: 0.5, cap: 10 };

/** An organization tree (test/cascade/rollup.test.ts) and a plan of every step. */
export const ORG_UNITS = [
  { id: "P", level: "province" },
  { id: "C1", level: "city", parent: "P", name: "甲市", departments: [{ id: "C1/征管科", name: "征管科" }] },
  { id: "C2", level: "city", parent: "P" },
  { id: "K11", level: "county", parent: "C1" },
  { id: "K12", level: "county", parent: "C1" },
  { id: "K21", level: "county", parent: "C2" },
  { id: "K22", level: "county", parent: "C2" },
];
export const UNIT_RESULTS = [
  { unit: "K11", indicator: "revenue", actual: 110, target: 100 },
  { unit: "K12", indicator: "revenue", actual: 87, target: 100 },
  { unit: "K21", indicator: "revenue", actual: 60, target: 50 },
  { unit: "K22", indicator: "revenue", actual: "40", target: "50" },
  { unit: "K11", indicator: "rate", actual: 0.9, target: 100 },
  { unit: "K12", indicator: "rate", actual: 0.8, target: 300 },
  { unit: "K21", indicator: "rate", actual: 1, target: 50 },
  { unit: "K22", indicator: "rate", actual: 0.5, target: 50 },
];

/** Ledger entries (test/personnel/fixtures.ts, shortened). */
export const ENTRIES = [
  { id: "e00", person: "c001", date: "2023-12-31T23:59", component: "everyday", points: 5, source: "月度考核" },
  { id: "e01", person: "c001", date: "2024-01-31", component: "everyday", points: 8.5, source: "月度考核" },
  { id: "e02", person: "c001", date: "2024-02-29", component: "everyday", points: "9.25", source: "月度考核" },
  { id: "e03", person: "c001", date: "2024-03-31T16:30:00Z", component: "everyday", points: 8.75, source: "月度考核" },
  { id: "e04", person: "c001", date: "2024-03-15", component: "recognition", points: 2, source: "公认评价" },
  { id: "e09", person: "c001", date: "2024-08-31", component: "everyday", points: "7.95", source: "月度考核" },
  { id: "e14", person: "c001", date: "2024-09-10", component: "ability", points: 1.5, source: "业务能力", reference: "测试-2024-3" },
  { id: "e15", person: "c001", date: "2024-11-05", component: "recognition", points: -0.5, source: "公认评价", note: "群众投诉" },
  { id: "x1", person: "c001", date: "2024-09-05", corrects: "e09", action: "amend", points: "8.45", source: "复核" },
  { id: "x2", person: "c001", date: "2024-12-20", corrects: "e14", action: "reverse", source: "复核" },
  { id: "f01", person: "c002", date: "2024-01-15", component: "everyday", points: 7, source: "月度考核" },
];
