import { toDec, type Dec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { describe } from "../core/validate.js";
import type { ValueProblem } from "./types.js";

/** Reads a value that must be a finite decimal. @internal */
export function readNumber(value: unknown): Dec | ValueProblem {
  const d = toDec(value);
  if (d) return d;
  if (typeof value === "number" || typeof value === "string")
    return { invalid: IssueCode.invalidNumber, words: `must be a finite decimal number within ±10^18, not ${describe(value)}` };
  return { invalid: IssueCode.invalidType, words: `must be a number or decimal text such as "96.5", not ${describe(value)}` };
}

/** Reads a value that must be a count: a decimal of at least 0. @internal */
export function readCount(value: unknown): Dec | ValueProblem {
  const d = readNumber(value);
  if ("invalid" in d) return d;
  if (d.isNegative()) return { invalid: IssueCode.invalidValue, words: `is a count and cannot be negative, not ${describe(value)}` };
  return d;
}
