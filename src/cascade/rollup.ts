import { Dec, max, MAX_MAGNITUDE, min, ONE, proportion, sum, text, toDec, toNumber, ZERO } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { addIssue, dec, decimal, functionSchema, idSchema, namedRecord, parseWith, type DecimalInput, want } from "../core/validate.js";
import { z } from "../core/z.js";
import { byText } from "../core/order.js";
import { treeIndex, type OrgTree, type OrgUnit } from "./tree.js";

/** A unit's actual result for an indicator, with its target where it has one. */
export interface UnitResult {
  /** The unit. */
  readonly unit: string;
  /** The indicator. */
  readonly indicator: string;
  /** What the unit achieved. */
  readonly actual: DecimalInput;
  /** The unit's target, for completion rates and target-weighted averages. */
  readonly target?: DecimalInput;
}

/**
 * How a parent's value comes from its children: `sum` (actuals of split targets), `weighted` (an
 * average weighted by the children's targets or by a table — rates), `mean`, `min` or `max`.
 */
export type RollUpRule =
  | {
      /** How the children's values combine: `sum`, `mean`, `min` (the lowest) or `max` (the highest). */
      readonly how: "sum" | "mean" | "min" | "max";
    }
  | {
      /** The children's values combine as a weighted average. */
      readonly how: "weighted";
      /** The weights: `target` (default) — each child's target, or a weight for each child by unit id. */
      readonly weights?: "target" | Readonly<Record<string, DecimalInput>>;
    }
  | {
      /** The children's values combine by a function (code only, not JSON): the escape hatch. */
      readonly how: "custom";
      /** Combines the children's values (exact decimal text, with their targets) into the parent's: a number or decimal text. It must be pure. */
      readonly combine: (children: readonly { readonly unit: string; readonly value: string; readonly target: string | null }[]) => number | string;
    };

/** One unit's rolled-up value, with the children it came from. */
export interface RolledValue {
  /** The unit. */
  readonly unit: string;
  /** The indicator. */
  readonly indicator: string;
  /** `given` (a result of the unit's own) or the rule that combined its children. */
  readonly from: "given" | "sum" | "weighted" | "mean" | "min" | "max" | "custom";
  /** The value. */
  readonly value: number;
  /** The value as exact decimal text. */
  readonly exact: string;
  /** The target (given, or for `sum` the children's targets summed), as exact text, or `null` (a weighted average carries its children's targets up only as weights). */
  readonly target: string | null;
  /** value ÷ target for a given or summed value with a target (a completion rate); `null` otherwise. */
  readonly rate: number | null;
  /** The children combined, with their values and weights. */
  readonly children: readonly {
    /** The child unit. */
    readonly unit: string;
    /** The child's value, as exact decimal text. */
    readonly value: string;
    /** The child's weight in a weighted average, as exact decimal text. */
    readonly weight?: string;
  }[];
}

const resultsSchema = z
  .array(z.strictObject({ unit: idSchema, indicator: idSchema, actual: decimal(), target: decimal({ min: 0 }).optional() }))
  .max(10_000_000);
const rulesSchema = namedRecord(
  z.discriminatedUnion("how", [
    z.strictObject({ how: z.enum(["sum", "mean", "min", "max"]) }),
    z.strictObject({ how: z.literal("weighted"), weights: z.union([z.literal("target"), namedRecord(decimal({ min: 0 }), "unit")], { error: want("targetOrWeights") }).optional() }),
    z.strictObject({ how: z.literal("custom"), combine: functionSchema<(c: unknown) => unknown>() }),
  ]),
  "indicator",
);

/**
 * Rolls results back up the tree at year end: each parent's value from its children by the
 * indicator's rule, level by level up to the root, each value traceable to the children it came
 * from. A unit's own result, where given, stands for it.
 *
 * @param tree - the organization tree.
 * @param results - the units' results by indicator (usually the lowest level's).
 * @param rules - the rule of each indicator, by indicator id.
 * @returns every value known or derived, by indicator, deepest units last.
 * @throws {@link JixiaoError} for an unknown unit, a result given twice, an indicator without a
 * rule, or weights that add up to 0.
 * @example
 * ```ts
 * const tree = defineOrgTree([{ id: "C", level: "city" }, { id: "A", level: "county", parent: "C" }, { id: "B", level: "county", parent: "C" }]);
 * rollUp(tree, [{ unit: "A", indicator: "revenue", actual: 120 }, { unit: "B", indicator: "revenue", actual: 80 }], { revenue: { how: "sum" } })
 *   .find((v) => v.unit === "C").value;
 * //=> 200
 * ```
 */
export function rollUp(tree: OrgTree | readonly OrgUnit[], results: readonly UnitResult[], rules: Readonly<Record<string, RollUpRule>>): RolledValue[] {
  const { index } = treeIndex(tree);
  const list = parseWith(resultsSchema, results, "Results are not valid", ["results"]) as UnitResult[];
  const r = parseWith(rulesSchema, rules, "Roll-up rules are not valid", ["rules"]) as Record<string, RollUpRule>;
  const issues: Issue[] = [];
  const given = new Map<string, Map<string, { actual: Dec; target: Dec | undefined }>>();
  list.forEach((res, i) => {
    if (!index.units.has(res.unit)) issues.push(issue(IssueCode.unknownId, ["results", i, "unit"], { key: "cascadeNotAUnit", unit: res.unit }));
    if (!Object.prototype.hasOwnProperty.call(r, res.indicator)) issues.push(issue(IssueCode.unknownId, ["results", i, "indicator"], { key: "rollUpNoRule", indicator: res.indicator }));
    const byUnit = given.get(res.indicator) ?? new Map();
    if (byUnit.has(res.unit)) issues.push(issue(IssueCode.duplicateId, ["results", i], { key: "rollUpDuplicateResult", unit: res.unit, indicator: res.indicator }));
    byUnit.set(res.unit, { actual: dec(res.actual), target: res.target === undefined ? undefined : dec(res.target) });
    given.set(res.indicator, byUnit);
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Results cannot be rolled up");

  const deepestFirst = [...index.units.keys()].sort((a, b) => index.depth.get(b)! - index.depth.get(a)! || byText(a, b));
  const out: RolledValue[] = [];
  for (const indicator of Object.keys(r).sort(byText)) {
    const rule = r[indicator]!;
    const known = new Map<string, { value: Dec; target: Dec | undefined }>();
    for (const [unit, g] of given.get(indicator) ?? []) known.set(unit, { value: g.actual, target: g.target });
    const rolled: RolledValue[] = [];
    for (const unit of deepestFirst) {
      const own = known.get(unit);
      const kids = (index.children.get(unit) ?? []).filter((k) => known.has(k));
      // Each unit is visited once, children before parents, and set in known only after its visit: known holds it now only when given.
      if (own) {
        rolled.push(value(unit, indicator, "given", own.value, own.target, []));
        continue;
      }
      if (kids.length === 0) continue;
      const values = kids.map((k) => known.get(k)!);
      // The children's targets add up: the parent's target for a sum, its weight for a weighted average.
      const targets = (rule.how === "sum" || rule.how === "weighted") && values.every((v) => v.target) ? sum(values.map((v) => v.target!)) : undefined;
      let weights: Dec[] | undefined;
      let combined: Dec;
      if (rule.how === "sum") combined = sum(values.map((v) => v.value));
      else if (rule.how === "mean") combined = sum(values.map((v) => v.value)).div(values.length);
      else if (rule.how === "min") combined = values.reduce((m, v) => min(m, v.value), values[0]!.value);
      else if (rule.how === "max") combined = values.reduce((m, v) => max(m, v.value), values[0]!.value);
      else if (rule.how === "custom") {
        let out: unknown;
        try {
          out = rule.combine(kids.map((k, j) => ({ unit: k, value: text(values[j]!.value), target: values[j]!.target ? text(values[j]!.target!) : null })));
        } catch (error) {
          // A thrown value is a failure, never the result (a thrown 5 or Error("42") must not become 5 or 42).
          issues.push(issue(IssueCode.customFailed, ["rules", indicator, "combine"], { key: "rollUpCustomFailed", unit, error: String(error instanceof Error ? error.message : error).slice(0, 100) }));
          continue;
        }
        const d = toDec(out);
        if (!d) {
          issues.push(issue(IssueCode.customFailed, ["rules", indicator, "combine"], { key: "rollUpCustomNotNumber", unit, output: String(out).slice(0, 100) }));
          continue;
        }
        combined = d;
      } else {
        const table = (rule as Extract<RollUpRule, { how: "weighted" }>).weights;
        const missing: string[] = [];
        weights = kids.map((k, j) => {
          if (table === undefined || table === "target") {
            if (!values[j]!.target) missing.push(k);
            return values[j]!.target ?? ZERO;
          }
          if (!Object.prototype.hasOwnProperty.call(table, k)) missing.push(k);
          return Object.prototype.hasOwnProperty.call(table, k) ? dec(table[k]!) : ZERO;
        });
        const total = sum(weights);
        if (missing.length > 0 || total.isZero()) {
          issues.push(
            issue(IssueCode.invalidRule, ["rules", indicator, "weights"], missing.length > 0 ? { key: "rollUpNoWeight", units: missing, parent: unit } : { key: "rollUpWeightsZero", parent: unit }),
          );
          continue;
        }
        combined = sum(values.map((v, j) => v.value.times(weights![j]!))).div(total);
      }
      known.set(unit, { value: combined, target: targets });
      rolled.push(value(unit, indicator, rule.how, combined, rule.how === "sum" ? targets : undefined, kids.map((k, j) => ({ unit: k, value: text(values[j]!.value), ...(weights ? { weight: text(weights[j]!) } : {}) }))));
    }
    out.push(...rolled.sort((a, b) => index.depth.get(a.unit)! - index.depth.get(b.unit)! || byText(a.unit, b.unit)));
  }
  if (issues.length > 0) throw new JixiaoError(issues, "Results cannot be rolled up");
  return out;
}

/** One rolled value; `target` is given only for a given or summed value, so a value with a non-zero target has a completion rate. */
function value(unit: string, indicator: string, from: RolledValue["from"], v: Dec, target: Dec | undefined, children: RolledValue["children"]): RolledValue {
  // A target next to nothing (1e-320) would make a rate no number can hold: refuse it rather than answer Infinity.
  if (target && !target.isZero() && v.div(target).abs().gt(MAX_MAGNITUDE))
    throw new JixiaoError(
      [issue(IssueCode.invalidNumber, ["results"], { key: "rollUpRateTooLarge", unit, indicator, value: text(v), target: text(target) })],
      "Results cannot be rolled up",
    );
  return {
    unit,
    indicator,
    from,
    value: toNumber(v),
    exact: text(v),
    target: target ? text(target) : null,
    rate: target && !target.isZero() ? toNumber(v.div(target)) : null,
    children,
  };
}

/**
 * {@link rollUp} without throwing.
 * @param tree - the tree.
 * @param results - the results.
 * @param rules - the rules.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeRollUp(tree, [{ unit: "X", indicator: "revenue", actual: 1 }], { revenue: { how: "sum" } }).success;
 * //=> false
 * ```
 */
export function safeRollUp(tree: OrgTree | readonly OrgUnit[], results: readonly UnitResult[], rules: Readonly<Record<string, RollUpRule>>): SafeResult<RolledValue[]> {
  return safely(() => rollUp(tree, results, rules));
}

/** The organizations a leadership-team member is linked to (R14), and the weight of each part. */
export interface LeaderLink {
  /** The leader's unit (its organizational score). */
  readonly unit: string;
  /** The departments the leader supervises (分管部门). */
  readonly departments?: readonly string[];
  /** The leader's grassroots contact points (基层联系点). */
  readonly contacts?: readonly string[];
  /** Weight of each part; the weights of the parts used add up to 1. */
  readonly weights: {
    /** Weight of the leader's unit's score, 0 to 1. */
    readonly unit: DecimalInput;
    /** Weight of the supervised departments' mean score, 0 to 1; required when departments are named. */
    readonly departments?: DecimalInput;
    /** Weight of the contact points' mean score, 0 to 1; required when contact points are named. */
    readonly contacts?: DecimalInput;
  };
}

/** A leader's linked organizational score and how it was made. */
export interface LeaderScore {
  /** The linked score. */
  readonly score: number;
  /** The score as exact decimal text. */
  readonly exact: string;
  /** Each part: its weight, the mean of its members' scores, and the members. */
  readonly parts: readonly {
    /** Which part: the leader's `unit`, the supervised `departments` or the grassroots `contacts`. */
    readonly part: "unit" | "departments" | "contacts";
    /** The part's weight, as exact decimal text. */
    readonly weight: string;
    /** The mean of the members' scores, as exact decimal text. */
    readonly mean: string;
    /** The part's members, each with its score. */
    readonly members: readonly {
      /** The member's id (a unit, department or contact point). */
      readonly id: string;
      /** The member's score, as exact decimal text. */
      readonly score: string;
    }[];
  }[];
}

const linkSchema = z
  .strictObject({
    unit: z.string().min(1).max(200),
    departments: z.array(z.string().min(1).max(200)).max(1000).optional(),
    contacts: z.array(z.string().min(1).max(200)).max(1000).optional(),
    weights: z.strictObject({ unit: decimal({ min: 0, max: 1 }), departments: decimal({ min: 0, max: 1 }).optional(), contacts: decimal({ min: 0, max: 1 }).optional() }),
  })
  .superRefine((l, ctx) => {
    const total = [l.weights.unit, l.weights.departments, l.weights.contacts].flatMap((w) => (w === undefined ? [] : [toDec(w)])).reduce<Dec | undefined>((s, w) => (s && w ? s.plus(w) : undefined), ZERO);
    if (total && !total.eq(ONE)) addIssue(ctx, IssueCode.invalidRule, { key: "leaderWeightsSum", total: text(total) }, ["weights"]);
    for (const part of ["departments", "contacts"] as const) {
      if (l.weights[part] !== undefined && !(l[part]?.length)) addIssue(ctx, IssueCode.required, { key: "leaderWeightWithoutMembers", part }, [part]);
      if (l[part]?.length && l.weights[part] === undefined) addIssue(ctx, IssueCode.required, { key: "leaderWeightRequired", part }, ["weights", part]);
    }
  });

/**
 * Parts of a linked score (a unit, departments, contact points): each part's mean of its members'
 * scores, and Σ weight × mean ÷ Σ weights — the weighted mean of the parts there are. Each
 * weight × mean is taken as {@link proportion}(weight, sum, members): multiplied before divided.
 * @internal
 */
export function combineParts(parts: readonly { readonly weight: Dec; readonly members: readonly { readonly score: Dec }[] }[]): { means: Dec[]; total: Dec; weights: Dec } {
  const sums = parts.map((p) => sum(p.members.map((m) => m.score)));
  const means = parts.map((p, i) => sums[i]!.div(p.members.length));
  const weights = sum(parts.map((p) => p.weight));
  // weight × mean as weight × sum ÷ members: multiplied before it is divided, so 1/3 of 3 points is 1.
  return { means, total: sum(parts.map((p, i) => proportion(p.weight, sums[i]!, new Dec(p.members.length)))).div(weights), weights };
}

/**
 * A leadership-team member's linked organizational score (R14): the weighted sum of the unit's
 * score, the mean score of the departments they supervise and the mean score of their contact
 * points. Scores are looked up by id (use ids such as `A1/征管科` for departments).
 *
 * @param link - the leader's unit, departments, contact points and weights.
 * @param scores - organizational scores by id.
 * @returns the linked score with each part.
 * @throws {@link JixiaoError} for weights not adding up to 1, or an id with no score.
 * @example
 * ```ts
 * leaderScore({ unit: "A1", departments: ["A1/征管科", "A1/办公室"], weights: { unit: 0.6, departments: 0.4 } },
 *   { A1: 90, "A1/征管科": 85, "A1/办公室": 95 }).score;
 * //=> 90
 * ```
 */
export function leaderScore(link: LeaderLink, scores: Readonly<Record<string, DecimalInput>>): LeaderScore {
  const l = parseWith(linkSchema, link, "Leader link is not valid", ["link"]) as LeaderLink;
  const s = parseWith(namedRecord(decimal(), "id", true), scores, "Scores are not valid", ["scores"]) as Record<string, DecimalInput>;
  const issues: Issue[] = [];
  const parts = (["unit", "departments", "contacts"] as const).flatMap((part) => {
    // The link schema ties a weight to named members: a part has a weight exactly when it names some.
    const weight = l.weights[part];
    if (weight === undefined) return [];
    const ids = part === "unit" ? [l.unit] : l[part]!;
    const members = ids.flatMap((id, i) => {
      if (!Object.prototype.hasOwnProperty.call(s, id)) {
        issues.push(issue(IssueCode.missingValue, part === "unit" ? ["scores", id] : ["link", part, i], { key: "leaderNoScore", id }));
        return [];
      }
      return [{ id, score: dec(s[id]!) }];
    });
    return [{ part, weight: dec(weight), members }];
  });
  if (issues.length > 0) throw new JixiaoError(issues, "The leader's score cannot be linked");
  const { means, total } = combineParts(parts);
  return {
    score: toNumber(total),
    exact: text(total),
    parts: parts.map((p, i) => ({ part: p.part, weight: text(p.weight), mean: text(means[i]!), members: p.members.map((m) => ({ id: m.id, score: text(m.score) })) })),
  };
}
