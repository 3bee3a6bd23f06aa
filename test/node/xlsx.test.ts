import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { numberKind, numberText, readXlsxSheet, serialDate, writeXlsx, xlsxTable } from "../../src/node/xlsx.js";
import { writeZip } from "../../src/node/zip.js";
import { formatIssue, type Issue } from "../../src/index.js";
import { thrown } from "../helpers.js";

const issuesOf = (fn: () => unknown): readonly Issue[] => thrown(fn).issues;

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook as Excel writes one, its parts given by hand. */
function workbook(sheetData: string, options: { styles?: string; shared?: string; workbookPr?: string; extraSheets?: string } = {}): Uint8Array {
  const parts: Record<string, string> = {
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${MAIN}>${options.workbookPr ?? ""}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/>${options.extraSheets ?? ""}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<worksheet ${MAIN}><sheetData>${sheetData}</sheetData></worksheet>`,
    "xl/styles.xml": `<styleSheet ${MAIN}>${options.styles ?? ""}</styleSheet>`,
    "xl/sharedStrings.xml": `<sst ${MAIN}>${options.shared ?? ""}</sst>`,
  };
  return writeZip(Object.entries(parts).map(([name, xml]) => ({ name, data: new TextEncoder().encode(xml) })));
}

describe("xlsx: cells as a person sees them", () => {
  it("reads LibreOffice's workbook: the first sheet, Chinese headers, percents, dates and shortest decimals", () => {
    const bytes = readFileSync("test/fixtures/people.xlsx");
    const table = xlsxTable(bytes, "people.xlsx");
    expect(table.sheet).toBe("考评表");
    expect(table.records).toHaveLength(15);
    expect(table.rows).toEqual(Array.from({ length: 15 }, (_, i) => i + 2));
    expect(table.records[0]).toEqual({
      编号: "c001",
      姓名: "张伟",
      部门: "一科",
      考勤: "2",
      学习: "良",
      政治素质: "88",
      征收任务完成率: "96.5%",
      积压件: "3",
      抢单得分: "7.2",
      入职日期: "2010-01-10",
      系数: "0.285",
    });
    // The percent column carries every digit of the number, whatever decimals the format shows.
    const csv = readFileSync("test/fixtures/people.csv", "utf8").trim().split("\r\n").slice(1).map((l) => l.split(",")[6]);
    expect(table.records.map((r) => r.征收任务完成率)).toEqual(csv.map((v) => `${v}%`));
    expect(xlsxTable(bytes, "people.xlsx", { sheet: "说明" }).records).toEqual([{ 说明: "示例数据，非真实人员；征收任务完成率为百分比格式。" }]);
  });

  it("names the sheets when the one asked for is not there", () => {
    const [issue] = issuesOf(() => readXlsxSheet(readFileSync("test/fixtures/people.xlsx"), "people.xlsx", { sheet: "Sheet1" }));
    expect(issue!.message).toBe('people.xlsx: has no sheet named "Sheet1"; its sheets are "考评表", "说明"');
    expect(formatIssue(issue!)).toBe("people.xlsx：没有名为「Sheet1」的工作表；工作表有：「考评表」、「说明」");
  });

  it("reads Excel's doubles as their shortest decimal text: 0.28499999999999998 is 0.285", () => {
    const sheet = readXlsxSheet(workbook('<row r="1"><c r="A1"><v>0.28499999999999998</v></c><c r="B1"><v>86.299999999999997</v></c><c r="C1"><v>1E-7</v></c><c r="D1"><v>-0</v></c><c r="E1"><v>12345678901234567890</v></c></row>'), "x.xlsx");
    expect(sheet.rows).toEqual([["0.285", "86.3", "0.0000001", "0", "12345678901234567000"]]);
  });

  it("reads a percent format as a percent, built in or the workbook's own, with every digit of the number", () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="170" formatCode="0%;[Red]\\-0%"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="170"/></cellXfs>';
    const sheet = readXlsxSheet(workbook('<row r="1"><c r="A1" s="1"><v>0.96499999999999997</v></c><c r="B1" s="2"><v>1.042</v></c><c r="C1" s="3"><v>0.285</v></c><c r="D1" s="3"><v>-0.05</v></c><c r="E1" s="0"><v>0.965</v></c></row>', { styles }), "x.xlsx");
    expect(sheet.rows).toEqual([["96.5%", "104.2%", "28.5%", "-5%", "0.965"]]);
  });

  it("reads dates and times as ISO text, in both date systems", () => {
    const styles = '<numFmts><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="[$-804]yyyy/m/d\\ h:mm:ss"/><numFmt numFmtId="167" formatCode="[h]:mm:ss"/><numFmt numFmtId="168" formatCode="0.00_);[Red](0.00)"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="22"/></cellXfs>';
    const row = '<row r="1"><c r="A1" s="1"><v>45474</v></c><c r="B1" s="2"><v>45474</v></c><c r="C1" s="3"><v>45474.375011574074</v></c><c r="D1" s="4"><v>0.5</v></c><c r="E1" s="5"><v>45474</v></c><c r="F1" s="1"><v>45474.5</v></c><c r="G1" s="6"><v>45474</v></c></row>';
    expect(readXlsxSheet(workbook(row, { styles }), "x.xlsx").rows).toEqual([["2024-07-01", "2024-07-01", "2024-07-01T09:00:01", "12:00:00", "45474", "2024-07-01T12:00:00", "2024-07-01T00:00:00"]]);
    expect(readXlsxSheet(workbook(row, { styles, workbookPr: '<workbookPr date1904="1"/>' }), "x.xlsx").rows[0]![0]).toBe("2028-07-02");
    expect(readXlsxSheet(workbook('<row r="1"><c r="A1" t="d"><v>2024-07-01T09:00:00</v></c></row>'), "x.xlsx").rows).toEqual([["2024-07-01T09:00:00"]]);
  });

  it("reads shared strings (rich text joined, phonetic guides left out), inline strings, formulas' values, booleans and errors", () => {
    const shared = '<si><t>编号</t></si><si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">伟 </t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si><si><t>a_x000D_b_x005F_x000D_</t></si>';
    const sheet = readXlsxSheet(
      workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>李娜</t></is></c><c r="B3" t="str"><f>A3&amp;""</f><v>李娜</v></c><c r="C3"><f>1+1</f><v>2</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>' +
          "<row><c><v>7</v></c><c/><c><v>8</v></c></row>",
        { shared },
      ),
      "x.xlsx",
    );
    expect(sheet.rows).toEqual([
      ["编号", "张伟 ", "a\rb_x000D_"],
      ["李娜", "李娜", "2", "TRUE", "#DIV/0!"],
      ["7", "", "8"],
    ]);
    expect(sheet.numbers).toEqual([1, 3, 4]);
  });

  it("names a formula whose value was never saved, and a cell it cannot read, by the cell", () => {
    const issues = issuesOf(() => readXlsxSheet(workbook('<row r="2"><c r="C2"><f>SUM(A1:B1)</f></c><c r="D2" t="s"><v>9</v></c><c r="E2"><v>abc</v></c></row>'), "x.xlsx"));
    expect(issues.map((i) => i.message)).toEqual([
      "x.xlsx: cell C2 holds a formula whose value was not saved; open the file in Excel, recalculate and save it",
      'x.xlsx: cell D2 cannot be read (text "9")',
      'x.xlsx: cell E2 cannot be read (text "abc")',
    ]);
    expect(formatIssue(issues[0]!)).toBe("x.xlsx：单元格 C2 是公式，但文件里没有保存计算结果；请在 Excel 中打开、重新计算并保存");
  });

  it("enforces the column limit on cells that hold something", () => {
    const [issue] = issuesOf(() => readXlsxSheet(workbook('<row r="1"><c r="A1"><v>1</v></c><c r="OUA1"><v>1</v></c></row><row r="2"><c r="XFD2" s="0"/></row>'), "x.xlsx"));
    expect(issue!.params).toEqual({ key: "tableTooLarge", file: "x.xlsx", cell: "OUA1", limit: 10_000, rows: false });
    expect(formatIssue(issue!)).toBe("x.xlsx：单元格 OUA1 超出上限（最多 10000 列）");
  });

  it("refuses a damaged part, a chart sheet, a workbook without sheets, and a file too large", () => {
    expect(issuesOf(() => readXlsxSheet(workbook("<row><c><v>1</v></row>"), "x.xlsx"))[0]!.message).toBe("x.xlsx: cannot read its xl/worksheets/sheet1.xml, so it is not a valid xlsx file; save it again in Excel");
    expect(issuesOf(() => readXlsxSheet(workbook("", { extraSheets: '<sheet name="图表" sheetId="2" r:id="rId4"/>' }), "x.xlsx", { sheet: "图表" }))[0]!.params).toEqual({ key: "xlsxNotWorksheet", file: "x.xlsx", sheet: "图表" });
    const empty = writeZip([{ name: "xl/workbook.xml", data: new TextEncoder().encode(`<workbook ${MAIN}><sheets/></workbook>`) }]);
    expect(issuesOf(() => readXlsxSheet(empty, "e.xlsx"))[0]!.params).toEqual({ key: "xlsxNoSheets", file: "e.xlsx" });
    const noWorkbook = writeZip([{ name: "a.txt", data: new Uint8Array(1) }]);
    expect(formatIssue(issuesOf(() => readXlsxSheet(noWorkbook, "n.xlsx"))[0]!)).toBe("n.xlsx：缺少其中的 xl/workbook.xml，不是有效的 xlsx 文件；请在 Excel 中重新保存");
    expect(issuesOf(() => readXlsxSheet(new Uint8Array(101 * 1024 * 1024), "big.xlsx"))[0]!.params).toEqual({ key: "fileTooLarge", file: "big.xlsx", limit: "100 MiB" });
  });

  it("writes a workbook that reads back exactly: numbers as numbers, text as text, Chinese and XML's special characters", () => {
    const rows = [
      ["编号", "姓名", "总分", "备注", "否决"],
      ["c001", "张伟", 86.3, 'a & <b> "q" _x000D_', false],
      ["007", "李娜", 0.1 + 0.2, " 前后有空格 ", true],
      ["c003", null, 1e-7, "=SUM(A1)", ""],
    ];
    const bytes = writeXlsx(rows, "结果");
    expect(writeXlsx(rows, "结果")).toEqual(bytes);
    expect(readXlsxSheet(bytes, "out.xlsx")).toEqual({
      sheet: "结果",
      rows: [
        ["编号", "姓名", "总分", "备注", "否决"],
        ["c001", "张伟", "86.3", 'a & <b> "q" _x000D_', "FALSE"],
        ["007", "李娜", "0.30000000000000004", " 前后有空格 ", "TRUE"],
        ["c003", "", "0.0000001", "=SUM(A1)"],
      ],
      numbers: [1, 2, 3, 4],
    });
    expect(readXlsxSheet(writeXlsx([["a"]], "a[b]:c*?/\\d".repeat(5)), "x.xlsx").sheet).toBe("a_b__c____d".repeat(5).slice(0, 31));
  });
});

describe("number formats, numbers and dates", () => {
  it("tells a percent, a date, a time and a plain number apart", () => {
    expect(numberKind(9, undefined)).toBe("percent");
    expect(numberKind(14, undefined)).toBe("date");
    expect(numberKind(21, undefined)).toBe("time");
    expect(numberKind(22, undefined)).toBe("datetime");
    expect(numberKind(0, undefined)).toBe("number");
    expect(numberKind(2, undefined)).toBe("number");
    expect(numberKind(164, "General")).toBe("number");
    expect(numberKind(165, '0.0"%"')).toBe("number");
    expect(numberKind(165, "0.0\\%")).toBe("number");
    expect(numberKind(165, "#,##0.00%")).toBe("percent");
    expect(numberKind(165, "[$-804]yyyy\"年\"m\"月\"")).toBe("date");
    expect(numberKind(165, "mm:ss")).toBe("time");
    expect(numberKind(165, '#,##0" days"')).toBe("number");
    expect(numberKind(165, "[Red]0.00")).toBe("number");
  });

  it("writes numbers without an exponent, and serial dates as ISO text (Excel's 29 February 1900 included)", () => {
    expect([0.285, 1e21, -1.5e-8, 86.3].map(numberText)).toEqual(["0.285", "1000000000000000000000", "-0.000000015", "86.3"]);
    expect(serialDate(1, "date", false)).toBe("1900-01-01");
    expect(serialDate(59, "date", false)).toBe("1900-02-28");
    expect(serialDate(60, "date", false)).toBe("1900-02-29");
    expect(serialDate(61, "date", false)).toBe("1900-03-01");
    expect(serialDate(45474.99999999, "date", false)).toBe("2024-07-02");
    expect(serialDate(0.75, "time", false)).toBe("18:00:00");
    expect(serialDate(0, "date", true)).toBe("1904-01-01");
    expect(serialDate(-1, "date", false)).toBeUndefined();
    expect(serialDate(3e6, "date", false)).toBeUndefined();
  });
});
