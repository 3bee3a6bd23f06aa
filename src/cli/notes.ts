import type { TraceStep } from "../core/trace.js";
import type { Locale } from "../messages/types.js";
import type { ScoreResult } from "../scoring/result.js";
import { say, type Text } from "./words.js";

/**
 * Why a total is not the plain sum of its groups, as data: a veto that zeroed or capped it (by the
 * veto's name), the not-applicable conversion (实得分 ÷ 应得分 × 满分), bonus and deductions, a
 * total below 0 counted as 0, or the total's own rounding (noted only when nothing else is).
 * @internal
 */
export type TotalNote =
  | { readonly kind: "veto"; readonly name: string; readonly effect: "zero" | "cap"; readonly cap: string }
  | { readonly kind: "conversion"; readonly earned: string; readonly applicable: string; readonly full: string }
  | { readonly kind: "adjust"; readonly bonus: string; readonly deductions: string }
  | { readonly kind: "clamp" }
  | { readonly kind: "round"; readonly decimals: string };

const isTotalStep = (s: TraceStep, rule: string) => s !== null && typeof s === "object" && s.at === "total" && s.rule === rule;

/**
 * The notes of one score result, in the order the engine applied them, read from its trace (the
 * steps' rules and values, never their words). A total that is the plain sum has none.
 * @example
 * ```ts
 * totalNotes(score(county361Example, { ...c001, vetoes: ["discipline"] }));
 * //=> [{ kind: "adjust", bonus: "1", deductions: "0" }, { kind: "veto", name: "违纪违法", effect: "zero", cap: "" }]
 * ```
 * @internal
 */
export function totalNotes(result: ScoreResult): TotalNote[] {
  const notes: TotalNote[] = [];
  const names = new Map(result.vetoes.map((v) => [`veto:${v.id}`, v.name ?? v.id]));
  for (const s of result.trace) {
    if (s === null || typeof s !== "object") continue;
    const v = s.values ?? {};
    if (isTotalStep(s, "convert") && s.result !== v.earned) notes.push({ kind: "conversion", earned: v.earned ?? "", applicable: v.applicablePoints ?? "", full: v.full ?? "" });
    else if (isTotalStep(s, "adjust") && (v.bonus !== "0" || v.deduction !== "0")) notes.push({ kind: "adjust", bonus: v.bonus ?? "0", deductions: v.deduction ?? "0" });
    else if (s.rule === "veto" && names.has(s.at) && (v.effect === "zero" || v.effect === "cap") && s.result !== v.before)
      notes.push({ kind: "veto", name: names.get(s.at)!, effect: v.effect, cap: v.cap ?? "" });
    else if (isTotalStep(s, "clamp")) notes.push({ kind: "clamp" });
    else if (isTotalStep(s, "round") && s.result !== v.value) notes.push({ kind: "round", decimals: v.decimals ?? "" });
  }
  // The total's rounding is worth a note only when nothing else explains the difference.
  return notes.length > 1 ? notes.filter((n) => n.kind !== "round") : notes;
}

const TEXT: { readonly [K in TotalNote["kind"]]: (note: Extract<TotalNote, { kind: K }>) => Text } = {
  veto: (n) => ({ key: "noteVeto", name: n.name, effect: n.effect, cap: n.cap }),
  conversion: (n) => ({ key: "noteConversion", earned: n.earned, applicable: n.applicable, full: n.full }),
  adjust: (n) => ({ key: "noteAdjust", bonus: n.bonus, deductions: n.deductions }),
  clamp: () => ({ key: "noteClamp" }),
  round: (n) => ({ key: "noteRound", decimals: n.decimals }),
};

/**
 * The notes of a result in words, joined for one cell: `否决：违纪违法（总分归零）`,
 * `不适用折算：33.1 ÷ 60 × 100`, `加减分：加 1` …; empty for a plain sum.
 * @example
 * ```ts
 * noteText(score(county361Example, c001), "en");
 * //=> "bonus/deductions: +1"
 * ```
 * @internal
 */
export function noteText(result: ScoreResult, locale: Locale): string {
  return totalNotes(result)
    .map((n) => say(locale, (TEXT[n.kind] as (note: TotalNote) => Text)(n)))
    .join(say(locale, { key: "noteJoin" }));
}
