import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  allocateTasks,
  creditOf,
  creditTasks,
  JixiaoError,
  safeCreditTasks,
  type Completion,
  type CreditPolicy,
  type TaskBoardConfig,
  type TaskCredits,
} from "../../src/index.js";
import { ZG, task } from "./fixtures.js";



const board: TaskBoardConfig = {
  id: "zx-2023-Q3",
  period: "2023-Q3",
  difficulty: { high: 1.5, medium: 1.2, low: 1 },
  tasks: [
    task("t1", { difficulty: "high", points: 2 }), // 2 × 1.5 = 3
    task("t2", { difficulty: "medium", points: "2.5", seats: 2 }), // 2.5 × 1.2 = 3
    task("t3", { seats: 3 }), // 1 × 1 = 1
    task("t4", { points: 4 }), // 4 × 1 = 4, nobody grabs it
    task("t5", { difficulty: "high", points: 2, post: "稽查岗" }), // nobody holds the post
  ],
};
const staff = ["p1", "p2", "p3", "p4"].map((id) => ({ id, posts: [ZG] }));
// Loads after the grabs: p1 3 + 3 + 1 = 7, p2 3 + 1 = 4, p3 1, p4 0 → t4 is assigned to p4.
const allocation = allocateTasks(
  board,
  [
    { task: "t1", person: "p1", at: "2023-07-03T09:00" },
    { task: "t2", person: "p1", at: "2023-07-04T09:00" },
    { task: "t2", person: "p2", at: "2023-07-04T09:01" },
    { task: "t3", person: "p3", at: "2023-07-05T09:00" },
    { task: "t3", person: "p1", at: "2023-07-05T09:01" },
    { task: "t3", person: "p2", at: "2023-07-05T09:02" },
  ],
  staff,
);
const grades = { 优: 1, 良: 0.8, 中: "0.6" };

const credit = (completions: Completion[], policy: CreditPolicy = {}) => creditTasks(board, allocation, completions, policy);
/** person → task → credit. */
const creditsBy = (c: TaskCredits) => Object.fromEntries(c.people.map((p) => [p.person, Object.fromEntries(p.credits.map((l) => [l.task, l.credit]))]));
/** The issues of a call that must be refused; checks that creditTasks throws a JixiaoError too. */
function issuesOf(completions: Completion[], policy: CreditPolicy = {}, a = allocation) {
  expect(() => creditTasks(board, a, completions, policy)).toThrow(JixiaoError);
  const r = safeCreditTasks(board, a, completions, policy);
  if (r.success) throw new Error("expected the credit to be refused");
  return r.issues;
}

describe("the fixture", () => {
  it("is allocated as worked out by hand", () => {
    expect(allocation.tasks.map((t) => [t.task, t.status, t.owners.map((o) => `${o.person}:${o.how}`)])).toEqual([
      ["t1", "grabbed", ["p1:grabbed"]],
      ["t2", "grabbed", ["p1:grabbed", "p2:grabbed"]],
      ["t3", "grabbed", ["p3:grabbed", "p1:grabbed", "p2:grabbed"]],
      ["t4", "assigned", ["p4:assigned"]],
      ["t5", "unowned", []],
    ]);
  });
});

describe("base points × coefficient × quality", () => {
  it("takes quality as a fraction", () => {
    expect(creditsBy(credit([{ task: "t1", person: "p1", quality: 1 }]))).toEqual({ p1: { t1: 3 } });
    expect(creditsBy(credit([{ task: "t1", person: "p1", quality: 0.8 }]))).toEqual({ p1: { t1: 2.4 } });
    expect(creditsBy(credit([{ task: "t1", person: "p1", quality: "0.85" }]))).toEqual({ p1: { t1: 2.55 } });
    expect(creditsBy(credit([{ task: "t1", person: "p1", quality: 0 }]))).toEqual({ p1: { t1: 0 } });
    // 4 × 1 × 0.3 = 1.2 exactly (no binary drift: 4 * 0.3 is 1.2000000000000002 in floating point)
    expect(creditsBy(credit([{ task: "t4", person: "p4", quality: 0.3 }]))).toEqual({ p4: { t4: 1.2 } });
  });

  it("takes quality as a grade mapped by the policy", () => {
    const c = credit(
      [
        { task: "t1", person: "p1", quality: "良" },
        { task: "t4", person: "p4", quality: "中" },
      ],
      { qualityGrades: grades },
    );
    expect(creditsBy(c)).toEqual({ p1: { t1: 2.4 }, p4: { t4: 2.4 } });
    expect(c.people[0]!.credits[0]!.trace[0]!.values).toMatchObject({ quality: "0.8", grade: "良" });
  });

  it("refuses a quality number outside 0 to 1", () => {
    for (const quality of [1.5, -0.5, 2]) {
      const r = safeCreditTasks(board, allocation, [{ task: "t1", person: "p1", quality }]);
      expect(r.success, `quality ${JSON.stringify(quality)}`).toBe(false);
      if (r.success) continue;
      expect(r.issues.map((i) => i.path)).toEqual([["completions", 0, "quality"]]);
    }
  });

  it("refuses a quality outside 0 to 1 written as decimal text (\"1.5\", \"-1\"), as it does the same number", () => {
    for (const quality of ["1.5", "-1", "2"]) {
      const r = safeCreditTasks(board, allocation, [{ task: "t1", person: "p1", quality }]);
      expect(r.success, `quality ${JSON.stringify(quality)}`).toBe(false);
      if (r.success) continue;
      expect(r.issues.map((i) => i.path)).toEqual([["completions", 0, "quality"]]);
    }
  });

  it("an unknown quality grade is an error", () => {
    expect(issuesOf([{ task: "t1", person: "p1", quality: "良好" }], { qualityGrades: grades })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_grade",
          "message": "completions[0].quality: "良好" is not a quality grade; the grades are 优, 良, 中",
          "params": {
            "grades": [
              "优",
              "良",
              "中",
            ],
            "key": "taskUnknownQuality",
            "quality": "良好",
          },
          "path": [
            "completions",
            0,
            "quality",
          ],
        },
      ]
    `);
    expect(issuesOf([{ task: "t1", person: "p1", quality: "良" }]).map((i) => [i.code, i.path])).toEqual([["unknown_grade", ["completions", 0, "quality"]]]);
    // a name only Object.prototype has is no grade either
    expect(issuesOf([{ task: "t1", person: "p1", quality: "constructor" }], { qualityGrades: grades }).map((i) => i.code)).toEqual(["unknown_grade"]);
  });
});

describe("factors", () => {
  it("assignedFactor applies to assigned tasks only", () => {
    const c = credit(
      [
        { task: "t1", person: "p1", quality: 1 },
        { task: "t4", person: "p4", quality: 1 },
      ],
      { assignedFactor: 0.8 },
    );
    // grabbed t1: 3; assigned t4: 4 × 0.8 = 3.2
    expect(creditsBy(c)).toEqual({ p1: { t1: 3 }, p4: { t4: 3.2 } });
    expect(c.people[1]!.credits[0]!).toMatchObject({ how: "assigned", credit: 3.2 });
    expect(c.people[1]!.credits[0]!.trace[0]!.values.assignedFactor).toBe("0.8");
    expect(c.people[0]!.credits[0]!.trace[0]!.values.assignedFactor).toBeUndefined();
    // the default is 1: assigned and grabbed count the same
    expect(creditsBy(credit([{ task: "t4", person: "p4", quality: 1 }]))).toEqual({ p4: { t4: 4 } });
  });

  it("lateFactor applies to a completion after the deadline", () => {
    const c = credit(
      [
        { task: "t1", person: "p1", quality: 1, completed: "2023-08-01T08:00" },
        { task: "t4", person: "p4", quality: 1, completed: "2023-08-02" },
        { task: "t2", person: "p1", quality: 1, completed: "2023-07-31T23:59" },
        { task: "t2", person: "p2", quality: 1 },
      ],
      { assignedFactor: 0.8, lateFactor: 0.5 },
    );
    // t1: 3 × 0.5 = 1.5; t4: 4 × 0.8 × 0.5 = 1.6; t2 on time, split 1.5 / 1.5
    expect(creditsBy(c)).toEqual({ p1: { t1: 1.5, t2: 1.5 }, p2: { t2: 1.5 }, p4: { t4: 1.6 } });
    expect(c.people[0]!.credits.map((l) => [l.task, l.late])).toEqual([
      ["t1", true],
      ["t2", false],
    ]);
    expect(c.people[1]!.credits[0]!.late).toBe(false);
    expect(c.people[2]!.credits[0]!.late).toBe(true);
    // without a lateFactor, late is still reported but costs nothing
    const plain = credit([{ task: "t1", person: "p1", quality: 1, completed: "2023-08-01T08:00" }]);
    expect(plain.people[0]!.credits[0]).toMatchObject({ late: true, credit: 3 });
  });
});

describe("splitting between co-owners", () => {
  it("by declared shares that add up to 1", () => {
    const c = credit([
      { task: "t2", person: "p1", quality: 1, share: 0.6 },
      { task: "t2", person: "p2", quality: "0.5", share: "0.4" },
    ]);
    // t2 is 3: p1 3 × 0.6 = 1.8; p2 3 × 0.4 = 1.2, × 0.5 quality = 0.6
    expect(creditsBy(c)).toEqual({ p1: { t2: 1.8 }, p2: { t2: 0.6 } });
    expect(c.people.map((p) => [p.credits[0]!.trace[0]!.values.share, p.credits[0]!.trace[0]!.values.part])).toEqual([
      ["0.6", "1.8"],
      ["0.4", "1.2"],
    ]);
  });

  it("declared shares that do not add up to 1 are an error", () => {
    expect(
      issuesOf([
        { task: "t1", person: "p1", quality: 1 },
        { task: "t2", person: "p1", quality: 1, share: 0.5 },
        { task: "t2", person: "p2", quality: 1, share: 0.4 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "completions[1].share: the shares of t2 add up to 0.9, not 1",
          "params": {
            "key": "taskSharesSum",
            "task": "t2",
            "total": "0.9",
          },
          "path": [
            "completions",
            1,
            "share",
          ],
        },
      ]
    `);
    const over = issuesOf([
      { task: "t2", person: "p1", quality: 1, share: 0.7 },
      { task: "t2", person: "p2", quality: 1, share: 0.4 },
    ]);
    expect(over.map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["completions", 0, "share"]]]);
    expect(over[0]!.message).toContain("1.1");
    // a single owner declaring less than the whole is refused too
    expect(issuesOf([{ task: "t1", person: "p1", quality: 1, share: 0.5 }]).map((i) => i.code)).toEqual(["invalid_rule"]);
  });

  it("some declaring and some not is an error", () => {
    expect(
      issuesOf([
        { task: "t3", person: "p3", quality: 1, share: 0.5 },
        { task: "t3", person: "p1", quality: 1 },
        { task: "t3", person: "p2", quality: 1, share: 0.5 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "completions[1].share: is missing: other owners of t3 declare shares, so every owner must",
          "params": {
            "key": "taskShareMissing",
            "task": "t3",
          },
          "path": [
            "completions",
            1,
            "share",
          ],
        },
      ]
    `);
  });

  it("equally when no one declares: 1 point split 3 ways at 2 decimals is 0.34, 0.33, 0.33, the extra cent to the earliest id", () => {
    // Listed p3, p1, p2: the remainders tie, so the unit left goes to the earliest person id, p1, not the first listed.
    const c = credit([
      { task: "t3", person: "p3", quality: 1 },
      { task: "t3", person: "p1", quality: 1 },
      { task: "t3", person: "p2", quality: 1 },
    ]);
    expect(creditsBy(c)).toEqual({ p1: { t3: 0.34 }, p2: { t3: 0.33 }, p3: { t3: 0.33 } });
    const parts = c.people.map((p) => p.credits[0]!.trace[0]!.values.part!);
    expect(parts).toEqual(["0.34", "0.33", "0.33"]);
    expect(parts.reduce((s, x) => s.plus(x), new Decimal(0)).toString()).toBe("1");
    expect(c.people[0]!.credits[0]!.trace[0]!.values.share).toMatch(/^0\.3333333333/);
  });

  it("with other split decimals the parts still add up to the whole", () => {
    const three: Completion[] = ["p3", "p1", "p2"].map((person) => ({ task: "t3", person, quality: 1 }));
    expect(creditsBy(credit(three, { splitDecimals: 0 }))).toEqual({ p1: { t3: 1 }, p2: { t3: 0 }, p3: { t3: 0 } });
    expect(creditsBy(credit(three, { splitDecimals: 4 }))).toEqual({ p1: { t3: 0.3334 }, p2: { t3: 0.3333 }, p3: { t3: 0.3333 } });
    // t2 (3) between two: 1.5 each, nothing to round
    expect(creditsBy(credit(["p2", "p1"].map((person) => ({ task: "t2", person, quality: 1 }))))).toEqual({ p1: { t2: 1.5 }, p2: { t2: 1.5 } });
  });

  it("quality applies to each owner's part after the split", () => {
    const c = credit([
      { task: "t3", person: "p3", quality: 1 },
      { task: "t3", person: "p1", quality: 0.5 },
      { task: "t3", person: "p2", quality: 0.5 },
    ]);
    // parts 0.34 / 0.33 / 0.33; p1 0.34 × 0.5 = 0.17, p2 0.33 × 0.5 = 0.165
    expect(creditsBy(c)).toEqual({ p1: { t3: 0.17 }, p2: { t3: 0.165 }, p3: { t3: 0.33 } });
  });
});

describe("the cap", () => {
  const capBoard: TaskBoardConfig = {
    id: "cap",
    period: "2023-Q3",
    difficulty: { high: 1.5, low: 1 },
    tasks: [task("c1", { difficulty: "high", points: 4 }), task("c2", { difficulty: "high", points: 4 }), task("c3", { points: 3 })],
  };
  const capAllocation = allocateTasks(
    capBoard,
    [
      { task: "c1", person: "a", at: "2023-07-03T09:00" },
      { task: "c2", person: "a", at: "2023-07-03T09:00" },
      { task: "c3", person: "b", at: "2023-07-03T09:00" },
    ],
    [
      { id: "a", posts: [ZG] },
      { id: "b", posts: [ZG] },
    ],
  );
  const all: Completion[] = [
    { task: "c1", person: "a", quality: 1 },
    { task: "c2", person: "a", quality: 1 },
    { task: "c3", person: "b", quality: 1 },
  ];

  it("a person over the cap keeps the cap, with the excess shown", () => {
    const c = creditTasks(capBoard, capAllocation, all, { cap: 10 });
    // a: 4 × 1.5 + 4 × 1.5 = 12 → 10 applied, 2 excess; b: 3, under the cap
    expect(c.people.map(({ person, total, cap, applied, excess }) => ({ person, total, cap, applied, excess }))).toEqual([
      { person: "a", total: 12, cap: 10, applied: 10, excess: 2 },
      { person: "b", total: 3, cap: 10, applied: 3, excess: 0 },
    ]);
    expect(creditOf(c, "a")).toBe(10);
    expect(creditOf(c, "b")).toBe(3);
    expect(c.people.map((p) => [p.person, p.exact, p.credits.map((l) => l.exact)])).toEqual([
      ["a", { total: "12", applied: "10", excess: "2" }, ["6", "6"]],
      ["b", { total: "3", applied: "3", excess: "0" }, ["3"]],
    ]);
  });

  it("every credit, total, applied and excess has its exact text: beyond 2^53 only the text has every digit", () => {
    const huge: TaskBoardConfig = { ...capBoard, id: "huge", tasks: [task("h1", { points: "100000000000000001" }), task("h2", { points: "0.3" })] };
    const allocation = allocateTasks(huge, [{ task: "h1", person: "a", at: "2023-07-03T09:00" }, { task: "h2", person: "a", at: "2023-07-03T09:00" }], [{ id: "a", posts: [ZG] }]);
    const c = creditTasks(huge, allocation, [{ task: "h1", person: "a", quality: 1 }, { task: "h2", person: "a", quality: "0.1" }], { cap: "100000000000000000" });
    const p = c.people[0]!;
    expect(p.credits.map((l) => [l.credit, l.exact])).toEqual([
      [1e17, "100000000000000001"],
      [0.03, "0.03"],
    ]);
    // The numbers say total = applied and an excess of 1; the texts say why.
    expect([p.total, p.applied, p.excess]).toEqual([1e17, 1e17, 1.03]);
    expect(p.exact).toEqual({ total: "100000000000000001.03", applied: "100000000000000000", excess: "1.03" });
  });

  it("no cap: everything counts and cap is null", () => {
    const c = creditTasks(capBoard, capAllocation, all);
    expect(c.people[0]).toMatchObject({ person: "a", total: 12, cap: null, applied: 12, excess: 0 });
  });

  it("a decimal cap, and exactly at the cap", () => {
    const c = creditTasks(capBoard, capAllocation, all, { cap: "2.5" });
    expect(c.people.map((p) => [p.person, p.applied, p.excess])).toEqual([
      ["a", 2.5, 9.5],
      ["b", 2.5, 0.5],
    ]);
    const exact = creditTasks(capBoard, capAllocation, all, { cap: 3 });
    expect(exact.people[1]).toMatchObject({ person: "b", total: 3, applied: 3, excess: 0 });
  });
});

describe("errors", () => {
  it("a completion by a non-owner", () => {
    expect(issuesOf([{ task: "t1", person: "p2", quality: 1 }])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "completions[0].person: "p2" does not own task "t1" in the allocation",
          "params": {
            "key": "taskNotOwner",
            "person": "p2",
            "task": "t1",
          },
          "path": [
            "completions",
            0,
            "person",
          ],
        },
      ]
    `);
    // nor of an unowned task, nor of a task not on the board
    expect(issuesOf([{ task: "t5", person: "p1", quality: 1 }]).map((i) => [i.code, i.path])).toEqual([["invalid_value", ["completions", 0, "person"]]]);
    expect(issuesOf([{ task: "t9", person: "p1", quality: 1 }]).map((i) => [i.code, i.path])).toEqual([["unknown_id", ["completions", 0, "task"]]]);
  });

  it("an allocation of another board", () => {
    const other = allocateTasks({ ...board, id: "other-board" }, [{ task: "t1", person: "p1", at: "2023-07-03T09:00" }], staff);
    expect(issuesOf([{ task: "t1", person: "p1", quality: 1 }], {}, other)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "allocation.board: is "other-board", not the board "zx-2023-Q3" being credited",
          "params": {
            "board": "zx-2023-Q3",
            "given": "other-board",
            "key": "taskOtherBoard",
          },
          "path": [
            "allocation",
            "board",
          ],
        },
      ]
    `);
  });

  it("two completions by the same owner of the same task, a bad date, a bad policy", () => {
    expect(
      issuesOf([
        { task: "t1", person: "p1", quality: 1 },
        { task: "t1", person: "p1", quality: 0.5 },
      ]).map((i) => [i.code, i.path]),
    ).toEqual([["duplicate_id", ["completions", 1]]]);
    expect(issuesOf([{ task: "t1", person: "p1", quality: 1, completed: "2023-02-30" }]).map((i) => i.path)).toEqual([["completions", 0, "completed"]]);
    expect(issuesOf([], { cap: -1 }).map((i) => i.path)).toEqual([["policy", "cap"]]);
    expect(issuesOf([], { lateFactor: "x" }).map((i) => i.path)).toEqual([["policy", "lateFactor"]]);
    expect(() => creditTasks(board, { board: "zx-2023-Q3" } as never, [])).toThrow(JixiaoError);
  });
});

describe("uncompleted, the trace, creditOf", () => {
  it("owners with no completion are listed, in board and owner order", () => {
    const c = credit([
      { task: "t1", person: "p1", quality: 1 },
      { task: "t3", person: "p1", quality: 1 },
    ]);
    expect(c.uncompleted).toEqual([
      { task: "t2", person: "p1" },
      { task: "t2", person: "p2" },
      { task: "t3", person: "p3" },
      { task: "t3", person: "p2" },
      { task: "t4", person: "p4" },
    ]);
    expect(c.board).toBe("zx-2023-Q3");
    expect(credit([]).uncompleted).toHaveLength(7);
    expect(credit([]).people).toEqual([]);
  });

  it("each credit carries its trace as exact decimal strings", () => {
    const c = credit([{ task: "t4", person: "p4", quality: "良", completed: "2023-08-01T00:00:01+08:00" }], { qualityGrades: grades, assignedFactor: 0.8, lateFactor: 0.5 });
    // 4 × 1 × 0.8 (良) × 0.8 (assigned) × 0.5 (late) = 1.28
    expect(c.people).toEqual([
      {
        person: "p4",
        credits: [
          {
            task: "t4",
            how: "assigned",
            credit: 1.28,
            exact: "1.28",
            late: true,
            trace: [
              {
                at: "task:t4",
                rule: "credit",
                values: { points: "4", coefficient: "1", base: "4", share: "1", part: "4", quality: "0.8", grade: "良", how: "assigned", assignedFactor: "0.8", lateFactor: "0.5" },
                result: "1.28",
              },
            ],
          },
        ],
        total: 1.28,
        cap: null,
        applied: 1.28,
        excess: 0,
        exact: { total: "1.28", applied: "1.28", excess: "0" },
      },
    ]);
    const plain = credit([{ task: "t2", person: "p1", quality: 1 }, { task: "t2", person: "p2", quality: 0.9 }]);
    expect(plain.people[1]!.credits[0]!.trace[0]).toEqual({
      at: "task:t2",
      rule: "credit",
      values: { points: "2.5", coefficient: "1.2", base: "3", share: "0.5", part: "1.5", quality: "0.9", how: "grabbed" },
      result: "1.35",
    });
  });

  it("people come sorted by id, their credits in task order, totals summed exactly", () => {
    const c = credit([
      { task: "t3", person: "p2", quality: 1 },
      { task: "t2", person: "p2", quality: 1 },
      { task: "t2", person: "p1", quality: 1 },
      { task: "t1", person: "p1", quality: "0.7" },
      { task: "t3", person: "p1", quality: 1 },
      { task: "t3", person: "p3", quality: 1 },
    ]);
    expect(c.people.map((p) => p.person)).toEqual(["p1", "p2", "p3"]);
    expect(c.people[0]!.credits.map((l) => l.task)).toEqual(["t1", "t2", "t3"]);
    // p1: 2.1 + 1.5 + 0.34 = 3.94 (in floating point 2.1 + 1.5 + 0.34 is 3.9400000000000004)
    expect(c.people[0]!.total).toBe(3.94);
    expect(c.people[1]!.total).toBe(1.83);
    expect(c.people[2]!.total).toBe(0.33);
  });

  it("creditOf gives the applied credit, 0 for someone with none", () => {
    const c = credit([{ task: "t1", person: "p1", quality: 1 }, { task: "t4", person: "p4", quality: 0 }], { cap: 10 });
    expect(creditOf(c, "p1")).toBe(3);
    expect(creditOf(c, "p4")).toBe(0);
    expect(creditOf(c, "p2")).toBe(0);
    expect(creditOf(c, "nobody")).toBe(0);
    expect(() => creditOf({ people: "x" } as never, "p1")).toThrow(JixiaoError);
  });
});
