import { describe, expect, it } from "vitest";
import { formatIssue, safeRank, type Issue, type Rankable, type RankOptions } from "../../src/index.js";

const issuesOf = (results: unknown, options?: RankOptions): readonly Issue[] => {
  const r = safeRank(results as Rankable[], options);
  return r.success ? [] : r.issues;
};

describe("ranking issues in Chinese", () => {
  it("a total that is not a number, a repeated subject, a missing peer-group field", () => {
    const issues = issuesOf([{ subjectId: "a", total: "high" }, { subjectId: "a", total: 1 }], { groupBy: "dept" });
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "[0].total：应为有限的十进制数，实际是「high」",
      '[0].attributes：没有用于划分比较组的「dept」；每个考评对象都要有（groupBy 为 "group" 时取考评对象的比较组，其他名称取同名属性）',
      "[1].subjectId：与第 [0] 项重复，编号都是「a」；每个考评对象只排一次名",
      '[1].attributes：没有用于划分比较组的「dept」；每个考评对象都要有（groupBy 为 "group" 时取考评对象的比较组，其他名称取同名属性）',
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      "[0].total: must be a finite decimal, not high",
      '[0].attributes: has no "dept" to group by; every subject needs one (groupBy "group" uses the subject\'s peer group, any other name an attribute)',
      '[1].subjectId: repeats "a" of [0]; a subject is ranked once',
      '[1].attributes: has no "dept" to group by; every subject needs one (groupBy "group" uses the subject\'s peer group, any other name an attribute)',
    ]);
  });

  it("a group or an indicator to rank by that a subject lacks, or whose points are not finite", () => {
    expect(issuesOf([{ subjectId: "a", total: 1 }], { by: "indicator:x" }).map((i) => formatIssue(i))).toEqual(["[0].indicators（指标）：没有用于排名的指标「x」"]);
    expect(issuesOf([{ subjectId: "a", total: 1, groups: [] }], { by: "group:g" }).map((i) => formatIssue(i))).toEqual(["[0].groups（指标组）：没有用于排名的指标组「g」"]);
    const earned = issuesOf([{ subjectId: "a", total: 1, groups: [{ id: "g", earned: 1e21 }] }], { by: "group:g" });
    expect(earned.map((i) => formatIssue(i))).toEqual(["[0].groups[0].earned：应为 ±10^18 以内的有限十进制数，实际是「1e+21」"]);
    expect(earned[0]!.message).toBe("[0].groups[0].earned: must be a finite decimal within ±10^18, not 1e+21");
  });
});
