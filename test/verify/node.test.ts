import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatScenarioReport, readDataFile, verifyScenarios } from "../../src/node/index.js";
import { parseYaml } from "../../src/node/files.js";
import { isJixiaoError, type Issue } from "../../src/index.js";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-verify-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function issuesOf(fn: () => unknown): readonly Issue[] {
  try {
    fn();
  } catch (error) {
    if (isJixiaoError(error)) return error.issues;
    throw error;
  }
  throw new Error("expected an error");
}

const ranks = (expected: number, scores = "../data/scores.yaml") => `name: 排名
cases:
  - name: 并列
    run: rank
    input:
      scores: ${scores}
    expect:
      ranks.c2: ${expected}
`;

describe("verifyScenarios", () => {
  it("keeps an onFile callback that throws inside the JixiaoError contract", () => {
    const call = () => verifyScenarios("examples/scenarios", { onFile: () => { throw new Error("boom"); } });
    expect(call).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "custom_failed", path: ["options", "onFile"], message: "options.onFile: the callback failed: boom" })] }));
    expect(call).toThrow(/Scenario files cannot be verified/);
    expect(isJixiaoError((() => { try { call(); } catch (e) { return e; } return undefined; })())).toBe(true);
  });

  it("runs the repository's example scenarios", () => {
    const report = verifyScenarios("examples/scenarios");
    expect(formatScenarioReport(report)).not.toContain("✗");
    expect(report.passed).toBe(true);
    expect(report.counts.files).toBeGreaterThanOrEqual(5);
  });

  it("resolves paths against the scenario file, and names file, case, path, expected and actual", () => {
    const dir = folder({ "data/scores.yaml": "c1: 90\nc2: 85\nc3: 85\n", "cases/a.yaml": ranks(2), "cases/b.yaml": ranks(3) });
    const report = verifyScenarios("cases", { cwd: dir });
    expect(report.counts).toEqual({ files: 2, cases: 2, passed: 1, failed: 1 });
    const failure = report.files[1]!.cases[0]!.failures[0]!;
    expect(failure).toMatchObject({ file: join("cases", "b.yaml"), case: "并列", path: "ranks.c2", expected: "3", actual: "2" });
    expect(formatScenarioReport(report, { locale: "en" })).toContain("ranks.c2: expected 3, got 2");
    expect(formatScenarioReport(report)).toContain("ranks.c2：期望 3，实际 2");
  });

  it("names the line of a YAML error, and the other files still run", () => {
    const dir = folder({ "a.yaml": "cases:\n  - name: x\n    run: rank\n    input: { scores: { a: 1 }\n    expect: {}\n", "b.yaml": ranks(1, "data/scores.yaml"), "data/scores.yaml": "c2: 1\n" });
    const report = verifyScenarios(".", { cwd: dir });
    expect(report.files[0]!.issues[0]!.message).toMatch(/^a\.yaml: line \d+, column \d+: /);
    expect(report.files[1]!.passed).toBe(true);
    expect(report.files.find((f) => f.file.startsWith("data"))!.issues[0]!.message).toMatch(/is not a scenario file \(it has no "cases"\)/);
    expect(report.passed).toBe(false);
  });

  it("reports a missing rule file on the case, a missing path and an empty folder on the run", () => {
    const dir = folder({ "a.json": JSON.stringify({ cases: [{ name: "x", run: "tiers", rules: { tierPolicy: "nope.json" }, input: { scores: { a: 1 } }, expect: { "tiers.a": "好" } }] }), "empty/.keep": "" });
    const report = verifyScenarios(["a.json", "missing.yaml", "empty"], { cwd: dir });
    expect(report.files.map((f) => [f.file, f.issues.map((i) => i.message)])).toEqual([
      ["missing.yaml", ["missing.yaml: no such file or folder"]],
      ["empty", ["empty: the folder has no scenario files (.yaml, .yml or .json)"]],
      ["a.json", []],
    ]);
    expect(report.files[2]!.cases[0]!.issues[0]!.message).toBe("rules.tierPolicy: nope.json: no such file");
    // The report words them in the reader's language, each in its file.
    const zh = formatScenarioReport(report).split("\n");
    expect(zh.slice(0, 4)).toEqual(["✗ missing.yaml", "    missing.yaml：文件或文件夹不存在", "✗ empty", "    empty：文件夹里没有场景文件（.yaml、.yml 或 .json）"]);
    expect(formatScenarioReport(report, { locale: "en" }).split("\n")[1]).toBe("    missing.yaml: no such file or folder");
  });

  it("words a file that is not a scenario file, and the issues of a scenario document, in its file", () => {
    const dir = folder({ "data.yaml": "c1: 90\n", "bad.yaml": "cases:\n  - name: x\n    run: rank\n    expect: { a..b: 1 }\n" });
    const report = verifyScenarios(".", { cwd: dir });
    expect(report.files.map((f) => f.issues.map((i) => i.message))).toEqual([
      ["bad.yaml: cases[0].input: needs scores, or subjects with rules.scheme to score", 'bad.yaml: cases[0].expect["a..b"]: the path has an empty key at character 3'],
      ['data.yaml: is not a scenario file (it has no "cases"); keep rule and data files outside the folders given to verify, and refer to them by path'],
    ]);
    expect(formatScenarioReport(report).split("\n")).toEqual([
      "✗ bad.yaml",
      "    bad.yaml 中 cases[0].input：需要 scores，或者 subjects 加上用于计分的 rules.scheme",
      '    bad.yaml 中 cases[0].expect["a..b"]：路径第 3 个字符处的键为空',
      "✗ data.yaml",
      '    data.yaml：不是场景文件（没有 "cases"）；规则和数据文件请放在交给 verify 的文件夹之外，按路径引用',
      "",
      "共 0 个用例：0 个通过，2 个未通过（2 个文件）",
    ]);
  });

  it("validates its arguments", () => {
    expect(issuesOf(() => verifyScenarios([])).length).toBeGreaterThan(0);
    expect(issuesOf(() => verifyScenarios("x", { cwd: 5 } as never)).length).toBeGreaterThan(0);
  });
});

describe("reading files", () => {
  it("keeps every digit of a YAML number a float cannot hold", () => {
    expect(parseYaml("a: 0.30000000000000001\nb: 12345678901234567890\nc: 86.3\nd: 7\ne: 1.50\nf: .inf\n")).toEqual({ a: "0.30000000000000001", b: "12345678901234567890", c: 86.3, d: 7, e: 1.5, f: Infinity });
  });

  it("keeps __proto__ as a plain key and rejects duplicate keys", () => {
    const data = parseYaml("__proto__: { polluted: true }\n") as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(issuesOf(() => parseYaml("a: 1\na: 2\n"))[0]!.message).toMatch(/^YAML: line 2, column 1: Map keys must be unique/);
  });

  it("reads JSON, YAML and CSV by extension, with the BOM dropped", () => {
    const dir = folder({ "a.json": "\ufeff{\"a\": 1}", "a.yml": "\ufeffa: 1\n", "a.csv": "\ufeffid,名称\r\nc1,\"张伟, 科员\"\r\n", "a.txt": "a" });
    expect(readDataFile(join(dir, "a.json"))).toEqual({ a: 1 });
    expect(readDataFile(join(dir, "a.yml"))).toEqual({ a: 1 });
    expect(readDataFile(join(dir, "a.csv"))).toEqual([{ id: "c1", 名称: "张伟, 科员" }]);
    expect(readDataFile(join(dir, "a.txt"), { format: "yaml" })).toBe("a");
    expect(issuesOf(() => readDataFile(join(dir, "a.txt")))[0]!.message).toMatch(/is not a \.json, \.yaml, \.yml, \.csv or \.xlsx file$/);
    expect(issuesOf(() => readDataFile(join(dir, "nope.json")))[0]!.message).toMatch(/nope\.json: no such file$/);
  });

  it("names the line of a JSON error where the parser gives a position", () => {
    const dir = folder({ "bad.json": '{\n  "a": 1,\n  "b": 2,\n}\n' });
    expect(issuesOf(() => readDataFile(join(dir, "bad.json")))[0]!.message).toMatch(/bad\.json: line 4, column 1: /);
  });
});
