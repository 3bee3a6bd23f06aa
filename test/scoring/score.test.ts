import { describe, expect, it } from "vitest";
import {
  defineScheme,
  safeScore,
  safeScoreAll,
  score,
  scoreAll,
  type Issue,
  type SchemeConfig,
  type SubjectInput,
} from "../../src/index.js";

/** The contract scheme: the county's 361 personal scheme the library was first built to score. */
const config: SchemeConfig = {
  id: "county-personal-2024Q3",
  name: "县局个人绩效 361",
  full: 100,
  rounding: { indicator: { decimals: 2, mode: "half-up" }, total: { decimals: 2, mode: "half-up" } },
  notApplicable: "convert",
  groups: [
    {
      id: "common",
      name: "共性指标",
      points: 30,
      indicators: [
        { id: "attendance", name: "考勤", points: 10, method: { type: "deduction", per: 0.5, floor: 0 } },
        { id: "study", name: "学习", points: 10, kind: "qualitative", method: { type: "grade", grades: { 优: 1, 良: 0.85, 中: 0.7, 差: 0.5 } } },
        {
          id: "political",
          name: "政治素质",
          points: 10,
          method: {
            type: "steps",
            steps: [
              { atLeast: 90, fraction: 1 },
              { atLeast: 75, fraction: 0.8 },
              { atLeast: 0, fraction: 0.5 },
            ],
          },
        },
      ],
    },
    {
      id: "individual",
      name: "个性指标",
      points: 60,
      indicators: [
        { id: "collection", name: "征收任务完成率", points: 40, kind: "quantitative", source: "system", method: { type: "completion", target: 100, cap: 1 } },
        { id: "backlog", name: "积压件", points: 20, method: { type: "band", best: 0, worst: 10 } },
      ],
    },
    { id: "competitive", name: "竞争性指标", points: 10, indicators: [{ id: "grabbed", name: "抢单得分", points: 10, method: { type: "direct" } }] },
  ],
  adjustments: { bonus: { cap: 3 }, deduction: { cap: 5 } },
  vetoes: [{ id: "discipline", name: "违纪违法", effect: "zero" }],
};
const scheme = defineScheme(config);
const withVetoes = defineScheme({
  ...config,
  vetoes: [
    { id: "discipline", name: "违纪违法", effect: "zero" },
    { id: "yellow", name: "黄牌", effect: "cap", cap: 60 },
    { id: "party", name: "党建评定为差", effect: "flag" },
  ],
});
const excluding = defineScheme({ ...config, notApplicable: "exclude" });

const values = { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 };
const c001: SubjectInput = { id: "c001", values, bonus: [{ points: 1, reason: "创新" }] };
/** c001's values without its bonus: indicators add up to 85.3. */
const plain = (extra: Partial<SubjectInput> = {}): SubjectInput => ({ id: "c001", values, ...extra });

function issuesOf(fn: () => unknown): readonly Issue[] {
  try {
    fn();
  } catch (error) {
    return (error as { issues: readonly Issue[] }).issues;
  }
  throw new Error("expected an error");
}

describe("the issue's example", () => {
  it("scores c001: indicators 9, 8.5, 8, 38.6, 14, 7.2 and total 86.3", () => {
    const r = score(scheme, c001);
    expect(r.indicators.map((i) => [i.id, i.earned, i.exact])).toEqual([
      ["attendance", 9, "9"],
      ["study", 8.5, "8.5"],
      ["political", 8, "8"],
      ["collection", 38.6, "38.6"],
      ["backlog", 14, "14"],
      ["grabbed", 7.2, "7.2"],
    ]);
    expect(r.groups.map((g) => [g.id, g.earned, g.exact, g.applicablePoints])).toEqual([
      ["common", 25.5, "25.5", 30],
      ["individual", 52.6, "52.6", 60],
      ["competitive", 7.2, "7.2", 10],
    ]);
    expect(r.base).toBe(85.3);
    expect(r.bonus).toEqual({ items: [{ points: 1, reason: "创新" }], requested: 1, cap: 3, applied: 1, exact: "1" });
    expect(r.total).toBe(86.3);
    expect(r.exact).toBe("86.3");
    expect(r).toMatchObject({ schemeId: "county-personal-2024Q3", subjectId: "c001", full: 100, applicablePoints: 100, vetoes: [], flags: [] });
    expect(r.indicators[1]).toMatchObject({ name: "学习", group: "common", method: "grade", points: 10, applicable: true, value: "良", fraction: 0.85 });
  });

  it("does not mutate the subject", () => {
    const subject = JSON.parse(JSON.stringify(c001));
    score(scheme, subject);
    expect(subject).toEqual(c001);
  });
});

describe("not-applicable values", () => {
  it('"convert": 实得分 ÷ 应得分 × 满分 (71.3 ÷ 80 × 100 = 89.125 → 89.13)', () => {
    for (const na of [null, { na: true }, { na: true, reason: "无积压件业务" }]) {
      const r = score(scheme, plain({ values: { ...values, backlog: na } }));
      expect(r.indicators[4]).toMatchObject({ id: "backlog", applicable: false, fraction: null, earned: 0 });
      expect(r.groups[1]).toMatchObject({ earned: 38.6, applicablePoints: 40 });
      expect(r.applicablePoints).toBe(80);
      expect(r.base).toBe(89.125);
      expect(r.total).toBe(89.13);
      expect(r.trace.find((t) => t.rule === "convert")).toEqual({
        at: "total",
        rule: "convert",
        values: { earned: "71.3", applicablePoints: "80", full: "100" },
        result: "89.125",
      });
    }
  });

  it("records the reason of { na: true, reason }", () => {
    const r = score(scheme, plain({ values: { ...values, backlog: { na: true, reason: "无积压件业务" } } }));
    expect(r.trace.find((t) => t.at === "indicator:backlog")).toEqual({
      at: "indicator:backlog",
      rule: "not-applicable",
      values: { points: "20", reason: "无积压件业务" },
      result: "0",
    });
  });

  it('"exclude": leaves the indicator out (71.3)', () => {
    const r = score(excluding, plain({ values: { ...values, backlog: null } }));
    expect(r.base).toBe(71.3);
    expect(r.total).toBe(71.3);
    expect(r.applicablePoints).toBe(80);
  });

  it("converts over two groups' missing points", () => {
    // 25.5 + 38.6 = 64.1 earned of 70 applicable → 91.571428… → 91.57
    const r = score(scheme, plain({ values: { ...values, backlog: null, grabbed: { na: true } } }));
    expect(r.total).toBe(91.57);
  });

  it("rejects a subject with nothing applicable", () => {
    const all = Object.fromEntries(Object.keys(values).map((k) => [k, null]));
    expect(issuesOf(() => score(scheme, plain({ values: all }))).map((i) => i.code)).toEqual(["invalid_value"]);
  });
});

describe("missing values", () => {
  const { backlog: _, ...withoutBacklog } = values;

  it("are an error by default", () => {
    const issues = issuesOf(() => score(scheme, plain({ values: withoutBacklog })));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["missing_value", ["values", "backlog"]]]);
    expect(issues[0]!.message).toContain("backlog");
    expect(issuesOf(() => score(scheme, plain({ values: withoutBacklog }), { missing: "error" }))).toHaveLength(1);
  });

  it('are not applicable with missing: "not-applicable"', () => {
    const r = score(scheme, plain({ values: withoutBacklog }), { missing: "not-applicable" });
    expect(r.indicators[4]).toMatchObject({ applicable: false, earned: 0 });
    expect(r.total).toBe(89.13);
  });

  it('score 0 with missing: "zero"', () => {
    const r = score(scheme, plain({ values: withoutBacklog }), { missing: "zero" });
    expect(r.indicators[4]).toMatchObject({ applicable: true, earned: 0 });
    expect(r.applicablePoints).toBe(100);
    expect(r.total).toBe(71.3);
  });

  it("rejects an unknown missing option", () => {
    const issues = issuesOf(() => score(scheme, plain(), { missing: "skip" as never }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["invalid_option", ["options", "missing"]]]);
  });
});

describe("values", () => {
  it("rejects an id that names no indicator", () => {
    const issues = issuesOf(() => score(scheme, plain({ values: { ...values, attendence: 1 } })));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["unknown_id", ["values", "attendence"]]]);
    expect(issues[0]!.message).toContain("county-personal-2024Q3");
  });

  it("reports every bad value at once", () => {
    const issues = issuesOf(() => score(scheme, plain({ values: { ...values, study: "好", collection: "abc", grabbed: 11 } })));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["unknown_grade", "values.study"],
      ["invalid_number", "values.collection"],
      ["invalid_value", "values.grabbed"],
    ]);
  });
});

describe("bonus and deduction lists", () => {
  it("caps the bonus at 3", () => {
    const r = score(scheme, plain({ bonus: [{ points: 2, reason: "创新" }, { points: "2", reason: "表彰" }] }));
    expect(r.bonus).toMatchObject({ requested: 4, cap: 3, applied: 3 });
    expect(r.total).toBe(88.3);
  });

  it("caps the deduction at 5", () => {
    const r = score(scheme, plain({ deductions: [{ points: 4, reason: "差错" }, { points: 3, reason: "投诉" }] }));
    expect(r.deductions).toMatchObject({ requested: 7, cap: 5, applied: 5 });
    expect(r.total).toBe(80.3);
  });

  it("applies both under their caps", () => {
    const r = score(scheme, plain({ bonus: [{ points: 1, reason: "创新" }], deductions: [{ points: 2.5, reason: "差错" }] }));
    expect(r.total).toBe(83.8);
  });

  it("has no cap where the scheme gives none", () => {
    const uncapped = defineScheme({ ...config, adjustments: undefined } as never);
    const r = score(uncapped, plain({ bonus: [{ points: 10, reason: "x" }] }));
    expect(r.bonus).toMatchObject({ requested: 10, cap: null, applied: 10 });
    expect(r.total).toBe(95.3);
  });
});

describe("vetoes", () => {
  it("zero sets the total to 0", () => {
    const r = score(scheme, { ...c001, vetoes: ["discipline"] });
    expect(r.total).toBe(0);
    expect(r.base).toBe(85.3);
    expect(r.vetoes).toEqual([{ id: "discipline", name: "违纪违法", effect: "zero" }]);
  });

  it("cap caps the total, and leaves a lower total alone", () => {
    expect(score(withVetoes, { ...c001, vetoes: [{ id: "yellow", reason: "黄牌警告" }] }).total).toBe(60);
    const low = plain({ values: { ...values, collection: 0 }, vetoes: ["yellow"] });
    expect(score(withVetoes, low).total).toBe(46.7);
  });

  it("flag records the veto in flags and leaves the total", () => {
    const r = score(withVetoes, { ...c001, vetoes: [{ id: "party", reason: "党建评定为差" }] });
    expect(r.total).toBe(86.3);
    expect(r.flags).toEqual([{ id: "party", name: "党建评定为差", source: "veto:party", reason: "党建评定为差" }]);
  });

  it("rejects an unknown veto and a repeated one", () => {
    const issues = issuesOf(() => score(withVetoes, { ...c001, vetoes: ["dicipline", "party", "party"] }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_id", ["vetoes", 0]],
      ["duplicate_id", ["vetoes", 2]],
    ]);
    expect(issues[0]!.message).toContain("discipline, yellow, party");
  });
});

describe("the total", () => {
  it("is never below 0", () => {
    const tiny = defineScheme({
      id: "tiny",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
    });
    const r = score(tiny, { id: "s", values: { x: 1 }, deductions: [{ points: 3.5, reason: "差错" }] });
    expect(r.total).toBe(0);
    expect(Object.is(r.total, 0)).toBe(true);
    expect(r.trace.at(-1)).toEqual({ at: "total", rule: "clamp", values: { value: "-2.5", floor: "0" }, result: "0" });
  });
});

describe("the trace", () => {
  it("has at, rule, string values and a string result on every step", () => {
    const r = score(withVetoes, {
      ...c001,
      values: { ...values, backlog: null },
      deductions: [{ points: 0.5, reason: "差错" }],
      vetoes: ["party"],
    });
    expect(r.trace.length).toBeGreaterThan(10);
    for (const step of r.trace) {
      expect(Object.keys(step).sort()).toEqual(["at", "result", "rule", "values"]);
      expect(step.at).toMatch(/^(indicator:|group:|veto:|bonus$|deduction$|total$)/);
      expect(typeof step.rule).toBe("string");
      expect(typeof step.result).toBe("string");
      for (const v of Object.values(step.values)) expect(typeof v).toBe("string");
    }
    expect(r.trace.map((t) => `${t.at} ${t.rule}`)).toContain("indicator:collection completion");
    expect(r.trace.at(-1)).toMatchObject({ at: "total", rule: "round", result: "89.63" });
  });
});

describe("scoreAll", () => {
  const subjects: SubjectInput[] = [
    { id: "c003", values: { ...values, grabbed: 9 } },
    { id: "c001", values },
    { id: "c002", values: { ...values, attendance: 0 } },
  ];

  it("sorts the results by subject id", () => {
    const out = scoreAll(scheme, subjects);
    expect(out.map((r) => [r.subjectId, r.total])).toEqual([
      ["c001", 85.3],
      ["c002", 86.3],
      ["c003", 87.1],
    ]);
    expect(scoreAll(scheme, [...subjects].reverse())).toEqual(out);
  });

  it("rejects duplicate subject ids, the path starting with the subject index", () => {
    const r = safeScoreAll(scheme, [...subjects, { id: "c001", values }]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["duplicate_id", [3, "id"]]]);
    expect(r.issues[0]!.message).toContain('"c001"');
  });

  it("reports value problems with the subject's index first", () => {
    const r = safeScoreAll(scheme, [subjects[0]!, { id: "c009", values: { ...values, study: "好" } }]);
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["unknown_grade", [1, "values", "study"]]]);
  });

  it("rejects a subject that is not an object, at its index", () => {
    const r = safeScoreAll(scheme, [subjects[0]!, null as unknown as SubjectInput]);
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_type", [1]]]);
  });

  it("gives an empty list for no subjects", () => {
    expect(scoreAll(scheme, [])).toEqual([]);
  });
});

describe("safeScore", () => {
  it("returns issues instead of throwing", () => {
    const r = safeScore(scheme, { id: "c001", values: { ...values, grabbed: -1 } });
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_value", ["values", "grabbed"]]]);
  });
});
