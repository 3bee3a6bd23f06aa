import { isJixiaoError, JixiaoError, type IssuePath } from "../core/errors.js";
import { explain } from "../explain/explain.js";
import { rank } from "../ranking/rank.js";
import { defineScheme, type Scheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import { safeScoreAll } from "../scoring/score.js";
import type { ScoreResult } from "../scoring/result.js";
import type { SubjectInput } from "../scoring/subject.js";
import { describeCell, errorCell, fail, joinMessages, isDate, locateIssue, readJson, ruleLabel, sheetFunction, within, type SheetInput, type SheetOutput } from "./cells.js";
import { readChoice, textOf, wordsOf } from "./options.js";
import { cellAt, columnOf, listNames, readTable, rowLabel, textAt, type SheetRow, type Table } from "./table.js";

/** Texts that mark an indicator as not applicable in a cell (`null` in JSON). */
const NOT_APPLICABLE = new Set(["n/a", "na", "不适用"]);

/** The subjects of a range, scored: a result or an error message for each data row. */
interface Scored {
  readonly scheme: Scheme;
  readonly table: Table;
  readonly ids: ReadonlyMap<number, string>;
  readonly results: ReadonlyMap<number, ScoreResult>;
  readonly errors: ReadonlyMap<number, string>;
}

/** Reads an indicator's cell: a number, decimal text, a grade, N/A, or JSON (votes by grade). */
function valueOf(table: Table, row: SheetRow, column: number): unknown {
  const cell = cellAt(table, row, column);
  if (cell === null) return undefined; // blank: a missing value, as the `missing` option says
  const where = () => `${rowLabel(row.index)}, column ${table.names[column]}`;
  if (typeof cell === "string" && NOT_APPLICABLE.has(cell.toLowerCase())) return null;
  if (typeof cell === "string" && cell.startsWith("{")) {
    try {
      return JSON.parse(cell);
    } catch {
      return fail(`${where()}: starts with "{" but is not valid JSON (votes by grade read {"优秀": 12, "称职": 30})`);
    }
  }
  if (isDate(cell) || typeof cell === "boolean") return fail(`${where()}: is ${describeCell(cell)}; an indicator takes a number, a grade or N/A`);
  return cell;
}

/** Reads one data row as a subject, or throws what is wrong with it. */
function subjectOf(table: Table, row: SheetRow, columns: ReadonlyMap<string, number>): SubjectInput {
  const id = textAt(table, row, columnOf(table, "id"), "an id");
  if (id === undefined) fail(`${rowLabel(row.index)}, column id: is blank; every row needs an id`);
  const name = textAt(table, row, columnOf(table, "name"), "a name");
  const groupColumn = columnOf(table, "group");
  const group = textAt(table, row, groupColumn, "a group");
  if (groupColumn !== undefined && group === undefined) fail(`${rowLabel(row.index)} (${id}), column group: is blank; when the range has a group column every row needs a group`);
  const values: [string, unknown][] = [];
  for (const [indicator, column] of columns) {
    const value = valueOf(table, row, column);
    if (value !== undefined) values.push([indicator, value]);
  }
  return { id, ...(name !== undefined ? { name } : {}), ...(group !== undefined ? { group } : {}), values: Object.fromEntries(values) };
}

/** The sheet label of a subject issue: its row, id and column. */
function rowLocate(table: Table, rows: readonly SheetRow[], ids: readonly string[], columns: ReadonlyMap<string, number>) {
  return (path: IssuePath) => {
    const i = path[0] as number;
    const at = `${rowLabel(rows[i]!.index)} (${ids[i]})`;
    const field = path[1];
    if (field === "values" && typeof path[2] === "string" && columns.has(path[2])) return { label: `${at}, column ${table.names[columns.get(path[2])!]}`, skip: 3 };
    if (field === "id" || field === "name" || field === "group") return { label: `${at}, column ${field}`, skip: 2 };
    return { label: at, skip: 1 };
  };
}

/** Scores every data row of a subjects range; rows are independent unless the scheme ranks them. */
function scoreRange(schemeArg: unknown, subjectsArg: unknown, missingArg: unknown): Scored {
  const json = readJson(schemeArg, "scheme");
  const scheme = within(ruleLabel("scheme"), () => defineScheme(json as SchemeConfig));
  const missing = readChoice(missingArg, "missing", ["error", "not-applicable", "zero"], "error");
  const table = readTable(subjectsArg, "subjects", ["id"]);
  const indicators = scheme.groups.flatMap((g) => g.indicators);
  const columns = new Map<string, number>();
  for (const ind of indicators) {
    const c = columnOf(table, ind.id);
    if (c !== undefined) columns.set(ind.id, c);
  }
  const absent = indicators.filter((ind) => !columns.has(ind.id));
  if (missing === "error" && absent.length > 0)
    fail(
      `subjects ${rowLabel(table.header)}: the header has no column for ${absent.map((a) => `"${a.id}"${a.name ? ` (${a.name})` : ""}`).join(", ")}; ` +
        `it has ${listNames(table.names)} (or give missing "not-applicable" or "zero")`,
    );
  const errors = new Map<number, string>();
  const rows: SheetRow[] = [];
  const subjects: SubjectInput[] = [];
  const ids = new Map<number, string>();
  for (const row of table.rows) {
    try {
      const subject = subjectOf(table, row, columns);
      rows.push(row);
      subjects.push(subject);
      ids.set(row.index, subject.id);
    } catch (error) {
      if (!isJixiaoError(error)) throw error;
      errors.set(row.index, error.issues[0]!.message);
    }
  }
  const ranked = indicators.find((ind) => ind.method.type === "rank");
  const results = new Map<number, ScoreResult>();
  const holdBack = (waiting: readonly number[], culprit: number) => {
    const why = ranked ? `indicator "${ranked.id}" ranks all rows together, so ` : "";
    for (const i of waiting) errors.set(rows[i]!.index, `${rowLabel(rows[i]!.index)} (${subjects[i]!.id}): not scored; ${why}${rowLabel(culprit)} must be fixed first`);
  };
  let batch = rows.map((_, i) => i);
  if (ranked && errors.size > 0) {
    holdBack(batch, Math.min(...errors.keys()));
    batch = [];
  }
  for (let attempt = 0; batch.length > 0; attempt++) {
    const scored = safeScoreAll(scheme, batch.map((i) => subjects[i]!), { missing });
    if (scored.success) {
      const byId = new Map(scored.output.map((r) => [r.subjectId, r]));
      for (const i of batch) results.set(rows[i]!.index, byId.get(subjects[i]!.id)!);
      break;
    }
    const locate = rowLocate(table, batch.map((i) => rows[i]!), batch.map((i) => subjects[i]!.id), columns);
    const failed = new Map<number, string[]>();
    for (const issue of scored.issues) {
      if (typeof issue.path[0] !== "number") throw new JixiaoError([{ ...issue, message: locateIssue(issue, () => ({ label: "subjects", skip: 0 })) }]);
      const list = failed.get(issue.path[0]) ?? [];
      list.push(locateIssue(issue, locate));
      failed.set(issue.path[0], list);
    }
    for (const [k, messages] of failed) errors.set(rows[batch[k]!]!.index, joinMessages(messages));
    const first = [...failed.keys()].sort((a, b) => a - b)[0]!;
    const rest = batch.filter((_, k) => !failed.has(k));
    if (ranked || attempt > 0) {
      holdBack(rest, rows[batch[first]!]!.index);
      break;
    }
    batch = rest;
  }
  return { scheme, table, ids, results, errors };
}

const FIELDS = ["id", "name", "group", "total", "base", "rank"] as const;

/** Reads the `columns` argument of JIXIAO_SCORE: the fields to return, in order. */
function readColumns(arg: unknown, scheme: Scheme): string[] {
  const words = wordsOf(arg, "columns", "id, total, rank");
  if (words.length === 0) return ["id", "total", "rank"];
  const groups = new Set(scheme.groups.map((g) => g.id));
  const indicators = new Set(scheme.groups.flatMap((g) => g.indicators.map((i) => i.id)));
  for (const w of words) {
    const ok = (FIELDS as readonly string[]).includes(w) || (w.startsWith("group:") && groups.has(w.slice(6))) || (w.startsWith("indicator:") && indicators.has(w.slice(10)));
    if (!ok) fail(`columns: "${w.slice(0, 60)}" is not a column; give ${FIELDS.join(", ")}, group:<group id> or indicator:<indicator id>, separated by commas`);
  }
  return words;
}

/** The value of one output column for one result. */
function fieldOf(field: string, result: ScoreResult, ranks: ReadonlyMap<string, number> | string): string | number {
  if (field === "id") return result.subjectId;
  if (field === "name") return result.name ?? "";
  if (field === "group") return result.group ?? "";
  if (field === "total") return result.total;
  if (field === "base") return result.base;
  if (field === "rank") return typeof ranks === "string" ? ranks : ranks.get(result.subjectId)!;
  if (field.startsWith("group:")) return result.groups.find((g) => g.id === field.slice(6))!.earned;
  return result.indicators.find((i) => i.id === field.slice(10))!.earned;
}

/**
 * Scores a range of subjects against a scheme, as a cell formula: one output row per input row,
 * so the result lines up beside the input. The range's first non-blank row is a header naming
 * the columns `id`, optionally `name` and `group` (the peer group the `rank` column and the rank
 * method rank within), and one column per indicator id; other columns are ignored. A cell holds a
 * number, decimal text, a grade, `N/A` or `不适用` (not applicable), or JSON such as
 * `{"优秀": 12, "称职": 30}` for votes; a blank cell is a missing value.
 *
 * A row that cannot be scored shows `#JIXIAO! row 5 (c004), column study: …` in its first
 * computed column and the other rows are scored — unless the scheme has a `rank` indicator, which
 * ranks all rows together, so that every row waits for the error to be fixed. A bad scheme gives
 * one error cell.
 *
 * @param scheme - the scheme as JSON text: one cell, or several cells joined in reading order.
 * @param subjects - the subjects range, header row first.
 * @param columns - the output columns, comma-separated: `id`, `name`, `group`, `total`, `base`,
 * `rank` (competition rank by total within `group`), `group:<id>`, `indicator:<id>`; default
 * `id, total, rank`.
 * @param missing - what a blank indicator cell means: `error` (default), `not-applicable` or `zero`.
 * @returns rows aligned with `subjects`: the header row gets the column names, a blank row stays blank.
 * @example
 * ```ts
 * const scheme = JSON.stringify({ id: "q", full: 10, groups: [{ id: "g", points: 10, indicators: [
 *   { id: "rate", points: 10, method: { type: "completion", target: 100 } }] }] });
 * JIXIAO_SCORE(scheme, [["id", "rate"], ["c001", 96.5], ["c002", 90.1]]);
 * //=> [["id", "total", "rank"], ["c001", 9.65, 1], ["c002", 9.01, 2]]
 * ```
 */
export function JIXIAO_SCORE(scheme: SheetInput, subjects: SheetInput, columns?: SheetInput, missing?: SheetInput): SheetOutput {
  return sheetFunction(() => {
    const s = scoreRange(scheme, subjects, missing);
    const fields = readColumns(columns, s.scheme);
    const { table, results, errors } = s;
    let ranks: ReadonlyMap<string, number> | string = new Map();
    if (fields.includes("rank")) {
      const firstError = [...errors.keys()].sort((a, b) => a - b)[0];
      if (firstError !== undefined) ranks = errorCell([`not ranked; ${rowLabel(firstError)} must be fixed first`]);
      else {
        const grouped = columnOf(table, "group") !== undefined;
        const ranking = rank([...results.values()], grouped ? { groupBy: "group" } : {});
        ranks = new Map(ranking.entries.map((e) => [e.subjectId, e.rank]));
      }
    }
    const computed = fields.findIndex((f) => f !== "id" && f !== "name" && f !== "group");
    const out: SheetOutput = Array.from({ length: table.height }, () => fields.map(() => ""));
    out[table.header] = [...fields];
    for (const row of table.rows) {
      const result = results.get(row.index);
      if (result) out[row.index] = fields.map((f) => fieldOf(f, result, ranks));
      else {
        const cells: (string | number)[] = fields.map((f) => (f === "id" ? (s.ids.get(row.index) ?? "") : ""));
        cells[computed >= 0 ? computed : 0] = errorCell([errors.get(row.index)!]);
        out[row.index] = cells;
      }
    }
    return out;
  });
}

/**
 * Explains one subject's score in words, one line per cell down a column (R24): every group and
 * indicator with its rule and numbers, the rounding, the conversion, the adjustments and the
 * total. The subjects range reads as in {@link JIXIAO_SCORE}; the whole range is scored, so the
 * `rank` method sees every row.
 *
 * @param scheme - the scheme as JSON text.
 * @param subjects - the subjects range, header row first.
 * @param id - the id of the subject to explain; may be left out when the range has one subject.
 * @param locale - `zh-CN` (default) or `en`.
 * @param missing - what a blank indicator cell means: `error` (default), `not-applicable` or `zero`.
 * @returns one column: the explanation's lines.
 * @example
 * ```ts
 * JIXIAO_EXPLAIN(scheme, [["id", "rate"], ["c001", 96.5]], "c001", "en").at(-1);
 * //=> ["Total 9.65 (full 10)"]
 * ```
 */
export function JIXIAO_EXPLAIN(scheme: SheetInput, subjects: SheetInput, id?: SheetInput, locale?: SheetInput, missing?: SheetInput): SheetOutput {
  return sheetFunction(() => {
    const lang = readChoice(locale, "locale", ["zh-CN", "zh", "en"], "zh-CN");
    const s = scoreRange(scheme, subjects, missing);
    const wanted = textOf(id, "id");
    const data = s.table.rows.map((r) => r.index);
    let index: number | undefined;
    if (wanted === undefined) {
      if (data.length !== 1) fail(`id: give the id of the subject to explain (the range has ${data.length} rows)`);
      index = data[0];
    } else {
      index = data.find((i) => s.ids.get(i) === wanted);
      if (index === undefined) fail(`id: no row of subjects has the id "${wanted.slice(0, 60)}"`);
    }
    const result = s.results.get(index!);
    if (!result) return [[errorCell([s.errors.get(index!)!])]];
    return explain(result, { locale: lang === "en" ? "en" : "zh-CN" })
      .split("\n")
      .map((line) => [line]);
  });
}
