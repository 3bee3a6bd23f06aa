import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { county361Example } from "../../src/index.js";
import { readDataFile } from "../../src/node/index.js";

const root = process.cwd();
const scheme = resolve("examples/rules/county-361.scheme.json");

/** Runs the command line in-process; the language comes from `env` (none set: English), never from the machine's. */
async function cli(argv: string[], options: { cwd?: string; stdin?: string; progress?: boolean; env?: Record<string, string>; intlLocale?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: async () => options.stdin ?? "",
    cwd: options.cwd ?? root,
    progress: options.progress ?? false,
    env: options.env ?? {},
    ...(options.intlLocale ? { intlLocale: options.intlLocale } : {}),
  });
  return { code, stdout, stderr };
}

const zh = { LANG: "zh_CN.UTF-8" };

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The contract subjects (the 361 scheme's three cadres, 张伟 86.3) as Excel saves CSV: BOM, CRLF, Chinese headers and text, quoted fields. */
const subjectsCsv =
  "\ufeff编号,姓名,部门,考勤,学习,政治素质,征收任务完成率,积压件,抢单得分,加分\r\n" +
  'c001,张伟,"征管股, 一组",2,良,88,96.5,3,7.2,1\r\n' +
  'c002,"李""娜""","纳税服务股\r\n（窗口）",0,优,92,104.2,0,9.5,\r\n' +
  "c003,王强,征管股,1,中,79,不适用,6,2,\r\n";

describe("jixiao score", () => {
  it("scores a CSV with BOM, quoted fields, line breaks and Chinese headers (indicator names)", async () => {
    const dir = folder({ "subjects.csv": subjectsCsv });
    const r = await cli(["score", "--scheme", scheme, "subjects.csv", "--format", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { subjectId: string; total: number }) => `${x.subjectId} ${x.total}`)).toEqual(["c001 86.3", "c002 99.5", "c003 57.5"]);
    expect(results[1].name).toBe('李"娜"');
    expect(results[1].attributes).toEqual({ 部门: "纳税服务股\r\n（窗口）" });
    expect(results[2].indicators.find((i: { id: string }) => i.id === "collection").applicable).toBe(false);
  });

  it("writes a readable table and CSV", async () => {
    const table = await cli(["score", "--scheme", scheme, "examples/rules/subjects.json"]);
    expect(table.stdout.split("\n")[0]).toBe("id    name  共性指标  个性指标  竞争性指标  total  notes");
    expect(table.stdout.split("\n")[1]).toBe("c001  张伟      25.5      52.6         7.2   86.3  bonus 1");
    const csv = await cli(["score", "--scheme", scheme, "examples/rules/subjects.json", "-f", "csv", "--bom"]);
    expect(csv.stdout).toBe(
      "\ufeffid,name,共性指标,个性指标,竞争性指标,total,notes\r\nc001,张伟,25.5,52.6,7.2,86.3,bonus 1\r\nc002,李娜,30,60,9.5,99.5,\r\nc003,王强,24.5,8,2,57,converted for not-applicable indicators: earned 34.5 ÷ applicable 60 × full 100 = 57.5; deductions 0.5\r\n",
    );
  });

  it("reads YAML, and JSON from standard input", async () => {
    const dir = folder({ "s.yaml": "- id: c001\n  values: { attendance: 2, study: 良, political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 }\n  bonus: [{ points: 1, reason: 创新 }]\n" });
    expect(JSON.parse((await cli(["score", "--scheme", scheme, "s.yaml", "-f", "json"], { cwd: dir })).stdout)[0].total).toBe(86.3);
    const stdin = readFileSync("examples/rules/subjects.json", "utf8");
    expect((await cli(["score", "--scheme", scheme, "-", "-f", "csv"], { stdin })).stdout).toContain("c003,王强,24.5,8,2,57,");
    expect((await cli(["score", "--scheme", scheme, "-", "--input-format", "csv", "-f", "csv"], { stdin: subjectsCsv })).stdout).toContain('c001,张伟,"征管股, 一组",25.5,52.6,7.2,86.3,');
  });

  it("gives one clear message and exit code 2 for bad input, never a stack", async () => {
    const dir = folder({ "bad.csv": "编号,考勤,学习\nc1,abc,良好\n", "scheme.json": JSON.stringify({ ...county361Example, full: "x" }), "broken.yaml": "a: [1\n" });
    const bad = await cli(["score", "--scheme", scheme, "bad.csv"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^jixiao score: A subject cannot be scored|^jixiao score: Subjects cannot be scored/);
    // The row as Excel shows it (the header is row 1), the column by its header.
    expect(bad.stderr).toContain('  - bad.csv row 2, column "考勤": must be a finite decimal');
    expect(bad.stderr).toContain('  - bad.csv row 2, column "学习": is "良好", which is not a grade of this indicator');
    expect(bad.stderr).toContain("  - bad.csv row 2: values.political: is missing");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const badScheme = await cli(["score", "--scheme", "scheme.json", "bad.csv"], { cwd: dir });
    expect(badScheme.code).toBe(2);
    expect(badScheme.stderr).toContain('scheme.json: full (满分): must be decimal text such as "96.5", not text "x"');
    const yaml = await cli(["score", "--scheme", "broken.yaml", "bad.csv"], { cwd: dir });
    expect(yaml.stderr).toMatch(/broken\.yaml: line \d+, column \d+: /);
    expect(yaml.code).toBe(2);
    for (const argv of [["score"], ["score", "--scheme", scheme], ["score", "--nope"], ["score", "--scheme", scheme, "a", "b"], ["score", "--scheme", scheme, "x.txt"], ["nope"], []]) {
      const r = await cli(argv, { cwd: dir });
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("totals beyond 15 digits", () => {
  it("prints every digit in tables and CSV, and ranks and places them exactly from the JSON results", async () => {
    const dir = folder({
      "big.json": JSON.stringify({ id: "big", full: "1e18", groups: [{ id: "g", points: "1e18", indicators: [{ id: "x", points: "1e18", method: { type: "direct" } }] }] }),
      "subjects.csv": "id,x\na,100000000000000001\nb,100000000000000002\n",
      "one.json": JSON.stringify({ tiers: [{ name: "好", share: 0.5 }, { name: "中" }] }),
    });
    const table = await cli(["score", "--scheme", "big.json", "subjects.csv"], { cwd: dir });
    expect(table.stdout.split("\n").slice(0, 3)).toEqual(["id  name  g                   total               notes", "a         100000000000000001  100000000000000001", "b         100000000000000002  100000000000000002"]);
    const csv = await cli(["score", "--scheme", "big.json", "subjects.csv", "-f", "csv"], { cwd: dir });
    expect(csv.stdout).toBe("id,name,g,total,notes\r\na,,100000000000000001,100000000000000001,\r\nb,,100000000000000002,100000000000000002,\r\n");
    const json = await cli(["score", "--scheme", "big.json", "subjects.csv", "-f", "json", "-o", "results.json"], { cwd: dir });
    expect(json.code).toBe(0);
    // A workbook: the number where it is exact, else every digit as text.
    expect((await cli(["score", "--scheme", "big.json", "subjects.csv", "-o", "scores.xlsx"], { cwd: dir })).code).toBe(0);
    expect(readDataFile(join(dir, "scores.xlsx"))).toEqual([
      { id: "a", name: "", g: "100000000000000001", total: "100000000000000001", notes: "" },
      { id: "b", name: "", g: "100000000000000002", total: "100000000000000002", notes: "" },
    ]);
    const tiers = await cli(["tiers", "--policy", "one.json", "results.json", "-f", "csv"], { cwd: dir });
    expect(tiers.stdout.split("\r\n").slice(0, 3).map((l) => l.split(",").slice(0, 6).join(","))).toEqual(["id,name,score,rank,tier,reason", "b,,100000000000000002,1,好,\"\"\"好\"\" quota: 0.5 × 2 = 1", "a,,100000000000000001,2,中,\"not in any other tier"]);
  });
});

describe("hostile input", () => {
  it("takes __proto__ keys, huge numbers and binary junk as mistakes (exit 2) or plain data", async () => {
    const dir = folder({
      "proto.json": '[{"id": "__proto__", "values": {}}]',
      "proto.csv": "id,__proto__,constructor,考勤\nc1,x,y,1\n",
      "huge.yaml": "- id: c1\n  values: { attendance: 1e400, study: 良, political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 }\n",
      "junk.json": "\u0000\u00ff{{{",
      "deep.json": "[".repeat(100_000),
    });
    for (const file of ["proto.json", "proto.csv", "huge.yaml", "junk.json", "deep.json"]) {
      const r = await cli(["score", "--scheme", scheme, file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(/^jixiao score: /);
      expect(r.stderr, file).not.toMatch(/\n\s+at /);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("jixiao tiers, tasks, cascade", () => {
  it("places scores in tiers from CSV, and from a scheme and subjects", async () => {
    const dir = folder({ "scores.csv": "id,total,部门\nc1,95.5,征管股\nc2,93,征管股\nc3,91,纳服股\nc4,90,纳服股\nc5,72.5,纳服股\n" });
    const policy = resolve("examples/rules/tiers-20-10.policy.json");
    const r = await cli(["tiers", "--policy", policy, "scores.csv", "-f", "csv"], { cwd: dir });
    // The 部门 column comes through.
    // The reason column: why each is in its tier, in explainTier's words (the quota and how it was rounded, the rest).
    const rest = '"not in any other tier, so in ""中"""';
    expect(r.stdout).toBe(
      `id,name,部门,score,rank,tier,reason\r\nc1,,征管股,95.5,1,好,"""好"" quota: 0.2 × 5 = 1, rounded down to 1; 1 placed"\r\nc2,,征管股,93,2,中,${rest}\r\nc3,,纳服股,91,3,中,${rest}\r\nc4,,纳服股,90,4,中,${rest}\r\nc5,,纳服股,72.5,5,中,${rest}\r\n`,
    );
    const grouped = await cli(["tiers", "--policy", policy, "scores.csv", "--group-by", "部门", "-f", "json"], { cwd: dir });
    expect(JSON.parse(grouped.stdout).assignment.placements.map((p: { peerGroup: string }) => p.peerGroup)).toEqual(["征管股", "征管股", "纳服股", "纳服股", "纳服股"]);
    const scored = await cli(["tiers", "--policy", policy, "--scheme", scheme, "examples/rules/subjects.json"]);
    expect(scored.stdout).toContain('c002  李娜   99.5     1  中    not in any other tier, so in "中"');
  });

  it("allocates and credits tasks", async () => {
    const dir = folder({
      "staff.csv": "id,name,posts\ns1,张伟,征管岗\ns2,李娜,纳税服务岗；征管岗\n",
      "grabs.csv": "task,person,at\nT01,s2,2024-07-01T09:00:01\nT01,s1,2024-07-01T09:00:05\n",
      "completions.csv": "task,person,quality\nT01,s2,优\nT02,s2,1\n",
      "credit.json": JSON.stringify({ qualityGrades: { 优: 1 } }),
    });
    const board = resolve("examples/rules/county-tasks.board.json");
    const allocation = await cli(["tasks", "--board", board, "--staff", "staff.csv", "--grabs", "grabs.csv", "-f", "csv"], { cwd: dir });
    // Why a task was assigned, or has no owner: the task reasons' own words.
    expect(allocation.stdout).toBe("task,status,owners,how,reason\r\nT01,grabbed,s2,grabbed,\r\nT02,assigned,s2,assigned,holds 纳税服务岗; the least loaded of 1 (load 3)\r\nT03,unowned,,,nobody grabbed it and no one holds the post 税源管理岗\r\n");
    expect(allocation.code).toBe(0);
    const credits = await cli(["tasks", "--board", board, "--staff", "staff.csv", "--grabs", "grabs.csv", "--completions", "completions.csv", "--credit-policy", "credit.json", "-f", "csv"], { cwd: dir });
    expect(credits.stdout).toBe("person,tasks,total,cap,credit,excess\r\ns2,T01 T02,4.8,,4.8,0\r\n");
    expect((await cli(["tasks", "--board", board, "--staff", "staff.csv"], { cwd: dir })).stderr).toContain("--grabs is required");
  });

  it("cascades a plan down a tree from CSV", async () => {
    const dir = folder({ "tree.csv": "id,level,parent\n甲市,city,\n甲一县,county,甲市\n甲二县,county,甲市\n甲三县,county,甲市\n" });
    const r = await cli(["cascade", "--plan", resolve("examples/rules/city-2024.plan.yaml"), "--tree", "tree.csv", "-f", "csv"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("甲一县,county,revenue,cascade,21600,true,甲市 56160 → 甲一县 21600\r\n");
    const bad = await cli(["cascade", "--plan", resolve("examples/rules/city-2024.plan.yaml"), "--tree", "tree.csv"], { cwd: folder({ "tree.csv": "id,level,parent\nA,city,\nB,county,Z\n" }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('tree.csv row 3, column "parent": "Z" is not a unit of the tree');
  });
});

describe("jixiao verify, schema, explain, demo, help", () => {
  it("verifies the example scenarios (exit 0) and names a failure (exit 1)", async () => {
    const ok = await cli(["verify", "examples/scenarios"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/\n\d+ cases: \d+ passed, 0 failed \(\d+ files\)\n$/);
    const dir = folder({ "wrong.yaml": `cases:\n  - name: 张伟的总分\n    run: score\n    rules: { scheme: ${JSON.stringify(scheme)} }\n    input: { subjects: ${JSON.stringify(resolve("examples/rules/subjects.json"))} }\n    expect:\n      results.c001.total: 86.4\n` });
    const bad = await cli(["verify", "wrong.yaml"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("✗ wrong.yaml\n  ✗ 张伟的总分\n      results.c001.total: expected 86.4, got 86.3\n          group:common · sum");
    const json = JSON.parse((await cli(["verify", "wrong.yaml", "-f", "json"], { cwd: dir })).stdout);
    expect(json.files[0].cases[0].failures[0]).toMatchObject({ file: "wrong.yaml", case: "张伟的总分", path: "results.c001.total", expected: "86.4", actual: "86.3" });
    // A file that cannot be read is bad input: exit 2, the issue on standard error.
    const yaml = await cli(["verify", "broken.yaml"], { cwd: folder({ "broken.yaml": "cases:\n  - name: x\n   run: score\n" }) });
    expect(yaml.code).toBe(2);
    expect(yaml.stdout).toBe("");
    expect(yaml.stderr).toMatch(/^jixiao verify: Scenario files cannot be read\n  - broken\.yaml: line 3, column \d+: /);
    const missing = await cli(["verify", "examples/scenarios", "nope.yaml"]);
    expect(missing).toMatchObject({ code: 2, stdout: "", stderr: "jixiao verify: Scenario files cannot be read\n  - nope.yaml: no such file or folder\n" });
    expect((await cli(["verify", "nope.yaml"], { env: zh })).stderr).toBe("jixiao verify：发现 1 个问题，请修正后重试\n  - nope.yaml：文件或文件夹不存在\n");
    expect((await cli(["verify"])).code).toBe(2);
  });

  it("prints a JSON Schema by name, and lists the names", async () => {
    expect(JSON.parse((await cli(["schema", "scenario"])).stdout).title).toBe("jixiao scenario file");
    expect(JSON.parse((await cli(["schema", "tier-policy.schema.json"])).stdout).required).toEqual(["tiers"]);
    expect((await cli(["schema"])).stdout.split("\n")).toContain("scheme");
    const bad = await cli(["schema", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown schema "nope"');
  });

  it("explains one subject, in the system's language, or as --lang (or the older --locale) says", async () => {
    const chinese = await cli(["explain", "--scheme", scheme, "--id", "c001", "examples/rules/subjects.json"], { env: zh });
    expect(chinese.stdout).toMatch(/总分 86\.3（满分 100）\n$/);
    expect((await cli(["explain", "--scheme", scheme, "--id", "c001", "examples/rules/subjects.json", "--lang", "zh"])).stdout).toBe(chinese.stdout);
    const en = await cli(["explain", "--scheme", scheme, "--id", "c001", "examples/rules/subjects.json", "--locale", "en"], { env: zh });
    expect(en.stdout).toMatch(/Total 86\.3 \(full 100\)\n$/);
    expect((await cli(["explain", "--scheme", scheme, "--id", "c001", "examples/rules/subjects.json", "--lang=en"], { env: zh })).stdout).toBe(en.stdout);
    expect((await cli(["explain", "--scheme", scheme, "--id", "c999", "examples/rules/subjects.json"])).stderr).toContain('no subject "c999"');
    expect((await cli(["explain", "--scheme", scheme, "--id", "c001", "examples/rules/subjects.json", "--locale", "fr"])).code).toBe(2);
  });

  it("runs the demo, in Chinese under a Chinese locale and in English otherwise", async () => {
    const r = await cli(["demo"], { env: zh });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("200 名干部");
    expect(r.stdout).toMatch(/总分 [\d.]+（满分 100）\n\n数据与规则在哪里/);
    // A row whose total is not the plain sum says why, with the veto's name.
    expect(r.stdout).toContain("名次  编号  姓名    部门            共性指标  个性指标  竞争性指标  总分   等次  说明");
    expect(r.stdout).toMatch(/c138 .* 0 {2}差 {4}减分 1；否决项「违纪违法」：总分记 0\n/);
    expect(r.stdout).toMatch(/c042 .* 55\.17 {2}差 {4}不适用折算：实得分 33\.1 ÷ 应得分 60 × 满分 100 = 55\.166666…\n/);
    expect(r.stdout).toContain("茶产业税源培育：本局自设");
    const en = await cli(["demo"], { env: { LANG: "en_US.UTF-8" } });
    expect(en.stdout).toContain("200 cadres");
    expect(en.stdout).toMatch(/c138 .* 0 {2}差 {4}deductions 1; veto "违纪违法": total set to 0\n/);
    expect(en.stdout).toMatch(/Total [\d.]+ \(full 100\)\n\nWhere the data and rules are/);
    expect(en.stdout).not.toMatch(/名干部|等次说明|数据与规则/);
  });

  it("has --help for each command", async () => {
    const main = await cli(["--help"]);
    expect(main.code).toBe(0);
    for (const command of ["score", "tiers", "tasks", "cascade", "verify", "schema", "explain", "serve", "demo"]) {
      expect(main.stdout).toContain(`  ${command} `);
      const help = await cli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: jixiao ${command}`));
      expect(help.stdout).toContain("-h, --help");
    }
    expect((await cli(["help", "score"])).stdout).toMatch(/^Usage: jixiao score/);
    expect((await cli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("output and progress", () => {
  it("writes the output file atomically, leaving no temporary file, and keeps the old file on failure", async () => {
    const dir = folder({ "out.csv": "old\n" });
    const ok = await cli(["score", "--scheme", scheme, resolve("examples/rules/subjects.json"), "-o", "out.csv"], { cwd: dir });
    expect(ok).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toContain("c001,张伟,25.5,52.6,7.2,86.3,bonus 1\r\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
    const json = await cli(["score", "--scheme", scheme, resolve("examples/rules/subjects.json"), "-o", "out.json"], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8"))[0].total).toBe(86.3);
    // A failed run writes nothing: the old file stays as it was.
    writeFileSync(join(dir, "bad.json"), "[{}]");
    expect((await cli(["score", "--scheme", scheme, "bad.json", "-o", "out.csv"], { cwd: dir })).code).toBe(2);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toContain("86.3");
    // A folder that cannot be written: a clear message, no temporary file left.
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o500);
    const locked = await cli(["score", "--scheme", scheme, resolve("examples/rules/subjects.json"), "-o", "locked/out.csv"], { cwd: dir });
    chmodSync(join(dir, "locked"), 0o700);
    if (process.getuid?.() !== 0) {
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain("permission denied");
    }
    expect(readdirSync(join(dir, "locked")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect((await cli(["score", "--scheme", scheme, resolve("examples/rules/subjects.json"), "-o", "nowhere/out.csv"], { cwd: dir })).stderr).toContain("its folder does not exist");
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("shows progress on standard error only when asked (a terminal, not CI)", async () => {
    const quiet = await cli(["score", "--scheme", scheme, "examples/rules/subjects.json"]);
    expect(quiet.stderr).toBe("");
    const shown = await cli(["score", "--scheme", scheme, "examples/rules/subjects.json"], { progress: true });
    expect(shown.stderr).toContain("scoring 3 subjects…");
    expect(shown.stdout).toContain("86.3");
  });

  it("runs as a program: stdout, stderr and exit codes", async () => {
    const exec = promisify(execFile);
    const bin = ["--import", "tsx", "src/cli/bin.ts"];
    // The language comes from the environment the program is given, not the machine's.
    const english = { ...process.env, CI: "true", LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };
    const ok = await exec(process.execPath, [...bin, "score", "--scheme", scheme, "examples/rules/subjects.json", "-f", "csv"], { env: english });
    expect(ok.stdout).toContain("id,name,共性指标,个性指标,竞争性指标,total,notes\r\nc001,张伟,25.5,52.6,7.2,86.3,");
    expect(ok.stderr).toBe("");
    const bad = await exec(process.execPath, [...bin, "score", "--scheme", "nope.json", "x.csv"], { env: english }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: "jixiao score: The file cannot be read\n  - nope.json: no such file\n" });
    const chinese = await exec(process.execPath, [...bin, "score", "--scheme", scheme, "examples/rules/subjects.json", "-f", "csv"], { env: { ...english, LC_MESSAGES: "zh_CN.UTF-8" } });
    expect(chinese.stdout).toContain("编号,姓名,共性指标,个性指标,竞争性指标,总分,说明\r\nc001,张伟,25.5,52.6,7.2,86.3,加分 1\r\n");
  });
});

describe("the terminal is safe from the data", () => {
  it("writes control characters in ids and names as visible escapes to a table and to messages, and leaves CSV data as it is", async () => {
    const dir = folder({ "s.csv": `编号,姓名,总分\nc1\u001b[31m,王\u0007五,80\nc2,李四,70\n` });
    const table = await cli(["tiers", "--lang", "en", "--policy", resolve("examples/rules/tiers-20-10.policy.json"), "s.csv"], { cwd: dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("c1\\x1b[31m");
    expect(table.stdout).toContain("王\\x07五");
    expect(table.stdout).not.toMatch(/[\u0007\u001b]/);
    const csv = await cli(["tiers", "--lang", "en", "-f", "csv", "--policy", resolve("examples/rules/tiers-20-10.policy.json"), "s.csv"], { cwd: dir });
    expect(csv.stdout).toContain("c1\u001b[31m");
    const bad = folder({ "s.csv": `编号,总分\nc1,8\u001b]0;title\u00070\n` });
    const error = await cli(["tiers", "--lang", "en", "--policy", resolve("examples/rules/tiers-20-10.policy.json"), "s.csv"], { cwd: bad });
    expect(error.code).toBe(2);
    expect(error.stderr).not.toMatch(/[\u0007\u001b]/);
    expect(error.stderr).toContain("\\x1b]0;title\\x07");
  });
});
