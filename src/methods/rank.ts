import { z } from "../core/z.js";
import { clamp, max, ONE, text, ZERO, type Dec } from "../core/decimal.js";
import { IssueCode } from "../core/errors.js";
import { addIssue, decimal, dec, type DecimalInput } from "../core/validate.js";
import { shown } from "../messages/index.js";
import type { CompileContext, CompiledMethod, MethodOutcome } from "./types.js";
import { readNumber } from "./values.js";

/**
 * Rank (排名计分), scored across a batch by `scoreAll` within peer groups: the first place gets full
 * points and each place after it `step` less, or points in proportion to the leader's value; never
 * below `floor`. Equal values share a place (1, 2, 2, 4).
 */
export interface RankMethod {
  /** Method name. */
  readonly type: "rank";
  /** Points less for each place after the first, more than 0. Give this or `proportional`. */
  readonly step?: DecimalInput;
  /** Points in proportion to the leader's value (value ÷ leader, or leader ÷ value when lower is better). */
  readonly proportional?: boolean;
  /** Lowest score, 0 to the indicator's points; 0 when left out. */
  readonly floor?: DecimalInput;
  /** `higher` (default) when a larger value ranks first, `lower` when a smaller one does. */
  readonly direction?: "higher" | "lower";
}

/** @internal */
export const rankSchema = z
  .strictObject({
    type: z.literal("rank"),
    step: decimal({ min: 0, above: true }, "Points less per place after the first.").optional(),
    proportional: z.boolean().describe("Points in proportion to the leader's value.").optional(),
    floor: decimal({ min: 0 }, "Lowest score (default 0).").optional(),
    direction: z.enum(["higher", "lower"]).describe("Whether a larger (default) or smaller value ranks first.").optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.step === undefined) === (m.proportional !== true))
      addIssue(ctx, IssueCode.invalidRule, { key: "rankStepOrProportional" });
  });

/** @internal */
export function compileRank(config: RankMethod, ctx: CompileContext): CompiledMethod {
  const step = config.step === undefined ? undefined : dec(config.step);
  const floor = config.floor === undefined ? ZERO : dec(config.floor);
  const lower = config.direction === "lower";
  if (floor.gt(ctx.points))
    ctx.report(IssueCode.outOfRange, [...ctx.path, "floor"], { key: "methodMoreThanPoints", value: text(floor), points: text(ctx.points) });
  return {
    kind: "batch",
    read(value) {
      const v = readNumber(value);
      if ("invalid" in v) return v;
      if (!step && v.isNegative()) return { invalid: IssueCode.invalidValue, params: { key: "rankNegative", received: shown(value) } };
      return v;
    },
    batch(values, points): MethodOutcome[] {
      const sorted = [...values].sort((a, b) => (lower ? a.cmp(b) : b.cmp(a)));
      const places = new Map<string, number>();
      sorted.forEach((v, i) => {
        const key = v.toString();
        if (!places.has(key)) places.set(key, i + 1);
      });
      const leader = sorted[0] ?? ZERO;
      return values.map((v) => {
        const place = places.get(v.toString())!;
        let earned: Dec;
        const trace: Record<string, string> = { value: text(v), place: String(place), peers: String(values.length) };
        if (step) {
          earned = points.minus(step.times(place - 1));
          trace.step = text(step);
        } else {
          const ratio = lower ? (v.isZero() ? ONE : leader.div(v)) : leader.isZero() ? ONE : v.div(leader);
          const fraction = clamp(ratio, ZERO, ONE);
          // Multiply before dividing, as the other methods do.
          earned = !fraction.eq(ratio) || ratio.eq(ONE) ? points.times(fraction) : lower ? points.times(leader).div(v) : points.times(v).div(leader);
          trace.leader = text(leader);
          trace.ratio = text(ratio);
        }
        earned = max(earned, floor);
        trace.floor = text(floor);
        trace.points = text(points);
        return { fraction: earned.div(points), earned, values: trace };
      });
    },
  };
}
