/**
 * A year of one bureau's party building (the Dazhou article, R25–R26): four branches scored on the branch
 * standard index and rated; the party committee's leadership duty index for a quarter, from the
 * quarter's document in force; a leader linked to the branches they contact; ten members' duty
 * points and 党员示范岗; then the consequences — the unit rated 差 and its main leader vetoed,
 * and the "party building first" checks for promotion, recommendation and allowances.
 *
 *   npx tsx examples/party-building.ts
 *
 * Synthetic data; every preset is an example, not official policy.
 */
import {
  annualTiersExample,
  assignTiers,
  checkHistory,
  defineScheme,
  defineTierPolicy,
  defineVersions,
  explainHistoryCheck,
  explainTier,
  linkPeople,
  partyBranchIndexExample,
  partyBranchTiersExample,
  partyBuildingChecksExample,
  partyBuildingVetoes,
  partyContactLinkExample,
  partyDutyIndexExample,
  partyMemberIndexExample,
  partyModelPostExample,
  rank,
  score,
  scoreAll,
  versionForKind,
} from "../src/index.js";

const tiersOf = (placements: readonly { subjectId: string; tier: string }[]) => Object.fromEntries(placements.map((p) => [p.subjectId, p.tier]));

// 1. The branch standard index: each unit's branch, every standard of an aspect graded alike but a few.
const branch = defineScheme(partyBranchIndexExample);
const aspects = (grades: readonly string[], over: Record<string, string> = {}) => ({
  ...Object.fromEntries(branch.groups.flatMap((g, k) => g.indicators.map((i) => [i.id, grades[k]!]))),
  ...over,
});
const branches = scoreAll(branch, [
  { id: "征管科", name: "征管科党支部", values: aspects(["好", "好", "好", "好", "好"], { "team-1": "较好", "venues-2": "差" }) },
  { id: "纳服科", name: "纳服科党支部", values: aspects(["较好", "较好", "较好", "较好", "较好"]) },
  { id: "稽查局", name: "稽查局党支部", values: aspects(["一般", "一般", "一般", "一般", "一般"]) },
  { id: "办公室", name: "办公室党支部", values: aspects(["一般", "差", "一般", "差", "一般"]) },
]);
const ratings = tiersOf(assignTiers(rank(branches), partyBranchTiersExample).placements);
console.log(`${partyBranchIndexExample.name}：${branch.groups.map((g) => g.name).join("、")}，共 ${branch.groups.flatMap((g) => g.indicators).length} 项标准`);
for (const r of branches) console.log(`  ${r.name}  ${String(r.total).padStart(6)}  ${ratings[r.subjectId]}  （${r.groups.map((g) => `${g.name} ${g.earned}`).join("，")}）`);

// 2. The leadership duty index: the quarter's document in force, the party committee's quarter.
const documents = {
  quarter: defineVersions([{ version: "2024-季度", from: "2024-01-01", rule: partyDutyIndexExample.quarter }]),
  half: defineVersions([{ version: "2024-半年", from: "2024-01-01", rule: partyDutyIndexExample.half }]),
  year: defineVersions([{ version: "2024-年度", from: "2024-01-01", rule: partyDutyIndexExample.year }]),
};
const used = versionForKind(documents, "2024-Q3");
const duty = score(defineScheme(used.rule), {
  id: "机关党委",
  values: {
    "ideology-responsibility": 3,
    "ideology-study": 3,
    "political-life-meetings": 4,
    "political-life-party-day": 2,
    "duty-planning": 3,
    "duty-secretary": 2,
    "performance-index": 3,
    "village-staffing": 1,
    "other-volunteer": 3,
  },
});
console.log(`\n党建履职指数 2024-Q3（所用文件 ${used.version}，${used.rule.groups.flatMap((g) => g.indicators).length} 项）：机关党委 ${duty.total}`);
console.log(`  ${duty.groups.map((g) => `${g.name} ${g.earned}`).join("，")}`);
const [leader] = linkPeople([{ id: "L01", unit: "机关党委", leader: { contacts: ["征管科", "办公室"] } }], { 机关党委: duty.total, ...Object.fromEntries(branches.map((b) => [b.subjectId, b.total])) }, partyContactLinkExample);
console.log(`  L01 联系征管科、办公室党支部：0.7 × ${duty.total} + 0.3 × ${leader!.parts[1]!.mean} = ${leader!.exact}`);

// 3. The member responsibility index and 党员示范岗.
const full = { study: 12, activities: 12, law: "好", dues: 12, role: "好", pledge: "好", review: "优秀", volunteer: 8, honour: 2, advice: 2, discipline: 0, conduct: 0 };
const members = scoreAll(defineScheme(partyMemberIndexExample), [
  { id: "m01", values: full, vetoes: ["sanction"] },
  { id: "m02", values: { ...full, advice: 0 } },
  { id: "m03", values: { ...full, advice: 0, honour: 0 } },
  { id: "m04", values: { ...full, review: "合格", honour: 0 } },
  ...Array.from({ length: 6 }, (_, i) => ({ id: `m${String(i + 5).padStart(2, "0")}`, values: { ...full, review: "不合格", honour: 1, discipline: i } })),
]);
const posts = assignTiers(rank(members), partyModelPostExample);
console.log(`\n${partyMemberIndexExample.name}：${members.map((m) => `${m.subjectId} ${m.total}`).join("，")}`);
console.log(`党员示范岗：${posts.placements.filter((p) => p.tier === "党员示范岗").map((p) => p.subjectId).join("、")}`);
console.log(`  ${explainTier(posts.placements.find((p) => p.subjectId === "m01")!).split("\n").join("\n  ")}`);

// 4. R26: the unit rated 差 and its main leader.
const mainLeaders = { 征管科: "L01", 纳服科: "L02", 稽查局: "L03", 办公室: "L04" };
const vetoes = partyBuildingVetoes(ratings, { mainLeaders });
console.log(`\n党建一票否决：${Object.entries(vetoes).map(([who, v]) => `${who}（${v[0]!.reason}）`).join("；")}`);
const units = ["办公室", "征管科", "纳服科", "稽查局", "u5", "u6", "u7", "u8", "u9", "u10"].map((subjectId, i) => ({ subjectId, total: 99 - i, vetoes: vetoes[subjectId] ?? [] }));
const unitTiers = tiersOf(assignTiers(rank(units), annualTiersExample).placements);
console.log(`单位年度等次：办公室 ${unitTiers.办公室}（得分第一），征管科 ${unitTiers.征管科}，纳服科 ${unitTiers.纳服科}`);
const people = defineTierPolicy({ tiers: [{ name: "优秀", share: 0.5, excludeVetoed: true }, { name: "称职" }, { name: "基本称职", share: 0 }, { name: "不称职", share: 0 }] });
const leaderTiers = assignTiers(rank(["L04", "L01", "L02", "L03"].map((subjectId, i) => ({ subjectId, total: 95 - i, vetoes: vetoes[subjectId] ?? [] }))), people);
console.log(`主要负责人年度等次：${leaderTiers.placements.map((p) => `${p.subjectId} ${p.tier}`).join("，")}`);

// 5. Party building first: promotion, recommendation, allowances.
const history = [
  ...["好", "较好", "好"].map((tier, i) => ({ subjectId: "L01", period: `${2022 + i}`, tier })),
  ...["好", "一般", "一般"].map((tier, i) => ({ subjectId: "L03", period: `${2022 + i}`, tier })),
  ...["较好", "好", "差"].map((tier, i) => ({ subjectId: "L04", period: `${2022 + i}`, tier })),
];
const names = { promotion: "职务晋升", recommendation: "推荐评选", allowance: "津贴兑现" } as const;
console.log("\n党建首查（2022–2024 年党建等次）：");
for (const [check, name] of Object.entries(names) as [keyof typeof names, string][])
  console.log(`  ${name}：${checkHistory(history, partyBuildingChecksExample[check]).map((c) => `${c.subjectId} ${c.passed ? "可以" : "不可以"}`).join("，")}`);
console.log(`  ${explainHistoryCheck(checkHistory(history, partyBuildingChecksExample.allowance)[1]!).split("\n").join("\n  ")}`);
