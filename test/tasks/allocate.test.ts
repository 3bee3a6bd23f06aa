import { describe, expect, it } from "vitest";
import {
  allocateTasks,
  JixiaoError,
  safeAllocateTasks,
  type Grab,
  type StaffMember,
  type TaskBoardConfig,
  type TaskConfig,
} from "../../src/index.js";
import { ZG, NF, JC, task, worded } from "./fixtures.js";



const board = (tasks: TaskConfig[]): TaskBoardConfig => ({
  id: "zx-2023-Q3",
  period: "2023-Q3",
  difficulty: { high: 1.5, medium: 1.2, low: 1 },
  tasks,
});

const staff = (...people: [string, string[]][]): StaffMember[] => people.map(([id, posts]) => ({ id, posts }));

/** person of each owner of task `id`. */
const ownersOf = (a: ReturnType<typeof allocateTasks>, id: string) => a.tasks.find((t) => t.task === id)!.owners.map((o) => o.person);

describe("competing grabs for the last seat", () => {
  const b = board([task("t1", { difficulty: "high", points: 2 })]);
  const people = staff(["s1", [ZG]], ["s2", [ZG]]);

  it("the earlier timestamp wins, whatever the input order", () => {
    const a = allocateTasks(b, [
      { task: "t1", person: "s2", at: "2023-07-03T09:00:05" },
      { task: "t1", person: "s1", at: "2023-07-03T09:00:01" },
    ], people);
    expect(a.grabs[1]!.reason).toEqual({ kind: "no_seat", owners: ["s1"] });
    expect(worded(a)).toEqual({
      board: "zx-2023-Q3",
      tasks: [{ task: "t1", seats: 1, owners: [{ person: "s1", how: "grabbed", at: "2023-07-03T09:00:01" }], status: "grabbed" }],
      grabs: [
        { index: 1, task: "t1", person: "s1", at: "2023-07-03T09:00:01", outcome: "seated" },
        { index: 0, task: "t1", person: "s2", at: "2023-07-03T09:00:05", outcome: "rejected", code: "no_seat", reason: "every seat was taken earlier, by s1" },
      ],
    });
  });

  it("compares instants across offsets: 09:00+08:00 equals 01:00Z", () => {
    // 01:00Z is 09:00+08:00, one second before 09:00:01+08:00: s2 wins.
    const earlier = allocateTasks(b, [
      { task: "t1", person: "s1", at: "2023-07-03T09:00:01+08:00" },
      { task: "t1", person: "s2", at: "2023-07-03T01:00:00Z" },
    ], people);
    expect(ownersOf(earlier, "t1")).toEqual(["s2"]);
    // A time without an offset is read at +08:00: 09:00:00 is the same instant as 01:00Z, so the person id decides.
    const equal = allocateTasks(b, [
      { task: "t1", person: "s2", at: "2023-07-03T01:00:00Z" },
      { task: "t1", person: "s1", at: "2023-07-03T09:00:00" },
    ], people);
    expect(ownersOf(equal, "t1")).toEqual(["s1"]);
    expect(equal.grabs.map((g) => [g.person, g.outcome])).toEqual([
      ["s1", "seated"],
      ["s2", "rejected"],
    ]);
    // One millisecond later loses.
    const later = allocateTasks(b, [
      { task: "t1", person: "s2", at: "2023-07-03T01:00:00Z" },
      { task: "t1", person: "s1", at: "2023-07-03T09:00:00.001" },
    ], people);
    expect(ownersOf(later, "t1")).toEqual(["s2"]);
    // -05:00: 20:00 the day before is 01:00Z.
    const west = allocateTasks(b, [
      { task: "t1", person: "s1", at: "2023-07-03T01:00:00.500Z" },
      { task: "t1", person: "s2", at: "2023-07-02T20:00:00-05:00" },
    ], people);
    expect(ownersOf(west, "t1")).toEqual(["s2"]);
  });
});

describe("equal timestamps", () => {
  it("the person id decides (code-unit order: s10 before s9)", () => {
    const b = board([task("t1")]);
    const at = "2023-07-05T10:00:00+08:00";
    const a = allocateTasks(b, [
      { task: "t1", person: "s9", at },
      { task: "t1", person: "s10", at },
    ], staff(["s9", [ZG]], ["s10", [ZG]]));
    expect(ownersOf(a, "t1")).toEqual(["s10"]);
    expect(a.grabs.map((g) => [g.index, g.person, g.outcome, g.code])).toEqual([
      [1, "s10", "seated", undefined],
      [0, "s9", "rejected", "no_seat"],
    ]);
  });

  it("then the task id: one person limited to one task grabs two at once", () => {
    const b = board([task("t1"), task("t2")]);
    const at = "2023-07-05T10:00:00";
    const a = allocateTasks(b, [
      { task: "t2", person: "s1", at },
      { task: "t1", person: "s1", at },
    ], staff(["s1", [ZG]]), { maxTasksPerPerson: 1 });
    expect(a.grabs[1]!.reason).toEqual({ kind: "limit", limit: 1 });
    expect(worded(a.grabs)).toEqual([
      { index: 1, task: "t1", person: "s1", at, outcome: "seated" },
      { index: 0, task: "t2", person: "s1", at, outcome: "rejected", code: "limit", reason: "the person already holds 1 task, the most allowed" },
    ]);
    // t2 nobody holds now, so it is assigned to the post's only holder, s1, beyond the grab limit.
    expect(a.tasks.map((t) => [t.task, t.status, t.owners.map((o) => `${o.person}:${o.how}`)])).toEqual([
      ["t1", "grabbed", ["s1:grabbed"]],
      ["t2", "assigned", ["s1:assigned"]],
    ]);
  });
});

describe("multi-seat tasks", () => {
  it("seats go to the earliest grabs, owners in the order of their grabs", () => {
    const b = board([task("t2", { seats: 2 })]);
    const a = allocateTasks(b, [
      { task: "t2", person: "s3", at: "2023-07-04T09:02" },
      { task: "t2", person: "s1", at: "2023-07-04T09:01" },
      { task: "t2", person: "s2", at: "2023-07-04T09:03" },
    ], staff(["s1", [ZG]], ["s2", [ZG]], ["s3", [ZG]]));
    expect(a.tasks).toEqual([
      {
        task: "t2",
        seats: 2,
        owners: [
          { person: "s1", how: "grabbed", at: "2023-07-04T09:01" },
          { person: "s3", how: "grabbed", at: "2023-07-04T09:02" },
        ],
        status: "grabbed",
      },
    ]);
    expect(a.grabs[2]!.reason).toEqual({ kind: "no_seat", owners: ["s1", "s3"] });
    expect(worded(a.grabs[2])).toEqual({ index: 2, task: "t2", person: "s2", at: "2023-07-04T09:03", outcome: "rejected", code: "no_seat", reason: "every seat was taken earlier, by s1, s3" });
  });

  it("a task with seats left is partly-grabbed and is not assigned further", () => {
    const b = board([task("t3", { seats: 3 })]);
    const a = allocateTasks(b, [{ task: "t3", person: "s2", at: "2023-07-04T09:00" }], staff(["s1", [ZG]], ["s2", [ZG]], ["s3", [ZG]]), { assignSeats: "all" });
    expect(a.tasks).toEqual([{ task: "t3", seats: 3, owners: [{ person: "s2", how: "grabbed", at: "2023-07-04T09:00" }], status: "partly-grabbed" }]);
  });
});

describe("rejected grabs, each with its code and reason", () => {
  const b = board([task("t1", { seats: 3 }), task("t2", { post: NF })]);
  const people = staff(["s1", [ZG]], ["s2", [NF]], ["s3", [ZG, NF]]);
  const grabs: Grab[] = [
    { task: "t9", person: "s1", at: "2023-07-05T09:00" }, // 0 unknown task
    { task: "t1", person: "x9", at: "2023-07-05T09:01" }, // 1 unknown person
    { task: "t1", person: "s1", at: "2023-07-02T23:59" }, // 2 before publication (2023-07-03 at +08:00)
    { task: "t1", person: "s1", at: "2023-08-01T00:00" }, // 3 after the deadline (2023-07-31, whole day)
    { task: "t1", person: "s2", at: "2023-07-05T09:02" }, // 4 s2 does not hold 征管岗
    { task: "t1", person: "s1", at: "2023-07-05T09:03" }, // 5 seated
    { task: "t1", person: "s1", at: "2023-07-05T09:04" }, // 6 duplicate
    { task: "t1", person: "s3", at: "2023-07-05T09:05" }, // 7 seated
    { task: "t2", person: "s3", at: "2023-07-05T09:06" }, // 8 over the limit of 1
    { task: "t2", person: "s2", at: "2023-07-05T09:07" }, // 9 seated
  ];
  const a = allocateTasks(b, grabs, people, { eligibility: "post", maxTasksPerPerson: 1 });

  it("decides them in time order and says why each was rejected", () => {
    expect(a.grabs.map((g) => g.index)).toEqual([2, 0, 1, 4, 5, 6, 7, 8, 9, 3]);
    expect(a.grabs.map((g) => (worded(g) as { reason?: string }).reason ?? null)).toEqual([
      "made before the task was published (2023-07-03)",
      'no task "t9" on board zx-2023-Q3',
      'no staff member "x9"',
      "the person does not hold the post 征管岗",
      null,
      "the person already holds a seat of this task",
      null,
      "the person already holds 1 task, the most allowed",
      null,
      "made after the deadline (2023-07-31)",
    ]);
    for (const g of a.grabs) expect(g.code).toBe(g.reason?.kind);
    expect(a.grabs).toMatchInlineSnapshot(`
      [
        {
          "at": "2023-07-02T23:59",
          "code": "not_published",
          "index": 2,
          "outcome": "rejected",
          "person": "s1",
          "reason": {
            "kind": "not_published",
            "published": "2023-07-03",
          },
          "task": "t1",
        },
        {
          "at": "2023-07-05T09:00",
          "code": "unknown_task",
          "index": 0,
          "outcome": "rejected",
          "person": "s1",
          "reason": {
            "board": "zx-2023-Q3",
            "kind": "unknown_task",
            "task": "t9",
          },
          "task": "t9",
        },
        {
          "at": "2023-07-05T09:01",
          "code": "unknown_person",
          "index": 1,
          "outcome": "rejected",
          "person": "x9",
          "reason": {
            "kind": "unknown_person",
            "person": "x9",
          },
          "task": "t1",
        },
        {
          "at": "2023-07-05T09:02",
          "code": "not_eligible",
          "index": 4,
          "outcome": "rejected",
          "person": "s2",
          "reason": {
            "kind": "not_eligible",
            "post": "征管岗",
          },
          "task": "t1",
        },
        {
          "at": "2023-07-05T09:03",
          "index": 5,
          "outcome": "seated",
          "person": "s1",
          "task": "t1",
        },
        {
          "at": "2023-07-05T09:04",
          "code": "duplicate",
          "index": 6,
          "outcome": "rejected",
          "person": "s1",
          "reason": {
            "kind": "duplicate",
          },
          "task": "t1",
        },
        {
          "at": "2023-07-05T09:05",
          "index": 7,
          "outcome": "seated",
          "person": "s3",
          "task": "t1",
        },
        {
          "at": "2023-07-05T09:06",
          "code": "limit",
          "index": 8,
          "outcome": "rejected",
          "person": "s3",
          "reason": {
            "kind": "limit",
            "limit": 1,
          },
          "task": "t2",
        },
        {
          "at": "2023-07-05T09:07",
          "index": 9,
          "outcome": "seated",
          "person": "s2",
          "task": "t2",
        },
        {
          "at": "2023-08-01T00:00",
          "code": "after_deadline",
          "index": 3,
          "outcome": "rejected",
          "person": "s1",
          "reason": {
            "deadline": "2023-07-31",
            "kind": "after_deadline",
          },
          "task": "t1",
        },
      ]
    `);
  });

  it("only the seated grabs own the tasks", () => {
    expect(a.tasks.map((t) => [t.task, t.status, t.owners.map((o) => o.person)])).toEqual([
      ["t1", "partly-grabbed", ["s1", "s3"]],
      ["t2", "grabbed", ["s2"]],
    ]);
  });

  it("without the policy, the same person may grab any task and as many as they like", () => {
    const free = allocateTasks(b, grabs, people);
    const codes = Object.fromEntries(free.grabs.map((g) => [g.index, g.code ?? g.outcome]));
    expect(codes).toEqual({ 0: "unknown_task", 1: "unknown_person", 2: "not_published", 3: "after_deadline", 4: "seated", 5: "seated", 6: "duplicate", 7: "seated", 8: "seated", 9: "no_seat" });
  });

  it("an unknown task comes before an unknown person", () => {
    const x = allocateTasks(b, [{ task: "nope", person: "nobody", at: "2023-07-05T09:00" }], people);
    expect(x.grabs[0]).toMatchObject({ outcome: "rejected", code: "unknown_task" });
  });
});

describe("tasks nobody grabs (派单)", () => {
  it("go to the least loaded holder of the post, heaviest task first; a post nobody holds is reported", () => {
    const b = board([
      task("t1"), // low 1 → weight 1, grabbed by a
      task("t2", { difficulty: "medium", points: 2 }), // weight 2.4
      task("t3", { difficulty: "high", points: 2 }), // weight 3
      task("t4", { post: JC }), // nobody holds 稽查岗
    ]);
    const a = allocateTasks(b, [{ task: "t1", person: "a", at: "2023-07-03T10:00" }], staff(["a", [ZG]], ["b", [ZG]], ["c", [NF]]));
    // t3 (3) is decided first: a has 1, b has 0 → b (now 3). Then t2 (2.4): a 1, b 3 → a.
    expect(a.tasks[1]!.owners[0]!.reason).toEqual({ kind: "least_loaded", post: ZG, candidates: 2, load: "1" });
    expect(a.tasks[3]!.reason).toEqual({ kind: "no_holder", post: JC });
    expect(worded(a.tasks)).toEqual([
      { task: "t1", seats: 1, owners: [{ person: "a", how: "grabbed", at: "2023-07-03T10:00" }], status: "grabbed" },
      { task: "t2", seats: 1, owners: [{ person: "a", how: "assigned", reason: "holds 征管岗; the least loaded of 2 (load 1)" }], status: "assigned" },
      { task: "t3", seats: 1, owners: [{ person: "b", how: "assigned", reason: "holds 征管岗; the least loaded of 2 (load 0)" }], status: "assigned" },
      { task: "t4", seats: 1, owners: [], status: "unowned", reason: "nobody grabbed it and no one holds the post 稽查岗" },
    ]);
  });

  it("two eligible holders with equal load: the earlier id", () => {
    const a = allocateTasks(board([task("t1")]), [], staff(["h2", [ZG]], ["h1", [ZG]]));
    expect(a.tasks[0]!.owners).toEqual([{ person: "h1", how: "assigned", reason: { kind: "least_loaded", post: ZG, candidates: 2, load: "0" } }]);
    expect(worded(a.tasks[0]!.owners)).toEqual([{ person: "h1", how: "assigned", reason: "holds 征管岗; the least loaded of 2 (load 0)" }]);
  });

  it("load is points × coefficient, not points alone", () => {
    const b = board([task("t1", { difficulty: "high", points: 2 }), task("t2", { points: "2.5" }), task("t3")]);
    const a = allocateTasks(b, [
      { task: "t1", person: "a", at: "2023-07-03T10:00" },
      { task: "t2", person: "b", at: "2023-07-03T10:00" },
    ], staff(["a", [ZG]], ["b", [ZG]]));
    // a owns 2 × 1.5 = 3, b owns 2.5 × 1 = 2.5: b is less loaded (by points alone it would be a).
    expect(a.tasks[2]!.owners).toEqual([{ person: "b", how: "assigned", reason: { kind: "least_loaded", post: ZG, candidates: 2, load: "2.5" } }]);
    expect(worded(a.tasks[2]!.owners)).toEqual([{ person: "b", how: "assigned", reason: "holds 征管岗; the least loaded of 2 (load 2.5)" }]);
  });

  it("assignSeats: one (default) fills one seat, all fills every seat there are holders for", () => {
    const b = board([task("t0"), task("t1", { seats: 2 }), task("t2", { seats: 3, post: NF })]);
    const grabs: Grab[] = [{ task: "t0", person: "a", at: "2023-07-03T10:00" }];
    const people = staff(["a", [ZG]], ["b", [ZG]], ["c", [ZG, NF]], ["d", [NF]]);
    const one = allocateTasks(b, grabs, people);
    // t1 and t2 both weigh 1 × 1: equal weight, so t1 is decided first, by id.
    // t1: a 1, b 0, c 0 → b. t2: holders c 0, d 0 → c.
    expect(one.tasks.map((t) => [t.task, t.status, t.owners.map((o) => o.person)])).toEqual([
      ["t0", "grabbed", ["a"]],
      ["t1", "assigned", ["b"]],
      ["t2", "assigned", ["c"]],
    ]);
    const all = allocateTasks(b, grabs, people, { assignSeats: "all" });
    // t1 (2 seats): b (0 of 3), then c (0 of 2; a has 1). t2 (3 seats, 2 holders): c has 1 now, d 0 → d, then c.
    expect(all.tasks.map((t) => [t.task, t.status, t.owners.map((o) => `${o.person}:${o.how}`)])).toEqual([
      ["t0", "grabbed", ["a:grabbed"]],
      ["t1", "assigned", ["b:assigned", "c:assigned"]],
      ["t2", "assigned", ["d:assigned", "c:assigned"]],
    ]);
    expect(all.tasks[1]!.owners.map((o) => o.reason?.candidates)).toEqual([3, 2]);
    expect(worded(all.tasks[1]!.owners.map((o) => o))).toMatchObject([{ reason: "holds 征管岗; the least loaded of 3 (load 0)" }, { reason: "holds 征管岗; the least loaded of 2 (load 0)" }]);
    expect(worded(all.tasks[2]!.owners.map((o) => o))).toMatchObject([{ reason: "holds 纳服岗; the least loaded of 2 (load 0)" }, { reason: "holds 纳服岗; the least loaded of 1 (load 1)" }]);
  });

  it("a post nobody holds: unowned with a reason, never dropped, in board order", () => {
    const b = board([task("t1", { post: JC }), task("t2"), task("t3", { post: "法制岗", seats: 2 })]);
    const a = allocateTasks(b, [], staff(["a", [ZG]]), { assignSeats: "all" });
    expect(a.tasks.map((t) => t.task)).toEqual(["t1", "t2", "t3"]);
    expect(a.tasks[0]).toEqual({ task: "t1", seats: 1, owners: [], status: "unowned", reason: { kind: "no_holder", post: JC } });
    expect(worded(a.tasks[0])).toEqual({ task: "t1", seats: 1, owners: [], status: "unowned", reason: "nobody grabbed it and no one holds the post 稽查岗" });
    expect(a.tasks[1]).toMatchObject({ status: "assigned", owners: [{ person: "a", how: "assigned" }] });
    expect(worded(a.tasks[2])).toEqual({ task: "t3", seats: 2, owners: [], status: "unowned", reason: "nobody grabbed it and no one holds the post 法制岗" });
  });

  it("with no staff at all, every task is reported unowned", () => {
    const a = allocateTasks(board([task("t1"), task("t2")]), [], []);
    expect(a.tasks.map((t) => [t.status, t.owners.length, t.reason?.kind])).toEqual([
      ["unowned", 0, "no_holder"],
      ["unowned", 0, "no_holder"],
    ]);
    expect(a.grabs).toEqual([]);
  });
});

describe("bad input", () => {
  const b = board([task("t1")]);
  const people = staff(["s1", [ZG]]);

  it("grabs with an invalid `at` fail with JixiaoError naming each", () => {
    const grabs: Grab[] = [
      { task: "t1", person: "s1", at: "2023-07-03T09:00" },
      { task: "t1", person: "s1", at: "2023-07-03" },
      { task: "t1", person: "s1", at: "2023-02-30T09:00" },
      { task: "t1", person: "s1", at: "2023-07-03T09:00+15:00" },
      { task: "t1", person: "s1", at: "tomorrow at 9" },
    ];
    expect(() => allocateTasks(b, grabs, people)).toThrow(JixiaoError);
    const r = safeAllocateTasks(b, grabs, people);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "grabs[1].at: "2023-07-03" is not a date-time such as 2023-07-03T09:00:05+08:00",
          "params": {
            "at": "2023-07-03",
            "key": "taskGrabNotDateTime",
          },
          "path": [
            "grabs",
            1,
            "at",
          ],
        },
        {
          "code": "invalid_value",
          "message": "grabs[2].at: "2023-02-30T09:00" is not a date-time such as 2023-07-03T09:00:05+08:00",
          "params": {
            "at": "2023-02-30T09:00",
            "key": "taskGrabNotDateTime",
          },
          "path": [
            "grabs",
            2,
            "at",
          ],
        },
        {
          "code": "invalid_value",
          "message": "grabs[3].at: "2023-07-03T09:00+15:00" is not a date-time such as 2023-07-03T09:00:05+08:00",
          "params": {
            "at": "2023-07-03T09:00+15:00",
            "key": "taskGrabNotDateTime",
          },
          "path": [
            "grabs",
            3,
            "at",
          ],
        },
        {
          "code": "invalid_value",
          "message": "grabs[4].at: "tomorrow at 9" is not a date-time such as 2023-07-03T09:00:05+08:00",
          "params": {
            "at": "tomorrow at 9",
            "key": "taskGrabNotDateTime",
          },
          "path": [
            "grabs",
            4,
            "at",
          ],
        },
      ]
    `);
  });

  it("a too-short `at`, a bad board, staff or policy also fail with JixiaoError", () => {
    const short = safeAllocateTasks(b, [{ task: "t1", person: "s1", at: "yesterday" }], people);
    expect(short.success || short.issues.map((i) => i.path)).toEqual([["grabs", 0, "at"]]);
    expect(() => allocateTasks({ ...b, period: "2023-Q5" }, [], people)).toThrow(JixiaoError);
    const dup = safeAllocateTasks(b, [], staff(["s1", [ZG]], ["s1", [NF]]));
    expect(dup.success || dup.issues.map((i) => [i.code, i.path])).toEqual([["duplicate_id", ["staff", 1, "id"]]]);
    const policy = safeAllocateTasks(b, [], people, { maxTasksPerPerson: 0 });
    expect(policy.success || policy.issues.map((i) => i.path)).toEqual([["policy", "maxTasksPerPerson"]]);
    const eligibility = safeAllocateTasks(b, [], people, { eligibility: "everyone" as never });
    expect(eligibility.success || eligibility.issues.map((i) => i.path)).toEqual([["policy", "eligibility"]]);
  });
});
