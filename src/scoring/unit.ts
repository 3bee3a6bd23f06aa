import { Dec, text, type Dec as DecT } from "../core/decimal.js";
import { issue, IssueCode, type Issue } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import { addIssue, dec } from "../core/validate.js";
import type { RefinementCtx } from "../core/z.js";
import type { Method } from "../methods/index.js";
import type { IndicatorConfig, SchemeConfig } from "../scheme/types.js";

/*
 * The unit of an indicator's values (a spreadsheet gives a cell formatted `96.5%` as 0.965), and
 * the plausibility warnings that keep a percent cell from being scored silently wrong.
 * Both scoring paths — the decimal one (evaluate.ts) and the exact fast one (fast.ts) — take the
 * unit and the checks from here: which values are implausible is decided by `implausible` alone,
 * and the warning is made by `implausibleValue` alone.
 */

/**
 * The unit an indicator's values arrive in: `percent` (96.5 means 96.5%, used as given) or
 * `ratio` (0.965 means 96.5%, multiplied by 100 exactly before scoring).
 */
export type IndicatorUnit = "percent" | "ratio";

/** The units, in the order the JSON Schema lists them. */
export const INDICATOR_UNITS = Object.freeze(["percent", "ratio"] as const) satisfies readonly IndicatorUnit[];

/** The methods whose values can have a unit: those that score a number on a scale. */
export const UNIT_METHODS: readonly Method["type"][] = Object.freeze(["completion", "band", "steps"] as const);

/** A ratio is multiplied by 10 to this power to be a percent: two decimal places. */
export const RATIO_TO_PERCENT_DIGITS = 2;

/** A ratio is multiplied by this to be a percent: 0.965 × 100 = 96.5. */
export const RATIO_TO_PERCENT = 10 ** RATIO_TO_PERCENT_DIGITS;

/** Unit `percent`: a non-zero value whose magnitude is below this looks like a ratio (0.965 for 96.5%). */
export const PERCENT_LOOKS_LIKE_RATIO_BELOW = 1;

/** Unit `ratio`: a value whose magnitude is above this looks like a percent (96.5 for 0.965). */
export const RATIO_LOOKS_LIKE_PERCENT_ABOVE = 10;

/**
 * No unit: the checks apply when the indicator's reference is at least this: the completion
 * target; the band's distance from 0 (the smaller in magnitude of best and worst, or 0 when the band
 * reaches or passes 0); the largest in magnitude of the step thresholds.
 */
export const UNDECLARED_REFERENCE_AT_LEAST = 10;

/** No unit, a reference of at least {@link UNDECLARED_REFERENCE_AT_LEAST}: a non-zero value of at most this in magnitude looks like a ratio. */
export const UNDECLARED_LOOKS_LIKE_RATIO_AT_MOST = 1;

/** What is plausible for one indicator's values, and what the warning says when a value is not. @internal */
export interface ValueCheck {
  /** Which rule: the indicator's unit, or none declared. */
  readonly kind: IndicatorUnit | "undeclared";
  /** The magnitude a value is compared with. */
  readonly limit: number;
  /** The indicator's name, for the warning. */
  readonly name: string | undefined;
  /** No unit: what the reference is (`target`, `band`, `steps`) and its numbers as written. */
  readonly of?: "target" | "band" | "steps";
  readonly reference?: string;
  readonly best?: string;
}

/** What scoring needs to know of one indicator's unit. @internal */
export interface UnitPlan {
  /** The declared unit. */
  readonly unit: IndicatorUnit | undefined;
  /** The plausibility check of its values, where one applies. */
  readonly check: ValueCheck | undefined;
}

/**
 * Whether a value is implausible for its indicator — the one rule both scoring paths apply. Each
 * path gives what it knows of the value exactly: whether it is 0, and how its magnitude |v|
 * compares with `check.limit` (negative, 0 or positive).
 * @internal
 */
export function implausible(check: ValueCheck, zero: boolean, vsLimit: number): boolean {
  switch (check.kind) {
    case "percent":
      return !zero && vsLimit < 0;
    case "ratio":
      return vsLimit > 0;
    case "undeclared":
      return !zero && vsLimit <= 0;
  }
}

/**
 * The warning for an implausible value: an {@link IssueCode.implausibleValue} issue at
 * `["values", id]`. The one place both scoring paths make it.
 * @internal
 */
export function implausibleValue(check: ValueCheck, id: string, value: DecT): Issue {
  const name = check.name !== undefined ? { name: check.name } : {};
  const path = ["values", id];
  const percent = text(value.times(RATIO_TO_PERCENT));
  switch (check.kind) {
    case "percent":
      return issue(IssueCode.implausibleValue, path, { key: "scoringPercentLooksLikeRatio", ...name, value: text(value), percent });
    case "ratio":
      return issue(IssueCode.implausibleValue, path, { key: "scoringRatioLooksLikePercent", ...name, value: text(value), scored: percent, ratio: text(value.div(RATIO_TO_PERCENT)) });
    case "undeclared":
      return issue(IssueCode.implausibleValue, path, {
        key: "scoringUndeclaredLooksLikeRatio",
        ...name,
        value: text(value),
        percent,
        of: check.of!,
        reference: check.reference!,
        ...(check.best !== undefined ? { best: check.best } : {}),
      });
  }
}

/**
 * Checks a value read by the decimal path, adding a warning to `warnings` when it is implausible.
 * @internal
 */
export function checkValue(check: ValueCheck | undefined, id: string, value: DecT, warnings: Issue[]): void {
  if (check && implausible(check, value.isZero(), value.abs().cmp(check.limit))) warnings.push(implausibleValue(check, id, value));
}

/**
 * A ratio as the percent it means, exactly (0.965 → 96.5), and the trace step that says so.
 * @internal
 */
export function ratioToPercent(value: DecT, at: string): { readonly percent: DecT; readonly step: TraceStep } {
  const percent = value.times(RATIO_TO_PERCENT);
  return { percent, step: { at, rule: "unit", values: { value: text(value), unit: "ratio", factor: String(RATIO_TO_PERCENT) }, result: text(percent) } };
}

/** The plausibility check of one indicator's values, or `undefined` where none applies. */
function checkOf(ind: IndicatorConfig): ValueCheck | undefined {
  const m = ind.method;
  if (!(UNIT_METHODS as readonly string[]).includes(m.type)) return undefined;
  const name = ind.name;
  if (ind.unit === "percent") return { kind: "percent", limit: PERCENT_LOOKS_LIKE_RATIO_BELOW, name };
  if (ind.unit === "ratio") return { kind: "ratio", limit: RATIO_LOOKS_LIKE_PERCENT_ABOVE, name };
  let of: "target" | "band" | "steps";
  let magnitude: DecT;
  let reference: string;
  let best: string | undefined;
  if (m.type === "completion") {
    of = "target";
    magnitude = dec(m.target).abs();
    reference = text(dec(m.target));
  } else if (m.type === "band") {
    // The band's distance from 0: a band that reaches 0 (积压件, 0 to 10) or passes it takes small values as they are.
    of = "band";
    const [b, w] = [dec(m.best), dec(m.worst)];
    magnitude = b.isNegative() !== w.isNegative() || b.isZero() || w.isZero() ? new Dec(0) : Dec.min(b.abs(), w.abs());
    reference = text(dec(m.worst));
    best = text(dec(m.best));
  } else if (m.type === "steps") {
    of = "steps";
    const thresholds = m.steps.map((s) => dec((s.atLeast ?? s.atMost)!));
    const largest = thresholds.reduce((a, b) => (b.abs().gt(a.abs()) ? b : a));
    magnitude = largest.abs();
    reference = text(largest);
  } else return undefined;
  if (magnitude.lt(UNDECLARED_REFERENCE_AT_LEAST)) return undefined;
  return { kind: "undeclared", limit: UNDECLARED_LOOKS_LIKE_RATIO_AT_MOST, name, of, reference, ...(best !== undefined ? { best } : {}) };
}

const plans = new WeakMap<object, ReadonlyMap<string, UnitPlan>>();

/**
 * Each indicator's unit and plausibility check, for indicators that have either; worked out once
 * per defined scheme.
 * @internal
 */
export function unitPlans(scheme: SchemeConfig): ReadonlyMap<string, UnitPlan> {
  let out = plans.get(scheme);
  if (out) return out;
  const map = new Map<string, UnitPlan>();
  for (const g of scheme.groups)
    for (const ind of g.indicators) {
      const check = checkOf(ind);
      if (check || ind.unit !== undefined) map.set(ind.id, { unit: ind.unit, check });
    }
  out = map;
  if (Object.isFrozen(scheme)) plans.set(scheme, out);
  return out;
}

/**
 * The scheme schema's check that a unit is declared only where a method scores a number on a
 * scale ({@link UNIT_METHODS}).
 * @internal
 */
export function checkUnitMethod(ind: { readonly unit?: IndicatorUnit | undefined; readonly method: { readonly type: string } }, ctx: RefinementCtx): void {
  if (ind.unit !== undefined && !(UNIT_METHODS as readonly string[]).includes(ind.method.type))
    addIssue(ctx, IssueCode.invalidRule, { key: "scoringUnitMethod", method: ind.method.type }, ["unit"]);
}
