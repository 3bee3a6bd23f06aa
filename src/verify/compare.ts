import { toDec, type Dec } from "../core/decimal.js";
import { valueAt, type Segment } from "./path.js";

/** One expected value that the output does not have. @internal */
export interface Mismatch {
  readonly path: readonly Segment[];
  readonly expected: unknown;
  readonly actual: unknown;
}

/** How deep an expected value may nest. @internal */
const MAX_DEPTH = 50;

/**
 * Compares an expected value with the actual one. Numbers and decimal text compare as exact
 * decimals (86.3 equals "86.30"), within `margin` when one is given; text, booleans and `null`
 * compare as they are (`null` also matches nothing at all); a list must match item by item and in
 * length; an object checks the fields it names (in a list, a field name picks the item by id).
 * @internal
 */
export function compare(expected: unknown, actual: unknown, margin: Dec | undefined, at: readonly Segment[] = [], depth = 0): Mismatch[] {
  const miss = [{ path: at, expected, actual }];
  if (expected === null) return actual === null || actual === undefined ? [] : miss;
  if (typeof expected === "number" || typeof expected === "string") {
    if (typeof expected === "string" && typeof actual === "string" && expected === actual) return [];
    const e = toDec(expected);
    const a = toDec(actual);
    if (e && a) {
      const gap = a.minus(e).abs();
      return gap.isZero() || (margin !== undefined && gap.lte(margin)) ? [] : miss;
    }
    return expected === actual ? [] : miss;
  }
  if (typeof expected === "boolean") return expected === actual ? [] : miss;
  if (depth >= MAX_DEPTH) return miss;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return miss;
    return expected.flatMap((e, i) => compare(e, actual[i], margin, [...at, i], depth + 1));
  }
  if (typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return miss;
    return Object.keys(expected).flatMap((key) => compare((expected as Record<string, unknown>)[key], valueAt(actual, [key]), margin, [...at, key], depth + 1));
  }
  return miss;
}

/** What a failure's actual value is where the path leads nowhere (reports word it in the reader's language). @internal */
export const NOTHING = "(nothing)";

/** A value written for a message: text as it is, anything else as compact JSON, cut at 300 characters. @internal */
export function show(value: unknown): string {
  if (value === undefined) return NOTHING;
  if (typeof value === "string") return value === "" ? '""' : value;
  let out: string;
  try {
    out = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deep for JSON (or a BigInt inside): its kind. (String() would throw on a null-prototype copy.)
    out = Object.prototype.toString.call(value);
  }
  return out.length > 300 ? `${out.slice(0, 299)}…` : out;
}
