import { describe, expect, it } from "vitest";
import { assessKeyTasks, safeAssessKeyTasks, type KeyTaskList } from "../../src/board/key-tasks.js";

const task = (id: string, points: number, difficulty: string, published: string, deadline: string) => ({ id, title: `任务${id}`, difficulty, points, post: "重点工作", published, deadline });
const list: KeyTaskList = {
  board: {
    id: "2026-10",
    period: "2026-10",
    difficulty: { 高: 1.5, 中: 1.2, 低: 1 },
    tasks: [task("k1", 2, "高", "2026-10-08", "2026-10-20"), task("k2", 1, "中", "2026-10-08", "2026-10-25"), task("k3", 1, "低", "2026-10-08", "2026-11-27")],
  },
  owners: [
    { task: "k1", person: "p1" },
    { task: "k2", person: "p2" },
    { task: "k2", person: "p3" },
    { task: "k3", person: "p1" },
  ],
};
const staff = [
  { id: "p1", name: "张三", posts: [], department: "征管股" },
  { id: "p2", name: "李四", posts: [], department: "纳服股" },
  { id: "p3", name: "王五", posts: [], department: "纳服股" },
];
const credit = { qualityGrades: { 优: 1, 良: 0.8, 中: 0.6 }, lateFactor: 0.8 };

describe("a month's key tasks (R15, 月初清单 + 点位通报)", () => {
  const a = assessKeyTasks(
    list,
    staff,
    [
      { task: "k1", person: "p1", progress: 100, quality: "优", completed: "2026-10-19" },
      { task: "k2", person: "p2", progress: 100, quality: "良", completed: "2026-10-27" },
      { task: "k2", person: "p3", progress: 70 },
      { task: "k3", person: "p1", progress: 30 },
    ],
    { credit },
  );
  it("reads each line against the time elapsed", () => {
    expect(a.lines.map((l) => [l.task, l.person, l.status, l.progress, l.expected, l.gap, l.credit])).toEqual([
      ["k1", "p1", "done", "100", "100", null, "3"],
      // 1 × 1.2 in two equal parts (p3 has not finished his) → 0.6; × 良 0.8 × late 0.8.
      ["k2", "p2", "done-late", "100", "100", null, "0.384"],
      ["k2", "p3", "overdue", "70", "100", "30", "0"],
      // k3: 24 of 51 days elapsed → 47.06%; 30% is behind by 17.06 points.
      ["k3", "p1", "behind", "30", "47.06", "17.06", "0"],
    ]);
  });
  it("ranks the people, totals each department and lists who is behind", () => {
    expect(a.ranking.entries.map((e) => [e.subjectId, e.exact, e.rank])).toEqual([["p1", "3", 1], ["p2", "0.384", 2], ["p3", "0", 3]]);
    expect(a.departments).toEqual([{ department: "征管股", total: 3, exact: "3", people: 1 }, { department: "纳服股", total: 0.384, exact: "0.384", people: 2 }]);
    expect(a.behind.map((l) => [l.person, l.task, l.gap])).toEqual([["p3", "k2", "30"], ["p1", "k3", "17.06"]]);
  });
  it("reads mid-month with a tolerance", () => {
    const mid = assessKeyTasks(list, staff, [{ task: "k1", person: "p1", progress: 50 }], { asOf: "2026-10-14", tolerance: 5 });
    // k1: 7 of 13 days → 53.85%; 50% is within 5 points.
    expect(mid.lines.map((l) => [l.task, l.person, l.status, l.expected])).toEqual([["k1", "p1", "on-time", "53.85"], ["k2", "p2", "behind", "38.89"], ["k2", "p3", "behind", "38.89"], ["k3", "p1", "behind", "13.73"]]);
  });
  it("says every mistake with its place", () => {
    const bad = safeAssessKeyTasks(
      { board: { ...list.board, period: "2026-Q4" }, owners: [...list.owners.filter((o) => o.task !== "k3"), { task: "k1", person: "p1" }, { task: "k9", person: "p9" }] },
      staff,
      [{ task: "k1", person: "p2", progress: 10 }, { task: "k2", person: "p2", progress: 100 }],
    );
    expect(bad.success ? [] : bad.issues.map((i) => [i.path.join("."), i.params.key])).toEqual([
      ["list.board.period", "keyTaskNotMonth"],
      ["list.owners.3", "keyTaskOwnerTwice"],
      ["list.owners.4.task", "taskNoSuchTask"],
      ["list.owners.4.person", "keyTaskUnknownPerson"],
      ["list.board.tasks.2", "keyTaskNoOwner"],
      ["reports.0.person", "taskNotOwner"],
      ["reports.1.quality", "keyTaskNoQuality"],
    ]);
    const grade = safeAssessKeyTasks(list, staff, [{ task: "k1", person: "p1", progress: 100, quality: "甲" }], { credit });
    expect(grade.success ? [] : grade.issues.map((i) => [i.path.join("."), i.params.key])).toEqual([["reports.0.quality", "taskUnknownQuality"]]);
  });
});
