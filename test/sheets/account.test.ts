import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

// The English words, pinned: the locale "en" as the last argument (Chinese is the default).
const JIXIAO_ACCOUNT = (entries: lib.SheetInput, period?: lib.SheetInput, asOf?: lib.SheetInput) => lib.JIXIAO_ACCOUNT(entries, period, asOf, "en");

const header = ["id", "person", "date", "component", "points", "source", "corrects", "action"];

describe("JIXIAO_ACCOUNT: a growth-account ledger kept in a sheet", () => {
  const ledger = [
    header,
    ["e1", "c001", "2024-01-31", "everyday", 8.5, "月度考核", "", ""],
    ["e2", "c001", "2024-02-29", "everyday", 9, "月度考核", "", ""],
    [],
    ["e3", "c001", "2024-03-04", "", 8.8, "复核", "e1", "amend"],
    ["e4", "c002", 45337, "talent", "2", "人事股", "", ""], // Excel's serial for 2024-02-15
    ["e5", "c002", new Date("2024-06-30T16:30:00Z"), "bonus", 0.5, "表扬", "", ""], // 00:30 on 1 July in Shanghai
  ];

  it("sums by period, with corrections, one row per person and a column per component", () => {
    expect(JIXIAO_ACCOUNT(ledger, "2024-Q1")).toEqual([
      ["person", "total", "everyday", "talent"],
      ["c001", 17.8, 17.8, 0],
      ["c002", 2, 0, 2],
    ]);
    expect(JIXIAO_ACCOUNT(ledger, "2024-07")).toEqual([["person", "total", "bonus"], ["c001", 0, 0], ["c002", 0.5, 0.5]]);
    expect(JIXIAO_ACCOUNT(ledger, 2024)).toEqual([
      ["person", "total", "bonus", "everyday", "talent"],
      ["c001", 17.8, 0, 17.8, 0],
      ["c002", 2.5, 0.5, 0, 2],
    ]);
    // The whole career, and the account as it stood on 1 March (before the amendment).
    expect(JIXIAO_ACCOUNT(ledger)[1]).toEqual(["c001", 17.8, 0, 17.8, 0]);
    expect(JIXIAO_ACCOUNT(ledger, "2024-Q1", "2024-03-01")[1]).toEqual(["c001", 17.5, 17.5, 0]);
  });

  it("answers problems with an error cell naming the row and column", () => {
    expect(JIXIAO_ACCOUNT([header, ["e1", "c001", "2024-02-30", "everyday", 1, "s", "", ""]], "2024")).toEqual([["#JIXIAO! entries row 2, column date: is not a real date or date-time (got text \"2024-02-30\")"]]);
    expect(JIXIAO_ACCOUNT([header, ["e1", "c001", "2024-01-01", "everyday", 1, "", "", ""]])).toEqual([["#JIXIAO! entries row 2, column source: is blank"]]);
    expect(JIXIAO_ACCOUNT([header, ["e1", "c001", "2024-01-01", "x", 1, "s", "", ""], ["e2", "c001", "2024-01-02", "", 1, "s", "e9", "amend"]])).toEqual([
      ['#JIXIAO! entries row 3, column corrects: names "e9", which is not an entry of the ledger'],
    ]);
    expect(JIXIAO_ACCOUNT([header, ["e1", "c001", "2024-01-01", "x", 1, "s", "", ""]], "2024-13")[0]![0]).toMatch(/^#JIXIAO! period: is not a period key/);
    expect(JIXIAO_ACCOUNT([["id", "person"]])).toEqual([['#JIXIAO! entries row 1: the header has no column "date", "points", "source"; it has id, person']]);
    expect(JIXIAO_ACCOUNT([header, ["e1", "c001", "2024-01-01", "x", true, "s", "", ""]])).toEqual([["#JIXIAO! entries row 2, column points: must be a number, not a boolean"]]);
    expect(() => JIXIAO_ACCOUNT(undefined as never)).not.toThrow();
  });
});
