import { describe, expect, it } from "vitest";
import { compare, show } from "../../src/verify/compare.js";
import { isPathProblem, parsePath, valueAt, writePath } from "../../src/verify/path.js";
import { render } from "../../src/messages/index.js";

describe("paths", () => {
  it("reads keys, indexes and quoted keys", () => {
    expect(parsePath("results.c001.total")).toEqual(["results", "c001", "total"]);
    expect(parsePath("allocation.grabs[1].code")).toEqual(["allocation", "grabs", 1, "code"]);
    expect(parsePath('targets["甲 市"].revenue')).toEqual(["targets", "甲 市", "revenue"]);
    expect(parsePath("targets.甲市.revenue")).toEqual(["targets", "甲市", "revenue"]);
    expect(parsePath("error.issues[0].code")).toEqual(["error", "issues", 0, "code"]);
  });

  it("says what is wrong with a bad path, as data worded in either language", () => {
    const words = (path: string, locale: "zh-CN" | "en" = "en") => {
      const parsed = parsePath(path);
      if (!isPathProblem(parsed)) throw new Error(`${path} is a good path`);
      return render({ key: "scenarioBadPath", ...parsed }, locale);
    };
    expect(parsePath("")).toEqual({ problem: "empty", at: 0, inner: "" });
    expect(parsePath("a[x]")).toEqual({ problem: "badIndex", at: 2, inner: "x" });
    expect(words("")).toBe("the path is empty");
    expect(words("a..b")).toBe("the path has an empty key at character 3");
    expect(words("a.")).toBe("the path ends with a dot");
    expect(words("a[x]")).toMatch(/^the path has \[x\] at character 2/);
    expect(words("a[1")).toBe("the path has an unclosed [ at character 2");
    expect(words('a["x')).toBe('the path has an unclosed ["…"] at character 2');
    expect(words('a["\\q"]')).toBe('the path has a bad ["…"] key at character 2');
    expect(words("a[0]b")).toBe("the path needs a dot before the key at character 5");
    expect(words("a..b", "zh-CN")).toBe("路径第 3 个字符处的键为空");
    expect(words("a[x]", "zh-CN")).toBe('路径第 2 个字符处是 [x]；列表下标写作 [0]、[1] …，键写作 ["名称"]');
    expect(words("", "zh-CN")).toBe("路径为空");
  });

  it("writes paths back", () => {
    for (const p of ["results.c001.total", "allocation.grabs[1].code", 'targets["a.b"].x', "targets.甲市.revenue"]) expect(writePath(parsePath(p) as (string | number)[])).toBe(p);
  });

  it("picks list items by their id field, then by index", () => {
    const output = { results: [{ subjectId: "c001", indicators: [{ id: "x", earned: 1 }] }, { subjectId: "7", total: 2 }, { subjectId: "c003" }] };
    expect(valueAt(output, ["results", "c001", "indicators", "x", "earned"])).toBe(1);
    expect(valueAt(output, ["results", "7", "total"])).toBe(2);
    expect(valueAt(output, ["results", "2", "subjectId"])).toBe("c003");
    expect(valueAt(output, ["results", 0, "subjectId"])).toBe("c001");
    expect(valueAt(output, ["results", "nobody"])).toBeUndefined();
    expect(valueAt(output, ["results", "c001", "total", "deeper"])).toBeUndefined();
  });

  it("never reads a prototype", () => {
    expect(valueAt({}, ["__proto__"])).toBeUndefined();
    expect(valueAt({}, ["constructor", "name"])).toBeUndefined();
    expect(valueAt({ a: {} }, ["a", "toString"])).toBeUndefined();
  });
});

describe("comparison", () => {
  it("compares numbers and decimal text exactly, not as floats", () => {
    expect(compare(86.3, 86.3, undefined)).toEqual([]);
    expect(compare("86.30", 86.3, undefined)).toEqual([]);
    expect(compare(0.3, "0.3000000000000000000001", undefined)).toHaveLength(1);
    expect(compare("0.30000000000000001", 0.3, undefined)).toHaveLength(1);
    expect(compare(86.4, 86.3, undefined)).toEqual([{ path: [], expected: 86.4, actual: 86.3 }]);
  });

  it("allows an absolute margin, compared exactly", async () => {
    const { Dec } = await import("../../src/core/decimal.js");
    expect(compare(86.4, 86.3, new Dec("0.1"))).toEqual([]);
    expect(compare(86.41, 86.3, new Dec("0.1"))).toHaveLength(1);
    expect(compare(0.3, 0.1 + 0.2, undefined)).toHaveLength(1); // the float sum is not 0.3; the engine never makes it
  });

  it("compares text, booleans and null as they are; null matches nothing", () => {
    expect(compare("差", "差", undefined)).toEqual([]);
    expect(compare("差", "中", undefined)).toHaveLength(1);
    expect(compare(true, true, undefined)).toEqual([]);
    expect(compare(true, "true", undefined)).toHaveLength(1);
    expect(compare(null, undefined, undefined)).toEqual([]);
    expect(compare(null, 0, undefined)).toHaveLength(1);
    expect(compare("1", "one", undefined)).toHaveLength(1);
  });

  it("checks lists in full and objects by the fields named, down to the first difference", () => {
    expect(compare(["s1", "s2"], ["s1", "s2"], undefined)).toEqual([]);
    expect(compare(["s1"], ["s1", "s2"], undefined)).toHaveLength(1);
    expect(compare({ earned: 38.6 }, { earned: 38.6, points: 40 }, undefined)).toEqual([]);
    expect(compare({ c1: { earned: 2 } }, [{ id: "c1", earned: 3 }], undefined, ["x"])).toEqual([{ path: ["x", "c1", "earned"], expected: 2, actual: 3 }]);
  });

  it("shows values for people", () => {
    expect(show(undefined)).toBe("(nothing)");
    expect(show("差")).toBe("差");
    expect(show("")).toBe('""');
    expect(show(["a", 1])).toBe('["a",1]');
    expect(show("x".repeat(10) + JSON.stringify({ a: "y".repeat(400) })).length).toBeLessThan(500);
    expect(show({ a: "y".repeat(400) }).length).toBe(300);
  });
});
