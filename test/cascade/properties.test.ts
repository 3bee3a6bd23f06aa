import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cascade, defineOrgTree, safeDefineScheme, type CascadePlan, type CascadeResult, type CascadeStep, type OrgUnit, type PlanIndicator } from "../../src/index.js";
import { runs } from "../helpers.js";

/*
 * Random trees (2 to 4 levels, random fan-out, ids whose code-unit order differs from the order
 * they are made in) and random plans (equal, shares, base, amounts, replicate, retain at each
 * level; targets with 0 to 4 decimals). An independent model splits every target with BigInt on
 * scaled integers (largest remainder, ties to the earlier id in code-unit order) and the library's
 * output is checked against it.
 */

const KINDS = ["equal", "shares", "base", "amounts", "replicate", "retain"] as const;
type Kind = (typeof KINDS)[number];

/** Scaled integer → decimal text without trailing zeros ("12.5", "3", "0.07"). */
function fmt(v: bigint, d: number): string {
  const s = v.toString().padStart(d + 1, "0");
  const int = s.slice(0, s.length - d);
  const frac = s.slice(s.length - d).replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}
/** Decimal text → scaled integer at `d` decimals (throws when it has more). */
function scaled(t: string, d: number): bigint {
  const [int, frac = ""] = t.split(".");
  if (frac.length > d) throw new Error(`${t} has more than ${d} decimals`);
  return BigInt(int! + frac.padEnd(d, "0"));
}
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Largest remainder on integers: `total` split by integer `weights` (not all 0), ties to the earlier key. */
function largestRemainder(total: bigint, weights: readonly { key: string; w: bigint }[]): bigint[] {
  const sumW = weights.reduce((s, x) => s + x.w, 0n);
  const floors = weights.map((x) => (total * x.w) / sumW);
  const rems = weights.map((x) => (total * x.w) % sumW);
  let left = total - floors.reduce((s, x) => s + x, 0n);
  const order = weights.map((x, i) => i).sort((i, j) => (rems[j]! > rems[i]! ? 1 : rems[j]! < rems[i]! ? -1 : byCodeUnit(weights[i]!.key, weights[j]!.key)));
  for (const i of order) {
    if (left <= 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors;
}

interface Tree {
  readonly units: OrgUnit[];
  readonly root: string;
  readonly children: Map<string, string[]>;
  readonly depth: Map<string, number>;
  /** Each unit's ordinal, for picking its random weights. */
  readonly ordinal: Map<string, number>;
}

const treeArb = fc
  .record({
    below: fc.integer({ min: 1, max: 3 }),
    fan: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 90, maxLength: 90 }),
    names: fc.uniqueArray(fc.integer({ min: 0, max: 99_999 }), { minLength: 90, maxLength: 90 }),
  })
  .map(({ below, fan, names }): Tree => {
    const root = `u${names[0]}`;
    const units: OrgUnit[] = [{ id: root, level: "L0" }];
    const children = new Map<string, string[]>();
    const depth = new Map([[root, 0]]);
    const ordinal = new Map([[root, 0]]);
    let level = [root];
    let f = 0;
    for (let d = 1; d <= below; d++) {
      const next: string[] = [];
      for (const parent of level) {
        const n = (fan[f++ % fan.length] ?? 0) + (parent === root ? 1 : 0);
        for (let k = 0; k < n; k++) {
          const id = `u${names[units.length]}`;
          ordinal.set(id, units.length);
          units.push({ id, level: `L${d}`, parent });
          depth.set(id, d);
          next.push(id);
          children.set(parent, [...(children.get(parent) ?? []), id]);
        }
      }
      level = next;
    }
    for (const list of children.values()) list.sort(byCodeUnit);
    return { units, root, children, depth, ordinal };
  });

const indicatorArb = fc.record({
  kinds: fc.array(fc.constantFrom<Kind>(...KINDS), { minLength: 0, maxLength: 3 }),
  decimals: fc.integer({ min: 0, max: 4 }),
  target: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  points: fc.integer({ min: 1, max: 50 }),
  /** Random weights by unit ordinal, for shares, bases and amounts. */
  weights: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 90, maxLength: 90 }),
});

const caseArb = fc.record({
  tree: treeArb,
  indicators: fc.array(indicatorArb, { minLength: 1, maxLength: 3 }),
  rebase: fc.boolean(),
  order: fc.array(fc.nat(), { minLength: 90, maxLength: 90 }),
});

/** The value an arbitrary makes. */
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

interface Expected {
  /** Unit → scaled target, for every unit the indicator lands in below the root. */
  readonly landed: Map<string, bigint>;
  /** Parent → its children's parts, for every split. */
  readonly splits: Map<string, { unit: string; part: bigint }[]>;
}

/** Builds the plan indicator and, independently, what the cascade must give. */
function build(t: Tree, x: Of<typeof indicatorArb>, id: string): { indicator: PlanIndicator; expected: Expected } {
  const d = x.decimals;
  const steps: CascadeStep[] = [];
  const landed = new Map<string, bigint>();
  const splits = new Map<string, { unit: string; part: bigint }[]>();
  const w = (u: string) => BigInt(x.weights[t.ordinal.get(u)! % x.weights.length]!);
  let frontier: { unit: string; target: bigint }[] = [{ unit: t.root, target: x.target }];
  for (let depth = 0; depth < x.kinds.length && frontier.length > 0; depth++) {
    const kind = x.kinds[depth]!;
    const table: Record<string, string> = {};
    const next: { unit: string; target: bigint }[] = [];
    for (const f of frontier) {
      const kids = t.children.get(f.unit) ?? [];
      if (kind === "retain" || kids.length === 0) continue;
      if (kind === "replicate") {
        for (const k of kids) next.push({ unit: k, target: f.target });
        continue;
      }
      let parts: bigint[];
      if (kind === "equal") parts = largestRemainder(f.target, kids.map((k) => ({ key: k, w: 1n })));
      else if (kind === "base") {
        // bases with one decimal (weight 7 → "0.7"); a parent whose children all have 0 gets 1 for the first
        const bases = kids.map((k, i) => (kids.every((c) => w(c) === 0n) && i === 0 ? 1n : w(k)));
        kids.forEach((k, i) => (table[k] = fmt(bases[i]!, 1)));
        parts = largestRemainder(f.target, kids.map((k, i) => ({ key: k, w: bases[i]! })));
      } else if (kind === "shares") {
        // shares of 1/10000 that add up to exactly 1
        const raw = kids.every((c) => w(c) === 0n) ? kids.map(() => 1n) : kids.map(w);
        const tenThousandths = largestRemainder(10_000n, kids.map((k, i) => ({ key: k, w: raw[i]! })));
        kids.forEach((k, i) => (table[k] = fmt(tenThousandths[i]!, 4)));
        parts = largestRemainder(f.target, kids.map((k, i) => ({ key: k, w: tenThousandths[i]! })));
      } else {
        // amounts: any split that adds up; floors by weight, the rest to the first child
        const raw = kids.map(w);
        const sumW = raw.reduce((s, v) => s + v, 0n);
        parts = sumW === 0n ? kids.map((_, i) => (i === 0 ? f.target : 0n)) : raw.map((v) => (f.target * v) / sumW);
        parts[0]! += f.target - parts.reduce((s, v) => s + v, 0n);
        kids.forEach((k, i) => (table[k] = fmt(parts[i]!, d)));
      }
      splits.set(f.unit, kids.map((k, i) => ({ unit: k, part: parts[i]! })));
      kids.forEach((k, i) => {
        if (parts[i]! > 0n) next.push({ unit: k, target: parts[i]! });
      });
    }
    // a level where no unit splits needs no table (an empty one is refused): write it as an equal split
    const noTable = (kind === "shares" || kind === "base" || kind === "amounts") && Object.keys(table).length === 0;
    steps.push(noTable ? { how: "split", by: "equal" } : kind === "retain" ? { how: "retain" } : kind === "replicate" ? { how: "replicate" } : kind === "equal" ? { how: "split", by: "equal" } : kind === "shares" ? { how: "split", by: "shares", shares: table } : kind === "base" ? { how: "split", by: "base", base: table } : { how: "split", by: "amounts", amounts: table });
    if (kind === "retain") break;
    for (const n of next) landed.set(n.unit, n.target);
    frontier = next;
  }
  const target = fmt(x.target, d);
  return {
    indicator: { id, points: x.points, target, decimals: d, method: { type: "completion", target }, steps },
    expected: { landed, splits },
  };
}

function planOf(c: Of<typeof caseArb>) {
  const built = c.indicators.map((x, i) => build(c.tree, x, `i${i}`));
  const plan: CascadePlan = { id: "random", points: c.rebase ? "rebase" : "keep", indicators: built.map((b) => b.indicator) };
  return { plan, expected: built.map((b) => b.expected) };
}

/** The plan with every table's keys in reverse order. */
function reversedTables(plan: CascadePlan): CascadePlan {
  const rev = (t: Readonly<Record<string, string | number>>) => Object.fromEntries(Object.entries(t).reverse());
  return {
    ...plan,
    indicators: plan.indicators.map((ind) => ({
      ...ind,
      ...(ind.steps === undefined ? {} : { steps: ind.steps.map((s): CascadeStep => (s.how !== "split" ? s : s.by === "shares" ? { ...s, shares: rev(s.shares) } : s.by === "base" ? { ...s, base: rev(s.base) } : s.by === "amounts" ? { ...s, amounts: rev(s.amounts) } : s)) }),
    })),
  };
}

const targetIn = (r: CascadeResult, unit: string, id: string) => r.units.find((u) => u.unit === unit)?.indicators.find((i) => i.id === id);

describe("cascade properties over random trees and plans", () => {
  it("children always add up exactly to the parent, at every level, as an independent BigInt model splits them", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { plan, expected } = planOf(c);
        const tree = defineOrgTree(c.tree.units);
        const r = cascade(plan, tree);
        plan.indicators.forEach((ind, i) => {
          const d = ind.decimals!;
          const e = expected[i]!;
          // every conservation check is ok, and adds up again in BigInt
          const checks = r.report.conservation.filter((x) => x.indicator === ind.id);
          expect(checks.map((x) => x.parent).sort(byCodeUnit)).toEqual([...e.splits.keys()].sort(byCodeUnit));
          for (const check of checks) {
            expect(check.ok).toBe(true);
            const parts = check.parts.map((p) => scaled(p.target, d));
            expect(parts.reduce((s, p) => s + p, 0n)).toBe(scaled(check.target, d));
            expect(scaled(check.sum, d)).toBe(scaled(check.target, d));
            expect(check.parts.map((p) => [p.unit, scaled(p.target, d)])).toEqual(e.splits.get(check.parent)!.map((p) => [p.unit, p.part]));
          }
          // each unit holds the model's target, and no other unit holds the indicator
          const holders = r.units.filter((u) => u.indicators.some((x) => x.id === ind.id)).map((u) => u.unit);
          expect(holders.sort(byCodeUnit)).toEqual([...e.landed.keys()].sort(byCodeUnit));
          for (const [unit, target] of e.landed) {
            const got = targetIn(r, unit, ind.id)!;
            expect(scaled(got.target!, d)).toBe(target);
            expect(got.lineage).toHaveLength(c.tree.depth.get(unit)! + 1);
            expect(got.lineage.at(-1)).toMatchObject({ unit, target: got.target });
            expect(got.lineage[0]).toEqual({ unit: c.tree.root, target: ind.target, via: "plan" });
          }
        });
        // every scheme is valid; rebased schemes add up to exactly 100
        for (const u of r.units) {
          expect(safeDefineScheme(u.scheme).success).toBe(true);
          const points = u.scheme.groups.flatMap((g) => g.indicators).reduce((s, x) => s + scaled(String(x.points), 2), 0n);
          if (c.rebase) expect(points).toBe(10_000n);
          expect(scaled(String(u.scheme.full), 2)).toBe(points);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it("a retained indicator never appears below the unit that retains it; one passed on always reaches a child", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { plan } = planOf(c);
        const r = cascade(plan, c.tree.units);
        const has = (unit: string, id: string) => targetIn(r, unit, id) !== undefined;
        const below = (unit: string): string[] => (c.tree.children.get(unit) ?? []).flatMap((k) => [k, ...below(k)]);
        for (const u of r.units)
          for (const x of u.indicators) {
            if (x.retained) expect(below(u.unit).filter((k) => has(k, x.id))).toEqual([]);
            else expect((c.tree.children.get(u.unit) ?? []).some((k) => has(k, x.id))).toBe(true);
          }
        // the report's retained list: each holder marked retained, or the root
        for (const x of r.report.retained) {
          if (x.unit === c.tree.root) continue;
          expect(targetIn(r, x.unit, x.indicator)?.retained).toBe(true);
          expect(below(x.unit).filter((k) => has(k, x.indicator))).toEqual([]);
        }
        // an explicit retain at depth k: nothing deeper than k holds the indicator
        plan.indicators.forEach((ind) => {
          const k = ind.steps!.findIndex((s) => s.how === "retain");
          if (k < 0) return;
          const deeper = r.units.filter((u) => c.tree.depth.get(u.unit)! > k && u.indicators.some((x) => x.id === ind.id));
          expect(deeper).toEqual([]);
        });
      }),
      { numRuns: runs(150) },
    );
  });

  it("the same plan twice gives the same JSON, whatever the order of the units and of the tables' keys", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { plan } = planOf(c);
        const once = JSON.stringify(cascade(plan, c.tree.units));
        expect(JSON.stringify(cascade(plan, c.tree.units))).toBe(once);
        const shuffled = c.tree.units.map((u, i) => ({ u, k: c.order[i % c.order.length]! })).sort((a, b) => a.k - b.k).map((x) => x.u);
        expect(JSON.stringify(cascade(plan, defineOrgTree(shuffled)))).toBe(once);
        expect(JSON.stringify(cascade(reversedTables(plan), [...c.tree.units].reverse()))).toBe(once);
      }),
      { numRuns: runs(100) },
    );
  });
});
