/**
 * `jixiao compare`: the example reform (好 from 20% to 30% over the example county's 200 cadres)
 * against the library's own compare, the HTML report, and the rules files' problems.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { run } from "../../src/cli/main.js";
import { compare, comparisonReport, type AssessmentRules } from "../../src/index.js";

async function cli(argv: string[], cwd = process.cwd()) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, progress: false, env: { LANG: "zh_CN.UTF-8" } });
  return { code, stdout, stderr };
}

const read = (file: string) => readFileSync(resolve(file), "utf8");
/** A side's rules as the command reads them: each path replaced by the document it names. */
function side(file: string): AssessmentRules {
  const doc = parse(read(file)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(doc)) if (typeof v === "string") doc[k] = JSON.parse(read(join("examples/compare", v)));
  return doc as AssessmentRules;
}

describe("jixiao compare", () => {
  const args = ["compare", "--baseline", "examples/compare/baseline.yaml", "--reform", "examples/compare/reform.yaml", "examples/compare/people.json"];

  it("gives what compare gives: 20 cadres move up to 好 (⌊0.2 × 200⌋ = 40 → ⌊0.3 × 200⌋ = 60), nobody down", async () => {
    const { code, stdout, stderr } = await cli([...args, "-f", "json"]);
    expect([code, stderr]).toEqual([0, ""]);
    const got = JSON.parse(stdout) as { movedUp: string[]; movedDown: string[]; transitions: unknown; people: { subjectId: string; reform: { tier: string } }[] };
    const c = compare(side("examples/compare/baseline.yaml"), side("examples/compare/reform.yaml"), { subjects: JSON.parse(read("examples/compare/people.json")) });
    expect(got.movedUp).toEqual(c.movedUp);
    expect(got.movedUp).toHaveLength(20);
    expect(got.movedDown).toEqual([]);
    expect(got.transitions).toEqual(JSON.parse(JSON.stringify(c.transitions)));
    expect(got.people.filter((p) => p.reform.tier === "好")).toHaveLength(60);
  });

  it("writes a table in Chinese and the HTML report compare's report makes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-compare-"));
    const html = join(dir, "report.html");
    const { code, stdout } = await cli([...args, "--html", html]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^编号\s+姓名\s+比较组\s+现行总分\s+改革总分\s+变化\s+现行等次\s+改革等次\s+原因$/);
    const c = compare(side("examples/compare/baseline.yaml"), side("examples/compare/reform.yaml"), { subjects: JSON.parse(read("examples/compare/people.json")) }, { locale: "zh-CN" });
    expect(readFileSync(html, "utf8")).toBe(comparisonReport(c, { locale: "zh-CN" }));
  });

  it("takes a folder with its assessment.yaml, and says what is wrong with a rules file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-compare-"));
    mkdirSync(join(dir, "today"));
    writeFileSync(join(dir, "today", "assessment.yaml"), "tierPolicy: { tiers: [{ name: 好, share: 0.2 }, { name: 中 }] }\n");
    writeFileSync(join(dir, "new.yaml"), "tierPolicy: { tiers: [{ name: 好, share: 0.5 }, { name: 中 }] }\nweights: 1\n");
    writeFileSync(join(dir, "scores.json"), JSON.stringify({ a: 90, b: 80, c: 70, d: 60 }));
    const bad = await cli(["compare", "--baseline", "today", "--reform", "new.yaml", "scores.json"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("weights");
    writeFileSync(join(dir, "new.yaml"), "tierPolicy: { tiers: [{ name: 好, share: 0.5 }, { name: 中 }] }\n");
    const ok = await cli(["compare", "--baseline", "today", "--reform", "new.yaml", "scores.json", "-f", "json"], dir);
    expect(ok.code).toBe(0);
    // ⌊0.2 × 4⌋ = 0 好 before, ⌊0.5 × 4⌋ = 2 after.
    expect(JSON.parse(ok.stdout).movedUp).toEqual(["a", "b"]);
    const empty = await cli(["compare", "--baseline", ".", "--reform", "new.yaml", "scores.json"], dir);
    expect([empty.code, empty.stderr.includes("assessment.yaml")]).toEqual([2, true]);
  });
});

describe("comparisonReport", () => {
  it("escapes every text from the input and refuses what compare did not make", () => {
    const scores = [{ subjectId: "<b>x</b>", name: "\"'&", total: 90 }, { subjectId: "y", total: 80 }];
    const c = compare({ tierPolicy: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }] } }, { tierPolicy: { tiers: [{ name: "好", share: 0.5 }, { name: "中" }] } }, { scores });
    const page = comparisonReport(c, { locale: "en", title: "<script>" });
    expect(page).not.toContain("<b>x</b>");
    expect(page).not.toContain("<script>");
    expect(page).toContain("&#60;b&#62;x&#60;/b&#62;");
    expect(page).toContain("<svg");
    expect(() => comparisonReport({ ...c } as never)).toThrow(/comparison/);
  });
});
