import { describe, expect, it } from "vitest";
import {
  assignTiers,
  checkHistory,
  defineScheme,
  explainHistoryCheck,
  explainTier,
  isJixiaoError,
  JixiaoError,
  rank,
  scoreAll,
  type Rankable,
  type Ranking,
  type TierPlacement,
  type TierPolicy,
} from "../../src/index.js";

const subjects = (scores: (number | string)[], extra: Record<number, Partial<Rankable>> = {}): Rankable[] =>
  scores.map((total, i) => ({ subjectId: `c${String(i + 1).padStart(2, "0")}`, total, ...extra[i + 1] }));
const GMB = (more: Partial<TierPolicy> = {}): TierPolicy => ({ tiers: [{ name: "好", share: 0.4 }, { name: "中" }, { name: "差", share: 0.2 }], ...more });
const find = (ps: readonly TierPlacement[], id: string) => ps.find((p) => p.subjectId === id)!;

// 0.4 × 5 = 2 好, but c02 and c03 tie at 90 on the boundary
const quotaTie = assignTiers(rank(subjects([95, 90, 90, 80, 70], { 1: { name: "张伟" } })), GMB()).placements;
// R28 bands
const bands = assignTiers(rank(subjects([95, 90, "89.99", 80, 79.5, 60, 59.9])), {
  tiers: [{ name: "好", min: 90 }, { name: "较好", min: 80 }, { name: "一般", min: 60 }, { name: "较差" }],
}).placements;
// c01 has a veto
const vetoed = assignTiers(
  rank(subjects([95, 90, 85, 80, 75, 70, 65, 60, 55, 50], { 1: { vetoes: [{ id: "party-building" }, { id: "discipline" }] } }).map((s) => ({ ...s, group: "县局" })), { groupBy: "group" }),
  GMB({ vetoTier: "差" }),
).placements;

describe("explainTier", () => {
  it("a quota placement, in Chinese (default) and English", () => {
    const p = find(quotaTie, "c01");
    expect(explainTier(p)).toMatchInlineSnapshot(`
      "张伟（c01） 评为「好」
      同组 5 人中排第 1 名，得分 95
      「好」名额：0.4 × 5 = 2，向下取整后为 2 名，实际 3 名"
    `);
    expect(explainTier(p, { locale: "en" })).toMatchInlineSnapshot(`
      "张伟 (c01) is placed in "好"
      rank 1 of 5, score 95
      "好" quota: 0.4 × 5 = 2, rounded down to 2; 3 placed"
    `);
  });

  it("a tie at the quota boundary", () => {
    const p = find(quotaTie, "c03");
    // the wording of how the tie was settled is checked in the four-tier test below
    const zh = explainTier(p).split("\n");
    expect(zh.slice(0, 3)).toEqual(["c03 评为「好」", "同组 5 人中排第 2 名，得分 90", "「好」名额：0.4 × 5 = 2，向下取整后为 2 名，实际 3 名"]);
    expect(zh).toHaveLength(4);
    expect(zh[3]).toMatch(/^与 c02 在名额边界并列：/);
    expect(explainTier(p, { locale: "en" })).toMatchInlineSnapshot(`
      "c03 is placed in "好"
      rank 2 of 5, score 90
      "好" quota: 0.4 × 5 = 2, rounded down to 2; 3 placed
      tied at a quota boundary with c02: all who tie take the higher tier"
    `);
    // the same tie settled "worse": c03 is in 中
    const worse = find(assignTiers(rank(subjects([95, 90, 90, 80, 70])), GMB({ ties: "worse" })).placements, "c03");
    expect(explainTier(worse, { locale: "en" })).toMatchInlineSnapshot(`
      "c03 is placed in "中"
      rank 2 of 5, score 90
      not in any other tier, so in "中"
      tied at a quota boundary with c02: all who tie take the lower tier"
    `);
  });

  it("in a 好/较好/一般/较差 policy, the tie line does not read as the tier 较好", () => {
    // 0.4 × 5 = 2 好; c02 and c03 tie at 90 and both go to 好 ("better")
    const ps = assignTiers(rank(subjects([95, 90, 90, 80, 70])), {
      tiers: [{ name: "好", share: 0.4 }, { name: "较好", min: 80 }, { name: "一般", min: 60 }, { name: "较差" }],
    }).placements;
    const p = find(ps, "c03");
    expect(p.tier).toBe("好");
    const tieLine = explainTier(p).split("\n").find((l) => l.includes("并列"))!;
    expect(tieLine).toBeDefined();
    // "并列者均归入较好等次" would tell c03 it went to 较好, while it is in 好
    expect(tieLine).not.toContain("较好");
  });

  it("a threshold exclusion", () => {
    expect(explainTier(find(bands, "c03"))).toMatchInlineSnapshot(`
      "c03 评为「较好」
      同组 7 人中排第 3 名，得分 89.99
      未能进入「好」：低于 90 分
      达到「较好」的最低分 80（比较分数 89.99）"
    `);
    expect(explainTier(find(bands, "c03"), { locale: "en" }).split("\n").slice(2)).toEqual(['not in "好": below 90', 'reaches the "较好" minimum 80 (compared: 89.99)']);
    expect(explainTier(find(bands, "c07"), { locale: "en" })).toMatchInlineSnapshot(`
      "c07 is placed in "较差"
      rank 7 of 7, score 59.9
      not in "好": below 90
      not in "较好": below 80
      not in "一般": below 60
      not in any other tier, so in "较差""
    `);
    expect(explainTier(find(bands, "c07"))).toMatchInlineSnapshot(`
      "c07 评为「较差」
      同组 7 人中排第 7 名，得分 59.9
      未能进入「好」：低于 90 分
      未能进入「较好」：低于 80 分
      未能进入「一般」：低于 60 分
      不属于其他等次，归入「较差」"
    `);
  });

  it("a veto", () => {
    const p = find(vetoed, "c01");
    expect(explainTier(p)).toMatchInlineSnapshot(`
      "c01 评为「差」
      「县局」组 10 人中排第 1 名，得分 95
      有否决项（party-building、discipline），直接归入「差」"
    `);
    expect(explainTier(p, { locale: "en" })).toMatchInlineSnapshot(`
      "c01 is placed in "差"
      rank 1 of 10 in 县局, score 95
      has a veto (party-building, discipline), so goes to "差" whatever the rank"
    `);
  });

  it("a flag exclusion", () => {
    const ps = assignTiers(rank(subjects([95, 90, 85], { 1: { flags: [{ id: "one-third-incompetent" }] } })), {
      tiers: [{ name: "好", share: 0.4, excludeFlags: ["one-third-incompetent"] }, { name: "中" }],
    }).placements;
    expect(explainTier(find(ps, "c01")).split("\n")[2]).toBe("未能进入「好」：带有标记「one-third-incompetent」");
    expect(explainTier(find(ps, "c01"), { locale: "en" }).split("\n")[2]).toBe('not in "好": has the flag "one-third-incompetent"');
  });

  it("bad input throws JixiaoError", () => {
    expect(() => explainTier({} as TierPlacement)).toThrow(JixiaoError);
    expect(() => explainTier(null as never)).toThrow(JixiaoError);
    const p = find(quotaTie, "c01");
    expect(() => explainTier({ ...p, reason: { rule: "luck" } } as never)).toThrow(JixiaoError);
    try {
      explainTier(p, { locale: "fr" } as never);
      expect.unreachable();
    } catch (e) {
      expect(isJixiaoError(e) && e.issues.map((i) => [i.code, i.path])).toEqual([["invalid_option", ["options", "locale"]]]);
    }
  });
});

describe("explainTier shows the names of vetoes and flags", () => {
  // A scheme that calls its veto 违纪违法 (id discipline) and its flag veto 党建考评为差 (id partyPoor).
  const scheme = defineScheme({
    id: "unit",
    full: 100,
    groups: [{ id: "work", points: 100, indicators: [{ id: "tasks", points: 100, method: { type: "direct" } }] }],
    vetoes: [
      { id: "discipline", name: "违纪违法", effect: "flag" },
      { id: "partyPoor", name: "党建考评为差", effect: "flag" },
    ],
  });
  const results = scoreAll(scheme, [
    { id: "u1", name: "一分局", values: { tasks: 97 }, vetoes: ["discipline"], attributes: { area: "城区" } },
    { id: "u2", name: "二分局", values: { tasks: 95 }, attributes: { area: "城区" } },
    { id: "u3", name: "三分局", values: { tasks: 91 }, vetoes: ["partyPoor"], attributes: { area: "城区" } },
    { id: "u4", name: "四分局", values: { tasks: 89 }, attributes: { area: "城区" } },
    { id: "u5", name: "五分局", values: { tasks: 80 }, attributes: { area: "城区" } },
  ]);
  const ranking = rank(results);
  const vetoTier = GMB({ vetoTier: "差" });
  const excludeVetoed: TierPolicy = { tiers: [{ name: "好", share: 0.4, excludeVetoed: true }, { name: "中" }] };
  const excludeFlag: TierPolicy = { tiers: [{ name: "好", share: 0.4, excludeFlags: ["partyPoor"] }, { name: "中" }] };

  it("the ranking carries the names with the ids, and the placement's reason gives both", () => {
    expect(ranking.entries[0]).toMatchObject({ subjectId: "u1", vetoes: ["discipline"], vetoNames: { discipline: "违纪违法" }, flags: ["discipline"], flagNames: { discipline: "违纪违法" } });
    expect(ranking.entries[1]).not.toHaveProperty("vetoNames");
    expect(find(assignTiers(ranking, vetoTier).placements, "u1").reason.vetoes).toEqual([{ id: "discipline", name: "违纪违法" }]);
  });

  it("a veto placement shows the veto's name, in Chinese and English", () => {
    const p = find(assignTiers(ranking, vetoTier).placements, "u1");
    expect(explainTier(p)).toBe("一分局（u1） 评为「差」\n同组 5 人中排第 1 名，得分 97\n有否决项（违纪违法），直接归入「差」");
    expect(explainTier(p, { locale: "en" })).toBe(
      '一分局 (u1) is placed in "差"\nrank 1 of 5, score 97\nhas a veto (违纪违法), so goes to "差" whatever the rank',
    );
    expect(explainTier(p)).not.toContain("discipline");
  });

  it("a tier that keeps out the vetoed or a flag names them", () => {
    const out = find(assignTiers(ranking, excludeVetoed).placements, "u1");
    expect(out.reason.excluded).toEqual([{ tier: "好", because: { kind: "vetoed", vetoes: [{ id: "discipline", name: "违纪违法" }] } }]);
    expect(explainTier(out).split("\n")[2]).toBe("未能进入「好」：有否决项（违纪违法）");
    expect(explainTier(out, { locale: "en" }).split("\n")[2]).toBe('not in "好": has a veto (违纪违法)');
    const flagged = find(assignTiers(ranking, excludeFlag).placements, "u3");
    expect(flagged.reason.excluded).toEqual([{ tier: "好", because: { kind: "flag", id: "partyPoor", name: "党建考评为差" } }]);
    expect(explainTier(flagged).split("\n")[2]).toBe("未能进入「好」：带有标记「党建考评为差」");
    expect(explainTier(flagged, { locale: "en" }).split("\n")[2]).toBe('not in "好": has the flag "党建考评为差"');
  });

  it("the names travel through a regrouping and through a ranking given as JSON", () => {
    const regrouped = find(assignTiers(ranking, { ...vetoTier, groupBy: "area" }).placements, "u1");
    expect(explainTier(regrouped).split("\n").slice(1, 3)).toEqual(["「城区」组 5 人中排第 1 名，得分 97", "有否决项（违纪违法），直接归入「差」"]);
    const json = JSON.parse(JSON.stringify(ranking)) as Ranking;
    expect(find(assignTiers(json, excludeFlag).placements, "u3").reason.excluded).toEqual([{ tier: "好", because: { kind: "flag", id: "partyPoor", name: "党建考评为差" } }]);
    // A rankable given by hand may name its vetoes; a name that is not text is left out.
    const byHand = rank([
      { subjectId: "a", total: 90, vetoes: [{ id: "v", name: "违纪违法" }] },
      { subjectId: "b", total: 80, vetoes: [{ id: "w", name: 5 as never }] },
    ]);
    expect(byHand.entries.map((e) => e.vetoNames)).toEqual([{ v: "违纪违法" }, undefined]);
  });

  it("refuses a placement whose reason is text rather than data", () => {
    const p = find(assignTiers(ranking, excludeVetoed).placements, "u1");
    expect(() => explainTier({ ...p, reason: { rule: "rest", excluded: [{ tier: "好", because: "vetoed" }] } } as never)).toThrow(JixiaoError);
  });
});

describe("explainHistoryCheck", () => {
  const quarters = (subjectId: string, tiers: string[]) => tiers.map((tier, q) => ({ subjectId, period: `2024-Q${q + 1}`, tier }));
  const rule = { order: ["好", "中", "差"], periods: ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], all: [{ tiers: ["好"], moreThanShare: 0.5 }, { noneBelow: "中" }] };
  const [p1, p2] = checkHistory([...quarters("p1", ["好", "好", "好", "中"]), ...quarters("p2", ["好", "差", "好"])], rule);

  it("says whether the rule passed, what is missing and how each condition fared, in Chinese and English", () => {
    expect(explainHistoryCheck(p1!)).toBe("p1：符合规则\n4 个期间中有 3 个为「好」，要求超过 0.5：符合\n4 个期间中有 0 个低于「中」，要求没有：符合");
    expect(explainHistoryCheck(p2!)).toBe("p2：不符合规则\n缺少期间：2024-Q4\n4 个期间中有 2 个为「好」，要求超过 0.5：不符合\n4 个期间中有 1 个低于「中」，要求没有：不符合");
    expect(explainHistoryCheck(p2!, { locale: "en" })).toBe(
      "p2 does not pass the rule\nmissing periods: 2024-Q4\n2 of 4 periods in 好, more than 0.5 of them required: not met\n1 of 4 periods below 中, none allowed: not met",
    );
  });

  it("refuses what is not a history check", () => {
    expect(() => explainHistoryCheck({ subjectId: "p", passed: true, missing: [], conditions: [{ passed: true, count: 1, of: 1 }] } as never)).toThrow(JixiaoError);
    expect(() => explainHistoryCheck(p1!, { locale: "de" } as never)).toThrow(JixiaoError);
  });
});
