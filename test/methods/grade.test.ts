import { describe, expect, it } from "vitest";
import { defineScheme, safeScore, score } from "../../src/index.js";

const scheme = defineScheme({
  id: "gr",
  full: 10,
  groups: [
    {
      id: "g",
      points: 10,
      indicators: [{ id: "study", points: 10, kind: "qualitative", method: { type: "grade", grades: { 优: 1, 良: 0.85, 中: 0.7, 差: 0.5 } } }],
    },
  ],
});
const run = (value: unknown) => score(scheme, { id: "s", values: { study: value } }).indicators[0]!;

describe("grade", () => {
  it("gives the grade's fraction of the points", () => {
    expect(run("优")).toMatchObject({ earned: 10, fraction: 1 });
    expect(run("良")).toMatchObject({ earned: 8.5, fraction: 0.85 });
    expect(run("中").earned).toBe(7);
    expect(run("差").earned).toBe(5);
  });

  it("rejects an unknown grade, naming the grades allowed", () => {
    const r = safeScore(scheme, { id: "s", values: { study: "好" } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.code).toBe("unknown_grade");
    expect(r.issues[0]!.path).toEqual(["values", "study"]);
    expect(r.issues[0]!.message).toContain('"好"');
    expect(r.issues[0]!.message).toContain("优, 良, 中, 差");
  });

  it("does not take a prototype key as a grade", () => {
    const r = safeScore(scheme, { id: "s", values: { study: "toString" } });
    expect(r.success || r.issues[0]!.code).toBe("unknown_grade");
  });

  it("rejects a value that is not a grade name", () => {
    const r = safeScore(scheme, { id: "s", values: { study: 1 } });
    expect(r.success || r.issues.map((i) => i.code)).toEqual(["invalid_type"]);
  });
});
