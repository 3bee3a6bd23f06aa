import { z } from "../core/z.js";
import { issue, IssueCode, JixiaoError, relocate } from "../core/errors.js";
import type { TraceStep } from "../core/trace.js";
import { parseWith } from "../core/validate.js";
import { exactAgrees } from "../core/exact.js";
import { defineScheme, type Scheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import type { ScoreResult } from "../scoring/result.js";
import { MESSAGES, type Locale } from "./messages.js";
import { shortDecimal } from "../messages/tables.js";

/** A renderer the messages define for `rule` itself, never one inherited from Object.prototype (a rule named "constructor" or "__proto__"). */
const own = <T>(table: Readonly<Record<string, T>>, rule: string): T | undefined => (Object.prototype.hasOwnProperty.call(table, rule) ? table[rule] : undefined);


function readable(step: TraceStep): TraceStep {
  const values: Record<string, string> = {};
  for (const key of Object.keys(step.values)) values[key] = shortDecimal(step.values[key]!);
  return { ...step, values, result: shortDecimal(step.result) };
}

/** Options for {@link explain}. */
export interface ExplainOptions {
  /** `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
  /**
   * The scheme the result was scored with: the first line then shows the scheme's name rather
   * than its id, and a name the result lacks is taken from it.
   */
  readonly scheme?: Scheme | SchemeConfig;
}

/** A number's exact text (results made before it was added have none: the number is shown then). */
const exactText = z.string().max(100).optional();
/** A number as the explanation shows it: its exact text where given (a long fraction shortened, as the trace's numbers are). */
const shownNumber = (n: number, exact: string | undefined): string => (exact === undefined ? String(n) : shortDecimal(exact));
const stepSchema = z.object({ at: z.string(), rule: z.string(), values: z.record(z.string(), z.string()), result: z.string() });
const resultSchema = z.object({
  schemeId: z.string(),
  subjectId: z.string(),
  name: z.string().optional(),
  total: z.number(),
  exact: exactText,
  full: z.number(),
  groups: z.array(
    z.object({ id: z.string(), name: z.string().optional(), points: z.number(), applicablePoints: z.number(), earned: z.number(), exact: exactText }).superRefine(exactAgrees("earned")),
  ),
  indicators: z.array(z.object({ id: z.string(), name: z.string().optional(), group: z.string(), points: z.number(), earned: z.number(), exact: exactText }).superRefine(exactAgrees("earned"))),
  vetoes: z.array(z.object({ id: z.string(), name: z.string().optional() })).optional(),
  flags: z.array(z.object({ id: z.string(), name: z.string().optional() })).optional(),
  trace: z.array(stepSchema),
}).superRefine(exactAgrees("total"));
const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional(), scheme: z.unknown().optional() }).optional();

/** The names a scheme gives its groups, indicators and vetoes, by `group:<id>`, `indicator:<id>` and `veto:<id>`. */
function schemeNames(scheme: Scheme): Map<string, string> {
  const names = new Map<string, string>();
  for (const g of scheme.groups) {
    if (g.name !== undefined) names.set(`group:${g.id}`, g.name);
    for (const i of g.indicators) if (i.name !== undefined) names.set(`indicator:${i.id}`, i.name);
  }
  for (const v of scheme.vetoes ?? []) if (v.name !== undefined) names.set(`veto:${v.id}`, v.name);
  return names;
}

/**
 * Renders a result's trace as text a cadre reads (R24): each group and indicator with its rule in
 * words and its numbers, the rounding, the conversion, the bonus and deductions, the vetoes and
 * the total. Groups, indicators, vetoes and flags are shown by their names (违纪违法, not
 * `discipline`); an id only where no name is given.
 *
 * @param result - a result from {@link score} or {@link scoreAll}.
 * @param options - the locale, `zh-CN` (default) or `en`; and the scheme, to show its name.
 * @returns the explanation, one line per step.
 * @throws {@link JixiaoError} when `result` is not a score result, or `options.scheme` is not the
 * scheme it was scored with.
 * @example
 * ```ts
 * explain(score(scheme, subject), { locale: "en" }).split("\n").at(-1);
 * //=> "Total 86.3 (full 100)"
 * ```
 */
export function explain(result: ScoreResult, options?: ExplainOptions): string {
  const r = parseWith(resultSchema, result, "Not a score result");
  const opts = parseWith(optionsSchema, options, "Explain options are not valid", ["options"]);
  const m = MESSAGES[opts?.locale ?? "zh-CN"];
  const scheme = opts?.scheme === undefined ? undefined : relocate((path) => ["options", "scheme", ...path], () => defineScheme(opts.scheme as SchemeConfig));
  if (scheme && scheme.id !== r.schemeId)
    throw new JixiaoError([issue(IssueCode.invalidInput, ["options", "scheme", "id"], { key: "explainOtherScheme", scheme: scheme.id, result: r.schemeId })], "Explain options are not valid");
  // Each name by where the trace puts it: the result's own first, then the scheme's.
  const names = scheme ? schemeNames(scheme) : new Map<string, string>();
  for (const g of r.groups) if (g.name !== undefined) names.set(`group:${g.id}`, g.name);
  for (const i of r.indicators) if (i.name !== undefined) names.set(`indicator:${i.id}`, i.name);
  for (const v of r.vetoes ?? []) if (v.name !== undefined) names.set(`veto:${v.id}`, v.name);
  const nameOf = (at: string) => names.get(at) ?? at.slice(at.indexOf(":") + 1);
  const flagName = (v: Readonly<Record<string, string>>) => v.name ?? v.id ?? "";
  const byAt = new Map<string, TraceStep[]>();
  const trace = r.trace.map(readable);
  for (const step of trace) {
    const list = byAt.get(step.at) ?? [];
    list.push(step);
    byAt.set(step.at, list);
  }
  const lines = [m.header(r.subjectId, r.name, scheme?.name ?? r.schemeId)];
  for (const g of r.groups) {
    lines.push(m.group(nameOf(`group:${g.id}`), shownNumber(g.earned, g.exact), String(g.points), String(g.applicablePoints)));
    for (const step of byAt.get(`group:${g.id}`) ?? []) if (step.rule === "round") lines.push(`  ${m.round(step.values, step.result)}`);
    for (const ind of r.indicators) {
      if (ind.group !== g.id) continue;
      const parts: string[] = [];
      for (const step of byAt.get(`indicator:${ind.id}`) ?? []) {
        if (step.rule === "not-applicable") parts.push(m.notApplicable(step.values));
        else if (step.rule === "round") {
          if (step.values.value !== step.result) parts.push(m.round(step.values, step.result));
        } else if (step.rule === "flag") parts.push(m.flag(flagName(step.values), step.values));
        else parts.push((own(m.method, step.rule) ?? ((_v, res) => `${step.rule} ${res}`))(step.values, step.result));
      }
      lines.push(`  ${m.indicator(nameOf(`indicator:${ind.id}`), shownNumber(ind.earned, ind.exact), String(ind.points))} — ${parts.join(m.separator)}`);
    }
  }
  for (const step of trace) {
    if (step.at.startsWith("indicator:") || step.at.startsWith("group:")) continue;
    const render =
      step.rule === "round"
        ? m.round
        : step.rule === "adjust" && step.at !== "total"
          ? step.at === "bonus"
            ? m.total.bonusAdjust
            : m.total.deductionAdjust
          : step.rule === "flag"
            ? (v: Readonly<Record<string, string>>) => m.flag(flagName(v), v)
            : step.rule === "veto"
              ? (v: Readonly<Record<string, string>>, res: string) => m.veto(nameOf(step.at), v, res)
              : own(m.total, step.rule);
    if (render) lines.push(render(step.values, step.result));
  }
  lines.push(m.final(shownNumber(r.total, r.exact), String(r.full)));
  return lines.join("\n");
}
