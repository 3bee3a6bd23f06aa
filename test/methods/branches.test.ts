import { describe, expect, it } from "vitest";
import { safeDefineScheme, safeScore, score, type Method, type SchemeConfig } from "../../src/index.js";

// The branches of the methods the other tests leave out, each with the behaviour it is for.

const one = (method: Method, points = 10): SchemeConfig => ({ id: "one", full: points, groups: [{ id: "g", points, indicators: [{ id: "x", points, method }] }] });
const issuesOfScheme = (config: SchemeConfig) => {
  const r = safeDefineScheme(config);
  return r.success ? [] : r.issues.map((i) => [i.code, i.path.join("."), i.message]);
};

describe("votes: the flag's share", () => {
  const grades = { 优秀: 1, 称职: 0.8, 不称职: 0 };
  const withShare = (atLeast: number | string) => one({ type: "votes", grades, flag: { id: "d", grades: ["不称职"], atLeast } });
  const at = "groups.0.indicators.0.method.flag.atLeast";
  const shown = "groups[0].indicators[0].method.flag.atLeast";

  it.each([
    ["a fraction over 0", "1/0", 'not text "1/0"'],
    ["text that is no number", "abc", 'not text "abc"'],
    ["a number beyond ±10^18", 1e19, "not 10000000000000000000"],
  ] as const)("refuses %s as not a share", (_, atLeast, words) => {
    expect(issuesOfScheme(withShare(atLeast))).toEqual([["invalid_number", at, `${shown}: must be a share such as 0.25 or "1/3", ${words}`]]);
  });

  it.each([
    [1.5, "not 1.5"],
    ["4/3", 'not text "4/3"'],
    [-0.1, "not -0.1"],
  ] as const)("refuses %s as beyond 0 to 1", (atLeast, words) => {
    expect(issuesOfScheme(withShare(atLeast))).toEqual([["out_of_range", at, `${shown}: must be a share from 0 to 1, ${words}`]]);
  });

  it("takes the shares 0, 1 and 1/1 at the ends", () => {
    for (const atLeast of [0, 1, "1/1", "0/3"]) expect(issuesOfScheme(withShare(atLeast))).toEqual([]);
  });

  it("names the index of a flag in a list when its grade is unknown", () => {
    const config = one({ type: "votes", grades, flag: [{ id: "d", grades: ["不称职"], atLeast: "1/3" }, { id: "e", grades: ["优秀", "差"], atLeast: 0.5 }] });
    expect(issuesOfScheme(config)).toEqual([
      ["unknown_grade", "groups.0.indicators.0.method.flag.1.grades.1", 'groups[0].indicators[0].method.flag[1].grades[1]: "差" is not one of the grades 优秀, 称职, 不称职'],
    ]);
  });

  it("counts a flagged grade without votes as 0 votes", () => {
    const config = one({ type: "votes", grades, flag: [{ id: "always", grades: ["不称职"], atLeast: "0/3" }, { id: "third", grades: ["不称职"], atLeast: "1/3" }] });
    const r = score(config, { id: "a", values: { x: { 优秀: 3 } } });
    expect(r.total).toBe(10);
    expect(r.flags).toEqual([{ id: "always", reason: "不称职 0/3 ≥ 0/3", source: "indicator:x" }]);
  });
});

describe("rank: the floor", () => {
  it("refuses a floor above the indicator's points", () => {
    expect(issuesOfScheme(one({ type: "rank", step: 1, floor: 11 }))).toEqual([
      ["out_of_range", "groups.0.indicators.0.method.floor", "groups[0].indicators[0].method.floor (下限): is 11, more than the indicator's 10 points"],
    ]);
    expect(issuesOfScheme(one({ type: "rank", step: 1, floor: 10 }))).toEqual([]);
  });
});

describe("custom: a function that throws something other than an Error", () => {
  it("describes what was thrown", () => {
    const thrown = (value: unknown) => {
      const r = safeScore(one({ type: "custom", score: () => { throw value; } }), { id: "a", values: { x: 1 } });
      return r.success ? [] : r.issues.map((i) => [i.code, i.path, i.message]);
    };
    expect(thrown("boom")).toEqual([["custom_failed", ["values", "x"], 'values.x: the custom scoring function failed: text "boom"']]);
    expect(thrown({ code: 1 })).toEqual([["custom_failed", ["values", "x"], "values.x: the custom scoring function failed: an object"]]);
    expect(thrown(new RangeError("too far"))).toEqual([["custom_failed", ["values", "x"], "values.x: the custom scoring function failed: too far"]]);
  });
});
