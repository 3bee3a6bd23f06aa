import { describe, expect, it } from "vitest";
import { defineScheme, safeScoreAll, safeScoreTotals, score, scoreAll, scoreTotals, type Method, type Scheme, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { compiledScheme } from "../../src/scheme/define.js";
import { compileFast, fastTotals as fastTotalsOf, type FastScheme } from "../../src/scoring/fast.js";

/** A fast path outcome without the fields it read (its ids and subjects as read), which each test checks where it means to. */
const bare = ({ ids: _ids, subjects: _subjects, ...rest }: ReturnType<typeof fastTotals>) => rest;

// The branches of the scoring module the other tests leave out: the fast path's refusals (a scheme
// or a subject it leaves to the full decimal path, which must then give exactly scoreAll's answer),
// the rounding points' default mode, and a few rare words and trace lines of the full path.

/** A scheme of one group holding one indicator `x`. */
const one = (method: Method, points: number | string = 10, extra: Partial<SchemeConfig> = {}): SchemeConfig => ({
  id: "one",
  full: points,
  groups: [{ id: "g", points, indicators: [{ id: "x", points, method }] }],
  ...extra,
});

const fastOf = (scheme: Scheme): FastScheme | undefined => compileFast(scheme, compiledScheme(scheme));

/** fastTotals with its totals as a list, `undefined` where it leaves a subject to the full path. */
const fastTotals = (...args: Parameters<typeof fastTotalsOf>) => {
  const fast = fastTotalsOf(...args);
  return { ...fast, totals: [...fast.totals].map((t) => (Number.isNaN(t) ? undefined : t)) };
};

/** The totals as scoreAll gives them. */
const totalsByScoreAll = (scheme: Scheme, subjects: readonly SubjectInput[], options?: { missing?: "error" | "not-applicable" | "zero" }) =>
  scoreAll(scheme, subjects, options).map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) }));

describe("compileFast leaves a scheme beyond its exact range to the full path", () => {
  // Each scheme has one parameter the fast path cannot hold as an integer count of 10^-8; the
  // totals then come from the full path, and are exact.
  const cases: [string, SchemeConfig, unknown, number][] = [
    ["a completion target above 2^52 ÷ 1024", one({ type: "completion", target: "5000000000000" }), 1, 2e-12],
    ["a steps threshold with 9 decimals", one({ type: "steps", steps: [{ atLeast: "0.000000001", fraction: 1 }] }), 1, 10],
    ["a full score with 9 decimals", { ...one({ type: "direct" }), full: "10.000000001", pointsAddUp: false }, 1, 1],
    ["a full score above 2^52 ÷ 1024", { ...one({ type: "direct" }), full: "5000000000000", pointsAddUp: false }, 1, 1],
    ["a rank step with 9 decimals", one({ type: "rank", step: "0.000000001" }), 1, 10],
    ["a rank floor with 9 decimals", one({ type: "rank", step: 1, floor: "0.000000001" }), 1, 10],
    ["a band end with 9 decimals", one({ type: "band", best: "0.000000001", worst: 0 }), 1, 10],
    ["a grade worth 10 decimals of points", one({ type: "grade", grades: { A: "0.123456789" } }, 0.5), "A", 0.0617283945],
    ["a deduction per occurrence with 9 decimals", one({ type: "deduction", per: "0.000000001" }), 1, 9.999999999],
    ["a direct scale with 9 decimals", one({ type: "direct", scale: "0.000000001" }), "0.0000000005", 5],
    ["a vote worth with 9 decimals", one({ type: "votes", grades: { A: "0.000000001" } }), { A: 1 }, 1e-8],
    // 45035997 points are past 2^52 counts of 10^-8 (a rounding cannot take points past themselves: defineScheme
    // refuses a rounding with fewer decimals than the points).
    ["rounded points past 2^52 counts of 10^-8", one({ type: "completion", target: 8 }, "45035997", { rounding: { indicator: { decimals: 0, mode: "up" } } }), 1, 5629500],
  ];
  it.each(cases)("%s", (_, config, value, total) => {
    const scheme = defineScheme(config);
    expect(fastOf(scheme)).toBeUndefined();
    const subjects = [{ id: "a", values: { x: value } }];
    // (A value of 1 against the target 5 × 10^12 also gets a warning: it looks like a ratio.)
    const totals = scoreTotals(scheme, subjects);
    expect(totals.map((t) => ({ subjectId: t.subjectId, total: t.total }))).toEqual([{ subjectId: "a", total }]);
    expect(totals).toEqual(totalsByScoreAll(scheme, subjects));
  });

  it("a cap veto whose cap has 9 decimals", () => {
    const scheme = defineScheme({ ...one({ type: "direct" }), vetoes: [{ id: "v", effect: "cap", cap: "0.000000001" }] });
    expect(fastOf(scheme)).toBeUndefined();
    const subjects = [{ id: "a", values: { x: 1 }, vetoes: ["v"] }, { id: "b", values: { x: 2 } }];
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 1e-9, exact: "0.000000001" }, { subjectId: "b", total: 2, exact: "2" }]);
  });

  it("indicators whose points add up past 2^52 counts of 10^-8", () => {
    const big: SchemeConfig = {
      id: "big",
      full: 60_000_000,
      groups: [{ id: "g", points: 60_000_000, indicators: [{ id: "x", points: 30_000_000, method: { type: "direct" } }, { id: "y", points: 30_000_000, method: { type: "direct" } }] }],
    };
    const scheme = defineScheme(big);
    expect(fastOf(scheme)).toBeUndefined();
    // Each indicator alone fits (3·10^15 counts); the two together (6·10^15) do not.
    expect(fastOf(defineScheme({ ...big, full: 30_000_000, groups: [{ id: "g", points: 30_000_000, indicators: [big.groups[0]!.indicators[0]!] }] }))).toBeDefined();
    expect(scoreTotals(scheme, [{ id: "a", values: { x: 1, y: 2 } }])).toEqual([{ subjectId: "a", total: 3, exact: "3" }]);
  });
});

describe("fastTotals leaves an unusual value to the full path", () => {
  it("a grade the indicator does not have: scoreTotals reports it as scoreAll does", () => {
    const scheme = defineScheme(one({ type: "grade", grades: { A: 1, B: 0.5 } }));
    expect(bare(fastTotals(fastOf(scheme)!, [{ id: "a", values: { x: "C" } }, { id: "b", values: { x: "B" } }], {}))).toEqual({ totals: [undefined, 5], ranks: new Map(), rankFallback: false });
    const result = safeScoreTotals(scheme, [{ id: "a", values: { x: "C" } }]);
    expect(result).toEqual(safeScoreAll(scheme, [{ id: "a", values: { x: "C" } }]));
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([["unknown_grade", [0, "values", "x"]]]);
  });

  it("a deduction count the fast reader cannot read (1e2): the full path deducts 100 × per, down to 0", () => {
    const scheme = defineScheme(one({ type: "deduction", per: 0.05 }));
    const subjects = [{ id: "a", values: { x: "1e2" } }, { id: "b", values: { x: 100 } }];
    expect(fastTotals(fastOf(scheme)!, subjects, {}).totals).toEqual([undefined, 5]);
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 5, exact: "5" }, { subjectId: "b", total: 5, exact: "5" }]);
  });

  it("votes that add up to no vote: the full path says at least one is needed", () => {
    const scheme = defineScheme(one({ type: "votes", grades: { 优秀: 1, 称职: 0.8 } }));
    expect(fastTotals(fastOf(scheme)!, [{ id: "a", values: { x: { 优秀: 0, 称职: 0 } } }], {}).totals).toEqual([undefined]);
    const result = safeScoreTotals(scheme, [{ id: "a", values: { x: { 优秀: 0, 称职: 0 } } }]);
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path, i.message])).toEqual([["invalid_value", [0, "values", "x"], "[0].values.x: has no votes; at least one vote is needed"]]);
  });

  it("a total that adjustments push below 0 is clamped to 0 on the fast path too", () => {
    const scheme = defineScheme(one({ type: "direct" }));
    const subjects = [{ id: "a", values: { x: 2 }, deductions: [{ points: 5, reason: "差错" }] }];
    expect(fastTotals(fastOf(scheme)!, subjects, {}).totals).toEqual([0]);
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 0, exact: "0" }]);
    const full = score(scheme, subjects[0]!);
    expect(full.total).toBe(0);
    expect(full.trace.at(-1)).toEqual({ at: "total", rule: "clamp", values: { value: "-3", floor: "0" }, result: "0" });
  });
});

describe("a rounding point without a mode rounds half-up (四舍五入), on both paths", () => {
  it("the indicator point: 1 ÷ 8 × 10 = 1.25 → 1.3", () => {
    const scheme = defineScheme(one({ type: "completion", target: 8 }, 10, { rounding: { indicator: { decimals: 1 } } }));
    expect(fastTotals(fastOf(scheme)!, [{ id: "a", values: { x: 1 } }], {}).totals).toEqual([1.3]);
    expect(scoreTotals(scheme, [{ id: "a", values: { x: 1 } }])).toEqual([{ subjectId: "a", total: 1.3, exact: "1.3" }]);
    expect(score(scheme, { id: "a", values: { x: 1 } }).indicators[0]!.earned).toBe(1.3);
  });

  it("the indicator point of a rank indicator: 2.6 ÷ 8 × 10 = 3.25 → 3.3", () => {
    const scheme = defineScheme(one({ type: "rank", proportional: true }, 10, { rounding: { indicator: { decimals: 1 } } }));
    const subjects = [{ id: "a", values: { x: 8 } }, { id: "b", values: { x: 2.6 } }];
    const fast = fastTotals(fastOf(scheme)!, subjects, {});
    expect(fast.totals).toEqual([10, 3.3]);
    expect([...fast.ranks.get("x")!]).toEqual([10e8, 3.3e8]);
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 10, exact: "10" }, { subjectId: "b", total: 3.3, exact: "3.3" }]);
    expect(totalsByScoreAll(scheme, subjects)).toEqual([{ subjectId: "a", total: 10, exact: "10" }, { subjectId: "b", total: 3.3, exact: "3.3" }]);
  });

  it("the group point: 2.5 → 3", () => {
    const scheme = defineScheme(one({ type: "direct" }, 10, { rounding: { group: { decimals: 0 } } }));
    expect(fastTotals(fastOf(scheme)!, [{ id: "a", values: { x: 2.5 } }, { id: "b", values: { x: 3.5 } }], {}).totals).toEqual([3, 4]);
    expect(scoreTotals(scheme, [{ id: "a", values: { x: 2.5 } }])).toEqual([{ subjectId: "a", total: 3, exact: "3" }]);
    expect(score(scheme, { id: "a", values: { x: 2.5 } }).groups[0]!.earned).toBe(3);
  });

  it("the total point: 2.5 → 3, and 0.5 with a bonus of 0.25 → 1", () => {
    const scheme = defineScheme(one({ type: "direct" }, 10, { rounding: { total: { decimals: 0 } } }));
    const subjects = [{ id: "a", values: { x: 2.5 } }, { id: "b", values: { x: 0.5 }, bonus: [{ points: 0.25, reason: "创新" }] }, { id: "c", values: { x: 0.4 } }];
    expect(fastTotals(fastOf(scheme)!, subjects, {}).totals).toEqual([3, 1, 0]);
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 3, exact: "3" }, { subjectId: "b", total: 1, exact: "1" }, { subjectId: "c", total: 0, exact: "0" }]);
  });
});

describe("fastTotals refuses a subject that is not well formed; scoreTotals then reports what scoreAll reports", () => {
  const scheme = defineScheme({
    id: "s",
    full: 10,
    groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 6, method: { type: "direct" } }, { id: "y", points: 4, method: { type: "direct" } }] }],
    vetoes: [{ id: "v", effect: "zero" }, { id: "c", effect: "cap", cap: 5 }],
  });
  const f = fastOf(scheme)!;
  const values = { x: 1, y: 1 };

  // Fields other than the values and adjustments: the whole batch goes to the full path.
  const shape: [string, unknown, string, (string | number)[]][] = [
    ["not an object", [1], "invalid_type", [0]],
    ["an unknown field", { id: "a", values, extra: 1 }, "unknown_field", [0, "extra"]],
    ["a name that is not text", { id: "a", name: 5, values }, "invalid_type", [0, "name"]],
    ["a group of 201 characters", { id: "a", group: "g".repeat(201), values }, "out_of_range", [0, "group"]],
    ["values that are a list", { id: "a", values: [1] }, "invalid_type", [0, "values"]],
    ["flags that are not a list", { id: "a", values, flags: "f" }, "invalid_type", [0, "flags"]],
    ["a flag without an id", { id: "a", values, flags: [{ reason: "r" }] }, "required", [0, "flags", 0, "id"]],
    ["a flag name that is not text", { id: "a", values, flags: [{ id: "f", name: 3, reason: "r" }] }, "invalid_type", [0, "flags", 0, "name"]],
    ["a flag with an empty reason", { id: "a", values, flags: [{ id: "f", reason: "" }] }, "out_of_range", [0, "flags", 0, "reason"]],
    ["a flag with an unknown field", { id: "a", values, flags: [{ id: "f", reason: "r", at: 1 }] }, "unknown_field", [0, "flags", 0, "at"]],
    ["attributes that are a list", { id: "a", values, attributes: [1] }, "invalid_type", [0, "attributes"]],
    ["an attribute with an empty name", { id: "a", values, attributes: { "": 1 } }, "invalid_input", [0, "attributes", ""]],
    ["an attribute that is NaN", { id: "a", values, attributes: { k: Number.NaN } }, "invalid_number", [0, "attributes", "k"]],
    ["an attribute that is an object", { id: "a", values, attributes: { k: {} } }, "invalid_type", [0, "attributes", "k"]],
  ];
  it.each(shape)("%s", (_, subject, code, path) => {
    const batch = [subject, { id: "ok", values }] as SubjectInput[];
    expect(bare(fastTotals(f, batch, {}))).toEqual({ totals: [undefined, undefined], ranks: new Map(), rankFallback: true });
    const result = safeScoreTotals(scheme, batch);
    expect(result).toEqual(safeScoreAll(scheme, batch));
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([[code, path]]);
  });

  // Adjustments and vetoes: only that subject goes to the full path.
  const items: [string, unknown, { missing: "not-applicable" } | undefined, string, (string | number)[]][] = [
    ["a bonus that is not a list", { id: "a", values, bonus: "b" }, undefined, "invalid_type", [0, "bonus"]],
    ["a bonus item with an unknown field", { id: "a", values, bonus: [{ points: 1, reason: "r", why: 1 }] }, undefined, "unknown_field", [0, "bonus", 0, "why"]],
    ["a bonus item with an empty reason", { id: "a", values, bonus: [{ points: 1, reason: "" }] }, undefined, "out_of_range", [0, "bonus", 0, "reason"]],
    ["a bonus item whose ref is a number", { id: "a", values, bonus: [{ points: 1, reason: "r", ref: 7 }] }, undefined, "invalid_type", [0, "bonus", 0, "ref"]],
    ["a bonus item whose indicator is a number", { id: "a", values, bonus: [{ points: 1, reason: "r", indicator: 7 }] }, undefined, "invalid_type", [0, "bonus", 0, "indicator"]],
    ["a deduction aimed at no indicator", { id: "a", values, deductions: [{ points: 1, reason: "r", indicator: "nowhere" }] }, undefined, "unknown_id", [0, "deductions", 0, "indicator"]],
    // (x = 3: converted, 3 × 10 ÷ 6 = 5 is exact, so only the aimed item can send the subject to the full path.)
    ["a deduction aimed at a missing, not applicable indicator", { id: "a", values: { x: 3 }, deductions: [{ points: 1, reason: "r", indicator: "y" }] }, { missing: "not-applicable" }, "invalid_value", [0, "deductions", 0, "indicator"]],
    ["vetoes that are not a list", { id: "a", values, vetoes: "v" }, undefined, "invalid_type", [0, "vetoes"]],
    ["a veto that is a number", { id: "a", values, vetoes: [5] }, undefined, "invalid_type", [0, "vetoes", 0]],
    ["a veto object without an id", { id: "a", values, vetoes: [{ reason: "r" }] }, undefined, "invalid_type", [0, "vetoes", 0]],
    ["a veto given twice", { id: "a", values, vetoes: ["c", "c"] }, undefined, "duplicate_id", [0, "vetoes", 1]],
    ["a veto whose reason is a number", { id: "a", values, vetoes: [{ id: "c", reason: 5 }] }, undefined, "invalid_type", [0, "vetoes", 0]],
    ["a veto the scheme does not have", { id: "a", values, vetoes: ["w"] }, undefined, "unknown_id", [0, "vetoes", 0]],
  ];
  it.each(items)("%s", (_, subject, options, code, path) => {
    const batch = [subject, { id: "ok", values: { x: 6, y: 3 } }] as SubjectInput[];
    expect(bare(fastTotals(f, batch, options ?? {}))).toEqual({ totals: [undefined, 9], ranks: new Map(), rankFallback: false });
    const result = safeScoreTotals(scheme, batch, options);
    expect(result).toEqual(safeScoreAll(scheme, batch, options));
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([[code, path]]);
  });

  it("the words of those refusals", () => {
    const messages = (subject: unknown, options?: { missing: "not-applicable" }) => {
      const r = safeScoreTotals(scheme, [subject as SubjectInput], options);
      return r.success ? [] : r.issues.map((i) => i.message);
    };
    expect(messages({ id: "a", values, vetoes: ["w"] })).toEqual(['[0].vetoes[0]: names no veto of scheme "s"; its vetoes are v, c']);
    expect(messages({ id: "a", values, vetoes: ["c", "c"] })).toEqual(['[0].vetoes[1]: repeats the veto "c"']);
    expect(messages({ id: "a", values: { x: 1 }, deductions: [{ points: 1, reason: "r", indicator: "y" }] }, { missing: "not-applicable" })).toEqual([
      '[0].deductions[0].indicator: aims at indicator "y", which does not apply to this subject',
    ]);
  });

  it("a value the fast path cannot see by its keys: not enumerable, or inherited from an enumerable Object.prototype key", () => {
    // The totals of scoreTotals and scoreAll, or the issues they throw.
    const same = (subjects: SubjectInput[], options?: { missing: "zero" }) => {
      const outcome = (fn: () => unknown) => {
        try {
          return fn();
        } catch (error) {
          return (error as { issues: unknown }).issues;
        }
      };
      expect(outcome(() => scoreTotals(scheme, subjects, options))).toEqual(outcome(() => totalsByScoreAll(scheme, subjects, options)));
    };
    const hidden = { id: "a", values: Object.defineProperty({ x: 1 }, "y", { value: 2, enumerable: false }) };
    expect(fastTotals(f, [hidden], {}).totals).toEqual([undefined]);
    same([hidden]);
    same([hidden], { missing: "zero" });
    const batch = [{ id: "a", values: { x: 1 } }, { id: "b", values }];
    Object.defineProperty(Object.prototype, "y", { value: 3, enumerable: true, configurable: true, writable: true });
    try {
      // (The rest of the library reads such a world in its own ways; the fast path leaves it alone.)
      expect(fastTotals(f, batch, {}).rankFallback).toBe(true);
    } finally {
      delete (Object.prototype as Record<string, unknown>).y;
    }
    expect(fastTotals(f, batch, { missing: "zero" }).totals).toEqual([1, 2]);
  });

  it("a cap veto with a reason stays on the fast path: 9 capped at 5", () => {
    const subjects = [{ id: "a", values: { x: 6, y: 3 }, vetoes: [{ id: "c", reason: "黄牌" }] }];
    expect(fastTotals(f, subjects, {}).totals).toEqual([5]);
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 5, exact: "5" }]);
  });
});

describe("the full path's rarer words and trace lines", () => {
  const scheme = defineScheme(one({ type: "direct" }));

  it("a flag given without a name is carried and traced without one", () => {
    const result = score(scheme, { id: "a", values: { x: 7 }, flags: [{ id: "defer", reason: "末位缓晋" }] });
    expect(result.flags).toEqual([{ id: "defer", reason: "末位缓晋", source: "input" }]);
    expect(result.trace[0]).toEqual({ at: "input", rule: "flag", values: { id: "defer", reason: "末位缓晋" }, result: "defer" });
    const named = score(scheme, { id: "a", values: { x: 7 }, flags: [{ id: "defer", name: "缓晋", reason: "末位缓晋" }] });
    expect(named.trace[0]).toEqual({ at: "input", rule: "flag", values: { id: "defer", name: "缓晋", reason: "末位缓晋" }, result: "defer" });
  });

  it("a veto named for a scheme that has none says it has none", () => {
    expect(() => score(scheme, { id: "a", values: { x: 7 }, vetoes: ["discipline"] })).toThrow(expect.objectContaining({
      issues: [expect.objectContaining({ code: "unknown_id", path: ["vetoes", 0], message: 'vetoes[0]: names no veto of scheme "one"; it has none' })],
    }));
  });

  it("scoreAll says 'A subject' for one issue and 'Subjects' for more", () => {
    expect(() => scoreAll(scheme, [{ id: "a", values: {} }])).toThrow(/^A subject cannot be scored: 1 issue\n/);
    expect(() => scoreAll(scheme, [{ id: "a", values: {} }, { id: "b", values: { x: 11 } }])).toThrow(/^Subjects cannot be scored: 2 issues\n/);
  });
});
