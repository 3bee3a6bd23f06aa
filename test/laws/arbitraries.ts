import Decimal from "decimal.js";
import fc from "fast-check";
import {
  periodOf,
  shiftPeriod,
  type CascadePlan,
  type CascadeStep,
  type Grab,
  type LedgerEntry,
  type OrgUnit,
  type Rankable,
  type StaffMember,
  type TaskBoardConfig,
} from "../../src/index.js";
import { byText } from "./helpers.js";

/*
 * Generators of the inputs the law tests share: things to rank, organization trees with cascade
 * plans, task boards with staff and grabs, and growth-account entries with corrections.
 */

// ---------------------------------------------------------------------------------------------
// Things to rank.

/** Results to rank: many ties (totals from a small range, as numbers or text), two peer groups, attributes, group and indicator earned points, some vetoes and flags. */
export const rankablesArb = (max = 25): fc.Arbitrary<Rankable[]> =>
  fc
    .array(
      fc.record({
        total: fc.integer({ min: 0, max: 12 }),
        asText: fc.boolean(),
        group: fc.constantFrom("科员", "副科"),
        dept: fc.constantFrom("征管", "纳服", "稽查"),
        g0: fc.integer({ min: 0, max: 5 }),
        i0: fc.integer({ min: 0, max: 3 }),
        veto: fc.boolean(),
        flag: fc.boolean(),
      }),
      { minLength: 1, maxLength: max },
    )
    .map((xs) =>
      xs.map((x, i): Rankable => ({
        // Ids whose code-unit order is not the order they are made in.
        subjectId: `${"cab"[i % 3]}${String(i).padStart(2, "0")}`,
        total: x.asText ? `${x.total * 5}.50` : x.total * 5 + 0.5,
        group: x.group,
        attributes: { dept: x.dept, level: 1 + (i % 3), lead: i % 4 === 0 },
        groups: [{ id: "g0", earned: x.g0 }],
        indicators: [{ id: "i0", earned: x.i0 }],
        ...(x.veto && i % 5 === 0 ? { vetoes: [{ id: "discipline" }] } : {}),
        ...(x.flag ? { flags: [{ id: "one-third" }] } : {}),
      })),
    );

// ---------------------------------------------------------------------------------------------
// Organization trees and cascade plans.

/** A tree: root P, cities, counties (each with two departments); ids made so their code-unit order differs from the order they are made in. */
export interface TreeCase {
  readonly units: OrgUnit[];
  readonly root: string;
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly levels: readonly (readonly string[])[];
}

export const treeArb: fc.Arbitrary<TreeCase> = fc
  .record({ cities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), names: fc.shuffledSubarray(["a", "B", "c", "D", "e", "F", "g", "H", "i", "J", "k", "L"], { minLength: 12, maxLength: 12 }) })
  .map(({ cities, names }) => {
    const units: OrgUnit[] = [{ id: "P", name: "省局", level: "province" }];
    const children = new Map<string, string[]>();
    const levels: string[][] = [["P"], [], []];
    let n = 0;
    cities.forEach((counties, c) => {
      const city = `C${names[n++ % names.length]}${c}`;
      units.push({ id: city, level: "city", parent: "P" });
      levels[1]!.push(city);
      children.set("P", [...(children.get("P") ?? []), city]);
      for (let k = 0; k < counties; k++) {
        const county = `K${names[n++ % names.length]}${c}${k}`;
        units.push({ id: county, level: "county", parent: city, departments: [{ id: "levy", name: "征管科" }, { id: "office" }] });
        levels[2]!.push(county);
        children.set(city, [...(children.get(city) ?? []), county]);
      }
    });
    for (const list of children.values()) list.sort(byText);
    return { units, root: "P", children, levels };
  });

type Kind = "equal" | "shares" | "base" | "replicate" | "retain";

/** Largest remainder of `total` by integer weights (not all 0), ties to the earlier key. */
function split(total: bigint, weights: readonly bigint[]): bigint[] {
  const sumW = weights.reduce((s, w) => s + w, 0n);
  const parts = weights.map((w) => (total * w) / sumW);
  let left = total - parts.reduce((s, p) => s + p, 0n);
  const order = weights.map((w, i) => ({ i, r: (total * w) % sumW })).sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i));
  for (const o of order) if (left-- > 0n) parts[o.i]! += 1n;
  return parts;
}

/**
 * A cascade plan for a tree: 1–3 indicators, each passed down two levels by equal, shares, base,
 * replicate or retain, with 0–2 decimals; a county template with a local budget, a local addition.
 * Tables name every unit of their level (so every parent finds its children); shares add up to 1
 * for every parent.
 */
export const planArb = (t: TreeCase): fc.Arbitrary<CascadePlan> =>
  fc
    .record({
      indicators: fc.array(
        fc.record({
          kinds: fc.tuple(fc.constantFrom<Kind>("equal", "shares", "base", "replicate", "retain"), fc.constantFrom<Kind>("equal", "shares", "base", "replicate", "retain")),
          decimals: fc.integer({ min: 0, max: 2 }),
          target: fc.integer({ min: 1, max: 10_000_000 }),
          points: fc.integer({ min: 1, max: 40 }),
          weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 }),
          completion: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      rebase: fc.boolean(),
      local: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map(({ indicators, rebase, local }) => {
      const all = t.units.map((u) => u.id);
      const w = (weights: readonly number[], unit: string) => BigInt(weights[all.indexOf(unit) % weights.length]!);
      const step = (kind: Kind, depth: number, weights: readonly number[]): CascadeStep => {
        if (kind === "retain") return { how: "retain" };
        if (kind === "replicate") return { how: "replicate" };
        if (kind === "equal") return { how: "split", by: "equal" };
        const table: Record<string, string> = {};
        for (const parent of t.levels[depth]!) {
          const kids = t.children.get(parent) ?? [];
          if (kids.length === 0) continue;
          const raw = kids.map((k) => w(weights, k));
          if (!raw.some((x) => x > 0n)) raw[0] = 1n;
          if (kind === "base") kids.forEach((k, i) => (table[k] = String(raw[i])));
          else split(100n, raw).forEach((p, i) => (table[kids[i]!] = new Decimal(String(p)).div(100).toString()));
        }
        // A level with no children anywhere takes no table: an equal split says the same.
        if (Object.keys(table).length === 0) return { how: "split", by: "equal" };
        return kind === "base" ? { how: "split", by: "base", base: table } : { how: "split", by: "shares", shares: table };
      };
      const plan: CascadePlan = {
        id: "law-plan",
        points: rebase ? "rebase" : "keep",
        groups: [{ id: "key", name: "重点工作" }, { id: "base" }],
        indicators: indicators.map((x, i) => {
          const target = new Decimal(x.target).div(10 ** x.decimals).toString();
          return {
            id: `x${i}`,
            group: i % 2 === 0 ? "key" : "base",
            points: x.points,
            target,
            decimals: x.decimals,
            method: x.completion ? { type: "completion", target, cap: 1 } : { type: "direct", scale: 100 },
            steps: [step(x.kinds[0], 0, x.weights), step(x.kinds[1], 1, x.weights)],
          };
        }),
        templates: [{ level: "county", localBudget: 5, indicators: [{ id: "service", group: "base", points: 10, method: { type: "steps", steps: [{ atLeast: 95, fraction: 1 }, { atLeast: 85, fraction: 0.8 }] } }] }],
        ...(local !== undefined && t.levels[2]!.length > 0 ? { local: [{ unit: t.levels[2]![local % t.levels[2]!.length]!, indicators: [{ id: "tea", group: "base", points: local, method: { type: "direct" } }] }] } : {}),
      };
      return plan;
    });

// ---------------------------------------------------------------------------------------------
// Task boards.

const two = (n: number) => String(n).padStart(2, "0");

/** A board of 1–6 tasks, staff holding posts, and grabs on a coarse clock (so that ties happen), written at different offsets. */
export const tasksArb = fc
  .record({
    tasks: fc.array(
      fc.record({
        difficulty: fc.constantFrom("high", "medium", "low"),
        points: fc.constantFrom<number | string>(1, 2, 3, "0.5", "1.25", "3.3"),
        seats: fc.integer({ min: 1, max: 3 }),
        post: fc.constantFrom("征管岗", "纳服岗", "稽查岗"),
        day: fc.integer({ min: 1, max: 5 }),
        days: fc.integer({ min: 1, max: 20 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    staff: fc.uniqueArray(fc.constantFrom("s1", "s2", "B3", "a4", "s5", "c6", "s7"), { minLength: 1, maxLength: 7 }).chain((ids) =>
      fc.tuple(...ids.map((id) => fc.subarray(["征管岗", "纳服岗", "稽查岗"]).map((posts): StaffMember => ({ id, posts, department: "征管科" })))),
    ),
    grabs: fc.array(fc.record({ task: fc.nat(), person: fc.nat(), step: fc.integer({ min: 0, max: 40 }), zone: fc.constantFrom("Z", "+08:00", "", "-05:00") }), { maxLength: 25 }),
    policy: fc.record({ maxTasksPerPerson: fc.integer({ min: 1, max: 3 }), eligibility: fc.constantFrom<"anyone" | "post">("anyone", "post"), assignSeats: fc.constantFrom<"one" | "all">("one", "all") }, { requiredKeys: [] }),
  })
  .map(({ tasks, staff, grabs, policy }) => {
    const board: TaskBoardConfig = {
      id: "law-board",
      period: "2023-Q3",
      difficulty: { high: "1.5", medium: 1.2, low: 1 },
      tasks: tasks.map((t, i) => ({
        id: `t${"zyx"[i % 3]}${i}`,
        title: `任务 ${i}`,
        difficulty: t.difficulty,
        points: t.points,
        seats: t.seats,
        post: t.post,
        published: `2023-07-${two(t.day)}`,
        deadline: `2023-07-${two(t.day + t.days)}`,
      })),
    };
    const grabList: Grab[] = grabs.map((g) => {
      // Every 12 hours from 1 July 00:00 at +08:00, written at the grab's offset.
      const ms = Date.UTC(2023, 5, 30, 16) + g.step * 12 * 3_600_000;
      const minutes = g.zone === "Z" ? 0 : g.zone === "-05:00" ? -300 : 480;
      const d = new Date(ms + minutes * 60_000);
      const at = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:00:00${g.zone}`;
      return { task: board.tasks[g.task % board.tasks.length]!.id, person: staff[g.person % staff.length]!.id, at };
    });
    return { board, staff, grabs: grabList, policy };
  });

// ---------------------------------------------------------------------------------------------
// Growth-account entries.

export const PEOPLE = ["c1", "c2", "B3"];
const COMPONENTS = ["everyday", "recognition", "ability"];

/** Points with up to 2 decimals, as text or as a number. */
const pointsArb = fc.tuple(fc.integer({ min: -2000, max: 20_000 }), fc.boolean()).map(([n, asNumber]) => (asNumber ? n / 100 : new Decimal(n).div(100).toFixed(2)));

/** A date in or around 2024: a day, a wall-clock time in Shanghai, or a moment in UTC. */
const dateArb = fc.tuple(fc.integer({ min: 0, max: 375 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 23 })).map(([offset, form, h]) => {
  const day = shiftPeriod("2023-12-28", offset);
  return form === 0 ? day : form === 1 ? `${day}T${two(h)}:30` : `${day}T${two(h)}:30:00Z`;
});

/**
 * Valid entries: ordinary ones, then corrections, each of the latest entry of its chain, for the
 * same person, dated on or after it. A correction always comes after the entry it corrects.
 */
export const entriesArb = (prefix = "", max = 25): fc.Arbitrary<LedgerEntry[]> =>
  fc
    .tuple(
      fc.array(fc.record({ person: fc.nat({ max: PEOPLE.length - 1 }), component: fc.nat({ max: COMPONENTS.length - 1 }), date: dateArb, points: pointsArb, note: fc.boolean() }), { minLength: 1, maxLength: max }),
      fc.array(fc.record({ target: fc.nat(), reverse: fc.boolean(), points: pointsArb, later: fc.integer({ min: 0, max: 40 }) }), { maxLength: 8 }),
    )
    .map(([bases, fixes]) => {
      const out: LedgerEntry[] = bases.map((b, i) => ({
        id: `${prefix}e${i}`,
        person: PEOPLE[b.person]!,
        date: b.date,
        component: COMPONENTS[b.component]!,
        points: b.points,
        source: "月度考核",
        ...(b.note ? { note: "备注", reference: `文号-${i}` } : {}),
      }));
      const latest = [...out];
      fixes.forEach((f, j) => {
        const root = f.target % bases.length;
        const last = latest[root]!;
        const date = shiftPeriod(periodOf(last.date, "day"), f.later);
        const fix: LedgerEntry = f.reverse
          ? { id: `${prefix}x${j}`, person: last.person, date, corrects: last.id, action: "reverse", source: "复核" }
          : { id: `${prefix}x${j}`, person: last.person, date, corrects: last.id, action: "amend", points: f.points, source: "复核" };
        out.push(fix);
        latest[root] = fix;
      });
      return out;
    });
