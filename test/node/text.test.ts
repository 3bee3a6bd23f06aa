import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/node/text.js";
import { formatIssue, isJixiaoError, type Issue } from "../../src/index.js";
import { thrown } from "../helpers.js";

const issuesOf = (fn: () => unknown): readonly Issue[] => thrown(fn).issues;
const fixture = (name: string) => readFileSync(`test/fixtures/${name}`);
const utf8 = readFileSync("test/fixtures/people.csv", "utf8");

describe("decodeText: strict encodings", () => {
  it("reads UTF-8 with and without the byte-order mark, not guessed", () => {
    expect(decodeText(fixture("people.csv"), "p.csv")).toEqual({ text: utf8, encoding: "utf-8", guessed: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "a")).toEqual({ text: "a", encoding: "utf-8", guessed: false });
    expect(decodeText(new Uint8Array([]), "a")).toEqual({ text: "", encoding: "utf-8", guessed: false });
  });

  it("guesses GB18030 for GBK bytes that are not UTF-8, and reads them exactly", () => {
    expect(decodeText(fixture("people-gbk.csv"), "p.csv")).toEqual({ text: utf8, encoding: "gb18030", guessed: true });
    expect(decodeText(new Uint8Array([0xb6, 0xfe, 0xbf, 0xc6]), "p.csv")).toEqual({ text: "二科", encoding: "gb18030", guessed: true });
  });

  it("reads UTF-16 LE and BE by their byte-order mark", () => {
    expect(decodeText(fixture("people-utf16le.csv"), "p.csv")).toEqual({ text: utf8, encoding: "utf-16le", guessed: false });
    const be = Buffer.from("编号,姓名\r\n", "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "p.csv")).toEqual({ text: "编号,姓名\r\n", encoding: "utf-16be", guessed: false });
  });

  it("reads the encoding asked for, dropping its byte-order mark, and refuses bytes not in it", () => {
    expect(decodeText(fixture("people-gbk.csv"), "p.csv", "gbk")).toEqual({ text: utf8, encoding: "gbk", guessed: false });
    expect(decodeText(fixture("people-gbk.csv"), "p.csv", "gb18030").text).toBe(utf8);
    expect(decodeText(fixture("people-utf16le.csv"), "p.csv", "utf-16le").text).toBe(utf8);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "a", "utf-8").text).toBe("a");
    const wrong = issuesOf(() => decodeText(fixture("people-gbk.csv"), "p.csv", "utf-8"));
    expect(wrong[0]!.params).toEqual({ key: "textNotInEncoding", file: "p.csv", encoding: "utf-8", line: 1, marked: false });
    expect(wrong[0]!.message).toMatch(/^p\.csv: is not valid UTF-8 text: line 1 has bytes that cannot be read in it; check --encoding, or in Excel, use Save As/);
    expect(formatIssue(wrong[0]!)).toBe(
      "p.csv：不是有效的 UTF-8 文本：第 1 行有无法按该编码读取的字节。请检查 --encoding，或请在 Excel 中「另存为」→「CSV UTF-8（逗号分隔）」后再读取",
    );
  });

  it("names the line of the first bad byte, also past the first 64 KiB", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `c${i},张伟,一科`).join("\n");
    const bytes = Buffer.concat([Buffer.from(`${lines}\n`), Buffer.from([0xff, 0x0a])]);
    expect(bytes.length).toBeGreaterThan(65536);
    expect(issuesOf(() => decodeText(bytes, "big.csv", "utf-8"))[0]!.params).toMatchObject({ line: 5001 });
    // A sequence cut off at the end of the file.
    expect(issuesOf(() => decodeText(Buffer.from([0x61, 0x0a, 0xe4, 0xb8]), "cut.csv", "utf-8"))[0]!.params).toMatchObject({ line: 2 });
    expect(issuesOf(() => decodeText(Buffer.from([0xff, 0xfe, 0x0a, 0x00, 0x00, 0xd8, 0x41, 0x00]), "w.csv"))[0]!.params).toMatchObject({ key: "textNotInEncoding", encoding: "utf-16le", line: 2, marked: true });
  });

  it("refuses a file marked UTF-8 whose bytes are not, without guessing another encoding", () => {
    const [issue] = issuesOf(() => decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("people-gbk.csv")]), "p.csv"));
    expect(issue!.params).toMatchObject({ key: "textNotInEncoding", encoding: "utf-8", marked: true });
    expect(formatIssue(issue!)).toMatch(/^p\.csv：文件开头的字节顺序标记表明是 UTF-8 编码，但第 1 行有无法按该编码读取的字节。请在 Excel 中「另存为」/);
  });

  it("refuses NUL characters without a byte-order mark (UTF-16 without one, binary files)", () => {
    const [issue] = issuesOf(() => decodeText(Buffer.from("编号,姓名\r\n", "utf16le"), "u.csv"));
    expect(issue!.params).toEqual({ key: "textNul", file: "u.csv" });
    expect(issue!.message).toMatch(/^u\.csv: holds NUL characters but no byte-order mark/);
    expect(formatIssue(issue!)).toMatch(/^u\.csv：含有空字符（NUL）却没有字节顺序标记/);
    expect(issuesOf(() => decodeText(Buffer.from("a\u0000b"), "x", "gb18030"))[0]!.params.key).toBe("textNul");
  });

  it("refuses a file in none of the encodings with what to do, in Chinese and English", () => {
    const [issue] = issuesOf(() => decodeText(fixture("undecodable.csv"), "undecodable.csv"));
    expect(issue!.code).toBe("invalid_input");
    expect(issue!.path).toEqual([]);
    expect(formatIssue(issue!)).toBe(
      "undecodable.csv：无法识别文件编码（不是 UTF-8、GB18030/GBK，也不是带字节顺序标记的 UTF-16），为避免读错，不予读取。请在 Excel 中「另存为」→「CSV UTF-8（逗号分隔）」后再读取",
    );
    expect(formatIssue(issue!, { locale: "en" })).toBe(issue!.message);
    expect(issue!.message).toBe(
      'undecodable.csv: is not text in UTF-8, GB18030/GBK, or UTF-16 with a byte-order mark, so it is not read (nothing is guessed); in Excel, use Save As → "CSV UTF-8 (Comma delimited)" and read that file',
    );
  });

  it("never decodes lossily: what it reads as UTF-8 encodes back to the same bytes, and nothing gains a replacement character", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let read;
        try {
          read = decodeText(bytes, "x");
        } catch (error) {
          if (isJixiaoError(error)) return;
          throw error;
        }
        const body = read.encoding === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        if (read.encoding === "utf-8") expect(Buffer.from(read.text, "utf8").equals(Buffer.from(body))).toBe(true);
        if (read.encoding === "utf-16le") expect(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read.text, "utf16le")]).equals(Buffer.from(bytes))).toBe(true);
        // In UTF-8, U+FFFD appears only where the bytes spell it.
        if (read.encoding === "utf-8" && read.text.includes("\ufffd")) expect(Buffer.from(body).includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(true);
        expect(read.text.includes("\u0000")).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
