import { describe, expect, it } from "vitest";
import { defineScheme, safeDefineScheme, type SchemeConfig, type Step } from "../../src/index.js";
import { indicatorFor } from "../helpers.js";

const scheme = (steps: readonly Step[], points = 10) =>
  defineScheme({
    id: "st",
    full: points,
    groups: [{ id: "g", points, indicators: [{ id: "x", points, method: { type: "steps", steps } }] }],
  });
const run = indicatorFor;

describe("steps", () => {
  it("gives the fraction of the highest atLeast reached, whatever the order listed", () => {
    const listed = [
      { atLeast: 0, fraction: 0.5 },
      { atLeast: 90, fraction: 1 },
      { atLeast: 75, fraction: 0.8 },
    ];
    const s = scheme(listed);
    const reversed = scheme([...listed].reverse());
    for (const sc of [s, reversed]) {
      expect(run(sc, 88).earned).toBe(8);
      expect(run(sc, 90).earned).toBe(10);
      expect(run(sc, 100).earned).toBe(10);
      expect(run(sc, 75).earned).toBe(8);
      expect(run(sc, 74.99).earned).toBe(5);
      expect(run(sc, 0).earned).toBe(5);
    }
  });

  it("scores 0 below every step", () => {
    const s = scheme([
      { atLeast: 60, fraction: 0.6 },
      { atLeast: 80, fraction: 1 },
    ]);
    expect(run(s, 59.9)).toMatchObject({ earned: 0, fraction: 0 });
    expect(run(s, -1).earned).toBe(0);
  });

  it("with atMost lists, the lowest atMost the value is at or under wins", () => {
    const s = scheme([
      { atMost: 5, fraction: 0.2 },
      { atMost: 0, fraction: 1 },
      { atMost: 3, fraction: 0.6 },
    ]);
    expect(run(s, 0).earned).toBe(10);
    expect(run(s, -2).earned).toBe(10);
    expect(run(s, 2).earned).toBe(6);
    expect(run(s, 3).earned).toBe(6);
    expect(run(s, 5).earned).toBe(2);
    expect(run(s, 6).earned).toBe(0);
  });

  it("gives points where the step names points", () => {
    const s = scheme([
      { atLeast: 60, points: 6 },
      { atLeast: 90, points: 10 },
    ]);
    expect(run(s, 70)).toMatchObject({ earned: 6, fraction: 0.6 });
    expect(run(s, 95)).toMatchObject({ earned: 10, fraction: 1 });
    expect(run(s, 10).earned).toBe(0);
  });

  it("rejects a step whose points exceed the indicator's", () => {
    const r = safeDefineScheme({
      id: "st",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "steps", steps: [{ atLeast: 1, points: 12 }] } }] }],
    });
    expect(r.success || r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["out_of_range", "groups.0.indicators.0.method.steps.0.points"]]);
  });

  const stepIssues = (steps: readonly object[]) => {
    const r = safeDefineScheme({
      id: "st",
      full: 10,
      groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "steps", steps } }] }],
    } as SchemeConfig);
    return r.success ? [] : r.issues.map((i) => [i.code, i.path.join(".")]);
  };

  it("rejects a repeated threshold", () => {
    expect(stepIssues([{ atLeast: 1, fraction: 1 }, { atLeast: "1.0", fraction: 0.5 }])).toEqual([
      ["invalid_rule", "groups.0.indicators.0.method.steps.1"],
    ]);
  });

  it("rejects a step with both fraction and points, or with neither threshold", () => {
    expect(stepIssues([{ atLeast: 0, fraction: 0.5, points: 5 }])).toEqual([["invalid_rule", "groups.0.indicators.0.method.steps.0"]]);
    expect(stepIssues([{ fraction: 0.5 }])).toEqual([["invalid_rule", "groups.0.indicators.0.method.steps.0"]]);
  });
});
