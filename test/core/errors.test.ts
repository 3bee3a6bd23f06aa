import { describe, expect, it } from "vitest";
import {
  defineScheme,
  formatPath,
  isJixiaoError,
  IssueCode,
  JixiaoError,
  safeDefineScheme,
  safeScore,
  safeScoreAll,
  score,
  type SchemeConfig,
} from "../../src/index.js";

const config: SchemeConfig = {
  id: "e",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
};

describe("JixiaoError", () => {
  it("carries the issues given, frozen, and names them in its message", () => {
    const error = new JixiaoError([{ code: IssueCode.outOfRange, path: ["full"], params: { key: "failed", context: "must be more than 0" }, message: "full: must be more than 0" }], "Scheme is not valid");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("JixiaoError");
    expect(error.issues).toMatchObject([{ code: "out_of_range", path: ["full"], message: "full: must be more than 0" }]);
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(Object.isFrozen(error.issues[0])).toBe(true);
    expect(error.message).toBe("Scheme is not valid: 1 issue\n  - full: must be more than 0");
  });

  it("never has empty issues", () => {
    const error = new JixiaoError([]);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues[0]!.code).toBe("invalid_input");
  });

  it("is what defineScheme throws, with non-empty issues", () => {
    let caught: unknown;
    try {
      defineScheme({ ...config, full: 0 });
    } catch (e) {
      caught = e;
    }
    expect(isJixiaoError(caught)).toBe(true);
    expect((caught as JixiaoError).issues.length).toBeGreaterThan(0);
    for (const i of (caught as JixiaoError).issues) {
      expect(i.code).toMatch(/^[a-z_]+$/);
      expect(i.message.length).toBeGreaterThan(0);
    }
  });
});

describe("isJixiaoError", () => {
  it("tells a JixiaoError from anything else", () => {
    expect(isJixiaoError(new JixiaoError([]))).toBe(true);
    expect(isJixiaoError(new Error("x"))).toBe(false);
    expect(isJixiaoError({ issues: [], name: "JixiaoError" })).toBe(false);
    expect(isJixiaoError(null)).toBe(false);
    expect(isJixiaoError("JixiaoError")).toBe(false);
  });
});

describe("formatPath", () => {
  it.each([
    [["groups", 0, "points"], "groups[0].points"],
    [["groups", 0, "indicators", 2, "method", "type"], "groups[0].indicators[2].method.type"],
    [[], "(top)"],
    [[3, "id"], "[3].id"],
    [["values", "征收"], 'values["征收"]'],
    [["values", "a b"], 'values["a b"]'],
    [["values", "a-b"], 'values["a-b"]'],
    [["values", 'say "hi"'], 'values["say \\"hi\\""]'],
    [["1x"], '["1x"]'],
    [["values", "$ok_1"], "values.$ok_1"],
  ] as const)("%j → %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe("safe variants", () => {
  it("safeDefineScheme returns the scheme or every issue", () => {
    const ok = safeDefineScheme(config);
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.output.id).toBe("e");

    const bad = safeDefineScheme({ ...config, full: -1, groups: [] });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.issues.map((i) => [i.code, formatPath(i.path)])).toEqual([
        ["out_of_range", "full"],
        ["out_of_range", "groups"],
      ]);
    }
  });

  it("safeDefineScheme does not throw on a config that is not an object", () => {
    const bad = safeDefineScheme(null as unknown as SchemeConfig);
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues.length).toBeGreaterThan(0);
  });

  it("safeScore returns the result or every issue", () => {
    const ok = safeScore(config, { id: "s", values: { x: 7 } });
    expect(ok).toMatchObject({ success: true, output: { total: 7 } });

    const bad = safeScore(config, { id: "s", values: { x: 11, y: 1 } });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(bad.issues.map((i) => [i.code, i.path])).toEqual([
        ["unknown_id", ["values", "y"]],
        ["invalid_value", ["values", "x"]],
      ]);
    expect(() => score(config, { id: "s", values: { x: 11 } })).toThrow(JixiaoError);
  });

  it("safeScoreAll returns the results or every issue, paths starting with the subject index", () => {
    const ok = safeScoreAll(config, [{ id: "b", values: { x: 1 } }, { id: "a", values: { x: 2 } }]);
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.output.map((r) => r.subjectId)).toEqual(["a", "b"]);

    const bad = safeScoreAll(config, [{ id: "a", values: { x: 1 } }, { id: "b", values: { x: "abc" } }]);
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues.map((i) => [i.code, i.path])).toEqual([["invalid_number", [1, "values", "x"]]]);
  });
});

describe("a value of none of the allowed forms", () => {
  const issues = (subject: unknown) => {
    const r = safeScoreAll(defineScheme(config), [subject as never]);
    return r.success ? [] : r.issues.map((i) => [i.code, i.message]);
  };

  it("is told the forms the field takes, not that a number was wanted", () => {
    expect(issues({ id: "a", values: { x: 1 }, vetoes: [5], attributes: { unit: ["x"] } })).toEqual([
      ["invalid_type", "[0].vetoes[0]: must be a veto id or { id, reason }, not 5"],
      ["invalid_type", "[0].attributes.unit: must be text, a number or true/false, not a list of 1"],
    ]);
  });

  it("is an invalid number when it is NaN or infinite", () => {
    expect(issues({ id: "a", values: { x: 1 }, attributes: { unit: Number.NaN } })).toEqual([["invalid_number", "[0].attributes.unit: must be text, a number or true/false, not NaN"]]);
  });

  it("keeps the decimal wording for a decimal field", () => {
    expect(issues({ id: "a", values: { x: 1 }, bonus: [{ points: {}, reason: "r" }] })).toEqual([
      ["invalid_type", '[0].bonus[0].points (分值): must be a number or decimal text such as "96.5", not an object'],
    ]);
  });
});

describe("an unknown field", () => {
  it("gets a hint only when it shares more with a known field than it changes", () => {
    const r = safeScoreAll(defineScheme(config), [{ id: "a", values: { x: 1 }, "": 1, x: 2, nmae: "n" } as never]);
    expect(r.success ? [] : r.issues.map((i) => i.message)).toEqual([
      '[0][""]: is not a known field',
      "[0].x: is not a known field",
      '[0].nmae: is not a known field; did you mean "name"?',
    ]);
  });
});

describe("the issue cap", () => {
  it("lists at most 1,000 issues and counts the rest in one too_many_issues issue, in every entry", async () => {
    const { scoreAll, rank, defineOrgTree, createLedger, county361Example, safeScoreAll } = await import("../../src/index.js");
    const capped = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        const issues = (error as JixiaoError).issues;
        return [issues.length, issues[1000]!.code, issues[1000]!.message];
      }
      throw new Error("expected a JixiaoError");
    };
    expect(capped(() => scoreAll(county361Example, Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, values: {} }))))).toEqual([1001, "too_many_issues", `(top): ${5000 * 6 - 1000} more issues are not listed; mend the ones above first`]);
    expect(capped(() => rank(Array.from({ length: 5000 }, () => ({ subjectId: "same", total: 1 }))))).toEqual([1001, "too_many_issues", "(top): 3999 more issues are not listed; mend the ones above first"]);
    expect(capped(() => defineOrgTree(Array.from({ length: 20_000 }, (_, i) => ({ id: `u${i}`, level: "l", parent: `u${i}` }))))[0]).toBe(1001);
    expect(capped(() => createLedger(Array.from({ length: 3000 }, () => ({ id: "e", person: "p", date: "2024-01-01", component: "c", points: 1, source: "s" }))))[1]).toBe("too_many_issues");
    const safe = safeScoreAll(county361Example, Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, values: {} })));
    expect(safe.success ? 0 : safe.issues.length).toBe(1001);
  });
});
