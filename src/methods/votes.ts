import { z } from "../core/z.js";
import { text, toDec, ZERO, type Dec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { addIssue, decimal, idSchema, namedRecord, type DecimalInput, want } from "../core/validate.js";
import { shown } from "../messages/index.js";
import { gradeTable } from "./grade.js";
import type { CompiledMethod, MethodOutcome } from "./types.js";

/**
 * A flag rule of a {@link VotesMethod}: when the share of votes for the named grades reaches
 * `atLeast`, the result is flagged (R27: 不称职 votes reaching one third mark a demotion candidate).
 */
export interface VotesFlag {
  /** The flag's id, as it appears on the result. */
  readonly id: string;
  /** The flag's name for people. */
  readonly name?: string;
  /** The grades whose votes are counted together. */
  readonly grades: readonly string[];
  /** The share that raises the flag, 0 to 1: a decimal, or an exact fraction as text (`"1/3"`). */
  readonly atLeast: DecimalInput;
}

/**
 * Votes (民主测评): counts of votes per grade (优秀/称职/基本称职/不称职, or any names);
 * points × Σ (share of votes × the grade's value). Optional flag rules mark the result.
 */
export interface VotesMethod {
  /** Method name. */
  readonly type: "votes";
  /** Grade name → value of a vote for it, 0 to 1 (`{ "优秀": 1, "称职": 0.8 }`). */
  readonly grades: Readonly<Record<string, DecimalInput>>;
  /** One flag rule or a list of them. */
  readonly flag?: VotesFlag | readonly VotesFlag[];
}

const FRACTION_TEXT = /^\s*(\d{1,15})\s*\/\s*(\d{1,15})\s*$/;

/** Reads a share given as a decimal or as exact fraction text `"n/d"`: numerator and denominator. @internal */
export function readShare(value: DecimalInput): { readonly num: Dec; readonly den: Dec } | undefined {
  const m = typeof value === "string" ? FRACTION_TEXT.exec(value) : null;
  if (m) {
    const den = toDec(m[2]!)!;
    return den.isZero() ? undefined : { num: toDec(m[1]!)!, den };
  }
  const d = toDec(value);
  return d ? { num: d, den: toDec(1)! } : undefined;
}

const shareSchema = z
  .union([z.number(), z.string().max(40)])
  .superRefine((value, ctx) => {
    const share = readShare(value);
    if (!share) return addIssue(ctx, IssueCode.invalidNumber, { key: "votesShare", received: shown(value) });
    if (share.num.isNegative() || share.num.gt(share.den)) addIssue(ctx, IssueCode.outOfRange, { key: "votesShareRange", received: shown(value) });
  })
  .describe('A share from 0 to 1: a decimal, or exact fraction text such as "1/3".');

const flagSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  grades: z.array(z.string().min(1).max(200)).min(1).max(100),
  atLeast: shareSchema,
});

/** @internal */
export const votesSchema = z
  .strictObject({
    type: z.literal("votes"),
    grades: namedRecord(decimal({ min: 0, max: 1 }), "grade").describe("Grade name → value of a vote (0 to 1)."),
    flag: z.union([flagSchema, z.array(flagSchema).max(100)], { error: want("flagRules") }).describe("Flag rules on vote shares.").optional(),
  })
  .superRefine((m, ctx) => {
    const flags = m.flag === undefined ? [] : Array.isArray(m.flag) ? m.flag : [m.flag];
    flags.forEach((f, i) =>
      f.grades.forEach((g, j) => {
        if (!Object.prototype.hasOwnProperty.call(m.grades, g))
          addIssue(ctx, IssueCode.unknownGrade, { key: "votesFlagGrade", grade: g, grades: Object.keys(m.grades) }, Array.isArray(m.flag) ? ["flag", i, "grades", j] : ["flag", "grades", j]);
      }),
    );
  });

/** @internal */
export function compileVotes(config: VotesMethod): CompiledMethod {
  const table = gradeTable(config.grades);
  const names = [...table.keys()];
  const flags = (config.flag === undefined ? [] : Array.isArray(config.flag) ? config.flag : [config.flag]) as readonly VotesFlag[];
  const rules = flags.map((f) => ({ ...f, share: readShare(f.atLeast)! }));
  return {
    kind: "single",
    score(value, points) {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        return { invalid: IssueCode.invalidType, params: { key: "votesCounts", received: shown(value) } };
      const counts = new Map<string, Dec>();
      for (const grade of Object.keys(value)) {
        const raw = (value as Record<string, unknown>)[grade];
        if (!table.has(grade)) return { invalid: IssueCode.unknownGrade, params: { key: "votesUnknownGrade", grade: grade.slice(0, 40), grades: names } };
        const count = toDec(raw);
        if (!count || count.isNegative() || !count.isInteger())
          return { invalid: IssueCode.invalidValue, params: { key: "votesCount", received: shown(raw), grade } };
        counts.set(grade, count);
      }
      let total = ZERO;
      let weighted = ZERO;
      const values: Record<string, string> = {};
      for (const [grade, worth] of table) {
        const count = counts.get(grade) ?? ZERO;
        total = total.plus(count);
        weighted = weighted.plus(count.times(worth));
        values[`votes:${grade}`] = text(count);
        values[`value:${grade}`] = text(worth);
      }
      if (total.isZero()) return { invalid: IssueCode.invalidValue, params: { key: "votesNone" } };
      const fraction = weighted.div(total);
      const raised: NonNullable<MethodOutcome["flags"]>[number][] = [];
      for (const rule of rules) {
        const hit = rule.grades.reduce((s, g) => s.plus(counts.get(g) ?? ZERO), ZERO);
        if (hit.times(rule.share.den).gte(rule.share.num.times(total)))
          raised.push({
            id: rule.id,
            ...(rule.name ? { name: rule.name } : {}),
            reason: `${rule.grades.join("+")} ${text(hit)}/${text(total)} ≥ ${String(rule.atLeast).trim()}`,
          });
      }
      Object.assign(values, { total: text(total), fraction: text(fraction), points: text(points) });
      return { fraction, earned: points.times(weighted).div(total), values, ...(raised.length ? { flags: raised } : {}) };
    },
  };
}
