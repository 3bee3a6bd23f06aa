import { describe, expect, it } from "vitest";
import { formatIssue, formatIssues, safeDefineScheme, type Issue, type SchemeConfig } from "../../src/index.js";

const issuesOf = (config: unknown): readonly Issue[] => {
  const r = safeDefineScheme(config as SchemeConfig);
  if (r.success) throw new Error("expected issues");
  return r.issues;
};

describe("scheme issues in Chinese (formatIssue) and English (message)", () => {
  it("repeated ids, points that do not add up, a rounding coarser than the points", () => {
    const issues = issuesOf({
      id: "s",
      full: 100,
      rounding: { indicator: { decimals: 0 } },
      groups: [
        { id: "g", points: 90, indicators: [{ id: "a", points: 80, method: { type: "deduction", per: 1, floor: 90 } }] },
        { id: "g", points: 10, indicators: [{ id: "a", points: 10.5, method: { type: "direct" } }] },
      ],
      vetoes: [{ id: "v", effect: "zero" }, { id: "v", effect: "cap", cap: 1 }],
    });
    expect(formatIssues(issues)).toMatchInlineSnapshot(`
      "- groups[1].id：指标组编号「g」与前面的重复；编号不能重复
      - groups[1].indicators[0].id：指标编号「a」已在 groups[0].indicators[0] 用过；全方案的指标编号不能重复
      - vetoes[1].id：否决项编号「v」与前面的重复；编号不能重复
      - groups[0].indicators[0].method.floor（下限）：为 90，超过了指标的分值 80；应在 0～80 之间
      - groups[0].points（分值）：为 90，但本组各指标的分值合计 80；两者应相等（确需如此时请设 "pointsAddUp": false）
      - groups[1].points（分值）：为 10，但本组各指标的分值合计 10.5；两者应相等（确需如此时请设 "pointsAddUp": false）
      - groups[1].indicators[0].points（分值）：为 10.5，小数位数多于指标得分舍入保留的 0 位，舍入后的得分可能超过它；请至少保留 1 位小数"
    `);
    expect(issues.map((i) => i.message)).toEqual([
      'groups[1].id: repeats the group id "g"; ids must be unique',
      'groups[1].indicators[0].id: repeats the indicator id "a" already used at groups[0].indicators[0]; ids must be unique across the scheme',
      'vetoes[1].id: repeats the veto id "v"; ids must be unique',
      "groups[0].indicators[0].method.floor (下限): is 90, more than the indicator's 80 points",
      'groups[0].points (分值): is 90, but the indicators\' points add up to 80 (set "pointsAddUp": false if that is intended)',
      'groups[1].points (分值): is 10, but the indicators\' points add up to 10.5 (set "pointsAddUp": false if that is intended)',
      "groups[1].indicators[0].points (分值): is 10.5, with more decimals than the indicator rounding keeps (0): a rounded score could exceed it; keep at least 1 decimals",
    ]);
    // English words come from the same data as the message.
    for (const i of issues) expect(formatIssue(i, { locale: "en" })).toBe(i.message);
  });

  it("the total's and a group's rounding, and the full score", () => {
    const issues = issuesOf({
      id: "s",
      full: 10.5,
      rounding: { group: { decimals: 0 }, total: { decimals: 0 } },
      groups: [{ id: "g", points: 10.25, indicators: [{ id: "a", points: 10.25, method: { type: "direct" } }] }],
    });
    expect(issues.map((i) => formatIssue(i))).toEqual([
      'full（满分）：为 10.5，但各指标组的分值合计 10.25；两者应相等（确需如此时请设 "pointsAddUp": false）',
      "groups[0].points（分值）：为 10.25，小数位数多于指标组得分舍入保留的 0 位，舍入后的得分可能超过它；请至少保留 2 位小数",
      "full（满分）：为 10.5，小数位数多于总分舍入保留的 0 位，舍入后的得分可能超过它；请至少保留 1 位小数",
    ]);
    expect(issues[1]!.message).toBe("groups[0].points (分值): is 10.25, with more decimals than the group rounding keeps (0): a rounded score could exceed it; keep at least 2 decimals");
  });

  it("a veto's cap", () => {
    const issues = issuesOf({
      id: "s",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method: { type: "direct" } }] }],
      vetoes: [{ id: "v", effect: "zero", cap: 3 }, { id: "w", effect: "cap" }],
    });
    expect(issues.map((i) => formatIssue(i))).toEqual([
      'vetoes[0].cap（上限）：只用于 effect 为 "cap"（总分封顶）的否决项，此处 effect 为 "zero"；请删去',
      'vetoes[1].cap（上限）：否决项的 effect 为 "cap"（总分封顶）时必填',
    ]);
    expect(issues.map((i) => i.params)).toEqual([{ key: "vetoCapOnlyForCap", effect: "zero" }, { key: "vetoCapRequired" }]);
  });
});
