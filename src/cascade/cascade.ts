import { allocate, allocateUnits, toUnits, unitsText } from "../core/allocate.js";
import { ONE, sum, text, type Dec } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type IssuePath, type SafeResult } from "../core/errors.js";
import { dec } from "../core/validate.js";
import type { JsonMethod } from "../methods/index.js";
import { byText } from "../core/order.js";
import type { SchemeConfig } from "../scheme/types.js";
import { defineCascadePlan } from "./plan.js";
import { treeIndex, type OrgTree, type OrgUnit } from "./tree.js";
import type { AddedIndicator, CascadePlan, CascadeResult, ConservationCheck, DerivedIndicator, LineageLink, PlanIndicator, ResponsibilityResult } from "./types.js";

interface Landed {
  readonly derived: DerivedIndicator;
  readonly spec: PlanIndicator | AddedIndicator;
}

interface Holder {
  readonly unit: string;
  /** The target as a whole count of 10^−decimals, and as text. */
  readonly target: bigint | undefined;
  readonly text: string | null;
  readonly lineage: readonly LineageLink[];
}

const TABLE = { shares: "shares", base: "base", amounts: "amounts" } as const;

/** Tables read once as whole numbers of 10^−places, however many indicators or parents use them. */
const tableUnits = new WeakMap<object, Map<number, Map<string, bigint>>>();
function tableAsUnits(table: Readonly<Record<string, string | number>>, places: number): Map<string, bigint> {
  let byPlaces = tableUnits.get(table);
  if (!byPlaces) tableUnits.set(table, (byPlaces = new Map()));
  let values = byPlaces.get(places);
  if (!values) {
    values = new Map(Object.keys(table).map((k) => [k, toUnits(dec(table[k]!), places)]));
    byPlaces.set(places, values);
  }
  return values;
}
/** The decimals a table's weights need, found once per table. */
const placesOf = new WeakMap<object, number>();
function tablePlaces(table: Readonly<Record<string, string | number>>): number {
  let places = placesOf.get(table);
  if (places === undefined) placesOf.set(table, (places = Object.values(table).reduce<number>((m, v) => Math.max(m, dec(v).decimalPlaces()), 0)));
  return places;
}

/**
 * Passes a plan's indicators down an organization tree (R2–R5): each indicator step by step from
 * the plan's root — retained, replicated, or split exactly (largest remainder at the indicator's
 * decimals, ties by unit id) — then the templates of each level and the units' local indicators
 * within their budget, and builds each unit's scheme. Returns every indicator's lineage and a
 * report: conservation per split, where each indicator stops, who received nothing, local additions.
 *
 * @param plan - the cascade plan.
 * @param tree - the organization tree (or its units).
 * @returns each unit's indicators and scheme, the report, and the responsibilities inside units.
 * @throws {@link JixiaoError} for a plan that cannot add up (shares not summing to 1 for a parent,
 * bases adding up to 0, amounts not adding up), tables that miss or invent a child, a local
 * addition over its budget, or an unknown unit, each naming the path and ids.
 * @example
 * ```ts
 * const tree = defineOrgTree([{ id: "P", level: "province" }, { id: "A", level: "city", parent: "P" }, { id: "B", level: "city", parent: "P" }]);
 * cascade({ id: "p", indicators: [{ id: "revenue", points: 40, target: 100, decimals: 0, method: { type: "completion", target: 100 },
 *   steps: [{ how: "split", by: "base", base: { A: 2, B: 1 } }] }] }, tree).units.map((u) => u.indicators[0].target);
 * //=> ["67", "33"]
 * ```
 */
export function cascade(plan: CascadePlan, tree: OrgTree | readonly OrgUnit[]): CascadeResult {
  const p = defineCascadePlan(plan);
  const { tree: t, index } = treeIndex(tree);
  const issues: Issue[] = [];
  const root = p.root ?? t.root;
  if (!index.units.has(root)) throw new JixiaoError([issue(IssueCode.unknownId, ["root"], { key: "cascadeNotAUnit", unit: root })], "Cascade cannot run");

  // The plan root's subtree, level by level.
  const below: string[][] = [[root]];
  while (below[below.length - 1]!.length > 0) below.push(below[below.length - 1]!.flatMap((u) => index.children.get(u) ?? []));
  below.pop();
  const inSubtree = new Set(below.flat());

  const landed = new Map<string, Landed[]>();
  const land = (unit: string, entry: Landed) => {
    const list = landed.get(unit);
    if (list) list.push(entry);
    else landed.set(unit, [entry]);
  };
  const conservation: ConservationCheck[] = [];
  const retained: { indicator: string; unit: string }[] = [];
  const nothing: { indicator: string; unit: string }[] = [];

  p.indicators.forEach((ind, i) => {
    const decimals = ind.decimals ?? 2;
    const start = ind.target === undefined ? undefined : toUnits(dec(ind.target), decimals);
    const startText = start === undefined ? null : unitsText(start, decimals);
    let frontier: Holder[] = [{ unit: root, target: start, text: startText, lineage: [{ unit: root, target: startText, via: "plan" }] }];
    for (let depth = 0; frontier.length > 0; depth++) {
      const step = ind.steps?.[depth];
      const path: IssuePath = ["indicators", i, "steps", depth];
      const next: Holder[] = [];
      const level = new Set(below[depth + 1] ?? []);
      if (step?.how === "split" && step.by !== "equal") {
        const table = step[TABLE[step.by] as keyof typeof step] as unknown as Readonly<Record<string, unknown>>;
        for (const key of Object.keys(table))
          if (!level.has(key)) issues.push(issue(IssueCode.unknownId, [...path, step.by, key], { key: "cascadeNotReceiver", indicator: ind.id }));
      }
      for (const f of frontier) {
        const kids = index.children.get(f.unit) ?? [];
        const keep = !step || step.how === "retain" || kids.length === 0;
        if (f.unit !== root && f.target === 0n && ind.method.type === "completion") {
          // A completion rate cannot be scored against a target of 0: the unit receives nothing.
          nothing.push({ indicator: ind.id, unit: f.unit });
          continue;
        }
        if (f.unit !== root) land(f.unit, { derived: { id: ind.id, origin: "cascade", target: f.text, retained: keep, lineage: f.lineage }, spec: ind });
        if (keep) {
          retained.push({ indicator: ind.id, unit: f.unit });
          continue;
        }
        if (step.how === "replicate") {
          for (const k of kids) next.push({ unit: k, target: f.target, text: f.text, lineage: [...f.lineage, { unit: k, target: f.text, via: "replicate" }] });
          continue;
        }
        const target = f.target!;
        if (step.by === "equal") record(f, kids, allocateUnits(target, kids.map(() => 1n), kids), "equal");
        else {
          const table = step[TABLE[step.by] as keyof typeof step] as unknown as Readonly<Record<string, string | number>>;
          const missing = kids.filter((k) => !Object.prototype.hasOwnProperty.call(table, k));
          for (const k of missing) issues.push(issue(IssueCode.missingValue, [...path, step.by, k], { key: "cascadeChildMissing", parent: f.unit }));
          if (missing.length > 0) continue;
          const places = step.by === "amounts" ? decimals : tablePlaces(table);
          const table64 = tableAsUnits(table, places);
          const values = kids.map((k) => table64.get(k)!);
          const total = values.reduce((s, v) => s + v, 0n);
          const one = 10n ** BigInt(places);
          if (step.by === "shares" && total !== one)
            issues.push(issue(IssueCode.invalidRule, [...path, "shares"], { key: "cascadeSharesSum", parent: f.unit, children: kids, total: unitsText(total, places) }));
          else if (step.by === "base" && total === 0n)
            issues.push(issue(IssueCode.invalidRule, [...path, "base"], { key: "cascadeBasesZero", parent: f.unit, children: kids }));
          else if (step.by === "amounts" && total !== target)
            issues.push(issue(IssueCode.invalidRule, [...path, "amounts"], { key: "cascadeAmountsSum", parent: f.unit, total: unitsText(total, decimals), target: String(f.text) }));
          else record(f, kids, step.by === "amounts" ? values : allocateUnits(target, values, kids), step.by);
        }
      }
      frontier = next;

      function record(f: Holder, kids: readonly string[], parts: readonly bigint[], by: string) {
        const total = parts.reduce((s, p) => s + p, 0n);
        const texts = parts.map((p) => unitsText(p, decimals));
        conservation.push({
          indicator: ind.id,
          parent: f.unit,
          by,
          target: f.text!,
          parts: kids.map((k, j) => ({ unit: k, target: texts[j]! })),
          sum: unitsText(total, decimals),
          ok: total === f.target,
        });
        kids.forEach((k, j) => {
          if (parts[j] === 0n) nothing.push({ indicator: ind.id, unit: k });
          else next.push({ unit: k, target: parts[j]!, text: texts[j]!, lineage: [...f.lineage, { unit: k, target: texts[j]!, via: `split:${by}` }] });
        });
      }
    }
  });

  // Templates for every unit of their level, local additions within the level's budget.
  const templates = new Map((p.templates ?? []).map((tpl) => [tpl.level, tpl]));
  for (const unit of below.slice(1).flat()) {
    const tpl = templates.get(index.units.get(unit)!.level);
    for (const ind of tpl?.indicators ?? []) land(unit, { derived: { id: ind.id, origin: "template", target: null, retained: true, lineage: [{ unit, target: null, via: "template" }] }, spec: ind });
  }
  const local: CascadeResult["report"]["local"][number][] = [];
  (p.local ?? []).forEach((l, i) => {
    const unit = index.units.get(l.unit);
    if (!unit || !inSubtree.has(l.unit) || l.unit === root) return void issues.push(issue(IssueCode.unknownId, ["local", i, "unit"], { key: "cascadeNotBelowRoot", unit: l.unit, root }));
    const budget = templates.get(unit.level)?.localBudget;
    const points = sum(l.indicators.map((x) => dec(x.points)));
    if (budget === undefined) return void issues.push(issue(IssueCode.invalidRule, ["local", i], { key: "cascadeNoLocalBudget", unit: l.unit, level: unit.level }));
    if (points.gt(dec(budget)))
      return void issues.push(issue(IssueCode.outOfRange, ["local", i, "indicators"], { key: "cascadeOverBudget", unit: l.unit, points: text(points), budget: text(dec(budget)) }));
    for (const ind of l.indicators) land(l.unit, { derived: { id: ind.id, origin: "local", target: null, retained: true, lineage: [{ unit: l.unit, target: null, via: "local" }] }, spec: ind });
    local.push({ unit: l.unit, indicators: l.indicators.map((x) => x.id), points: text(points), budget: text(dec(budget)) });
  });
  if (issues.length > 0) throw new JixiaoError(issues, `Plan "${p.id}" cannot be cascaded`);

  const units: CascadeResult["units"][number][] = [];
  for (const unit of below.slice(1).flat().sort((a, b) => index.depth.get(a)! - index.depth.get(b)! || byText(a, b))) {
    const list = landed.get(unit);
    if (!list) continue;
    const scheme = schemeFor(p, unit, list, index.units.get(unit)!);
    const zero = p.points === "rebase" ? scheme.groups.flatMap((g) => g.indicators).filter((x) => dec(x.points).isZero()) : [];
    if (zero.length > 0)
      issues.push(issue(IssueCode.invalidRule, ["full"], { key: "cascadeRebaseZero", unit, full: String(scheme.full), indicators: zero.map((x) => x.id) }));
    units.push({ unit, level: index.units.get(unit)!.level, indicators: list.map((l) => l.derived), scheme });
  }
  if (issues.length > 0) throw new JixiaoError(issues, `Plan "${p.id}" cannot be cascaded`);
  const responsibilities = (p.responsibilities ?? []).map((r, i): ResponsibilityResult | undefined => {
    const found = landed.get(r.unit)?.find((l) => l.derived.id === r.indicator);
    if (!found) return void issues.push(issue(IssueCode.unknownId, ["responsibilities", i, "indicator"], { key: "cascadeUnitLacksIndicator", unit: r.unit, indicator: r.indicator }));
    const departments = new Set((index.units.get(r.unit)!.departments ?? []).map((d) => d.id));
    for (const role of ["carrying", "assessing"] as const)
      if (!departments.has(r[role])) issues.push(issue(IssueCode.unknownId, ["responsibilities", i, role], { key: "cascadeNotDepartment", department: r[role], unit: r.unit }));
    const declared = r.executing.filter((e) => e.share !== undefined);
    if (declared.length > 0 && declared.length < r.executing.length)
      return void issues.push(issue(IssueCode.invalidRule, ["responsibilities", i, "executing"], { key: "cascadeExecutorSharesPartial" }));
    if (declared.length > 0 && !sum(declared.map((e) => dec(e.share!))).eq(ONE))
      return void issues.push(issue(IssueCode.invalidRule, ["responsibilities", i, "executing"], { key: "cascadeExecutorSharesSum" }));
    const target = found.derived.target === null ? undefined : dec(found.derived.target);
    const decimals = "decimals" in found.spec ? (found.spec.decimals ?? 2) : 2;
    const parts = target ? allocate(target, r.executing.map((e) => ({ key: e.person, weight: e.share === undefined ? ONE : dec(e.share) })), decimals) : undefined;
    return { ...r, target: found.derived.target, executing: r.executing.map((e, k) => ({ person: e.person, target: parts ? text(parts[k]!) : null })) };
  });
  if (issues.length > 0) throw new JixiaoError(issues, `Plan "${p.id}" cannot be cascaded`);

  return {
    plan: p.id,
    units,
    report: { conservation, retained, receivedNothing: nothing, local },
    responsibilities: responsibilities as ResponsibilityResult[],
  };
}

/** A unit's scheme: its indicators in the plan's groups, points kept or rebased. */
const pointsOf = new WeakMap<object, Dec>();
const pointsTexts = new WeakMap<object, string>();
function pointsText(spec: PlanIndicator | AddedIndicator): string {
  let t = pointsTexts.get(spec);
  if (t === undefined) pointsTexts.set(spec, (t = text(points(spec))));
  return t;
}
function points(spec: PlanIndicator | AddedIndicator): Dec {
  let d = pointsOf.get(spec);
  if (!d) pointsOf.set(spec, (d = dec(spec.points)));
  return d;
}

function schemeFor(p: CascadePlan, unit: string, list: readonly Landed[], u: OrgUnit): SchemeConfig {
  const groups = p.groups ?? [{ id: "main", name: undefined }];
  const own = list.map((l) => points(l.spec));
  let scaled = own;
  let full = sum(own);
  if (p.points === "rebase") {
    full = dec(p.full ?? 100);
    scaled = allocate(full, list.map((l, j) => ({ key: l.derived.id, weight: own[j]! })), Math.max(2, full.decimalPlaces()));
  }
  const indicators = list.map((l, j) => {
    const method: JsonMethod = l.spec.method.type === "completion" && l.derived.target !== null ? { ...l.spec.method, target: l.derived.target } : l.spec.method;
    const spec = l.spec as PlanIndicator;
    return {
      group: l.spec.group ?? "main",
      points: scaled[j]!,
      config: {
        id: l.derived.id,
        ...(l.spec.name !== undefined ? { name: l.spec.name } : {}),
        points: p.points === "rebase" ? text(scaled[j]!) : pointsText(l.spec),
        ...(spec.kind !== undefined ? { kind: spec.kind } : {}),
        ...(spec.source !== undefined ? { source: spec.source } : {}),
        method,
      },
    };
  });
  return {
    id: `${p.id}/${unit}`,
    name: `${u.name ?? unit}${p.name ? ` · ${p.name}` : ""}`,
    full: text(full),
    ...(p.rounding ? { rounding: p.rounding } : {}),
    groups: groups.flatMap((g) => {
      const mine = indicators.filter((x) => x.group === g.id);
      return mine.length === 0 ? [] : [{ id: g.id, ...(g.name !== undefined ? { name: g.name } : {}), points: text(sum(mine.map((x) => x.points))), indicators: mine.map((x) => x.config) }];
    }),
  };
}

/**
 * {@link cascade} without throwing.
 * @param plan - the plan.
 * @param tree - the tree.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeCascade({ id: "p", indicators: [{ id: "x", points: 1, target: 10, method: { type: "direct" },
 *   steps: [{ how: "split", by: "shares", shares: { A: 0.5, B: 0.6 } }] }] }, tree).success;
 * //=> false
 * ```
 */
export function safeCascade(plan: CascadePlan, tree: OrgTree | readonly OrgUnit[]): SafeResult<CascadeResult> {
  return safely(() => cascade(plan, tree));
}

