import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cascade, rollUp, type CascadePlan, type UnitResult } from "../../src/index.js";
import { planArb, treeArb } from "./arbitraries.js";
import { params } from "./helpers.js";

/*
 * Conservation (R5, 压力等量传导): what the plan splits adds up exactly to what it came from.
 *
 * Already covered elsewhere, not repeated here: every split of the cascade (equal, shares, base,
 * amounts) adds up exactly to the parent's target, as an independent BigInt model splits it, and
 * rebased schemes add up to exactly 100 (test/cascade/properties.test.ts); a task's parts between
 * its co-owners, declared or equal, add up exactly to points × coefficient
 * (test/tasks/properties.test.ts).
 */

const Exact = Decimal.clone({ precision: 100 });

describe("conservation inside units and back up the tree", () => {
  it("responsibilities: the executors' parts (declared shares or equal) add up exactly to the unit's target, each a whole number of the indicator's unit, each within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        treeArb.chain((t) => fc.tuple(fc.constant(t), planArb(t))),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 })), { minLength: 1, maxLength: 4 }),
        ([t, plan], duties) => {
          const first = cascade(plan, t.units);
          const holders = first.units.filter((u) => u.level === "county").flatMap((u) => u.indicators.filter((x) => x.target !== null).map((x) => ({ unit: u.unit, indicator: x.id })));
          fc.pre(holders.length > 0);
          const responsibilities = duties.map(([n, declared, weights], i) => {
            const h = holders[i % holders.length]!;
            const raw = weights.slice(0, n).map((w, j) => (j === 0 ? w + 1 : w));
            // Declared shares in hundredths adding up to exactly 1.
            const sum = raw.reduce((a, b) => a + b, 0);
            const hundredths = raw.map((w) => Math.floor((100 * w) / sum));
            hundredths[0]! += 100 - hundredths.reduce((a, b) => a + b, 0);
            return {
              ...h,
              carrying: "levy",
              assessing: "office",
              executing: raw.map((_, j) => ({ person: `p${(j * 7) % 10}${j}`, ...(declared ? { share: new Decimal(hundredths[j]!).div(100).toString() } : {}) })),
            };
          });
          const r = cascade({ ...plan, responsibilities }, t.units);
          r.responsibilities.forEach((res, i) => {
            const decimals = plan.indicators.find((x) => x.id === res.indicator)!.decimals!;
            const unit = new Exact(10).pow(-decimals);
            const target = new Exact(res.target!);
            const parts = res.executing.map((e) => new Exact(e.target!));
            expect(parts.reduce((s, p) => s.plus(p), new Exact(0)).eq(target)).toBe(true);
            const given = responsibilities[i]!.executing;
            const shares = given.map((e) => (e.share === undefined ? new Exact(1).div(given.length) : new Exact(e.share)));
            parts.forEach((p, j) => {
              expect(p.mod(unit).isZero()).toBe(true);
              expect(p.gte(0)).toBe(true);
              expect(p.minus(target.times(shares[j]!)).abs().lt(unit)).toBe(true);
            });
          });
        },
      ),
      params(1),
    );
  });

  it("rolling the split targets back up the tree by sum gives the plan's target at the root, exactly (where no level replicates)", () => {
    fc.assert(
      fc.property(
        treeArb.chain((t) => fc.tuple(fc.constant(t), planArb(t))),
        ([t, plan]) => {
          const splitting: CascadePlan = { ...plan, indicators: plan.indicators.filter((x) => !x.steps!.some((s) => s.how === "replicate")), local: [] };
          fc.pre(splitting.indicators.length > 0);
          const r = cascade(splitting, t.units);
          // Each unit where an indicator stops reports its target as its actual.
          const results: UnitResult[] = r.units.flatMap((u) => u.indicators.filter((x) => x.origin === "cascade" && x.retained).map((x) => ({ unit: u.unit, indicator: x.id, actual: x.target!, target: x.target! })));
          const ids = splitting.indicators.map((x) => x.id);
          const rolled = rollUp(t.units, results, Object.fromEntries(ids.map((id) => [id, { how: "sum" as const }])));
          for (const x of splitting.indicators) {
            const retainedAtRoot = x.steps![0]!.how === "retain" || (t.children.get(t.root) ?? []).length === 0;
            const root = rolled.find((v) => v.unit === t.root && v.indicator === x.id);
            // Retained at the root: nothing goes down, nothing comes back up.
            if (retainedAtRoot) expect(root).toBeUndefined();
            else {
              expect(root!.exact).toBe(new Exact(String(x.target)).toString());
              expect(root!.target).toBe(new Exact(String(x.target)).toString());
            }
          }
        },
      ),
      params(2),
    );
  });
});
