import { exactCell } from "../core/exact.js";
import { IssueCode, type IssuePath } from "../core/errors.js";
import { sheetLabel, type SheetArg } from "../messages/sheets.js";
import { allocateTasks } from "../tasks/allocate.js";
import { defineTaskBoard } from "../tasks/board.js";
import { creditTasks } from "../tasks/credit.js";
import type { AllocationPolicy, Completion, CreditPolicy, Grab, StaffMember } from "../tasks/types.js";
import { splitList, type Field } from "../tables/index.js";
import { cellParams, fail, isOmitted, readJson, ruleLabel, sheetFunction, within, type SheetInput, type SheetOutput } from "./cells.js";
import { cellAt, cellPlace, columnOf, dateText, numberOf, optional, readTable, required, rowNumber, rowsOf, type Table } from "./table.js";

const ALLOCATION_KEYS: ReadonlySet<string> = new Set(["maxTasksPerPerson", "eligibility", "assignSeats"]);

/**
 * Credits grabbed tasks (三单: 抢单, 派单, R22) from ranges: the board's tasks are allocated from
 * the grabs — first come, first served — and the rest assigned to holders of their post, then
 * the completions are credited (points × difficulty coefficient, split between co-owners, ×
 * quality and factors, each person capped). Without completions every owner is credited as
 * completing in full and on time: a forecast of the board as allocated.
 *
 * Ranges have header rows, in Chinese or English: grabs `任务` (`task`), `人员` (`person`), `抢单时间`
 * (`at`); completions `任务`, `人员`, `完成质量` (`quality`) and optionally `完成时间` (`completed`),
 * `份额` (`share`; `80%` reads 0.8); staff `编号` (`id`), `岗位` (`posts`, separated by commas or 、)
 * and optionally `姓名` (`name`), `部门` (`department`). A date-time is a date cell, an Excel date
 * number or text such as `2023-07-03T09:00:05`, read at the board's `utcOffset` (default +08:00). The policy JSON holds
 * the allocation options (`maxTasksPerPerson`, `eligibility`, `assignSeats`) and the credit
 * options (`qualityGrades`, `assignedFactor`, `lateFactor`, `cap`, `splitDecimals`).
 *
 * @param board - the task board as JSON text.
 * @param grabs - the grabs range: task, person, at.
 * @param completions - the completions range; left out, every owner completes in full, on time.
 * @param staff - the staff range: id, posts; left out, the people of the grabs, holding no posts
 * (so a task nobody grabbed stays unowned).
 * @param policy - allocation and credit options as JSON text.
 * @param locale - the language of the headers and errors: `zh-CN` (default) or `en`.
 * @returns a table: `人员` (`person`), `计入积分` (`credit`, what counts, after the cap),
 * `积分合计` (`total`), `超出上限` (`excess`) — one row
 * per staff row, aligned with `staff`, or without staff one row per person credited, by id.
 * @example
 * ```ts
 * const board = JSON.stringify({ id: "b", period: "2023-Q3", difficulty: { high: 1.5 }, tasks: [
 *   { id: "t1", title: "清理欠税", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" }] });
 * JIXIAO_TASKCREDIT(board, [["task", "person", "at"], ["t1", "s1", "2023-07-03T09:00:01"]]);
 * //=> [["人员", "计入积分", "积分合计", "超出上限"], ["s1", 3, 3, 0]]
 * ```
 */
export function JIXIAO_TASKCREDIT(board: SheetInput, grabs: SheetInput, completions?: SheetInput, staff?: SheetInput, policy?: SheetInput, locale?: SheetInput): SheetOutput {
  return sheetFunction(locale, (sheet) => {
    const boardJson = readJson(board, "board");
    const b = within(ruleLabel("board"), () => defineTaskBoard(boardJson as never));
    const offset = b.utcOffset ?? "+08:00";
    const options = isOmitted(policy, "policy") ? {} : readJson(policy, "policy");
    if (options === null || typeof options !== "object" || Array.isArray(options)) fail({ key: "sheetsPolicyObject" }, { arg: "policy" }, IssueCode.invalidType);
    const split = Object.entries(options);
    const allocation = Object.fromEntries(split.filter(([k]) => ALLOCATION_KEYS.has(k))) as AllocationPolicy;
    const credit = Object.fromEntries(split.filter(([k]) => !ALLOCATION_KEYS.has(k))) as CreditPolicy;

    const grabTable = readTable(grabs, "grabs", "grabs");
    const grabList = rowsOf<Grab>(grabTable, (row) => ({
      task: required(grabTable, row, "task"),
      person: required(grabTable, row, "person"),
      at: dateText(cellAt(grabTable, row, columnOf(grabTable, "at")), offset, cellPlace(grabTable, row, columnOf(grabTable, "at"))),
    }));
    const staffTable = isOmitted(staff, "staff") ? undefined : readTable(staff, "staff", "staff");
    const members = staffTable
      ? rowsOf<StaffMember>(staffTable, (row) => {
          const name = optional(staffTable, row, "name");
          const department = optional(staffTable, row, "department");
          return {
            id: required(staffTable, row, "id"),
            ...(name !== undefined ? { name } : {}),
            ...(department !== undefined ? { department } : {}),
            posts: splitList(optional(staffTable, row, "posts")),
          };
        })
      : [...new Set(grabList.map((g) => g.person))].map((id) => ({ id, posts: [] }));
    const tables = new Map<string, Table>([["grabs", grabTable]]);
    if (staffTable) tables.set("staff", staffTable);
    const locate = (path: IssuePath) => {
      const table = tables.get(String(path[0]));
      if (!table || typeof path[1] !== "number") return { place: { arg: (path[0] === "policy" ? "policy" : "board") as SheetArg }, skip: path[0] === "policy" ? 1 : 0 };
      const row = { arg: table.what, row: rowNumber(table.rows[path[1]]!.index) };
      if (typeof path[2] !== "string") return { place: row, skip: 2 };
      const column = columnOf(table, path[2] as Field);
      return { place: { ...row, column: column === undefined ? path[2] : table.names[column]! }, skip: 3 };
    };
    const allocated = within(locate, () => allocateTasks(b, grabList, members, allocation));

    const doneTable = isOmitted(completions, "completions") ? undefined : readTable(completions, "completions", "completions");
    const done: Completion[] = doneTable
      ? rowsOf<Completion>(doneTable, (row) => {
          const qualityColumn = columnOf(doneTable, "quality");
          const quality = numberOf(cellAt(doneTable, row, qualityColumn), "ratio");
          if (typeof quality !== "number" && typeof quality !== "string") fail({ key: "sheetsQuality", ...cellParams(quality) }, cellPlace(doneTable, row, qualityColumn), IssueCode.invalidType);
          const completedColumn = columnOf(doneTable, "completed");
          const completed = cellAt(doneTable, row, completedColumn);
          const shareColumn = columnOf(doneTable, "share");
          const share = numberOf(cellAt(doneTable, row, shareColumn), "ratio");
          if (share !== null && typeof share !== "number" && typeof share !== "string") fail({ key: "sheetsShare", ...cellParams(share) }, cellPlace(doneTable, row, shareColumn), IssueCode.invalidType);
          return {
            task: required(doneTable, row, "task"),
            person: required(doneTable, row, "person"),
            quality,
            ...(completed !== null ? { completed: dateText(completed, offset, cellPlace(doneTable, row, completedColumn)) } : {}),
            ...(share !== null ? { share } : {}),
          };
        })
      : allocated.tasks.flatMap((t) => t.owners.map((o) => ({ task: t.task, person: o.person, quality: 1 })));
    if (doneTable) tables.set("completions", doneTable);
    const credits = within(locate, () => creditTasks(b, allocated, done, credit));

    const header = [sheetLabel("person", sheet.locale), sheetLabel("credit", sheet.locale), sheetLabel("creditTotal", sheet.locale), sheetLabel("excess", sheet.locale)];
    const byPerson = new Map(credits.people.map((p) => [p.person, p]));
    // Each number as a number where it is exact, else its exact text (see exactCell).
    const numbers = (p: (typeof credits.people)[number]) => [exactCell(p.applied, p.exact.applied), exactCell(p.total, p.exact.total), exactCell(p.excess, p.exact.excess)];
    if (!staffTable) return [header, ...credits.people.map((p) => [p.person, ...numbers(p)])];
    const out: SheetOutput = Array.from({ length: staffTable.height }, () => header.map(() => ""));
    out[staffTable.header] = header;
    staffTable.rows.forEach((row, i) => {
      const p = byPerson.get(members[i]!.id);
      out[row.index] = [members[i]!.id, ...(p ? numbers(p) : [0, 0, 0])];
    });
    return out;
  });
}
