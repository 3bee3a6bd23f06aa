/**
 * The fast paths of rank, assignTiers and lastPlaceDeductions against the paths they shortcut:
 * totals given as numbers are ranked as numbers, without decimals, and must rank exactly as the
 * same totals given as decimal text (which are read as decimals); a ranking rank made skips the
 * ranking schema and must give what the same ranking given as JSON gives; regrouping ranks a
 * ranking's scores as numbers and must give what ranking by the new field gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignTiers, lastPlaceDeductions, rank, safeRank, type Rankable, type RankOptions, type TierPolicy } from "../../src/index.js";
import { runs } from "../helpers.js";

/** Scores with ties, negatives, -0, fractions, and the ±10^18 edge (one beyond it). */
const scoreArb = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.integer({ min: 0, max: 3000 }).map((n) => n / 100),
  fc.constantFrom(-0, 0.1, 0.30000000000000004, 1e-7, 1e18, -1e18, 1e19, 123456789.123456),
);
const rankablesArb = fc
  .array(
    fc.record({
      total: scoreArb,
      text: fc.boolean(),
      x: fc.integer({ min: 0, max: 3 }),
      dept: fc.constantFrom("d1", "d2", "d3"),
      level: fc.constantFrom(1, 2),
      name: fc.option(fc.constantFrom("张三", "李四"), { nil: undefined }),
      veto: fc.boolean(),
      flag: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((xs) =>
    xs.map(
      (x, i): Rankable & { readonly text: boolean } => ({
        subjectId: `s${(i * 7) % 41}`,
        ...(x.name !== undefined ? { name: x.name } : {}),
        total: x.total,
        text: x.text,
        group: x.dept,
        attributes: { dept: x.dept, level: x.level },
        indicators: [{ id: "x", earned: x.x }],
        vetoes: x.veto ? [{ id: "v" }] : [],
        flags: x.flag ? [{ id: "f" }] : [],
      }),
    ),
  );
const optionsArb: fc.Arbitrary<RankOptions> = fc.record(
  {
    order: fc.constantFrom("desc" as const, "asc" as const),
    groupBy: fc.constantFrom("group", "dept", "level"),
    ties: fc.constantFrom("competition" as const, "dense" as const, "ordinal" as const),
    tieBreak: fc.constantFrom([], ["indicator:x" as const]),
  },
  { requiredKeys: [] },
);
/** A total as decimal text: the number's own shortest decimal, which is what its decimal is. */
const asText = (xs: readonly (Rankable & { readonly text: boolean })[], which: (x: { readonly text: boolean }) => boolean) =>
  xs.map(({ text, ...x }) => (which({ text }) ? { ...x, total: String(x.total) } : x));
const json = (v: unknown) => JSON.stringify(v);

describe("rank: totals as numbers rank exactly as the same totals as decimal text", () => {
  it("all numbers, all text, or mixed (groups that mix them compare as decimals), with every error the same", () => {
    fc.assert(
      fc.property(rankablesArb, optionsArb, (xs, o) => {
        // toEqual, not JSON: a -0 score would print as 0.
        const numbers = safeRank(asText(xs, () => false), o);
        expect(safeRank(asText(xs, () => true), o)).toEqual(numbers);
        expect(safeRank(asText(xs, (x) => x.text), o)).toEqual(numbers);
      }),
      { numRuns: runs(300) },
    );
  });
});

const TIERS: TierPolicy = {
  tiers: [{ name: "好", share: 0.3, excludeVetoed: true, excludeFlags: ["f"] }, { name: "较好", min: "8.5" }, { name: "中" }, { name: "差", share: 0.2 }],
  ties: "better",
  vetoTier: "差",
};
const policyArb = fc.record({
  count: fc.constantFrom("floor" as const, "round" as const, "ceil" as const),
  ties: fc.constantFrom("better" as const, "worse" as const, "break" as const),
  compare: fc.constantFrom("exact" as const, "truncate" as const),
  vetoCountsInQuota: fc.boolean(),
});

describe("tiers and last place: a ranking rank made, as JSON, and regrouped", () => {
  it("give the same as the same ranking given as JSON (checked by the schema), and regrouping gives what ranking by the field gives", () => {
    fc.assert(
      fc.property(rankablesArb, optionsArb, policyArb, (xs, o, more) => {
        const made = safeRank(asText(xs, (x) => x.text), { ...o, order: "desc" });
        if (!made.success) return;
        const data = JSON.parse(json(made.output));
        const policy = { ...TIERS, ...more };
        expect(json(assignTiers(data, policy))).toBe(json(assignTiers(made.output, policy)));
        const last = { deductions: [1, "0.5"], below: 9, minGroupSize: 2, flag: { id: "pd" } };
        expect(json(lastPlaceDeductions(data, last))).toBe(json(lastPlaceDeductions(made.output, last)));
        // Regrouped by level, or ranked by level from the start: the same tiers and deductions.
        const direct = rank(asText(xs, (x) => x.text), { ...o, order: "desc", groupBy: "level" });
        expect(json(assignTiers(made.output, { ...policy, groupBy: "level" }).placements)).toBe(json(assignTiers(direct, policy).placements));
        expect(json(lastPlaceDeductions(data, { ...last, groupBy: "level" }))).toBe(json(lastPlaceDeductions(direct, last)));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe("rank: an entry's attributes are its own fields, whatever Object.prototype holds", () => {
  it("a setter on Object.prototype named like an attribute does not catch the copy", () => {
    const before = json(rank([{ subjectId: "a", total: 1, attributes: { dept: "d1" } }], { groupBy: "dept" }));
    let caught = 0;
    Object.defineProperty(Object.prototype, "dept", { set: () => void caught++, configurable: true });
    try {
      const r = rank([{ subjectId: "a", total: 1, attributes: { dept: "d1" } }], { groupBy: "dept" });
      expect(Object.prototype.hasOwnProperty.call(r.entries[0]!.attributes, "dept")).toBe(true);
      expect(json(r)).toBe(before);
      expect(caught).toBe(0);
    } finally {
      delete (Object.prototype as { dept?: unknown }).dept;
    }
  });
});
