/**
 * A whole year of digital personnel (数字人事) for one department: 甲县局征管股, 15 cadres, and the
 * deputy director who supervises it (and 法制股) and has 第一税务所 as a grassroots contact point.
 *
 *   npx tsx examples/department-year.ts
 *
 * Each month: the organizations' results are linked into points (linkOrganizations), then into each
 * cadre's organization-linked score (linkPeople); everyday performance (R10) is scored under the
 * rule version in force that month (the bonus cap falls from 5 to 3 on 2024-07-01), a "1+N" special
 * assessment is blended into September's personal scores, and each month's total is appended to
 * the growth-account ledger, with one amendment and one reversal. The year then ends in quarterly
 * scores, the account summaries, next year's occupational foundation, two capability assessments
 * and the annual tiers with the party-building veto (R26); one cadre's account is explained.
 *
 * Where things live, to change them:
 *   - the data (people, organizations, monthly results, history) — the section "DATA" below; the
 *     monthly values come from a seeded generator (examples/random.ts), so every run prints the same;
 *   - the rules — the section "RULES" below: the link policies, the two versions of everyday
 *     performance (built from the library's `everydayExample`), the aggregation and foundation
 *     policies; the tier policy and the capability framework are the library's `annualTiersExample`
 *     and `capabilityExample` (src/presets/personnel.ts).
 * Everything here is synthetic, and every rule is an example, not official policy.
 */
import {
  aggregatePeriods,
  annualResults,
  annualTiersExample,
  appendEntries,
  applySpecialAssessments,
  assessCapability,
  capabilityExample,
  closePeriods,
  createLedger,
  defineEverydayPerformance,
  defineVersions,
  everydayExample,
  explain,
  explainReason,
  explainTier,
  formatIssues,
  ledgerFromJSON,
  ledgerToJSON,
  linkOrganizations,
  linkPeople,
  occupationalFoundation,
  partyBuildingVetoes,
  periodsIn,
  parsePeriod,
  safeAppendEntries,
  scoreAll,
  shiftPeriod,
  summarizeAccount,
  summarizeAccounts,
  accountSeries,
  versionFor,
  type AggregationPolicy,
  type EverydayPerformanceConfig,
  type FoundationPolicy,
  type LedgerEntry,
  type LinkedPerson,
  type LinkPolicy,
  type PeopleLinkPolicy,
  type Rankable,
  type Scheme,
  type SpecialAssessment,
  type SubjectInput,
} from "jixiao";
import { random } from "./random.js";

// ─────────────────────────────────────────────── DATA ───────────────────────────────────────────────

const YEAR = "2024";
const MONTHS = periodsIn(YEAR, "month"); // 2024-01 … 2024-12
const rand = random(2024_12);
const between = (low: number, high: number) => Math.round((low + rand() * (high - low)) * 10) / 10;

/** The organizations whose results are linked, each in its peer group (R6: county with county …). */
const ORGANIZATIONS: readonly { id: string; level: "县局" | "股室" | "税务所"; base: number }[] = [
  { id: "甲县局", level: "县局", base: 93 },
  { id: "乙县局", level: "县局", base: 91 },
  { id: "丙县局", level: "县局", base: 92 },
  { id: "丁县局", level: "县局", base: 89 },
  { id: "办公室", level: "股室", base: 92 },
  { id: "征管股", level: "股室", base: 94 },
  { id: "法制股", level: "股室", base: 90 },
  { id: "纳税服务股", level: "股室", base: 93 },
  { id: "收入核算股", level: "股室", base: 91 },
  { id: "第一税务所", level: "税务所", base: 90 },
  { id: "第二税务所", level: "税务所", base: 92 },
  { id: "第三税务所", level: "税务所", base: 88 },
];

/** Each month's organizational results (组织绩效), out of 100. */
const orgResults: Readonly<Record<string, readonly Rankable[]>> = Object.fromEntries(
  MONTHS.map((month) => [month, ORGANIZATIONS.map((o) => ({ subjectId: o.id, total: between(o.base - 4, Math.min(100, o.base + 5)), attributes: { level: o.level } }))]),
);

/** The people: 征管股's 15 cadres and the deputy director who supervises it (班子成员, R14). */
const PEOPLE: readonly { id: string; name: string; base: number; leader?: LinkedPerson["leader"] }[] = [
  { id: "L01", name: "王建国", base: 90, leader: { departments: ["征管股", "法制股"], contacts: ["第一税务所"] } },
  ...["陈立", "李娜", "张敏", "刘洋", "赵强", "孙丽", "周杰", "吴静", "郑伟", "冯霞", "何明", "许平", "曹磊", "邓芳", "彭涛"].map((name, i) => ({
    id: `c${String(i + 1).padStart(2, "0")}`,
    name,
    base: [93, 91, 90, 89, 90, 87, 86, 88, 85, 88, 84, 86, 83, 87, 85][i]!,
  })),
];
const nameOf = new Map(PEOPLE.map((p) => [p.id, p.name]));
const who = (id: string) => `${nameOf.get(id)}（${id}）`;

const linkedPeople: readonly LinkedPerson[] = PEOPLE.map((p) => (p.leader ? { id: p.id, unit: "甲县局", leader: p.leader } : { id: p.id, unit: "甲县局", department: "征管股" }));

/** c09 is on leave in August: no everyday score that month. */
const onLeave = new Set(["c09@2024-08"]);

/** Each month's personal, leader and actual-performance scores (out of 100), bonus and deductions. */
type MonthInput = Omit<SubjectInput, "values"> & { values: Record<string, number | string> };
function monthInput(personId: string, base: number, month: string): MonthInput {
  const m = Number(month.slice(5));
  const bonus =
    personId === "c01" && (m === 3 || m === 9)
      ? [{ points: 6, reason: "征管创新成果被省局推广", ref: `创新-${month}` }] // above both caps: 5, then 3
      : rand() < 0.08
        ? [{ points: 1, reason: "表扬信" }]
        : [];
  const deductions = rand() < 0.06 ? [{ points: 2, reason: "办税差错" }] : [];
  return {
    id: personId,
    name: nameOf.get(personId)!,
    values: {
      personal: between(base - 5, Math.min(100, base + 5)),
      // c03's March leader evaluation is keyed as 78 by mistake (it was 87); an amendment fixes it in April.
      leader: personId === "c03" && month === "2024-03" ? 78 : between(base - 4, Math.min(100, base + 4)),
      actual: between(base - 3, Math.min(100, base + 4)),
    },
    ...(bonus.length ? { bonus } : {}),
    ...(deductions.length ? { deductions } : {}),
  };
}

/** The 1+N special assessment (R16) that ends in September: 留抵退税专项, its results and members. */
const special: SpecialAssessment = {
  id: "留抵退税专项",
  name: "2024 年留抵退税专项考核",
  weight: 0.2,
  results: { 征管股: 96, 第一税务所: 84 },
  members: [
    { person: "c02", organization: "征管股" },
    { person: "c05", organization: "征管股" },
    { person: "c11", organization: "征管股" },
    { person: "L01", organization: "第一税务所" },
  ],
};

/** Earlier annual results (each year's mean monthly everyday score); c15 joined in 2023. */
const history: Readonly<Record<string, readonly { year: number; score: number }[]>> = Object.fromEntries(
  PEOPLE.map((p) => [p.id, (p.id === "c15" ? [2023] : [2022, 2023]).map((year) => ({ year, score: between(p.base - 3, p.base + 2) }))]),
);

/** Party-building ratings (党建考核) of the party branches, and their secretaries (R26). */
const partyRatings = { 征管股党支部: "差", 法制股党支部: "好", 第一税务所党支部: "较好" };
const branchSecretaries = { 征管股党支部: "c01", 法制股党支部: "f01", 第一税务所党支部: "s01" };

// ─────────────────────────────────────────────── RULES ──────────────────────────────────────────────

/** Organizational results → linked points: in proportion to the best of the peer group, 100 for the best. */
const orgLinkPolicy: LinkPolicy = { method: { type: "proportional", full: 100 }, groupBy: "level", rounding: { decimals: 2 } };

/** Linked points → a person's 组织绩效挂钩得分: staff 30% unit, 70% department; the leader 40/40/20. */
const peopleLinkPolicy: PeopleLinkPolicy = {
  staff: { unit: 0.3, department: 0.7 },
  leader: { unit: 0.4, departments: 0.4, contacts: 0.2 },
  rounding: { decimals: 2 },
};

/** Everyday performance (R10), two versions: the bonus cap falls from 5 to 3 on 2024-07-01. */
const everydayVersions = defineVersions<EverydayPerformanceConfig>([
  { version: "2024-v1", from: "2024-01-01", rule: everydayExample },
  {
    version: "2024-v2",
    from: "2024-07-01",
    rule: { ...everydayExample, id: "everyday-2024-v2", adjustments: { bonus: { cap: 3 }, deduction: { cap: 10 } } },
    note: "加分上限由 5 分调整为 3 分（示例）",
  },
]);

/** 1+N: the special result replaces 20% of the personal score of the people on it. */
const specialPolicy = { mode: "blend", rounding: { decimals: 2 } } as const;

/** Months into a quarter or the year: the mean of the months that have a score. */
const quarterPolicy: AggregationPolicy = { rule: "mean", missing: "skip", rounding: { decimals: 2 } };

/** The occupational foundation (R9): the last three years, 50/30/20; a year with no result is left out. */
const foundationPolicy: FoundationPolicy = { weights: [0.5, 0.3, 0.2], missing: "renormalize", rounding: { decimals: 2 } };

// ─────────────────────────────────────────────── THE YEAR ───────────────────────────────────────────

const schemes = new Map<string, Scheme>(everydayVersions.versions.map((v) => [v.version, defineEverydayPerformance(v.rule)]));
const lastDay = (month: string) => parsePeriod(month).end;

let ledger = createLedger([], { timeZone: "Asia/Shanghai" });
const everyday = new Map<string, Map<string, number>>(); // month → person → total
const versionUsed = new Map<string, string>();
const leaderLinks = new Map<string, ReturnType<typeof linkPeople>[number]>();
let specialResults: ReturnType<typeof applySpecialAssessments> = [];
let c03March: SubjectInput | undefined;

for (const month of MONTHS) {
  // 1. The organizations' results → linked points, then each person's organization-linked score.
  const orgLinks = linkOrganizations(orgResults[month]!, orgLinkPolicy);
  const points = Object.fromEntries(orgLinks.map((o) => [o.id, o.exact]));
  const links = new Map(linkPeople(linkedPeople, points, peopleLinkPolicy).map((l) => [l.person, l]));
  leaderLinks.set(month, links.get("L01")!);

  // 2. Everyday performance under the version in force.
  const version = versionFor(everydayVersions, month);
  versionUsed.set(month, version.version);
  const inputs = PEOPLE.filter((p) => !onLeave.has(`${p.id}@${month}`)).map((p) => {
    const input = monthInput(p.id, p.base, month);
    const values: Record<string, number | string> = { ...input.values, org: links.get(p.id)!.exact };
    return { ...input, values };
  });
  // 3. 1+N: the special assessment ends in September and is blended into that month's personal score.
  if (month === "2024-09") {
    specialResults = applySpecialAssessments(Object.fromEntries(inputs.map((i) => [i.id, i.values.personal!])), [special], specialPolicy);
    const blended = new Map(specialResults.map((r) => [r.person, r.exact]));
    for (const i of inputs) i.values.personal = blended.get(i.id)!;
  }
  if (month === "2024-03") c03March = inputs.find((i) => i.id === "c03");
  const results = scoreAll(schemes.get(version.version)!, inputs);
  everyday.set(month, new Map(results.map((r) => [r.subjectId, r.total])));

  // 4. Each month's total into the growth account, dated the month's last day and recorded when the
  //    month's assessment is published, at 09:00 on the 5th of the next month.
  const entries: LedgerEntry[] = results.map((r) => ({
    id: `${r.subjectId}-${month}`,
    person: r.subjectId,
    date: lastDay(month),
    component: "everyday",
    points: r.total,
    source: "月度考核",
    reference: `日常绩效 ${version.version}`,
  }));
  // 5. During the month, before its results: corrections are new entries that name what they
  //    correct, each with the moment it was recorded.
  if (month === "2024-04") {
    // c03's March leader evaluation was keyed as 78 instead of 87: rescore March under its version and amend.
    const fixed = { ...c03March!, values: { ...c03March!.values, leader: 87 } };
    const march = scoreAll(schemes.get(versionFor(everydayVersions, "2024-03").version)!, [fixed])[0]!;
    ledger = appendEntries(ledger, [
      { id: "c03-2024-03-fix", person: "c03", date: "2024-04-12", recordedAt: "2024-04-12T15:20", corrects: "c03-2024-03", action: "amend", points: march.total, source: "绩效复核", reference: "复核 2024-004", note: "领导评鉴得分录入错误：78 → 87" },
    ]);
  }
  if (month === "2024-07")
    ledger = appendEntries(ledger, [
      { id: "c03-talent-2-rev", person: "c03", date: "2024-07-08", recordedAt: "2024-07-08T10:05", corrects: "c03-talent-2", action: "reverse", source: "人事股", reference: "复核 2024-011", note: "重复录入，冲销" },
    ]);
  // Talent cultivation (R19) earns a bonus in the account; in June it was keyed in twice by mistake.
  if (month === "2024-06")
    ledger = appendEntries(ledger, [
      { id: "c03-talent-1", person: "c03", date: "2024-06-20", recordedAt: "2024-06-20T16:00", component: "talent", points: 2, source: "人事股", reference: "人才培养 2024-017", note: "带教新录用人员通过岗位能力测试" },
      { id: "c03-talent-2", person: "c03", date: "2024-06-21", recordedAt: "2024-06-21T10:30", component: "talent", points: 2, source: "征管股", reference: "人才培养 2024-017", note: "同一事项重复录入" },
    ]);
  ledger = appendEntries(ledger, entries, { recordedAt: `${shiftPeriod(month, 1)}-05T09:00` });
}

// The year's annual assessment is published on 20 January 2025: the ledger is closed through 2024.
// A deduction found later by an inspection is an adjustment in 2025, naming the closed month it
// concerns; a plain entry dated in 2024 is refused.
const year2024 = ledger;
ledger = closePeriods(ledger, YEAR);
const lateEntry = { id: "c05-inspection", person: "c05", date: "2024-08-15", component: "deduction", points: -1, source: "督查", reference: "督查 2025-003", note: "8 月办税差错，督查发现" };
const refusedLate = safeAppendEntries(ledger, [lateEntry], { recordedAt: "2025-03-10T14:00" });
ledger = appendEntries(ledger, [{ ...lateEntry, date: "2025-03-10", adjusts: "2024-08", reason: "督查发现 2024 年 8 月办税差错，2024 年已关账" }], { recordedAt: "2025-03-10T14:00" });

// ─────────────────────────────────────────────── REPORT ─────────────────────────────────────────────

const print = console.log;
const pad = (s: string | number, n: number) => String(s).padStart(n);
const padName = (id: string) => `${id}  ${nameOf.get(id)!.padEnd(3, "　")}`;

print(`甲县局征管股 ${YEAR} 年度数字人事（示例数据与示例规则，并非官方政策）`);
print(`人员：${PEOPLE.length} 人（征管股 15 人，分管副局长 ${who("L01")}：分管征管股、法制股，联系点第一税务所）\n`);

print("一、组织绩效挂钩：各月组织绩效 → 挂钩分（同类比较组内按最高分折算为 100）");
print("月份       甲县局  征管股  法制股  第一税务所   王建国挂钩分");
for (const month of MONTHS) {
  const l = leaderLinks.get(month)!;
  const mean = (part: string, id: string) => l.parts.find((x) => x.part === part)!.members.find((m) => m.id === id)!.score;
  print(`${month}  ${pad(mean("unit", "甲县局"), 7)} ${pad(mean("departments", "征管股"), 7)} ${pad(mean("departments", "法制股"), 7)} ${pad(mean("contacts", "第一税务所"), 10)}   ${pad(l.exact, 10)}`);
}
const dec = leaderLinks.get("2024-12")!;
print(`  12 月王建国：${dec.parts.map((p) => `${{ unit: "本单位", department: "本部门", departments: "分管部门均值", contacts: "联系点均值" }[p.part]} ${p.mean} × ${p.weight}`).join(" + ")} = ${dec.exact}`);

print("\n二、日常绩效（R10）：各月总分（组织绩效挂钩 30 + 个人绩效 40 + 领导评鉴 15 + 现实表现 15，另加减分）");
print(`规则版本：${everydayVersions.versions.map((v) => `${v.version} 自 ${v.from} 起${v.note ? `（${v.note}）` : ""}`).join("；")}`);
print(`各月所用版本：${MONTHS.map((m) => `${Number(m.slice(5))}月 ${versionUsed.get(m)}`).join("，")}`);
print(`编号 姓名     ${MONTHS.map((m) => pad(`${Number(m.slice(5))}月`, 6)).join("")}`);
for (const p of PEOPLE) print(`${padName(p.id)} ${MONTHS.map((m) => pad(everyday.get(m)!.get(p.id) ?? "休假", 7)).join("")}`);
print(`  陈立（c01）3 月与 9 月各有一项 6 分创新加分：3 月按 v1 计 5 分，9 月按 v2 计 3 分。`);

print(`\n三、1+N 专项考核：${special.name}，按权重 ${special.weight} 计入 9 月个人绩效得分（blend：个人 × 0.8 + 专项 × 0.2）`);
for (const r of specialResults.filter((x) => x.specials.length > 0))
  print(`  ${who(r.person)}：个人绩效 ${r.base} × 0.8 + ${r.specials.map((s) => `${special.members.find((m) => m.person === r.person)!.organization} ${s.result} × ${s.weight}`).join(" + ")} = ${r.exact}`);

const corrections = year2024.entries.filter((e) => e.corrects !== undefined);
print(`\n四、个人成长账户：2024 年共 ${year2024.size} 条记录，其中更正 ${corrections.length} 条（只追加、不修改、不删除）`);
for (const c of corrections) print(`  ${c.id}（${c.date}，登记于 ${c.recordedAt}）${c.action === "amend" ? `修正 ${c.corrects} 为 ${c.points} 分` : `冲销 ${c.corrects}`}：${c.note}`);
const stored = JSON.stringify(ledgerToJSON(ledger));
const reread = ledgerFromJSON(stored);
const same = summarizeAccounts(reread, { period: YEAR }).every((s, i) => s.exact === summarizeAccounts(ledger, { period: YEAR })[i]!.exact);
print(`  存为 JSON（${stored.length} 字符）再读回：年度汇总${same ? "完全一致" : "不一致！"}`);
print(`  关账：台账关账至 ${ledger.closedThrough}。补记 2024-08-15 的扣分被拒绝：${refusedLate.success ? "（竟被接受！）" : formatIssues(refusedLate.issues).replace(/^- /, "")}`);
const reported = summarizeAccount(year2024, "c05", { period: YEAR }).exact;
print(`  改记为 2025 年的调整记录（adjusts: 2024-08）：c05 的 2024 年账户仍为 ${summarizeAccount(ledger, "c05", { period: YEAR }).exact}（关账时 ${reported}），2025 年 ${summarizeAccount(ledger, "c05", { period: "2025" }).exact}`);

print("\n五、季度与年度：季度日常绩效（各月均值，缺月不计）与账户累计");
print("编号 姓名      一季度  二季度  三季度  四季度  年度均值  账户年度累计");
const yearMeans = new Map<string, string>();
const quarterOf = (id: string) => {
  const months = accountSeries(ledger, id, { kind: "month", from: `${YEAR}-01`, to: `${YEAR}-12`, components: ["everyday"] })
    .filter((s) => s.entries.length > 0)
    .map((s) => ({ period: s.period!, score: s.exact }));
  return { quarters: periodsIn(YEAR, "quarter").map((q) => aggregatePeriods(months, q, quarterPolicy)), year: aggregatePeriods(months, YEAR, quarterPolicy) };
};
const annualSums = new Map(summarizeAccounts(ledger, { period: YEAR }).map((s) => [s.person, s]));
for (const p of PEOPLE) {
  const { quarters, year } = quarterOf(p.id);
  yearMeans.set(p.id, year.exact);
  print(`${padName(p.id)} ${quarters.map((q) => pad(q.exact, 7)).join(" ")}  ${pad(year.exact, 8)}  ${pad(annualSums.get(p.id)!.exact, 11)}`);
}
const c09q3 = quarterOf("c09").quarters[2]!;
print(`  ${who("c09")} 8 月休假：三季度 = (${c09q3.parts.filter((x) => x.counted).map((x) => x.counted).join(" + ")}) ÷ 2 = ${c09q3.exact}；账户年度累计只有 11 个月。`);
const seriesC03 = accountSeries(ledger, "c03", { kind: "quarter", from: `${YEAR}-Q1`, to: `${YEAR}-Q4` });
print(`  张敏（c03）账户按季度累计：${seriesC03.map((s) => `${s.period} ${s.exact}`).join("，")}；全年 ${annualSums.get("c03")!.exact}`);

print("\n六、下一年度职业基础（R9）：近三年结果加权（2024 × 0.5 + 2023 × 0.3 + 2022 × 0.2，缺年按已有年份折算）");
print("编号 姓名        2022    2023    2024   职业基础");
for (const p of PEOPLE) {
  const f = occupationalFoundation([...history[p.id]!, { year: 2024, score: yearMeans.get(p.id)! }], 2024, foundationPolicy);
  const y = (year: number) => pad(f.years.find((x) => x.year === year)!.score ?? "—", 7);
  print(`${padName(p.id)}  ${y(2022)} ${y(2023)} ${y(2024)}  ${pad(f.exact, 8)}`);
}

print("\n七、专业能力等级（R11，示例框架）：两人申请晋级");
const capability = [
  { id: "c02", category: "service", level: 1, facts: { examScore: 81, yearsAtLevel: 2, lastTier: "好" } },
  { id: "c05", category: "collection", level: 2, facts: { examScore: 83, yearsAtLevel: 3, lastTier: "好" } },
];
for (const c of capability) {
  const a = assessCapability(capabilityExample, { category: c.category, level: c.level, facts: c.facts });
  const category = capabilityExample.categories.find((x) => x.id === c.category)!;
  const levelName = (n: number) => category.levels[n - 1]?.name ?? "无";
  print(`  ${who(c.id)} ${category.name}：${levelName(a.from)} → ${levelName(a.to)}${a.upgraded ? "（晋级）" : "（未晋级）"}`);
  // The assessment's `required` is in English; the framework's criteria give the Chinese names.
  const next = category.levels[a.from]!.criteria;
  for (const x of a.criteria) {
    const c = next.find((k) => k.fact === x.fact)!;
    print(`    ${x.met ? "✓" : "✗"} ${c.name}：${x.actual ?? "未提供"}（要求 ${c.atLeast !== undefined ? `不低于 ${c.atLeast}` : `为 ${c.oneOf!.join("、")} 之一`}）`);
  }
}

print("\n八、年度结果（R13）：账户年度累计排名 → 好/中/差（示例政策：好 20%、差 5%，名额向下取整）");
const vetoes = partyBuildingVetoes(partyRatings, { mainLeaders: branchSecretaries });
print(`  党建考核：${Object.entries(partyRatings).map(([b, r]) => `${b} ${r}`).join("，")} → 否决：${Object.keys(vetoes).join("、")}`);
const annual = annualResults(ledger, {
  year: YEAR,
  people: PEOPLE.map((p) => ({ id: p.id, name: p.name, ...(vetoes[p.id] ? { vetoes: vetoes[p.id] } : {}) })),
  tiers: annualTiersExample,
});
const tierOf = new Map(annual.tiers.placements.map((p) => [p.subjectId, p]));
print("排名  编号 姓名      年度累计  等次  说明");
for (const e of annual.ranking.entries) {
  const t = tierOf.get(e.subjectId)!;
  const why = t.reason.excluded?.map((x) => `不得评为「${x.tier}」（${x.because.kind === "vetoed" ? "党建一票否决" : explainReason(x.because)}）`).join("；") ?? "";
  print(`${pad(e.rank, 4)}  ${padName(e.subjectId)} ${pad(annualSums.get(e.subjectId)!.exact, 9)}  ${t.tier}    ${why}`);
}
print(`  ${who("c09")} 8 月休假，账户少记一个月，年度累计因此最低；本例的「差」名额为 0。`);
for (const q of annual.tiers.groups[0]!.tiers) print(`  ${q.tier}：${q.placed} 人${q.quota === null ? "（其余）" : `（名额 ${q.share} × ${annual.tiers.groups[0]!.size} = ${q.exact} → ${q.quota}）`}`);
print(`\n  ${who("c01")} 的等次说明：`);
print(explainTier(tierOf.get("c01")!).replace(/^/gm, "    "));

print("\n九、账户明细：张敏（c03）2024 年（R24：每一分都看得见来历）");
const account = summarizeAccount(ledger, "c03", { period: YEAR });
for (const e of account.entries) {
  const fixes = e.corrections.map((id) => ledger.entries.find((x) => x.id === id)!);
  const status = { recorded: "", amended: "（已修正）", reversed: "（已冲销）" }[e.status];
  print(`  ${e.day}  ${e.id.padEnd(14)} ${e.component.padEnd(8)} 录入 ${pad(e.recorded, 6)}  计入 ${pad(e.points, 6)}  ${e.source}${status}${fixes.map((f) => `  ← ${f.id} ${f.date}：${f.note}`).join("")}`);
}
print(`  分项：${account.components.map((c) => `${c.component} ${c.exact}（${c.entries.length} 条）`).join("，")}；合计 ${account.exact}`);
const early = summarizeAccount(ledger, "c03", { period: `${YEAR}-Q1`, asOf: "2024-04-01" });
const before = summarizeAccount(ledger, "c03", { period: `${YEAR}-Q1`, asOf: "2024-04-12T15:00" });
const after = summarizeAccount(ledger, "c03", { period: `${YEAR}-Q1` });
const dated = summarizeAccount(ledger, "c03", { period: `${YEAR}-Q1`, datedThrough: "2024-03-31" });
print(`  一季度（asOf：按记录时间还原当时的报表）：4 月 1 日出具的为 ${early.exact}（3 月的分 4 月 5 日才登记），4 月 12 日 15:00 出具的为 ${before.exact}（复核 15:20 登记），现在为 ${after.exact}`);
print(`  按业务日期截至 3 月 31 日（datedThrough）为 ${dated.exact}：3 月的分记在 3 月 31 日，计入；4 月 12 日的复核不计入`);
print(`\n  张敏（c03）3 月日常绩效复核后的得分：`);
const marchFixed = scoreAll(schemes.get(versionFor(everydayVersions, "2024-03").version)!, [{ ...c03March!, values: { ...c03March!.values, leader: 87 } }])[0]!;
print(explain(marchFixed, { locale: "zh-CN" }).replace(/^/gm, "    "));
