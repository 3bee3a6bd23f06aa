import { exactCell } from "../core/exact.js";
import { formatPath, IssueCode, type Issue, type IssuePath } from "../core/errors.js";
import { explain } from "../explain/explain.js";
import { FIELDS } from "../messages/tables.js";
import { placeWords, sheetLabel, SHEET_LABELS, type SheetPlace } from "../messages/sheets.js";
import type { Locale } from "../messages/types.js";
import { rank } from "../ranking/rank.js";
import { defineScheme, type Scheme } from "../scheme/define.js";
import type { IndicatorConfig, SchemeConfig } from "../scheme/types.js";
import { safeScoreAll } from "../scoring/score.js";
import type { ScoreResult } from "../scoring/result.js";
import type { SubjectInput } from "../scoring/subject.js";
import { headerKey, headersOf, isNotApplicableText, readNumberText, rowNote, unitOf, vetoIdsOf, type Field } from "../tables/index.js";
import {
  cellParams,
  fail,
  isDate,
  placed,
  problem,
  readJson,
  ruleLabel,
  SheetFailure,
  sheetFunction,
  within,
  type Problem,
  type Sheet,
  type SheetInput,
  type SheetOutput,
} from "./cells.js";
import { readChoice, textOf, wordsOf } from "./options.js";
import { cellAt, columnOf, numberOf, readTable, rowNumber, textAt, type SheetRow, type Table } from "./table.js";

/** The subjects of a range, scored: a result or the problems of each data row. */
interface Scored {
  readonly scheme: Scheme;
  readonly table: Table;
  readonly ids: ReadonlyMap<number, string>;
  readonly results: ReadonlyMap<number, ScoreResult>;
  readonly errors: ReadonlyMap<number, readonly Problem[]>;
}

/** The place of a subject's cell: its row, its id once read, the column's header. */
const at = (table: Table, row: SheetRow, id?: string, column?: number): SheetPlace => ({
  row: rowNumber(row.index),
  ...(id !== undefined ? { id } : {}),
  ...(column !== undefined ? { column: table.names[column] } : {}),
});

/** Reads an indicator's cell: a number, decimal text (`96.5%`, `1,000` too), a grade, N/A, or JSON (votes by grade). */
function valueOf(table: Table, row: SheetRow, column: number, unit: "percent" | "ratio"): unknown {
  const cell = cellAt(table, row, column);
  if (cell === null) return undefined; // blank: a missing value, as the `missing` option says
  if (typeof cell === "string" && isNotApplicableText(cell)) return null;
  if (typeof cell === "string" && cell.startsWith("{")) {
    try {
      return JSON.parse(cell);
    } catch {
      return fail({ key: "sheetsVotesJson" }, at(table, row, undefined, column));
    }
  }
  if (isDate(cell) || typeof cell === "boolean") return fail({ key: "sheetsIndicatorCell", ...cellParams(cell) }, at(table, row, undefined, column), IssueCode.invalidType);
  return numberOf(cell, unit);
}

/** A bonus or deduction cell as one item, its reason the column's header. */
function itemsOf(table: Table, row: SheetRow, field: "bonus" | "deductions"): SubjectInput["bonus"] {
  const column = columnOf(table, field);
  const cell = cellAt(table, row, column);
  if (cell === null) return undefined;
  if (typeof cell !== "number" && typeof cell !== "string") return fail({ key: "sheetsNotNumber", ...cellParams(cell) }, at(table, row, undefined, column), IssueCode.invalidType);
  return [{ points: numberOf(cell) as number | string, reason: table.names[column!]! }];
}

/** Reads one data row as a subject, or throws what is wrong with it. */
function subjectOf(scheme: SchemeConfig, table: Table, row: SheetRow, units: ReadonlyMap<string, "percent" | "ratio">): SubjectInput {
  const idColumn = columnOf(table, "id");
  const id = textAt(table, row, idColumn);
  if (id === undefined) fail({ key: "sheetsIdRequired" }, at(table, row, undefined, idColumn), IssueCode.required);
  const name = textAt(table, row, columnOf(table, "name"));
  const groupColumn = columnOf(table, "group");
  const group = textAt(table, row, groupColumn);
  if (groupColumn !== undefined && group === undefined) fail({ key: "sheetsGroupRequired" }, at(table, row, id, groupColumn), IssueCode.required);
  const values: [string, unknown][] = [];
  for (const [indicator, column] of table.map.indicators) {
    const value = valueOf(table, row, column, units.get(indicator) ?? "percent");
    if (value !== undefined) values.push([indicator, value]);
  }
  const bonus = itemsOf(table, row, "bonus");
  const deductions = itemsOf(table, row, "deductions");
  const vetoes = textAt(table, row, columnOf(table, "vetoes"));
  const vetoIds = vetoes === undefined ? [] : vetoIdsOf(vetoes, scheme.vetoes ?? []);
  return {
    id,
    ...(name !== undefined ? { name } : {}),
    ...(group !== undefined ? { group } : {}),
    values: Object.fromEntries(values),
    ...(bonus ? { bonus } : {}),
    ...(deductions ? { deductions } : {}),
    ...(vetoIds.length > 0 ? { vetoes: vetoIds } : {}),
  };
}

/** The sheet place of a subject issue: its row, id and column. */
function rowLocate(table: Table, rows: readonly SheetRow[], ids: readonly string[]) {
  return (path: IssuePath) => {
    const i = path[0] as number;
    const row = rows[i]!;
    const field = path[1];
    if (field === "values" && typeof path[2] === "string" && table.map.indicators.has(path[2]))
      return { place: at(table, row, ids[i], table.map.indicators.get(path[2])), skip: 3 };
    const column = typeof field === "string" && field in FIELDS ? columnOf(table, field as Field) : undefined;
    if (column !== undefined) return { place: at(table, row, ids[i], column), skip: field === "bonus" || field === "deductions" ? path.length : 2 };
    return { place: at(table, row, ids[i]), skip: 1 };
  };
}

/** Scores every data row of a subjects range; rows are independent unless the scheme ranks them. */
function scoreRange(schemeArg: unknown, subjectsArg: unknown, missingArg: unknown): Scored {
  const json = readJson(schemeArg, "scheme");
  const scheme = within(ruleLabel("scheme"), () => defineScheme(json as SchemeConfig));
  const missing = readChoice(missingArg, "missing", ["error", "not-applicable", "zero"], "error");
  const indicators: readonly IndicatorConfig[] = scheme.groups.flatMap((g) => g.indicators);
  const table = readTable(subjectsArg, "subjects", "subjects", indicators.map((i) => ({ id: i.id, ...(i.name !== undefined ? { name: i.name } : {}) })));
  const units = new Map(indicators.map((i) => [i.id, unitOf(i)]));
  const absent = indicators.filter((ind) => !table.map.indicators.has(ind.id));
  if (missing === "error" && absent.length > 0) {
    const have = table.names.filter((n) => n !== "");
    fail(
      { key: "sheetsNoIndicatorColumns", ids: absent.map((a) => a.id), names: absent.map((a) => a.name ?? ""), have: have.slice(0, 12), count: have.length },
      { arg: "subjects", row: rowNumber(table.header) },
      IssueCode.required,
    );
  }
  const errors = new Map<number, readonly Problem[]>();
  const rows: SheetRow[] = [];
  const subjects: SubjectInput[] = [];
  const ids = new Map<number, string>();
  for (const row of table.rows) {
    try {
      const subject = subjectOf(scheme, table, row, units);
      rows.push(row);
      subjects.push(subject);
      ids.set(row.index, subject.id);
    } catch (error) {
      if (!(error instanceof SheetFailure)) throw error;
      errors.set(row.index, error.problems);
    }
  }
  const ranked = indicators.find((ind) => ind.method.type === "rank");
  const results = new Map<number, ScoreResult>();
  const holdBack = (waiting: readonly number[], culprit: number) => {
    for (const i of waiting) {
      const place = at(table, rows[i]!, subjects[i]!.id);
      const row = rowNumber(culprit);
      errors.set(rows[i]!.index, [ranked ? problem({ key: "sheetsWaitRanked", indicator: ranked.id, row }, place) : problem({ key: "sheetsWaitRow", what: "score", row }, place)]);
    }
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
    const locate = rowLocate(table, batch.map((i) => rows[i]!), batch.map((i) => subjects[i]!.id));
    const failed = new Map<number, Problem[]>();
    for (const issue of scored.issues) {
      if (typeof issue.path[0] !== "number") throw new SheetFailure([{ issue, place: { arg: "subjects" }, rest: issue.path }]);
      const list = failed.get(issue.path[0]) ?? [];
      list.push(placed(issue, locate));
      failed.set(issue.path[0], list);
    }
    for (const [k, problems] of failed) errors.set(rows[batch[k]!]!.index, problems);
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

/** The fixed output columns of JIXIAO_SCORE and the headers each is asked for by. */
const OUTPUT_FIELDS = ["id", "name", "group", "total", "base", "rank", "notes"] as const;
type OutputField = (typeof OUTPUT_FIELDS)[number];

/** Every word a fixed output column is asked for by, compared as headers are. */
const OUTPUT_WORDS: ReadonlyMap<string, OutputField> = new Map(
  OUTPUT_FIELDS.flatMap((f): [string, OutputField][] => {
    const words = f === "base" || f === "rank" || f === "notes" ? [SHEET_LABELS[f]["zh-CN"], SHEET_LABELS[f].en, ...(f === "notes" ? ["note", "备注"] : [])] : headersOf(f);
    return words.map((w) => [headerKey(w), f]);
  }),
);

/** The header of a fixed output column in a language. */
const outputLabel = (f: OutputField, locale: Locale): string => (f === "base" || f === "rank" || f === "notes" ? sheetLabel(f, locale) : FIELDS[f][locale]);

/** One output column of JIXIAO_SCORE. */
type OutputSpec =
  | { readonly kind: "field"; readonly field: OutputField }
  | { readonly kind: "group"; readonly id: string; readonly label: string }
  | { readonly kind: "indicator"; readonly id: string; readonly label: string }
  | { readonly kind: "attribute"; readonly column: number };

/** Whether a spec echoes the input rather than computing. */
const echoes = (s: OutputSpec) => s.kind === "attribute" || (s.kind === "field" && (s.field === "id" || s.field === "name" || s.field === "group"));

/** Reads the `columns` argument of JIXIAO_SCORE: the columns to return, in order. */
function readColumns(arg: unknown, scheme: Scheme, table: Table): OutputSpec[] {
  const words = wordsOf(arg, "columns", "id, total, rank, notes");
  if (words.length === 0) return ["id", "total", "rank", "notes"].map((field) => ({ kind: "field", field: field as OutputField }));
  const named = <T extends { readonly id: string; readonly name?: string }>(list: readonly T[], key: string) =>
    list.find((x) => x.id === key) ?? list.find((x) => x.name === key) ?? list.find((x) => headerKey(x.id) === headerKey(key) || (x.name !== undefined && headerKey(x.name) === headerKey(key)));
  return words.map((w): OutputSpec => {
    const field = OUTPUT_WORDS.get(headerKey(w));
    if (field) return { kind: "field", field };
    const m = /^(group|indicator|指标组|指标)[:：](.+)$/i.exec(w.normalize("NFKC"));
    if (m) {
      const isGroup = m[1]!.toLowerCase() === "group" || m[1] === "指标组";
      const found = isGroup ? named(scheme.groups, m[2]!) : named(scheme.groups.flatMap((g) => g.indicators), m[2]!);
      if (found) return { kind: isGroup ? "group" : "indicator", id: found.id, label: found.name ?? found.id } as OutputSpec;
    }
    const column = table.names.findIndex((n, c) => table.map.roles[c]!.type === "attribute" && headerKey(n) === headerKey(w));
    if (column >= 0) return { kind: "attribute", column };
    return fail({ key: "sheetsNotColumn", word: w.slice(0, 60), fields: [...OUTPUT_FIELDS] }, { arg: "columns" }, IssueCode.invalidOption);
  });
}

/** The header of an output column. */
function headerOf(spec: OutputSpec, table: Table, locale: Locale): string {
  if (spec.kind === "field") return outputLabel(spec.field, locale);
  if (spec.kind === "attribute") return table.names[spec.column]!;
  return spec.label;
}

/** An input cell echoed: a number or text as given, blank when it is neither. */
function echo(row: SheetRow, column: number): string | number {
  const cell: unknown = row.cells[column];
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return String(cell);
  if (isDate(cell)) return Number.isFinite(cell.getTime()) ? cell.toISOString().slice(0, 10) : "";
  return "";
}

/** Writes a warning's path as a sheet reader finds it: the column of its indicator. */
const warningPath = (table: Table, locale: Locale) => (path: Issue["path"]) => {
  const p = typeof path[0] === "number" ? path.slice(1) : path;
  const column = p[0] === "values" && typeof p[1] === "string" ? table.map.indicators.get(p[1]) : undefined;
  if (column === undefined) return formatPath(p);
  const place = placeWords({ column: table.names[column]! }, locale);
  return p.length > 2 ? `${place} ${formatPath(p.slice(2))}` : place;
};

/** The value of one output column for one result. */
function fieldOf(spec: OutputSpec, result: ScoreResult, row: SheetRow, s: Scored, ranks: ReadonlyMap<string, number> | string, locale: Locale): string | number {
  if (spec.kind === "attribute") return echo(row, spec.column);
  if (spec.kind === "group") {
    const g = result.groups.find((x) => x.id === spec.id)!;
    return exactCell(g.earned, g.exact);
  }
  if (spec.kind === "indicator") {
    const i = result.indicators.find((x) => x.id === spec.id)!;
    return exactCell(i.earned, i.exact);
  }
  switch (spec.field) {
    case "id":
      return result.subjectId;
    case "name":
      return result.name ?? "";
    case "group":
      return result.group ?? "";
    case "total":
      return exactCell(result.total, result.exact);
    case "base":
      return result.base;
    case "rank":
      return typeof ranks === "string" ? ranks : ranks.get(result.subjectId)!;
    default:
      return rowNote(result, locale, warningPath(s.table, locale));
  }
}

/**
 * Scores a range of subjects against a scheme, as a cell formula: one output row per input row,
 * so the result lines up beside the input. The range's first non-blank row is a header naming
 * the columns, read by the one header mapping of the CLI and the sheets: `编号` (or `工号`, `id`),
 * optionally `姓名` (`name`) and `比较组` (`分组`, `group`: the peer group the `rank` column and the
 * rank method rank within), `加分`, `减分` (points) and `否决项` (vetoes by name or id), and one
 * column per indicator, headed by its name or its id; any other column (`部门`, `职级`) is an
 * attribute, which the output can echo. A cell holds a number, decimal text (`96.5%` and
 * `1,000` too), a grade, `N/A` or `不适用` (not applicable), or JSON such as
 * `{"优秀": 12, "称职": 30}` for votes; a blank cell is a missing value.
 *
 * The `说明` (notes) column says why a total is not the plain sum of its indicators (否决项,
 * 不适用折算, 加分, 减分) and shows the result's warnings (a value implausible for its indicator's
 * unit). A row that cannot be scored shows `#JIXIAO! 第 5 行（c004）「学习」列：…` in its first
 * computed column and the other rows are scored — unless the scheme has a `rank` indicator, which
 * ranks all rows together, so that every row waits for the error to be fixed. A bad scheme gives
 * one error cell.
 *
 * @param scheme - the scheme as JSON text: one cell, or several cells joined in reading order.
 * @param subjects - the subjects range, header row first.
 * @param columns - the output columns, comma-separated: `id`/`编号`, `name`/`姓名`, `group`/`比较组`,
 * `total`/`总分`, `base`/`基础分`, `rank`/`名次` (competition rank by total within the group column),
 * `notes`/`说明`, `group:<id or name>`, `indicator:<id or name>` (also `指标组:`, `指标:`), or the
 * header of an attribute column; default `id, total, rank, notes`.
 * @param missing - what a blank indicator cell means: `error` (default), `not-applicable` or `zero`.
 * @param locale - the language of headers, notes and errors: `zh-CN` (default) or `en`.
 * @returns rows aligned with `subjects`: the header row gets the columns' headers, a blank row stays blank.
 * @example
 * ```ts
 * const scheme = JSON.stringify({ id: "q", full: 10, groups: [{ id: "g", points: 10, indicators: [
 *   { id: "rate", name: "完成率", points: 10, method: { type: "completion", target: 100 } }] }] });
 * JIXIAO_SCORE(scheme, [["编号", "完成率"], ["c001", "96.5%"], ["c002", 90.1]]);
 * //=> [["编号", "总分", "名次", "说明"], ["c001", 9.65, 1, ""], ["c002", 9.01, 2, ""]]
 * JIXIAO_SCORE(scheme, [["id", "rate"], ["c001", 96.5]], "id, total", "", "en");
 * //=> [["id", "total"], ["c001", 9.65]]
 * ```
 */
export function JIXIAO_SCORE(scheme: SheetInput, subjects: SheetInput, columns?: SheetInput, missing?: SheetInput, locale?: SheetInput): SheetOutput {
  return sheetFunction(locale, (sheet) => {
    const s = scoreRange(scheme, subjects, missing);
    const specs = readColumns(columns, s.scheme, s.table);
    const { table, results, errors } = s;
    let ranks: ReadonlyMap<string, number> | string = new Map();
    if (specs.some((f) => f.kind === "field" && f.field === "rank")) {
      const firstError = [...errors.keys()].sort((a, b) => a - b)[0];
      if (firstError !== undefined) ranks = sheet.error([problem({ key: "sheetsWaitRow", what: "rank", row: rowNumber(firstError) })]);
      else {
        const grouped = columnOf(table, "group") !== undefined;
        const ranking = rank([...results.values()], grouped ? { groupBy: "group" } : {});
        ranks = new Map(ranking.entries.map((e) => [e.subjectId, e.rank]));
      }
    }
    const computed = specs.findIndex((f) => !echoes(f));
    const out: SheetOutput = Array.from({ length: table.height }, () => specs.map(() => ""));
    out[table.header] = specs.map((f) => headerOf(f, table, sheet.locale));
    for (const row of table.rows) {
      const result = results.get(row.index);
      if (result) out[row.index] = specs.map((f) => fieldOf(f, result, row, s, ranks, sheet.locale));
      else {
        const cells: (string | number)[] = specs.map((f) => (f.kind === "attribute" ? echo(row, f.column) : f.kind === "field" && f.field === "id" ? (s.ids.get(row.index) ?? "") : ""));
        cells[computed >= 0 ? computed : 0] = sheet.error(errors.get(row.index)!);
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
 * @param locale - the language of the explanation and of errors: `zh-CN` (default) or `en`.
 * @param missing - what a blank indicator cell means: `error` (default), `not-applicable` or `zero`.
 * @returns one column: the explanation's lines.
 * @example
 * ```ts
 * JIXIAO_EXPLAIN(scheme, [["id", "rate"], ["c001", 96.5]], "c001", "en").at(-1);
 * //=> ["Total 9.65 (full 10)"]
 * ```
 */
export function JIXIAO_EXPLAIN(scheme: SheetInput, subjects: SheetInput, id?: SheetInput, locale?: SheetInput, missing?: SheetInput): SheetOutput {
  return sheetFunction(locale, (sheet) => {
    const s = scoreRange(scheme, subjects, missing);
    const wanted = textOf(id, "id");
    const data = s.table.rows.map((r) => r.index);
    let index: number | undefined;
    if (wanted === undefined) {
      if (data.length !== 1) fail({ key: "sheetsExplainId", count: data.length }, { arg: "id" }, IssueCode.required);
      index = data[0];
    } else {
      index = data.find((i) => s.ids.get(i) === wanted);
      if (index === undefined) fail({ key: "sheetsExplainUnknown", id: wanted.slice(0, 60) }, { arg: "id" }, IssueCode.unknownId);
    }
    const result = s.results.get(index!);
    if (!result) return [[sheet.error(s.errors.get(index!)!)]];
    return explain(result, { locale: sheet.locale })
      .split("\n")
      .map((line) => [line]);
  });
}
