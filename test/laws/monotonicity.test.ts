import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignTiers,
  defineScheme,
  eligiblePool,
  lastPlaceDeductions,
  linkOrganizations,
  rank,
  score,
  scoreAll,
  type Rankable,
  type SubjectInput,
  type TierPolicy,
} from "../../src/index.js";
import { D, params, subjectsArb, worldArb } from "./helpers.js";

/*
 * Monotonicity: a better value never lowers a total, and a higher total never gets a worse rank,
 * tier, pool place or last-place outcome.
 *
 * Already covered elsewhere, not repeated here: a better value of a scheme of one indicator never
 * lowers its score, for each method without rounding (test/properties/scoring.property.test.ts);
 * the rank method gives a better value a score at least as high (same file); with ties "better"
 * or "worse" and share tiers (with minCount), a higher score never gets a worse tier and equal
 * scores share one (test/tiers/properties.test.ts).
 */

describe("a better value never lowers the total", () => {
  it("in a scheme of several groups and methods, with rounding at every point in any mode, conversion, adjustments and vetoes: improving one indicator's value never lowers the indicator, its group or the total", () => {
    fc.assert(
      fc.property(
        worldArb({ withRank: false }).chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 1, max: 1 }, { na: false }), fc.nat(), fc.integer({ min: 0, max: 400 }))),
        ([w, [subject], pick, k]) => {
          const scheme = defineScheme(w.config);
          const spec = w.specs[pick % w.specs.length]!;
          const before = subject!.values[spec.id];
          const better: SubjectInput = { ...subject!, values: { ...subject!.values, [spec.id]: spec.improve(before, k) } };
          const lo = score(scheme, subject!);
          const hi = score(scheme, better);
          const ind = (r: typeof lo) => r.indicators.find((i) => i.id === spec.id)!.earned;
          const grp = (r: typeof lo) => r.groups.find((g) => g.id === r.indicators.find((i) => i.id === spec.id)!.group)!.earned;
          expect(D(ind(hi)).gte(ind(lo))).toBe(true);
          expect(D(grp(hi)).gte(grp(lo))).toBe(true);
          expect(D(hi.total).gte(lo.total)).toBe(true);
        },
      ),
      params(3),
    );
  });

  it("the rank method in a batch: improving one subject's own value never lowers that subject's total", () => {
    fc.assert(
      fc.property(
        worldArb().filter((w) => w.specs.some((s) => s.batch)).chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 1, max: 10 }, { na: false }), fc.nat(), fc.integer({ min: 0, max: 40 }))),
        ([w, subjects, pick, k]) => {
          const scheme = defineScheme(w.config);
          const spec = w.specs.find((s) => s.batch)!;
          const i = pick % subjects.length;
          const s = subjects[i]!;
          const better = subjects.map((x, j) => (j === i ? { ...x, values: { ...x.values, [spec.id]: spec.improve(x.values[spec.id], k) } } : x));
          const lo = scoreAll(scheme, subjects).find((r) => r.subjectId === s.id)!;
          const hi = scoreAll(scheme, better).find((r) => r.subjectId === s.id)!;
          expect(D(hi.indicators.find((x) => x.id === spec.id)!.earned).gte(lo.indicators.find((x) => x.id === spec.id)!.earned)).toBe(true);
          expect(D(hi.total).gte(lo.total)).toBe(true);
        },
      ),
      params(1),
    );
  });
});

/** Results with many ties in two peer groups, some with tie-break values. */
const resultsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom("A", "B"), fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 30 })
  .map((xs) =>
    xs.map(([score, group, tie, text], i): Rankable => ({
      subjectId: `${"zyx"[i % 3]}${i}`,
      total: text ? `${score}.5` : score + 0.5,
      group,
      groups: [{ id: "g", earned: tie }],
    })),
  );

/** For every pair of the same peer group with different scores, `check(better, worse)`. */
function pairs<T extends { peerGroup: string | null; score: number }>(list: readonly T[], check: (better: T, worse: T) => void, asc = false) {
  for (const x of list)
    for (const y of list)
      if (x.peerGroup === y.peerGroup && (asc ? x.score < y.score : x.score > y.score)) check(x, y);
}

describe("a higher total never gets a worse place", () => {
  it("rank: in every tie style and order, with a tie-break, a better score has a better rank, position and percentile; equal scores share a rank (competition, dense)", () => {
    fc.assert(
      fc.property(resultsArb, fc.constantFrom("competition", "dense", "ordinal"), fc.constantFrom("desc", "asc"), fc.boolean(), (results, ties, order, grouped) => {
        const r = rank(results, { ties, order, tieBreak: ["group:g"], ...(grouped ? { groupBy: "group" } : {}) });
        pairs(
          r.entries,
          (better, worse) => {
            expect(better.rank).toBeLessThan(worse.rank);
            expect(better.position).toBeLessThan(worse.position);
            expect(better.percentile).toBeGreaterThan(worse.percentile);
          },
          order === "asc",
        );
        for (const x of r.entries)
          for (const y of r.entries) if (x.peerGroup === y.peerGroup && x.score === y.score && ties !== "ordinal") expect(x.rank).toBe(y.rank);
      }),
      params(3),
    );
  });

  it("assignTiers with thresholds (min, and min compared by the integer part), maxCount and minCount, in every tie rule (break too): a better score never gets a worse tier", () => {
    const policyArb = fc.record({
      count: fc.constantFrom("floor", "round", "ceil"),
      ties: fc.constantFrom("better", "worse", "break"),
      compare: fc.constantFrom("exact", "truncate"),
      min: fc.integer({ min: 0, max: 11 }),
      share: fc.integer({ min: 0, max: 50 }),
      minCount: fc.integer({ min: 0, max: 4 }),
      maxCount: fc.integer({ min: 4, max: 9 }),
      bottom: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(resultsArb, policyArb, fc.boolean(), (results, o, grouped) => {
        const policy: TierPolicy = {
          tiers: [
            { name: "优秀", min: o.min, share: o.share / 100, minCount: o.minCount, maxCount: o.maxCount },
            { name: "良", min: o.min / 2 },
            { name: "中" },
            { name: "差", share: o.bottom / 100, maxCount: o.maxCount },
          ],
          count: o.count,
          ties: o.ties,
          compare: o.compare,
        };
        const a = assignTiers(rank(results, { tieBreak: ["group:g"], ...(grouped ? { groupBy: "group" } : {}) }), policy);
        const at = new Map(policy.tiers.map((t, i) => [t.name, i]));
        pairs(a.placements, (better, worse) => expect(at.get(better.tier)!).toBeLessThanOrEqual(at.get(worse.tier)!));
      }),
      params(3),
    );
  });

  it("eligiblePool: whoever scores higher than someone in the pool of a group is in it too", () => {
    fc.assert(
      fc.property(resultsArb, fc.integer({ min: 0, max: 100 }), fc.constantFrom("floor", "round", "ceil"), fc.constantFrom("better", "worse", "break"), (results, percent, count, ties) => {
        const ranking = rank(results, { groupBy: "group", tieBreak: ["group:g"] });
        const pool = new Set(eligiblePool(ranking, { share: percent / 100, count, ties }).map((p) => p.subjectId));
        pairs(ranking.entries, (better, worse) => {
          if (pool.has(worse.subjectId)) expect(pool.has(better.subjectId)).toBe(true);
        });
      }),
      params(2),
    );
  });

  it("lastPlaceDeductions (ties all): whoever scores lower than someone deducted is deducted too, from a place no higher up", () => {
    fc.assert(
      fc.property(resultsArb, fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 8 }), (results, deductions, minGroupSize) => {
        const ranking = rank(results, { groupBy: "group", tieBreak: ["group:g"] });
        const out = lastPlaceDeductions(ranking, { deductions: deductions.map((d) => d / 4), minGroupSize });
        const place = new Map(out.deductions.map((d) => [d.subjectId, d.bottomPlace]));
        const exempt = new Set(out.groups.filter((g) => g.exempt).map((g) => g.peerGroup));
        pairs(ranking.entries, (better, worse) => {
          if (exempt.has(better.peerGroup)) return;
          if (place.has(better.subjectId)) {
            expect(place.has(worse.subjectId)).toBe(true);
            expect(place.get(worse.subjectId)!).toBeLessThan(place.get(better.subjectId)!);
          }
        });
      }),
      params(2),
    );
  });

  it("linkOrganizations (table, proportional, standard): a better score in a peer group never links fewer points", () => {
    fc.assert(
      fc.property(resultsArb, fc.integer({ min: 0, max: 30 }), (results, spread) => {
        for (const policy of [
          { method: { type: "table" as const, table: [{ upTo: 1, points: 100 }, { upTo: 3, points: 97 }, { upTo: 6, points: "94.5" }], rest: 90 }, groupBy: "group" },
          { method: { type: "proportional" as const, full: 20 }, bounds: { min: 3, max: 19 }, groupBy: "group" },
          { method: { type: "standard" as const, mean: 80, spread }, rounding: { decimals: 2, mode: "half-even" as const }, groupBy: "group" },
        ]) {
          const links = linkOrganizations(results, policy);
          const list = links.map((l) => ({ ...l, score: Number(l.score) }));
          pairs(list, (better, worse) => expect(D(better.exact).gte(worse.exact)).toBe(true));
        }
      }),
      params(2),
    );
  });
});
