import { message } from "./types.js";

/** The issues of roadmap/ and board/: roadmaps (路线图), mid-year versions, monthly key tasks and the monthly board (三晒). */
export const ROADMAP_MESSAGES = {
  roadmapItemTwice: message<{ indicator: string; owner: string; first: number }>({
    "zh-CN": (p, w) => `指标${w.q(p.indicator)}对责任人${w.q(p.owner)}已在 items[${p.first}] 列出，每个指标对每个责任人只有一条路线图`,
    en: (p) => `indicator "${p.indicator}" for owner "${p.owner}" is already items[${p.first}]; one item per indicator and owner`,
  }),
  roadmapMilestoneTwice: message<{ id: string }>({
    "zh-CN": (p, w) => `节点编号${w.q(p.id)}重复`,
    en: (p) => `repeats the milestone id "${p.id}"`,
  }),
  roadmapDueTaken: message<{ id: string; due: string }>({
    "zh-CN": (p, w) => `节点${w.q(p.id)}已在 ${p.due} 到期，同一天只能有一个节点`,
    en: (p) => `milestone "${p.id}" is already due on ${p.due}; one milestone a day`,
  }),
  roadmapUnknownItem: message<{ indicator: string; owner: string }>({
    "zh-CN": (p, w) => `路线图中没有指标${w.q(p.indicator)}对责任人${w.q(p.owner)}的条目`,
    en: (p) => `the roadmap has no item for indicator "${p.indicator}" and owner "${p.owner}"`,
  }),
  roadmapActualTwice: message<{ day: string; first: number }>({
    "zh-CN": (p) => `截至 ${p.day} 的实际值已在 actuals[${p.first}] 报送，同一天只能有一个值`,
    en: (p) => `a value at ${p.day} is already actuals[${p.first}]; one value a day`,
  }),
};
