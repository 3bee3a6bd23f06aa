import { z } from "../core/z.js";
import { text, type Dec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { decimal, dec, namedRecord, type DecimalInput } from "../core/validate.js";
import { shown } from "../messages/index.js";
import type { CompiledMethod } from "./types.js";

/** Grade (等级): a qualitative indicator's grade name gives a fraction of its points. */
export interface GradeMethod {
  /** Method name. */
  readonly type: "grade";
  /** Grade name → fraction of the points, 0 to 1 (`{ "优": 1, "良": 0.85 }`). */
  readonly grades: Readonly<Record<string, DecimalInput>>;
}

/** @internal */
export const gradeSchema = z.strictObject({
  type: z.literal("grade"),
  grades: namedRecord(decimal({ min: 0, max: 1 }), "grade").describe("Grade name → fraction of the points (0 to 1)."),
});

/** Reads a grade table into a map that no prototype key can reach. @internal */
export function gradeTable(grades: Readonly<Record<string, DecimalInput>>): ReadonlyMap<string, Dec> {
  return new Map(Object.keys(grades).map((name) => [name, dec(grades[name]!)]));
}

/** @internal */
export function compileGrade(config: GradeMethod): CompiledMethod {
  const table = gradeTable(config.grades);
  const names = [...table.keys()];
  return {
    kind: "single",
    score(value, points) {
      if (typeof value !== "string") return { invalid: IssueCode.invalidType, params: { key: "gradeName", grades: names, received: shown(value) } };
      const fraction = table.get(value);
      if (!fraction) return { invalid: IssueCode.unknownGrade, params: { key: "gradeUnknown", grade: value.slice(0, 40), grades: names } };
      return { fraction, earned: points.times(fraction), values: { grade: value, fraction: text(fraction), points: text(points) } };
    },
  };
}
