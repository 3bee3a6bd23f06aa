import { deepFreeze } from "../core/freeze.js";
import type { CapabilityFramework } from "../personnel/capability.js";
import type { EverydayPerformanceConfig } from "../personnel/everyday.js";
import type { SchemeConfig } from "../scheme/types.js";
import type { TierPolicy } from "../tiers/types.js";

/**
 * **Example, not official policy.** Everyday performance (R10) out of 100: the four scored
 * components R10 names, each given as a score out of 100, with illustrative points (30 linked to
 * the organization, 40 personal, 15 leader evaluation, 15 actual performance) and illustrative caps
 * on the bonus (5) and deduction (10) lists. No source gives their weights: put your bureau's in.
 *
 * @example
 * ```ts
 * score(defineEverydayPerformance(everydayExample), { id: "c001",
 *   values: { org: 92, personal: 88, leader: 90, actual: 95 } }).total;
 * //=> 90.55
 * ```
 */
export const everydayExample: EverydayPerformanceConfig = deepFreeze<EverydayPerformanceConfig>({
  id: "everyday-example",
  name: "日常绩效（示例）",
  description: "Example only: the components of R10 with illustrative points and caps.",
  components: [
    { id: "org", name: "组织绩效挂钩得分", points: 30, scale: 100 },
    { id: "personal", name: "个人绩效得分", points: 40, scale: 100 },
    { id: "leader", name: "领导评鉴得分", points: 15, scale: 100 },
    { id: "actual", name: "现实表现测评得分", points: 15, scale: 100 },
  ],
  adjustments: { bonus: { cap: 5 }, deduction: { cap: 10 } },
  rounding: { total: { decimals: 2, mode: "half-up" } },
});

/**
 * **Example, not official policy.** An annual tier policy (R13, R26): 好 for the best 20% of each
 * peer group, never a vetoed person (a unit rated 差 in party building, or its main leader); 差 for
 * the last 5%; 中 for the rest. Shares and rounding are illustrative.
 *
 * @example
 * ```ts
 * defineTierPolicy(annualTiersExample).tiers.map((t) => t.name);
 * //=> ["好", "中", "差"]
 * ```
 */
export const annualTiersExample: TierPolicy = deepFreeze<TierPolicy>({
  id: "annual-tiers-example",
  name: "年度等次（示例）",
  description: "Example only: illustrative shares; the vetoed cannot be 好 (R26).",
  tiers: [{ name: "好", share: 0.2, excludeVetoed: true }, { name: "中" }, { name: "差", share: 0.05 }],
  count: "floor",
  ties: "better",
});

/**
 * **Example, not official policy.** Political quality (R18) as an ordinary scheme: the positive list
 * (35 behaviours) as bonus items, the negative list (36 behaviours) as deductions, and the
 * party-building responsibility list as a grade. Counts are entered as values; every point value
 * is illustrative.
 *
 * @example
 * ```ts
 * score(defineScheme(politicalQualityExample), { id: "c001",
 *   values: { positive: 3, negative: 1, responsibility: "好" } }).total;
 * //=> 76
 * ```
 */
export const politicalQualityExample: SchemeConfig = deepFreeze<SchemeConfig>({
  id: "political-quality-example",
  name: "政治素质考评（示例）",
  description: "Example only: R18's positive, negative and responsibility lists with illustrative points.",
  full: 100,
  groups: [
    {
      id: "lists",
      name: "正负面清单",
      points: 60,
      indicators: [
        { id: "positive", name: "正面清单（35项）", points: 20, method: { type: "bonus", per: 2 } },
        { id: "negative", name: "负面清单（36项）", points: 40, method: { type: "deduction", per: 10, floor: 0 } },
      ],
    },
    {
      id: "responsibility",
      name: "党建责任清单",
      points: 40,
      indicators: [{ id: "responsibility", name: "党建责任落实", points: 40, kind: "qualitative", method: { type: "grade", grades: { 好: 1, 较好: 0.85, 一般: 0.7, 差: 0.4 } } }],
    },
  ],
});

const CATEGORIES: readonly [string, string][] = [
  ["general", "综合管理"],
  ["service", "纳税服务"],
  ["collection", "征管评估"],
  ["inspection", "税务稽查"],
  ["it", "信息技术"],
];

/**
 * **Example, not official policy.** The five professional-ability categories of R11, each with three
 * levels (初级, 中级, 高级) and illustrative upgrade criteria: an exam score, years at the level below
 * and the last annual tier.
 *
 * @example
 * ```ts
 * assessCapability(capabilityExample, { category: "service", level: 1,
 *   facts: { examScore: 80, yearsAtLevel: 2, lastTier: "好" } }).to;
 * //=> 2
 * ```
 */
export const capabilityExample: CapabilityFramework = deepFreeze<CapabilityFramework>({
  id: "capability-example",
  name: "专业能力等级（示例）",
  categories: CATEGORIES.map(([id, name]) => ({
    id,
    name,
    levels: [
      { level: 1, name: "初级", criteria: [{ fact: "examScore", name: "专业能力考试成绩", atLeast: 60 }] },
      {
        level: 2,
        name: "中级",
        criteria: [
          { fact: "examScore", name: "专业能力考试成绩", atLeast: 75 },
          { fact: "yearsAtLevel", name: "任初级年限", atLeast: 2 },
          { fact: "lastTier", name: "上年度等次", oneOf: ["好", "中"] },
        ],
      },
      {
        level: 3,
        name: "高级",
        criteria: [
          { fact: "examScore", name: "专业能力考试成绩", atLeast: 85 },
          { fact: "yearsAtLevel", name: "任中级年限", atLeast: 3 },
          { fact: "lastTier", name: "上年度等次", oneOf: ["好"] },
        ],
      },
    ],
  })),
});
