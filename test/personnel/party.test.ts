import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  annualTiersExample,
  assignTiers,
  checkHistory,
  defineScheme,
  defineTierPolicy,
  defineVersions,
  explainHistoryCheck,
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
  schemeJsonSchema,
  tierPolicyJsonSchema,
  versionForKind,
  type TierPolicy,
} from "../../src/index.js";

const tierOf = (placements: readonly { subjectId: string; tier: string }[]) => Object.fromEntries(placements.map((p) => [p.subjectId, p.tier]));

/** The branch standard index's values: every standard of an aspect graded alike, by aspect id. */
const graded = (grades: Readonly<Record<string, string>>) =>
  Object.fromEntries(defineScheme(partyBranchIndexExample).groups.flatMap((g) => g.indicators.map((i) => [i.id, grades[g.id]!])));

describe("the party-building presets", () => {
  it("are labelled examples and frozen all the way down", () => {
    const documents = { partyBranchIndexExample, partyBranchTiersExample, partyMemberIndexExample, partyModelPostExample, ...partyDutyIndexExample };
    for (const [name, p] of Object.entries(documents)) {
      expect(p.id, name).toMatch(/example/);
      expect(p.name, name).toMatch(/示例/);
      expect(p.description, name).toMatch(/^Example only/);
    }
    for (const [name, p] of Object.entries({ ...documents, partyDutyIndexExample, partyContactLinkExample, partyBuildingChecksExample })) {
      const stack: unknown[] = [p];
      while (stack.length) {
        const node = stack.pop();
        if (node && typeof node === "object") {
          expect(Object.isFrozen(node), name).toBe(true);
          stack.push(...Object.values(node));
        }
      }
    }
  });

  it("are shipped as JSON rule documents equal to them, valid against the published JSON Schemas", async () => {
    const { default: Ajv2020 } = await import("ajv/dist/2020.js");
    const ajv = new Ajv2020({ strict: false });
    const valid = { scheme: ajv.compile(schemeJsonSchema()), "tier-policy": ajv.compile(tierPolicyJsonSchema()) };
    const files = {
      "party-branch.scheme.json": partyBranchIndexExample,
      "party-branch.policy.json": partyBranchTiersExample,
      "party-duty-quarter.scheme.json": partyDutyIndexExample.quarter,
      "party-member.scheme.json": partyMemberIndexExample,
      "party-model-post.policy.json": partyModelPostExample,
    };
    for (const [file, preset] of Object.entries(files)) {
      const { $schema, ...rest } = JSON.parse(readFileSync(`examples/rules/${file}`, "utf8"));
      const kind = file.endsWith(".scheme.json") ? "scheme" : "tier-policy";
      expect($schema, file).toBe(`../../docs/schema/${kind}.schema.json`);
      expect(rest, file).toEqual(preset);
      expect(valid[kind]({ $schema, ...rest }), file).toBe(true);
    }
  });
});

describe("the branch standard index (党支部标准工作法, R25)", () => {
  const s = defineScheme(partyBranchIndexExample);

  it("has the seed's five aspects, in its order, and 20 standards", () => {
    expect(s.groups.map((g) => g.name)).toEqual(["基本队伍", "基本活动", "基本阵地", "基本制度", "基本保障"]);
    expect(s.groups.flatMap((g) => g.indicators)).toHaveLength(20);
    expect(s.groups.every((g) => g.indicators.length === 4)).toBe(true);
  });

  it("scores four branches and rates them 好, 较好, 一般, 差 by the bands 90/80/60", () => {
    const all = (grade: string) => graded({ team: grade, activities: grade, venues: grade, rules: grade, support: grade });
    const results = scoreAll(s, [
      // One standard 较好 (0.85 × 5 = 4.25) and one 差 (0.4 × 5 = 2): 100 − 0.75 − 3 = 96.25
      { id: "支部1", values: { ...all("好"), "team-1": "较好", "venues-2": "差" } },
      // 20 × 0.85 × 5 = 85
      { id: "支部2", values: all("较好") },
      // 20 × 0.7 × 5 = 70
      { id: "支部3", values: all("一般") },
      // 一般 in 基本队伍, 基本阵地, 基本保障: 3 × 4 × 3.5 = 42; 差 in 基本活动, 基本制度: 2 × 4 × 2 = 16; 42 + 16 = 58
      { id: "支部4", values: graded({ team: "一般", activities: "差", venues: "一般", rules: "差", support: "一般" }) },
    ]);
    expect(results.map((r) => r.total)).toEqual([96.25, 85, 70, 58]);
    expect(results[3]!.groups.map((g) => g.earned)).toEqual([14, 8, 14, 8, 14]);
    expect(tierOf(assignTiers(rank(results), partyBranchTiersExample).placements)).toEqual({ 支部1: "好", 支部2: "较好", 支部3: "一般", 支部4: "差" });
    // The bands are inclusive: 90 is 好, 89.99 较好, 60 一般, 59.99 差.
    const edges = [90, 89.99, 60, 59.99].map((total, i) => ({ subjectId: `b${i}`, total }));
    expect(tierOf(assignTiers(rank(edges), partyBranchTiersExample).placements)).toEqual({ b0: "好", b1: "较好", b2: "一般", b3: "差" });
  });
});

describe("the leadership duty index (党建履职指数, R25)", () => {
  const seedCategories = ["意识形态", "党内政治生活", "主体责任落实", "党建绩效管理", "干部驻村帮扶", "其他工作"];

  it("has one document per period length, each with the seed's six categories; the year's has 17 items over 56 indicators", () => {
    for (const kind of ["quarter", "half", "year"] as const) {
      const s = defineScheme(partyDutyIndexExample[kind]);
      expect(s.groups.map((g) => g.name), kind).toEqual(seedCategories);
    }
    const items = (kind: "quarter" | "half" | "year") => partyDutyIndexExample[kind].groups.flatMap((g) => g.indicators);
    expect([items("quarter").length, items("half").length, items("year").length]).toEqual([9, 14, 17]);
    // Each item is scored against the number of its indicators, which its description lists.
    const targets = items("year").map((i) => Number((i.method as { target: number }).target));
    expect(targets.reduce((a, b) => a + b, 0)).toBe(56);
    for (const i of items("year")) expect(i.description!.split("：")[1]!.split("；")).toHaveLength(Number((i.method as { target: number }).target));
  });

  it("scores a party committee's quarter by the indicators met in each item", () => {
    const s = defineScheme(partyDutyIndexExample.quarter);
    const r = score(s, {
      id: "机关党委",
      values: {
        "ideology-responsibility": 3, // 3 of 3: 10
        "ideology-study": 3, // 3 of 4: 10 × 3/4 = 7.5
        "political-life-meetings": 4, // 4 of 4: 20
        "political-life-party-day": 2, // 2 of 3: 20 × 2/3 = 13.333… → 13.33
        "duty-planning": 3, // 3 of 3: 10
        "duty-secretary": 2, // 2 of 4: 10 × 2/4 = 5
        "performance-index": 3, // 3 of 3: 10
        "village-staffing": 1, // 1 of 2: 5 × 1/2 = 2.5
        "other-volunteer": 3, // 3 of 3: 5
      },
    });
    // 10 + 7.5 + 20 + 13.33 + 10 + 5 + 10 + 2.5 + 5 = 83.33
    expect(r.indicators.find((i) => i.id === "political-life-party-day")!.earned).toBe(13.33);
    expect(r.groups.map((g) => g.earned)).toEqual([17.5, 33.33, 15, 10, 2.5, 5]);
    expect(r.total).toBe(83.33);
  });

  it("picks the document of the period's length, in the version in force (effective-dated)", () => {
    const raised = { ...partyDutyIndexExample.quarter, id: "party-duty-quarter-2024-v2" };
    const documents = {
      quarter: defineVersions([
        { version: "季度-v2", from: "2024-07-01", rule: raised, note: "下半年起调整" },
        { version: "季度-v1", from: "2024-01-01", rule: partyDutyIndexExample.quarter },
      ]),
      half: defineVersions([{ version: "半年-v1", from: "2024-01-01", rule: partyDutyIndexExample.half }]),
      year: defineVersions([{ version: "年度-v1", from: "2024-01-01", rule: partyDutyIndexExample.year }]),
    };
    expect(["2024-Q1", "2024-Q2", "2024-Q3", "2024-H1", "2024-H2", "2024"].map((p) => versionForKind(documents, p).version)).toEqual([
      "季度-v1",
      "季度-v1",
      "季度-v2",
      "半年-v1",
      "半年-v1",
      "年度-v1",
    ]);
    expect(versionForKind(documents, "2024-Q3").rule.id).toBe("party-duty-quarter-2024-v2");
    expect(versionForKind(documents, "2024").rule.groups.flatMap((g) => g.indicators)).toHaveLength(17);
  });

  it("says which period length has no document, and which version is not in force yet", () => {
    const documents = { year: defineVersions([{ version: "年度-v1", from: "2024-01-01", rule: partyDutyIndexExample.year }]) };
    expect(() => versionForKind(documents, "2024-Q3")).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: "missing_value", path: ["documents", "quarter"], message: "documents.quarter: 2024-Q3 is a quarter, and there is no document for a quarter; there are documents for year" })] }),
    );
    expect(() => versionForKind({}, "2024-H1")).toThrow(/2024-H1 is a half-year, and there is no document for a half-year; there are no documents/);
    expect(() => versionForKind(documents, "2023")).toThrow(/no version is in force on 2023-01-01/);
    expect(() => versionForKind({ year: { versions: [] } } as never, "2024")).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ["documents", "year"] })] }));
    expect(() => versionForKind(documents, "2024-Q5")).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ["period"] })] }));
  });

  it("links a leader to the branches they contact (领导干部联系基层支部)", () => {
    // 0.7 × 83.33 + 0.3 × (96.25 + 58) ÷ 2 = 58.331 + 23.1375 = 81.4685 → 81.47
    const [leader] = linkPeople([{ id: "L01", unit: "机关党委", leader: { contacts: ["支部1", "支部4"] } }], { 机关党委: 83.33, 支部1: 96.25, 支部4: 58 }, partyContactLinkExample);
    expect(leader!.exact).toBe("81.47");
    expect(leader!.parts.map((p) => [p.part, p.mean])).toEqual([
      ["unit", "83.33"],
      ["contacts", "77.125"],
    ]);
  });
});

describe("the member responsibility index (党员尽责指数, R25) and 党员示范岗", () => {
  const s = defineScheme(partyMemberIndexExample);

  it("has the seed's five parts over 12 items, among them the four the seed names", () => {
    expect(s.groups.map((g) => g.name)).toEqual(["共性指标", "个性指标", "年度评议", "贡献行为加分", "禁止反对行为扣分"]);
    const names = s.groups.flatMap((g) => g.indicators.map((i) => i.name));
    expect(names).toHaveLength(12);
    expect(names).toEqual(expect.arrayContaining(["理论学习", "参加活动", "遵纪守法", "发挥作用"]));
  });

  it("scores a member's year", () => {
    const r = score(s, {
      id: "党员2",
      values: {
        study: 9, // 15 × 9/12 = 11.25
        activities: 10, // 15 × 10/12 = 12.5
        law: "好", // 5
        dues: 12, // 10
        role: "较好", // 10 × 0.8 = 8
        pledge: "一般", // 5 × 0.6 = 3
        review: "合格", // 20 × 0.8 = 16
        volunteer: 5, // 5 × 0.5 = 2.5
        honour: 0, // 0
        advice: 1, // 1
        discipline: 2, // 5 − 2 × 1 = 3
        conduct: 0, // 5
      },
    });
    // 共性 38.75 + 个性 11 + 评议 16 + 加分 3.5 + 扣分 8 = 77.25
    expect(r.groups.map((g) => g.earned)).toEqual([38.75, 11, 16, 3.5, 8]);
    expect(r.total).toBe(77.25);
    // The contribution part stops at its 10 points; the prohibited part stops at 0.
    const most = score(s, { id: "党员3", values: { ...r.indicators.reduce((v, i) => ({ ...v, [i.id]: i.value }), {}), volunteer: 20, honour: 5, advice: 9, discipline: 9, conduct: 2 } });
    expect(most.groups.map((g) => g.earned)).toEqual([38.75, 11, 16, 10, 0]);
  });

  it("rates 党员示范岗 by threshold and quota, never a sanctioned member", () => {
    const full = { study: 12, activities: 12, law: "好", dues: 12, role: "好", pledge: "好", review: "优秀", volunteer: 8, honour: 2, advice: 2, discipline: 0, conduct: 0 };
    const members = scoreAll(s, [
      { id: "m01", values: full, vetoes: ["sanction"] }, // 100, but sanctioned
      { id: "m02", values: { ...full, advice: 0 } }, // 98
      { id: "m03", values: { ...full, advice: 0, honour: 0 } }, // 94
      { id: "m04", values: { ...full, review: "合格", honour: 0 } }, // 100 − 4 − 4 = 92
      // 100 − 20 (不合格) − 2 (one honour) − i: 78 down to 73
      ...Array.from({ length: 6 }, (_, i) => ({ id: `m${String(i + 5).padStart(2, "0")}`, values: { ...full, review: "不合格", honour: 1, discipline: i } })),
    ]);
    expect(members.slice(0, 4).map((m) => m.total)).toEqual([100, 98, 94, 92]);
    // 10 members: ⌊0.2 × 10⌋ = 2 places, from 90 points. m01 is vetoed; m02 and m03 take the two places; m04 has 92 but no place.
    const a = assignTiers(rank(members), partyModelPostExample);
    expect(a.placements.filter((p) => p.tier === "党员示范岗").map((p) => p.subjectId)).toEqual(["m02", "m03"]);
    expect(tierOf(a.placements).m01).toBe("未入选");
    expect(a.placements.find((p) => p.subjectId === "m01")!.reason.excluded![0]!.because).toEqual({ kind: "vetoed", vetoes: [{ id: "sanction", name: "受到党纪处分" }] });
  });
});

describe("the consequences of R26", () => {
  // Four units, each with its party branch; 办公室's branch index is 58 (the 支部4 of the worked example).
  const branchTotals = { 征管科: 96.25, 纳服科: 85, 稽查局: 70, 办公室: 58 };
  const mainLeaders = { 征管科: "L01", 纳服科: "L02", 稽查局: "L03", 办公室: "L04" };
  const ratings = tierOf(assignTiers(rank(Object.entries(branchTotals).map(([subjectId, total]) => ({ subjectId, total }))), partyBranchTiersExample).placements);
  const vetoes = partyBuildingVetoes(ratings, { mainLeaders, names: { 办公室: "办公室" } });

  it("a unit rated 差 is vetoed in the annual assessment, and so is its main leader", () => {
    expect(ratings).toEqual({ 征管科: "好", 纳服科: "较好", 稽查局: "一般", 办公室: "差" });
    expect(Object.keys(vetoes)).toEqual(["L04", "办公室"]);
    expect(vetoes.L04![0]!.reason).toBe("办公室主要负责人，该单位党建考核等次为「差」（R26）");
  });

  it("the vetoed unit is not an excellent unit, whatever its annual score", () => {
    // 办公室 has the best annual score; 好 takes ⌊0.2 × 10⌋ = 2 of the ten units, never a vetoed one.
    const units = ["办公室", "征管科", "纳服科", "稽查局", "u5", "u6", "u7", "u8", "u9", "u10"].map((subjectId, i) => ({ subjectId, total: 99 - i, vetoes: vetoes[subjectId] ?? [] }));
    const tiers = tierOf(assignTiers(rank(units), annualTiersExample).placements);
    expect(tiers.办公室).toBe("中");
    expect([tiers.征管科, tiers.纳服科]).toEqual(["好", "好"]);
  });

  it("its main leader is not eligible for 优秀 that year", () => {
    const people: TierPolicy = { tiers: [{ name: "优秀", share: 0.5, excludeVetoed: true }, { name: "称职" }, { name: "基本称职", share: 0 }, { name: "不称职", share: 0 }] };
    const leaders = ["L04", "L01", "L02", "L03"].map((subjectId, i) => ({ subjectId, total: 95 - i, vetoes: vetoes[subjectId] ?? [] }));
    const a = assignTiers(rank(leaders), defineTierPolicy(people));
    // ⌊0.5 × 4⌋ = 2 places: L04 has the best score but is vetoed, so L01 and L02.
    expect(tierOf(a.placements)).toEqual({ L04: "称职", L01: "优秀", L02: "优秀", L03: "称职" });
  });

  it("checks promotion, recommendation and allowances against the party-building ratings first", () => {
    const history = [
      ...["好", "较好", "好"].map((tier, i) => ({ subjectId: "L01", period: `${2022 + i}`, tier })),
      ...["好", "一般", "一般"].map((tier, i) => ({ subjectId: "L03", period: `${2022 + i}`, tier })),
      ...["较好", "好", "差"].map((tier, i) => ({ subjectId: "L04", period: `${2022 + i}`, tier })),
    ];
    const run = (rule: keyof typeof partyBuildingChecksExample) => Object.fromEntries(checkHistory(history, partyBuildingChecksExample[rule]).map((c) => [c.subjectId, c.passed]));
    expect(run("promotion")).toEqual({ L01: true, L03: true, L04: false });
    expect(run("recommendation")).toEqual({ L01: true, L03: false, L04: false });
    expect(run("allowance")).toEqual({ L01: true, L03: false, L04: false });
    const l03 = checkHistory(history, partyBuildingChecksExample.allowance).find((c) => c.subjectId === "L03")!;
    expect(explainHistoryCheck(l03)).toBe("L03：不符合规则\n3 个期间中有 0 个低于「一般」，要求没有：符合\n3 个期间中有 2 个为「一般」，要求至多 1 个：不符合");
  });
});
