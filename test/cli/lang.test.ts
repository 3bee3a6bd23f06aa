import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { languageOf, systemLanguage } from "../../src/cli/lang.js";
import { placeAmong, placeIn } from "../../src/cli/commands.js";
import { run } from "../../src/cli/main.js";
import { attributeHeader, cliLabel } from "../../src/cli/words.js";
import { CLI_COLUMNS, CLI_TEXTS } from "../../src/messages/cli.js";
import { formatTotalNote, OUTPUT_LABELS, outputLabel, rowNote, totalNotes } from "../../src/tables/index.js";
import { county361Example, score, scoreAll } from "../../src/index.js";

const root = process.cwd();
const scheme = resolve("examples/rules/county-361.scheme.json");
const policy = resolve("examples/rules/tiers-20-10.policy.json");

/** Runs the command line in-process with an environment of the test's own (never the machine's). */
async function cli(argv: string[], options: { cwd?: string; env?: Record<string, string>; intlLocale?: string; progress?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: options.cwd ?? root,
    progress: options.progress ?? false,
    env: options.env ?? {},
    ...(options.intlLocale ? { intlLocale: options.intlLocale } : {}),
  });
  return { code, stdout, stderr };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-lang-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const zh = { LANG: "zh_CN.UTF-8" };
const people =
  "编号,姓名,部门,职级,考勤,学习,政治素质,征收任务完成率,积压件,抢单得分,加分,减分\n" +
  "c001,张伟,征管股,科员,2,良,88,96.5,3,7.2,1,\n" +
  "c002,李娜,纳税服务股,副科,0,优,92,104.2,0,9.5,,\n" +
  "c003,王强,征管股,科员,1,中,79,不适用,6,2,,0.5\n";

describe("the language: --lang, else the system's", () => {
  it("takes the first of LC_ALL, LC_MESSAGES and LANG that is set, then Intl's locale", () => {
    expect(systemLanguage({ LANG: "zh_CN.UTF-8" }, "en-US")).toBe("zh-CN");
    expect(systemLanguage({ LANG: "en_US.UTF-8" }, "zh-CN")).toBe("en");
    expect(systemLanguage({ LC_ALL: "C", LANG: "zh_CN.UTF-8" }, "zh-CN")).toBe("en");
    expect(systemLanguage({ LC_ALL: "zh_TW.Big5", LANG: "en_US.UTF-8" }, undefined)).toBe("zh-CN");
    expect(systemLanguage({ LC_MESSAGES: "zh_CN.GB18030", LANG: "en_US.UTF-8" }, undefined)).toBe("zh-CN");
    expect(systemLanguage({ LC_ALL: "", LC_MESSAGES: "", LANG: "zh" }, undefined)).toBe("zh-CN");
    expect(systemLanguage({}, "zh-Hans-CN")).toBe("zh-CN");
    expect(systemLanguage({}, "en-GB")).toBe("en");
    expect(systemLanguage({}, undefined)).toBe("en");
    // Not Chinese: a name that only starts with the letters.
    expect(systemLanguage({ LANG: "zha_CN" }, undefined)).toBe("en");
  });

  it("reads --lang values", () => {
    expect(languageOf("zh")).toBe("zh-CN");
    expect(languageOf("zh-CN")).toBe("zh-CN");
    expect(languageOf("zh_CN")).toBe("zh-CN");
    expect(languageOf("EN")).toBe("en");
    expect(languageOf("fr")).toBeUndefined();
  });

  it("defaults every command from the environment it is given, and --lang (anywhere, or --lang=) overrides it", async () => {
    const args = ["score", "--scheme", scheme, "examples/rules/subjects.json", "-f", "csv"];
    const first = (r: { stdout: string }) => r.stdout.split("\r\n")[0];
    expect(first(await cli(args))).toBe("id,name,共性指标,个性指标,竞争性指标,total,notes");
    expect(first(await cli(args, { env: zh }))).toBe("编号,姓名,共性指标,个性指标,竞争性指标,总分,说明");
    expect(first(await cli(args, { intlLocale: "zh-CN" }))).toBe("编号,姓名,共性指标,个性指标,竞争性指标,总分,说明");
    expect(first(await cli(args, { env: { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" } }))).toBe("id,name,共性指标,个性指标,竞争性指标,total,notes");
    expect(first(await cli([...args, "--lang", "en"], { env: zh }))).toBe("id,name,共性指标,个性指标,竞争性指标,total,notes");
    expect(first(await cli(["--lang=zh", ...args]))).toBe("编号,姓名,共性指标,个性指标,竞争性指标,总分,说明");
  });

  it("refuses a language it does not speak, in the system's language", async () => {
    expect(await cli(["score", "--lang", "fr"])).toEqual({ code: 2, stdout: "", stderr: "jixiao: --lang must be zh or en, not fr\n" });
    expect(await cli(["score", "--lang"], { env: zh })).toEqual({ code: 2, stdout: "", stderr: "jixiao：--lang 应为 zh 或 en，实际是「」\n" });
  });
});

describe("help, usage mistakes and progress in Chinese", () => {
  it("writes the help in the language", async () => {
    const main = await cli(["--help", "--lang", "zh"]);
    expect(main.stdout).toMatch(/^jixiao \d+\.\d+\.\d+ — 精确、可解释的绩效计分\n\n用法：jixiao <命令> \[选项\]\n\n命令：\n {2}score {4}按考评方案为考评对象计分\n/);
    expect(main.stdout).toContain("语言：--lang zh|en");
    for (const command of ["score", "tiers", "tasks", "cascade", "verify", "schema", "explain", "serve", "demo"]) {
      const help = await cli([command, "--help"], { env: zh });
      expect(help.stdout, command).toMatch(new RegExp(`^用法：jixiao ${command}`));
      expect(help.stdout, command).toContain("-h, --help                      显示本帮助");
      expect(help.stdout, command).toContain("--lang <zh|en>");
    }
    expect((await cli(["help", "score"], { env: zh })).stdout).toContain("  --scheme <文件>                 考评方案（必填）");
    const en = await cli(["score", "--help"]);
    expect(en.stdout).toMatch(/^Usage: jixiao score --scheme <scheme\.json\|yaml> <subjects\.json\|yaml\|csv\|xlsx\|-> \[options\]\n\nScore subjects against a scheme\.\n/);
  });

  it("says what is wrong with the arguments, and the usage, in the language", async () => {
    expect((await cli(["nope"], { env: zh })).stderr).toBe('jixiao：没有「nope」这个命令；命令有 score、tiers、compare、tasks、cascade、verify、schema、explain、board、serve、demo。运行 "jixiao --help" 查看说明。\n');
    const unknown = await cli(["score", "--nope"], { env: zh });
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toBe('jixiao score：没有 --nope 这个选项\n用法：jixiao score --scheme <方案.json|yaml> <考评对象.json|yaml|csv|xlsx|->\n运行 "jixiao score --help" 查看选项。\n');
    expect((await cli(["score", "--scheme"], { env: zh })).stderr).toMatch(/^jixiao score：--scheme 后面要跟一个值\n/);
    expect((await cli(["score", "--scheme", "--bom"])).stderr).toMatch(/^jixiao score: option '--scheme' needs a value\n/);
    expect((await cli(["score", "--bom=yes"], { env: zh })).stderr).toMatch(/^jixiao score：--bom 不带值\n/);
    expect((await cli(["score", "examples/rules/subjects.json"], { env: zh })).stderr).toMatch(/^jixiao score：缺少 --scheme（必填）\n/);
    expect((await cli(["score", "--scheme", scheme], { env: zh })).stderr).toMatch(/^jixiao score：请给出考评对象文件（或用 - 表示标准输入）\n/);
    expect((await cli(["score", "--scheme", scheme, "a", "b"], { env: zh })).stderr).toMatch(/^jixiao score：只能给出一个考评对象文件，实际给了 2 个\n/);
    expect((await cli(["score", "--scheme", scheme, "examples/rules/subjects.json", "-f", "xml"], { env: zh })).stderr).toMatch(/^jixiao score：--format 应为 json、csv、table、xlsx 之一，实际是「xml」\n/);
    expect((await cli(["score", "--scheme", scheme, "examples/rules/subjects.json", "-f", "xml"])).stderr).toMatch(/^jixiao score: --format must be json, csv, table or xlsx, not xml\n/);
    expect((await cli(["score", "--scheme", scheme, "examples/rules/subjects.json", "--missing", "maybe"], { env: zh })).stderr).toMatch(/^jixiao score：--missing 应为 error、not-applicable、zero 之一，实际是「maybe」\n/);
    expect((await cli(["schema", "nope"], { env: zh })).stderr).toMatch(/^jixiao schema：没有「nope」这个 Schema；可用的有 scheme、tier-policy/);
    expect((await cli(["explain", "--scheme", scheme, "--id", "c9", "examples/rules/subjects.json"], { env: zh })).stderr).toMatch(/^jixiao explain：examples\/rules\/subjects\.json 中没有编号为「c9」的考评对象\n/);
    expect((await cli(["demo", "x"], { env: zh })).stderr).toMatch(/^jixiao demo：不接受参数\n/);
  });

  it("shows progress in the language", async () => {
    const r = await cli(["score", "--scheme", scheme, "examples/rules/subjects.json"], { env: zh, progress: true });
    expect(r.stderr).toContain("正在计分：3 个考评对象…");
    const v = await cli(["verify", "examples/scenarios/tiers.yaml", "-f", "json"], { env: zh, progress: true });
    expect(v.stderr).toContain("正在验证 1/1 examples/scenarios/tiers.yaml");
  });
});

describe("tables a reader trusts", () => {
  it("keeps the input's attributes, names the columns in the language, and says why a total is not the plain sum", async () => {
    const dir = folder({ "people.csv": people });
    const zhCsv = await cli(["score", "--scheme", scheme, "people.csv", "-f", "csv"], { cwd: dir, env: zh });
    expect(zhCsv.stdout).toBe(
      "编号,姓名,部门,职级,共性指标,个性指标,竞争性指标,总分,说明\r\n" +
        "c001,张伟,征管股,科员,25.5,52.6,7.2,86.3,加分 1\r\n" +
        "c002,李娜,纳税服务股,副科,30,60,9.5,99.5,\r\n" +
        "c003,王强,征管股,科员,24.5,8,2,57,不适用折算：实得分 34.5 ÷ 应得分 60 × 满分 100 = 57.5；减分 0.5\r\n",
    );
    const enTable = await cli(["score", "--scheme", scheme, "people.csv"], { cwd: dir });
    expect(enTable.stdout.split("\n")).toEqual([
      "id    name  部门        职级  共性指标  个性指标  竞争性指标  total  notes",
      "c001  张伟  征管股      科员      25.5      52.6         7.2   86.3  bonus 1",
      "c002  李娜  纳税服务股  副科        30        60         9.5   99.5",
      "c003  王强  征管股      科员      24.5         8           2     57  converted for not-applicable indicators: earned 34.5 ÷ applicable 60 × full 100 = 57.5; deductions 0.5",
      "",
    ]);
  });

  it("names a veto by its name, in the language", () => {
    const vetoed = score(county361Example, {
      id: "c1",
      values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 },
      vetoes: [{ id: "discipline", reason: "违纪" }],
    });
    expect(totalNotes(vetoed)).toEqual([{ kind: "veto", veto: "违纪违法", effect: "zero" }]);
    expect(rowNote(vetoed, "zh-CN")).toBe("否决项「违纪违法」：总分记 0");
    expect(rowNote(vetoed, "en")).toBe('veto "违纪违法": total set to 0');
  });

  it("notes a capping veto, a flag veto, capped bonus and deductions, and a total below 0", () => {
    const capped = {
      id: "s",
      full: 10,
      adjustments: { bonus: { cap: 1 } },
      vetoes: [
        { id: "warn", name: "警告", effect: "cap", cap: 5 },
        { id: "late", name: "迟报", effect: "flag" },
      ],
      groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method: { type: "direct" } }] }],
    } as const;
    const results = scoreAll(capped as never, [
      { id: "high", values: { a: 8 }, vetoes: ["warn", "late"], bonus: [{ points: 2, reason: "创新" }] },
      { id: "below", values: { a: 1 }, deductions: [{ points: 3, reason: "差错" }] },
      { id: "plain", values: { a: 7.25 } },
    ]);
    const [high, below, plain] = ["high", "below", "plain"].map((id) => results.find((r) => r.subjectId === id)!);
    expect(rowNote(high!, "zh-CN")).toBe("加分 2，按上限计 1；否决项「警告」：总分不超过 5；否决项「迟报」：已记录，不改变总分");
    expect(rowNote(high!, "en")).toBe('bonus 2, capped at 1; veto "警告": total capped at 5; veto "迟报": recorded, total unchanged');
    expect(rowNote(below!, "zh-CN")).toBe("减分 3；总分 -2 低于 0，记 0");
    expect(formatTotalNote(totalNotes(below!)[1]!, "en")).toBe("total -2 is below 0, set to 0");
    expect(totalNotes(plain!)).toEqual([]);
    expect(rowNote(plain!, "en")).toBe("");
  });

  it("words tiers, tasks and cascades in the language", async () => {
    const dir = folder({
      "scores.csv": "编号,总分,部门,职级\nc1,95.5,征管股,科员\nc2,93,征管股,副科\nc3,91,纳服股,科员\n",
      "staff.csv": "id,name,posts\ns1,张伟,征管岗\ns2,李娜,纳税服务岗；征管岗\n",
      "grabs.csv": "task,person,at\nT01,s2,2024-07-01T09:00:01\n",
      "tree.csv": "id,level,parent\n甲市,city,\n甲一县,county,甲市\n甲二县,county,甲市\n甲三县,county,甲市\n",
    });
    const tiers = await cli(["tiers", "--policy", policy, "scores.csv", "--group-by", "部门", "-f", "csv"], { cwd: dir, env: zh });
    expect(tiers.stdout).toBe("编号,姓名,职级,比较组,得分,名次,等次,原因\r\nc1,,科员,征管股,95.5,1,中,不属于其他等次，归入「中」\r\nc2,,副科,征管股,93,2,中,不属于其他等次，归入「中」\r\nc3,,科员,纳服股,91,1,中,不属于其他等次，归入「中」\r\n");
    const board = resolve("examples/rules/county-tasks.board.json");
    const tasks = await cli(["tasks", "--board", board, "--staff", "staff.csv", "--grabs", "grabs.csv", "-f", "csv"], { cwd: dir, env: zh });
    expect(tasks.stdout).toBe("任务,状态,承接人,方式,原因\r\nT01,已抢单,s2,抢单,\r\nT02,已派单,s2,派单,在「纳税服务岗」岗位的 1 人中负荷最轻（负荷 3）\r\nT03,无人承接,,,无人抢单，也没有人在「税源管理岗」岗位\r\n");
    const cascade = await cli(["cascade", "--plan", resolve("examples/rules/city-2024.plan.yaml"), "--tree", "tree.csv", "-f", "csv"], { cwd: dir, env: zh });
    expect(cascade.stdout.split("\r\n")[0]).toBe("单位,层级,指标,来源,目标值,留存,分解路径");
    expect(cascade.stdout).toContain("甲一县,county,revenue,上级分解,21600,是,甲市 56160 → 甲一县 21600\r\n");
    expect(cascade.stdout).toContain("甲一县,county,service,模板,,是,甲一县\r\n");
  });

  it("says why a subject is in its tier, and why a task was assigned to each owner, in the language", async () => {
    const dir = folder({
      "scores.csv": "编号,总分\nc1,95\nc2,88\nc3,50\n",
      "threshold.json": JSON.stringify({ tiers: [{ name: "优秀", min: 90 }, { name: "合格", min: 60 }, { name: "不合格" }] }),
      "staff.csv": "id,posts\ns1,征管岗\ns2,征管岗\ns3,征管岗\n",
      "board.json": JSON.stringify({ id: "b", period: "2024-Q3", difficulty: { 高: 1.5 }, tasks: [{ id: "T1", title: "清欠", difficulty: "高", points: 2, post: "征管岗", published: "2024-07-01", deadline: "2024-08-31", seats: 2 }] }),
      "grabs.csv": "task,person,at\n",
      "allocation.json": JSON.stringify({ assignSeats: "all" }),
    });
    const zhTiers = await cli(["tiers", "--policy", "threshold.json", "scores.csv", "-f", "csv"], { cwd: dir, env: zh });
    expect(zhTiers.stdout.split("\r\n").slice(1, 4)).toEqual([
      "c1,,95,1,优秀,达到「优秀」的最低分 90（比较分数 95）",
      "c2,,88,2,合格,未能进入「优秀」：低于 90 分；达到「合格」的最低分 60（比较分数 88）",
      "c3,,50,3,不合格,未能进入「优秀」：低于 90 分；未能进入「合格」：低于 60 分；不属于其他等次，归入「不合格」",
    ]);
    const enTiers = await cli(["tiers", "--policy", "threshold.json", "scores.csv", "-f", "csv"], { cwd: dir });
    expect(enTiers.stdout.split("\r\n")[2]).toBe('c2,,88,2,合格,"not in ""优秀"": below 90; reaches the ""合格"" minimum 60 (compared: 88)"');
    const tasks = await cli(["tasks", "--board", "board.json", "--staff", "staff.csv", "--grabs", "grabs.csv", "--allocation-policy", "allocation.json", "-f", "csv"], { cwd: dir, env: zh });
    expect(tasks.stdout).toBe("任务,状态,承接人,方式,原因\r\nT1,已派单,s1 s2,派单 派单,s1：在「征管岗」岗位的 3 人中负荷最轻（负荷 0）；s2：在「征管岗」岗位的 2 人中负荷最轻（负荷 0）\r\n");
  });

  it("has a header for every column in both languages", () => {
    for (const column of Object.keys(CLI_COLUMNS) as (keyof typeof CLI_COLUMNS)[]) {
      expect(cliLabel(column, "zh-CN"), column).toMatch(/\p{Script=Han}/u);
      expect(cliLabel(column, "en"), column).toMatch(/^[a-z ]+$/);
    }
    for (const column of Object.keys(OUTPUT_LABELS) as (keyof typeof OUTPUT_LABELS)[]) {
      expect(outputLabel(column, "zh-CN"), column).toMatch(/\p{Script=Han}/u);
      expect(outputLabel(column, "en"), column).toMatch(/^[a-z ]+$/);
    }
    expect(attributeHeader("department", "zh-CN")).toBe("部门");
    expect(attributeHeader("职级", "en")).toBe("职级");
    for (const [key, m] of Object.entries(CLI_TEXTS)) {
      expect(typeof m["zh-CN"], key).toBe("function");
      expect(typeof m.en, key).toBe("function");
    }
  });
});

describe("issues in Chinese, in the file's own terms", () => {
  it("places an issue at the row the reader gives for its record (blank rows skipped), else at its index + 2", () => {
    const column = ([field, key]: readonly (string | number)[]) => (field === "values" && key === "rate" ? "征收任务完成率" : undefined);
    const place = placeIn({ name: "p.csv", column, rows: [2, 5] });
    expect(place("zh-CN")([1, "values", "rate"])).toBe("p.csv 第 5 行「征收任务完成率」列");
    expect(place("en")([1, "values", "rate"])).toBe('p.csv row 5, column "征收任务完成率"');
    expect(place("zh-CN")([7, "id"])).toBe("p.csv 第 9 行 id");
    expect(place("en")([7])).toBe("p.csv row 9");
    expect(place("zh-CN")(["x"])).toBe("p.csv 中 x");
    expect(place("en")([])).toBe("p.csv");
    const among = placeAmong({ grabs: { name: "g.csv", column: () => "at" } }, "s.csv, g.csv");
    expect(among("en")(["grabs", 0, "at"])).toBe('g.csv row 2, column "at"');
    expect(among("zh-CN")(["staff", 0])).toBe("s.csv, g.csv 中 staff[0]");
  });

  it("names the file, the row as Excel shows it and the column by its header", async () => {
    const dir = folder({ "people.csv": "编号,姓名,考勤,学习\nc1,张伟,1,良\nc2,李娜,abc,良好\n", "scores.csv": "编号,总分\nc1,90\nc2,abc\n", "scheme.json": JSON.stringify({ ...county361Example, full: "x" }) });
    const bad = await cli(["score", "--scheme", scheme, "people.csv"], { cwd: dir, env: zh });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^jixiao score：发现 \d+ 个问题，请修正后重试\n/);
    expect(bad.stderr).toContain("\n  - people.csv 第 3 行「考勤」列：");
    expect(bad.stderr).toContain("\n  - people.csv 第 3 行「学习」列：");
    expect(bad.stderr).toContain("\n  - people.csv 第 2 行 values.political：");
    const tiers = await cli(["tiers", "--policy", policy, "scores.csv"], { cwd: dir, env: zh });
    expect(tiers.stderr).toContain("\n  - scores.csv 第 3 行「总分」列：");
    // A column found by every header the one header mapping reads it from: an alias (工号), English in any case.
    const aliases = folder({ "a.csv": "工号,总分\nc1,90\n,80\n", "b.csv": "ID,TOTAL\nc1,90\nc2,abc\n" });
    expect((await cli(["tiers", "--policy", policy, "a.csv"], { cwd: aliases, env: zh })).stderr).toContain("\n  - a.csv 第 3 行「工号」列：");
    expect((await cli(["tiers", "--policy", policy, "b.csv"], { cwd: aliases })).stderr).toContain('\n  - b.csv row 3, column "TOTAL": ');
    // A rule document's issue is placed at its path in the file, and worded from the catalog.
    const rule = await cli(["score", "--scheme", "scheme.json", "people.csv"], { cwd: dir, env: zh });
    expect(rule.stderr).toBe("jixiao score：发现 1 个问题，请修正后重试\n  - scheme.json 中 full（满分）：应为“96.5”这样的十进制文本，实际是文本「x」\n");
    const en = await cli(["score", "--scheme", "scheme.json", "people.csv"], { cwd: dir });
    expect(en.stderr).toBe('jixiao score: Scheme is not valid\n  - scheme.json: full (满分): must be decimal text such as "96.5", not text "x"\n');
  });
});
