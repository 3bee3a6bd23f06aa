import { exactCell } from "../core/exact.js";
import { toCsv } from "../node/csv.js";

/** The output formats. */
export type OutputFormat = "json" | "csv" | "table";

/** What a command produces: the full data (for JSON) and a table of rows (for CSV and reading). */
export interface Output {
  /** The full result, written as JSON. */
  readonly json: unknown;
  /** The table's column names. */
  readonly columns: readonly string[];
  /** The table's rows, one value per column. */
  readonly rows: readonly (readonly unknown[])[];
}

const EXACT = Symbol("exact");

/** A number in a table row, written as its exact decimal text and aligned as numbers are. @internal */
export interface ExactNumber {
  readonly [EXACT]: string;
}

/**
 * A result's number for a table or CSV row, written as its exact decimal text (every digit of a
 * total beyond 15 digits, where the number has fewer) and aligned to the right as numbers are.
 * @internal
 */
export const exactNumber = (exact: string): ExactNumber => ({ [EXACT]: exact });

const isExact = (v: unknown): v is ExactNumber => typeof v === "object" && v !== null && EXACT in v;

/**
 * The rows as a file holds them: each exact number as its text (CSV), or for a workbook as a
 * number where the number is exactly that decimal and as its text otherwise (see `exactCell`).
 * @internal
 */
export function fileRows(rows: readonly (readonly unknown[])[], numbers: boolean): unknown[][] {
  return rows.map((r) => r.map((v) => (!isExact(v) ? v : numbers ? exactCell(Number(v[EXACT]), v[EXACT]) : v[EXACT])));
}

/** How wide a character shows in a terminal: 2 for CJK and full-width forms, 0 for combining marks. */
function charWidth(code: number): number {
  if (code < 0x300) return 1;
  if (code >= 0x300 && code <= 0x36f) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** The width a text takes in a terminal. @internal */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

const cell = (v: unknown): string =>
  v === null || v === undefined ? "" : isExact(v) ? v[EXACT] : typeof v === "object" ? JSON.stringify(v) : String(v).replace(/[\r\n\t]+/g, " ");
const numeric = (v: unknown) => typeof v === "number" || isExact(v);

/** Rows as an aligned text table: numbers to the right, CJK characters counted as two columns. @internal */
export function toTable(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const texts = [columns.map(cell), ...rows.map((r) => columns.map((_, i) => cell(r[i])))];
  const widths = columns.map((_, i) => Math.max(...texts.map((t) => displayWidth(t[i]!))));
  const pad = (text: string, i: number, right: boolean) => {
    const gap = " ".repeat(widths[i]! - displayWidth(text));
    return right ? gap + text : text + gap;
  };
  const line = (t: string[], r?: readonly unknown[]) => t.map((text, i) => pad(text, i, r !== undefined && numeric(r[i]))).join("  ").trimEnd();
  return [line(texts[0]!), ...texts.slice(1).map((t, k) => line(t, rows[k]))].join("\n") + "\n";
}

/** An output in a format. @internal */
export function render(output: Output, format: OutputFormat, bom = false): string {
  if (format === "json") return `${JSON.stringify(output.json, null, 2)}\n`;
  if (format === "csv") return (bom ? "\ufeff" : "") + toCsv([output.columns, ...fileRows(output.rows, false)]);
  return toTable(output.columns, output.rows);
}
