import type { RoundingMode } from "../core/rounding.js";
import { message, type Locale, type Shown } from "./types.js";

/** The rounding modes in each language, in the glossary's words. */
export const ROUNDING_MODE_WORDS: Readonly<Record<RoundingMode, Readonly<Record<Locale, string>>>> = {
  "half-up": { "zh-CN": "四舍五入", en: "half up" },
  "half-even": { "zh-CN": "四舍六入五成双", en: "half to even" },
  down: { "zh-CN": "舍去", en: "down" },
  up: { "zh-CN": "进一", en: "up" },
  floor: { "zh-CN": "向下取整", en: "toward −∞" },
  ceiling: { "zh-CN": "向上取整", en: "toward +∞" },
};

/** A rounding mode's words in `locale`; a mode the table does not know, as written. */
export const roundingModeWords = (mode: string | undefined, locale: Locale): string =>
  mode !== undefined && Object.prototype.hasOwnProperty.call(ROUNDING_MODE_WORDS, mode) ? ROUNDING_MODE_WORDS[mode as RoundingMode][locale] : (mode ?? "");

/** The nouns a message names a record's keys by (`must name at least one grade`). */
export const NOUNS = {
  attribute: { "zh-CN": "属性", en: "attribute" },
  "difficulty grade": { "zh-CN": "难度等级", en: "difficulty grade" },
  fact: { "zh-CN": "事实", en: "fact" },
  grade: { "zh-CN": "等级", en: "grade" },
  id: { "zh-CN": "编号", en: "id" },
  indicator: { "zh-CN": "指标", en: "indicator" },
  organization: { "zh-CN": "组织", en: "organization" },
  path: { "zh-CN": "路径", en: "path" },
  person: { "zh-CN": "人员", en: "person" },
  "quality grade": { "zh-CN": "质量等级", en: "quality grade" },
  subject: { "zh-CN": "考评对象", en: "subject" },
  unit: { "zh-CN": "单位", en: "unit" },
} as const;

/** A noun of {@link NOUNS}. */
export type Noun = keyof typeof NOUNS;

/**
 * What a field wants, said once for both languages: the zod schemas name one of these (as their
 * message) and the issue adds what was received.
 */
export const WANTS = {
  text: { "zh-CN": "应为文本", en: "must be text" },
  number: { "zh-CN": "应为数字", en: "must be a number" },
  boolean: { "zh-CN": "应为 true 或 false", en: "must be true or false" },
  object: { "zh-CN": "应为对象", en: "must be an object" },
  array: { "zh-CN": "应为列表", en: "must be a list" },
  function: { "zh-CN": "应为函数", en: "must be a function" },
  textNumberBoolean: { "zh-CN": "应为文本、数字或 true/false", en: "must be text, a number or true/false" },
  filePaths: { "zh-CN": "应为文件路径或文件路径的列表", en: "must be a file path or a list of file paths" },
  vetoIdOrObject: { "zh-CN": "应为否决项编号或 { id, reason }", en: "must be a veto id or { id, reason }" },
  flagRules: { "zh-CN": "应为一条标记规则或标记规则的列表", en: "must be a flag rule or a list of flag rules" },
  shareZeroOne: { "zh-CN": "应为 0 到 1 之间的比例", en: "must be a share from 0 to 1" },
  bestOrPositive: { "zh-CN": "应为 \"best\" 或大于 0 的数", en: 'must be "best" or a number more than 0' },
  missingRule: { "zh-CN": "应为 \"skip\"、\"zero\"、\"error\" 或 { fill: 数字 }", en: 'must be "skip", "zero", "error" or { fill: a number }' },
  targetOrWeights: { "zh-CN": "应为 \"target\" 或按单位给出的权重", en: 'must be "target" or weights by unit' },
  periodKey: { "zh-CN": "应为期间代码，如 2023-Q3、2023-07、2023-H2 或 2023", en: "must be a period key such as 2023-Q3, 2023-07, 2023-H2 or 2023" },
  utcOffset: { "zh-CN": "应为 UTC 时差，如 +08:00", en: "must be a UTC offset such as +08:00" },
  year: { "zh-CN": "应为四位年份，如 2024", en: "must be a four-digit year such as 2024" },
  rankKey: { "zh-CN": "应为 \"total\"、\"group:<编号>\" 或 \"indicator:<编号>\"", en: 'must be "total", "group:<id>" or "indicator:<id>"' },
  penaltyTarget: { "zh-CN": "应为 \"total\" 或 \"indicator:<编号>\"", en: 'must be "total" or "indicator:<id>"' },
} as const;

/** A phrase of {@link WANTS}. */
export type Want = keyof typeof WANTS;

const BOUND = {
  "zh-CN": { atLeast: "不小于", moreThan: "大于", atMost: "不大于", lessThan: "小于" },
  en: { atLeast: "at least", moreThan: "more than", atMost: "at most", lessThan: "less than" },
} as const;

/** How a size or number is bounded. */
export type Bound = keyof (typeof BOUND)["en"];

/** The issues of reading and validating any input: types, numbers, sizes, fields and ids. */
export const CORE_MESSAGES = {
  required: message({ "zh-CN": () => "必填，但没有给出", en: () => "is required" }),
  wants: message<{ want: Want; received: Shown }>({
    "zh-CN": (p, w) => `${WANTS[p.want]["zh-CN"]}，实际是${w.shown(p.received)}`,
    en: (p, w) => `${WANTS[p.want].en}, not ${w.shown(p.received)}`,
  }),
  finiteNumber: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为有限的数字，实际是 ${w.shown(p.received)}`,
    en: (p, w) => `must be a finite number, not ${w.shown(p.received)}`,
  }),
  decimalNumber: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为有限的十进制数（数字，或“96.5”这样的文本），实际是${w.shown(p.received)}`,
    en: (p, w) => `must be a finite decimal number (a number or text such as "96.5"), not ${w.shown(p.received)}`,
  }),
  numberOrDecimalText: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为数字或“96.5”这样的十进制文本，实际是${w.shown(p.received)}`,
    en: (p, w) => `must be a number or decimal text such as "96.5", not ${w.shown(p.received)}`,
  }),
  decimalText: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为“96.5”这样的十进制文本，实际是${w.shown(p.received)}`,
    en: (p, w) => `must be decimal text such as "96.5", not ${w.shown(p.received)}`,
  }),
  exactText: message<{ exact: string; value: string }>({
    "zh-CN": (p, w) => `应为旁边数值 ${p.value} 的精确十进制文本，实际是${w.q(p.exact)}`,
    en: (p) => `must be the exact decimal text of the number beside it (${p.value}), not "${p.exact}"`,
  }),
  decimalRange: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为 ±10^18 以内的有限十进制数，实际是 ${w.shown(p.received)}`,
    en: (p, w) => `must be a finite decimal within ±10^18, not ${w.shown(p.received)}`,
  }),
  decimalBound: message<{ bound: Bound; limit: string; received: Shown }>({
    "zh-CN": (p, w) => `应${BOUND["zh-CN"][p.bound]} ${p.limit}，实际是 ${w.shown(p.received)}`,
    en: (p, w) => `must be ${BOUND.en[p.bound]} ${p.limit}, not ${w.shown(p.received)}`,
  }),
  badFormat: message<{ received: Shown }>({
    "zh-CN": (p, w) => `格式不对，实际是${w.shown(p.received)}`,
    en: (p, w) => `is not in the expected format, got ${w.shown(p.received)}`,
  }),
  oneOf: message<{ options: readonly string[]; received: Shown }>({
    "zh-CN": (p, w) => `应为 ${w.list(p.options)} 之一，实际是${w.shown(p.received)}`,
    en: (p, w) => `must be one of ${w.list(p.options)}, not ${w.shown(p.received)}`,
  }),
  size: message<{ bound: Bound; limit: string; unit: "items" | "characters" | ""; count?: number; received?: Shown }>({
    "zh-CN": (p, w) =>
      `应${BOUND["zh-CN"][p.bound]} ${p.limit}${p.unit === "items" ? " 项" : p.unit === "characters" ? " 个字符" : ""}，实际${p.count !== undefined ? `有 ${p.count} 项` : `是 ${p.received ? w.shown(p.received) : "?"}`}`,
    en: (p, w) =>
      `must be ${BOUND.en[p.bound]} ${p.limit}${p.unit === "" ? "" : ` ${p.unit === "items" ? "item" : "character"}${p.limit === "1" ? "" : "s"}`}; it ${p.count !== undefined ? `has ${p.count}` : `is ${p.received ? w.shown(p.received) : "?"}`}`,
  }),
  wholeNumber: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为整数，实际是 ${w.shown(p.received)}`,
    en: (p, w) => `must be a whole number, not ${w.shown(p.received)}`,
  }),
  unknownField: message<{ hint?: string }>({
    "zh-CN": (p, w) => `不是可识别的字段${p.hint ? `；是否想写${w.q(p.hint)}？` : ""}`,
    en: (p) => `is not a known field${p.hint ? `; did you mean "${p.hint}"?` : ""}`,
  }),
  moreUnknownFields: message<{ count: number }>({
    "zh-CN": (p) => `另有 ${p.count} 个无法识别的字段未列出`,
    en: (p) => `has ${p.count} more unknown fields, not listed`,
  }),
  notValidHere: message<{ received: Shown }>({
    "zh-CN": (p, w) => `此处不能用这个值（${w.shown(p.received)}）`,
    en: (p, w) => `is not valid here (${w.shown(p.received)})`,
  }),
  moreIssues: message<{ count: number }>({
    "zh-CN": (p) => `另有 ${p.count} 个问题未列出；请先修正上面的问题`,
    en: (p) => `${p.count} more issues are not listed; mend the ones above first`,
  }),
  unreadable: message({ "zh-CN": () => "读取时出错（取值函数或代理抛出了异常），未使用其中任何内容", en: () => "could not be read (a getter or proxy threw), so nothing of it was used" }),
  reservedKey: message<{ name: string }>({
    "zh-CN": (p, w) => `${w.q(p.name)} 不能用作字段名（其他程序会把它当作对象原型）`,
    en: (p) => `"${p.name}" cannot be a field name (other programs would read it as the object's prototype)`,
  }),
  refersToItself: message({ "zh-CN": () => "包含了自身（循环引用），不是普通数据", en: () => "contains itself (a cycle), so it is not plain data" }),
  inputTooLarge: message<{ limit: number }>({
    "zh-CN": (p) => `输入过大：最多 ${p.limit} 个值`,
    en: (p) => `the input is too large: at most ${p.limit} values`,
  }),
  inputTooDeep: message<{ limit: number }>({
    "zh-CN": (p) => `嵌套过深：最多 ${p.limit} 层`,
    en: (p) => `is nested too deeply: at most ${p.limit} levels`,
  }),
  notPlainData: message({ "zh-CN": () => "无法读取（不是普通数据）", en: () => "could not be read (it is not plain data)" }),
  needsName: message<{ noun: Noun }>({
    "zh-CN": (p) => `至少要有一个${NOUNS[p.noun]["zh-CN"]}`,
    en: (p) => `must name at least one ${NOUNS[p.noun].en}`,
  }),
  reservedName: message<{ name: string; noun: Noun }>({
    "zh-CN": (p, w) => `${w.q(p.name)} 不能用作${NOUNS[p.noun]["zh-CN"]}名称`,
    en: (p) => `"${p.name}" cannot be used as a ${NOUNS[p.noun].en} name`,
  }),
  reservedId: message<{ id: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)} 是保留字，不能用作编号`,
    en: (p) => `"${p.id}" is reserved and cannot be used as an id`,
  }),
  mustBeFunction: message({ "zh-CN": () => "应为函数", en: () => "must be a function" }),
  notAnIssue: message({
    "zh-CN": () => "不是问题（Issue）：应有 code、path（键和下标的列表）、message 文本和 params 数据",
    en: () => "is not an issue: it needs a code, a path (a list of keys and indexes), a message text and params",
  }),
  pathWriterFailed: message({ "zh-CN": () => "书写位置的函数出错或没有返回文本", en: () => "the path writer failed or gave no text" }),
  moreIssuesLine: message<{ count: number }>({ "zh-CN": (p) => `……另有 ${p.count} 个问题`, en: (p) => `… and ${p.count} more` }),
  pathNotList: message({ "zh-CN": () => "位置应为由键和下标组成的列表", en: () => "a path must be a list of keys and indexes" }),
  /** An error made without issues: what was being done. */
  failed: message<{ context: string }>({ "zh-CN": (p) => p.context, en: (p) => p.context }),
};
