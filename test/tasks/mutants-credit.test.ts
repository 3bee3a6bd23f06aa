import { describe, expect, it } from "vitest";
import {
  allocateTasks,
  creditOf,
  creditTasks,
  JixiaoError,
  safeCreditTasks,
  taskStatistics,
  type Allocation,
  type Completion,
  type CreditPolicy,
  type TaskBoardConfig,
  type TaskCredits,
} from "../../src/index.js";
import { ZG, task } from "./fixtures.js";

// t1: 2 × 1.5 = 3, owned by p1; t2: 2 × 1 = 2 with two seats, owned by p1 and p2.
const board: TaskBoardConfig = {
  id: "b",
  period: "2023-Q3",
  difficulty: { high: 1.5, low: 1 },
  tasks: [task("t1", { difficulty: "high", points: 2 }), task("t2", { seats: 2, points: 2 })],
};
const staff = ["p1", "p2"].map((id) => ({ id, posts: [ZG] }));
const allocation = allocateTasks(
  board,
  [
    { task: "t1", person: "p1", at: "2023-07-03T09:00" },
    { task: "t2", person: "p1", at: "2023-07-03T09:00" },
    { task: "t2", person: "p2", at: "2023-07-03T09:01" },
  ],
  staff,
);

/** The error creditTasks throws; checks that safeCreditTasks refuses with the same issues. */
function refusal(completions: unknown, policy: CreditPolicy = {}, a: unknown = allocation): JixiaoError {
  const r = safeCreditTasks(board, a as Allocation, completions as Completion[], policy);
  if (r.success) throw new Error("expected the credit to be refused");
  try {
    creditTasks(board, a as Allocation, completions as Completion[], policy);
  } catch (error) {
    expect(error).toBeInstanceOf(JixiaoError);
    expect((error as JixiaoError).issues).toEqual(r.issues);
    return error as JixiaoError;
  }
  throw new Error("expected creditTasks to throw");
}
const issuesOf = (completions: unknown, policy: CreditPolicy = {}) => refusal(completions, policy).issues.map((i) => ({ code: i.code, path: i.path }));
const plain = { task: "t1", person: "p1", quality: 1 };

describe("credit.ts: completions the schema refuses stay refused, however plain they look", () => {
  it("a list that carries a completion's fields is not a completion", () => {
    // credit.ts:29 (only a plain object skips the schema)
    expect(issuesOf([Object.assign([], plain)])).toEqual([{ code: "invalid_type", path: ["completions", 0] }]);
  });

  it("a field named with empty text is unknown, beside an optional completed or share", () => {
    // credit.ts:30 (the known keys, "completed" and "share" among them)
    expect(issuesOf([{ ...plain, "": 1 }])).toEqual([{ code: "unknown_field", path: ["completions", 0, ""] }]);
    expect(issuesOf([{ ...plain, completed: "2023-07-04", "": 1 }])).toEqual([{ code: "unknown_field", path: ["completions", 0, ""] }]);
    expect(issuesOf([{ task: "t2", person: "p1", quality: 1, share: 1, "": 1 }])).toEqual([{ code: "unknown_field", path: ["completions", 0, ""] }]);
  });

  it("a quality or share that is true or null is not a number, though it compares like one", () => {
    // credit.ts:32 (a fraction is a number first)
    expect(issuesOf([{ ...plain, quality: true }])).toEqual([{ code: "invalid_type", path: ["completions", 0, "quality"] }]);
    expect(issuesOf([{ ...plain, quality: null }])).toEqual([{ code: "invalid_type", path: ["completions", 0, "quality"] }]);
    expect(issuesOf([{ ...plain, share: true }])).toEqual([{ code: "invalid_type", path: ["completions", 0, "share"] }]);
  });

  it("an empty or overlong task id is refused as such, not reported as an unknown task", () => {
    // credit.ts:34 (the task id is checked as text)
    expect(issuesOf([{ ...plain, task: "" }])).toEqual([{ code: "out_of_range", path: ["completions", 0, "task"] }]);
    expect(issuesOf([{ ...plain, task: "t".repeat(201) }])).toEqual([{ code: "out_of_range", path: ["completions", 0, "task"] }]);
    expect(issuesOf([{ ...plain, task: 1 }])).toEqual([{ code: "invalid_type", path: ["completions", 0, "task"] }]);
  });

  it("quality text that reads as a number after leading spaces is a number out of range, not a grade", () => {
    // credit.ts:36 (text starting with a space, digit, sign or point is a number, never a grade)
    expect(issuesOf([{ ...plain, quality: " 5" }])).toEqual([{ code: "out_of_range", path: ["completions", 0, "quality"] }]);
    expect(issuesOf([{ ...plain, quality: "\t-1" }])).toEqual([{ code: "out_of_range", path: ["completions", 0, "quality"] }]);
  });

  it("a completion date that is not text is refused with its path", () => {
    // credit.ts:37 (completed is text of at most 40 characters)
    expect(issuesOf([{ ...plain, completed: 20230801 }])).toEqual([{ code: "invalid_type", path: ["completions", 0, "completed"] }]);
    expect(issuesOf([{ ...plain, completed: "2023-07-04".padEnd(41, " ") }])).toEqual([{ code: "out_of_range", path: ["completions", 0, "completed"] }]);
  });

  it("shares outside 0 to 1 are refused even when they add up to 1", () => {
    // credit.ts:38 (a share is a fraction)
    const shares = [
      { task: "t2", person: "p1", quality: 1, share: -0.5 },
      { task: "t2", person: "p2", quality: 1, share: 1.5 },
    ];
    expect(issuesOf(shares)).toEqual([
      { code: "out_of_range", path: ["completions", 0, "share"] },
      { code: "out_of_range", path: ["completions", 1, "share"] },
    ]);
  });
});

describe("credit.ts: the allocation", () => {
  it("something not made by allocateTasks is read as an allocation, and refused with its paths when it is not one", () => {
    // credit.ts:91
    for (const bad of [{}, null, "b", 1]) {
      const e = refusal([plain], {}, bad);
      expect(e.message.startsWith("Not an allocation: ")).toBe(true);
      expect(e.issues.every((i) => i.path[0] === "allocation")).toBe(true);
    }
    expect(refusal([plain], {}, {}).issues.map((i) => i.path)).toEqual([
      ["allocation", "board"],
      ["allocation", "tasks"],
      ["allocation", "grabs"],
    ]);
  });

  it("a copy of an allocation (as stored and read back) is credited like the allocation", () => {
    const copy = JSON.parse(JSON.stringify(allocation)) as Allocation;
    expect(creditTasks(board, copy, [plain])).toEqual(creditTasks(board, allocation, [plain]));
  });
});

describe("credit.ts: the messages of refused completions", () => {
  it("name the unknown task, grade, date and repeated completion, under one heading", () => {
    // credit.ts:101, 104, 106, 108, 121
    const e = refusal([
      { task: "t9", person: "p1", quality: "x".repeat(60), completed: "2023-02-30" },
      { task: "t9", person: "p1", quality: "优秀" },
    ]);
    expect(e.message.split("\n")[0]).toBe("Tasks cannot be credited: 6 issues");
    expect(e.issues.map((i) => i.message)).toEqual([
      'completions[0].task: names no task of board "b"',
      `completions[0].quality: "${"x".repeat(40)}" is not a quality grade (the policy names none)`,
      'completions[0].completed: "2023-02-30" is not a date or date-time',
      'completions[1].task: names no task of board "b"',
      'completions[1].quality: "优秀" is not a quality grade (the policy names none)',
      "completions[1]: repeats p1's completion of t9",
    ]);
  });

  it("list the policy's grades for an unknown one", () => {
    // credit.ts:104
    const e = refusal([{ ...plain, quality: "好" }], { qualityGrades: { 优: 1, 良: 0.8 } });
    expect(e.issues.map((i) => i.message)).toEqual(['completions[0].quality: "好" is not a quality grade; the grades are 优, 良']);
  });

  it("a missing share is the only issue: the declared shares are not also summed", () => {
    // credit.ts:116
    const e = refusal([
      { task: "t2", person: "p1", quality: 1, share: 0.5 },
      { task: "t2", person: "p2", quality: 1 },
    ]);
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["completions", 1, "share"]]]);
  });
});

describe("credit.ts: credits", () => {
  it("a completion in the deadline's last millisecond is on time, one just after it is late", () => {
    // credit.ts:137 (late is strictly after the deadline's end)
    const at = (completed: string) => creditTasks(board, allocation, [{ ...plain, completed }], { lateFactor: 0.5 }).people[0]!.credits[0]!;
    expect(at("2023-07-31T23:59:59.999")).toMatchObject({ late: false, credit: 3 });
    expect(at("2023-08-01T00:00:00.000")).toMatchObject({ late: true, credit: 1.5 });
  });

  it("the trace names a grade only when the quality is one of the policy's grades", () => {
    // credit.ts:152
    const values = (quality: number | string) =>
      creditTasks(board, allocation, [{ ...plain, quality }], { qualityGrades: { 优: 1, "0.5": 0.6 } }).people[0]!.credits[0]!.trace[0]!.values;
    expect(values(0.85)).not.toHaveProperty("grade");
    expect(values("0.85")).not.toHaveProperty("grade");
    expect(values("优")).toMatchObject({ grade: "优", quality: "1" });
  });

  it("the trace's share is the owner's fraction of the task: 1 for a sole owner, even one who writes it 1.00", () => {
    const share = (completions: Completion[]) => creditTasks(board, allocation, completions).people.map((p) => p.credits.map((l) => l.trace[0]!.values.share));
    expect(share([plain])).toEqual([["1"]]);
    expect(share([{ ...plain, share: "1.00" }])).toEqual([["1"]]);
    expect(share(["p1", "p2"].map((person) => ({ task: "t2", person, quality: 1 })))).toEqual([["0.5"], ["0.5"]]);
    expect(share(["p1", "p2"].map((person, i) => ({ task: "t2", person, quality: 1, share: i ? "0.75" : "0.25" })))).toEqual([["0.25"], ["0.75"]]);
  });

  it("co-owners who all complete a task are not listed as uncompleted", () => {
    // credit.ts:180 (an owner is uncompleted when no completion of the task is theirs)
    const c = creditTasks(board, allocation, [
      { task: "t2", person: "p1", quality: 1 },
      { task: "t2", person: "p2", quality: 1 },
    ]);
    expect(c.uncompleted).toEqual([{ task: "t1", person: "p1" }]);
    const one = creditTasks(board, allocation, [{ task: "t2", person: "p2", quality: 1 }]);
    expect(one.uncompleted).toEqual([
      { task: "t1", person: "p1" },
      { task: "t2", person: "p1" },
    ]);
  });

  it("a person's credits follow the board's task order", () => {
    const c = creditTasks(board, allocation, [
      { task: "t2", person: "p1", quality: 1 },
      { task: "t1", person: "p1", quality: 1 },
    ]);
    expect(c.people[0]!.credits.map((l) => l.task)).toEqual(["t1", "t2"]);
  });

  it("creditOf refuses what is not credits, naming the path", () => {
    // credit.ts:214
    let error: unknown;
    try {
      creditOf({} as TaskCredits, "p1");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JixiaoError);
    expect((error as JixiaoError).message.split("\n")[0]).toBe("Not task credits: 1 issue");
    expect((error as JixiaoError).issues.map((i) => i.path)).toEqual([["credits", "people"]]);
  });
});

describe("statistics.ts", () => {
  /** The error taskStatistics throws. */
  function statisticsError(...args: Parameters<typeof taskStatistics>): JixiaoError {
    try {
      taskStatistics(...args);
    } catch (e) {
      expect(e).toBeInstanceOf(JixiaoError);
      return e as JixiaoError;
    }
    throw new Error("expected taskStatistics to throw");
  }

  it("refuses a bad allocation, options or staff with a heading and paths", () => {
    // statistics.ts:95, 97, 99, 100
    const a = statisticsError({} as Allocation, staff);
    expect(a.message.split("\n")[0]).toBe("Not an allocation: 3 issues");
    expect(a.issues.map((i) => i.path)).toEqual([
      ["allocation", "board"],
      ["allocation", "tasks"],
      ["allocation", "grabs"],
    ]);
    const o = statisticsError(allocation, staff, { thresholds: ["x"] });
    expect(o.message.split("\n")[0]).toBe("Options are not valid: 1 issue");
    expect(o.issues.map((i) => i.path)).toEqual([["options", "thresholds", 0]]);
    const s = statisticsError(allocation, [...staff, staff[0]!]);
    expect(s.message.split("\n")[0]).toBe("Statistics cannot be made: 1 issue");
    expect(s.issues.map((i) => [i.code, i.path])).toEqual([["duplicate_id", ["staff", 2, "id"]]]);
  });

  it("counts rejected grabs by their code, and those without one as rejected", () => {
    // statistics.ts:107
    const a: Allocation = {
      board: "b",
      tasks: [],
      grabs: [
        { index: 0, task: "t1", person: "p1", at: "2023-07-03T09:00", outcome: "rejected" },
        { index: 1, task: "t1", person: "p2", at: "2023-07-03T09:01", outcome: "rejected", code: "no_seat" },
        { index: 2, task: "t2", person: "p2", at: "2023-07-03T09:02", outcome: "rejected" },
      ],
    };
    expect(taskStatistics(a, staff).grabs).toEqual({ made: 3, seated: 0, rejected: { no_seat: 1, rejected: 2 } });
  });
});
