import { Dec, text, toDec } from "../core/decimal.js";
import { IssueCode, safely, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { jsonSchemaOf } from "../core/json-schema.js";
import { snapshot } from "../core/snapshot.js";
import { addIssue, dec, decimal, idSchema, isId, isPlainObject, isText, namedRecord, parseWith, type DecimalInput, want } from "../core/validate.js";
import { MAX_BOARD_SEATS, MAX_GRADES, MAX_SEATS, MAX_TASKS } from "../core/limits.js";
import { z } from "../core/z.js";
import { offsetMinutes, toInstant } from "../periods/instant.js";
import type { TaskBoardConfig, TaskConfig } from "./types.js";

/** A period key: a year, half, quarter or month. @internal */
export const PERIOD_KEY = /^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

const dateText = z.string().max(40).describe("A date (2023-07-31) or date-time (2023-07-31T17:30:00+08:00).");

const taskSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(500),
  description: z.string().max(5000).optional(),
  difficulty: z.string().min(1).max(100),
  points: decimal({ min: 0, above: true }, "Base points."),
  seats: z.number().int().min(1).max(MAX_SEATS).optional(),
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
    period: z.string().regex(PERIOD_KEY, want("periodKey")).describe("2023-Q3, 2023-07, 2023-H2 or 2023."),
    utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, want("utcOffset")).describe("UTC offset for times without one (default +08:00).").optional(),
    difficulty: namedRecord(decimal({ min: 0, above: true }), "difficulty grade").describe("Difficulty grade → coefficient."),
    tasks: z.array(taskSchema).max(MAX_TASKS),
  })
  .superRefine((b, ctx) => {
    const offset = offsetMinutes(b.utcOffset ?? "+08:00");
    if (offset === undefined) {
      // Only a given offset gets here (the default is valid). A malformed one was reported by its
      // pattern; a well-formed one out of range is not.
      if (/^[+-]\d{2}:\d{2}$/.test(b.utcOffset!)) addIssue(ctx, IssueCode.invalidValue, { key: "taskBadUtcOffset", offset: b.utcOffset! }, ["utcOffset"]);
      return;
    }
    const grades = Object.keys(b.difficulty).length;
    if (grades > MAX_GRADES) addIssue(ctx, IssueCode.outOfRange, { key: "size", bound: "atMost", limit: String(MAX_GRADES), unit: "items", count: grades }, ["difficulty"]);
    const seats = b.tasks.reduce((n, t) => n + (t.seats ?? 1), 0);
    if (seats > MAX_BOARD_SEATS) addIssue(ctx, IssueCode.outOfRange, { key: "taskBoardTooManySeats", seats, limit: MAX_BOARD_SEATS }, ["tasks"]);
    const ids = new Map<string, number>();
    b.tasks.forEach((t, i) => {
      if (ids.has(t.id)) addIssue(ctx, IssueCode.duplicateId, { key: "taskDuplicateTask", id: t.id, first: ids.get(t.id)! }, ["tasks", i, "id"]);
      else ids.set(t.id, i);
      if (!Object.prototype.hasOwnProperty.call(b.difficulty, t.difficulty))
        addIssue(ctx, IssueCode.unknownGrade, { key: "taskUnknownDifficulty", grade: t.difficulty, grades: Object.keys(b.difficulty) }, ["tasks", i, "difficulty"]);
      const published = toInstant(t.published, offset);
      const deadline = toInstant(t.deadline, offset, true);
      if (published === undefined) addIssue(ctx, IssueCode.invalidValue, { key: "taskBadPublished", date: t.published }, ["tasks", i, "published"]);
      if (deadline === undefined) addIssue(ctx, IssueCode.invalidValue, { key: "taskBadDeadline", date: t.deadline }, ["tasks", i, "deadline"]);
      if (published !== undefined && deadline !== undefined && deadline < published)
        addIssue(ctx, IssueCode.invalidRule, { key: "taskDeadlineBeforePublished", deadline: t.deadline, published: t.published }, ["tasks", i, "deadline"]);
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

/** A task as {@link allocateTasks} and {@link creditTasks} use it: its instants and weight worked out once. @internal */
export interface BoardTask {
  /** The task as given (its fields read once). */
  readonly config: TaskConfig;
  /** Its seats (1 when not given). */
  readonly seats: number;
  /** When it was published, in ms since 1970 UTC. */
  readonly publishedAt: number;
  /** The last moment of its deadline, in ms since 1970 UTC. */
  readonly deadlineAt: number;
  /** Its difficulty coefficient. */
  readonly coefficient: Dec;
  /** Its base points as a decimal. */
  readonly points: Dec;
  /** Points × coefficient: its weight for load and credit. */
  readonly weight: Dec;
}

/** A valid task board, read for allocation and credit. @internal */
export interface Board {
  /** The board's id. */
  readonly id: string;
  /** Minutes east of UTC that dates and times without an offset are read at. */
  readonly offset: number;
  /** The tasks in board order. */
  readonly tasks: readonly BoardTask[];
  /** The tasks by id. */
  readonly byId: ReadonlyMap<string, BoardTask>;
}

/**
 * Products, texts and decimals read from text, each worked out once for the same operands — by
 * identity for decimals, which are never changed, so a result is the one the operation would give
 * again. For the few points, grades, shares and factors a board repeats across its tasks.
 * @internal
 */
export class DecimalMemo {
  readonly #products = new Map<Dec, Map<Dec, Dec>>();
  readonly #texts = new Map<Dec, string>();
  readonly #read = new Map<string, Dec>();

  /** `a.times(b)`. */
  times(a: Dec, b: Dec): Dec {
    let byB = this.#products.get(a);
    if (!byB) this.#products.set(a, (byB = new Map()));
    let product = byB.get(b);
    if (!product) byB.set(b, (product = a.times(b)));
    return product;
  }

  /** `text(d)`. */
  text(d: Dec): string {
    let t = this.#texts.get(d);
    if (t === undefined) this.#texts.set(d, (t = text(d)));
    return t;
  }

  /** `new Dec(s)`. */
  read(s: string): Dec {
    let d = this.#read.get(s);
    if (!d) this.#read.set(s, (d = new Dec(s)));
    return d;
  }
}

/**
 * The board's tasks with their instants and weights, or `undefined` when what the schema's
 * refinement checks fails: a repeated id, an unknown grade, an impossible date, a deadline before
 * publication. `points` are the tasks' points as decimals, when already read.
 */
function boardOf(id: string, offset: number, difficulty: ReadonlyMap<string, Dec>, tasks: readonly TaskConfig[], points?: readonly Dec[]): Board | undefined {
  const out: BoardTask[] = [];
  const byId = new Map<string, BoardTask>();
  // Boards repeat a few points and grades: each product is worked out once.
  const memo = new DecimalMemo();
  for (let i = 0; i < tasks.length; i++) {
    const config = tasks[i]!;
    const coefficient = difficulty.get(config.difficulty);
    const publishedAt = toInstant(config.published, offset);
    const deadlineAt = toInstant(config.deadline, offset, true);
    if (coefficient === undefined || byId.has(config.id) || publishedAt === undefined || deadlineAt === undefined || deadlineAt < publishedAt) return undefined;
    const base = points ? points[i]! : dec(config.points);
    const task: BoardTask = { config, seats: config.seats ?? 1, publishedAt, deadlineAt, coefficient, points: base, weight: memo.times(base, coefficient) };
    out.push(task);
    byId.set(config.id, task);
  }
  return { id, offset, tasks: out, byId };
}

const BOARD_KEYS = new Set(["$schema", "id", "name", "period", "utcOffset", "difficulty", "tasks"]);
const TASK_KEYS = new Set(["id", "title", "description", "difficulty", "points", "seats", "post", "published", "deadline"]);

/** A decimal more than 0, or `undefined` (what `decimal({ min: 0, above: true })` accepts). */
const positive = (v: unknown): Dec | undefined => {
  const d = toDec(v);
  return d !== undefined && d.gt(0) ? d : undefined;
};

/**
 * A record of decimals (`namedRecord(decimal(…))`) when it is plainly valid: a plain object
 * whose own enumerable keys are 1 to 200 characters and not reserved, at least one, no symbol
 * keys, each value accepted by `value`. Otherwise `undefined`, and the schema decides.
 * @internal
 */
export function plainDecimalRecord(record: unknown, value: (v: unknown) => Dec | undefined): Map<string, Dec> | undefined {
  if (!isPlainObject(record) || Object.getOwnPropertySymbols(record).length > 0) return undefined;
  const keys = Object.keys(record);
  if (keys.length === 0) return undefined;
  const out = new Map<string, Dec>();
  for (const key of keys) {
    if (!isId(key)) return undefined;
    const d = value(record[key]);
    if (d === undefined) return undefined;
    out.set(key, d);
  }
  return out;
}

/**
 * The board read without the schema when it is plainly valid: plain objects with known keys only,
 * every field read once and of the type and size the schema wants (lengths in UTF-16 units, which
 * are never fewer than the code points the schema counts). `undefined` for anything else.
 */
function plainBoard(board: unknown): Board | undefined {
  if (!isPlainObject(board)) return undefined;
  for (const key in board) if (!BOARD_KEYS.has(key)) return undefined;
  const { $schema, id, name, period, utcOffset, difficulty, tasks } = board;
  if (
    !($schema === undefined || isText($schema, 2000, 0)) ||
    !isId(id) ||
    !(name === undefined || isText(name, 200, 0)) ||
    typeof period !== "string" ||
    !PERIOD_KEY.test(period) ||
    !(utcOffset === undefined || typeof utcOffset === "string") ||
    !Array.isArray(tasks) ||
    tasks.length > MAX_TASKS
  )
    return undefined;
  const offset = offsetMinutes(utcOffset ?? "+08:00");
  const grades = plainDecimalRecord(difficulty, positive);
  if (offset === undefined || grades === undefined || grades.size > MAX_GRADES) return undefined;
  let allSeats = 0;
  const read: TaskConfig[] = [];
  const points: Dec[] = [];
  // The same points (a number or text) read once: toDec gives equal decimals for equal inputs.
  const known = new Map<unknown, Dec | undefined>();
  for (let i = 0; i < tasks.length; i++) {
    const t: unknown = tasks[i];
    if (!isPlainObject(t)) return undefined;
    for (const key in t) if (!TASK_KEYS.has(key)) return undefined;
    const { id, title, description, difficulty, points: given, seats, post, published, deadline } = t;
    let base = known.get(given);
    if (base === undefined && !known.has(given)) known.set(given, (base = positive(given)));
    if (
      !isId(id) ||
      !isText(title, 500) ||
      !(description === undefined || isText(description, 5000, 0)) ||
      !isText(difficulty, 100) ||
      base === undefined ||
      !(seats === undefined || (Number.isInteger(seats) && (seats as number) >= 1 && (seats as number) <= MAX_SEATS)) ||
      !isText(post, 200) ||
      !isText(published, 40, 0) ||
      !isText(deadline, 40, 0)
    )
      return undefined;
    allSeats += (seats as number | undefined) ?? 1;
    if (allSeats > MAX_BOARD_SEATS) return undefined;
    read.push({ id, title, description, difficulty, points: given as DecimalInput, seats: seats as number | undefined, post, published, deadline });
    points.push(base);
  }
  return boardOf(id, offset, grades, read, points);
}

/**
 * Reads a board for {@link allocateTasks} and {@link creditTasks}. A plainly valid board (checked
 * field by field, each read once) skips the schema; anything else — or a quick check that throws,
 * as a hostile getter may — goes through {@link defineTaskBoard}, which reports every issue.
 * Either way the board is the same: the quick check accepts only what the schema accepts as it is,
 * and the refinement's checks are made on the values read.
 * @internal
 */
export function readBoard(board: TaskBoardConfig): Board {
  const copy = snapshot(board, [], "Task board is not valid") as TaskBoardConfig;
  const read = plainBoard(copy);
  if (read) return read;
  const b = defineTaskBoard(copy);
  const grades = new Map(Object.keys(b.difficulty).map((g) => [g, dec(b.difficulty[g]!)]));
  return boardOf(b.id, offsetMinutes(b.utcOffset ?? "+08:00")!, grades, b.tasks)!;
}
