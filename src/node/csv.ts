import { IssueCode, JixiaoError } from "../core/errors.js";
import { fileIssue } from "./issue.js";
import { DECIMAL_TEXT } from "../core/decimal.js";

/** The most rows and fields a CSV file may have (a guard against runaway input). @internal */
export const MAX_CSV_ROWS = 2_000_000;
const MAX_FIELDS = 10_000;

/**
 * Reads CSV text (RFC 4180) into rows of fields: fields separated by commas, rows by CRLF or LF,
 * a field in double quotes may hold commas, quotes (doubled) and line breaks. A leading byte-order
 * mark (as Excel writes) is dropped; a last empty line is not a row.
 * @internal
 */
export function parseCsv(text: string, file = "CSV"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (words: string): never => {
    throw new JixiaoError([fileIssue(IssueCode.invalidInput, `${file}: line ${line}: ${words}`)], "The CSV file cannot be read");
  };
  const endField = () => {
    row.push(field);
    field = "";
    quoted = false;
    if (row.length > MAX_FIELDS) fail(`has more than ${MAX_FIELDS} fields`);
  };
  const endRow = () => {
    endField();
    rows.push(row);
    if (rows.length > MAX_CSV_ROWS) fail(`has more than ${MAX_CSV_ROWS} rows`);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === "" && !quoted) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      const start = line;
      quoted = true;
      i++;
      for (;;) {
        const next = text.indexOf('"', i);
        if (next < 0) {
          line = start;
          fail('a quoted field is not closed (a " is missing)');
        }
        const chunk = text.slice(i, next);
        for (let k = chunk.indexOf("\n"); k >= 0; k = chunk.indexOf("\n", k + 1)) line++;
        field += chunk;
        i = next + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
      const after = text[i];
      if (after !== undefined && after !== "," && after !== "\n" && after !== "\r")
        fail(`text follows a closing quote (${JSON.stringify(text.slice(i, i + 10))}); inside a quoted field, write a quote as ""`);
    } else if (ch === ",") {
      endField();
      i++;
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      const stop = /[,\r\n]/g;
      stop.lastIndex = i;
      const m = stop.exec(text);
      const end = m ? m.index : text.length;
      field += text.slice(i, end);
      i = end;
    }
  }
  if (field !== "" || quoted || row.length > 0) endRow();
  return rows;
}

/**
 * Reads CSV text with a header row into records: one object per row, keyed by the header's
 * names (trimmed). Empty rows are skipped; a row with more fields than the header is an issue.
 * @internal
 */
export function csvRecords(text: string, file = "CSV"): Record<string, string>[] {
  const rows = parseCsv(text, file).filter((r) => r.some((f) => f.trim() !== ""));
  const header = (rows.shift() ?? []).map((h) => h.trim());
  const issues = [];
  if (header.length === 0) issues.push(fileIssue(IssueCode.invalidInput, `${file}: has no header row`));
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === "") issues.push(fileIssue(IssueCode.invalidInput, `${file}: the header's column ${i + 1} has no name`));
    else if (seen.has(h)) issues.push(fileIssue(IssueCode.duplicateId, `${file}: the header names "${h}" twice`));
    seen.add(h);
  });
  rows.forEach((r, i) => {
    if (r.length > header.length && r.slice(header.length).some((f) => f.trim() !== ""))
      issues.push(fileIssue(IssueCode.invalidInput, `${file}: data row ${i + 1} has ${r.length} fields, the header ${header.length}`));
  });
  if (issues.length > 0) throw new JixiaoError(issues.slice(0, 100), "The CSV file cannot be read");
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, (r[k] ?? "").trim()])));
}

/** A field as CSV: quoted where it holds a comma, a quote, a line break or edge spaces; text that a spreadsheet would run as a formula gets a leading `'`. @internal */
function csvField(value: unknown): string {
  let s = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !DECIMAL_TEXT.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes rows as CSV (RFC 4180): CRLF line ends, fields quoted where needed.
 * @internal
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + (rows.length > 0 ? "\r\n" : "");
}
