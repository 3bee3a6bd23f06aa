import { Dec, max, min, proportion, sum, text, toNumber, ZERO } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { applyRounding } from "../core/rounding.js";
import { dec, decimal, idSchema, parseList, parseWith, type DecimalInput } from "../core/validate.js";
import { z } from "../core/z.js";
import { dayText, readKey, spanOf, type PeriodKey } from "../periods/period.js";
import { rank } from "../ranking/rank.js";
import type { Ranking } from "../ranking/types.js";
import { plainMember, staffById, staffSchema } from "../tasks/allocate.js";
import { defineTaskBoard } from "../tasks/board.js";
import { creditTasks } from "../tasks/credit.js";
import type { Allocation, Completion, CreditPolicy, PersonCredits, StaffMember, TaskBoardConfig } from "../tasks/types.js";

/** Who a key task was handed to (交办): its executors. */
export interface KeyTaskOwner {
  /** The task's id on the list. */
  readonly task: string;
  /** The person's id. */
  readonly person: string;
}

/**
 * A month's key tasks (月初清单, R15): a task board whose period is the month — each task with its
 * start (`published`, 启动时间), deadline (完成时限), points and difficulty — and whom each was handed to.
 */
export interface KeyTaskList {
  /** The list as a task board (period a month). */
  readonly board: TaskBoardConfig;
  /** Each task's executors; every task has at least one. */
  readonly owners: readonly KeyTaskOwner[];
}

/** A report on a key task at the month's end (推进情况、质量效果). */
export interface KeyTaskReport {
  /** The task's id. */
  readonly task: string;
  /** The executor's id. */
  readonly person: string;
  /** Progress in percent, 0 to 100; 100 is done. */
  readonly progress: DecimalInput;
  /** The quality of a done task: a fraction 0–1 or a grade of the credit policy's `qualityGrades`. Needed when progress is 100. */
  readonly quality?: number | string;
  /** When it was done (after the deadline it is late). */
  readonly completed?: string;
}

/** Options for {@link assessKeyTasks}. */
export interface KeyTaskOptions {
  /** The day assessed (default: the month's last day); a task behind by then is reported. */
  readonly asOf?: PeriodKey;
  /** How done tasks are credited (quality grades, late factor, cap): the task board's credit policy. */
  readonly credit?: CreditPolicy;
  /** Percentage points a task may trail the time elapsed before it is behind (default 0). */
  readonly tolerance?: DecimalInput;
}

/** A key task's standing (点位): done, done late, on time, behind the time elapsed, or overdue. */
export type KeyTaskStatus = "done" | "done-late" | "on-time" | "behind" | "overdue";

/** One executor's key task at the day assessed. */
export interface KeyTaskLine {
  /** The task's id. */
  readonly task: string;
  /** Its title. */
  readonly title: string;
  /** The executor. */
  readonly person: string;
  /** The executor's name. */
  readonly name?: string;
  /** The executor's department. */
  readonly department?: string;
  /** Its start day. */
  readonly start: string;
  /** Its deadline day. */
  readonly deadline: string;
  /** Progress in percent, as exact text (0 when not reported). */
  readonly progress: string;
  /** The progress the time elapsed calls for: 100 × days elapsed ÷ days allowed, 2 decimals (四舍五入), at most 100. */
  readonly expected: string;
  /** expected − progress when behind or overdue, in percentage points; else `null`. */
  readonly gap: string | null;
  /** Its standing. */
  readonly status: KeyTaskStatus;
  /** The quality reported, as given. */
  readonly quality?: number | string;
  /** The credit earned (done tasks only), as exact text. */
  readonly credit: string;
  /** What the executor's part would earn done on time at full quality: points × difficulty ÷ executors, as exact text. */
  readonly stake: string;
}

/** A month's key tasks assessed: each line, each person's credits and rank, each department's total, and who is behind. */
export interface KeyTaskAssessment {
  /** The list's id. */
  readonly list: string;
  /** The month. */
  readonly period: string;
  /** The day assessed. */
  readonly asOf: string;
  /** Every task and executor, in list order. */
  readonly lines: readonly KeyTaskLine[];
  /** Each person's credits (the task board's credit, counting into personal performance). */
  readonly people: readonly PersonCredits[];
  /** The people ranked by their credit (every executor, 0 for none). */
  readonly ranking: Ranking;
  /** Each department's total of its people's applied credits (counting into organizational performance), by id. */
  readonly departments: readonly {
    /** The department. */
    readonly department: string;
    /** Its people's applied credits, summed. */
    readonly total: number;
    /** `total` as exact text. */
    readonly exact: string;
    /** How many of its people had key tasks. */
    readonly people: number;
  }[];
  /** The lines behind or overdue (点位通报), the largest gap first. */
  readonly behind: readonly KeyTaskLine[];
}

const ownersSchema = z.array(z.strictObject({ task: idSchema, person: idSchema })).max(1_000_000);
const reportsSchema = z
  .array(
    z.strictObject({
      task: idSchema,
      person: idSchema,
      progress: decimal({ min: 0, max: 100 }, "Progress in percent."),
      quality: z.union([z.number(), z.string().min(1).max(100)]).optional(),
      completed: z.string().max(40).optional(),
    }),
  )
  .max(1_000_000);
const optionsSchema = z.strictObject({ asOf: z.string().max(10).optional(), credit: z.unknown().optional(), tolerance: decimal({ min: 0, max: 100 }).optional() });

const HUNDRED = new Dec(100);
const dayOf = (date: string) => readKey(date.slice(0, 10))?.first;

/**
 * Assesses a month's key tasks (R15: set at the month's start, assessed and ranked at its end; 月初清单
 * + 点位通报): each executor's progress against the time elapsed — done, on time, behind by how many
 * percentage points, overdue — and each executor's equal part of a task credited by the task board's
 * credit rule when done (points × difficulty ÷ executors × quality, late factor, cap; a part not done earns 0), the people ranked by credit, each department's total, and
 * the list of who is behind. A person's credit is the value of their personal scheme's key-task
 * indicator; a department's total, of its organizational one — so the month counts at once into both.
 * @param list - the month's list and whom each task was handed to.
 * @param staff - the people, with their departments.
 * @param reports - progress and quality by task and executor (a line without one is at 0%).
 * @param options - the day assessed, the credit policy and the tolerance.
 * @returns the assessment.
 * @throws {@link JixiaoError} for a list that is not a month's, a task handed to nobody or to an
 * unknown person, a report of a non-owner, a done task without its quality, and every issue of the board or credit.
 * @example
 * ```ts
 * const a = assessKeyTasks(list, staff, [{ task: "k1", person: "p1", progress: 100, quality: "优" }, { task: "k2", person: "p2", progress: 40 }], { credit: { qualityGrades: { 优: 1, 良: 0.8 } } });
 * a.behind.map((l) => [l.person, l.status, l.gap]);
 * //=> [["p2", "overdue", "60"]]
 * ```
 */
export function assessKeyTasks(list: KeyTaskList, staff: readonly StaffMember[], reports: readonly KeyTaskReport[], options: KeyTaskOptions = {}): KeyTaskAssessment {
  const l = parseWith(z.strictObject({ board: z.unknown(), owners: z.unknown() }), list, "Key task list is not valid", ["list"]);
  const board = (() => {
    try {
      return defineTaskBoard(l.board as TaskBoardConfig);
    } catch (error) {
      if (error instanceof JixiaoError) throw new JixiaoError(error.issues.map((x) => ({ ...x, path: ["list", "board", ...x.path] })), "Key task list is not valid");
      throw error;
    }
  })();
  const owners = parseWith(ownersSchema, l.owners, "Key task list is not valid", ["list", "owners"]) as KeyTaskOwner[];
  const people = parseList(staffSchema, staff, plainMember, 1_000_000, "Staff is not valid", ["staff"]) as StaffMember[];
  const done = parseWith(reportsSchema, reports, "Reports are not valid", ["reports"]) as KeyTaskReport[];
  const o = parseWith(optionsSchema, options, "Options are not valid", ["options"]);
  const issues: Issue[] = [];
  const month = readKey(board.period);
  if (!month || month.kind !== "month") issues.push(issue(IssueCode.invalidValue, ["list", "board", "period"], { key: "keyTaskNotMonth", period: board.period }));
  const byId = staffById(people, issues, ["staff"]);
  const ownersOf = new Map<string, string[]>(board.tasks.map((t) => [t.id, []]));
  owners.forEach((w, i) => {
    const list = ownersOf.get(w.task);
    if (!list) issues.push(issue(IssueCode.unknownId, ["list", "owners", i, "task"], { key: "taskNoSuchTask", board: board.id }));
    else if (list.includes(w.person)) issues.push(issue(IssueCode.duplicateId, ["list", "owners", i], { key: "keyTaskOwnerTwice", task: w.task, person: w.person }));
    else list.push(w.person);
    if (!byId.has(w.person)) issues.push(issue(IssueCode.unknownId, ["list", "owners", i, "person"], { key: "keyTaskUnknownPerson", person: w.person }));
  });
  board.tasks.forEach((t, i) => {
    if (ownersOf.get(t.id)!.length === 0) issues.push(issue(IssueCode.missingValue, ["list", "board", "tasks", i], { key: "keyTaskNoOwner", task: t.id }));
  });
  const reportOf = new Map<string, KeyTaskReport>();
  done.forEach((r, i) => {
    const key = `${r.task}\u0000${r.person}`;
    if (!ownersOf.get(r.task)?.includes(r.person)) issues.push(issue(IssueCode.invalidValue, ["reports", i, "person"], { key: "taskNotOwner", person: r.person, task: r.task }));
    else if (reportOf.has(key)) issues.push(issue(IssueCode.duplicateId, ["reports", i], { key: "taskDuplicateCompletion", person: r.person, task: r.task }));
    else reportOf.set(key, r);
    if (dec(r.progress).eq(HUNDRED) && r.quality === undefined) issues.push(issue(IssueCode.missingValue, ["reports", i, "quality"], { key: "keyTaskNoQuality", task: r.task }));
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Key tasks cannot be assessed");
  const asOf = o.asOf === undefined ? month!.last : spanOf(o.asOf, ["options", "asOf"]).last;
  const tolerance = o.tolerance === undefined ? ZERO : dec(o.tolerance);

  // The done tasks credited by the task board's own rule, as tasks handed out (派单).
  const allocation: Allocation = {
    board: board.id,
    tasks: board.tasks.map((t) => ({ task: t.id, seats: ownersOf.get(t.id)!.length, owners: ownersOf.get(t.id)!.map((person) => ({ person, how: "assigned" as const })), status: "assigned" as const })),
    grabs: [],
  };
  // Every executor holds an equal part of the task: one not done earns its part × quality 0.
  const completions: Completion[] = board.tasks.flatMap((t) =>
    ownersOf.get(t.id)!.map((person) => {
      const r = reportOf.get(`${t.id}\u0000${person}`);
      return r && dec(r.progress).eq(HUNDRED) ? { task: t.id, person, quality: r.quality!, ...(r.completed !== undefined ? { completed: r.completed } : {}) } : { task: t.id, person, quality: 0 };
    }),
  );
  const credits = (() => {
    try {
      return creditTasks(board, allocation, completions, (o.credit ?? {}) as CreditPolicy);
    } catch (error) {
      // A completion's path is its report's: the reports are the completions, in order, done ones only.
      if (error instanceof JixiaoError) {
        const index = completions.map((c) => done.indexOf(reportOf.get(`${c.task}\u0000${c.person}`)!));
        throw new JixiaoError(error.issues.map((x) => (x.path[0] === "completions" && typeof x.path[1] === "number" ? { ...x, path: ["reports", index[x.path[1]]!, ...x.path.slice(2)] } : { ...x, path: ["options", "credit", ...x.path.slice(1)] })), "Key tasks cannot be assessed");
      }
      throw error;
    }
  })();
  const creditOf = new Map<string, string>();
  for (const p of credits.people) for (const c of p.credits) creditOf.set(`${c.task}\u0000${p.person}`, c.exact);

  const lines: KeyTaskLine[] = board.tasks.flatMap((t) =>
    ownersOf.get(t.id)!.map((person): KeyTaskLine => {
      const r = reportOf.get(`${t.id}\u0000${person}`);
      const progress = r ? dec(r.progress) : ZERO;
      const [start, deadline] = [dayOf(t.published)!, dayOf(t.deadline)!];
      const elapsed = new Dec(Math.min(Math.max(asOf - start + 1, 0), deadline - start + 1));
      const expected = applyRounding(min(HUNDRED, proportion(HUNDRED, elapsed, new Dec(deadline - start + 1))), { decimals: 2 });
      const isDone = progress.eq(HUNDRED);
      const late = isDone && r?.completed !== undefined && (dayOf(r.completed) ?? 0) > deadline;
      const status: KeyTaskStatus = isDone ? (late ? "done-late" : "done") : asOf > deadline ? "overdue" : expected.minus(progress).gt(tolerance) ? "behind" : "on-time";
      const member = byId.get(person)!;
      return {
        task: t.id,
        title: t.title,
        person,
        ...(member.name !== undefined ? { name: member.name } : {}),
        ...(member.department !== undefined ? { department: member.department } : {}),
        start: dayText(start),
        deadline: dayText(deadline),
        progress: text(progress),
        expected: text(expected),
        gap: status === "behind" || status === "overdue" ? text(max(ZERO, (status === "overdue" ? HUNDRED : expected).minus(progress))) : null,
        status,
        ...(r?.quality !== undefined ? { quality: r.quality } : {}),
        credit: creditOf.get(`${t.id}\u0000${person}`) ?? "0",
        stake: text(proportion(dec(t.points), dec(board.difficulty[t.difficulty]!), new Dec(ownersOf.get(t.id)!.length))),
      };
    }),
  );
  const applied = new Map(credits.people.map((p) => [p.person, p.exact.applied]));
  const executors = [...new Set(lines.map((x) => x.person))];
  const ranking = rank(
    executors.map((id) => {
      const m = byId.get(id)!;
      return { subjectId: id, ...(m.name !== undefined ? { name: m.name } : {}), total: applied.get(id) ?? "0", ...(m.department !== undefined ? { attributes: { department: m.department } } : {}) };
    }),
  );
  const departments = new Map<string, { total: Dec; people: number }>();
  for (const id of executors) {
    const d = byId.get(id)!.department;
    if (d === undefined) continue;
    const e = departments.get(d) ?? { total: ZERO, people: 0 };
    departments.set(d, { total: e.total.plus(new Dec(applied.get(id) ?? "0")), people: e.people + 1 });
  }
  const behind = lines
    .filter((x) => x.gap !== null)
    .sort((a, b) => new Dec(b.gap!).cmp(new Dec(a.gap!)) || (a.person < b.person ? -1 : a.person > b.person ? 1 : a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
  return deepFreeze({
    list: board.id,
    period: board.period,
    asOf: dayText(asOf),
    lines,
    people: credits.people,
    ranking,
    departments: [...departments.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([department, e]) => ({ department, total: toNumber(e.total), exact: text(sum([e.total])), people: e.people })),
    behind,
  });
}

/**
 * {@link assessKeyTasks} without throwing.
 * @param list - the list.
 * @param staff - the people.
 * @param reports - the reports.
 * @param options - the options.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeAssessKeyTasks({ board: { ...list.board, period: "2026-Q4" }, owners: list.owners }, staff, []).success;
 * //=> false
 * ```
 */
export function safeAssessKeyTasks(list: KeyTaskList, staff: readonly StaffMember[], reports: readonly KeyTaskReport[], options?: KeyTaskOptions): SafeResult<KeyTaskAssessment> {
  return safely(() => assessKeyTasks(list, staff, reports, options));
}
