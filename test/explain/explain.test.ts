import { describe, expect, it } from "vitest";
import { county361Example, defineScheme, explain, isJixiaoError, score, type ScoreResult } from "../../src/index.js";

const scheme = defineScheme(county361Example);
const c001 = score(scheme, {
  id: "c001",
  name: "张伟",
  values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 },
  bonus: [{ points: 1, reason: "创新" }],
});

describe("explain", () => {
  it("explains every indicator, the groups, the bonus and the total in Chinese", () => {
    expect(explain(c001)).toMatchInlineSnapshot(`
      "张伟（c001） · 方案 county-personal-2024Q3
      共性指标：25.5 / 30
        考勤：9 / 10 — 扣分：2 次 × 0.5 = 扣 1；10 − 1 = 9
        学习：8.5 / 10 — 等级「良」计 0.85；10 × 0.85 = 8.5
        政治素质：8 / 10 — 分档计分：88 达到「≥ 75」档，10 × 0.8 = 8
      个性指标：52.6 / 60
        征收任务完成率：38.6 / 40 — 完成率 96.5 ÷ 100 = 0.965；40 × 0.965 = 38.6
        积压件：14 / 20 — 区间计分：最差 10、最好 0，实际 3，得分比例 0.7；20 × 0.7 = 14
      竞争性指标：7.2 / 10
        抢单得分：7.2 / 10 — 直接给分 7.2
      各组合计：25.5 + 52.6 + 7.2 = 85.3
      加分 1 项，合计 1，上限 3，计 1
      85.3 + 加分 1 − 减分 0 = 86.3
      保留 2 位小数（四舍五入）：86.3 → 86.3
      总分 86.3（满分 100）"
    `);
  });

  it("explains in English", () => {
    const text = explain(c001, { locale: "en" });
    expect(text).toContain("completion 96.5 ÷ 100 = 0.965; 40 × 0.965 = 38.6");
    expect(text.split("\n").at(-1)).toBe("Total 86.3 (full 100)");
  });

  it("explains conversion, caps, rounding that changes a value, vetoes and the floor at 0", () => {
    const r = score(scheme, {
      id: "c002",
      values: { attendance: 30, study: "优", political: 60, collection: { na: true, reason: "新入职" }, backlog: 12, grabbed: 3.333 },
      deductions: [{ points: 4, reason: "差错" }, { points: 3, reason: "投诉" }],
      vetoes: [{ id: "discipline", reason: "违纪" }],
    });
    const text = explain(r);
    expect(text).toContain("10 − 15 = -5，不低于 0，得 0");
    expect(text).toContain("不适用（新入职），不计入应得分");
    expect(text).toContain("保留 2 位小数（四舍五入）：3.333 → 3.33");
    expect(text).toContain("折算：实得分 18.33 ÷ 应得分 60 × 满分 100 = 30.55");
    expect(text).toContain("减分 2 项，合计 7，上限 5，计 5");
    expect(text).toContain("否决项「违纪违法」（违纪）：总分由 25.55 归零");
    expect(text).toContain("总分 0（满分 100）");
  });

  it("shortens long decimals for reading while the trace keeps them exact", () => {
    const r = score(scheme, { id: "c003", values: { attendance: 0, study: "优", political: 60, collection: null, backlog: 0, grabbed: 1 } });
    // (10 + 10 + 5 + 20 + 1) ÷ 60 × 100, to 40 significant digits
    expect(r.trace.find((s) => s.rule === "convert")!.result).toBe("76.66666666666666666666666666666666666667");
    expect(explain(r)).toContain("= 76.666666…");
    expect(r.total).toBe(76.67);
  });

  it("rejects what is not a score result with a JixiaoError", () => {
    for (const bad of [null, 42, "c001", {}, { ...c001, trace: "x" }, { ...c001, total: Number.NaN }]) {
      let caught: unknown;
      try {
        explain(bad as unknown as ScoreResult);
      } catch (error) {
        caught = error;
      }
      expect(isJixiaoError(caught)).toBe(true);
    }
    expect(() => explain(c001, { locale: "fr" as "en" })).toThrowError(/locale/);
  });
});
