import { message } from "./types.js";

/** The things of a scheme whose ids must be unique. */
const PART = {
  group: { "zh-CN": "指标组", en: "group" },
  veto: { "zh-CN": "否决项", en: "veto" },
} as const;

/** Where a scheme rounds: an indicator's, a group's or the total score. */
const ROUNDED = {
  indicator: { "zh-CN": "指标得分", en: "indicator" },
  group: { "zh-CN": "指标组得分", en: "group" },
  total: { "zh-CN": "总分", en: "total" },
} as const;

/** The issues of scheme/: ids, points that must add up, rounding and vetoes. */
export const SCHEME_MESSAGES = {
  schemeTooManyIndicators: message<{ count: number; limit: number }>({
    "zh-CN": (p) => `共有 ${p.count} 个指标，一个方案至多 ${p.limit} 个`,
    en: (p) => `hold ${p.count} indicators in all; a scheme has at most ${p.limit}`,
  }),
  schemeRepeatedId: message<{ part: keyof typeof PART; id: string }>({
    "zh-CN": (p, w) => `${PART[p.part]["zh-CN"]}编号${w.q(p.id)}与前面的重复；编号不能重复`,
    en: (p) => `repeats the ${PART[p.part].en} id "${p.id}"; ids must be unique`,
  }),
  schemeRepeatedIndicator: message<{ id: string; at: string }>({
    "zh-CN": (p, w) => `指标编号${w.q(p.id)}已在 ${p.at} 用过；全方案的指标编号不能重复`,
    en: (p) => `repeats the indicator id "${p.id}" already used at ${p.at}; ids must be unique across the scheme`,
  }),
  schemeGroupPoints: message<{ points: string; total: string }>({
    "zh-CN": (p) => `为 ${p.points}，但本组各指标的分值合计 ${p.total}；两者应相等（确需如此时请设 "pointsAddUp": false）`,
    en: (p) => `is ${p.points}, but the indicators' points add up to ${p.total} (set "pointsAddUp": false if that is intended)`,
  }),
  schemeFullPoints: message<{ full: string; total: string }>({
    "zh-CN": (p) => `为 ${p.full}，但各指标组的分值合计 ${p.total}；两者应相等（确需如此时请设 "pointsAddUp": false）`,
    en: (p) => `is ${p.full}, but the groups' points add up to ${p.total} (set "pointsAddUp": false if that is intended)`,
  }),
  schemeRoundingCoarse: message<{ points: string; rounded: keyof typeof ROUNDED; decimals: number; needed: number }>({
    "zh-CN": (p) =>
      `为 ${p.points}，小数位数多于${ROUNDED[p.rounded]["zh-CN"]}舍入保留的 ${p.decimals} 位，舍入后的得分可能超过它；请至少保留 ${p.needed} 位小数`,
    en: (p) =>
      `is ${p.points}, with more decimals than the ${ROUNDED[p.rounded].en} rounding keeps (${p.decimals}): a rounded score could exceed it; keep at least ${p.needed} decimals`,
  }),
  vetoCapRequired: message({
    "zh-CN": () => `否决项的 effect 为 "cap"（总分封顶）时必填`,
    en: () => `is required for a veto whose effect is "cap"`,
  }),
  vetoCapOnlyForCap: message<{ effect: string }>({
    "zh-CN": (p) => `只用于 effect 为 "cap"（总分封顶）的否决项，此处 effect 为 "${p.effect}"；请删去`,
    en: (p) => `is only for a veto whose effect is "cap", not "${p.effect}"`,
  }),
  explainOtherScheme: message<{ scheme: string; result: string }>({
    "zh-CN": (p, w) => `是方案${w.q(p.scheme)}，但这个结果是按方案${w.q(p.result)}计分的；请给出计分时用的方案`,
    en: (p) => `is the scheme "${p.scheme}", but the result was scored with the scheme "${p.result}"`,
  }),
};
