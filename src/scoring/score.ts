import { z } from "../core/z.js";
import type { Dec } from "../core/decimal.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import type { MethodOutcome } from "../methods/types.js";
import { compiledScheme, defineScheme, type CompiledScheme, type Scheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import { evaluate, isNotApplicable } from "./evaluate.js";
import type { ScoreOptions, ScoreResult } from "./result.js";
import { subjectSchema, type SubjectInput } from "./subject.js";
import { unitPlans } from "./unit.js";
import { byText } from "../core/order.js";

/** The largest batch `scoreAll` takes in one call. */
export const MAX_BATCH = 2_000_000;

/** The schema of {@link ScoreOptions}. @internal */
export const scoreOptionsSchema = z.strictObject({ missing: z.enum(["error", "not-applicable", "zero"]).optional() }).optional();

/**
 * Scores one subject against a scheme: every indicator by its method, the groups, the conversion
 * over applicable points, the bonus and deduction lists, the vetoes and the rounding, with a trace
 * of every step.
 *
 * @param scheme - a scheme from {@link defineScheme} (a plain configuration is defined first).
 * @param subject - the subject's id and values by indicator id.
 * @param options - what a missing value means.
 * @returns the result with its trace.
 * @throws {@link JixiaoError} listing every problem with the scheme, the subject or its values.
 * @example
 * ```ts
 * const scheme = defineScheme({ id: "q", full: 10, groups: [{ id: "g", points: 10, indicators: [
 *   { id: "rate", points: 10, method: { type: "completion", target: 100 } }] }] });
 * score(scheme, { id: "c001", values: { rate: 96.5 } }).total;
 * //=> 9.65
 * ```
 */
export function score(scheme: Scheme | SchemeConfig, subject: SubjectInput, options?: ScoreOptions): ScoreResult {
  const defined = defineScheme(scheme);
  const s = compiledScheme(defined);
  const opts = parseWith(scoreOptionsSchema, options, "Score options are not valid", ["options"]) ?? {};
  const parsed = parseWith(subjectSchema, subject, "Subject is not valid") as SubjectInput;
  const issues: Issue[] = [];
  const result = evaluate(s, unitPlans(defined), parsed, opts, undefined, [], issues);
  if (!result) throw new JixiaoError(issues, `Subject "${parsed.id}" cannot be scored`);
  return result;
}

/**
 * {@link score} without throwing: the result, or every issue found.
 * @param scheme - the scheme.
 * @param subject - the subject.
 * @param options - what a missing value means.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeScore(scheme, { id: "c001", values: { rate: "high" } }).success;
 * //=> false
 * ```
 */
export function safeScore(scheme: Scheme | SchemeConfig, subject: SubjectInput, options?: ScoreOptions): SafeResult<ScoreResult> {
  return safely(() => score(scheme, subject, options));
}

/** Scores the batch methods (rank) of a whole batch, peer group by peer group. */
function scoreBatchMethods(s: CompiledScheme, subjects: readonly SubjectInput[], issues: Issue[]): Map<string, MethodOutcome>[] {
  const out = subjects.map(() => new Map<string, MethodOutcome>());
  for (const ind of s.indicators.values()) {
    const method = ind.method;
    if (method.kind !== "batch") continue;
    const peers = new Map<string, { index: number; value: Dec }[]>();
    subjects.forEach((subject, index) => {
      if (!Object.prototype.hasOwnProperty.call(subject.values, ind.id)) return;
      const raw = subject.values[ind.id];
      if (isNotApplicable(raw)) return;
      const value = method.read(raw);
      if ("invalid" in value) return void issues.push(issue(value.invalid, [index, "values", ind.id], value.params));
      const key = subject.group ?? "";
      const list = peers.get(key) ?? [];
      list.push({ index, value });
      peers.set(key, list);
    });
    for (const list of peers.values()) {
      const outcomes = method.batch(list.map((e) => e.value), ind.points);
      list.forEach((e, i) => out[e.index]!.set(ind.id, outcomes[i]!));
    }
  }
  return out;
}

const subjectsSchema = z.array(subjectSchema).max(MAX_BATCH);

/**
 * Scores a batch of subjects against one scheme, including the `rank` method, which ranks each
 * subject among the peers of its `group`. The results come sorted by subject id, so the same
 * subjects give the same output whatever their order.
 *
 * @param scheme - a scheme from {@link defineScheme} (a plain configuration is defined first).
 * @param subjects - the subjects; ids must be unique.
 * @param options - what a missing value means.
 * @returns one result per subject, sorted by subject id.
 * @throws {@link JixiaoError} listing every problem of every subject, each path starting with the subject's index.
 * @example
 * ```ts
 * const ranked = defineScheme({ id: "r", full: 10, groups: [{ id: "g", points: 10, indicators: [
 *   { id: "cases", points: 10, method: { type: "rank", step: 1 } }] }] });
 * scoreAll(ranked, [{ id: "a", values: { cases: 30 } }, { id: "b", values: { cases: 41 } }]).map((r) => r.total);
 * //=> [9, 10]
 * ```
 */
export function scoreAll(scheme: Scheme | SchemeConfig, subjects: readonly SubjectInput[], options?: ScoreOptions): ScoreResult[] {
  const defined = defineScheme(scheme);
  const s = compiledScheme(defined);
  const units = unitPlans(defined);
  const opts = parseWith(scoreOptionsSchema, options, "Score options are not valid", ["options"]) ?? {};
  const parsed = parseWith(subjectsSchema, subjects, "Subjects are not valid") as SubjectInput[];
  const issues: Issue[] = [];
  const firstIndex = new Map<string, number>();
  parsed.forEach((subject, i) => {
    const seen = firstIndex.get(subject.id);
    if (seen === undefined) firstIndex.set(subject.id, i);
    else issues.push(issue(IssueCode.duplicateId, [i, "id"], { key: "scoringDuplicateSubject", id: subject.id, first: seen }));
  });
  const batch = scoreBatchMethods(s, parsed, issues);
  const results: ScoreResult[] = [];
  parsed.forEach((subject, i) => {
    const result = evaluate(s, units, subject, opts, batch[i], [i], issues);
    if (result) results.push(result);
  });
  if (issues.length > 0) throw new JixiaoError(issues, `${issues.length === 1 ? "A subject" : "Subjects"} cannot be scored`);
  return results.sort((a, b) => byText(a.subjectId, b.subjectId));
}

/**
 * {@link scoreAll} without throwing: the results, or every issue found.
 * @param scheme - the scheme.
 * @param subjects - the subjects.
 * @param options - what a missing value means.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeScoreAll(scheme, [{ id: "a", values: {} }]).success;
 * //=> false
 * ```
 */
export function safeScoreAll(scheme: Scheme | SchemeConfig, subjects: readonly SubjectInput[], options?: ScoreOptions): SafeResult<ScoreResult[]> {
  return safely(() => scoreAll(scheme, subjects, options));
}
