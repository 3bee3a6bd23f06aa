import { max, min, sum, text, toDec, toNumber, ZERO, type Dec } from "../core/decimal.js";
import { issue, IssueCode, type Issue, type IssuePath } from "../core/errors.js";
import { shown, type MessageParams } from "../messages/index.js";
import { roundAt, type Rounding } from "../core/rounding.js";
import type { TraceStep } from "../core/trace.js";
import { dec } from "../core/validate.js";
import type { Flag } from "../methods/index.js";
import type { MethodOutcome } from "../methods/types.js";
import type { CompiledScheme } from "../scheme/define.js";
import type { AdjustmentResult, GroupResult, IndicatorResult, ScoreOptions, ScoreResult, VetoResult } from "./result.js";
import type { AdjustmentItem, SubjectInput } from "./subject.js";
import { checkValue, ratioToPercent, type UnitPlan } from "./unit.js";

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Whether a value marks its indicator as not applicable: `null` or `{ na: true }`, with text of at most 500 characters as its `reason`. @internal */
export function isNotApplicable(value: unknown): boolean {
  if (value === null) return true;
  if (!looksNotApplicable(value)) return false;
  // Read as data: a getter is never run (and is not text).
  const reason = Object.getOwnPropertyDescriptor(value, "reason");
  return reason === undefined || (typeof reason.value === "string" && reason.value.length <= 500);
}

/** Whether a value is shaped as `{ na: true, reason? }`, whatever its reason (read as data: a getter is never run). */
function looksNotApplicable(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const na = Object.getOwnPropertyDescriptor(value, "na");
  return na !== undefined && na.value === true && Object.keys(value).every((k) => k === "na" || k === "reason");
}

const itemResult = (i: AdjustmentItem, sign = 1) => ({
  points: sign * toNumber(dec(i.points)),
  reason: i.reason,
  ...(i.ref !== undefined ? { ref: i.ref } : {}),
  ...(i.indicator !== undefined ? { indicator: i.indicator } : {}),
});

function adjustment(items: readonly AdjustmentItem[], cap: Dec | undefined, at: string, trace: TraceStep[]): [Dec, AdjustmentResult] {
  const list = items.filter((i) => i.indicator === undefined);
  const requested = sum(list.map((i) => dec(i.points)));
  const applied = cap ? min(requested, cap) : requested;
  if (list.length > 0)
    trace.push({
      at,
      rule: "adjust",
      values: { items: String(list.length), requested: text(requested), ...(cap ? { cap: text(cap) } : {}) },
      result: text(applied),
    });
  return [
    applied,
    {
      items: list.map((i) => itemResult(i)),
      requested: toNumber(requested),
      cap: cap ? toNumber(cap) : null,
      applied: toNumber(applied),
      exact: text(applied),
    },
  ];
}

/**
 * A value as the result echoes it: already the input's copy ({@link snapshot}), so a caller who
 * changes their own object (a votes table) after scoring cannot change the result; as ordinary
 * objects and lists, a few levels deep (`null` below).
 */
function copied(value: unknown, depth = 0): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if (depth > 4) return null;
  if (Array.isArray(value)) return value.map((v) => copied(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copied((value as Record<string, unknown>)[key], depth + 1);
  return out;
}

/**
 * Scores one validated subject. Problems are pushed to `issues` (paths under `base`); the result
 * is `undefined` when there were any. `units` are the scheme's {@link unitPlans}.
 * @internal
 */
export function evaluate(
  s: CompiledScheme,
  units: ReadonlyMap<string, UnitPlan>,
  subject: SubjectInput,
  options: ScoreOptions,
  batch: ReadonlyMap<string, MethodOutcome> | undefined,
  base: IssuePath,
  issues: Issue[],
): ScoreResult | undefined {
  const before = issues.length;
  const report = (code: IssueCode, path: IssuePath, params: MessageParams) => void issues.push(issue(code, [...base, ...path], params));
  const trace: TraceStep[] = [];
  const warnings: Issue[] = [];
  const values = subject.values;
  for (const key of Object.keys(values))
    if (!s.indicators.has(key)) report(IssueCode.unknownId, ["values", key], { key: "scoringNoSuchIndicator", scheme: s.id });

  const bonusItems = subject.bonus ?? [];
  const deductionItems = subject.deductions ?? [];
  const aimed = new Map<string, { bonus: Dec; deduction: Dec; items: ReturnType<typeof itemResult>[]; paths: IssuePath[] }>();
  for (const [list, field, sign] of [[bonusItems, "bonus", 1], [deductionItems, "deductions", -1]] as const)
    list.forEach((item, i) => {
      if (item.indicator === undefined) return;
      if (!s.indicators.has(item.indicator)) return report(IssueCode.unknownId, [field, i, "indicator"], { key: "scoringNoSuchIndicator", scheme: s.id });
      const entry = aimed.get(item.indicator) ?? { bonus: ZERO, deduction: ZERO, items: [], paths: [] };
      entry.paths.push([field, i, "indicator"]);
      if (sign > 0) entry.bonus = entry.bonus.plus(dec(item.points));
      else entry.deduction = entry.deduction.plus(dec(item.points));
      entry.items.push(itemResult(item, sign));
      aimed.set(item.indicator, entry);
    });

  const indicators: IndicatorResult[] = [];
  const groups: GroupResult[] = [];
  const flags: Flag[] = (subject.flags ?? []).map((f) => ({ ...f, source: "input" }));
  for (const f of flags) trace.push({ at: "input", rule: "flag", values: { id: f.id, ...(f.name ? { name: f.name } : {}), reason: f.reason }, result: f.id });
  const groupEarned: Record<string, string> = {};
  let earnedTotal = ZERO;
  let applicable = ZERO;
  let allPoints = ZERO;
  let unscored = false;

  for (const group of s.groups) {
    let gEarned = ZERO;
    let gApplicable = ZERO;
    const parts: Record<string, string> = {};
    for (const ind of group.indicators) {
      allPoints = allPoints.plus(ind.points);
      const at = `indicator:${ind.id}`;
      const given = hasOwn(values, ind.id);
      const raw = given ? values[ind.id] : undefined;
      let outcome: MethodOutcome | undefined;
      let unitStep: TraceStep | undefined;
      let notApplicable = false;
      if (!given) {
        if (options.missing === "not-applicable") notApplicable = true;
        else if (options.missing === "zero") outcome = { fraction: ZERO, earned: ZERO, values: { missing: "zero", points: text(ind.points) } };
        else report(IssueCode.missingValue, ["values", ind.id], { key: "scoringMissingValue", indicator: ind.id });
      } else if (isNotApplicable(raw)) {
        notApplicable = true;
      } else if (ind.method.kind === "batch") {
        // In a batch, a value the batch could not read was reported there already.
        outcome = batch?.get(ind.id);
        if (!batch) report(IssueCode.rankNeedsBatch, ["values", ind.id], { key: "scoringRankNeedsBatch" });
      } else if (looksNotApplicable(raw)) {
        const reason = Object.getOwnPropertyDescriptor(raw, "reason")!;
        report(IssueCode.invalidType, ["values", ind.id, "reason"], { key: "scoringNotApplicableReason", ...("value" in reason ? { received: shown(reason.value) } : {}) });
      } else {
        // The unit: a value implausible for it is warned of; a ratio is scored as the percent it means.
        let input = raw;
        const plan = units.get(ind.id);
        const number = plan ? toDec(raw) : undefined;
        if (number) {
          checkValue(plan!.check, ind.id, number, warnings);
          if (plan!.unit === "ratio") {
            const { percent, step } = ratioToPercent(number, at);
            input = text(percent);
            unitStep = step;
          }
        }
        // (The value is the input's copy: plain data, whose reading cannot throw.)
        const scored = ind.method.score(input, ind.points);
        if (scored && "invalid" in scored) report(scored.invalid, ["values", ind.id], scored.params);
        else outcome = scored;
      }
      const common = { id: ind.id, ...(ind.name !== undefined ? { name: ind.name } : {}), group: group.id, method: ind.type, points: toNumber(ind.points), value: copied(raw) };
      if (notApplicable) {
        for (const path of aimed.get(ind.id)?.paths ?? [])
          report(IssueCode.invalidValue, path, { key: "scoringAimsAtNotApplicable", indicator: ind.id });
        const reason = raw !== null && typeof raw === "object" ? (raw as { reason?: unknown }).reason : undefined;
        trace.push({
          at,
          rule: "not-applicable",
          values: { points: text(ind.points), ...(typeof reason === "string" ? { reason } : given ? {} : { missing: "true" }) },
          result: "0",
        });
        indicators.push({ ...common, applicable: false, fraction: null, earned: 0, exact: "0" });
        continue;
      }
      if (!outcome) {
        unscored = true;
        continue;
      }
      if (unitStep) trace.push(unitStep);
      trace.push({ at, rule: given ? ind.type : "missing", values: outcome.values, result: text(outcome.earned) });
      let earned = roundAt(outcome.earned, s.rounding.indicator, at, trace);
      const extra = aimed.get(ind.id);
      if (extra) {
        const adjusted = max(ZERO, min(ind.points, earned.plus(extra.bonus)).minus(extra.deduction));
        trace.push({
          at,
          rule: "adjust",
          values: { earned: text(earned), bonus: text(extra.bonus), deduction: text(extra.deduction), points: text(ind.points) },
          result: text(adjusted),
        });
        earned = adjusted;
      }
      for (const f of outcome.flags ?? []) {
        flags.push({ ...f, source: at });
        trace.push({ at, rule: "flag", values: { id: f.id, ...(f.name ? { name: f.name } : {}), reason: f.reason }, result: f.id });
      }
      const exact = text(earned);
      indicators.push({
        ...common,
        applicable: true,
        fraction: outcome.fraction ? toNumber(outcome.fraction) : null,
        earned: toNumber(earned),
        exact,
        ...(extra ? { adjustments: extra.items } : {}),
      });
      gEarned = gEarned.plus(earned);
      gApplicable = gApplicable.plus(ind.points);
      parts[ind.id] = exact;
    }
    const gat = `group:${group.id}`;
    trace.push({ at: gat, rule: "sum", values: parts, result: text(gEarned) });
    gEarned = roundAt(gEarned, s.rounding.group, gat, trace);
    const gExact = text(gEarned);
    groups.push({
      id: group.id,
      ...(group.name !== undefined ? { name: group.name } : {}),
      points: toNumber(group.points),
      applicablePoints: toNumber(gApplicable),
      earned: toNumber(gEarned),
      exact: gExact,
    });
    groupEarned[group.id] = gExact;
    earnedTotal = earnedTotal.plus(gEarned);
    applicable = applicable.plus(gApplicable);
  }

  const vetoes: VetoResult[] = [];
  const seenVetoes = new Set<string>();
  (subject.vetoes ?? []).forEach((v, i) => {
    const hit = typeof v === "string" ? { id: v } : v;
    const veto = s.vetoes.get(hit.id);
    if (!veto) return report(IssueCode.unknownId, ["vetoes", i], { key: "scoringNoSuchVeto", scheme: s.id, vetoes: [...s.vetoes.keys()] });
    if (seenVetoes.has(hit.id)) return report(IssueCode.duplicateId, ["vetoes", i], { key: "scoringRepeatedVeto", id: hit.id });
    seenVetoes.add(hit.id);
    vetoes.push({ id: veto.id, ...(veto.name !== undefined ? { name: veto.name } : {}), effect: veto.effect, ...(hit.reason !== undefined ? { reason: hit.reason } : {}) });
  });
  if (applicable.isZero() && !unscored)
    report(IssueCode.invalidValue, ["values"], { key: "scoringNothingApplicable" });
  if (issues.length > before) return undefined;

  trace.push({ at: "total", rule: "sum", values: groupEarned, result: text(earnedTotal) });
  let baseValue = earnedTotal;
  if (applicable.lt(allPoints)) {
    if (s.convert) baseValue = earnedTotal.times(s.full).div(applicable);
    trace.push({
      at: "total",
      rule: s.convert ? "convert" : "exclude",
      values: { earned: text(earnedTotal), applicablePoints: text(applicable), full: text(s.full) },
      result: text(baseValue),
    });
  }
  const [bonusApplied, bonus] = adjustment(bonusItems, s.bonusCap, "bonus", trace);
  const [deductionApplied, deductions] = adjustment(deductionItems, s.deductionCap, "deduction", trace);
  let total = baseValue.plus(bonusApplied).minus(deductionApplied);
  if (bonus.items.length > 0 || deductions.items.length > 0)
    trace.push({ at: "total", rule: "adjust", values: { base: text(baseValue), bonus: text(bonusApplied), deduction: text(deductionApplied) }, result: text(total) });

  // Vetoes act in the scheme's order, whatever order the subject lists them in.
  const order = [...s.vetoes.keys()];
  vetoes.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  for (const v of vetoes) {
    const veto = s.vetoes.get(v.id)!;
    const at = `veto:${v.id}`;
    if (veto.effect === "flag") {
      flags.push({ id: v.id, ...(v.name !== undefined ? { name: v.name } : {}), source: at, reason: v.reason ?? "veto recorded" });
      trace.push({ at, rule: "veto", values: { effect: "flag", ...(v.reason ? { reason: v.reason } : {}) }, result: text(total) });
      continue;
    }
    const after = veto.effect === "zero" ? ZERO : min(total, veto.cap!);
    trace.push({
      at,
      rule: "veto",
      values: { effect: veto.effect, before: text(total), ...(veto.cap ? { cap: text(veto.cap) } : {}), ...(v.reason ? { reason: v.reason } : {}) },
      result: text(after),
    });
    total = after;
  }
  if (total.isNegative()) {
    trace.push({ at: "total", rule: "clamp", values: { value: text(total), floor: "0" }, result: "0" });
    total = ZERO;
  }
  total = roundAt(total, s.rounding.total, "total", trace);

  return {
    schemeId: s.id,
    subjectId: subject.id,
    ...(subject.name !== undefined ? { name: subject.name } : {}),
    ...(subject.group !== undefined ? { group: subject.group } : {}),
    ...(subject.attributes !== undefined ? { attributes: subject.attributes } : {}),
    total: toNumber(total),
    exact: text(total),
    base: toNumber(baseValue),
    full: toNumber(s.full),
    applicablePoints: toNumber(applicable),
    groups,
    indicators,
    bonus,
    deductions,
    vetoes,
    flags,
    trace,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
