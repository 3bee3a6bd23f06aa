/**
 * What the benchmark's workloads share (bench/run.ts, and bench/national.ts in its worker threads):
 * the clock that sums timed calls, the tier and last-place policies, and the glue that turns scores
 * into what ranking and task credits take.
 */
import { performance } from "node:perf_hooks";
import {
  annualTiersExample,
  defineScheme,
  defineTierPolicy,
  type Allocation,
  type Completion,
  type LastPlacePolicy,
  type Rankable,
  type SubjectInput,
  type TierPolicy,
} from "../src/index.js";
import type { EngineTotal } from "./engine.js";
import { benchScheme, type CountyTasks } from "./generate.js";

/** Accumulates the time of timed calls by name. */
export class Clock {
  readonly ms: Record<string, number> = {};
  /** Time of the engine's parts, by part name (workload 6). */
  readonly parts: Record<string, number> = {};
  time<T>(name: string, fn: () => T, part?: string): T {
    const start = performance.now();
    const out = fn();
    const ms = performance.now() - start;
    this.ms[name] = (this.ms[name] ?? 0) + ms;
    if (part) this.parts[part] = (this.parts[part] ?? 0) + ms;
    return out;
  }
  async timeAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const out = await fn();
    this.ms[name] = (this.ms[name] ?? 0) + performance.now() - start;
    return out;
  }
}

/** The quarterly scheme, defined (compiled) once. */
export const scheme = defineScheme(benchScheme);

/** The quarterly tiers: 好 20% (not the vetoed), 中, 差 10%, floor, ties better, veto → 差. */
export const tierPolicy: TierPolicy = defineTierPolicy({
  id: "bench-quarter-tiers",
  tiers: [{ name: "好", share: 0.2, excludeVetoed: true }, { name: "中" }, { name: "差", share: 0.1 }],
  count: "floor",
  ties: "better",
  vetoTier: "差",
});

/** The annual tiers (`annualTiersExample`), defined once. */
export const annualTiers: TierPolicy = defineTierPolicy(annualTiersExample);

/** Last place in a department of 5 or more loses 1 point and has promotion deferred. */
export const lastPlacePolicy: LastPlacePolicy = { deductions: [1], minGroupSize: 5, target: "total", flag: { id: "promotion-deferred", name: "晋升暂缓" } };

/** What ranking needs of a subject: its total, peer group and department, and vetoes. */
export function rankables(subjects: readonly SubjectInput[], totals: readonly EngineTotal[]): Rankable[] {
  const byId = new Map<string, number | string>();
  for (const t of totals) byId.set(t.subjectId, t.total);
  return subjects.map((s) => ({
    subjectId: s.id,
    total: byId.get(s.id)!,
    attributes: { peer: s.group!, department: String(s.attributes!.department) },
    vetoes: s.vetoes === undefined || s.vetoes.length === 0 ? [] : s.vetoes.filter((v) => v !== "notice").map((v) => ({ id: typeof v === "string" ? v : v.id })),
  }));
}

/** Completions of the owners of an allocation (the data a bureau enters; not timed). */
export const completionsOf = (t: CountyTasks, allocation: Allocation): Completion[] =>
  allocation.tasks.flatMap((x) => x.owners.map((o) => t.completionOf(x.task, o.person)).filter((c): c is Completion => c !== undefined));
