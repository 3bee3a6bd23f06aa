/* global CustomFunctions */
// jixiao (绩效) custom functions for Excel (Office Add-ins). Build this file with the add-in's
// webpack setup (the Yeoman "Excel Custom Functions" template) after `npm install jixiao`; the
// custom-functions-metadata plugin reads the JSDoc tags below and writes functions.json.
// Every function returns a matrix; what it cannot do comes back as a cell starting "#JIXIAO!".
// Headers, notes and errors are in Chinese; give "en" as the last argument (locale) for English.
import * as Jixiao from "jixiao";

/**
 * Scores subjects against a scheme (考评): 编号, 总分, 名次 and 说明 per row, aligned with the input rows.
 * @customfunction SCORE
 * @param {string} scheme The scheme as JSON text.
 * @param {any[][]} subjects Header row (编号, 姓名, 比较组, 加分, 减分, 否决项, indicator names or ids), then one row per subject.
 * @param {string} [columns] Output columns, e.g. "编号, 总分, 名次, 说明" (default), "总分" or "编号, 部门, 总分".
 * @param {string} [missing] A blank indicator cell means "error" (default), "not-applicable" or "zero".
 * @param {string} [locale] "zh-CN" (default) or "en" for English headers, notes and errors.
 * @returns {any[][]} One row per input row.
 */
export function score(scheme, subjects, columns, missing, locale) {
  return Jixiao.JIXIAO_SCORE(scheme, subjects, columns, missing, locale);
}

/**
 * Explains one subject's score, one line per cell.
 * @customfunction EXPLAIN
 * @param {string} scheme The scheme as JSON text.
 * @param {any[][]} subjects The subjects range, as for JIXIAO.SCORE.
 * @param {string} [id] The id of the subject to explain.
 * @param {string} [locale] "zh-CN" (default) or "en".
 * @param {string} [missing] A blank indicator cell means "error" (default), "not-applicable" or "zero".
 * @returns {any[][]} The explanation, one line per row.
 */
export function explain(scheme, subjects, id, locale, missing) {
  return Jixiao.JIXIAO_EXPLAIN(scheme, subjects, id, locale, missing);
}

/**
 * Ranks a column of scores, within groups when given.
 * @customfunction RANK
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} [groups] The peer group of each row (the same rows as scores).
 * @param {string} [options] "desc" (default) or "asc"; "competition" (default), "dense" or "ordinal".
 * @param {string} [locale] "zh-CN" (default) or "en".
 * @returns {any[][]} One rank per row.
 */
export function rank(scores, groups, options, locale) {
  return Jixiao.JIXIAO_RANK(scores, groups, options, locale);
}

/**
 * Places a column of scores in tiers (好/中/差 …) by a tier policy.
 * @customfunction TIER
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string} policy The tier policy as JSON text.
 * @param {string} [locale] "zh-CN" (default) or "en".
 * @returns {any[][]} One tier name per row.
 */
export function tier(scores, groups, policy, locale) {
  return Jixiao.JIXIAO_TIER(scores, groups, policy, locale);
}

/**
 * Last-place deductions (末位扣分): the points each row loses, 0 for none.
 * @customfunction LASTPLACE
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string} policy The last-place policy as JSON text, e.g. {"deductions": [1, 0.5]}.
 * @param {string} [locale] "zh-CN" (default) or "en".
 * @returns {any[][]} One deduction per row.
 */
export function lastPlace(scores, groups, policy, locale) {
  return Jixiao.JIXIAO_LASTPLACE(scores, groups, policy, locale);
}

/**
 * Credits grabbed tasks (三单): allocates the grabs, assigns the rest, credits the completions.
 * @customfunction TASKCREDIT
 * @param {string} board The task board as JSON text.
 * @param {any[][]} grabs Header row (任务, 人员, 抢单时间 — or task, person, at), then one row per grab.
 * @param {any[][]} [completions] Header row (任务, 人员, 完成质量, 完成时间, 份额), then one row per completion.
 * @param {any[][]} [staff] Header row (编号, 岗位, 姓名, 部门), then one row per person.
 * @param {string} [policy] Allocation and credit options as JSON text, e.g. {"cap": 10}.
 * @param {string} [locale] "zh-CN" (default) or "en".
 * @returns {any[][]} 人员, 计入积分, 积分合计 and 超出上限 per person.
 */
export function taskCredit(board, grabs, completions, staff, policy, locale) {
  return Jixiao.JIXIAO_TASKCREDIT(board, grabs, completions, staff, policy, locale);
}

/**
 * Sums a growth-account ledger (个人成长账户) kept in the sheet, corrections applied.
 * @customfunction ACCOUNT
 * @param {any[][]} entries Header row (编号, 人员, 所属日期, 类别, 积分, 来源, 更正记录, 更正方式 — or their English ids), then one row per entry.
 * @param {string} [period] The period summed: 2024, 2024-Q3, 2024-07; blank for a whole career.
 * @param {string} [asOf] Count only what was recorded up to this date.
 * @param {string} [locale] "zh-CN" (default) or "en".
 * @returns {any[][]} 人员, 合计 and a column per component, one row per person.
 */
export function account(entries, period, asOf, locale) {
  return Jixiao.JIXIAO_ACCOUNT(entries, period, asOf, locale);
}

CustomFunctions.associate("SCORE", score);
CustomFunctions.associate("EXPLAIN", explain);
CustomFunctions.associate("RANK", rank);
CustomFunctions.associate("TIER", tier);
CustomFunctions.associate("LASTPLACE", lastPlace);
CustomFunctions.associate("TASKCREDIT", taskCredit);
CustomFunctions.associate("ACCOUNT", account);
