import type { TaskConfig } from "../../src/index.js";

/** Posts used across the task tests. */
export const ZG = "征管岗";
export const NF = "纳服岗";
export const JC = "稽查岗";

/** A low-difficulty task of 1 point for 征管岗, published 2023-07-03, due 2023-07-31, with overrides. */
export const task = (id: string, over: Partial<TaskConfig> = {}): TaskConfig => ({
  id,
  title: `任务 ${id}`,
  difficulty: "low",
  points: 1,
  post: ZG,
  published: "2023-07-03",
  deadline: "2023-07-31",
  ...over,
});
