import { text } from "../core/decimal.js";
import { IssueCode, safely, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { jsonSchemaOf } from "../core/json-schema.js";
import { addIssue, dec, decimal, idSchema, namedRecord, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { offsetMinutes, toInstant } from "../periods/instant.js";
import type { TaskBoardConfig } from "./types.js";

/** A period key: a year, half, quarter or month. @internal */
export const PERIOD_KEY = /^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

const dateText = z.string().max(40).describe("A date (2023-07-31) or date-time (2023-07-31T17:30:00+08:00).");

const taskSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(500),
  description: z.string().max(5000).optional(),
  difficulty: z.string().min(1).max(100),
  points: decimal({ min: 0, above: true }, "Base points."),
  seats: z.number().int().min(1).max(10_000).optional(),
  post: z.string().min(1).max(200),
  published: dateText,
  deadline: dateText,
});

/** The task board schema. @internal */
export const taskBoardSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    id: idSchema,
    name: z.string().max(200).optional(),
    period: z.string().regex(PERIOD_KEY, "must be a period key such as 2023-Q3, 2023-07, 2023-H2 or 2023").describe("2023-Q3, 2023-07, 2023-H2 or 2023."),
    utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, "must be a UTC offset such as +08:00").describe("UTC offset for times without one (default +08:00).").optional(),
    difficulty: namedRecord(decimal({ min: 0, above: true }), "difficulty grade").describe("Difficulty grade → coefficient."),
    tasks: z.array(taskSchema).max(100_000),
  })
  .superRefine((b, ctx) => {
    const offset = offsetMinutes(b.utcOffset ?? "+08:00");
    if (offset === undefined) {
      // Only a given offset gets here (the default is valid). A malformed one was reported by its
      // pattern; a well-formed one out of range is not.
      if (/^[+-]\d{2}:\d{2}$/.test(b.utcOffset!)) addIssue(ctx, IssueCode.invalidValue, `"${b.utcOffset}" is not a UTC offset (at most ±14:59)`, ["utcOffset"]);
      return;
    }
    const ids = new Map<string, number>();
    b.tasks.forEach((t, i) => {
      if (ids.has(t.id)) addIssue(ctx, IssueCode.duplicateId, `repeats the task id "${t.id}" of tasks[${ids.get(t.id)}]`, ["tasks", i, "id"]);
      else ids.set(t.id, i);
      if (!Object.prototype.hasOwnProperty.call(b.difficulty, t.difficulty))
        addIssue(ctx, IssueCode.unknownGrade, `"${t.difficulty}" is not a difficulty grade; the grades are ${Object.keys(b.difficulty).join(", ")}`, ["tasks", i, "difficulty"]);
      const published = toInstant(t.published, offset);
      const deadline = toInstant(t.deadline, offset, true);
      if (published === undefined) addIssue(ctx, IssueCode.invalidValue, `"${t.published}" is not a date such as 2023-07-03 or 2023-07-03T09:00`, ["tasks", i, "published"]);
      if (deadline === undefined) addIssue(ctx, IssueCode.invalidValue, `"${t.deadline}" is not a date such as 2023-07-31 or 2023-07-31T17:30`, ["tasks", i, "deadline"]);
      if (published !== undefined && deadline !== undefined && deadline < published)
        addIssue(ctx, IssueCode.invalidRule, `${t.deadline} is before the task was published (${t.published})`, ["tasks", i, "deadline"]);
    });
  })
  .describe("A jixiao task board (三单清单).");

/**
 * Validates a task board (三单: 亮单) and returns it frozen.
 *
 * @param board - the board, as JSON or as an object.
 * @returns the frozen board.
 * @throws {@link JixiaoError} listing every issue: duplicate task ids, unknown difficulty grades,
 * impossible dates, a deadline before publication …
 * @example
 * ```ts
 * defineTaskBoard({
 *   id: "2023-Q3", period: "2023-Q3", difficulty: { high: 1.5, medium: 1.2, low: 1 },
 *   tasks: [{ id: "t1", title: "清理欠税", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" }],
 * }).tasks.length;
 * //=> 1
 * ```
 */
export function defineTaskBoard(board: TaskBoardConfig): TaskBoardConfig {
  return deepFreeze(parseWith(taskBoardSchema, board, "Task board is not valid") as TaskBoardConfig);
}

/**
 * {@link defineTaskBoard} without throwing.
 * @param board - the board.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineTaskBoard({ id: "b", period: "2023-Q5", difficulty: { high: 1.5 }, tasks: [] }).success;
 * //=> false
 * ```
 */
export function safeDefineTaskBoard(board: TaskBoardConfig): SafeResult<TaskBoardConfig> {
  return safely(() => defineTaskBoard(board));
}

/**
 * The JSON Schema (draft 2020-12) of a task board, also published as `docs/schema/task-board.schema.json`.
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * taskBoardJsonSchema().required;
 * //=> ["id", "period", "difficulty", "tasks"]
 * ```
 */
export function taskBoardJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(taskBoardSchema, "jixiao task board");
}

/** A task's weight for load and credit: points × its difficulty coefficient. @internal */
export function weightOf(board: TaskBoardConfig, task: { readonly points: string | number; readonly difficulty: string }) {
  const coefficient = dec(board.difficulty[task.difficulty]!);
  return { coefficient, weight: dec(task.points).times(coefficient), text: text(coefficient) };
}
