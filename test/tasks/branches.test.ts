import { describe, expect, it } from "vitest";
import { allocateTasks, creditTasks, explainTaskReason, safeAllocateTasks, safeCreditTasks, taskStatistics, type Allocation, type Grab, type StaffMember, type TaskBoardConfig } from "../../src/index.js";
import { task, ZG } from "./fixtures.js";

// The branches of the tasks module the other tests leave out, each with the behaviour it is for.

const board: TaskBoardConfig = { id: "b", period: "2023-Q3", difficulty: { low: 1 }, tasks: [task("t1"), task("t2"), task("t3")] };
const staff: StaffMember[] = [{ id: "a", posts: [ZG] }, { id: "b", posts: [ZG] }];
const grabs: Grab[] = [
  { task: "t1", person: "a", at: "2023-07-04T09:00" },
  { task: "t2", person: "a", at: "2023-07-04T09:01" },
  { task: "t3", person: "a", at: "2023-07-04T09:02" },
];
const issues = (r: { success: true } | { success: false; issues: readonly { code: string; path: readonly (string | number)[]; message: string }[] }) =>
  r.success ? [] : r.issues.map((i) => [i.code, i.path, i.message]);

describe("allocateTasks", () => {
  it("checks a grab or a staff member with a field the quick check does not know", () => {
    expect(issues(safeAllocateTasks(board, [{ ...grabs[0]!, why: 1 } as Grab], staff))).toEqual([["unknown_field", ["grabs", 0, "why"], 'grabs[0].why: is not a known field; did you mean "by"?']]);
    expect(issues(safeAllocateTasks(board, [], [{ id: "a", posts: [ZG], level: 3 } as StaffMember]))).toEqual([["unknown_field", ["staff", 0, "level"], "staff[0].level: is not a known field"]]);
  });

  it("says 'tasks' for a limit above 1 and 'task' for a limit of 1", () => {
    const two = allocateTasks(board, grabs, staff, { maxTasksPerPerson: 2 });
    expect(two.grabs.map((g) => [g.task, g.outcome, g.code, g.reason])).toEqual([
      ["t1", "seated", undefined, undefined],
      ["t2", "seated", undefined, undefined],
      ["t3", "rejected", "limit", { kind: "limit", limit: 2 }],
    ]);
    expect(two.grabs.map((g) => (g.reason ? explainTaskReason(g.reason, { locale: "en" }) : null))).toEqual([null, null, "the person already holds 2 tasks, the most allowed"]);
    const one = allocateTasks(board, grabs, staff, { maxTasksPerPerson: 1 });
    expect(one.grabs.map((g) => (g.reason ? explainTaskReason(g.reason, { locale: "en" }) : null))).toEqual([null, "the person already holds 1 task, the most allowed", "the person already holds 1 task, the most allowed"]);
    expect(one.grabs.map((g) => (g.reason ? explainTaskReason(g.reason) : null))).toEqual([null, "本人已有 1 项任务，达到上限", "本人已有 1 项任务，达到上限"]);
  });
});

describe("creditTasks", () => {
  const allocation = allocateTasks(board, grabs, staff);

  it("checks a completion with a field the quick check does not know", () => {
    expect(issues(safeCreditTasks(board, allocation, [{ task: "t1", person: "a", quality: 1, note: "x" } as never]))).toEqual([
      ["unknown_field", ["completions", 0, "note"], 'completions[0].note: is not a known field; did you mean "name"?'],
    ]);
  });

  it("refuses a quality number beyond ±10^18 in the words of every decimal field", () => {
    expect(issues(safeCreditTasks(board, allocation, [{ task: "t1", person: "a", quality: 1e19 }]))).toEqual([
      ["invalid_number", ["completions", 0, "quality"], "completions[0].quality: must be a finite decimal within ±10^18, not 10000000000000000000"],
    ]);
    expect(issues(safeCreditTasks(board, allocation, [{ task: "t1", person: "a", quality: 1.5 }]))).toEqual([
      ["out_of_range", ["completions", 0, "quality"], "completions[0].quality: must be a fraction from 0 to 1 (or a quality grade), not 1.5"],
    ]);
  });
});

describe("taskStatistics", () => {
  const allocation = allocateTasks(board, grabs, staff, { maxTasksPerPerson: 2 });

  it("counts a rejected grab without a code (an allocation given as JSON) as 'rejected'", () => {
    const json = JSON.parse(JSON.stringify(allocation)) as { grabs: { code?: string }[] };
    delete json.grabs[2]!.code;
    expect(taskStatistics(json as unknown as Allocation, staff).grabs).toEqual({ made: 3, seated: 2, rejected: { rejected: 1 } });
    expect(taskStatistics(allocation, staff).grabs).toEqual({ made: 3, seated: 2, rejected: { limit: 1 } });
  });

  it("gives 0 for every spread over no staff", () => {
    const credits = creditTasks(board, allocation, [{ task: "t1", person: "a", quality: 1 }]);
    const s = taskStatistics(allocation, [], { credits, thresholds: [1] });
    expect([s.grabsPerPerson, s.tookPart, s.tookPartShare, s.tookPartPercent, s.seatedPeople, s.credits]).toEqual([
      { min: 0, max: 0, mean: 0 },
      0,
      0,
      "0.0%",
      0,
      { min: 0, max: 0, spread: 0, mean: 0, atLeast: { "1": 0 } },
    ]);
  });
});
