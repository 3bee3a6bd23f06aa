import type { TaskReason } from "../tasks/types.js";
import { message, type Locale, type Wording } from "./types.js";

/** The issues of tasks/: task boards, allocation (抢单、派单) and credit. */
export const TASKS_MESSAGES = {
  // The task board (亮单).
  taskBadUtcOffset: message<{ offset: string }>({
    "zh-CN": (p, w) => `${w.q(p.offset)}不是有效的 UTC 时差（最大 ±14:59）`,
    en: (p) => `"${p.offset}" is not a UTC offset (at most ±14:59)`,
  }),
  taskDuplicateTask: message<{ id: string; first: number }>({
    "zh-CN": (p, w) => `任务编号${w.q(p.id)}与 tasks[${p.first}] 重复`,
    en: (p) => `repeats the task id "${p.id}" of tasks[${p.first}]`,
  }),
  taskUnknownDifficulty: message<{ grade: string; grades: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.grade)}不是难度等级；可选的等级：${w.list(p.grades)}`,
    en: (p, w) => `"${p.grade}" is not a difficulty grade; the grades are ${w.list(p.grades)}`,
  }),
  taskBadPublished: message<{ date: string }>({
    "zh-CN": (p, w) => `${w.q(p.date)}不是有效的日期，应形如 2023-07-03 或 2023-07-03T09:00`,
    en: (p) => `"${p.date}" is not a date such as 2023-07-03 or 2023-07-03T09:00`,
  }),
  taskBadDeadline: message<{ date: string }>({
    "zh-CN": (p, w) => `${w.q(p.date)}不是有效的日期，应形如 2023-07-31 或 2023-07-31T17:30`,
    en: (p) => `"${p.date}" is not a date such as 2023-07-31 or 2023-07-31T17:30`,
  }),
  taskDeadlineBeforePublished: message<{ deadline: string; published: string }>({
    "zh-CN": (p) => `完成时限 ${p.deadline} 早于亮单时间 ${p.published}`,
    en: (p) => `${p.deadline} is before the task was published (${p.published})`,
  }),
  taskBoardTooManySeats: message<{ seats: number; limit: number }>({
    "zh-CN": (p) => `各任务的席位合计 ${p.seats} 个，一个任务清单至多 ${p.limit} 个`,
    en: (p) => `have ${p.seats} seats in all; a board has at most ${p.limit}`,
  }),

  // Grabs and staff (抢单).
  taskDuplicateStaff: message<{ id: string }>({
    "zh-CN": (p, w) => `人员编号${w.q(p.id)}重复`,
    en: (p) => `repeats the staff id "${p.id}"`,
  }),
  taskGrabNotDateTime: message<{ at: string }>({
    "zh-CN": (p, w) => `${w.q(p.at)}不是日期时间；抢单时间应形如 2023-07-03T09:00:05+08:00`,
    en: (p) => `"${p.at}" is not a date-time such as 2023-07-03T09:00:05+08:00`,
  }),

  // Credit (多干多得分).
  taskQualityFraction: message<{ value: string }>({
    "zh-CN": (p) => `应为 0 到 1 之间的比例（或质量等级），实际是 ${p.value}`,
    en: (p) => `must be a fraction from 0 to 1 (or a quality grade), not ${p.value}`,
  }),
  taskOtherBoard: message<{ given: string; board: string }>({
    "zh-CN": (p, w) => `是${w.q(p.given)}，不是正在计分的任务清单${w.q(p.board)}`,
    en: (p) => `is "${p.given}", not the board "${p.board}" being credited`,
  }),
  taskNoSuchTask: message<{ board: string }>({
    "zh-CN": (p, w) => `任务清单${w.q(p.board)}中没有这项任务`,
    en: (p) => `names no task of board "${p.board}"`,
  }),
  taskNotOwner: message<{ person: string; task: string }>({
    "zh-CN": (p, w) => `在分配结果中，${w.q(p.person)}不是任务${w.q(p.task)}的承担人`,
    en: (p) => `"${p.person}" does not own task "${p.task}" in the allocation`,
  }),
  taskUnknownQuality: message<{ quality: string; grades: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.quality)}不是质量等级${p.grades.length > 0 ? `；可选的等级：${w.list(p.grades)}` : "（计分规则没有设质量等级）"}`,
    en: (p, w) => `"${p.quality}" is not a quality grade${p.grades.length > 0 ? `; the grades are ${w.list(p.grades)}` : " (the policy names none)"}`,
  }),
  taskBadCompleted: message<{ date: string }>({
    "zh-CN": (p, w) => `${w.q(p.date)}不是日期或日期时间`,
    en: (p) => `"${p.date}" is not a date or date-time`,
  }),
  taskDuplicateCompletion: message<{ person: string; task: string }>({
    "zh-CN": (p) => `${p.person} 完成 ${p.task} 的记录重复`,
    en: (p) => `repeats ${p.person}'s completion of ${p.task}`,
  }),
  taskShareMissing: message<{ task: string }>({
    "zh-CN": (p) => `缺少比例：${p.task} 的其他承担人申报了比例，每个承担人都要申报`,
    en: (p) => `is missing: other owners of ${p.task} declare shares, so every owner must`,
  }),
  taskSharesSum: message<{ task: string; total: string }>({
    "zh-CN": (p) => `${p.task} 的比例合计为 ${p.total}，应为 1`,
    en: (p) => `the shares of ${p.task} add up to ${p.total}, not 1`,
  }),
};

/** The words a task reason uses: a language's `Wording`, and a person by name (or id, when no name is known). */
export interface ReasonWording extends Wording {
  /** A person as the reader knows them: the name where the staff list gives one, else the id. */
  readonly person: (id: string) => string;
}

/** The reason of one kind. */
type ReasonOf<K extends TaskReason["kind"]> = Extract<TaskReason, { readonly kind: K }>;

/**
 * Every task reason in words, in zh-CN and en, by kind: a missing kind or language is a compile
 * error. The English words are what the reasons said as text before they became data.
 * @internal
 */
export const TASK_REASONS: { readonly [K in TaskReason["kind"]]: { readonly [L in Locale]: (reason: ReasonOf<K>, w: ReasonWording) => string } } = {
  unknown_task: {
    "zh-CN": (r, w) => `任务清单${w.q(r.board)}中没有任务${w.q(r.task)}`,
    en: (r) => `no task "${r.task}" on board ${r.board}`,
  },
  unknown_person: {
    "zh-CN": (r, w) => `人员名单中没有${w.q(r.person)}`,
    en: (r) => `no staff member "${r.person}"`,
  },
  not_published: {
    "zh-CN": (r) => `抢单时任务尚未亮单（亮单时间 ${r.published}）`,
    en: (r) => `made before the task was published (${r.published})`,
  },
  after_deadline: {
    "zh-CN": (r) => `抢单时已过完成时限（${r.deadline}）`,
    en: (r) => `made after the deadline (${r.deadline})`,
  },
  not_eligible: {
    "zh-CN": (r, w) => `本人不在${w.q(r.post)}岗位`,
    en: (r) => `the person does not hold the post ${r.post}`,
  },
  duplicate: {
    "zh-CN": () => "本人已占有该任务的一个名额",
    en: () => "the person already holds a seat of this task",
  },
  limit: {
    "zh-CN": (r) => `本人已有 ${r.limit} 项任务，达到上限`,
    en: (r) => `the person already holds ${r.limit} task${r.limit === 1 ? "" : "s"}, the most allowed`,
  },
  no_seat: {
    "zh-CN": (r, w) => `名额已满，先抢到的是${w.list(r.owners.map(w.person))}`,
    en: (r, w) => `every seat was taken earlier, by ${w.list(r.owners.map(w.person))}`,
  },
  least_loaded: {
    "zh-CN": (r, w) => `在${w.q(r.post)}岗位的 ${r.candidates} 人中负荷最轻（负荷 ${r.load}）`,
    en: (r) => `holds ${r.post}; the least loaded of ${r.candidates} (load ${r.load})`,
  },
  no_holder: {
    "zh-CN": (r, w) => `无人抢单，也没有人在${w.q(r.post)}岗位`,
    en: (r) => `nobody grabbed it and no one holds the post ${r.post}`,
  },
};

/**
 * The lines of `explainAllocation`, in zh-CN and en: a task, its owners, a rejected grab.
 * @internal
 */
export const ALLOCATION_WORDS: {
  readonly [L in Locale]: {
    /** A task: its title (or id) and its seats. */
    readonly task: (title: string, seats: number) => string;
    /** Who grabbed it, and the seats left. */
    readonly grabbed: (people: string, left: number) => string;
    /** Who it was assigned to, and why (when known). */
    readonly assigned: (person: string, why: string | undefined) => string;
    /** It has no owner, and why (when known). */
    readonly unowned: (why: string | undefined) => string;
    /** A rejected grab: who, which task, when, and why (when known). */
    readonly rejected: (person: string, task: string, at: string, why: string | undefined) => string;
    /** Joins the parts of a task's line. */
    readonly join: string;
  };
} = {
  "zh-CN": {
    task: (title, seats) => `「${title}」（${seats} 个名额）：`,
    grabbed: (people, left) => `由${people}抢得${left > 0 ? `，尚余 ${left} 个名额` : ""}`,
    assigned: (person, why) => `派单给${person}${why ? `——${why}` : ""}`,
    unowned: (why) => `无人承担${why ? `——${why}` : ""}`,
    rejected: (person, task, at, why) => `${person}抢「${task}」未成功（${at}）${why ? `：${why}` : ""}`,
    join: "；",
  },
  en: {
    task: (title, seats) => `"${title}" (${seats} seat${seats === 1 ? "" : "s"}): `,
    grabbed: (people, left) => `grabbed by ${people}${left > 0 ? `; ${left} seat${left === 1 ? "" : "s"} left` : ""}`,
    assigned: (person, why) => `assigned to ${person}${why ? ` — ${why}` : ""}`,
    unowned: (why) => `no owner${why ? ` — ${why}` : ""}`,
    rejected: (person, task, at, why) => `${person}'s grab of "${task}" at ${at} was rejected${why ? `: ${why}` : ""}`,
    join: "; ",
  },
};
