import { describe, expect, it } from "vitest";
import { allocateTasks, explainAllocation, explainTaskReason, isJixiaoError, type TaskReason } from "../../src/index.js";
import { TASK_REASONS } from "../../src/messages/tasks.js";

/** The guide's example (docs/guide/tasks.md): its board, staff and grabs. */
const board = {
  id: "zx-2023-Q3", name: "2023 年第三季度急难险重任务清单（示例）", period: "2023-Q3",
  difficulty: { high: 1.5, medium: 1.2, low: 1 },
  tasks: [
    { id: "t1", title: "清理陈欠税款", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" },
    { id: "t2", title: "重点税源企业走访", difficulty: "medium", points: 1.5, seats: 2, post: "纳服岗", published: "2023-07-03", deadline: "2023-08-15" },
    { id: "t3", title: "社保费清欠攻坚", difficulty: "high", points: 3, seats: 3, post: "征管岗", published: "2023-07-03", deadline: "2023-09-15" },
    { id: "t4", title: "12366 热线高峰值守", difficulty: "low", points: 1, post: "纳服岗", published: "2023-07-10", deadline: "2023-07-20T17:30" },
    { id: "t5", title: "涉税舆情应对", difficulty: "medium", points: 2, post: "法制岗", published: "2023-07-03", deadline: "2023-08-31" },
    { id: "t6", title: "纸质档案数字化", difficulty: "low", points: 1, post: "信息岗", published: "2023-07-03", deadline: "2023-09-30" },
    { id: "t7", title: "新办纳税人政策辅导", difficulty: "low", points: 1, seats: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-08-31" },
  ],
};
const staff = [
  { id: "s01", name: "王芳", posts: ["征管岗"] }, { id: "s02", name: "李强", posts: ["征管岗", "法制岗"] },
  { id: "s03", name: "张敏", posts: ["纳服岗"] }, { id: "s04", name: "刘洋", posts: ["纳服岗"] },
  { id: "s05", name: "陈静", posts: ["法制岗"] }, { id: "s06", name: "赵磊", posts: ["稽查岗"] },
  { id: "s07", name: "周婷", posts: ["征管岗"] }, { id: "s08", name: "孙悦", posts: ["纳服岗"] },
];
const grabs = [
  { task: "t1", person: "s02", at: "2023-07-03T09:00:05" }, { task: "t1", person: "s01", at: "2023-07-03T09:00:01" },
  { task: "t2", person: "s03", at: "2023-07-03T09:10:00" }, { task: "t2", person: "s08", at: "2023-07-03T09:15:00" },
  { task: "t2", person: "s04", at: "2023-07-03T09:15:00" }, { task: "t3", person: "s02", at: "2023-07-03T09:00:05" },
  { task: "t3", person: "s07", at: "2023-07-03T09:02:00" }, { task: "t3", person: "s07", at: "2023-07-04T08:00:00" },
  { task: "t3", person: "s01", at: "2023-07-05T08:30:00" }, { task: "t7", person: "s01", at: "2023-07-05T08:31:00" },
  { task: "t1", person: "s06", at: "2023-07-03T10:00:00" }, { task: "t4", person: "s03", at: "2023-07-05T10:00:00" },
  { task: "t4", person: "s08", at: "2023-07-10T08:00:00" }, { task: "t4", person: "s04", at: "2023-07-20T17:31:00" },
  { task: "t9", person: "s05", at: "2023-07-04T09:00:00" }, { task: "t3", person: "s99", at: "2023-07-04T09:00:00" },
];
const allocation = allocateTasks(board, grabs, staff, { maxTasksPerPerson: 2, eligibility: "post" });

/** One reason of each kind: a kind left out here is a compile error. */
const SAMPLES: { readonly [K in TaskReason["kind"]]: Extract<TaskReason, { kind: K }> } = {
  unknown_task: { kind: "unknown_task", task: "t9", board: "zx-2023-Q3" },
  unknown_person: { kind: "unknown_person", person: "s99" },
  not_published: { kind: "not_published", published: "2023-07-10" },
  after_deadline: { kind: "after_deadline", deadline: "2023-07-20T17:30" },
  not_eligible: { kind: "not_eligible", post: "征管岗" },
  duplicate: { kind: "duplicate" },
  limit: { kind: "limit", limit: 2 },
  no_seat: { kind: "no_seat", owners: ["s03", "s04"] },
  least_loaded: { kind: "least_loaded", post: "法制岗", candidates: 2, load: "0" },
  no_holder: { kind: "no_holder", post: "信息岗" },
};
const reasons = Object.values(SAMPLES) as TaskReason[];

describe("task reasons", () => {
  it("every reason kind has words in zh-CN and en", () => {
    expect(Object.keys(TASK_REASONS).sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const reason of reasons) {
      const zh = explainTaskReason(reason);
      const en = explainTaskReason(reason, { locale: "en" });
      expect(zh, reason.kind).toMatch(/[\u4e00-\u9fff]/);
      expect(en, reason.kind).toMatch(/^[a-z]/);
      expect(zh).not.toBe(en);
    }
  });

  it("words each kind in Chinese", () => {
    expect(reasons.map((r) => explainTaskReason(r))).toEqual([
      "任务清单「zx-2023-Q3」中没有任务「t9」",
      "人员名单中没有「s99」",
      "抢单时任务尚未亮单（亮单时间 2023-07-10）",
      "抢单时已过完成时限（2023-07-20T17:30）",
      "本人不在「征管岗」岗位",
      "本人已占有该任务的一个名额",
      "本人已有 2 项任务，达到上限",
      "名额已满，先抢到的是s03、s04",
      "在「法制岗」岗位的 2 人中负荷最轻（负荷 0）",
      "无人抢单，也没有人在「信息岗」岗位",
    ]);
  });

  it("words each kind in English as the reasons read before they were data", () => {
    expect(reasons.map((r) => explainTaskReason(r, { locale: "en" }))).toEqual([
      'no task "t9" on board zx-2023-Q3',
      'no staff member "s99"',
      "made before the task was published (2023-07-10)",
      "made after the deadline (2023-07-20T17:30)",
      "the person does not hold the post 征管岗",
      "the person already holds a seat of this task",
      "the person already holds 2 tasks, the most allowed",
      "every seat was taken earlier, by s03, s04",
      "holds 法制岗; the least loaded of 2 (load 0)",
      "nobody grabbed it and no one holds the post 信息岗",
    ]);
    expect(explainTaskReason({ kind: "limit", limit: 1 }, { locale: "en" })).toBe("the person already holds 1 task, the most allowed");
  });

  it("names people by their name where the staff gives one, by their id otherwise", () => {
    const withNames = [{ id: "s03", name: "张敏", posts: [] }, { id: "s04", posts: [] }];
    expect(explainTaskReason(SAMPLES.no_seat, { staff: withNames })).toBe("名额已满，先抢到的是张敏、s04");
    expect(explainTaskReason(SAMPLES.no_seat, { staff: withNames, locale: "en" })).toBe("every seat was taken earlier, by 张敏, s04");
  });

  it("are data in the allocation: the code is the reason's kind, and nothing is worded there", () => {
    const rejected = allocation.grabs.filter((g) => g.outcome === "rejected");
    expect(rejected.map((g) => g.reason)).toEqual([
      { kind: "no_seat", owners: ["s01"] },
      { kind: "no_seat", owners: ["s03", "s04"] },
      { kind: "not_eligible", post: "征管岗" },
      { kind: "duplicate" },
      { kind: "unknown_task", task: "t9", board: "zx-2023-Q3" },
      { kind: "unknown_person", person: "s99" },
      { kind: "limit", limit: 2 },
      { kind: "not_published", published: "2023-07-10" },
      { kind: "after_deadline", deadline: "2023-07-20T17:30" },
    ]);
    for (const g of rejected) expect(g.code).toBe(g.reason!.kind);
    expect(allocation.tasks.map((t) => t.reason ?? t.owners.map((o) => o.reason ?? null))).toEqual([
      [null],
      [null, null],
      [null, null, null],
      [null],
      [{ kind: "least_loaded", post: "法制岗", candidates: 2, load: "0" }],
      { kind: "no_holder", post: "信息岗" },
      [{ kind: "least_loaded", post: "征管岗", candidates: 3, load: "4.5" }],
    ]);
    expect(Object.isFrozen(rejected[0]!.reason)).toBe(true);
    expect(Object.isFrozen((rejected[0]!.reason as { owners: readonly string[] }).owners)).toBe(true);
  });

  it("refuses what is not a reason, and bad options", () => {
    const fails = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isJixiaoError(error) ? error.issues.map((i) => [i.code, i.path]) : "raw";
      }
      return "none";
    };
    expect(fails(() => explainTaskReason({ kind: "late" } as never))).toEqual([["invalid_option", ["reason", "kind"]]]);
    expect(fails(() => explainTaskReason({ kind: "limit", limit: "2" } as never))).toEqual([["invalid_type", ["reason", "limit"]]]);
    expect(fails(() => explainTaskReason(SAMPLES.duplicate, { locale: "fr" } as never))).toEqual([["invalid_option", ["options", "locale"]]]);
    expect(fails(() => explainTaskReason(SAMPLES.duplicate, { staff: [{ id: "a", posts: [] }, { id: "a", posts: [] }] }))).toEqual([["duplicate_id", ["options", "staff", 1, "id"]]]);
  });
});

describe("explainAllocation", () => {
  it("tells the quarter in Chinese, by title and name", () => {
    expect(explainAllocation(allocation, { board, staff }).split("\n")).toEqual([
      "「清理陈欠税款」（1 个名额）：由王芳抢得",
      "「重点税源企业走访」（2 个名额）：由张敏、刘洋抢得",
      "「社保费清欠攻坚」（3 个名额）：由李强、周婷、王芳抢得",
      "「12366 热线高峰值守」（1 个名额）：由孙悦抢得",
      "「涉税舆情应对」（1 个名额）：派单给陈静——在「法制岗」岗位的 2 人中负荷最轻（负荷 0）",
      "「纸质档案数字化」（1 个名额）：无人承担——无人抢单，也没有人在「信息岗」岗位",
      "「新办纳税人政策辅导」（2 个名额）：派单给李强——在「征管岗」岗位的 3 人中负荷最轻（负荷 4.5）",
      "李强抢「清理陈欠税款」未成功（2023-07-03T09:00:05）：名额已满，先抢到的是王芳",
      "孙悦抢「重点税源企业走访」未成功（2023-07-03T09:15:00）：名额已满，先抢到的是张敏、刘洋",
      "赵磊抢「清理陈欠税款」未成功（2023-07-03T10:00:00）：本人不在「征管岗」岗位",
      "周婷抢「社保费清欠攻坚」未成功（2023-07-04T08:00:00）：本人已占有该任务的一个名额",
      "陈静抢「t9」未成功（2023-07-04T09:00:00）：任务清单「zx-2023-Q3」中没有任务「t9」",
      "s99抢「社保费清欠攻坚」未成功（2023-07-04T09:00:00）：人员名单中没有「s99」",
      "王芳抢「新办纳税人政策辅导」未成功（2023-07-05T08:31:00）：本人已有 2 项任务，达到上限",
      "张敏抢「12366 热线高峰值守」未成功（2023-07-05T10:00:00）：抢单时任务尚未亮单（亮单时间 2023-07-10）",
      "刘洋抢「12366 热线高峰值守」未成功（2023-07-20T17:31:00）：抢单时已过完成时限（2023-07-20T17:30）",
    ]);
  });

  it("in English, and by ids where no board or staff is given", () => {
    const lines = explainAllocation(allocation, { board, staff, locale: "en" }).split("\n");
    expect(lines.slice(0, 2)).toEqual(['"清理陈欠税款" (1 seat): grabbed by 王芳', '"重点税源企业走访" (2 seats): grabbed by 张敏, 刘洋']);
    expect(lines[4]).toBe('"涉税舆情应对" (1 seat): assigned to 陈静 — holds 法制岗; the least loaded of 2 (load 0)');
    expect(lines[5]).toBe('"纸质档案数字化" (1 seat): no owner — nobody grabbed it and no one holds the post 信息岗');
    expect(lines[7]).toBe('李强\'s grab of "清理陈欠税款" at 2023-07-03T09:00:05 was rejected: every seat was taken earlier, by 王芳');
    const bare = explainAllocation(allocation, { locale: "en" }).split("\n");
    expect(bare[0]).toBe('"t1" (1 seat): grabbed by s01');
    expect(bare[7]).toBe('s02\'s grab of "t1" at 2023-07-03T09:00:05 was rejected: every seat was taken earlier, by s01');
    expect(explainAllocation(allocation).split("\n")[0]).toBe("「t1」（1 个名额）：由s01抢得");
  });

  it("shows the seats left of a partly grabbed task", () => {
    const a = allocateTasks(board, [{ task: "t3", person: "s01", at: "2023-07-04T09:00" }], staff);
    expect(explainAllocation(a, { board, staff }).split("\n")[2]).toBe("「社保费清欠攻坚」（3 个名额）：由王芳抢得，尚余 2 个名额");
    expect(explainAllocation(a, { board, staff, locale: "en" }).split("\n")[2]).toBe('"社保费清欠攻坚" (3 seats): grabbed by 王芳; 2 seats left');
  });

  it("explains a stored copy the same way, and refuses what is not an allocation", () => {
    const copy = JSON.parse(JSON.stringify(allocation));
    expect(explainAllocation(copy, { board, staff })).toBe(explainAllocation(allocation, { board, staff }));
    expect(() => explainAllocation({ ...copy, grabs: [{ ...copy.grabs[1], reason: "every seat was taken" }] })).toThrow(/Not an allocation/);
    // A board that is not valid is reported where the caller gave it.
    try {
      explainAllocation(allocation, { board: { ...board, period: "2023-Q5" } });
      expect.unreachable();
    } catch (error) {
      expect(isJixiaoError(error) && error.issues[0]!.path).toEqual(["options", "board", "period"]);
    }
  });
});
