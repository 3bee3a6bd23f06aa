/**
 * The cascade (一级抓一级): a province passes its indicators to 3 cities and 9 counties — a revenue
 * target split by last year's revenue, a compliance rate replicated, an indicator the cities keep
 * (R4), a template for the counties with a local budget (R3) — then the year's results roll back up.
 *
 *   npx tsx examples/province-cascade.ts
 *
 * Every figure is an example; the plan's numbers are configuration, not official targets.
 */
import { cascade, defineOrgTree, defineScheme, rollUp, score, type CascadePlan } from "jixiao";

const CITIES = { 甲市: ["甲一县", "甲二县", "甲三县"], 乙市: ["乙一县", "乙二县", "乙三县"], 丙市: ["丙一县", "丙二县", "丙三县"] } as const;

/** The province, its cities and counties; each county has two departments. */
export const tree = defineOrgTree([
  { id: "省局", level: "province" },
  ...Object.entries(CITIES).flatMap(([city, counties]) => [
    { id: city, level: "city", parent: "省局" },
    ...counties.map((c) => ({ id: c, level: "county", parent: city, departments: [{ id: "征管股" }, { id: "办公室" }] })),
  ]),
]);

/** Last year's revenue (万元) by unit: the base the revenue target is split by, level by level. */
const citiesLastYear = { 甲市: 52_000, 乙市: 31_000, 丙市: 17_000 };
const countiesLastYear = { 甲一县: 20_000, 甲二县: 18_000, 甲三县: 14_000, 乙一县: 11_000, 乙二县: 10_000, 乙三县: 10_000, 丙一县: 7_000, 丙二县: 6_000, 丙三县: 4_000 };

/** The province's plan (an example). */
export const plan: CascadePlan = {
  id: "province-2024",
  name: "2024 年度绩效指标分解（示例）",
  groups: [{ id: "key", name: "重点工作" }, { id: "base", name: "基础工作" }],
  rounding: { indicator: { decimals: 2 }, total: { decimals: 2 } },
  indicators: [
    {
      id: "revenue", name: "组织收入（万元）", group: "key", points: 40, target: 108_000, decimals: 0,
      method: { type: "completion", target: 108_000 },
      steps: [{ how: "split", by: "base", base: citiesLastYear }, { how: "split", by: "base", base: countiesLastYear }],
    },
    {
      id: "compliance", name: "申报率（%）", group: "key", points: 30, target: 98,
      method: { type: "completion", target: 98 },
      steps: [{ how: "replicate" }, { how: "replicate" }],
    },
    { id: "inspection", name: "市局督查", group: "base", points: 20, method: { type: "grade", grades: { 优: 1, 良: 0.85, 中: 0.7 } }, steps: [{ how: "replicate" }, { how: "retain" }] },
  ],
  templates: [
    { level: "county", localBudget: 5, indicators: [{ id: "service", name: "纳税服务", group: "base", points: 10, method: { type: "steps", steps: [{ atLeast: 95, fraction: 1 }, { atLeast: 85, fraction: 0.8 }] } }] },
  ],
  local: [{ unit: "甲一县", indicators: [{ id: "tea", name: "茶产业税源培育", group: "base", points: 5, method: { type: "direct" } }] }],
  responsibilities: [{ unit: "甲一县", indicator: "revenue", carrying: "征管股", assessing: "办公室", executing: [{ person: "张伟", share: 0.5 }, { person: "李娜", share: 0.3 }, { person: "王强", share: 0.2 }] }],
};

/** The plan cascaded down the tree. */
export const cascaded = cascade(plan, tree);
const result = cascaded;

if (process.argv[1]?.endsWith("province-cascade.ts")) {
  console.log(`${plan.name}\n`);
  console.log("单位      组织收入目标  申报率  督查  本级模板/自设");
  for (const u of result.units) {
    const of = (id: string) => u.indicators.find((i) => i.id === id);
    const added = u.indicators.filter((i) => i.origin !== "cascade").map((i) => `${i.id}(${i.origin === "template" ? "模板" : "自设"})`).join(" ");
    console.log(`${u.unit.padEnd(4, "　")}  ${String(of("revenue")?.target ?? "").padStart(10)}  ${String(of("compliance")?.target ?? "").padStart(6)}  ${of("inspection") ? (of("inspection")!.retained ? "本级完成" : "下传") : "—"}  ${added}`);
  }
  console.log("\n分解校验（压力等量传导）：");
  for (const c of result.report.conservation) console.log(`  ${c.indicator} ${c.parent} ${c.target} → ${c.parts.map((p) => `${p.unit} ${p.target}`).join(" + ")} = ${c.sum} ${c.ok ? "✓" : "✗"}`);
  const r = result.responsibilities[0]!;
  console.log(`\n甲一县组织收入：承接 ${r.carrying}，考评 ${r.assessing}，执行 ${r.executing.map((e) => `${e.person} ${e.target}`).join("、")}`);
  console.log(`甲一县的方案：${result.units.find((u) => u.unit === "甲一县")!.scheme.groups.map((g) => `${g.name} ${g.points} 分`).join("，")}`);

  // Year end: the counties' results, rolled back up.
  const actuals = Object.values(CITIES).flat().map((c, i) => ({ unit: c, indicator: "revenue", actual: Number(result.units.find((u) => u.unit === c)!.indicators[0]!.target) + (i % 3) * 400 - 300, target: result.units.find((u) => u.unit === c)!.indicators[0]!.target! }));
  const rolled = rollUp(tree, actuals, { revenue: { how: "sum" } });
  console.log("\n年终汇总（组织收入）：");
  for (const v of rolled.filter((x) => x.from !== "given")) console.log(`  ${v.unit}：${v.children.map((c) => c.value).join(" + ")} = ${v.exact}，完成率 ${(v.rate! * 100).toFixed(2)}%`);

  const county = result.units.find((u) => u.unit === "乙二县")!;
  const s = score(defineScheme(county.scheme), { id: "乙二县", values: { revenue: 10_200, compliance: 97.5, service: 92 } });
  console.log(`\n乙二县按分解后的方案得分：${s.total} / ${s.full}`);
}
