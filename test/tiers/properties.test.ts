import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignTiers, rank, type Rankable, type TierPolicy, type TierRule } from "../../src/index.js";
import { runs } from "../helpers.js";

type Count = "floor" | "round" | "ceil";
type Ties = "better" | "worse" | "break";

/** A policy shape: share percents of the tiers above and below the open tier. */
interface Shape {
  readonly top: readonly number[];
  readonly bottom: readonly number[];
  readonly count: Count;
  readonly ties: Ties;
}

/** Share percents that add up to at most 100, split around the open tier. */
const shapeArb = (ties: fc.Arbitrary<Ties> = fc.constantFrom("better", "worse", "break")): fc.Arbitrary<Shape> =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }).filter((ps) => ps.reduce((a, b) => a + b, 0) <= 100),
      fc.nat(),
      fc.constantFrom<Count>("floor", "round", "ceil"),
      ties,
    )
    .map(([ps, k, count, t]) => {
      const cut = ps.length === 0 ? 0 : k % (ps.length + 1);
      return { top: ps.slice(0, cut), bottom: ps.slice(cut), count, ties: t };
    });

const TOP = ["T1", "T2", "T3", "T4"];
const BOTTOM = ["B1", "B2", "B3", "B4"];

/** The policy of a shape, best tier first: T1 … M (open) … B1 (the very bottom, filled first from below). */
function policyOf(s: Shape, more: { extra?: (t: TierRule, i: number) => Partial<TierRule> } = {}): TierPolicy {
  const top: TierRule[] = s.top.map((p, i) => ({ name: TOP[i]!, share: p / 100, ...more.extra?.({ name: TOP[i]! }, i) }));
  const bottom: TierRule[] = s.bottom.map((p, i) => ({ name: BOTTOM[i]!, share: p / 100 })).reverse();
  return { tiers: [...top, { name: "M" }, ...bottom], count: s.count, ties: s.ties };
}

/** The rounded quota, by integer arithmetic on the percent. */
function quota(percent: number, size: number, count: Count): number {
  const x = percent * size;
  return count === "floor" ? Math.floor(x / 100) : count === "round" ? Math.floor((x + 50) / 100) : Math.floor((x + 99) / 100);
}

const subjectsArb = (scores: fc.Arbitrary<number[]>) =>
  scores.chain((ss) =>
    fc.tuple(fc.constant(ss), fc.array(fc.constantFrom("A", "B", "C"), { minLength: ss.length, maxLength: ss.length })).map(([totals, groups]) =>
      totals.map((total, i): Rankable => ({ subjectId: `s${i}`, total, group: groups[i]! })),
    ),
  );

/** Scores with many ties (a small range). */
const tiedScores = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 40 });
/** Distinct scores. */
const distinctScores = fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 });

const tierIndex = (p: TierPolicy) => new Map(p.tiers.map((t, i) => [t.name, i]));

describe("assignTiers properties", () => {
  it("every subject gets exactly one tier of the policy, vetoes, thresholds, min/max and all", () => {
    fc.assert(
      fc.property(
        subjectsArb(tiedScores),
        shapeArb(),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (rs, shape, grouped, vetoed, min, minCount) => {
          const withVetoes = rs.map((r, i) => (vetoed[i] ? { ...r, vetoes: [{ id: "v" }] } : r));
          const base = policyOf(shape, { extra: (_t, i) => (i === 0 ? { min, minCount, maxCount: minCount + 2 } : {}) });
          const policy: TierPolicy = { ...base, vetoTier: base.tiers[base.tiers.length - 1]!.name };
          const a = assignTiers(rank(withVetoes, grouped ? { groupBy: "group" } : {}), policy);
          expect(a.placements.map((p) => p.subjectId).sort()).toEqual(rs.map((r) => r.subjectId).sort());
          const names = new Set(policy.tiers.map((t) => t.name));
          for (const p of a.placements) expect(names.has(p.tier)).toBe(true);
          // the groups' counts add up to their sizes
          for (const g of a.groups) expect(g.tiers.reduce((s, t) => s + t.placed, 0)).toBe(g.size);
          expect(a.groups.reduce((s, g) => s + g.size, 0)).toBe(rs.length);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("without ties and without minCount/maxCount, each share tier holds exactly its rounded quota", () => {
    fc.assert(
      fc.property(subjectsArb(distinctScores), shapeArb(), fc.boolean(), (rs, shape, grouped) => {
        const policy = policyOf(shape);
        const a = assignTiers(rank(rs, grouped ? { groupBy: "group" } : {}), policy);
        for (const g of a.groups) {
          const n = g.size;
          const quotas = [...shape.top, ...shape.bottom].map((p) => quota(p, n, shape.count));
          // the quotas fit in the group (always so with floor, as the shares add up to at most 1)
          if (quotas.reduce((s, q) => s + q, 0) > n) continue;
          const placed = (tier: string) => a.placements.filter((p) => p.peerGroup === g.peerGroup && p.tier === tier).length;
          shape.top.forEach((p, i) => {
            expect(placed(TOP[i]!)).toBe(quota(p, n, shape.count));
            expect(g.tiers.find((t) => t.tier === TOP[i])).toMatchObject({ quota: quota(p, n, shape.count), placed: quota(p, n, shape.count) });
          });
          shape.bottom.forEach((p, i) => expect(placed(BOTTOM[i]!)).toBe(quota(p, n, shape.count)));
          // and the open tier the rest
          expect(placed("M")).toBe(n - quotas.reduce((s, q) => s + q, 0));
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('with ties "better", no one is placed in a worse tier than someone with a lower score; equal scores share a tier', () => {
    fc.assert(
      fc.property(subjectsArb(tiedScores), shapeArb(fc.constant("better")), fc.boolean(), fc.integer({ min: 0, max: 5 }), (rs, shape, grouped, minCount) => {
        const policy = policyOf(shape, { extra: () => ({ minCount }) });
        const a = assignTiers(rank(rs, grouped ? { groupBy: "group" } : {}), policy);
        const at = tierIndex(policy);
        for (const x of a.placements)
          for (const y of a.placements) {
            if (x.peerGroup !== y.peerGroup) continue;
            if (x.score > y.score) expect(at.get(x.tier)!).toBeLessThanOrEqual(at.get(y.tier)!);
            if (x.score === y.score) expect(x.tier).toBe(y.tier);
          }
      }),
      { numRuns: runs(300) },
    );
  });

  it('with ties "worse" too, tiers follow the scores and equal scores share a tier', () => {
    fc.assert(
      fc.property(subjectsArb(tiedScores), shapeArb(fc.constant("worse")), (rs, shape) => {
        const policy = policyOf(shape);
        const a = assignTiers(rank(rs), policy);
        const at = tierIndex(policy);
        for (const x of a.placements)
          for (const y of a.placements) {
            if (x.score > y.score) expect(at.get(x.tier)!).toBeLessThanOrEqual(at.get(y.tier)!);
            if (x.score === y.score) expect(x.tier).toBe(y.tier);
          }
      }),
      { numRuns: runs(200) },
    );
  });

  it("placements do not depend on the order of the results given to rank", () => {
    fc.assert(
      fc.property(
        subjectsArb(tiedScores).chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))),
        shapeArb(),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        ([rs, shuffled], shape, grouped, vetoed) => {
          const veto = (list: Rankable[]) => list.map((r) => (vetoed[Number(r.subjectId.slice(1))] ? { ...r, vetoes: [{ id: "v" }] } : r));
          const policy: TierPolicy = { ...policyOf(shape), vetoTier: "M" };
          const options = grouped ? { groupBy: "group" } : {};
          const one = assignTiers(rank(veto(rs), options), policy);
          const two = assignTiers(rank(veto(shuffled), options), policy);
          expect(JSON.stringify(two.placements)).toBe(JSON.stringify(one.placements));
          expect(JSON.stringify(two.groups)).toBe(JSON.stringify(one.groups));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
