/**
 * The grabbed-task functions against their reference (test/tasks/reference.ts, the code before the
 * fast paths): on random valid scenarios and on hostile mutations of valid input, `allocateTasks`
 * and `creditTasks` give the same results (deeply equal, as JSON and as frozen), or throw the same
 * error (message and issues).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateTasks, creditTasks, isJixiaoError, type Allocation, type Completion, type Grab, type StaffMember, type TaskBoardConfig, type TaskConfig } from "../../src/index.js";
import { COMPLETIONS, CREDIT_POLICY, GRABS, STAFF, TASK_BOARD } from "../fuzz/bases.js";
import { copy, nearby, params } from "../fuzz/fuzz.js";
import { runs } from "../helpers.js";
import * as reference from "./reference.js";

type Ending = { result: unknown; json: string; frozen: string } | { error: unknown };

/** Which nodes of a result are frozen, as a list of paths. */
function frozenPaths(value: unknown, path = "$", out: string[] = []): string[] {
  if (value === null || typeof value !== "object") return out;
  if (Object.isFrozen(value)) out.push(path);
  for (const key of Object.keys(value)) frozenPaths((value as Record<string, unknown>)[key], `${path}.${key}`, out);
  return out;
}

function end(call: () => unknown): Ending {
  try {
    const result = call();
    return { result, json: JSON.stringify(result), frozen: frozenPaths(result).join(" ") };
  } catch (error) {
    return { error };
  }
}

/**
 * The plain data an input holds, as the library reads it: own enumerable fields, each read once,
 * into null-prototype objects (what the input's snapshot is); `undefined` when it holds an own
 * `__proto__` field, which the library refuses.
 */
function plainOf(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => (Object.prototype.hasOwnProperty.call(value, i) ? plainOf(value[i]) : undefined));
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    if (key === "__proto__") throw new Error("__proto__");
    out[key] = plainOf((value as Record<string, unknown>)[key]);
  }
  return out;
}

/** Checks two endings are the same: equal results, or equal errors. */
function same(actual: Ending, expected: Ending): void {
  if ("error" in expected) {
    expect("error" in actual ? "error" : "result").toBe("error");
    const [a, e] = [(actual as { error: unknown }).error, expected.error];
    expect(isJixiaoError(a)).toBe(isJixiaoError(e));
    if (isJixiaoError(a) && isJixiaoError(e)) {
      expect(a.message).toBe(e.message);
      expect(a.issues).toStrictEqual(e.issues);
    } else expect(String(a)).toBe(String(e));
    return;
  }
  if ("error" in actual) throw actual.error;
  expect(actual.json).toBe(expected.json);
  expect(actual.frozen).toBe(expected.frozen);
  expect(actual.result).toStrictEqual(expected.result);
}

/** Allocates and credits with both, comparing each step. */
function compare(board: unknown, grabs: unknown, staff: unknown, allocationPolicy: unknown, completionsFor: (a: Allocation) => unknown, creditPolicy: unknown): void {
  const made = end(() => allocateTasks(board as never, grabs as never, staff as never, allocationPolicy as never));
  const expected = end(() => reference.allocateTasks(board as never, grabs as never, staff as never, allocationPolicy as never));
  same(made, expected);
  if ("error" in made || "error" in expected) return;
  const completions = completionsFor(made.result as Allocation);
  same(
    end(() => creditTasks(board as never, made.result as never, completions as never, creditPolicy as never)),
    end(() => reference.creditTasks(board as never, expected.result as never, completions as never, creditPolicy as never)),
  );
  // An allocation as stored JSON is checked as input by both.
  const stored = JSON.parse(made.json) as Allocation;
  same(
    end(() => creditTasks(board as never, stored, completions as never, creditPolicy as never)),
    end(() => reference.creditTasks(board as never, stored, completions as never, creditPolicy as never)),
  );
}

const two = (n: number) => String(n).padStart(2, "0");
/** Mostly `usual`, once in a while `odd`. */
const rarely = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 30 }, { arbitrary: odd, weight: 1 });
const ZONES = ["", "", "", "Z", "+08:00", "-05:00", "+05:30", "+14:59"];
/** A date or date-time in July 2023 (day `from` or later), now and then an impossible or odd one. */
const dateText = (from = 1) =>
  rarely(
    fc
      .record({ day: fc.integer({ min: from, max: 31 }), hour: fc.option(fc.integer({ min: 0, max: 23 })), minute: fc.integer({ min: 0, max: 59 }), second: fc.option(fc.integer({ min: 0, max: 59 })), zone: fc.constantFrom(...ZONES), sep: fc.constantFrom("T", "T", " ") })
      .map(({ day, hour, minute, second, zone, sep }) => `2023-07-${two(day)}${hour === null ? "" : `${sep}${two(hour)}:${two(minute)}${second === null ? "" : `:${two(second)}`}${zone}`}`),
    fc.constantFrom("2023-06-31", "2023-07-00", "2023-07-05T24:00", "2023-07-05T09:60", "2023-07-05T09:00+15:00", "0099-07-05", "2023-7-5", "2023-07-05T09:00:00.5", "2023-07-05 09:00:00.123Z", "2023-08-01", "2023-06-30T23:59:59.999-01:00"),
  );
const decimalInput = rarely(
  fc.constantFrom<number | string>(1, 2, 0.5, 1.25, "2.5", "0.1", "3.3", " 4 ", "1e1", 0.333),
  fc.constantFrom<number | string>(0, -1, "x", Number.NaN, 1e19, "0.0000001", "0.12345678901234567890123456789012345678901234567"),
);

const taskArb = (id: string): fc.Arbitrary<TaskConfig> =>
  fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 11 })).chain(([day, days]) =>
    fc.record(
      {
        id: fc.constant(id),
        title: rarely(fc.constant(`任务 ${id}`), fc.constant("")),
        difficulty: rarely(fc.constantFrom("high", "medium", "low", "low"), fc.constantFrom("toString", "extreme")),
        points: decimalInput,
        seats: rarely(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 1.5)),
        post: fc.constantFrom("P1", "P2", "P3", "P4"),
        published: rarely(fc.constant(`2023-07-${two(day)}`), dateText()),
        deadline: rarely(fc.constant(`2023-07-${two(day + days)}`), dateText(day)),
        description: fc.constant("说明"),
      },
      { requiredKeys: ["id", "title", "difficulty", "points", "post", "published", "deadline"] },
    ),
  );

const scenario = fc
  .record({
    tasks: fc.integer({ min: 0, max: 7 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(`t${i + 1}`)))),
    duplicateTask: rarely(fc.constant(false), fc.constant(true)),
    staff: fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f", "B", "a1", "é"), { maxLength: 7 }).chain((ids) => fc.tuple(...ids.map((id) => fc.subarray(["P1", "P2", "P3"]).map((posts): StaffMember => ({ id, posts }))))),
    grabs: fc.array(fc.record({ task: fc.constantFrom("t1", "t2", "t3", "t4", "t5", "t6", "t7", "nope"), person: fc.constantFrom("a", "b", "c", "d", "e", "f", "B", "a1", "é", "ghost"), at: rarely(dateText().filter((t) => t.length > 10), dateText()) }), { maxLength: 30 }),
    board: fc.record(
      {
        utcOffset: rarely(fc.constantFrom("+08:00", "-03:30", "+00:00"), fc.constantFrom("+15:00", "8")),
        difficulty: rarely(fc.constantFrom<Record<string, unknown>>({ high: "1.5", medium: 1.2, low: 1, toString: 2 }, { high: 1.5, medium: "1.20", low: 1 }), fc.constant({ high: 0, medium: 1, low: 1 })),
      },
      { requiredKeys: ["difficulty"] },
    ),
    allocationPolicy: fc.record({ maxTasksPerPerson: rarely(fc.integer({ min: 1, max: 3 }), fc.constant(0)), eligibility: fc.constantFrom("anyone", "post"), assignSeats: fc.constantFrom("one", "all") }, { requiredKeys: [] }),
    creditPolicy: fc.record(
      {
        qualityGrades: rarely(fc.constant<Record<string, unknown>>({ 优: 1, 良: "0.85", 中: 0.7 }), fc.constantFrom<Record<string, unknown>>({ 优: 1 }, { 优: 2 }, {})),
        assignedFactor: decimalInput,
        lateFactor: fc.constantFrom<number | string>(0.5, "0.3333333333333333333333333333333333333333333", 1),
        cap: fc.constantFrom<number | string>(0, 2, "6", 100),
        splitDecimals: rarely(fc.integer({ min: 0, max: 3 }), fc.constant(11)),
      },
      { requiredKeys: [] },
    ),
    completion: fc.record({
      keep: fc.double({ min: 0, max: 1, noNaN: true }),
      quality: rarely(fc.constantFrom<number | string>("优", "良", "中", 1, 0.8, "0.5", 0), fc.constantFrom<number | string>("差", 1.5, "-0.1")),
      late: fc.option(dateText()),
      shares: rarely(fc.constantFrom("none", "none", "equal", "uneven"), fc.constant("some")),
      extra: rarely(fc.constant("none"), fc.constantFrom("stranger", "duplicate")),
    }),
  })
  .map((s) => {
    const tasks = s.duplicateTask && s.tasks.length > 1 ? [...s.tasks, s.tasks[0]!] : s.tasks;
    const board: TaskBoardConfig = { id: "diff", period: "2023-Q3", ...s.board, tasks } as TaskBoardConfig;
    const c = s.completion;
    const completionsFor = (a: Allocation): Completion[] => {
      const out: Completion[] = [];
      for (const t of a.tasks) {
        const owners = t.owners.filter((_, k) => (k * 0.37 + c.keep) % 1 < 0.8 || k === 0);
        owners.forEach((o, k) => {
          const share = c.shares === "equal" ? 1 / owners.length : c.shares === "uneven" ? (k === 0 ? 1 - (owners.length - 1) * 0.25 : 0.25) : c.shares === "some" && k === 0 ? 0.5 : undefined;
          out.push({ task: t.task, person: o.person, quality: k % 2 === 0 ? c.quality : "优", ...(c.late !== null && k === 0 ? { completed: c.late } : {}), ...(share === undefined ? {} : { share }) });
        });
      }
      if (c.extra === "stranger") out.push({ task: "t1", person: "ghost", quality: 1 });
      if (c.extra === "duplicate" && out.length > 0) out.push({ ...out[0]! });
      return out;
    };
    return { board, grabs: s.grabs as Grab[], staff: s.staff, allocationPolicy: s.allocationPolicy, creditPolicy: s.creditPolicy, completionsFor };
  });

describe("grabbed tasks: the same as the reference", () => {
  it("on random scenarios (dates, zones, grades, shares, factors, limits …)", () => {
    fc.assert(
      fc.property(scenario, (s) => compare(s.board, s.grabs, s.staff, s.allocationPolicy, s.completionsFor, s.creditPolicy)),
      params(runs(300)),
    );
  });

  it("on the fuzz bases and hostile mutations of them", () => {
    const allocation = allocateTasks(TASK_BOARD, GRABS, STAFF, { maxTasksPerPerson: 3 });
    same(end(() => allocation), end(() => reference.allocateTasks(TASK_BOARD, GRABS, STAFF, { maxTasksPerPerson: 3 })));
    fc.assert(
      fc.property(nearby([TASK_BOARD, GRABS, STAFF, { maxTasksPerPerson: 3, eligibility: "post", assignSeats: "all" }], { args: true }), (m) => {
        const [board, grabs, staff, policy] = m.value;
        compare(board, grabs, staff, policy, () => COMPLETIONS, CREDIT_POLICY);
      }),
      params(runs(300)),
    );
    fc.assert(
      fc.property(nearby([TASK_BOARD, copy(allocation), COMPLETIONS, CREDIT_POLICY], { args: true }), (m) => {
        const [board, stored, completions, policy] = m.value;
        same(end(() => creditTasks(board as never, stored as never, completions as never, policy as never)), end(() => reference.creditTasks(board as never, stored as never, completions as never, policy as never)));
      }),
      params(runs(300)),
    );
    fc.assert(
      fc.property(nearby([TASK_BOARD, COMPLETIONS, CREDIT_POLICY], { args: true }), (m) => {
        const [board, completions, policy] = m.value;
        const made = allocateTasks(TASK_BOARD, GRABS, STAFF);
        const expected = reference.allocateTasks(TASK_BOARD, GRABS, STAFF);
        same(end(() => creditTasks(board as never, made, completions as never, policy as never)), end(() => reference.creditTasks(board as never, expected, completions as never, policy as never)));
      }),
      params(runs(300)),
    );
  });

  it("orders grabs at the same instant, and grabs centuries apart, as the reference", () => {
    const board = { ...TASK_BOARD, tasks: TASK_BOARD.tasks.map((t) => ({ ...t, seats: 2, published: "0100-01-01", deadline: "9999-12-31" })) };
    const instants = ["2023-07-03T09:00", "2023-07-03T09:00:00.000+08:00", "2023-07-03T01:00Z", "2023-07-03 09:00:00", "0100-01-01T00:00", "9999-12-31T23:59:59.999", "2023-07-03T09:00:00.001"];
    fc.assert(
      fc.property(
        // Twenty or more grabs from 0100 to 9999 are too far apart to pack, and sorted by the comparator alone.
        fc.array(fc.record({ task: fc.constantFrom("t1", "t2", "t3", "t4", "t5"), person: fc.constantFrom("p1", "p2", "p3", "p4"), at: fc.constantFrom(...instants) }), { minLength: 20, maxLength: 40 }),
        fc.boolean(),
        (grabs, wide) => {
          const list = wide ? grabs : grabs.filter((g) => g.at.startsWith("2023")).slice(0, (grabs.length % 7) + 1);
          compare(board, list, STAFF, { maxTasksPerPerson: 2 }, () => [], CREDIT_POLICY);
        },
      ),
      params(runs(200)),
    );
  });

  it("with thousands of grabs on a task of a thousand seats, and many seats assigned among holders of several posts", () => {
    // The reference checks each grab against every owner and each assigned seat against every
    // holder; the library does neither, and must give exactly the same allocation.
    const posts = ["P1", "P2", "P3"];
    const board: TaskBoardConfig = {
      id: "big",
      period: "2023-Q3",
      difficulty: { high: 1.5, low: 1 },
      tasks: [
        { id: "big", title: "大任务", difficulty: "high", points: 2, seats: 1000, post: "P1", published: "2023-07-03", deadline: "2023-07-20" },
        ...Array.from({ length: 40 }, (_, i): TaskConfig => ({ id: `a${String(i).padStart(2, "0")}`, title: "派单", difficulty: i % 3 === 0 ? "high" : "low", points: 1 + (i % 4) * 0.5, seats: 1 + ((i * 7) % 30), post: posts[i % 3]!, published: "2023-07-01", deadline: "2023-07-31" })),
      ],
    };
    // 1,200 people, most holding two or three posts; grabbers beyond them are unknown.
    const staff: StaffMember[] = Array.from({ length: 1200 }, (_, i) => ({ id: `p${i}`, posts: posts.filter((_, k) => (i + k) % 4 !== 0) }));
    // 3,000 grabs: repeats by the same person, equal instants, some before publication and after the deadline.
    const grabs: Grab[] = Array.from({ length: 3000 }, (_, i) => ({ task: i % 97 === 0 ? "a01" : "big", person: `p${(i * 37) % 1300}`, at: `2023-07-${two(2 + (i % 20))}T09:${two((i * 13) % 60)}:${two(i % 7)}` }));
    for (const policy of [{ assignSeats: "all" }, { assignSeats: "one", maxTasksPerPerson: 1 }, { eligibility: "post", assignSeats: "all" }]) {
      const made = end(() => allocateTasks(board, grabs, staff, policy as never));
      same(made, end(() => reference.allocateTasks(board, grabs, staff, policy as never)));
      const a = (made as { result: Allocation }).result;
      // Every outcome is there: a full task, duplicates, and seats assigned.
      expect(new Set(a.grabs.map((g) => (g.outcome === "seated" ? "seated" : g.code)))).toEqual(new Set(["seated", "no_seat", "duplicate", "unknown_person", "not_published", "after_deadline", ...("maxTasksPerPerson" in policy ? ["limit"] : []), ...("eligibility" in policy ? ["not_eligible"] : [])]));
      // (Under eligibility by post, a fifth of the grabbers, who do not hold P1, are turned away.)
      expect(a.tasks.find((t) => t.task === "big")!.owners).toHaveLength("eligibility" in policy ? 840 : 1000);
      expect(a.tasks.filter((t) => t.status === "assigned").length).toBeGreaterThan(30);
    }
  });

  it("with getters, non-plain objects, inherited and hidden fields: as the reference on the plain data they hold, each field read once", () => {
    const task = TASK_BOARD.tasks[0]!;
    let reads = 0;
    const counting = Object.defineProperty({ ...task }, "id", { get: () => (reads++ === 0 ? "t1" : "t9"), enumerable: true });
    const hidden = Object.defineProperty({ ...task }, "seats", { value: 2, enumerable: false });
    class Task {
      constructor(readonly t: TaskConfig) {
        Object.assign(this, t);
      }
    }
    const boards: unknown[] = [
      { ...TASK_BOARD, tasks: [counting, ...TASK_BOARD.tasks.slice(1)] },
      { ...TASK_BOARD, tasks: [hidden, ...TASK_BOARD.tasks.slice(1)] },
      { ...TASK_BOARD, tasks: [new Task(task), ...TASK_BOARD.tasks.slice(1)] },
      { ...TASK_BOARD, tasks: [Object.assign(Object.create(null), task), ...TASK_BOARD.tasks.slice(1)] },
      { ...TASK_BOARD, difficulty: Object.assign(Object.create({ extreme: 3 }), TASK_BOARD.difficulty) },
      { ...TASK_BOARD, difficulty: { ...TASK_BOARD.difficulty, [Symbol("s")]: 1 } },
      { ...TASK_BOARD, difficulty: Object.defineProperty({ ...TASK_BOARD.difficulty }, "hidden", { value: -1, enumerable: false }) },
      { ...TASK_BOARD, difficulty: JSON.parse('{"__proto__": 1, "high": 1, "medium": 1, "low": 1}') },
      { ...TASK_BOARD, difficulty: { ...TASK_BOARD.difficulty, constructor: 1 } },
      { ...TASK_BOARD, difficulty: { ...TASK_BOARD.difficulty, ["x".repeat(201)]: 1 } },
      { ...TASK_BOARD, id: "__proto__" },
      { ...TASK_BOARD, tasks: Object.assign([...TASK_BOARD.tasks], { extra: 1 }) },
      { ...TASK_BOARD, tasks: [...TASK_BOARD.tasks, ,] },
      Object.defineProperty({ ...TASK_BOARD }, "tasks", { value: TASK_BOARD.tasks, enumerable: false }),
    ];
    for (const input of boards) {
      // An own __proto__ field is refused with its path, whatever else the board holds.
      reads = 0;
      let board: unknown;
      try {
        board = plainOf(input);
      } catch {
        for (const call of [() => allocateTasks(input as never, GRABS, STAFF), () => creditTasks(input as never, allocateTasks(TASK_BOARD, GRABS, STAFF), COMPLETIONS, CREDIT_POLICY)]) {
          const ending = end(call);
          expect("error" in ending && isJixiaoError(ending.error) && ending.error.issues.map((i) => [i.code, i.path])).toEqual([["reserved_key", ["difficulty", "__proto__"]]]);
        }
        continue;
      }
      reads = 0;
      const made = end(() => allocateTasks(input as never, GRABS, STAFF));
      expect(reads).toBeLessThanOrEqual(1);
      same(made, end(() => reference.allocateTasks(board as never, GRABS, STAFF)));
      const a = allocateTasks(TASK_BOARD, GRABS, STAFF);
      reads = 0;
      const credited = end(() => creditTasks(input as never, a, COMPLETIONS, CREDIT_POLICY));
      expect(reads).toBeLessThanOrEqual(1);
      same(credited, end(() => reference.creditTasks(board as never, reference.allocateTasks(TASK_BOARD, GRABS, STAFF), COMPLETIONS, CREDIT_POLICY)));
    }
    // With an enumerable key on Object.prototype every object seems to have an unknown field.
    const made = allocateTasks(TASK_BOARD, GRABS, STAFF);
    const expected = reference.allocateTasks(TASK_BOARD, GRABS, STAFF);
    const polluted = Object.prototype as Record<string, unknown>;
    polluted.polluted = 1;
    try {
      same(end(() => allocateTasks(TASK_BOARD, GRABS, STAFF)), end(() => reference.allocateTasks(TASK_BOARD, GRABS, STAFF)));
      same(end(() => creditTasks(TASK_BOARD, made, COMPLETIONS, CREDIT_POLICY)), end(() => reference.creditTasks(TASK_BOARD, expected, COMPLETIONS, CREDIT_POLICY)));
      same(end(() => creditTasks(TASK_BOARD.tasks as never, made, COMPLETIONS, CREDIT_POLICY)), end(() => reference.creditTasks(TASK_BOARD.tasks as never, expected, COMPLETIONS, CREDIT_POLICY)));
    } finally {
      delete polluted.polluted;
    }
  });
});
