import { formatIssue, type Issue } from "../core/errors.js";
import { TOTAL_NOTES, type TotalNote } from "../messages/cli.js";
import { WORDING, type Locale, type Message } from "../messages/types.js";
import type { ScoreResult } from "../scoring/result.js";

/*
 * The same functions, with the same words, as src/tables/notes.ts of the sheets' branch (the note
 * column of the sheets and the CLI): when both are merged, the CLI imports them from
 * ../tables/index.js and this file and TOTAL_NOTES in ../messages/cli.ts go.
 */

export type { TotalNote } from "../messages/cli.js";

/**
 * Why a result's total is not the plain sum of its indicators' points, as data, in the order the
 * engine applied them: the conversion over the applicable points (不适用折算), the bonus and the
 * deductions (加减分), each veto (否决项, by its name), the floor at 0. Empty when the total is the
 * plain sum. Read from the result's trace (its steps' rules and values, never words).
 *
 * @example
 * ```ts
 * totalNotes(score(county361Example, { ...c001, vetoes: ["discipline"] }));
 * //=> [{ kind: "bonus", requested: "1", applied: "1" }, { kind: "veto", veto: "违纪违法", effect: "zero" }]
 * ```
 * @internal
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
 * Words one {@link TotalNote} in Chinese (the default) or English.
 * @example
 * ```ts
 * formatTotalNote({ kind: "veto", veto: "违纪违法", effect: "zero" });
 * //=> "否决项「违纪违法」：总分记 0"
 * ```
 * @internal
 */
export function formatTotalNote(note: TotalNote, locale: Locale = "zh-CN"): string {
  const lang = locale === "en" ? "en" : "zh-CN";
  const m = TOTAL_NOTES[note.kind] as Message<TotalNote>;
  return m[lang](note, WORDING[lang]);
}

/**
 * The warnings of a score result (a value implausible for its indicator's declared unit, say), or
 * none: `ScoreResult.warnings` where the engine gives them.
 * @example
 * ```ts
 * warningsOf(score(county361Example, c001)).length;
 * //=> 0
 * ```
 * @internal
 */
export function warningsOf(result: ScoreResult): readonly Issue[] {
  const w = (result as { readonly warnings?: unknown }).warnings;
  return Array.isArray(w) ? (w as readonly Issue[]) : [];
}

/**
 * Everything a reader of a result's row should know in one text: why the total is not the plain
 * sum, then the result's warnings, worded by `formatIssue`. Separated by `；` in Chinese and `; `
 * in English; `""` for a plain row. The note column of the CLI's tables.
 * @example
 * ```ts
 * rowNote(score(county361Example, c001), "en");
 * //=> "bonus 1"
 * ```
 * @internal
 */
export function rowNote(result: ScoreResult, locale: Locale = "zh-CN", path?: (path: Issue["path"]) => string): string {
  const parts = [
    ...totalNotes(result).map((n) => formatTotalNote(n, locale)),
    ...warningsOf(result).map((i) => formatIssue(i, { locale, ...(path ? { path } : {}) })),
  ];
  return parts.join(locale === "en" ? "; " : "；");
}
