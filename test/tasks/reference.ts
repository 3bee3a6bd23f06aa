/**
 * The grabbed-task functions as they were before the fast paths (commit 9d15e8a): an oracle for
 * test/tasks/differential.test.ts, which checks that the library gives the same results, traces,
 * reasons and errors. Zod validation of everything, the regex date parser; not exported by the
 * library. The schemas and checks that did not change (the board, staff, completion and credit
 * policy schemas, the quick checks of staff and completions, offsetMinutes) are the library's own;
 * the board's dates are therefore read by the new parser here, which test/periods/instant.test.ts
 * checks against the old one (toInstant below).
 */
import { allocate } from "../../src/core/allocate.js";
import { min, ONE, sum, text, toDec, toNumber, ZERO, type Dec } from "../../src/core/decimal.js";
import { issue, IssueCode, JixiaoError, type Issue } from "../../src/core/errors.js";
import { deepFreeze } from "../../src/core/freeze.js";
import type { TraceStep } from "../../src/core/trace.js";
import { dec, isPlainObject, isText, parseList, parseWith } from "../../src/core/validate.js";
import { z } from "../../src/core/z.js";
import { byText } from "../../src/core/order.js";
import { offsetMinutes } from "../../src/periods/instant.js";
import { allocationSchema, completionsSchema, plainCompletion, policySchema as creditPolicySchema } from "../../src/tasks/credit.js";
import { defineTaskBoard } from "../../src/tasks/board.js";
import { plainMember, staffById, staffSchema } from "../../src/tasks/allocate.js";
import type { Allocation, AllocationPolicy, Completion, CreditPolicy, Grab, GrabOutcome, GrabRejection, PersonCredits, StaffMember, TaskAllocation, TaskBoardConfig, TaskCredit, TaskCredits, TaskOwner, UnownedReason } from "../../src/tasks/types.js";

// ---- src/periods/instant.ts
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The instant a date or date-time text names, in milliseconds since 1970 UTC, or `undefined` when
 * it is not a real date (2023-02-30) or not in the accepted form. A date alone is its first
 * moment, or with `endOfDay` its last millisecond, at `offset` minutes east of UTC.
 * @internal
 */
export function toInstant(text: string, offset: number, endOfDay = false): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const dateOnly = h === undefined;
  const hour = dateOnly ? (endOfDay ? 23 : 0) : Number(h);
  const minute = dateOnly ? (endOfDay ? 59 : 0) : Number(mi);
  const second = dateOnly ? (endOfDay ? 59 : 0) : Number(s ?? 0);
  const milli = dateOnly ? (endOfDay ? 999 : 0) : Number((ms ?? "0").padEnd(3, "0"));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const zoneOffset = zone === undefined ? offset : zone === "Z" ? 0 : offsetMinutes(zone);
  if (zoneOffset === undefined) return undefined;
  return local - zoneOffset * 60_000;
}
// ---- src/tasks/board.ts
export function weightOf(board: TaskBoardConfig, task: { readonly points: string | number; readonly difficulty: string }) {
  const coefficient = dec(board.difficulty[task.difficulty]!);
  return { coefficient, weight: dec(task.points).times(coefficient), text: text(coefficient) };
}
// ---- src/tasks/allocate.ts
const madeByReference = new WeakSet<object>();
const grabsSchema = z.array(z.strictObject({ task: z.string().min(1).max(200), person: z.string().min(1).max(200), at: z.string().max(40) })).max(1_000_000);
const plainGrab = (g: unknown): boolean => {
  if (!isPlainObject(g)) return false;
  for (const key in g) if (key !== "task" && key !== "person" && key !== "at") return false;
  return isText(g.task, 200) && isText(g.person, 200) && isText(g.at, 40, 0);
};
const policySchema = z.strictObject({
  maxTasksPerPerson: z.number().int().min(1).max(100_000).optional(),
  eligibility: z.enum(["anyone", "post"]).optional(),
  assignSeats: z.enum(["one", "all"]).optional(),
});
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
      issues.push(issue(IssueCode.invalidValue, ["grabs", index, "at"], { key: "taskGrabNotDateTime", at: grab.at }));
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
    const reject = (reason: GrabRejection) => outcomes.push({ index: grab.index, task: grab.task, person: grab.person, at: grab.at, outcome: "rejected", code: reason.kind, reason });
    const task = tasks.get(grab.task);
    const person = people.get(grab.person);
    if (!task) reject({ kind: "unknown_task", task: grab.task, board: b.id });
    else if (!person) reject({ kind: "unknown_person", person: grab.person });
    else if (grab.t < task.published) reject({ kind: "not_published", published: task.config.published });
    else if (grab.t > task.deadline) reject({ kind: "after_deadline", deadline: task.config.deadline });
    else if (p.eligibility === "post" && !person.posts.includes(task.config.post)) reject({ kind: "not_eligible", post: task.config.post });
    else if (task.owners.some((o) => o.person === grab.person)) reject({ kind: "duplicate" });
    else if (p.maxTasksPerPerson !== undefined && (count.get(grab.person) ?? 0) >= p.maxTasksPerPerson) reject({ kind: "limit", limit: p.maxTasksPerPerson });
    else if (task.owners.length >= task.seats) reject({ kind: "no_seat", owners: task.owners.map((o) => o.person) });
    else {
      task.owners.push({ person: grab.person, how: "grabbed", at: grab.at });
      count.set(grab.person, (count.get(grab.person) ?? 0) + 1);
      load.set(grab.person, (load.get(grab.person) ?? ZERO).plus(task.weight));
      outcomes.push({ index: grab.index, task: grab.task, person: grab.person, at: grab.at, outcome: "seated" });
    }
  }

  const reasons = new Map<string, UnownedReason>();
  const ownerless = [...tasks.values()].filter((t) => t.owners.length === 0).sort((x, y) => y.weight.cmp(x.weight) || byText(x.config.id, y.config.id));
  for (const task of ownerless) {
    const holders = members.filter((m) => m.posts.includes(task.config.post));
    if (holders.length === 0) {
      reasons.set(task.config.id, { kind: "no_holder", post: task.config.post });
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
      task.owners.push({ person: pick.id, how: "assigned", reason: { kind: "least_loaded", post: task.config.post, candidates: free.length, load: text(before) } });
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
  madeByReference.add(allocation);
  return allocation;
}
// ---- src/tasks/credit.ts
export function creditTasks(board: TaskBoardConfig, allocation: Allocation, completions: readonly Completion[], policy: CreditPolicy = {}): TaskCredits {
  const b = defineTaskBoard(board);
  const p = parseWith(creditPolicySchema, policy, "Credit policy is not valid", ["policy"]) as CreditPolicy;
  const a = madeByReference.has(allocation) ? allocation : parseWith(allocationSchema, allocation, "Not an allocation", ["allocation"]);
  const done = parseList(completionsSchema, completions, plainCompletion, 1_000_000, "Completions are not valid", ["completions"]) as Completion[];
  const issues: Issue[] = [];
  if (a.board !== b.id) issues.push(issue(IssueCode.invalidValue, ["allocation", "board"], { key: "taskOtherBoard", given: a.board, board: b.id }));
  const offset = offsetMinutes(b.utcOffset ?? "+08:00")!;
  const owners = new Map(a.tasks.map((t) => [t.task, new Map(t.owners.map((o) => [o.person, o.how]))]));
  const grades = new Map(Object.keys(p.qualityGrades ?? {}).map((g) => [g, dec(p.qualityGrades![g]!)]));
  const byTask = new Map<string, { c: Completion; i: number }[]>();
  done.forEach((c, i) => {
    const how = owners.get(c.task)?.get(c.person);
    if (!b.tasks.some((t) => t.id === c.task)) issues.push(issue(IssueCode.unknownId, ["completions", i, "task"], { key: "taskNoSuchTask", board: b.id }));
    else if (!how) issues.push(issue(IssueCode.invalidValue, ["completions", i, "person"], { key: "taskNotOwner", person: c.person, task: c.task }));
    if (typeof c.quality === "string" && toDec(c.quality) === undefined && !grades.has(c.quality))
      issues.push(issue(IssueCode.unknownGrade, ["completions", i, "quality"], { key: "taskUnknownQuality", quality: c.quality.slice(0, 40), grades: [...grades.keys()] }));
    if (c.completed !== undefined && toInstant(c.completed, offset) === undefined)
      issues.push(issue(IssueCode.invalidValue, ["completions", i, "completed"], { key: "taskBadCompleted", date: c.completed }));
    const list = byTask.get(c.task) ?? [];
    if (list.some((o) => o.c.person === c.person)) issues.push(issue(IssueCode.duplicateId, ["completions", i], { key: "taskDuplicateCompletion", person: c.person, task: c.task }));
    list.push({ c, i });
    byTask.set(c.task, list);
  });
  for (const [task, list] of byTask) {
    const declared = list.filter((e) => e.c.share !== undefined);
    if (declared.length > 0 && declared.length < list.length)
      issues.push(issue(IssueCode.invalidRule, ["completions", list.find((e) => e.c.share === undefined)!.i, "share"], { key: "taskShareMissing", task }));
    if (declared.length === list.length) {
      const total = sum(declared.map((e) => dec(e.c.share!)));
      if (!total.eq(ONE)) issues.push(issue(IssueCode.invalidRule, ["completions", list[0]!.i, "share"], { key: "taskSharesSum", task, total: text(total) }));
    }
  }
  if (issues.length > 0) throw new JixiaoError(issues, "Tasks cannot be credited");

  const assignedFactor = p.assignedFactor === undefined ? ONE : dec(p.assignedFactor);
  const lateFactor = p.lateFactor === undefined ? ONE : dec(p.lateFactor);
  const perPerson = new Map<string, { credit: Dec; line: TaskCredit }[]>();
  b.tasks.forEach((t) => {
    const list = byTask.get(t.id);
    if (!list) return;
    const { coefficient, weight } = weightOf(b, t);
    const decimals = Math.max(p.splitDecimals ?? 2, weight.decimalPlaces());
    const shares = list.map((e) => ({ key: e.c.person, weight: e.c.share === undefined ? ONE : dec(e.c.share) }));
    const parts = list.length === 1 ? [weight] : allocate(weight, shares, decimals);
    const shareTotal = sum(shares.map((s) => s.weight));
    const deadline = toInstant(t.deadline, offset, true)!;
    list.forEach(({ c }, k) => {
      const how = owners.get(t.id)!.get(c.person)!;
      const quality = typeof c.quality === "string" && grades.has(c.quality) ? grades.get(c.quality)! : toDec(c.quality)!;
      const late = c.completed !== undefined && toInstant(c.completed, offset)! > deadline;
      const part = parts[k]!;
      const factor = (how === "assigned" ? assignedFactor : ONE).times(late ? lateFactor : ONE);
      const credit = part.times(quality).times(factor);
      const trace: TraceStep[] = [
        {
          at: `task:${t.id}`,
          rule: "credit",
          values: {
            points: text(dec(t.points)),
            coefficient: text(coefficient),
            base: text(weight),
            share: text(shares[k]!.weight.div(shareTotal)),
            part: text(part),
            quality: text(quality),
            ...(typeof c.quality === "string" && grades.has(c.quality) ? { grade: c.quality } : {}),
            how,
            ...(how === "assigned" ? { assignedFactor: text(assignedFactor) } : {}),
            ...(late ? { lateFactor: text(lateFactor) } : {}),
          },
          result: text(credit),
        },
      ];
      const entry = perPerson.get(c.person) ?? [];
      entry.push({ credit, line: { task: t.id, how, credit: toNumber(credit), exact: text(credit), late, trace } });
      perPerson.set(c.person, entry);
    });
  });

  const cap = p.cap === undefined ? undefined : dec(p.cap);
  const people: PersonCredits[] = [...perPerson.keys()].sort(byText).map((person) => {
    const lines = perPerson.get(person)!;
    const total = sum(lines.map((l) => l.credit));
    const applied = cap ? min(total, cap) : total;
    return {
      person,
      credits: lines.map((l) => l.line),
      total: toNumber(total),
      cap: cap ? toNumber(cap) : null,
      applied: toNumber(applied),
      excess: toNumber(total.minus(applied)),
      exact: { total: text(total), applied: text(applied), excess: text(total.minus(applied)) },
    };
  });
  const uncompleted = a.tasks.flatMap((t) => t.owners.filter((o) => !byTask.get(t.task)?.some((e) => e.c.person === o.person)).map((o) => ({ task: t.task, person: o.person })));
  return { board: b.id, people, uncompleted };
}
