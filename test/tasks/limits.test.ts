import { describe, expect, it } from "vitest";
import { allocateTasks, defineTaskBoard, formatIssues, MAX_BOARD_SEATS, MAX_GRABS, MAX_GRADES, MAX_SEATS, MAX_STAFF, MAX_TASKS, safeAllocateTasks, safeDefineTaskBoard, type TaskBoardConfig, type TaskConfig } from "../../src/index.js";

// A task board's named limits: refused with out_of_range and a catalog message, by the
// schema and by allocateTasks' quick reading alike.

const task = (i: number, seats: number): TaskConfig => ({ id: `t${i}`, title: "任务", difficulty: "high", points: 1, seats, post: "P", published: "2023-07-03", deadline: "2023-07-31" });
const board = (tasks: TaskConfig[], difficulty: Record<string, number> = { high: 1.5 }): TaskBoardConfig => ({ id: "b", period: "2023-Q3", difficulty, tasks });

describe("a task board's limits", () => {
  it("are named", () => {
    expect([MAX_TASKS, MAX_SEATS, MAX_BOARD_SEATS, MAX_GRABS, MAX_STAFF]).toEqual([100_000, 10_000, 1_000_000, 1_000_000, 1_000_000]);
  });

  it("take 1,000,000 seats in all, and refuse one more", () => {
    const full = Array.from({ length: 100 }, (_, i) => task(i, 10_000));
    expect(defineTaskBoard(board(full)).tasks).toHaveLength(100);
    const over = board([...full, task(100, 1)]);
    for (const r of [safeDefineTaskBoard(over), safeAllocateTasks(over, [], [])]) {
      if (r.success) throw new Error("expected the board to be refused");
      expect(r.issues.map((i) => `${i.code} ${i.path.join(".")}`)).toEqual(["out_of_range tasks"]);
      expect(formatIssues(r.issues)).toBe("- tasks：各任务的席位合计 1000001 个，一个任务清单至多 1000000 个");
      expect(r.issues[0]!.message).toBe("tasks: have 1000001 seats in all; a board has at most 1000000");
    }
  });

  it("take difficulty tables of 100 grades, and refuse more", () => {
    const grades = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i === 0 ? "high" : `g${i}`, 1]));
    expect(allocateTasks(board([task(0, 1)], grades(MAX_GRADES)), [], [{ id: "s", posts: ["P"] }]).tasks[0]!.owners).toHaveLength(1);
    const r = safeAllocateTasks(board([task(0, 1)], grades(MAX_GRADES + 1)), [], []);
    if (r.success) throw new Error("expected the board to be refused");
    expect(r.issues.map((i) => `${i.code} ${i.path.join(".")}`)).toEqual(["out_of_range difficulty"]);
  });
});
