import { deepFreeze } from "../core/freeze.js";
import type { SchemeConfig } from "../scheme/types.js";

/**
 * **Example, not official policy.** A county bureau's quarterly personal scheme in the "361"
 * structure of R21 (Zhuxi county: 30 points common, 60 individual, 10 competitive). The split
 * comes from the Zhuxi article; every indicator, point value, grade value and step below is an illustrative
 * choice for demos and tests. Copy it and put your bureau's own numbers in.
 *
 * @example
 * ```ts
 * score(defineScheme(county361Example), {
 *   id: "c001",
 *   values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 },
 *   bonus: [{ points: 1, reason: "创新" }],
 * }).total;
 * //=> 86.3
 * ```
 */
export const county361Example: SchemeConfig = deepFreeze<SchemeConfig>({
  id: "county-personal-2024Q3",
  name: "县局个人绩效 361（示例）",
  description: "Example only: the 361 structure of R21 with illustrative indicators and numbers.",
  full: 100,
  rounding: { indicator: { decimals: 2, mode: "half-up" }, total: { decimals: 2, mode: "half-up" } },
  notApplicable: "convert",
  groups: [
    {
      id: "common",
      name: "共性指标",
      points: 30,
      indicators: [
        { id: "attendance", name: "考勤", points: 10, method: { type: "deduction", per: 0.5, floor: 0 } },
        { id: "study", name: "学习", points: 10, kind: "qualitative", method: { type: "grade", grades: { 优: 1, 良: 0.85, 中: 0.7, 差: 0.5 } } },
        {
          id: "political",
          name: "政治素质",
          points: 10,
          method: {
            type: "steps",
            steps: [
              { atLeast: 90, fraction: 1 },
              { atLeast: 75, fraction: 0.8 },
              { atLeast: 0, fraction: 0.5 },
            ],
          },
        },
      ],
    },
    {
      id: "individual",
      name: "个性指标",
      points: 60,
      indicators: [
        { id: "collection", name: "征收任务完成率", points: 40, kind: "quantitative", source: "system", method: { type: "completion", target: 100, cap: 1 } },
        { id: "backlog", name: "积压件", points: 20, method: { type: "band", best: 0, worst: 10 } },
      ],
    },
    {
      id: "competitive",
      name: "竞争性指标",
      points: 10,
      indicators: [{ id: "grabbed", name: "抢单得分", points: 10, method: { type: "direct" } }],
    },
  ],
  adjustments: { bonus: { cap: 3 }, deduction: { cap: 5 } },
  vetoes: [{ id: "discipline", name: "违纪违法", effect: "zero" }],
});
