import { exactCell } from "../core/exact.js";
import { IssueCode, type IssuePath } from "../core/errors.js";
import { sheetLabel } from "../messages/sheets.js";
import { summarizeAccounts } from "../personnel/account.js";
import { createLedger, type LedgerEntry } from "../personnel/ledger.js";
import type { Field } from "../tables/index.js";
import { cellParams, fail, isOmitted, sheetFunction, within, type SheetInput, type SheetOutput } from "./cells.js";
import { cellAt, cellPlace, columnOf, dateText, numberOf, optional, readTable, required, rowNumber, rowsOf } from "./table.js";

/** A text argument given in one cell (a period, a date), or `undefined` when left out. */
function textArg(arg: SheetInput, what: "period" | "asOf"): string | undefined {
  if (isOmitted(arg, what)) return undefined;
  const cell = Array.isArray(arg) ? (Array.isArray(arg[0]) ? arg[0][0] : arg[0]) : arg;
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1000 && cell <= 9999) return String(cell); // a year typed as a number
  if (typeof cell !== "string") return fail({ key: "sheetsPeriodText", ...cellParams(cell) }, { arg: what }, IssueCode.invalidType);
  return cell.trim();
}

/** The correction actions as a sheet may write them, Chinese or English. */
const ACTIONS: Readonly<Record<string, "amend" | "reverse">> = { 修正: "amend", 冲销: "reverse" };

/**
 * Sums a growth-account ledger kept in a sheet (个人成长账户, R9, R12): one row per person with
 * the total and each component's total for a period (or a whole career), corrections applied.
 *
 * The entries range has a header row, in Chinese or English: `编号` (`id`), `人员` (`person`),
 * `所属日期` (`date`), `类别` (`component`), `积分` (`points`), `来源` (`source`), and for a correction
 * `更正记录` (`corrects`) and `更正方式` (`action`: `修正`/`amend` or `冲销`/`reverse`; a reversal
 * leaves the points and the component blank), optionally `文号` (`reference`) and `备注` (`note`). A date is a date cell, an Excel date
 * number or text (`2024-06-30`, `2024-06-30T23:30`), read in Asia/Shanghai.
 *
 * @param entries - the ledger range.
 * @param period - the period summed (`2024`, `2024-Q3`, `2024-07`); blank for a whole career.
 * @param asOf - count only what was recorded up to this date; blank for everything.
 * @param locale - the language of the headers and errors: `zh-CN` (default) or `en`.
 * @returns a table: `人员` (`person`), `合计` (`total`), then a column per component, one row per person by id.
 * @example
 * ```ts
 * JIXIAO_ACCOUNT([["id", "person", "date", "component", "points", "source", "corrects", "action"],
 *   ["e1", "c001", "2024-01-31", "everyday", 8.5, "月度考核", "", ""],
 *   ["e2", "c001", "2024-03-04", "", 8.8, "复核", "e1", "amend"]], "2024-Q1");
 * //=> [["人员", "合计", "everyday"], ["c001", 8.8, 8.8]]
 * ```
 */
export function JIXIAO_ACCOUNT(entries: SheetInput, period?: SheetInput, asOf?: SheetInput, locale?: SheetInput): SheetOutput {
  return sheetFunction(locale, (sheet) => {
    const table = readTable(entries, "entries", "entries");
    const list = rowsOf<LedgerEntry>(table, (row) => {
      const dateColumn = columnOf(table, "date");
      const date = cellAt(table, row, dateColumn);
      if (date === null) fail({ key: "sheetsBlank" }, cellPlace(table, row, dateColumn), IssueCode.required);
      const pointsColumn = columnOf(table, "points");
      const points = numberOf(cellAt(table, row, pointsColumn));
      if (points !== null && typeof points !== "number" && typeof points !== "string") fail({ key: "sheetsNotNumber", ...cellParams(points) }, cellPlace(table, row, pointsColumn), IssueCode.invalidType);
      const action = optional(table, row, "action");
      const fields = { component: optional(table, row, "component"), reference: optional(table, row, "reference"), note: optional(table, row, "note"), corrects: optional(table, row, "corrects"), action: action === undefined ? undefined : (ACTIONS[action] ?? action) };
      return {
        id: required(table, row, "id"),
        person: required(table, row, "person"),
        date: dateText(date, "+08:00", cellPlace(table, row, dateColumn)),
        source: required(table, row, "source"),
        ...(points !== null ? { points } : {}),
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      } as LedgerEntry;
    });
    const locate = (path: IssuePath) => {
      if (path[0] !== "entries" || typeof path[1] !== "number") return { place: { arg: "entries" as const }, skip: 1 };
      const row = { arg: "entries" as const, row: rowNumber(table.rows[path[1]]!.index) };
      if (typeof path[2] !== "string") return { place: row, skip: 2 };
      const column = columnOf(table, path[2] as Field);
      return { place: { ...row, column: column === undefined ? path[2] : table.names[column]! }, skip: 3 };
    };
    const ledger = within(locate, () => createLedger(list));
    const p = textArg(period as SheetInput, "period");
    const d = textArg(asOf as SheetInput, "asOf");
    const summaries = within(
      (path) => ({ place: { arg: path[path.length - 1] === "asOf" ? "asOf" : "period" }, skip: path.length }),
      () => summarizeAccounts(ledger, { ...(p !== undefined ? { period: p } : {}), ...(d !== undefined ? { asOf: d } : {}) }),
    );
    const components = [...new Set(summaries.flatMap((s) => s.components.map((c) => c.component)))].sort();
    return [
      [sheetLabel("person", sheet.locale), sheetLabel("accountTotal", sheet.locale), ...components],
      ...summaries.map((s) => [
        s.person,
        exactCell(s.total, s.exact),
        ...components.map((c) => {
          const found = s.components.find((x) => x.component === c);
          return found ? exactCell(found.total, found.exact) : 0;
        }),
      ]),
    ];
  });
}
