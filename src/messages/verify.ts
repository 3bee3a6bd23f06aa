import { ROUNDING_MODE_WORDS } from "./core.js";
import { message, type Locale } from "./types.js";

/** What a scenario path's text gets wrong, as data (`parsePath`). */
export interface PathProblem {
  /** What is wrong. */
  readonly problem: "empty" | "endsWithDot" | "emptyKey" | "needsDot" | "unclosedBracket" | "unclosedQuote" | "badQuotedKey" | "badIndex";
  /** The character (from 1) where it is; 0 where it is the whole path. */
  readonly at: number;
  /** For `badIndex`: what stands between the brackets. */
  readonly inner: string;
}

const PATH_PROBLEM: { readonly [L in Locale]: (p: PathProblem) => string } = {
  "zh-CN": (p) =>
    ({
      empty: "为空",
      endsWithDot: "以点结尾",
      emptyKey: `第 ${p.at} 个字符处的键为空`,
      needsDot: `第 ${p.at} 个字符处的键前面缺少点`,
      unclosedBracket: `第 ${p.at} 个字符处的 [ 没有闭合`,
      unclosedQuote: `第 ${p.at} 个字符处的 ["…"] 没有闭合`,
      badQuotedKey: `第 ${p.at} 个字符处的 ["…"] 键写得不对`,
      badIndex: `第 ${p.at} 个字符处是 [${p.inner}]；列表下标写作 [0]、[1] …，键写作 ["名称"]`,
    })[p.problem],
  en: (p) =>
    ({
      empty: "is empty",
      endsWithDot: "ends with a dot",
      emptyKey: `has an empty key at character ${p.at}`,
      needsDot: `needs a dot before the key at character ${p.at}`,
      unclosedBracket: `has an unclosed [ at character ${p.at}`,
      unclosedQuote: `has an unclosed ["…"] at character ${p.at}`,
      badQuotedKey: `has a bad ["…"] key at character ${p.at}`,
      badIndex: `has [${p.inner}] at character ${p.at}; write [0], [1] … for a list index or ["name"] for a key`,
    })[p.problem],
};

const SHAPE = {
  array: { "zh-CN": "列表", en: "a list" },
  object: { "zh-CN": "对象", en: "an object" },
  "object-or-array": { "zh-CN": "对象或列表", en: "an object or a list" },
} as const;

/** The issues of verify/ and of reading scenario files (declare each with `message` from ./types.js). */
export const VERIFY_MESSAGES = {
  scenarioDocumentOrPath: message<{ shape: keyof typeof SHAPE }>({
    "zh-CN": (p) => `应为${SHAPE[p.shape]["zh-CN"]}，或存放它的文件的路径`,
    en: (p) => `must be ${SHAPE[p.shape].en}, or the path of a file holding it`,
  }),
  scenarioDuplicateCase: message<{ name: string; index: number }>({
    "zh-CN": (p, w) => `用例名称${w.q(p.name)}与 cases[${p.index}] 重复；同一文件中的用例名称不能重复`,
    en: (p) => `repeats the case name "${p.name}" of cases[${p.index}]; names must be unique in a file`,
  }),
  scenarioRequiredToRun: message<{ run: string }>({
    "zh-CN": (p) => `运行 ${p.run} 时必填`,
    en: (p) => `is required to run ${p.run}`,
  }),
  scenarioBothInputs: message({
    "zh-CN": () => "同时给出了 subjects 和 scores；只能给其中一个",
    en: () => "gives both subjects and scores; give one",
  }),
  scenarioNeedsScores: message({
    "zh-CN": () => "需要 scores，或者 subjects 加上用于计分的 rules.scheme",
    en: () => "needs scores, or subjects with rules.scheme to score",
  }),
  scenarioSchemeForSubjects: message({
    "zh-CN": () => "为 input.subjects 计分时必填",
    en: () => "is required to score input.subjects",
  }),
  scenarioRollUpPair: message({
    "zh-CN": () => "按 rules.rollUp 汇总 input.results：两者要么都给，要么都不给",
    en: () => "rolls up input.results by rules.rollUp: give both or neither",
  }),
  scenarioTooManyPaths: message<{ count: number; limit: number }>({
    "zh-CN": (p) => `列出了 ${p.count} 个路径；最多 ${p.limit} 个`,
    en: (p) => `names ${p.count} paths; at most ${p.limit}`,
  }),
  scenarioBadPath: message<{ problem: PathProblem["problem"]; at: number; inner: string }>({
    "zh-CN": (p) => `路径${PATH_PROBLEM["zh-CN"](p)}`,
    en: (p) => `the path ${PATH_PROBLEM.en(p)}`,
  }),
  scenarioMarginNotExpected: message({
    "zh-CN": () => "不是 expect 中的路径",
    en: () => "is not a path of expect",
  }),
  scenarioUnexpected: message<{ words: string }>({
    "zh-CN": (p) => `意外失败（${p.words}）；这是 jixiao 的缺陷，请连同用例一并报告`,
    en: (p) => `failed unexpectedly (${p.words}); this is a bug in jixiao, please report it with the case`,
  }),
  verifyCallbackFailed: message<{ words: string }>({
    "zh-CN": (p) => `回调函数出错：${p.words}`,
    en: (p) => `the callback failed: ${p.words}`,
  }),
  scenarioPathNeedsLoader: message<{ path: string }>({
    "zh-CN": (p, w) => `是文件路径${w.q(p.path)}；请直接写入内容，或用 verifyScenarios（jixiao/node）运行此文件，由它读取`,
    en: (p) => `is the file path "${p.path}"; give the document inline, or run the file with verifyScenarios (jixiao/node), which reads it`,
  }),
};

/** The rules of trace steps, as a scenario failure names them. */
const STEP_RULES: Readonly<Record<string, string>> = {
  completion: "完成率计分",
  band: "区间计分",
  steps: "分档计分",
  grade: "等级计分",
  deduction: "扣分",
  bonus: "加分",
  rank: "排名计分",
  votes: "民主测评",
  direct: "直接给分",
  custom: "自定义规则",
  missing: "未填写",
  adjust: "加减分",
  "not-applicable": "不适用",
  round: "舍入",
  sum: "合计",
  convert: "折算",
  exclude: "不折算",
  veto: "否决",
  flag: "标记",
  clamp: "下限",
  credit: "积分",
  mean: "平均",
  proportional: "按比例",
  standard: "标准",
  table: "查表",
  weighted: "加权",
};

/** The names of a trace step's values. */
const STEP_KEYS: Readonly<Record<string, string>> = {
  actual: "实际值",
  target: "目标值",
  direction: "方向",
  ratio: "比率",
  cap: "上限",
  fraction: "得分比例",
  points: "分值",
  value: "数值",
  decimals: "小数位数",
  mode: "舍入方式",
  base: "基数",
  bonus: "加分",
  deduction: "减分",
  earned: "实得分",
  applicablePoints: "应得分",
  full: "满分",
  effect: "效果",
  before: "原值",
  reason: "原因",
  count: "次数",
  per: "每次",
  max: "最多",
  floor: "下限",
  raw: "限定前",
  deducted: "扣除",
  step: "档",
  stepPoints: "档分",
  grade: "等级",
  peers: "人数",
  place: "名次",
  leader: "第一名",
  total: "合计",
  items: "项数",
  requested: "合计",
  scale: "满分制",
  score: "给分",
  rule: "规则",
  missing: "未填写",
  worst: "最差",
  best: "最好",
  coefficient: "难度系数",
  share: "份额",
  part: "承担份额",
  quality: "质量",
  how: "方式",
  assignedFactor: "派单系数",
  lateFactor: "逾期系数",
  id: "编号",
  name: "名称",
};

/** Values of a trace step that are words. */
const STEP_VALUES: Readonly<Record<string, string>> = {
  higher: "越高越好",
  lower: "越低越好",
  ...Object.fromEntries(Object.entries(ROUNDING_MODE_WORDS).map(([mode, words]) => [mode, words["zh-CN"]])),
  zero: "归零",
  cap: "封顶",
  flag: "仅记录",
  grabbed: "抢单",
  assigned: "派单",
  true: "是",
  false: "否",
};

/** How a target came down a lineage. */
const VIA: Readonly<Record<string, string>> = {
  plan: "方案",
  replicate: "照转",
  "split:equal": "平均拆分",
  "split:shares": "按比例拆分",
  "split:base": "按基数拆分",
  "split:amounts": "按金额拆分",
  template: "模板",
  local: "本级自设",
};

const own = (table: Readonly<Record<string, string>>, key: string) => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/**
 * A trace step's parts in a language: its place, its rule, each value's name and value. English
 * keeps the engine's own names (analysts' paths use them); Chinese words them, and unknown names
 * stay as they are.
 * @internal
 */
export const STEP_WORDS: {
  readonly [L in Locale]: {
    readonly rule: (rule: string) => string;
    readonly key: (key: string) => string;
    readonly value: (key: string, value: string) => string;
    readonly via: (via: string) => string;
  };
} = {
  "zh-CN": {
    rule: (rule) => own(STEP_RULES, rule) ?? rule,
    key: (key) => (key.startsWith("votes:") ? `「${key.slice(6)}」票数` : key.startsWith("value:") ? `「${key.slice(6)}」计分` : (own(STEP_KEYS, key) ?? key)),
    value: (key, value) => (key === "direction" || key === "mode" || key === "effect" || key === "how" || key === "missing" ? (own(STEP_VALUES, value) ?? value) : value),
    via: (via) => own(VIA, via) ?? via,
  },
  en: { rule: (rule) => rule, key: (key) => key, value: (_key, value) => value, via: (via) => via },
};

/**
 * The words of scenario reports and of the lines behind a failure. (Made in a call marked pure, so
 * that a bundle which does not use them leaves them out.)
 * @internal
 */
export const VERIFY_TEXTS = /* @__PURE__ */ (() => ({
  stepLine: message<{ place: string; rule: string; values: readonly string[]; result: string }>({
    "zh-CN": (p) => `${p.place} · ${p.rule}${p.values.length ? `：${p.values.join("，")}` : ""} → ${p.result}`,
    en: (p) => `${p.place} · ${p.rule}${p.values.length ? `: ${p.values.join(", ")}` : ""} → ${p.result}`,
  }),
  stepPlace: message<{ kind: "indicator" | "group" | "veto" | "task" | "total" | "bonus" | "deduction" | "input" | "other"; at: string; id: string; name: string }>({
    "zh-CN": (p) => {
      const named = p.name && p.name !== p.id ? `${p.name}（${p.id}）` : p.id;
      return { indicator: named, group: named, veto: `否决项「${p.name || p.id}」`, task: `任务 ${p.id}`, total: "总分", bonus: "加分", deduction: "减分", input: "输入", other: p.at }[p.kind];
    },
    en: (p) => p.at,
  }),
  rankLine: message<{ id: string; score: string; rank: number; position: number; size: number; group: string; tied: readonly string[] }>({
    "zh-CN": (p, w) => `${p.id}：得分 ${p.score}，名次 ${p.rank}，位次 ${p.position}/${p.size}${p.group ? `（比较组 ${p.group}）` : ""}${p.tied.length ? `，与 ${w.list(p.tied)} 并列` : ""}`,
    en: (p) => `${p.id}: score ${p.score}, rank ${p.rank}, position ${p.position} of ${p.size}${p.group ? ` in ${p.group}` : ""}${p.tied.length ? `, tied with ${p.tied.join(", ")}` : ""}`,
  }),
  lineageLine: message<{ links: readonly string[] }>({
    "zh-CN": (p) => `分解路径：${p.links.join(" → ")}`,
    en: (p) => `lineage: ${p.links.join(" → ")}`,
  }),
  lineageLink: message<{ unit: string; target: string; via: string }>({
    "zh-CN": (p) => `${p.unit} ${p.target}（${p.via}）`,
    en: (p) => `${p.unit} ${p.target} (${p.via})`,
  }),
  reasonLine: message<{ id: string; reason: string }>({
    "zh-CN": (p) => (p.id ? `${p.id}：${p.reason}` : p.reason),
    en: (p) => (p.id ? `${p.id}: ${p.reason}` : p.reason),
  }),
  failure: message<{ path: string; expected: string; actual: string; nothing: boolean; margin: string }>({
    "zh-CN": (p) => `${p.path}：期望 ${p.expected}，${p.nothing ? "实际没有这个值" : `实际 ${p.actual}`}${p.margin ? `（允许误差 ±${p.margin}）` : ""}`,
    en: (p) => `${p.path}: expected ${p.expected}, got ${p.nothing ? "(nothing)" : p.actual}${p.margin ? ` (margin ±${p.margin})` : ""}`,
  }),
  nothing: message({ "zh-CN": () => "（无）", en: () => "(nothing)" }),
  counts: message<{ files: number; cases: number; passed: number; failed: number }>({
    "zh-CN": (p) => `共 ${p.cases} 个用例：${p.passed} 个通过，${p.failed} 个未通过（${p.files} 个文件）`,
    en: (p) => `${p.cases} case${p.cases === 1 ? "" : "s"}: ${p.passed} passed, ${p.failed} failed (${p.files} file${p.files === 1 ? "" : "s"})`,
  }),
  fileIssue: message<{ file: string; path: string }>({
    "zh-CN": (p) => (p.path === "" ? p.file : `${p.file} 中 ${p.path}`),
    en: (p) => (p.path === "" ? p.file : `${p.file}: ${p.path}`),
  }),
  validFile: message({ "zh-CN": () => "是有效的场景文件", en: () => "is a valid scenario file" }),
}))();
