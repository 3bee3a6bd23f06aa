import { allocate, allocateUnits, toUnits } from "../core/allocate.js";
import { Dec, min, ONE, sum, text, toDec, toNumber } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import { snapshot } from "../core/snapshot.js";
import { addIssue, dec, decimal, isPlainObject, isText, namedRecord, parseList, parseWith, type DecimalInput, parseCopy } from "../core/validate.js";
import { z } from "../core/z.js";
import { shown } from "../messages/index.js";
import { toInstant } from "../periods/instant.js";
import { byText } from "../core/order.js";
import { madeAllocation } from "./allocate.js";
import { DecimalMemo, plainDecimalRecord, readBoard } from "./board.js";
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
/** Whether a completion is plainly valid, so the schema can be skipped. @internal */
export const plainCompletion = (c: unknown): boolean => {
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

/** The completions schema. @internal */
export const completionsSchema = z
  .array(
    z.strictObject({
      task: z.string().min(1).max(200),
      person: z.string().min(1).max(200),
      quality: z
        .union([z.number(), z.string().min(1).max(100)])
        .superRefine((v, ctx) => {
          // A number, or text that reads as one, is a fraction from 0 to 1; other text is a grade.
          const d = toDec(v);
          if (d === undefined && typeof v === "number") addIssue(ctx, IssueCode.invalidNumber, { key: "decimalRange", received: shown(v) });
          if (d !== undefined && (d.isNegative() || d.gt(1))) addIssue(ctx, IssueCode.outOfRange, { key: "taskQualityFraction", value: String(v) });
        }),
      completed: z.string().max(40).optional(),
      share: decimal({ min: 0, max: 1 }).optional(),
    }),
  )
  .max(1_000_000);

/** The credit policy schema. @internal */
export const policySchema = z.strictObject({
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
  const b = readBoard(board);
  const given = snapshot(policy, ["policy"], "Credit policy is not valid");
  const p = plainPolicy(given) ?? policyOf(parseCopy(policySchema, given, "Credit policy is not valid", ["policy"]) as CreditPolicy);
  const a = madeAllocation(allocation) ? allocation : parseWith(allocationSchema, allocation, "Not an allocation", ["allocation"]);
  const done = parseList(completionsSchema, completions, plainCompletion, 1_000_000, "Completions are not valid", ["completions"]) as Completion[];
  const issues: Issue[] = [];
  if (a.board !== b.id) issues.push(issue(IssueCode.invalidValue, ["allocation", "board"], { key: "taskOtherBoard", given: a.board, board: b.id }));
  const owners = new Map<string, Map<string, "grabbed" | "assigned">>();
  for (const t of a.tasks) owners.set(t.task, new Map(t.owners.map((o) => [o.person, o.how])));
  const grades = p.grades;
  const byTask = new Map<string, Done[]>();
  for (let i = 0; i < done.length; i++) {
    // Each field read once (a quick-checked completion is the caller's own object).
    const { task, person, quality, completed, share } = done[i]!;
    const how = owners.get(task)?.get(person);
    if (!b.byId.has(task)) issues.push(issue(IssueCode.unknownId, ["completions", i, "task"], { key: "taskNoSuchTask", board: b.id }));
    else if (!how) issues.push(issue(IssueCode.invalidValue, ["completions", i, "person"], { key: "taskNotOwner", person, task }));
    const grade = typeof quality === "string" && grades.has(quality) ? quality : undefined;
    if (typeof quality === "string" && toDec(quality) === undefined && grade === undefined)
      issues.push(issue(IssueCode.unknownGrade, ["completions", i, "quality"], { key: "taskUnknownQuality", quality: quality.slice(0, 40), grades: [...grades.keys()] }));
    const at = completed === undefined ? undefined : toInstant(completed, b.offset);
    if (completed !== undefined && at === undefined) issues.push(issue(IssueCode.invalidValue, ["completions", i, "completed"], { key: "taskBadCompleted", date: completed }));
    let list = byTask.get(task);
    if (!list) byTask.set(task, (list = []));
    if (list.some((e) => e.person === person)) issues.push(issue(IssueCode.duplicateId, ["completions", i], { key: "taskDuplicateCompletion", person, task }));
    list.push({ person, quality, grade, at, share, i });
  }
  for (const [task, list] of byTask) {
    const declared = list.filter((e) => e.share !== undefined);
    if (declared.length > 0 && declared.length < list.length)
      issues.push(issue(IssueCode.invalidRule, ["completions", list.find((e) => e.share === undefined)!.i, "share"], { key: "taskShareMissing", task }));
    if (declared.length === list.length) {
      const total = sum(declared.map((e) => dec(e.share!)));
      if (!total.eq(ONE)) issues.push(issue(IssueCode.invalidRule, ["completions", list[0]!.i, "share"], { key: "taskSharesSum", task, total: text(total) }));
    }
  }
  if (issues.length > 0) throw new JixiaoError(issues, "Tasks cannot be credited");

  // The factor of each kind of credit, worked out as each credit would: (assigned or 1) × (late or 1).
  const factors = {
    grabbed: [ONE.times(ONE), ONE.times(p.lateFactor)],
    assigned: [p.assignedFactor.times(ONE), p.assignedFactor.times(p.lateFactor)],
  } as const;
  const assignedText = text(p.assignedFactor);
  const lateText = text(p.lateFactor);
  // Tasks repeat weights, parts, grades and factors: products and texts are worked out once.
  const memo = new DecimalMemo();
  const units = new Map<Dec, bigint>();
  const equalShares = new Map<number, string>();
  const perPerson = new Map<string, { credit: Dec; line: TaskCredit }[]>();
  for (const task of b.tasks) {
    const t = task.config;
    const list = byTask.get(t.id);
    if (!list) continue;
    const { coefficient, weight, deadlineAt } = task;
    const decimals = Math.max(p.splitDecimals, weight.decimalPlaces());
    const shares = list.map((e) => ({ key: e.person, weight: e.share === undefined ? ONE : dec(e.share) }));
    // Without declared shares (then no one declares) every share is 1 ÷ the owners: the same text for each.
    let equalShare: string | undefined;
    if (list[0]!.share === undefined) {
      equalShare = equalShares.get(list.length);
      if (equalShare === undefined) equalShares.set(list.length, (equalShare = text(ONE.div(list.length))));
    }
    let parts: readonly Dec[];
    if (list.length === 1) parts = [weight];
    else if (equalShare === undefined) parts = allocate(weight, shares, decimals);
    else {
      // allocate() with every share's units 1 (a share of 1 has no decimals): only the whole needs converting.
      let whole = units.get(weight);
      if (whole === undefined) units.set(weight, (whole = toUnits(weight, decimals)));
      const split = allocateUnits(whole, list.map(() => 1n), list.map((e) => e.person));
      parts = split.map((u) => memo.read(`${u}e-${decimals}`));
    }
    const shareTotal = sum(shares.map((s) => s.weight));
    const points = memo.text(task.points);
    const coefficientText = memo.text(coefficient);
    const base = memo.text(weight);
    const taskOwners = owners.get(t.id)!;
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      const how = taskOwners.get(c.person)!;
      const quality = c.grade !== undefined ? grades.get(c.grade)! : toDec(c.quality)!;
      const late = c.at !== undefined && c.at > deadlineAt;
      const part = parts[k]!;
      const credit = memo.times(memo.times(part, quality), factors[how][late ? 1 : 0]);
      // The trace's fields in their documented order.
      const values: Record<string, string> = {
        points,
        coefficient: coefficientText,
        base,
        share: equalShare ?? text(shares[k]!.weight.div(shareTotal)),
        part: memo.text(part),
        quality: memo.text(quality),
      };
      if (c.grade !== undefined) values.grade = c.grade;
      values.how = how;
      if (how === "assigned") values.assignedFactor = assignedText;
      if (late) values.lateFactor = lateText;
      const result = memo.text(credit);
      const trace: TraceStep[] = [{ at: `task:${t.id}`, rule: "credit", values, result }];
      let entry = perPerson.get(c.person);
      if (!entry) perPerson.set(c.person, (entry = []));
      // Number(text) is toNumber(credit): both read the decimal's shortest text, and text() writes 0 for -0.
      entry.push({ credit, line: { task: t.id, how, credit: Number(result), exact: result, late, trace } });
    }
  }

  const cap = p.cap;
  const capNumber = cap ? toNumber(cap) : null;
  const people: PersonCredits[] = [...perPerson.keys()].sort(byText).map((person) => {
    const lines = perPerson.get(person)!;
    const total = sum(lines.map((l) => l.credit));
    const applied = cap ? min(total, cap) : total;
    const totalText = text(total);
    // Below the cap (applied is total itself) the excess is total − total = 0.
    const under = applied === total;
    const appliedText = under ? totalText : text(applied);
    const excessText = under ? "0" : text(total.minus(applied));
    // Number(text) is the decimal's nearest number, as toNumber gives it (text() writes 0 for -0).
    return {
      person,
      credits: lines.map((l) => l.line),
      total: Number(totalText),
      cap: capNumber,
      applied: Number(appliedText),
      excess: Number(excessText),
      exact: { total: totalText, applied: appliedText, excess: excessText },
    };
  });
  const uncompleted: { task: string; person: string }[] = [];
  for (const t of a.tasks) {
    const list = byTask.get(t.task);
    for (const o of t.owners) if (!list?.some((e) => e.person === o.person)) uncompleted.push({ task: t.task, person: o.person });
  }
  return { board: b.id, people, uncompleted };
}

/** A completion as read, with its index, its grade (when its quality names one) and its instant. */
interface Done {
  readonly person: string;
  readonly quality: number | string;
  readonly grade: string | undefined;
  readonly at: number | undefined;
  readonly share: DecimalInput | undefined;
  readonly i: number;
}

/** A credit policy as decimals, its defaults filled in. */
interface Policy {
  readonly grades: ReadonlyMap<string, Dec>;
  readonly assignedFactor: Dec;
  readonly lateFactor: Dec;
  readonly cap: Dec | undefined;
  readonly splitDecimals: number;
}

/** A validated credit policy as decimals. */
function policyOf(p: CreditPolicy): Policy {
  return {
    grades: new Map(Object.keys(p.qualityGrades ?? {}).map((g) => [g, dec(p.qualityGrades![g]!)])),
    assignedFactor: p.assignedFactor === undefined ? ONE : dec(p.assignedFactor),
    lateFactor: p.lateFactor === undefined ? ONE : dec(p.lateFactor),
    cap: p.cap === undefined ? undefined : dec(p.cap),
    splitDecimals: p.splitDecimals ?? 2,
  };
}

const POLICY_KEYS = new Set(["qualityGrades", "assignedFactor", "lateFactor", "cap", "splitDecimals"]);
/** A decimal of at least 0 (`decimal({ min: 0 })`). */
const atLeastZero = (v: unknown): Dec | undefined => {
  const d = toDec(v);
  return d !== undefined && !d.isNegative() ? d : undefined;
};
/** A decimal from 0 to 1 (`decimal({ min: 0, max: 1 })`). */
const fraction = (v: unknown): Dec | undefined => {
  const d = atLeastZero(v);
  return d !== undefined && !d.gt(1) ? d : undefined;
};

/**
 * The credit policy read without the schema when it is plainly valid (each field read once, only
 * values the schema accepts as they are), else `undefined` and the schema decides.
 */
function plainPolicy(policy: unknown): Policy | undefined {
  if (!isPlainObject(policy)) return undefined;
  for (const key in policy) if (!POLICY_KEYS.has(key)) return undefined;
  const { qualityGrades, assignedFactor, lateFactor, cap, splitDecimals } = policy;
  const grades = qualityGrades === undefined ? new Map<string, Dec>() : plainDecimalRecord(qualityGrades, fraction);
  const assigned = assignedFactor === undefined ? ONE : atLeastZero(assignedFactor);
  const late = lateFactor === undefined ? ONE : atLeastZero(lateFactor);
  const capped = cap === undefined ? undefined : atLeastZero(cap);
  if (grades === undefined || assigned === undefined || late === undefined || (cap !== undefined && capped === undefined)) return undefined;
  if (!(splitDecimals === undefined || (Number.isInteger(splitDecimals) && (splitDecimals as number) >= 0 && (splitDecimals as number) <= 10))) return undefined;
  return { grades, assignedFactor: assigned, lateFactor: late, cap: capped, splitDecimals: (splitDecimals as number | undefined) ?? 2 };
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
