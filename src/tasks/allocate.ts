import { text, ZERO, type Dec } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { made, madeAs, snapshot } from "../core/snapshot.js";
import { everyItem, idSchema, isId, isPlainObject, isText, parseList, parseWith, parseCopy } from "../core/validate.js";
import { MAX_GRABS, MAX_STAFF } from "../core/limits.js";
import { z } from "../core/z.js";
import { toInstant } from "../periods/instant.js";
import { byText } from "../core/order.js";
import { readBoard, type BoardTask } from "./board.js";
import type { Allocation, AllocationPolicy, Grab, GrabOutcome, GrabRejection, StaffMember, TaskAllocation, TaskBoardConfig, TaskOwner, UnownedReason } from "./types.js";

const grabsSchema = z.array(z.strictObject({ task: z.string().min(1).max(200), person: z.string().min(1).max(200), at: z.string().max(40) })).max(MAX_GRABS);
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
  .max(MAX_STAFF);
/** Whether a value is an allocation {@link allocateTasks} made (frozen, so still as made). @internal */
export const madeAllocation = (value: unknown): value is Allocation => madeAs("allocation", value);

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
    everyItem(posts, (p) => isText(p, 200))
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
    if (out.has(s.id)) issues.push(issue(IssueCode.duplicateId, [...base, i, "id"], { key: "taskDuplicateStaff", id: s.id }));
    else out.set(s.id, s);
  });
  return out;
}

/**
 * Allocates a board's tasks (三单: 抢单, 派单): grabs are decided first come, first served by their
 * timestamps — equal timestamps by person id, then task id — with optional limits and eligibility
 * by post, each rejected grab with its reason as data; then every task nobody grabbed is assigned to a
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
  const b = readBoard(board);
  const given = snapshot(policy, ["policy"], "Allocation policy is not valid");
  const p = plainPolicy(given) ?? (parseCopy(policySchema, given, "Allocation policy is not valid", ["policy"]) as AllocationPolicy);
  const g = parseList(grabsSchema, grabs, plainGrab, MAX_GRABS, "Grabs are not valid", ["grabs"]);
  const members = parseList(staffSchema, staff, plainMember, MAX_STAFF, "Staff are not valid", ["staff"]) as StaffMember[];
  const issues: Issue[] = [];
  const people = staffById(members, issues, ["staff"]);
  const timed: TimedGrab[] = [];
  for (let index = 0; index < g.length; index++) {
    const grab = g[index]!;
    // Each field read by name: a spread would drop a non-enumerable one that the quick check read.
    const at = grab.at;
    const t = toInstant(at, b.offset);
    if (t === undefined || (!at.includes("T") && !at.includes(" ")))
      issues.push(issue(IssueCode.invalidValue, ["grabs", index, "at"], { key: "taskGrabNotDateTime", at }));
    timed.push({ task: grab.task, person: grab.person, at, index, t: t ?? 0 });
  }
  if (issues.length > 0) throw new JixiaoError(issues, "Tasks cannot be allocated");

  const tasks = new Map<string, Seats>();
  for (const task of b.tasks) tasks.set(task.config.id, { task, owners: [], seated: new Set() });
  const load = new Map<string, Dec>();
  const count = new Map<string, number>();
  const outcomes: GrabOutcome[] = [];
  const limit = p.maxTasksPerPerson;
  for (const grab of inOrder(timed)) {
    const seats = tasks.get(grab.task);
    const person = people.get(grab.person);
    let reason: GrabRejection | undefined;
    if (!seats) reason = Object.freeze({ kind: "unknown_task", task: grab.task, board: b.id });
    else if (!person) reason = Object.freeze({ kind: "unknown_person", person: grab.person });
    else {
      const { task, owners } = seats;
      if (grab.t < task.publishedAt) reason = Object.freeze({ kind: "not_published", published: task.config.published });
      else if (grab.t > task.deadlineAt) reason = Object.freeze({ kind: "after_deadline", deadline: task.config.deadline });
      else if (p.eligibility === "post" && !person.posts.includes(task.config.post)) reason = Object.freeze({ kind: "not_eligible", post: task.config.post });
      else if (seats.seated.has(grab.person)) reason = DUPLICATE;
      else if (limit !== undefined && (count.get(grab.person) ?? 0) >= limit) reason = Object.freeze({ kind: "limit", limit });
      else if (owners.length >= task.seats) reason = seats.full ??= Object.freeze({ kind: "no_seat", owners: Object.freeze(owners.map((o) => o.person)) });
      else {
        owners.push(Object.freeze({ person: grab.person, how: "grabbed", at: grab.at }));
        seats.seated.add(grab.person);
        count.set(grab.person, (count.get(grab.person) ?? 0) + 1);
        load.set(grab.person, (load.get(grab.person) ?? ZERO).plus(task.weight));
      }
    }
    outcomes.push(
      Object.freeze(
        reason === undefined
          ? { index: grab.index, task: grab.task, person: grab.person, at: grab.at, outcome: "seated" as const }
          : { index: grab.index, task: grab.task, person: grab.person, at: grab.at, outcome: "rejected" as const, code: reason.kind, reason },
      ),
    );
  }

  const reasons = new Map<string, UnownedReason>();
  const ownerless = [...tasks.values()].filter((t) => t.owners.length === 0).sort((x, y) => y.task.weight.cmp(x.task.weight) || byText(x.task.config.id, y.task.config.id));
  const holders = new Map<string, Holders>();
  for (const { task, owners } of ownerless) {
    const post = task.config.post;
    let h = holders.get(post);
    if (!h) holders.set(post, (h = holdersOf(members, post, load)));
    if (h.count === 0) {
      reasons.set(task.config.id, Object.freeze({ kind: "no_holder", post }));
      continue;
    }
    // The least loaded holders (then by id), one for each seat assigned; the free ones are those not yet picked.
    const seats = p.assignSeats === "all" ? Math.min(task.seats, h.count) : 1;
    const picked = leastLoaded(h.heap, seats, load);
    picked.forEach((pick, k) => {
      owners.push(Object.freeze({ person: pick.id, how: "assigned", reason: Object.freeze({ kind: "least_loaded", post, candidates: h.count - k, load: text(pick.load) }) }));
      const after = pick.load.plus(task.weight);
      load.set(pick.id, after);
      push(h.heap, { id: pick.id, load: after });
    });
  }

  // Every object is frozen as it is made (the owners and outcomes above), so creditTasks can take
  // the allocation without checking it again; as deepFreeze would leave it, without its walk.
  const out: TaskAllocation[] = [];
  for (const { task, owners } of tasks.values()) {
    let grabbed = 0;
    for (const o of owners) if (o.how === "grabbed") grabbed++;
    const status = owners.length === 0 ? "unowned" : grabbed === 0 ? "assigned" : grabbed < task.seats ? "partly-grabbed" : "grabbed";
    const reason = reasons.get(task.config.id);
    const id = task.config.id;
    out.push(Object.freeze(reason === undefined ? { task: id, seats: task.seats, owners: Object.freeze(owners), status } : { task: id, seats: task.seats, owners: Object.freeze(owners), status, reason }));
  }
  const allocation: Allocation = Object.freeze({ board: b.id, tasks: Object.freeze(out), grabs: Object.freeze(outcomes) });
  return made("allocation", allocation);
}

/** A grab with its index and instant. */
interface TimedGrab {
  readonly task: string;
  readonly person: string;
  readonly at: string;
  readonly index: number;
  readonly t: number;
}

/** A task and its owners so far. */
interface Seats {
  readonly task: BoardTask;
  readonly owners: TaskOwner[];
  /** The people who own a seat. */
  readonly seated: Set<string>;
  /** Why a grab finds no seat, once every seat is taken: grabs never change the owners after that. */
  full?: GrabRejection;
}

/** The one reason for a grab by someone who already holds a seat of the task. */
const DUPLICATE: GrabRejection = Object.freeze({ kind: "duplicate" });

/** The order grabs are decided in: time, then person id, then task id (then as given). */
const byTime = (x: TimedGrab, y: TimedGrab): number => x.t - y.t || byText(x.person, y.person) || byText(x.task, y.task) || byText(x.at, y.at) || x.index - y.index;

/**
 * The grabs in the order {@link byTime} gives. As that order is total (the index settles every tie)
 * any sort gives the same list, so the instants are sorted as numbers — each packed with its index
 * as (t − earliest) × 2^k + index, a whole number below 2^53, so exact — and only a run of grabs made
 * at the same instant is sorted by the full comparator. Instants too far apart to pack are sorted by
 * the comparator alone.
 */
function inOrder(timed: readonly TimedGrab[]): TimedGrab[] {
  const n = timed.length;
  let earliest = Infinity;
  let latest = -Infinity;
  for (const g of timed) {
    if (g.t < earliest) earliest = g.t;
    if (g.t > latest) latest = g.t;
  }
  let scale = 1;
  while (scale < n) scale *= 2;
  if (n < 2 || !((latest - earliest + 1) * scale <= Number.MAX_SAFE_INTEGER)) return [...timed].sort(byTime);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (timed[i]!.t - earliest) * scale + i;
  keys.sort();
  const out = new Array<TimedGrab>(n);
  for (let i = 0; i < n; i++) out[i] = timed[keys[i]! % scale]!;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && out[end]!.t === out[start]!.t) end++;
    if (end - start > 1) {
      const run = out.slice(start, end).sort(byTime);
      for (let k = 0; k < run.length; k++) out[start + k] = run[k]!;
    }
    start = end;
  }
  return out;
}

/** A holder of a post with a load (points × coefficient owned) as it was when the entry was made. */
interface Loaded {
  readonly id: string;
  readonly load: Dec;
}

/** The holders of a post: how many, and a heap of them by load (the least first, then by id). */
interface Holders {
  readonly count: number;
  readonly heap: Loaded[];
}

/** The staff members holding a post, each with the load they have now. */
function holdersOf(members: readonly StaffMember[], post: string, load: ReadonlyMap<string, Dec>): Holders {
  const heap: Loaded[] = [];
  for (const m of members) if (m.posts.includes(post)) heap.push({ id: m.id, load: load.get(m.id) ?? ZERO });
  // Sorted, an array is a heap.
  heap.sort(lighter);
  return { count: heap.length, heap };
}

/** The order of assignment: the least load first, then the smaller id (ids are unique). */
const lighter = (a: Loaded, b: Loaded): number => a.load.cmp(b.load) || byText(a.id, b.id);

/**
 * Takes the `count` holders with the least loads now (then by id) off a post's heap, in that order.
 * Each holder has one entry in each heap of a post they hold; an entry made before the holder was
 * given a task of another post shows a load below the holder's (loads only grow: every task's
 * weight is more than 0), so it comes out early and is put back with the load of now.
 */
function leastLoaded(heap: Loaded[], count: number, load: ReadonlyMap<string, Dec>): Loaded[] {
  const out: Loaded[] = [];
  while (out.length < count) {
    const top = pop(heap);
    const now = load.get(top.id) ?? ZERO;
    if (now === top.load) out.push(top);
    else push(heap, { id: top.id, load: now });
  }
  return out;
}

function push(heap: Loaded[], item: Loaded): void {
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (lighter(heap[parent]!, item) <= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

function pop(heap: Loaded[]): Loaded {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length === 0) return top;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && lighter(heap[child + 1]!, heap[child]!) < 0) child++;
    if (lighter(last, heap[child]!) <= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}

const POLICY_KEYS = new Set(["maxTasksPerPerson", "eligibility", "assignSeats"]);

/** The allocation policy when it is plainly valid (each field read once), else `undefined` and the schema decides. */
function plainPolicy(policy: unknown): AllocationPolicy | undefined {
  if (!isPlainObject(policy)) return undefined;
  for (const key in policy) if (!POLICY_KEYS.has(key)) return undefined;
  const { maxTasksPerPerson, eligibility, assignSeats } = policy;
  if (!(maxTasksPerPerson === undefined || (Number.isInteger(maxTasksPerPerson) && (maxTasksPerPerson as number) >= 1 && (maxTasksPerPerson as number) <= 100_000))) return undefined;
  if (!(eligibility === undefined || eligibility === "anyone" || eligibility === "post")) return undefined;
  if (!(assignSeats === undefined || assignSeats === "one" || assignSeats === "all")) return undefined;
  return { maxTasksPerPerson: maxTasksPerPerson as number | undefined, eligibility, assignSeats };
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
