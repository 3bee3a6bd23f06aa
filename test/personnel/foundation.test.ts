import { describe, expect, it } from "vitest";
import { occupationalFoundation, type YearResult } from "../../src/index.js";
import { brief, issuesOf, messageOf } from "./fixtures.js";

const three: YearResult[] = [
  { year: 2023, score: 90 },
  { year: 2022, score: "85" },
  { year: 2021, score: 80 },
];

describe("occupationalFoundation (R9): the weighted results of the last N years", () => {
  it("weights the most recent year first: 0.5 × 90 + 0.3 × 85 + 0.2 × 80 = 86.5", () => {
    const f = occupationalFoundation(three, 2023, { weights: [0.5, 0.3, 0.2], missing: "error" });
    expect(f).toMatchObject({ latestYear: 2023, score: 86.5, exact: "86.5" });
    expect(f.years).toEqual([
      { year: 2023, weight: "0.5", score: "90" },
      { year: 2022, weight: "0.3", score: "85" },
      { year: 2021, weight: "0.2", score: "80" },
    ]);
    expect(f.trace).toEqual([{ at: "foundation", rule: "weighted", values: { "2023": "90 × 0.5", "2022": "85 × 0.3", "2021": "80 × 0.2" }, result: "86.5" }]);
  });

  it("ignores years after the latest and before the window, and the order of results", () => {
    const more = [{ year: 2024, score: 0 }, ...three, { year: 2019, score: 0 }].reverse();
    expect(occupationalFoundation(more, 2023, { weights: [0.5, 0.3, 0.2], missing: "error" }).exact).toBe("86.5");
    // Moving the window a year back: 0.5 × 85 + 0.3 × 80 + 0.2 × 0 (2020 missing, counted as 0) = 66.5
    expect(occupationalFoundation(three, 2022, { weights: [0.5, 0.3, 0.2], missing: "zero" }).exact).toBe("66.5");
  });

  it("follows the missing-year policy", () => {
    const gap = [three[0]!, three[2]!];
    // zero: 45 + 0 + 16 = 61
    const zero = occupationalFoundation(gap, 2023, { weights: [0.5, 0.3, 0.2], missing: "zero" });
    expect(zero.exact).toBe("61");
    expect(zero.years[1]).toEqual({ year: 2022, weight: "0.3", score: null });
    expect(zero.trace[0]!.values["2022"]).toBe("none × 0.3");
    // renormalize: (45 + 16) ÷ 0.7 = 87.142857… → 87.14
    const re = occupationalFoundation(gap, 2023, { weights: [0.5, 0.3, 0.2], missing: "renormalize", rounding: { decimals: 2, mode: "half-up" } });
    expect(re.exact).toBe("87.14");
    expect(re.trace[0]!.values["÷ weights"]).toBe("0.7");
    expect(re.trace.map((t) => t.rule)).toEqual(["weighted", "round"]);
    // error
    expect(brief(issuesOf(() => occupationalFoundation(gap, 2023, { weights: [0.5, 0.3, 0.2], missing: "error" })))).toEqual(["missing_value results"]);
    expect(messageOf(() => occupationalFoundation(gap, 2023, { weights: [0.5, 0.3, 0.2], missing: "error" }))).toMatchInlineSnapshot(`
      "The occupational foundation cannot be made: 1 issue
        - results: 2022 has no result"
    `);
  });

  it("gives the same result for complete data under every missing-year policy", () => {
    const policies = (["zero", "renormalize", "error"] as const).map((missing) => occupationalFoundation(three, 2023, { weights: [0.5, 0.25, 0.25], missing }).exact);
    expect(policies).toEqual(["86.25", "86.25", "86.25"]);
    // …and the same explanation: complete data under renormalize divides by nothing.
    const traces = (["zero", "renormalize", "error"] as const).map((missing) => occupationalFoundation(three, 2023, { weights: [0.5, 0.25, 0.25], missing }).trace);
    expect(traces[1]).toEqual(traces[0]);
    expect(traces[2]).toEqual(traces[0]);
    // Weights that do not add up to 1 are refused, so the policies cannot disagree.
    expect(brief(issuesOf(() => occupationalFoundation(three, 2023, { weights: [2, 1, 1], missing: "zero" })))).toEqual(["invalid_rule policy.weights"]);
  });

  it("refuses repeated years, bad policies, years that are not whole, and no data under renormalize", () => {
    expect(
      brief(
        issuesOf(() =>
          occupationalFoundation(
            [
              { year: 2023, score: 90 },
              { year: 2023, score: 1 },
            ],
            2023,
            { weights: [1], missing: "zero" },
          ),
        ),
      ),
    ).toEqual(["duplicate_id results.1.year"]);
    expect(brief(issuesOf(() => occupationalFoundation([], 2023, { weights: [0.5, 0.3, 0.2], missing: "renormalize" })))).toEqual(["missing_value results"]);
    expect(brief(issuesOf(() => occupationalFoundation([{ year: 2023, score: 90 }], 2023, { weights: [0, 1], missing: "renormalize" })))).toEqual(["missing_value results"]);
    expect(brief(issuesOf(() => occupationalFoundation([], 2023, { weights: [], missing: "x" } as never)))).toEqual(["out_of_range policy.weights", "invalid_option policy.missing"]);
    expect(brief(issuesOf(() => occupationalFoundation(three, 2023, { weights: [-0.1], missing: "zero" })))).toEqual(["out_of_range policy.weights.0", "invalid_rule policy.weights"]);
    expect(brief(issuesOf(() => occupationalFoundation(three, 2023.5, { weights: [1], missing: "zero" })))[0]).toMatch(/latestYear$/);
    expect(brief(issuesOf(() => occupationalFoundation(three, Number.NaN, { weights: [1], missing: "zero" })))[0]).toMatch(/latestYear$/);
    expect(brief(issuesOf(() => occupationalFoundation([{ year: 2023, score: Number.POSITIVE_INFINITY }], 2023, { weights: [1], missing: "zero" })))).toEqual(["invalid_number results.0.score"]);
    expect(brief(issuesOf(() => occupationalFoundation([{ year: 999, score: 1 }], 2023, { weights: [1], missing: "zero" })))).toEqual(["out_of_range results.0.year"]);
    expect(brief(issuesOf(() => occupationalFoundation(three, 2023, { weights: Array.from({ length: 61 }, () => 0), missing: "zero" })))).toEqual(["out_of_range policy.weights"]);
  });
});
