/**
 * jixiao (绩效): exact, explainable performance scoring for the tax service.
 *
 * Rule numbers in this reference (R1 … R28, as in "ranks within peer groups (R6, R20)") are the
 * entries of the rule catalogue, docs/rules.md in the package's repository: what each rule says,
 * the article it comes from and the code that implements it.
 * @packageDocumentation
 */
export { IssueCode, JixiaoError, MAX_ISSUES, formatIssue, formatIssues, formatPath, isJixiaoError } from "./core/errors.js";
export type { FormatIssueOptions, Issue, IssuePath, SafeResult } from "./core/errors.js";
export type { Catalog, Message, MessageKey, Wording, MessageParams, ParamsOf, ParamValue, Shown } from "./messages/index.js";
export { ROUNDING_MODES } from "./core/rounding.js";
export type { Rounding, RoundingMode } from "./core/rounding.js";
export type { TraceStep } from "./core/trace.js";
export type { DecimalInput } from "./core/validate.js";
export { METHOD_TYPES } from "./methods/index.js";
export type {
  BandMethod,
  BonusMethod,
  CompletionMethod,
  CustomMethod,
  CustomScore,
  CustomScoreContext,
  DeductionMethod,
  DirectMethod,
  Flag,
  GradeMethod,
  JsonMethod,
  Method,
  MethodType,
  RankMethod,
  Step,
  StepsMethod,
  VotesFlag,
  VotesMethod,
} from "./methods/index.js";
export { defineScheme, safeDefineScheme } from "./scheme/define.js";
export type { Scheme, SchemeJson } from "./scheme/define.js";
export type { JsonChecked, JsonOf } from "./core/json-input.js";
export { schemeJsonSchema } from "./scheme/json-schema.js";
export { MAX_ADJUSTMENTS, MAX_BOARD_SEATS, MAX_FLAGS, MAX_GRABS, MAX_GRADES, MAX_GROUPS, MAX_HISTOGRAM_BINS, MAX_INDICATORS, MAX_SEATS, MAX_STAFF, MAX_STEPS, MAX_TASKS, MAX_VETOES } from "./core/limits.js";
export type {
  AdjustmentPolicy,
  AdjustmentsConfig,
  GroupConfig,
  IndicatorConfig,
  RoundingPoints,
  SchemeConfig,
  VetoConfig,
} from "./scheme/types.js";
export { MAX_BATCH, safeScore, safeScoreAll, score, scoreAll } from "./scoring/score.js";
export { FAST_MEMO_BYTES } from "./scoring/fast.js";
export { safeScoreTotals, scoreTotals } from "./scoring/totals.js";
export type { IndicatorUnit } from "./scoring/unit.js";
export type { SubjectTotal } from "./scoring/totals.js";
export type { AdjustmentItemResult, AdjustmentResult, GroupResult, IndicatorResult, ScoreOptions, ScoreResult, VetoResult } from "./scoring/result.js";
export type { AdjustmentItem, FlagInput, IndicatorValue, NotApplicable, SubjectInput, VetoHit } from "./scoring/subject.js";
export { county361Example } from "./presets/county361.js";
export { explain } from "./explain/explain.js";
export type { ExplainOptions } from "./explain/explain.js";
export type { Locale } from "./explain/messages.js";
export { rank, safeRank } from "./ranking/rank.js";
export type { Rankable, RankEntry, RankKey, Ranking, RankOptions, TieStyle } from "./ranking/types.js";
export { assignTiers, safeAssignTiers } from "./tiers/assign.js";
export { defineTierPolicy, safeDefineTierPolicy, tierPolicyJsonSchema } from "./tiers/policy.js";
export type { NamedId, TierAssignment, TierBarrier, TierPlacement, TierPolicy, TierQuota, TierReason, TierRule } from "./tiers/types.js";
export { checkHistory, consecutiveTier } from "./tiers/history.js";
export type {
  ConsecutiveTierHit,
  ConsecutiveTierOptions,
  HistoryCheck,
  HistoryCondition,
  HistoryConditionResult,
  HistoryCount,
  HistoryRule,
  TierRecord,
} from "./tiers/history.js";
export { eligiblePool } from "./tiers/pool.js";
export type { PoolOptions } from "./tiers/pool.js";
export { lastPlaceDeductions, lastPlacePolicyJsonSchema, safeLastPlaceDeductions } from "./penalties/last-place.js";
export type { LastPlaceDeduction, LastPlacePolicy, LastPlaceResult } from "./penalties/last-place.js";
export { reallocatePromotionSlots, safeReallocatePromotionSlots } from "./penalties/promotion.js";
export type { PromotionMove, PromotionPolicy } from "./penalties/promotion.js";
export type { DeductionReason, ExemptReason, LastPlaceFlagReason, PenaltyReason, PromotionReason, SpareReason } from "./penalties/reasons.js";
export { withPenalties } from "./penalties/apply.js";
export { assess } from "./pipeline/assess.js";
export { compare, explainChange } from "./compare/compare.js";
export { comparisonHistogram, comparisonReport } from "./compare/report.js";
export type { AdjustmentCause, ChangeCause, Comparison, CompareOptions, Distribution, Distributions, HistogramBin, HistogramOptions, IndicatorCause, PersonChange, RestCause, Standing, TierMove, TierTransitions } from "./compare/compare.js";
export type { Assessment, AssessmentInput, AssessmentRules, AssessmentStep, AssessOptions, ScoresToAssess, SubjectsToAssess } from "./pipeline/assess.js";
export type { WithPenaltiesOptions } from "./penalties/apply.js";
export { explainHistoryCheck, explainTier } from "./explain/tiers.js";
export { explainReason } from "./explain/reasons.js";
export type { Reason } from "./explain/reasons.js";
export { allocateTasks, safeAllocateTasks } from "./tasks/allocate.js";
export { defineTaskBoard, safeDefineTaskBoard, taskBoardJsonSchema } from "./tasks/board.js";
export { creditOf, creditTasks, safeCreditTasks } from "./tasks/credit.js";
export { taskStatistics } from "./tasks/statistics.js";
export type { TaskStatistics, TaskStatisticsOptions } from "./tasks/statistics.js";
export { explainAllocation, explainTaskReason } from "./tasks/explain.js";
export type { ExplainAllocationOptions, ExplainTaskReasonOptions } from "./tasks/explain.js";
export type {
  Allocation,
  AllocationPolicy,
  AssignmentReason,
  Completion,
  CreditPolicy,
  Grab,
  GrabOutcome,
  GrabRejection,
  PersonCredits,
  StaffMember,
  TaskAllocation,
  TaskBoardConfig,
  TaskConfig,
  TaskCredit,
  TaskCredits,
  TaskOwner,
  TaskReason,
  UnownedReason,
} from "./tasks/types.js";
export { defineOrgTree, safeDefineOrgTree } from "./cascade/tree.js";
export type { Department, OrgTree, OrgUnit } from "./cascade/tree.js";
export { cascadePlanJsonSchema, defineCascadePlan, safeDefineCascadePlan } from "./cascade/plan.js";
export { cascade, safeCascade } from "./cascade/cascade.js";
export type {
  AddedIndicator,
  CascadePlan,
  CascadeResult,
  CascadeStep,
  CascadeTemplate,
  ConservationCheck,
  DerivedIndicator,
  LineageLink,
  PlanIndicator,
  Responsibility,
  ResponsibilityResult,
} from "./cascade/types.js";
export { leaderScore, rollUp, safeRollUp } from "./cascade/rollup.js";
export type { LeaderLink, LeaderScore, RolledValue, RollUpRule, UnitResult } from "./cascade/rollup.js";
export { DEFAULT_TIME_ZONE, isPeriodKey, MAX_PERIODS, parsePeriod, PERIOD_KINDS, periodContains, periodDate, periodOf, periodRange, periodsIn, shiftPeriod } from "./periods/period.js";
export type { Period, PeriodKey, PeriodKind, PeriodOfOptions, TimeZone } from "./periods/period.js";
export {
  appendEntries,
  closePeriods,
  createLedger,
  ledgerFromJSON,
  ledgerFromJSONLines,
  ledgerToJSON,
  ledgerToJSONLines,
  MAX_LEDGER_ENTRIES,
  safeAppendEntries,
  safeCreateLedger,
} from "./personnel/ledger.js";
export type { AppendOptions, Ledger, LedgerEntry, LedgerJson, LedgerOptions } from "./personnel/ledger.js";
export { accountSeries, summarizeAccount, summarizeAccounts } from "./personnel/account.js";
export type { AccountEntry, AccountSummary, ComponentTotal, SeriesOptions, SummaryOptions, ViewOptions } from "./personnel/account.js";
export { resultEntries } from "./personnel/record.js";
export type { RecordableResult, ResultEntriesOptions } from "./personnel/record.js";
export { aggregatePeriods, safeAggregatePeriods } from "./personnel/aggregate.js";
export type { AggregatePart, AggregateResult, AggregationPolicy, PeriodScore } from "./personnel/aggregate.js";
export { defineVersions, versionFor, versionForKind, versionsOver } from "./personnel/versions.js";
export type { KindVersions, RuleVersion, RuleVersions, VersionForOptions, VersionPart } from "./personnel/versions.js";
export { applySpecialAssessments, linkOrganizations, linkPeople, safeLinkOrganizations } from "./personnel/linkage.js";
export type { LinkedPerson, LinkMethod, LinkPartKind, LinkPolicy, OrganizationLink, PeopleLinkPolicy, PersonLink, PersonLinkPart, SpecialAssessment, SpecialPolicy, SpecialResult } from "./personnel/linkage.js";
export { defineEverydayPerformance, safeDefineEverydayPerformance } from "./personnel/everyday.js";
export type { EverydayComponent, EverydayPerformanceConfig } from "./personnel/everyday.js";
export { occupationalFoundation } from "./personnel/foundation.js";
export type { FoundationPolicy, FoundationResult, YearResult } from "./personnel/foundation.js";
export { assessCapability, defineCapabilityFramework, safeAssessCapability, safeDefineCapabilityFramework } from "./personnel/capability.js";
export type { CapabilityAssessment, CapabilityCategory, CapabilityCriterion, CapabilityFramework, CapabilityLevel, CapabilityRequirement, CapabilityStanding } from "./personnel/capability.js";
export { annualResults, partyBuildingVetoes, safeAnnualResults } from "./personnel/annual.js";
export { explainAccount, explainCapability, explainPersonLink, requirementText } from "./personnel/explain.js";
export type { PersonnelExplainOptions } from "./personnel/explain.js";
export type { AnnualOptions, AnnualPerson, AnnualResult, PartyBuildingVetoOptions } from "./personnel/annual.js";
export { annualTiersExample, capabilityExample, everydayExample, politicalQualityExample } from "./presets/personnel.js";
export {
  partyBranchIndexExample,
  partyBranchTiersExample,
  partyBuildingChecksExample,
  partyContactLinkExample,
  partyDutyIndexExample,
  partyMemberIndexExample,
  partyModelPostExample,
} from "./presets/party.js";
export { JIXIAO_ACCOUNT, JIXIAO_EXPLAIN, JIXIAO_LASTPLACE, JIXIAO_RANK, JIXIAO_SCORE, JIXIAO_TASKCREDIT, JIXIAO_TIER, SHEET_ERROR, type SheetCell, type SheetInput, type SheetOutput, type SheetRange } from "./sheets/index.js";
export { defineRoadmap, roadmapJsonSchema, roadmapProgress, safeDefineRoadmap, safeRoadmapProgress } from "./roadmap/roadmap.js";
export type {
  ItemProgress,
  MilestoneConfig,
  MilestoneProgress,
  RoadmapActual,
  RoadmapConfig,
  RoadmapItemConfig,
  RoadmapProgress,
  RoadmapRoles,
  TimetableScoring,
  TimetableStatus,
} from "./roadmap/types.js";
export { roadmapChanges, safeVersionedProgress, versionedProgress } from "./roadmap/versions.js";
export type { RoadmapChange, SpanningPolicy, VersionedItemProgress, VersionedProgress, VersionedProgressOptions, VersionScore } from "./roadmap/versions.js";
export { cascadeRoadmap } from "./roadmap/cascade.js";
export type { CascadeRoadmapOptions } from "./roadmap/cascade.js";
export { explainProgress } from "./roadmap/explain.js";
export type { ExplainProgressOptions } from "./roadmap/explain.js";
export { assessKeyTasks, safeAssessKeyTasks } from "./board/key-tasks.js";
export type { KeyTaskAssessment, KeyTaskLine, KeyTaskList, KeyTaskOptions, KeyTaskOwner, KeyTaskReport, KeyTaskStatus } from "./board/key-tasks.js";
export { monthlyBoard, safeMonthlyBoard } from "./board/board.js";
export type { BoardInput, BoardOptions, BoardResult, ClosingStep, MonthlyBoard, PlanItem, Shortfall } from "./board/board.js";
export { boardView } from "./board/view.js";
export type { BoardColumn, BoardSection, BoardView, BoardViewOptions } from "./board/view.js";
export { boardHtml, boardMarkdown, boardRows } from "./board/render.js";
export { boardDocumentJsonSchema, boardExplanation, boardFromDocument } from "./board/document.js";
export type { BoardDocument, BoardFromDocument } from "./board/document.js";
