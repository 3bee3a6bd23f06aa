import { describe, expect, it } from "vitest";
import { formatIssue, lastPlaceDeductions, rank, withPenalties } from "../../src/index.js";
import { thrown } from "../helpers.js";

describe("the issues of penalties, in Chinese and English", () => {
  const outcome = lastPlaceDeductions(rank([90, 80, 70].map((total, i) => ({ subjectId: `c${i + 1}`, total }))), { deductions: [1], flag: { id: "defer" } });

  it("a deduction or flag for someone not among the subjects", () => {
    const issues = thrown(() => withPenalties([{ id: "c1", values: {} }], outcome)).issues;
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "result.deductions[0].subjectId：指向「c3」，但考评对象中没有这个编号",
      "result.flags[0].subjectId：指向「c3」，但考评对象中没有这个编号",
    ]);
    expect(issues.map((i) => formatIssue(i, { locale: "en" }))).toEqual([
      'result.deductions[0].subjectId: names "c3", who is not among the subjects',
      'result.flags[0].subjectId: names "c3", who is not among the subjects',
    ]);
  });

  it("a reason that is text, not data, and a bad locale", () => {
    const text = { ...outcome, deductions: [{ ...outcome.deductions[0]!, reason: "末位扣分: last of 3" }] };
    expect(thrown(() => withPenalties([{ id: "c3", values: {} }], text as never)).issues.map((i) => i.path)).toEqual([["result", "deductions", 0, "reason"]]);
    expect(thrown(() => withPenalties([{ id: "c3", values: {} }], outcome, { locale: "fr" } as never)).issues.map((i) => [i.code, i.path])).toEqual([["invalid_option", ["options", "locale"]]]);
  });
});
