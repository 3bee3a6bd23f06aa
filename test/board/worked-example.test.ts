// The worked example of docs/guide/board.md: a county's three priorities with quarterly
// milestones, the arrears target raised on 15 July, the October board. Every number below is worked
// out by hand in the comments (and in the guide); none is read back from the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { boardExplanation, boardFromDocument, boardMarkdown, boardView, defineVersions, versionedProgress, type BoardDocument, type RoadmapConfig, type RuleVersion } from "../../src/index.js";

const document = parse(readFileSync("examples/board/county-2026-10.board.yaml", "utf8")) as BoardDocument;
const made = boardFromDocument(document);
const { board } = made;

describe("the county's October board, by hand", () => {
  it("credits the month's key tasks: points × difficulty ÷ executors × quality × late factor", () => {
    const k = made.keyTasks!;
    expect(k.lines.map((l) => [l.task, l.person, l.status, l.expected, l.gap, l.credit, l.stake])).toEqual([
      // k1: 4 × 1.5 = 6, two executors → 3 each. 张明 优, on time: 3. 李娜 良 0.8, two days late × 0.8: 1.92.
      ["k1", "p1", "done", "100", null, "3", "3"],
      ["k1", "p2", "done-late", "100", null, "1.92", "3"],
      // k2: 3 × 1.2 = 3.6; 80% at the deadline day (not yet overdue): behind 100 − 80 = 20.
      ["k2", "p3", "behind", "100", "20", "0", "3.6"],
      // k3: 2 × 1 × 中 0.6 = 1.2, done on its deadline day.
      ["k3", "p5", "done", "100", null, "1.2", "2"],
      // k4: 2.5 × 1.2 = 3 → 1.5 each; 赵敏 优 1.5; 刘洋 at 60%: behind by 40.
      ["k4", "p4", "done", "100", null, "1.5", "1.5"],
      ["k4", "p6", "behind", "100", "40", "0", "1.5"],
    ]);
    // Departments: 征管股 3 + 1.92; 纳服股 0 + 1.5; 办税服务厅 1.2 + 0.
    expect(k.departments.map((d) => [d.department, d.exact, d.people])).toEqual([["办税服务厅", "1.2", 2], ["征管股", "4.92", 2], ["纳服股", "1.5", 2]]);
  });

  it("counts the credit at once into the person's score (R15)", () => {
    // 作风纪律 + 岗位职责 + 重点任务积分.
    expect(made.results!.map((r) => [r.subjectId, r.exact])).toEqual([["p1", "87"], ["p2", "83.92"], ["p3", "84"], ["p4", "85.5"], ["p5", "78.2"], ["p6", "79"]]);
  });

  it("晒成绩: rank, tier and their change from September", () => {
    // September: 李娜 87.5, 张明 84, 王磊 83, 刘洋 82.6, 赵敏 80, 陈刚 80 (tied 5th).
    // Tiers: 好 ⌊0.4 × 6⌋ = 2, 差 ⌊0.2 × 6⌋ = 1; in September the last two tie at 80 and both go to 中.
    expect(board.results.map((r) => [r.subject, r.total, r.rank, r.tier, r.previous?.tier, r.totalChange, r.rankChange])).toEqual([
      ["p1", "87", 1, "好", "好", "3", 1],
      ["p4", "85.5", 2, "好", "中", "5.5", 3],
      ["p3", "84", 3, "中", "中", "1", 0],
      ["p2", "83.92", 4, "中", "好", "-3.58", -3],
      ["p6", "79", 5, "中", "中", "-3.6", -1],
      ["p5", "78.2", 6, "差", "中", "-1.8", -1],
    ]);
  });

  it("scores the roadmap by the version in force at the month's end, and keeps the lineage", () => {
    const r = made.roadmap!;
    expect(r.version).toBe("2026-v2");
    expect(r.items.map((i) => [i.indicator, i.actual, i.expected, i.gap, i.status, i.exact, i.milestones.map((m) => m.status).join(" ")])).toEqual([
      // 980 against the raised Q3 target 1000: behind by 20; 10 × 980 ÷ 1000 = 9.8. Q3 had 950 by 30 September.
      ["arrears", "980", "1000", "-20", "behind", "9.8", "met met missed pending"],
      // 82 against 75: 7 ahead of Q3, short of Q4's 90: on time, full points.
      ["e-invoice", "82", "75", "7", "on-time", "10", "met met met pending"],
      // Lower is better: 14 against 15; Q2 (18.5 > 18) and Q3 (16 > 15) were reached only later.
      ["wait-time", "14", "15", "1", "on-time", "10", "met late late pending"],
    ]);
    expect(r.items[0]!.changes.map((c) => [c.by, c.from, c.milestone, c.before, c.after])).toEqual([
      ["县局党委会", "2026-07-15", "Q3", "900", "1000"],
      ["县局党委会", "2026-07-15", "Q4", "1200", "1400"],
    ]);
  });

  it("scores the third quarter, which spans the change, by either policy", () => {
    const versions = defineVersions(document.roadmap!.versions as RuleVersion<RoadmapConfig>[]);
    const actuals = document.roadmap!.actuals;
    // End: v2 alone, 10 × 950 ÷ 1000 = 9.5.
    expect(versionedProgress(versions, actuals, "2026-Q3").items[0]!.exact).toBe("9.5");
    // Pro rata: v1 (1–14 July, 950 ≥ 900) 10 for 14 days, v2 9.5 for 78 days: 881 ÷ 92 = 9.5760… → 9.58.
    const q3 = versionedProgress(versions, actuals, "2026-Q3", { spanning: "pro-rata" }).items[0]!;
    expect([q3.versions.map((v) => [v.version, v.days, v.exact]), q3.exact]).toEqual([[["2026-v1", 14, "10"], ["2026-v2", 78, "9.5"]], "9.58"]);
  });

  it("晒不足: each with its gap in points and what closes it", () => {
    const named = board.shortfalls.map((s) => [s.kind, s.subject, s.item, s.points]);
    // Below target (full points − earned), largest first, then by person: 15 of them.
    expect(named.slice(0, 15)).toEqual([
      ["below-target", "p6", "duty", "11"],
      ["below-target", "p3", "keyTasks", "10"],
      ["below-target", "p5", "duty", "10"],
      ["below-target", "p6", "keyTasks", "10"],
      ["below-target", "p5", "keyTasks", "8.8"],
      ["below-target", "p4", "keyTasks", "8.5"],
      ["below-target", "p2", "keyTasks", "8.08"],
      ["below-target", "p2", "duty", "8"],
      ["below-target", "p1", "keyTasks", "7"],
      ["below-target", "p4", "duty", "6"],
      ["below-target", "p1", "duty", "5"],
      ["below-target", "p3", "duty", "4"],
      ["below-target", "p5", "attendance", "3"],
      ["below-target", "p3", "attendance", "2"],
      ["below-target", "p1", "attendance", "1"],
    ]);
    expect(board.shortfalls.slice(15)).toEqual([
      // 10 − 9.8 lost; reach 1000 now and 1400 by 31 December.
      { kind: "behind-timetable", subject: "collection", name: "征管股", item: "arrears", itemName: "清理欠税（万元）", points: "0.2", close: { kind: "reach-value", value: "1000", next: { id: "Q4", due: "2026-12-31", target: "1400" } } },
      // 陈刚 78.2 is last; 刘洋 79 is just above: 0.8.
      { kind: "bottom-of-group", subject: "p5", name: "陈刚", item: null, points: "0.8", close: { kind: "pass", above: "p6", points: "0.8" } },
      { kind: "key-task", subject: "p3", name: "王磊", item: "k2", itemName: "电子发票推广进企业", points: "3.6", close: { kind: "finish", progress: "20", deadline: "2026-10-31" } },
      { kind: "key-task", subject: "p6", name: "刘洋", item: "k4", itemName: "征管数据质量核查", points: "1.5", close: { kind: "finish", progress: "40", deadline: "2026-10-31" } },
    ]);
  });

  it("晒打算: November's key tasks and the milestones due by December (horizon 2)", () => {
    expect(board.plans.map((p) => [p.due, p.subject, p.kind, p.item, p.target ?? ""])).toEqual([
      ["2026-11-20", "p3", "key-task", "n2", ""],
      ["2026-11-28", "p1", "key-task", "n1", ""],
      ["2026-11-28", "p2", "key-task", "n1", ""],
      ["2026-12-31", "collection", "milestone", "arrears", "1400"],
      ["2026-12-31", "hall", "milestone", "wait-time", "12"],
      ["2026-12-31", "service", "milestone", "e-invoice", "90"],
    ]);
  });

  it("renders the public board in Chinese and English with the privacy-minded default", () => {
    const zh = boardMarkdown(boardView(board));
    expect(zh).toContain("# 示例县税务局 2026 年 10 月绩效“三晒”");
    expect(zh).toContain("| 名次 | 姓名 | 等次 | 名次变化 |");
    expect(zh).toContain("| 2 | 赵* | 中→好 | ↑3 |");
    expect(zh).toContain("| 未达目标 | 岗位职责 | 6 | 11 |");
    expect(zh).toContain("| 进度滞后 | 清理欠税（万元） | 1 | 0.2 |");
    // No name and no total on the public board.
    expect(zh).not.toContain("赵敏");
    expect(zh).not.toContain("85.5");
    const en = boardMarkdown(boardView(board, { locale: "en" }));
    expect(en).toContain("| Rank | Name | Tier | Rank change |");
    expect(en).toContain("| Behind the timetable | 清理欠税（万元） | 1 | 0.2 |");
  });

  it("gives a person their own view with every column, their shortfalls and their explanation", () => {
    const explanation = boardExplanation(made, "p3")!;
    const view = boardView(board, { subject: "p3", explanation });
    expect(view.sections[0]!.rows).toEqual([[3, "王磊", "84", "中", "+1", "—", "0"]]);
    expect(view.sections[1]!.rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ["未达目标", "月度重点任务", "10", "该指标拿满分值，需再得 10 分"],
      ["未达目标", "岗位职责", "4", "该指标拿满分值，需再得 4 分"],
      ["未达目标", "作风纪律", "2", "该指标拿满分值，需再得 2 分"],
      ["重点任务滞后", "电子发票推广进企业", "3.6", "剩余 20% 进度，完成时限 2026-10-31"],
    ]);
    expect(view.sections[2]!.rows).toEqual([["2026-11-20", "王磊", "重点任务", "发票推广回头看", "", ""]]);
    expect(view.sections[3]!.text).toContain("84");
    // The owner of a roadmap item sees its explanation with the lineage.
    expect(boardExplanation(made, "collection")).toContain("调整：版本 2026-v2 自 2026-07-15 起生效（县局党委会决定：上级追加清欠任务，三、四季度目标上调），节点 Q3 目标值 900 → 1000");
  });
});
