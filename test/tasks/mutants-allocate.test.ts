import { describe, expect, it } from "vitest";
import { allocateTasks, type StaffMember, type TaskBoardConfig } from "../../src/index.js";
import { ZG, task } from "./fixtures.js";

const board: TaskBoardConfig = { id: "b", period: "2023-Q3", difficulty: { low: 1 }, tasks: [task("t1")] };
const staff: StaffMember[] = [{ id: "s1", posts: [ZG] }];
const AT = "2023-07-03T09:00";
const grab = { task: "t1", person: "s1", at: AT };

/** An object with `shown` as ordinary fields and `hidden` as own fields that are not enumerable (as some libraries make them). */
const withHidden = (shown: Record<string, unknown>, hidden: Record<string, unknown>): never => {
  const o = { ...shown };
  for (const [k, v] of Object.entries(hidden)) Object.defineProperty(o, k, { value: v, enumerable: false });
  return o as never;
};

describe("allocate.ts: grabs", () => {
  // allocate.ts:99 — regression: the quick check read a non-enumerable field that a spread then dropped.
  it("reads a grab whose fields are own but not enumerable like any other grab", () => {
    for (const g of [withHidden({ person: "s1", at: AT }, { task: "t1" }), withHidden({}, grab)]) {
      const a = allocateTasks(board, [g], staff);
      expect(a.grabs).toEqual([{ index: 0, task: "t1", person: "s1", at: AT, outcome: "seated" }]);
      expect(a.tasks[0]!.owners).toEqual([{ person: "s1", how: "grabbed", at: AT }]);
    }
  });
});
