import { describe, expect, it } from "vitest";
import {
  accountSeries,
  aggregatePeriods,
  annualResults,
  appendEntries,
  applySpecialAssessments,
  closePeriods,
  assessCapability,
  createLedger,
  defineCapabilityFramework,
  defineEverydayPerformance,
  defineVersions,
  formatIssue,
  formatIssues,
  IssueCode,
  ledgerFromJSON,
  linkOrganizations,
  linkPeople,
  MAX_LEDGER_ENTRIES,
  occupationalFoundation,
  resultEntries,
  summarizeAccount,
  versionFor,
  versionForKind,
  type Issue,
  type LedgerEntry,
} from "../../src/index.js";
import { issue } from "../../src/core/errors.js";
import { PERSONNEL_MESSAGES } from "../../src/messages/personnel.js";
import { amend, entry, issuesOf, reverse } from "./fixtures.js";

const ledger = createLedger([entry("e1", "2024-01-31", 8)]);
const timed = createLedger([entry("e1", "2024-01-31", 8, { recordedAt: "2024-02-01T10:00" })]);
const closed = closePeriods(ledger, "2024");
const tiers = { tiers: [{ name: "中" }] };
const framework = { id: "ability", categories: [{ id: "service", levels: [{ level: 1, criteria: [{ fact: "exam", atLeast: 60 }] }] }] };
const weights = { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 0.5, departments: 0.3, contacts: 0.2 } };
const special = (over: object) => [{ id: "S", weight: 0.2, results: { A: 80 }, members: [{ person: "c1", organization: "A" }], ...over }];
// (Fields given as undefined on purpose: the schema reads them as left out.)
const bad = (over: { readonly [K in keyof LedgerEntry]?: LedgerEntry[K] | undefined }) => () => createLedger([entry("e1", "2024-01-31", 8, over as Partial<LedgerEntry>)]);

/**
 * One refused call for each message of the catalog's personnel part, and the issue it must give:
 * its key, where it is, and its words in Chinese (the words in English are the issue's message).
 */
const CASES: readonly (readonly [key: string, call: () => unknown, zh: string])[] = [
  ["periodBadKey", () => summarizeAccount(ledger, "c001", { period: "2024-13" }), "options.period：应为期间代码，如 2024、2024-H2、2024-Q3、2024-07、2024-W27 或 2024-07-15，实际是文本「2024-13」"],
  ["personnelListedTwice", () => annualResults(ledger, { year: "2024", people: [{ id: "c1" }, { id: "c1" }], tiers }), "options.people[1].id：「c1」重复列出"],
  ["personnelMinAboveMax", () => aggregatePeriods([], "2024-Q3", { rule: "sum", missing: "skip", cap: { min: 5, max: 1 } }), "policy.cap.min：下限不能大于上限 cap.max"],
  ["accountSeriesKind", () => accountSeries(ledger, "c001", { kind: "month", from: "2024-Q1", to: "2024-03" }), "options.from：「2024-Q1」是季度，应为月份（与 kind 一致）"],
  ["aggregateWeightsRequired", () => aggregatePeriods([], "2024-Q3", { rule: "weighted", missing: "skip" }), "policy.weights：按权重汇总（weighted）时必须给出各期间的权重"],
  ["aggregateWeightsUnused", () => aggregatePeriods([], "2024-Q3", { rule: "sum", weights: [1], missing: "skip" }), "policy.weights：只有按权重汇总（weighted）才用权重，请删去或改用 weighted"],
  ["aggregateNotMadeOf", () => aggregatePeriods([], "2024-07", { of: "quarter", rule: "sum", missing: "skip" }), "policy.of：是 quarter，但月份 2024-07 不能按季度汇总；应选比它短的期间"],
  ["aggregateWeightCount", () => aggregatePeriods([], "2024-Q3", { rule: "weighted", weights: [1, 1], missing: "skip" }), "policy.weights：给出了 2 个权重，但 2024-Q3 有 3 个月；每个期间一个权重"],
  ["aggregateNotPeriodOf", () => aggregatePeriods([{ period: "2024-Q3", score: 1 }], "2024", { rule: "sum", missing: "skip" }), "scores[0].period：应为月份的期间代码，实际是「2024-Q3」"],
  ["aggregatePeriodRepeated", () => aggregatePeriods([{ period: "2024-07", score: 1 }, { period: "2024-07", score: 2 }], "2024-Q3", { rule: "sum", missing: "skip" }), "scores[1].period：2024-07 已有得分，同一期间只能有一个得分"],
  ["aggregatePeriodMissing", () => aggregatePeriods([{ period: "2024-07", score: 1 }, { period: "2024-08", score: 1 }], "2024-Q3", { rule: "sum", missing: "error" }), "scores：2024-09 没有得分，而办法规定不得缺期（missing: \"error\"）"],
  ["aggregateNoScore", () => aggregatePeriods([], "2024-Q3", { rule: "mean", missing: "skip" }), "scores：2024-Q3 内没有一个月份有得分"],
  ["aggregateZeroWeights", () => aggregatePeriods([{ period: "2024-07", score: 1 }], "2024-Q3", { rule: "weighted", weights: [0, 1, 1], missing: "skip" }), "policy.weights：有得分的期间权重都是 0，无法加权"],
  ["capabilityOneRequirement", () => defineCapabilityFramework({ id: "a", categories: [{ id: "c", levels: [{ level: 1, criteria: [{ fact: "x" }] }] }] }), "framework.categories[0].levels[0].criteria[0]：atLeast（不低于）和 oneOf（为其中之一）须给出且只给出一个"],
  ["capabilityCategoryRepeated", () => defineCapabilityFramework({ id: "a", categories: [framework.categories[0]!, framework.categories[0]!] }), "framework.categories[1].id：「service」已是一个类别，类别编号不能重复"],
  ["capabilityLevelNumber", () => defineCapabilityFramework({ id: "a", categories: [{ id: "c", levels: [{ level: 2, criteria: [] }] }] }), "framework.categories[0].levels[0].level：应为 1：等级从低到高依次编为 1、2、3……"],
  ["capabilityUnknownCategory", () => assessCapability(framework, { category: "稽查", level: 0, facts: {} }), "standing.category：「稽查」不是 ability 的类别（可选：service）"],
  ["capabilityLevelBeyond", () => assessCapability(framework, { category: "service", level: 3, facts: {} }), "standing.level：是 3，但「service」只有 1 个等级"],
  ["everydayComponentRepeated", () => defineEverydayPerformance({ id: "e", components: [{ id: "org", points: 30 }, { id: "org", points: 70 }] }), "config.components[1].id：组成部分编号「org」重复；编号不能重复"],
  ["foundationWeightsSum", () => occupationalFoundation([], 2024, { weights: [0.5, 0.3], missing: "zero" }), "policy.weights：各年权重合计为 0.8，应为 1"],
  ["foundationYearRepeated", () => occupationalFoundation([{ year: 2024, score: 1 }, { year: 2024, score: 2 }], 2024, { weights: [1], missing: "zero" }), "results[1].year：2024 年已有结果，每年只能有一个"],
  ["foundationYearMissing", () => occupationalFoundation([], 2024, { weights: [1], missing: "error" }), "results：2024 年没有结果（missing: \"error\" 不允许缺年）"],
  ["foundationNoResult", () => occupationalFoundation([], 2024, { weights: [0.5, 0.5], missing: "renormalize" }), "results：2023 至 2024 年中，权重大于 0 的年份都没有结果"],
  ["ledgerDecimals", bad({ points: "1.00000000001" }), "entries[0].points（分值）：最多 10 位小数"],
  ["ledgerActionOnlyCorrection", bad({ action: "reverse" }), "entries[0].action：只有更正记录（带 `corrects` 的记录）才填 action"],
  ["ledgerPointsRequired", bad({ points: undefined }), "entries[0].points（分值）：必填：只有冲销记录可以不填分数"],
  ["ledgerComponentRequired", bad({ component: undefined }), "entries[0].component：必填：只有更正记录可以不填项目"],
  ["ledgerActionRequired", bad({ corrects: "x", component: undefined }), "entries[0].action：有 `corrects` 时必填：reverse（冲销）或 amend（修正）"],
  ["ledgerReversalPoints", bad({ corrects: "x", action: "reverse", component: undefined }), "entries[0].points（分值）：冲销记录不填分数：它撤销所更正的记录"],
  ["ledgerAmendPoints", bad({ corrects: "x", action: "amend", points: undefined, component: undefined }), "entries[0].points（分值）：修正记录必填分数：用来替换被更正记录的分数"],
  ["ledgerCorrectionComponent", bad({ corrects: "x", action: "amend" }), "entries[0].component：更正记录不填项目：沿用被更正记录的项目"],
  ["ledgerIdInLedger", () => appendEntries(ledger, [entry("e1", "2024-02-29", 9)]), "entries[0].id：「e1」已在台账中（台账的 entries[0]），记录编号不能重复"],
  ["ledgerIdRepeated", () => createLedger([entry("a", "2024-01-31", 1), entry("a", "2024-02-29", 2)]), "entries[1].id：「a」已是 entries[0] 的编号，记录编号不能重复"],
  ["ledgerBadDate", () => createLedger([entry("a", "2024-02-30", 1)]), "entries[0].date：应为有效的日期或日期时间（如 2024-06-30 或 2024-06-30T23:30），实际是文本「2024-02-30」"],
  ["ledgerUnknownCorrected", () => appendEntries(ledger, [reverse("r", "2024-03-01", "e9")]), "entries[0].corrects：更正的「e9」不是台账中的记录"],
  ["ledgerOtherPerson", () => appendEntries(ledger, [reverse("r", "2024-03-01", "e1", { person: "c002" })]), "entries[0].corrects：更正的「e1」属于 c001，而本条记录属于 c002；只能更正同一人的记录"],
  ["ledgerCorrectionEarly", () => appendEntries(ledger, [amend("r", "2024-01-01", "e1", 9)]), "entries[0].corrects：日期 2024-01-01 早于被更正记录的日期（2024-01-31）"],
  ["ledgerCorrectedTwice", () => appendEntries(ledger, [reverse("r", "2024-03-01", "e1"), reverse("s", "2024-03-02", "e1")]), "entries[1].corrects：「e1」已被「r」更正；一条记录只能更正一次，请更正「r」"],
  ["ledgerCircle", () => createLedger([reverse("x", "2024-03-01", "y"), reverse("y", "2024-03-01", "x")]), "entries[1].corrects：几条更正记录经「x」互相更正，形成了循环"],
  ["accountSequenceBeyond", () => summarizeAccount(ledger, "c001", { asOfSequence: 2 }), "options.asOfSequence：是 2，但台账只有 1 条记录"],
  ["ledgerCorrectionRecordedEarly", () => appendEntries(timed, [amend("r", "2024-02-01", "e1", 9, { recordedAt: "2024-02-01T09:00" })]), "entries[0].corrects：记录时间 2024-02-01T09:00 早于被更正记录的记录时间（2024-02-01T10:00）"],
  ["ledgerRecordedEarly", () => appendEntries(timed, [entry("e2", "2024-02-29", 9, { recordedAt: "2024-01-31T08:00" })]), "entries[0].recordedAt：记录时间 2024-01-31T08:00 早于台账中最近一条记录的时间（2024-02-01T10:00，只写日期视为当日零时）；记录按登记先后追加，已出的报表不能因补记而改变"],
  ["ledgerNeedsRecordedAt", () => appendEntries(timed, [entry("e2", "2024-01-31", 9)]), "entries[0].date：没有记录时间（recordedAt），按日期 2024-01-31 视为当时记录，早于台账中最近一条记录的时间（2024-02-01T10:00，只写日期视为当日零时）；请填写 recordedAt"],
  ["ledgerClosed", () => appendEntries(closed, [entry("e2", "2024-06-01", -20)]), "entries[0].date：日期 2024-06-01 在已关账的期间内（台账已关账至 2024-12-31）；请在未关账的期间记一条调整记录（填写 adjusts 和 reason）"],
  ["ledgerCorrectsClosed", () => appendEntries(closed, [reverse("r", "2025-01-05", "e1")]), "entries[0].corrects：更正的「e1」日期为 2024-01-31，在已关账的期间内（台账已关账至 2024-12-31），不能再更正；请在未关账的期间记一条调整记录（填写 adjusts 和 reason）"],
  ["ledgerAdjustmentCorrection", bad({ corrects: "x", action: "reverse", component: undefined, points: undefined, adjusts: "2024", reason: "r" }), "entries[0].adjusts：更正记录不能作调整记录：调整记录是新的一条记录，记在未关账的期间"],
  ["ledgerAdjustmentReason", bad({ adjusts: "2024" }), "entries[0].reason：调整记录（有 adjusts）必须写明调整原因"],
  ["ledgerReasonOnlyAdjustment", bad({ reason: "漏报" }), "entries[0].reason：只有调整记录（带 adjusts 的记录）才填 reason；其他说明请写在 note 中"],
  ["ledgerAdjustsOpen", () => appendEntries(closed, [entry("e2", "2025-02-01", 1, { adjusts: "2025-01", reason: "漏报" })]), "entries[0].adjusts：调整的期间 2025-01 尚未关账（台账关账至 2024-12-31）；未关账的期间请直接记录或更正"],
  ["ledgerAdjustsNothingClosed", () => appendEntries(ledger, [entry("e2", "2025-02-01", 1, { adjusts: "2024", reason: "漏报" })]), "entries[0].adjusts：调整的期间 2024 尚未关账（台账没有关账的期间）；未关账的期间请直接记录或更正"],
  ["ledgerAdjustmentDate", () => createLedger([entry("e2", "2024-12-01", 1, { adjusts: "2024", reason: "漏报" })], { closedThrough: "2024" }), "entries[0].date：日期 2024-12-01 在所调整的期间 2024 之内；调整记录应记在其后未关账的期间"],
  ["ledgerReopen", () => closePeriods(closed, "2024-06"), "through：关账至 2024-06-30 会重新打开已关账的期间（台账已关账至 2024-12-31）；已关账的期间不能重新打开"],
  ["ledgerNotLedger", () => summarizeAccount({ timeZone: "UTC", closedThrough: null, size: 0, entries: [] }, "c001"), "ledger：不是由 createLedger、appendEntries、closePeriods、ledgerFromJSON 或 ledgerFromJSONLines 生成的台账"],
  ["ledgerNotJson", () => ledgerFromJSON("{"), "（整体）：不是有效的 JSON（"],
  ["linkStandardRounding", () => linkOrganizations([], { method: { type: "standard", mean: 80, spread: 10 } }), "policy.rounding（舍入）：标准分办法（standard）必须配置舍入：标准差要开平方，结果不是有限小数"],
  ["linkTableOrder", () => linkOrganizations([], { method: { type: "table", table: [{ upTo: 2, points: 100 }, { upTo: 2, points: 90 }], rest: 80 } }), "policy.method.table[1].upTo：应大于上一行的名次（2）"],
  ["linkBeyondRange", () => linkOrganizations([{ subjectId: "a", total: 1 }], { method: { type: "proportional", base: "1e-30", full: 100 } }), "policy.method（计分方法）：「a」（得分 1）的挂钩分为 100000000000000000000000000000000，超出 ±10^18；基准分这样小，多半是写错了"],
  ["linkWeightsSum", () => linkPeople([], {}, { ...weights, staff: { unit: 0.4, department: 0.5 } }), "policy.staff：权重合计为 0.9，应为 1"],
  ["linkNoPoints", () => linkPeople([{ id: "c1", unit: "A", department: "税政股" }], { A: 90 }, weights), "people[0].department：「税政股」没有挂钩分"],
  ["linkZeroWeights", () => linkPeople([{ id: "c1", unit: "A" }], { A: 90 }, { ...weights, staff: { unit: 0, department: 1 } }), "people[0]：c1 的各部分（单位）在 policy.staff 中权重都是 0"],
  ["specialNoScore", () => applySpecialAssessments({}, special({}), { mode: "blend" }), "specials[0].members[0].person：「c1」没有个人得分"],
  ["specialMemberTwice", () => applySpecialAssessments({ c1: 90 }, special({ members: [{ person: "c1", organization: "A" }, { person: "c1", organization: "A" }] }), { mode: "blend" }), "specials[0].members[1].person：「c1」在本专项中出现了两次"],
  ["specialNoResult", () => applySpecialAssessments({ c1: 90 }, special({ results: {} }), { mode: "blend" }), "specials[0].members[0].organization：「A」在专项 S 中没有结果"],
  ["specialWeightsOver", () => applySpecialAssessments({ c1: 90 }, special({ weight: 1 }).concat(special({ id: "T" })), { mode: "blend" }), "specials：c1 参加的专项权重合计为 1.2，超过 1"],
  ["recordResultRepeated", () => resultEntries([{ subjectId: "c1", total: 1 }, { subjectId: "c1", total: 2 }], { period: "2024-07", component: "everyday", source: "月度考核" }), "results[1].subjectId：「c1」已有一个结果，每人每期只能记一条"],
  ["versionBadDate", () => defineVersions([{ version: "v1", from: "2024-07", rule: 1 }]), "versions[0].from：应为 2024-07-01 这样的日期，实际是「2024-07」"],
  ["versionDayTaken", () => defineVersions([{ version: "v1", from: "2024-07-01", rule: 1 }, { version: "v2", from: "2024-07-01", rule: 2 }]), "versions[1].from：版本 v1 已于 2024-07-01 生效，同一天只能有一个版本生效"],
  ["versionNameTaken", () => defineVersions([{ version: "v1", from: "2024-07-01", rule: 1 }, { version: "v1", from: "2024-08-01", rule: 2 }]), "versions[1].version：「v1」已是 versions[0] 的名称，版本名称不能重复"],
  ["versionsNotMade", () => versionFor({ versions: [] }, "2024-07"), "versions：不是由 defineVersions 生成的规则版本"],
  ["versionNoneInForce", () => versionFor(defineVersions([{ version: "v1", from: "2024-07-01", rule: 1 }]), "2024-06"), "period：2024-06-01 没有生效的版本；最早的版本自 2024-07-01 起生效"],
  ["versionNoDocumentForKind", () => versionForKind({ year: defineVersions([{ version: "v1", from: "2024-01-01", rule: 1 }]) }, "2024-H2"), "documents.half：2024-H2 是半年，但没有半年的规则文件；现有年度的规则文件"],
  ["versionNoDocumentForKind", () => versionForKind({}, "2024-Q1"), "documents.quarter：2024-Q1 是季度，但没有季度的规则文件；没有任何规则文件"],
];

/** The issue of `call` whose message has `key`. */
function issueWith(key: string, call: () => unknown): Issue {
  const found = issuesOf(call).find((i) => i.params.key === key);
  if (!found) throw new Error(`${key}: not among ${issuesOf(call).map((i) => i.params.key).join(", ")}`);
  return found;
}

describe("the personnel messages, in Chinese and English", () => {
  it.each(CASES)("%s", (key, call, zh) => {
    const i = issueWith(key, call);
    if (key === "ledgerNotJson") expect(formatIssue(i).startsWith(zh)).toBe(true);
    else expect(formatIssue(i)).toBe(zh);
    // The English words are the issue's message, made from the same data.
    expect(formatIssue(i, { locale: "en" })).toBe(i.message);
    // The Chinese words (the path aside) have no English sentence in them.
    expect(formatIssue(i, { path: () => "" })).not.toMatch(/\b(is|are|has|must|not|the|of)\b/);
  });

  it("words the ledger's length limit, which ten million entries would be needed to reach", () => {
    const i = issue(IssueCode.outOfRange, ["entries"], { key: "ledgerTooLong", limit: MAX_LEDGER_ENTRIES });
    expect(i.message).toBe("entries: would make the ledger longer than 10000000 entries");
    expect(formatIssue(i)).toBe("entries：追加后台账将超过 10000000 条记录的上限");
  });

  it("has a case for every message of the part", () => {
    expect(new Set([...CASES.map(([key]) => key), "ledgerTooLong"])).toEqual(new Set([...Object.keys(PERSONNEL_MESSAGES), "periodBadKey"]));
  });

  it("words a whole error in either language", () => {
    const issues = issuesOf(() => appendEntries(ledger, [entry("e1", "2024-02-29", 9), amend("a", "2024-01-01", "e1", 9)]));
    expect(formatIssues(issues)).toBe(
      ["- entries[0].id：「e1」已在台账中（台账的 entries[0]），记录编号不能重复", "- entries[1].corrects：日期 2024-01-01 早于被更正记录的日期（2024-01-31）"].join("\n"),
    );
    expect(formatIssues(issues, { locale: "en" })).toBe(
      ['- entries[0].id: "e1" is already in the ledger (its entry 0)', "- entries[1].corrects: is dated 2024-01-01, before the entry it corrects (2024-01-31)"].join("\n"),
    );
  });

  it("makes a person's period issue again from its data at the annual result's path, in both languages", () => {
    const months = createLedger([entry("a", "2024-01-31", 90, { person: "c1" })]);
    const [i] = issuesOf(() => annualResults(months, { year: "2024", people: [{ id: "c1" }], tiers, aggregate: { of: "half", rule: "mean", missing: "error" } }));
    expect(i!.path).toEqual(["options", "people", 0]);
    expect(i!.message).toBe("options.people[0]: 2024-H2 has no score, and the policy allows none to be missing");
    expect(formatIssue(i!)).toBe("options.people[0]：2024-H2 没有得分，而办法规定不得缺期（missing: \"error\"）");
  });
});
