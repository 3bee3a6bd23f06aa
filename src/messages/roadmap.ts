import { message, type Locale } from "./types.js";

/** Words for where an item stands against its timetable, and for a milestone's status. @internal */
export const TIMETABLE_WORDS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  ahead: { "zh-CN": "超前", en: "ahead" },
  "on-time": { "zh-CN": "按进度", en: "on time" },
  behind: { "zh-CN": "滞后", en: "behind" },
  met: { "zh-CN": "按期完成", en: "met on time" },
  late: { "zh-CN": "逾期完成", en: "met late" },
  missed: { "zh-CN": "未完成", en: "missed" },
  pending: { "zh-CN": "未到期", en: "not yet due" },
};
const word = (k: string, locale: Locale) => TIMETABLE_WORDS[k]?.[locale] ?? k;

/** The words of the monthly board (三晒): section titles, column headers and kinds. @internal */
export const BOARD_WORDS = {
  results: { "zh-CN": "晒成绩", en: "Results" },
  shortfalls: { "zh-CN": "晒不足", en: "Shortfalls" },
  plans: { "zh-CN": "晒打算", en: "Plans" },
  explanation: { "zh-CN": "得分说明", en: "Explanation" },
  rank: { "zh-CN": "名次", en: "Rank" },
  who: { "zh-CN": "姓名", en: "Name" },
  peerGroup: { "zh-CN": "比较组", en: "Peer group" },
  total: { "zh-CN": "总分", en: "Total" },
  tier: { "zh-CN": "等次", en: "Tier" },
  totalChange: { "zh-CN": "较上月", en: "Change" },
  rankChange: { "zh-CN": "名次变化", en: "Rank change" },
  keyTaskCredit: { "zh-CN": "重点任务积分", en: "Key-task credit" },
  kind: { "zh-CN": "类型", en: "Kind" },
  item: { "zh-CN": "指标/任务", en: "Indicator / task" },
  gap: { "zh-CN": "差距（分）", en: "Gap (points)" },
  close: { "zh-CN": "补齐办法", en: "To close it" },
  count: { "zh-CN": "人数", en: "People" },
  largest: { "zh-CN": "最大差距（分）", en: "Largest gap (points)" },
  due: { "zh-CN": "到期日", en: "Due" },
  owner: { "zh-CN": "责任人", en: "Owner" },
  milestone: { "zh-CN": "节点", en: "Milestone" },
  target: { "zh-CN": "目标值", en: "Target" },
  none: { "zh-CN": "（无）", en: "(none)" },
  "below-target": { "zh-CN": "未达目标", en: "Below target" },
  "behind-timetable": { "zh-CN": "进度滞后", en: "Behind the timetable" },
  "bottom-of-group": { "zh-CN": "同组末位", en: "Bottom of the group" },
  "key-task": { "zh-CN": "重点任务滞后", en: "Key task behind" },
  "plan-milestone": { "zh-CN": "路线图节点", en: "Roadmap milestone" },
  "plan-key-task": { "zh-CN": "重点任务", en: "Key task" },
} as const satisfies Readonly<Record<string, Readonly<Record<Locale, string>>>>;

/** Words for a change between roadmap versions. */
const CHANGE_WORDS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  "item-added": { "zh-CN": "新增指标", en: "indicator added" },
  "item-dropped": { "zh-CN": "取消指标", en: "indicator dropped" },
  points: { "zh-CN": "分值", en: "points" },
  "milestone-added": { "zh-CN": "新增节点", en: "milestone added" },
  "milestone-dropped": { "zh-CN": "取消节点", en: "milestone dropped" },
  target: { "zh-CN": "目标值", en: "target" },
  due: { "zh-CN": "到期日", en: "due day" },
};

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

  // The explanation of an item's progress (roadmap/explain.ts).
  roadmapExplainHead: message<{ name: string; owner: string; asOf: string; actual: string; expected: string; current: string; status: string; gap: string }>({
    "zh-CN": (p) =>
      `${p.name}（${p.owner}）：截至 ${p.asOf}，实际 ${p.actual || "未报送"}` +
      (p.expected ? `，应达 ${p.expected}（节点 ${p.current}）` : "，尚无到期节点") +
      `，${word(p.status, "zh-CN")}` +
      (p.gap && p.status === "behind" ? ` ${p.gap.replace(/^-/, "")}` : p.gap && p.gap !== "0" && p.status !== "behind" ? `，高出 ${p.gap}` : "") +
      "。",
    en: (p) =>
      `${p.name} (${p.owner}): as of ${p.asOf}, actual ${p.actual || "not reported"}` +
      (p.expected ? `, expected ${p.expected} (milestone ${p.current})` : ", no milestone due yet") +
      `; ${word(p.status, "en")}` +
      (p.gap && p.status === "behind" ? ` by ${p.gap.replace(/^-/, "")}` : p.gap && p.gap !== "0" && p.status !== "behind" ? `, ${p.gap} above` : "") +
      ".",
  }),
  roadmapExplainNext: message<{ id: string; due: string; target: string }>({
    "zh-CN": (p) => `下一节点 ${p.id}：${p.due} 前达到 ${p.target}。`,
    en: (p) => `Next milestone ${p.id}: ${p.target} by ${p.due}.`,
  }),
  roadmapExplainMilestone: message<{ id: string; due: string; target: string; value: string; status: string }>({
    "zh-CN": (p) => `节点 ${p.id}（${p.due}）目标 ${p.target}，到期实际 ${p.value || "—"}：${word(p.status, "zh-CN")}`,
    en: (p) => `milestone ${p.id} (${p.due}) target ${p.target}, actual by then ${p.value || "—"}: ${word(p.status, "en")}`,
  }),
  roadmapExplainNoneDue: message<{ points: string }>({
    "zh-CN": (p) => `尚无到期节点，得满分 ${p.points}`,
    en: (p) => `no milestone due yet: full points ${p.points}`,
  }),
  roadmapExplainShare: message<{ points: string; met: string; late: string; lateCredit: string; due: string; result: string }>({
    "zh-CN": (p) => `按期完成节点占比计分：${p.points} ×（${p.met}${p.late !== "0" ? ` + ${p.late} × ${p.lateCredit}` : ""}）÷ ${p.due} = ${p.result}`,
    en: (p) => `by the share of milestones met on time: ${p.points} × (${p.met}${p.late !== "0" ? ` + ${p.late} × ${p.lateCredit}` : ""}) ÷ ${p.due} = ${p.result}`,
  }),
  roadmapExplainGap: message<{ points: string; numerator: string; denominator: string; result: string }>({
    "zh-CN": (p) => `按当前节点完成程度计分：${p.points} × ${p.numerator} ÷ ${p.denominator} = ${p.result}`,
    en: (p) => `by the completion of the current milestone: ${p.points} × ${p.numerator} ÷ ${p.denominator} = ${p.result}`,
  }),
  roadmapExplainRound: message<{ value: string; decimals: string; result: string }>({
    "zh-CN": (p) => `${p.value} 保留 ${p.decimals} 位小数 = ${p.result}`,
    en: (p) => `${p.value} to ${p.decimals} decimals = ${p.result}`,
  }),
  roadmapExplainPart: message<{ version: string; days: number; score: string }>({
    "zh-CN": (p) => `版本 ${p.version} 生效 ${p.days} 天，得分 ${p.score}`,
    en: (p) => `version ${p.version} in force ${p.days} days, score ${p.score}`,
  }),
  roadmapExplainProRata: message<{ parts: readonly string[]; result: string }>({
    "zh-CN": (p, w) => `跨期按生效天数折算：${w.list(p.parts)}，加权得 ${p.result}`,
    en: (p, w) => `pro rata by days in force: ${w.list(p.parts)}; weighted ${p.result}`,
  }),
  roadmapExplainChange: message<{ version: string; from: string; by: string; note: string; kind: string; milestone: string; before: string; after: string }>({
    "zh-CN": (p) =>
      `调整：版本 ${p.version} 自 ${p.from} 起生效${p.by ? `（${p.by}决定${p.note ? `：${p.note}` : ""}）` : p.note ? `（${p.note}）` : ""}，` +
      `${p.milestone ? `节点 ${p.milestone} ` : ""}${CHANGE_WORDS[p.kind]?.["zh-CN"] ?? p.kind}${p.before && p.after ? ` ${p.before} → ${p.after}` : p.after ? ` ${p.after}` : p.before ? ` ${p.before}` : ""}`,
    en: (p) =>
      `change: version ${p.version} in force from ${p.from}${p.by ? ` (decided by ${p.by}${p.note ? `: ${p.note}` : ""})` : p.note ? ` (${p.note})` : ""}, ` +
      `${p.milestone ? `milestone ${p.milestone} ` : ""}${CHANGE_WORDS[p.kind]?.en ?? p.kind}${p.before && p.after ? ` ${p.before} → ${p.after}` : p.after ? ` ${p.after}` : p.before ? ` ${p.before}` : ""}`,
  }),

  // Monthly key tasks (board/key-tasks.ts).
  keyTaskNotMonth: message<{ period: string }>({
    "zh-CN": (p, w) => `月度重点任务清单的期间应为一个月（如 2026-10），实际是${w.q(p.period)}`,
    en: (p) => `a month's key task list covers a month (such as 2026-10), not "${p.period}"`,
  }),
  keyTaskOwnerTwice: message<{ task: string; person: string }>({
    "zh-CN": (p, w) => `任务${w.q(p.task)}已交办给${w.q(p.person)}，重复列出`,
    en: (p) => `task "${p.task}" is already handed to "${p.person}"`,
  }),
  keyTaskUnknownPerson: message<{ person: string }>({
    "zh-CN": (p, w) => `人员名单中没有${w.q(p.person)}`,
    en: (p) => `no member of staff is "${p.person}"`,
  }),
  keyTaskNoOwner: message<{ task: string }>({
    "zh-CN": (p, w) => `任务${w.q(p.task)}没有交办给任何人；每项重点任务都要有责任人`,
    en: (p) => `task "${p.task}" is handed to nobody; every key task has an owner`,
  }),
  boardNotMade: message({
    "zh-CN": () => "不是由 boardFromDocument 生成的看板",
    en: () => "is not a board made by boardFromDocument",
  }),
  keyTaskIndicatorNeedsSubjects: message({
    "zh-CN": () => `填写了 keyTasks.indicator，就要同时给出考评方案（scheme）和考评对象（subjects），积分计入该指标`,
    en: () => `keyTasks.indicator needs a scheme and subjects: the credit is that indicator's value`,
  }),
  keyTaskValueGiven: message<{ indicator: string }>({
    "zh-CN": (p, w) => `指标${w.q(p.indicator)}的值由重点任务积分自动填入，考评对象不应再填写`,
    en: (p) => `indicator "${p.indicator}" takes the key-task credit: leave it out of the subject`,
  }),
  keyTaskNoQuality: message<{ task: string }>({
    "zh-CN": (p, w) => `任务${w.q(p.task)}进度为 100%，需填写质量效果（quality）`,
    en: (p) => `task "${p.task}" is at 100%: give its quality`,
  }),

  // The monthly board (board/view.ts).
  boardTitle: message<{ unit: string; month: string; own: string }>({
    "zh-CN": (p) => `${p.unit} ${p.month.replace(/^(\d{4})-(\d{2})$/, (_, y: string, m: string) => `${y} 年 ${Number(m)} 月`)}绩效“三晒”${p.own ? `：${p.own}` : ""}`,
    en: (p) => `${p.unit}: the monthly board for ${p.month}${p.own ? `, ${p.own}` : ""}`,
  }),
  boardCloseFull: message<{ points: string }>({
    "zh-CN": (p) => `该指标拿满分值，需再得 ${p.points} 分`,
    en: (p) => `earn the indicator's full points: ${p.points} more`,
  }),
  boardCloseReach: message<{ value: string; next: string; due: string; target: string }>({
    "zh-CN": (p) => `实际值达到 ${p.value}${p.next ? `，${p.due} 前达到下一节点 ${p.target}` : ""}`,
    en: (p) => `reach ${p.value}${p.next ? `, and ${p.target} by ${p.due}` : ""}`,
  }),
  boardClosePass: message<{ above: string; points: string }>({
    "zh-CN": (p) => `再得 ${p.points} 分可与${p.above}持平`,
    en: (p) => `${p.points} more points to draw level with ${p.above}`,
  }),
  boardCloseFinish: message<{ progress: string; deadline: string }>({
    "zh-CN": (p) => `剩余 ${p.progress}% 进度，完成时限 ${p.deadline}`,
    en: (p) => `${p.progress} percentage points to go; deadline ${p.deadline}`,
  }),
};
