import { describe, expect, it } from "vitest";
import {
  appendEntries,
  assessCapability,
  capabilityExample,
  createLedger,
  explainAccount,
  explainCapability,
  explainPersonLink,
  linkPeople,
  requirementText,
  summarizeAccount,
  type PersonLink,
} from "../../src/index.js";
import { amend, brief, entry, issuesOf, reverse } from "./fixtures.js";

describe("explainAccount", () => {
  const ledger = appendEntries(
    createLedger([entry("e1", "2024-01-31", 88), entry("e2", "2024-02-29", 90), entry("e3", "2024-03-15", 2, { component: "talent" })]),
    [amend("f1", "2024-04-10", "e1", "89.5"), reverse("f2", "2024-04-11", "e3"), amend("f3", "2024-04-12", "e2", 91), reverse("f4", "2024-04-13", "f3")],
  );
  const names = { c001: "张敏", everyday: "日常绩效", talent: "人才培养" };

  it("words the total, each component and every corrected entry, by the names given", () => {
    expect(explainAccount(summarizeAccount(ledger, "c001", { period: "2024-Q1" }), { names })).toBe(
      [
        "张敏（c001） 2024-Q1 成长账户：合计 179.5",
        "  日常绩效（everyday）：179.5，2 条记录",
        "  人才培养（talent）：0，1 条记录",
        "  e1（2024-01-31，日常绩效）：录入 88，已修正为 89.5（更正记录 f1）",
        "  e2（2024-02-29，日常绩效）：录入 90，更正后仍按录入计 90（更正记录 f3、f4）",
        "  e3（2024-03-15，人才培养）：录入 2，已冲销，按 0 计（更正记录 f2）",
      ].join("\n"),
    );
    expect(explainAccount(summarizeAccount(ledger, "c001", { period: "2024-Q1" }), { names, locale: "en" })).toBe(
      [
        "张敏 (c001), growth account for 2024-Q1: total 179.5",
        "  日常绩效 (everyday): 179.5 from 2 entries",
        "  人才培养 (talent): 0 from 1 entry",
        "  e1 (2024-01-31, 日常绩效): recorded 88, amended to 89.5 (corrections f1)",
        "  e2 (2024-02-29, 日常绩效): recorded 90, counts as recorded after its corrections: 90 (corrections f3, f4)",
        "  e3 (2024-03-15, 人才培养): recorded 2, reversed: counts 0 (corrections f2)",
      ].join("\n"),
    );
  });

  it("shows ids where no name is given, the whole career, the asOf date and an empty account", () => {
    expect(explainAccount(summarizeAccount(ledger, "c001", { asOf: "2024-04-10" }))).toBe(
      ["c001 整个职业生涯 成长账户：合计 181.5（截至 2024-04-10 登记的记录）", "  everyday：179.5，2 条记录", "  talent：2，1 条记录", "  e1（2024-01-31，everyday）：录入 88，已修正为 89.5（更正记录 f1）"].join("\n"),
    );
    expect(explainAccount(summarizeAccount(ledger, "c001", { asOf: "2024-04-10" }), { locale: "en" }).split("\n")[0]).toBe(
      "c001, growth account for the whole career: total 181.5 (as recorded by 2024-04-10)",
    );
    expect(explainAccount(summarizeAccount(ledger, "c009", { period: "2024" }), { names: { c009: "周杰" } })).toBe("周杰（c009） 2024 成长账户：合计 0\n  没有记录");
    expect(explainAccount(summarizeAccount(ledger, "c009", { period: "2024" }), { locale: "en" })).toBe("c009, growth account for 2024: total 0\n  no entries");
  });

  it("refuses what is not a summary, and bad options", () => {
    expect(brief(issuesOf(() => explainAccount({} as never)))).toContain("required person");
    expect(brief(issuesOf(() => explainAccount(summarizeAccount(ledger, "c001"), { locale: "fr" } as never)))).toEqual(["invalid_option options.locale"]);
    expect(brief(issuesOf(() => explainAccount(summarizeAccount(ledger, "c001"), { names: { a: 1 } } as never)))).toEqual(["invalid_type options.names.a"]);
  });
});

describe("explainPersonLink", () => {
  const policy = { staff: { unit: 0.3, department: 0.7 }, leader: { unit: 0.4, departments: 0.4, contacts: 0.2 }, rounding: { decimals: 2 } };
  const points = { A: 100, D1: 93.75, D2: 87.5, P1: 100 };
  const links = linkPeople(
    [
      { id: "L01", unit: "A", leader: { departments: ["D1", "D2"], contacts: ["P1"] } },
      { id: "L02", unit: "A", leader: { departments: ["D1", "D2"] } },
      { id: "c01", unit: "A", department: "D1" },
    ],
    points,
    policy,
  );
  const of = (id: string): PersonLink => links.find((l) => l.person === id)!;
  const names = { A: "甲县局", D1: "办公室", D2: "纳服股", P1: "第一税务所", L02: "王强" };

  it("words each part with its organizations' names, the scaling of a missing part and the rounding", () => {
    expect(explainPersonLink(of("L02"), { names })).toBe(
      [
        "王强（L02） 组织绩效挂钩得分 95.31（班子成员）",
        "  单位：甲县局 100，权重 0.4",
        "  分管部门：办公室 93.75、纳服股 87.5，平均 90.625，权重 0.4",
        "  缺少的部分不计，其余权重合计 0.8，按比例折算：(100 × 0.4 + 90.625 × 0.4) ÷ 0.8 = 95.3125",
        "  保留 2 位小数（四舍五入）：95.3125 → 95.31",
      ].join("\n"),
    );
    expect(explainPersonLink(of("L02"), { names, locale: "en" })).toBe(
      [
        "王强 (L02), leadership team: organization-linked score 95.31",
        "  unit: 甲县局 100, weight 0.4",
        "  supervised departments: 办公室 93.75, 纳服股 87.5, mean 90.625, weight 0.4",
        "  the parts missing are left out; the weights present add up to 0.8 and are scaled: (100 × 0.4 + 90.625 × 0.4) ÷ 0.8 = 95.3125",
        "  rounded to 2 decimals (half up): 95.3125 → 95.31",
      ].join("\n"),
    );
  });

  it("adds up the parts when every weight is there, and shows ids where no name is given", () => {
    expect(explainPersonLink(of("L01"))).toBe(
      [
        "L01 组织绩效挂钩得分 96.25（班子成员）",
        "  单位：A 100，权重 0.4",
        "  分管部门：D1 93.75、D2 87.5，平均 90.625，权重 0.4",
        "  基层联系点：P1 100，权重 0.2",
        "  100 × 0.4 + 90.625 × 0.4 + 100 × 0.2 = 96.25",
        "  保留 2 位小数（四舍五入）：96.25 → 96.25",
      ].join("\n"),
    );
    expect(explainPersonLink(of("c01"), { locale: "en" })).toBe(
      [
        "c01, staff: organization-linked score 95.63",
        "  unit: A 100, weight 0.3",
        "  department: D1 93.75, weight 0.7",
        "  100 × 0.3 + 93.75 × 0.7 = 95.625",
        "  rounded to 2 decimals (half up): 95.625 → 95.63",
      ].join("\n"),
    );
  });

  it("refuses what is not a linked score", () => {
    expect(brief(issuesOf(() => explainPersonLink({ ...of("c01"), role: "boss" } as never)))).toEqual(["invalid_option role"]);
  });
});

describe("explainCapability and requirementText", () => {
  const stay = assessCapability(capabilityExample, { category: "collection", level: 2, facts: { examScore: 83, yearsAtLevel: 3 } });

  it("words each criterion's requirement in both languages", () => {
    expect(stay.categoryName).toBe("征管评估");
    expect(explainCapability(stay)).toBe(
      ["征管评估（collection） 未晋级：仍为第 2 级（中级）", "  ✗ 专业能力考试成绩：要求不低于 85，实际 83", "  ✓ 任中级年限：要求不低于 3，实际 3", "  ✗ 上年度等次：要求为 好，实际未提供"].join("\n"),
    );
    expect(explainCapability(stay, { locale: "en" })).toBe(
      ["征管评估 (collection): stays at level 2 (中级)", "  ✗ 专业能力考试成绩: at least 85, actual 83", "  ✓ 任中级年限: at least 3, actual 3", "  ✗ 上年度等次: one of 好, not given"].join("\n"),
    );
  });

  it("words a move up from no level, the top level, and a criterion without a name", () => {
    const up = assessCapability(capabilityExample, { category: "service", level: 0, facts: { examScore: 83 } });
    expect(explainCapability(up)).toBe("纳税服务（service） 晋级：尚未定级 → 第 1 级（初级）\n  ✓ 专业能力考试成绩：要求不低于 60，实际 83");
    expect(explainCapability(up, { locale: "en" }).split("\n")[0]).toBe("纳税服务 (service): moves up from no level to level 1 (初级)");
    const top = assessCapability(capabilityExample, { category: "service", level: 3, facts: {} });
    expect(explainCapability(top)).toBe("纳税服务（service） 已是最高等级：第 3 级（高级）");
    expect(explainCapability(top, { locale: "en" })).toBe("纳税服务 (service): at the top level, level 3 (高级)");
    const plain = { id: "f", categories: [{ id: "c", levels: [{ level: 1, criteria: [{ fact: "grade", oneOf: ["好", "较好"] }] }] }] };
    expect(explainCapability(assessCapability(plain, { category: "c", level: 0, facts: { grade: "中" } }))).toBe("c 未晋级：仍为尚未定级\n  ✗ grade：要求为 好、较好 之一，实际 中");
    expect(explainCapability(assessCapability(plain, { category: "c", level: 0, facts: { grade: "中" } }), { locale: "en" })).toBe("c: stays at no level\n  ✗ grade: one of 好, 较好, actual 中");
  });

  it("words a requirement alone, Chinese by default", () => {
    expect(requirementText({ kind: "atLeast", atLeast: "85" })).toBe("不低于 85");
    expect(requirementText({ kind: "atLeast", atLeast: "85" }, "en")).toBe("at least 85");
    expect(requirementText({ kind: "oneOf", oneOf: ["好", "较好"] }, "en")).toBe("one of 好, 较好");
    expect(requirementText({ kind: "oneOf", oneOf: [true] })).toBe("为 true");
  });

  it("refuses what is not an assessment", () => {
    expect(brief(issuesOf(() => explainCapability({ ...stay, criteria: [{ ...stay.criteria[0]!, required: "at least 85" }] } as never)))).toEqual(["invalid_type criteria.0.required"]);
  });
});

describe("the explanations, given anything", () => {
  const throwing = new Proxy({}, { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } });
  const cyclic: Record<string, unknown> = { person: "c1" };
  cyclic.components = [cyclic];
  const empty = {};
  const inputs: unknown[] = [undefined, null, 0, Number.NaN, "x", [], empty, () => 1, throwing, cyclic, { person: "c1", parts: "x".repeat(100_000) }];

  it.each([
    ["explainAccount", (x: unknown) => explainAccount(x as never)],
    ["explainPersonLink", (x: unknown) => explainPersonLink(x as never)],
    ["explainCapability", (x: unknown) => explainCapability(x as never)],
    ["options", (x: unknown) => explainCapability(assessCapability(capabilityExample, { category: "it", level: 0, facts: {} }), x as never)],
  ])("%s answers with a JixiaoError, never another error", (_name, fn) => {
    for (const input of inputs) {
      // No options (undefined, or {}) are the defaults.
      if (_name === "options" && (input === undefined || input === empty)) continue;
      expect(issuesOf(() => fn(input)).length).toBeGreaterThan(0);
    }
  });
});
