import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  explainTaskReason,
  allocateTasks,
  creditTasks,
  isJixiaoError,
  type Allocation,
  type AllocationPolicy,
  type Completion,
  type CreditPolicy,
  type Grab,
  type StaffMember,
  type TaskBoardConfig,
  type TaskConfig,
} from "../../src/index.js";

const POSTS = ["P1", "P2", "P3", "P4"]; // P4 is never held by anyone
const HOUR = 3_600_000;
const CST = 8 * 60; // the board's default offset, +08:00, in minutes

/** The instant of 2023-07-DD at hh:mm, +08:00. */
const julyAt = (day: number, hour = 0, minute = 0, second = 0, ms = 0) => Date.UTC(2023, 6, day, hour, minute, second, ms) - CST * 60_000;

const two = (n: number) => String(n).padStart(2, "0");

/** Writes an instant as a date-time at an offset: `Z`, `±hh:mm` or none (read at the board's +08:00). */
function render(ms: number, zone: { suffix: string; minutes: number }): string {
  const d = new Date(ms + zone.minutes * 60_000);
  const frac = d.getUTCMilliseconds() ? `.${String(d.getUTCMilliseconds()).padStart(3, "0")}` : "";
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${frac}${zone.suffix}`;
}
const ZONES = [
  { suffix: "Z", minutes: 0 },
  { suffix: "+08:00", minutes: CST },
  { suffix: "", minutes: CST },
  { suffix: "-05:00", minutes: -300 },
  { suffix: "+05:30", minutes: 330 },
];

interface GenTask {
  config: TaskConfig;
  published: number;
  deadline: number;
}

const taskArb = (id: string) =>
  fc
    .record({
      difficulty: fc.constantFrom("high", "medium", "low"),
      points: fc.constantFrom<number | string>(1, 2, 3, 4, "0.5", "1.25", "2.5", "0.1", "3.3"),
      seats: fc.integer({ min: 1, max: 3 }),
      post: fc.constantFrom(...POSTS),
      publishedDay: fc.integer({ min: 1, max: 12 }),
      publishedAtNine: fc.boolean(),
      days: fc.integer({ min: 0, max: 18 }),
    })
    .map(
      (r): GenTask => ({
        config: {
          id,
          title: `task ${id}`,
          difficulty: r.difficulty,
          points: r.points,
          seats: r.seats,
          post: r.post,
          published: r.publishedAtNine ? `2023-07-${two(r.publishedDay)}T09:00` : `2023-07-${two(r.publishedDay)}`,
          deadline: `2023-07-${two(r.publishedDay + r.days)}`,
        },
        published: julyAt(r.publishedDay, r.publishedAtNine ? 9 : 0),
        deadline: julyAt(r.publishedDay + r.days, 23, 59, 59, 999),
      }),
    );

const tasksArb = fc.integer({ min: 1, max: 7 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(`t${i + 1}`))));

const staffArb = fc
  .uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "B", "a1"), { maxLength: 7 })
  .chain((ids) => fc.tuple(...ids.map((id) => fc.subarray(["P1", "P2", "P3"]).map((posts): StaffMember => ({ id, posts })))));

interface GenGrab {
  grab: Grab;
  ms: number;
}

/** Grabs on a coarse clock (every 6 hours, sometimes a second later) so that ties happen. */
const grabArb = (taskIds: string[], personIds: string[]) =>
  fc
    .record({
      task: fc.constantFrom(...taskIds, "nope"),
      person: fc.constantFrom(...personIds, "ghost"),
      step: fc.integer({ min: 0, max: 150 }),
      extra: fc.constantFrom(0, 0, 0, 1000),
      zone: fc.constantFrom(...ZONES),
    })
    .map((r): GenGrab => {
      const ms = Date.UTC(2023, 5, 30) + r.step * 6 * HOUR + r.extra;
      return { grab: { task: r.task, person: r.person, at: render(ms, r.zone) }, ms };
    });

const policyArb = fc.record(
  {
    maxTasksPerPerson: fc.integer({ min: 1, max: 3 }),
    eligibility: fc.constantFrom<"anyone" | "post">("anyone", "post"),
    assignSeats: fc.constantFrom<"one" | "all">("one", "all"),
  },
  { requiredKeys: [] },
);

const scenarioArb = fc
  .tuple(tasksArb, staffArb, policyArb)
  .chain(([tasks, staff, policy]) =>
    fc.tuple(
      fc.constant(tasks),
      fc.constant(staff),
      fc.constant(policy as AllocationPolicy),
      fc.array(
        grabArb(
          tasks.map((t) => t.config.id),
          staff.map((s) => s.id),
        ),
        { maxLength: 30 },
      ),
    ),
  )
  .map(([tasks, staff, policy, grabs]) => {
    const board: TaskBoardConfig = { id: "prop", period: "2023-Q3", difficulty: { high: "1.5", medium: 1.2, low: 1 }, tasks: tasks.map((t) => t.config) };
    return { tasks, staff, policy, grabs, board };
  });

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const coefficient: Record<string, string> = { high: "1.5", medium: "1.2", low: "1" };
const baseOf = (t: TaskConfig) => new Decimal(String(t.points)).times(coefficient[t.difficulty]!);

describe("allocation properties", () => {
  it("every task ends with an owner or is reported unowned with a reason (only when no one holds its post)", () => {
    fc.assert(
      fc.property(scenarioArb, ({ board, staff, policy, grabs }) => {
        const a = allocateTasks(board, grabs.map((g) => g.grab), staff, policy);
        expect(a.tasks.map((t) => t.task)).toEqual(board.tasks.map((t) => t.id));
        for (const [i, t] of a.tasks.entries()) {
          const config = board.tasks[i]!;
          const holders = staff.filter((s) => s.posts.includes(config.post));
          if (t.owners.length === 0) {
            expect(t.status).toBe("unowned");
            expect(t.reason).toEqual({ kind: "no_holder", post: config.post });
            expect(explainTaskReason(t.reason!, { locale: "en" })).toMatch(/\S/);
            expect(holders).toEqual([]);
          } else {
            expect(t.status).not.toBe("unowned");
            expect(t.reason).toBeUndefined();
          }
          const grabbed = t.owners.filter((o) => o.how === "grabbed").length;
          const expected = t.owners.length === 0 ? "unowned" : grabbed === 0 ? "assigned" : grabbed < t.seats ? "partly-grabbed" : "grabbed";
          expect(t.status).toBe(expected);
          // assigned owners hold the post; with assignSeats "one" an unGrabbed task gets exactly one
          for (const o of t.owners.filter((o) => o.how === "assigned")) expect(holders.map((h) => h.id)).toContain(o.person);
          if (grabbed === 0 && t.owners.length > 0) expect(t.owners.length).toBe(policy.assignSeats === "all" ? Math.min(t.seats, holders.length) : 1);
        }
      }),
    );
  });

  it("no seat is given twice, no task has more owners than seats, and only valid grabs are seated", () => {
    fc.assert(
      fc.property(scenarioArb, ({ board, tasks, staff, policy, grabs }) => {
        const a = allocateTasks(board, grabs.map((g) => g.grab), staff, policy);
        expect(a.grabs).toHaveLength(grabs.length);
        expect(a.grabs.map((g) => g.index).sort((x, y) => x - y)).toEqual(grabs.map((_, i) => i));
        const seatedPerPerson = new Map<string, number>();
        for (const [i, t] of a.tasks.entries()) {
          const people = t.owners.map((o) => o.person);
          expect(new Set(people).size).toBe(people.length);
          expect(people.length).toBeLessThanOrEqual(t.seats);
          const seated = a.grabs.filter((g) => g.task === t.task && g.outcome === "seated");
          // the grabbed owners are exactly the seated grabs, in the order they were decided
          expect(t.owners.filter((o) => o.how === "grabbed").map((o) => [o.person, o.at])).toEqual(seated.map((g) => [g.person, g.at]));
          for (const g of seated) {
            const ms = grabs[g.index]!.ms;
            expect(ms).toBeGreaterThanOrEqual(tasks[i]!.published);
            expect(ms).toBeLessThanOrEqual(tasks[i]!.deadline);
            const person = staff.find((s) => s.id === g.person);
            expect(person).toBeDefined();
            if (policy.eligibility === "post") expect(person!.posts).toContain(board.tasks[i]!.post);
            seatedPerPerson.set(g.person, (seatedPerPerson.get(g.person) ?? 0) + 1);
          }
        }
        if (policy.maxTasksPerPerson !== undefined) for (const n of seatedPerPerson.values()) expect(n).toBeLessThanOrEqual(policy.maxTasksPerPerson);
        // the grabs come in the order decided: time, then person id, then task id
        const keys = a.grabs.map((g) => grabs[g.index]!.ms);
        expect(keys).toEqual([...keys].sort((x, y) => x - y));
        // every rejection has a code and a reason; seated grabs have neither
        for (const g of a.grabs) {
          if (g.outcome === "rejected") {
            expect(["unknown_task", "unknown_person", "not_published", "after_deadline", "not_eligible", "duplicate", "limit", "no_seat"]).toContain(g.code);
            expect(g.reason?.kind).toBe(g.code);
            expect(explainTaskReason(g.reason!, { locale: "en" })).toMatch(/\S/);
            expect(explainTaskReason(g.reason!)).toMatch(/\S/);
          } else expect(g.code).toBeUndefined();
        }
        // a rejection for want of a seat only when every seat is taken
        for (const g of a.grabs.filter((g) => g.code === "no_seat")) {
          const t = a.tasks.find((t) => t.task === g.task)!;
          expect(t.owners.filter((o) => o.how === "grabbed")).toHaveLength(t.seats);
        }
      }),
    );
  });

  it("the allocation does not depend on the order of grabs in the input, only on their timestamps", () => {
    const withShuffle = scenarioArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.grabs, { minLength: s.grabs.length, maxLength: s.grabs.length })));
    /** The allocation as JSON, without the grabs' input positions (which name the input order by definition). */
    const canonical = (a: Allocation) => JSON.stringify({ ...a, grabs: a.grabs.map(({ index: _index, ...rest }) => rest) });
    // Found by this property: the same person grabbing the same task twice at the same instant, written two ways.
    const twice: GenGrab[] = [
      { grab: { task: "t1", person: "a", at: "2023-07-05T01:00:00Z" }, ms: julyAt(5, 9) },
      { grab: { task: "t1", person: "a", at: "2023-07-05T09:00:00" }, ms: julyAt(5, 9) },
    ];
    const example: ValueOf<typeof scenarioArb> = {
      tasks: [],
      staff: [{ id: "a", posts: ["P1"] }],
      policy: {},
      grabs: twice,
      board: { id: "prop", period: "2023-Q3", difficulty: { low: 1 }, tasks: [{ id: "t1", title: "t1", difficulty: "low", points: 1, post: "P1", published: "2023-07-03", deadline: "2023-07-31" }] },
    };
    fc.assert(
      fc.property(withShuffle, ([{ board, staff, policy, grabs }, shuffled]) => {
        const one = allocateTasks(board, grabs.map((g) => g.grab), staff, policy);
        const other = allocateTasks(board, shuffled.map((g) => g.grab), staff, policy);
        expect(canonical(other)).toBe(canonical(one));
      }),
      { examples: [[[example, [...twice].reverse()]]] },
    );
  });

  it("two grabs of the same task by the same person at the same instant, written two ways: the owner does not depend on their order", () => {
    const board: TaskBoardConfig = {
      id: "prop",
      period: "2023-Q3",
      difficulty: { low: 1 },
      tasks: [{ id: "t1", title: "t1", difficulty: "low", points: 1, post: "P1", published: "2023-07-03", deadline: "2023-07-31" }],
    };
    const staff = [{ id: "a", posts: ["P1"] }];
    const utc = { task: "t1", person: "a", at: "2023-07-05T01:00:00Z" };
    const local = { task: "t1", person: "a", at: "2023-07-05T09:00:00" }; // the same instant at +08:00
    const one = allocateTasks(board, [utc, local], staff);
    const other = allocateTasks(board, [local, utc], staff);
    expect(one.tasks[0]!.owners).toHaveLength(1);
    expect(other.tasks[0]!.owners).toEqual(one.tasks[0]!.owners);
    expect(other.grabs.map((g) => [g.at, g.outcome, g.code])).toEqual(one.grabs.map((g) => [g.at, g.outcome, g.code]));
  });
});

/** Completions for the owners of an allocation, driven by generated numbers. */
const creditInputArb = fc.record({
  draws: fc.array(
    fc.record({
      complete: fc.integer({ min: 0, max: 9 }),
      quality: fc.integer({ min: 0, max: 100 }),
      grade: fc.constantFrom(undefined, "优", "良", "中"),
      late: fc.boolean(),
      weight: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: 30, maxLength: 30 },
  ),
  declare: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  policy: fc.record(
    {
      cap: fc.constantFrom<number | string>(0, "2.5", 3, 10),
      assignedFactor: fc.constantFrom<number | string>(0, "0.8", 1, "1.2"),
      lateFactor: fc.constantFrom<number | string>(0, "0.5", 1),
      splitDecimals: fc.constantFrom(0, 1, 2, 3),
    },
    { requiredKeys: [] },
  ),
});

function completionsFor(board: TaskBoardConfig, a: Allocation, input: { draws: { complete: number; quality: number; grade?: string | undefined; late: boolean; weight: number }[]; declare: boolean[] }) {
  const out: Completion[] = [];
  let k = 0;
  a.tasks.forEach((t, ti) => {
    const config = board.tasks[ti]!;
    const doing = t.owners.filter(() => input.draws[k++ % 30]!.complete > 1); // about 80% complete
    if (doing.length === 0) return;
    const declare = input.declare[ti % 8]! && doing.length > 1;
    // declared shares in hundredths adding up to exactly 100
    const weights = doing.map((_, j) => input.draws[(ti * 3 + j) % 30]!.weight + 1);
    const sumW = weights.reduce((s, w) => s + w, 0);
    const hundredths = weights.map((w) => Math.floor((100 * w) / sumW));
    hundredths[0]! += 100 - hundredths.reduce((s, h) => s + h, 0);
    doing.forEach((o, j) => {
      const d = input.draws[(ti * 5 + j) % 30]!;
      out.push({
        task: t.task,
        person: o.person,
        quality: d.grade ?? d.quality / 100,
        ...(d.late ? { completed: `2023-08-${two(Math.min(31, Number(config.deadline.slice(8, 10)) + 1))}` } : {}),
        ...(declare ? { share: new Decimal(hundredths[j]!).div(100).toString() } : {}),
      });
    });
  });
  return out;
}

const creditScenarioArb = fc.tuple(scenarioArb, creditInputArb);
const grades = { 优: 1, 良: "0.8", 中: "0.6" };

describe("credit properties", () => {
  it("credits are never negative; applied never exceeds the cap; applied + excess = total; the split parts add up to the task's base", () => {
    fc.assert(
      fc.property(creditScenarioArb, ([{ board, staff, policy, grabs }, input]) => {
        const a = allocateTasks(board, grabs.map((g) => g.grab), staff, policy);
        const completions = completionsFor(board, a, input);
        const creditPolicy: CreditPolicy = { ...input.policy, qualityGrades: grades };
        const c = creditTasks(board, a, completions, creditPolicy);
        const cap = creditPolicy.cap === undefined ? undefined : new Decimal(String(creditPolicy.cap));
        const parts = new Map<string, Decimal[]>();
        for (const p of c.people) {
          let sum = new Decimal(0);
          for (const line of p.credits) {
            expect(line.credit).toBeGreaterThanOrEqual(0);
            expect(new Decimal(line.trace[0]!.result!).gte(0)).toBe(true);
            sum = sum.plus(line.trace[0]!.result!);
            parts.set(line.task, [...(parts.get(line.task) ?? []), new Decimal(line.trace[0]!.values.part!)]);
          }
          expect(p.total).toBeGreaterThanOrEqual(0);
          expect(new Decimal(p.total).eq(sum)).toBe(true);
          expect(new Decimal(p.applied).plus(p.excess).eq(p.total)).toBe(true);
          expect(p.excess).toBeGreaterThanOrEqual(0);
          if (cap) {
            expect(new Decimal(p.applied).lte(cap)).toBe(true);
            expect(p.cap).toBe(cap.toNumber());
          } else expect(p.excess).toBe(0);
        }
        // the parts of a task between its completers add up exactly to points × coefficient
        for (const [task, list] of parts) {
          const config = board.tasks.find((t) => t.id === task)!;
          expect(list.reduce((s, x) => s.plus(x), new Decimal(0)).toString()).toBe(baseOf(config).toString());
        }
      }),
    );
  });

  it("equal splits add up exactly to the task's points × coefficient, each part within one unit of the others", () => {
    const splitArb = fc.record({
      points: fc.constantFrom<number | string>(1, 2, "0.5", "1.25", "3.3", "0.01", 7),
      difficulty: fc.constantFrom("high", "medium", "low"),
      owners: fc.integer({ min: 2, max: 9 }),
      splitDecimals: fc.constantFrom(undefined, 0, 1, 2, 3),
    });
    fc.assert(
      fc.property(splitArb, ({ points, difficulty, owners, splitDecimals }) => {
        const ids = Array.from({ length: owners }, (_, i) => `p${owners - i}`); // listed in reverse id order
        const board: TaskBoardConfig = {
          id: "split",
          period: "2023-Q3",
          difficulty: coefficient,
          tasks: [{ id: "t", title: "t", difficulty, points, seats: owners, post: "P1", published: "2023-07-03", deadline: "2023-07-31" }],
        };
        const a = allocateTasks(board, ids.map((person) => ({ task: "t", person, at: "2023-07-03T09:00" })), ids.map((id) => ({ id, posts: ["P1"] })));
        const c = creditTasks(board, a, ids.map((person) => ({ task: "t", person, quality: 1 })), splitDecimals === undefined ? {} : { splitDecimals });
        const base = baseOf(board.tasks[0]!);
        const decimals = Math.max(splitDecimals ?? 2, base.decimalPlaces());
        const unit = new Decimal(1).div(new Decimal(10).pow(decimals));
        const got = c.people.map((p) => new Decimal(p.credits[0]!.trace[0]!.result!));
        expect(got).toHaveLength(owners);
        expect(got.reduce((s, x) => s.plus(x), new Decimal(0)).toString()).toBe(base.toString());
        for (const x of got) expect(x.mod(unit).isZero()).toBe(true);
        const max = Decimal.max(...got);
        const min = Decimal.min(...got);
        expect(max.minus(min).lte(unit)).toBe(true);
        // the larger parts go to the earlier ids (people are listed by id)
        const sorted = [...got].sort((x, y) => y.cmp(x));
        expect(got.map(String)).toEqual(sorted.map(String));
      }),
    );
  });

  it("credits are never negative even for quality given as any decimal text: it is refused or it is from 0 to 1", () => {
    const board: TaskBoardConfig = {
      id: "q",
      period: "2023-Q3",
      difficulty: coefficient,
      tasks: [{ id: "t", title: "t", difficulty: "low", points: 2, post: "P1", published: "2023-07-03", deadline: "2023-07-31" }],
    };
    const a = allocateTasks(board, [{ task: "t", person: "a", at: "2023-07-03T09:00" }], [{ id: "a", posts: ["P1"] }]);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -300, max: 300 }).map((n) => String(n / 100)), fc.double({ noNaN: true, noDefaultInfinity: true, min: -5, max: 5 }).map(String)), (quality) => {
        let credit: number | undefined;
        try {
          credit = creditTasks(board, a, [{ task: "t", person: "a", quality }]).people[0]!.credits[0]!.credit;
        } catch (error) {
          expect(isJixiaoError(error)).toBe(true);
          return;
        }
        expect(credit).toBeGreaterThanOrEqual(0);
        expect(credit).toBeLessThanOrEqual(2);
      }),
    );
  });
});
