import { IssueCode, JixiaoError } from "../core/errors.js";
import { fileIssue, type FileMessage } from "./issue.js";
import { DECIMAL_TEXT } from "../core/decimal.js";
import { tableRecords, type Table } from "./table.js";

/** The most rows and fields a CSV file may have (a guard against runaway input). @internal */
export const MAX_CSV_ROWS = 2_000_000;
export const MAX_FIELDS = 10_000;

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
  const fail = (params: FileMessage, code: IssueCode = IssueCode.invalidInput): never => {
    throw new JixiaoError([fileIssue(code, params)], "The CSV file cannot be read");
  };
  const endField = () => {
    row.push(field);
    field = "";
    quoted = false;
    if (row.length > MAX_FIELDS) fail({ key: "csvTooManyFields", file, line, limit: MAX_FIELDS }, IssueCode.outOfRange);
  };
  const endRow = () => {
    endField();
    rows.push(row);
    if (rows.length > MAX_CSV_ROWS) fail({ key: "csvTooManyRows", file, line, limit: MAX_CSV_ROWS }, IssueCode.outOfRange);
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
          fail({ key: "csvUnclosedQuote", file, line });
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
        fail({ key: "csvTextAfterQuote", file, line, after: text.slice(i, i + 10) });
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
 * Reads CSV text with a header row into records, with each record's row as Excel shows it (the
 * header is row 1; a quoted field's line breaks do not start a row). Empty rows and the empty
 * columns Excel leaves at the end are skipped; see `tableRecords` for the issues.
 * @internal
 */
export function csvTable(text: string, file = "CSV"): Table {
  return tableRecords(parseCsv(text, file), undefined, file, "The CSV file cannot be read");
}

/**
 * Reads CSV text with a header row into records: one object per row, keyed by the header's
 * names (trimmed). Empty rows are skipped; a row with more fields than the header is an issue.
 * @internal
 */
export function csvRecords(text: string, file = "CSV"): Record<string, string>[] {
  return csvTable(text, file).records;
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
