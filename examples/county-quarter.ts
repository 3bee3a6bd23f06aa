/**
 * The main demo: a county bureau's quarter (200 cadres): the grabbed tasks (三单) credited into
 * the competitive indicator, everyone scored under the example "361" scheme, last-place deductions
 * by department, the ranking and tiers, the five-star pool, and one cadre's tier and score explained.
 *
 *   npm run demo      (or: npx jixiao demo)
 *
 * The cadres and their values are synthetic (a seeded generator, so every run prints the same);
 * the scheme and the policies are the library's labelled examples, not official policy.
 */
import { board, cadres, completionOf, grabs, staff } from "./county-data.js";
import { cascaded } from "./province-cascade.js";
import {
  allocateTasks,
  assignTiers,
  county361Example,
  creditOf,
  creditTasks,
  defineScheme,
  eligiblePool,
  explain,
  explainTier,
  lastPlaceDeductions,
  rank,
  scoreAll,
  taskStatistics,
  withPenalties,
} from "../src/index.js";

/**
 * Runs the demo, printing each line with `print`.
 * @param print - where the lines go (default: the console).
 */
export function runDemo(print: (line: string) => void = console.log): void {
  const scheme = defineScheme(county361Example);

  // The competitive indicator comes from the quarter's grabbed tasks (三单): allocate the grabs,
  // credit the completed tasks (example policy: assigned tasks count 0.8, late ones 0.5, at most 10).
  const allocation = allocateTasks(board, grabs, staff, { maxTasksPerPerson: 3 });
  const completions = allocation.tasks.flatMap((t) => t.owners.filter((_, k) => k < 8).map((o) => completionOf(t.task, o.person)));
  const credits = creditTasks(board, allocation, completions, { qualityGrades: { 优: 1, 良: 0.85, 中: 0.7 }, assignedFactor: 0.8, lateFactor: 0.5, cap: 10 });
  const subjects = cadres.map((c) => ({ ...c, values: { ...c.values, grabbed: creditOf(credits, c.id) } }));
  const firstPass = scoreAll(scheme, subjects);

  // Last-place deductions (example policy): in each department of at least 5, the last loses 1
  // point from the total and the last-ranked cadre's promotion is deferred (R13).
  const lastPlace = lastPlaceDeductions(rank(firstPass, { groupBy: "department" }), {
    deductions: [1],
    minGroupSize: 5,
    target: "total",
    flag: { id: "promotion-deferred", name: "晋升暂缓" },
  });
  const results = scoreAll(scheme, withPenalties(subjects, lastPlace));

  // The bureau-wide ranking and tiers (example policy: 好 20%, 差 10%, ties go to the better tier,
  // a vetoed cadre is 差).
  const ranking = rank(results);
  const tiers = assignTiers(ranking, {
    tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1 }],
    count: "floor",
    ties: "better",
    vetoTier: "差",
  });
  const tierOf = new Map(tiers.placements.map((p) => [p.subjectId, p]));
  const byId = new Map(results.map((r) => [r.subjectId, r]));

  const row = (id: string) => {
    const r = byId.get(id)!;
    const e = ranking.entries.find((x) => x.subjectId === id)!;
    const earned = (g: string) => String(r.groups.find((x) => x.id === g)?.earned ?? "").padStart(6);
    return `${String(e.rank).padStart(4)}  ${r.subjectId}  ${(r.name ?? "").padEnd(4, "　")}  ${String(r.attributes?.department ?? "").padEnd(7, "　")} ${earned("common")} ${earned("individual")} ${earned("competitive")}  ${String(r.total).padStart(6)}  ${tierOf.get(id)!.tier}`;
  };

  // Where the county's own targets come from: the province → city → county cascade (an example plan).
  const county = cascaded.units.find((u) => u.unit === "甲一县")!;
  print("本县局（示例：甲一县）从上级承接的年度指标：");
  for (const i of county.indicators)
    print(`  ${i.id}：${i.origin === "cascade" ? `${i.lineage.map((l) => `${l.unit} ${l.target ?? ""}`.trim()).join(" → ")}${i.retained ? "（本级完成）" : ""}` : i.origin === "template" ? "市局模板" : "本局自设"}`);
  print("");
  print(`${scheme.name} — ${results.length} 名干部，本季度个人绩效`);
  print("（示例方案、示例政策与合成数据，仅作演示）\n");
  print("排名  编号  姓名      部门              共性   个性  竞争性    总分  等次");
  for (const e of ranking.entries.slice(0, 10)) print(row(e.subjectId));
  print("   …");
  for (const e of ranking.entries.slice(-5)) print(row(e.subjectId));

  print("\n等次（好 20%、差 10%，名额向下取整，边界并列归入较好等次，有否决项者为差）：");
  for (const q of tiers.groups[0]!.tiers)
    print(`  ${q.tier}：${q.placed} 人${q.quota === null ? "（其余）" : `（名额 ${q.share} × ${tiers.groups[0]!.size} = ${q.exact} → ${q.quota}）`}`);

  const stats = taskStatistics(allocation, staff, { credits, thresholds: [7] });
  print(`\n三单：发布 ${stats.published} 项，抢单 ${stats.grabs.made} 人次（${stats.grabbed + stats.partlyGrabbed} 项被抢），派单 ${stats.assigned} 项，无人承接 ${stats.unowned} 项；参与面 ${stats.tookPartPercent}`);
  print(`  抢单得分（封顶 10 分）：最高 ${stats.credits!.max}，最低 ${stats.credits!.min}，差距 ${stats.credits!.spread}；7 分以上 ${stats.credits!.atLeast["7"]} 人`);
  for (const t of allocation.tasks.filter((x) => x.status === "unowned")) print(`  ${t.task}：无人抢单，且无人在「${board.tasks.find((x) => x.id === t.task)!.post}」岗位，未能派单`);

  print("\n末位扣分（各部门 5 人以上，末位扣减总分 1 分，晋升暂缓）：");
  for (const d of lastPlace.deductions)
    print(`  ${d.peerGroup}（${d.groupSize} 人）末位：${d.subjectId} ${byId.get(d.subjectId)!.name}，扣 ${d.points} 分${d.tiedWith.length ? `（并列：${d.tiedWith.join("、")}）` : ""}`);
  for (const g of lastPlace.groups.filter((x) => x.exempt)) print(`  ${g.peerGroup}：不足 5 人，免于末位扣分`);

  // R23: the five stars are chosen each quarter from the top 30% of the personal ranking.
  const pool = eligiblePool(ranking, { share: 0.3, excludeVetoed: true });
  print(`\n五星候选池（个人绩效前 30%，有否决项者除外）：${pool.length} 人，最低分 ${Math.min(...pool.map((p) => p.score))}`);
  print(`  前五：${pool.slice(0, 5).map((p) => `${byId.get(p.subjectId)!.name}（${p.score}）`).join("、")}`);

  const chosen = results.find((r) => r.indicators.some((i) => !i.applicable) && r.bonus.items.length > 0) ?? results[0]!;
  print(`\n—— 等次说明：${chosen.name}（${chosen.subjectId}） ——`);
  print(explainTier(tierOf.get(chosen.subjectId)!));
  print(`\n—— 得分说明：${chosen.name}（${chosen.subjectId}） ——`);
  print(explain(chosen, { locale: "zh-CN" }));

  print("\n数据与规则在哪里：干部与取值 examples/county-data.ts（合成数据）；方案 src/presets/county361.ts（示例，");
  print("可复制为 JSON 自行修改，如 examples/rules/）；等次、末位与任务政策在本文件 examples/county-quarter.ts 中；");
  print("市 → 县指标分解 examples/province-cascade.ts。修改后重新运行 npm run demo 即可。");
}

if (process.argv[1]?.endsWith("county-quarter.ts")) runDemo();
