import type { TierMove } from "../compare/compare.js";
import { message, type Locale } from "./types.js";

/** The issues of compare/: comparisons of a reform with the baseline. */
export const COMPARE_MESSAGES = {
  compareTooManyBins: message<{ bins: number; limit: number }>({
    "zh-CN": (p) => `会分成 ${p.bins} 个分数段，至多 ${p.limit} 个；请加大分段宽度（width）`,
    en: (p) => `would make ${p.bins} bins, at most ${p.limit}; use a larger width`,
  }),
  compareUnknownSubject: message<{ subjectId: string }>({
    "zh-CN": (p) => `比较结果中没有 ${p.subjectId}`,
    en: (p) => `${p.subjectId} is not in the comparison`,
  }),
  compareNotComparison: message({
    "zh-CN": () => "应为 compare 的结果",
    en: () => "must be a result of compare",
  }),
};

/** The words of one cause of a change of total. */
export interface CauseWords {
  readonly indicator: (name: string, baseline: string, reform: string, delta: string) => string;
  readonly bonus: (baseline: string, reform: string, delta: string) => string;
  readonly deductions: (baseline: string, reform: string, delta: string) => string;
  readonly rest: (delta: string) => string;
}

/** The lines of a change's explanation, in each language. @internal */
export interface ChangeLines extends CauseWords {
  readonly who: (id: string, name: string | undefined) => string;
  readonly tier: (who: string, baseline: string | null, reform: string | null, move: TierMove) => string;
  readonly total: (baseline: string, reform: string, delta: string, rankBaseline: number, rankReform: number) => string;
  readonly unchanged: string;
}

const MOVES: Readonly<Record<Locale, Readonly<Record<TierMove, string>>>> = {
  "zh-CN": { up: "上升", down: "下降", same: "不变", changed: "改变" },
  en: { up: "up", down: "down", same: "unchanged", changed: "changed" },
};

/** How a tier is named when there is none (no tier policy, or the person was not placed). */
const NONE: Readonly<Record<Locale, string>> = { "zh-CN": "（无）", en: "(none)" };

/** The lines of {@link explainChange}, in each language. @internal */
export const CHANGE_LINES: Readonly<Record<Locale, ChangeLines>> = {
  "zh-CN": {
    who: (id, name) => (name ? `${name}（${id}）` : id),
    tier: (who, b, r, move) => `${who}：等次 ${b ?? NONE["zh-CN"]} → ${r ?? NONE["zh-CN"]}（${MOVES["zh-CN"][move]}）`,
    total: (b, r, d, rb, rr) => `总分 ${b} → ${r}（${d}），名次 ${rb} → ${rr}`,
    indicator: (name, b, r, d) => `指标「${name}」得分 ${b} → ${r}（${d}）`,
    bonus: (b, r, d) => `加分 ${b} → ${r}（${d}）`,
    deductions: (b, r, d) => `扣分 ${b} → ${r}（对总分 ${d}）`,
    rest: (d) => `其余（舍入、封顶、否决等）${d}`,
    unchanged: "各项得分均未改变",
  },
  en: {
    who: (id, name) => (name ? `${name} (${id})` : id),
    tier: (who, b, r, move) => `${who}: tier ${b ?? NONE.en} → ${r ?? NONE.en} (${MOVES.en[move]})`,
    total: (b, r, d, rb, rr) => `total ${b} → ${r} (${d}), rank ${rb} → ${rr}`,
    indicator: (name, b, r, d) => `indicator "${name}" ${b} → ${r} (${d})`,
    bonus: (b, r, d) => `bonus ${b} → ${r} (${d})`,
    deductions: (b, r, d) => `deductions ${b} → ${r} (${d} on the total)`,
    rest: (d) => `the rest (rounding, caps, vetoes) ${d}`,
    unchanged: "no part of the score changed",
  },
};

/** The words of a comparison's HTML report, in each language. @internal */
export interface ReportWords {
  readonly title: string;
  readonly people: (count: number) => string;
  readonly moved: (up: number, down: number) => string;
  readonly distribution: string;
  readonly histogramTitle: string;
  readonly xAxis: string;
  readonly yAxis: string;
  readonly baseline: string;
  readonly reform: string;
  readonly transitions: string;
  readonly fromTo: string;
  readonly none: string;
  readonly stats: readonly [count: string, mean: string, q1: string, median: string, q3: string, min: string, max: string];
  readonly movers: string;
  readonly columns: readonly [id: string, name: string, group: string, baseline: string, reform: string, change: string, tier: string, why: string];
  readonly noMovers: string;
  readonly generated: string;
}

/** The report's words. @internal */
export const REPORT_WORDS: Readonly<Record<Locale, ReportWords>> = {
  "zh-CN": {
    title: "改革方案与现行规则对比",
    people: (n) => `共 ${n} 人`,
    moved: (up, down) => `等次上升 ${up} 人，下降 ${down} 人`,
    distribution: "总分分布",
    histogramTitle: "总分分布（人数）",
    xAxis: "总分（分）",
    yAxis: "人数（人）",
    baseline: "现行",
    reform: "改革",
    transitions: "等次转移矩阵（行：现行等次；列：改革后等次）",
    fromTo: "现行 \\ 改革",
    none: "（无）",
    stats: ["人数", "平均数", "下四分位数", "中位数", "上四分位数", "最低分", "最高分"],
    movers: "等次变化的人员",
    columns: ["编号", "姓名", "比较组", "现行总分", "改革总分", "变化", "等次", "原因"],
    noMovers: "没有人的等次发生变化。",
    generated: "由 jixiao 生成；所有数值均为精确值（平均数除外，按所示位数四舍五入）。",
  },
  en: {
    title: "A reform compared with today's rules",
    people: (n) => `${n} people`,
    moved: (up, down) => `${up} moved up a tier, ${down} down`,
    distribution: "Distribution of totals",
    histogramTitle: "Distribution of totals (people)",
    xAxis: "total (points)",
    yAxis: "people",
    baseline: "baseline",
    reform: "reform",
    transitions: "Tier transitions (rows: baseline tier; columns: reform tier)",
    fromTo: "baseline \\ reform",
    none: "(none)",
    stats: ["count", "mean", "Q1", "median", "Q3", "min", "max"],
    movers: "People whose tier changed",
    columns: ["id", "name", "peer group", "baseline", "reform", "change", "tier", "why"],
    noMovers: "Nobody's tier changed.",
    generated: "Made by jixiao; every figure is exact (but the mean, rounded to the places shown).",
  },
};
