import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import {
  JIXIAO_EXPLAIN,
  SHEET_ERROR,
  county361Example,
  rank,
  scoreAll,
  type SheetOutput,
} from "../../src/index.js";
import { BOARD, SCHEME, SUBJECTS, TIERS } from "./fixtures.js";
import { light } from "../helpers.js";

// The sheet functions speak Chinese by default; these tests pin their English words, so each one
// is called with the locale "en" as its last argument (the Chinese ones are in zh.test.ts).
type In = lib.SheetInput;
const JIXIAO_SCORE = (scheme: In, subjects: In, columns?: In, missing?: In) => lib.JIXIAO_SCORE(scheme, subjects, columns, missing, "en");
const JIXIAO_RANK = (scores: In, groups?: In, options?: In) => lib.JIXIAO_RANK(scores, groups, options, "en");
const JIXIAO_TIER = (scores: In, groups: In, policy: In) => lib.JIXIAO_TIER(scores, groups, policy, "en");
const JIXIAO_LASTPLACE = (scores: In, groups: In, policy: In) => lib.JIXIAO_LASTPLACE(scores, groups, policy, "en");
const JIXIAO_TASKCREDIT = (board: In, grabs: In, completions?: In, staff?: In, policy?: In) => lib.JIXIAO_TASKCREDIT(board, grabs, completions, staff, policy, "en");

const column = (...cells: unknown[]) => cells.map((c) => [c]) as never;
const isError = (cell: unknown) => typeof cell === "string" && cell.startsWith(`${SHEET_ERROR} `);

/** Every cell of an output is a number or text, never NaN, and every row has the same width. */
function wellFormed(out: SheetOutput): SheetOutput {
  expect(Array.isArray(out)).toBe(true);
  const width = out[0]!.length;
  for (const row of out) {
    expect(row).toHaveLength(width);
    for (const cell of row) expect(typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell))).toBe(true);
  }
  return out;
}

describe("JIXIAO_SCORE", () => {
  it("scores a range with a header row, keeping blank rows blank and aligned, with a notes column", () => {
    expect(JIXIAO_SCORE(SCHEME, SUBJECTS)).toEqual([
      ["id", "total", "rank", "notes"],
      ["c001", 85.3, 2, ""],
      ["", "", "", ""],
      ["c002", 99.5, 1, ""],
      ["c003", 57.5, 3, "converted for not-applicable indicators: earned 34.5 ÷ applicable 60 × full 100 = 57.5"],
    ]);
  });

  it("gives the same totals as scoreAll, exactly", () => {
    const lib = scoreAll(county361Example, [
      { id: "c001", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 } },
      { id: "c002", values: { attendance: 0, study: "优", political: 92, collection: "104.2", backlog: 0, grabbed: 9.5 } },
      { id: "c003", values: { attendance: 1, study: "中", political: 79, collection: null, backlog: 6, grabbed: 2 } },
    ]);
    expect(JIXIAO_SCORE(SCHEME, SUBJECTS, "total").flat().filter((c) => typeof c === "number")).toEqual(lib.map((r) => r.total));
  });

  it("returns the columns asked for, in order, headed by the groups' and indicators' names; one column when asked for one", () => {
    expect(JIXIAO_SCORE(SCHEME, SUBJECTS, "name, total, group:common, indicator:study")).toEqual([
      ["name", "total", "共性指标", "学习"],
      ["张伟", 85.3, 25.5, 8.5],
      ["", "", "", ""],
      ["李娜", 99.5, 30, 10],
      ["王强", 57.5, 24.5, 7],
    ]);
    expect(JIXIAO_SCORE(SCHEME, SUBJECTS, "total")).toEqual(column("total", 85.3, "", 99.5, 57.5));
  });

  it("ranks within the group column", () => {
    const withGroups = SUBJECTS.map((row, i) => [...row.slice(0, 2), i === 0 ? "group" : i === 2 ? "" : i === 1 ? "科员" : "科级", ...row.slice(2)]);
    expect(JIXIAO_SCORE(SCHEME, withGroups, "id, group, rank")).toEqual([["id", "group", "rank"], ["c001", "科员", 1], ["", "", ""], ["c002", "科级", 1], ["c003", "科级", 2]]);
  });

  it("finds the header below blank rows and ignores columns that are not indicators", () => {
    const range = [["", ""], ...SUBJECTS.map((row, i) => [...row, i === 0 ? "部门" : i === 2 ? "" : "征管股"])];
    expect(JIXIAO_SCORE(SCHEME, range, "total")).toEqual(column("", "total", 85.3, "", 99.5, 57.5));
  });

  it("reads a blank cell as missing, as the missing option says", () => {
    const range = [SUBJECTS[0]!, ["c001", "张伟", 2, "良", 88, "", 3, 7.2]];
    expect(JIXIAO_SCORE(SCHEME, range, "total")[1]![0]).toMatch(/^#JIXIAO! row 2 \(c001\), column collection: /);
    expect(JIXIAO_SCORE(SCHEME, range, "total", "not-applicable")).toEqual(column("total", 77.83));
    expect(JIXIAO_SCORE(SCHEME, range, "total", "zero")).toEqual(column("total", 46.7));
  });

  it("shows a row's error in its own row and scores the others", () => {
    const range = [...SUBJECTS, ["c004", "赵", 1, "优秀", 79, 90, 6, 2]];
    const out = wellFormed(JIXIAO_SCORE(SCHEME, range, "id, total"));
    expect(out.slice(0, 5)).toEqual([["id", "total"], ["c001", 85.3], ["", ""], ["c002", 99.5], ["c003", 57.5]]);
    expect(out[5]).toEqual(["c004", '#JIXIAO! row 6 (c004), column study: is "优秀", which is not a grade of this indicator; the grades are 优, 良, 中, 差']);
  });

  it("leaves ranks out while a row has an error, naming the row to fix", () => {
    const range = [...SUBJECTS, ["c004", "赵", 1, "优秀", 79, 90, 6, 2]];
    expect(JIXIAO_SCORE(SCHEME, range)[1]).toEqual(["c001", 85.3, "#JIXIAO! not ranked; row 6 must be fixed first", ""]);
  });

  it("holds every row back when the scheme ranks rows together and one of them fails", () => {
    const scheme = JSON.stringify({ id: "r", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "cases", points: 10, method: { type: "rank", step: 1 } }] }] });
    expect(JIXIAO_SCORE(scheme, [["id", "cases"], ["a", 30], ["b", 41]], "total")).toEqual(column("total", 9, 10));
    expect(JIXIAO_SCORE(scheme, [["id", "cases"], ["", 30], ["b", 41]], "total")).toEqual(
      column("total", "#JIXIAO! row 2, column id: is blank; every row needs an id", '#JIXIAO! row 3 (b): not scored; indicator "cases" ranks all rows together, so row 2 must be fixed first'),
    );
    expect(JIXIAO_SCORE(scheme, [["id", "cases"], ["a", 30], ["b", "many"]], "total")).toEqual(
      column(
        "total",
        '#JIXIAO! row 2 (a): not scored; indicator "cases" ranks all rows together, so row 3 must be fixed first',
        "#JIXIAO! row 3 (b), column cases: must be a finite decimal number within ±10^18, not text \"many\"",
      ),
    );
  });

  it("reports duplicate and blank ids in their rows", () => {
    const out = JIXIAO_SCORE(SCHEME, [SUBJECTS[0]!, SUBJECTS[1]!, ["", "无名", 2, "良", 88, 96.5, 3, 7.2], SUBJECTS[1]!], "total");
    expect(out[1]).toEqual([85.3]);
    expect(out[2]).toEqual(["#JIXIAO! row 3, column id: is blank; every row needs an id"]);
    expect(out[3]![0]).toMatch(/^#JIXIAO! row 4 \(c001\), column id: repeats the subject id "c001"/);
  });

  it("reads votes as JSON in a cell", () => {
    const scheme = JSON.stringify({
      id: "v", full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "votes", points: 10, method: { type: "votes", grades: { 优秀: 1, 称职: 0.8, 基本称职: 0.6, 不称职: 0 } } }] }],
    });
    expect(JIXIAO_SCORE(scheme, [["id", "votes"], ["a", '{"优秀": 12, "称职": 28}']], "total")).toEqual(column("total", 8.6));
    expect(JIXIAO_SCORE(scheme, [["id", "votes"], ["a", "{优秀: 12}"]], "total")[1]![0]).toMatch(/^#JIXIAO! row 2, column votes: starts with "\{" but is not valid JSON/);
  });

  it("gives one error cell for a bad scheme, naming the path in the scheme", () => {
    expect(JIXIAO_SCORE("{", SUBJECTS)).toEqual([["#JIXIAO! scheme: is not valid JSON (Expected property name or '}' in JSON at position 1)"]]);
    expect(JIXIAO_SCORE(SCHEME.replace('"full": 100', '"full": 90'), SUBJECTS)).toEqual([
      ['#JIXIAO! scheme full (满分): is 90, but the groups\' points add up to 100 (set "pointsAddUp": false if that is intended)'],
    ]);
    expect(JIXIAO_SCORE("", SUBJECTS)).toEqual([["#JIXIAO! scheme: is blank; give the JSON text (or the cell that holds it)"]]);
    expect(JIXIAO_SCORE(42 as never, SUBJECTS)).toEqual([["#JIXIAO! scheme: must be JSON text, not the number 42"]]);
  });

  it("joins a scheme split over several cells", () => {
    const cells = SCHEME.match(/[\s\S]{1,500}/g)!.map((part) => [part]);
    expect(JIXIAO_SCORE(cells, SUBJECTS, "total")).toEqual(JIXIAO_SCORE(SCHEME, SUBJECTS, "total"));
  });

  it("names a missing indicator column and a bad columns argument", () => {
    const range = SUBJECTS.map((row) => row.slice(0, 7));
    expect(JIXIAO_SCORE(SCHEME, range)[0]![0]).toBe(
      '#JIXIAO! subjects row 1: the header has no column for "grabbed" (抢单得分); it has id, name, attendance, study, political, collection, backlog (or give missing "not-applicable" or "zero")',
    );
    expect(JIXIAO_SCORE(SCHEME, SUBJECTS, "total, indicator:nope")).toEqual([
      ['#JIXIAO! columns: "indicator:nope" is not a column; give id, name, group, total, base, rank, notes, group:<group id> or indicator:<indicator id>, or a column of the subjects range, separated by commas'],
    ]);
    expect(JIXIAO_SCORE(SCHEME, SUBJECTS, "total", "maybe")).toEqual([['#JIXIAO! missing: "maybe" is not one of "error", "not-applicable", "zero"']]);
  });

  it("refuses a header that names a column twice, and a range with no header", () => {
    expect(JIXIAO_SCORE(SCHEME, [["id", "study", "study"]])).toEqual([
      ['#JIXIAO! subjects row 1: the header names "study" twice (columns 2 and 3); each column needs its own name'],
    ]);
    expect(JIXIAO_SCORE(SCHEME, [[""], [null]])).toEqual([["#JIXIAO! subjects: is blank; it needs a header row (id …) and rows below it"]]);
    expect(JIXIAO_SCORE(SCHEME, [["name", "study"]])[0]![0]).toMatch(/^#JIXIAO! subjects row 1: the header has no column "id"; it has name, study/);
  });

  it("takes a header and a single cell as Apps Script passes them", () => {
    const scheme = JSON.stringify({ id: "q", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "rate", points: 10, method: { type: "completion", target: 100 } }] }] });
    expect(JIXIAO_SCORE(scheme, [["id", "rate"], ["c001", 96.5], ["c002", 90.1]])).toEqual([["id", "total", "rank", "notes"], ["c001", 9.65, 1, ""], ["c002", 9.01, 2, ""]]);
    expect(JIXIAO_SCORE(scheme, "c001")).toEqual([['#JIXIAO! subjects row 1: the header has no column "id"; it has c001']]);
  });
});

describe("totals beyond 15 digits: every digit shown", () => {
  const big = JSON.stringify({ id: "big", full: "1e18", groups: [{ id: "g", points: "1e18", indicators: [{ id: "x", points: "1e18", method: { type: "direct" } }] }] });

  it("JIXIAO_SCORE writes a total the number cannot hold as its exact text, and ranks by it", () => {
    const out = JIXIAO_SCORE(big, [["id", "x"], ["a", "100000000000000001"], ["b", "100000000000000002"], ["c", "86.3"]], "id, total, group:g, rank");
    expect(out).toEqual([
      ["id", "total", "g", "rank"],
      ["a", "100000000000000001", "100000000000000001", 2],
      ["b", "100000000000000002", "100000000000000002", 1],
      // A number that is its decimal stays a number.
      ["c", 86.3, 86.3, 3],
    ]);
  });

  it("JIXIAO_TASKCREDIT writes credits the number cannot hold as their exact text", () => {
    const board = JSON.stringify({ ...JSON.parse(BOARD), tasks: [{ id: "t1", title: "清理欠税", difficulty: "low", points: "100000000000000001", post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" }] });
    expect(JIXIAO_TASKCREDIT(board, [["task", "person", "at"], ["t1", "s1", "2023-07-03T09:00:01"]], "", "", '{"cap":"100000000000000000"}')).toEqual([
      ["person", "credit", "total", "excess"],
      ["s1", 1e17, "100000000000000001", 1],
    ]);
  });
});

describe("JIXIAO_EXPLAIN", () => {
  it("explains one subject, one line per cell, in Chinese or English", () => {
    const zh = JIXIAO_EXPLAIN(SCHEME, SUBJECTS, "c001");
    expect(zh[0]).toEqual(["张伟（c001） · 方案 county-personal-2024Q3"]);
    expect(zh.at(-1)).toEqual(["总分 85.3（满分 100）"]);
    expect(JIXIAO_EXPLAIN(SCHEME, SUBJECTS, "c001", "en").at(-1)).toEqual(["Total 85.3 (full 100)"]);
  });

  it("needs an id when the range has several subjects, and names an unknown one", () => {
    expect(JIXIAO_EXPLAIN(SCHEME, SUBJECTS.slice(0, 2)).at(-1)).toEqual(["总分 85.3（满分 100）"]);
    expect(JIXIAO_EXPLAIN(SCHEME, SUBJECTS, "", "en")).toEqual([["#JIXIAO! id: give the id of the subject to explain (the range has 3 rows)"]]);
    expect(JIXIAO_EXPLAIN(SCHEME, SUBJECTS, "c999", "en")).toEqual([['#JIXIAO! id: no row of subjects has the id "c999"']]);
    expect(JIXIAO_EXPLAIN(SCHEME, SUBJECTS)).toEqual([["#JIXIAO! 编号（id）：请给出要说明的考评对象的编号（区域中有 3 行）"]]);
    // An unknown locale is reported in the default language, Chinese.
    expect(JIXIAO_EXPLAIN(SCHEME, SUBJECTS, "c001", "fr")).toEqual([["#JIXIAO! 语言（locale）：「fr」不是「zh-CN」、「zh」、「en」之一"]]);
  });

  it("shows the row's error when the subject cannot be scored", () => {
    const out = JIXIAO_EXPLAIN(SCHEME, [SUBJECTS[0]!, ["c004", "赵", 1, "优秀", 79, 90, 6, 2]], "c004", "en");
    expect(out).toHaveLength(1);
    expect(out[0]![0]).toMatch(/^#JIXIAO! row 2 \(c004\), column study: /);
  });
});

describe("JIXIAO_RANK", () => {
  it("ranks a column with a header and blank cells, aligned", () => {
    expect(JIXIAO_RANK(column("total", 90, 95, 90, "", 88))).toEqual(column("rank", 2, 1, 2, "", 4));
  });

  it("ranks within groups, low-first and dense when asked", () => {
    const scores = column(90, 95, 90, 70, 88);
    const groups = column("A", "B", "A", "B", "A");
    expect(JIXIAO_RANK(scores, groups)).toEqual(column(1, 1, 1, 2, 3));
    expect(JIXIAO_RANK(scores, groups, "asc, dense")).toEqual(column(2, 2, 2, 1, 1));
    expect(JIXIAO_RANK(scores, "", "ordinal")).toEqual(column(2, 1, 3, 5, 4));
  });

  it("takes ids and scores in two columns, and decimal text exactly", () => {
    expect(JIXIAO_RANK([["id", "total"], ["c2", "0.3"], ["c1", 0.1 + 0.2], ["c3", 0.3]], undefined, "ordinal")).toEqual(column("rank", 2, 1, 3));
    expect(JIXIAO_RANK([["c1", "88.10"], ["c2", 88.1]])).toEqual(column(1, 1));
  });

  it("shows a bad score in its row and holds the others back", () => {
    expect(JIXIAO_RANK(column("total", 90, "x", true, 88))).toEqual(
      column(
        "rank",
        "#JIXIAO! not ranked; row 3 must be fixed first",
        '#JIXIAO! row 3: score must be a number, not text "x"',
        "#JIXIAO! row 4: score must be a number, not a boolean",
        "#JIXIAO! not ranked; row 3 must be fixed first",
      ),
    );
  });

  it("checks groups and options", () => {
    expect(JIXIAO_RANK(column(1, 2), column("A"))).toEqual([["#JIXIAO! groups: has 1 rows and scores has 2; give ranges of the same rows (B2:B40 with C2:C40)"]]);
    expect(JIXIAO_RANK(column(1, 2), column("A", ""))).toEqual(column("#JIXIAO! not ranked; row 2 must be fixed first", "#JIXIAO! row 2: group is blank; when groups are given every scored row needs one"));
    expect(JIXIAO_RANK(column(1), undefined, "up")).toEqual([['#JIXIAO! options: "up" is not one of "desc", "asc", "competition", "dense", "ordinal"']]);
    expect(JIXIAO_RANK([[1, 2, 3]])).toEqual([["#JIXIAO! scores: has 3 columns; give one column of scores, or two: ids and scores"]]);
    expect(JIXIAO_RANK([["a", 1], ["a", 2]])).toEqual(column("#JIXIAO! not ranked; row 2 must be fixed first", '#JIXIAO! row 2: id "a" repeats row 1; each row needs its own id'));
    expect(JIXIAO_RANK(undefined as never)).toEqual([["#JIXIAO! scores: is missing; give a column of scores"]]);
  });

  it("agrees with rank on a plain list and on one cell", () => {
    expect(JIXIAO_RANK([70, 80] as never)).toEqual(column(2, 1));
    expect(JIXIAO_RANK(70)).toEqual([[1]]);
    expect(JIXIAO_RANK([])).toEqual([["#JIXIAO! scores: is missing; give a column of scores"]]);
    const lib = rank([{ subjectId: "a", total: 90 }, { subjectId: "b", total: 95 }]).entries;
    expect(JIXIAO_RANK([["a", 90], ["b", 95]])).toEqual(column(lib.find((e) => e.subjectId === "a")!.rank, lib.find((e) => e.subjectId === "b")!.rank));
  });
});

describe("JIXIAO_TIER", () => {
  it("places scores in tiers by quota, aligned, with a header", () => {
    expect(JIXIAO_TIER(column(90, 85, 85, 70, 60), "", TIERS)).toEqual(column("好", "中", "中", "中", "差"));
    expect(JIXIAO_TIER(column("total", 90, "", 85, 85, 70, 60), "", TIERS)).toEqual(column("tier", "好", "", "中", "中", "中", "差"));
    expect(JIXIAO_TIER(column("total", 90, 60), column("group", "A", ""), TIERS)).toEqual(
      column("tier", "#JIXIAO! not placed in a tier; row 3 must be fixed first", "#JIXIAO! row 3: group is blank; when groups are given every scored row needs one"),
    );
  });

  it("places within groups: a group of two gets no 好 under ⌊0.4 × n⌋", () => {
    const policy = '{"tiers":[{"name":"好","share":0.4},{"name":"中"}]}';
    expect(JIXIAO_TIER(column(90, 80, 70, 95, 60), column("A", "A", "A", "B", "B"), policy)).toEqual(column("好", "中", "中", "中", "中"));
  });

  it("names the policy's problems by path", () => {
    expect(JIXIAO_TIER(column(90), "", '{"tiers":[{"name":"好","share":1.2},{"name":"中"}]}')).toEqual([["#JIXIAO! policy tiers[0].share: must be at most 1, not 1.2; policy tiers: shares add up to 1.2, more than 1"]]);
    expect(JIXIAO_TIER(column(90), "", '{"tiers":[{"name":"好"}],"groupBy":"jobLevel"}')).toEqual([
      ['#JIXIAO! policy groupBy: is "jobLevel"; in a sheet the peer groups come from the groups column, so leave groupBy out'],
    ]);
    expect(JIXIAO_TIER(column(90), "", "")).toEqual([["#JIXIAO! policy: is blank; give the JSON text (or the cell that holds it)"]]);
  });
});

describe("JIXIAO_LASTPLACE", () => {
  it("gives each row its deduction, 0 for none", () => {
    expect(JIXIAO_LASTPLACE(column("total", 90, 80, 70, 60, 50), "", '{"deductions":[1,0.5]}')).toEqual(column("deduction", 0, 0, 0, 0.5, 1));
  });

  it("exempts small groups and spares ties when the policy says", () => {
    const policy = '{"deductions":[1],"minGroupSize":3,"ties":"none"}';
    expect(JIXIAO_LASTPLACE(column(90, 80, 80, 70, 60), column("A", "A", "A", "B", "B"), policy)).toEqual(column(0, 0, 0, 0, 0));
    expect(JIXIAO_LASTPLACE(column(90, 80, 70, 70), "", '{"deductions":[1]}')).toEqual(column(0, 0, 1, 1));
  });

  it("names the policy's problems by path", () => {
    expect(JIXIAO_LASTPLACE(column(90), "", '{"deductions":[1,-0.5]}')).toEqual([["#JIXIAO! policy deductions[1]: must be more than 0, not -0.5"]]);
    expect(JIXIAO_LASTPLACE(column(90), "", '{"deductions":[1],"extra":1}')).toEqual([["#JIXIAO! policy extra: is not a known field"]]);
  });
});

describe("JIXIAO_TASKCREDIT", () => {
  const grabs = [
    ["task", "person", "at"],
    ["t1", "s2", "2023-07-03T09:00:05"],
    ["t1", "s1", "2023-07-03T09:00:01"],
    ["t2", "s2", "2023-07-04T10:00:00"],
  ];

  it("credits grabbed tasks as a forecast when no completions are given", () => {
    expect(JIXIAO_TASKCREDIT(BOARD, grabs)).toEqual([
      ["person", "credit", "total", "excess"],
      ["s1", 3, 3, 0],
      ["s2", 1, 1, 0],
    ]);
  });

  it("credits completions with quality, late factor and cap, aligned with the staff range", () => {
    const done = [
      ["task", "person", "quality", "completed"],
      ["t1", "s1", "良", "2023-08-02"],
      ["t2", "s2", 1, ""],
    ];
    const staff = [["id", "name", "posts"], ["s1", "张伟", "征管岗"], ["", "", ""], ["s2", "李娜", "纳服岗、征管岗"], ["s3", "王强", "纳服岗"]];
    const policy = '{"qualityGrades":{"优":1,"良":0.8},"lateFactor":0.5,"cap":10}';
    expect(JIXIAO_TASKCREDIT(BOARD, grabs, done, staff, policy)).toEqual([
      ["person", "credit", "total", "excess"],
      ["s1", 1.2, 1.2, 0],
      ["", "", "", ""],
      ["s2", 1, 1, 0],
      ["s3", 0, 0, 0],
    ]);
  });

  it("reads date cells at the board's offset and Excel date numbers as wall-clock times", () => {
    const dated = [["task", "person", "at"], ["t1", "s1", new Date("2023-07-03T01:00:05Z")], ["t1", "s2", 45110.375]];
    expect(JIXIAO_TASKCREDIT(BOARD, dated)).toEqual([["person", "credit", "total", "excess"], ["s2", 3, 3, 0]]);
  });

  it("assigns a task nobody grabbed to a holder of its post", () => {
    const staff = [["id", "posts"], ["s1", "征管岗"], ["s3", "纳服岗"]];
    expect(JIXIAO_TASKCREDIT(BOARD, grabs.slice(0, 3), "", staff)).toEqual([["person", "credit", "total", "excess"], ["s1", 3, 3, 0], ["s3", 1, 1, 0]]);
  });

  it("names the range, row and column of every bad cell", () => {
    expect(JIXIAO_TASKCREDIT(BOARD, [["task", "person", "at"], ["t1", "s1", "yesterday"]])).toEqual([
      ["#JIXIAO! grabs row 2, column at: \"yesterday\" is not a date-time such as 2023-07-03T09:00:05+08:00"],
    ]);
    expect(JIXIAO_TASKCREDIT(BOARD, [["task", "person", "at"], ["t1", "", 1], ["t2", "s1", true]])).toEqual([
      ["#JIXIAO! grabs row 2, column person: is blank; grabs row 3, column at: must be a date-time, not a boolean"],
    ]);
    expect(JIXIAO_TASKCREDIT(BOARD, grabs, [["task", "person", "quality"], ["t2", "s1", 1]])).toEqual([['#JIXIAO! completions row 2, column person: "s1" does not own task "t2" in the allocation']]);
    expect(JIXIAO_TASKCREDIT(BOARD, [["task", "who"]])).toEqual([['#JIXIAO! grabs row 1: the header has no column "person", "at"; it has task, who']]);
    expect(JIXIAO_TASKCREDIT(BOARD.replace('"2023-Q3",\n', ""), grabs, "", "", "[1]")).toEqual([['#JIXIAO! policy: must be a JSON object such as {"cap": 10}']]);
    expect(JIXIAO_TASKCREDIT(BOARD.replace('"period":"2023-Q3"', '"period":"2023-Q5"'), grabs)).toEqual([
      ['#JIXIAO! board period: must be a period key such as 2023-Q3, 2023-07, 2023-H2 or 2023, not text "2023-Q5"'],
    ]);
    expect(JIXIAO_TASKCREDIT(BOARD, grabs, "", "", '{"cap":-1}')).toEqual([["#JIXIAO! policy cap (上限): must be at least 0, not -1"]]);
  });
});

describe("hostile input", () => {
  const all = (args: unknown[]) => [
    JIXIAO_SCORE(SCHEME, ...(args as [never])),
    JIXIAO_EXPLAIN(SCHEME, ...(args as [never])),
    JIXIAO_RANK(...(args as [never])),
    JIXIAO_TIER(args[0] as never, "", TIERS),
    JIXIAO_LASTPLACE(args[0] as never, "", '{"deductions":[1]}'),
    JIXIAO_TASKCREDIT(BOARD, ...(args as [never])),
  ];

  it("never throws, whatever the arguments", () => {
    const inputs: unknown[][] = [
      [],
      [undefined],
      [null],
      [{}],
      [[[{}]]],
      [[["id", "__proto__", "constructor"], ["__proto__", "x", 1]]],
      [[[NaN], [Infinity], [-0]]],
      [[["task", "person", "at"], ["__proto__", "constructor", "2023-07-03T09:00"]]],
      [[[Symbol("s")]]],
      [[[() => 1]]],
      [[["1e400"]]],
      [[[new Date(NaN)]]],
      [[["id", "x".repeat(100_000)], ["a".repeat(10_000), 1]]],
      [Object.assign([["id"]], { 0: Object.defineProperty([], 0, { get: () => { throw new Error("boom"); } }) })],
    ];
    for (const args of inputs)
      for (const out of all(args)) {
        wellFormed(out);
        expect(Object.prototype).not.toHaveProperty("x");
      }
  });

  it("keeps __proto__ headers and ids from reaching a prototype", () => {
    const out = JIXIAO_SCORE(SCHEME, [["id", "__proto__", ...SUBJECTS[0]!.slice(1)], ["__proto__", "polluted", ...SUBJECTS[1]!.slice(1)]], "total");
    expect(out[1]![0]).toMatch(/^#JIXIAO! row 2 \(__proto__\), column id: "__proto__" is reserved/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JIXIAO_RANK([["__proto__", 1]])).toEqual([['#JIXIAO! row 1 (__proto__): "__proto__" is reserved and cannot be used as an id']]);
  });

  it("reports NaN and infinite scores in their rows", () => {
    expect(JIXIAO_RANK(column(NaN, Infinity, 1))).toEqual(
      column("#JIXIAO! row 1: score must be a number, not NaN", "#JIXIAO! row 2: score must be a number, not Infinity", "#JIXIAO! not ranked; row 1 must be fixed first"),
    );
    const nan = JIXIAO_SCORE(SCHEME, [SUBJECTS[0]!, ["c001", "张伟", NaN, "良", 88, 96.5, 3, 7.2]], "total");
    expect(nan[1]![0]).toMatch(/^#JIXIAO! row 2 \(c001\), column attendance: /);
  });

  // No timing here (performance is measured by the benchmark): the test's timeout bounds a hang.
  it("refuses ranges beyond the limits, with a message", () => {
    const tall = new Array(2_000_001).fill([1]);
    expect(JIXIAO_RANK(tall)).toEqual([["#JIXIAO! scores: has 2000001 rows; a sheet function takes at most 2000000"]]);
    const wide = new Array(1001).fill(new Array(10_000).fill(""));
    expect(JIXIAO_SCORE(SCHEME, wide)).toEqual([["#JIXIAO! subjects: has more than 10000000 cells; a sheet function takes at most 10000000"]]);
  });

  it.skipIf(light)("ranks and tiers a large column, aligned", () => {
    const n = 50_000;
    const scores = Array.from({ length: n }, (_, i) => [i % 7 === 0 ? "" : String((i * 37) % 1000) + ".5"]);
    const out = JIXIAO_TIER(scores, "", TIERS);
    expect(out).toHaveLength(n);
    expect(out.filter((r) => r[0] === "").length).toBe(Math.ceil(n / 7));
    expect(out.every((r) => ["好", "中", "差", ""].includes(r[0] as string))).toBe(true);
  });

  it("scores a full-column range with thousands of trailing blank rows", () => {
    const range = [...SUBJECTS, ...Array.from({ length: 5000 }, () => new Array(8).fill(""))];
    const out = JIXIAO_SCORE(SCHEME, range, "total");
    expect(out).toHaveLength(range.length);
    expect(out.slice(0, 5)).toEqual(column("total", 85.3, "", 99.5, 57.5));
    expect(out.slice(5).every((r) => r[0] === "")).toBe(true);
  });

  it("writes every error as one readable cell", () => {
    const out = JIXIAO_SCORE(SCHEME, [SUBJECTS[0]!, ...Array.from({ length: 3 }, (_, i) => [`c${i}`, "x", "many", "?", "a", "b", "c", "d"])], "total");
    for (const row of out.slice(1)) {
      expect(isError(row[0])).toBe(true);
      expect((row[0] as string).length).toBeLessThanOrEqual(1000);
      expect(row[0]).toMatch(/; and \d+ more$|…$/);
    }
  });
});
