import { describe, expect, it } from "vitest";
import {
  explainTaskReason,
  allocateTasks,
  county361Example,
  creditOf,
  creditTasks,
  defineScheme,
  defineTaskBoard,
  safeScoreAll,
  scoreAll,
  taskStatistics,
  type StaffMember,
  type TaskConfig,
} from "../../src/index.js";
import { ZG, NF, task as baseTask } from "./fixtures.js";


const task = (id: string, over: Partial<TaskConfig> = {}): TaskConfig => baseTask(id, { deadline: "2023-08-31", ...over });

describe("a quarter end to end: board → grabs → credit → the competitive indicator → the personal score", () => {
  const board = defineTaskBoard({
    id: "zx-2023-Q3",
    period: "2023-Q3",
    difficulty: { high: 1.5, medium: 1.2, low: 1 },
    tasks: [
      task("q1", { difficulty: "high", points: 4 }), // 6
      task("q2", { difficulty: "medium", points: "2.5", seats: 2 }), // 3
      task("q3", { difficulty: "high", points: 2 }), // 3
      task("q4", { points: 2, post: NF }), // 2, nobody grabs it
      task("q5", { difficulty: "medium", points: 5, deadline: "2023-09-15" }), // 6
    ],
  });
  const staff: StaffMember[] = [
    { id: "c001", name: "张伟", posts: [ZG] },
    { id: "c002", name: "李娜", posts: [ZG, NF] },
    { id: "c003", name: "王芳", posts: [NF] },
  ];
  const allocation = allocateTasks(board, [
    { task: "q1", person: "c002", at: "2023-07-03T09:00:30" },
    { task: "q1", person: "c001", at: "2023-07-03T09:00:00" },
    { task: "q2", person: "c002", at: "2023-07-04T10:00" },
    { task: "q2", person: "c001", at: "2023-07-04T10:01" },
    { task: "q3", person: "c001", at: "2023-07-05T08:00" },
    { task: "q5", person: "c001", at: "2023-07-06T08:00" },
  ], staff);
  const completions = [
    { task: "q1", person: "c001", quality: 1 }, // 6
    { task: "q2", person: "c001", quality: 1, share: 0.6 }, // 3 × 0.6 = 1.8
    { task: "q2", person: "c002", quality: 1, share: 0.4 }, // 3 × 0.4 = 1.2
    { task: "q3", person: "c001", quality: "良" }, // 3 × 0.8 = 2.4
    { task: "q5", person: "c001", quality: 1, completed: "2023-09-16T10:00" }, // late: 6 × 0.5 = 3
    { task: "q4", person: "c003", quality: 1 }, // assigned: 2 × 0.8 = 1.6
  ];
  const policy = { qualityGrades: { 优: 1, 良: 0.8, 中: 0.6 }, assignedFactor: 0.8, lateFactor: 0.5, cap: 10 };
  const credits = creditTasks(board, allocation, completions, policy);

  it("allocates the quarter: q1 to the earlier grab, q4 assigned to the only 纳服岗 holder with no load", () => {
    expect(allocation.tasks.map((t) => [t.task, t.status, t.owners.map((o) => `${o.person}:${o.how}`)])).toEqual([
      ["q1", "grabbed", ["c001:grabbed"]],
      ["q2", "grabbed", ["c002:grabbed", "c001:grabbed"]],
      ["q3", "grabbed", ["c001:grabbed"]],
      ["q4", "assigned", ["c003:assigned"]],
      ["q5", "grabbed", ["c001:grabbed"]],
    ]);
    // c002 holds 纳服岗 too but carries 3 (q2); c003 carries 0.
    expect(allocation.tasks[3]!.owners[0]!.reason).toEqual({ kind: "least_loaded", post: "纳服岗", candidates: 2, load: "0" });
    expect(explainTaskReason(allocation.tasks[3]!.owners[0]!.reason!, { locale: "en" })).toBe("holds 纳服岗; the least loaded of 2 (load 0)");
    expect(explainTaskReason(allocation.tasks[3]!.owners[0]!.reason!)).toBe("在「纳服岗」岗位的 2 人中负荷最轻（负荷 0）");
  });

  it("credits each person, capping c001 at 10 with 3.2 shown as excess", () => {
    expect(credits.people.map(({ person, total, applied, excess }) => ({ person, total, applied, excess }))).toEqual([
      { person: "c001", total: 13.2, applied: 10, excess: 3.2 },
      { person: "c002", total: 1.2, applied: 1.2, excess: 0 },
      { person: "c003", total: 1.6, applied: 1.6, excess: 0 },
    ]);
    expect(credits.people[0]!.credits.map((c) => [c.task, c.credit, c.late])).toEqual([
      ["q1", 6, false],
      ["q2", 1.8, false],
      ["q3", 2.4, false],
      ["q5", 3, true],
    ]);
    expect(["c001", "c002", "c003", "c004"].map((p) => creditOf(credits, p))).toEqual([10, 1.2, 1.6, 0]);
    expect(credits.uncompleted).toEqual([]);
  });

  it("feeds creditOf into the direct indicator `grabbed` of county361Example: totals worked out by hand", () => {
    const scheme = defineScheme(county361Example);
    const subjects = [
      // attendance 2 → 10 − 2 × 0.5 = 9; study 良 → 10 × 0.85 = 8.5; political 88 → 10 × 0.8 = 8;
      // collection 96.5 → 40 × 0.965 = 38.6; backlog 3 → 20 × (10 − 3) ÷ 10 = 14; grabbed 10 → 10.
      // 9 + 8.5 + 8 + 38.6 + 14 + 10 = 88.1
      { id: "c001", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: creditOf(credits, "c001") } },
      // attendance 0 → 10; study 优 → 10; political 92 → 10; collection 110 → 40 (capped at 1);
      // backlog 5 → 20 × 5 ÷ 10 = 10; grabbed 1.2. 10 + 10 + 10 + 40 + 10 + 1.2 = 81.2
      { id: "c002", values: { attendance: 0, study: "优", political: 92, collection: 110, backlog: 5, grabbed: creditOf(credits, "c002") } },
      // attendance 4 → 8; study 中 → 7; political 70 → 5; collection 80 → 32; backlog 10 → 0; grabbed 1.6.
      // 8 + 7 + 5 + 32 + 0 + 1.6 = 53.6
      { id: "c003", values: { attendance: 4, study: "中", political: 70, collection: 80, backlog: 10, grabbed: creditOf(credits, "c003") } },
    ];
    const results = scoreAll(scheme, subjects);
    expect(results.map((r) => [r.subjectId, r.total])).toEqual([
      ["c001", 88.1],
      ["c002", 81.2],
      ["c003", 53.6],
    ]);
    const grabbed = (id: string) => results.find((r) => r.subjectId === id)!.indicators.find((i) => i.id === "grabbed")!.earned;
    expect([grabbed("c001"), grabbed("c002"), grabbed("c003")]).toEqual([10, 1.2, 1.6]);
  });

  it("without the cap, c001's 13.2 would not fit the 10-point competitive indicator", () => {
    const uncapped = creditTasks(board, allocation, completions, { ...policy, cap: undefined } as never);
    expect(creditOf(uncapped, "c001")).toBe(13.2);
    const r = safeScoreAll(county361Example, [{ id: "c001", values: { attendance: 0, study: "优", political: 92, collection: 100, backlog: 0, grabbed: creditOf(uncapped, "c001") } }]);
    expect(r.success).toBe(false);
  });

  it("reports the quarter's statistics", () => {
    const s = taskStatistics(allocation, staff, { credits, thresholds: [7] });
    expect(s).toMatchObject({
      published: 5,
      grabbed: 4,
      partlyGrabbed: 0,
      assigned: 1,
      unowned: 0,
      grabs: { made: 6, seated: 5, rejected: { no_seat: 1 } },
      tookPart: 2,
      tookPartPercent: "66.7%",
      seatedPeople: 2,
      credits: { min: 1.2, max: 10, spread: 8.8, atLeast: { "7": 1 } },
    });
  });
});
