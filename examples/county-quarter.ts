/**
 * The main demo: a county bureau's quarter (about 200 cadres), scored under the example "361"
 * scheme, ranked, and one cadre's score explained.
 *
 *   npm run demo
 *
 * The cadres and their values are synthetic (a seeded generator, so every run prints the same);
 * the scheme is the library's labelled example, not official policy.
 */
import { county361Example, defineScheme, explain, scoreAll, type ScoreResult, type SubjectInput } from "../src/index.js";

/** A small seeded generator (mulberry32), so the demo is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(2024_3);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (low: number, high: number, decimals = 1) => Number((low + rand() * (high - low)).toFixed(decimals));

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "胡", "郭"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "桂英"];
const DEPARTMENTS = ["办公室", "征管股", "收入核算股", "纳税服务股", "法制股", "税源管理一分局", "税源管理二分局", "第一税务所"];
const GRADES = ["优", "良", "良", "中", "中", "差"];

function cadre(index: number): SubjectInput {
  const id = `c${String(index + 1).padStart(3, "0")}`;
  const collection = rand() < 0.05 ? null : between(82, 112); // 5% are not assessed on collection
  return {
    id,
    name: pick(SURNAMES) + pick(GIVEN),
    attributes: { department: pick(DEPARTMENTS) },
    values: {
      attendance: Math.floor(rand() * rand() * 6),
      study: pick(GRADES),
      political: between(60, 100, 0),
      collection,
      backlog: Math.floor(rand() * 12),
      grabbed: between(0, 10, 1),
    },
    ...(rand() < 0.1 ? { bonus: [{ points: pick([0.5, 1, 2]), reason: pick(["创新", "表扬", "人才培养"]) }] } : {}),
    ...(rand() < 0.06 ? { deductions: [{ points: pick([0.5, 1]), reason: "差错" }] } : {}),
    ...(index === 137 ? { vetoes: [{ id: "discipline", reason: "违反工作纪律" }] } : {}),
  };
}

const scheme = defineScheme(county361Example);
const cadres = Array.from({ length: 200 }, (_, i) => cadre(i));
const results = scoreAll(scheme, cadres);

// Rank by total, best first; equal totals share a place (1, 2, 2, 4); ties listed by id.
const ordered = [...results].sort((a, b) => b.total - a.total || (a.subjectId < b.subjectId ? -1 : 1));
const place = new Map<string, number>();
ordered.forEach((r, i) => place.set(r.subjectId, i > 0 && ordered[i - 1]!.total === r.total ? place.get(ordered[i - 1]!.subjectId)! : i + 1));

const row = (r: ScoreResult) => {
  const earned = (id: string) => String(r.groups.find((g) => g.id === id)?.earned ?? "").padStart(6);
  return `${String(place.get(r.subjectId)).padStart(4)}  ${r.subjectId}  ${(r.name ?? "").padEnd(4, "　")}  ${String(r.attributes?.department ?? "").padEnd(7, "　")} ${earned("common")} ${earned("individual")} ${earned("competitive")}  ${String(r.total).padStart(6)}`;
};

console.log(`${scheme.name} — ${results.length} 名干部，本季度个人绩效`);
console.log("（示例方案与合成数据，仅作演示）\n");
console.log("排名  编号  姓名      部门              共性   个性  竞争性    总分");
for (const r of ordered.slice(0, 10)) console.log(row(r));
console.log("   …");
for (const r of ordered.slice(-5)) console.log(row(r));

const totals = results.map((r) => r.total);
const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
console.log(`\n最高 ${Math.max(...totals)}，最低 ${Math.min(...totals)}，平均 ${mean.toFixed(2)}（平均值仅为展示，按浮点计算）`);

const byDepartment = new Map<string, number[]>();
for (const r of results) {
  const d = String(r.attributes?.department);
  byDepartment.set(d, [...(byDepartment.get(d) ?? []), r.total]);
}
console.log("\n部门  人数  平均分");
for (const [d, list] of [...byDepartment].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  console.log(`${d.padEnd(8, "　")} ${String(list.length).padStart(3)}  ${(list.reduce((a, b) => a + b, 0) / list.length).toFixed(2)}`);

const chosen = results.find((r) => r.indicators.some((i) => !i.applicable) && r.bonus.items.length > 0) ?? results[0]!;
console.log(`\n—— 得分说明：${chosen.name}（${chosen.subjectId}） ——`);
console.log(explain(chosen, { locale: "zh-CN" }));
