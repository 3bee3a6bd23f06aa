/**
 * Workload 6, the national year end to end, run in the benchmark's own thread or in worker threads
 * (bench/worker.mjs starts this module in a worker, which generates the nation itself from the same
 * seed and posts its results).
 *
 * The work is a list of items that the threads take one at a time from a shared counter: the
 * national cascade, and each half province's year — for each of 4 quarters and each of its counties,
 * tasks → credits into the competitive indicator → score → last place → rescore with penalties →
 * rank and tiers, then per county the year's ledger plus the 4 quarterly results → `createLedger` →
 * `annualResults`. Last place and tiers are decided within a county, so a county depends on nothing
 * outside itself and the results do not depend on which thread takes which half province.
 */
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

/** What a thread of workload 6 is asked to do. */
export interface ShareTask {
  /**
   * The work, in the order it is taken: -1 for the national cascade, or half a province (2 ×
   * province index + 0 for the first half of its counties, + 1 for the second): those counties'
   * four quarters, then their ledgers.
   */
  readonly items: readonly number[];
  /** The cascade plan's indicators. */
  readonly indicators: number;
  /** How many times to run the whole list. */
  readonly runs: number;
  /**
   * One counter per run, shared by every thread: a thread takes the next item of run r by adding 1
   * to counter r, so a thread that is ahead takes more items and the threads finish together.
   */
  readonly counters: SharedArrayBuffer;
}

/** One run of a thread. */
export interface ShareRun {
  /** Time of the engine's calls, ms. */
  readonly engineMs: number;
  /** The same, by part. */
  readonly parts: Record<string, number>;
  /** The items it took. */
  readonly items: number;
}

/** A thread's runs and what its first run produced. */
export interface ShareResult {
  readonly runs: readonly ShareRun[];
  /** The cadres of the provinces it took in its first run. */
  readonly cadres: number;
  readonly ledgerEntries: number;
  readonly annualGood: number;
  /**
   * A digest of every county's annual result (each person's exact total and tier): the sum, modulo
   * 2^32, of each county's FNV-1a hash, so it does not depend on which thread took which province.
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

/**
 * The counties with cadres of half a province (item 2p: the first half of province p's, 2p + 1: the
 * rest). Everything a quarter decides by rank is decided within a county (last place by
 * department, tiers by county × job level), so a province can be taken in halves.
 */
export function halfProvince(nation: Nation, item: number): County[] {
  const counties = nation.provinces[item >> 1]!.counties.filter((c) => c.cadres > 0);
  const middle = counties.length >> 1;
  return item % 2 === 0 ? counties.slice(0, middle) : counties.slice(middle);
}

/** Takes items of workload 6 from the shared list until none is left, `task.runs` times. */
export function nationalShare(nation: Nation, task: ShareTask): ShareResult {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const counters = new Int32Array(task.counters);
  const runs: ShareRun[] = [];
  let cadres = 0;
  let ledger = 0;
  let good = 0;
  let digest = 0;
  for (let r = 0; r < task.runs; r++) {
    const clock = new Clock();
    let items = 0;
    for (let at = Atomics.add(counters, r, 1); at < task.items.length; at = Atomics.add(counters, r, 1)) {
      items++;
      const item = task.items[at]!;
      if (item < 0) {
        const tree = defineOrgTree(nation.units);
        const plan = nationalPlan(nation, task.indicators);
        clock.time("engine", () => cascade(plan, tree), "cascade");
        sample();
        continue;
      }
      const counties = halfProvince(nation, item);
      /** Each county's four quarterly totals, in cadre order. */
      const quarterly = new Map<number, Float64Array[]>();
      for (let q = 1; q <= 4; q++) {
        const subjects: SubjectInput[] = [];
        const cadreLists: [County, Cadre[]][] = [];
        for (const county of counties) {
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
      if (r === 0) cadres += counties.reduce((a, c) => a + c.cadres, 0);
      sample();
    }
    runs.push({ engineMs: clock.ms.engine ?? 0, parts: clock.parts, items });
  }
  const MiB = 2 ** 20;
  return { runs, cadres, ledgerEntries: ledger, annualGood: good, digest, peakHeapMiB: Math.round(peakHeap / MiB), peakRssMiB: Math.round(peakRss / MiB) };
}

/** In a worker thread started by bench/worker.mjs: generate the nation, take items, post the result. */
if (!isMainThread && (workerData as { share?: unknown } | null)?.share) {
  const { cadres, share } = workerData as { cadres: number; share: ShareTask };
  parentPort!.postMessage(nationalShare(generateNation(cadres), share));
}
