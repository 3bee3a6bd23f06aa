import { deepFreeze } from "../core/freeze.js";
import type { PeopleLinkPolicy } from "../personnel/linkage.js";
import type { SchemeConfig } from "../scheme/types.js";
import type { HistoryRule } from "../tiers/history.js";
import type { TierPolicy } from "../tiers/types.js";

// The party-building performance index of the Dazhou article (R25–R26). The article names the aspects,
// categories and parts and counts the standards, items and indicators; every other name, every
// point value, grade value, band and share here is an illustrative choice.

/** The grades of a standard or a behaviour, best first, as fractions of its points (example values). */
const GRADES = { 好: 1, 较好: 0.85, 一般: 0.7, 差: 0.4 } as const;

const ASPECTS: readonly [string, string, readonly string[]][] = [
  ["team", "基本队伍", ["支部班子配备齐全", "支部书记履职尽责", "党员队伍管理", "发展党员工作"]],
  ["activities", "基本活动", ["三会一课", "主题党日", "组织生活会", "民主评议党员"]],
  ["venues", "基本阵地", ["党员活动室", "党建宣传栏", "网络阵地", "党员教育资源"]],
  ["rules", "基本制度", ["组织生活制度", "党费收缴管理", "党务公开", "工作记实台账"]],
  ["support", "基本保障", ["活动经费", "专兼职党务干部", "党务干部培训", "工作条件"]],
];

/**
 * **Example, not official policy.** The branch standard index of R25 (党支部标准工作法: Dazhou's
 * five aspects 基本队伍, 基本活动, 基本阵地, 基本制度, 基本保障 with 20 standards) as an ordinary
 * scheme: five groups of four standards, 5 points each, each graded 好 1, 较好 0.85, 一般 0.7, 差
 * 0.4. The aspects are the article's; the standards' names, the points and the grade values are
 * illustrative. Rate the totals with {@link partyBranchTiersExample}.
 *
 * @example
 * ```ts
 * const values = Object.fromEntries(defineScheme(partyBranchIndexExample).groups
 *   .flatMap((g) => g.indicators.map((i) => [i.id, "好"])));
 * score(defineScheme(partyBranchIndexExample), { id: "支部1", values }).total;
 * //=> 100
 * ```
 */
export const partyBranchIndexExample: SchemeConfig = deepFreeze<SchemeConfig>({
  id: "party-branch-index-example",
  name: "党支部标准工作法指数（示例）",
  description: "Example only: R25's 5 aspects (the article's names) and 20 standards with illustrative names, points and grades.",
  full: 100,
  rounding: { total: { decimals: 2, mode: "half-up" } },
  groups: ASPECTS.map(([id, name, standards]) => ({
    id,
    name,
    points: 20,
    indicators: standards.map((standard, i) => ({
      id: `${id}-${i + 1}`,
      name: standard,
      points: 5,
      kind: "qualitative" as const,
      method: { type: "grade" as const, grades: GRADES },
    })),
  })),
});

/**
 * **Example, not official policy.** The party-building rating (党建考核等次) of a branch or a
 * unit by its index total, by threshold: 好 from 90, 较好 from 80, 一般 from 60, 差 below. The article
 * names only 差 (the rating R26 vetoes); the other names and the bands are illustrative. Pass the
 * ratings to {@link partyBuildingVetoes}.
 *
 * @example
 * ```ts
 * assignTiers(rank([{ subjectId: "支部1", total: 96.25 }, { subjectId: "支部2", total: 58 }]), partyBranchTiersExample)
 *   .placements.map((p) => p.tier);
 * //=> ["好", "差"]
 * ```
 */
export const partyBranchTiersExample: TierPolicy = deepFreeze<TierPolicy>({
  id: "party-branch-tiers-example",
  name: "党建考核等次（示例）",
  description: "Example only: illustrative bands 90/80/60; below 60 is 差, the rating R26 vetoes.",
  tiers: [{ name: "好", min: 90 }, { name: "较好", min: 80 }, { name: "一般", min: 60 }, { name: "差" }],
});

type Period = "quarter" | "half" | "year";

/** Category → items; each item with its indicators and its points in each period's document (absent: not assessed then). */
const DUTY: readonly [string, string, readonly [string, string, readonly string[], Partial<Record<Period, number>>][]][] = [
  [
    "ideology",
    "意识形态",
    [
      ["responsibility", "意识形态工作责任制", ["研究部署意识形态工作", "专题分析研判意识形态形势", "落实意识形态工作报告制度"], { quarter: 10, half: 8, year: 5 }],
      ["study", "理论学习中心组学习", ["制定年度学习计划", "按期开展集中学习", "开展专题研讨", "撰写学习心得"], { quarter: 10, half: 8, year: 5 }],
      ["front", "宣传思想阵地管理", ["网站和新媒体内容审核", "宣传栏管理", "舆情监测处置"], { half: 4, year: 5 }],
    ],
  ],
  [
    "political-life",
    "党内政治生活",
    [
      ["meetings", "三会一课", ["按期召开支部党员大会", "按期召开支委会", "按期召开党小组会", "按期讲党课"], { quarter: 20, half: 10, year: 8 }],
      ["life-meetings", "组织生活会和民主生活会", ["召开民主生活会", "召开组织生活会", "开展批评与自我批评", "整改问题清单"], { half: 10, year: 6 }],
      ["party-day", "主题党日", ["每月开展主题党日", "一把手参加主题党日", "活动记实"], { quarter: 20, half: 10, year: 6 }],
    ],
  ],
  [
    "duty",
    "主体责任落实",
    [
      ["planning", "研究部署党建工作", ["制定年度党建工作要点", "定期专题研究党建工作", "签订党建工作责任书"], { quarter: 10, half: 10, year: 7 }],
      ["secretary", "书记第一责任人职责", ["书记抓党建述职", "领导干部联系基层支部", "书记讲党课", "开展谈心谈话"], { quarter: 10, half: 10, year: 6 }],
      ["integrity", "党风廉政建设", ["落实一岗双责", "开展廉政教育", "开展警示教育", "落实中央八项规定精神"], { half: 5, year: 6 }],
      ["members", "发展党员和党员管理", ["按计划发展党员", "发展党员全程记实", "按时收缴党费", "规范管理组织关系"], { year: 6 }],
    ],
  ],
  [
    "performance",
    "党建绩效管理",
    [
      ["index", "党建绩效指数管理", ["落实月初清单", "按时报送推进情况", "整改点位通报问题"], { quarter: 10, half: 10, year: 8 }],
      ["standard", "党支部标准工作法", ["支部标准化建设达标", "台账资料规范", "创建示范党支部"], { year: 6 }],
      ["supervision", "督查评议整改", ["配合督导组督查评议", "问题整改按期销号", "接受定期回访"], { half: 5, year: 6 }],
    ],
  ],
  [
    "village",
    "干部驻村帮扶",
    [
      ["staffing", "驻村帮扶力量", ["选派驻村干部", "保障驻村工作经费"], { quarter: 5, half: 2, year: 5 }],
      ["results", "帮扶成效", ["落实帮扶项目", "开展结对帮扶", "帮扶工作考核结果"], { half: 3, year: 5 }],
    ],
  ],
  [
    "other",
    "其他工作",
    [
      ["mass", "群团和统战工作", ["指导工会工作", "指导共青团和妇委会工作", "做好统战工作"], { year: 5 }],
      ["volunteer", "志愿服务和精神文明建设", ["党员社区双报到", "开展志愿服务", "参与文明创建"], { quarter: 5, half: 5, year: 5 }],
    ],
  ],
];

const PERIOD_NAMES: Readonly<Record<Period, string>> = { quarter: "季度", half: "半年", year: "年度" };

/** One period's document: the six categories, the items assessed in that period, each scored by how many of its indicators were met. */
function dutyDocument(period: Period): SchemeConfig {
  return {
    id: `party-duty-${period}-example`,
    name: `党建履职指数·${PERIOD_NAMES[period]}（示例）`,
    description: `Example only: R25's 6 categories (the article's names) for the ${period === "half" ? "half-year" : period}; items, indicators and points are illustrative.`,
    full: 100,
    rounding: { indicator: { decimals: 2, mode: "half-up" }, total: { decimals: 2, mode: "half-up" } },
    groups: DUTY.map(([id, name, items]) => {
      const assessed = items.filter(([, , , points]) => points[period] !== undefined);
      return {
        id,
        name,
        points: assessed.reduce((s, [, , , points]) => s + points[period]!, 0),
        indicators: assessed.map(([item, itemName, indicators, points]) => ({
          id: `${id}-${item}`,
          name: itemName,
          description: `${indicators.length} 项指标：${indicators.join("；")}`,
          points: points[period]!,
          method: { type: "completion" as const, target: indicators.length },
        })),
      };
    }),
  };
}

/**
 * **Example, not official policy.** The leadership duty index of R25 (党建履职指数) for a unit's
 * party committee, general branch or branch secretary: the article's six categories 意识形态,
 * 党内政治生活, 主体责任落实, 党建绩效管理, 干部驻村帮扶, 其他工作, with 17 items and 56 indicators,
 * set separately for the quarter, the half-year and the year — one scheme per period length (9,
 * 14 and all 17 items). An item's value is how many of its indicators were met (listed in its
 * description): points × met ÷ indicators, rounded to 2 decimals. Put each in
 * {@link defineVersions} and pick with {@link versionForKind}. Items, indicators and points are illustrative.
 *
 * @example
 * ```ts
 * partyDutyIndexExample.year.groups.map((g) => g.name);
 * //=> ["意识形态", "党内政治生活", "主体责任落实", "党建绩效管理", "干部驻村帮扶", "其他工作"]
 * (["quarter", "half", "year"] as const).map((k) => partyDutyIndexExample[k].groups.flatMap((g) => g.indicators).length);
 * //=> [9, 14, 17]
 * ```
 */
export const partyDutyIndexExample: {
  /** The quarter's document: 9 items. */
  readonly quarter: SchemeConfig;
  /** The half-year's document: 14 items. */
  readonly half: SchemeConfig;
  /** The year's document: all 17 items, 56 indicators. */
  readonly year: SchemeConfig;
} = deepFreeze({
  quarter: dutyDocument("quarter"),
  half: dutyDocument("half"),
  year: dutyDocument("year"),
});

const MEMBER_GRADES = { 好: 1, 较好: 0.8, 一般: 0.6, 差: 0 } as const;

/**
 * **Example, not official policy.** The member responsibility index of R25 (党员尽责指数): a
 * member's points for the year in the article's five parts 共性指标, 个性指标, 年度评议, 贡献行为加分,
 * 禁止反对行为扣分, over 12 items (理论学习, 参加活动, 遵纪守法, 发挥作用 and eight more). The
 * contribution part adds points per act up to its 10; the prohibited-behaviour part starts at its
 * 10 and loses points per act; a party disciplinary sanction is a veto that keeps the member out of
 * 党员示范岗 ({@link partyModelPostExample}). Items other than the four the article names, and every number, are illustrative.
 *
 * @example
 * ```ts
 * score(defineScheme(partyMemberIndexExample), { id: "党员1", values: {
 *   study: 12, activities: 12, law: "好", dues: 12, role: "好", pledge: "好", review: "优秀",
 *   volunteer: 8, honour: 2, advice: 2, discipline: 0, conduct: 0 } }).total;
 * //=> 100
 * ```
 */
export const partyMemberIndexExample: SchemeConfig = deepFreeze<SchemeConfig>({
  id: "party-member-index-example",
  name: "党员尽责指数（示例）",
  description: "Example only: R25's five parts (the article's names) over 12 items with illustrative points.",
  full: 100,
  rounding: { indicator: { decimals: 2, mode: "half-up" }, total: { decimals: 2, mode: "half-up" } },
  groups: [
    {
      id: "common",
      name: "共性指标",
      points: 45,
      indicators: [
        { id: "study", name: "理论学习", description: "参加集中学习的次数，全年 12 次为满分", points: 15, method: { type: "completion", target: 12 } },
        { id: "activities", name: "参加活动", description: "参加主题党日等组织活动的次数，全年 12 次为满分", points: 15, method: { type: "completion", target: 12 } },
        { id: "law", name: "遵纪守法", points: 5, kind: "qualitative", method: { type: "grade", grades: MEMBER_GRADES } },
        { id: "dues", name: "按时缴纳党费", description: "按时足额缴纳党费的月数", points: 10, method: { type: "completion", target: 12 } },
      ],
    },
    {
      id: "individual",
      name: "个性指标",
      points: 15,
      indicators: [
        { id: "role", name: "发挥作用", points: 10, kind: "qualitative", method: { type: "grade", grades: MEMBER_GRADES } },
        { id: "pledge", name: "岗位承诺践诺", points: 5, kind: "qualitative", method: { type: "grade", grades: MEMBER_GRADES } },
      ],
    },
    {
      id: "review",
      name: "年度评议",
      points: 20,
      indicators: [{ id: "review", name: "民主评议党员", points: 20, kind: "qualitative", method: { type: "grade", grades: { 优秀: 1, 合格: 0.8, 基本合格: 0.5, 不合格: 0 } } }],
    },
    {
      id: "contribution",
      name: "贡献行为加分",
      points: 10,
      indicators: [
        { id: "volunteer", name: "志愿服务", description: "每次 0.5 分，最多 4 分", points: 4, method: { type: "bonus", per: 0.5 } },
        { id: "honour", name: "表彰奖励", description: "每项 2 分，最多 4 分", points: 4, method: { type: "bonus", per: 2 } },
        { id: "advice", name: "建言献策", description: "被采纳的每条 1 分，最多 2 分", points: 2, method: { type: "bonus", per: 1 } },
      ],
    },
    {
      id: "prohibited",
      name: "禁止反对行为扣分",
      points: 10,
      indicators: [
        { id: "discipline", name: "违反组织纪律", description: "如无故不参加组织生活，每次扣 1 分", points: 5, method: { type: "deduction", per: 1, floor: 0 } },
        { id: "conduct", name: "不当言行", description: "每次扣 5 分", points: 5, method: { type: "deduction", per: 5, floor: 0 } },
      ],
    },
  ],
  vetoes: [{ id: "sanction", name: "受到党纪处分", effect: "flag" }],
});

/**
 * **Example, not official policy.** The rating of 党员示范岗 from the member responsibility index
 * ({@link partyMemberIndexExample}): a member enters with at least 90 points and a place in the best
 * 20% of the branch (count rounded down), never with a veto (a party disciplinary sanction); the
 * others are 未入选. The threshold and the share are illustrative: drop either for a pure quota or a
 * pure threshold.
 *
 * @example
 * ```ts
 * const members = [96, 94, 91, 88, 85, 80, 78, 75, 70, 65].map((total, i) => ({ subjectId: `m${i + 1}`, total }));
 * assignTiers(rank(members), partyModelPostExample).placements.filter((p) => p.tier === "党员示范岗").map((p) => p.subjectId);
 * //=> ["m1", "m2"]
 * ```
 */
export const partyModelPostExample: TierPolicy = deepFreeze<TierPolicy>({
  id: "party-model-post-example",
  name: "党员示范岗评定（示例）",
  description: "Example only: illustrative threshold 90 and quota 20%; a sanctioned member cannot enter.",
  tiers: [{ name: "党员示范岗", min: 90, share: 0.2, excludeVetoed: true }, { name: "未入选" }],
  count: "floor",
  ties: "better",
});

/**
 * **Example, not official policy.** How a leader's party-building score is linked to the branches
 * they contact (领导干部联系基层支部, R25): 70% their own organization's leadership duty index, 30%
 * the mean of their contact branches' standard index; staff take their organization's alone. Use
 * with {@link linkPeople}, the leader's organization as `unit` and the branches as `contacts`. The
 * weights are illustrative.
 *
 * @example
 * ```ts
 * linkPeople([{ id: "L01", unit: "机关党委", leader: { contacts: ["支部1", "支部2"] } }],
 *   { 机关党委: 92, 支部1: 96.25, 支部2: 58 }, partyContactLinkExample)[0].linked;
 * //=> 87.54
 * ```
 */
export const partyContactLinkExample: PeopleLinkPolicy = deepFreeze<PeopleLinkPolicy>({
  staff: { unit: 1 },
  leader: { unit: 0.7, contacts: 0.3 },
  rounding: { decimals: 2, mode: "half-up" },
});

const RATINGS = ["好", "较好", "一般", "差"] as const;

/**
 * **Example, not official policy.** The "first check party-building" rules of R26 (两个优先、两个不用:
 * 职务晋升首先查核党建责任, 推荐评选首先征求党建意见, 津贴兑现首先考核党建工作) as
 * {@link checkHistory} rules over a person's party-building ratings (their leadership duty index
 * rating, or their unit's rating), 好/较好/一般/差. `promotion`: no 差 in the periods checked;
 * `recommendation`: none below 较好; `allowance`: no 差 and at most one 一般. Which periods count
 * (the last three years, the year's quarters) is the caller's: pass those records, or set `periods`.
 * The conditions are illustrative.
 *
 * @example
 * ```ts
 * const history = [{ subjectId: "L01", period: "2023", tier: "好" }, { subjectId: "L01", period: "2024", tier: "差" }];
 * checkHistory(history, partyBuildingChecksExample.promotion)[0].passed;
 * //=> false
 * ```
 */
export const partyBuildingChecksExample: {
  /** 职务晋升首先查核党建责任: no 差. */
  readonly promotion: HistoryRule;
  /** 推荐评选首先征求党建意见: none below 较好. */
  readonly recommendation: HistoryRule;
  /** 津贴兑现首先考核党建工作: no 差, at most one 一般. */
  readonly allowance: HistoryRule;
} = deepFreeze({
  promotion: { order: RATINGS, all: [{ noneBelow: "一般" }] },
  recommendation: { order: RATINGS, all: [{ noneBelow: "较好" }] },
  allowance: { order: RATINGS, all: [{ noneBelow: "一般" }, { tiers: ["一般"], atMost: 1 }] },
});
