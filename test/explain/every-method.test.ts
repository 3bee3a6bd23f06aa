import { describe, expect, it } from "vitest";
import { defineScheme, explain, scoreAll, type SchemeConfig } from "../../src/index.js";

// One scheme with every method, both directions where a method has them, a not-applicable
// indicator, items aimed at an indicator, both adjustment lists, vetoes and rounding: each line of
// the explanation, in both languages, as a cadre would read it (R24).
const scheme: SchemeConfig = {
  id: "every",
  full: 100,
  rounding: { indicator: { decimals: 2, mode: "half-even" }, total: { decimals: 1, mode: "down" } },
  adjustments: { bonus: { cap: 1 }, deduction: { cap: 2 } },
  vetoes: [{ id: "warn", name: "诫勉", effect: "cap", cap: 60 }, { id: "note", name: "通报", effect: "flag" }],
  groups: [
    {
      id: "a",
      name: "甲组",
      points: 50,
      indicators: [
        { id: "c1", name: "完成率", points: 5, method: { type: "completion", target: 80, cap: 0.9 } },
        { id: "c2", name: "欠税率", points: 5, method: { type: "completion", target: 5, direction: "lower" } },
        { id: "c3", name: "差错率", points: 5, method: { type: "completion", target: 5, direction: "lower" } },
        { id: "b1", name: "积压", points: 5, method: { type: "band", best: 0, worst: 10, worstFraction: 0.2 } },
        { id: "s1", name: "政治", points: 5, method: { type: "steps", steps: [{ atLeast: 90, fraction: 1 }, { atLeast: 60, points: 2.5 }] } },
        { id: "s2", name: "培训", points: 5, method: { type: "steps", steps: [{ atLeast: 90, fraction: 1 }] } },
        { id: "g1", name: "学习", points: 5, method: { type: "grade", grades: { 优: 1, 良: 0.85 } } },
        { id: "d1", name: "考勤", points: 5, method: { type: "deduction", per: 2, max: 4, floor: 1.5 } },
        { id: "x1", name: "加分项", points: 5, method: { type: "bonus", per: 2 } },
        { id: "v1", name: "测评", points: 5, method: { type: "votes", grades: { 优秀: 1, 称职: 0.8, 不称职: 0 }, flag: { id: "third", name: "不称职票三分之一", grades: ["不称职"], atLeast: "1/3" } } },
      ],
    },
    {
      id: "b",
      name: "乙组",
      points: 50,
      indicators: [
        { id: "r1", name: "办件排名", points: 10, method: { type: "rank", step: 3, floor: 5 } },
        { id: "r2", name: "入库排名", points: 10, method: { type: "rank", proportional: true } },
        { id: "t1", name: "领导评鉴", points: 10, method: { type: "direct", scale: 100 } },
        { id: "t2", name: "抢单", points: 10, method: { type: "direct" } },
        { id: "n1", name: "专项", points: 10, method: { type: "direct" } },
      ],
    },
  ],
};

const values = { c1: 90, c2: 3, c3: 8, b1: 4, s1: 70, s2: 10, g1: "良", d1: 5, x1: 4, v1: { 优秀: 4, 称职: 1, 不称职: 3 }, t1: 92.5, t2: 8, n1: { na: true, reason: "未参加" } };
const results = scoreAll(defineScheme(scheme), [
  { id: "p1", name: "张三", values: { ...values, r1: 30, r2: 40 }, bonus: [{ points: 0.5, reason: "a" }, { points: 1, reason: "b" }, { points: 1, reason: "c", indicator: "t2" }], deductions: [{ points: 3, reason: "d" }], vetoes: ["warn", { id: "note", reason: "通报一次" }] },
  { id: "p2", values: { ...values, r1: 50, r2: 80 } },
]);

describe("explain: every method and step, in both languages", () => {
  it("in Chinese", () => {
    expect(explain(results[0]!)).toMatchInlineSnapshot(`
      "张三（p1） · 方案 every
      甲组：32.27 / 50
        完成率：4.5 / 5 — 完成率 90 ÷ 80 = 1.125，按 0.9 计（上限 0.9）；5 × 0.9 = 4.5
        欠税率：5 / 5 — 越低越好，实际 3 不高于目标 5，得满分 5
        差错率：3.12 / 5 — 越低越好，目标 5 ÷ 实际 8 = 0.625；5 × 0.625 = 3.125；保留 2 位小数（四舍六入五成双）：3.125 → 3.12
        积压：3.4 / 5 — 区间计分：最差 10、最好 0，实际 4，得分比例 0.68；5 × 0.68 = 3.4
        政治：2.5 / 5 — 分档计分：70 达到「≥ 60」档，得 2.5 分
        培训：0 / 5 — 分档计分：10 未达到任何一档，得 0
        学习：4.25 / 5 — 等级「良」计 0.85；5 × 0.85 = 4.25
        考勤：1.5 / 5 — 扣分：5 次 × 2 = 扣 4（最多扣 4）；5 − 4 = 1，不低于 1.5，得 1.5
        加分项：5 / 5 — 加分：4 项 × 2 = 8，以分值 5 为上限，得 5
        测评：3 / 5 — 民主测评：优秀 4 票 × 1，称职 1 票 × 0.8，不称职 3 票 × 0，共 8 票，得分比例 0.6；5 × 0.6 = 3；标记「不称职票三分之一」：不称职 3/8 ≥ 1/3
      乙组：30.25 / 50（应得分 40）
        办件排名：7 / 10 — 排名计分：2 名中第 2 名；10 − (2 − 1) × 3，不低于 5 = 7
        入库排名：5 / 10 — 排名计分：2 名中第 2 名，按与第一名 80 的比例 0.5；得 5
        领导评鉴：9.25 / 10 — 直接给分 92.5（满分 100）折合 9.25
        抢单：9 / 10 — 直接给分 8；单项加减分：8 + 1 − 0，在 0～10 之间，得 9
        专项：0 / 10 — 不适用（未参加），不计入应得分
      各组合计：32.27 + 30.25 = 62.52
      有不适用指标，折算：实得分 62.52 ÷ 应得分 90 × 满分 100 = 69.466666…
      加分 2 项，合计 1.5，上限 1，计 1
      减分 1 项，合计 3，上限 2，计 2
      69.466666… + 加分 1 − 减分 2 = 68.466666…
      否决项「诫勉」：总分以 60 为上限，68.466666… → 60
      否决项「通报」已记录（通报一次），供评定等次使用
      保留 1 位小数（舍去）：60 → 60
      总分 60（满分 100）"
    `);
  });

  it("in English", () => {
    expect(explain(results[0]!, { locale: "en" })).toMatchInlineSnapshot(`
      "张三 (p1) · scheme every
      甲组: 32.27 / 50
        完成率: 4.5 / 5 — completion 90 ÷ 80 = 1.125, counted as 0.9 (cap 0.9); 5 × 0.9 = 4.5
        欠税率: 5 / 5 — lower is better: actual 3 is at or below the target 5, full marks 5
        差错率: 3.12 / 5 — lower is better: target 5 ÷ actual 8 = 0.625; 5 × 0.625 = 3.125; rounded to 2 decimals (half to even): 3.125 → 3.12
        积压: 3.4 / 5 — band from worst 10 to best 0: value 4 gives the fraction 0.68; 5 × 0.68 = 3.4
        政治: 2.5 / 5 — steps: 70 reaches the step "≥ 60"; 2.5 points
        培训: 0 / 5 — steps: 10 reaches no step, 0
        学习: 4.25 / 5 — grade "良" counts 0.85; 5 × 0.85 = 4.25
        考勤: 1.5 / 5 — deduction: 5 × 2 = 4 off (at most 4); 5 − 4 = 1, not below 1.5: 1.5
        加分项: 5 / 5 — bonus: 4 × 2 = 8, capped at the 5 points, 5
        测评: 3 / 5 — votes: 优秀 4 × 1, 称职 1 × 0.8, 不称职 3 × 0; 8 votes, fraction 0.6; 5 × 0.6 = 3; flag "不称职票三分之一": 不称职 3/8 ≥ 1/3
      乙组: 30.25 / 50 (applicable 40)
        办件排名: 7 / 10 — rank: place 2 of 2; 10 − (2 − 1) × 3, not below 5 = 7
        入库排名: 5 / 10 — rank: place 2 of 2, in proportion 0.5 to the leader's 80; 5
        领导评鉴: 9.25 / 10 — given score 92.5 of 100, worth 9.25
        抢单: 9 / 10 — given score 8; items aimed at it: 8 + 1 − 0, kept within 0 to 10: 9
        专项: 0 / 10 — does not apply (未参加); left out of the applicable points
      groups: 32.27 + 30.25 = 62.52
      some indicators do not apply, converted: earned 62.52 ÷ applicable 90 × full 100 = 69.466666…
      bonus: 2 item(s), 1.5, cap 1, counted 1
      deductions: 1 item(s), 3, cap 2, counted 2
      69.466666… + bonus 1 − deductions 2 = 68.466666…
      veto "诫勉": the total is capped at 60, 68.466666… → 60
      veto "通报" recorded (通报一次) for the tier rules
      rounded to 1 decimals (down): 60 → 60
      Total 60 (full 100)"
    `);
  });
});
