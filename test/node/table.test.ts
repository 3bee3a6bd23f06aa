import { describe, expect, it } from "vitest";
import { columnLetters, tableRecords } from "../../src/node/table.js";
import { csvTable } from "../../src/node/csv.js";
import { formatIssue, type Issue } from "../../src/index.js";
import { thrown } from "../helpers.js";

const issuesOf = (fn: () => unknown): readonly Issue[] => thrown(fn).issues;

describe("tables as Excel lays them out", () => {
  it("names columns by Excel's letters", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  it("skips trailing empty columns and rows, and numbers each record's row as Excel shows it", () => {
    const t = csvTable("\ufeff编号,总分,,,\r\nc1,90,,,\r\n,,,,\r\nc2,85,,\r\n,,,,\r\n,,,,\r\n", "p.csv");
    expect(t.records).toEqual([{ 编号: "c1", 总分: "90" }, { 编号: "c2", 总分: "85" }]);
    expect(t.rows).toEqual([2, 4]);
    // A quoted field's line break stays inside its row, as in Excel.
    expect(csvTable('id,note\nc1,"a\nb"\nc2,x\n', "p.csv").rows).toEqual([2, 3]);
    // Empty rows before the header.
    expect(tableRecords([[], ["", " "], ["id"], ["c1"]], [3, 4, 5, 9], "s.xlsx")).toEqual({ records: [{ id: "c1" }], rows: [9] });
  });

  it("ignores an unnamed column without data, wherever it is", () => {
    expect(csvTable("id,,total\nc1,,90\n", "p.csv").records).toEqual([{ id: "c1", total: "90" }]);
  });

  it("still refuses an unnamed column with data below, a name used twice, and data past the header", () => {
    const issues = issuesOf(() => csvTable("id,,total,total\nc1,x,90,91\nc2,,80,81,,7\n", "p.csv"));
    expect(issues.map((i) => i.params)).toEqual([
      { key: "tableUnnamedColumn", file: "p.csv", column: 2, letter: "B" },
      { key: "tableDuplicateColumn", file: "p.csv", name: "total" },
      { key: "tableRowTooLong", file: "p.csv", row: 3, fields: 6, header: 4 },
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      "p.csv: the header's column 2 has no name",
      'p.csv: the header names "total" twice',
      "p.csv: row 3 has 6 fields, the header 4",
    ]);
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "p.csv：表头第 2 列（B 列）没有列名，但下面有数据；请填写列名，或删除这一列",
      "p.csv：表头有两列都叫「total」；列名不能重复",
      "p.csv：第 3 行有 6 列，比表头（4 列）多；请补上列名，或删除多出的内容",
    ]);
    const empty = issuesOf(() => csvTable(",,\n\n", "e.csv"))[0]!;
    expect([empty.message, formatIssue(empty)]).toEqual(["e.csv: has no header row", "e.csv：没有表头行"]);
  });

  it("words the CSV syntax issues in Chinese, by line", () => {
    const words = (text: string) => issuesOf(() => csvTable(text, "x.csv")).map((i) => formatIssue(i));
    expect(words('a,b\n1,"open\n2,3\n')).toEqual(['x.csv：第 2 行：引号没有闭合（少了一个 "）']);
    expect(words('a,b\n1,"x"y\n')).toEqual(['x.csv：第 2 行：右引号后面还有文字（"y\\n"）；引号内的引号请写成 ""']);
    expect(words(`${"a,".repeat(10_001)}\n`)[0]).toBe("x.csv：第 1 行：超过 10000 列，超出上限");
  });
});
