import { Dec, ONE, proportion, text, toNumber, ZERO } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { jsonSchemaOf } from "../core/json-schema.js";
import { applyRounding, type Rounding } from "../core/rounding.js";
import type { TraceStep } from "../core/trace.js";
import { addIssue, dec, decimal, idSchema, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { dayText, keyProblem, readKey, spanOf, type PeriodKey } from "../periods/period.js";
import { roundingSchema } from "../scheme/schema.js";
import type { ItemProgress, MilestoneProgress, RoadmapActual, RoadmapConfig, RoadmapItemConfig, RoadmapProgress, TimetableStatus } from "./types.js";

/** The most items a roadmap has, and milestones an item has. @internal */
export const MAX_ROADMAP_ITEMS = 10_000;
const MAX_MILESTONES = 1000;

const nameSchema = z.string().max(200).optional();

/** The roadmap schema. @internal */
export const roadmapSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    id: idSchema,
    name: nameSchema,
    scoring: z
      .discriminatedUnion("method", [
        z.strictObject({ method: z.literal("share"), lateCredit: decimal({ min: 0, max: 1 }, "What a milestone met late counts for.").optional() }),
        z.strictObject({ method: z.literal("gap") }),
      ])
      .optional(),
    rounding: roundingSchema.optional(),
    items: z
      .array(
        z.strictObject({
          indicator: idSchema,
          name: nameSchema,
          owner: idSchema,
          ownerName: nameSchema,
          roles: z.strictObject({ carrying: idSchema.optional(), executing: z.array(idSchema).max(1000).optional(), assessing: idSchema.optional() }).optional(),
          better: z.enum(["higher", "lower"]).optional(),
          points: decimal({ min: 0 }, "Points for keeping to the timetable."),
          milestones: z
            .array(z.strictObject({ id: idSchema, name: nameSchema, due: z.string().max(10).describe("A day or a period: 2026-03-31, 2026-Q1."), target: decimal() }))
            .min(1)
            .max(MAX_MILESTONES),
        }),
      )
      .max(MAX_ROADMAP_ITEMS),
  })
  .superRefine((r, ctx) => {
    const items = new Map<string, number>();
    r.items.forEach((item, i) => {
      const key = `${item.indicator}\u0000${item.owner}`;
      if (items.has(key)) addIssue(ctx, IssueCode.duplicateId, { key: "roadmapItemTwice", indicator: item.indicator, owner: item.owner, first: items.get(key)! }, ["items", i]);
      else items.set(key, i);
      const ids = new Set<string>();
      const days = new Map<number, string>();
      item.milestones.forEach((m, k) => {
        if (ids.has(m.id)) addIssue(ctx, IssueCode.duplicateId, { key: "roadmapMilestoneTwice", id: m.id }, ["items", i, "milestones", k, "id"]);
        ids.add(m.id);
        const due = readKey(m.due);
        if (!due) addIssue(ctx, IssueCode.invalidValue, keyProblem(m.due), ["items", i, "milestones", k, "due"]);
        else if (days.has(due.last)) addIssue(ctx, IssueCode.duplicateId, { key: "roadmapDueTaken", id: days.get(due.last)!, due: dayText(due.last) }, ["items", i, "milestones", k, "due"]);
        else days.set(due.last, m.id);
      });
    });
  })
  .describe("A jixiao roadmap (路线图): priorities with timetables and owners.");

/**
 * Validates a roadmap (路线图) — each priority's timetable of milestones and its owner — and returns it frozen.
 * @param roadmap - the roadmap, as JSON or as an object.
 * @returns the frozen roadmap.
 * @throws {@link JixiaoError} listing every issue: an item given twice, a milestone id or due day repeated, a due day that is not a date or period.
 * @example
 * ```ts
 * defineRoadmap({
 *   id: "2026", items: [{ indicator: "arrears", owner: "county-a", points: 10,
 *     milestones: [{ id: "Q1", due: "2026-Q1", target: 25 }, { id: "Q2", due: "2026-Q2", target: 50 }] }],
 * }).items[0].milestones.length;
 * //=> 2
 * ```
 */
export function defineRoadmap(roadmap: RoadmapConfig): RoadmapConfig {
  return deepFreeze(parseWith(roadmapSchema, roadmap, "Roadmap is not valid") as RoadmapConfig);
}

/**
 * {@link defineRoadmap} without throwing.
 * @param roadmap - the roadmap.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineRoadmap({ id: "r", items: [{ indicator: "a", owner: "u", points: 1, milestones: [{ id: "m", due: "2026-Q5", target: 1 }] }] }).success;
 * //=> false
 * ```
 */
export function safeDefineRoadmap(roadmap: RoadmapConfig): SafeResult<RoadmapConfig> {
  return safely(() => defineRoadmap(roadmap));
}

/**
 * The JSON Schema (draft 2020-12) of a roadmap.
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * roadmapJsonSchema().required;
 * //=> ["id", "items"]
 * ```
 */
export function roadmapJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(roadmapSchema, "jixiao roadmap");
}

const actualsSchema = z
  .array(z.strictObject({ indicator: idSchema, owner: idSchema, period: z.string().max(10), value: decimal() }))
  .max(1_000_000);

/** The key of an item: its indicator and owner. @internal */
export const itemKey = (indicator: string, owner: string): string => `${indicator}\u0000${owner}`;

/** Each item's actuals as (last day, value), sorted by day. @internal */
export type ActualSeries = ReadonlyMap<string, readonly { readonly day: number; readonly value: Dec }[]>;

/**
 * Reads the actuals of a roadmap's items: each a period whose last day it is the value at.
 * @internal
 */
export function readActuals(items: readonly RoadmapItemConfig[], actuals: readonly RoadmapActual[], path: (string | number)[] = ["actuals"]): ActualSeries {
  const list = parseWith(actualsSchema, actuals, "Actuals are not valid", path) as RoadmapActual[];
  const known = new Set(items.map((i) => itemKey(i.indicator, i.owner)));
  const issues: Issue[] = [];
  const series = new Map<string, { day: number; value: Dec; index: number }[]>();
  list.forEach((a, i) => {
    const span = readKey(a.period);
    const key = itemKey(a.indicator, a.owner);
    if (!span) issues.push(issue(IssueCode.invalidValue, [...path, i, "period"], keyProblem(a.period)));
    if (!known.has(key)) issues.push(issue(IssueCode.unknownId, [...path, i], { key: "roadmapUnknownItem", indicator: a.indicator, owner: a.owner }));
    if (!span || !known.has(key)) return;
    let s = series.get(key);
    if (!s) series.set(key, (s = []));
    const twice = s.find((x) => x.day === span.last);
    if (twice) issues.push(issue(IssueCode.duplicateId, [...path, i, "period"], { key: "roadmapActualTwice", day: dayText(span.last), first: twice.index }));
    else s.push({ day: span.last, value: dec(a.value), index: i });
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Actuals are not valid");
  for (const s of series.values()) s.sort((a, b) => a.day - b.day);
  return series;
}

/** The latest value reported on or before a day. */
function valueAt(series: readonly { readonly day: number; readonly value: Dec }[] | undefined, day: number): Dec | undefined {
  let found: Dec | undefined;
  for (const s of series ?? []) if (s.day <= day) found = s.value;
  return found;
}

/** Scores one item as of a day (the last day of the period given). @internal */
export function itemProgress(roadmap: RoadmapConfig, item: RoadmapItemConfig, series: ActualSeries, day: number): ItemProgress {
  const better = item.better ?? "higher";
  const reaches = (value: Dec | undefined, target: Dec) => value !== undefined && (better === "higher" ? value.gte(target) : value.lte(target));
  const own = series.get(itemKey(item.indicator, item.owner));
  const actual = valueAt(own, day);
  const milestones = item.milestones
    .map((m) => ({ m, due: readKey(m.due)!.last, target: dec(m.target) }))
    .sort((a, b) => a.due - b.due);
  const progress: MilestoneProgress[] = milestones.map(({ m, due, target }) => {
    const value = due <= day ? valueAt(own, due) : undefined;
    const status = due > day ? "pending" : reaches(value, target) ? "met" : reaches(actual, target) ? "late" : "missed";
    return { id: m.id, ...(m.name !== undefined ? { name: m.name } : {}), due: dayText(due), target: text(target), value: value === undefined ? null : text(value), status };
  });
  const due = milestones.filter((m) => m.due <= day);
  const current = due[due.length - 1];
  const next = milestones.find((m) => m.due > day);
  const gap = current && actual !== undefined ? (better === "higher" ? actual.minus(current.target) : current.target.minus(actual)) : undefined;
  const status: TimetableStatus = current && (actual === undefined || gap!.isNegative()) ? "behind" : next && reaches(actual, next.target) ? "ahead" : "on-time";
  const points = dec(item.points);
  const trace: TraceStep[] = [];
  const at = `roadmap:${item.indicator}:${item.owner}`;
  let score: Dec;
  const scoring = roadmap.scoring ?? { method: "share" as const };
  if (due.length === 0) {
    score = points;
    trace.push({ at, rule: "timetable-none-due", values: { points: text(points) }, result: text(score) });
  } else if (scoring.method === "share") {
    const met = progress.filter((p) => p.status === "met").length;
    const late = progress.filter((p) => p.status === "late").length;
    const lateCredit = scoring.lateCredit === undefined ? ZERO : dec(scoring.lateCredit);
    const counted = new Dec(met).plus(lateCredit.times(late));
    score = proportion(points, counted, new Dec(due.length));
    trace.push({ at, rule: "timetable-share", values: { points: text(points), met: String(met), late: String(late), lateCredit: text(lateCredit), due: String(due.length) }, result: text(score) });
  } else {
    const target = current!.target;
    // The completion of the current milestone, at most 1, as a share of the points (multiplied before dividing).
    let share: [Dec, Dec];
    if (actual === undefined) share = [ZERO, ONE];
    else if (better === "higher") share = target.lte(0) ? [actual.gte(target) ? ONE : ZERO, ONE] : actual.gte(target) ? [ONE, ONE] : [Dec.max(ZERO, actual), target];
    else share = actual.lte(target) ? [ONE, ONE] : actual.lte(0) || target.lt(0) ? [ZERO, ONE] : [target, actual];
    score = proportion(points, share[0], share[1]);
    trace.push({ at, rule: "timetable-gap", values: { points: text(points), actual: actual === undefined ? "" : text(actual), target: text(target), numerator: text(share[0]), denominator: text(share[1]) }, result: text(score) });
  }
  if (roadmap.rounding) {
    const rounded = applyRounding(score, roadmap.rounding as Rounding);
    trace.push({ at, rule: "round", values: { value: text(score), decimals: String(roadmap.rounding.decimals), mode: roadmap.rounding.mode ?? "half-up" }, result: text(rounded) });
    score = rounded;
  }
  return {
    indicator: item.indicator,
    ...(item.name !== undefined ? { name: item.name } : {}),
    owner: item.owner,
    ...(item.ownerName !== undefined ? { ownerName: item.ownerName } : {}),
    ...(item.roles !== undefined ? { roles: item.roles } : {}),
    asOf: dayText(day),
    better,
    actual: actual === undefined ? null : text(actual),
    expected: current ? text(current.target) : null,
    current: current ? current.m.id : null,
    next: next ? { id: next.m.id, due: dayText(next.due), target: text(next.target) } : null,
    status,
    gap: gap === undefined ? null : text(gap),
    milestones: progress,
    points: toNumber(points),
    score: toNumber(score),
    exact: text(score),
    trace,
  };
}

/**
 * Where each owner stands against the timetable as of a day (进度): each milestone met on time, met
 * late, missed or pending; the item ahead, on time or behind, by exactly how much; and its score
 * for keeping to the timetable by the roadmap's method. The score goes into a scheme as a `direct`
 * indicator's value; the actuals roll up with `rollUp` like any indicator's.
 *
 * @param roadmap - the roadmap (see {@link defineRoadmap}).
 * @param actuals - cumulative values by indicator, owner and period (the value at the period's end).
 * @param asOf - the day, or a period whose last day is meant (`2026-10`).
 * @returns each item's progress and score, in roadmap order.
 * @throws {@link JixiaoError} for an invalid roadmap, an actual of no item, two actuals for the same day, or a bad period.
 * @example
 * ```ts
 * const roadmap = { id: "2026", items: [{ indicator: "arrears", owner: "county-a", points: 10,
 *   milestones: [{ id: "Q1", due: "2026-Q1", target: 25 }, { id: "Q2", due: "2026-Q2", target: 50 }] }] };
 * const p = roadmapProgress(roadmap, [{ indicator: "arrears", owner: "county-a", period: "2026-Q1", value: 30 },
 *   { indicator: "arrears", owner: "county-a", period: "2026-Q2", value: 44 }], "2026-07");
 * [p.items[0].status, p.items[0].gap, p.items[0].score];
 * //=> ["behind", "-6", 5]
 * ```
 */
export function roadmapProgress(roadmap: RoadmapConfig, actuals: readonly RoadmapActual[], asOf: PeriodKey): RoadmapProgress {
  const r = defineRoadmap(roadmap);
  const day = spanOf(asOf, ["asOf"]).last;
  const series = readActuals(r.items, actuals);
  return deepFreeze({ roadmap: r.id, asOf: dayText(day), items: r.items.map((item) => itemProgress(r, item, series, day)) });
}

/**
 * {@link roadmapProgress} without throwing.
 * @param roadmap - the roadmap.
 * @param actuals - the actuals.
 * @param asOf - the day or period.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeRoadmapProgress({ id: "r", items: [] }, [], "2026-13").success;
 * //=> false
 * ```
 */
export function safeRoadmapProgress(roadmap: RoadmapConfig, actuals: readonly RoadmapActual[], asOf: PeriodKey): SafeResult<RoadmapProgress> {
  return safely(() => roadmapProgress(roadmap, actuals, asOf));
}
