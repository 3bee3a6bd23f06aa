import { describe, expect, it } from "vitest";
import { assignTiers, explainTier, isJixiaoError, JixiaoError, rank, type Rankable, type TierPlacement, type TierPolicy } from "../../src/index.js";

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
