import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { county361Example, defineScheme, schemeJsonSchema } from "../src/index.js";
import { PUBLISHED } from "../scripts/write-schemas.js";

const tsx = (args: string[], env: Record<string, string> = {}) => execFileSync(process.execPath, ["--import", "tsx", ...args], { encoding: "utf8", env: { ...process.env, ...env } });
/** The demo speaks the locale's language: Chinese under a Chinese one (not the machine's, for the test). */
const chinese = { LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" };

describe("the package", () => {
  it("publishes the JSON Schemas the code defines (run `npm run build` after changing a schema)", () => {
    for (const [file, make] of Object.entries(PUBLISHED)) expect(JSON.parse(readFileSync(`docs/schema/${file}`, "utf8"))).toEqual(make());
  });

  it("ships the example scheme as JSON, equal to the preset and valid against its schema's rules", () => {
    const json = JSON.parse(readFileSync("examples/rules/county-361.scheme.json", "utf8"));
    const { $schema, ...rest } = json;
    expect($schema).toBe("../../docs/schema/scheme.schema.json");
    expect(rest).toEqual(county361Example);
    expect(defineScheme(json).id).toBe(county361Example.id);
  });

  it("runs the README's quick start as written", () => {
    const readme = readFileSync("README.md", "utf8");
    const code = /```ts\n([\s\S]*?)```/.exec(readme)![1]!.replace('from "jixiao"', `from ${JSON.stringify(`${process.cwd()}/src/index.ts`)}`);
    const out = tsx(["--input-type=module", "-e", code.replace("result.total;", "console.log(result.total);")]);
    expect(out.split("\n")[0]).toBe("93.55");
    expect(out).toContain("总分 93.55（满分 100）");
  });

  it("runs the demo: 200 cadres scored, ranked and one explained", () => {
    const out = tsx(["examples/county-quarter.ts"], chinese);
    expect(out).toContain("200 名干部");
    expect(out).toMatch(/\n {3}1 {2}c\d{3}/);
    expect(out).toContain("—— 得分说明");
    expect(out).toContain("—— 等次说明");
    expect(out).toContain("从上级承接的年度指标");
    expect(out).toContain("省局 108000 → 甲市 56160 → 甲一县 21600");
    expect(out).toMatch(/三单：发布 30 项/);
    expect(out).toMatch(/末位扣分（/);
    expect(out).toMatch(/总分 [\d.]+（满分 100）\n\n数据与规则在哪里/);
    expect(out).toMatch(/五星候选池（个人绩效前 30%，有否决项者除外）：\d+ 人/);
    expect(out).toMatch(/修改后重新运行 npm run demo 即可。\n?$/);
    const english = tsx(["examples/county-quarter.ts"], { ...chinese, LANG: "en_US.UTF-8" });
    expect(english).toContain("200 cadres");
    expect(english).toMatch(/Change them and run npm run demo again\.\n?$/);
  });

  it("runs the grabbed-tasks example", () => {
    const out = tsx(["examples/county-tasks.ts"]);
    expect(out).toContain("发布 30 项");
    expect(out).toMatch(/覆盖面 \d+\.\d%/);
  });

  it("runs the roadmap and monthly board example", () => {
    const out = tsx(["examples/county-board.ts"]);
    expect(out).toContain("清理欠税三季度进度分：按期末版本 9.5，按天数折算 9.58");
    expect(out).toContain("| 2 | 赵* | 中→好 | ↑3 |");
    expect(out).toContain("| 2026-12-31 | 征管股 | 路线图节点 | 清理欠税（万元） | Q4 | 1400 |");
    expect(out).toContain("| 3 | 王磊 | 84 | 中 | +1 | — | 0 |");
  });

  it("runs the province cascade example", () => {
    const out = tsx(["examples/province-cascade.ts"]);
    expect(out).toContain("revenue 省局 108000 → 丙市 18360 + 乙市 33480 + 甲市 56160 = 108000 ✓");
    expect(out).not.toContain("✗");
  });

  it("runs the department-year example: a year of digital personnel ending in tiers", () => {
    const out = tsx(["examples/department-year.ts"]);
    expect(out).toContain("各月所用版本：1月 2024-v1");
    expect(out).toContain("7月 2024-v2");
    expect(out).toContain("2024 年共 195 条记录，其中更正 2 条");
    expect(out).toContain("再读回：年度汇总完全一致");
    expect(out).toContain("（已修正）  ← c03-2024-03-fix 2024-04-12：领导评鉴得分录入错误：78 → 87");
    expect(out).toContain("（已冲销）  ← c03-talent-2-rev 2024-07-08：重复录入，冲销");
    expect(out).toMatch(/补记 2024-08-15 的扣分被拒绝：entries\[0\]\.date：日期 2024-08-15 在已关账的期间内/);
    expect(out).toMatch(/c05 的 2024 年账户仍为 ([\d.]+)（关账时 \1），2025 年 -1/);
    expect(out).toMatch(/\n {3}1 {2}c01 {2}陈立　 +[\d.]+ {2}中 {4}不得评为「好」（党建一票否决）/);
    expect(out).toContain("好：3 人（名额 0.2 × 16 = 3.2 → 3）");
    expect(out).toContain("李娜（c02） 纳税服务：初级 → 中级（晋级）");
    expect(out).toMatch(/总分 [\d.]+（满分 100）\n?$/);
  });

  it("runs the party-building example: three indices and the consequences of R26", () => {
    const out = tsx(["examples/party-building.ts"]);
    expect(out).toContain("基本队伍、基本活动、基本阵地、基本制度、基本保障，共 20 项标准");
    expect(out).toMatch(/办公室党支部 +58 {2}差/);
    expect(out).toContain("党建履职指数 2024-Q3（所用文件 2024-季度，9 项）：机关党委 83.33");
    expect(out).toContain("0.7 × 83.33 + 0.3 × 77.125 = 81.47");
    expect(out).toContain("党员示范岗：m02、m03");
    expect(out).toContain("未能进入「党员示范岗」：有否决项（受到党纪处分）");
    expect(out).toContain("单位年度等次：办公室 中（得分第一），征管科 好，纳服科 好");
    expect(out).toContain("主要负责人年度等次：L04 称职，L01 优秀，L02 优秀，L03 称职");
    expect(out).toContain("职务晋升：L01 可以，L03 可以，L04 不可以");
  });

  it("runs the JSON example", () => {
    expect(tsx(["examples/score-from-json.ts"])).toContain("c001\t张伟\t86.3");
  });
});

describe("the published JSON Schema", async () => {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const validate = new Ajv2020({ strict: false }).compile(schemeJsonSchema());

  it("accepts the example scheme as written", () => {
    expect(validate(JSON.parse(readFileSync("examples/rules/county-361.scheme.json", "utf8")))).toBe(true);
  });

  it("rejects what defineScheme rejects by shape and range", () => {
    const good = JSON.parse(readFileSync("examples/rules/county-361.scheme.json", "utf8"));
    const bad = [
      { ...good, full: -1 },
      { ...good, full: "abc" },
      { ...good, extra: 1 },
      { ...good, groups: [{ ...good.groups[0], indicators: [{ ...good.groups[0].indicators[0], method: { type: "completion", target: 100, cap: 1.5 } }] }] },
      { ...good, groups: [{ ...good.groups[0], indicators: [{ ...good.groups[0].indicators[0], method: { type: "nope" } }] }] },
    ];
    for (const doc of bad) expect(validate(doc)).toBe(false);
  });
});
