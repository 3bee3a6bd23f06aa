import { message, type Message, type Wording } from "./types.js";

/**
 * The fixed columns a table (a CSV file, a sheet range) can hold: the label each language shows as
 * the column's header, and every header read as that column. English headers are read whatever
 * their case (`ID`, `Name`); the label of each language is always read too. One list for the CLI,
 * the sheet functions and every other reader of tables.
 */
export const FIELDS = {
  id: { "zh-CN": "编号", en: "id", aliases: ["subjectId", "工号"] },
  name: { "zh-CN": "姓名", en: "name", aliases: ["名称"] },
  group: { "zh-CN": "比较组", en: "group", aliases: ["分组"] },
  department: { "zh-CN": "部门", en: "department", aliases: [] },
  total: { "zh-CN": "总分", en: "total", aliases: [] },
  bonus: { "zh-CN": "加分", en: "bonus", aliases: [] },
  deductions: { "zh-CN": "减分", en: "deductions", aliases: ["扣分"] },
  vetoes: { "zh-CN": "否决项", en: "vetoes", aliases: ["一票否决"] },
  posts: { "zh-CN": "岗位", en: "posts", aliases: [] },
  level: { "zh-CN": "层级", en: "level", aliases: ["级别"] },
  parent: { "zh-CN": "上级", en: "parent", aliases: ["上级单位"] },
  departments: { "zh-CN": "下设部门", en: "departments", aliases: ["部门"] },
  task: { "zh-CN": "任务", en: "task", aliases: ["任务编号"] },
  person: { "zh-CN": "人员", en: "person", aliases: ["人员编号"] },
  at: { "zh-CN": "抢单时间", en: "at", aliases: [] },
  quality: { "zh-CN": "完成质量", en: "quality", aliases: ["质量"] },
  completed: { "zh-CN": "完成时间", en: "completed", aliases: ["完成日期"] },
  share: { "zh-CN": "份额", en: "share", aliases: [] },
  date: { "zh-CN": "所属日期", en: "date", aliases: ["日期"] },
  component: { "zh-CN": "类别", en: "component", aliases: [] },
  points: { "zh-CN": "积分", en: "points", aliases: ["分值"] },
  source: { "zh-CN": "来源", en: "source", aliases: [] },
  corrects: { "zh-CN": "更正记录", en: "corrects", aliases: [] },
  action: { "zh-CN": "更正方式", en: "action", aliases: [] },
  reference: { "zh-CN": "文号", en: "reference", aliases: [] },
  note: { "zh-CN": "备注", en: "note", aliases: [] },
} as const satisfies Readonly<Record<string, { readonly "zh-CN": string; readonly en: string; readonly aliases: readonly string[] }>>;

/** A fixed column of {@link FIELDS}. */
export type Field = keyof typeof FIELDS;

/**
 * Headers of columns that a table's reader writes (never reads): the label each language shows.
 * The CLI's and the sheets' outputs use these beside the {@link FIELDS} labels.
 */
export const OUTPUT_LABELS = {
  rank: { "zh-CN": "名次", en: "rank" },
  tier: { "zh-CN": "等次", en: "tier" },
  score: { "zh-CN": "得分", en: "score" },
  base: { "zh-CN": "基础分", en: "base" },
  reason: { "zh-CN": "原因", en: "reason" },
  notes: { "zh-CN": "说明", en: "notes" },
  peerGroup: { "zh-CN": "比较组", en: "peer group" },
  lastPlace: { "zh-CN": "末位扣分", en: "deduction" },
  // A task allocation (三单): each task's status, its owners and how each got it.
  status: { "zh-CN": "状态", en: "status" },
  owners: { "zh-CN": "承接人", en: "owners" },
  how: { "zh-CN": "方式", en: "how" },
  // Task credits: a person's tasks, the credits before and after the cap.
  tasks: { "zh-CN": "任务", en: "tasks" },
  creditTotal: { "zh-CN": "积分合计", en: "total" },
  cap: { "zh-CN": "上限", en: "cap" },
  credit: { "zh-CN": "计入积分", en: "credit" },
  excess: { "zh-CN": "超出上限", en: "excess" },
  // A cascade: each unit's indicator, where its target comes from, and the path down to it.
  unit: { "zh-CN": "单位", en: "unit" },
  indicator: { "zh-CN": "指标", en: "indicator" },
  origin: { "zh-CN": "来源", en: "origin" },
  target: { "zh-CN": "目标值", en: "target" },
  retained: { "zh-CN": "留存", en: "retained" },
  lineage: { "zh-CN": "分解路径", en: "lineage" },
} as const satisfies Readonly<Record<string, { readonly "zh-CN": string; readonly en: string }>>;

/** A column of {@link OUTPUT_LABELS}. */
export type OutputColumn = keyof typeof OUTPUT_LABELS;

const fieldNames = (fields: readonly string[], w: Wording, locale: "zh-CN" | "en") =>
  fields.map((f) => w.q(f in FIELDS ? FIELDS[f as Field][locale] : f));

/** Every header a field is read from, for a message: `编号、id、工号` / `"id", "编号"`. */
const headersOf = (field: string): string[] => (field in FIELDS ? [FIELDS[field as Field]["zh-CN"], FIELDS[field as Field].en, ...FIELDS[field as Field].aliases] : [field]);

/** The names of a header for a message: the first twelve, then how many there are. */
const haveNames = (have: readonly string[], count: number, w: Wording, zh: boolean) =>
  have.length === 0 ? (zh ? "没有名称" : "no names") : `${w.list(have)}${count > have.length ? (zh ? ` ……（共 ${count} 列）` : ` … (${count} columns)`) : ""}`;

/** Columns named in Chinese: `「编号」和「工号」两列`, `「a」、「b」、「c」这 3 列`. */
const columnsZh = (columns: readonly string[], w: Wording) =>
  columns.length === 2 ? `${columns.map(w.q).join("和")}两列` : `${columns.map(w.q).join("、")}这 ${columns.length} 列`;

/** Columns named in English: `"a" and "b" both`, `"a", "b" and "c" all`. */
const columnsEn = (columns: readonly string[]) => {
  const q = columns.map((c) => `"${c}"`);
  return `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]} ${columns.length === 2 ? "both" : "all"}`;
};

/** The issues of reading a table's header (src/tables). */
export const TABLES_MESSAGES = {
  tablesHeaderTwice: message<{ name: string; first: number; second: number }>({
    "zh-CN": (p, w) => `表头中${w.q(p.name)}出现了两次（第 ${p.first} 列和第 ${p.second} 列）；每列要有自己的名称`,
    en: (p) => `the header names "${p.name}" twice (columns ${p.first} and ${p.second}); each column needs its own name`,
  }),
  tablesHeaderMissing: message<{ fields: readonly string[]; have: readonly string[]; count: number }>({
    "zh-CN": (p, w) =>
      `表头缺少${fieldNames(p.fields, w, "zh-CN").join("、")}列（表头写 ${p.fields.map((f) => headersOf(f).join("、")).join("；")} 均可）；现有列：${haveNames(p.have, p.count, w, true)}`,
    en: (p, w) => `the header has no column ${p.fields.map((f) => `"${f}"`).join(", ")}; it has ${haveNames(p.have, p.count, w, false)}`,
  }),
  tablesHeaderSameField: message<{ field: string; columns: readonly string[] }>({
    "zh-CN": (p, w) => `${columnsZh(p.columns, w)}都表示${fieldNames([p.field], w, "zh-CN")[0]}（${p.field}）；请只保留一列`,
    en: (p) => `columns ${columnsEn(p.columns)} mean ${p.field}; keep one of them`,
  }),
  tablesHeaderSameIndicator: message<{ indicator: string; columns: readonly string[] }>({
    "zh-CN": (p, w) => `${columnsZh(p.columns, w)}都是指标${w.q(p.indicator)}的值；请只保留一列`,
    en: (p) => `columns ${columnsEn(p.columns)} give indicator "${p.indicator}"; keep one of them`,
  }),
  tablesHeaderAmbiguous: message<{ column: string; fields: readonly string[]; indicators: readonly string[] }>({
    "zh-CN": (p, w) =>
      `列名${w.q(p.column)}有歧义：可能是${[...fieldNames(p.fields, w, "zh-CN").map((f) => `${f}列`), ...p.indicators.map((i) => `指标${w.q(i)}`)].join("，也可能是")}；请改列名或指标名称，使之只对应一项`,
    en: (p) =>
      `column "${p.column}" is ambiguous: it could be ${[...p.fields.map((f) => `the ${f} column`), ...p.indicators.map((i) => `indicator "${i}"`)].join(" or ")}; rename the column or the indicator so that it means one thing`,
  }),
};

/**
 * Why a total is not the plain sum of its indicators' points, as data: a veto, a conversion over
 * the applicable points (不适用折算), bonus and deduction points (加减分), or the floor at 0. Numbers
 * are exact decimal text; the words shorten a long conversion result ({@link shortDecimal}).
 */
export type TotalNote =
  | {
      readonly kind: "veto";
      /** The veto's name, or its id where it has none. */
      readonly veto: string;
      readonly effect: "zero" | "cap" | "flag";
      /** The cap of a `cap` veto. */
      readonly cap?: string;
    }
  | { readonly kind: "conversion"; readonly earned: string; readonly applicable: string; readonly full: string; readonly result: string }
  | {
      readonly kind: "bonus";
      /** The points asked for. */
      readonly requested: string;
      /** The points counted, after the cap. */
      readonly applied: string;
    }
  | { readonly kind: "deductions"; readonly requested: string; readonly applied: string }
  | { readonly kind: "floor"; readonly value: string };

type NoteOf<K extends TotalNote["kind"]> = Extract<TotalNote, { kind: K }>;

/**
 * A long decimal shortened for reading, as the explanations do (the data keeps it exact): six
 * places, then `…` (`55.166666…`); a shorter one as it is.
 * @example
 * ```ts
 * shortDecimal("55.1666666666666666666666666666666666667");
 * //=> "55.166666…"
 * shortDecimal("57.5");
 * //=> "57.5"
 * ```
 * @internal
 */
export function shortDecimal(value: string): string {
  const m = /^(-?\d+\.\d{6})\d+$/.exec(value);
  return m ? `${m[1]}…` : value;
}

/** The words of each {@link TotalNote} kind, in each language. */
export const TOTAL_NOTES: { readonly [K in TotalNote["kind"]]: Message<NoteOf<K>> } = {
  veto: message<NoteOf<"veto">>({
    "zh-CN": (p, w) => `否决项${w.q(p.veto)}：${p.effect === "zero" ? "总分记 0" : p.effect === "cap" ? `总分不超过 ${p.cap}` : "已记录，不改变总分"}`,
    en: (p) => `veto "${p.veto}": ${p.effect === "zero" ? "total set to 0" : p.effect === "cap" ? `total capped at ${p.cap}` : "recorded, total unchanged"}`,
  }),
  conversion: message<NoteOf<"conversion">>({
    "zh-CN": (p) => `不适用折算：实得分 ${p.earned} ÷ 应得分 ${p.applicable} × 满分 ${p.full} = ${shortDecimal(p.result)}`,
    en: (p) => `converted for not-applicable indicators: earned ${p.earned} ÷ applicable ${p.applicable} × full ${p.full} = ${shortDecimal(p.result)}`,
  }),
  bonus: message<NoteOf<"bonus">>({
    "zh-CN": (p) => `加分 ${p.requested}${p.applied === p.requested ? "" : `，按上限计 ${p.applied}`}`,
    en: (p) => `bonus ${p.requested}${p.applied === p.requested ? "" : `, capped at ${p.applied}`}`,
  }),
  deductions: message<NoteOf<"deductions">>({
    "zh-CN": (p) => `减分 ${p.requested}${p.applied === p.requested ? "" : `，按上限计 ${p.applied}`}`,
    en: (p) => `deductions ${p.requested}${p.applied === p.requested ? "" : `, capped at ${p.applied}`}`,
  }),
  floor: message<NoteOf<"floor">>({
    "zh-CN": (p) => `总分 ${p.value} 低于 0，记 0`,
    en: (p) => `total ${p.value} is below 0, set to 0`,
  }),
};
