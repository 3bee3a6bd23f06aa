import { describe, expect, it } from "vitest";
import {
  cascade,
  county361Example,
  defineOrgTree,
  defineScheme,
  explain,
  formatIssue,
  isJixiaoError,
  score,
  type CascadePlan,
  type JixiaoError,
  type ScoreResult,
} from "../../src/index.js";

// A county's scheme as the cascade makes it, with a locally added indicator (本局自设) that has a
// name, and a veto the scheme names: every line of the explanation shows names, never the ids.
const tree = defineOrgTree([
  { id: "province", level: "province" },
  { id: "county", name: "甲一县", level: "county", parent: "province" },
]);
const plan: CascadePlan = {
  id: "p2024",
  groups: [{ id: "key", name: "重点工作" }, { id: "base", name: "基础工作" }],
  indicators: [{ id: "revenue", name: "组织收入", group: "key", points: 40, target: 1000, method: { type: "completion", target: 1000 }, steps: [{ how: "replicate" }] }],
  templates: [{ level: "county", localBudget: 5, indicators: [] }],
  local: [{ unit: "county", indicators: [{ id: "tea", name: "茶产业税源培育", group: "base", points: 5, method: { type: "direct" } }] }],
};
const unit = cascade(plan, tree).units.find((u) => u.unit === "county")!;
const scheme = defineScheme({ ...unit.scheme, vetoes: [{ id: "discipline", name: "违纪违法", effect: "zero" }, { id: "redCard", effect: "cap", cap: 30 }] });
const result = score(scheme, { id: "c1", name: "张伟", values: { revenue: 900, tea: 4 }, vetoes: [{ id: "discipline", reason: "违纪" }] });

describe("explain shows names, not ids", () => {
  it("names the locally added indicator, its group and the veto, in Chinese", () => {
    expect(explain(result)).toMatchInlineSnapshot(`
      "张伟（c1） · 方案 p2024/county
      重点工作：36 / 40
        组织收入：36 / 40 — 完成率 900 ÷ 1000 = 0.9；40 × 0.9 = 36
      基础工作：4 / 5
        茶产业税源培育：4 / 5 — 直接给分 4
      各组合计：36 + 4 = 40
      否决项「违纪违法」（违纪）：总分由 40 归零
      总分 0（满分 45）"
    `);
  });

  it("names them in English too", () => {
    const text = explain(result, { locale: "en" });
    expect(text).toContain("  茶产业税源培育: 4 / 5 — given score 4");
    expect(text).toContain('veto "违纪违法" (违纪): the total 40 becomes 0');
    for (const id of ["tea", "discipline", "key:", "base:"]) expect(text).not.toContain(id);
  });

  it("shows an id only where the scheme gives no name", () => {
    const capped = score(scheme, { id: "c2", values: { revenue: 1000, tea: 5 }, vetoes: ["redCard"] });
    expect(explain(capped)).toContain("否决项「redCard」：总分以 30 为上限，45 → 30");
    expect(explain(capped, { locale: "en" })).toContain('veto "redCard": the total is capped at 30, 45 → 30');
  });

  it("with the scheme given, shows the scheme's name and fills in names the result lacks", () => {
    expect(explain(result, { scheme }).split("\n")[0]).toBe("张伟（c1） · 方案 甲一县");
    // A result stored without its names (say, read back from a report) is explained with the scheme's.
    const bare: ScoreResult = {
      ...result,
      groups: result.groups.map(({ name: _, ...g }) => g),
      indicators: result.indicators.map(({ name: _, ...i }) => i),
      vetoes: result.vetoes.map(({ name: _, ...v }) => v),
    };
    expect(explain(bare)).toContain("  tea：4 / 5 — 直接给分 4");
    expect(explain(bare)).toContain("否决项「discipline」（违纪）");
    const named = explain(bare, { scheme, locale: "en" });
    expect(named).toContain("  茶产业税源培育: 4 / 5 — given score 4");
    expect(named).toContain("基础工作: 4 / 5");
    expect(named).toContain('veto "违纪违法" (违纪)');
  });

  it("refuses a scheme other than the one the result was scored with", () => {
    let caught: unknown;
    try {
      explain(result, { scheme: county361Example });
    } catch (error) {
      caught = error;
    }
    expect(isJixiaoError(caught)).toBe(true);
    const [first] = (caught as JixiaoError).issues;
    expect(first!.path).toEqual(["options", "scheme", "id"]);
    expect(formatIssue(first!)).toBe("options.scheme.id：是方案「county-personal-2024Q3」，但这个结果是按方案「p2024/county」计分的；请给出计分时用的方案");
    expect(first!.message).toBe('options.scheme.id: is the scheme "county-personal-2024Q3", but the result was scored with the scheme "p2024/county"');
  });

  it("refuses a scheme that is not valid, with the issue under options.scheme", () => {
    let caught: unknown;
    try {
      explain(result, { scheme: { ...scheme, full: -1 } });
    } catch (error) {
      caught = error;
    }
    expect((caught as JixiaoError).issues.map((i) => i.path)).toEqual([["options", "scheme", "full"]]);
  });

  it("says a custom rule without a description plainly", () => {
    const custom = defineScheme({ id: "c", full: 10, groups: [{ id: "g", name: "组", points: 10, indicators: [{ id: "x", name: "培训", points: 10, method: { type: "custom", score: () => 6 } }] }] });
    const r = score(custom, { id: "s", values: { x: 1 } });
    expect(explain(r)).toContain("培训：6 / 10 — 自定义规则得 6");
    expect(explain(r, { locale: "en" })).toContain("培训: 6 / 10 — custom rule: 6");
  });
});
