/**
 * Benchmark: cascading a national plan down a tree the size of the national service
 * (1 + 36 + ~500 + ~3,000 + ~18,000 units) with 80 indicators, against a baseline in the same run:
 * the same splits done in plain float64 arithmetic with no rounding, checks, lineage or schemes
 * (the speed limit, inexact). Reports the time of each and the ratio.
 *
 *   npm run bench -- [--indicators 80] [--runs 3]
 */
import { performance } from "node:perf_hooks";
import { cascade, defineOrgTree, type CascadePlan, type OrgUnit } from "../src/index.js";
import { random } from "../examples/random.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const INDICATORS = arg("indicators", 80);
const RUNS = arg("runs", 3);

const rand = random(7);

// The tree: national → 36 provinces → ~14 cities each → ~6 counties each → ~6 branches each.
const units: OrgUnit[] = [{ id: "N", level: "national" }];
const levels: string[][] = [["N"]];
for (const [level, fanOut] of [["province", 36], ["city", 14], ["county", 6], ["branch", 6]] as const) {
  const next: string[] = [];
  for (const parent of levels[levels.length - 1]!) {
    const n = level === "province" ? fanOut : Math.max(1, Math.round(fanOut * (0.5 + rand())));
    for (let i = 0; i < n; i++) {
      const id = `${parent}.${i}`;
      units.push({ id, level, parent });
      next.push(id);
    }
  }
  levels.push(next);
}
const base = (level: string[]) => Object.fromEntries(level.map((id) => [id, 1000 + Math.floor(rand() * 9000)]));
const bases = levels.slice(1).map(base);

const plan: CascadePlan = {
  id: "national",
  indicators: Array.from({ length: INDICATORS }, (_, k) => {
    const kind = k % 4;
    return {
      id: `i${k}`,
      points: 1,
      target: 10_000_000 + k,
      decimals: 2,
      method: { type: "completion" as const, target: 1 },
      steps:
        kind === 0
          ? bases.map((b) => ({ how: "split" as const, by: "base" as const, base: b }))
          : kind === 1
            ? [{ how: "split" as const, by: "equal" as const }, { how: "split" as const, by: "equal" as const }, { how: "split" as const, by: "equal" as const }]
            : kind === 2
              ? [{ how: "replicate" as const }, { how: "replicate" as const }, { how: "replicate" as const }, { how: "replicate" as const }]
              : [{ how: "split" as const, by: "base" as const, base: bases[0]! }, { how: "retain" as const }],
    };
  }),
};

/** The baseline: the same splits in float64, nothing else. */
function floatBaseline(): number {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent)!).push(u.id);
  let checksum = 0;
  for (const ind of plan.indicators) {
    let frontier: [string, number][] = [["N", Number(ind.target)]];
    for (const step of ind.steps ?? []) {
      const next: [string, number][] = [];
      for (const [unit, target] of frontier) {
        const kids = children.get(unit) ?? [];
        if (step.how === "retain") continue;
        if (step.how === "replicate") for (const k of kids) next.push([k, target]);
        else if (step.by === "equal") for (const k of kids) next.push([k, target / kids.length]);
        else if (step.by === "base") {
          const total = kids.reduce((s, k) => s + Number(step.base[k]), 0);
          for (const k of kids) next.push([k, (target * Number(step.base[k])) / total]);
        }
      }
      frontier = next;
    }
    for (const [, t] of frontier) checksum += t;
  }
  return checksum;
}

const time = (fn: () => unknown) => {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return Math.min(...times);
};

const tree = defineOrgTree(units);
let conserved = true;
const engine = time(() => {
  const result = cascade(plan, tree);
  conserved = result.report.conservation.every((c) => c.ok);
});
const baseline = time(floatBaseline);
const heap = process.memoryUsage().heapUsed / 2 ** 20;
console.log(`cascade: ${units.length} units, ${INDICATORS} indicators, best of ${RUNS}`);
console.log(`  jixiao cascade (exact, checked, lineage, schemes): ${(engine / 1000).toFixed(2)} s`);
console.log(`  float64 baseline (splits only, inexact):          ${(baseline / 1000).toFixed(3)} s`);
console.log(`  ratio: ${(engine / baseline).toFixed(0)}× the float baseline; every split conserved: ${conserved}; heap ${heap.toFixed(0)} MiB`);
