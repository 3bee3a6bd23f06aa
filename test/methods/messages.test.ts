import { describe, expect, it } from "vitest";
import { county361Example, defineScheme, formatIssue, safeDefineScheme, safeScore, safeScoreAll, type Issue, type Method, type SchemeConfig } from "../../src/index.js";

const one = (method: Method): SchemeConfig => ({ id: "s", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method }] }] });
const defining = (method: unknown): readonly Issue[] => {
  const r = safeDefineScheme(one(method as Method));
  return r.success ? [] : r.issues;
};
const scoring = (method: Method, value: unknown): readonly Issue[] => {
  const r = safeScore(defineScheme(one(method)), { id: "c", values: { x: value } });
  return r.success ? [] : r.issues;
};
const zh = (issues: readonly Issue[]) => issues.map((i) => formatIssue(i));
const en = (issues: readonly Issue[]) => issues.map((i) => i.message);

describe("method parameters: issues in Chinese", () => {
  it("steps", () => {
    const issues = defining({ type: "steps", steps: [{ atLeast: 1, atMost: 2, fraction: 1, points: 3 }, { atMost: 3, points: 1 }, { atMost: 3, points: 1 }] });
    expect(zh(issues)).toEqual([
      "groups[0].indicators[0].method.steps[0]：每一档须且只能给出一个门槛：atLeast（不低于）或 atMost（不高于）",
      "groups[0].indicators[0].method.steps[0]：每一档须且只能给出 fraction（得分比例）或 points（得分）之一",
      "groups[0].indicators[0].method.steps[0]：atLeast 与 atMost 混用了；同一列表的各档请只用一种门槛",
      "groups[0].indicators[0].method.steps[2]：门槛 3 与 steps[1] 重复；各档门槛不能相同",
    ]);
    expect(en(issues)[3]).toBe("groups[0].indicators[0].method.steps[2]: repeats the threshold 3 of steps[1]");
    expect(zh(defining({ type: "steps", steps: [{ atLeast: 1, points: 12 }] }))).toEqual(["groups[0].indicators[0].method.steps[0].points（分值）：为 12，超过了指标的分值 10；应在 0～10 之间"]);
  });

  it("band, rank and votes", () => {
    expect(zh(defining({ type: "band", best: 1, worst: 1, worstFraction: 1 }))).toEqual([
      "groups[0].indicators[0].method.worst：best（最好值）与 worst（最差值）都是 1；两者必须不同",
      "groups[0].indicators[0].method.worstFraction：应小于 1（为 1 时任何数值都得满分）",
    ]);
    expect(zh(defining({ type: "rank" }))).toEqual(['groups[0].indicators[0].method（计分方法）：须且只能给出 "step"（每名次递减分值）或 "proportional": true（按比例）之一']);
    expect(zh(defining({ type: "rank", step: 1, floor: 12 }))).toEqual(["groups[0].indicators[0].method.floor（下限）：为 12，超过了指标的分值 10；应在 0～10 之间"]);
    const votes = defining({ type: "votes", grades: { 优: 1, 良: 0.8 }, flag: [{ id: "f", grades: ["差"], atLeast: "x" }, { id: "g", grades: ["优"], atLeast: 2 }] });
    expect(zh(votes)).toEqual([
      'groups[0].indicators[0].method.flag[0].atLeast：应为 0.25 或 "1/3" 这样的比例，实际是文本「x」',
      "groups[0].indicators[0].method.flag[1].atLeast：应为 0 到 1 之间的比例，实际是 2",
      "groups[0].indicators[0].method.flag[0].grades[0]：「差」不是本指标的等级；等级有：优、良",
    ]);
    expect(en(votes)).toEqual([
      'groups[0].indicators[0].method.flag[0].atLeast: must be a share such as 0.25 or "1/3", not text "x"',
      "groups[0].indicators[0].method.flag[1].atLeast: must be a share from 0 to 1, not 2",
      'groups[0].indicators[0].method.flag[0].grades[0]: "差" is not one of the grades 优, 良',
    ]);
  });
});

describe("values a method cannot score: issues in Chinese", () => {
  it("numbers, counts, grades and given scores (the 361 example)", () => {
    const r = safeScore(defineScheme(county361Example), { id: "c", values: { attendance: -1, study: "好", political: "八十八", collection: {}, backlog: 3, grabbed: 12 } });
    const issues = r.success ? [] : r.issues;
    expect(zh(issues)).toEqual([
      "values.attendance：是次数，不能为负数，实际是 -1",
      "values.study：填的是「好」，不是本指标的等级；等级有：优、良、中、差",
      "values.political：应为 ±10^18 以内的有限十进制数，实际是文本「八十八」",
      "values.collection：应为数字或“96.5”这样的十进制文本，实际是一个对象",
      "values.grabbed：直接给分 12 超出了 0～10 分的范围",
    ]);
    expect(en(issues)).toEqual([
      "values.attendance: is a count and cannot be negative, not -1",
      'values.study: is "好", which is not a grade of this indicator; the grades are 优, 良, 中, 差',
      'values.political: must be a finite decimal number within ±10^18, not text "八十八"',
      'values.collection: must be a number or decimal text such as "96.5", not an object',
      "values.grabbed: is a score of 12, outside 0 to 10 points",
    ]);
    expect(zh(scoring({ type: "grade", grades: { 优: 1 } }, 1))).toEqual(["values.x：应为等级名称（优 之一），实际是 1"]);
    expect(zh(scoring({ type: "direct", scale: 100 }, 120))).toEqual(["values.x：直接给分 120 超出了 0～100 的范围"]);
  });

  it("votes", () => {
    const votes: Method = { type: "votes", grades: { 优秀: 1, 称职: 0.8 } };
    expect(zh(scoring(votes, [3]))).toEqual(['values.x：应为按等级统计的票数（如 { "优秀": 12, "称职": 5 }），实际是含 1 项的列表']);
    expect(zh(scoring(votes, { 差: 1 }))).toEqual(["values.x：统计了「差」的票数，但它不是等级；等级有：优秀、称职"]);
    expect(zh(scoring(votes, { 优秀: 1.5 }))).toEqual(["values.x：「优秀」的票数是 1.5；票数应为不小于 0 的整数"]);
    expect(zh(scoring(votes, { 优秀: "many" }))).toEqual(["values.x：「优秀」的票数是文本「many」；票数应为不小于 0 的整数"]);
    expect(zh(scoring(votes, {}))).toEqual(["values.x：一票也没有；至少需要一票"]);
  });

  it("a custom function that throws or returns what is not a score", () => {
    const threw = scoring({ type: "custom", score: () => { throw new Error("没有数据"); } }, 1);
    expect(zh(threw)).toEqual(["values.x：自定义计分函数出错：没有数据"]);
    expect(en(threw)).toEqual(["values.x: the custom scoring function failed: 没有数据"]);
    const thrownValue = scoring({ type: "custom", score: () => { throw "oops"; } }, 1);
    expect(zh(thrownValue)).toEqual(["values.x：自定义计分函数出错，抛出了文本「oops」"]);
    expect(en(thrownValue)).toEqual(['values.x: the custom scoring function failed: text "oops"']);
    const returned = scoring({ type: "custom", score: () => 11 }, 1);
    expect(zh(returned)).toEqual(["values.x：自定义计分函数返回了 11，而得分应在 0～10 之间"]);
    expect(returned[0]!.params).toEqual({ key: "customReturned", received: { type: "number", text: "11" }, points: "10" });
  });

  it("a negative value for proportional rank scoring", () => {
    const r = safeScoreAll(defineScheme(one({ type: "rank", proportional: true })), [{ id: "c", values: { x: -1 } }]);
    const issues = r.success ? [] : r.issues;
    expect(zh(issues)).toEqual(["[0].values.x：按比例排名计分时不能为负数，实际是 -1"]);
    expect(en(issues)).toEqual(["[0].values.x: must not be negative for proportional rank scoring, not -1"]);
  });
});
