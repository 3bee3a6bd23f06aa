import type { IssuePath } from "../core/errors.js";
import { summarizeAccounts } from "../personnel/account.js";
import { createLedger, type LedgerEntry } from "../personnel/ledger.js";
import { describeCell, fail, isOmitted, sheetFunction, within, type SheetInput, type SheetOutput } from "./cells.js";
import { cellAt, columnOf, dateText, readTable, required, rowLabel, rowsOf, textAt } from "./table.js";

/** A text argument given in one cell (a period, a date), or `undefined` when left out. */
function textArg(arg: SheetInput, what: string): string | undefined {
  if (isOmitted(arg, what)) return undefined;
  const cell = Array.isArray(arg) ? (Array.isArray(arg[0]) ? arg[0][0] : arg[0]) : arg;
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1000 && cell <= 9999) return String(cell); // a year typed as a number
  if (typeof cell !== "string") return fail(`${what}: must be text such as 2024 or 2024-Q3, not ${describeCell(cell)}`);
  return cell.trim();
}

/**
 * Sums a growth-account ledger kept in a sheet (个人成长账户, R9, R12): one row per person with
 * the total and each component's total for a period (or a whole career), corrections applied.
 *
 * The entries range has a header row: `id`, `person`, `date`, `component`, `points`, `source`, and
 * for a correction `corrects` and `action` (`amend` or `reverse`; a reversal leaves `points` and
 * `component` blank), optionally `reference` and `note`. A date is a date cell, an Excel date
 * number or text (`2024-06-30`, `2024-06-30T23:30`), read in Asia/Shanghai.
 *
 * @param entries - the ledger range.
 * @param period - the period summed (`2024`, `2024-Q3`, `2024-07`); blank for a whole career.
 * @param asOf - count only what was recorded up to this date; blank for everything.
 * @returns a table: `person`, `total`, then a column per component, one row per person by id.
 * @example
 * ```ts
 * JIXIAO_ACCOUNT([["id", "person", "date", "component", "points", "source", "corrects", "action"],
 *   ["e1", "c001", "2024-01-31", "everyday", 8.5, "月度考核", "", ""],
 *   ["e2", "c001", "2024-03-04", "", 8.8, "复核", "e1", "amend"]], "2024-Q1");
 * //=> [["person", "total", "everyday"], ["c001", 8.8, 8.8]]
 * ```
 */
export function JIXIAO_ACCOUNT(entries: SheetInput, period?: SheetInput, asOf?: SheetInput): SheetOutput {
  return sheetFunction(() => {
    const table = readTable(entries, "entries", ["id", "person", "date", "points", "source"]);
    const dateCell = (row: Parameters<typeof cellAt>[1], name: string, at: (column: string) => string) => {
      const cell = cellAt(table, row, columnOf(table, name));
      if (cell === null) return fail(`${at(name)}: is blank`);
      return dateText(cell, "+08:00", at(name));
    };
    const optional = (row: Parameters<typeof cellAt>[1], name: string) => textAt(table, row, columnOf(table, name), name);
    const list = rowsOf<LedgerEntry>(table, (row, at) => {
      const points = cellAt(table, row, columnOf(table, "points"));
      if (points !== null && typeof points !== "number" && typeof points !== "string") fail(`${at("points")}: must be a number, not ${describeCell(points)}`);
      const fields = { component: optional(row, "component"), reference: optional(row, "reference"), note: optional(row, "note"), corrects: optional(row, "corrects"), action: optional(row, "action") };
      return {
        id: required(table, row, "id", at),
        person: required(table, row, "person", at),
        date: dateCell(row, "date", at),
        source: required(table, row, "source", at),
        ...(points !== null ? { points } : {}),
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      } as LedgerEntry;
    });
    const locate = (path: IssuePath) =>
      path[0] === "entries" && typeof path[1] === "number"
        ? typeof path[2] === "string"
          ? { label: `entries ${rowLabel(table.rows[path[1]]!.index)}, column ${path[2]}`, skip: 3 }
          : { label: `entries ${rowLabel(table.rows[path[1]]!.index)}`, skip: 2 }
        : { label: String(path[0] ?? "entries"), skip: 1 };
    const ledger = within(locate, () => createLedger(list));
    const p = textArg(period as SheetInput, "period");
    const d = textArg(asOf as SheetInput, "asOf");
    const summaries = within(
      (path) => ({ label: String(path[path.length - 1] ?? "options"), skip: path.length }),
      () => summarizeAccounts(ledger, { ...(p !== undefined ? { period: p } : {}), ...(d !== undefined ? { asOf: d } : {}) }),
    );
    const components = [...new Set(summaries.flatMap((s) => s.components.map((c) => c.component)))].sort();
    return [
      ["person", "total", ...components],
      ...summaries.map((s) => [s.person, s.total, ...components.map((c) => s.components.find((x) => x.component === c)?.total ?? 0)]),
    ];
  });
}
