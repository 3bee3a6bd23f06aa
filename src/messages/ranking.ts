import { message } from "./types.js";

/** What a ranking key names besides the total. */
const KIND = {
  group: { "zh-CN": "指标组", en: "group" },
  indicator: { "zh-CN": "指标", en: "indicator" },
} as const;

/** The issues of ranking/: the values ranked, the peer groups and repeated subjects. */
export const RANKING_MESSAGES = {
  rankTotal: message<{ value: string }>({
    "zh-CN": (p, w) => `应为有限的十进制数，实际是${w.q(p.value)}`,
    en: (p) => `must be a finite decimal, not ${p.value}`,
  }),
  rankNoKey: message<{ kind: keyof typeof KIND; id: string }>({
    "zh-CN": (p, w) => `没有用于排名的${KIND[p.kind]["zh-CN"]}${w.q(p.id)}`,
    en: (p) => `has no ${KIND[p.kind].en} "${p.id}" to rank by`,
  }),
  rankEarned: message<{ value: string }>({
    "zh-CN": (p, w) => `应为 ±10^18 以内的有限十进制数，实际是${w.q(p.value)}`,
    en: (p) => `must be a finite decimal within ±10^18, not ${p.value}`,
  }),
  rankNoPeer: message<{ field: string }>({
    "zh-CN": (p, w) =>
      `没有用于划分比较组的${w.q(p.field)}；每个考评对象都要有（groupBy 为 "group" 时取考评对象的比较组，其他名称取同名属性）`,
    en: (p) =>
      `has no "${p.field}" to group by; every subject needs one (groupBy "group" uses the subject's peer group, any other name an attribute)`,
  }),
  rankRepeated: message<{ id: string; first: number }>({
    "zh-CN": (p, w) => `与第 [${p.first}] 项重复，编号都是${w.q(p.id)}；每个考评对象只排一次名`,
    en: (p) => `repeats "${p.id}" of [${p.first}]; a subject is ranked once`,
  }),
};
