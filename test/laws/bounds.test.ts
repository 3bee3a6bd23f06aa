import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignTiers, defineScheme, eligiblePool, rank, scoreAll, type Rankable, type ScoreResult, type TierPolicy, type TierRule } from "../../src/index.js";
import { D, params, subjectsArb, worldArb, type World } from "./helpers.js";

/*
 * Bounds: a score lies where the scheme says it may, and a tier never holds more than its quota
 * where the tie rule says it cannot; quota counts follow the rounding the policy names, for any
 * group size from 0 to 500.
 *
 * Already covered elsewhere, not repeated here: one indicator of each method earns within
 * [0, points] (test/properties/scoring.property.test.ts), each share tier holds exactly its quota
 * when scores are distinct (test/tiers/properties.test.ts, groups up to 40).
 *
 * The random schemes here have whole points. A scheme whose points have more decimals than its
 * rounding keeps can round past them (2.5 points, earned 2.5, rounded half up to whole points: 3,
 * and a total above the full score); that is the rounding the scheme names, so the bound is
 * asserted only where the points are multiples of the rounding unit (see the report).
 */

const MODE = { "half-up": Decimal.ROUND_HALF_UP, "half-even": Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP, floor: Decimal.ROUND_FLOOR, ceiling: Decimal.ROUND_CEIL } as const;
/** The library's own arithmetic: 40 significant digits, half up (src/core/decimal.ts), so that the same steps give the same digits. */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** The exact base of a result (the sum of the groups, converted over the applicable points where the scheme says), from its trace. */
function baseOf(r: ScoreResult): Decimal {
  const steps = r.trace.filter((s) => s.at === "total" && (s.rule === "sum" || s.rule === "convert" || s.rule === "exclude"));
  return new Exact(steps[steps.length - 1]!.result);
}

/** The exact total of a result: the last step of its trace that acts on the total. */
function exactTotal(r: ScoreResult): string {
  const steps = r.trace.filter((s) => s.at === "total" || s.at.startsWith("veto:"));
  return steps[steps.length - 1]!.result;
}

/** The total the scheme's rules give from the base: bonus and deductions as capped, the vetoes in the scheme's order, the floor at 0, the total's rounding. */
function expectedTotal(w: World, r: ScoreResult): Decimal {
  let x = baseOf(r).plus(String(r.bonus.applied)).minus(String(r.deductions.applied));
  for (const v of w.config.vetoes ?? []) {
    if (!r.vetoes.some((h) => h.id === v.id)) continue;
    if (v.effect === "zero") x = new Exact(0);
    if (v.effect === "cap") x = Exact.min(x, String(v.cap));
  }
  x = Exact.max(0, x);
  const t = w.config.rounding?.total;
  return t ? x.toDecimalPlaces(t.decimals, MODE[t.mode ?? "half-up"]) : x;
}

describe("bounds of a score", () => {
  it("every indicator within [0, points], every group within [0, its applicable points], the base within [0, full], adjustments within their caps, and the total exactly as the rules compose them", () => {
    fc.assert(
      fc.property(
        worldArb().chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 1, max: 8 }))),
        ([w, subjects]) => {
          const results = scoreAll(defineScheme(w.config), subjects);
          const full = D(String(w.config.full));
          const bonusCap = w.config.adjustments?.bonus?.cap;
          const deductionCap = w.config.adjustments?.deduction?.cap;
          for (const r of results) {
            for (const i of r.indicators) {
              expect(D(i.earned).gte(0) && D(i.earned).lte(i.points)).toBe(true);
              if (!i.applicable) expect(i.earned).toBe(0);
            }
            for (const g of r.groups) expect(D(g.earned).gte(0) && D(g.earned).lte(g.applicablePoints) && D(g.applicablePoints).lte(g.points)).toBe(true);
            const base = baseOf(r);
            expect(base.gte(0) && base.lte(full.toString())).toBe(true);
            for (const [adj, cap] of [[r.bonus, bonusCap], [r.deductions, deductionCap]] as const) {
              expect(D(adj.applied).gte(0)).toBe(true);
              expect(D(adj.applied).toString()).toBe(cap === undefined ? D(adj.requested).toString() : Decimal.min(adj.requested, String(cap)).toString());
            }
            // 0 ≤ total ≤ full + the bonus applied, rounded up at the total's decimals (no rounding mode rounds past that).
            const t = w.config.rounding?.total;
            const top = full.plus(String(r.bonus.applied));
            expect(D(r.total).gte(0)).toBe(true);
            expect(D(r.total).lte(t ? top.toDecimalPlaces(t.decimals, Decimal.ROUND_CEIL) : top)).toBe(true);
            if (r.vetoes.some((v) => v.effect === "zero")) expect(r.total).toBe(0);
            // Exactly: base + bonus − deductions, vetoes, floor 0, rounding; the number is that decimal's
            // nearest, and prints as it where the total is rounded.
            const exact = expectedTotal(w, r);
            expect(new Exact(exactTotal(r)).eq(exact)).toBe(true);
            expect(r.total).toBe(exact.toNumber() + 0);
            if (t) expect(String(r.total)).toBe(exact.toString());
          }
        },
      ),
      params(1.5),
    );
  });
});

/** A tier policy: share tiers above and below the open tier, some with a `min` threshold or a `maxCount`. */
const policyArb = fc
  .record({
    top: fc.array(fc.record({ share: fc.integer({ min: 0, max: 40 }), min: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), maxCount: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }), { maxLength: 2 }),
    bottom: fc.array(fc.record({ share: fc.integer({ min: 0, max: 30 }), maxCount: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }), { maxLength: 2 }),
    count: fc.constantFrom("floor", "round", "ceil"),
    ties: fc.constantFrom("better", "worse", "break"),
  })
  .filter(({ top, bottom }) => [...top, ...bottom].reduce((s, t) => s + t.share, 0) <= 100)
  .map(({ top, bottom, count, ties }): TierPolicy => ({
    tiers: [
      ...top.map((t, i): TierRule => ({ name: `T${i}`, share: t.share / 100, ...(t.min !== undefined ? { min: t.min * 5 } : {}), ...(t.maxCount !== undefined ? { maxCount: t.maxCount } : {}) })),
      { name: "M" },
      ...bottom.map((b, i): TierRule => ({ name: `B${i}`, share: b.share / 100, ...(b.maxCount !== undefined ? { maxCount: b.maxCount } : {}) })),
    ],
    count,
    ties,
  }));

const tiedResults = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom("A", "B")), { minLength: 0, maxLength: 40 })
  .map((xs) => xs.map(([score, group], i): Rankable => ({ subjectId: `s${String(i).padStart(2, "0")}`, total: score * 5, group })));

describe("a tier never holds more than its quota where the tie rule cannot widen it", () => {
  it("ties break: every share tier holds at most its quota; worse: every top tier; better: every bottom tier — with ties, thresholds and maxCount", () => {
    fc.assert(
      fc.property(tiedResults, policyArb, fc.boolean(), (results, policy, grouped) => {
        const a = assignTiers(rank(results, grouped ? { groupBy: "group" } : {}), policy);
        const open = policy.tiers.findIndex((t) => t.share === undefined && t.min === undefined);
        for (const g of a.groups)
          g.tiers.forEach((q, i) => {
            if (q.quota === null) return;
            const top = i < open;
            // A top tier widens with ties "better", a bottom tier with ties "worse" (everyone tied at the boundary goes in).
            const canWiden = (policy.ties === "better" && top) || (policy.ties === "worse" && !top);
            if (!canWiden) expect(q.placed).toBeLessThanOrEqual(q.quota);
            expect(a.placements.filter((p) => p.peerGroup === g.peerGroup && p.tier === q.tier)).toHaveLength(q.placed);
          });
      }),
      params(3),
    );
  });

  it("eligiblePool: with ties worse or break the pool of each group holds at most its quota (break: exactly, when no one is kept out)", () => {
    fc.assert(
      fc.property(tiedResults, fc.integer({ min: 0, max: 100 }), fc.constantFrom("floor", "round", "ceil"), fc.constantFrom("worse", "break"), (results, percent, count, ties) => {
        const ranking = rank(results, { groupBy: "group" });
        const pool = eligiblePool(ranking, { share: percent / 100, count, ties });
        for (const group of ["A", "B"]) {
          const n = results.filter((r) => r.group === group).length;
          const quota = quotaOf(BigInt(percent) * 100n, n, count);
          const inPool = pool.filter((p) => p.peerGroup === group).length;
          expect(inPool).toBeLessThanOrEqual(quota);
          if (ties === "break") expect(inPool).toBe(Math.min(quota, n));
        }
      }),
      params(2),
    );
  });
});

/** share (in 1/10000) × n rounded as the policy's count says, in integers. */
function quotaOf(tenThousandths: bigint, n: number, count: "floor" | "round" | "ceil"): number {
  const x = tenThousandths * BigInt(n);
  return Number(count === "floor" ? x / 10_000n : count === "round" ? (x + 5_000n) / 10_000n : (x + 9_999n) / 10_000n);
}

describe("quota counts follow the rounding the policy names, for any group size from 0 to 500", () => {
  it("share × n with floor, round (half up) or ceil, then minCount and maxCount; the exact product as text; a top tier with distinct scores and ties break takes exactly its quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom("floor", "round", "ceil"),
        fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        (n, a, b, count, minCount, maxCount) => {
          // Two shares with up to 4 decimals that add up to at most 1.
          const [top, bottom] = a + b <= 10_000 ? [a, b] : [a, 10_000 - a];
          const clampMin = minCount !== undefined && maxCount !== undefined && minCount > maxCount ? undefined : minCount;
          const policy: TierPolicy = {
            tiers: [
              { name: "好", share: new Decimal(top).div(10_000).toString(), ...(clampMin !== undefined ? { minCount: clampMin } : {}), ...(maxCount !== undefined ? { maxCount } : {}) },
              { name: "中" },
              { name: "差", share: new Decimal(bottom).div(10_000).toNumber() },
            ],
            count,
            ties: "break",
          };
          const results = Array.from({ length: n }, (_, i): Rankable => ({ subjectId: `s${String(i).padStart(3, "0")}`, total: (n - i) * 3 + 0.25 }));
          const a1 = assignTiers(rank(results), policy);
          if (n === 0) return void expect(a1.groups).toEqual([]);
          const [g] = a1.groups;
          let good = quotaOf(BigInt(top), n, count);
          if (clampMin !== undefined) good = Math.max(good, clampMin);
          if (maxCount !== undefined) good = Math.min(good, maxCount);
          const poor = quotaOf(BigInt(bottom), n, count);
          expect(g!.tiers.map((t) => [t.tier, t.quota, t.exact])).toEqual([
            ["好", good, new Decimal(top).times(n).div(10_000).toString()],
            ["中", null, null],
            ["差", poor, new Decimal(bottom).times(n).div(10_000).toString()],
          ]);
          // The top tier fills first: exactly its quota, as far as the group goes; the bottom tier from what is left.
          const placed = (tier: string) => a1.placements.filter((p) => p.tier === tier).length;
          expect(placed("好")).toBe(Math.min(good, n));
          expect(placed("差")).toBe(Math.min(poor, n - Math.min(good, n)));
          // The 好 tier is the best `good` of the group.
          expect(a1.placements.filter((p) => p.tier === "好").map((p) => p.position)).toEqual(Array.from({ length: Math.min(good, n) }, (_, i) => i + 1));
        },
      ),
      params(1),
    );
  });

  it("R28: 好 capped at 40% with the count floored — ⌊0.4 × n⌋, so a group of one or two gets no 好", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 7, 10, 99, 100, 101, 499, 500]) {
      const results = Array.from({ length: n }, (_, i): Rankable => ({ subjectId: `c${String(i).padStart(3, "0")}`, total: 100 - i / 10 }));
      const a = assignTiers(rank(results), { tiers: [{ name: "好", share: 0.4 }, { name: "较好" }, { name: "一般", share: 0 }] });
      expect(a.placements.filter((p) => p.tier === "好")).toHaveLength(Math.floor((4 * n) / 10));
    }
  });
});
