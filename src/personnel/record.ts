import { snapshot } from "../core/snapshot.js";
import { z } from "../core/z.js";
import { IssueCode, JixiaoError, issue, type Issue } from "../core/errors.js";
import { toDec } from "../core/decimal.js";
import { exactAgrees } from "../core/exact.js";
import { addIssue, decimal, idSchema, isId, isPlainObject, parseWith, parseCopy } from "../core/validate.js";
import { dayText, resultDay, spanOf, type PeriodKey } from "../periods/period.js";
import type { LedgerEntry } from "./ledger.js";
import { pointsText } from "./points.js";

/** Options for {@link resultEntries}. */
export interface ResultEntriesOptions {
  /** The period the results are for (`2024-07`); the entries are dated on {@link periodDate}: its last day, or a week's Thursday. */
  readonly period: PeriodKey;
  /** The account component they go to (`everyday`, `routine` …). */
  readonly component: string;
  /** Where they come from (月度考核, the scheme's id …). */
  readonly source: string;
}

/** A result to record: a {@link ScoreResult}, or any record with a subject id and a total. */
export interface RecordableResult {
  /** The person. */
  readonly subjectId: string;
  /** The score: a number or decimal text. */
  readonly total: number | string;
  /** The score as exact decimal text, where `total` is a number that may hold fewer digits (a {@link ScoreResult}'s `exact`): recorded instead; it must agree with `total`. */
  readonly exact?: string;
  /** The scheme that made it, kept as the entry's reference. */
  readonly schemeId?: string;
}

const optionsSchema = z.strictObject({ period: z.string().max(20), component: idSchema, source: z.string().min(1).max(200) });
const MAX_RESULTS = 2_000_000;
const resultsSchema = z
  .array(
    z
      .object({ subjectId: idSchema, total: decimal(), exact: z.string().max(100).optional(), schemeId: z.string().max(200).optional() })
      .superRefine((r, ctx) => {
        // A text total is exact itself: an exact text beside it must be the same decimal.
        if (typeof r.total === "number") return exactAgrees("total")(r as { total: number; exact?: string }, ctx);
        const d = toDec(r.total);
        if (r.exact !== undefined && d !== undefined && !toDec(r.exact)?.eq(d)) addIssue(ctx, IssueCode.invalidValue, { key: "exactText", exact: r.exact.slice(0, 60), value: r.total.slice(0, 60) }, ["exact"]);
      }),
  )
  .max(MAX_RESULTS);

/**
 * The results as the schema would read them, when every one is plainly valid (a plain object with a
 * valid id, a number total within ±10^15 and no schemeId or a short one), each field read once;
 * `undefined` for anything else, which the schema then checks and reports.
 */
function plainResults(input: unknown): RecordableResult[] | undefined {
  if (!Array.isArray(input) || input.length > MAX_RESULTS) return undefined;
  const out: RecordableResult[] = [];
  for (const r of input as unknown[]) {
    if (!isPlainObject(r)) return undefined;
    const { subjectId, total, exact, schemeId } = r;
    if (!isId(subjectId) || typeof total !== "number" || !(Math.abs(total) <= 1e15)) return undefined;
    // An exact text is the number's own shortest text (a total within ±10^15 has 15 digits at most, as a rule): nothing more to record.
    if (exact !== undefined && exact !== String(total)) return undefined;
    if (schemeId === undefined) out.push({ subjectId, total });
    else if (typeof schemeId === "string" && schemeId.length <= 200) out.push({ subjectId, total, schemeId });
    else return undefined;
  }
  return out;
}

/**
 * Turns a period's scores (R10, R15: a month's everyday performance, assessed at its end) into
 * growth-account entries, one per person, dated on the period's last day — a week's on its
 * Thursday, so that it counts in the month, quarter and year the week belongs to ({@link periodDate}) — with ids
 * `<component>/<period>/<person>` so that recording the same period twice is refused by the ledger.
 * @param results - the scores (from {@link scoreAll}, or any `{ subjectId, total }`).
 * @param options - the period, the component and the source.
 * @returns the entries, in the order of `results`, ready for {@link appendEntries}.
 * @throws {@link JixiaoError} when the options or a result are not valid, or a person appears twice.
 * @example
 * ```ts
 * resultEntries([{ subjectId: "c001", total: 90.55 }], { period: "2024-07", component: "everyday", source: "月度考核" });
 * //=> [{ id: "everyday/2024-07/c001", person: "c001", date: "2024-07-31", component: "everyday", points: "90.55", source: "月度考核" }]
 * ```
 */
export function resultEntries(results: readonly RecordableResult[], options: ResultEntriesOptions): LedgerEntry[] {
  const o = parseWith(optionsSchema, options, "Options are not valid", ["options"]);
  const span = spanOf(o.period, ["options", "period"]);
  const given = snapshot(results, ["results"], "Results are not valid");
  const list = plainResults(given) ?? parseCopy(resultsSchema, given, "Results are not valid", ["results"]);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const date = dayText(resultDay(span));
  const entries = list.map((r, i): LedgerEntry => {
    if (seen.has(r.subjectId)) issues.push(issue(IssueCode.duplicateId, ["results", i, "subjectId"], { key: "recordResultRepeated", id: r.subjectId }));
    seen.add(r.subjectId);
    return {
      id: `${o.component}/${span.key}/${r.subjectId}`,
      person: r.subjectId,
      date,
      component: o.component,
      points: pointsText(r.exact ?? r.total),
      source: o.source,
      ...(r.schemeId !== undefined ? { reference: r.schemeId } : {}),
    };
  });
  if (issues.length > 0) throw new JixiaoError(issues, "The results cannot be recorded");
  return entries;
}
