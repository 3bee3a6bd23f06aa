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
