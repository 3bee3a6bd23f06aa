/**
 * The benchmark's data: a deterministic, seeded synthetic national service.
 *
 * - The tree: 1 national bureau → 36 provinces → ~14 cities each (~500) → ~6 counties each
 *   (~3,000) → ~6 branches each (~18,000), as an {@link OrgUnit} list for `defineOrgTree`.
 * - Cadres (`--cadres N`) spread over the counties (random weights), each in the county seat's
 *   departments or in one of its branches, with a job level, a personnel category and posts.
 * - A quarterly personal scheme of 20 indicators in the "361" structure that uses every JSON method
 *   (completion, band, steps, grade, deduction, bonus, rank, votes, direct), with indicator and
 *   total rounding, bonus/deduction caps and the three veto effects.
 * - Each cadre's quarter (values with some not-applicable nulls, bonus and deduction items, a few
 *   vetoes), each county's task board with its grabs and completions, and each county's year of
 *   growth-account entries (~100 a cadre).
 *
 * Everything is made county by county from seeds derived from (county, quarter, purpose), so a
 * county's data is the same whatever else is generated and nothing national-sized is ever held:
 * generate, use, discard. Nothing here is real or official.
 */
import type {
  CascadePlan,
  Completion,
  Grab,
  LedgerEntry,
  OrgUnit,
  SchemeConfig,
  StaffMember,
  SubjectInput,
  TaskBoardConfig,
  TaskConfig,
} from "../src/index.js";
import { random } from "../examples/random.js";

/** A county bureau and the cadres it (and its branches) holds. */
export interface County {
  readonly id: string;
  readonly index: number;
  readonly province: number;
  readonly city: string;
  readonly branches: readonly string[];
  /** Global index of its first cadre; its cadres are `firstCadre … firstCadre + cadres - 1`. */
  readonly firstCadre: number;
  readonly cadres: number;
}

/** A province and its counties. */
export interface Province {
  readonly id: string;
  readonly index: number;
  readonly counties: readonly County[];
  readonly cadres: number;
}

/** The national service: the tree and where the cadres are. */
export interface Nation {
  readonly seed: number;
  readonly units: readonly OrgUnit[];
  readonly provinces: readonly Province[];
  readonly counties: readonly County[];
  readonly cadres: number;
  /** Unit ids by level below the root: provinces, cities, counties, branches. */
  readonly levels: readonly (readonly string[])[];
}

/** A cadre (干部). */
export interface Cadre {
  readonly id: string;
  readonly unit: string;
  readonly county: string;
  readonly department: string;
  readonly jobLevel: string;
  readonly category: string;
  readonly posts: readonly string[];
}

/** A 32-bit hash of integers, for seeds and per-key draws. */
export function hash(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

const PURPOSE = { tree: 1, cadres: 2, quarter: 3, tasks: 4, ledger: 5 } as const;

/**
 * The national service with `cadres` cadres. The tree is the same for every size (seed 7, as the
 * cascade benchmark always used); the cadres are spread over the counties by random weights.
 */
export function generateNation(cadres: number, seed = 2024): Nation {
  const rand = random(7);
  const units: OrgUnit[] = [{ id: "N", name: "总局", level: "national" }];
  const levels: string[][] = [["N"]];
  const parentOf = new Map<string, string>();
  for (const [level, fanOut] of [["province", 36], ["city", 14], ["county", 6], ["branch", 6]] as const) {
    const next: string[] = [];
    for (const parent of levels[levels.length - 1]!) {
      const n = level === "province" ? fanOut : Math.max(1, Math.round(fanOut * (0.5 + rand())));
      for (let i = 0; i < n; i++) {
        const id = `${parent}.${i}`;
        units.push({
          id,
          level,
          parent,
          ...(level === "county" ? { departments: COUNTY_DEPARTMENTS.map((d) => ({ id: d })) } : {}),
        });
        parentOf.set(id, parent);
        next.push(id);
      }
    }
    levels.push(next);
  }
  const [, provinceIds, , countyIds, branchIds] = levels as [string[], string[], string[], string[], string[]];
  const branchesOf = new Map<string, string[]>();
  for (const b of branchIds) {
    const c = parentOf.get(b)!;
    (branchesOf.get(c) ?? branchesOf.set(c, []).get(c)!).push(b);
  }
  // Cadres per county: random weights, largest remainders so they add up to `cadres` exactly.
  const wr = random(hash(seed, PURPOSE.tree));
  const weights = countyIds.map(() => 0.4 + wr() * 1.2);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / wsum) * cadres);
  const counts = exact.map(Math.floor);
  let left = cadres - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length]![1]]!++;

  const provinceIndex = new Map(provinceIds.map((p, i) => [p, i]));
  const counties: County[] = [];
  let first = 0;
  countyIds.forEach((id, index) => {
    const city = parentOf.get(id)!;
    const province = provinceIndex.get(parentOf.get(city)!)!;
    counties.push({ id, index, province, city, branches: branchesOf.get(id) ?? [], firstCadre: first, cadres: counts[index]! });
    first += counts[index]!;
  });
  const provinces: Province[] = provinceIds.map((id, index) => {
    const list = counties.filter((c) => c.province === index);
    return { id, index, counties: list, cadres: list.reduce((a, c) => a + c.cadres, 0) };
  });
  return { seed, units, provinces, counties, cadres, levels: levels.slice(1) };
}

const COUNTY_DEPARTMENTS = ["办公室", "征管股", "收入核算股", "纳税服务股", "法制股", "税政股"] as const;
const DEPARTMENT_POSTS: Readonly<Record<string, readonly string[]>> = {
  办公室: ["综合岗"],
  征管股: ["征管岗"],
  收入核算股: ["收入核算岗"],
  纳税服务股: ["纳税服务岗"],
  法制股: ["法制岗"],
  税政股: ["税政岗"],
  税务分局: ["税源管理岗", "纳税服务岗", "征管岗"],
};
const JOB_LEVELS = ["科级领导", "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员", "一级科员", "二级科员"] as const;
const JOB_WEIGHTS = [0.06, 0.08, 0.12, 0.18, 0.22, 0.2, 0.14];
const CATEGORIES = ["综合管理", "行政执法", "专业技术"] as const;

const cadreId = (n: number) => `c${String(n).padStart(7, "0")}`;

function weighted<T>(rand: () => number, items: readonly T[], weights: readonly number[]): T {
  let x = rand();
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** The cadres of one county (its seat's departments and its branches). */
export function cadresOf(nation: Nation, county: County): Cadre[] {
  const rand = random(hash(nation.seed, PURPOSE.cadres, county.index));
  const out: Cadre[] = [];
  for (let k = 0; k < county.cadres; k++) {
    const atSeat = county.branches.length === 0 || rand() < 0.4;
    const unit = atSeat ? county.id : county.branches[Math.floor(rand() * county.branches.length)]!;
    const department = atSeat ? COUNTY_DEPARTMENTS[Math.floor(rand() * COUNTY_DEPARTMENTS.length)]! : "税务分局";
    const posts = DEPARTMENT_POSTS[department]!;
    out.push({
      id: cadreId(county.firstCadre + k),
      unit,
      county: county.id,
      department,
      jobLevel: weighted(rand, JOB_LEVELS, JOB_WEIGHTS),
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!,
      posts: posts.length > 1 && rand() < 0.5 ? posts.slice(0, 2) : posts.slice(0, 1),
    });
  }
  return out;
}

/** The peer group a cadre is ranked and tiered in: county × job level (R6, R20). */
export const peerOf = (c: Cadre) => `${c.county}/${c.jobLevel}`;
/** The group last-place deductions use: the cadre's unit and department. */
export const departmentOf = (c: Cadre) => `${c.unit}/${c.department}`;

/**
 * **Example, not official policy.** The benchmark's quarterly personal scheme: 20 indicators in
 * the "361" structure (30 common, 60 individual, 10 competitive) that use every JSON method, with
 * indicator and total rounding to 2 decimals half-up (as `county361Example`), conversion over the
 * applicable points, bonus and deduction caps and one veto of each effect.
 */
export const benchScheme: SchemeConfig = {
  id: "bench-personal-quarter",
  name: "个人绩效季度考核（基准测试示例）",
  full: 100,
  rounding: { indicator: { decimals: 2, mode: "half-up" }, total: { decimals: 2, mode: "half-up" } },
  notApplicable: "convert",
  groups: [
    {
      id: "common",
      name: "共性指标",
      points: 30,
      indicators: [
        { id: "attendance", name: "考勤", points: 4, method: { type: "deduction", per: 0.5, floor: 0 } },
        { id: "study", name: "学习", points: 4, method: { type: "grade", grades: { 优: 1, 良: 0.85, 中: 0.7, 差: 0.5 } } },
        {
          id: "political",
          name: "政治素质",
          points: 4,
          method: { type: "steps", steps: [{ atLeast: 90, fraction: 1 }, { atLeast: 75, fraction: 0.8 }, { atLeast: 0, fraction: 0.5 }] },
        },
        { id: "discipline", name: "纪律作风", points: 3, method: { type: "deduction", per: 1.5, max: 2, floor: 0 } },
        {
          id: "votes",
          name: "民主测评",
          points: 5,
          method: {
            type: "votes",
            grades: { 优秀: 1, 称职: 0.8, 基本称职: 0.6, 不称职: 0 },
            flag: { id: "one-third-incompetent", name: "不称职票达三分之一", grades: ["不称职"], atLeast: "1/3" },
          },
        },
        { id: "training", name: "培训学时", points: 3, method: { type: "bonus", per: 0.5 } },
        { id: "leader", name: "领导评鉴", points: 4, method: { type: "direct", scale: 100 } },
        { id: "party", name: "党建", points: 3, method: { type: "grade", grades: { 好: 1, 较好: 0.9, 一般: 0.75, 差: 0.5 } } },
      ],
    },
    {
      id: "individual",
      name: "个性指标",
      points: 60,
      indicators: [
        { id: "collection", name: "征收任务完成率", points: 12, method: { type: "completion", target: 100, cap: 1 } },
        { id: "arrears", name: "欠税率", points: 6, method: { type: "completion", target: 5, direction: "lower" } },
        { id: "backlog", name: "积压件", points: 6, method: { type: "band", best: 0, worst: 10 } },
        { id: "satisfaction", name: "纳税人满意度", points: 6, method: { type: "band", best: 100, worst: 80, worstFraction: 0.4 } },
        {
          id: "audit",
          name: "执法差错",
          points: 6,
          method: { type: "steps", steps: [{ atMost: 0, fraction: 1 }, { atMost: 2, fraction: 0.8 }, { atMost: 5, points: 2.5 }] },
        },
        { id: "cases", name: "办件量排名", points: 8, method: { type: "rank", step: 0.5, floor: 2 } },
        { id: "revenue", name: "入库税款排名", points: 6, method: { type: "rank", proportional: true } },
        { id: "quality", name: "数据质量", points: 5, method: { type: "completion", target: 98.5 } },
        { id: "service", name: "服务评价", points: 5, method: { type: "grade", grades: { 优: 1, 良: 0.85, 中: 0.7, 差: 0.5 } } },
      ],
    },
    {
      id: "competitive",
      name: "竞争性指标",
      points: 10,
      indicators: [
        { id: "grabbed", name: "抢单得分", points: 6, method: { type: "direct" } },
        { id: "innovation", name: "创新成果", points: 2, method: { type: "bonus", per: 1.5 } },
        { id: "talent", name: "人才培养", points: 2, method: { type: "steps", steps: [{ atLeast: 3, fraction: 1 }, { atLeast: 1, fraction: 0.5 }] } },
      ],
    },
  ],
  adjustments: { bonus: { cap: 3 }, deduction: { cap: 5 } },
  vetoes: [
    { id: "discipline-breach", name: "违纪违法", effect: "zero" },
    { id: "warning", name: "诫勉", effect: "cap", cap: 60 },
    { id: "notice", name: "通报批评", effect: "flag" },
  ],
};

const GRADES = ["优", "良", "良", "中", "中", "差"] as const;
const PARTY = ["好", "好", "较好", "较好", "一般", "差"] as const;
const BONUS_REASONS = ["创新", "表扬", "人才培养", "专项工作"] as const;

/** One cadre's quarter, drawn from `rand`. @internal */
function subjectOf(c: Cadre, rand: () => number, grabbed: number | undefined): SubjectInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const dp = (low: number, high: number, decimals: number) => Number((low + rand() * (high - low)).toFixed(decimals));
  const int = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
  const voters = int(12, 40);
  const poor = rand() < 0.01 ? int(Math.ceil(voters / 4), Math.ceil(voters / 2)) : rand() < 0.2 ? int(1, 2) : 0;
  const excellent = Math.floor((voters - poor) * (0.2 + rand() * 0.6));
  const basic = rand() < 0.4 ? int(0, Math.floor((voters - poor - excellent) / 3)) : 0;
  const votes: Record<string, number> = { 优秀: excellent, 称职: voters - poor - excellent - basic };
  if (basic > 0) votes.基本称职 = basic;
  if (poor > 0 || rand() < 0.5) votes.不称职 = poor;
  const collection = dp(80, 115, 1);
  const bonus: { points: number; reason: string; indicator?: string }[] = [];
  const deductions: { points: number; reason: string; indicator?: string }[] = [];
  if (rand() < 0.1) bonus.push({ points: pick([0.5, 1, 1.5, 2]), reason: pick(BONUS_REASONS) });
  if (rand() < 0.02) bonus.push({ points: pick([1, 2]), reason: "省局表彰" });
  if (rand() < 0.06) deductions.push({ points: pick([0.5, 1, 2]), reason: "差错" });
  if (rand() < 0.01) deductions.push({ points: pick([2, 4]), reason: "投诉属实" });
  if (rand() < 0.02) deductions.push({ points: 1, reason: "服务投诉", indicator: "service" });
  if (rand() < 0.01) bonus.push({ points: 0.5, reason: "领导表扬", indicator: "leader" });
  const v = rand();
  const vetoes = v < 0.002 ? ["discipline-breach"] : v < 0.005 ? ["warning"] : v < 0.01 ? ["notice"] : [];
  return {
    id: c.id,
    group: peerOf(c),
    attributes: { unit: c.unit, county: c.county, department: departmentOf(c), jobLevel: c.jobLevel, category: c.category },
    values: {
      attendance: Math.floor(rand() * rand() * 7),
      study: pick(GRADES),
      political: int(60, 100),
      discipline: rand() < 0.9 ? 0 : int(1, 3),
      votes,
      training: int(0, 8),
      leader: dp(60, 100, 1),
      party: pick(PARTY),
      collection: rand() < 0.03 ? null : rand() < 0.05 ? collection.toFixed(2) : collection,
      arrears: rand() < 0.04 ? null : dp(0, 12, 2),
      backlog: int(0, 12),
      satisfaction: rand() < 0.03 ? null : dp(75, 100, 1),
      audit: Math.floor(rand() * rand() * 8),
      cases: int(20, 200),
      revenue: rand() < 0.05 ? null : dp(0, 5000, 2),
      quality: dp(85, 100, 1),
      service: pick(GRADES),
      grabbed: grabbed ?? dp(0, 6, 2),
      innovation: rand() < 0.85 ? 0 : int(1, 2),
      talent: int(0, 4),
    },
    ...(bonus.length ? { bonus } : {}),
    ...(deductions.length ? { deductions } : {}),
    ...(vetoes.length ? { vetoes } : {}),
  };
}

/**
 * A county's quarter: one subject per cadre for {@link benchScheme}. `grabbed` gives the
 * competitive indicator's value from the task credits; without it the value is drawn.
 */
export function quarterSubjects(nation: Nation, county: County, cadres: readonly Cadre[], quarter: number, grabbed?: (id: string) => number): SubjectInput[] {
  const rand = random(hash(nation.seed, PURPOSE.quarter, county.index, quarter));
  return cadres.map((c) => subjectOf(c, rand, grabbed?.(c.id)));
}

/** A province's cadres and quarter, county by county (the unit the benchmark holds in memory). */
export function provinceQuarter(nation: Nation, province: Province, quarter: number): { cadres: Cadre[]; subjects: SubjectInput[] } {
  const cadres: Cadre[] = [];
  const subjects: SubjectInput[] = [];
  for (const county of province.counties) {
    const list = cadresOf(nation, county);
    cadres.push(...list);
    subjects.push(...quarterSubjects(nation, county, list, quarter));
  }
  return { cadres, subjects };
}

const TASK_TITLES = ["清理欠税", "专项检查", "政策辅导", "系统升级", "数据治理", "风险应对", "留抵退税复核", "走访企业", "应急值守", "舆情处置"] as const;
const TASK_POSTS = ["综合岗", "征管岗", "收入核算岗", "纳税服务岗", "法制岗", "税政岗", "税源管理岗", "信息岗"] as const;

/** A county's quarter of grabbed tasks (三单): the board, the staff, the grabs and how each owner completes. */
export interface CountyTasks {
  readonly board: TaskBoardConfig;
  readonly staff: readonly StaffMember[];
  readonly grabs: readonly Grab[];
  /** The completion of a task by an owner (most on time, a few late; a few owners never complete). */
  readonly completionOf: (task: string, person: string) => Completion | undefined;
}

/** Task-board policies of the benchmark (examples, not official numbers). */
export const TASK_POLICY = {
  allocation: { maxTasksPerPerson: 3 },
  credit: { qualityGrades: { 优: 1, 良: 0.85, 中: 0.7 }, assignedFactor: 0.8, lateFactor: 0.5, cap: 6 },
} as const;

/** A county's task board for a quarter: about one task per 7 cadres, grabbed by ~90% of them. */
export function countyTasks(nation: Nation, county: County, cadres: readonly Cadre[], quarter: number): CountyTasks {
  const rand = random(hash(nation.seed, PURPOSE.tasks, county.index, quarter));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const year = 2024;
  const firstMonth = 3 * (quarter - 1) + 1;
  const mm = (m: number) => String(m).padStart(2, "0");
  const n = Math.max(3, Math.round(cadres.length / 7));
  const tasks: TaskConfig[] = Array.from({ length: n }, (_, i) => {
    const month = firstMonth + (i % 3);
    return {
      id: `t${i + 1}`,
      title: `${pick(TASK_TITLES)}（${i + 1}）`,
      difficulty: pick(["高", "中", "中", "低", "低"]),
      points: pick([1, 1.5, 2, 2.5, 3]),
      seats: pick([1, 2, 2, 3, 5]),
      post: pick(TASK_POSTS),
      published: `${year}-${mm(month)}-0${1 + (i % 5)}`,
      deadline: `${year}-${mm(month)}-2${i % 9}`,
    };
  });
  const board: TaskBoardConfig = { id: `${county.id}-${year}-Q${quarter}`, period: `${year}-Q${quarter}`, difficulty: { 高: 1.5, 中: 1.2, 低: 1 }, tasks };
  const staff: StaffMember[] = cadres.map((c) => ({ id: c.id, posts: c.posts, department: c.department }));
  const grabs: Grab[] = [];
  for (const c of cadres) {
    if (rand() < 0.1) continue;
    const k = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < k; j++) {
      const task = tasks[Math.floor(rand() * tasks.length)]!;
      const day = Number(task.published.slice(-2)) + Math.floor(rand() * 3);
      const minute = Math.floor(rand() * 600);
      grabs.push({
        task: task.id,
        person: c.id,
        at: `${task.published.slice(0, 8)}${String(day).padStart(2, "0")}T${String(8 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")}`,
      });
    }
  }
  const deadlineOf = new Map(tasks.map((t) => [t.id, t.deadline]));
  const completionOf = (task: string, person: string): Completion | undefined => {
    const h = hash(nation.seed, PURPOSE.tasks, county.index, quarter, Number(task.slice(1)), Number(person.slice(1))) / 2 ** 32;
    if (h < 0.05) return undefined; // never completed
    const quality = h < 0.45 ? "优" : h < 0.8 ? "良" : "中";
    const late = h > 0.96;
    return { task, person, quality, ...(late ? { completed: `${deadlineOf.get(task)!.slice(0, 8)}29T10:00` } : {}) };
  };
  return { board, staff, grabs, completionOf };
}

/** The growth-account components and what a year of them looks like per cadre (~100 entries). */
const LEDGER_COMPONENTS = ["recognition", "ability", "talent", "bonus", "deduction"] as const;

/** `YYYY-MM-DD` of each day of a year and the first days of the next, by day of the year from 0; made once per year. */
const yearDates = new Map<number, readonly string[]>();
function datesOf(year: number): readonly string[] {
  let dates = yearDates.get(year);
  if (!dates) yearDates.set(year, (dates = Array.from({ length: 400 }, (_, doy) => new Date(Date.UTC(year, 0, 1 + doy)).toISOString().slice(0, 10))));
  return dates;
}

/**
 * A county's year of growth-account entries: for each cadre 52 weekly everyday records, 12
 * monthly routine results and ~36 others (recognition, ability, talent, bonus, deduction), with
 * about 1% corrected (amended or reversed) later. About 100 entries a cadre.
 */
export function ledgerEntries(nation: Nation, county: County, cadres: readonly Cadre[], year = 2024): LedgerEntry[] {
  const rand = random(hash(nation.seed, PURPOSE.ledger, county.index, year));
  const out: LedgerEntry[] = [];
  const days = datesOf(year);
  // A new string for each entry, as entries read from a file or a database have: the engine pays
  // for reading each date as it would there.
  const day = (doy: number) => (days[doy]! + " ").slice(0, 10);
  for (const c of cadres) {
    const own: LedgerEntry[] = [];
    for (let w = 0; w < 52; w++)
      own.push({ id: `${c.id}-w${w}`, person: c.id, date: day(w * 7 + 4), component: "everyday", points: Number((1 + rand() * 1.5).toFixed(2)), source: "周记实" });
    for (let m = 0; m < 12; m++) {
      const last = day(Date.UTC(year, m + 1, 0) / 86_400_000 - Date.UTC(year, 0, 1) / 86_400_000);
      own.push({ id: `${c.id}-m${m}`, person: c.id, date: last, component: "routine", points: Number((80 + rand() * 20).toFixed(1)), source: "月度考核" });
    }
    const others = 30 + Math.floor(rand() * 13);
    for (let k = 0; k < others; k++) {
      const component = LEDGER_COMPONENTS[Math.floor(rand() * LEDGER_COMPONENTS.length)]!;
      const points = component === "deduction" ? -Number((0.1 + rand() * 2).toFixed(1)) : Number((0.1 + rand() * 3).toFixed(2));
      own.push({ id: `${c.id}-o${k}`, person: c.id, date: day(Math.floor(rand() * 360)), component, points, source: "系统记录" });
    }
    // About 1% of the entries are corrected a few days later.
    const n = own.length;
    for (let k = 0; k < n; k++) {
      if (rand() >= 0.01) continue;
      const target = own[k]!;
      const at = new Date(Date.parse(`${target.date}T00:00:00Z`) + 86_400_000 * (1 + Math.floor(rand() * 20))).toISOString().slice(0, 10);
      if (!at.startsWith(String(year))) continue;
      own.push(
        rand() < 0.5
          ? { id: `${target.id}-fix`, person: c.id, date: at, corrects: target.id, action: "reverse", source: "复核" }
          : { id: `${target.id}-fix`, person: c.id, date: at, corrects: target.id, action: "amend", points: Number((Number(target.points) * 0.9).toFixed(2)), source: "复核" },
      );
    }
    for (const e of own) out.push(e);
  }
  return out;
}

/**
 * The national cascade plan of the cascade benchmark: `indicators` indicators, a quarter each of
 * four kinds (split by base down every level; equal splits; replicated; split to provinces then
 * retained), targets with 2 decimals.
 */
export function nationalPlan(nation: Nation, indicators = 80): CascadePlan {
  const rand = random(7_7);
  const base = (level: readonly string[]) => Object.fromEntries(level.map((id) => [id, 1000 + Math.floor(rand() * 9000)]));
  const bases = nation.levels.map(base);
  return {
    id: "national",
    indicators: Array.from({ length: indicators }, (_, k) => {
      const kind = k % 4;
      return {
        id: `i${k}`,
        points: 1,
        target: 10_000_000 + k,
        decimals: 2,
        method: { type: "completion" as const, target: 1 },
        steps:
          kind === 0
            ? bases.map((b) => ({ how: "split" as const, by: "base" as const, base: b }))
            : kind === 1
              ? [{ how: "split" as const, by: "equal" as const }, { how: "split" as const, by: "equal" as const }, { how: "split" as const, by: "equal" as const }]
              : kind === 2
                ? [{ how: "replicate" as const }, { how: "replicate" as const }, { how: "replicate" as const }, { how: "replicate" as const }]
                : [{ how: "split" as const, by: "base" as const, base: bases[0]! }, { how: "retain" as const }],
      };
    }),
  };
}
