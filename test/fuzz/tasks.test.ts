import { describe } from "vitest";
import { allocateTasks, creditOf, creditTasks, defineTaskBoard, taskStatistics } from "../../src/index.js";
import { BOARD_TEXT, COMPLETIONS, CREDIT_POLICY, GRABS, STAFF, TASK_BOARD } from "./bases.js";
import { copy, deepNest, extremes, fuzz, heavy, many } from "./fuzz.js";

const POLICY = { maxTasksPerPerson: 3, eligibility: "post", assignSeats: "all" };
const allocation = allocateTasks(TASK_BOARD, GRABS, STAFF, POLICY as never);
const credits = creditTasks(TASK_BOARD, allocation, COMPLETIONS, CREDIT_POLICY);
/** The allocation and credits as stored JSON (not made by the library, so checked as input). */
const ALLOCATION = copy(allocation);
const CREDITS = copy(credits);

describe("fuzz: grabbed tasks", () => {
  fuzz("defineTaskBoard (the example file)", JSON.parse(BOARD_TEXT), (b) => defineTaskBoard(b));
  fuzz("defineTaskBoard", TASK_BOARD, (b) => defineTaskBoard(b as never));
  fuzz("allocateTasks: board, grabs, staff and policy", [TASK_BOARD, GRABS, STAFF, POLICY], ([b, g, s, p]) => allocateTasks(b as never, g as never, s as never, p as never), { args: true });
  fuzz("creditTasks: board, allocation (as JSON), completions and policy", [TASK_BOARD, ALLOCATION, COMPLETIONS, CREDIT_POLICY], ([b, a, c, p]) => creditTasks(b as never, a as never, c as never, p as never), { args: true });
  fuzz("creditTasks: completions and policy, on an allocation allocateTasks made", [COMPLETIONS, CREDIT_POLICY], ([c, p]) => creditTasks(TASK_BOARD as never, allocation, c as never, p as never), { args: true });
  fuzz("creditOf: credits (as JSON) and a person", [CREDITS, "p1"], ([c, p]) => creditOf(c as never, p as never), { args: true });
  fuzz("taskStatistics: allocation (as JSON), staff and options", [ALLOCATION, STAFF, { credits: CREDITS, thresholds: [1, "2.5"] }], ([a, s, o]) => taskStatistics(a as never, s as never, o as never), { args: true });

  const task = TASK_BOARD.tasks[2]!;
  extremes("allocateTasks", () => ({
    ...heavy(() => ({ "100,000 tasks": [{ ...TASK_BOARD, tasks: many(100_000, (i) => ({ ...task, id: `t${i}` })) }, GRABS, STAFF] })),
    "100,000 grabs": [TASK_BOARD, many(100_000, (i) => ({ task: "t3", person: `p${(i % 4) + 1}`, at: "2023-07-05T09:00" })), STAFF],
    "100,000 staff": [TASK_BOARD, GRABS, many(100_000, (i) => ({ id: `p${i}`, posts: ["征管岗"] }))],
    "10,000-deep posts": [TASK_BOARD, GRABS, [{ id: "p1", posts: deepNest([], 10_000, "array") }]],
  }), ([b, g, s]) => allocateTasks(b as never, g as never, s as never));
  extremes("taskStatistics", () => ({
    "100,000 staff": [allocation, many(100_000, (i) => ({ id: `p${i}`, posts: ["征管岗"] }))],
    "100,000 thresholds": [allocation, STAFF, { thresholds: many(100_000, (i) => i) }],
  }), ([a, s, o]) => taskStatistics(a as never, s as never, o as never));
  extremes("creditTasks", () => ({
    "100,000 completions": [many(100_000, () => COMPLETIONS[0])],
    "10,000-deep quality": [[{ ...COMPLETIONS[0], quality: deepNest(1) }]],
  }), ([c]) => creditTasks(TASK_BOARD as never, allocation, c as never));
});
