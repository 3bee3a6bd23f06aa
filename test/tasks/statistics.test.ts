import { describe, expect, it } from "vitest";
import { allocateTasks, creditTasks, JixiaoError, taskStatistics, type Grab, type StaffMember, type TaskBoardConfig } from "../../src/index.js";
import { ZG, task } from "./fixtures.js";



const board: TaskBoardConfig = {
  id: "zx-2023-Q3",
  period: "2023-Q3",
  difficulty: { high: 1.5, low: 1 },
  tasks: [task("g1"), task("g2", { seats: 2 }), task("pg", { seats: 2 }), task("as1"), task("un1", { post: "稽查岗" })],
};
const staff: StaffMember[] = ["a", "b", "c", "d", "e"].map((id) => ({ id, posts: [ZG] }));
const grabs: Grab[] = [
  { task: "g1", person: "a", at: "2023-07-04T09:00" }, // seated
  { task: "g1", person: "b", at: "2023-07-04T09:01" }, // no_seat
  { task: "g2", person: "a", at: "2023-07-04T09:00" }, // seated
  { task: "g2", person: "c", at: "2023-07-04T09:02" }, // seated
  { task: "pg", person: "d", at: "2023-07-04T09:03" }, // seated, one of two seats
  { task: "g1", person: "x9", at: "2023-07-04T09:04" }, // unknown_person
  { task: "t9", person: "a", at: "2023-07-04T09:04" }, // unknown_task
  { task: "g2", person: "c", at: "2023-07-04T09:05" }, // duplicate
  { task: "pg", person: "b", at: "2023-08-05T09:00" }, // after_deadline
];
// Loads: a 2, c 1, d 1, b 0, e 0 → as1 is assigned to b (least loaded, then id); un1's post nobody holds.
const allocation = allocateTasks(board, grabs, staff);

describe("taskStatistics", () => {
  it("the fixture is allocated as worked out by hand", () => {
    expect(allocation.tasks.map((t) => [t.task, t.status, t.owners.map((o) => o.person)])).toEqual([
      ["g1", "grabbed", ["a"]],
      ["g2", "grabbed", ["a", "c"]],
      ["pg", "partly-grabbed", ["d"]],
      ["as1", "assigned", ["b"]],
      ["un1", "unowned", []],
    ]);
  });

  it("counts tasks by status, grabs made, seated and rejected by code, grabs per person and who took part", () => {
    expect(taskStatistics(allocation, staff)).toEqual({
      published: 5,
      grabbed: 2,
      partlyGrabbed: 1,
      assigned: 1,
      unowned: 1,
      grabs: { made: 9, seated: 4, rejected: { after_deadline: 1, duplicate: 1, no_seat: 1, unknown_person: 1, unknown_task: 1 } },
      // a 3 (g1, g2, t9), b 2, c 2, d 1, e 0 — x9 is not staff: 8 ÷ 5 = 1.6
      grabsPerPerson: { min: 0, max: 3, mean: 1.6 },
      tookPart: 4,
      tookPartShare: 0.8,
      tookPartPercent: "80.0%",
      seatedPeople: 3,
    });
  });

  it("lists the rejection codes in code order", () => {
    expect(Object.keys(taskStatistics(allocation, staff).grabs.rejected)).toEqual(["after_deadline", "duplicate", "no_seat", "unknown_person", "unknown_task"]);
  });

  it("the spread of applied credits over all staff, those with none counting 0, and thresholds", () => {
    const credits = creditTasks(board, allocation, [
      { task: "g1", person: "a", quality: 1 }, // a 1
      { task: "g2", person: "a", quality: 1 }, // a 0.5
      { task: "g2", person: "c", quality: 1 }, // c 0.5
      { task: "pg", person: "d", quality: 1 }, // d 1
      { task: "as1", person: "b", quality: 1 }, // b 1
    ]);
    // a 1.5, b 1, c 0.5, d 1, e 0: min 0, max 1.5, mean 4 ÷ 5 = 0.8
    expect(taskStatistics(allocation, staff, { credits, thresholds: [1, "0.5", 2, "1.50"] }).credits).toEqual({
      min: 0,
      max: 1.5,
      spread: 1.5,
      mean: 0.8,
      atLeast: { "1": 3, "0.5": 4, "2": 0, "1.5": 1 },
    });
    // Without credits there is no credits entry.
    expect(taskStatistics(allocation, staff)).not.toHaveProperty("credits");
    // Thresholds left out: nothing counted.
    expect(taskStatistics(allocation, staff, { credits }).credits!.atLeast).toEqual({});
  });

  it("uses the applied (capped) credit, and the spread when everyone earned something", () => {
    const credits = creditTasks(
      board,
      allocation,
      [
        { task: "g1", person: "a", quality: 1 },
        { task: "g2", person: "a", quality: 1 },
        { task: "g2", person: "c", quality: 1 },
        { task: "pg", person: "d", quality: 1 },
        { task: "as1", person: "b", quality: 1 },
      ],
      { cap: 1 },
    );
    const few = staff.slice(0, 4);
    // a 1.5 capped to 1, b 1, c 0.5, d 1 → min 0.5, max 1, spread 0.5, mean 3.5 ÷ 4 = 0.875
    expect(taskStatistics(allocation, few, { credits, thresholds: [1] }).credits).toEqual({ min: 0.5, max: 1, spread: 0.5, mean: 0.875, atLeast: { "1": 3 } });
  });

  it("27 of 29 took part → 93.1%; the Zhuxi article's 93.2% is 41 of 44", () => {
    const share = (took: number, of: number) => {
      const people: StaffMember[] = Array.from({ length: of }, (_, i) => ({ id: `s${String(i).padStart(3, "0")}`, posts: [ZG] }));
      const b: TaskBoardConfig = { ...board, tasks: [task("big", { seats: 1000 })] };
      const gs: Grab[] = people.slice(0, took).map((p) => ({ task: "big", person: p.id, at: "2023-07-04T09:00" }));
      return taskStatistics(allocateTasks(b, gs, people), people);
    };
    const s = share(27, 29);
    expect(s.tookPart).toBe(27);
    expect(s.seatedPeople).toBe(27);
    expect(s.tookPartPercent).toBe("93.1%");
    expect(s.tookPartShare).toBeCloseTo(27 / 29, 15);
    expect(s.grabsPerPerson).toEqual({ min: 0, max: 1, mean: s.tookPartShare });
    expect(share(41, 44).tookPartPercent).toBe("93.2%");
    // rounded half up: 1 of 16 is 6.25% → 6.3%; 2 of 3 is 66.66…% → 66.7%; all → 100.0%
    expect(share(1, 16).tookPartPercent).toBe("6.3%");
    expect(share(2, 3).tookPartPercent).toBe("66.7%");
    expect(share(3, 3).tookPartPercent).toBe("100.0%");
    expect(share(0, 3)).toMatchObject({ tookPart: 0, tookPartShare: 0, tookPartPercent: "0.0%", seatedPeople: 0 });
  });

  it("a person whose grabs were all rejected took part but was not seated", () => {
    const s = taskStatistics(allocation, staff);
    // b grabbed twice, both rejected: counted in tookPart (4), not in seatedPeople (3)
    expect(s.tookPart - s.seatedPeople).toBe(1);
  });

  it("no staff: zeros, not NaN", () => {
    const s = taskStatistics(allocateTasks(board, [], []), []);
    expect(s).toMatchObject({ published: 5, unowned: 5, tookPart: 0, tookPartShare: 0, tookPartPercent: "0.0%", grabsPerPerson: { min: 0, max: 0, mean: 0 } });
  });

  it("bad input fails with JixiaoError", () => {
    expect(() => taskStatistics({ board: "b" } as never, staff)).toThrow(JixiaoError);
    expect(() => taskStatistics(allocation, [...staff, { id: "a", posts: [] }])).toThrow(JixiaoError);
    expect(() => taskStatistics(allocation, staff, { thresholds: ["x"] })).toThrow(JixiaoError);
  });
});
