import { describe, expect, it } from "vitest";
import { formatIssue, scoreAll, county361Example } from "../../src/index.js";
import { recordsFrom, scoresFrom, staffFrom, subjectsFrom, treeFrom, type Read } from "../../src/cli/inputs.js";
import type { SchemeConfig } from "../../src/scheme/types.js";
import { shortDecimal } from "../../src/messages/tables.js";
import {
  FIELDS,
  fieldLabel,
  fieldOf,
  formatTotalNote,
  headerKey,
  headersOf,
  isNotApplicableText,
  isOfficeNumber,
  mapHeader,
  numberCell,
  outputLabel,
  readNumberText,
  rowNote,
  splitList,
  TABLE_KINDS,
  totalNotes,
  unitOf,
  vetoIdsOf,
  type Field,
  type TableKind,
  type TotalNote,
} from "../../src/tables/index.js";

const INDICATORS = [
  { id: "attendance", name: "考勤" },
  { id: "study", name: "学习" },
];

describe("the one header mapping", () => {
  it("maps Chinese and English headers of the fixed fields, indicators by id or name, the rest to attributes", () => {
    const r = mapHeader(["编号", "姓名", "比较组", "考勤", "study", "部门", "职级", "", "__proto__"], "subjects", { indicators: INDICATORS });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect([...r.output.fields]).toEqual([["id", 0], ["name", 1], ["group", 2]]);
    expect([...r.output.indicators]).toEqual([["attendance", 3], ["study", 4]]);
    expect(r.output.roles.slice(5).map((x) => x.type)).toEqual(["attribute", "attribute", "ignored", "ignored"]);
  });

  it("reads English in any case and full width, 工号 and 分组 as aliases, and an indicator whatever its case", () => {
    const r = mapHeader(["ＩＤ", "Name", "分组", "ATTENDANCE", "Bonus", "扣分", "一票否决"], "subjects", { indicators: INDICATORS });
    expect(r.success && [...r.output.fields.keys()]).toEqual(["id", "name", "group", "bonus", "deductions", "vetoes"]);
    expect(r.success && r.output.indicators.get("attendance")).toBe(3);
    expect(fieldOf("工号", "staff")).toBe("id");
    expect(fieldOf("部门", "staff")).toBe("department");
    expect(fieldOf("部门", "tree")).toBe("departments");
    expect(fieldOf("部门", "subjects")).toBeUndefined();
    expect(fieldOf("层级", "tree")).toBe("level");
    expect(fieldOf("级别", "tree")).toBe("level");
  });

  it("finds every problem at once: a name twice, two columns for one field or indicator, an ambiguous header, a missing column", () => {
    const r = mapHeader(["姓名", "姓名", "name", "考勤", "attendance", "加分"], "subjects", { indicators: [...INDICATORS, { id: "extra", name: "加分" }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.params.key)).toEqual(["tablesHeaderTwice", "tablesHeaderAmbiguous", "tablesHeaderSameField", "tablesHeaderSameIndicator", "tablesHeaderMissing"]);
    expect(r.issues.map((i) => formatIssue(i, { path: () => "表头" }))).toEqual([
      "表头：表头中「姓名」出现了两次（第 1 列和第 2 列）；每列要有自己的名称",
      "表头：列名「加分」有歧义：可能是「加分」列，也可能是指标「extra」；请改列名或指标名称，使之只对应一项",
      "表头：「姓名」和「name」两列都表示「姓名」（name）；请只保留一列",
      "表头：「考勤」和「attendance」两列都是指标「attendance」的值；请只保留一列",
      "表头：表头缺少「编号」列（表头写 编号、id、subjectId、工号 均可）；现有列：姓名、姓名、name、考勤、attendance、加分",
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      '(top): the header names "姓名" twice (columns 1 and 2); each column needs its own name',
      '(top): column "加分" is ambiguous: it could be the bonus column or indicator "extra"; rename the column or the indicator so that it means one thing',
      '(top): columns "姓名" and "name" both mean name; keep one of them',
      '(top): columns "考勤" and "attendance" both give indicator "attendance"; keep one of them',
      '(top): the header has no column "id"; it has 姓名, 姓名, name, 考勤, attendance, 加分',
    ]);
  });

  it("calls a header ambiguous when it names two indicators (one's id, another's name)", () => {
    const r = mapHeader(["id", "study"], "subjects", { indicators: [{ id: "study" }, { id: "learning", name: "study" }] });
    expect(!r.success && r.issues[0]!.message).toBe('(top): column "study" is ambiguous: it could be indicator "study" or indicator "learning"; rename the column or the indicator so that it means one thing');
  });

  it("lists at most twelve names of a long header, then counts them", () => {
    const r = mapHeader(Array.from({ length: 14 }, (_, i) => `c${i}`), "scores");
    expect(!r.success && r.issues[0]!.message).toBe('(top): the header has no column "id", "total"; it has c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11 … (14 columns)');
    expect(!r.success && formatIssue(r.issues[0]!)).toMatch(/现有列：c0、c1、.*c11 ……（共 14 列）$/);
  });

  it("never reads one header as two fields of one kind of table", () => {
    for (const kind of Object.keys(TABLE_KINDS) as TableKind[]) {
      const seen = new Map<string, Field>();
      for (const field of TABLE_KINDS[kind].fields as readonly Field[])
        for (const h of headersOf(field)) {
          expect(seen.get(headerKey(h)) ?? field, `${kind}: ${h}`).toBe(field);
          seen.set(headerKey(h), field);
        }
    }
  });

  it("labels each field and output column in both languages", () => {
    expect(fieldLabel("id")).toBe("编号");
    expect(fieldLabel("id", "en")).toBe("id");
    expect(fieldLabel("group")).toBe("比较组");
    expect(outputLabel("rank")).toBe("名次");
    expect(outputLabel("notes", "en")).toBe("notes");
    for (const f of Object.keys(FIELDS) as Field[]) {
      expect(fieldOf(fieldLabel(f), "entries") ?? fieldOf(fieldLabel(f), "subjects") ?? fieldOf(fieldLabel(f), "staff") ?? fieldOf(fieldLabel(f), "tree") ?? fieldOf(fieldLabel(f), "records") ?? fieldOf(fieldLabel(f), "scores"), f).toBe(f);
    }
  });
});

describe("numbers as offices write them", () => {
  it("reads percent, thousands separators and full-width forms as exact decimal text", () => {
    expect(readNumberText("96.5%")).toBe("96.5");
    expect(readNumberText("96.5 %")).toBe("96.5");
    expect(readNumberText("96.5%", "ratio")).toBe("0.965");
    expect(readNumberText("5%", "ratio")).toBe("0.05");
    expect(readNumberText("100%", "ratio")).toBe("1");
    expect(readNumberText("0.5%", "ratio")).toBe("0.005");
    expect(readNumberText("-3%", "ratio")).toBe("-0.03");
    expect(readNumberText("1,234%", "ratio")).toBe("12.34");
    expect(readNumberText("1,000")).toBe("1000");
    expect(readNumberText("1,234,567.89")).toBe("1234567.89");
    expect(readNumberText("-1,000.50")).toBe("-1000.5");
    expect(readNumberText("９６．５％")).toBe("96.5");
    expect(readNumberText(".5")).toBe("0.5");
    expect(readNumberText("0.965", "ratio")).toBe("0.965");
    // 0.1 + 0.2 style traps stay exact: the text is shifted, never multiplied in binary.
    expect(readNumberText("0.3%", "ratio")).toBe("0.003");
    expect(readNumberText("28.5%", "ratio")).toBe("0.285");
  });

  it("refuses separators out of the 1,234,567 pattern and text that is not a number", () => {
    for (const t of ["1,23", "12,345,6", "1234,567", "1,000.5,0", ",100", "1.000,5", "%", "", "良", "12abc", "1e3%", "--1", "1 000"]) expect(readNumberText(t), t).toBeUndefined();
  });

  it("rewrites only numbers with a separator or a percent sign; other text stays as written", () => {
    expect(isOfficeNumber("96.5%")).toBe(true);
    expect(isOfficeNumber("96.5")).toBe(false);
    expect(numberCell("1,000")).toBe("1000");
    expect(numberCell("96.5%", "ratio")).toBe("0.965");
    expect(numberCell("96.50")).toBe("96.50");
    expect(numberCell("良")).toBe("良");
    expect(numberCell("1,23")).toBe("1,23");
    expect(unitOf({ id: "a", unit: "ratio" })).toBe("ratio");
    expect(unitOf({ id: "a", unit: "percent" })).toBe("percent");
    expect(unitOf({ id: "a" })).toBe("percent");
  });

  it("reads not-applicable marks and lists in one cell", () => {
    for (const t of ["不适用", "N/A", "na", "NULL", "—", "-", " n/a "]) expect(isNotApplicableText(t), t).toBe(true);
    expect(isNotApplicableText("0")).toBe(false);
    expect(splitList("征管岗、纳服岗; 稽查岗，法制岗|办公室")).toEqual(["征管岗", "纳服岗", "稽查岗", "法制岗", "办公室"]);
    expect(vetoIdsOf("违纪违法、x", [{ id: "discipline", name: "违纪违法" }])).toEqual(["discipline", "x"]);
  });
});

describe("why a total is not the plain sum", () => {
  const [plain, converted, vetoed, adjusted] = scoreAll(county361Example, [
    { id: "a", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 } },
    { id: "b", values: { attendance: 1, study: "中", political: 79, collection: null, backlog: 6, grabbed: 2 } },
    { id: "c", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 }, vetoes: ["discipline"] },
    { id: "d", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 }, bonus: [{ points: 4, reason: "创新" }], deductions: [{ points: 1, reason: "差错" }] },
  ]);

  it("gives the reasons as data, with the engine's exact numbers and the veto's name", () => {
    expect(totalNotes(plain!)).toEqual([]);
    expect(totalNotes(converted!)).toEqual([{ kind: "conversion", earned: "34.5", applicable: "60", full: "100", result: "57.5" }]);
    expect(totalNotes(vetoed!)).toEqual([{ kind: "veto", veto: "违纪违法", effect: "zero" }]);
    expect(totalNotes(adjusted!)).toEqual([
      { kind: "bonus", requested: "4", applied: "3" },
      { kind: "deductions", requested: "1", applied: "1" },
    ]);
  });

  it("words every kind in Chinese and English", () => {
    const notes: TotalNote[] = [
      { kind: "veto", veto: "违纪违法", effect: "zero" },
      { kind: "veto", veto: "违纪违法", effect: "cap", cap: "60" },
      { kind: "veto", veto: "违纪违法", effect: "flag" },
      { kind: "conversion", earned: "27.5", applicable: "40", full: "100", result: "68.75" },
      { kind: "bonus", requested: "4", applied: "3" },
      { kind: "deductions", requested: "0.5", applied: "0.5" },
      { kind: "floor", value: "-2" },
    ];
    expect(notes.map((n) => formatTotalNote(n))).toEqual([
      "否决项「违纪违法」：总分记 0",
      "否决项「违纪违法」：总分不超过 60",
      "否决项「违纪违法」：已记录，不改变总分",
      "不适用折算：实得分 27.5 ÷ 应得分 40 × 满分 100 = 68.75",
      "加分 4，按上限计 3",
      "减分 0.5",
      "总分 -2 低于 0，记 0",
    ]);
    expect(notes.map((n) => formatTotalNote(n, "en"))).toEqual([
      'veto "违纪违法": total set to 0',
      'veto "违纪违法": total capped at 60',
      'veto "违纪违法": recorded, total unchanged',
      "converted for not-applicable indicators: earned 27.5 ÷ applicable 40 × full 100 = 68.75",
      "bonus 4, capped at 3",
      "deductions 0.5",
      "total -2 is below 0, set to 0",
    ]);
  });

  it("keeps a long conversion result exact in the data and shortens it in the words", () => {
    const [long] = scoreAll(county361Example, [{ id: "e", values: { attendance: 1, study: "中", political: 79, collection: null, backlog: 6, grabbed: 0.6 } }]);
    expect(totalNotes(long!)).toEqual([{ kind: "conversion", earned: "33.1", applicable: "60", full: "100", result: "55.16666666666666666666666666666666666667" }]);
    expect(rowNote(long!)).toBe("不适用折算：实得分 33.1 ÷ 应得分 60 × 满分 100 = 55.166666…");
    expect(rowNote(long!, "en")).toBe("converted for not-applicable indicators: earned 33.1 ÷ applicable 60 × full 100 = 55.166666…");
    // Six places or fewer, and a negative one, as they are or cut alike.
    expect(formatTotalNote({ kind: "conversion", earned: "1", applicable: "3", full: "1", result: "0.333333" })).toBe("不适用折算：实得分 1 ÷ 应得分 3 × 满分 1 = 0.333333");
    expect(shortDecimal("-1.23456789")).toBe("-1.234567…");
    expect(shortDecimal("12345678.5")).toBe("12345678.5");
  });

  it("joins the reasons and the warnings for a row", () => {
    expect(rowNote(adjusted!)).toBe("加分 4，按上限计 3；减分 1");
    expect(rowNote(adjusted!, "en")).toBe("bonus 4, capped at 3; deductions 1");
    expect(rowNote(plain!)).toBe("");
  });
});

describe("the CLI's readers use the same mapping", () => {
  const csv = (data: Record<string, string>[], name = "t.csv"): Read => ({ data, format: "csv", name });
  const scheme = county361Example as unknown as SchemeConfig;

  it("reads subjects under Chinese headers: indicators by name, 96.5% and 1,000, bonus, vetoes by name, attributes as written", () => {
    const row = { 工号: "c001", 姓名: "张伟", 部门: "征管股", 考勤: "2", 学习: "良", 政治素质: "88", 征收任务完成率: "96.5%", 积压件: "1,000", 抢单得分: "不适用", 加分: "1", 否决项: "违纪违法" };
    expect(subjectsFrom(csv([row]), scheme)).toEqual([
      {
        id: "c001",
        name: "张伟",
        values: { attendance: "2", study: "良", political: "88", collection: "96.5", backlog: "1000", grabbed: null },
        bonus: [{ points: "1", reason: "加分" }],
        vetoes: ["discipline"],
        attributes: { 部门: "征管股" },
      },
    ]);
  });

  it("maps a percent to an indicator declared in ratio: 96.5% is 0.965", () => {
    const ratio = { ...scheme, groups: scheme.groups.map((g) => ({ ...g, indicators: g.indicators.map((i) => (i.id === "collection" ? { ...i, unit: "ratio" } : i)) })) } as SchemeConfig;
    const [subject] = subjectsFrom(csv([{ id: "c1", collection: "96.5%" }]), ratio) as { values: Record<string, unknown> }[];
    expect(subject!.values.collection).toBe("0.965");
  });

  it("refuses a subjects header without an id column, naming the file", () => {
    expect(() => subjectsFrom(csv([{ 姓名: "张伟", 考勤: "2" }], "people.csv"), scheme)).toThrow(/people\.csv: the header has no column "id"; it has 姓名, 考勤/);
  });

  it("reads scores, staff, trees and task records under Chinese headers", () => {
    expect(scoresFrom(csv([{ 编号: "c1", 总分: "96.5%", 部门: "征管股" }]))).toEqual([{ subjectId: "c1", total: "96.5", attributes: { 部门: "征管股" } }]);
    expect(staffFrom(csv([{ 工号: "s1", 姓名: "张伟", 岗位: "征管岗、纳服岗", 部门: "征管股" }]))).toEqual([{ id: "s1", name: "张伟", department: "征管股", posts: ["征管岗", "纳服岗"] }]);
    expect(treeFrom(csv([{ 编号: "county", 层级: "county", 上级: "city", 部门: "征管股;办公室" }]))).toEqual([{ id: "county", level: "county", parent: "city", departments: [{ id: "征管股" }, { id: "办公室" }] }]);
    expect(recordsFrom(csv([{ 任务: "T1", 人员: "s1", 完成质量: "80%", 份额: "50%" }]))).toEqual([{ task: "T1", person: "s1", quality: "0.8", share: "0.5" }]);
    expect(() => recordsFrom(csv([{ 任务: "T1" }]), "grabs")).toThrow(/the header has no column "person", "at"/);
  });
});
