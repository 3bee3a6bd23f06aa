import type { LinkPartKind } from "../personnel/linkage.js";
import type { PeriodKind } from "../periods/period.js";
import { PERIOD_KIND_WORDS } from "./periods.js";
import { message, type Locale, type Shown } from "./types.js";


/** How Chinese counts periods of a kind: 3 个月, 92 天. */
const COUNTED: Readonly<Record<PeriodKind, string>> = { day: " 天", week: " 周", month: " 个月", quarter: " 个季度", half: " 个半年", year: " 年" };

/** A part of a person's organization-linked score in each language (`分管部门`). @internal */
export const LINK_PART_WORDS: Readonly<Record<LinkPartKind, Readonly<Record<Locale, string>>>> = {
  unit: { "zh-CN": "单位", en: "unit" },
  department: { "zh-CN": "部门", en: "department" },
  departments: { "zh-CN": "分管部门", en: "supervised departments" },
  contacts: { "zh-CN": "基层联系点", en: "contact points" },
};

/** A period kind's words, for a kind given as text. */
const kind = (k: string, locale: Locale): string => (Object.prototype.hasOwnProperty.call(PERIOD_KIND_WORDS, k) ? PERIOD_KIND_WORDS[k as PeriodKind][locale] : k);
/** A period kind in English running text ("a half-year", not "a half"). */
const kindEn = (k: string): string => (k === "half" ? "half-year" : kind(k, "en"));
/** A link part's Chinese words, for a part given as text. */
const partZh = (p: string): string => (Object.prototype.hasOwnProperty.call(LINK_PART_WORDS, p) ? LINK_PART_WORDS[p as LinkPartKind]["zh-CN"] : p);

/** The issues of personnel/: the ledger, account summaries, aggregation, linkage, foundation, capability, versions. */
export const PERSONNEL_MESSAGES = {
  // Shared by several parts of personnel/.
  personnelListedTwice: message<{ id: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)}重复列出`,
    en: (p) => `"${p.id}" is listed twice`,
  }),
  personnelMinAboveMax: message<{ max: string }>({
    "zh-CN": (p) => `下限不能大于上限 ${p.max}`,
    en: (p) => `is above ${p.max}`,
  }),

  // account.ts
  accountSeriesKind: message<{ period: string; kind: PeriodKind; wanted: PeriodKind }>({
    "zh-CN": (p, w) => `${w.q(p.period)}是${kind(p.kind, "zh-CN")}，应为${kind(p.wanted, "zh-CN")}（与 kind 一致）`,
    en: (p) => `is a ${p.kind}, not a ${p.wanted}`,
  }),
  accountSequenceBeyond: message<{ sequence: number; size: number }>({
    "zh-CN": (p) => `是 ${p.sequence}，但台账只有 ${p.size} 条记录`,
    en: (p) => `is ${p.sequence}, but the ledger holds ${p.size} entries`,
  }),

  // aggregate.ts
  aggregateWeightsRequired: message({
    "zh-CN": () => "按权重汇总（weighted）时必须给出各期间的权重",
    en: () => "are required by the weighted rule",
  }),
  aggregateWeightsUnused: message({
    "zh-CN": () => "只有按权重汇总（weighted）才用权重，请删去或改用 weighted",
    en: () => "are only for the weighted rule",
  }),
  aggregateNotMadeOf: message<{ of: PeriodKind; kind: PeriodKind; target: string }>({
    "zh-CN": (p) => `是 ${p.of}，但${kind(p.kind, "zh-CN")} ${p.target} 不能按${kind(p.of, "zh-CN")}汇总；应选比它短的期间`,
    en: (p) => `is ${p.of}, but a ${p.kind} (${p.target}) is not made of ${p.of} periods`,
  }),
  aggregateWeightCount: message<{ count: number; target: string; periods: number; of: PeriodKind }>({
    "zh-CN": (p) => `给出了 ${p.count} 个权重，但 ${p.target} 有 ${p.periods}${COUNTED[p.of]}；每个期间一个权重`,
    en: (p) => `gives ${p.count} weights, but ${p.target} has ${p.periods} ${p.of} periods`,
  }),
  aggregateNotPeriodOf: message<{ of: PeriodKind; period: string }>({
    "zh-CN": (p, w) => `应为${kind(p.of, "zh-CN")}的期间代码，实际是${w.q(p.period)}`,
    en: (p) => `is not a ${p.of} period key (got "${p.period}")`,
  }),
  aggregatePeriodRepeated: message<{ period: string }>({
    "zh-CN": (p) => `${p.period} 已有得分，同一期间只能有一个得分`,
    en: (p) => `${p.period} has a score already`,
  }),
  aggregatePeriodMissing: message<{ period: string }>({
    "zh-CN": (p) => `${p.period} 没有得分，而办法规定不得缺期（missing: "error"）`,
    en: (p) => `${p.period} has no score, and the policy allows none to be missing`,
  }),
  aggregateNoScore: message<{ of: PeriodKind; target: string }>({
    "zh-CN": (p) => `${p.target} 内没有一个${kind(p.of, "zh-CN")}有得分`,
    en: (p) => `no ${p.of} of ${p.target} has a score`,
  }),
  aggregateZeroWeights: message({
    "zh-CN": () => "有得分的期间权重都是 0，无法加权",
    en: () => "the periods with a score all have weight 0",
  }),

  // capability.ts
  capabilityOneRequirement: message({
    "zh-CN": () => "atLeast（不低于）和 oneOf（为其中之一）须给出且只给出一个",
    en: () => "needs exactly one of atLeast and oneOf",
  }),
  capabilityCategoryRepeated: message<{ id: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)}已是一个类别，类别编号不能重复`,
    en: (p) => `"${p.id}" is already a category`,
  }),
  capabilityLevelNumber: message<{ level: number }>({
    "zh-CN": (p) => `应为 ${p.level}：等级从低到高依次编为 1、2、3……`,
    en: (p) => `must be ${p.level}: levels are numbered 1, 2, 3 … lowest first`,
  }),
  capabilityUnknownCategory: message<{ category: string; framework: string; categories: readonly string[] }>({
    "zh-CN": (p, w) => `${w.q(p.category)}不是 ${p.framework} 的类别（可选：${w.list(p.categories)}）`,
    en: (p, w) => `"${p.category}" is not a category of ${p.framework} (${w.list(p.categories)})`,
  }),
  capabilityLevelBeyond: message<{ level: number; category: string; levels: number }>({
    "zh-CN": (p, w) => `是 ${p.level}，但${w.q(p.category)}只有 ${p.levels} 个等级`,
    en: (p) => `is ${p.level}, but ${p.category} has ${p.levels} levels`,
  }),

  // everyday.ts
  everydayComponentRepeated: message<{ id: string }>({
    "zh-CN": (p, w) => `组成部分编号${w.q(p.id)}重复；编号不能重复`,
    en: (p) => `repeats the component id "${p.id}"; ids must be unique`,
  }),

  // foundation.ts
  foundationWeightsSum: message<{ total: string }>({
    "zh-CN": (p) => `各年权重合计为 ${p.total}，应为 1`,
    en: (p) => `add up to ${p.total}, not 1`,
  }),
  foundationYearRepeated: message<{ year: number }>({
    "zh-CN": (p) => `${p.year} 年已有结果，每年只能有一个`,
    en: (p) => `${p.year} has a result already`,
  }),
  foundationYearMissing: message<{ year: number }>({
    "zh-CN": (p) => `${p.year} 年没有结果（missing: "error" 不允许缺年）`,
    en: (p) => `${p.year} has no result`,
  }),

  foundationNoResult: message<{ from: number; to: number }>({
    "zh-CN": (p) => `${p.from} 至 ${p.to} 年中，权重大于 0 的年份都没有结果`,
    en: (p) => `no year from ${p.from} to ${p.to} with a weight above 0 has a result`,
  }),

  // ledger.ts
  ledgerDecimals: message({ "zh-CN": () => "最多 10 位小数", en: () => "may have at most 10 decimals" }),
  ledgerActionOnlyCorrection: message({
    "zh-CN": () => "只有更正记录（带 `corrects` 的记录）才填 action",
    en: () => "is only for a correction (an entry with `corrects`)",
  }),
  ledgerPointsRequired: message({ "zh-CN": () => "必填：只有冲销记录可以不填分数", en: () => "is required for an entry that is not a reversal" }),
  ledgerComponentRequired: message({ "zh-CN": () => "必填：只有更正记录可以不填项目", en: () => "is required for an entry that is not a correction" }),
  ledgerActionRequired: message({
    "zh-CN": () => "有 `corrects` 时必填：reverse（冲销）或 amend（修正）",
    en: () => "is required with `corrects`: reverse or amend",
  }),
  ledgerReversalPoints: message({
    "zh-CN": () => "冲销记录不填分数：它撤销所更正的记录",
    en: () => "must be left out of a reversal: it cancels the entry it corrects",
  }),
  ledgerAmendPoints: message({
    "zh-CN": () => "修正记录必填分数：用来替换被更正记录的分数",
    en: () => "is required for an amendment: the points that replace the corrected entry's",
  }),
  ledgerCorrectionComponent: message({
    "zh-CN": () => "更正记录不填项目：沿用被更正记录的项目",
    en: () => "must be left out of a correction: it keeps the corrected entry's component",
  }),
  ledgerIdInLedger: message<{ id: string; entry: number }>({
    "zh-CN": (p, w) => `${w.q(p.id)}已在台账中（台账的 entries[${p.entry}]），记录编号不能重复`,
    en: (p) => `"${p.id}" is already in the ledger (its entry ${p.entry})`,
  }),
  ledgerIdRepeated: message<{ id: string; entry: number }>({
    "zh-CN": (p, w) => `${w.q(p.id)}已是 entries[${p.entry}] 的编号，记录编号不能重复`,
    en: (p) => `"${p.id}" is already the id of entries[${p.entry}]`,
  }),
  ledgerBadDate: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为有效的日期或日期时间（如 2024-06-30 或 2024-06-30T23:30），实际是${w.shown(p.received)}`,
    en: (p, w) => `is not a real date or date-time (got ${w.shown(p.received)})`,
  }),
  ledgerUnknownCorrected: message<{ id: string }>({
    "zh-CN": (p, w) => `更正的${w.q(p.id)}不是台账中的记录`,
    en: (p) => `names "${p.id}", which is not an entry of the ledger`,
  }),
  ledgerOtherPerson: message<{ id: string; owner: string; person: string }>({
    "zh-CN": (p, w) => `更正的${w.q(p.id)}属于 ${p.owner}，而本条记录属于 ${p.person}；只能更正同一人的记录`,
    en: (p) => `corrects "${p.id}" of ${p.owner}, but this entry is for ${p.person}`,
  }),
  ledgerCorrectionEarly: message<{ date: string; corrected: string }>({
    "zh-CN": (p) => `日期 ${p.date} 早于被更正记录的日期（${p.corrected}）`,
    en: (p) => `is dated ${p.date}, before the entry it corrects (${p.corrected})`,
  }),
  ledgerCorrectedTwice: message<{ id: string; by: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)}已被${w.q(p.by)}更正；一条记录只能更正一次，请更正${w.q(p.by)}`,
    en: (p) => `"${p.id}" is already corrected by "${p.by}"; correct "${p.by}" instead`,
  }),
  ledgerCircle: message<{ id: string }>({
    "zh-CN": (p, w) => `几条更正记录经${w.q(p.id)}互相更正，形成了循环`,
    en: (p) => `entries correct each other in a circle through "${p.id}"`,
  }),
  ledgerCorrectionRecordedEarly: message<{ recorded: string; corrected: string }>({
    "zh-CN": (p) => `记录时间 ${p.recorded} 早于被更正记录的记录时间（${p.corrected}）`,
    en: (p) => `is recorded at ${p.recorded}, before the entry it corrects (${p.corrected})`,
  }),
  ledgerRecordedEarly: message<{ recorded: string; latest: string }>({
    "zh-CN": (p) => `记录时间 ${p.recorded} 早于台账中最近一条记录的时间（${p.latest}，只写日期视为当日零时）；记录按登记先后追加，已出的报表不能因补记而改变`,
    en: (p) => `is ${p.recorded}, before the latest recording in the ledger (${p.latest}; a date alone is the start of its day): entries are appended in the order they are recorded, so that reports already made never change`,
  }),
  ledgerNeedsRecordedAt: message<{ date: string; latest: string }>({
    "zh-CN": (p) => `没有记录时间（recordedAt），按日期 ${p.date} 视为当时记录，早于台账中最近一条记录的时间（${p.latest}，只写日期视为当日零时）；请填写 recordedAt`,
    en: (p) => `has no recordedAt, so it counts as recorded on ${p.date}, before the latest recording in the ledger (${p.latest}; a date alone is the start of its day): give the moment it was recorded in recordedAt`,
  }),
  ledgerClosed: message<{ date: string; through: string }>({
    "zh-CN": (p) => `日期 ${p.date} 在已关账的期间内（台账已关账至 ${p.through}）；请在未关账的期间记一条调整记录（填写 adjusts 和 reason）`,
    en: (p) => `is ${p.date}, in a closed period (the ledger is closed through ${p.through}): record an adjustment in an open period, with adjusts and reason`,
  }),
  ledgerCorrectsClosed: message<{ id: string; date: string; through: string }>({
    "zh-CN": (p, w) => `更正的${w.q(p.id)}日期为 ${p.date}，在已关账的期间内（台账已关账至 ${p.through}），不能再更正；请在未关账的期间记一条调整记录（填写 adjusts 和 reason）`,
    en: (p) => `corrects "${p.id}", dated ${p.date} in a closed period (the ledger is closed through ${p.through}): record an adjustment in an open period, with adjusts and reason`,
  }),
  ledgerAdjustmentCorrection: message({
    "zh-CN": () => "更正记录不能作调整记录：调整记录是新的一条记录，记在未关账的期间",
    en: () => "must be left out of a correction: an adjustment is an ordinary entry in an open period",
  }),
  ledgerAdjustmentReason: message({
    "zh-CN": () => "调整记录（有 adjusts）必须写明调整原因",
    en: () => "is required for an adjustment (an entry with adjusts): why the closed period is adjusted",
  }),
  ledgerReasonOnlyAdjustment: message({
    "zh-CN": () => "只有调整记录（带 adjusts 的记录）才填 reason；其他说明请写在 note 中",
    en: () => "is only for an adjustment (an entry with adjusts); put other words in note",
  }),
  ledgerAdjustsOpen: message<{ period: string; through: string }>({
    "zh-CN": (p) => `调整的期间 ${p.period} 尚未关账（台账关账至 ${p.through}）；未关账的期间请直接记录或更正`,
    en: (p) => `names ${p.period}, which is not closed (the ledger is closed through ${p.through}): record or correct entries there instead`,
  }),
  ledgerAdjustsNothingClosed: message<{ period: string }>({
    "zh-CN": (p) => `调整的期间 ${p.period} 尚未关账（台账没有关账的期间）；未关账的期间请直接记录或更正`,
    en: (p) => `names ${p.period}, which is not closed (no period of the ledger is): record or correct entries there instead`,
  }),
  ledgerAdjustmentDate: message<{ date: string; period: string }>({
    "zh-CN": (p) => `日期 ${p.date} 在所调整的期间 ${p.period} 之内；调整记录应记在其后未关账的期间`,
    en: (p) => `is ${p.date}, within the period it adjusts (${p.period}): an adjustment is dated in a later, open period`,
  }),
  ledgerReopen: message<{ through: string; closed: string }>({
    "zh-CN": (p) => `关账至 ${p.through} 会重新打开已关账的期间（台账已关账至 ${p.closed}）；已关账的期间不能重新打开`,
    en: (p) => `closing through ${p.through} would reopen periods: the ledger is closed through ${p.closed}, and closed periods stay closed`,
  }),
  ledgerNotLedger: message({
    "zh-CN": () => "不是由 createLedger、appendEntries、closePeriods、ledgerFromJSON 或 ledgerFromJSONLines 生成的台账",
    en: () => "is not a ledger made by createLedger, appendEntries, closePeriods, ledgerFromJSON or ledgerFromJSONLines",
  }),
  ledgerTooLong: message<{ limit: number }>({
    "zh-CN": (p) => `追加后台账将超过 ${p.limit} 条记录的上限`,
    en: (p) => `would make the ledger longer than ${p.limit} entries`,
  }),
  ledgerNotJson: message<{ detail: string }>({
    "zh-CN": (p) => `不是有效的 JSON（${p.detail}）`,
    en: (p) => `is not JSON (${p.detail})`,
  }),

  // linkage.ts
  linkStandardRounding: message({
    "zh-CN": () => "标准分办法（standard）必须配置舍入：标准差要开平方，结果不是有限小数",
    en: () => "is required by the standard method: a standard deviation is a square root and is not exact",
  }),
  linkTableOrder: message<{ previous: number }>({
    "zh-CN": (p) => `应大于上一行的名次（${p.previous}）`,
    en: (p) => `must be more than the previous row's (${p.previous})`,
  }),
  linkBeyondRange: message<{ id: string; score: string; linked: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)}（得分 ${p.score}）的挂钩分为 ${p.linked}，超出 ±10^18；基准分这样小，多半是写错了`,
    en: (p) => `gives "${p.id}" (score ${p.score}) a linked score of ${p.linked}, beyond ±10^18; a base this small is likely a mistake`,
  }),
  linkWeightsSum: message<{ total: string }>({
    "zh-CN": (p) => `权重合计为 ${p.total}，应为 1`,
    en: (p) => `weights add up to ${p.total}, not 1`,
  }),
  linkNoPoints: message<{ id: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)}没有挂钩分`,
    en: (p) => `"${p.id}" has no linked points`,
  }),
  linkZeroWeights: message<{ person: string; parts: readonly string[]; role: "staff" | "leader" }>({
    "zh-CN": (p, w) => `${p.person} 的各部分（${w.list(p.parts.map(partZh))}）在 policy.${p.role} 中权重都是 0`,
    en: (p) => `${p.person}'s parts (${p.parts.join(", ")}) all have weight 0 in policy.${p.role}`,
  }),
  specialNoScore: message<{ person: string }>({
    "zh-CN": (p, w) => `${w.q(p.person)}没有个人得分`,
    en: (p) => `"${p.person}" has no personal score`,
  }),
  specialMemberTwice: message<{ person: string }>({
    "zh-CN": (p, w) => `${w.q(p.person)}在本专项中出现了两次`,
    en: (p) => `"${p.person}" is on this assessment twice`,
  }),
  specialNoResult: message<{ organization: string; special: string }>({
    "zh-CN": (p, w) => `${w.q(p.organization)}在专项 ${p.special} 中没有结果`,
    en: (p) => `"${p.organization}" has no result in ${p.special}`,
  }),
  specialWeightsOver: message<{ person: string; total: string }>({
    "zh-CN": (p) => `${p.person} 参加的专项权重合计为 ${p.total}，超过 1`,
    en: (p) => `${p.person}'s special weights add up to ${p.total}, more than 1`,
  }),

  // record.ts
  recordResultRepeated: message<{ id: string }>({
    "zh-CN": (p, w) => `${w.q(p.id)}已有一个结果，每人每期只能记一条`,
    en: (p) => `"${p.id}" has a result already`,
  }),

  // versions.ts
  versionBadDate: message<{ from: string }>({
    "zh-CN": (p, w) => `应为 2024-07-01 这样的日期，实际是${w.q(p.from)}`,
    en: (p) => `is not a date such as 2024-07-01 (got "${p.from}")`,
  }),
  versionDayTaken: message<{ version: string; day: string }>({
    "zh-CN": (p) => `版本 ${p.version} 已于 ${p.day} 生效，同一天只能有一个版本生效`,
    en: (p) => `version ${p.version} already comes into force on ${p.day}`,
  }),
  versionNameTaken: message<{ version: string; index: number }>({
    "zh-CN": (p, w) => `${w.q(p.version)}已是 versions[${p.index}] 的名称，版本名称不能重复`,
    en: (p) => `"${p.version}" is already the name of version ${p.index}`,
  }),
  versionsNotMade: message({
    "zh-CN": () => "不是由 defineVersions 生成的规则版本",
    en: () => "are not versions made by defineVersions",
  }),
  versionNoneInForce: message<{ day: string; first: string }>({
    "zh-CN": (p) => `${p.day} 没有生效的版本；最早的版本自 ${p.first} 起生效`,
    en: (p) => `no version is in force on ${p.day}; the first comes into force on ${p.first}`,
  }),
  versionNoDocumentForKind: message<{ kind: string; period: string; kinds: readonly string[] }>({
    "zh-CN": (p, w) =>
      `${p.period} 是${kind(p.kind, "zh-CN")}，但没有${kind(p.kind, "zh-CN")}的规则文件；${p.kinds.length ? `现有${w.list(p.kinds.map((k) => kind(k, "zh-CN")))}的规则文件` : "没有任何规则文件"}`,
    en: (p, w) => `${p.period} is a ${kindEn(p.kind)}, and there is no document for a ${kindEn(p.kind)}; ${p.kinds.length ? `there are documents for ${w.list(p.kinds.map(kindEn))}` : "there are no documents"}`,
  }),
};
