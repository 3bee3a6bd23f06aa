import { describe, expect, it } from "vitest";
import { allocateTasks, defineTaskBoard, explainTaskReason, JixiaoError, safeAllocateTasks, safeDefineTaskBoard, type Grab, type StaffMember, type TaskBoardConfig } from "../../src/index.js";
import { ZG, task } from "./fixtures.js";

const board: TaskBoardConfig = { id: "b", period: "2023-Q3", difficulty: { low: 1 }, tasks: [task("t1")] };
const staff: StaffMember[] = [{ id: "s1", posts: [ZG] }];
const AT = "2023-07-03T09:00";
const grab = { task: "t1", person: "s1", at: AT };
const member = { id: "s1", posts: [ZG] };

/** An object with `shown` as ordinary fields and `hidden` as own fields that are not enumerable (as some libraries make them). */
const withHidden = (shown: Record<string, unknown>, hidden: Record<string, unknown>): never => {
  const o = { ...shown };
  for (const [k, v] of Object.entries(hidden)) Object.defineProperty(o, k, { value: v, enumerable: false });
  return o as never;
};

/** The error `allocateTasks` throws: its first line and its issues as [code, path]. */
const refusal = (grabs: readonly Grab[], people: readonly StaffMember[] = staff) => {
  try {
    allocateTasks(board, grabs, people);
  } catch (error) {
    if (!(error instanceof JixiaoError)) throw error;
    return { first: error.message.split("\n")[0], issues: error.issues.map((i) => [i.code, i.path] as const) };
  }
  return undefined;
};

describe("allocate.ts: the quick check on grabs", () => {
  // allocate.ts:28 — a list is not a grab, even one carrying grab fields.
  it("refuses a grab that is a list carrying grab fields", () => {
    const list = Object.assign([], grab) as never;
    expect(refusal([list])).toEqual({ first: "Grabs are not valid: 1 issue", issues: [["invalid_type", ["grabs", 0]]] });
  });

  // allocate.ts:29 — every key is checked, not only the known ones. Only own enumerable fields are
  // read (the input's snapshot): a field that is not enumerable is missing.
  it.each(["task", "person", "at"] as const)("refuses an unknown field of a grab whose %s is not enumerable, and finds that field missing", (hide) => {
    const { [hide]: hidden, ...shown } = grab;
    for (const extra of ["x", ""])
      expect(refusal([withHidden({ ...shown, [extra]: 1 }, { [hide]: hidden })])).toEqual({
        first: "Grabs are not valid: 2 issues",
        issues: [
          ["required", ["grabs", 0, hide]],
          ["unknown_field", ["grabs", 0, extra]],
        ],
      });
  });

  // allocate.ts:30 — each field must be text of the allowed length.
  it.each([
    ["task", { ...grab, task: "" }],
    ["task", { ...grab, task: 7 }],
    ["person", { ...grab, person: "" }],
    ["person", { ...grab, person: "p".repeat(201) }],
    ["at", { ...grab, at: `${AT}:00.000+08:00${" ".repeat(20)}` }],
    ["at", { ...grab, at: 20230703 }],
  ])("refuses a grab whose %s is not text of the allowed length", (field, g) => {
    const r = refusal([g as never]);
    expect(r?.first).toBe("Grabs are not valid: 1 issue");
    expect(r?.issues.map((i) => i[1])).toEqual([["grabs", 0, field]]);
  });
});

describe("allocate.ts: the quick check on staff", () => {
  // allocate.ts:35
  it("refuses a staff member that is a list carrying member fields", () => {
    expect(refusal([], [Object.assign([], member) as never])).toEqual({ first: "Staff are not valid: 1 issue", issues: [["invalid_type", ["staff", 0]]] });
  });

  // allocate.ts:36 — name and department may be left out; every other key is refused.
  it("refuses an unknown field of a member", () => {
    for (const extra of ["x", ""])
      expect(refusal([], [{ ...member, [extra]: 1 }])).toEqual({ first: "Staff are not valid: 1 issue", issues: [["unknown_field", ["staff", 0, extra]]] });
  });

  it("does not read a member's fields that are not enumerable: they are missing", () => {
    expect(refusal([], [withHidden({ posts: [ZG] }, { id: "s1" })])).toEqual({ first: "Staff are not valid: 1 issue", issues: [["required", ["staff", 0, "id"]]] });
  });

  it("takes a member with a name and a department", () => {
    const a = allocateTasks(board, [grab], [{ ...member, name: "", department: "征管科" }, { id: "s2", name: "张三", posts: [] }]);
    expect(a.grabs[0]!.outcome).toBe("seated");
  });

  // allocate.ts:39–44 — each field on its own makes a member not valid.
  it.each([
    ["id", { ...member, id: "" }],
    ["id", { ...member, id: "__proto__" }],
    ["id", { ...member, id: 1 }],
    ["name", { ...member, name: 5 }],
    ["name", { ...member, name: "n".repeat(201) }],
    ["department", { ...member, department: 5 }],
    ["department", { ...member, department: "d".repeat(201) }],
    ["posts", { id: "s1" }],
    ["posts", { ...member, posts: ZG }],
    ["posts", { ...member, posts: Array.from({ length: 101 }, () => ZG) }],
    ["posts", { ...member, posts: [ZG, ""] }],
  ])("refuses a member whose %s is not valid", (field, m) => {
    const r = refusal([], [m as never]);
    expect(r?.first).toBe("Staff are not valid: 1 issue");
    expect(r?.issues.map((i) => i[1].slice(0, 3))).toEqual([["staff", 0, field]]);
  });
});

describe("allocate.ts: allocating", () => {
  // allocate.ts:58, 101
  it("names a repeated staff id in its message", () => {
    expect(() => allocateTasks(board, [], [member, { id: "s1", posts: [] }])).toThrow('Tasks cannot be allocated: 1 issue\n  - staff[1].id: repeats the staff id "s1"');
  });

  // allocate.ts:129
  it("says why a second grab of the same task by the same person is rejected", () => {
    const a = allocateTasks({ ...board, tasks: [task("t1", { seats: 2 })] }, [grab, { ...grab, at: `${AT}:01` }], staff);
    expect(a.grabs[1]).toMatchObject({ outcome: "rejected", code: "duplicate", reason: { kind: "duplicate" } });
    expect(explainTaskReason(a.grabs[1]!.reason!, { locale: "en" })).toBe("the person already holds a seat of this task");
  });

  // allocate.ts:119 — grabs equal in everything are taken in list order.
  it("seats the first of identical grabs and rejects the repeats", () => {
    const a = allocateTasks({ ...board, tasks: [task("t1", { seats: 3 })] }, [grab, grab, grab], staff);
    expect(a.grabs.map((g) => [g.index, g.outcome])).toEqual([[0, "seated"], [1, "rejected"], [2, "rejected"]]);
  });

  it("safeAllocateTasks gives the same issues", () => {
    const r = safeAllocateTasks(board, [], [member, member]);
    expect(r.success ? [] : r.issues.map((i) => i.message)).toEqual(['staff[1].id: repeats the staff id "s1"']);
  });
});

describe("board.ts: utcOffset", () => {
  const withOffset = (utcOffset: string) => ({ id: "b", period: "2023-Q3", difficulty: { low: 1 }, tasks: [], utcOffset });

  // board.ts:42 — a malformed offset is reported once, by its pattern.
  it.each(["+8:00", "x+15:00", "+15:00x", "+15:00:00"])("reports the malformed offset %s once", (u) => {
    const r = safeDefineTaskBoard(withOffset(u));
    expect(r.success ? [] : r.issues.map((i) => i.message)).toEqual([`utcOffset: must be a UTC offset such as +08:00, not text "${u}"`]);
  });

  // board.ts:42
  it("says why a well-formed offset out of range is refused", () => {
    expect(() => defineTaskBoard(withOffset("-15:30"))).toThrow('utcOffset: "-15:30" is not a UTC offset (at most ±14:59)');
  });
});
