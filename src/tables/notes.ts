import { formatIssue, type Issue } from "../core/errors.js";
import { TOTAL_NOTES, type TotalNote } from "../messages/tables.js";
import { WORDING, type Locale, type Message } from "../messages/types.js";
import type { ScoreResult } from "../scoring/result.js";

export type { TotalNote } from "../messages/tables.js";

/**
 * Why a result's total is not the plain sum of its indicators' points, as data, in the order the
 * engine applied them: the conversion over the applicable points (不适用折算), the bonus and the
 * deductions (加减分), each veto (否决项, by its name), the floor at 0. Empty when the total is the
 * plain sum. Read from the result's trace, so the numbers are the engine's exact decimals.
 *
 * @param result - a score result.
 * @returns the notes, possibly none.
 * @example
 * ```ts
 * totalNotes(score(scheme, { id: "c1", values: { a: 10, b: null } }));
 * //=> [{ kind: "conversion", earned: "10", applicable: "50", full: "100", result: "20" }]
 * ```
 */
export function totalNotes(result: ScoreResult): TotalNote[] {
  const notes: TotalNote[] = [];
  const trace = Array.isArray(result.trace) ? result.trace : [];
  const names = new Map((result.vetoes ?? []).map((v) => [v.id, v.name ?? v.id]));
  for (const step of trace) {
    const v = step.values;
    if (step.at === "total" && step.rule === "convert")
      notes.push({ kind: "conversion", earned: v.earned ?? "", applicable: v.applicablePoints ?? "", full: v.full ?? "", result: step.result });
    else if ((step.at === "bonus" || step.at === "deduction") && step.rule === "adjust")
      notes.push({ kind: step.at === "bonus" ? "bonus" : "deductions", requested: v.requested ?? step.result, applied: step.result });
    else if (step.at.startsWith("veto:") && step.rule === "veto") {
      const id = step.at.slice(5);
      const effect = v.effect === "cap" || v.effect === "flag" ? v.effect : "zero";
      notes.push({ kind: "veto", veto: names.get(id) ?? id, effect, ...(v.cap !== undefined ? { cap: v.cap } : {}) });
    } else if (step.at === "total" && step.rule === "clamp") notes.push({ kind: "floor", value: v.value ?? "" });
  }
  return notes;
}

/**
 * Words one {@link TotalNote} in Chinese (the default) or English. A conversion result that does
 * not end is written to six places (`= 55.166666…`), as the explanations write it; the note keeps
 * it exact.
 * @param note - a note of {@link totalNotes}.
 * @param locale - `"zh-CN"` (default) or `"en"`.
 * @returns the note as a short phrase.
 * @example
 * ```ts
 * formatTotalNote({ kind: "veto", veto: "违纪违法", effect: "zero" });
 * //=> "否决项「违纪违法」：总分记 0"
 * formatTotalNote({ kind: "bonus", requested: "3", applied: "2" }, "en");
 * //=> "bonus 3, capped at 2"
 * formatTotalNote({ kind: "conversion", earned: "33.1", applicable: "60", full: "100", result: "55.16666666666666666666666666666666666667" });
 * //=> "不适用折算：实得分 33.1 ÷ 应得分 60 × 满分 100 = 55.166666…"
 * ```
 */
export function formatTotalNote(note: TotalNote, locale: Locale = "zh-CN"): string {
  const lang = locale === "en" ? "en" : "zh-CN";
  const m = TOTAL_NOTES[note.kind] as Message<TotalNote>;
  return m[lang](note, WORDING[lang]);
}

/**
 * The warnings of a score result (a value implausible for its indicator's declared unit, say), or
 * none: `ScoreResult.warnings` where the engine gives them.
 * @param result - a score result.
 * @returns its warnings as issues.
 * @example
 * ```ts
 * warningsOf(score(scheme, subject)).length;
 * //=> 0
 * ```
 */
export function warningsOf(result: ScoreResult): readonly Issue[] {
  const w = (result as { readonly warnings?: unknown }).warnings;
  return Array.isArray(w) ? (w as readonly Issue[]) : [];
}

/**
 * Everything a reader of a result's row should know in one text: why the total is not the plain
 * sum ({@link totalNotes}), then the result's warnings, worded by `formatIssue`. Separated by `；`
 * in Chinese and `; ` in English; `""` for a plain row. The note column of the sheets and the CLI.
 *
 * @param result - a score result.
 * @param locale - `"zh-CN"` (default) or `"en"`.
 * @param path - writes a warning's path for the reader (a sheet's column, say); by default as `formatIssue` does.
 * @returns the note text.
 * @example
 * ```ts
 * rowNote(vetoed);
 * //=> "否决项「违纪违法」：总分记 0"
 * ```
 */
export function rowNote(result: ScoreResult, locale: Locale = "zh-CN", path?: (path: Issue["path"]) => string): string {
  const parts = [
    ...totalNotes(result).map((n) => formatTotalNote(n, locale)),
    ...warningsOf(result).map((i) => formatIssue(i, { locale, ...(path ? { path } : {}) })),
  ];
  return parts.join(locale === "en" ? "; " : "；");
}
