import { JixiaoError, relocate, type Issue } from "../core/errors.js";
import { parseList, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { WORDING, type Locale } from "../messages/index.js";
import { ALLOCATION_WORDS, TASK_REASONS, type ReasonWording } from "../messages/tasks.js";
import { madeAllocation, plainMember, staffById, staffSchema } from "./allocate.js";
import { readBoard } from "./board.js";
import type { Allocation, StaffMember, TaskBoardConfig, TaskReason } from "./types.js";

/** Options for {@link explainTaskReason}. */
export interface ExplainTaskReasonOptions {
  /** `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
  /** The staff, so that people are named by their `name` (their id where they have none). */
  readonly staff?: readonly StaffMember[];
}

/** Options for {@link explainAllocation}. */
export interface ExplainAllocationOptions extends ExplainTaskReasonOptions {
  /** The board, so that tasks are named by their `title` (their id where the board has no such task). */
  readonly board?: TaskBoardConfig;
}

const text = z.string().max(10_000);
const rejectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("unknown_task"), task: text, board: text }),
  z.object({ kind: z.literal("unknown_person"), person: text }),
  z.object({ kind: z.literal("not_published"), published: text }),
  z.object({ kind: z.literal("after_deadline"), deadline: text }),
  z.object({ kind: z.literal("not_eligible"), post: text }),
  z.object({ kind: z.literal("duplicate") }),
  z.object({ kind: z.literal("limit"), limit: z.number().int().min(1) }),
  z.object({ kind: z.literal("no_seat"), owners: z.array(text).max(10_000) }),
]);
const assignmentSchema = z.object({ kind: z.literal("least_loaded"), post: text, candidates: z.number().int().min(1), load: text });
const unownedSchema = z.object({ kind: z.literal("no_holder"), post: text });
/** Any task reason, as {@link explainTaskReason} reads it. */
const reasonSchema = z.discriminatedUnion("kind", [...rejectionSchema.options, assignmentSchema, unownedSchema]);

/** An allocation with its reasons, as {@link explainAllocation} reads one made elsewhere (stored as JSON, say). */
const allocationSchema = z.object({
  board: text,
  tasks: z
    .array(
      z.object({
        task: text,
        seats: z.number().int().min(1),
        owners: z.array(z.object({ person: text, how: z.enum(["grabbed", "assigned"]), at: text.optional(), reason: assignmentSchema.optional() })).max(10_000),
        status: z.enum(["grabbed", "assigned", "partly-grabbed", "unowned"]),
        reason: unownedSchema.optional(),
      }),
    )
    .max(100_000),
  grabs: z.array(z.object({ task: text, person: text, at: text, outcome: z.enum(["seated", "rejected"]), reason: rejectionSchema.optional() })).max(1_000_000),
});

const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional(), staff: z.unknown().optional(), board: z.unknown().optional() }).optional();

/** The options read: the language, and the names of people and tasks where given. */
function readOptions(options: unknown, context: string): { locale: Locale; people: ReadonlyMap<string, string>; titles: ReadonlyMap<string, string> } {
  const o = parseWith(optionsSchema, options, context, ["options"]) ?? {};
  const people = new Map<string, string>();
  if (o.staff !== undefined) {
    const members = parseList(staffSchema, o.staff, plainMember, 1_000_000, "Staff are not valid", ["options", "staff"]) as StaffMember[];
    const issues: Issue[] = [];
    for (const [id, m] of staffById(members, issues, ["options", "staff"])) if (m.name) people.set(id, m.name);
    if (issues.length > 0) throw new JixiaoError(issues, "Staff are not valid");
  }
  const titles = new Map<string, string>();
  if (o.board !== undefined) {
    const board = o.board as TaskBoardConfig;
    for (const t of relocate((path) => ["options", "board", ...path], () => readBoard(board)).tasks) titles.set(t.config.id, t.config.title);
  }
  return { locale: o.locale ?? "zh-CN", people, titles };
}

/** A language's words, naming people by name where known. */
function wordingFor(locale: Locale, people: ReadonlyMap<string, string>): ReasonWording {
  return { ...WORDING[locale], person: (id) => people.get(id) ?? id };
}

/** Words one reason: its kind's words from the catalog, in the language asked for. */
function reasonText(reason: TaskReason, locale: Locale, w: ReasonWording): string {
  const words = TASK_REASONS[reason.kind][locale] as (r: TaskReason, w: ReasonWording) => string;
  return words(reason, w);
}

/**
 * Words a reason of a task allocation — a rejected grab (抢单未成功), an assignment (派单) or a task
 * nobody owns — in Chinese (the default) or English, from its data. People are named by their
 * `name` in `staff`, or by their id where none is given.
 *
 * @param reason - a `reason` of a grab, a task or an owner of {@link allocateTasks}' result.
 * @param options - the language, and the staff whose names to show.
 * @returns the reason as one line of text.
 * @throws {@link JixiaoError} when `reason` is not a task reason, or the options or staff are not valid.
 * @example
 * ```ts
 * const reason = { kind: "no_seat", owners: ["s01"] } as const;
 * explainTaskReason(reason, { staff: [{ id: "s01", name: "王芳", posts: [] }] });
 * //=> "名额已满，先抢到的是王芳"
 * explainTaskReason(reason, { locale: "en" });
 * //=> "every seat was taken earlier, by s01"
 * ```
 */
export function explainTaskReason(reason: TaskReason, options?: ExplainTaskReasonOptions): string {
  const r = parseWith(reasonSchema, reason, "Not a task reason", ["reason"]) as TaskReason;
  const { locale, people } = readOptions(options, "Explain options are not valid");
  return reasonText(r, locale, wordingFor(locale, people));
}

/**
 * Explains an allocation of tasks (三单: 抢单, 派单) to the people on the board: one line per task —
 * who grabbed it and the seats left, who it was assigned to and why, or why it has no owner — then
 * one line per rejected grab, in the order the grabs were decided, with why it was rejected. Tasks
 * are named by their title and people by their name where the board and staff are given, by their
 * ids otherwise.
 *
 * @param allocation - the result of {@link allocateTasks} (or a copy stored as JSON).
 * @param options - the language (`zh-CN` by default), the board and the staff.
 * @returns the explanation, one line per task and per rejected grab.
 * @throws {@link JixiaoError} when `allocation` is not an allocation, or the options, board or staff are not valid.
 * @example
 * ```ts
 * const board = { id: "b", period: "2023-Q3", difficulty: { high: 1.5 }, tasks: [
 *   { id: "t1", title: "清理欠税", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" }] };
 * const staff = [{ id: "s1", name: "王芳", posts: ["征管岗"] }, { id: "s2", name: "李强", posts: ["征管岗"] }];
 * const allocation = allocateTasks(board, [
 *   { task: "t1", person: "s2", at: "2023-07-03T09:00:05" }, { task: "t1", person: "s1", at: "2023-07-03T09:00:01" }], staff);
 * explainAllocation(allocation, { board, staff });
 * //=> "「清理欠税」（1 个名额）：由王芳抢得\n李强抢「清理欠税」未成功（2023-07-03T09:00:05）：名额已满，先抢到的是王芳"
 * ```
 */
export function explainAllocation(allocation: Allocation, options?: ExplainAllocationOptions): string {
  const a = (madeAllocation(allocation) ? allocation : parseWith(allocationSchema, allocation, "Not an allocation", ["allocation"])) as Allocation;
  const { locale, people, titles } = readOptions(options, "Explain options are not valid");
  const w = wordingFor(locale, people);
  const words = ALLOCATION_WORDS[locale];
  const title = (id: string) => titles.get(id) ?? id;
  const lines: string[] = [];
  for (const t of a.tasks) {
    const parts: string[] = [];
    const grabbed = t.owners.filter((o) => o.how === "grabbed").map((o) => w.person(o.person));
    if (grabbed.length > 0) parts.push(words.grabbed(w.list(grabbed), Math.max(0, t.seats - t.owners.length)));
    for (const o of t.owners) if (o.how === "assigned") parts.push(words.assigned(w.person(o.person), o.reason ? reasonText(o.reason, locale, w) : undefined));
    if (t.owners.length === 0) parts.push(words.unowned(t.reason ? reasonText(t.reason, locale, w) : undefined));
    lines.push(words.task(title(t.task), t.seats) + parts.join(words.join));
  }
  for (const g of a.grabs)
    if (g.outcome === "rejected") lines.push(words.rejected(w.person(g.person), title(g.task), g.at, g.reason ? reasonText(g.reason, locale, w) : undefined));
  return lines.join("\n");
}
