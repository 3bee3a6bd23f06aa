import { FIELDS, OUTPUT_LABELS, type Field } from "./tables.js";
import { message, type Locale, type Wording } from "./types.js";

/**
 * The arguments of the sheet functions, as an error cell names them: the Chinese name, then the
 * argument's own name (`考评对象（subjects）`); in English the argument's name.
 */
export const SHEET_ARGS = {
  scheme: "考评方案",
  subjects: "考评对象",
  columns: "输出列",
  missing: "空白单元格",
  locale: "语言",
  id: "编号",
  scores: "得分",
  groups: "比较组",
  options: "选项",
  policy: "规则",
  board: "任务清单",
  grabs: "抢单",
  completions: "完成情况",
  staff: "人员",
  entries: "记录",
  period: "期间",
  asOf: "截至日期",
} as const;

/** An argument of a sheet function. */
export type SheetArg = keyof typeof SHEET_ARGS;

/** The headers and labels the sheet functions write, beside the fixed fields' (`FIELDS`): the output columns' as `OUTPUT_LABELS` names them, for every surface. */
export const SHEET_LABELS = {
  rank: OUTPUT_LABELS.rank,
  tier: OUTPUT_LABELS.tier,
  deduction: OUTPUT_LABELS.lastPlace,
  base: OUTPUT_LABELS.base,
  notes: OUTPUT_LABELS.notes,
  person: { "zh-CN": FIELDS.person["zh-CN"], en: FIELDS.person.en },
  credit: OUTPUT_LABELS.credit,
  creditTotal: OUTPUT_LABELS.creditTotal,
  excess: OUTPUT_LABELS.excess,
  accountTotal: { "zh-CN": "合计", en: "total" },
} as const satisfies Readonly<Record<string, { readonly "zh-CN": string; readonly en: string }>>;

/** A label of {@link SHEET_LABELS}. */
export type SheetLabel = keyof typeof SHEET_LABELS;

/** The kind of a cell a message shows. */
export type CellKind = "blank" | "text" | "number" | "date" | "boolean" | "other";

/** A cell as a message shows it: its kind and its text (text cut at 40 characters, a number's digits, another value's type). */
export type CellParams = {
  readonly cell: CellKind;
  readonly cellText: string;
};

/** A cell in words: `text "九十六"` / `文本「九十六」`, `blank` / `空白`, `a date` / `日期`. */
function cellWords(p: CellParams, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (p.cell) {
    case "blank":
      return zh ? "空白" : "blank";
    case "text":
      return zh ? `文本「${p.cellText}」` : `text "${p.cellText}"`;
    case "number":
      return p.cellText;
    case "date":
      return zh ? "日期" : "a date";
    case "boolean":
      return zh ? "真假值" : "a boolean";
    default:
      return zh ? `${p.cellText} 类型的值` : `a ${p.cellText}`;
  }
}

/** What a row waits for, in each language. */
const WAITING = {
  rank: { "zh-CN": "未排名", en: "not ranked" },
  tier: { "zh-CN": "未评等次", en: "not placed in a tier" },
  lastPlace: { "zh-CN": "未计末位扣分", en: "not checked for last place" },
  score: { "zh-CN": "未计分", en: "not scored" },
} as const;

/** The quoted words of a list of options: `"a", "b"` / `「a」、「b」`. */
const options = (words: readonly string[], w: Wording, zh: boolean) => (zh ? words.map(w.q).join("、") : words.map((o) => `"${o}"`).join(", "));

/** The fields' names: English ids, or Chinese labels. */
const fields = (list: readonly string[], locale: Locale) =>
  list.map((f) => (f in FIELDS ? FIELDS[f as Field][locale] : f in SHEET_LABELS ? SHEET_LABELS[f as SheetLabel][locale] : f));

/** The issues of the sheet functions: ranges, cells, arguments and rows that wait. */
export const SHEETS_MESSAGES = {
  sheetsNotCell: message<{ kind: string }>({
    "zh-CN": (p) => `不是单元格的值（${p.kind === "list" ? "列表" : p.kind === "object" ? "对象" : p.kind === "function" ? "函数" : `${p.kind} 类型`}）`,
    en: (p) => `is not a cell value (${p.kind === "list" ? "a list" : `a ${p.kind}`})`,
  }),
  sheetsTooManyRows: message<{ rows: number; max: number }>({
    "zh-CN": (p) => `有 ${p.rows} 行；工作表函数最多处理 ${p.max} 行`,
    en: (p) => `has ${p.rows} rows; a sheet function takes at most ${p.max}`,
  }),
  sheetsTooManyCells: message<{ max: number }>({
    "zh-CN": (p) => `超过 ${p.max} 个单元格；工作表函数最多处理 ${p.max} 个`,
    en: (p) => `has more than ${p.max} cells; a sheet function takes at most ${p.max}`,
  }),
  sheetsNotRow: message({ "zh-CN": () => "不是一行单元格", en: () => "is not a row of cells" }),
  sheetsJsonNotText: message<CellParams>({
    "zh-CN": (p) => `应为 JSON 文本，实际是${p.cell === "number" ? `数字 ${p.cellText}` : cellWords(p, "zh-CN")}`,
    en: (p) => `must be JSON text, not ${p.cell === "number" ? `the number ${p.cellText}` : cellWords(p, "en")}`,
  }),
  sheetsJsonTooLong: message<{ max: number }>({
    "zh-CN": (p) => `超过 ${p.max} 个字符`,
    en: (p) => `is longer than ${p.max} characters`,
  }),
  sheetsJsonBlank: message({
    "zh-CN": () => "是空白；请给出 JSON 文本（或存放它的单元格）",
    en: () => "is blank; give the JSON text (or the cell that holds it)",
  }),
  sheetsJsonInvalid: message<{ detail: string }>({
    "zh-CN": (p) => `不是有效的 JSON（${p.detail}）`,
    en: (p) => `is not valid JSON (${p.detail})`,
  }),
  sheetsAndMore: message<{ count: number }>({
    "zh-CN": (p) => `另有 ${p.count} 个问题`,
    en: (p) => `and ${p.count} more`,
  }),
  sheetsUnexpected: message<{ detail: string }>({
    "zh-CN": (p) => `意外错误（${p.detail}）；请报告此问题`,
    en: (p) => `unexpected failure (${p.detail}); please report it`,
  }),
  sheetsWordsOneCell: message({ "zh-CN": () => "请把这些词写在一个单元格里", en: () => "give the words in one cell" }),
  sheetsWordsText: message<CellParams & { example: string }>({
    "zh-CN": (p, w) => `应为${w.q(p.example)}这样的文本，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `must be text such as "${p.example}", not ${cellWords(p, "en")}`,
  }),
  sheetsNotOneOf: message<{ word: string; options: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.word)}不是${options(p.options, w, true)}之一`,
    en: (p, w) => `"${p.word}" is not one of ${options(p.options, w, false)}`,
  }),
  sheetsOneWord: message<{ options: readonly string[]; count: number }>({
    "zh-CN": (p, w) => `请只写${options(p.options, w, true)}之一，而不是 ${p.count} 个词`,
    en: (p, w) => `give one of ${options(p.options, w, false)}, not ${p.count} words`,
  }),
  sheetsOneCellText: message<CellParams & { cells: number }>({
    "zh-CN": (p) => `应为一个单元格的文本，实际是${p.cells > 1 ? ` ${p.cells} 个单元格` : cellWords(p, "zh-CN")}`,
    en: (p) => `must be one cell of text, not ${p.cells > 1 ? `${p.cells} cells` : cellWords(p, "en")}`,
  }),
  sheetsTableBlank: message<{ fields: readonly string[] }>({
    "zh-CN": (p, w) => `是空白；需要一行表头（${fields(p.fields, "zh-CN").map(w.q).join("、")} ……）和其下的数据行`,
    en: (p) => `is blank; it needs a header row (${p.fields.join(", ")} …) and rows below it`,
  }),
  sheetsHeaderDate: message<{ column: number }>({
    "zh-CN": (p) => `第 ${p.column} 列：表头是列名，不能是日期`,
    en: (p) => `column ${p.column}: a header names a column; it cannot be a date`,
  }),
  sheetsNotText: message<CellParams>({
    "zh-CN": (p) => `应为文本，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `must be text, not ${cellWords(p, "en")}`,
  }),
  sheetsNotNumber: message<CellParams>({
    "zh-CN": (p) => `应为数字，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `must be a number, not ${cellWords(p, "en")}`,
  }),
  sheetsBlank: message({ "zh-CN": () => "是空白", en: () => "is blank" }),
  sheetsScoresMissing: message({ "zh-CN": () => "没有给出；请给出一列得分", en: () => "is missing; give a column of scores" }),
  sheetsScoresWidth: message<{ count: number }>({
    "zh-CN": (p) => `有 ${p.count} 列；请给出一列得分，或两列：编号和得分`,
    en: (p) => `has ${p.count} columns; give one column of scores, or two: ids and scores`,
  }),
  sheetsGroupsRows: message<{ groups: number; scores: number }>({
    "zh-CN": (p) => `有 ${p.groups} 行，而得分有 ${p.scores} 行；请给出行数相同的区域（B2:B40 配 C2:C40）`,
    en: (p) => `has ${p.groups} rows and scores has ${p.scores}; give ranges of the same rows (B2:B40 with C2:C40)`,
  }),
  sheetsGroupsWidth: message({ "zh-CN": () => "请给出一列比较组", en: () => "give one column of groups" }),
  sheetsScoreId: message<CellParams>({
    "zh-CN": (p) => (p.cell === "blank" ? "编号是空白" : `编号应为文本，实际是${cellWords(p, "zh-CN")}`),
    en: (p) => (p.cell === "blank" ? "id is blank" : `id must be text, not ${cellWords(p, "en")}`),
  }),
  sheetsScoreNumber: message<CellParams>({
    "zh-CN": (p) => `得分应为数字，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `score must be a number, not ${cellWords(p, "en")}`,
  }),
  sheetsScoreIdRepeats: message<{ id: string; row: number }>({
    "zh-CN": (p, w) => `编号${w.q(p.id)}与第 ${p.row} 行重复；每行要有自己的编号`,
    en: (p) => `id "${p.id}" repeats row ${p.row}; each row needs its own id`,
  }),
  sheetsScoreGroup: message<CellParams>({
    "zh-CN": (p) => (p.cell === "blank" ? "比较组是空白；给出比较组时，每个有得分的行都要有比较组" : `比较组应为文本，实际是${cellWords(p, "zh-CN")}`),
    en: (p) => (p.cell === "blank" ? "group is blank; when groups are given every scored row needs one" : `group must be text, not ${cellWords(p, "en")}`),
  }),
  sheetsNotRealDate: message({ "zh-CN": () => "不是真实的日期", en: () => "is not a real date" }),
  sheetsNotDateTime: message<CellParams>({
    "zh-CN": (p) => `应为日期时间，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `must be a date-time, not ${cellWords(p, "en")}`,
  }),
  sheetsPeriodText: message<CellParams>({
    "zh-CN": (p) => `应为 2024 或 2024-Q3 这样的文本，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `must be text such as 2024 or 2024-Q3, not ${cellWords(p, "en")}`,
  }),
  sheetsPolicyObject: message({
    "zh-CN": () => '应为 JSON 对象，如 {"cap": 10}',
    en: () => 'must be a JSON object such as {"cap": 10}',
  }),
  sheetsQuality: message<CellParams>({
    "zh-CN": (p) => `应为 0 到 1 之间的比例或质量等级，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `must be a fraction from 0 to 1 or a quality grade, not ${cellWords(p, "en")}`,
  }),
  sheetsShare: message<CellParams>({
    "zh-CN": (p) => `应为 0 到 1 之间的比例，实际是${cellWords(p, "zh-CN")}`,
    en: (p) => `must be a fraction from 0 to 1, not ${cellWords(p, "en")}`,
  }),
  sheetsWaitRow: message<{ what: keyof typeof WAITING; row: number }>({
    "zh-CN": (p) => `${WAITING[p.what]["zh-CN"]}；请先修正第 ${p.row} 行`,
    en: (p) => `${WAITING[p.what].en}; row ${p.row} must be fixed first`,
  }),
  sheetsWaitRanked: message<{ indicator: string; row: number }>({
    "zh-CN": (p, w) => `未计分；指标${w.q(p.indicator)}对所有行一起排名，请先修正第 ${p.row} 行`,
    en: (p) => `not scored; indicator "${p.indicator}" ranks all rows together, so row ${p.row} must be fixed first`,
  }),
  sheetsPolicyGroupBy: message<{ groupBy: string }>({
    "zh-CN": (p, w) => `是${w.q(p.groupBy)}；在工作表中比较组来自 groups 列，请去掉 groupBy`,
    en: (p) => `is "${p.groupBy}"; in a sheet the peer groups come from the groups column, so leave groupBy out`,
  }),
  sheetsPolicyNoGroups: message({
    "zh-CN": () => "是「group」，但没有给出比较组；请给出 groups 列",
    en: () => 'is "group", but no groups were given; give the groups column',
  }),
  sheetsAscDesc: message({ "zh-CN": () => "请写「asc」或「desc」，不能两个都写", en: () => 'give "asc" or "desc", not both' }),
  sheetsOneTieRule: message({
    "zh-CN": () => "请只写「competition」「dense」「ordinal」之一",
    en: () => 'give one of "competition", "dense", "ordinal"',
  }),
  sheetsVotesJson: message({
    "zh-CN": () => "以「{」开头，但不是有效的 JSON（按等级的票数写作 {\"优秀\": 12, \"称职\": 30}）",
    en: () => 'starts with "{" but is not valid JSON (votes by grade read {"优秀": 12, "称职": 30})',
  }),
  sheetsIndicatorCell: message<CellParams>({
    "zh-CN": (p) => `是${cellWords(p, "zh-CN")}；指标值应为数字、等级或「不适用」`,
    en: (p) => `is ${cellWords(p, "en")}; an indicator takes a number, a grade or N/A`,
  }),
  sheetsIdRequired: message({ "zh-CN": () => "是空白；每行都要有编号", en: () => "is blank; every row needs an id" }),
  sheetsGroupRequired: message({
    "zh-CN": () => "是空白；区域有比较组列时，每行都要有比较组",
    en: () => "is blank; when the range has a group column every row needs a group",
  }),
  sheetsNoIndicatorColumns: message<{ ids: readonly string[]; names: readonly string[]; have: readonly string[]; count: number }>({
    "zh-CN": (p, w) =>
      `表头缺少指标列：${p.ids.map((id, i) => (p.names[i] ? `${w.q(p.names[i]!)}（${id}）` : w.q(id))).join("、")}（表头写指标名称或编号均可）；现有列：${p.have.length === 0 ? "没有名称" : w.list(p.have)}${p.count > p.have.length ? ` ……（共 ${p.count} 列）` : ""}（或把 missing 设为「not-applicable」或「zero」）`,
    en: (p) =>
      `the header has no column for ${p.ids.map((id, i) => `"${id}"${p.names[i] ? ` (${p.names[i]})` : ""}`).join(", ")}; it has ${p.have.length === 0 ? "no names" : p.have.join(", ")}${p.count > p.have.length ? ` … (${p.count} columns)` : ""} (or give missing "not-applicable" or "zero")`,
  }),
  sheetsNotColumn: message<{ word: string; fields: readonly string[] }>({
    "zh-CN": (p, w) =>
      `${w.q(p.word)}不是可输出的列；请写${fields(p.fields, "zh-CN").map(w.q).join("、")}、「指标组:<编号或名称>」、「指标:<编号或名称>」或考评对象区域中的列名，用逗号分隔`,
    en: (p) => `"${p.word}" is not a column; give ${p.fields.join(", ")}, group:<group id> or indicator:<indicator id>, or a column of the subjects range, separated by commas`,
  }),
  sheetsExplainId: message<{ count: number }>({
    "zh-CN": (p) => `请给出要说明的考评对象的编号（区域中有 ${p.count} 行）`,
    en: (p) => `give the id of the subject to explain (the range has ${p.count} rows)`,
  }),
  sheetsExplainUnknown: message<{ id: string }>({
    "zh-CN": (p, w) => `考评对象区域中没有编号为${w.q(p.id)}的行`,
    en: (p) => `no row of subjects has the id "${p.id}"`,
  }),
};

/** Where a problem is in a sheet, as data: the argument, the row as the sheet shows it, the row's id, the column's header. */
export interface SheetPlace {
  readonly arg?: SheetArg;
  /** The row, counted from 1 at the range's first row (the header is row 1 of a range starting at it). */
  readonly row?: number;
  readonly id?: string;
  /** The column's header as written. */
  readonly column?: string;
}

/**
 * A place in words: `subjects row 5 (c004), column study` / `考评对象（subjects）第 5 行（c004）「study」列`;
 * `""` for no place.
 */
export function placeWords(place: SheetPlace, locale: Locale): string {
  if (locale === "en") {
    const head = [place.arg, place.row !== undefined ? `row ${place.row}` : undefined, place.id !== undefined ? `(${place.id})` : undefined].filter((x) => x !== undefined).join(" ");
    return `${head}${place.column !== undefined ? `${head ? ", " : ""}column ${place.column}` : ""}`;
  }
  const arg = place.arg !== undefined ? `${SHEET_ARGS[place.arg]}（${place.arg}）` : "";
  const row = place.row !== undefined ? `第 ${place.row} 行` : "";
  const id = place.id !== undefined ? `（${place.id}）` : "";
  const column = place.column !== undefined ? `「${place.column}」列` : "";
  return `${arg}${row}${id}${column}`;
}

/** The words that join the problems of one error cell, and the count of the rest. */
export const JOIN = { "zh-CN": "；", en: "; " } as const;

/** A label of the sheets in a language. */
export function sheetLabel(label: SheetLabel, locale: Locale): string {
  return SHEET_LABELS[label][locale];
}
