import { describe, expect, it } from "vitest";
import { assignTiers, checkHistory, consecutiveTier, formatIssue, rank, safeDefineTierPolicy, type Issue } from "../../src/index.js";
import { thrown } from "../helpers.js";

/** Each issue in Chinese (the default) and, from the same data, in English. */
const both = (issues: readonly Issue[]) => issues.map((i) => [formatIssue(i), formatIssue(i, { locale: "en" })]);
const policyIssues = (policy: unknown) => {
  const r = safeDefineTierPolicy(policy as never);
  return r.success ? [] : r.issues;
};

describe("the issues of tiers, in Chinese and English", () => {
  it("a tier policy's rules", () => {
    expect(both(policyIssues({ tiers: [{ name: "好", share: 0.6 }, { name: "中" }, { name: "好", share: 0.5 }], vetoTier: "差" }))).toEqual([
      ["tiers[2].name：等次名称「好」与 tiers[0] 重复；每个等次的名称须不同", 'tiers[2].name: repeats the tier name "好" of tiers[0]'],
      ["tiers：各等次的比例合计 1.1，超过 1", "tiers: shares add up to 1.1, more than 1"],
      ["vetoTier：「差」不是办法中的等次（好、中）", 'vetoTier: "差" is not one of the tiers 好, 中'],
    ]);
    expect(both(policyIssues({ tiers: [{ name: "好", share: 0.2 }] }))).toEqual([
      ["tiers：须有一个既无比例（share）也无最低分（min）的等次，用来容纳其余的人", "tiers: needs one tier with neither share nor min, to take the rest"],
    ]);
    expect(both(policyIssues({ tiers: [{ name: "好" }, { name: "中" }, { name: "差", min: 60, minCount: 2 }, { name: "x", share: 0.1, minCount: 3, maxCount: 1 }] }))).toEqual([
      ["tiers[1]：是第二个既无比例（share）也无最低分（min）的等次（tiers[0] 已容纳其余的人）；请给它比例或最低分", "tiers[1]: is a second tier with neither share nor min (tiers[0] already takes the rest); give it a share or a min"],
      ["tiers[2].min：位于容纳其余人的等次之下，从末位往上评定，不能设最低分（min）", "tiers[2].min: is below the tier that takes the rest, so it fills from the bottom and cannot have a min"],
      ["tiers[2].minCount：只适用于设了比例（share）的等次", "tiers[2].minCount: only applies to a tier with a share"],
      ["tiers[3].minCount：为 3，大于 maxCount 1", "tiers[3].minCount: is 3, more than maxCount 1"],
    ]);
  });

  it("a ranking assignTiers cannot use", () => {
    const asc = rank([{ subjectId: "a", total: 1 }], { order: "asc" });
    expect(both(thrown(() => assignTiers(asc, { tiers: [{ name: "好", min: 1 }, { name: "中" }] })).issues)).toEqual([
      [
        "policy.tiers[0].min：是进入该等次的最低分，但排名把低分排在前面（order asc）；请按 order desc 排名，或改用比例（share）",
        "policy.tiers[0].min: is a lowest score to reach, but the ranking puts lower scores first (order asc); rank with order desc or use shares",
      ],
    ]);
    const json = { ...JSON.parse(JSON.stringify(rank([{ subjectId: "a", total: 1 }]))), entries: [{ ...rank([{ subjectId: "a", total: 1 }]).entries[0], score: 1e300 }] };
    expect(both(thrown(() => assignTiers(json, { tiers: [{ name: "中" }] })).issues)).toEqual([
      ["entries[0].score：应为 ±10^18 以内的有限数字，实际是 1e+300", "entries[0].score: must be a finite number within ±10^18, not 1e+300"],
    ]);
  });

  it("tier histories and history rules", () => {
    expect(both(thrown(() => consecutiveTier([{ subjectId: "c1", period: "2024-Q1", tier: "差" }], { tier: "差", years: 1 })).issues)).toEqual([
      ["[0].period：应为四位年份，如 2024，实际是「2024-Q1」", '[0].period: must be a four-digit year, not "2024-Q1"'],
    ]);
    const twice = [{ subjectId: "c1", period: "2024", tier: "差" }, { subjectId: "c1", period: "2024", tier: "中" }];
    expect(both(thrown(() => consecutiveTier(twice, { tier: "差", years: 1 })).issues)).toEqual([
      ["[1].period：c1 的期间 2024 重复；每个对象每个期间只能有一个等次", "[1].period: repeats c1's period 2024; one tier per subject and period"],
    ]);
    const rule = { order: ["好", "中"], all: [{ tiers: ["好"], noneBelow: "中" }, { tiers: ["优"], atLeast: 1 }, { tiers: ["好"], atLeastShare: "3/2" }, { noneBelow: "差" }, { atLeast: 1 }] };
    expect(both(thrown(() => checkHistory([{ subjectId: "p", period: "Q1", tier: "好" }], rule as never)).issues)).toEqual([
      ["rule.all[0]：noneBelow 须单独成一条条件；请把其他条件写成单独的条目", "rule.all[0]: noneBelow stands alone; put other conditions in their own entries"],
      ["rule.all[1].tiers：「优」不在 order 列出的等次中", 'rule.all[1].tiers: "优" is not in order'],
      ['rule.all[2].atLeastShare：应为 0 到 1 之间的比例，如 0.5 或 "1/2"', 'rule.all[2].atLeastShare: must be a share from 0 to 1 such as 0.5 or "1/2"'],
      ["rule.all[3].noneBelow：「差」不在 order 列出的等次中", 'rule.all[3].noneBelow: "差" is not in order'],
      [
        "rule.all[4]：须有 tiers，并在 atLeast、atMost、atLeastShare、moreThanShare 中恰好给出一个（或单独给出 noneBelow）",
        "rule.all[4]: needs tiers and exactly one of atLeast, atMost, atLeastShare, moreThanShare (or noneBelow alone)",
      ],
    ]);
    expect(both(thrown(() => checkHistory([{ subjectId: "p", period: "Q1", tier: "优秀" }], { order: ["好", "中"], all: [{ noneBelow: "中" }] })).issues)).toEqual([
      ["[0].tier：等次「优秀」不在规则的 order（好、中）中", '[0].tier: "优秀" is not in the rule\'s order 好, 中'],
    ]);
  });
});
