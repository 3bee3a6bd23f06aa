import { Dec, proportion, sum, text, toNumber } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { madeAs } from "../core/snapshot.js";
import { applyRounding } from "../core/rounding.js";
import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { dayText, readKey, spanOf, type PeriodKey } from "../periods/period.js";
import { versionFor, versionsOver, type RuleVersion, type RuleVersions } from "../personnel/versions.js";
import { defineRoadmap, itemKey, itemProgress, readActuals } from "./roadmap.js";
import type { ItemProgress, RoadmapActual, RoadmapConfig, RoadmapItemConfig } from "./types.js";

/**
 * How a period that spans a mid-year change is scored (年中调整的跨期计分):
 * - `end` (default) — the version in force on the period's last day scores the whole period;
 * - `pro-rata` — every version in force during the period scores it (as of its last day), and the
 *   scores are weighted by the days each version was in force (an item only by the versions that hold it).
 */
export type SpanningPolicy = "end" | "pro-rata";

/** One change between two versions of a roadmap, with when and by whom (lineage, 调整记录). */
export interface RoadmapChange {
  /** The version that made it. */
  readonly version: string;
  /** The day it came into force, `YYYY-MM-DD`. */
  readonly from: string;
  /** Who decided it, as the version gives. */
  readonly by?: string;
  /** Why, as the version gives. */
  readonly note?: string;
  /** The indicator. */
  readonly indicator: string;
  /** The owner. */
  readonly owner: string;
  /** What changed: an item added or dropped, its points, a milestone added or dropped, a milestone's target or due day. */
  readonly kind: "item-added" | "item-dropped" | "points" | "milestone-added" | "milestone-dropped" | "target" | "due";
  /** The milestone, for a change of one. */
  readonly milestone?: string;
  /** The value before, as exact text (points, target, due day). */
  readonly before?: string;
  /** The value after, as exact text. */
  readonly after?: string;
}

/** One version's part of an item's score for a period. */
export interface VersionScore {
  /** The version. */
  readonly version: string;
  /** The day it came into force. */
  readonly from: string;
  /** Who decided it. */
  readonly by?: string;
  /** Why. */
  readonly note?: string;
  /** The days of the period it was in force (and held the item). */
  readonly days: number;
  /** The item's score under it, as exact text (before rounding). */
  readonly exact: string;
}

/** An item's progress for a period under versioned roadmaps: the progress under the version in force at the period's end, the score by the spanning policy, and the lineage. */
export interface VersionedItemProgress extends ItemProgress {
  /** The versions that scored it, with their days (one under `end`). */
  readonly versions: readonly VersionScore[];
  /** Every change to the item up to the period's end, earliest first. */
  readonly changes: readonly RoadmapChange[];
}

/** The progress of a versioned roadmap for a period. */
export interface VersionedProgress {
  /** The period. */
  readonly period: string;
  /** Its last day: the progress is as of it. */
  readonly asOf: string;
  /** The spanning policy used. */
  readonly spanning: SpanningPolicy;
  /** The version in force on the last day. */
  readonly version: string;
  /** Each item of that version, in its order. */
  readonly items: readonly VersionedItemProgress[];
}

const same = (a: unknown, b: unknown) => (a === undefined || b === undefined ? a === b : new Dec(a as string).eq(new Dec(b as string)));

/** The changes a version makes to the one before it. */
function diff(before: RoadmapConfig, after: RoadmapConfig, v: RuleVersion<RoadmapConfig>): RoadmapChange[] {
  const head = { version: v.version, from: v.from, ...(v.by !== undefined ? { by: v.by } : {}), ...(v.note !== undefined ? { note: v.note } : {}) };
  const old = new Map(before.items.map((i) => [itemKey(i.indicator, i.owner), i]));
  const out: RoadmapChange[] = [];
  const of = (i: RoadmapItemConfig) => ({ ...head, indicator: i.indicator, owner: i.owner });
  for (const item of after.items) {
    const was = old.get(itemKey(item.indicator, item.owner));
    old.delete(itemKey(item.indicator, item.owner));
    if (!was) {
      out.push({ ...of(item), kind: "item-added" });
      continue;
    }
    if (!same(was.points, item.points)) out.push({ ...of(item), kind: "points", before: text(new Dec(was.points)), after: text(new Dec(item.points)) });
    const ms = new Map(was.milestones.map((m) => [m.id, m]));
    for (const m of item.milestones) {
      const prior = ms.get(m.id);
      ms.delete(m.id);
      if (!prior) out.push({ ...of(item), kind: "milestone-added", milestone: m.id, after: text(new Dec(m.target)) });
      else {
        const [d0, d1] = [dayText(readKey(prior.due)!.last), dayText(readKey(m.due)!.last)];
        if (d0 !== d1) out.push({ ...of(item), kind: "due", milestone: m.id, before: d0, after: d1 });
        if (!same(prior.target, m.target)) out.push({ ...of(item), kind: "target", milestone: m.id, before: text(new Dec(prior.target)), after: text(new Dec(m.target)) });
      }
    }
    for (const m of ms.values()) out.push({ ...of(item), kind: "milestone-dropped", milestone: m.id, before: text(new Dec(m.target)) });
  }
  for (const i of old.values()) out.push({ ...of(i), kind: "item-dropped" });
  return out;
}

/**
 * The lineage of a roadmap changed during the year (R2: indicators may be adjusted mid-year): what
 * each version changed against the one before — items and milestones added or dropped, points,
 * targets and due days — with the day it came into force, who decided it and why, as the versions give.
 * @param versions - the roadmap's versions, from `defineVersions` (each rule a roadmap).
 * @returns every change, earliest version first.
 * @throws {@link JixiaoError} when a version's roadmap is not valid.
 * @example
 * ```ts
 * const versions = defineVersions([
 *   { version: "v1", from: "2026-01-01", rule: roadmap },
 *   { version: "v2", from: "2026-07-15", by: "县局党委会", note: "上调目标", rule: raised },
 * ]);
 * roadmapChanges(versions).map((c) => [c.kind, c.milestone, c.before, c.after]);
 * //=> [["target", "Q3", "75", "80"]]
 * ```
 */
export function roadmapChanges(versions: RuleVersions<RoadmapConfig>): RoadmapChange[] {
  const list = readVersions(versions);
  const out: RoadmapChange[] = [];
  for (let i = 1; i < list.length; i++) out.push(...diff(list[i - 1]!.rule, list[i]!.rule, list[i]!));
  return deepFreeze(out);
}

/** Each version's roadmap checked (`versions` made by defineVersions). */
function readVersions(versions: RuleVersions<RoadmapConfig>): RuleVersion<RoadmapConfig>[] {
  if (!madeAs("ruleVersions", versions)) throw new JixiaoError([issue(IssueCode.invalidInput, ["versions"], { key: "versionsNotMade" })], "Not rule versions");
  return versions.versions.map((v, i) => {
    try {
      return { ...v, rule: defineRoadmap(v.rule) };
    } catch (error) {
      if (error instanceof JixiaoError) throw new JixiaoError(error.issues.map((x) => ({ ...x, path: ["versions", i, "rule", ...x.path] })), "Roadmap version is not valid");
      throw error;
    }
  });
}

const optionsSchema = z.strictObject({ spanning: z.enum(["end", "pro-rata"]).optional() });

/** Options for {@link versionedProgress}. */
export interface VersionedProgressOptions {
  /** How a period spanning a change is scored: `end` (default) or `pro-rata`. */
  readonly spanning?: SpanningPolicy;
}

/**
 * The progress and timetable score of a roadmap changed mid-year, for a period: status, gaps and
 * milestones by the version in force on the period's last day; the score by the spanning policy
 * (`end`: that version's; `pro-rata`: each version's weighted by its days in the period, then rounded
 * by the last version's rounding); and each item's lineage — the versions that scored it and every
 * change to it so far.
 * @param versions - the roadmap's versions, from `defineVersions`.
 * @param actuals - the cumulative actuals, as for {@link roadmapProgress}.
 * @param period - the period (`2026-Q3`, `2026`).
 * @param options - the spanning policy.
 * @returns each item's progress, score and lineage.
 * @throws {@link JixiaoError} for an invalid version, actual or period, or no version in force by the period's end.
 * @example
 * ```ts
 * // v2 (from 15 July) raises Q3's target; Q3 has 14 days under v1 and 78 under v2.
 * versionedProgress(versions, actuals, "2026-Q3", { spanning: "pro-rata" }).items[0].versions.map((v) => [v.version, v.days]);
 * //=> [["v1", 14], ["v2", 78]]
 * ```
 */
export function versionedProgress(versions: RuleVersions<RoadmapConfig>, actuals: readonly RoadmapActual[], period: PeriodKey, options: VersionedProgressOptions = {}): VersionedProgress {
  const o = parseWith(optionsSchema, options, "Options are not valid", ["options"]);
  const spanning = o.spanning ?? "end";
  const span = spanOf(period, ["period"]);
  const list = readVersions(versions);
  const end = versionFor(versions, period, { at: "end" });
  const endIndex = versions.versions.indexOf(end);
  const roadmap = list[endIndex]!.rule;
  // The actuals belong to items of any version up to the end.
  const allItems = list.slice(0, endIndex + 1).flatMap((v) => v.rule.items);
  const series = readActuals(allItems, actuals);
  const parts = spanning === "end" ? [{ index: endIndex, days: versionsOver(versions, period).at(-1)!.days }] : versionsOver(versions, period).map((p) => ({ index: versions.versions.indexOf(p.version), days: p.days }));
  const changes = roadmapChanges(versions).filter((c) => readKey(c.from)!.first <= span.last);
  const items = roadmap.items.map((item): VersionedItemProgress => {
    const key = itemKey(item.indicator, item.owner);
    const base = itemProgress(roadmap, item, series, span.last);
    const scored = parts.flatMap(({ index, days }) => {
      const r = list[index]!.rule;
      const own = r.items.find((i) => itemKey(i.indicator, i.owner) === key);
      if (!own) return [];
      const { rounding: _ignored, ...unrounded } = r;
      const p = itemProgress(unrounded as RoadmapConfig, own, series, span.last);
      const v = list[index]!;
      return [{ version: v.version, from: v.from, ...(v.by !== undefined ? { by: v.by } : {}), ...(v.note !== undefined ? { note: v.note } : {}), days, exact: p.exact }];
    });
    let score = new Dec(base.exact);
    let trace = base.trace;
    if (spanning === "pro-rata") {
      const total = new Dec(scored.reduce((n, s) => n + s.days, 0));
      const exact = sum(scored.map((s) => proportion(new Dec(s.exact), new Dec(s.days), total)));
      const rounded = roadmap.rounding ? applyRounding(exact, roadmap.rounding) : exact;
      const values: Record<string, string> = { days: total.toString() };
      for (const s of scored) [values[`score:${s.version}`], values[`days:${s.version}`]] = [s.exact, String(s.days)];
      trace = [{ at: `roadmap:${item.indicator}:${item.owner}`, rule: "timetable-pro-rata", values, result: text(rounded) }];
      score = rounded;
    }
    return { ...base, score: toNumber(score), exact: text(score), trace, versions: scored, changes: changes.filter((c) => itemKey(c.indicator, c.owner) === key) };
  });
  return deepFreeze({ period: span.key, asOf: dayText(span.last), spanning, version: end.version, items });
}

/**
 * {@link versionedProgress} without throwing.
 * @param versions - the versions.
 * @param actuals - the actuals.
 * @param period - the period.
 * @param options - the spanning policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeVersionedProgress(versions, [], "2026-Q3", { spanning: "both" }).success;
 * //=> false
 * ```
 */
export function safeVersionedProgress(versions: RuleVersions<RoadmapConfig>, actuals: readonly RoadmapActual[], period: PeriodKey, options?: VersionedProgressOptions): SafeResult<VersionedProgress> {
  return safely(() => versionedProgress(versions, actuals, period, options));
}
