import { describe, expect, it } from "vitest";
import { explain, safeDefineScheme, safeScore, safeScoreAll, score, scoreAll, type Method, type SchemeConfig } from "../../src/index.js";
import { oneIndicator } from "../helpers.js";

// Behaviours of the methods that the other tests leave unpinned: issue texts, trace values, the
// exact (multiply before dividing) quotients, and values of the wrong kind.

const at = "groups.0.indicators.0.method";
const shown = "groups[0].indicators[0].method";

/** The issues of a scheme whose one indicator `x` is scored by `method`, as [code, path, message]. */
function schemeIssues(method: unknown, points = 10) {
  const r = safeDefineScheme(oneIndicator(method as Method, points));
  return r.success ? [] : r.issues.map((i) => [i.code, i.path.join("."), i.message]);
}

/** The issues of scoring `value` for indicator `x`, as [code, path, message]. */
function valueIssues(method: Method, value: unknown, points = 10) {
  const r = safeScore(oneIndicator(method, points), { id: "s", values: { x: value } });
  return r.success ? [] : r.issues.map((i) => [i.code, i.path.join("."), i.message]);
}

/** The method's trace step for indicator `x`: its values and its exact result. */
function step(method: Method, value: unknown, points = 10, config: Partial<SchemeConfig> = {}) {
  const r = score({ ...oneIndicator(method, points), ...config }, { id: "s", values: { x: value } });
  const t = r.trace.find((s) => s.at === "indicator:x" && s.rule === method.type)!;
  return { values: t.values, result: t.result, earned: r.indicators[0]!.earned, explained: explain(r, { locale: "en" }) };
}

describe("values.ts", () => {
  it("says what a number is when the value is of another type", () => {
    // values.ts:12
    expect(valueIssues({ type: "completion", target: 100 }, true)).toEqual([
      ["invalid_type", "values.x", 'values.x: must be a number or decimal text such as "96.5", not a boolean'],
    ]);
  });

  it("reports a count that is no number as a number problem, not as unreadable", () => {
    // values.ts:18 — readCount returns readNumber's problem as it is.
    expect(valueIssues({ type: "deduction", per: 1 }, "abc")).toEqual([
      ["invalid_number", "values.x", 'values.x: must be a finite decimal number within ±10^18, not text "abc"'],
    ]);
    expect(valueIssues({ type: "bonus", per: 1 }, {})).toEqual([
      ["invalid_type", "values.x", 'values.x: must be a number or decimal text such as "96.5", not an object'],
    ]);
  });

  it("says a count cannot be negative", () => {
    // values.ts:19
    expect(valueIssues({ type: "deduction", per: 1 }, -2)).toEqual([["invalid_value", "values.x", "values.x: is a count and cannot be negative, not -2"]]);
  });
});

describe("band.ts", () => {
  it("reports a best, worst or worstFraction that is no number as such", () => {
    // band.ts:34-35 — the refinement skips what it cannot read instead of failing on it.
    expect(schemeIssues({ type: "band", best: "abc", worst: 5 })).toEqual([
      ["invalid_number", `${at}.best`, `${shown}.best: must be decimal text such as "96.5", not text "abc"`],
    ]);
    expect(schemeIssues({ type: "band", best: 5, worst: "abc" })).toEqual([
      ["invalid_number", `${at}.worst`, `${shown}.worst: must be decimal text such as "96.5", not text "abc"`],
    ]);
    expect(schemeIssues({ type: "band", best: 5, worst: 0, worstFraction: "abc" })).toEqual([
      ["invalid_number", `${at}.worstFraction`, `${shown}.worstFraction: must be decimal text such as "96.5", not text "abc"`],
    ]);
  });

  it("says why a worstFraction of 1 is refused", () => {
    // band.ts:36
    expect(schemeIssues({ type: "band", best: 10, worst: 0, worstFraction: 1 })).toEqual([
      ["out_of_range", `${at}.worstFraction`, `${shown}.worstFraction: must be less than 1 (at 1 every value would earn full points)`],
    ]);
  });

  it("reports a value that is no number as a number problem", () => {
    // band.ts:50
    expect(valueIssues({ type: "band", best: 10, worst: 0 }, "abc")).toEqual([
      ["invalid_number", "values.x", 'values.x: must be a finite decimal number within ±10^18, not text "abc"'],
    ]);
  });

  it("multiplies before dividing inside the band: 3 × 1 ÷ 3 is exactly 1", () => {
    // band.ts:54 — 3 × (1/3 carried to 40 digits) would be 0.999…
    expect(step({ type: "band", best: 3, worst: 0 }, 1, 3).result).toBe("1");
  });

  it("records its inputs in the trace", () => {
    // band.ts:59
    expect(step({ type: "band", best: 0, worst: 10, worstFraction: 0.5 }, 4, 20)).toMatchObject({
      values: { value: "4", best: "0", worst: "10", position: "0.6", worstFraction: "0.5", fraction: "0.8", points: "20" },
      result: "16",
    });
  });
});

describe("bonus.ts", () => {
  it("records its inputs in the trace", () => {
    // bonus.ts:35
    expect(step({ type: "bonus", per: 1.5 }, 3, 4)).toMatchObject({ values: { count: "3", per: "1.5", raw: "4.5", points: "4" }, result: "4" });
  });
});

describe("completion.ts", () => {
  it("multiplies before dividing: 3 × 1 ÷ 3 is exactly 1", () => {
    // completion.ts:44
    expect(step({ type: "completion", target: 3 }, 1, 3).result).toBe("1");
    expect(step({ type: "completion", target: 1, direction: "lower" }, 3, 3).result).toBe("1");
  });

  it('records the direction "higher" in the trace when more is better', () => {
    // completion.ts:51
    expect(step({ type: "completion", target: 100 }, 80).values).toEqual({
      actual: "80",
      target: "100",
      direction: "higher",
      ratio: "0.8",
      cap: "1",
      fraction: "0.8",
      points: "10",
    });
    expect(step({ type: "completion", target: 100, direction: "lower" }, 125).values.direction).toBe("lower");
  });
});

describe("custom.ts", () => {
  const base = (score: unknown, describe?: string) => ({ type: "custom", score, ...(describe ? { describe } : {}) }) as Method;

  it("refuses a score that is not a function", () => {
    // custom.ts:38
    expect(schemeIssues(base(5))).toEqual([["invalid_type", `${at}.score`, `${shown}.score: must be a function`]]);
  });

  it("keeps the first 200 characters of a failing function's message", () => {
    // custom.ts:53
    const long = "x".repeat(250);
    const issues = valueIssues(
      base(() => {
        throw new Error(long);
      }),
      1,
    );
    expect(issues).toEqual([["custom_failed", "values.x", `values.x: the custom scoring function failed: ${"x".repeat(200)}`]]);
  });

  it("says what the function returned when it is not a score", () => {
    // custom.ts:57
    expect(valueIssues(base(() => 11), 1)).toEqual([["custom_failed", "values.x", "values.x: the custom scoring function returned 11, not a score from 0 to 10"]]);
  });

  it('names the rule "custom" in the trace when it has no description', () => {
    // custom.ts:61
    expect(step(base(() => 4), 1).values).toEqual({ rule: "custom", score: "4", points: "10" });
  });
});

describe("deduction.ts", () => {
  it("says a floor above the indicator's points is out of range", () => {
    // deduction.ts:37
    expect(schemeIssues({ type: "deduction", per: 1, floor: 12 })).toEqual([
      ["out_of_range", `${at}.floor`, `${shown}.floor (下限): is 12, more than the indicator's 10 points`],
    ]);
  });

  it("records the largest deduction in the trace and the explanation", () => {
    // deduction.ts:55
    const s = step({ type: "deduction", per: 2, max: 3 }, 5);
    expect(s.values).toEqual({ count: "5", per: "2", deducted: "3", max: "3", floor: "0", points: "10", raw: "7" });
    expect(s.explained).toContain("deduction: 5 × 2 = 3 off (at most 3); 10 − 3 = 7");
  });
});

describe("direct.ts", () => {
  it("names the scale, without the word points, when a score is beyond it", () => {
    // direct.ts:37
    expect(valueIssues({ type: "direct", scale: 100 }, 120)).toEqual([["invalid_value", "values.x", "values.x: is a score of 120, outside 0 to 100"]]);
    expect(valueIssues({ type: "direct" }, 12)).toEqual([["invalid_value", "values.x", "values.x: is a score of 12, outside 0 to 10 points"]]);
  });
});

describe("grade.ts", () => {
  const grades = { type: "grade", grades: { 优: 1, 良: 0.8 } } as const;

  it("says a grade is a name when the value is not text", () => {
    // grade.ts:34
    expect(valueIssues(grades, 1)).toEqual([["invalid_type", "values.x", "values.x: must be a grade name (one of 优, 良), not 1"]]);
  });

  it("quotes the first 40 characters of an unknown grade", () => {
    // grade.ts:36
    expect(valueIssues(grades, `${"a".repeat(40)}bcd`)).toEqual([
      ["unknown_grade", "values.x", `values.x: is "${"a".repeat(40)}", which is not a grade of this indicator; the grades are 优, 良`],
    ]);
  });

  it("records the grade in the trace", () => {
    // grade.ts:37
    expect(step(grades, "良")).toMatchObject({ values: { grade: "良", fraction: "0.8", points: "10" }, result: "8" });
  });
});

describe("rank.ts", () => {
  const batch = (method: Method, values: readonly unknown[], points = 10) =>
    scoreAll(
      oneIndicator(method, points),
      values.map((x, i) => ({ id: `s${i}`, values: { x } })),
    );
  const batchIssues = (method: Method, values: readonly unknown[]) => {
    const r = safeScoreAll(
      oneIndicator(method),
      values.map((x, i) => ({ id: `s${i}`, values: { x } })),
    );
    return r.success ? [] : r.issues.map((i) => [i.code, i.path.join("."), i.message]);
  };

  it('says a rank must give exactly one of "step" or "proportional"', () => {
    // rank.ts:37
    expect(schemeIssues({ type: "rank", step: 1, proportional: true })).toEqual([
      ["invalid_rule", at, `${shown} (计分方法): must give exactly one of "step" or "proportional": true`],
    ]);
  });

  it("reports a value that is no number, for proportional ranking too", () => {
    // rank.ts:52
    expect(batchIssues({ type: "rank", proportional: true }, [5, "abc"])).toEqual([
      ["invalid_number", "1.values.x", '[1].values.x: must be a finite decimal number within ±10^18, not text "abc"'],
    ]);
  });

  it("refuses a negative value for proportional ranking, not for ranking by step", () => {
    // rank.ts:53
    expect(batchIssues({ type: "rank", proportional: true }, [5, -1])).toEqual([
      ["invalid_value", "1.values.x", "[1].values.x: must not be negative for proportional rank scoring, not -1"],
    ]);
    expect(batchIssues({ type: "rank", step: 1 }, [5, -1])).toEqual([]);
  });

  it("gives everyone full points when every value is 0", () => {
    // rank.ts:75 — the leader's 0 is never divided by.
    const earned = (direction: "higher" | "lower") => batch({ type: "rank", proportional: true, direction }, [0, 0]).map((r) => r.indicators[0]!.earned);
    expect(earned("higher")).toEqual([10, 10]);
    expect(earned("lower")).toEqual([10, 10]);
  });

  it("multiplies before dividing in proportion: 3 × 1 ÷ 3 is exactly 1", () => {
    // rank.ts:75
    const results = batch({ type: "rank", proportional: true }, [3, 1], 3);
    expect(results.map((r) => r.trace[0]!.result)).toEqual(["3", "1"]);
    const lower = batch({ type: "rank", proportional: true, direction: "lower" }, [1, 3], 3);
    expect(lower.map((r) => r.trace[0]!.result)).toEqual(["3", "1"]);
  });
});

describe("steps.ts", () => {
  it("says a step needs exactly one threshold and exactly one of fraction or points", () => {
    // steps.ts:40, 42
    expect(schemeIssues({ type: "steps", steps: [{ fraction: 1 }] })).toEqual([
      ["invalid_rule", `${at}.steps.0`, `${shown}.steps[0]: must give exactly one threshold: atLeast or atMost`],
    ]);
    expect(schemeIssues({ type: "steps", steps: [{ atLeast: 1 }] })).toEqual([
      ["invalid_rule", `${at}.steps.0`, `${shown}.steps[0]: must give exactly one of fraction or points`],
    ]);
  });

  it("names the step whose threshold is repeated", () => {
    // steps.ts:62
    expect(schemeIssues({ type: "steps", steps: [{ atLeast: 5, fraction: 1 }, { atLeast: "5.0", fraction: 0.5 }] })).toEqual([
      ["invalid_rule", `${at}.steps.1`, `${shown}.steps[1]: repeats the threshold 5 of steps[0]`],
    ]);
  });

  it("says a step's points above the indicator's points are out of range", () => {
    // steps.ts:85
    expect(schemeIssues({ type: "steps", steps: [{ atLeast: 5, points: 12 }] })).toEqual([
      ["out_of_range", `${at}.steps.0.points`, `${shown}.steps[0].points (分值): is 12, more than the indicator's 10 points`],
    ]);
  });

  it("reports a value that is no number as a number problem", () => {
    // steps.ts:94
    expect(valueIssues({ type: "steps", steps: [{ atLeast: 5, fraction: 1 }] }, "abc")).toEqual([
      ["invalid_number", "values.x", 'values.x: must be a finite decimal number within ±10^18, not text "abc"'],
    ]);
  });

  it("records a value that reaches no step as step none, fraction 0", () => {
    // steps.ts:96
    const s = step({ type: "steps", steps: [{ atLeast: 5, fraction: 1 }] }, 4);
    expect(s).toMatchObject({ values: { value: "4", step: "none", fraction: "0", points: "10" }, result: "0" });
    expect(s.explained).toContain("steps: 4 reaches no step, 0");
  });

  it("records the step reached with its sign, ≥ or ≤", () => {
    // steps.ts:88, 102, 104
    const higher = step({ type: "steps", steps: [{ atLeast: 5, fraction: 0.5 }, { atLeast: 8, fraction: 1 }] }, 6);
    expect(higher).toMatchObject({ values: { value: "6", step: "≥ 5", fraction: "0.5", points: "10" }, result: "5" });
    expect(higher.explained).toContain('steps: 6 reaches the step "≥ 5"; 10 × 0.5 = 5');
    const lower = step({ type: "steps", steps: [{ atMost: 5, fraction: 0.5 }, { atMost: 2, fraction: 1 }] }, 3);
    expect(lower.values).toEqual({ value: "3", step: "≤ 5", fraction: "0.5", points: "10" });
  });

  it("records a step's points in the trace", () => {
    // steps.ts:107
    const s = step({ type: "steps", steps: [{ atLeast: 5, points: 4 }] }, 6);
    expect(s.values).toEqual({ value: "6", step: "≥ 5", fraction: "0.4", points: "10", stepPoints: "4" });
    expect(s.explained).toContain('steps: 6 reaches the step "≥ 5"; 4 points');
  });
});

describe("votes.ts", () => {
  const grades = { 优秀: 1, 称职: 0.8, 不称职: 0 };

  it("says votes are counts by grade when the value is not a plain object", () => {
    // votes.ts:92-93
    const words = (what: string) => [["invalid_type", "values.x", `values.x: must be vote counts by grade (such as { "优秀": 12, "称职": 5 }), not ${what}`]];
    expect(valueIssues({ type: "votes", grades }, 5)).toEqual(words("5"));
    expect(valueIssues({ type: "votes", grades }, "ab")).toEqual(words('text "ab"'));
    expect(valueIssues({ type: "votes", grades }, [3])).toEqual(words("a list of 1"));
  });

  it("quotes the first 40 characters of a grade it does not know", () => {
    // votes.ts:97
    expect(valueIssues({ type: "votes", grades }, { [`${"a".repeat(40)}bcd`]: 1 })).toEqual([
      ["unknown_grade", "values.x", `values.x: counts votes for "${"a".repeat(40)}", which is not a grade; the grades are 优秀, 称职, 不称职`],
    ]);
  });

  it("says a vote count is a whole number", () => {
    // votes.ts:100
    expect(valueIssues({ type: "votes", grades }, { 优秀: 1.5 })).toEqual([
      ["invalid_value", "values.x", 'values.x: has 1.5 votes for "优秀"; a vote count is a whole number of at least 0'],
    ]);
  });

  it("records the votes and value of every grade, the total and the fraction in the trace", () => {
    // votes.ts:110, 111, 125
    const s = step({ type: "votes", grades }, { 优秀: 3, 称职: 1 });
    expect(s.values).toEqual({
      "votes:优秀": "3",
      "value:优秀": "1",
      "votes:称职": "1",
      "value:称职": "0.8",
      "votes:不称职": "0",
      "value:不称职": "0",
      total: "4",
      fraction: "0.95",
      points: "10",
    });
    expect(s.explained).toContain("votes: 优秀 3 × 1, 称职 1 × 0.8, 不称职 0 × 0; 4 votes, fraction 0.95; 10 × 0.95 = 9.5");
  });

  it("joins the flag's grades with + and trims its share in the reason", () => {
    // votes.ts:122
    const r = score(oneIndicator({ type: "votes", grades, flag: { id: "low", grades: ["称职", "不称职"], atLeast: " 1/3 " } }), {
      id: "s",
      values: { x: { 优秀: 2, 称职: 1, 不称职: 1 } },
    });
    expect(r.flags).toEqual([{ id: "low", source: "indicator:x", reason: "称职+不称职 2/4 ≥ 1/3" }]);
  });
});
