import type { IssuePath } from "../core/errors.js";
import { allocateTasks } from "../tasks/allocate.js";
import { defineTaskBoard } from "../tasks/board.js";
import { creditTasks } from "../tasks/credit.js";
import type { AllocationPolicy, Completion, CreditPolicy, Grab, StaffMember } from "../tasks/types.js";
import { describeCell, fail, isOmitted, readJson, ruleLabel, sheetFunction, within, type SheetInput, type SheetOutput } from "./cells.js";
import { cellAt, columnOf, dateText, readTable, required, rowLabel, rowsOf, textAt, type Table } from "./table.js";

const ALLOCATION_KEYS: ReadonlySet<string> = new Set(["maxTasksPerPerson", "eligibility", "assignSeats"]);

/**
 * Credits grabbed tasks (三单: 抢单, 派单, R22) from ranges: the board's tasks are allocated from
 * the grabs — first come, first served — and the rest assigned to holders of their post, then
 * the completions are credited (points × difficulty coefficient, split between co-owners, ×
 * quality and factors, each person capped). Without completions every owner is credited as
 * completing in full and on time: a forecast of the board as allocated.
 *
 * Ranges have header rows: grabs `task`, `person`, `at`; completions `task`, `person`,
 * `quality` and optionally `completed`, `share`; staff `id`, `posts` (separated by commas or 、)
 * and optionally `name`. A date-time is a date cell, an Excel date number or text such as
 * `2023-07-03T09:00:05`, read at the board's `utcOffset` (default +08:00). The policy JSON holds
 * the allocation options (`maxTasksPerPerson`, `eligibility`, `assignSeats`) and the credit
 * options (`qualityGrades`, `assignedFactor`, `lateFactor`, `cap`, `splitDecimals`).
 *
 * @param board - the task board as JSON text.
 * @param grabs - the grabs range: task, person, at.
 * @param completions - the completions range; left out, every owner completes in full, on time.
 * @param staff - the staff range: id, posts; left out, the people of the grabs, holding no posts
 * (so a task nobody grabbed stays unowned).
 * @param policy - allocation and credit options as JSON text.
 * @returns a table: `person`, `credit` (what counts, after the cap), `total`, `excess` — one row
 * per staff row, aligned with `staff`, or without staff one row per person credited, by id.
 * @example
 * ```ts
 * const board = JSON.stringify({ id: "b", period: "2023-Q3", difficulty: { high: 1.5 }, tasks: [
 *   { id: "t1", title: "清理欠税", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" }] });
 * JIXIAO_TASKCREDIT(board, [["task", "person", "at"], ["t1", "s1", "2023-07-03T09:00:01"]]);
 * //=> [["person", "credit", "total", "excess"], ["s1", 3, 3, 0]]
 * ```
 */
export function JIXIAO_TASKCREDIT(board: SheetInput, grabs: SheetInput, completions?: SheetInput, staff?: SheetInput, policy?: SheetInput): SheetOutput {
  return sheetFunction(() => {
    const boardJson = readJson(board, "board");
    const b = within(ruleLabel("board"), () => defineTaskBoard(boardJson as never));
    const offset = b.utcOffset ?? "+08:00";
    const options = isOmitted(policy, "policy") ? {} : readJson(policy, "policy");
    if (options === null || typeof options !== "object" || Array.isArray(options)) fail("policy: must be a JSON object such as {\"cap\": 10}");
    const split = Object.entries(options);
    const allocation = Object.fromEntries(split.filter(([k]) => ALLOCATION_KEYS.has(k))) as AllocationPolicy;
    const credit = Object.fromEntries(split.filter(([k]) => !ALLOCATION_KEYS.has(k))) as CreditPolicy;

    const grabTable = readTable(grabs, "grabs", ["task", "person", "at"]);
    const grabList = rowsOf<Grab>(grabTable, (row, at) => ({
      task: required(grabTable, row, "task", at),
      person: required(grabTable, row, "person", at),
      at: dateText(cellAt(grabTable, row, columnOf(grabTable, "at")), offset, at("at")),
    }));
    const staffTable = isOmitted(staff, "staff") ? undefined : readTable(staff, "staff", ["id"]);
    const members = staffTable
      ? rowsOf<StaffMember>(staffTable, (row, at) => {
          const name = textAt(staffTable, row, columnOf(staffTable, "name"), "a name");
          const posts = textAt(staffTable, row, columnOf(staffTable, "posts"), "posts") ?? "";
          return { id: required(staffTable, row, "id", at), ...(name !== undefined ? { name } : {}), posts: posts.split(/[,，、;；]/).map((p) => p.trim()).filter((p) => p !== "") };
        })
      : [...new Set(grabList.map((g) => g.person))].map((id) => ({ id, posts: [] }));
    const tables = new Map<string, Table>([["grabs", grabTable]]);
    if (staffTable) tables.set("staff", staffTable);
    const locate = (path: IssuePath) => {
      const table = tables.get(String(path[0]));
      if (!table || typeof path[1] !== "number") return { label: path[0] === "policy" ? "policy" : "board", skip: path[0] === "policy" ? 1 : 0 };
      const row = rowLabel(table.rows[path[1]]!.index);
      return typeof path[2] === "string" ? { label: `${table.what} ${row}, column ${path[2]}`, skip: 3 } : { label: `${table.what} ${row}`, skip: 2 };
    };
    const allocated = within(locate, () => allocateTasks(b, grabList, members, allocation));

    const doneTable = isOmitted(completions, "completions") ? undefined : readTable(completions, "completions", ["task", "person", "quality"]);
    const done: Completion[] = doneTable
      ? rowsOf<Completion>(doneTable, (row, at) => {
          const quality = cellAt(doneTable, row, columnOf(doneTable, "quality"));
          if (typeof quality !== "number" && typeof quality !== "string") fail(`${at("quality")}: must be a fraction from 0 to 1 or a quality grade, not ${describeCell(quality)}`);
          const completed = cellAt(doneTable, row, columnOf(doneTable, "completed"));
          const share = cellAt(doneTable, row, columnOf(doneTable, "share"));
          if (share !== null && typeof share !== "number" && typeof share !== "string") fail(`${at("share")}: must be a fraction from 0 to 1, not ${describeCell(share)}`);
          return {
            task: required(doneTable, row, "task", at),
            person: required(doneTable, row, "person", at),
            quality,
            ...(completed !== null ? { completed: dateText(completed, offset, at("completed")) } : {}),
            ...(share !== null ? { share } : {}),
          };
        })
      : allocated.tasks.flatMap((t) => t.owners.map((o) => ({ task: t.task, person: o.person, quality: 1 })));
    if (doneTable) tables.set("completions", doneTable);
    const credits = within(locate, () => creditTasks(b, allocated, done, credit));

    const header = ["person", "credit", "total", "excess"];
    const byPerson = new Map(credits.people.map((p) => [p.person, p]));
    if (!staffTable) return [header, ...credits.people.map((p) => [p.person, p.applied, p.total, p.excess])];
    const out: SheetOutput = Array.from({ length: staffTable.height }, () => header.map(() => ""));
    out[staffTable.header] = header;
    staffTable.rows.forEach((row, i) => {
      const p = byPerson.get(members[i]!.id);
      out[row.index] = [members[i]!.id, p?.applied ?? 0, p?.total ?? 0, p?.excess ?? 0];
    });
    return out;
  });
}
