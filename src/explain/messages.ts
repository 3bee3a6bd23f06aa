import type { Locale } from "../messages/types.js";
import { roundingModeWords } from "../messages/core.js";

export type { Locale };

/** The values of one trace step, by name. @internal */
export type V = Readonly<Record<string, string>>;

/** Sentences for one locale. @internal */
export interface Messages {
  readonly method: Readonly<Record<string, (v: V, result: string) => string>>;
  readonly notApplicable: (v: V) => string;
  readonly round: (v: V, result: string) => string;
  /** A flag raised; `name` is the flag's name, or its id where it has none. */
  readonly flag: (name: string, v: V) => string;
  /** A veto applied; `name` is the veto's name, or its id where it has none. */
  readonly veto: (name: string, v: V, result: string) => string;
  /** The first line; `scheme` is the scheme's name, or its id where the name is not known. */
  readonly header: (id: string, name: string | undefined, scheme: string) => string;
  readonly group: (name: string, earned: string, points: string, applicable: string) => string;
  readonly indicator: (name: string, earned: string, points: string) => string;
  readonly total: Readonly<Record<string, (v: V, result: string) => string>>;
  readonly final: (total: string, full: string) => string;
  /** Joins the parts of an indicator's line. */
  readonly separator: string;
}

const votesList = (v: V, sep: string, times: string) =>
  Object.keys(v)
    .filter((k) => k.startsWith("votes:"))
    .map((k) => `${k.slice(6)} ${v[k]}${times}${v[`value:${k.slice(6)}`]}`)
    .join(sep);

const zh: Messages = {
  method: {
    completion: (v, r) =>
      v.direction === "lower"
        ? v.ratio === "1" && Number(v.actual) <= Number(v.target)
          ? `越低越好，实际 ${v.actual} 不高于目标 ${v.target}，得满分 ${r}`
          : `越低越好，目标 ${v.target} ÷ 实际 ${v.actual} = ${v.ratio}${v.ratio !== v.fraction ? `，按 ${v.fraction} 计` : ""}；${v.points} × ${v.fraction} = ${r}`
        : `完成率 ${v.actual} ÷ ${v.target} = ${v.ratio}${v.ratio !== v.fraction ? `，按 ${v.fraction} 计（上限 ${v.cap}）` : ""}；${v.points} × ${v.fraction} = ${r}`,
    band: (v, r) => `区间计分：最差 ${v.worst}、最好 ${v.best}，实际 ${v.value}，得分比例 ${v.fraction}；${v.points} × ${v.fraction} = ${r}`,
    steps: (v, r) => (v.step === "none" ? `分档计分：${v.value} 未达到任何一档，得 0` : `分档计分：${v.value} 达到「${v.step}」档，${v.stepPoints ? `得 ${v.stepPoints} 分` : `${v.points} × ${v.fraction} = ${r}`}`),
    grade: (v, r) => `等级「${v.grade}」计 ${v.fraction}；${v.points} × ${v.fraction} = ${r}`,
    deduction: (v, r) => `扣分：${v.count} 次 × ${v.per} = 扣 ${v.deducted}${v.max ? `（最多扣 ${v.max}）` : ""}；${v.points} − ${v.deducted} = ${v.raw}${v.raw !== r ? `，不低于 ${v.floor}，得 ${r}` : ""}`,
    bonus: (v, r) => `加分：${v.count} 项 × ${v.per} = ${v.raw}${v.raw !== r ? `，以分值 ${v.points} 为上限` : ""}，得 ${r}`,
    rank: (v, r) =>
      v.step
        ? `排名计分：${v.peers} 名中第 ${v.place} 名；${v.points} − (${v.place} − 1) × ${v.step}${v.floor !== "0" ? `，不低于 ${v.floor}` : ""} = ${r}`
        : `排名计分：${v.peers} 名中第 ${v.place} 名，按与第一名 ${v.leader} 的比例 ${v.ratio}；得 ${r}`,
    votes: (v, r) => `民主测评：${votesList(v, "，", " 票 × ")}，共 ${v.total} 票，得分比例 ${v.fraction}；${v.points} × ${v.fraction} = ${r}`,
    direct: (v, r) => (v.scale ? `直接给分 ${v.score}（满分 ${v.scale}）折合 ${r}` : `直接给分 ${r}`),
    // A custom rule without a description is recorded as "custom".
    custom: (v, r) => (v.rule === "custom" ? `自定义规则得 ${r}` : `自定义规则（${v.rule}）得 ${r}`),
    unit: (v, r) => `比值 ${v.value} 按百分数计：${v.value} × ${v.factor} = ${r}`,
    missing: () => `未提供数值，按 0 分计`,
    adjust: (v, r) => `单项加减分：${v.earned} + ${v.bonus} − ${v.deduction}，在 0～${v.points} 之间，得 ${r}`,
  },
  notApplicable: (v) => `${v.missing ? "未提供数值，" : ""}不适用${v.reason ? `（${v.reason}）` : ""}，不计入应得分`,
  round: (v, r) => `保留 ${v.decimals} 位小数（${roundingModeWords(v.mode, "zh-CN")}）：${v.value} → ${r}`,
  flag: (name, v) => `标记「${name}」：${v.reason}`,
  veto: (name, v, r) =>
    v.effect === "zero"
      ? `否决项「${name}」${v.reason ? `（${v.reason}）` : ""}：总分由 ${v.before} 归零`
      : v.effect === "cap"
        ? `否决项「${name}」${v.reason ? `（${v.reason}）` : ""}：总分以 ${v.cap} 为上限，${v.before} → ${r}`
        : `否决项「${name}」已记录${v.reason ? `（${v.reason}）` : ""}，供评定等次使用`,
  header: (id, name, scheme) => `${name ? `${name}（${id}）` : id} · 方案 ${scheme}`,
  group: (name, earned, points, applicable) => `${name}：${earned} / ${points}${applicable !== points ? `（应得分 ${applicable}）` : ""}`,
  indicator: (name, earned, points) => `${name}：${earned} / ${points}`,
  total: {
    sum: (v, r) => `各组合计：${Object.values(v).join(" + ") || "0"} = ${r}`,
    convert: (v, r) => `有不适用指标，折算：实得分 ${v.earned} ÷ 应得分 ${v.applicablePoints} × 满分 ${v.full} = ${r}`,
    exclude: (v, r) => `有不适用指标，不折算：实得分 ${r}（应得分 ${v.applicablePoints}）`,
    bonusAdjust: (v, r) => `加分 ${v.items} 项，合计 ${v.requested}${v.cap ? `，上限 ${v.cap}` : ""}，计 ${r}`,
    deductionAdjust: (v, r) => `减分 ${v.items} 项，合计 ${v.requested}${v.cap ? `，上限 ${v.cap}` : ""}，计 ${r}`,
    adjust: (v, r) => `${v.base} + 加分 ${v.bonus} − 减分 ${v.deduction} = ${r}`,
    clamp: (v) => `总分 ${v.value} 低于 0，按 0 计`,
  },
  final: (total, full) => `总分 ${total}（满分 ${full}）`,
  separator: "；",
};

const en: Messages = {
  method: {
    completion: (v, r) =>
      v.direction === "lower"
        ? v.ratio === "1" && Number(v.actual) <= Number(v.target)
          ? `lower is better: actual ${v.actual} is at or below the target ${v.target}, full marks ${r}`
          : `lower is better: target ${v.target} ÷ actual ${v.actual} = ${v.ratio}${v.ratio !== v.fraction ? `, counted as ${v.fraction}` : ""}; ${v.points} × ${v.fraction} = ${r}`
        : `completion ${v.actual} ÷ ${v.target} = ${v.ratio}${v.ratio !== v.fraction ? `, counted as ${v.fraction} (cap ${v.cap})` : ""}; ${v.points} × ${v.fraction} = ${r}`,
    band: (v, r) => `band from worst ${v.worst} to best ${v.best}: value ${v.value} gives the fraction ${v.fraction}; ${v.points} × ${v.fraction} = ${r}`,
    steps: (v, r) => (v.step === "none" ? `steps: ${v.value} reaches no step, 0` : `steps: ${v.value} reaches the step "${v.step}"; ${v.stepPoints ? `${v.stepPoints} points` : `${v.points} × ${v.fraction} = ${r}`}`),
    grade: (v, r) => `grade "${v.grade}" counts ${v.fraction}; ${v.points} × ${v.fraction} = ${r}`,
    deduction: (v, r) => `deduction: ${v.count} × ${v.per} = ${v.deducted} off${v.max ? ` (at most ${v.max})` : ""}; ${v.points} − ${v.deducted} = ${v.raw}${v.raw !== r ? `, not below ${v.floor}: ${r}` : ""}`,
    bonus: (v, r) => `bonus: ${v.count} × ${v.per} = ${v.raw}${v.raw !== r ? `, capped at the ${v.points} points` : ""}, ${r}`,
    rank: (v, r) =>
      v.step
        ? `rank: place ${v.place} of ${v.peers}; ${v.points} − (${v.place} − 1) × ${v.step}${v.floor !== "0" ? `, not below ${v.floor}` : ""} = ${r}`
        : `rank: place ${v.place} of ${v.peers}, in proportion ${v.ratio} to the leader's ${v.leader}; ${r}`,
    votes: (v, r) => `votes: ${votesList(v, ", ", " × ")}; ${v.total} votes, fraction ${v.fraction}; ${v.points} × ${v.fraction} = ${r}`,
    direct: (v, r) => (v.scale ? `given score ${v.score} of ${v.scale}, worth ${r}` : `given score ${r}`),
    custom: (v, r) => (v.rule === "custom" ? `custom rule: ${r}` : `custom rule (${v.rule}): ${r}`),
    unit: (v, r) => `the ratio ${v.value} as a percent: ${v.value} × ${v.factor} = ${r}`,
    missing: () => `no value given, scored 0`,
    adjust: (v, r) => `items aimed at it: ${v.earned} + ${v.bonus} − ${v.deduction}, kept within 0 to ${v.points}: ${r}`,
  },
  notApplicable: (v) => `${v.missing ? "no value given, so it " : ""}does not apply${v.reason ? ` (${v.reason})` : ""}; left out of the applicable points`,
  round: (v, r) => `rounded to ${v.decimals} decimals (${roundingModeWords(v.mode, "en")}): ${v.value} → ${r}`,
  flag: (name, v) => `flag "${name}": ${v.reason}`,
  veto: (name, v, r) =>
    v.effect === "zero"
      ? `veto "${name}"${v.reason ? ` (${v.reason})` : ""}: the total ${v.before} becomes 0`
      : v.effect === "cap"
        ? `veto "${name}"${v.reason ? ` (${v.reason})` : ""}: the total is capped at ${v.cap}, ${v.before} → ${r}`
        : `veto "${name}" recorded${v.reason ? ` (${v.reason})` : ""} for the tier rules`,
  header: (id, name, scheme) => `${name ? `${name} (${id})` : id} · scheme ${scheme}`,
  group: (name, earned, points, applicable) => `${name}: ${earned} / ${points}${applicable !== points ? ` (applicable ${applicable})` : ""}`,
  indicator: (name, earned, points) => `${name}: ${earned} / ${points}`,
  total: {
    sum: (v, r) => `groups: ${Object.values(v).join(" + ") || "0"} = ${r}`,
    convert: (v, r) => `some indicators do not apply, converted: earned ${v.earned} ÷ applicable ${v.applicablePoints} × full ${v.full} = ${r}`,
    exclude: (v, r) => `some indicators do not apply, not converted: earned ${r} (applicable ${v.applicablePoints})`,
    bonusAdjust: (v, r) => `bonus: ${v.items} item(s), ${v.requested}${v.cap ? `, cap ${v.cap}` : ""}, counted ${r}`,
    deductionAdjust: (v, r) => `deductions: ${v.items} item(s), ${v.requested}${v.cap ? `, cap ${v.cap}` : ""}, counted ${r}`,
    adjust: (v, r) => `${v.base} + bonus ${v.bonus} − deductions ${v.deduction} = ${r}`,
    clamp: (v) => `the total ${v.value} is below 0, counted as 0`,
  },
  final: (total, full) => `Total ${total} (full ${full})`,
  separator: "; ",
};

/** Sentences by locale. @internal */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { "zh-CN": zh, en };
