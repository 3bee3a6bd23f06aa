/**
 * Grabbed tasks (三单) for a county quarter: 30 urgent tasks published (亮单), about 200 staff
 * grabbing them (抢单), the rest assigned by post (派单), then credited with the difficulty
 * coefficients and capped — with the statistics the bureau reports.
 *
 *   npx tsx examples/county-tasks.ts
 *
 * Synthetic data; the coefficients, factors and cap are examples, not official numbers.
 */
import { board, completionOf, grabs, staff } from "./county-data.js";
import { allocateTasks, creditTasks, defineTaskBoard, explainTaskReason, taskStatistics } from "jixiao";

const b = defineTaskBoard(board);
const allocation = allocateTasks(b, grabs, staff, { maxTasksPerPerson: 3 });
const completions = allocation.tasks.flatMap((t) => t.owners.filter((_, k) => k < 8).map((o) => completionOf(t.task, o.person)));
const credits = creditTasks(b, allocation, completions, { qualityGrades: { 优: 1, 良: 0.85, 中: 0.7 }, assignedFactor: 0.8, lateFactor: 0.5, cap: 10 });
const stats = taskStatistics(allocation, staff, { credits, thresholds: [3, 5, 7] });

console.log(`${b.name}：${b.tasks.length} 项，难度系数 ${Object.entries(b.difficulty).map(([k, v]) => `${k} ${v}`).join("、")}\n`);
console.log("任务  难度  分值  名额  状态            承接人");
for (const t of allocation.tasks.slice(0, 8)) {
  const task = b.tasks.find((x) => x.id === t.task)!;
  const owners = t.owners.map((o) => `${o.person}${o.how === "assigned" ? "（派）" : ""}`).join(" ");
  console.log(`${t.task}   ${task.difficulty}    ${String(task.points).padStart(4)}  ${String(t.seats).padStart(4)}  ${t.status.padEnd(14)}  ${owners || (t.reason ? explainTaskReason(t.reason) : "")}`);
}
console.log("…");

console.log(`\n发布 ${stats.published} 项：全部抢满 ${stats.grabbed}，部分抢单 ${stats.partlyGrabbed}，派单 ${stats.assigned}，无人承接 ${stats.unowned}`);
console.log(`抢单 ${stats.grabs.made} 人次，成功 ${stats.grabs.seated}，未成功：${Object.entries(stats.grabs.rejected).map(([k, v]) => `${k} ${v}`).join("，")}`);
console.log(`每人抢单 ${stats.grabsPerPerson.min}–${stats.grabsPerPerson.max} 次，平均 ${stats.grabsPerPerson.mean}；参与 ${stats.tookPart} / ${staff.length} 人，覆盖面 ${stats.tookPartPercent}`);
const c = stats.credits!;
console.log(`抢单得分：最高 ${c.max}，最低 ${c.min}，差距 ${c.spread}，平均 ${c.mean}；${Object.entries(c.atLeast).map(([k, v]) => `${k} 分以上 ${v} 人`).join("，")}`);

const best = [...credits.people].sort((x, y) => y.total - x.total)[0]!;
console.log(`\n得分最高：${best.person}，合计 ${best.total}，计入 ${best.applied}${best.excess > 0 ? `（超出封顶 ${best.excess}）` : ""}`);
for (const line of best.credits) {
  const v = line.trace[0]!.values;
  console.log(`  ${line.task}：${v.points} × 系数 ${v.coefficient} = ${v.base}，份额 ${v.share} → ${v.part}，质量 ${v.quality}${v.assignedFactor ? ` × 派单系数 ${v.assignedFactor}` : ""}${v.lateFactor ? ` × 逾期系数 ${v.lateFactor}` : ""} = ${line.credit}`);
}
