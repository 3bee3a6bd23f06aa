import { IssueCode, JixiaoError, type Issue } from "../core/errors.js";
import { fileIssue } from "./issue.js";

/** Records read from a table (a CSV file or an xlsx sheet), with the row each came from. @internal */
export interface Table {
  /** One record per data row, keyed by the header's names; values trimmed, an empty cell `""`. */
  readonly records: Record<string, string>[];
  /** The row number of each record as Excel shows it: the header is row 1 in a plain file. */
  readonly rows: readonly number[];
}

/**
 * A column's letters as Excel shows them: 1 → `A`, 27 → `AA`.
 * @internal
 */
export function columnLetters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

const blank = (field: string | undefined) => field === undefined || field.trim() === "";

/**
 * Rows of fields into records keyed by the header, as Excel users lay a table out: empty rows
 * (anywhere, at the end too) are skipped; the first row left is the header; a column without a
 * name and without data (the empty columns Excel leaves at the end) is ignored, but one with data
 * below is an issue, as are a name used twice and data beyond the header's last column.
 *
 * @param rows - the rows, each a list of fields.
 * @param numbers - each row's number as Excel shows it (default: its place, from 1).
 * @param file - the file's name, for messages.
 * @param context - what was being done, for the error's first line.
 * @returns the records and their rows' numbers.
 * @throws {@link index!JixiaoError} listing every issue (at most 100).
 * @internal
 */
export function tableRecords(rows: readonly (readonly string[])[], numbers: readonly number[] | undefined, file: string, context = "The table cannot be read"): Table {
  const filled: { fields: readonly string[]; row: number }[] = [];
  rows.forEach((fields, i) => {
    if (fields.some((f) => !blank(f))) filled.push({ fields, row: numbers?.[i] ?? i + 1 });
  });
  const head = filled.shift();
  const issues: Issue[] = [];
  if (!head) throw new JixiaoError([fileIssue(IssueCode.invalidInput, { key: "tableNoHeader", file })], context);
  const header = head.fields.map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === "") {
      if (filled.some((r) => !blank(r.fields[i]))) issues.push(fileIssue(IssueCode.invalidInput, { key: "tableUnnamedColumn", file, column: i + 1, letter: columnLetters(i + 1) }));
    } else if (seen.has(name)) issues.push(fileIssue(IssueCode.duplicateId, { key: "tableDuplicateColumn", file, name }));
    seen.add(name);
  });
  for (const r of filled) {
    if (r.fields.length <= header.length) continue;
    let last = r.fields.length - 1;
    while (last >= header.length && blank(r.fields[last])) last--;
    if (last >= header.length) issues.push(fileIssue(IssueCode.invalidInput, { key: "tableRowTooLong", file, row: r.row, fields: last + 1, header: header.length }));
  }
  if (issues.length > 0) throw new JixiaoError(issues, context);
  const named = header.flatMap((name, i) => (name === "" ? [] : [[name, i] as const]));
  return {
    records: filled.map((r) => Object.fromEntries(named.map(([name, i]) => [name, (r.fields[i] ?? "").trim()]))),
    rows: filled.map((r) => r.row),
  };
}
