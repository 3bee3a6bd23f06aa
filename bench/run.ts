/**
 * The benchmark (`npm run bench`): seven workloads over a synthetic national service (bench/generate.ts),
 * each timed against baselines in the same run, with workload 1's totals checked against the
 * decimal.js baseline exactly. Prints a table and writes `bench/results/<date>-<cadres>.json`.
 *
 *   npm run bench -- [--cadres 10000] [--runs 3] [--workloads 1,2,3,4,5,6,7] [--skip decimal,zen]
 *                    [--indicators 80] [--workers 2] [--young-mb 384] [--out bench/results]
 *
 * Workloads: (1) score a quarter; (2) rank and tier within peer groups (county × job level);
 * (3) task credits (三单) and last-place deductions; (4) cascade the national plan; (5) summarize a
 * year of growth-account ledgers; (6) the whole national year end to end; (7) the ledger as a system
 * of record: single appends against one append, and summaries as of 12 moments. See docs/performance.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import {
  allocateTasks,
  appendEntries,
  assignTiers,
  cascade,
  createLedger,
  creditTasks,
  defineOrgTree,
  lastPlaceDeductions,
  rank,
  summarizeAccounts,
  withPenalties,
  type Ledger,
  type LedgerEntry,
  type Rankable,
  type SubjectInput,
} from "../src/index.js";
import { compileFloat, decimalTotals, floatTotals } from "./baselines.js";
import { engineTotals, type EngineTotal } from "./engine.js";
import { benchScheme, cadresOf, countyTasks, generateNation, ledgerEntries, nationalPlan, provinceQuarter, TASK_POLICY, type CountyTasks, type Province } from "./generate.js";
import { nationalShare, type ShareResult, type ShareTask } from "./national.js";
import { Clock, completionsOf, lastPlacePolicy, rankables, scheme, tierPolicy } from "./shared.js";
import { loadZen, zenTotals } from "./zen.js";

// ─────────────────────────────────────────── options ───────────────────────────────────────────

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CADRES = Number(flag("cadres") ?? 10_000);
const RUNS = Number(flag("runs") ?? 3);
const WORKLOADS = (flag("workloads") ?? "1,2,3,4,5,6,7").split(",").map(Number);
const SKIP = new Set((flag("skip") ?? "").split(",").filter(Boolean));
const INDICATORS = Number(flag("indicators") ?? 80);
const WORKERS = Number(flag("workers") ?? os.availableParallelism());
const YOUNG_MB = flag("young-mb") === undefined ? undefined : Number(flag("young-mb"));
const OUT = flag("out") ?? "bench/results";
if (!Number.isInteger(CADRES) || CADRES < 100 || CADRES > 2_000_000) throw new Error("--cadres must be a whole number from 100 to 2,000,000");
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs must be a whole number of at least 1");
if (!Number.isInteger(WORKERS) || WORKERS < 1 || WORKERS > 36) throw new Error("--workers must be a whole number from 1 to 36");
if (YOUNG_MB !== undefined && (!Number.isInteger(YOUNG_MB) || YOUNG_MB < 1 || YOUNG_MB > 4096)) throw new Error("--young-mb must be a whole number of MiB from 1 to 4096");

// ─────────────────────────────────────────── helpers ───────────────────────────────────────────

const MiB = 2 ** 20;
let peakRss = 0;
let peakHeap = 0;
/** Samples memory; called at every chunk boundary (no --expose-gc: peaks are as observed). */
function sample(): void {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
}
function resetPeaks(): void {
  peakRss = 0;
  peakHeap = 0;
  sample();
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Measure {
  /** Median time, ms. */
  readonly ms: number;
  readonly runs: readonly number[];
}
interface WorkloadResult {
  readonly id: number;
  readonly name: string;
  readonly items: number;
  readonly itemLabel: string;
  readonly engine: Measure;
  readonly float?: Measure;
  readonly decimal?: Measure;
  readonly zen?: Measure;
  /** engine ÷ float (how many times the float loop's time), decimal ÷ engine and zen ÷ engine (how many times faster). */
  readonly ratios: { readonly engineOverFloat?: number; readonly decimalOverEngine?: number; readonly zenOverEngine?: number };
  readonly peak: { readonly rssMiB: number; readonly heapUsedMiB: number };
  readonly notes: Record<string, unknown>;
}

function measures(runs: readonly Record<string, number>[], name: string): Measure | undefined {
  const xs = runs.map((r) => r[name]).filter((x): x is number => x !== undefined);
  return xs.length ? { ms: median(xs), runs: xs } : undefined;
}

function finish(id: number, name: string, items: number, itemLabel: string, runs: readonly Record<string, number>[], notes: Record<string, unknown>): WorkloadResult {
  const engine = measures(runs, "engine")!;
  const float = measures(runs, "float");
  const decimal = measures(runs, "decimal");
  const zen = measures(runs, "zen");
  return {
    id,
    name,
    items,
    itemLabel,
    engine,
    ...(float ? { float } : {}),
    ...(decimal ? { decimal } : {}),
    ...(zen ? { zen } : {}),
    ratios: {
      ...(float ? { engineOverFloat: engine.ms / float.ms } : {}),
      ...(decimal ? { decimalOverEngine: decimal.ms / engine.ms } : {}),
      ...(zen ? { zenOverEngine: zen.ms / engine.ms } : {}),
    },
    peak: { rssMiB: Math.round(peakRss / MiB), heapUsedMiB: Math.round(peakHeap / MiB) },
    notes,
  };
}

// ─────────────────────────────────────────── the data ──────────────────────────────────────────

const nation = generateNation(CADRES);
const floatScheme = compileFloat(benchScheme);
const text = (t: number | string) => String(t);
/** Engine totals of a province's quarter 1, computed once and kept (a number per cadre). */
const totalsCache = new Map<number, EngineTotal[]>();
function provinceTotals(p: Province, subjects: readonly SubjectInput[]): EngineTotal[] {
  let t = totalsCache.get(p.index);
  if (!t) totalsCache.set(p.index, (t = engineTotals(scheme, subjects)));
  return t;
}

// ─────────────────────────────────────────── workloads ─────────────────────────────────────────

async function workload1(zen: Awaited<ReturnType<typeof loadZen>>): Promise<WorkloadResult> {
  resetPeaks();
  const runs: Record<string, number>[] = [];
  let mismatches = 0;
  const examples: string[] = [];
  let floatOff = 0;
  let zenOff = 0;
  const zenExamples: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    const clock = new Clock();
    for (const p of nation.provinces) {
      const { subjects } = provinceQuarter(nation, p, 1);
      // Whoever runs first on a province's fresh data pays for touching it (cold memory, new group
      // strings): the engine and the float64 baseline take turns going first.
      const engineFirst = (p.index + r) % 2 === 0;
      const floatsBefore = engineFirst ? undefined : clock.time("float", () => floatTotals(floatScheme, subjects));
      const engine = clock.time("engine", () => engineTotals(scheme, subjects));
      const floats = floatsBefore ?? clock.time("float", () => floatTotals(floatScheme, subjects));
      sample();
      if (r === 0) totalsCache.set(p.index, engine);
      const exact = new Map(engine.map((t) => [t.subjectId, text(t.total)]));
      if (r === 0) subjects.forEach((s, k) => void (String(floats[k]) !== exact.get(s.id) && floatOff++));
      if (!SKIP.has("decimal")) {
        const dec = clock.time("decimal", () => decimalTotals(benchScheme, subjects));
        sample();
        if (r === 0)
          for (const d of dec)
            if (exact.get(d.subjectId) !== d.total) {
              mismatches++;
              if (examples.length < 10) examples.push(`${d.subjectId}: engine ${exact.get(d.subjectId)} decimal.js ${d.total}`);
            }
      }
      if (zen.ok && !SKIP.has("zen")) {
        const z = await clock.timeAsync("zen", () => zenTotals(zen.module, benchScheme, subjects));
        sample();
        if (r === 0)
          for (const t of z)
            if (exact.get(t.subjectId) !== t.total) {
              zenOff++;
              if (zenExamples.length < 5) zenExamples.push(`${t.subjectId}: engine ${exact.get(t.subjectId)} zen ${t.total}`);
            }
      }
    }
    runs.push(clock.ms);
  }
  return finish(1, "score a quarter", CADRES, "cadres", runs, {
    exactCheck: SKIP.has("decimal") ? "skipped" : { compared: CADRES, mismatches, examples },
    floatTotalsDifferingFromExact: floatOff,
    ...(zen.ok && !SKIP.has("zen") ? { zenTotalsDifferingFromExact: zenOff, zenExamples } : {}),
  });
}

/** Float baseline of workload 2: sort each peer group, cut 20% / 10% by position. */
function floatTiers(subjects: readonly SubjectInput[], totals: Float64Array): number {
  const groups = new Map<string, number[]>();
  subjects.forEach((s, i) => void (groups.get(s.group!) ?? groups.set(s.group!, []).get(s.group!)!).push(i));
  let good = 0;
  for (const list of groups.values()) {
    list.sort((a, b) => totals[b]! - totals[a]! || (subjects[a]!.id < subjects[b]!.id ? -1 : 1));
    const top = Math.floor(list.length * 0.2);
    const bottom = Math.floor(list.length * 0.1);
    for (let k = 0; k < list.length; k++) if (k < top) good++; else if (k >= list.length - bottom) good--;
  }
  return good;
}

function workload2(): WorkloadResult {
  resetPeaks();
  const runs: Record<string, number>[] = [];
  let groups = 0;
  const placed: Record<string, number> = {};
  for (let r = 0; r < RUNS; r++) {
    const clock = new Clock();
    for (const p of nation.provinces) {
      const { subjects } = provinceQuarter(nation, p, 1);
      const items = rankables(subjects, provinceTotals(p, subjects));
      const tiers = clock.time("engine", () => assignTiers(rank(items, { groupBy: "peer" }), tierPolicy));
      const floats = new Float64Array(items.map((i) => Number(i.total)));
      clock.time("float", () => floatTiers(subjects, floats));
      sample();
      if (r === 0) {
        groups += tiers.groups.length;
        for (const pl of tiers.placements) placed[pl.tier] = (placed[pl.tier] ?? 0) + 1;
      }
    }
    runs.push(clock.ms);
  }
  return finish(2, "rank and tier (county × job level)", CADRES, "cadres", runs, { peerGroups: groups, placed });
}

/** Float baseline of workload 3: seat grabs in time order, credit in float, find each department's last. */
function floatTasks(t: CountyTasks): Map<string, number> {
  const seats = new Map(t.board.tasks.map((x) => [x.id, { left: x.seats ?? 1, owners: [] as string[] }]));
  const per = new Map<string, number>();
  const grabs = [...t.grabs].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.person < b.person ? -1 : a.person > b.person ? 1 : a.task < b.task ? -1 : 1));
  for (const g of grabs) {
    const s = seats.get(g.task)!;
    if (s.left === 0 || (per.get(g.person) ?? 0) >= 3 || s.owners.includes(g.person)) continue;
    s.left--;
    s.owners.push(g.person);
    per.set(g.person, (per.get(g.person) ?? 0) + 1);
  }
  const coef: Record<string, number> = { 高: 1.5, 中: 1.2, 低: 1 };
  const quality: Record<string, number> = { 优: 1, 良: 0.85, 中: 0.7 };
  const credit = new Map<string, number>();
  for (const task of t.board.tasks) {
    const owners = seats.get(task.id)!.owners;
    for (const o of owners) {
      const c = t.completionOf(task.id, o);
      if (!c) continue;
      const v = ((Number(task.points) * coef[task.difficulty]!) / owners.length) * quality[c.quality as string]! * (c.completed ? 0.5 : 1);
      credit.set(o, Math.min(6, (credit.get(o) ?? 0) + v));
    }
  }
  return credit;
}
function floatLastPlace(items: readonly Rankable[]): number {
  const low = new Map<string, { min: number; n: number }>();
  for (const i of items) {
    const d = String(i.attributes!.department);
    const v = Number(i.total);
    const e = low.get(d);
    if (!e) low.set(d, { min: v, n: 1 });
    else (e.n++, v < e.min && (e.min = v));
  }
  let n = 0;
  for (const i of items) {
    const e = low.get(String(i.attributes!.department))!;
    if (e.n >= 5 && Number(i.total) === e.min) n++;
  }
  return n;
}

function workload3(): WorkloadResult {
  resetPeaks();
  const runs: Record<string, number>[] = [];
  let deducted = 0;
  let tasks = 0;
  let credited = 0;
  for (let r = 0; r < RUNS; r++) {
    const clock = new Clock();
    for (const p of nation.provinces) {
      const { subjects, cadres } = provinceQuarter(nation, p, 1);
      let at = 0;
      for (const county of p.counties) {
        const list = cadres.slice(at, (at += county.cadres));
        if (list.length === 0) continue;
        const t = countyTasks(nation, county, list, 1);
        const allocation = clock.time("engine", () => allocateTasks(t.board, t.grabs, t.staff, TASK_POLICY.allocation));
        const completions = completionsOf(t, allocation);
        const credits = clock.time("engine", () => creditTasks(t.board, allocation, completions, TASK_POLICY.credit));
        clock.time("float", () => floatTasks(t));
        if (r === 0) (tasks += t.board.tasks.length), (credited += credits.people.length);
      }
      const items = rankables(subjects, provinceTotals(p, subjects));
      const last = clock.time("engine", () => {
        const result = lastPlaceDeductions(rank(items, { groupBy: "department" }), lastPlacePolicy);
        withPenalties(subjects, result);
        return result;
      });
      clock.time("float", () => floatLastPlace(items));
      sample();
      if (r === 0) deducted += last.deductions.length;
    }
    runs.push(clock.ms);
  }
  return finish(3, "task credits and last place", CADRES, "cadres", runs, { tasks, peopleCredited: credited, lastPlaceDeductions: deducted });
}

/** Float baseline of workload 4 (as bench/cascade.ts had it): the same splits in float64, nothing else. */
function floatCascade(plan: ReturnType<typeof nationalPlan>): number {
  const children = new Map<string, string[]>();
  for (const u of nation.units) if (u.parent) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent)!).push(u.id);
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

const tree = defineOrgTree(nation.units);
const plan = nationalPlan(nation, INDICATORS);

function workload4(): WorkloadResult {
  resetPeaks();
  const runs: Record<string, number>[] = [];
  let conserved = true;
  let rows = 0;
  for (let r = 0; r < RUNS; r++) {
    const clock = new Clock();
    const result = clock.time("engine", () => cascade(plan, tree));
    sample();
    conserved &&= result.report.conservation.every((c) => c.ok);
    rows = result.units.reduce((a, u) => a + u.indicators.length, 0);
    clock.time("float", () => floatCascade(plan));
    runs.push(clock.ms);
  }
  return finish(4, `cascade the national plan (${INDICATORS} indicators)`, nation.units.length, "units", runs, { unitIndicators: rows, everySplitConserved: conserved });
}

/** Float baseline of workload 5: apply corrections and sum each person's year in float64. */
function floatLedger(entries: readonly LedgerEntry[]): Map<string, number> {
  const points = new Map<string, number>();
  for (const e of entries) {
    if (e.corrects === undefined) points.set(e.id, Number(e.points));
    else points.set(e.corrects, e.action === "reverse" ? 0 : Number(e.points));
  }
  const sums = new Map<string, number>();
  for (const e of entries) if (e.corrects === undefined) sums.set(e.person, (sums.get(e.person) ?? 0) + points.get(e.id)!);
  return sums;
}

function workload5(): WorkloadResult {
  resetPeaks();
  const runs: Record<string, number>[] = [];
  let entries = 0;
  for (let r = 0; r < RUNS; r++) {
    const clock = new Clock();
    for (const county of nation.counties) {
      if (county.cadres === 0) continue;
      const list = ledgerEntries(nation, county, cadresOf(nation, county));
      clock.time("engine", () => summarizeAccounts(createLedger(list), { period: "2024" }));
      clock.time("float", () => floatLedger(list));
      if (r === 0) entries += list.length;
      if (county.index % 50 === 0) sample();
    }
    sample();
    runs.push(clock.ms);
  }
  return finish(5, "summarize a year of ledgers", CADRES, "cadres", runs, { entries, entriesPerCadre: Math.round((entries / CADRES) * 10) / 10 });
}

/** The number of single appends (and the size of the one append they are compared with) in workload 7. */
const APPENDS = 100_000;

/**
 * A county's year of entries with the moment each was recorded: an ordinary entry at 09:00 on the
 * 5th of the month after its date (when the month's results are published), a correction at 10:00
 * on the 5th of the month after its own date — never before the entry it corrects.
 */
function recordedEntries(list: readonly LedgerEntry[]): LedgerEntry[] {
  const at = (date: string, hour: string) => {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    return `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, "0")}-05T${hour}`;
  };
  return list.map((e) => ({ ...e, recordedAt: at(e.date, e.corrects === undefined ? "09:00" : "10:00") }));
}

/** The cadres of workload 7's county: about 700,000 cadres over 3,096 counties. */
const COUNTY_CADRES = 226;

/** The 12 moments of workload 7's summaries: noon on the 5th of each month of 2024, after each month's recording. */
const MOMENTS = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, "0")}-05T12:00`);

/** Float baseline of single appends: what a float ledger does per entry — keep it, index its id, add its points to its person. */
function floatAppends(entries: readonly LedgerEntry[]): number {
  const kept: LedgerEntry[] = [];
  const byId = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const e of entries) {
    byId.set(e.id, kept.push(e) - 1);
    if (e.corrects === undefined) totals.set(e.person, (totals.get(e.person) ?? 0) + Number(e.points));
  }
  return totals.size;
}

/** Float baseline of a summary as of a moment: the entries recorded by then, corrections applied, summed in float64 for the year. */
function floatAsOf(entries: readonly LedgerEntry[], moment: string): Map<string, number> {
  return floatLedger(entries.filter((e) => e.recordedAt! <= moment));
}

/**
 * Workload 7: the ledger as a system of record, in three parts, each a row of the table.
 * - 100,000 single appends, each `appendEntries(ledger, [entry])`, against one `appendEntries` of the
 *   same 100,000 entries (its time is in the notes, with the ratio: appends scale when it stays
 *   small); float baseline: keeping, indexing and summing the entries one at a time.
 * - Summaries as of 12 moments of 2024 (`summarizeAccounts(ledger, { period: "2024", asOf })`) at
 *   national size: every county's ledger (entries with their recording times), made once, not timed.
 * - The same at county size: one ledger of a county of the service's mean size (COUNTY_CADRES,
 *   gathered from the first counties when the nation generated has smaller ones).
 */
function workload7(): WorkloadResult[] {
  resetPeaks();
  const counties = nation.counties.filter((c) => c.cadres > 0);
  // The entries of the first counties, up to APPENDS; the largest county's own.
  const appended: LedgerEntry[] = [];
  for (const county of counties) {
    if (appended.length >= APPENDS) break;
    for (const e of ledgerEntries(nation, county, cadresOf(nation, county))) if (appended.length < APPENDS) appended.push(e);
  }
  // A correction whose target was cut off by the limit would name an unknown entry: left out.
  const ids = new Set(appended.map((e) => e.id));
  const stream = appended.filter((e) => e.corrects === undefined || ids.has(e.corrects));
  const countyCadres = counties.flatMap((c) => cadresOf(nation, c)).slice(0, COUNTY_CADRES);
  const countyEntries = recordedEntries(ledgerEntries(nation, counties[0]!, countyCadres));
  const countyLedger = createLedger(countyEntries);
  const single: Record<string, number>[] = [];
  const national: Record<string, number>[] = [];
  const county: Record<string, number>[] = [];
  let nationalEntries = 0;
  for (let r = 0; r < RUNS; r++) {
    // Single appends and the one append, in turns, so that neither always runs first.
    const appends = new Clock();
    const one = () => appends.time("batch", () => appendEntries(createLedger(), stream));
    const each = () =>
      appends.time("engine", () => {
        let l: Ledger = createLedger();
        for (const e of stream) l = appendEntries(l, [e]);
        return l;
      });
    if (r % 2 === 0) {
      one();
      each();
    } else {
      each();
      one();
    }
    appends.time("float", () => floatAppends(stream));
    sample();
    single.push(appends.ms);

    const wide = new Clock();
    for (const c of counties) {
      const entries = recordedEntries(ledgerEntries(nation, c, cadresOf(nation, c)));
      const ledger = createLedger(entries);
      for (const asOf of MOMENTS) {
        wide.time("engine", () => summarizeAccounts(ledger, { period: "2024", asOf }));
        wide.time("float", () => floatAsOf(entries, asOf));
      }
      if (r === 0) nationalEntries += entries.length;
      if (c.index % 50 === 0) sample();
    }
    national.push(wide.ms);

    const narrow = new Clock();
    for (const asOf of MOMENTS) {
      narrow.time("engine", () => summarizeAccounts(countyLedger, { period: "2024", asOf }));
      narrow.time("float", () => floatAsOf(countyEntries, asOf));
    }
    sample();
    county.push(narrow.ms);
  }
  const batch = median(single.map((x) => x.batch!));
  const engine = median(single.map((x) => x.engine!));
  return [
    finish(7, `${stream.length.toLocaleString("en")} single appends`, stream.length, "entries", single, {
      oneAppendMs: Math.round(batch),
      singleOverOneAppend: Math.round((engine / batch) * 100) / 100,
    }),
    finish(7, "summaries as of 12 moments, national", CADRES * MOMENTS.length, "cadre-summaries", national, { moments: MOMENTS.length, ledgers: counties.length, entries: nationalEntries }),
    finish(7, `summaries as of 12 moments, county of ${countyCadres.length}`, countyCadres.length * MOMENTS.length, "cadre-summaries", county, { moments: MOMENTS.length, entries: countyEntries.length }),
  ];
}

/** Runs workload 6's items in a worker thread (bench/worker.mjs → bench/national.ts). */
const inWorker = (share: ShareTask) =>
  new Promise<ShareResult>((resolve, reject) => {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      workerData: { module: new URL("./national.ts", import.meta.url).href, cadres: CADRES, share },
      ...(YOUNG_MB ? { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } } : {}),
    });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`a workload 6 worker exited with code ${code}`)));
  });

/**
 * Workload 6: the cascade and each county's year (bench/national.ts), taken one at a time by
 * `--workers` threads from a shared list — the cascade first, then the counties from the largest —
 * so that the threads finish together. A run's time is the time of the engine's calls in the
 * busiest thread.
 */
async function workload6(): Promise<WorkloadResult> {
  resetPeaks();
  const counties = nation.counties.filter((c) => c.cadres > 0).sort((a, b) => b.cadres - a.cadres || a.index - b.index);
  const items = [-1, ...counties.map((c) => c.index)];
  const share: ShareTask = { items, indicators: INDICATORS, runs: RUNS, counters: new SharedArrayBuffer(4 * RUNS) };
  const wall = performance.now();
  const timer = setInterval(sample, 100);
  const done = WORKERS === 1 && !YOUNG_MB ? [nationalShare(nation, share)] : await Promise.all(Array.from({ length: WORKERS }, () => inWorker(share)));
  clearInterval(timer);
  sample();
  peakRss = Math.max(peakRss, ...done.map((d) => d.peakRssMiB * MiB));
  peakHeap = done.reduce((a, d) => a + d.peakHeapMiB * MiB, WORKERS === 1 ? 0 : peakHeap);
  const runs = Array.from({ length: RUNS }, (_, r) => ({ engine: Math.max(...done.map((d) => d.runs[r]!.engineMs)) }));
  const parts: Record<string, number> = {};
  for (const d of done) for (const [k, v] of Object.entries(d.runs[0]!.parts)) parts[k] = (parts[k] ?? 0) + v;
  return finish(6, "the national year end to end", CADRES, "cadres", runs, {
    workers: WORKERS,
    ...(YOUNG_MB ? { youngGenerationMiB: YOUNG_MB } : {}),
    ledgerEntries: done.reduce((a, d) => a + d.ledgerEntries, 0),
    annualGood: done.reduce((a, d) => a + d.annualGood, 0),
    annualDigest: done.reduce((a, d) => (a + d.digest) >>> 0, 0),
    threads: done.map((d) => ({ cadresRun1: d.cadres, items: d.runs.map((x) => x.items), engineMs: d.runs.map((x) => Math.round(x.engineMs)) })),
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [`ms:${k} (all threads, run 1)`, Math.round(v)])),
    wallMsIncludingGeneration: Math.round(performance.now() - wall),
  });
}

// ─────────────────────────────────────────── report ────────────────────────────────────────────

const fmtS = (ms: number | undefined) => (ms === undefined ? "—" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(3)} s`);
const fmtRate = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));
const fmtX = (x: number | undefined) => (x === undefined ? "—" : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`);

function table(results: readonly WorkloadResult[]): string {
  const head = ["workload", "engine", "throughput", "peak RSS", "peak heap", "float64", "engine ÷ float", "decimal.js", "decimal ÷ engine", "zen", "zen ÷ engine"];
  const rows = results.map((w) => [
    `${w.id} ${w.name}`,
    fmtS(w.engine.ms),
    `${fmtRate(w.items / (w.engine.ms / 1000))} ${w.itemLabel}/s`,
    `${w.peak.rssMiB} MiB`,
    `${w.peak.heapUsedMiB} MiB`,
    fmtS(w.float?.ms),
    fmtX(w.ratios.engineOverFloat),
    fmtS(w.decimal?.ms),
    fmtX(w.ratios.decimalOverEngine),
    fmtS(w.zen?.ms),
    fmtX(w.ratios.zenOverEngine),
  ]);
  const width = (i: number) => Math.max(...[head, ...rows].map((r) => [...r[i]!].length));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(width(i)) : c.padStart(width(i)))).join(" | ")} |`;
  return [line(head), `|${head.map((_, i) => `${i === 0 ? ":" : "-"}${"-".repeat(width(i))}${i === 0 ? "-" : ":"}`).join("|")}|`, ...rows.map(line)].join("\n");
}

const cpus = os.cpus();
const machine = { node: process.version, cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.arch()}` };
console.log(`jixiao bench — ${CADRES.toLocaleString("en")} cadres in ${nation.counties.length} counties, ${nation.units.length} units; median of ${RUNS} run(s)`);
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}`);

const zen = WORKLOADS.includes(1) && !SKIP.has("zen") ? await loadZen() : ({ ok: false, reason: "skipped (--skip zen or workload 1 not run)" } as const);
console.log(zen.ok ? `zen-engine: @gorules/zen-engine ${zen.version} loaded` : `zen-engine: not measured — ${zen.reason}`);
if (!zen.ok && !SKIP.has("zen")) console.log("  (to include it: npm install --no-save @gorules/zen-engine@0.54.0)");

const results: WorkloadResult[] = [];
const run = async (id: number, fn: () => WorkloadResult | WorkloadResult[] | Promise<WorkloadResult>) => {
  if (!WORKLOADS.includes(id)) return;
  const done = [await fn()].flat();
  results.push(...done);
  for (const w of done) console.log(`  workload ${id} done: ${w.name}: ${fmtS(w.engine.ms)}`);
};
await run(1, () => workload1(zen));
await run(2, workload2);
await run(3, workload3);
await run(4, workload4);
await run(5, workload5);
await run(6, workload6);
await run(7, workload7);

console.log("");
console.log(table(results));
const w1 = results.find((w) => w.id === 1);
const check = w1?.notes.exactCheck as { compared: number; mismatches: number; examples: string[] } | "skipped" | undefined;
if (w1) {
  console.log("");
  if (check === "skipped") console.log("exactness check: skipped (--skip decimal)");
  else if (check) console.log(`exactness check: engine totals = decimal.js totals for ${check.compared - check.mismatches} of ${check.compared} cadres (${check.mismatches} mismatches)`);
  console.log(`float64 totals that differ from the exact ones: ${w1.notes.floatTotalsDifferingFromExact}`);
  if (w1.notes.zenTotalsDifferingFromExact !== undefined) console.log(`zen-engine totals that differ from the exact ones: ${w1.notes.zenTotalsDifferingFromExact}`);
}
for (const w of results.filter((x) => x.id !== 1)) console.log(`workload ${w.id}${w.id === 7 ? ` (${w.name})` : ""}: ${JSON.stringify(w.notes)}`);

const date = new Date().toISOString().slice(0, 10);
mkdirSync(OUT, { recursive: true });
const file = `${OUT}/${date}-${CADRES}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), machine, options: { cadres: CADRES, runs: RUNS, workloads: WORKLOADS, skip: [...SKIP], indicators: INDICATORS }, nation: { units: nation.units.length, counties: nation.counties.length, cadres: CADRES }, zen: zen.ok ? { version: zen.version } : { skipped: zen.reason }, workloads: results }, null, 2)}\n`,
);
console.log(`\nresults: ${file}`);
if (check && check !== "skipped" && check.mismatches > 0) {
  console.error(`FAIL: ${check.mismatches} engine totals differ from the decimal.js baseline:\n  ${check.examples.join("\n  ")}`);
  process.exitCode = 1;
}
