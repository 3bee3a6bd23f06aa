/**
 * The main demo: a county bureau's quarter (about 200 cadres), scored under the example "361"
 * scheme, with last-place deductions by department, ranked, placed in tiers, and one cadre's tier
 * and score explained.
 *
 *   npm run demo
 *
 * The cadres and their values are synthetic (a seeded generator, so every run prints the same);
 * the scheme and the policies are the library's labelled examples, not official policy.
 */
import {
  assignTiers,
  county361Example,
  defineScheme,
  explain,
  explainTier,
  lastPlaceDeductions,
  rank,
  scoreAll,
  withPenalties,
  type SubjectInput,
} from "../src/index.js";

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
const firstPass = scoreAll(scheme, cadres);

// Last-place deductions (example policy): in each department of at least 5, the last loses 1
// point on the competitive indicator and the last-ranked cadre's promotion is deferred (R13).
const lastPlace = lastPlaceDeductions(rank(firstPass, { groupBy: "department" }), {
  deductions: [1],
  minGroupSize: 5,
  target: "indicator:grabbed",
  flag: { id: "promotion-deferred", name: "晋升暂缓" },
});
const results = scoreAll(scheme, withPenalties(cadres, lastPlace));

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

console.log(`${scheme.name} — ${results.length} 名干部，本季度个人绩效`);
console.log("（示例方案、示例政策与合成数据，仅作演示）\n");
console.log("排名  编号  姓名      部门              共性   个性  竞争性    总分  等次");
for (const e of ranking.entries.slice(0, 10)) console.log(row(e.subjectId));
console.log("   …");
for (const e of ranking.entries.slice(-5)) console.log(row(e.subjectId));

console.log("\n等次（好 20%、差 10%，名额向下取整，边界并列归入较好等次，有否决项者为差）：");
for (const q of tiers.groups[0]!.tiers)
  console.log(`  ${q.tier}：${q.placed} 人${q.quota === null ? "（其余）" : `（名额 ${q.share} × ${tiers.groups[0]!.size} = ${q.exact} → ${q.quota}）`}`);

console.log("\n末位扣分（各部门 5 人以上，末位在竞争性指标扣 1 分，晋升暂缓）：");
for (const d of lastPlace.deductions) console.log(`  ${d.subjectId} ${byId.get(d.subjectId)!.name}：${d.reason}${d.tiedWith.length ? `（并列：${d.tiedWith.join("、")}）` : ""}`);
for (const g of lastPlace.groups.filter((x) => x.exempt)) console.log(`  ${g.peerGroup}：免于末位扣分（${g.reason}）`);

const chosen = results.find((r) => r.indicators.some((i) => !i.applicable) && r.bonus.items.length > 0) ?? results[0]!;
console.log(`\n—— 等次说明：${chosen.name}（${chosen.subjectId}） ——`);
console.log(explainTier(tierOf.get(chosen.subjectId)!));
console.log(`\n—— 得分说明：${chosen.name}（${chosen.subjectId}） ——`);
console.log(explain(chosen, { locale: "zh-CN" }));
