// The engine's warnings on score results (implausible values, say) reach the reader on standard
// error, in the language, placed at the row and column of the file. Results are given warnings here
// by wrapping scoreAll, so the printing is tested whatever the engine warns about.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { issue, IssueCode } from "../../src/core/errors.js";
import { shown } from "../../src/messages/index.js";

vi.mock("../../src/scoring/score.js", async (original) => {
  const real = await original<typeof import("../../src/scoring/score.js")>();
  return {
    ...real,
    scoreAll: (...args: Parameters<typeof real.scoreAll>) =>
      real.scoreAll(...args).map((r) => (r.subjectId === "c002" ? { ...r, warnings: [issue(IssueCode.invalidValue, ["values", "collection"], { key: "notValidHere", received: shown(0.965) })] } : r)),
  };
});

const { run } = await import("../../src/cli/main.js");

async function cli(argv: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env });
  return { code, stdout, stderr };
}

describe("warnings", () => {
  it("are shown on standard error, in the language, at the row and column, and the results still written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-warn-"));
    writeFileSync(join(dir, "people.csv"), "编号,姓名,考勤,学习,政治素质,征收任务完成率,积压件,抢单得分\nc002,李娜,0,优,92,0.965,0,9.5\nc001,张伟,2,良,88,96.5,3,7.2\n");
    const scheme = resolve("examples/rules/county-361.scheme.json");
    const zh = await cli(["score", "--scheme", scheme, "people.csv", "-f", "csv"], dir, { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^编号,姓名,共性指标/);
    // The warning is in its row's note too, at its column.
    expect(zh.stdout).toMatch(/\r\nc002,李娜,.*,「征收任务完成率」列：此处不能用这个值（0\.965）\r\n/);
    expect(zh.stderr).toBe("jixiao score：警告 1 条（结果已算出，请核对）\n  - people.csv 第 2 行「征收任务完成率」列：此处不能用这个值（0.965）\n");
    const en = await cli(["score", "--scheme", scheme, "people.csv"], dir);
    expect(en.stderr).toBe('jixiao score: 1 warning (the results were made; check them)\n  - people.csv row 2, column "征收任务完成率": is not valid here (0.965)\n');
    expect(en.stdout).toMatch(/\nc002 .* column "征收任务完成率": is not valid here \(0\.965\)\n/);
    const tiers = await cli(["tiers", "--policy", resolve("examples/rules/tiers-20-10.policy.json"), "--scheme", scheme, "people.csv"], dir);
    expect(tiers.stderr).toContain('people.csv row 2, column "征收任务完成率"');
  });
});
