import { within } from "../core/errors.js";
import { summarizeAccounts } from "../personnel/account.js";
import { createLedger, type LedgerEntry } from "../personnel/ledger.js";
import { decimal, namedRecord, parseWith } from "../core/validate.js";
import { cascade } from "../cascade/cascade.js";
import { assess, type Assessment, type AssessmentRules } from "../pipeline/assess.js";
import { defineCascadePlan } from "../cascade/plan.js";
import { rollUp, type RollUpRule, type UnitResult } from "../cascade/rollup.js";
import { defineOrgTree, type OrgUnit } from "../cascade/tree.js";
import type { CascadePlan } from "../cascade/types.js";
import { lastPlacePolicySchema, type LastPlacePolicy } from "../penalties/last-place.js";
import type { Rankable, RankOptions, Ranking } from "../ranking/types.js";
import { defineScheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import { scoreAll } from "../scoring/score.js";
import type { ScoreOptions } from "../scoring/result.js";
import type { SubjectInput } from "../scoring/subject.js";
import { allocateTasks } from "../tasks/allocate.js";
import { defineTaskBoard } from "../tasks/board.js";
import { creditTasks } from "../tasks/credit.js";
import type { AllocationPolicy, Completion, CreditPolicy, Grab, StaffMember, TaskBoardConfig } from "../tasks/types.js";
import type { TierPolicy } from "../tiers/types.js";
import { z } from "../core/z.js";
import { defineVersions, type RuleVersion } from "../personnel/versions.js";
import type { RoadmapActual, RoadmapConfig } from "../roadmap/types.js";
import { versionedProgress, type VersionedProgress } from "../roadmap/versions.js";
import { boardFromDocument, type BoardDocument } from "../board/document.js";
import type { Segment } from "./path.js";
import type { ScenarioRun } from "./scenario.js";

/** Rules and inputs of a case, read and loaded (no paths left). @internal */
export interface Loaded {
  readonly rules: Readonly<Record<string, unknown>>;
  readonly input: Readonly<Record<string, unknown>>;
}

/** What a runner makes: its output, and where a shortcut path's details are. @internal */
export interface Runner {
  /** Maps rules and inputs to a plain output object. Throws a `JixiaoError` whose paths start at the case (`rules.scheme…`, `input.subjects…`). */
  readonly run: (loaded: Loaded) => Record<string, unknown>;
  /** The detailed node behind a shortcut path (`tiers.c007` → `assignment.placements.c007`), for the failure's explanation. */
  readonly details?: (segments: readonly Segment[]) => Segment[] | undefined;
}

const scoresRecord = namedRecord(decimal(), "subject");

/**
 * The case's subjects or scores through the assessment pipeline with `rules` (the case's rules
 * that the run uses): scores given as a record (id → score) are listed first.
 */
function assessed(loaded: Loaded, rules: AssessmentRules): Assessment {
  const { input } = loaded;
  if (input.subjects !== undefined) return assess(rules, { subjects: input.subjects as SubjectInput[] });
  const scores = input.scores;
  if (Array.isArray(scores)) return assess(rules, { scores: scores as Rankable[] });
  const record = parseWith(scoresRecord, scores, "Scores are not valid", ["input", "scores"]);
  return assess(rules, { scores: Object.keys(record).map((id) => ({ subjectId: id, total: record[id]! })) });
}

/** The rules a run takes from the case: the scheme (when subjects are scored) and the rank options, and `more`. */
const rulesOf = ({ rules, input }: Loaded, more: Partial<AssessmentRules> = {}): AssessmentRules => ({
  ...(input.subjects !== undefined ? { scheme: rules.scheme as SchemeConfig } : {}),
  ...(rules.rank !== undefined ? { rank: rules.rank as RankOptions } : {}),
  ...more,
});

const ranks = (ranking: Ranking) => Object.fromEntries(ranking.entries.map((e) => [e.subjectId, e.rank]));
const rankDetails = (s: readonly Segment[]) => (s[0] === "ranks" && s.length >= 2 ? ["ranking", "entries", ...s.slice(1)] : undefined);

/** Each run's runner. @internal */
export const RUNNERS: Readonly<Record<ScenarioRun, Runner>> = {
  score: {
    run({ rules, input }) {
      const scheme = within({}, ["rules", "scheme"], () => defineScheme(rules.scheme as SchemeConfig));
      const options = input.options as ScoreOptions | undefined;
      return { results: within({}, ["input", "subjects"], () => scoreAll(scheme, input.subjects as SubjectInput[], options)) };
    },
  },
  rank: {
    run(loaded) {
      const { scored, ranking } = assessed(loaded, rulesOf(loaded));
      return { ...(scored ? { results: scored } : {}), ranks: ranks(ranking), ranking };
    },
    details: rankDetails,
  },
  tiers: {
    run(loaded) {
      const { scored, ranking, assignment } = assessed(loaded, rulesOf(loaded, { tierPolicy: loaded.rules.tierPolicy as TierPolicy }));
      const tiers = Object.fromEntries(assignment!.placements.map((p) => [p.subjectId, p.tier]));
      return { ...(scored ? { results: scored } : {}), ranks: ranks(ranking), ranking, tiers, assignment };
    },
    details: (s) => (s[0] === "tiers" && s.length >= 2 ? ["assignment", "placements", ...s.slice(1)] : rankDetails(s)),
  },
  "last-place": {
    run(loaded) {
      // (Scored subjects are scored again with the deductions, as a bureau would record them.)
      const policy = parseWith(lastPlacePolicySchema, loaded.rules.lastPlace, "Last-place policy is not valid", ["rules", "lastPlace"]) as LastPlacePolicy;
      const { scored, rescored, ranking, lastPlace } = assessed(loaded, rulesOf(loaded, { lastPlace: policy }));
      const deductions = Object.fromEntries(lastPlace!.deductions.map((d) => [d.subjectId, d.points]));
      const flags = Object.fromEntries(lastPlace!.flags.map((f) => [f.subjectId, lastPlace!.flags.filter((g) => g.subjectId === f.subjectId).map((g) => g.id)]));
      return { ...(rescored ? { results: rescored, before: scored } : {}), ranks: ranks(ranking), ranking, deductions, flags, lastPlace };
    },
    details: (s) => (s[0] === "deductions" && s.length >= 2 ? ["lastPlace", "deductions", ...s.slice(1)] : rankDetails(s)),
  },
  tasks: {
    run({ rules, input }) {
      const board = within({}, ["rules", "board"], () => defineTaskBoard(rules.board as TaskBoardConfig));
      const allocation = within({ policy: ["rules", "allocation"], grabs: ["input", "grabs"], staff: ["input", "staff"] }, ["rules", "board"], () =>
        allocateTasks(board, input.grabs as Grab[], input.staff as StaffMember[], rules.allocation as AllocationPolicy | undefined),
      );
      const owners = Object.fromEntries(allocation.tasks.map((t) => [t.task, t.owners.map((o) => o.person)]));
      const status = Object.fromEntries(allocation.tasks.map((t) => [t.task, t.status]));
      const out: Record<string, unknown> = { owners, status, allocation };
      if (input.completions !== undefined) {
        const taskCredits = within({ policy: ["rules", "credit"], completions: ["input", "completions"] }, ["rules", "board"], () =>
          creditTasks(board, allocation, input.completions as Completion[], rules.credit as CreditPolicy | undefined),
        );
        out.credits = Object.fromEntries(taskCredits.people.map((p) => [p.person, p.applied]));
        out.taskCredits = taskCredits;
      }
      return out;
    },
    // An owner's line (why the person was assigned) below its task's owners; a status, the task (why it has no owner).
    details: (s) =>
      s[0] === "credits" && s.length >= 2
        ? ["taskCredits", "people", ...s.slice(1)]
        : s[0] === "owners" && s.length >= 3
          ? ["allocation", "tasks", s[1]!, "owners", ...s.slice(2)]
          : s[0] === "owners" || s[0] === "status"
            ? ["allocation", "tasks", ...s.slice(1)]
            : undefined,
  },
  cascade: {
    run({ rules, input }) {
      const plan = within({}, ["rules", "plan"], () => defineCascadePlan(rules.plan as CascadePlan));
      const tree = within({}, ["input", "tree"], () => defineOrgTree(input.tree as OrgUnit[]));
      const result = within({}, ["rules", "plan"], () => cascade(plan, tree));
      const targets = Object.fromEntries(result.units.map((u) => [u.unit, Object.fromEntries(u.indicators.map((i) => [i.id, i.target]))]));
      const out: Record<string, unknown> = { targets, cascade: result };
      if (input.results !== undefined) {
        const rolledUp = within({ results: ["input", "results"], rules: ["rules", "rollUp"] }, ["input", "results"], () =>
          rollUp(tree, input.results as UnitResult[], rules.rollUp as Record<string, RollUpRule>),
        );
        const rolled: Record<string, Record<string, number>> = {};
        for (const v of rolledUp) rolled[v.unit] = { ...rolled[v.unit], [v.indicator]: v.value };
        out.rolled = rolled;
        out.rolledUp = rolledUp;
      }
      return out;
    },
    details: (s) => (s[0] === "targets" && s.length >= 2 ? ["cascade", "units", s[1]!, "indicators", ...s.slice(2)] : undefined),
  },
  account: {
    run({ input }) {
      const timeZone = input.timeZone as string | undefined;
      const ledger = within({ entries: ["input", "entries"], options: ["input"] }, ["input"], () => createLedger(input.entries as LedgerEntry[], timeZone === undefined ? {} : { timeZone }));
      const summaries = within({ options: ["input"] }, ["input"], () =>
        summarizeAccounts(ledger, {
          ...(input.period !== undefined ? { period: input.period as string } : {}),
          ...(input.asOf !== undefined ? { asOf: input.asOf as string } : {}),
          ...(input.datedThrough !== undefined ? { datedThrough: input.datedThrough as string } : {}),
        }),
      );
      const totals = Object.fromEntries(summaries.map((s) => [s.person, s.total]));
      const components = Object.fromEntries(summaries.map((s) => [s.person, Object.fromEntries(s.components.map((c) => [c.component, c.total]))]));
      return { totals, components, summaries };
    },
    details: (s) => ((s[0] === "totals" || s[0] === "components") && s.length >= 2 ? ["summaries", s[1]!] : undefined),
  },
  roadmap: {
    run({ rules, input }) {
      const versions = within({}, ["rules"], () => defineVersions(rules.versions as RuleVersion<RoadmapConfig>[]));
      const spanning = input.spanning as "end" | "pro-rata" | undefined;
      const progress = within({ actuals: ["input", "actuals"], period: ["input", "period"], options: ["input"] }, ["rules", "versions"], () =>
        versionedProgress(versions, input.actuals as RoadmapActual[], input.period as string, spanning ? { spanning } : {}),
      );
      return { ...byItem(progress), progress };
    },
    details: (s) => itemDetails(s, ["progress", "items"]),
  },
  board: {
    run({ input }) {
      const made = within({}, ["input", "document"], () => boardFromDocument(input.document as BoardDocument));
      const { board } = made;
      const of = <T>(pick: (r: (typeof board.results)[number]) => T) => Object.fromEntries(board.results.map((r) => [r.subject, pick(r)]));
      return {
        ranks: of((r) => r.rank),
        totals: of((r) => r.total),
        tiers: of((r) => r.tier ?? null),
        rankChanges: of((r) => r.rankChange),
        ...(made.keyTasks ? { credits: Object.fromEntries(made.keyTasks.people.map((p) => [p.person, p.exact.applied])) } : {}),
        ...(made.roadmap ? byItem(made.roadmap) : {}),
        shortfalls: board.shortfalls.length,
        board,
        ...(made.roadmap ? { progress: made.roadmap } : {}),
        ...(made.keyTasks ? { keyTasks: made.keyTasks } : {}),
      };
    },
    details: (s) => (["ranks", "totals", "tiers", "rankChanges"].includes(String(s[0])) && s.length >= 2 ? ["board", "results", ...s.slice(1)] : itemDetails(s, ["progress", "items"])),
  },
};

/** A roadmap's scores, statuses and gaps by indicator and owner, for short expected paths (`scores.arrears.collection`). */
function byItem(progress: VersionedProgress): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = { scores: {}, status: {}, gaps: {} };
  for (const i of progress.items) {
    out.scores![i.indicator] = { ...out.scores![i.indicator], [i.owner]: i.exact };
    out.status![i.indicator] = { ...out.status![i.indicator], [i.owner]: i.status };
    out.gaps![i.indicator] = { ...out.gaps![i.indicator], [i.owner]: i.gap };
  }
  return out;
}

/** The item behind a short roadmap path (`scores.arrears` → the items of that indicator). */
const itemDetails = (s: readonly Segment[], items: Segment[]): Segment[] | undefined =>
  (s[0] === "scores" || s[0] === "status" || s[0] === "gaps") && s.length >= 2 ? [...items, s[1]!] : undefined;
