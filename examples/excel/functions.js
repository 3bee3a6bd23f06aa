/* global CustomFunctions */
// jixiao (绩效) custom functions for Excel (Office Add-ins). Build this file with the add-in's
// webpack setup (the Yeoman "Excel Custom Functions" template) after `npm install jixiao`; the
// custom-functions-metadata plugin reads the JSDoc tags below and writes functions.json.
// Every function returns a matrix; what it cannot do comes back as a cell starting "#JIXIAO!".
import * as Jixiao from "jixiao";

/**
 * Scores subjects against a scheme: id, total and rank per row, aligned with the input rows.
 * @customfunction SCORE
 * @param {string} scheme The scheme as JSON text.
 * @param {any[][]} subjects Header row (id, name, group, indicator ids), then one row per subject.
 * @param {string} [columns] Output columns, e.g. "id, total, rank" (default) or "total".
 * @param {string} [missing] A blank indicator cell means "error" (default), "not-applicable" or "zero".
 * @returns {any[][]} One row per input row.
 */
export function score(scheme, subjects, columns, missing) {
  return Jixiao.JIXIAO_SCORE(scheme, subjects, columns, missing);
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
 * @returns {any[][]} One rank per row.
 */
export function rank(scores, groups, options) {
  return Jixiao.JIXIAO_RANK(scores, groups, options);
}

/**
 * Places a column of scores in tiers (好/中/差 …) by a tier policy.
 * @customfunction TIER
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string} policy The tier policy as JSON text.
 * @returns {any[][]} One tier name per row.
 */
export function tier(scores, groups, policy) {
  return Jixiao.JIXIAO_TIER(scores, groups, policy);
}

/**
 * Last-place deductions (末位扣分): the points each row loses, 0 for none.
 * @customfunction LASTPLACE
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string} policy The last-place policy as JSON text, e.g. {"deductions": [1, 0.5]}.
 * @returns {any[][]} One deduction per row.
 */
export function lastPlace(scores, groups, policy) {
  return Jixiao.JIXIAO_LASTPLACE(scores, groups, policy);
}

/**
 * Credits grabbed tasks (三单): allocates the grabs, assigns the rest, credits the completions.
 * @customfunction TASKCREDIT
 * @param {string} board The task board as JSON text.
 * @param {any[][]} grabs Header row (task, person, at), then one row per grab.
 * @param {any[][]} [completions] Header row (task, person, quality, completed, share), then one row per completion.
 * @param {any[][]} [staff] Header row (id, posts, name), then one row per person.
 * @param {string} [policy] Allocation and credit options as JSON text, e.g. {"cap": 10}.
 * @returns {any[][]} person, credit, total and excess per person.
 */
export function taskCredit(board, grabs, completions, staff, policy) {
  return Jixiao.JIXIAO_TASKCREDIT(board, grabs, completions, staff, policy);
}

/**
 * Sums a growth-account ledger (个人成长账户) kept in the sheet, corrections applied.
 * @customfunction ACCOUNT
 * @param {any[][]} entries Header row (id, person, date, component, points, source, corrects, action), then one row per entry.
 * @param {string} [period] The period summed: 2024, 2024-Q3, 2024-07; blank for a whole career.
 * @param {string} [asOf] Count only what was recorded up to this date.
 * @returns {any[][]} person, total and a column per component, one row per person.
 */
export function account(entries, period, asOf) {
  return Jixiao.JIXIAO_ACCOUNT(entries, period, asOf);
}

CustomFunctions.associate("SCORE", score);
CustomFunctions.associate("EXPLAIN", explain);
CustomFunctions.associate("RANK", rank);
CustomFunctions.associate("TIER", tier);
CustomFunctions.associate("LASTPLACE", lastPlace);
CustomFunctions.associate("TASKCREDIT", taskCredit);
CustomFunctions.associate("ACCOUNT", account);
