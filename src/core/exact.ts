import { text, toDec, toNumber } from "./decimal.js";
import { IssueCode } from "./errors.js";
import { addIssue } from "./validate.js";
import type { RefinementCtx } from "./z.js";

/*
 * The exact text beside a number. A result's numbers are the numbers nearest to its exact
 * decimals — the decimals themselves up to 15 significant digits — and each carries its decimal's
 * text as `exact` (a total of 18 digits, an unrounded quotient). What reads such numbers back
 * (ranking, tiers, explanations) reads the text, and checks that it agrees with the number.
 */

/**
 * The exact text of a score known only as a number: its shortest decimal text, without an exponent
 * (as `text` writes a decimal: 0.0000001, not 1e-7).
 * @example
 * numberText(86.3);
 * //=> "86.3"
 * numberText(1e-7);
 * //=> "0.0000001"
 * @internal
 */
export const numberText = (n: number): string => (n === 0 || Math.abs(n) >= 1e-6 ? String(n) : text(toDec(n)!));

/**
 * A result's number for a spreadsheet cell, with its exact decimal text: the number where it is
 * that decimal (the usual case: a number cell to compute with), else the text, so that a total of
 * more than 15 digits (100000000000000001) shows every digit rather than a rounded number.
 * @example
 * exactCell(86.3, "86.3");
 * //=> 86.3
 * exactCell(1e17, "100000000000000001");
 * //=> "100000000000000001"
 * @internal
 */
export const exactCell = (n: number, exact: string): number | string => (numberText(n) === exact ? n : exact);

/**
 * Whether decimal text is the exact text of a number: a decimal within ±10^18 whose nearest number is `n`.
 * @example
 * isExactOf("100000000000000001", 1e17);
 * //=> true
 * isExactOf("86.4", 86.3);
 * //=> false
 * @internal
 */
export function isExactOf(exact: string, n: number): boolean {
  const d = toDec(exact);
  return d !== undefined && toNumber(d) === n;
}

/**
 * A zod refinement of an object read back from a result: its `exact`, where given, must be the
 * exact text of its number `key` ({@link isExactOf}); else an `invalid_value` issue at `exact`.
 * A number beyond ±10^18 is left to its own check.
 * @example
 * z.object({ total: z.number(), exact: z.string().optional() }).superRefine(exactAgrees("total"));
 * @internal
 */
export function exactAgrees<K extends string>(key: K) {
  return (o: { readonly exact?: string | undefined } & { readonly [k in K]: number }, ctx: RefinementCtx): void => {
    const n = o[key];
    // A number beyond ±10^18 (or not finite) is the number's own check to report.
    if (typeof o.exact === "string" && typeof n === "number" && Math.abs(n) <= 1e18 && !isExactOf(o.exact, n))
      addIssue(ctx, IssueCode.invalidValue, { key: "exactText", exact: o.exact.slice(0, 60), value: String(n) }, ["exact"]);
  };
}
