import { describe, expect, it } from "vitest";
import { Dec } from "../../src/core/decimal.js";
import { applyRounding, ceiling, down, floor, halfEven, halfUp, up } from "../../src/core/rounding.js";
import { defineScheme, ROUNDING_MODES, score, type RoundingMode, type RoundingPoints } from "../../src/index.js";

const r = (fn: (v: InstanceType<typeof Dec>, d: number) => InstanceType<typeof Dec>, value: string, decimals = 2) =>
  fn(new Dec(value), decimals).toString();

describe("named rounding functions", () => {
  it("halfUp rounds a half away from zero (四舍五入)", () => {
    expect(r(halfUp, "2.345")).toBe("2.35");
    expect(r(halfUp, "-2.345")).toBe("-2.35");
    expect(r(halfUp, "2.344")).toBe("2.34");
    expect(r(halfUp, "-2.346")).toBe("-2.35");
    expect(r(halfUp, "2.5", 0)).toBe("3");
    expect(r(halfUp, "-2.5", 0)).toBe("-3");
  });

  it("halfEven rounds a half to the even digit", () => {
    expect(r(halfEven, "2.345")).toBe("2.34");
    expect(r(halfEven, "2.355")).toBe("2.36");
    expect(r(halfEven, "-2.345")).toBe("-2.34");
    expect(r(halfEven, "-2.355")).toBe("-2.36");
    expect(r(halfEven, "2.3451")).toBe("2.35");
    expect(r(halfEven, "2.5", 0)).toBe("2");
    expect(r(halfEven, "3.5", 0)).toBe("4");
    expect(r(halfEven, "-2.5", 0)).toBe("-2");
  });

  it("down truncates toward zero", () => {
    expect(r(down, "2.349")).toBe("2.34");
    expect(r(down, "2.345")).toBe("2.34");
    expect(r(down, "-2.349")).toBe("-2.34");
    expect(r(down, "-2.345")).toBe("-2.34");
  });

  it("up rounds away from zero", () => {
    expect(r(up, "2.341")).toBe("2.35");
    expect(r(up, "2.345")).toBe("2.35");
    expect(r(up, "-2.341")).toBe("-2.35");
    expect(r(up, "-2.345")).toBe("-2.35");
    expect(r(up, "2.34")).toBe("2.34");
  });

  it("floor rounds toward −∞", () => {
    expect(r(floor, "2.349")).toBe("2.34");
    expect(r(floor, "2.345")).toBe("2.34");
    expect(r(floor, "-2.341")).toBe("-2.35");
    expect(r(floor, "-2.345")).toBe("-2.35");
  });

  it("ceiling rounds toward +∞", () => {
    expect(r(ceiling, "2.341")).toBe("2.35");
    expect(r(ceiling, "2.345")).toBe("2.35");
    expect(r(ceiling, "-2.349")).toBe("-2.34");
    expect(r(ceiling, "-2.345")).toBe("-2.34");
  });
});

describe("applyRounding", () => {
  // value → [half-up, half-even, down, up, floor, ceiling] at 2 decimals
  const table: Record<string, readonly string[]> = {
    "2.345": ["2.35", "2.34", "2.34", "2.35", "2.34", "2.35"],
    "2.355": ["2.36", "2.36", "2.35", "2.36", "2.35", "2.36"],
    "-2.345": ["-2.35", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34"],
    "-2.355": ["-2.36", "-2.36", "-2.35", "-2.36", "-2.36", "-2.35"],
    "2.341": ["2.34", "2.34", "2.34", "2.35", "2.34", "2.35"],
    "2.349": ["2.35", "2.35", "2.34", "2.35", "2.34", "2.35"],
    "-2.341": ["-2.34", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34"],
    "-2.349": ["-2.35", "-2.35", "-2.34", "-2.35", "-2.35", "-2.34"],
    "2.34": ["2.34", "2.34", "2.34", "2.34", "2.34", "2.34"],
  };
  const modes: readonly RoundingMode[] = ["half-up", "half-even", "down", "up", "floor", "ceiling"];

  it("lists the six modes", () => {
    expect([...ROUNDING_MODES]).toEqual(modes);
  });

  for (const [value, expected] of Object.entries(table))
    modes.forEach((mode, i) =>
      it(`${value} ${mode} → ${expected[i]}`, () => {
        expect(applyRounding(new Dec(value), { decimals: 2, mode }).toString()).toBe(expected[i]);
      }),
    );

  it("defaults to half-up", () => {
    expect(applyRounding(new Dec("2.345"), { decimals: 2 }).toString()).toBe("2.35");
    expect(applyRounding(new Dec("-2.345"), { decimals: 2 }).toString()).toBe("-2.35");
  });

  it("rounds to 0 decimals", () => {
    expect(applyRounding(new Dec("86.5"), { decimals: 0 }).toString()).toBe("87");
    expect(applyRounding(new Dec("86.5"), { decimals: 0, mode: "half-even" }).toString()).toBe("86");
  });

  it("never gives a negative zero", () => {
    for (const mode of ["down", "ceiling", "half-up", "half-even"] as const) {
      const out = applyRounding(new Dec("-0.001"), { decimals: 2, mode });
      expect(out.isZero()).toBe(true);
      expect(out.isNegative()).toBe(false);
    }
  });
});

/** A scheme of one direct indicator worth 10 points with the given rounding. */
const directScheme = (rounding?: RoundingPoints) =>
  defineScheme({
    id: "r",
    full: 10,
    ...(rounding ? { rounding } : {}),
    groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }],
  });

describe("rounding points through score", () => {
  const expected: Record<RoundingMode, number> = {
    "half-up": 2.35,
    "half-even": 2.34,
    down: 2.34,
    up: 2.35,
    floor: 2.34,
    ceiling: 2.35,
  };

  for (const [mode, value] of Object.entries(expected) as [RoundingMode, number][]) {
    it(`indicator point, ${mode}: 2.345 → ${value}; group and total follow unrounded`, () => {
      const res = score(directScheme({ indicator: { decimals: 2, mode } }), { id: "s", values: { x: 2.345 } });
      expect(res.indicators[0]!.earned).toBe(value);
      expect(res.groups[0]!.earned).toBe(value);
      expect(res.total).toBe(value);
      expect(res.trace.filter((t) => t.rule === "round").map((t) => t.at)).toEqual(["indicator:x"]);
    });

    it(`group point, ${mode}: the indicator stays 2.345, the group is ${value}`, () => {
      const res = score(directScheme({ group: { decimals: 2, mode } }), { id: "s", values: { x: 2.345 } });
      expect(res.indicators[0]!.earned).toBe(2.345);
      expect(res.groups[0]!.earned).toBe(value);
      expect(res.total).toBe(value);
      expect(res.trace.filter((t) => t.rule === "round").map((t) => t.at)).toEqual(["group:g"]);
    });

    it(`total point, ${mode}: indicator and group stay 2.345, the total is ${value}`, () => {
      const res = score(directScheme({ total: { decimals: 2, mode } }), { id: "s", values: { x: 2.345 } });
      expect(res.indicators[0]!.earned).toBe(2.345);
      expect(res.groups[0]!.earned).toBe(2.345);
      expect(res.total).toBe(value);
      const round = res.trace.filter((t) => t.rule === "round");
      expect(round).toEqual([{ at: "total", rule: "round", values: { value: "2.345", decimals: "2", mode }, result: String(value) }]);
    });
  }

  it("uses half-up where the scheme names no mode", () => {
    const res = score(directScheme({ indicator: { decimals: 2 } }), { id: "s", values: { x: "2.345" } });
    expect(res.total).toBe(2.35);
  });

  /** Three indicators of 1 point, each earning a third (completion 1 of 3). */
  const thirds = (rounding?: RoundingPoints) =>
    defineScheme({
      id: "thirds",
      full: 3,
      ...(rounding ? { rounding } : {}),
      groups: [
        {
          id: "g",
          points: 3,
          indicators: ["a", "b", "c"].map((id) => ({ id, points: 1, method: { type: "completion" as const, target: 3 } })),
        },
      ],
    });
  const values = { a: 1, b: 1, c: 1 };

  it("with no rounding, a third of a point is not rounded to 2 decimals", () => {
    const res = score(thirds(), { id: "s", values });
    expect(res.indicators[0]!.earned).not.toBe(0.33);
    expect(res.indicators[0]!.earned).toBeCloseTo(1 / 3, 15);
    expect(res.trace.find((t) => t.at === "indicator:a")!.result).toMatch(/^0\.3{30,}$/);
    expect(res.trace.some((t) => t.rule === "round")).toBe(false);
  });

  it("rounding each indicator gives 0.33 × 3 = 0.99, rounding only the total gives 1", () => {
    expect(score(thirds({ indicator: { decimals: 2 } }), { id: "s", values }).total).toBe(0.99);
    expect(score(thirds({ total: { decimals: 2 } }), { id: "s", values }).total).toBe(1);
  });
});
