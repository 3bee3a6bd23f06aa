import { snapshot } from "../core/snapshot.js";
import { safely, type Issue, type SafeResult } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { compiledScheme, defineScheme, type Scheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import { evaluate } from "./evaluate.js";
import { compileFast, FAST_SCALE, fastTotals, type FastScheme } from "./fast.js";
import { Dec } from "../core/decimal.js";
import { numberText } from "../core/exact.js";
import type { MethodOutcome } from "../methods/types.js";
import type { ScoreOptions } from "./result.js";
import { MAX_BATCH, scoreAll, scoreOptionsSchema } from "./score.js";
import { subjectSchema, type SubjectInput } from "./subject.js";
import { unitPlans } from "./unit.js";
import { byText } from "../core/order.js";

/** A subject's total, without the rest of its result. */
export interface SubjectTotal {
  /** The subject's id. */
  readonly subjectId: string;
  /** The total, exactly as {@link scoreAll} gives it. */
  readonly total: number;
  /** The total as exact decimal text, as {@link scoreAll} gives it: every digit, where `total` may hold fewer. */
  readonly exact: string;
  /**
   * Values that look like they are in another unit, exactly as {@link scoreAll}'s result gives
   * them (`implausible_value` issues at `["values", <indicator id>]`); present only when there is one.
   */
  readonly warnings?: readonly Issue[];
}

/** A result's total, its exact text and its warnings. */
const totalOf = (r: SubjectTotal): SubjectTotal => ({
  subjectId: r.subjectId,
  total: r.total,
  exact: r.exact,
  ...(r.warnings ? { warnings: r.warnings } : {}),
});

/** Decimals of the fast path's scale: a fast value counts 10^-8 points. */
const FAST_DECIMALS = Math.round(Math.log10(FAST_SCALE));

/** The largest batch `scoreTotals` copies before scoring (see there). */
const COPIED_BATCH = 1_000;

const fastSchemes = new WeakMap<object, FastScheme | null>();

function fastOf(scheme: Scheme): FastScheme | undefined {
  let f = fastSchemes.get(scheme);
  if (f === undefined) {
    f = compileFast(scheme, compiledScheme(scheme)) ?? null;
    fastSchemes.set(scheme, f);
  }
  return f ?? undefined;
}

/**
 * Scores a batch for its totals only — for recomputing a province when a rule changes, or trying
 * "what if" across many cadres. The totals, and the warnings of values implausible for their
 * indicators' units, are exactly those of {@link scoreAll}: each subject is
 * scored in exact integer arithmetic where every number fits (values with up to 6 decimals, the
 * usual case), and by the full decimal path otherwise; no trace is built. Use {@link score} or
 * {@link scoreAll} for a subject's explanation.
 *
 * @param scheme - a scheme from {@link defineScheme} (a plain configuration is defined first).
 * @param subjects - the subjects; ids must be unique.
 * @param options - what a missing value means.
 * @returns each subject's total, sorted by subject id.
 * @throws {@link JixiaoError} listing every problem of every subject, as {@link scoreAll} does.
 * @example
 * ```ts
 * scoreTotals(defineScheme(county361Example), [
 *   { id: "c001", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 },
 *     bonus: [{ points: 1, reason: "创新" }] },
 * ]);
 * //=> [{ subjectId: "c001", total: 86.3, exact: "86.3" }]
 * ```
 */
export function scoreTotals(scheme: Scheme | SchemeConfig, subjects: readonly SubjectInput[], options?: ScoreOptions): SubjectTotal[] {
  const defined = defineScheme(scheme);
  const opts = parseWith(scoreOptionsSchema, options, "Score options are not valid", ["options"]) ?? {};
  const f = fastOf(defined);
  // A batch of up to COPIED_BATCH subjects is copied first (a small cost there), so it is read once
  // whichever path scores it. A larger one is read by the fast path itself, each field once; a
  // batch it cannot take is read again by the full path, into its copy, and scored from that alone.
  let small = true;
  try {
    small = !Array.isArray(subjects) || subjects.length <= COPIED_BATCH;
  } catch {
    // A length that cannot be read: the copy reports it.
  }
  const batch = small ? (snapshot(subjects, [], "Subjects are not valid") as readonly SubjectInput[]) : subjects;
  const all = () => scoreAll(defined, batch, opts).map(totalOf);
  if (!f || !Array.isArray(batch) || batch.length > MAX_BATCH) return all();
  let fast: ReturnType<typeof fastTotals>;
  try {
    fast = fastTotals(f, batch, opts);
  } catch {
    // Something unusual in the input (a getter that throws, say): the full path reports it.
    return all();
  }
  if (fast.rankFallback) return all();
  const s = compiledScheme(defined);
  const units = unitPlans(defined);
  // A fast total is a whole count n of 10^-d (d: the total's rounding decimals, else the scale's),
  // given as the number nearest to n ÷ 10^d. Below 2^50 ÷ 10^d the numbers are less than half of
  // 10^-d apart, so n ÷ 10^d is the one decimal of at most d places that reads as the number: its
  // shortest text, which is what numberText writes.
  const textBelow = 2 ** 50 / 10 ** (s.rounding.total?.decimals ?? FAST_DECIMALS);
  const issues: Issue[] = [];
  const out: SubjectTotal[] = [];
  for (let i = 0; i < fast.totals.length && issues.length === 0; i++) {
    let id = fast.ids[i]!;
    let total: number | undefined = fast.totals[i]!;
    let exact: string | undefined;
    let warnings = fast.warnings?.get(i);
    // A total too large for its text to be read back from the number takes the full path, as NaN does.
    if (total < textBelow) exact = numberText(total);
    else {
      // A subject the fast path left: read into its copy, and scored from the copy alone.
      const parsed = safely(() => parseWith(subjectSchema, fast.subjects[i], "Subject is not valid", [i]) as SubjectInput);
      if (!parsed.success) return all();
      id = parsed.output.id;
      // Rank indicators: the places the fast path found across the whole batch.
      const batch = new Map<string, MethodOutcome>();
      for (const [indicator, earned] of fast.ranks) {
        const e = earned[i]!;
        if (!Number.isNaN(e)) batch.set(indicator, { fraction: null, earned: new Dec(e).div(FAST_SCALE), values: { rank: "batch" } });
      }
      const result = evaluate(s, units, parsed.output, opts, batch, [i], issues);
      total = result?.total;
      exact = result?.exact;
      warnings = result?.warnings;
    }
    if (total !== undefined && exact !== undefined) out.push({ subjectId: id, total, exact, ...(warnings ? { warnings } : {}) });
  }
  // Any problem: scoreAll reports every issue of the batch, exactly as it would have.
  if (issues.length > 0) return all();
  // Sorted by id, as scoreAll sorts; a batch given in id order (the usual case) is left as it is.
  for (let k = 1; k < out.length; k++)
    if (out[k - 1]!.subjectId > out[k]!.subjectId) {
      out.sort((a, b) => byText(a.subjectId, b.subjectId));
      break;
    }
  // A repeated id is next to its twin now: scoreAll reports it.
  for (let k = 1; k < out.length; k++) if (out[k - 1]!.subjectId === out[k]!.subjectId) return all();
  return out;
}

/**
 * {@link scoreTotals} without throwing.
 * @param scheme - the scheme.
 * @param subjects - the subjects.
 * @param options - what a missing value means.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeScoreTotals(scheme, [{ id: "a", values: {} }]).success;
 * //=> false
 * ```
 */
export function safeScoreTotals(scheme: Scheme | SchemeConfig, subjects: readonly SubjectInput[], options?: ScoreOptions): SafeResult<SubjectTotal[]> {
  return safely(() => scoreTotals(scheme, subjects, options));
}
