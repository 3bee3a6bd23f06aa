import { describe, expect, it } from "vitest";
import {
  allocateTasks,
  formatIssue,
  safeAllocateTasks,
  safeCreditTasks,
  safeDefineTaskBoard,
  type Issue,
  type SafeResult,
  type TaskBoardConfig,
} from "../../src/index.js";
import { task } from "./fixtures.js";

const issuesOf = (r: SafeResult<unknown>): readonly Issue[] => (r.success ? [] : r.issues);
const zh = (r: SafeResult<unknown>): string[] => issuesOf(r).map((i) => formatIssue(i));
const en = (r: SafeResult<unknown>): string[] => issuesOf(r).map((i) => formatIssue(i, { locale: "en" }));

const board = (tasks = [task("t1"), task("t2")], more: Partial<TaskBoardConfig> = {}): TaskBoardConfig => ({ id: "b", period: "2023-Q3", difficulty: { high: 1.5, low: 1 }, tasks, ...more });

describe("the task functions' issues in Chinese", () => {
  it("a board: a repeated id, an unknown grade, impossible dates, a deadline before publication, an offset out of range", () => {
    const r = safeDefineTaskBoard(
      board([task("t1", { difficulty: "hard", published: "2023-02-30" }), task("t1", { published: "2023-07-10", deadline: "2023-07-01" }), task("t3", { deadline: "2023-13-01" })]),
    );
    expect(zh(r)).toEqual([
      "tasks[0].difficulty：「hard」不是难度等级；可选的等级：high、low",
      "tasks[0].published：「2023-02-30」不是有效的日期，应形如 2023-07-03 或 2023-07-03T09:00",
      "tasks[1].id：任务编号「t1」与 tasks[0] 重复",
      "tasks[1].deadline：完成时限 2023-07-01 早于亮单时间 2023-07-10",
      "tasks[2].deadline：「2023-13-01」不是有效的日期，应形如 2023-07-31 或 2023-07-31T17:30",
    ]);
    expect(en(r)).toEqual(issuesOf(r).map((i) => i.message));
    expect(zh(safeDefineTaskBoard(board(undefined, { utcOffset: "+15:00" })))).toEqual(["utcOffset：「+15:00」不是有效的 UTC 时差（最大 ±14:59）"]);
  });

  it("allocation: a repeated staff id, a grab time that is not a date-time", () => {
    const r = safeAllocateTasks(board(), [{ task: "t1", person: "s1", at: "2023-07-03" }], [{ id: "s1", posts: [] }, { id: "s1", posts: [] }]);
    expect(zh(r)).toEqual(["staff[1].id：人员编号「s1」重复", "grabs[0].at：「2023-07-03」不是日期时间；抢单时间应形如 2023-07-03T09:00:05+08:00"]);
    expect(en(r)).toEqual(['staff[1].id: repeats the staff id "s1"', 'grabs[0].at: "2023-07-03" is not a date-time such as 2023-07-03T09:00:05+08:00']);
  });

  it("credit: completions that do not fit the allocation, shares that do not add up, another board", () => {
    const b = board([task("w", { seats: 2 }), task("v", { seats: 2 })]);
    const staff = [{ id: "s01", posts: ["征管岗"] }, { id: "s02", posts: ["征管岗"] }];
    const a = allocateTasks(b, ["w", "v"].flatMap((t) => staff.map((s) => ({ task: t, person: s.id, at: "2023-07-04T09:00" }))), staff);
    const r = safeCreditTasks(
      b,
      a,
      [
        { task: "w", person: "s01", quality: "好", share: 0.5 },
        { task: "x", person: "s01", quality: 1 },
        { task: "w", person: "s09", quality: 1 },
        { task: "v", person: "s01", quality: 1, completed: "2023-07-32" },
        { task: "v", person: "s01", quality: 1 },
      ],
      { qualityGrades: { 优: 1, 良: 0.8 } },
    );
    expect(zh(r)).toEqual([
      "completions[0].quality：「好」不是质量等级；可选的等级：优、良",
      "completions[1].task：任务清单「b」中没有这项任务",
      "completions[2].person：在分配结果中，「s09」不是任务「w」的承担人",
      "completions[3].completed：「2023-07-32」不是日期或日期时间",
      "completions[4]：s01 完成 v 的记录重复",
      "completions[2].share：缺少比例：w 的其他承担人申报了比例，每个承担人都要申报",
    ]);
    expect(zh(safeCreditTasks(b, a, [{ task: "w", person: "s01", quality: "好" }]))).toEqual(["completions[0].quality：「好」不是质量等级（计分规则没有设质量等级）"]);
    expect(zh(safeCreditTasks(b, a, [{ task: "w", person: "s01", quality: 1, share: 0.5 }, { task: "w", person: "s02", quality: 1, share: 0.3 }]))).toEqual([
      "completions[0].share：w 的比例合计为 0.8，应为 1",
    ]);
    expect(zh(safeCreditTasks(b, { ...a, board: "other" }, []))).toEqual(["allocation.board：是「other」，不是正在计分的任务清单「b」"]);
    const fraction = safeCreditTasks(b, a, [{ task: "w", person: "s01", quality: "1.2" }]);
    expect(zh(fraction)).toEqual(["completions[0].quality：应为 0 到 1 之间的比例（或质量等级），实际是 1.2"]);
    expect(en(fraction)).toEqual(["completions[0].quality: must be a fraction from 0 to 1 (or a quality grade), not 1.2"]);
    expect(zh(safeCreditTasks(b, a, [{ task: "w", person: "s01", quality: 1e19 }]))).toEqual(["completions[0].quality：应为 ±10^18 以内的有限十进制数，实际是 10000000000000000000"]);
  });
});
