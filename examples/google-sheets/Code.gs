/**
 * jixiao (绩效) custom functions for Google Sheets.
 *
 * Paste this file into an Apps Script project next to a file holding dist/jixiao.global.js (which
 * defines the global `Jixiao`); see README.md. Every function returns rows of cells; what it cannot
 * do comes back as a cell starting with "#JIXIAO!" that says where the problem is.
 */

/**
 * Scores subjects against a scheme: id, total and rank per row, aligned with the input rows.
 *
 * @param {string|string[][]} scheme The scheme as JSON text, or the cells that hold it.
 * @param {any[][]} subjects The subjects: a header row (id, name, group, indicator ids), then one row per subject.
 * @param {string} columns Optional. Output columns, e.g. "id, total, rank" (default) or "total".
 * @param {string} missing Optional. What a blank indicator cell means: "error" (default), "not-applicable" or "zero".
 * @return The results, one row per input row.
 * @customfunction
 */
function JIXIAO_SCORE(scheme, subjects, columns, missing) {
  return Jixiao.JIXIAO_SCORE(scheme, subjects, columns, missing);
}

/**
 * Explains one subject's score, one line per cell.
 *
 * @param {string|string[][]} scheme The scheme as JSON text, or the cells that hold it.
 * @param {any[][]} subjects The subjects range, as for JIXIAO_SCORE.
 * @param {string} id Optional. The id of the subject to explain (needed when the range has several).
 * @param {string} locale Optional. "zh-CN" (default) or "en".
 * @param {string} missing Optional. What a blank indicator cell means, as for JIXIAO_SCORE.
 * @return The explanation, one line per row.
 * @customfunction
 */
function JIXIAO_EXPLAIN(scheme, subjects, id, locale, missing) {
  return Jixiao.JIXIAO_EXPLAIN(scheme, subjects, id, locale, missing);
}

/**
 * Ranks a column of scores, within groups when given.
 *
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups Optional. The peer group of each row (the same rows as scores).
 * @param {string} options Optional. "desc" (default) or "asc"; "competition" (default), "dense" or "ordinal".
 * @return One rank per row.
 * @customfunction
 */
function JIXIAO_RANK(scores, groups, options) {
  return Jixiao.JIXIAO_RANK(scores, groups, options);
}

/**
 * Places a column of scores in tiers (好/中/差 …) by a tier policy.
 *
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string|string[][]} policy The tier policy as JSON text, or the cell that holds it.
 * @return One tier name per row.
 * @customfunction
 */
function JIXIAO_TIER(scores, groups, policy) {
  return Jixiao.JIXIAO_TIER(scores, groups, policy);
}

/**
 * Last-place deductions (末位扣分): the points each row loses, 0 for none.
 *
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string|string[][]} policy The last-place policy as JSON text, e.g. {"deductions": [1, 0.5]}.
 * @return One deduction per row.
 * @customfunction
 */
function JIXIAO_LASTPLACE(scores, groups, policy) {
  return Jixiao.JIXIAO_LASTPLACE(scores, groups, policy);
}

/**
 * Credits grabbed tasks (三单): allocates the grabs, assigns the rest, credits the completions.
 *
 * @param {string|string[][]} board The task board as JSON text, or the cells that hold it.
 * @param {any[][]} grabs The grabs: a header row (task, person, at), then one row per grab.
 * @param {any[][]} completions Optional. The completions: task, person, quality (completed, share).
 * @param {any[][]} staff Optional. The staff: id, posts (name).
 * @param {string|string[][]} policy Optional. Allocation and credit options as JSON text, e.g. {"cap": 10}.
 * @return person, credit, total and excess per person.
 * @customfunction
 */
function JIXIAO_TASKCREDIT(board, grabs, completions, staff, policy) {
  return Jixiao.JIXIAO_TASKCREDIT(board, grabs, completions, staff, policy);
}

/**
 * Sums a growth-account ledger (个人成长账户) kept in the sheet, corrections applied.
 *
 * @param {any[][]} entries The entries: a header row (id, person, date, component, points, source, corrects, action), then one row per entry.
 * @param {string} period Optional. The period summed: 2024, 2024-Q3, 2024-07; blank for a whole career.
 * @param {string} asOf Optional. Count only what was recorded up to this date.
 * @return person, total and a column per component, one row per person.
 * @customfunction
 */
function JIXIAO_ACCOUNT(entries, period, asOf) {
  return Jixiao.JIXIAO_ACCOUNT(entries, period, asOf);
}
