/**
 * Workload 6, the national year end to end, run in the benchmark's own thread or in worker threads
 * (bench/worker.mjs starts this module in a worker, which generates the nation itself from the same
 * seed and posts its results).
 *
 * The work is a list of items that the threads take one at a time from a shared counter: the
 * national cascade, and each county's year — for each of 4 quarters, tasks → credits into the
 * competitive indicator → score → last place → rescore with penalties → rank and tiers, then the
 * year's ledger plus the 4 quarterly results → `createLedger` → `annualResults`. Everything the
 * rules decide by rank is decided within a county (last place by department, tiers by county × job
 * level, annual tiers by job level within the county), so a county depends on nothing outside
 * itself: the results do not depend on which thread takes which county, nor on taking a county at
 * a time rather than a province.
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
  type TaskCredits,
} from "../src/index.js";
import { engineTotals } from "./engine.js";
import { cadresOf, countyTasks, generateNation, ledgerEntries, nationalPlan, quarterSubjects, TASK_POLICY, type Nation } from "./generate.js";
import { annualTiers, Clock, completionsOf, lastPlacePolicy, rankables, scheme, tierPolicy } from "./shared.js";

/** What a thread of workload 6 is asked to do. */
export interface ShareTask {
  /** The work, in the order it is taken: -1 for the national cascade, or a county's index (its year). */
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
  /** The cadres of the counties it took in its first run. */
  readonly cadres: number;
  readonly ledgerEntries: number;
  readonly annualGood: number;
  /**
   * A digest of every county's annual result (each person's exact total and tier): the sum, modulo
   * 2^32, of each county's FNV-1a hash, so it does not depend on which thread took which county.
   */
  readonly digest: number;
  /** The largest heap this thread used, MiB (sampled every 50 counties). */
  readonly peakHeapMiB: number;
  /** The largest resident set of the whole process seen from this thread, MiB. */
  readonly peakRssMiB: number;
}

const fnv = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

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
      const county = nation.counties[item]!;
      const list = cadresOf(nation, county);
      /** The county's four quarterly totals, in cadre order. */
      const quarterly: Float64Array[] = [];
      for (let q = 1; q <= 4; q++) {
        const t = countyTasks(nation, county, list, q);
        const allocation = clock.time("engine", () => allocateTasks(t.board, t.grabs, t.staff, TASK_POLICY.allocation), "tasks");
        const completions = completionsOf(t, allocation);
        const credits: TaskCredits = clock.time("engine", () => creditTasks(t.board, allocation, completions, TASK_POLICY.credit), "tasks");
        const applied = new Map(credits.people.map((x) => [x.person, x.applied]));
        const subjects = quarterSubjects(nation, county, list, q, (id) => applied.get(id) ?? 0);
        const first = clock.time("engine", () => engineTotals(scheme, subjects), "score");
        const penalized = clock.time("engine", () => withPenalties(subjects, lastPlaceDeductions(rank(rankables(subjects, first), { groupBy: "department" }), lastPlacePolicy)), "last place");
        const totals = clock.time("engine", () => engineTotals(scheme, penalized), "score");
        clock.time("engine", () => assignTiers(rank(rankables(penalized, totals), { groupBy: "peer" }), tierPolicy), "rank and tier");
        const byId = new Map(totals.map((x) => [x.subjectId, Number(x.total)]));
        quarterly.push(Float64Array.from(list, (c) => byId.get(c.id)!));
      }
      const entries = ledgerEntries(nation, county, list);
      const annual = clock.time(
        "engine",
        () => {
          for (let q = 0; q < 4; q++)
            entries.push(...resultEntries(list.map((c, k) => ({ subjectId: c.id, total: quarterly[q]![k]! })), { period: `2024-Q${q + 1}`, component: "quarterly", source: "季度考核" }));
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
        cadres += county.cadres;
        ledger += entries.length;
        good += annual.tiers.placements.filter((x) => x.tier === "好").length;
        const exact = new Map(annual.summaries.map((x) => [x.person, x.exact]));
        digest = (digest + fnv(annual.tiers.placements.map((x) => `${x.subjectId}:${exact.get(x.subjectId)}:${x.tier}`).join(","))) >>> 0;
      }
      if (county.index % 50 === 0) sample();
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
