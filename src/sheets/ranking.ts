import { IssueCode, isJixiaoError } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { sheetLabel, type SheetLabel } from "../messages/sheets.js";
import { lastPlacePolicySchema, type LastPlacePolicy } from "../penalties/last-place.js";
import { rank } from "../ranking/rank.js";
import type { Rankable, Ranking, RankOptions } from "../ranking/types.js";
import { defineTierPolicy } from "../tiers/policy.js";
import type { TierPolicy } from "../tiers/types.js";
import { fail, placed, problem, readJson, ruleLabel, sheetFunction, within, type Problem, type Sheet, type SheetInput, type SheetOutput } from "./cells.js";
import { readWords } from "./options.js";
import { readScores, rowNumber, type ScoreColumn, type ScoreRow } from "./table.js";
import { assess, type Assessment, type AssessmentRules } from "../pipeline/assess.js";

/**
 * One output column aligned with a score column: `label` on the header row, each scored row's
 * value from `compute` (by row index), blank rows blank. Scored rows depend on each other (ranks,
 * quotas), so while any row has an error every other scored row says which row to fix first.
 */
function aligned(
  sheet: Sheet,
  col: ScoreColumn,
  label: SheetLabel,
  waiting: "rank" | "tier" | "lastPlace",
  compute: (rows: readonly ScoreRow[]) => ReadonlyMap<string, string | number>,
): SheetOutput {
  const errors = new Map<number, Problem[]>([...col.errors].map(([k, v]) => [k, [...v]]));
  let values: ReadonlyMap<string, string | number> = new Map();
  if (errors.size === 0 && col.rows.length > 0) {
    try {
      values = compute(col.rows);
    } catch (error) {
      if (!isJixiaoError(error)) throw error;
      const whole = error.issues.filter((i) => typeof i.path[0] !== "number");
      if (whole.length > 0) throw error;
      for (const i of error.issues) {
        const row = col.rows[i.path[0] as number]!;
        const p = placed(i, () => ({ place: { row: rowNumber(row.index), ...(row.id.startsWith("row ") ? {} : { id: row.id }) }, skip: 2 }));
        errors.set(row.index, [...(errors.get(row.index) ?? []), p]);
      }
    }
  }
  const out: SheetOutput = Array.from({ length: col.height }, () => [""]);
  if (col.header >= 0) out[col.header] = [sheetLabel(label, sheet.locale)];
  const first = Math.min(...errors.keys());
  for (const [index, problems] of errors) out[index] = [sheet.error(problems)];
  const wait = errors.size > 0 ? sheet.error([problem({ key: "sheetsWaitRow", what: waiting, row: rowNumber(first) })]) : "";
  for (const row of col.rows) if (!errors.has(row.index)) out[row.index] = [errors.size > 0 ? wait : values.get(row.id)!];
  return out;
}

/** The rows as things to rank. */
const rankables = (rows: readonly ScoreRow[]): Rankable[] => rows.map((r) => ({ subjectId: r.id, total: r.score, ...(r.group !== undefined ? { group: r.group } : {}) }));

/** Ranks the rows, within their groups when groups were given. */
function rankRows(col: ScoreColumn, rows: readonly ScoreRow[], options: RankOptions = {}): Ranking {
  return rank(rankables(rows), { ...options, ...(col.grouped ? { groupBy: "group" } : {}) });
}

/** The rows through the assessment pipeline with `rules` (ranked within their groups when groups were given), each step's problems at its own paths. */
const assessRows = (col: ScoreColumn, rows: readonly ScoreRow[], rules: AssessmentRules): Assessment =>
  assess({ ...rules, rank: col.grouped ? { groupBy: "group" } : {} }, { scores: rankables(rows) }, { at: (_step, run) => run() });

/** Reads a policy's JSON and checks that its peer groups can come from the groups column. */
function readPolicy<P extends { readonly groupBy?: string }>(arg: unknown, col: ScoreColumn, define: (json: never) => P, base?: string): P {
  const json = readJson(arg, "policy");
  const policy = within(ruleLabel("policy", base), () => define(json as never));
  if (policy.groupBy !== undefined && policy.groupBy !== "group") fail({ key: "sheetsPolicyGroupBy", groupBy: policy.groupBy }, { arg: "policy" }, IssueCode.invalidOption, ["groupBy"]);
  if (policy.groupBy === "group" && !col.grouped) fail({ key: "sheetsPolicyNoGroups" }, { arg: "policy" }, IssueCode.required, ["groupBy"]);
  return policy;
}

const RANK_WORDS = ["desc", "asc", "competition", "dense", "ordinal"] as const;

/**
 * Ranks a column of scores, within groups when a groups column is given (R6, R20): one rank per
 * row, aligned with the input, higher scores first by default, equal scores sharing a rank
 * (1, 2, 2, 4). Ties are broken by id — by row order when the scores have no ids — for `ordinal`.
 *
 * The scores are one column, or two: ids, then scores; a score is a number or its text, `96.5%` and
 * `1,000` too. A first row whose score is text that is not a number is a header: its output is
 * `名次` (`rank` in English). A blank score is not ranked and its output
 * stays blank. A score that is not a number shows an error in its row; the other rows then say
 * which row to fix, since every rank depends on every score.
 *
 * @param scores - one column of scores, or two columns: ids and scores.
 * @param groups - the peer group of each row, the same rows as `scores`; left out, all rows form one group.
 * @param options - words in one cell: `desc` (default) or `asc`; `competition` (default, 1 2 2 4),
 * `dense` (1 2 2 3) or `ordinal` (1 2 3 4).
 * @param locale - the language of the header and errors: `zh-CN` (default) or `en`.
 * @returns one column of ranks, aligned with `scores`; the header row gets `名次` (`rank`).
 * @example
 * ```ts
 * JIXIAO_RANK([["总分"], [90], [95], ["90.0"], [""], ["88%"]]);
 * //=> [["名次"], [2], [1], [2], [""], [4]]
 * JIXIAO_RANK([["total"], [90], [95]], "", "", "en");
 * //=> [["rank"], [2], [1]]
 * ```
 */
export function JIXIAO_RANK(scores: SheetInput, groups?: SheetInput, options?: SheetInput, locale?: SheetInput): SheetOutput {
  return sheetFunction(locale, [scores, groups, options] as const, (sheet, scores, groups, options) => {
    const words = readWords(options, "options", RANK_WORDS);
    const order = words.includes("asc") ? "asc" : "desc";
    const ties = words.find((w) => w === "competition" || w === "dense" || w === "ordinal") ?? "competition";
    if (words.includes("asc") && words.includes("desc")) fail({ key: "sheetsAscDesc" }, { arg: "options" }, IssueCode.invalidOption);
    if (words.filter((w) => w !== "asc" && w !== "desc").length > 1) fail({ key: "sheetsOneTieRule" }, { arg: "options" }, IssueCode.invalidOption);
    const col = readScores(scores, groups);
    return aligned(sheet, col, "rank", "rank", (rows) => new Map(rankRows(col, rows, { order, ties }).entries.map((e) => [e.subjectId, e.rank])));
  });
}

/**
 * Places a column of scores in tiers (好/中/差 …, R13, R28) by a tier policy, within groups when a
 * groups column is given: one tier name per row, aligned with the input. The scores read as in
 * {@link JIXIAO_RANK} (higher is better); the policy is the JSON of a {@link TierPolicy}, with
 * its shares, thresholds, quota rounding and tie rule — leave its `groupBy` out, the groups
 * column gives the peer groups.
 *
 * @param scores - one column of scores, or two columns: ids and scores.
 * @param groups - the peer group of each row, the same rows as `scores`; blank, all rows form one group.
 * @param policy - the tier policy as JSON text.
 * @param locale - the language of the header and errors: `zh-CN` (default) or `en`.
 * @returns one column of tier names, aligned with `scores`; the header row gets `等次` (`tier`).
 * @example
 * ```ts
 * JIXIAO_TIER([[90], [85], [85], [70], [60]], "",
 *   '{"tiers":[{"name":"好","share":0.2},{"name":"中"},{"name":"差","share":0.2}]}');
 * //=> [["好"], ["中"], ["中"], ["中"], ["差"]]
 * ```
 */
export function JIXIAO_TIER(scores: SheetInput, groups: SheetInput, policy: SheetInput, locale?: SheetInput): SheetOutput {
  return sheetFunction(locale, [scores, groups, policy] as const, (sheet, scores, groups, policy) => {
    const col = readScores(scores, groups);
    const p = readPolicy<TierPolicy>(policy, col, defineTierPolicy);
    return aligned(sheet, col, "tier", "tier", (rows) => new Map(assessRows(col, rows, { tierPolicy: p }).assignment!.placements.map((t) => [t.subjectId, t.tier])));
  });
}

/**
 * Last-place deductions (末位扣分) for a column of scores, within groups when a groups column is
 * given: the points each row loses, aligned with the input — 0 for a row that loses none. The
 * scores read as in {@link JIXIAO_RANK} (higher is better); the policy is the JSON of a
 * {@link LastPlacePolicy}: the deductions by place from the bottom, the tie rule, the smallest
 * group and the score condition.
 *
 * @param scores - one column of scores, or two columns: ids and scores.
 * @param groups - the peer group of each row, the same rows as `scores`; blank, all rows form one group.
 * @param policy - the last-place policy as JSON text.
 * @param locale - the language of the header and errors: `zh-CN` (default) or `en`.
 * @returns one column of points deducted, aligned with `scores`; the header row gets `末位扣分` (`deduction`).
 * @example
 * ```ts
 * JIXIAO_LASTPLACE([[90], [80], [70], [60], [50]], "", '{"deductions":[1,0.5]}');
 * //=> [[0], [0], [0], [0.5], [1]]
 * ```
 */
export function JIXIAO_LASTPLACE(scores: SheetInput, groups: SheetInput, policy: SheetInput, locale?: SheetInput): SheetOutput {
  return sheetFunction(locale, [scores, groups, policy] as const, (sheet, scores, groups, policy) => {
    const col = readScores(scores, groups);
    const p = readPolicy(policy, col, (json) => parseWith(lastPlacePolicySchema, json, "Last-place policy is not valid", ["policy"]) as LastPlacePolicy, "policy");
    return aligned(sheet, col, "deduction", "lastPlace", (rows) => {
      const points = new Map<string, number>(rows.map((r) => [r.id, 0]));
      for (const d of assessRows(col, rows, { lastPlace: p }).lastPlace!.deductions) points.set(d.subjectId, d.points);
      return points;
    });
  });
}
