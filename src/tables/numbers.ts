/**
 * The unit a value arrives in where a number is expected: `"percent"` when 96.5 means 96.5 %
 * (the number as written, the default), `"ratio"` when 0.965 means 96.5 % (a share, a fraction).
 */
export type NumberUnit = "percent" | "ratio";

/** A number as offices write it: a sign, digits with or without thousands separators, a fraction, a percent sign. */
const OFFICE_NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.(\d+))?\s*(%?)$/;

/** Strips leading zeros of the whole part and trailing zeros of the fraction: `007.50` → `7.5`. */
function tidy(sign: string, whole: string, fraction: string): string {
  const w = whole.replace(/^0+(?=\d)/, "") || "0";
  const f = fraction.replace(/0+$/, "");
  const body = f === "" ? w : `${w}.${f}`;
  return body === "0" ? "0" : `${sign === "-" ? "-" : ""}${body}`;
}

/**
 * Reads a number as offices write it, where a number is expected (an indicator's value, a total, a
 * score): `96.5`, `1,000` and `1,234,567.89` (thousands separators only in that pattern), `96.5%`
 * (full-width digits and `％` too). The result is exact decimal text — no binary floating point.
 * A percent text means that many percent: for a value in `ratio` unit `96.5%` is `0.965`, otherwise
 * `96.5`. Anything else (a grade, `1,23`, `12abc`) is not a number and gives `undefined`.
 *
 * @param text - a cell's text.
 * @param unit - the unit the value is expected in: `"percent"` (default) or `"ratio"`.
 * @returns the number as exact decimal text, or `undefined` when the text is not one.
 * @example
 * ```ts
 * readNumberText("96.5%");
 * //=> "96.5"
 * readNumberText("96.5%", "ratio");
 * //=> "0.965"
 * readNumberText("1,234,567.89");
 * //=> "1234567.89"
 * readNumberText("1,23");
 * //=> undefined
 * ```
 */
export function readNumberText(text: string, unit: NumberUnit = "percent"): string | undefined {
  if (typeof text !== "string" || text.length > 100) return undefined;
  const m = OFFICE_NUMBER.exec(text.normalize("NFKC").trim());
  if (!m) return undefined;
  const [, sign = "", grouped = "", fraction = "", percent] = m;
  const whole = grouped.replace(/,/g, "");
  if (percent !== "%" || unit !== "ratio") return tidy(sign, whole, fraction);
  // n% as a ratio: the decimal point two places to the left.
  const digits = `${whole.padStart(3, "0")}`;
  return tidy(sign, digits.slice(0, -2), `${digits.slice(-2)}${fraction}`);
}

/**
 * Whether a cell's text is a number as offices write it, with a thousands separator or a percent
 * sign (`1,000`, `96.5%`): text that {@link readNumberText} rewrites, where plain decimal text
 * (`96.5`) is taken as it is.
 * @param text - a cell's text.
 * @returns `true` for such a number.
 * @example
 * ```ts
 * isOfficeNumber("96.5%");
 * //=> true
 * isOfficeNumber("96.5");
 * //=> false
 * ```
 */
export function isOfficeNumber(text: string): boolean {
  return readNumberText(text) !== undefined && /[,%]/.test(text.normalize("NFKC"));
}

/**
 * A value text as a reader passes it on: a number as offices write it (`96.5%`, `1,000`) becomes
 * exact decimal text in `unit` (see {@link readNumberText}); anything else stays as written (a grade,
 * plain decimal text, text the library will report).
 * @param text - a cell's text.
 * @param unit - the unit the value is expected in.
 * @returns the text to pass on.
 * @example
 * ```ts
 * numberCell("1,000");
 * //=> "1000"
 * numberCell("良");
 * //=> "良"
 * ```
 */
export function numberCell(text: string, unit: NumberUnit = "percent"): string {
  return isOfficeNumber(text) ? readNumberText(text, unit)! : text;
}

/**
 * The unit an indicator declares its values arrive in (`unit: "ratio"` or `"percent"` in the
 * scheme); `"percent"` when it declares none.
 * @param indicator - an indicator of a scheme (its configuration or its compiled form).
 * @returns its unit.
 * @example
 * ```ts
 * unitOf({ id: "rate", unit: "ratio" });
 * //=> "ratio"
 * ```
 */
export function unitOf(indicator: object): NumberUnit {
  return (indicator as { readonly unit?: unknown }).unit === "ratio" ? "ratio" : "percent";
}
