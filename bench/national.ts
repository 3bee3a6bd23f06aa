/**
 * Workload 6, the national year end to end, for a share of the provinces: run in the benchmark's
 * own thread or, one share each, in worker threads (bench/worker.mjs starts this module in a
 * worker; it then generates the nation itself from the same seed and posts its share's results).
 *
 * A share is a set of provinces: for each of 4 quarters and each of its counties, tasks → credits
 * into the competitive indicator → score → last place → rescore with penalties → rank and tiers
 * (last place and tiers are decided within a province); optionally the national cascade; then per
 * county the year's ledger plus the 4 quarterly results → `createLedger` → `annualResults`. Counties
 * and provinces depend on nothing outside themselves, so the shares' results are those of one run
 * over every province.
 */
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import {
  allocateTasks,
  annualResults,
  assignTiers,
  cascade,
  createLedger,
  creditTasks,
  defineOrgTree,
  lastPlaceDeductions,
  rank,
  resultEntries,
  withPenalties,
  type SubjectInput,
  type TaskCredits,
} from "../src/index.js";
import { engineTotals } from "./engine.js";
import { cadresOf, countyTasks, generateNation, ledgerEntries, nationalPlan, quarterSubjects, TASK_POLICY, type Cadre, type County, type Nation } from "./generate.js";
import { annualTiers, Clock, completionsOf, lastPlacePolicy, rankables, scheme, tierPolicy } from "./shared.js";

/** What one share of workload 6 is asked to do. */
export interface ShareTask {
  /** The provinces (indices into `nation.provinces`). */
  readonly provinces: readonly number[];
  /** Whether this share also cascades the national plan. */
  readonly cascade: boolean;
  /** The cascade plan's indicators. */
  readonly indicators: number;
  /** How many times to run it. */
  readonly runs: number;
}

/** One run of a share. */
export interface ShareRun {
  /** Time of the engine's calls, ms. */
  readonly engineMs: number;
  /** The same, by part. */
  readonly parts: Record<string, number>;
  /** Wall time of the run, generation included, ms. */
  readonly wallMs: number;
}

/** A share's runs and what its first run produced. */
export interface ShareResult {
  readonly runs: readonly ShareRun[];
  readonly cadres: number;
  readonly ledgerEntries: number;
  readonly annualGood: number;
  /**
   * A digest of every county's annual result (each person's exact total and tier): the sum, modulo
   * 2^32, of each county's FNV-1a hash, so it does not depend on how the provinces are shared out.
   */
  readonly digest: number;
  /** The largest heap this thread used, MiB (sampled at county and province boundaries). */
  readonly peakHeapMiB: number;
  /** The largest resident set of the whole process seen from this thread, MiB. */
  readonly peakRssMiB: number;
}

const fnv = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Runs workload 6 for a share of the provinces, `task.runs` times. */
export function nationalShare(nation: Nation, task: ShareTask): ShareResult {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const provinces = task.provinces.map((i) => nation.provinces[i]!);
  const counties = provinces.flatMap((p) => p.counties.filter((c) => c.cadres > 0));
  const tree = task.cascade ? defineOrgTree(nation.units) : undefined;
  const plan = task.cascade ? nationalPlan(nation, task.indicators) : undefined;
  const runs: ShareRun[] = [];
  let ledger = 0;
  let good = 0;
  let digest = 0;
  for (let r = 0; r < task.runs; r++) {
    const clock = new Clock();
    const wall = performance.now();
    /** Each county's four quarterly totals, in cadre order. */
    const quarterly = new Map<number, Float64Array[]>();
    for (let q = 1; q <= 4; q++) {
      for (const p of provinces) {
        const subjects: SubjectInput[] = [];
        const cadreLists: [County, Cadre[]][] = [];
        for (const county of p.counties) {
          if (county.cadres === 0) continue;
          const list = cadresOf(nation, county);
          cadreLists.push([county, list]);
          const t = countyTasks(nation, county, list, q);
          const allocation = clock.time("engine", () => allocateTasks(t.board, t.grabs, t.staff, TASK_POLICY.allocation), "tasks");
          const completions = completionsOf(t, allocation);
          const credits: TaskCredits = clock.time("engine", () => creditTasks(t.board, allocation, completions, TASK_POLICY.credit), "tasks");
          const applied = new Map(credits.people.map((x) => [x.person, x.applied]));
          subjects.push(...quarterSubjects(nation, county, list, q, (id) => applied.get(id) ?? 0));
        }
        const first = clock.time("engine", () => engineTotals(scheme, subjects), "score");
        const penalized = clock.time("engine", () => withPenalties(subjects, lastPlaceDeductions(rank(rankables(subjects, first), { groupBy: "department" }), lastPlacePolicy)), "last place");
        const totals = clock.time("engine", () => engineTotals(scheme, penalized), "score");
        clock.time("engine", () => assignTiers(rank(rankables(penalized, totals), { groupBy: "peer" }), tierPolicy), "rank and tier");
        const byId = new Map(totals.map((t) => [t.subjectId, Number(t.total)]));
        for (const [county, list] of cadreLists) {
          const arrays = quarterly.get(county.index) ?? quarterly.set(county.index, []).get(county.index)!;
          arrays[q - 1] = Float64Array.from(list, (c) => byId.get(c.id)!);
        }
        sample();
      }
    }
    if (plan && tree) clock.time("engine", () => cascade(plan, tree), "cascade");
    sample();
    for (const county of counties) {
      const list = cadresOf(nation, county);
      const entries = ledgerEntries(nation, county, list);
      const arrays = quarterly.get(county.index)!;
      const annual = clock.time(
        "engine",
        () => {
          for (let q = 0; q < 4; q++)
            entries.push(...resultEntries(list.map((c, k) => ({ subjectId: c.id, total: arrays[q]![k]! })), { period: `2024-Q${q + 1}`, component: "quarterly", source: "季度考核" }));
          return annualResults(createLedger(entries), {
            year: "2024",
            people: list.map((c) => ({ id: c.id, attributes: { jobLevel: c.jobLevel } })),
            rank: { groupBy: "jobLevel" },
            tiers: annualTiers,
          });
        },
        "ledgers and annual tiers",
      );
      if (r === 0) {
        ledger += entries.length;
        good += annual.tiers.placements.filter((x) => x.tier === "好").length;
        const exact = new Map(annual.summaries.map((s) => [s.person, s.exact]));
        digest = (digest + fnv(annual.tiers.placements.map((x) => `${x.subjectId}:${exact.get(x.subjectId)}:${x.tier}`).join(","))) >>> 0;
      }
      if (county.index % 50 === 0) sample();
    }
    sample();
    runs.push({ engineMs: clock.ms.engine ?? 0, parts: clock.parts, wallMs: performance.now() - wall });
  }
  const MiB = 2 ** 20;
  return {
    runs,
    cadres: counties.reduce((a, c) => a + c.cadres, 0),
    ledgerEntries: ledger,
    annualGood: good,
    digest,
    peakHeapMiB: Math.round(peakHeap / MiB),
    peakRssMiB: Math.round(peakRss / MiB),
  };
}

/** In a worker thread started by bench/worker.mjs: generate the nation, run the share, post the result. */
if (!isMainThread && (workerData as { share?: unknown } | null)?.share) {
  const { cadres, share } = workerData as { cadres: number; share: ShareTask };
  parentPort!.postMessage(nationalShare(generateNation(cadres), share));
}
