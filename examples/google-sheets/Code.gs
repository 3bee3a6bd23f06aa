/**
 * jixiao (绩效) custom functions for Google Sheets.
 *
 * Paste this file into an Apps Script project next to a file holding dist/jixiao.global.js (which
 * defines the global `Jixiao`); see README.md. Every function returns rows of cells; what it cannot
 * do comes back as a cell starting with "#JIXIAO!" that says where the problem is. Headers, notes
 * and errors are in Chinese; give "en" as the last argument (locale) for English.
 */

/**
 * Scores subjects against a scheme (考评): 编号, 总分, 名次 and 说明 per row, aligned with the input rows.
 *
 * @param {string|string[][]} scheme The scheme as JSON text, or the cells that hold it.
 * @param {any[][]} subjects The subjects: a header row (编号, 姓名, 比较组, 加分, 减分, 否决项, indicator names or ids), then one row per subject.
 * @param {string} columns Optional. Output columns, e.g. "编号, 总分, 名次, 说明" (default), "总分" or "编号, 部门, 总分".
 * @param {string} missing Optional. What a blank indicator cell means: "error" (default), "not-applicable" or "zero".
 * @param {string} locale Optional. "zh-CN" (default) or "en" for English headers, notes and errors.
 * @return The results, one row per input row.
 * @customfunction
 */
function JIXIAO_SCORE(scheme, subjects, columns, missing, locale) {
  return Jixiao.JIXIAO_SCORE(scheme, subjects, columns, missing, locale);
}

/**
 * Explains one subject's score, one line per cell.
 *
 * @param {string|string[][]} scheme The scheme as JSON text, or the cells that hold it.
 * @param {any[][]} subjects The subjects range, as for JIXIAO_SCORE.
 * @param {string} id Optional. The id of the subject to explain (needed when the range has several).
 * @param {string} locale Optional. "zh-CN" (default) or "en", for the explanation and errors.
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
 * @param {string} locale Optional. "zh-CN" (default) or "en".
 * @return One rank per row.
 * @customfunction
 */
function JIXIAO_RANK(scores, groups, options, locale) {
  return Jixiao.JIXIAO_RANK(scores, groups, options, locale);
}

/**
 * Places a column of scores in tiers (好/中/差 …) by a tier policy.
 *
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string|string[][]} policy The tier policy as JSON text, or the cell that holds it.
 * @param {string} locale Optional. "zh-CN" (default) or "en".
 * @return One tier name per row.
 * @customfunction
 */
function JIXIAO_TIER(scores, groups, policy, locale) {
  return Jixiao.JIXIAO_TIER(scores, groups, policy, locale);
}

/**
 * Last-place deductions (末位扣分): the points each row loses, 0 for none.
 *
 * @param {any[][]} scores One column of scores, or two columns: ids and scores.
 * @param {any[][]} groups The peer group of each row, or "" for one group.
 * @param {string|string[][]} policy The last-place policy as JSON text, e.g. {"deductions": [1, 0.5]}.
 * @param {string} locale Optional. "zh-CN" (default) or "en".
 * @return One deduction per row.
 * @customfunction
 */
function JIXIAO_LASTPLACE(scores, groups, policy, locale) {
  return Jixiao.JIXIAO_LASTPLACE(scores, groups, policy, locale);
}

/**
 * Credits grabbed tasks (三单): allocates the grabs, assigns the rest, credits the completions.
 *
 * @param {string|string[][]} board The task board as JSON text, or the cells that hold it.
 * @param {any[][]} grabs The grabs: a header row (任务, 人员, 抢单时间 — or task, person, at), then one row per grab.
 * @param {any[][]} completions Optional. The completions: 任务, 人员, 完成质量 (完成时间, 份额).
 * @param {any[][]} staff Optional. The staff: 编号, 岗位 (姓名, 部门).
 * @param {string|string[][]} policy Optional. Allocation and credit options as JSON text, e.g. {"cap": 10}.
 * @param {string} locale Optional. "zh-CN" (default) or "en".
 * @return 人员, 计入积分, 积分合计 and 超出上限 per person.
 * @customfunction
 */
function JIXIAO_TASKCREDIT(board, grabs, completions, staff, policy, locale) {
  return Jixiao.JIXIAO_TASKCREDIT(board, grabs, completions, staff, policy, locale);
}

/**
 * Sums a growth-account ledger (个人成长账户) kept in the sheet, corrections applied.
 *
 * @param {any[][]} entries The entries: a header row (编号, 人员, 所属日期, 类别, 积分, 来源, 更正记录, 更正方式 — or id, person, date, component, points, source, corrects, action), then one row per entry.
 * @param {string} period Optional. The period summed: 2024, 2024-Q3, 2024-07; blank for a whole career.
 * @param {string} asOf Optional. Count only what was recorded up to this date.
 * @param {string} locale Optional. "zh-CN" (default) or "en".
 * @return 人员, 合计 and a column per component, one row per person.
 * @customfunction
 */
function JIXIAO_ACCOUNT(entries, period, asOf, locale) {
  return Jixiao.JIXIAO_ACCOUNT(entries, period, asOf, locale);
}
