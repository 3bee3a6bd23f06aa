import { expect } from "vitest";
import { defineScheme, safeScoreAll, safeScoreTotals, type Issue, type Scheme, type SchemeConfig, type ScoreOptions, type ScoreResult, type SubjectInput } from "../../src/index.js";
import { compiledScheme } from "../../src/scheme/define.js";
import { compileFast, fastTotals, type FastScheme } from "../../src/scoring/fast.js";

// The fast path's tests check two things: that it gives exactly the full path's totals, and that
// it actually takes the subjects it is meant to take (a subject it leaves to the full path still
// gets the right total, only slower — so without the second check a fast path that gave up on
// everything would pass). Below them, shapes that more than one scoring test file uses.

/** The fast scheme of a scheme, or `undefined` when the scheme is beyond the fast path. */
export const fastOf = (scheme: Scheme | SchemeConfig): FastScheme | undefined => {
  const s = defineScheme(scheme);
  return compileFast(s, compiledScheme(s));
};

/** The fast path's totals as a list: `undefined` where it leaves a subject to the full path (all of them when the batch falls back). */
export function fastList(scheme: Scheme | SchemeConfig, subjects: readonly unknown[], options: ScoreOptions = {}): (number | undefined)[] {
  const f = fastOf(scheme);
  if (!f) return subjects.map(() => undefined);
  const fast = fastTotals(f, subjects, options);
  return [...fast.totals].map((t) => (fast.rankFallback || Number.isNaN(t) ? undefined : t));
}

/** The totals scoreAll gives, in the subjects' order, or its issues. */
function byScoreAll(scheme: Scheme | SchemeConfig, subjects: readonly SubjectInput[], options?: ScoreOptions) {
  const all = safeScoreAll(scheme, subjects, options);
  if (!all.success) return all;
  const byId = new Map(all.output.map((r) => [r.subjectId, r.total]));
  return { success: true as const, output: subjects.map((s) => byId.get(s.id)) };
}

/** The warnings the fast path itself gives each subject (`undefined` for none), in the subjects' order. */
export function fastWarnings(scheme: Scheme | SchemeConfig, subjects: readonly unknown[], options: ScoreOptions = {}): (readonly Issue[] | undefined)[] {
  const f = fastOf(scheme);
  if (!f) return subjects.map(() => undefined);
  const fast = fastTotals(f, subjects, options);
  return subjects.map((_, i) => fast.warnings?.get(i));
}

/**
 * Checks that the fast path scores every subject itself, with exactly scoreAll's totals and
 * warnings, and that scoreTotals gives the same. Returns the totals.
 */
export function expectFast(scheme: Scheme | SchemeConfig, subjects: readonly SubjectInput[], options?: ScoreOptions): number[] {
  const all = safeScoreAll(scheme, subjects, options);
  expect(all.success).toBe(true);
  const results = (all as { output: ScoreResult[] }).output;
  const byId = new Map(results.map((r) => [r.subjectId, r]));
  const totals = subjects.map((s) => byId.get(s.id)!.total);
  expect(fastList(scheme, subjects, options)).toEqual(totals);
  expect(fastWarnings(scheme, subjects, options)).toEqual(subjects.map((s) => byId.get(s.id)!.warnings));
  expect(safeScoreTotals(scheme, subjects, options)).toEqual({ success: true, output: results.map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) })) });
  return totals;
}

/**
 * Checks that the fast path leaves the subjects at `left` (indexes; all when left out) to the full
 * path and scores the others itself, and that scoreTotals gives exactly what scoreAll gives (the
 * same totals, or the same issues).
 */
export function expectLeft(scheme: Scheme | SchemeConfig, subjects: readonly SubjectInput[], left?: readonly number[], options?: ScoreOptions): void {
  const fast = fastList(scheme, subjects, options);
  const all = byScoreAll(scheme, subjects, options);
  subjects.forEach((_, i) => {
    if (left === undefined || left.includes(i)) expect(fast[i], `subject ${i} is left to the full path`).toBeUndefined();
    else expect(fast[i], `subject ${i} is scored on the fast path`).toBe(all.success ? all.output[i] : fast[i]);
  });
  const viaAll = safeScoreAll(scheme, subjects, options);
  const viaTotals = safeScoreTotals(scheme, subjects, options);
  expect(viaTotals).toEqual(viaAll.success ? { success: true, output: viaAll.output.map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) })) } : viaAll);
}

/** x (6 points) and y (4 points), both scored directly, in one group. */
export const two = (extra: Partial<SchemeConfig> = {}): SchemeConfig => ({
  id: "s",
  full: 10,
  groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 6, method: { type: "direct" } }, { id: "y", points: 4, method: { type: "direct" } }] }],
  ...extra,
});

/** {@link two} with a veto of each effect: `zero`, `cap` (at 5) and `flag`. */
export const twoWithVetoes: SchemeConfig = two({ vetoes: [{ id: "zero", effect: "zero" }, { id: "cap", effect: "cap", cap: 5 }, { id: "flag", effect: "flag" }] });

/** The issues of a call as [code, path, message], or [] when it succeeds. */
export const issuesOf = (result: { success: true } | { success: false; issues: readonly Issue[] }) => (result.success ? [] : result.issues.map((i) => [i.code, i.path, i.message]));
