import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { readXlsxSheet } from "../../src/node/xlsx.js";

const file = resolve("examples/board/county-2026-10.board.yaml");

async function cli(argv: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: async () => "", cwd, progress: false, env });
  return { code, stdout, stderr };
}
const zh = { LANG: "zh_CN.UTF-8" };

describe("jixiao board", () => {
  it("writes the public board in the terminal, Chinese first", async () => {
    const { code, stdout } = await cli(["board", file], zh);
    expect(code).toBe(0);
    expect(stdout.split("\n").slice(0, 6).join("\n")).toBe(
      ["示例县税务局 2026 年 10 月绩效“三晒”", "", "【晒成绩】", "名次  姓名  等次   名次变化", "   1  张*   好     ↑1", "   2  赵*   中→好  ↑3"].join("\n"),
    );
    expect(stdout).toContain("【晒不足】");
    expect(stdout).toContain("【晒打算】");
  });
  it("writes a person's own view with their explanation, in English on request", async () => {
    const { code, stdout } = await cli(["board", file, "--person", "p3", "--lang", "en", "-f", "markdown"]);
    expect(code).toBe(0);
    expect(stdout).toContain("| Rank | Name | Total | Tier | Change | Rank change | Key-task credit |");
    expect(stdout).toContain("| 3 | 王磊 | 84 | 中 | +1 | — | 0 |");
    expect(stdout).toContain("## Explanation");
  });
  it("writes HTML, JSON and xlsx by the output's extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-board-"));
    expect((await cli(["board", file, "-o", "board.html"], zh, dir)).code).toBe(0);
    expect(readFileSync(join(dir, "board.html"), "utf8")).toContain('<html lang="zh-CN">');
    expect((await cli(["board", file, "-o", "board.json"], zh, dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "board.json"), "utf8")).results[0]).toMatchObject({ subject: "p1", total: "87", rank: 1 });
    expect((await cli(["board", file, "--who", "names", "--columns", "rank,total", "-o", "board.xlsx"], zh, dir)).code).toBe(0);
    const { rows } = readXlsxSheet(readFileSync(join(dir, "board.xlsx")), "board.xlsx");
    expect(rows.slice(0, 4)).toEqual([["示例县税务局 2026 年 10 月绩效“三晒”"], ["晒成绩"], ["名次", "姓名", "总分"], ["1", "张明", "87"]]);
  });
  it("says what is wrong, in the reader's language", async () => {
    const bad = await cli(["board", file, "--who", "all"], zh);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--who")]);
    const format = await cli(["board", file, "-f", "pdf"], zh);
    expect(format.code).toBe(2);
  });
});
