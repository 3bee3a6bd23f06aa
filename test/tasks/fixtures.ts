import { explainTaskReason, type TaskConfig, type TaskReason } from "../../src/index.js";

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

/**
 * A value with every task reason in it (a grab's, a task's, an owner's) replaced by its English
 * words, as `explainTaskReason` gives them: for comparing allocations with the reasons as worded.
 */
export function worded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(worded);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === "reason" && v !== null && typeof v === "object" && "kind" in v ? explainTaskReason(v as TaskReason, { locale: "en" }) : worded(v);
  return out;
}
