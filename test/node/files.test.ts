import { chmodSync, lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataFile, readTextFile } from "../../src/node/index.js";
import { parseJson, parseYaml, writeFileAtomic } from "../../src/node/files.js";
import { fileIssue, isUnreadable } from "../../src/node/issue.js";
import { render } from "../../src/messages/index.js";
import { formatIssue, type Issue } from "../../src/index.js";
import { thrown } from "../helpers.js";

const issuesOf = (fn: () => unknown): readonly Issue[] => thrown(fn).issues;
const both = (i: Issue) => [formatIssue(i), formatIssue(i, { locale: "en" })];

describe("readDataFile and readTextFile", () => {
  it("reads CSV in any of its encodings, and xlsx by sheet, to the same records", () => {
    const utf8 = readDataFile("test/fixtures/people.csv");
    for (const file of ["people-gbk.csv", "people-utf16le.csv", "people-trailing.csv"]) expect(readDataFile(`test/fixtures/${file}`), file).toEqual(utf8);
    expect(readDataFile("test/fixtures/people-gbk.csv", { encoding: "gbk" })).toEqual(utf8);
    const xlsx = readDataFile("test/fixtures/people.xlsx", { sheet: "考评表" }) as Record<string, string>[];
    expect(xlsx.map(({ 入职日期, 系数, 征收任务完成率, ...rest }) => rest)).toEqual((utf8 as Record<string, string>[]).map(({ 征收任务完成率, ...rest }) => rest));
    expect(readDataFile("test/fixtures/people.xlsx", { format: "xlsx" })).toEqual(xlsx);
  });

  it("says which encoding a text file was read in, and whether it was guessed", () => {
    expect(readTextFile("test/fixtures/people-gbk.csv")).toEqual({ text: readFileSync("test/fixtures/people.csv", "utf8"), encoding: "gb18030", guessed: true });
    expect(readTextFile("test/fixtures/people.csv").encoding).toBe("utf-8");
    expect(readTextFile("test/fixtures/people-utf16le.csv", { encoding: "utf-16le" }).guessed).toBe(false);
  });

  it("checks its options, in words for both languages", () => {
    const [format] = issuesOf(() => readDataFile("a.txt", { format: "txt" as never }));
    expect(both(format!)).toEqual(['a.txt：options.format 应为 "json"、"yaml"、"csv" 或 "xlsx"，实际是文本「txt」', 'a.txt: options.format must be "json", "yaml", "csv" or "xlsx", not text "txt"']);
    expect(both(issuesOf(() => readDataFile("a.csv", { encoding: "big5" as never }))[0]!)).toEqual([
      "a.csv：编码应为 utf-8、gb18030、gbk、utf-16le 或 utf-16be，实际是文本「big5」",
      'a.csv: the encoding must be utf-8, gb18030, gbk, utf-16le or utf-16be, not text "big5"',
    ]);
    expect(issuesOf(() => readDataFile("a.xlsx", { sheet: 1 as never }))[0]!.params).toEqual({ key: "fileSheetOption", file: "a.xlsx", received: { type: "number", text: "1" } });
    expect(issuesOf(() => readTextFile("x", { encoding: "latin1" as never }))[0]!.params.key).toBe("fileEncodingOption");
    expect(both(issuesOf(() => readDataFile(""))[0]!)).toEqual(["：不是文件路径", ": is not a file path"]);
    expect(issuesOf(() => readTextFile(5 as never))[0]!.params.key).toBe("fileNotPath");
  });

  it("words what is wrong with a file in Chinese, the file named first, with no path before it", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-node-"));
    writeFileSync(join(dir, "a.txt"), "a");
    expect(both(issuesOf(() => readDataFile(join(dir, "nope.csv")))[0]!)).toEqual([`${join(dir, "nope.csv")}：文件不存在`, `${join(dir, "nope.csv")}: no such file`]);
    expect(formatIssue(issuesOf(() => readDataFile(dir, { format: "csv" }))[0]!)).toBe(`${dir}：这是文件夹，不是文件`);
    expect(formatIssue(issuesOf(() => readDataFile(join(dir, "a.txt")))[0]!)).toBe(`${join(dir, "a.txt")}：不是 .json、.yaml、.yml、.csv 或 .xlsx 文件`);
    expect(formatIssue(issuesOf(() => parseYaml("a: [1\n", "s.yaml"))[0]!)).toMatch(/^s\.yaml：第 \d+ 行第 \d+ 列：YAML 格式错误（.+）$/);
    expect(formatIssue(issuesOf(() => parseJson('{\n  "a": 1,\n}', "s.json"))[0]!)).toMatch(/^s\.json：第 3 行第 1 列：JSON 格式错误（.+）$/);
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, "locked.csv"), "a");
      chmodSync(join(dir, "locked.csv"), 0);
      expect(formatIssue(issuesOf(() => readDataFile(join(dir, "locked.csv")))[0]!)).toBe(`${join(dir, "locked.csv")}：没有访问权限`);
    }
  });

  it("tells a file it cannot read at all from a mistake inside one", () => {
    expect(isUnreadable(fileIssue("invalid_input", { key: "fileMissing", file: "a" }))).toBe(true);
    expect(isUnreadable(fileIssue("invalid_input", { key: "textUndecodable", file: "a" }))).toBe(true);
    expect(isUnreadable(fileIssue("invalid_input", { key: "yamlSyntax", file: "a", reason: "x" }))).toBe(false);
    expect(isUnreadable(fileIssue("invalid_input", { key: "tableNoHeader", file: "a" }))).toBe(false);
  });

  it("notes the encoding read in either language", () => {
    expect(render({ key: "textEncodingNote", file: "p.csv", encoding: "gb18030", guessed: true }, "zh-CN")).toBe("提示：p.csv 不是 UTF-8 编码，已按 GB18030（GBK）读取（根据文件内容推断；如不对，请用 --encoding 指定）");
    expect(render({ key: "textEncodingNote", file: "p.csv", encoding: "gb18030", guessed: true }, "en")).toBe(
      "note: p.csv is not UTF-8; it was read as GB18030 (GBK) (guessed from its bytes; if that is wrong, say which with --encoding)",
    );
    expect(render({ key: "textEncodingNote", file: "p.csv", encoding: "utf-16le", guessed: false }, "zh-CN")).toBe("提示：p.csv 不是 UTF-8 编码，已按 UTF-16 LE 读取（依据文件开头的字节顺序标记）");
  });
});

describe("writeFileAtomic", () => {
  it("writes text and bytes, and names the file it cannot write", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-node-"));
    writeFileAtomic(join(dir, "a.bin"), new Uint8Array([0, 1, 2, 255]));
    expect([...readFileSync(join(dir, "a.bin"))]).toEqual([0, 1, 2, 255]);
    writeFileAtomic(join(dir, "a.txt"), "张伟");
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("张伟");
    const [issue] = issuesOf(() => writeFileAtomic(join(dir, "no", "a.txt"), "x", "no/a.txt"));
    expect(both(issue!)).toEqual(["no/a.txt：所在文件夹不存在", "no/a.txt: its folder does not exist"]);
    expect(issuesOf(() => writeFileAtomic(dir, "x", "out"))[0]!.params.key).toMatch(/^(fileWriteIsFolder|fileSystemError)$/);
  });

  it("keeps a replaced file's permissions, and refuses to replace a symbolic link", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-node-"));
    const secret = join(dir, "secret.csv");
    writeFileSync(secret, "old", { mode: 0o600 });
    chmodSync(secret, 0o600);
    writeFileAtomic(secret, "new");
    expect(readFileSync(secret, "utf8")).toBe("new");
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    const target = join(dir, "target.csv");
    writeFileSync(target, "kept");
    symlinkSync(target, join(dir, "link.csv"));
    const [issue] = issuesOf(() => writeFileAtomic(join(dir, "link.csv"), "x", "link.csv"));
    expect(both(issue!)).toEqual([
      "link.csv：是符号链接，不会替换它；请直接写到它指向的文件，或先删除这个链接",
      "link.csv: is a symbolic link, which is not replaced; write to the file it points to, or remove the link",
    ]);
    expect(lstatSync(join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("kept");
  });
});
