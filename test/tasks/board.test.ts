import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  allocateTasks,
  creditTasks,
  defineTaskBoard,
  isJixiaoError,
  JixiaoError,
  safeDefineTaskBoard,
  taskBoardJsonSchema,
  type TaskBoardConfig,
  type TaskConfig,
} from "../../src/index.js";

const task = (over: Partial<TaskConfig> = {}): TaskConfig => ({
  id: "t1",
  title: "清理欠税",
  difficulty: "high",
  points: 2,
  post: "征管岗",
  published: "2023-07-03",
  deadline: "2023-07-31",
  ...over,
});

const board = (over: Partial<TaskBoardConfig> = {}): TaskBoardConfig => ({
  id: "zx-2023-Q3",
  period: "2023-Q3",
  difficulty: { high: 1.5, medium: 1.2, low: 1 },
  tasks: [task()],
  ...over,
});

/** The issues of a board that must be refused; checks that defineTaskBoard throws a JixiaoError too. */
function issuesOf(b: unknown) {
  expect(() => defineTaskBoard(b as TaskBoardConfig)).toThrow(JixiaoError);
  const r = safeDefineTaskBoard(b as TaskBoardConfig);
  if (r.success) throw new Error("expected the board to be refused");
  return r.issues;
}

describe("defineTaskBoard: a valid board", () => {
  it("is accepted and returned frozen, deep down", () => {
    const b = defineTaskBoard(
      board({
        name: "竹溪县局 2023 年三季度急难险重任务",
        tasks: [task(), task({ id: "t2", difficulty: "low", points: "1.5", seats: 3, published: "2023-07-03T09:00", deadline: "2023-08-15T17:30:00+08:00" })],
      }),
    );
    expect(b.tasks.map((t) => t.id)).toEqual(["t1", "t2"]);
    expect(b.tasks[1]!.seats).toBe(3);
    expect(b.difficulty).toEqual({ high: 1.5, medium: 1.2, low: 1 });
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(b.tasks)).toBe(true);
    expect(Object.isFrozen(b.tasks[0])).toBe(true);
    expect(Object.isFrozen(b.difficulty)).toBe(true);
    expect(() => {
      (b.tasks as TaskConfig[]).push(task({ id: "t3" }));
    }).toThrow(TypeError);
  });

  it("accepts any grade names and every period form, and an empty task list", () => {
    for (const period of ["2023", "2023-H2", "2023-Q1", "2023-Q4", "2023-07", "2023-12"])
      expect(safeDefineTaskBoard(board({ period })).success, period).toBe(true);
    const b = defineTaskBoard(board({ difficulty: { 高: 1.5, 中: "1.2", 低: 1 }, tasks: [task({ difficulty: "中" })] }));
    expect(b.tasks[0]!.difficulty).toBe("中");
    expect(defineTaskBoard(board({ tasks: [] })).tasks).toEqual([]);
  });

  it("accepts a deadline on the day of publication (a date-only deadline counts the whole day)", () => {
    expect(safeDefineTaskBoard(board({ tasks: [task({ published: "2023-07-03T16:00", deadline: "2023-07-03" })] })).success).toBe(true);
  });
});

describe("defineTaskBoard: bad boards fail naming the path", () => {
  it("duplicate task ids", () => {
    expect(issuesOf(board({ tasks: [task(), task({ id: "t2" }), task({ title: "again" })] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "tasks[2].id: repeats the task id "t1" of tasks[0]",
          "params": {
            "first": 0,
            "id": "t1",
            "key": "taskDuplicateTask",
          },
          "path": [
            "tasks",
            2,
            "id",
          ],
        },
      ]
    `);
  });

  it("an unknown difficulty grade", () => {
    expect(issuesOf(board({ tasks: [task(), task({ id: "t2", difficulty: "extreme" })] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_grade",
          "message": "tasks[1].difficulty: "extreme" is not a difficulty grade; the grades are high, medium, low",
          "params": {
            "grade": "extreme",
            "grades": [
              "high",
              "medium",
              "low",
            ],
            "key": "taskUnknownDifficulty",
          },
          "path": [
            "tasks",
            1,
            "difficulty",
          ],
        },
      ]
    `);
  });

  it("a difficulty grade that only exists on Object.prototype", () => {
    const issues = issuesOf(board({ tasks: [task({ difficulty: "toString" })] }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["unknown_grade", ["tasks", 0, "difficulty"]]]);
  });

  it("impossible dates: 2023-02-30 and 2023-13-01", () => {
    expect(issuesOf(board({ tasks: [task({ published: "2023-02-30" }), task({ id: "t2", deadline: "2023-13-01" })] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "tasks[0].published: "2023-02-30" is not a date such as 2023-07-03 or 2023-07-03T09:00",
          "params": {
            "date": "2023-02-30",
            "key": "taskBadPublished",
          },
          "path": [
            "tasks",
            0,
            "published",
          ],
        },
        {
          "code": "invalid_value",
          "message": "tasks[1].deadline: "2023-13-01" is not a date such as 2023-07-31 or 2023-07-31T17:30",
          "params": {
            "date": "2023-13-01",
            "key": "taskBadDeadline",
          },
          "path": [
            "tasks",
            1,
            "deadline",
          ],
        },
      ]
    `);
  });

  it.each(["2023-02-29", "2023-04-31", "2023-07-31T24:00", "2023-07-31T12:60", "31/07/2023", "2023-07-31T9:00"])("refuses the deadline %s", (deadline) => {
    const issues = issuesOf(board({ tasks: [task({ deadline })] }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["invalid_value", ["tasks", 0, "deadline"]]]);
  });

  it("accepts 2024-02-29, a leap day", () => {
    expect(safeDefineTaskBoard(board({ period: "2024-Q1", tasks: [task({ published: "2024-02-01", deadline: "2024-02-29" })] })).success).toBe(true);
  });

  it("a deadline before publication", () => {
    expect(issuesOf(board({ tasks: [task({ published: "2023-07-10", deadline: "2023-07-09" })] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "tasks[0].deadline: 2023-07-09 is before the task was published (2023-07-10)",
          "params": {
            "deadline": "2023-07-09",
            "key": "taskDeadlineBeforePublished",
            "published": "2023-07-10",
          },
          "path": [
            "tasks",
            0,
            "deadline",
          ],
        },
      ]
    `);
    // A time on the same day, one minute before publication, is also before it.
    const sameDay = issuesOf(board({ tasks: [task({ published: "2023-07-10T09:00", deadline: "2023-07-10T08:59" })] }));
    expect(sameDay.map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["tasks", 0, "deadline"]]]);
    // Written at different offsets: 09:00+08:00 is 01:00Z, so a deadline of 00:30Z is before it.
    const offsets = issuesOf(board({ tasks: [task({ published: "2023-07-10T09:00+08:00", deadline: "2023-07-10T00:30Z" })] }));
    expect(offsets.map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["tasks", 0, "deadline"]]]);
    expect(safeDefineTaskBoard(board({ tasks: [task({ published: "2023-07-10T09:00+08:00", deadline: "2023-07-10T01:00Z" })] })).success).toBe(true);
  });

  it("a bad period key (2023-Q5), reported as a period, not as a number", () => {
    const issues = issuesOf(board({ period: "2023-Q5" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(["period"]);
    // The period is not a decimal field: the issue must not call it one.
    expect(issues[0]!.code).not.toBe("invalid_number");
    expect(issues[0]!.message).not.toMatch(/decimal/);
    expect(issues[0]!.message).toContain("2023-Q5");
    for (const period of ["2023-Q0", "2023-H3", "2023-00", "2023-13", "23-Q3", "2023Q3"]) {
      const r = safeDefineTaskBoard(board({ period }));
      expect(r.success || r.issues.map((i) => i.path), period).toEqual([["period"]]);
    }
  });

  it("zero and negative points", () => {
    expect(issuesOf(board({ tasks: [task({ points: 0 }), task({ id: "t2", points: "-1" })] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "tasks[0].points (分值): must be more than 0, not 0",
          "params": {
            "bound": "moreThan",
            "key": "decimalBound",
            "limit": "0",
            "received": {
              "text": "0",
              "type": "number",
            },
          },
          "path": [
            "tasks",
            0,
            "points",
          ],
        },
        {
          "code": "out_of_range",
          "message": "tasks[1].points (分值): must be more than 0, not text "-1"",
          "params": {
            "bound": "moreThan",
            "key": "decimalBound",
            "limit": "0",
            "received": {
              "text": "-1",
              "type": "text",
            },
          },
          "path": [
            "tasks",
            1,
            "points",
          ],
        },
      ]
    `);
  });

  it("zero and negative coefficients", () => {
    const issues = issuesOf(board({ difficulty: { high: 0, low: -1 }, tasks: [] }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["out_of_range", ["difficulty", "high"]],
      ["out_of_range", ["difficulty", "low"]],
    ]);
  });

  it("seats 0 (and 1.5)", () => {
    expect(issuesOf(board({ tasks: [task({ seats: 0 })] }))).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "tasks[0].seats: must be at least 1; it is 0",
          "params": {
            "bound": "atLeast",
            "key": "size",
            "limit": "1",
            "received": {
              "text": "0",
              "type": "number",
            },
            "unit": "",
          },
          "path": [
            "tasks",
            0,
            "seats",
          ],
        },
      ]
    `);
    expect(issuesOf(board({ tasks: [task({ seats: 1.5 })] })).map((i) => i.path)).toEqual([["tasks", 0, "seats"]]);
  });

  it("a __proto__ difficulty name", () => {
    const difficulty = JSON.parse('{"__proto__": 1.5, "low": 1}') as Record<string, number>;
    expect(Object.keys(difficulty)).toEqual(["__proto__", "low"]);
    expect(issuesOf(board({ difficulty, tasks: [task({ difficulty: "low" })] })).map((i) => [i.code, i.path, i.message])).toEqual([
      ["reserved_key", ["difficulty", "__proto__"], `difficulty.__proto__: "__proto__" cannot be a field name (other programs would read it as the object's prototype)`],
    ]);
  });

  it("an empty difficulty table, an unknown field and a bad utcOffset", () => {
    expect(issuesOf(board({ difficulty: {}, tasks: [] })).map((i) => [i.code, i.path])).toEqual([["out_of_range", ["difficulty"]]]);
    expect(issuesOf({ ...board(), extra: 1 }).map((i) => [i.code, i.path])).toEqual([["unknown_field", ["extra"]]]);
    expect(issuesOf(board({ tasks: [{ ...task(), seat: 2 } as TaskConfig] })).map((i) => [i.code, i.path])).toEqual([["unknown_field", ["tasks", 0, "seat"]]]);
    expect(issuesOf(board({ utcOffset: "+15:00" })).map((i) => i.path)).toEqual([["utcOffset"]]);
  });

  it("lists every issue at once, and never throws anything but a JixiaoError", () => {
    let caught: unknown;
    try {
      defineTaskBoard(board({ tasks: [task({ published: "2023-02-30" }), task({ difficulty: "extreme", deadline: "2023-13-01" })] }));
    } catch (error) {
      caught = error;
    }
    expect(isJixiaoError(caught)).toBe(true);
    expect((caught as JixiaoError).issues.map((i) => i.path.join("."))).toEqual(["tasks.0.published", "tasks.1.id", "tasks.1.difficulty", "tasks.1.deadline"]);
    expect(safeDefineTaskBoard(null as never).success).toBe(false);
    expect(safeDefineTaskBoard("board" as never).success).toBe(false);
  });
});

describe("dates and times are read at the board's utcOffset", () => {
  // One seat, published 2023-07-03, deadline the whole day of 2023-07-31.
  const staff = [{ id: "s1", posts: ["征管岗"] }];
  const outcome = (b: TaskBoardConfig, at: string) => allocateTasks(b, [{ task: "t1", person: "s1", at }], staff).grabs[0]!;

  it("a date-only deadline counts the whole day (default +08:00)", () => {
    const b = board();
    expect(outcome(b, "2023-07-31T23:30+08:00").outcome).toBe("seated");
    expect(outcome(b, "2023-07-31T23:59:59").outcome).toBe("seated");
    expect(outcome(b, "2023-07-31T23:59:59.999").outcome).toBe("seated");
    expect(outcome(b, "2023-08-01T00:00:01+08:00")).toMatchObject({ outcome: "rejected", code: "after_deadline" });
    expect(outcome(b, "2023-08-01T00:00:00")).toMatchObject({ outcome: "rejected", code: "after_deadline" });
    // 2023-07-31T16:00Z is 2023-08-01T00:00+08:00: late; 15:59:59Z is on time.
    expect(outcome(b, "2023-07-31T16:00:00Z")).toMatchObject({ outcome: "rejected", code: "after_deadline" });
    expect(outcome(b, "2023-07-31T15:59:59Z").outcome).toBe("seated");
  });

  it("a date-only publication starts at the day's first moment at the offset", () => {
    const b = board();
    expect(outcome(b, "2023-07-03T00:00:00").outcome).toBe("seated");
    expect(outcome(b, "2023-07-02T16:00Z").outcome).toBe("seated");
    expect(outcome(b, "2023-07-02T23:59:59")).toMatchObject({ outcome: "rejected", code: "not_published" });
    expect(outcome(b, "2023-07-02T15:59:59Z")).toMatchObject({ outcome: "rejected", code: "not_published" });
  });

  it("another utcOffset moves the day's edges", () => {
    const utc = board({ utcOffset: "+00:00" });
    // The deadline day ends at 2023-07-31T23:59:59.999Z = 2023-08-01T07:59:59.999+08:00.
    expect(outcome(utc, "2023-08-01T07:30+08:00").outcome).toBe("seated");
    expect(outcome(utc, "2023-07-31T23:30").outcome).toBe("seated");
    expect(outcome(utc, "2023-08-01T08:00+08:00")).toMatchObject({ outcome: "rejected", code: "after_deadline" });
    // A time without an offset is read at +00:00 too.
    expect(outcome(utc, "2023-08-01T00:00:01")).toMatchObject({ outcome: "rejected", code: "after_deadline" });
    const west = board({ utcOffset: "-05:00" });
    // 2023-08-01T04:59Z is still 2023-07-31 at -05:00.
    expect(outcome(west, "2023-08-01T04:59Z").outcome).toBe("seated");
    expect(outcome(west, "2023-08-01T05:00Z")).toMatchObject({ outcome: "rejected", code: "after_deadline" });
  });

  it("a completion on the deadline day is on time, the next day late", () => {
    const b = board();
    const allocation = allocateTasks(b, [{ task: "t1", person: "s1", at: "2023-07-03T09:00" }], staff);
    const late = (completed: string) => creditTasks(b, allocation, [{ task: "t1", person: "s1", quality: 1, completed }], { lateFactor: 0.5 }).people[0]!.credits[0]!;
    expect(late("2023-07-31T23:30+08:00")).toMatchObject({ late: false, credit: 3 });
    expect(late("2023-07-31")).toMatchObject({ late: false, credit: 3 });
    expect(late("2023-08-01T00:00:01+08:00")).toMatchObject({ late: true, credit: 1.5 });
    expect(late("2023-08-01")).toMatchObject({ late: true, credit: 1.5 });
  });
});

describe("taskBoardJsonSchema", () => {
  it("equals the published docs/schema/task-board.schema.json", () => {
    const published = JSON.parse(readFileSync(new URL("../../docs/schema/task-board.schema.json", import.meta.url), "utf8"));
    expect(taskBoardJsonSchema()).toEqual(published);
  });

  it("is a fresh draft 2020-12 schema requiring id, period, difficulty and tasks", () => {
    const s = taskBoardJsonSchema() as { $schema: string; required: string[]; title: string };
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.required).toEqual(["id", "period", "difficulty", "tasks"]);
    expect(s.title).toBe("jixiao task board");
    s.required.push("mutated");
    expect((taskBoardJsonSchema() as { required: string[] }).required).toEqual(["id", "period", "difficulty", "tasks"]);
  });

  it("accepts a valid board and refuses bad shapes (ajv)", async () => {
    const { default: Ajv2020 } = await import("ajv/dist/2020.js");
    const validate = new Ajv2020({ strict: false }).compile(taskBoardJsonSchema());
    expect(validate(board())).toBe(true);
    expect(validate(board({ period: "2023-Q5" }))).toBe(false);
    expect(validate(board({ tasks: [task({ seats: 0 })] }))).toBe(false);
    expect(validate(board({ tasks: [task({ points: 0 })] }))).toBe(false);
    expect(validate({ ...board(), extra: 1 })).toBe(false);
  });
});
