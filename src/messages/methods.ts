import { message, type Shown, type Wording } from "./types.js";

/** A received value after Chinese words: a number with a space before it (实际是 -1), anything else as words (实际是文本「x」). */
const got = (w: Wording, v: Shown): string => (v.type === "number" || v.type === "null" ? ` ${w.shown(v)}` : w.shown(v));

/** The issues of methods/: each scoring method's parameters, and the values it cannot score. */
export const METHODS_MESSAGES = {
  // Parameters, found when a scheme is defined.
  methodMoreThanPoints: message<{ value: string; points: string }>({
    "zh-CN": (p) => `为 ${p.value}，超过了指标的分值 ${p.points}；应在 0～${p.points} 之间`,
    en: (p) => `is ${p.value}, more than the indicator's ${p.points} points`,
  }),
  stepsOneThreshold: message({
    "zh-CN": () => "每一档须且只能给出一个门槛：atLeast（不低于）或 atMost（不高于）",
    en: () => "must give exactly one threshold: atLeast or atMost",
  }),
  stepsOneEarning: message({
    "zh-CN": () => "每一档须且只能给出 fraction（得分比例）或 points（得分）之一",
    en: () => "must give exactly one of fraction or points",
  }),
  stepsMixedThresholds: message({
    "zh-CN": () => "atLeast 与 atMost 混用了；同一列表的各档请只用一种门槛",
    en: () => "mixes atLeast with atMost; use one kind of threshold in a list",
  }),
  stepsRepeatedThreshold: message<{ threshold: string; first: number }>({
    "zh-CN": (p) => `门槛 ${p.threshold} 与 steps[${p.first}] 重复；各档门槛不能相同`,
    en: (p) => `repeats the threshold ${p.threshold} of steps[${p.first}]`,
  }),
  bandSameEnds: message<{ value: string }>({
    "zh-CN": (p) => `best（最好值）与 worst（最差值）都是 ${p.value}；两者必须不同`,
    en: (p) => `best and worst are both ${p.value}; they must differ`,
  }),
  bandWorstFractionOne: message({
    "zh-CN": () => "应小于 1（为 1 时任何数值都得满分）",
    en: () => "must be less than 1 (at 1 every value would earn full points)",
  }),
  rankStepOrProportional: message({
    "zh-CN": () => `须且只能给出 "step"（每名次递减分值）或 "proportional": true（按比例）之一`,
    en: () => 'must give exactly one of "step" or "proportional": true',
  }),
  votesShare: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为 0.25 或 "1/3" 这样的比例，实际是${got(w, p.received)}`,
    en: (p, w) => `must be a share such as 0.25 or "1/3", not ${w.shown(p.received)}`,
  }),
  votesShareRange: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为 0 到 1 之间的比例，实际是${got(w, p.received)}`,
    en: (p, w) => `must be a share from 0 to 1, not ${w.shown(p.received)}`,
  }),
  votesFlagGrade: message<{ grade: string; grades: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.grade)}不是本指标的等级；等级有：${w.list(p.grades)}`,
    en: (p, w) => `"${p.grade}" is not one of the grades ${w.list(p.grades)}`,
  }),

  // Values, found when a subject is scored.
  valueDecimalRange: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为 ±10^18 以内的有限十进制数，实际是${got(w, p.received)}`,
    en: (p, w) => `must be a finite decimal number within ±10^18, not ${w.shown(p.received)}`,
  }),
  valueNegativeCount: message<{ received: Shown }>({
    "zh-CN": (p, w) => `是次数，不能为负数，实际是${got(w, p.received)}`,
    en: (p, w) => `is a count and cannot be negative, not ${w.shown(p.received)}`,
  }),
  gradeName: message<{ grades: readonly string[]; received: Shown }>({
    "zh-CN": (p, w) => `应为等级名称（${w.list(p.grades)} 之一），实际是${got(w, p.received)}`,
    en: (p, w) => `must be a grade name (one of ${w.list(p.grades)}), not ${w.shown(p.received)}`,
  }),
  gradeUnknown: message<{ grade: string; grades: readonly string[] }>({
    "zh-CN": (p, w) => `填的是${w.q(p.grade)}，不是本指标的等级；等级有：${w.list(p.grades)}`,
    en: (p, w) => `is "${p.grade}", which is not a grade of this indicator; the grades are ${w.list(p.grades)}`,
  }),
  directOutside: message<{ received: Shown; full: string; points: boolean }>({
    "zh-CN": (p, w) => `直接给分 ${w.shown(p.received)} 超出了 0～${p.full}${p.points ? " 分" : " "}的范围`,
    en: (p, w) => `is a score of ${w.shown(p.received)}, outside 0 to ${p.full}${p.points ? " points" : ""}`,
  }),
  votesCounts: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为按等级统计的票数（如 { "优秀": 12, "称职": 5 }），实际是${got(w, p.received)}`,
    en: (p, w) => `must be vote counts by grade (such as { "优秀": 12, "称职": 5 }), not ${w.shown(p.received)}`,
  }),
  votesUnknownGrade: message<{ grade: string; grades: readonly string[] }>({
    "zh-CN": (p, w) => `统计了${w.q(p.grade)}的票数，但它不是等级；等级有：${w.list(p.grades)}`,
    en: (p, w) => `counts votes for "${p.grade}", which is not a grade; the grades are ${w.list(p.grades)}`,
  }),
  votesCount: message<{ received: Shown; grade: string }>({
    "zh-CN": (p, w) => `${w.q(p.grade)}的票数是${got(w, p.received)}；票数应为不小于 0 的整数`,
    en: (p, w) => `has ${w.shown(p.received)} votes for "${p.grade}"; a vote count is a whole number of at least 0`,
  }),
  votesNone: message({
    "zh-CN": () => "一票也没有；至少需要一票",
    en: () => "has no votes; at least one vote is needed",
  }),
  rankNegative: message<{ received: Shown }>({
    "zh-CN": (p, w) => `按比例排名计分时不能为负数，实际是${got(w, p.received)}`,
    en: (p, w) => `must not be negative for proportional rank scoring, not ${w.shown(p.received)}`,
  }),
  /** The custom function threw an Error: its own message, as written. */
  customThrew: message<{ reason: string }>({
    "zh-CN": (p) => `自定义计分函数出错：${p.reason}`,
    en: (p) => `the custom scoring function failed: ${p.reason}`,
  }),
  /** The custom function threw something other than an Error. */
  customThrewValue: message<{ thrown: Shown }>({
    "zh-CN": (p, w) => `自定义计分函数出错，抛出了${got(w, p.thrown)}`,
    en: (p, w) => `the custom scoring function failed: ${w.shown(p.thrown)}`,
  }),
  customReturned: message<{ received: Shown; points: string }>({
    "zh-CN": (p, w) => `自定义计分函数返回了${got(w, p.received)}，而得分应在 0～${p.points} 之间`,
    en: (p, w) => `the custom scoring function returned ${w.shown(p.received)}, not a score from 0 to ${p.points}`,
  }),
};
