import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { render, type Locale } from "../messages/index.js";
import type { ItemProgress } from "./types.js";
import type { VersionedItemProgress } from "./versions.js";

const t = z.string().max(10_000);
/** An item as {@link explainProgress} reads one made elsewhere (stored as JSON, say). */
const itemSchema = z.object({
  indicator: t,
  name: t.optional(),
  owner: t,
  ownerName: t.optional(),
  asOf: t,
  actual: t.nullable(),
  expected: t.nullable(),
  current: t.nullable(),
  status: t,
  gap: t.nullable(),
  next: z.object({ id: t, due: t, target: t }).nullable(),
  milestones: z.array(z.object({ id: t, due: t, target: t, value: t.nullable(), status: t })).max(1000),
  trace: z.array(z.object({ rule: t, values: z.record(z.string(), t), result: t })).max(1000),
  versions: z.array(z.object({ version: t, days: z.number(), exact: t })).max(10_000).optional(),
  changes: z
    .array(z.object({ version: t, from: t, by: t.optional(), note: t.optional(), kind: t, milestone: t.optional(), before: t.optional(), after: t.optional() }))
    .max(100_000)
    .optional(),
});
const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional() });

/** Options for {@link explainProgress}. */
export interface ExplainProgressOptions {
  /** `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
}

/**
 * An item's progress for people (R24: a cadre sees why): where it stands against the timetable and
 * by how much, each milestone, how the score was made, and — for a roadmap changed mid-year — the
 * versions that scored it and every change to it, with when and by whom.
 * @param given - an item of {@link roadmapProgress} or {@link versionedProgress}.
 * @param options - the language.
 * @returns the explanation, one line a fact.
 * @throws {@link JixiaoError} when `given` is not an item's progress or the options are not valid.
 * @example
 * ```ts
 * explainProgress(progress.items[0]).split("\n")[0];
 * //=> "清理欠税（县局A）：截至 2026-07-31，实际 44，应达 50（节点 Q2），滞后 6。"
 * ```
 */
export function explainProgress(given: ItemProgress | VersionedItemProgress, options: ExplainProgressOptions = {}): string {
  const item = parseWith(itemSchema, given, "Not a roadmap item's progress", ["item"]);
  const locale = parseWith(optionsSchema, options, "Options are not valid", ["options"]).locale ?? "zh-CN";
  const lines: string[] = [];
  const say = (params: Parameters<typeof render>[0]) => render(params, locale);
  lines.push(
    say({
      key: "roadmapExplainHead",
      name: item.name ?? item.indicator,
      owner: item.ownerName ?? item.owner,
      asOf: item.asOf,
      actual: item.actual ?? "",
      expected: item.expected ?? "",
      current: item.current ?? "",
      status: item.status,
      gap: item.gap ?? "",
    }),
  );
  if (item.next) lines.push(say({ key: "roadmapExplainNext", ...item.next }));
  for (const m of item.milestones) lines.push(`  ${say({ key: "roadmapExplainMilestone", id: m.id, due: m.due, target: m.target, value: m.value ?? "", status: m.status })}`);
  for (const step of item.trace) {
    const [t, v] = [step, step.values];
    if (t.rule === "timetable-none-due") lines.push(say({ key: "roadmapExplainNoneDue", points: v.points! }));
    else if (t.rule === "timetable-share") lines.push(say({ key: "roadmapExplainShare", points: v.points!, met: v.met!, late: v.late!, lateCredit: v.lateCredit!, due: v.due!, result: t.result }));
    else if (t.rule === "timetable-gap") lines.push(say({ key: "roadmapExplainGap", points: v.points!, numerator: v.numerator!, denominator: v.denominator!, result: t.result }));
    else if (t.rule === "round") lines.push(say({ key: "roadmapExplainRound", value: v.value!, decimals: v.decimals!, result: t.result }));
    else if (t.rule === "timetable-pro-rata" && item.versions)
      lines.push(say({ key: "roadmapExplainProRata", parts: item.versions.map((p) => say({ key: "roadmapExplainPart", version: p.version, days: p.days, score: p.exact })), result: t.result }));
  }
  for (const c of item.changes ?? [])
      lines.push(say({ key: "roadmapExplainChange", version: c.version, from: c.from, by: c.by ?? "", note: c.note ?? "", kind: c.kind, milestone: c.milestone ?? "", before: c.before ?? "", after: c.after ?? "" }));
  return lines.join("\n");
}
