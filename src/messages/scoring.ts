import { message, type Shown } from "./types.js";

/** The indicator's name at the start of a Chinese warning (the English one starts with the path alone). */
const named = (name: string | undefined) => (name === undefined ? "" : `「${name}」的`);

/** What the reference of an indicator without a unit is, in each language. */
const REFERENCE = {
  target: { "zh-CN": (r: string) => `目标值为 ${r}`, en: (r: string) => `a target of ${r}` },
  band: { "zh-CN": (r: string, b?: string) => `计分区间为最差 ${r}、最好 ${b ?? "?"}`, en: (r: string, b?: string) => `a band from worst ${r} to best ${b ?? "?"}` },
  steps: { "zh-CN": (r: string) => `分档阈值最高为 ${r}`, en: (r: string) => `step thresholds reaching ${r}` },
} as const;

/** The issues of scoring/: scoring subjects against a scheme, and the plausibility of values by unit. */
export const SCORING_MESSAGES = {
  scoringDuplicateSubject: message<{ id: string; first: number }>({
    "zh-CN": (p, w) => `与第 [${p.first}] 项重复使用了考评对象编号${w.q(p.id)}；同一批中的编号不能重复`,
    en: (p) => `repeats the subject id "${p.id}" of [${p.first}]; ids must be unique in a batch`,
  }),
  scoringNoSuchIndicator: message<{ scheme: string }>({
    "zh-CN": (p, w) => `考评方案${w.q(p.scheme)}中没有这个指标`,
    en: (p) => `names no indicator of scheme "${p.scheme}"`,
  }),
  scoringMissingValue: message<{ indicator: string }>({
    "zh-CN": (p, w) => `缺少指标${w.q(p.indicator)}的值：考评方案要为它计分；请填写数值，该指标不适用时填 null`,
    en: (p) => `is missing: the scheme scores indicator "${p.indicator}"; give a value, or null if it does not apply`,
  }),
  scoringRankNeedsBatch: message({
    "zh-CN": () => "按同组排名计分，需要整批计分：请用 scoreAll",
    en: () => "is scored by rank among peers; score the whole batch with scoreAll",
  }),
  scoringNotApplicableReason: message<{ received?: Shown }>({
    "zh-CN": (p, w) => `应为不超过 500 个字符的文本，说明该指标为何不适用，实际是${p.received ? w.shown(p.received) : "一个取值函数（getter）"}`,
    en: (p, w) => `must be text of at most 500 characters saying why the indicator does not apply, not ${p.received ? w.shown(p.received) : "a getter"}`,
  }),
  scoringAimsAtNotApplicable: message<{ indicator: string }>({
    "zh-CN": (p, w) => `指向指标${w.q(p.indicator)}，但该指标对这个考评对象不适用`,
    en: (p) => `aims at indicator "${p.indicator}", which does not apply to this subject`,
  }),
  scoringNoSuchVeto: message<{ scheme: string; vetoes: readonly string[] }>({
    "zh-CN": (p, w) => `考评方案${w.q(p.scheme)}中没有这个否决项；${p.vetoes.length ? `它的否决项是：${w.list(p.vetoes)}` : "它没有否决项"}`,
    en: (p) => `names no veto of scheme "${p.scheme}"${p.vetoes.length ? `; its vetoes are ${p.vetoes.join(", ")}` : "; it has none"}`,
  }),
  scoringRepeatedVeto: message<{ id: string }>({
    "zh-CN": (p, w) => `重复列出了否决项${w.q(p.id)}`,
    en: (p) => `repeats the veto "${p.id}"`,
  }),
  scoringNothingApplicable: message({
    "zh-CN": () => "没有任何适用的指标，无从计分",
    en: () => "leaves no indicator applicable, so there is nothing to score",
  }),
  /** An indicator whose method scores no number on a scale declares a unit. */
  scoringUnitMethod: message<{ method: string }>({
    "zh-CN": (p, w) => `只适用于完成率（completion）、区间（band）和分档（steps）计分方法，不适用于${w.q(p.method)}；请删去 unit`,
    en: (p) => `is only for the completion, band and steps methods, whose values are numbers on a scale, not for "${p.method}"; leave it out`,
  }),
  /** Unit percent, a non-zero value below 1 in magnitude. */
  scoringPercentLooksLikeRatio: message<{ name?: string; value: string; percent: string }>({
    "zh-CN": (p) =>
      `${named(p.name)}值 ${p.value} 像是比值：该指标的值按百分数填写（unit 为 "percent"），而设为百分比格式的单元格会把 ${p.percent}% 传成 ${p.value}；请填 ${p.percent}，或把该指标的 unit 设为 "ratio"`,
    en: (p) =>
      `is ${p.value}, which looks like a ratio: the indicator's values are percents (unit "percent"), and a cell formatted as a percent gives ${p.value} for ${p.percent}%; give ${p.percent}, or declare the unit "ratio"`,
  }),
  /** Unit ratio, a value above 10 in magnitude. */
  scoringRatioLooksLikePercent: message<{ name?: string; value: string; scored: string; ratio: string }>({
    "zh-CN": (p) =>
      `${named(p.name)}值 ${p.value} 像是百分数：该指标的值按比值填写（unit 为 "ratio"），乘以 100 后按 ${p.scored} 计分；${p.value}% 应填 ${p.ratio}（设为百分比格式的单元格即是如此），或把该指标的 unit 设为 "percent"`,
    en: (p) =>
      `is ${p.value}, which looks like a percent: the indicator's values are ratios (unit "ratio"), multiplied by 100 and scored as ${p.scored}; give ${p.ratio} for ${p.value}% (as a cell formatted as a percent does), or declare the unit "percent"`,
  }),
  /** No unit, a reference of at least 10, a non-zero value of at most 1 in magnitude. */
  scoringUndeclaredLooksLikeRatio: message<{ name?: string; value: string; percent: string; of: "target" | "band" | "steps"; reference: string; best?: string }>({
    "zh-CN": (p) =>
      `${named(p.name)}值 ${p.value} 像是比值（设为百分比格式的单元格会把 ${p.percent}% 传成 ${p.value}），而该指标的${REFERENCE[p.of]["zh-CN"](p.reference, p.best)}；已按 ${p.value} 计分。请填 ${p.percent}，或在考评方案中为该指标声明 unit：值如 ${p.value} 时为 "ratio"，值如 ${p.percent} 时为 "percent"`,
    en: (p) =>
      `is ${p.value} against ${REFERENCE[p.of].en(p.reference, p.best)}, which looks like a ratio (a cell formatted as a percent gives ${p.value} for ${p.percent}%), and was scored as ${p.value}; give ${p.percent}, or declare the indicator's unit: "ratio" for values such as ${p.value}, "percent" for values such as ${p.percent}`,
  }),
};
