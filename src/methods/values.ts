import { toDec, type Dec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { shown } from "../messages/index.js";
import type { ValueProblem } from "./types.js";

/** Reads a value that must be a finite decimal. @internal */
export function readNumber(value: unknown): Dec | ValueProblem {
  const d = toDec(value);
  if (d) return d;
  if (typeof value === "number" || typeof value === "string")
    return { invalid: IssueCode.invalidNumber, params: { key: "valueDecimalRange", received: shown(value) } };
  return { invalid: IssueCode.invalidType, params: { key: "numberOrDecimalText", received: shown(value) } };
}

/** Reads a value that must be a count: a decimal of at least 0. @internal */
export function readCount(value: unknown): Dec | ValueProblem {
  const d = readNumber(value);
  if ("invalid" in d) return d;
  if (d.isNegative()) return { invalid: IssueCode.invalidValue, params: { key: "valueNegativeCount", received: shown(value) } };
  return d;
}
