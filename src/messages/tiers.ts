import type { HistoryConditionResult } from "../tiers/history.js";
import type { NamedId, TierBarrier } from "../tiers/types.js";
import { message, type Locale, type Message, type Shown } from "./types.js";

/** The issues of tiers/: tier policies, rankings given to `assignTiers`, tier histories and history rules. */
export const TIERS_MESSAGES = {
  tierScoreRange: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为 ±10^18 以内的有限数字，实际是 ${w.shown(p.received)}`,
    en: (p, w) => `must be a finite number within ±10^18, not ${w.shown(p.received)}`,
  }),
  tierMinNeedsDesc: message({
    "zh-CN": () => "是进入该等次的最低分，但排名把低分排在前面（order asc）；请按 order desc 排名，或改用比例（share）",
    en: () => "is a lowest score to reach, but the ranking puts lower scores first (order asc); rank with order desc or use shares",
  }),
  tierNameRepeated: message<{ name: string; first: number }>({
    "zh-CN": (p, w) => `等次名称${w.q(p.name)}与 tiers[${p.first}] 重复；每个等次的名称须不同`,
    en: (p) => `repeats the tier name "${p.name}" of tiers[${p.first}]`,
  }),
  tierNoOpen: message({
    "zh-CN": () => "须有一个既无比例（share）也无最低分（min）的等次，用来容纳其余的人",
    en: () => "needs one tier with neither share nor min, to take the rest",
  }),
  tierSecondOpen: message<{ first: number }>({
    "zh-CN": (p) => `是第二个既无比例（share）也无最低分（min）的等次（tiers[${p.first}] 已容纳其余的人）；请给它比例或最低分`,
    en: (p) => `is a second tier with neither share nor min (tiers[${p.first}] already takes the rest); give it a share or a min`,
  }),
  tierSharesOver: message<{ total: string }>({
    "zh-CN": (p) => `各等次的比例合计 ${p.total}，超过 1`,
    en: (p) => `shares add up to ${p.total}, more than 1`,
  }),
  tierMinBelowOpen: message({
    "zh-CN": () => "位于容纳其余人的等次之下，从末位往上评定，不能设最低分（min）",
    en: () => "is below the tier that takes the rest, so it fills from the bottom and cannot have a min",
  }),
  tierCountNeedsShare: message({
    "zh-CN": () => "只适用于设了比例（share）的等次",
    en: () => "only applies to a tier with a share",
  }),
  tierMinCountOverMax: message<{ minCount: number; maxCount: number }>({
    "zh-CN": (p) => `为 ${p.minCount}，大于 maxCount ${p.maxCount}`,
    en: (p) => `is ${p.minCount}, more than maxCount ${p.maxCount}`,
  }),
  tierVetoTierUnknown: message<{ tier: string; tiers: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.tier)}不是办法中的等次（${w.list(p.tiers)}）`,
    en: (p, w) => `"${p.tier}" is not one of the tiers ${w.list(p.tiers)}`,
  }),
  historyPeriodRepeated: message<{ subjectId: string; period: string }>({
    "zh-CN": (p) => `${p.subjectId} 的期间 ${p.period} 重复；每个对象每个期间只能有一个等次`,
    en: (p) => `repeats ${p.subjectId}'s period ${p.period}; one tier per subject and period`,
  }),
  historyPeriodNotYear: message<{ period: string }>({
    "zh-CN": (p, w) => `应为四位年份，如 2024，实际是${w.q(p.period)}`,
    en: (p) => `must be a four-digit year, not "${p.period}"`,
  }),
  historyNoneBelowAlone: message({
    "zh-CN": () => "noneBelow 须单独成一条条件；请把其他条件写成单独的条目",
    en: () => "noneBelow stands alone; put other conditions in their own entries",
  }),
  historyTierNotInOrder: message<{ tier: string }>({
    "zh-CN": (p, w) => `${w.q(p.tier)}不在 order 列出的等次中`,
    en: (p) => `"${p.tier}" is not in order`,
  }),
  historyConditionShape: message({
    "zh-CN": () => "须有 tiers，并在 atLeast、atMost、atLeastShare、moreThanShare 中恰好给出一个（或单独给出 noneBelow）",
    en: () => "needs tiers and exactly one of atLeast, atMost, atLeastShare, moreThanShare (or noneBelow alone)",
  }),
  historyShare: message({
    "zh-CN": () => '应为 0 到 1 之间的比例，如 0.5 或 "1/2"',
    en: () => `must be a share from 0 to 1 such as 0.5 or "1/2"`,
  }),
  historyUnknownTier: message<{ tier: string; order: readonly string[] }>({
    "zh-CN": (p, w) => `等次${w.q(p.tier)}不在规则的 order（${w.list(p.order)}）中`,
    en: (p, w) => `"${p.tier}" is not in the rule's order ${w.list(p.order)}`,
  }),
};

/**
 * Words for each kind of a reason union `U`, in each language: a missing kind or language is a
 * compile error. @internal
 */
export type ReasonWords<U extends { readonly kind: string }> = { readonly [K in U["kind"]]: Message<Extract<U, { readonly kind: K }>> };

/** A veto's or flag's name, or its id where it has none. @internal */
export const nameOf = (x: NamedId): string => x.name ?? x.id;

/** Why a subject could not enter a better tier, in each language. @internal */
export const TIER_BARRIER_WORDS: ReasonWords<TierBarrier> = {
  vetoed: {
    "zh-CN": (r, w) => `有否决项${r.vetoes.length > 0 ? `（${w.list(r.vetoes.map(nameOf))}）` : ""}`,
    en: (r, w) => `has a veto${r.vetoes.length > 0 ? ` (${w.list(r.vetoes.map(nameOf))})` : ""}`,
  },
  flag: {
    "zh-CN": (r, w) => `带有标记${w.q(nameOf(r))}`,
    en: (r, w) => `has the flag ${w.q(nameOf(r))}`,
  },
  quotaFull: {
    "zh-CN": () => "名额已满",
    en: () => "the quota was full",
  },
  below: {
    "zh-CN": (r) => `低于 ${r.min} 分${r.compared !== undefined ? `（按整数部分 ${r.compared} 比较）` : ""}`,
    en: (r) => `below ${r.min}${r.compared !== undefined ? ` (compared: ${r.compared})` : ""}`,
  },
};

/** The lines of a tier explanation, in one language. @internal */
export interface TierLines {
  /** A person: the name and the id, or the id alone. */
  readonly who: (id: string, name: string | undefined) => string;
  readonly placed: (who: string, tier: string) => string;
  readonly rank: (peerGroup: string | null, size: number, rank: number, score: string) => string;
  readonly excluded: (tier: string, because: string) => string;
  readonly veto: (vetoes: readonly string[], tier: string) => string;
  readonly rest: (tier: string) => string;
  readonly quota: (q: { tier: string; share: string | null; size: number; exact: string; count: "floor" | "round" | "ceil"; quota: number | null; placed: number }) => string;
  readonly threshold: (tier: string, min: string, compared: string) => string;
  readonly tie: (others: readonly string[], rule: "better" | "worse" | "break") => string;
}

const COUNT = {
  "zh-CN": { floor: "向下取整", round: "四舍五入", ceil: "向上取整" },
  en: { floor: "rounded down", round: "rounded half up", ceil: "rounded up" },
} as const;
const TIE = {
  "zh-CN": { better: "边界并列者一律就高", worse: "边界并列者一律就低", break: "按排名的决胜顺序（最后按编号）确定" },
  en: { better: "all who tie take the higher tier", worse: "all who tie take the lower tier", break: "the ranking's tie-break (then the id) decides" },
} as const;

/** The lines of a tier explanation, in each language. @internal */
export const TIER_LINES: Readonly<Record<Locale, TierLines>> = {
  "zh-CN": {
    who: (id, name) => (name ? `${name}（${id}）` : id),
    placed: (who, tier) => `${who} 评为「${tier}」`,
    rank: (peer, size, rank, score) => `${peer === null ? "同组" : `「${peer}」组`} ${size} 人中排第 ${rank} 名，得分 ${score}`,
    excluded: (tier, because) => `未能进入「${tier}」：${because}`,
    veto: (vetoes, tier) => `有否决项（${vetoes.join("、")}），直接归入「${tier}」`,
    rest: (tier) => `不属于其他等次，归入「${tier}」`,
    quota: (q) => `「${q.tier}」名额：${q.share} × ${q.size} = ${q.exact}，${COUNT["zh-CN"][q.count]}后为 ${q.quota} 名，实际 ${q.placed} 名`,
    threshold: (tier, min, compared) => `达到「${tier}」的最低分 ${min}（比较分数 ${compared}）`,
    tie: (others, rule) => `与 ${others.join("、")} 在名额边界并列：${TIE["zh-CN"][rule]}`,
  },
  en: {
    who: (id, name) => (name ? `${name} (${id})` : id),
    placed: (who, tier) => `${who} is placed in "${tier}"`,
    rank: (peer, size, rank, score) => `rank ${rank} of ${size}${peer === null ? "" : ` in ${peer}`}, score ${score}`,
    excluded: (tier, because) => `not in "${tier}": ${because}`,
    veto: (vetoes, tier) => `has a veto (${vetoes.join(", ")}), so goes to "${tier}" whatever the rank`,
    rest: (tier) => `not in any other tier, so in "${tier}"`,
    quota: (q) => `"${q.tier}" quota: ${q.share} × ${q.size} = ${q.exact}, ${COUNT.en[q.count]} to ${q.quota}; ${q.placed} placed`,
    threshold: (tier, min, compared) => `reaches the "${tier}" minimum ${min} (compared: ${compared})`,
    tie: (others, rule) => `tied at a quota boundary with ${others.join(", ")}: ${TIE.en[rule]}`,
  },
};

const MET = { "zh-CN": ["不符合", "符合"], en: ["not met", "met"] } as const;

/** How one condition of a history rule fared, in each language. @internal */
export const HISTORY_CONDITION_WORDS: ReasonWords<HistoryConditionResult> = {
  atLeast: {
    "zh-CN": (r, w) => `${r.of} 个期间中有 ${r.count} 个为${w.list(r.tiers.map(w.q))}，要求至少 ${r.atLeast} 个：${MET["zh-CN"][+r.passed]}`,
    en: (r, w) => `${r.count} of ${r.of} periods in ${w.list(r.tiers)}, at least ${r.atLeast} required: ${MET.en[+r.passed]}`,
  },
  atMost: {
    "zh-CN": (r, w) => `${r.of} 个期间中有 ${r.count} 个为${w.list(r.tiers.map(w.q))}，要求至多 ${r.atMost} 个：${MET["zh-CN"][+r.passed]}`,
    en: (r, w) => `${r.count} of ${r.of} periods in ${w.list(r.tiers)}, at most ${r.atMost} allowed: ${MET.en[+r.passed]}`,
  },
  atLeastShare: {
    "zh-CN": (r, w) => `${r.of} 个期间中有 ${r.count} 个为${w.list(r.tiers.map(w.q))}，要求至少占 ${r.share}：${MET["zh-CN"][+r.passed]}`,
    en: (r, w) => `${r.count} of ${r.of} periods in ${w.list(r.tiers)}, at least ${r.share} of them required: ${MET.en[+r.passed]}`,
  },
  moreThanShare: {
    "zh-CN": (r, w) => `${r.of} 个期间中有 ${r.count} 个为${w.list(r.tiers.map(w.q))}，要求超过 ${r.share}：${MET["zh-CN"][+r.passed]}`,
    en: (r, w) => `${r.count} of ${r.of} periods in ${w.list(r.tiers)}, more than ${r.share} of them required: ${MET.en[+r.passed]}`,
  },
  noneBelow: {
    "zh-CN": (r, w) => `${r.of} 个期间中有 ${r.count} 个低于${w.q(r.tier)}，要求没有：${MET["zh-CN"][+r.passed]}`,
    en: (r) => `${r.count} of ${r.of} periods below ${r.tier}, none allowed: ${MET.en[+r.passed]}`,
  },
};

/** The lines of a history check's explanation, in each language. @internal */
export const HISTORY_LINES: Readonly<Record<Locale, { readonly result: (subjectId: string, passed: boolean) => string; readonly missing: (periods: readonly string[]) => string }>> = {
  "zh-CN": {
    result: (id, passed) => `${id}：${passed ? "符合规则" : "不符合规则"}`,
    missing: (periods) => `缺少期间：${periods.join("、")}`,
  },
  en: {
    result: (id, passed) => `${id} ${passed ? "passes the rule" : "does not pass the rule"}`,
    missing: (periods) => `missing periods: ${periods.join(", ")}`,
  },
};
