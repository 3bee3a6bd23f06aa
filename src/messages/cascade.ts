import { message } from "./types.js";

/** A leader's linked parts as a message names them (R14). */
const LINK_PARTS = {
  departments: { "zh-CN": "分管部门", en: "departments" },
  contacts: { "zh-CN": "基层联系点", en: "contacts" },
} as const;

/** The issues of cascade/: organization trees, cascade plans, cascading, roll-up and leaders' links. */
export const CASCADE_MESSAGES = {
  // The organization tree.
  cascadeNotAUnit: message<{ unit: string }>({
    "zh-CN": (p, w) => `${w.q(p.unit)}不是组织树中的单位`,
    en: (p) => `"${p.unit}" is not a unit of the tree`,
  }),
  cascadeDuplicateUnit: message<{ id: string }>({
    "zh-CN": (p, w) => `单位编号${w.q(p.id)}重复`,
    en: (p) => `repeats the unit id "${p.id}"`,
  }),
  cascadeDuplicateDepartment: message<{ id: string; unit: string }>({
    "zh-CN": (p, w) => `单位${w.q(p.unit)}中的部门编号${w.q(p.id)}重复`,
    en: (p) => `repeats the department id "${p.id}" in unit "${p.unit}"`,
  }),
  cascadeNoRoot: message({
    "zh-CN": () => "没有根单位：每个单位都填了上级，形成了循环",
    en: () => "has no root: every unit names a parent, so they form a cycle",
  }),
  cascadeManyRoots: message<{ count: number; roots: readonly string[]; more: boolean }>({
    "zh-CN": (p, w) => `有 ${p.count} 个根单位（${w.list(p.roots)}${p.more ? "……" : ""}）；组织树只能有一个没有上级的单位`,
    en: (p, w) => `has ${p.count} roots (${w.list(p.roots)}${p.more ? ", …" : ""}); a tree has one unit without a parent`,
  }),
  cascadeOwnParent: message<{ unit: string }>({
    "zh-CN": (p, w) => `单位${w.q(p.unit)}的上级是它自己`,
    en: (p) => `unit "${p.unit}" is its own parent`,
  }),
  cascadeCycle: message<{ units: readonly string[]; more: boolean; root: string }>({
    "zh-CN": (p, w) => `存在循环：${w.list(p.units)}${p.more ? "……" : ""} 无法从根单位${w.q(p.root)}到达`,
    en: (p, w) => `has a cycle: ${w.list(p.units)}${p.more ? ", …" : ""} cannot be reached from the root "${p.root}"`,
  }),

  // The cascade plan.
  cascadeUnknownGroup: message<{ group: string; groups: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.group)}不是本方案的指标组；可选：${w.list(p.groups)}`,
    en: (p, w) => `"${p.group}" is not one of the plan's groups ${w.list(p.groups)}`,
  }),
  cascadeGroupRequired: message({
    "zh-CN": () => "必填：本方案列出了指标组，每个指标都要写明所属的组",
    en: () => "is required: the plan names its groups",
  }),
  cascadeDuplicateIndicator: message<{ id: string; first?: string }>({
    "zh-CN": (p, w) => `指标编号${w.q(p.id)}重复${p.first ? `（已用于 ${p.first}）` : ""}`,
    en: (p) => `repeats the indicator id "${p.id}"${p.first ? ` of ${p.first}` : ""}`,
  }),
  cascadeTargetDecimals: message<{ target: string; decimals: number }>({
    "zh-CN": (p) => `目标值 ${p.target} 的小数位多于该指标的 ${p.decimals} 位；请把 decimals 设为相应的位数`,
    en: (p) => `${p.target} has more decimals than the indicator's ${p.decimals}; give decimals to match`,
  }),
  cascadeSplitNeedsTarget: message({
    "zh-CN": () => "分解（split）需要该指标的目标值",
    en: () => "a split needs the indicator's target",
  }),
  cascadeAmountDecimals: message<{ amount: string; decimals: number }>({
    "zh-CN": (p) => `分解数 ${p.amount} 的小数位多于该指标的 ${p.decimals} 位`,
    en: (p) => `${p.amount} has more decimals than the indicator's ${p.decimals}`,
  }),
  cascadeDuplicateTemplate: message<{ level: string }>({
    "zh-CN": (p, w) => `层级${w.q(p.level)}的模板重复`,
    en: (p) => `repeats the template for level "${p.level}"`,
  }),
  cascadeDuplicateLocal: message<{ unit: string }>({
    "zh-CN": (p, w) => `单位${w.q(p.unit)}的自设指标重复列出；请只列一次`,
    en: (p) => `repeats the local indicators of unit "${p.unit}"; list them once`,
  }),

  // Cascading a plan down a tree.
  cascadeNotReceiver: message<{ indicator: string }>({
    "zh-CN": (p, w) => `不是这一层分得指标${w.q(p.indicator)}的单位；表中只列这一层的下级单位`,
    en: (p) => `is not a unit that receives "${p.indicator}" at this level`,
  }),
  cascadeChildMissing: message<{ parent: string }>({
    "zh-CN": (p, w) => `缺少数值：${w.q(p.parent)}的每个下级单位都要有一个数值`,
    en: (p) => `is missing: every child of "${p.parent}" needs a value`,
  }),
  cascadeSharesSum: message<{ parent: string; children: readonly string[]; total: string }>({
    "zh-CN": (p, w) => `${w.q(p.parent)}各下级单位（${w.list(p.children)}）的比例合计为 ${p.total}，应为 1`,
    en: (p, w) => `the shares of "${p.parent}"'s children (${w.list(p.children)}) add up to ${p.total}, not 1`,
  }),
  cascadeBasesZero: message<{ parent: string; children: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.parent)}各下级单位（${w.list(p.children)}）的基数合计为 0，无法按基数分解`,
    en: (p, w) => `the bases of "${p.parent}"'s children (${w.list(p.children)}) add up to 0; nothing to split by`,
  }),
  cascadeAmountsSum: message<{ parent: string; total: string; target: string }>({
    "zh-CN": (p, w) => `${w.q(p.parent)}各下级单位的分解数合计为 ${p.total}，应等于其目标值 ${p.target}`,
    en: (p) => `the amounts of "${p.parent}"'s children add up to ${p.total}, not its target ${p.target}`,
  }),
  cascadeNotBelowRoot: message<{ unit: string; root: string }>({
    "zh-CN": (p, w) => `${w.q(p.unit)}不是本方案根单位${w.q(p.root)}之下的单位`,
    en: (p) => `"${p.unit}" is not a unit below the plan's root "${p.root}"`,
  }),
  cascadeNoLocalBudget: message<{ unit: string; level: string }>({
    "zh-CN": (p, w) => `单位${w.q(p.unit)}（${p.level}）没有自设指标额度：该层级的模板没有给出 localBudget`,
    en: (p) => `unit "${p.unit}" (${p.level}) has no local budget: its level's template gives none`,
  }),
  cascadeOverBudget: message<{ unit: string; points: string; budget: string }>({
    "zh-CN": (p, w) => `单位${w.q(p.unit)}的自设指标共 ${p.points} 分，超过额度 ${p.budget} 分`,
    en: (p) => `unit "${p.unit}" adds ${p.points} local points, more than its budget of ${p.budget}`,
  }),
  cascadeRebaseZero: message<{ unit: string; full: string; indicators: readonly string[] }>({
    "zh-CN": (p, w) => `单位${w.q(p.unit)}按满分 ${p.full} 折算后，${w.list(p.indicators)} 的分值为 0；请加大满分，或减少指标、让分值更均衡`,
    en: (p, w) => `rebasing unit "${p.unit}" to ${p.full} leaves ${w.list(p.indicators)} with 0 points; give a larger full score or fewer, more even points`,
  }),
  cascadeUnitLacksIndicator: message<{ unit: string; indicator: string }>({
    "zh-CN": (p, w) => `单位${w.q(p.unit)}没有指标${w.q(p.indicator)}`,
    en: (p) => `unit "${p.unit}" has no indicator "${p.indicator}"`,
  }),
  cascadeNotDepartment: message<{ department: string; unit: string }>({
    "zh-CN": (p, w) => `${w.q(p.department)}不是单位${w.q(p.unit)}的部门`,
    en: (p) => `"${p.department}" is not a department of unit "${p.unit}"`,
  }),
  cascadeExecutorSharesPartial: message({
    "zh-CN": () => "只给部分执行人设了比例：要么都设，要么都不设（均分）",
    en: () => "gives shares for some executors and not others",
  }),
  cascadeExecutorSharesSum: message({
    "zh-CN": () => "执行人的比例合计不为 1",
    en: () => "the executors' shares do not add up to 1",
  }),

  // Rolling results up.
  rollUpNoRule: message<{ indicator: string }>({
    "zh-CN": (p, w) => `指标${w.q(p.indicator)}没有汇总规则`,
    en: (p) => `"${p.indicator}" has no roll-up rule`,
  }),
  rollUpDuplicateResult: message<{ unit: string; indicator: string }>({
    "zh-CN": (p) => `${p.unit} 的 ${p.indicator} 结果重复`,
    en: (p) => `repeats ${p.unit}'s result for ${p.indicator}`,
  }),
  rollUpCustomFailed: message<{ unit: string; error: string }>({
    "zh-CN": (p, w) => `自定义规则计算${w.q(p.unit)}时出错：${p.error}`,
    en: (p) => `the custom rule failed for "${p.unit}": ${p.error}`,
  }),
  rollUpCustomNotNumber: message<{ unit: string; output: string }>({
    "zh-CN": (p, w) => `自定义规则为${w.q(p.unit)}给出的是 ${p.output}，不是数字`,
    en: (p) => `the custom rule gave ${p.output} for "${p.unit}", not a number`,
  }),
  rollUpNoWeight: message<{ units: readonly string[]; parent: string }>({
    "zh-CN": (p, w) => `没有给出 ${w.list(p.units)}（${w.q(p.parent)}的下级单位）的权重`,
    en: (p, w) => `gives no weight for ${w.list(p.units)} (children of "${p.parent}")`,
  }),
  rollUpWeightsZero: message<{ parent: string }>({
    "zh-CN": (p, w) => `${w.q(p.parent)}各下级单位的权重合计为 0`,
    en: (p) => `the weights of "${p.parent}"'s children add up to 0`,
  }),
  rollUpRateTooLarge: message<{ unit: string; indicator: string; value: string; target: string }>({
    "zh-CN": (p) => `${p.unit} 的 ${p.indicator}：完成率 ${p.value} ÷ 目标值 ${p.target} 超出 ±10^18；目标值这么小，多半是填错了`,
    en: (p) => `${p.unit}'s ${p.indicator}: the completion rate ${p.value} ÷ target ${p.target} is beyond ±10^18; a target this small is likely a mistake`,
  }),

  // A leader's linked score (R14).
  leaderWeightsSum: message<{ total: string }>({
    "zh-CN": (p) => `合计为 ${p.total}，应为 1`,
    en: (p) => `add up to ${p.total}, not 1`,
  }),
  leaderWeightWithoutMembers: message<{ part: keyof typeof LINK_PARTS }>({
    "zh-CN": (p) => `设了权重，但没有列出${LINK_PARTS[p.part]["zh-CN"]}`,
    en: (p) => `has a weight but no ${LINK_PARTS[p.part].en} are named`,
  }),
  leaderWeightRequired: message<{ part: keyof typeof LINK_PARTS }>({
    "zh-CN": (p) => `必填：已列出${LINK_PARTS[p.part]["zh-CN"]}，要给出其权重`,
    en: (p) => `is required: ${LINK_PARTS[p.part].en} are named`,
  }),
  leaderNoScore: message<{ id: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)}没有得分`,
    en: (p) => `"${p.id}" has no score`,
  }),
};
