import { text, ZERO, type Dec } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { idSchema, isId, isPlainObject, isText, parseList, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { offsetMinutes, toInstant } from "../periods/instant.js";
import { byText } from "../ranking/order.js";
import { defineTaskBoard, weightOf } from "./board.js";
import type { Allocation, AllocationPolicy, Grab, GrabOutcome, StaffMember, TaskAllocation, TaskBoardConfig, TaskOwner } from "./types.js";

const grabsSchema = z.array(z.strictObject({ task: z.string().min(1).max(200), person: z.string().min(1).max(200), at: z.string().max(40) })).max(1_000_000);
/** The staff schema. @internal */
export const staffSchema = z
  .array(
    z.strictObject({
      id: idSchema,
      name: z.string().max(200).optional(),
      posts: z.array(z.string().min(1).max(200)).max(100),
      department: z.string().max(200).optional(),
    }),
  )
  .max(1_000_000);
/** The allocations {@link allocateTasks} made (frozen, so still as made). @internal */
export const madeAllocations = new WeakSet<object>();

/** Whether a grab is plainly valid (the schema is skipped for such). */
const plainGrab = (g: unknown): boolean => {
  if (!isPlainObject(g)) return false;
  for (const key in g) if (key !== "task" && key !== "person" && key !== "at") return false;
  return isText(g.task, 200) && isText(g.person, 200) && isText(g.at, 40, 0);
};

/** Whether a staff member is plainly valid (the schema is skipped for such). @internal */
export const plainMember = (m: unknown): boolean => {
  if (!isPlainObject(m)) return false;
  for (const key in m) if (key !== "id" && key !== "name" && key !== "posts" && key !== "department") return false;
  const posts = m.posts;
  return (
    isId(m.id) &&
    (m.name === undefined || isText(m.name, 200, 0)) &&
    (m.department === undefined || isText(m.department, 200, 0)) &&
    Array.isArray(posts) &&
    posts.length <= 100 &&
    posts.every((p) => isText(p, 200))
  );
};

const policySchema = z.strictObject({
  maxTasksPerPerson: z.number().int().min(1).max(100_000).optional(),
  eligibility: z.enum(["anyone", "post"]).optional(),
  assignSeats: z.enum(["one", "all"]).optional(),
});

/** Staff by id, duplicates reported. @internal */
export function staffById(staff: readonly StaffMember[], issues: Issue[], base: (string | number)[]): Map<string, StaffMember> {
  const out = new Map<string, StaffMember>();
  staff.forEach((s, i) => {
    if (out.has(s.id)) issues.push(issue(IssueCode.duplicateId, [...base, i, "id"], `repeats the staff id "${s.id}"`));
    else out.set(s.id, s);
  });
  return out;
}

/**
 * Allocates a board's tasks (三单: 抢单, 派单): grabs are decided first come, first served by their
 * timestamps — equal timestamps by person id, then task id — with optional limits and eligibility
 * by post, each rejected grab with its reason; then every task nobody grabbed is assigned to a
 * holder of its post, the least loaded first (points × coefficient already owned, then id). A task
 * whose post nobody holds is reported as `unowned`, never dropped.
 *
 * @param board - the task board.
 * @param grabs - the grabs, in any order (only their timestamps count).
 * @param staff - the staff and their posts.
 * @param policy - limits, eligibility and how many seats an assignment fills.
 * @returns every task's owners and how, and every grab's outcome.
 * @throws {@link JixiaoError} for a bad board, staff list, policy, or a grab whose time is not a date-time.
 * @example
 * ```ts
 * const board = { id: "b", period: "2023-Q3", difficulty: { high: 1.5 }, tasks: [
 *   { id: "t1", title: "清理欠税", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" }] };
 * allocateTasks(board, [
 *   { task: "t1", person: "s2", at: "2023-07-03T09:00:05" }, { task: "t1", person: "s1", at: "2023-07-03T09:00:01" }],
 *   [{ id: "s1", posts: ["征管岗"] }, { id: "s2", posts: ["征管岗"] }]).tasks[0].owners[0].person;
 * //=> "s1"
 * ```
 */
export function allocateTasks(board: TaskBoardConfig, grabs: readonly Grab[], staff: readonly StaffMember[], policy: AllocationPolicy = {}): Allocation {
  const b = defineTaskBoard(board);
  const p = parseWith(policySchema, policy, "Allocation policy is not valid", ["policy"]) as AllocationPolicy;
  const g = parseList(grabsSchema, grabs, plainGrab, 1_000_000, "Grabs are not valid", ["grabs"]);
  const members = parseList(staffSchema, staff, plainMember, 1_000_000, "Staff are not valid", ["staff"]) as StaffMember[];
  const offset = offsetMinutes(b.utcOffset ?? "+08:00")!;
  const issues: Issue[] = [];
  const people = staffById(members, issues, ["staff"]);
  const timed = g.map((grab, index) => {
    const t = toInstant(grab.at, offset);
    if (t === undefined || !grab.at.includes("T") && !grab.at.includes(" "))
      issues.push(issue(IssueCode.invalidValue, ["grabs", index, "at"], `"${grab.at}" is not a date-time such as 2023-07-03T09:00:05+08:00`));
    // Each field read by name: a spread would drop a non-enumerable one that the quick check read.
    return { task: grab.task, person: grab.person, at: grab.at, index, t: t ?? 0 };
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Tasks cannot be allocated");

  const tasks = new Map(
    b.tasks.map((t) => [
      t.id,
      {
        config: t,
        published: toInstant(t.published, offset)!,
        deadline: toInstant(t.deadline, offset, true)!,
        seats: t.seats ?? 1,
        weight: weightOf(b, t).weight,
        owners: [] as TaskOwner[],
      },
    ]),
  );
  const load = new Map<string, Dec>();
  const count = new Map<string, number>();
  const outcomes: GrabOutcome[] = [];
  timed.sort((x, y) => x.t - y.t || byText(x.person, y.person) || byText(x.task, y.task) || byText(x.at, y.at) || x.index - y.index);
  for (const grab of timed) {
    const reject = (code: string, reason: string) => outcomes.push({ index: grab.index, task: grab.task, person: grab.person, at: grab.at, outcome: "rejected", code, reason });
    const task = tasks.get(grab.task);
    const person = people.get(grab.person);
    if (!task) reject("unknown_task", `no task "${grab.task}" on board ${b.id}`);
    else if (!person) reject("unknown_person", `no staff member "${grab.person}"`);
    else if (grab.t < task.published) reject("not_published", `made before the task was published (${task.config.published})`);
    else if (grab.t > task.deadline) reject("after_deadline", `made after the deadline (${task.config.deadline})`);
    else if (p.eligibility === "post" && !person.posts.includes(task.config.post)) reject("not_eligible", `the person does not hold the post ${task.config.post}`);
    else if (task.owners.some((o) => o.person === grab.person)) reject("duplicate", "the person already holds a seat of this task");
    else if (p.maxTasksPerPerson !== undefined && (count.get(grab.person) ?? 0) >= p.maxTasksPerPerson) reject("limit", `the person already holds ${p.maxTasksPerPerson} task${p.maxTasksPerPerson === 1 ? "" : "s"}, the most allowed`);
    else if (task.owners.length >= task.seats) reject("no_seat", `every seat was taken earlier, by ${task.owners.map((o) => o.person).join(", ")}`);
    else {
      task.owners.push({ person: grab.person, how: "grabbed", at: grab.at });
      count.set(grab.person, (count.get(grab.person) ?? 0) + 1);
      load.set(grab.person, (load.get(grab.person) ?? ZERO).plus(task.weight));
      outcomes.push({ index: grab.index, task: grab.task, person: grab.person, at: grab.at, outcome: "seated" });
    }
  }

  const reasons = new Map<string, string>();
  const ownerless = [...tasks.values()].filter((t) => t.owners.length === 0).sort((x, y) => y.weight.cmp(x.weight) || byText(x.config.id, y.config.id));
  for (const task of ownerless) {
    const holders = members.filter((m) => m.posts.includes(task.config.post));
    if (holders.length === 0) {
      reasons.set(task.config.id, `nobody grabbed it and no one holds the post ${task.config.post}`);
      continue;
    }
    const seats = p.assignSeats === "all" ? Math.min(task.seats, holders.length) : 1;
    for (let k = 0; k < seats; k++) {
      const free = holders.filter((h) => !task.owners.some((o) => o.person === h.id));
      const pick = free.reduce((best, h) => {
        const c = (load.get(h.id) ?? ZERO).cmp(load.get(best.id) ?? ZERO);
        return c < 0 || (c === 0 && h.id < best.id) ? h : best;
      });
      const before = load.get(pick.id) ?? ZERO;
      task.owners.push({ person: pick.id, how: "assigned", reason: `holds ${task.config.post}; the least loaded of ${free.length} (load ${text(before)})` });
      load.set(pick.id, before.plus(task.weight));
    }
  }

  const out: TaskAllocation[] = b.tasks.map((t) => {
    const task = tasks.get(t.id)!;
    const grabbed = task.owners.filter((o) => o.how === "grabbed").length;
    const status = task.owners.length === 0 ? "unowned" : grabbed === 0 ? "assigned" : grabbed < task.seats ? "partly-grabbed" : "grabbed";
    return { task: t.id, seats: task.seats, owners: task.owners, status, ...(reasons.has(t.id) ? { reason: reasons.get(t.id)! } : {}) };
  });
  // Frozen, so creditTasks can take it without checking it again.
  const allocation = deepFreeze({ board: b.id, tasks: out, grabs: outcomes });
  madeAllocations.add(allocation);
  return allocation;
}

/**
 * {@link allocateTasks} without throwing.
 * @param board - the task board.
 * @param grabs - the grabs.
 * @param staff - the staff.
 * @param policy - the allocation policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeAllocateTasks(board, [{ task: "t1", person: "s1", at: "yesterday" }], staff).success;
 * //=> false
 * ```
 */
export function safeAllocateTasks(board: TaskBoardConfig, grabs: readonly Grab[], staff: readonly StaffMember[], policy?: AllocationPolicy): SafeResult<Allocation> {
  return safely(() => allocateTasks(board, grabs, staff, policy));
}
