import { describe, expect, it } from "vitest";
import { aggregatePeriods, safeAggregatePeriods, type AggregationPolicy, type PeriodScore } from "../../src/index.js";
import { brief, issuesOf, messageOf } from "./fixtures.js";

const Q3: PeriodScore[] = [
  { period: "2024-07", score: 90 },
  { period: "2024-08", score: "85.5" },
  { period: "2024-09", score: 80 },
];
const julyAug = Q3.slice(0, 2);

describe("aggregatePeriods: months into a quarter and a year (R15)", () => {
  it("sums, averages or weights the months", () => {
    expect(aggregatePeriods(Q3, "2024-Q3", { rule: "sum", missing: "error" })).toMatchObject({ period: "2024-Q3", score: 255.5, exact: "255.5" });
    expect(aggregatePeriods(Q3, "2024-Q3", { rule: "mean", missing: "error" }).exact).toBe("85.16666666666666666666666666666666666667");
    // (90 × 1 + 85.5 × 1 + 80 × 2) ÷ 4 = 335.5 ÷ 4 = 83.875
    const weighted = aggregatePeriods(Q3, "2024-Q3", { rule: "weighted", weights: [1, 1, 2], missing: "error" });
    expect(weighted.exact).toBe("83.875");
    expect(weighted.parts).toEqual([
      { period: "2024-07", score: "90", counted: "90", weight: "1" },
      { period: "2024-08", score: "85.5", counted: "85.5", weight: "1" },
      { period: "2024-09", score: "80", counted: "80", weight: "2" },
    ]);
    expect(weighted.trace).toEqual([{ at: "period", rule: "weighted", values: { "2024-07": "90 × 1", "2024-08": "85.5 × 1", "2024-09": "80 × 2" }, result: "83.875" }]);
  });

  it("follows the missing-month policy: skip, zero, a fill, or error", () => {
    const skip = aggregatePeriods(julyAug, "2024-Q3", { rule: "mean", missing: "skip" });
    expect(skip.exact).toBe("87.75");
    expect(skip.parts[2]).toEqual({ period: "2024-09", score: null, counted: null });
    expect(skip.trace[0]!.values["2024-09"]).toBe("missing");
    // (90 + 85.5 + 0) ÷ 3 = 58.5
    expect(aggregatePeriods(julyAug, "2024-Q3", { rule: "mean", missing: "zero" }).exact).toBe("58.5");
    // (90 + 85.5 + 80) ÷ 3 = 85.1666…, rounded half up to 85.17
    const fill = aggregatePeriods(julyAug, "2024-Q3", { rule: "mean", missing: { fill: 80 }, rounding: { decimals: 2, mode: "half-up" } });
    expect(fill).toMatchObject({ score: 85.17, exact: "85.17" });
    expect(fill.parts[2]).toEqual({ period: "2024-09", score: null, counted: "80" });
    // Weighted with a month skipped: only the weights of the months counted. (90 × 1 + 85.5 × 1) ÷ 2
    expect(aggregatePeriods(julyAug, "2024-Q3", { rule: "weighted", weights: [1, 1, 2], missing: "skip" }).exact).toBe("87.75");
    const error = issuesOf(() => aggregatePeriods(julyAug, "2024-Q3", { rule: "sum", missing: "error" }));
    expect(brief(error)).toEqual(["missing_value scores"]);
    expect(messageOf(() => aggregatePeriods(julyAug, "2024-Q3", { rule: "sum", missing: "error" }))).toMatchInlineSnapshot(`
      "The score of 2024-Q3 cannot be made: 1 issue
        - scores: 2024-09 has no score, and the policy allows none to be missing"
    `);
  });

  it("caps and rounds the result, and says so in the trace", () => {
    const capped = aggregatePeriods(Q3, "2024-Q3", { rule: "sum", missing: "error", cap: { max: 250 } });
    expect(capped.exact).toBe("250");
    expect(capped.trace.map((t) => t.rule)).toEqual(["sum", "clamp"]);
    expect(capped.trace[1]!.result).toBe("250");
    expect(aggregatePeriods(Q3, "2024-Q3", { rule: "sum", missing: "error", cap: { min: 300 } }).exact).toBe("300");
    expect(aggregatePeriods(Q3, "2024-Q3", { rule: "sum", missing: "error", cap: { min: 0, max: 300 } }).trace).toHaveLength(1);
    const rounded = aggregatePeriods(Q3, "2024-Q3", { rule: "mean", missing: "error", rounding: { decimals: 1, mode: "half-up" } });
    expect(rounded.exact).toBe("85.2");
    expect(rounded.trace.map((t) => t.rule)).toEqual(["mean", "round"]);
  });

  it("makes a year from months, quarters or half-years", () => {
    const months = Array.from({ length: 12 }, (_, i) => ({ period: `2024-${String(i + 1).padStart(2, "0")}`, score: i + 1 }));
    expect(aggregatePeriods(months, "2024", { rule: "sum", missing: "error" }).exact).toBe("78");
    expect(aggregatePeriods(months, "2024", { rule: "mean", missing: "error" }).exact).toBe("6.5");
    const quarters = ["Q1", "Q2", "Q3", "Q4"].map((q, i) => ({ period: `2024-${q}`, score: (i + 1) * 10 }));
    expect(aggregatePeriods(quarters, "2024", { of: "quarter", rule: "weighted", weights: [0.1, 0.2, 0.3, 0.4], missing: "error" }).exact).toBe("30");
    expect(aggregatePeriods([{ period: "2024-H1", score: 40 }, { period: "2024-H2", score: 50 }], "2024", { of: "half", rule: "sum", missing: "error" }).exact).toBe("90");
  });

  it("makes a month from ISO weeks, each counted in the month of its Thursday", () => {
    const weeks = [
      { period: "2024-W27", score: 1 },
      { period: "2024-W30", score: 2 },
      { period: "2024-W31", score: 100 }, // its Thursday is 1 August: not in July
    ];
    const july = aggregatePeriods(weeks, "2024-07", { of: "week", rule: "sum", missing: "zero" });
    expect(july.exact).toBe("3");
    expect(july.parts.map((p) => p.period)).toEqual(["2024-W27", "2024-W28", "2024-W29", "2024-W30"]);
    expect(aggregatePeriods(weeks, "2024-08", { of: "week", rule: "sum", missing: "zero" }).exact).toBe("100");
  });

  it("ignores scores of periods outside the target, and does not depend on their order", () => {
    const withOthers = [{ period: "2024-06", score: 1000 }, ...Q3, { period: "2025-07", score: 1000 }];
    expect(aggregatePeriods(withOthers, "2024-Q3", { rule: "sum", missing: "error" }).exact).toBe("255.5");
    expect(JSON.stringify(aggregatePeriods([...Q3].reverse(), "2024-Q3", { rule: "mean", missing: "error" }))).toBe(
      JSON.stringify(aggregatePeriods(Q3, "2024-Q3", { rule: "mean", missing: "error" })),
    );
  });

  it("gives a safe variant", () => {
    expect(safeAggregatePeriods([], "2024-Q3", { rule: "sum", missing: "error" }).success).toBe(false);
    expect(safeAggregatePeriods(Q3, "2024-Q3", { rule: "sum", missing: "error" })).toMatchObject({ success: true, output: { exact: "255.5" } });
  });
});

describe("aggregatePeriods refuses bad input, naming the path", () => {
  const sum: AggregationPolicy = { rule: "sum", missing: "zero" };

  it("scores that are not finite, periods of the wrong kind, two scores for one month", () => {
    const issues = issuesOf(() =>
      aggregatePeriods(
        [
          { period: "2024-07", score: Number.NaN },
          { period: "2024-08", score: Number.POSITIVE_INFINITY },
        ],
        "2024-Q3",
        sum,
      ),
    );
    expect(brief(issues)).toEqual(["invalid_number scores.0.score", "invalid_number scores.1.score"]);
    expect(
      brief(
        issuesOf(() =>
          aggregatePeriods(
            [
              { period: "2024-Q3", score: 1 },
              { period: "2024-13", score: 1 },
              { period: "2024-07", score: 1 },
              { period: "2024-07", score: 2 },
            ],
            "2024-Q3",
            sum,
          ),
        ),
      ),
    ).toEqual(["invalid_option scores.0.period", "invalid_option scores.1.period", "duplicate_id scores.3.period"]);
    expect(brief(issuesOf(() => aggregatePeriods([{ period: "2024-07", score: 1, extra: 1 } as PeriodScore], "2024-Q3", sum)))).toEqual(["unknown_field scores.0.extra"]);
    expect(brief(issuesOf(() => aggregatePeriods(null as never, "2024-Q3", sum)))).toEqual(["invalid_type scores"]);
  });

  it("a target that is not a period", () => {
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q5", sum)))).toEqual(["invalid_option target"]);
  });

  it("policies that contradict themselves", () => {
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { rule: "weighted", missing: "zero" })))).toEqual(["invalid_rule policy.weights"]);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { rule: "sum", weights: [1, 1, 1], missing: "zero" })))).toEqual(["invalid_rule policy.weights"]);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { rule: "weighted", weights: [1, 1], missing: "zero" })))).toEqual(["invalid_rule policy.weights"]);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { rule: "weighted", weights: [1, -1, 1], missing: "zero" })))).toEqual(["out_of_range policy.weights.1"]);
    expect(brief(issuesOf(() => aggregatePeriods([Q3[2]!], "2024-Q3", { rule: "weighted", weights: [1, 1, 0], missing: "skip" })))).toEqual(["invalid_rule policy.weights"]);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { ...sum, cap: { min: 10, max: 5 } })))).toEqual(["invalid_rule policy.cap.min"]);
    expect(brief(issuesOf(() => aggregatePeriods([], "2024-Q3", { rule: "mean", missing: "skip" })))).toEqual(["missing_value scores"]);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { rule: "median", missing: "zero" } as never)))).toEqual(["invalid_option policy.rule"]);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { rule: "sum", missing: "ignore" } as never)))[0]).toMatch(/policy\.missing$/);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { rule: "sum", missing: { fill: Number.NaN } })))[0]).toMatch(/policy\.missing/);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", { ...sum, of: "year" } as never)))).toEqual(["invalid_option policy.of"]);
    expect(brief(issuesOf(() => aggregatePeriods(Q3, "2024-Q3", undefined as never)))[0]).toMatch(/policy/);
  });

  it("a kind of period longer than the target, at the policy's path", () => {
    expect(brief(issuesOf(() => aggregatePeriods([], "2024-07", { of: "quarter", rule: "sum", missing: "zero" })))).toEqual(["invalid_option policy.of"]);
  });

  it("many scores within the limit, and too many with an error", () => {
    const days = Array.from({ length: 366 }, (_, i) => ({ period: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), score: 1 }));
    expect(aggregatePeriods(days, "2024", { of: "day", rule: "sum", missing: "error" }).exact).toBe("366");
    const tooMany = Array.from({ length: 100_001 }, () => ({ period: "2024-07", score: 1 }));
    expect(brief(issuesOf(() => aggregatePeriods(tooMany, "2024-Q3", sum)))).toEqual(["out_of_range scores"]);
  });
});
