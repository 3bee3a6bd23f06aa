// Percent cells in sheets, the sheet's side on its own, against the shape the units work gives the
// engine: an indicator may declare `unit: "ratio" | "percent"`, and a result may carry `warnings`
// (issues with the code `implausible_value`). The two seams are stood in for here — the unit an
// indicator declares (`unitOf`) and the warnings a result carries (`safeScoreAll`) — so that these
// tests hold whatever the engine warns about; zh.test.ts has the case end to end.
import { describe, expect, it, vi } from "vitest";
import { issue, type IssueCode } from "../../src/core/errors.js";
import { shown } from "../../src/messages/index.js";
import type { ScoreResult } from "../../src/scoring/result.js";

vi.mock("../../src/tables/numbers.js", async (original) => {
  const real = await original<typeof import("../../src/tables/numbers.js")>();
  return { ...real, unitOf: (indicator: { id: string }) => (indicator.id === "ratio" ? "ratio" : real.unitOf(indicator)) };
});

vi.mock("../../src/scoring/score.js", async (original) => {
  const real = await original<typeof import("../../src/scoring/score.js")>();
  // Warns of a completion rate below 2 given to an indicator whose target is 100: 0.965 for 96.5 %.
  const warn = (r: ScoreResult, k: number): ScoreResult => {
    const rate = r.indicators.find((i) => i.id === "collection");
    if (!rate || typeof rate.value !== "number" || rate.value >= 2) return r;
    const path = k % 2 === 0 ? ["values", "collection"] : [k, "values", "collection"];
    return { ...r, warnings: [issue("implausible_value" as IssueCode, path, { key: "decimalBound", bound: "atLeast", limit: "2", received: shown(rate.value) })] } as ScoreResult;
  };
  return {
    ...real,
    safeScoreAll: (...args: Parameters<typeof real.safeScoreAll>) => {
      const r = real.safeScoreAll(...args);
      return r.success ? { success: true, output: r.output.map(warn) } : r;
    },
  };
});

const { JIXIAO_SCORE } = await import("../../src/index.js");
const { SCHEME, SUBJECTS } = await import("./fixtures.js");

describe("percent cells in sheets", () => {
  it("reads 96.5% as 0.965 for an indicator whose values arrive as ratios", () => {
    const scheme = JSON.stringify({
      id: "q",
      full: 20,
      groups: [{ id: "g", points: 20, indicators: [
        { id: "ratio", name: "完成比例", points: 10, method: { type: "completion", target: 1 } },
        { id: "pct", name: "完成率", points: 10, method: { type: "completion", target: 100 } },
      ] }],
    });
    expect(JIXIAO_SCORE(scheme, [["编号", "完成比例", "完成率"], ["c1", "96.5%", "96.5%"], ["c2", 0.965, 96.5]], "总分")).toEqual([["总分"], [19.3], [19.3]]);
  });

  it("shows a result's warnings in the notes column, in the sheet's language, naming the column", () => {
    const range = [["编号", "姓名", "考勤", "学习", "政治素质", "征收任务完成率", "积压件", "抢单得分"], ["c001", "张伟", 2, "良", 88, 0.965, 3, 7.2], ["c002", "李娜", 0, "优", 92, 0.965, 0, 9.5], ["c003", "王强", 1, "中", 79, 96.5, 6, 2]];
    const zh = JIXIAO_SCORE(SCHEME, range);
    expect(zh[0]).toEqual(["编号", "总分", "名次", "说明"]);
    expect(zh[1]![3]).toBe("「征收任务完成率」列：应不小于 2，实际是 0.965");
    expect(zh[2]![3]).toBe("「征收任务完成率」列：应不小于 2，实际是 0.965");
    expect(zh[3]![3]).toBe("");
    const en = JIXIAO_SCORE(SCHEME, range, "", "", "en");
    expect(en[1]![3]).toBe("column 征收任务完成率: must be at least 2, not 0.965");
  });

  it("puts a warning after the reasons a total is not the plain sum", () => {
    const range = [[...SUBJECTS[0]!, "bonus"], ["c001", "张伟", 2, "良", 88, 0.965, 3, 7.2, 1]];
    expect(JIXIAO_SCORE(SCHEME, range, "notes")).toEqual([["说明"], ["加分 1；「collection」列：应不小于 2，实际是 0.965"]]);
  });
});
