/**
 * Synthetic data for the examples: a county bureau of 200 cadres with departments and posts, their
 * quarter's values, and a board of 30 urgent tasks (急难险重) with the grabs made on it. A seeded
 * generator makes every run the same. Nothing here is real or official.
 */
import type { Grab, StaffMember, SubjectInput, TaskBoardConfig, TaskConfig } from "jixiao";
import { random } from "./random.js";


const rand = random(2024_3);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (low: number, high: number, decimals = 1) => Number((low + rand() * (high - low)).toFixed(decimals));

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "胡", "郭"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "桂英"];
/** Departments and the posts their people hold. */
const DEPARTMENTS: Readonly<Record<string, readonly string[]>> = {
  办公室: ["综合岗"],
  征管股: ["征管岗"],
  收入核算股: ["收入核算岗"],
  纳税服务股: ["纳税服务岗"],
  法制股: ["法制岗"],
  税源管理一分局: ["税源管理岗", "征管岗"],
  税源管理二分局: ["税源管理岗"],
  第一税务所: ["纳税服务岗", "税源管理岗"],
};
const GRADES = ["优", "良", "良", "中", "中", "差"];

/** The bureau's staff: 200 cadres with their department and posts. */
export const staff: readonly StaffMember[] = Array.from({ length: 200 }, (_, i) => {
  const department = pick(Object.keys(DEPARTMENTS));
  return { id: `c${String(i + 1).padStart(3, "0")}`, name: pick(SURNAMES) + pick(GIVEN), department, posts: DEPARTMENTS[department]! };
});

/** Each cadre's quarter, without the competitive indicator (it comes from the task credits). */
export const cadres: readonly SubjectInput[] = staff.map((s, index) => ({
  id: s.id,
  name: s.name!,
  attributes: { department: s.department! },
  values: {
    attendance: Math.floor(rand() * rand() * 6),
    study: pick(GRADES),
    political: between(60, 100, 0),
    collection: rand() < 0.05 ? null : between(82, 112), // 5% are not assessed on collection
    backlog: Math.floor(rand() * 12),
  },
  ...(rand() < 0.1 ? { bonus: [{ points: pick([0.5, 1, 2]), reason: pick(["创新", "表扬", "人才培养"]) }] } : {}),
  ...(rand() < 0.06 ? { deductions: [{ points: pick([0.5, 1]), reason: "差错" }] } : {}),
  ...(index === 137 ? { vetoes: [{ id: "discipline", reason: "违反工作纪律" }] } : {}),
}));

const TASK_TITLES = ["清理欠税", "专项检查", "政策辅导", "系统升级", "数据治理", "风险应对", "留抵退税复核", "走访企业", "应急值守", "舆情处置"];
const POSTS = [...new Set(Object.values(DEPARTMENTS).flat()), "信息岗"];

/** The quarter's board: 30 tasks, graded high / medium / low with example coefficients. */
export const board: TaskBoardConfig = {
  id: "county-2024-Q3",
  name: "2024 年第三季度急难险重任务清单（示例）",
  period: "2024-Q3",
  difficulty: { 高: 1.5, 中: 1.2, 低: 1 },
  tasks: Array.from({ length: 30 }, (_, i): TaskConfig => {
    const month = 7 + Math.floor(i / 10);
    return {
      id: `t${String(i + 1).padStart(2, "0")}`,
      title: `${pick(TASK_TITLES)}（${i + 1}）`,
      difficulty: pick(["高", "中", "中", "低", "低"]),
      points: pick([6, 8, 10, 12]),
      seats: pick([2, 3, 5, 8, 10, 15]),
      post: i === 29 ? "信息岗" : pick(POSTS), // the last task's post is held by no one
      published: `2024-0${month}-0${1 + (i % 5)}`,
      deadline: `2024-0${month}-2${i % 9}`,
    };
  }),
};

/** The grabs made on the board: most cadres try a few tasks within days of publication. */
export const grabs: readonly Grab[] = staff.flatMap((s) => {
  if (rand() < 0.07) return []; // some never grab
  return Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
    const task = pick(board.tasks.slice(0, 27)); // a few tasks attract no one
    const day = Number(task.published.slice(-2)) + Math.floor(rand() * 3);
    const minute = Math.floor(rand() * 600);
    return {
      task: task.id,
      person: s.id,
      at: `${task.published.slice(0, 8)}${String(day).padStart(2, "0")}T${String(8 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00`,
    };
  });
});

/** Quality of each owner's completion: mostly good, a few late. */
export function completionOf(task: string, person: string): { task: string; person: string; quality: string; completed?: string } {
  const t = board.tasks.find((x) => x.id === task)!;
  const late = rand() < 0.05;
  return { task, person, quality: pick(["优", "优", "良", "良", "中"]), ...(late ? { completed: `${t.deadline.slice(0, 8)}29T10:00` } : {}) };
}
