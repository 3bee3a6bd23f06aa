import { Dec, text, toDec } from "../core/decimal.js";
import { IssueCode, relocate, safely, type SafeResult } from "../core/errors.js";
import { shown } from "../messages/index.js";
import { deepFreeze } from "../core/freeze.js";
import { made } from "../core/snapshot.js";
import { addIssue, idSchema, parseCopy, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { readKey, shiftPeriod, spanOf, type PeriodKey } from "../periods/period.js";
import { rank } from "../ranking/rank.js";
import type { Rankable, RankEntry, RankOptions } from "../ranking/types.js";
import type { ItemProgress } from "../roadmap/types.js";
import { assignTiers } from "../tiers/assign.js";
import type { TierPolicy } from "../tiers/types.js";
import type { KeyTaskAssessment, KeyTaskList } from "./key-tasks.js";

/** What a monthly board (三晒) is made from: the month's results, last month's, and what the roadmap and key tasks say. */
export interface BoardInput {
  /** The unit whose board it is. */
  readonly unit: string;
  /** The unit's name. */
  readonly unitName?: string;
  /** The month (`2026-10`). */
  readonly month: PeriodKey;
  /** The month's results of the unit's people (or departments): score results or any rankable records. */
  readonly results: readonly Rankable[];
  /** Last month's results, for the change in total, rank and tier. */
  readonly previous?: readonly Rankable[];
  /** How the results are ranked (peer groups, ties), this month and last alike. */
  readonly rank?: RankOptions;
  /** The tier policy, for each month's tiers; no tiers when left out. */
  readonly tiers?: TierPolicy;
  /** The roadmap's items as of the month's end ({@link roadmapProgress} or {@link versionedProgress}). */
  readonly roadmap?: readonly ItemProgress[];
  /** The month's key tasks assessed ({@link assessKeyTasks}). */
  readonly keyTasks?: KeyTaskAssessment;
  /** Next month's key task list (计划). */
  readonly nextKeyTasks?: KeyTaskList;
}

/** Options for {@link monthlyBoard}. */
export interface BoardOptions {
  /** How many of the bottom of each peer group are a shortfall (default 1: the last; 0 for none). */
  readonly bottom?: number;
  /** How many months ahead 晒打算 lists milestones (default 1: the next month). */
  readonly horizon?: number;
}

/** One row of 成绩: a subject's total, rank and tier, and their change from last month. */
export interface BoardResult {
  /** The subject. */
  readonly subject: string;
  /** The subject's name. */
  readonly name?: string;
  /** The peer group, or `null` for one group. */
  readonly peerGroup: string | null;
  /** The total, as exact text. */
  readonly total: string;
  /** The rank in the peer group. */
  readonly rank: number;
  /** The size of the peer group. */
  readonly groupSize: number;
  /** The tier, when a policy is given. */
  readonly tier?: string;
  /** Last month's total, rank and tier, when the subject was in last month's results. */
  readonly previous?: {
    /** Last month's total, as exact text. */
    readonly total: string;
    /** Last month's rank. */
    readonly rank: number;
    /** Last month's tier. */
    readonly tier?: string;
  };
  /** total − last month's total, as exact text, or `null`. */
  readonly totalChange: string | null;
  /** Places moved up since last month (last rank − this rank; less than 0 is down), or `null`. */
  readonly rankChange: number | null;
  /** The key-task credit of the month, as exact text, when key tasks are given and the subject had any. */
  readonly keyTaskCredit?: string;
}

/** What would close a shortfall, as data. */
export type ClosingStep =
  | {
      /** Earn the indicator's full points: `points` more. */
      readonly kind: "full-points";
      /** The points to gain. */
      readonly points: string;
    }
  | {
      /** Reach the value the timetable expects by now, and the next milestone's by its day. */
      readonly kind: "reach-value";
      /** The value expected now. */
      readonly value: string;
      /** The next milestone, if any. */
      readonly next?: {
        /** The milestone's id. */
        readonly id: string;
        /** Its due day. */
        readonly due: string;
        /** Its target. */
        readonly target: string;
      };
    }
  | {
      /** Gain `points` to draw level with the one ranked just above. */
      readonly kind: "pass";
      /** The one just above. */
      readonly above: string;
      /** The points to gain. */
      readonly points: string;
    }
  | {
      /** Finish the task: `progress` percentage points more, by `deadline` (already passed for an overdue one). */
      readonly kind: "finish";
      /** The percentage points to go. */
      readonly progress: string;
      /** Its deadline. */
      readonly deadline: string;
    };

/** One shortfall (短板): an indicator below target, an item behind the timetable, a place at the bottom of the peer group, or a key task behind. */
export interface Shortfall {
  /** Which kind. */
  readonly kind: "below-target" | "behind-timetable" | "bottom-of-group" | "key-task";
  /** The subject (a person, or a roadmap item's owner). */
  readonly subject: string;
  /** The subject's name. */
  readonly name?: string;
  /** The indicator or task, or `null` for a place in the group. */
  readonly item: string | null;
  /** The indicator's or task's name. */
  readonly itemName?: string;
  /** The gap in points (points lost, or to gain), as exact text. */
  readonly points: string;
  /** What would close it. */
  readonly close: ClosingStep;
}

/** One line of 计划: next month's milestone or key task. */
export interface PlanItem {
  /** `milestone` or `key-task`. */
  readonly kind: "milestone" | "key-task";
  /** Its owner. */
  readonly subject: string;
  /** The owner's name. */
  readonly name?: string;
  /** The indicator or task id. */
  readonly item: string;
  /** Its name or title. */
  readonly itemName?: string;
  /** The milestone's id (for a milestone). */
  readonly milestone?: string;
  /** The day it is due. */
  readonly due: string;
  /** The milestone's target. */
  readonly target?: string;
}

/** A unit's monthly board (三晒): 成绩, 短板, 计划. */
export interface MonthlyBoard {
  /** The unit. */
  readonly unit: string;
  /** Its name. */
  readonly unitName?: string;
  /** The month. */
  readonly month: string;
  /** The next month. */
  readonly next: string;
  /** 晒成绩: each subject by peer group and rank. */
  readonly results: readonly BoardResult[];
  /** 晒不足: below target, behind the timetable, at the bottom, key tasks behind — the largest gap in points first within each kind. */
  readonly shortfalls: readonly Shortfall[];
  /** 晒打算: next month's milestones and key tasks, by day. */
  readonly plans: readonly PlanItem[];
}

/** Decimal text, as the library's results write their numbers. */
const decText = z
  .string()
  .max(100)
  .superRefine((v, ctx) => {
    if (toDec(v) === undefined) addIssue(ctx, IssueCode.invalidNumber, { key: "decimalRange", received: shown(v) });
  });
const named = { name: z.string().max(200).optional() };
const milestoneShape = z.object({ id: z.string().max(200), due: z.string().max(10), target: decText });

/** The parts of the board's input it reads itself (rank and tiers read the rest). @internal */
const inputSchema = z.strictObject({
  unit: idSchema,
  unitName: z.string().max(200).optional(),
  month: z.string().max(10),
  results: z.array(z.unknown()).max(1_000_000),
  previous: z.array(z.unknown()).max(1_000_000).optional(),
  rank: z.unknown().optional(),
  tiers: z.unknown().optional(),
  roadmap: z
    .array(
      z.object({
        indicator: z.string().max(200),
        name: z.string().max(200).optional(),
        owner: z.string().max(200),
        ownerName: z.string().max(200).optional(),
        status: z.enum(["ahead", "on-time", "behind"]),
        expected: decText.nullable(),
        next: milestoneShape.nullable(),
        points: z.number(),
        exact: decText,
        milestones: z.array(milestoneShape.extend({ status: z.enum(["met", "late", "missed", "pending"]) })).max(1000),
      }),
    )
    .max(1_000_000)
    .optional(),
  keyTasks: z
    .object({
      lines: z
        .array(z.object({ task: z.string().max(200), title: z.string().max(500), person: z.string().max(200), ...named, deadline: z.string().max(10), progress: decText, gap: decText.nullable(), stake: decText }))
        .max(1_000_000),
      people: z.array(z.object({ person: z.string().max(200), exact: z.object({ applied: decText }) })).max(1_000_000),
    })
    .optional(),
  nextKeyTasks: z
    .object({
      board: z.object({ tasks: z.array(z.object({ id: z.string().max(200), title: z.string().max(500), deadline: z.string().max(40) })).max(100_000) }),
      owners: z.array(z.object({ task: z.string().max(200), person: z.string().max(200) })).max(1_000_000),
    })
    .optional(),
});

const closeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("full-points"), points: decText }),
  z.object({ kind: z.literal("reach-value"), value: decText, next: milestoneShape.optional() }),
  z.object({ kind: z.literal("pass"), above: z.string().max(200), points: decText }),
  z.object({ kind: z.literal("finish"), progress: decText, deadline: z.string().max(10) }),
]);

/** A board as `boardView` reads one made elsewhere (stored as JSON, say). @internal */
export const boardSchema = z.object({
  unit: z.string().max(200),
  unitName: z.string().max(200).optional(),
  month: z.string().max(10),
  next: z.string().max(10),
  results: z
    .array(
      z.object({
        subject: z.string().max(200),
        ...named,
        peerGroup: z.string().max(200).nullable(),
        total: decText,
        rank: z.number().int(),
        groupSize: z.number().int(),
        tier: z.string().max(200).optional(),
        previous: z.object({ total: decText, rank: z.number().int(), tier: z.string().max(200).optional() }).optional(),
        totalChange: decText.nullable(),
        rankChange: z.number().int().nullable(),
        keyTaskCredit: decText.optional(),
      }),
    )
    .max(1_000_000),
  shortfalls: z
    .array(
      z.object({
        kind: z.enum(["below-target", "behind-timetable", "bottom-of-group", "key-task"]),
        subject: z.string().max(200),
        ...named,
        item: z.string().max(200).nullable(),
        itemName: z.string().max(500).optional(),
        points: decText,
        close: closeSchema,
      }),
    )
    .max(10_000_000),
  plans: z
    .array(
      z.object({
        kind: z.enum(["milestone", "key-task"]),
        subject: z.string().max(200),
        ...named,
        item: z.string().max(200),
        itemName: z.string().max(500).optional(),
        milestone: z.string().max(200).optional(),
        due: z.string().max(10),
        target: decText.optional(),
      }),
    )
    .max(10_000_000),
});

/** What a result gives for its indicators below full points, where it is a score result. */
const indicatorsSchema = z.array(
  z.object({
    subjectId: z.string(),
    ...named,
    indicators: z
      .array(z.object({ id: z.string().max(200), ...named, points: z.number().optional(), exact: decText.optional(), earned: z.number(), applicable: z.boolean().optional() }))
      .max(100_000)
      .optional(),
  }),
);
const optionsSchema = z.strictObject({ bottom: z.number().int().min(0).max(1_000_000).optional(), horizon: z.number().int().min(1).max(12).optional() });

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A unit's monthly board (三晒, R24): 晒成绩 — each subject's total, rank and tier with the change
 * from last month; 晒不足 — indicators below target, roadmap items behind the timetable, the bottom of
 * each peer group and key tasks behind, each with its gap in points and what would close it; 晒打算 —
 * next month's milestones (or those of the next `horizon` months) and key tasks. Data only: `boardView` chooses what a public board or a
 * person's own view shows, and the renderers write it.
 * @param input - the month's results and last month's, the rank and tier rules, the roadmap, the key tasks.
 * @param options - how many at the bottom of each group are a shortfall.
 * @returns the board.
 * @throws {@link JixiaoError} for results that cannot be ranked or tiered, a bad month, or malformed roadmap or key-task results.
 * @example
 * ```ts
 * const b = monthlyBoard({ unit: "county-a", month: "2026-10",
 *   results: [{ subjectId: "p1", total: 92 }, { subjectId: "p2", total: 88.5 }],
 *   previous: [{ subjectId: "p1", total: 90 }, { subjectId: "p2", total: 91 }] });
 * b.results.map((r) => [r.subject, r.rank, r.rankChange, r.totalChange]);
 * //=> [["p1", 1, 1, "2"], ["p2", 2, -1, "-2.5"]]
 * ```
 */
export function monthlyBoard(input: BoardInput, options: BoardOptions = {}): MonthlyBoard {
  const given = parseWith(inputSchema, input, "Board input is not valid", ["input"]);
  const o = parseWith(optionsSchema, options, "Options are not valid", ["options"]);
  const month = spanOf(given.month, ["input", "month"]);
  const next = spanOf(shiftPeriod(month.key, 1), ["input", "month"]);
  const until = spanOf(shiftPeriod(month.key, o.horizon ?? 1), ["input", "month"]).last;
  // Rank and tiers read the input's copy (never the input again), with their issues under `input`.
  const ranked = (list: readonly unknown[], at: string) =>
    relocate(
      (path) => (path[0] === "options" ? ["input", "rank", ...path.slice(1)] : path[0] === "policy" ? ["input", "tiers", ...path.slice(1)] : ["input", at, ...path]),
      () => {
        const ranking = rank(list as Rankable[], given.rank as RankOptions | undefined);
        const tiers = given.tiers !== undefined ? new Map(assignTiers(ranking, given.tiers as TierPolicy).placements.map((p) => [p.subjectId, p.tier])) : undefined;
        return { entries: ranking.entries, tiers };
      },
    );
  const now = ranked(given.results, "results");
  const before = given.previous ? ranked(given.previous, "previous") : undefined;
  const last = new Map(before?.entries.map((e) => [e.subjectId, e]));
  const credits = new Map(given.keyTasks?.people.map((p) => [p.person, p.exact.applied]));
  const names = new Map<string, string>();
  for (const e of now.entries) if (e.name !== undefined) names.set(e.subjectId, e.name);
  const named = (id: string, name?: string) => (name ?? names.get(id)) !== undefined ? { name: (name ?? names.get(id))! } : {};

  const results: BoardResult[] = now.entries.map((e) => {
    const was = last.get(e.subjectId);
    const tier = now.tiers?.get(e.subjectId);
    const wasTier = before?.tiers?.get(e.subjectId);
    return {
      subject: e.subjectId,
      ...named(e.subjectId, e.name),
      peerGroup: e.peerGroup,
      total: e.exact,
      rank: e.rank,
      groupSize: e.groupSize,
      ...(tier !== undefined ? { tier } : {}),
      ...(was ? { previous: { total: was.exact, rank: was.rank, ...(wasTier !== undefined ? { tier: wasTier } : {}) } } : {}),
      totalChange: was ? text(new Dec(e.exact).minus(new Dec(was.exact))) : null,
      rankChange: was ? was.rank - e.rank : null,
      ...(credits.has(e.subjectId) ? { keyTaskCredit: credits.get(e.subjectId)! } : {}),
    };
  });

  const shortfalls: Shortfall[] = [];
  const largestFirst = (list: Shortfall[]) => list.sort((a, b) => new Dec(b.points).cmp(new Dec(a.points)) || byText(a.subject, b.subject) || byText(a.item ?? "", b.item ?? ""));
  // Indicators below their full points, from score results that carry them.
  const below: Shortfall[] = [];
  for (const r of parseCopy(indicatorsSchema, given.results, "Board input is not valid", ["input", "results"])) {
    for (const ind of r.indicators ?? []) {
      if (ind.points === undefined || ind.applicable === false) continue;
      const gap = new Dec(ind.points).minus(new Dec(ind.exact ?? ind.earned));
      if (gap.gt(0)) below.push({ kind: "below-target", subject: r.subjectId, ...named(r.subjectId, r.name), item: ind.id, ...(ind.name !== undefined ? { itemName: ind.name } : {}), points: text(gap), close: { kind: "full-points", points: text(gap) } });
    }
  }
  shortfalls.push(...largestFirst(below));
  const behind: Shortfall[] = (given.roadmap ?? [])
    .filter((i) => i.status === "behind")
    .map((i) => {
      const lost = text(new Dec(i.points).minus(new Dec(i.exact)));
      return {
        kind: "behind-timetable" as const,
        subject: i.owner,
        ...named(i.owner, i.ownerName),
        item: i.indicator,
        ...(i.name !== undefined ? { itemName: i.name } : {}),
        points: lost,
        close: { kind: "reach-value" as const, value: i.expected!, ...(i.next ? { next: i.next } : {}) },
      };
    });
  shortfalls.push(...largestFirst(behind));
  const bottom = o.bottom ?? 1;
  const groups = new Map<string | null, RankEntry[]>();
  for (const e of now.entries) groups.set(e.peerGroup, [...(groups.get(e.peerGroup) ?? []), e]);
  const atBottom: Shortfall[] = [];
  for (const entries of groups.values()) {
    if (entries.length < 2) continue;
    // Entries are best first; a subject is at the bottom when fewer than `bottom` score worse, and
    // the one to draw level with is the nearest better score.
    entries.forEach((e, i) => {
      let j = i;
      while (j + 1 < entries.length && entries[j + 1]!.exact === e.exact) j++;
      if (entries.length - 1 - j >= bottom) return;
      let k = i - 1;
      while (k >= 0 && entries[k]!.exact === e.exact) k--;
      if (k < 0) return;
      const above = entries[k]!;
      const gap = text(new Dec(above.exact).minus(new Dec(e.exact)).abs());
      atBottom.push({ kind: "bottom-of-group", subject: e.subjectId, ...named(e.subjectId, e.name), item: null, points: gap, close: { kind: "pass", above: above.subjectId, points: gap } });
    });
  }
  shortfalls.push(...largestFirst(atBottom));
  const tasks: Shortfall[] = (given.keyTasks?.lines ?? [])
    .filter((l) => l.gap !== null)
    .map((l) => ({
      kind: "key-task" as const,
      subject: l.person,
      ...named(l.person, l.name),
      item: l.task,
      itemName: l.title,
      points: l.stake,
      close: { kind: "finish" as const, progress: text(new Dec(100).minus(new Dec(l.progress))), deadline: l.deadline },
    }));
  shortfalls.push(...largestFirst(tasks));

  const inNext = (day: string) => {
    const d = readKey(day);
    return d !== undefined && d.first >= next.first && d.first <= until;
  };
  const plans: PlanItem[] = [];
  for (const i of given.roadmap ?? [])
    for (const m of i.milestones)
      if (m.status === "pending" && inNext(m.due))
        plans.push({ kind: "milestone", subject: i.owner, ...named(i.owner, i.ownerName), item: i.indicator, ...(i.name !== undefined ? { itemName: i.name } : {}), milestone: m.id, due: m.due, target: m.target });
  if (given.nextKeyTasks) {
    const titles = new Map(given.nextKeyTasks.board.tasks.map((t) => [t.id, t]));
    for (const w of given.nextKeyTasks.owners) {
      const t = titles.get(w.task);
      if (t) plans.push({ kind: "key-task", subject: w.person, ...named(w.person), item: t.id, itemName: t.title, due: t.deadline.slice(0, 10) });
    }
  }
  plans.sort((a, b) => byText(a.due, b.due) || byText(a.kind, b.kind) || byText(a.subject, b.subject) || byText(a.item, b.item));
  return made("monthlyBoard", deepFreeze({ unit: given.unit, ...(given.unitName !== undefined ? { unitName: given.unitName } : {}), month: month.key, next: next.key, results, shortfalls, plans }));
}

/**
 * {@link monthlyBoard} without throwing.
 * @param input - the board's input.
 * @param options - the options.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeMonthlyBoard({ unit: "u", month: "2026-13", results: [] }).success;
 * //=> false
 * ```
 */
export function safeMonthlyBoard(input: BoardInput, options?: BoardOptions): SafeResult<MonthlyBoard> {
  return safely(() => monthlyBoard(input, options));
}
