import { describe, expect, it } from "vitest";
import {
  formatIssue,
  formatIssues,
  leaderScore,
  rollUp,
  safeCascade,
  safeDefineCascadePlan,
  safeDefineOrgTree,
  safeRollUp,
  type CascadePlan,
  type Issue,
  type OrgUnit,
  type SafeResult,
} from "../../src/index.js";

const issuesOf = (r: SafeResult<unknown>): readonly Issue[] => (r.success ? [] : r.issues);
const zh = (r: SafeResult<unknown>): string[] => issuesOf(r).map((i) => formatIssue(i));
const caught = (fn: () => unknown): readonly Issue[] => {
  try {
    fn();
  } catch (error) {
    return (error as { issues: readonly Issue[] }).issues;
  }
  throw new Error("no error");
};

const units: OrgUnit[] = [
  { id: "市局", level: "city" },
  { id: "甲县", level: "county", parent: "市局", departments: [{ id: "征管科" }] },
  { id: "乙县", level: "county", parent: "市局" },
  { id: "丙县", level: "county", parent: "市局" },
];
const plan = (indicators: CascadePlan["indicators"], more: Partial<CascadePlan> = {}): CascadePlan => ({ id: "p", indicators, ...more });
const revenue = { id: "revenue", points: 40, target: 100, decimals: 0, method: { type: "completion" as const, target: 100 } };

describe("the cascade's issues in Chinese", () => {
  it("an organization tree: two roots, an unknown parent, a unit its own parent, a repeated id", () => {
    const r = safeDefineOrgTree([
      { id: "A", level: "city" },
      { id: "B", level: "city" },
      { id: "C", level: "county", parent: "C9" },
      { id: "D", level: "county", parent: "D" },
      { id: "A", level: "county", parent: "B", departments: [{ id: "x" }, { id: "x" }] },
    ]);
    expect(zh(r)).toEqual([
      "[4].id：单位编号「A」重复",
      "[4].departments[1].id：单位「A」中的部门编号「x」重复",
      "（整体）：有 2 个根单位（A、B）；组织树只能有一个没有上级的单位",
      "[2].parent：「C9」不是组织树中的单位",
      "[3].parent：单位「D」的上级是它自己",
    ]);
    // The English words are the message, as before.
    expect(issuesOf(r).map((i) => formatIssue(i, { locale: "en" }))).toEqual(issuesOf(r).map((i) => i.message));
    expect(issuesOf(r)[2]!.message).toBe("(top): has 2 roots (A, B); a tree has one unit without a parent");
  });

  it("a tree without a root, and a cycle cut off from the root", () => {
    expect(zh(safeDefineOrgTree([{ id: "A", level: "x", parent: "B" }, { id: "B", level: "x", parent: "A" }]))).toEqual(["（整体）：没有根单位：每个单位都填了上级，形成了循环"]);
    expect(zh(safeDefineOrgTree([{ id: "P", level: "x" }, { id: "A", level: "x", parent: "B" }, { id: "B", level: "x", parent: "A" }]))).toEqual([
      "（整体）：存在循环：A、B 无法从根单位「P」到达",
    ]);
  });

  it("splits that cannot add up, and tables that miss or invent a child", () => {
    const r = safeCascade(
      plan([
        { ...revenue, id: "a", steps: [{ how: "split", by: "shares", shares: { 甲县: 0.5, 乙县: 0.3, 丙县: 0.3 } }] },
        { ...revenue, id: "b", steps: [{ how: "split", by: "base", base: { 甲县: 0, 乙县: 0, 丙县: 0 } }] },
        { ...revenue, id: "c", steps: [{ how: "split", by: "amounts", amounts: { 甲县: 50, 乙县: 30, 丙县: 15 } }] },
        { ...revenue, id: "d", steps: [{ how: "split", by: "base", base: { 甲县: 1, 乙县: 1, 丁县: 1 } }] },
      ]),
      units,
    );
    expect(zh(r)).toEqual([
      "indicators[0].steps[0].shares：「市局」各下级单位（丙县、乙县、甲县）的比例合计为 1.1，应为 1",
      "indicators[1].steps[0].base：「市局」各下级单位（丙县、乙县、甲县）的基数合计为 0，无法按基数分解",
      "indicators[2].steps[0].amounts：「市局」各下级单位的分解数合计为 95，应等于其目标值 100",
      'indicators[3].steps[0].base["丁县"]：不是这一层分得指标「d」的单位；表中只列这一层的下级单位',
      'indicators[3].steps[0].base["丙县"]：缺少数值：「市局」的每个下级单位都要有一个数值',
    ]);
    expect(issuesOf(r).map((i) => i.params.key)).toEqual(["cascadeSharesSum", "cascadeBasesZero", "cascadeAmountsSum", "cascadeNotReceiver", "cascadeChildMissing"]);
    expect(issuesOf(r)[0]!.params).toEqual({ key: "cascadeSharesSum", parent: "市局", children: ["丙县", "乙县", "甲县"], total: "1.1" });
  });

  it("local additions and responsibilities", () => {
    const local = { id: "tea", points: 6, method: { type: "direct" as const } };
    const r = safeCascade(
      plan([{ ...revenue, steps: [{ how: "replicate" }] }], {
        templates: [{ level: "county", indicators: [], localBudget: 5 }],
        local: [{ unit: "甲县", indicators: [local] }, { unit: "市局", indicators: [{ ...local, id: "x2" }] }],
      }),
      units,
    );
    expect(zh(r)).toEqual(["local[0].indicators（指标）：单位「甲县」的自设指标共 6 分，超过额度 5 分", "local[1].unit：「市局」不是本方案根单位「市局」之下的单位"]);
    const noBudget = safeCascade(plan([revenue], { local: [{ unit: "乙县", indicators: [local] }] }), units);
    expect(zh(noBudget)).toEqual(["local[0]：单位「乙县」（county）没有自设指标额度：该层级的模板没有给出 localBudget"]);
    const duty = safeCascade(
      plan([{ ...revenue, steps: [{ how: "replicate" }] }], {
        responsibilities: [
          { unit: "甲县", indicator: "revenue", carrying: "征管科", assessing: "办公室", executing: [{ person: "a", share: 0.5 }, { person: "b" }] },
          { unit: "甲县", indicator: "nope", carrying: "征管科", assessing: "征管科", executing: [{ person: "a" }] },
          { unit: "甲县", indicator: "revenue", carrying: "征管科", assessing: "征管科", executing: [{ person: "a", share: 0.5 }, { person: "b", share: 0.2 }] },
        ],
      }),
      units,
    );
    expect(zh(duty)).toEqual([
      "responsibilities[0].assessing：「办公室」不是单位「甲县」的部门",
      "responsibilities[0].executing：只给部分执行人设了比例：要么都设，要么都不设（均分）",
      "responsibilities[1].indicator：单位「甲县」没有指标「nope」",
      "responsibilities[2].executing：执行人的比例合计不为 1",
    ]);
  });

  it("a plan: an unknown group, a repeated indicator id, too many decimals, a split without a target", () => {
    const r = safeDefineCascadePlan(
      plan(
        [
          { id: "a", group: "nope", points: 1, target: "1.234", method: { type: "direct" }, steps: [{ how: "replicate" }] },
          { id: "a", group: "key", points: 1, method: { type: "direct" }, steps: [{ how: "split", by: "equal" }] },
        ],
        { groups: [{ id: "key" }, { id: "base" }], templates: [{ level: "county", indicators: [{ id: "t", points: 1, method: { type: "direct" } }] }, { level: "county", indicators: [] }] },
      ),
    );
    expect(zh(r)).toEqual([
      "indicators[0].group：「nope」不是本方案的指标组；可选：key、base",
      "indicators[0].target：目标值 1.234 的小数位多于该指标的 2 位；请把 decimals 设为相应的位数",
      "indicators[1].id：指标编号「a」重复（已用于 indicators[0]）",
      "indicators[1].target：分解（split）需要该指标的目标值",
      "templates[0].indicators[0].group：必填：本方案列出了指标组，每个指标都要写明所属的组",
      "templates[1].level：层级「county」的模板重复",
    ]);
  });

  it("roll-up and a leader's link", () => {
    const r = safeRollUp(units, [{ unit: "丁县", indicator: "rate", actual: 1 }, { unit: "甲县", indicator: "x", actual: 1 }, { unit: "甲县", indicator: "rate", actual: 1 }, { unit: "甲县", indicator: "rate", actual: 2 }], {
      rate: { how: "sum" },
    });
    expect(zh(r)).toEqual(["results[0].unit：「丁县」不是组织树中的单位", "results[1].indicator：指标「x」没有汇总规则", "results[3]：甲县 的 rate 结果重复"]);
    const weights = issuesOf(safeRollUp(units, [{ unit: "甲县", indicator: "rate", actual: 1 }, { unit: "乙县", indicator: "rate", actual: 1 }], { rate: { how: "weighted", weights: { 甲县: 1 } } }));
    expect(weights.map((i) => formatIssue(i))).toEqual(["rules.rate.weights：没有给出 乙县（「市局」的下级单位）的权重"]);
    const custom = issuesOf(safeRollUp(units, [{ unit: "甲县", indicator: "rate", actual: 1 }], { rate: { how: "custom", combine: () => "x" } }));
    expect(formatIssue(custom[0]!)).toBe("rules.rate.combine：自定义规则为「市局」给出的是 x，不是数字");
    expect(formatIssue(custom[0]!, { locale: "en" })).toBe('rules.rate.combine: the custom rule gave x for "市局", not a number');
    const tiny = caught(() => rollUp(units, [{ unit: "甲县", indicator: "rate", actual: 1, target: "1e-300" }], { rate: { how: "sum" } }));
    expect(formatIssue(tiny[0]!)).toBe("results：甲县 的 rate：完成率 1 ÷ 目标值 1e-300 超出 ±10^18；目标值这么小，多半是填错了");

    const link = caught(() => leaderScore({ unit: "甲县", departments: [], weights: { unit: 0.6, departments: 0.5 } }, {}));
    expect(formatIssues(link)).toBe("- link.weights：合计为 1.1，应为 1\n- link.departments：设了权重，但没有列出分管部门");
    const contacts = caught(() => leaderScore({ unit: "甲县", contacts: ["联系点一"], weights: { unit: 1 } }, {}));
    expect(formatIssues(contacts)).toBe("- link.weights.contacts：必填：已列出基层联系点，要给出其权重");
    const missing = caught(() => leaderScore({ unit: "甲县", weights: { unit: 1 } }, {}));
    expect(formatIssues(missing)).toBe('- scores["甲县"]：「甲县」没有得分');
  });
});
