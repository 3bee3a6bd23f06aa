import { describe, expect, it } from "vitest";
import { toDec } from "../../src/core/decimal.js";
import { defineScheme, safeScore, score, type Issue } from "../../src/index.js";

/** A scheme of one `direct` indicator worth 10 points. */
const direct10 = defineScheme({
  id: "d",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
});

function valueIssues(value: unknown): readonly Issue[] {
  const r = safeScore(direct10, { id: "s", values: { x: value } });
  if (r.success) throw new Error(`expected ${String(value)} to be rejected`);
  return r.issues;
}

describe("toDec reads inputs exactly", () => {
  it("reads a number by its shortest decimal representation", () => {
    expect(toDec(0.1)?.toString()).toBe("0.1");
    expect(toDec(0.2)?.toString()).toBe("0.2");
    expect(toDec(96.5)?.toString()).toBe("96.5");
    expect(toDec(0.30000000000000004)?.toString()).toBe("0.30000000000000004");
  });

  it("reads decimal text", () => {
    expect(toDec("96.5")?.toString()).toBe("96.5");
    expect(toDec("-12.25")?.toString()).toBe("-12.25");
    expect(toDec("1e18")?.toString()).toBe("1000000000000000000");
    expect(toDec(".5")?.toString()).toBe("0.5");
  });

  it("reads -0 (number and text) as a positive zero", () => {
    for (const z of [-0, "-0", "-0.00"]) {
      const d = toDec(z)!;
      expect(d.isZero()).toBe(true);
      expect(d.isNegative()).toBe(false);
    }
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["1e19 (number)", 1e19],
    ['"1e19"', "1e19"],
    ['"-1e19"', "-1e19"],
    ['"0x10"', "0x10"],
    ['" "', " "],
    ['""', ""],
    ['"12abc"', "12abc"],
    ['"1,000"', "1,000"],
    ['"NaN"', "NaN"],
    ['"Infinity"', "Infinity"],
    ["null", null],
    ["undefined", undefined],
    ["true", true],
    ["an object", {}],
  ])("rejects %s", (_, value) => {
    expect(toDec(value)).toBeUndefined();
  });
});

describe("inputs through the public API", () => {
  it('takes "96.5" as text exactly like 96.5', () => {
    const text = score(direct10, { id: "s", values: { x: "9.65" } });
    const num = score(direct10, { id: "s", values: { x: 9.65 } });
    expect(text.total).toBe(9.65);
    expect(num.total).toBe(9.65);
  });

  it("scores -0 as 0, not -0", () => {
    const r = score(direct10, { id: "s", values: { x: -0 } });
    expect(Object.is(r.indicators[0]!.earned, 0)).toBe(true);
    expect(Object.is(r.total, 0)).toBe(true);
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ['"1e19"', "1e19"],
    ['"0x10"', "0x10"],
    ['" "', " "],
    ['"12abc"', "12abc"],
  ])("rejects the value %s with invalid_number at values.x", (_, value) => {
    const issues = valueIssues(value);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe("invalid_number");
    expect(issues[0]!.path).toEqual(["values", "x"]);
    expect(issues[0]!.message.startsWith("values.x")).toBe(true);
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ['"1e19"', "1e19"],
    ['"0x10"', "0x10"],
    ['"12abc"', "12abc"],
  ])("rejects %s as the full score of a scheme", (_, full) => {
    expect(() =>
      defineScheme({
        id: "d",
        full: full as number,
        pointsAddUp: false,
        groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
      }),
    ).toThrow(/full/);
  });
});

describe("exact sums", () => {
  it("0.1 + 0.2 is 0.3", () => {
    const scheme = defineScheme({
      id: "sum",
      full: 0.3,
      groups: [
        {
          id: "g",
          points: 0.3,
          indicators: [
            { id: "a", points: 0.1, method: { type: "direct" } },
            { id: "b", points: 0.2, method: { type: "direct" } },
          ],
        },
      ],
    });
    const r = score(scheme, { id: "s", values: { a: 0.1, b: 0.2 } });
    expect(r.total).toBe(0.3);
    expect(String(r.total)).toBe("0.3");
    expect(r.groups[0]!.earned).toBe(0.3);
  });

  it("groups of 0.1 and 0.2 points add up to a full score of 0.3", () => {
    const scheme = defineScheme({
      id: "sum2",
      full: "0.3",
      groups: [
        { id: "a", points: 0.1, indicators: [{ id: "a1", points: 0.1, method: { type: "direct" } }] },
        { id: "b", points: 0.2, indicators: [{ id: "b1", points: 0.2, method: { type: "direct" } }] },
      ],
    });
    expect(score(scheme, { id: "s", values: { a1: 0.1, b1: "0.2" } }).total).toBe(0.3);
  });

  it("1.1 + 2.2 is 3.3 and 96.5% of 40 is 38.6", () => {
    const scheme = defineScheme({
      id: "sum3",
      full: 50,
      groups: [
        {
          id: "g",
          points: 50,
          indicators: [
            { id: "a", points: 5, method: { type: "direct" } },
            { id: "b", points: 5, method: { type: "direct" } },
            { id: "c", points: 40, method: { type: "completion", target: 100 } },
          ],
        },
      ],
    });
    const r = score(scheme, { id: "s", values: { a: 1.1, b: 2.2, c: 96.5 } });
    expect(r.groups[0]!.earned).toBe(41.9);
    expect(r.indicators[2]!.earned).toBe(38.6);
    expect(r.trace.find((t) => t.at === "indicator:c")!.result).toBe("38.6");
  });
});
