import { allocate } from "../core/allocate.js";
import { min, ONE, sum, text, toDec, toNumber, type Dec } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import { addIssue, dec, decimal, isPlainObject, isText, namedRecord, parseList, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { offsetMinutes, toInstant } from "../periods/instant.js";
import { byText } from "../ranking/order.js";
import { madeAllocations } from "./allocate.js";
import { defineTaskBoard, weightOf } from "./board.js";
import type { Allocation, Completion, CreditPolicy, PersonCredits, TaskBoardConfig, TaskCredit, TaskCredits } from "./types.js";

/** The shape of an {@link Allocation}. @internal */
export const allocationSchema = z.object({
  board: z.string(),
  tasks: z.array(
    z.object({
      task: z.string(),
      seats: z.number().int().min(1),
      owners: z.array(z.object({ person: z.string(), how: z.enum(["grabbed", "assigned"]), at: z.string().optional() })),
      status: z.enum(["grabbed", "assigned", "partly-grabbed", "unowned"]),
    }),
  ),
  grabs: z.array(z.object({ person: z.string(), outcome: z.enum(["seated", "rejected"]), code: z.string().optional() })),
});

/** Whether a completion is plainly valid: a quality as a fraction 0–1 or a grade name, a share 0–1 (the schema is skipped for such). */
const plainCompletion = (c: unknown): boolean => {
  if (!isPlainObject(c)) return false;
  for (const key in c) if (key !== "task" && key !== "person" && key !== "quality" && key !== "completed" && key !== "share") return false;
  const q = c.quality;
  const fraction = (v: unknown) => typeof v === "number" && v >= 0 && v <= 1;
  return (
    isText(c.task, 200) &&
    isText(c.person, 200) &&
    (fraction(q) || (isText(q, 100) && !/^[\s\d+.-]/.test(q))) &&
    (c.completed === undefined || isText(c.completed, 40, 0)) &&
    (c.share === undefined || fraction(c.share))
  );
};

const completionsSchema = z
  .array(
    z.strictObject({
      task: z.string().min(1).max(200),
      person: z.string().min(1).max(200),
      quality: z
        .union([z.number(), z.string().min(1).max(100)])
        .superRefine((v, ctx) => {
          // A number, or text that reads as one, is a fraction from 0 to 1; other text is a grade.
          const d = toDec(v);
          if (d === undefined && typeof v === "number") addIssue(ctx, IssueCode.invalidNumber, `must be a finite decimal within ±10^18, not ${String(v)}`);
          if (d !== undefined && (d.isNegative() || d.gt(1))) addIssue(ctx, IssueCode.outOfRange, `must be a fraction from 0 to 1 (or a quality grade), not ${String(v)}`);
        }),
      completed: z.string().max(40).optional(),
      share: decimal({ min: 0, max: 1 }).optional(),
    }),
  )
  .max(1_000_000);

const policySchema = z.strictObject({
  qualityGrades: namedRecord(decimal({ min: 0, max: 1 }), "quality grade").optional(),
  assignedFactor: decimal({ min: 0 }).optional(),
  lateFactor: decimal({ min: 0 }).optional(),
  cap: decimal({ min: 0 }).optional(),
  splitDecimals: z.number().int().min(0).max(10).optional(),
});

/**
 * Credits completed tasks (多干多得分): base points × difficulty coefficient, split between
 * co-owners by declared shares or equally (the parts add up exactly), × completion quality ×
 * the factor for assigned tasks × the factor for late completion; each person's total capped with
 * the excess shown. Exact decimals; each credit carries its trace.
 *
 * @param board - the task board.
 * @param allocation - the board's allocation from {@link allocateTasks}.
 * @param completions - completions by task and owner, with quality.
 * @param policy - quality grades, factors, cap and split decimals.
 * @returns each person's credits and capped total, and the owners with no completion.
 * @throws {@link JixiaoError} for a completion of a task the person does not own, an unknown
 * quality grade, shares that do not add up to 1, or an allocation of another board.
 * @example
 * ```ts
 * creditTasks(board, allocation, [{ task: "t1", person: "s1", quality: 1 }], { cap: 10 }).people[0].applied;
 * //=> 3
 * ```
 */
export function creditTasks(board: TaskBoardConfig, allocation: Allocation, completions: readonly Completion[], policy: CreditPolicy = {}): TaskCredits {
  const b = defineTaskBoard(board);
  const p = parseWith(policySchema, policy, "Credit policy is not valid", ["policy"]) as CreditPolicy;
  const a = madeAllocations.has(allocation) ? allocation : parseWith(allocationSchema, allocation, "Not an allocation", ["allocation"]);
  const done = parseList(completionsSchema, completions, plainCompletion, 1_000_000, "Completions are not valid", ["completions"]) as Completion[];
  const issues: Issue[] = [];
  if (a.board !== b.id) issues.push(issue(IssueCode.invalidValue, ["allocation", "board"], `is "${a.board}", not the board "${b.id}" being credited`));
  const offset = offsetMinutes(b.utcOffset ?? "+08:00")!;
  const owners = new Map(a.tasks.map((t) => [t.task, new Map(t.owners.map((o) => [o.person, o.how]))]));
  const grades = new Map(Object.keys(p.qualityGrades ?? {}).map((g) => [g, dec(p.qualityGrades![g]!)]));
  const byTask = new Map<string, { c: Completion; i: number }[]>();
  done.forEach((c, i) => {
    const how = owners.get(c.task)?.get(c.person);
    if (!b.tasks.some((t) => t.id === c.task)) issues.push(issue(IssueCode.unknownId, ["completions", i, "task"], `names no task of board "${b.id}"`));
    else if (!how) issues.push(issue(IssueCode.invalidValue, ["completions", i, "person"], `"${c.person}" does not own task "${c.task}" in the allocation`));
    if (typeof c.quality === "string" && toDec(c.quality) === undefined && !grades.has(c.quality))
      issues.push(issue(IssueCode.unknownGrade, ["completions", i, "quality"], `"${c.quality.slice(0, 40)}" is not a quality grade${grades.size ? `; the grades are ${[...grades.keys()].join(", ")}` : " (the policy names none)"}`));
    if (c.completed !== undefined && toInstant(c.completed, offset) === undefined)
      issues.push(issue(IssueCode.invalidValue, ["completions", i, "completed"], `"${c.completed}" is not a date or date-time`));
    const list = byTask.get(c.task) ?? [];
    if (list.some((o) => o.c.person === c.person)) issues.push(issue(IssueCode.duplicateId, ["completions", i], `repeats ${c.person}'s completion of ${c.task}`));
    list.push({ c, i });
    byTask.set(c.task, list);
  });
  for (const [task, list] of byTask) {
    const declared = list.filter((e) => e.c.share !== undefined);
    if (declared.length > 0 && declared.length < list.length)
      issues.push(issue(IssueCode.invalidRule, ["completions", list.find((e) => e.c.share === undefined)!.i, "share"], `is missing: other owners of ${task} declare shares, so every owner must`));
    if (declared.length === list.length) {
      const total = sum(declared.map((e) => dec(e.c.share!)));
      if (!total.eq(ONE)) issues.push(issue(IssueCode.invalidRule, ["completions", list[0]!.i, "share"], `the shares of ${task} add up to ${text(total)}, not 1`));
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
      entry.push({ credit, line: { task: t.id, how, credit: toNumber(credit), late, trace } });
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
    };
  });
  const uncompleted = a.tasks.flatMap((t) => t.owners.filter((o) => !byTask.get(t.task)?.some((e) => e.c.person === o.person)).map((o) => ({ task: t.task, person: o.person })));
  return { board: b.id, people, uncompleted };
}

/**
 * {@link creditTasks} without throwing.
 * @param board - the task board.
 * @param allocation - the allocation.
 * @param completions - the completions.
 * @param policy - the credit policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeCreditTasks(board, allocation, [{ task: "t1", person: "nobody", quality: 1 }]).success;
 * //=> false
 * ```
 */
export function safeCreditTasks(board: TaskBoardConfig, allocation: Allocation, completions: readonly Completion[], policy?: CreditPolicy): SafeResult<TaskCredits> {
  return safely(() => creditTasks(board, allocation, completions, policy));
}

/**
 * A person's credit as it counts (capped), or 0 for someone with none — the value of the
 * competitive indicator (a `direct` method) in a personal scheme.
 * @param credits - from {@link creditTasks}.
 * @param person - the person's id.
 * @returns the applied credit.
 * @example
 * ```ts
 * creditOf(credits, "s1");
 * //=> 3
 * ```
 */
export function creditOf(credits: TaskCredits, person: string): number {
  const c = parseWith(creditsSchema, credits, "Not task credits", ["credits"]);
  return c.people.find((p) => p.person === person)?.applied ?? 0;
}

const creditsSchema = z.object({ people: z.array(z.object({ person: z.string(), applied: z.number() })) });
