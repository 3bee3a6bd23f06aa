import { allocate } from "../core/allocate.js";
import { Dec, text } from "../core/decimal.js";
import { deepFreeze } from "../core/freeze.js";
import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import type { CascadeResult } from "../cascade/types.js";
import { defineRoadmap } from "./roadmap.js";
import type { MilestoneConfig, RoadmapConfig, RoadmapItemConfig } from "./types.js";

const t = z.string().max(200);
const decText = z.string().max(100).regex(/^-?\d+(\.\d+)?$/);
/** The parts of a cascade result this reads. */
const resultSchema = z.object({
  units: z
    .array(z.object({ unit: t, indicators: z.array(z.object({ id: t, target: decText.nullable(), lineage: z.array(z.object({ unit: t, via: t })).max(100) })).max(100_000) }))
    .max(1_000_000),
  report: z.object({ conservation: z.array(z.object({ indicator: t, parent: t, parts: z.array(z.object({ unit: t, target: decText })).max(1_000_000) })).max(1_000_000) }),
  responsibilities: z.array(z.object({ unit: t, indicator: t, carrying: t, assessing: t, executing: z.array(z.object({ person: t })).max(10_000) })).max(1_000_000),
});
const optionsSchema = z.strictObject({ decimals: z.number().int().min(0).max(10).optional() });

/** Options for {@link cascadeRoadmap}. */
export interface CascadeRoadmapOptions {
  /** Decimals of the split milestone targets (default: the most decimals of the units' own targets in each split). */
  readonly decimals?: number;
}

/**
 * Passes a roadmap down a cascade (R2: each level builds the next level's indicators, with their
 * timetable): an item owned by a unit goes to the units its indicator went to — split milestones in
 * proportion to the units' cascaded targets (each milestone's parts add up to it exactly), the same
 * milestones where the target was replicated — level by level, each unit with the 承接 / 执行 / 考评
 * roles the cascade gives it. Points carry over unchanged.
 * @param roadmap - the roadmap of the top units (its items' owners are units of the cascade).
 * @param result - the cascade's result ({@link cascade}).
 * @param options - the decimals of split targets.
 * @returns the roadmap with every unit's derived items after the given ones.
 * @throws {@link JixiaoError} for a roadmap or cascade result that is not valid.
 * @example
 * ```ts
 * // The city's arrears target 1000 is split 600 / 400 between its two counties.
 * cascadeRoadmap({ id: "r", items: [{ indicator: "arrears", owner: "city", points: 10,
 *   milestones: [{ id: "H1", due: "2026-H1", target: 500 }, { id: "Y", due: "2026", target: 1000 }] }] }, result)
 *   .items.slice(1).map((i) => [i.owner, i.milestones.map((m) => m.target)]);
 * //=> [["county-a", ["300", "600"]], ["county-b", ["200", "400"]]]
 * ```
 */
export function cascadeRoadmap(roadmap: RoadmapConfig, result: CascadeResult, options: CascadeRoadmapOptions = {}): RoadmapConfig {
  const r = defineRoadmap(roadmap);
  const c = parseWith(resultSchema, result, "Not a cascade result", ["result"]);
  const o = parseWith(optionsSchema, options, "Options are not valid", ["options"]);
  const splits = new Map(c.report.conservation.map((s) => [`${s.indicator}\u0000${s.parent}`, s.parts]));
  const replicated = new Map<string, string[]>();
  for (const u of c.units)
    for (const d of u.indicators) {
      const n = d.lineage.length;
      if (n >= 2 && d.lineage[n - 1]!.via === "replicate") {
        const key = `${d.id}\u0000${d.lineage[n - 2]!.unit}`;
        replicated.set(key, [...(replicated.get(key) ?? []), u.unit]);
      }
    }
  const roles = new Map(c.responsibilities.map((x) => [`${x.indicator}\u0000${x.unit}`, { carrying: x.carrying, executing: x.executing.map((e) => e.person), assessing: x.assessing }]));
  const taken = new Set(r.items.map((i) => `${i.indicator}\u0000${i.owner}`));
  const derived: RoadmapItemConfig[] = [];
  const down = (item: RoadmapItemConfig, owner: string, milestones: readonly MilestoneConfig[]) => {
    const key = `${item.indicator}\u0000${owner}`;
    const children: [string, MilestoneConfig[]][] = [];
    const parts = splits.get(key);
    if (parts) {
      const weights = parts.map((p) => ({ key: p.unit, weight: new Dec(p.target) }));
      if (weights.some((w) => w.weight.gt(0))) {
        const decimals = o.decimals ?? Math.max(0, ...weights.map((w) => w.weight.decimalPlaces()));
        const split = milestones.map((m) => {
          const total = new Dec(m.target);
          // allocate() splits an amount of at least 0; a negative target is split as its size.
          return allocate(total.abs(), weights, decimals).map((d) => (total.isNegative() ? d.neg() : d));
        });
        parts.forEach((p, k) => children.push([p.unit, milestones.map((m, i) => ({ ...m, target: text(split[i]![k]!) }))]));
      }
    }
    for (const unit of replicated.get(key) ?? []) children.push([unit, milestones.map((m) => ({ ...m }))]);
    for (const [unit, ms] of children) {
      const childKey = `${item.indicator}\u0000${unit}`;
      // An item the roadmap gives for the unit itself stands; it is not derived again.
      if (taken.has(childKey)) continue;
      taken.add(childKey);
      const role = roles.get(childKey);
      const { ownerName: _name, roles: _roles, ...rest } = item;
      derived.push({ ...rest, owner: unit, ...(role ? { roles: role } : {}), milestones: ms });
      down(item, unit, ms);
    }
  };
  for (const item of r.items) down(item, item.owner, item.milestones);
  return deepFreeze(defineRoadmap({ ...r, items: [...r.items, ...derived] }));
}
