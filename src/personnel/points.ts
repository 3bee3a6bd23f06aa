import { Dec, text, toDec } from "../core/decimal.js";
import type { DecimalInput } from "../core/validate.js";

/**
 * The points of a ledger's entries, read once when they are appended, so that summaries neither
 * build a decimal.js number per entry nor print one. The lists grow with appends (a line of ledgers
 * shares them: each ledger reads its first entries only).
 *
 * Each entry's points are kept as their exact decimal text (what a summary shows) and, when it
 * fits, as an integer count of 10^-scale held in a float64 (`units`), where `scale` is the most
 * decimals any entry has (at most 10). Integers up to 2^53 add exactly in float64, so a sum of
 * units whose every partial sum stays within ±(2^53 − 1) is the exact sum; a sum that leaves that
 * range, or that meets an entry whose units do not fit (NaN), is made with decimal.js instead.
 * @internal
 */
export interface LedgerPoints {
  /** Each entry's points as exact decimal text, as `text(toDec(points))` prints it; `undefined` for none. */
  readonly texts: (string | undefined)[];
  /** Each entry's points × 10^scale when that is a safe integer; NaN otherwise (0 for none). */
  readonly units: number[];
  /** The decimals of the units: the most decimals of any entry's points; it only grows. */
  scale: number;
}

/** 10^0 … 10^10, exactly. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/** The text of numbers met lately: points repeat (8.5, 9, 1.25 …), and printing a number is slow. */
const numberTexts = new Map<number, string>();

/** `String(value)`, remembered for the next entries with the same points (at most 65,536 numbers). */
function numberText(value: number): string {
  let t = numberTexts.get(value);
  if (t === undefined) {
    if (numberTexts.size >= 65_536) numberTexts.clear();
    numberTexts.set(value, (t = String(value)));
  }
  return t;
}

/**
 * The exact decimal text of a validated points value. A number from 10^-6 to 10^21 prints as
 * decimal.js prints it — both give the shortest decimal that reads back as the number, with no
 * exponent in that range; anything else is read by decimal.js.
 * @internal
 */
export function pointsText(value: DecimalInput): string {
  if (typeof value === "number" && ((value >= 1e-6 && value < 1e21) || (value <= -1e-6 && value > -1e21))) return numberText(value);
  return text(toDec(value)!);
}

/**
 * Whether points are plainly valid for a ledger: a number within ±10^12 that prints with at most
 * 10 decimals and no exponent, or such decimal text. A number below 2^16 in size needs no printing:
 * it is 0, or at least 10^-6 (no exponent) with Math.round(v × 10^10) ÷ 10^10 giving it back. There
 * the product's error is below 0.2, so the rounding finds the 10-decimal integer of a number that
 * has one, and its quotient is that number again; a number whose shortest decimal needs more
 * decimals has no such integer. A differential test checks this against the printed text.
 * @internal
 */
export function pointsOk(v: unknown): boolean {
  if (typeof v === "number") {
    const size = Math.abs(v);
    if (size < 65_536) return v === 0 || (size >= 1e-6 && Math.round(v * 1e10) / 1e10 === v);
    if (!(size <= 1e12)) return false;
    const t = numberText(v);
    const dot = t.indexOf(".");
    return !t.includes("e") && (dot < 0 || t.length - dot - 1 <= 10);
  }
  return typeof v === "string" && /^-?\d{1,12}(?:\.\d{1,10})?$/.test(v);
}

/**
 * The decimals of points checked by the decimal schema, as `toDec(points).decimalPlaces()` gives
 * them, read off their exact text (a number's text is kept, so a ledger's points are printed once).
 * @internal
 */
export function pointsDecimals(value: DecimalInput): number {
  return decimalsOf(pointsText(value));
}

const decimalsOf = (exact: string): number => {
  const dot = exact.indexOf(".");
  return dot < 0 ? 0 : exact.length - dot - 1;
};

/** The units of an exact decimal text with at most `scale` decimals, or NaN when they are not a safe integer. */
function unitsOf(exact: string, scale: number): number {
  const dot = exact.indexOf(".");
  const digits = Number(dot < 0 ? exact : exact.slice(0, dot) + exact.slice(dot + 1));
  // The digits read exactly when they are a safe integer, and the product is exact when it is one too.
  if (!(Math.abs(digits) <= Number.MAX_SAFE_INTEGER)) return NaN;
  const units = digits * POW10[scale - decimalsOf(exact)]!;
  return Math.abs(units) <= Number.MAX_SAFE_INTEGER ? units : NaN;
}

/**
 * Reads the points of a ledger's entries (validated: at most 10 decimals).
 * @internal
 */
export function readPoints(values: readonly (DecimalInput | undefined)[]): LedgerPoints {
  const points: LedgerPoints = { texts: [], units: [], scale: 0 };
  addPoints(points, values);
  return points;
}

/**
 * Appends the points of new entries, in time proportional to their number: each distinct value is
 * printed once (a year of entries holds few distinct points). When a value has more decimals than
 * any before, the units already held are scaled up once — at most ten times in a ledger's life.
 * @internal
 */
export function addPoints(points: LedgerPoints, values: readonly (DecimalInput | undefined)[]): void {
  // A few values (an append of one entry) are printed each; more are printed once per distinct value.
  const distinct = values.length > 16 ? new Map<DecimalInput, string>() : undefined;
  const first = points.texts.length;
  let scale = points.scale;
  for (const v of values) {
    if (v === undefined) {
      points.texts.push(undefined);
      continue;
    }
    let t = distinct?.get(v);
    if (t === undefined) {
      t = pointsText(v);
      distinct?.set(v, t);
      scale = Math.max(scale, decimalsOf(t));
    }
    points.texts.push(t);
  }
  if (scale > points.scale) {
    const factor = POW10[scale - points.scale]!;
    for (let i = 0; i < first; i++) {
      const units = points.units[i]! * factor;
      points.units[i] = Math.abs(units) <= Number.MAX_SAFE_INTEGER ? units : NaN;
    }
    points.scale = scale;
  }
  const known = distinct && new Map<string, number>();
  for (let i = first; i < points.texts.length; i++) {
    const t = points.texts[i];
    if (t === undefined) {
      points.units.push(0);
      continue;
    }
    let units = known?.get(t);
    if (units === undefined) {
      units = unitsOf(t, scale);
      known?.set(t, units);
    }
    points.units.push(units);
  }
}

/** The first `size` entries' points, apart from the ones they were read with. @internal */
export function copyPoints(points: LedgerPoints, size: number): LedgerPoints {
  return { texts: points.texts.slice(0, size), units: points.units.slice(0, size), scale: points.scale };
}

/** The exact decimal text of `units` × 10^-scale, for a safe integer `units`. */
function unitsText(units: number, scale: number): string {
  if (units === 0) return "0";
  const digits = String(Math.abs(units)).padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${units < 0 ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/**
 * The exact sum of some entries' points, as decimal text; an index below 0 counts 0.
 * @internal
 */
export function sumPoints(points: LedgerPoints, at: readonly number[]): string {
  let units = 0;
  for (const i of at) {
    if (i < 0) continue;
    units += points.units[i]!;
    if (!(Math.abs(units) <= Number.MAX_SAFE_INTEGER)) {
      let total = new Dec(0);
      for (const j of at) if (j >= 0) total = total.plus(points.texts[j]!);
      return text(total);
    }
  }
  return unitsText(units, points.scale);
}
