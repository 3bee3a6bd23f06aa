/**
 * Reading and writing tables as people keep them (CSV files, sheet ranges): the one header mapping
 * (Chinese and English headers for the fixed columns, indicators by id or name), numbers as offices
 * write them, and the notes a reader of a result's row needs. Shared by the CLI and the sheet
 * functions; pure, so it runs wherever the library runs.
 * @internal
 */
export { fieldLabel, fieldOf, headerKey, headersOf, mapHeader, TABLE_KINDS, type ColumnRole, type HeaderIndicator, type HeaderMap, type MapHeaderOptions, type TableKind } from "./header.js";
export { isOfficeNumber, numberCell, readNumberText, unitOf, type NumberUnit } from "./numbers.js";
export { isNotApplicableText, NOT_APPLICABLE_TEXTS, splitList, vetoIdsOf } from "./cells.js";
export { formatTotalNote, rowNote, totalNotes, warningsOf, type TotalNote } from "./notes.js";
export { FIELDS, OUTPUT_LABELS, type Field, type OutputColumn } from "../messages/tables.js";

import { OUTPUT_LABELS, type OutputColumn } from "../messages/tables.js";
import type { Locale } from "../messages/types.js";

/**
 * The header a table written for people shows for an output column: `名次` / `rank`.
 * @param column - a column of `OUTPUT_LABELS`.
 * @param locale - `"zh-CN"` (default) or `"en"`.
 * @returns the header.
 * @example
 * ```ts
 * outputLabel("tier");
 * //=> "等次"
 * ```
 */
export function outputLabel(column: OutputColumn, locale: Locale = "zh-CN"): string {
  return OUTPUT_LABELS[column][locale === "en" ? "en" : "zh-CN"];
}
