import { made } from "../core/snapshot.js";
import { sum, text, type Dec } from "../core/decimal.js";
import { formatPath, issue, IssueCode, JixiaoError, safely, type Issue, type IssuePath, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import type { JsonChecked, JsonOf } from "../core/json-input.js";
import type { Rounding } from "../core/rounding.js";
import { dec, parseWith } from "../core/validate.js";
import type { MessageParams } from "../messages/index.js";
import { compileMethod, type MethodType } from "../methods/index.js";
import type { CompiledMethod } from "../methods/types.js";
import { schemeSchema } from "./schema.js";
import type { SchemeConfig } from "./types.js";

/**
 * A validated, frozen scheme returned by {@link defineScheme}: the configuration as given (with
 * its defaults left as written), ready to score many subjects without validating it again.
 */
export type Scheme = SchemeConfig & {
  /** Marks a scheme that went through {@link defineScheme}; not present at run time. */
  readonly __brand: "jixiao.Scheme";
};

/**
 * A scheme as a JSON import types it (`import s from "./county-361.scheme.json" with { type: "json" }`):
 * options such as rounding modes and method types as any text, lists as plain arrays.
 * {@link defineScheme} takes it and checks every option when it runs.
 *
 * @example
 * ```ts
 * const fromFile: SchemeJson = JSON.parse(text);
 * defineScheme(fromFile).id;
 * //=> "county-personal-2024Q3"
 * ```
 */
export type SchemeJson = JsonOf<SchemeConfig>;

/** A compiled indicator. @internal */
export interface CompiledIndicator {
  readonly id: string;
  readonly name: string | undefined;
  readonly group: string;
  readonly points: Dec;
  readonly type: MethodType;
  readonly method: CompiledMethod;
}

/** A compiled group. @internal */
export interface CompiledGroup {
  readonly id: string;
  readonly name: string | undefined;
  readonly points: Dec;
  readonly indicators: readonly CompiledIndicator[];
}

/** A compiled veto. @internal */
export interface CompiledVeto {
  readonly id: string;
  readonly name: string | undefined;
  readonly effect: "zero" | "cap" | "flag";
  readonly cap: Dec | undefined;
}

/** What scoring needs from a scheme, precomputed once. @internal */
export interface CompiledScheme {
  readonly id: string;
  readonly full: Dec;
  readonly convert: boolean;
  readonly rounding: { readonly indicator?: Rounding; readonly group?: Rounding; readonly total?: Rounding };
  readonly groups: readonly CompiledGroup[];
  readonly indicators: ReadonlyMap<string, CompiledIndicator>;
  readonly bonusCap: Dec | undefined;
  readonly deductionCap: Dec | undefined;
  readonly vetoes: ReadonlyMap<string, CompiledVeto>;
}

const compiled = new WeakMap<object, CompiledScheme>();

function checkUnique(items: readonly { readonly id: string }[], path: (i: number) => IssuePath, part: "group" | "veto", out: Issue[]): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else out.push(issue(IssueCode.duplicateId, [...path(i), "id"], { key: "schemeRepeatedId", part, id: item.id }));
  });
}

function compile(config: SchemeConfig): CompiledScheme {
  const issues: Issue[] = [];
  const report = (code: IssueCode, path: IssuePath, params: MessageParams) => void issues.push(issue(code, path, params));
  const full = dec(config.full);

  checkUnique(config.groups, (g) => ["groups", g], "group", issues);
  const allIndicators = config.groups.flatMap((g, gi) => g.indicators.map((ind, ii) => ({ ind, path: ["groups", gi, "indicators", ii] as IssuePath })));
  const firstPath = new Map<string, IssuePath>();
  for (const { ind, path } of allIndicators) {
    const seen = firstPath.get(ind.id);
    if (seen) report(IssueCode.duplicateId, [...path, "id"], { key: "schemeRepeatedIndicator", id: ind.id, at: formatPath(seen) });
    else firstPath.set(ind.id, path);
  }
  checkUnique(config.vetoes ?? [], (v) => ["vetoes", v], "veto", issues);

  const groups: CompiledGroup[] = config.groups.map((g, gi) => {
    const points = dec(g.points);
    const indicators = g.indicators.map((ind, ii): CompiledIndicator => {
      const indPoints = dec(ind.points);
      const path: IssuePath = ["groups", gi, "indicators", ii, "method"];
      return {
        id: ind.id,
        name: ind.name,
        group: g.id,
        points: indPoints,
        type: ind.method.type,
        method: compileMethod(ind.method, { points: indPoints, path, report, indicator: ind.id }),
      };
    });
    if (config.pointsAddUp !== false) {
      const total = sum(indicators.map((i) => i.points));
      if (!total.eq(points))
        report(IssueCode.pointsMismatch, ["groups", gi, "points"], { key: "schemeGroupPoints", points: text(points), total: text(total) });
    }
    return { id: g.id, name: g.name, points, indicators };
  });
  if (config.pointsAddUp !== false) {
    const total = sum(groups.map((g) => g.points));
    if (!total.eq(full)) report(IssueCode.pointsMismatch, ["full"], { key: "schemeFullPoints", full: text(full), total: text(total) });
  }
  // A score rounded to fewer decimals than its maximum has could round above it (2.5 points → 3).
  const { indicator, group, total } = config.rounding ?? {};
  const coarse = (max: Dec, rule: Rounding | undefined, rounded: "indicator" | "group" | "total", path: IssuePath) => {
    if (rule && max.decimalPlaces() > rule.decimals)
      report(IssueCode.invalidRule, path, { key: "schemeRoundingCoarse", points: text(max), rounded, decimals: rule.decimals, needed: max.decimalPlaces() });
  };
  groups.forEach((g, gi) => {
    coarse(g.points, group, "group", ["groups", gi, "points"]);
    g.indicators.forEach((ind, ii) => coarse(ind.points, indicator, "indicator", ["groups", gi, "indicators", ii, "points"]));
  });
  coarse(full, total, "total", ["full"]);
  if (issues.length > 0) throw new JixiaoError(issues, `Scheme "${config.id}" is not valid`);

  const indicators = new Map<string, CompiledIndicator>();
  for (const g of groups) for (const i of g.indicators) indicators.set(i.id, i);
  return {
    id: config.id,
    full,
    convert: config.notApplicable !== "exclude",
    rounding: config.rounding ?? {},
    groups,
    indicators,
    bonusCap: config.adjustments?.bonus?.cap === undefined ? undefined : dec(config.adjustments.bonus.cap),
    deductionCap: config.adjustments?.deduction?.cap === undefined ? undefined : dec(config.adjustments.deduction.cap),
    vetoes: new Map(
      (config.vetoes ?? []).map((v) => [v.id, { id: v.id, name: v.name, effect: v.effect, cap: v.cap === undefined ? undefined : dec(v.cap) }]),
    ),
  };
}

/**
 * Validates a scheme configuration and compiles it once, so that it can score many subjects.
 * Checks the structure, every method's parameters, unique ids, and that points add up.
 *
 * It takes a {@link SchemeConfig} written in code, and a scheme imported from a `.json` file as
 * TypeScript types it ({@link SchemeJson}: `"mode": "half-up"` typed as `string`); either way every
 * option is checked when it runs. A literal option that is not allowed (`mode: "half_up"`) is
 * still a compile error.
 *
 * @param config - the scheme, as JSON or as an object (a `custom` method is allowed in code).
 * @returns the frozen scheme.
 * @throws {@link JixiaoError} listing every issue, each with its path.
 * @example
 * ```ts
 * const scheme = defineScheme({
 *   id: "demo", full: 10,
 *   groups: [{ id: "g", points: 10, indicators: [
 *     { id: "rate", points: 10, method: { type: "completion", target: 100 } }] }],
 * });
 * scheme.id;
 * //=> "demo"
 * ```
 */
export function defineScheme(config: SchemeConfig): Scheme;
export function defineScheme<const T extends SchemeJson>(config: T & JsonChecked<T, SchemeConfig>): Scheme;
export function defineScheme(config: SchemeConfig | SchemeJson): Scheme {
  if (config !== null && typeof config === "object" && compiled.has(config)) return config as Scheme;
  // Validation decides what the scheme is, whatever its static type said.
  const parsed = parseWith(schemeSchema, config, "Scheme is not valid") as SchemeConfig;
  const scheme = compile(parsed);
  const frozen = deepFreeze(parsed) as Scheme;
  compiled.set(frozen, scheme);
  return made("scheme", frozen);
}

/**
 * {@link defineScheme} without throwing: the scheme, or every issue found. Takes what
 * {@link defineScheme} takes, a scheme imported from a `.json` file included.
 * @param config - the scheme configuration.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineScheme({ id: "x", full: 100, groups: [] }).success;
 * //=> false
 * ```
 */
export function safeDefineScheme(config: SchemeConfig): SafeResult<Scheme>;
export function safeDefineScheme<const T extends SchemeJson>(config: T & JsonChecked<T, SchemeConfig>): SafeResult<Scheme>;
export function safeDefineScheme(config: SchemeConfig | SchemeJson): SafeResult<Scheme> {
  return safely(() => defineScheme(config as SchemeConfig));
}

/** The compiled form of a scheme, defining it first when given a plain configuration. @internal */
export function compiledScheme(scheme: Scheme | SchemeConfig): CompiledScheme {
  return compiled.get(defineScheme(scheme))!;
}
