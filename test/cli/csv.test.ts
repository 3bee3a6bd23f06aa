import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecords, parseCsv, toCsv } from "../../src/node/csv.js";
import { isJixiaoError } from "../../src/index.js";

const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isJixiaoError(error)) return error.issues.map((i) => i.message).join("\n");
    throw error;
  }
  throw new Error("expected an error");
};

describe("CSV (RFC 4180)", () => {
  it("reads quoted fields with commas, quotes and line breaks, CRLF or LF, with the BOM Excel writes", () => {
    const text = '\ufeffid,姓名,备注\r\nc001,张伟,"征管股, 科员"\r\nc002,"李""娜""","第一行\r\n第二行"\nc003,王强,\r\n';
    expect(parseCsv(text)).toEqual([
      ["id", "姓名", "备注"],
      ["c001", "张伟", "征管股, 科员"],
      ["c002", '李"娜"', "第一行\r\n第二行"],
      ["c003", "王强", ""],
    ]);
    expect(parseCsv('a,""\n"",b')).toEqual([["a", ""], ["", "b"]]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("a")).toEqual([["a"]]);
  });

  it("names the line of an unclosed quote or text after a closing quote", () => {
    expect(messageOf(() => parseCsv('a,b\n1,"open\n2,3\n', "x.csv"))).toBe('x.csv: line 2: a quoted field is not closed (a " is missing)');
    expect(messageOf(() => parseCsv('a,b\n1,"x"y\n', "x.csv"))).toMatch(/^x\.csv: line 2: text follows a closing quote/);
  });

  it("reads records by the header, skipping empty rows", () => {
    expect(csvRecords("id, total \nc1,90\n\n,\nc2,85\n")).toEqual([{ id: "c1", total: "90" }, { id: "c2", total: "85" }]);
    expect(csvRecords("id,total\nc1\n")).toEqual([{ id: "c1", total: "" }]);
    expect(messageOf(() => csvRecords("id,id,\n1,2,3\n", "x.csv"))).toMatchInlineSnapshot(`
      "x.csv: the header names "id" twice
      x.csv: the header's column 3 has no name"
    `);
    expect(messageOf(() => csvRecords("id\n1,2\n", "x.csv"))).toBe("x.csv: row 2 has 2 fields, the header 1");
  });

  it("writes what it reads back (round trip), quoting only where needed", () => {
    expect(toCsv([["a", "b,c", 'd"e', "f\ng", 1.5, null]])).toBe('a,"b,c","d""e","f\ng",1.5,\r\n');
    expect(toCsv([["=SUM(A1)", "-5", "@x"]])).toBe("'=SUM(A1),-5,'@x\r\n");
    const field = fc.string({ unit: fc.constantFrom("a", "张", ",", '"', "\n", "\r\n", " ", "1") }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });
});
