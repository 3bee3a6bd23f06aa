import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { readInput } from "../../src/cli/inputs.js";
import { csvRecords } from "../../src/node/csv.js";
import { readDataFile } from "../../src/node/index.js";
import { writeXlsx } from "../../src/node/xlsx.js";
import { formatIssue, isJixiaoError, scoreAll, defineScheme, county361Example, type JixiaoError } from "../../src/index.js";

const root = process.cwd();
const fixtures = resolve("test/fixtures");
const scheme = resolve("examples/rules/county-361.scheme.json");
const policy = resolve("examples/rules/tiers-20-10.policy.json");

async function cli(argv: string[], options: { cwd?: string; stdin?: string | Uint8Array } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: async () => options.stdin ?? "",
    cwd: options.cwd ?? root,
    progress: false,
  });
  return { code, stdout, stderr };
}

const tiers = (file: string, ...more: string[]) => cli(["tiers", "--policy", policy, "--scheme", scheme, join(fixtures, file), "--group-by", "部门", "-f", "csv", ...more]);

function folder(): string {
  return mkdtempSync(join(tmpdir(), "jixiao-files-"));
}

describe("files as Chinese offices save them, through the command line", () => {
  it("gives a GBK file exactly the UTF-8 file's tiers, and says the encoding was guessed", async () => {
    const utf8 = await tiers("people.csv");
    expect(utf8.code).toBe(0);
    expect(utf8.stderr).toBe("");
    // Three departments of five: one 好 each; a lossy read would merge 二科 and 三科 into one group of ten.
    const placements = csvRecords(utf8.stdout);
    expect(new Set(placements.map((p) => p["peer group"]))).toEqual(new Set(["一科", "二科", "三科"]));
    expect(placements.filter((p) => p.tier === "好")).toHaveLength(3);
    const gbk = await tiers("people-gbk.csv");
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toBe(utf8.stdout);
    // One line on standard error, in the reader's language (see the note's words in test/node/files.test.ts).
    expect(gbk.stderr).toMatch(/^(note: |提示：).*people-gbk\.csv.*GB18030.*--encoding.*\n$/);
    expect(gbk.stderr.split("\n")).toHaveLength(2);
    // Asked for, the encoding is not noted.
    const forced = await tiers("people-gbk.csv", "--encoding", "gbk");
    expect([forced.stdout, forced.stderr]).toEqual([utf8.stdout, ""]);
  });

  it("gives a UTF-16 file with its byte-order mark the same tiers, and says so", async () => {
    const utf8 = await tiers("people.csv");
    const utf16 = await tiers("people-utf16le.csv");
    expect(utf16.code).toBe(0);
    expect(utf16.stdout).toBe(utf8.stdout);
    expect(utf16.stderr).toMatch(/^(note: |提示：).*people-utf16le\.csv.*UTF-16 LE.*\n$/);
  });

  it("accepts Excel's trailing empty columns and rows", async () => {
    const trailing = await tiers("people-trailing.csv");
    expect(trailing.code).toBe(0);
    expect(trailing.stderr).toBe("");
    expect(trailing.stdout).toBe((await tiers("people.csv")).stdout);
  });

  it("refuses an undecodable file (exit 2), telling the user to save it as CSV UTF-8", async () => {
    const r = await cli(["score", "--scheme", scheme, "undecodable.csv"], { cwd: fixtures });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('undecodable.csv: is not text in UTF-8, GB18030/GBK, or UTF-16 with a byte-order mark, so it is not read (nothing is guessed); in Excel, use Save As → "CSV UTF-8 (Comma delimited)"');
    // The same issue in Chinese.
    const error = await readInput({ stdout: () => {}, stderr: () => {}, cwd: fixtures }, "undecodable.csv").catch((e: unknown) => e);
    expect(isJixiaoError(error)).toBe(true);
    expect(formatIssue((error as JixiaoError).issues[0]!)).toBe(
      "undecodable.csv：无法识别文件编码（不是 UTF-8、GB18030/GBK，也不是带字节顺序标记的 UTF-16），为避免读错，不予读取。请在 Excel 中「另存为」→「CSV UTF-8（逗号分隔）」后再读取",
    );
    // A wrong --encoding, or one that is not known.
    const wrong = await tiers("people-gbk.csv", "--encoding", "utf-8");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("people-gbk.csv: is not valid UTF-8 text: line 1 has bytes that cannot be read in it; check --encoding");
    const unknown = await tiers("people.csv", "--encoding", "big5");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--encoding: must be one of utf-8, gb18030, gbk, utf-16le, utf-16be, not text "big5"');
    expect((await tiers("people.csv", "--input-format", "txt")).code).toBe(2);
  });

  it("reads standard input's bytes strictly too", async () => {
    const gbk = readFileSync(join(fixtures, "people-gbk.csv"));
    const r = await cli(["score", "--scheme", scheme, "-", "--input-format", "csv", "-f", "csv"], { stdin: gbk });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await cli(["score", "--scheme", scheme, join(fixtures, "people.csv"), "-f", "csv"])).stdout);
    expect(r.stderr).toMatch(/standard input.*GB18030/);
    expect((await cli(["score", "--scheme", scheme, "-", "--input-format", "xlsx"], { stdin: "x" })).code).toBe(2);
  });

  it("writes xlsx with -o, and reads it back: the same rows as CSV, and the same tiers", async () => {
    const dir = folder();
    const people = join(fixtures, "people.csv");
    expect(await cli(["score", "--scheme", scheme, people, "-o", "scores.xlsx"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await cli(["score", "--scheme", scheme, people, "-o", "scores.csv"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(dir, "scores.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(readDataFile(join(dir, "scores.xlsx"))).toEqual(readDataFile(join(dir, "scores.csv")));
    const fromXlsx = await cli(["tiers", "--policy", policy, "scores.xlsx", "-f", "csv"], { cwd: dir });
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe((await cli(["tiers", "--policy", policy, "scores.csv", "-f", "csv"], { cwd: dir })).stdout);
    // Tiers written as xlsx, and read back.
    expect((await cli(["tiers", "--policy", policy, "scores.xlsx", "-o", "tiers.xlsx"], { cwd: dir })).code).toBe(0);
    expect(readDataFile(join(dir, "tiers.xlsx"))).toEqual(csvRecords(fromXlsx.stdout));
    // xlsx is not written to a terminal.
    const toTerminal = await cli(["score", "--scheme", scheme, people, "-f", "xlsx"], { cwd: dir });
    expect(toTerminal.code).toBe(2);
    expect(toTerminal.stderr).toContain("xlsx is binary and is not written to standard output; write it to a file with -o out.xlsx");
  });

  it("reads xlsx wherever CSV is read: subjects, a tree, tasks; a sheet by name", async () => {
    const dir = folder();
    // The tree and the staff as xlsx, written by the same writer a user's Excel file is read by.
    writeFileSync(join(dir, "tree.xlsx"), writeXlsx([["id", "level", "parent"], ["甲市", "city", ""], ["甲一县", "county", "甲市"], ["甲二县", "county", "甲市"], ["甲三县", "county", "甲市"]], "组织"));
    writeFileSync(join(dir, "tree.csv"), "id,level,parent\n甲市,city,\n甲一县,county,甲市\n甲二县,county,甲市\n甲三县,county,甲市\n");
    const plan = resolve("examples/rules/city-2024.plan.yaml");
    const fromXlsx = await cli(["cascade", "--plan", plan, "--tree", "tree.xlsx", "-f", "csv"], { cwd: dir });
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe((await cli(["cascade", "--plan", plan, "--tree", "tree.csv", "-f", "csv"], { cwd: dir })).stdout);
    writeFileSync(join(dir, "staff.xlsx"), writeXlsx([["id", "name", "posts"], ["s1", "张伟", "征管岗"], ["s2", "李娜", "纳税服务岗；征管岗"]], "人员"));
    writeFileSync(join(dir, "grabs.xlsx"), writeXlsx([["task", "person", "at"], ["T01", "s2", "2024-07-01T09:00:01"], ["T01", "s1", "2024-07-01T09:00:05"]], "抢单"));
    const tasks = await cli(["tasks", "--board", resolve("examples/rules/county-tasks.board.json"), "--staff", "staff.xlsx", "--grabs", "grabs.xlsx", "-f", "csv"], { cwd: dir });
    expect(tasks.stdout).toBe("task,status,owners,how,reason\r\nT01,grabbed,s2,grabbed,\r\nT02,assigned,s2,assigned,holds 纳税服务岗; the least loaded of 1 (load 3)\r\nT03,unowned,,,nobody grabbed it and no one holds the post 税源管理岗\r\n");
    // The fixture's sheets: 考评表 first, 说明 second.
    const noSheet = await cli(["score", "--scheme", scheme, "people.xlsx", "--sheet", "Sheet1"], { cwd: fixtures });
    expect(noSheet.code).toBe(2);
    expect(noSheet.stderr).toContain('people.xlsx: has no sheet named "Sheet1"; its sheets are "考评表", "说明"');
    const notes = await cli(["score", "--scheme", scheme, "people.xlsx", "--sheet", "说明"], { cwd: fixtures });
    expect(notes.code).toBe(2);
  });

  it("numbers rows as Excel shows them (the header is row 1) in CSV and xlsx, in English and Chinese", async () => {
    const dir = folder();
    const rows = [["编号", "考勤", "学习", "政治素质", "征收任务完成率", "积压件", "抢单得分"], [], ["c1", "abc", "良", 88, 96.5, 3, 7.2]];
    writeFileSync(join(dir, "bad.xlsx"), writeXlsx(rows, "数据"));
    writeFileSync(join(dir, "bad.csv"), "编号,考勤,学习,政治素质,征收任务完成率,积压件,抢单得分\n,,,,,,\nc1,abc,良,88,96.5,3,7.2\n");
    for (const file of ["bad.xlsx", "bad.csv"]) {
      const r = await cli(["score", "--scheme", scheme, file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(`${file} row 3, column "考勤": must be a finite decimal`);
    }
    const read = await readInput({ stdout: () => {}, stderr: () => {}, cwd: dir }, "bad.csv");
    expect(read.rows).toEqual([3]);
    for (const file of ["bad.xlsx", "bad.csv"]) {
      const r = await cli(["score", "--lang", "zh", "--scheme", scheme, file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(`${file} 第 3 行「考勤」列`);
    }
  });
});

describe("jixiao verify: exit codes", () => {
  it("exits 2 for a path that does not exist or a file it cannot read, 1 for a failing case", async () => {
    const dir = folder();
    const missing = await cli(["verify", "nope.yaml"], { cwd: dir });
    expect(missing).toEqual({ code: 2, stdout: "", stderr: "jixiao verify: Scenario files cannot be read\n  - nope.yaml: no such file or folder\n" });
    copyFileSync(join(fixtures, "undecodable.csv"), join(dir, "bad.yaml"));
    const unreadable = await cli(["verify", "bad.yaml"], { cwd: dir });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toBe("");
    expect(unreadable.stderr).toContain("bad.yaml: is not text in UTF-8");
    writeFileSync(join(dir, "wrong.yaml"), `cases:\n  - name: 张伟的总分\n    run: score\n    rules: { scheme: ${JSON.stringify(scheme)} }\n    input: { subjects: ${JSON.stringify(resolve("examples/rules/subjects.json"))} }\n    expect:\n      results.c001.total: 86.4\n`);
    expect((await cli(["verify", "wrong.yaml"], { cwd: dir })).code).toBe(1);
    // A missing path among good ones is still bad input.
    expect((await cli(["verify", resolve("examples/scenarios"), "nope.yaml"], { cwd: dir })).code).toBe(2);
  });
});
