import { describe, expect, it } from "vitest";
import {
  county361Example,
  defineScheme,
  explain,
  formatIssue,
  safeDefineScheme,
  schemeJsonSchema,
  score,
  scoreAll,
  scoreTotals,
  type IndicatorConfig,
  type JsonMethod,
  type SchemeConfig,
  type SubjectInput,
} from "../../src/index.js";
import {
  implausible,
  PERCENT_LOOKS_LIKE_RATIO_BELOW,
  RATIO_LOOKS_LIKE_PERCENT_ABOVE,
  UNDECLARED_LOOKS_LIKE_RATIO_AT_MOST,
  UNDECLARED_REFERENCE_AT_LEAST,
  unitPlans,
} from "../../src/scoring/unit.js";
import { thrown } from "../helpers.js";
import { expectFast, expectLeft, fastWarnings } from "./fast.helpers.js";

// A spreadsheet passes a cell formatted `96.5%` as 0.965. An indicator declares the unit
// its values arrive in; a value implausible for it is flagged on the result, never scored silently.

/** The 361 example with the completion indicator (征收任务完成率, 40 points, target 100) given a unit. */
function county(unit?: "percent" | "ratio"): SchemeConfig {
  return {
    ...county361Example,
    groups: county361Example.groups.map((g) => ({
      ...g,
      indicators: g.indicators.map((ind) => (ind.id === "collection" && unit ? { ...ind, unit } : ind)),
    })),
  };
}

const values = { attendance: 2, study: "良", political: 88, collection: 0.965, backlog: 3, grabbed: 7.2 };
const subject = { id: "c001", values };
const collection = (r: ReturnType<typeof score>) => r.indicators.find((i) => i.id === "collection")!;

describe("the spreadsheet case: a cell formatted 96.5% arrives as 0.965", () => {
  it("the scheme is the one the issue names: 40 points, target 100", () => {
    const ind = county361Example.groups[1]!.indicators[0]!;
    expect([ind.id, ind.points, ind.method]).toEqual(["collection", 40, { type: "completion", target: 100, cap: 1 }]);
  });

  it('declared "ratio": 0.965 scores 38.6 of 40, with no warning, and the trace says 0.965 × 100 = 96.5', () => {
    const r = score(county("ratio"), subject);
    expect(collection(r)).toMatchObject({ value: 0.965, earned: 38.6, fraction: 0.965 });
    expect(r.warnings).toBeUndefined();
    expect("warnings" in r).toBe(false);
    expect(r.trace.filter((t) => t.at === "indicator:collection").slice(0, 2)).toEqual([
      { at: "indicator:collection", rule: "unit", values: { value: "0.965", unit: "ratio", factor: "100" }, result: "96.5" },
      expect.objectContaining({ rule: "completion", values: expect.objectContaining({ actual: "96.5", target: "100" }) }),
    ]);
    expect(explain(r)).toContain("征收任务完成率：38.6 / 40 — 比值 0.965 按百分数计：0.965 × 100 = 96.5；完成率 96.5 ÷ 100 = 0.965；40 × 0.965 = 38.6");
    expect(explain(r, { locale: "en" })).toContain("the ratio 0.965 as a percent: 0.965 × 100 = 96.5; completion 96.5 ÷ 100 = 0.965");
    // The same score as 96.5 given without a unit.
    expect(r.total).toBe(score(county361Example, { id: "c001", values: { ...values, collection: 96.5 } }).total);
  });

  it("no unit: 0.965 scores 0.39, with a visible warning worded in Chinese and English", () => {
    const r = score(county361Example, subject);
    expect(collection(r).earned).toBe(0.39);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings![0]!;
    expect(w).toMatchObject({ code: "implausible_value", path: ["values", "collection"] });
    expect(w.params).toEqual({ key: "scoringUndeclaredLooksLikeRatio", name: "征收任务完成率", value: "0.965", percent: "96.5", of: "target", reference: "100" });
    expect(formatIssue(w)).toBe(
      'values.collection：「征收任务完成率」的值 0.965 像是比值（设为百分比格式的单元格会把 96.5% 传成 0.965），而该指标的目标值为 100；已按 0.965 计分。请填 96.5，或在考评方案中为该指标声明 unit：值如 0.965 时为 "ratio"，值如 96.5 时为 "percent"',
    );
    expect(w.message).toBe(
      'values.collection: is 0.965 against a target of 100, which looks like a ratio (a cell formatted as a percent gives 0.965 for 96.5%), and was scored as 0.965; give 96.5, or declare the indicator\'s unit: "ratio" for values such as 0.965, "percent" for values such as 96.5',
    );
    expect(formatIssue(w, { locale: "en" })).toBe(w.message);
  });

  it('declared "percent": 0.965 is scored as given, with a warning', () => {
    const r = score(county("percent"), subject);
    expect(collection(r).earned).toBe(0.39);
    expect(r.warnings!.map((w) => [w.code, w.path, w.params.key])).toEqual([["implausible_value", ["values", "collection"], "scoringPercentLooksLikeRatio"]]);
    expect(formatIssue(r.warnings![0]!)).toBe(
      'values.collection：「征收任务完成率」的值 0.965 像是比值：该指标的值按百分数填写（unit 为 "percent"），而设为百分比格式的单元格会把 96.5% 传成 0.965；请填 96.5，或把该指标的 unit 设为 "ratio"',
    );
    expect(r.warnings![0]!.message).toBe(
      'values.collection: is 0.965, which looks like a ratio: the indicator\'s values are percents (unit "percent"), and a cell formatted as a percent gives 0.965 for 96.5%; give 96.5, or declare the unit "ratio"',
    );
    // 96.5 is what a percent indicator expects: no warning.
    expect(score(county("percent"), { id: "c001", values: { ...values, collection: 96.5 } }).warnings).toBeUndefined();
  });

  it('declared "ratio": 96.5 is scored as 9650 (full marks), with a warning', () => {
    const r = score(county("ratio"), { id: "c001", values: { ...values, collection: 96.5 } });
    expect(collection(r).earned).toBe(40);
    expect(r.warnings!.map((w) => w.params)).toEqual([{ key: "scoringRatioLooksLikePercent", name: "征收任务完成率", value: "96.5", scored: "9650", ratio: "0.965" }]);
    expect(formatIssue(r.warnings![0]!)).toBe(
      'values.collection：「征收任务完成率」的值 96.5 像是百分数：该指标的值按比值填写（unit 为 "ratio"），乘以 100 后按 9650 计分；96.5% 应填 0.965（设为百分比格式的单元格即是如此），或把该指标的 unit 设为 "percent"',
    );
    expect(r.warnings![0]!.message).toBe(
      'values.collection: is 96.5, which looks like a percent: the indicator\'s values are ratios (unit "ratio"), multiplied by 100 and scored as 9650; give 0.965 for 96.5% (as a cell formatted as a percent does), or declare the unit "percent"',
    );
  });

  it("scoreAll, scoreTotals and the fast path give exactly score's warnings", () => {
    for (const unit of [undefined, "percent", "ratio"] as const) {
      const scheme = defineScheme(county(unit));
      const subjects: SubjectInput[] = [0.965, 96.5, "0.965", "96.50", 1, 0, 100, null].map((v, i) => ({ id: `c${i}`, values: { ...values, collection: v } }));
      const one = subjects.map((s) => score(scheme, s));
      expect(scoreAll(scheme, subjects)).toEqual(one);
      expect(scoreTotals(scheme, subjects)).toEqual(one.map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) })));
      // The fast path itself scores every one of them, with the same warnings.
      expectFast(scheme, subjects);
      expect(fastWarnings(scheme, subjects).filter(Boolean).length).toBe(one.filter((r) => r.warnings).length);
      expect(one.filter((r) => r.warnings).length).toBe(unit === "ratio" ? 3 : unit === "percent" ? 2 : 3);
    }
  });

  it("a ratio beyond the fast path's decimals is scored exactly by the full path", () => {
    const scheme = defineScheme(county("ratio"));
    const subjects = [{ id: "a", values: { ...values, collection: "0.9650000001" } }, { id: "b", values: { ...values, collection: 0.96 } }];
    expectLeft(scheme, subjects, [0]);
    expect(collection(score(scheme, subjects[0]!)).fraction).toBe(0.965000000100);
    expect(score(scheme, subjects[0]!).trace.find((t) => t.rule === "unit")!.result).toBe("96.50000001");
  });

  it("a ratio whose percent is beyond ±10^18 is refused, never scored", () => {
    const e = thrown(() => score(county("ratio"), { id: "a", values: { ...values, collection: "100000000000000000" } }));
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([["invalid_number", ["values", "collection"]]]);
  });
});

/** A scheme of one indicator x of 10 points (rounded to 4 decimals, so that the fast path takes every value). */
const one = (method: JsonMethod, unit?: "percent" | "ratio"): SchemeConfig => ({
  id: "u",
  full: 10,
  rounding: { indicator: { decimals: 4 } },
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method, ...(unit ? { unit } : {}) } as IndicatorConfig] }],
});
const warned = (config: SchemeConfig, value: unknown) => {
  const r = score(config, { id: "a", values: { x: value } });
  // The fast path agrees, value by value.
  expectFast(config, [{ id: "a", values: { x: value } }]);
  return r.warnings?.map((w) => w.params.key) ?? [];
};

describe("the plausibility rules and their thresholds", () => {
  it("are the named constants", () => {
    expect([PERCENT_LOOKS_LIKE_RATIO_BELOW, RATIO_LOOKS_LIKE_PERCENT_ABOVE, UNDECLARED_REFERENCE_AT_LEAST, UNDECLARED_LOOKS_LIKE_RATIO_AT_MOST]).toEqual([1, 10, 10, 1]);
  });

  it('unit "percent": a non-zero value below 1 in magnitude', () => {
    const c = one({ type: "completion", target: 100 }, "percent");
    expect(warned(c, 0.999)).toEqual(["scoringPercentLooksLikeRatio"]);
    expect(warned(c, "0.5")).toEqual(["scoringPercentLooksLikeRatio"]);
    expect(warned(c, -0.5)).toEqual(["scoringPercentLooksLikeRatio"]);
    expect(warned(c, 1)).toEqual([]);
    expect(warned(c, 0)).toEqual([]);
    expect(warned(c, "-0")).toEqual([]);
    expect(warned(c, 96.5)).toEqual([]);
    // Whatever the indicator's target: the unit says what the values are.
    expect(warned(one({ type: "completion", target: 5 }, "percent"), 0.5)).toEqual(["scoringPercentLooksLikeRatio"]);
  });

  it('unit "ratio": a value above 10 in magnitude', () => {
    const c = one({ type: "band", best: 100, worst: 60 }, "ratio");
    expect(warned(c, 10)).toEqual([]);
    expect(warned(c, 10.01)).toEqual(["scoringRatioLooksLikePercent"]);
    expect(warned(c, "-11")).toEqual(["scoringRatioLooksLikePercent"]);
    expect(warned(c, 1.2)).toEqual([]);
    expect(warned(c, 0)).toEqual([]);
  });

  it("no unit: a non-zero value of at most 1 in magnitude, where the reference is at least 10", () => {
    const completion = one({ type: "completion", target: 10 });
    expect(warned(completion, 1)).toEqual(["scoringUndeclaredLooksLikeRatio"]);
    expect(warned(completion, -1)).toEqual(["scoringUndeclaredLooksLikeRatio"]);
    expect(warned(completion, 1.01)).toEqual([]);
    expect(warned(completion, 0)).toEqual([]);
    expect(warned(one({ type: "completion", target: 9.99 }), 0.5)).toEqual([]);
    expect(warned(one({ type: "completion", target: 80, direction: "lower" }), 0.5)).toEqual(["scoringUndeclaredLooksLikeRatio"]);
    // A band: its distance from 0 — a band that reaches or passes 0 takes small values as they are.
    expect(warned(one({ type: "band", best: 100, worst: 60 }), 0.9)).toEqual(["scoringUndeclaredLooksLikeRatio"]);
    expect(warned(one({ type: "band", best: -10, worst: -100 }), -0.9)).toEqual(["scoringUndeclaredLooksLikeRatio"]);
    expect(warned(one({ type: "band", best: 0, worst: 10 }), 1)).toEqual([]);
    expect(warned(one({ type: "band", best: 400, worst: -400 }), 0.5)).toEqual([]);
    expect(warned(one({ type: "band", best: 100, worst: 9 }), 0.5)).toEqual([]);
    // Steps: the largest threshold in magnitude.
    expect(warned(one({ type: "steps", steps: [{ atLeast: 90, fraction: 1 }, { atLeast: 0, fraction: 0.5 }] }), 0.95)).toEqual(["scoringUndeclaredLooksLikeRatio"]);
    expect(warned(one({ type: "steps", steps: [{ atMost: -20, fraction: 1 }, { atMost: 0, fraction: 0.5 }] }), 0.5)).toEqual(["scoringUndeclaredLooksLikeRatio"]);
    expect(warned(one({ type: "steps", steps: [{ atMost: 0, fraction: 1 }, { atMost: 5, fraction: 0.5 }] }), 1)).toEqual([]);
    // Methods whose values are no number on a scale are never checked.
    expect(warned(one({ type: "direct", scale: 100 }), 0.5)).toEqual([]);
    expect(warned(one({ type: "deduction", per: 1 }), 1)).toEqual([]);
  });

  it("names the reference in the warning: a band by its ends, steps by the largest threshold", () => {
    const band = score(one({ type: "band", best: 100, worst: 60 }), { id: "a", values: { x: 0.9 } }).warnings![0]!;
    expect(formatIssue(band)).toBe(
      'values.x：值 0.9 像是比值（设为百分比格式的单元格会把 90% 传成 0.9），而该指标的计分区间为最差 60、最好 100；已按 0.9 计分。请填 90，或在考评方案中为该指标声明 unit：值如 0.9 时为 "ratio"，值如 90 时为 "percent"',
    );
    expect(band.message).toContain("is 0.9 against a band from worst 60 to best 100, which looks like a ratio");
    const steps = score(one({ type: "steps", steps: [{ atLeast: 90, fraction: 1 }, { atLeast: 0, fraction: 0.5 }] }), { id: "a", values: { x: 0.95 } }).warnings![0]!;
    expect(formatIssue(steps)).toContain("而该指标的分档阈值最高为 90；");
    expect(steps.message).toContain("is 0.95 against step thresholds reaching 90, which");
  });

  it("is one rule, given only whether the value is 0 and how its magnitude compares with the limit", () => {
    const check = (kind: "percent" | "ratio" | "undeclared") => ({ kind, limit: 1, name: undefined });
    expect([-1, 0, 1].map((vs) => implausible(check("percent"), false, vs))).toEqual([true, false, false]);
    expect([-1, 0, 1].map((vs) => implausible(check("ratio"), false, vs))).toEqual([false, false, true]);
    expect([-1, 0, 1].map((vs) => implausible(check("undeclared"), false, vs))).toEqual([true, true, false]);
    expect(["percent", "ratio", "undeclared"].map((k) => implausible(check(k as "percent"), true, -1))).toEqual([false, false, false]);
  });

  it("gives warnings in scheme order, whatever order the values come in", () => {
    const config: SchemeConfig = {
      id: "o",
      full: 20,
      groups: [
        {
          id: "g",
          points: 20,
          indicators: [
            { id: "a", points: 10, method: { type: "completion", target: 100 } },
            { id: "b", points: 10, unit: "ratio", method: { type: "completion", target: 100 } },
          ],
        },
      ],
    };
    const subjects = [{ id: "s", values: { b: 50, a: 0.5 } }];
    const r = score(config, subjects[0]!);
    expect(r.warnings!.map((w) => w.path)).toEqual([["values", "a"], ["values", "b"]]);
    expectFast(config, subjects);
  });

  it("works the checks out once per scheme, only for indicators that have one", () => {
    const scheme = defineScheme(county("ratio"));
    const plans = unitPlans(scheme);
    expect(unitPlans(scheme)).toBe(plans);
    // political (steps up to 90) and collection (ratio); backlog (a band from 0) and the others have none.
    expect([...plans.keys()]).toEqual(["political", "collection"]);
    expect(plans.get("collection")!.unit).toBe("ratio");
  });
});

describe("the unit field of a scheme", () => {
  it("is refused on a method whose values are no number on a scale", () => {
    for (const method of [
      { type: "grade", grades: { 优: 1 } },
      { type: "direct" },
      { type: "deduction", per: 1 },
      { type: "bonus", per: 1 },
      { type: "rank", step: 1 },
      { type: "votes", grades: { 优: 1 } },
    ] as JsonMethod[]) {
      const r = safeDefineScheme(one(method, "ratio"));
      expect(r.success).toBe(false);
      if (r.success) continue;
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["groups", 0, "indicators", 0, "unit"]]]);
      expect(formatIssue(r.issues[0]!)).toBe(
        `groups[0].indicators[0].unit：只适用于完成率（completion）、区间（band）和分档（steps）计分方法，不适用于「${method.type}」；请删去 unit`,
      );
      expect(r.issues[0]!.message).toBe(
        `groups[0].indicators[0].unit: is only for the completion, band and steps methods, whose values are numbers on a scale, not for "${method.type}"; leave it out`,
      );
    }
    const custom = safeDefineScheme({ ...one({ type: "direct" }), groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, unit: "percent", method: { type: "custom", score: () => 1 } }] }] });
    expect(custom.success).toBe(false);
  });

  it("takes only percent or ratio", () => {
    const r = safeDefineScheme(one({ type: "completion", target: 100 }, "percents" as never));
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_option", ["groups", 0, "indicators", 0, "unit"]]]);
    expect(safeDefineScheme(one({ type: "completion", target: 100 }, "percent")).success).toBe(true);
  });

  it("is in the published JSON Schema with its description", () => {
    const schema = schemeJsonSchema() as { properties: { groups: { items: { properties: { indicators: { items: { properties: Record<string, { enum?: string[]; description?: string }> } } } } } } };
    const unit = schema.properties.groups.items.properties.indicators.items.properties.unit!;
    expect(unit.enum).toEqual(["percent", "ratio"]);
    expect(unit.description).toMatch(/^The unit the values arrive in, for the completion, band and steps methods: "percent" \(96\.5 means 96\.5%/);
  });
});

describe("scoring's issues in Chinese", () => {
  const scheme = defineScheme(county361Example);
  const zh = (call: () => unknown) => thrown(call).issues.map((i) => formatIssue(i));

  it("words each of them from the catalog", () => {
    expect(zh(() => scoreAll(scheme, [subject, subject]))).toEqual(["[1].id：与第 [0] 项重复使用了考评对象编号「c001」；同一批中的编号不能重复"]);
    expect(zh(() => score(scheme, { id: "a", values: { ...values, extra: 1 } }))).toEqual(["values.extra：考评方案「county-personal-2024Q3」中没有这个指标"]);
    const { grabbed: _, ...partial } = values;
    expect(zh(() => score(scheme, { id: "a", values: partial }))).toEqual(["values.grabbed：缺少指标「grabbed」的值：考评方案要为它计分；请填写数值，该指标不适用时填 null"]);
    expect(zh(() => score(scheme, { id: "a", values, vetoes: ["nope"] }))).toEqual(["vetoes[0]：考评方案「county-personal-2024Q3」中没有这个否决项；它的否决项是：discipline"]);
    expect(zh(() => score(scheme, { id: "a", values, vetoes: ["discipline", "discipline"] }))).toEqual(["vetoes[1]：重复列出了否决项「discipline」"]);
    const none = Object.fromEntries(Object.keys(values).map((k) => [k, null]));
    expect(zh(() => score(scheme, { id: "a", values: none }))).toEqual(["values（指标值）：没有任何适用的指标，无从计分"]);
    expect(zh(() => score(scheme, { id: "a", values: { ...values, backlog: { na: true, reason: 5 } } as never }))).toEqual([
      "values.backlog.reason：应为不超过 500 个字符的文本，说明该指标为何不适用，实际是5",
    ]);
    expect(zh(() => score(scheme, { id: "a", values: { ...values, backlog: null }, deductions: [{ points: 1, reason: "r", indicator: "backlog" }] }))).toEqual([
      "deductions[0].indicator：指向指标「backlog」，但该指标对这个考评对象不适用",
    ]);
    expect(zh(() => score(scheme, { id: "a", values, bonus: [{ points: 1, reason: "r", indicator: "nope" }] }))).toEqual(["bonus[0].indicator：考评方案「county-personal-2024Q3」中没有这个指标"]);
    const ranked = defineScheme(one({ type: "rank", step: 1 }));
    expect(zh(() => score(ranked, { id: "a", values: { x: 1 } }))).toEqual(["values.x：按同组排名计分，需要整批计分：请用 scoreAll"]);
  });

  it("keeps the English words as they were", () => {
    const issues = thrown(() => score(scheme, { id: "a", values, vetoes: ["nope"] })).issues;
    expect(issues[0]!.message).toBe('vetoes[0]: names no veto of scheme "county-personal-2024Q3"; its vetoes are discipline');
    const bare = defineScheme(one({ type: "direct" }));
    expect(thrown(() => score(bare, { id: "a", values: { x: 1 }, vetoes: ["v"] })).issues[0]!.message).toBe('vetoes[0]: names no veto of scheme "u"; it has none');
    expect(formatIssue(thrown(() => score(bare, { id: "a", values: { x: 1 }, vetoes: ["v"] })).issues[0]!)).toBe("vetoes[0]：考评方案「u」中没有这个否决项；它没有否决项");
  });

  it("a value whose reading throws cannot be read", () => {
    const votes = one({ type: "votes", grades: { 优: 1, 差: 0 } });
    const value = {
      get 优(): number {
        throw new Error("boom");
      },
    };
    const e = thrown(() => score(votes, { id: "a", values: { x: value } }));
    expect(e.issues.map((i) => [i.code, i.path, i.message, formatIssue(i)])).toEqual([
      ["unreadable_input", ["values", "x", "优"], "values.x[\"优\"]: could not be read (a getter or proxy threw), so nothing of it was used", "values.x[\"优\"]：读取时出错（取值函数或代理抛出了异常），未使用其中任何内容"],
    ]);
  });
});
