import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountSeries,
  aggregatePeriods,
  allocateTasks,
  annualResults,
  appendEntries,
  assignTiers,
  cascade,
  createLedger,
  creditTasks,
  defineOrgTree,
  defineScheme,
  eligiblePool,
  applySpecialAssessments,
  checkHistory,
  consecutiveTier,
  explain,
  explainTier,
  JIXIAO_ACCOUNT,
  JIXIAO_EXPLAIN,
  JIXIAO_LASTPLACE,
  JIXIAO_RANK,
  JIXIAO_SCORE,
  JIXIAO_TASKCREDIT,
  JIXIAO_TIER,
  lastPlaceDeductions,
  leaderScore,
  ledgerToJSON,
  linkOrganizations,
  linkPeople,
  partyBuildingVetoes,
  rank,
  reallocatePromotionSlots,
  resultEntries,
  rollUp,
  score,
  scoreAll,
  scoreTotals,
  summarizeAccount,
  summarizeAccounts,
  taskStatistics,
  withPenalties,
  type Allocation,
  type CascadePlan,
  type Completion,
  type Rankable,
  type RankOptions,
  type SheetCell,
  type SpecialAssessment,
  type TierPolicy,
  type UnitResult,
} from "../../src/index.js";
import { runScenario, type ScenarioDocument } from "../../src/verify/index.js";
import { entriesArb, PEOPLE, planArb, rankablesArb, tasksArb, treeArb } from "./arbitraries.js";
import { byText, holdsDecimal, json, keyed, params, permutation, permuteKeys, rngOf, shuffle, sortKeysAt, subjectsArb, twice, worldArb } from "./helpers.js";

/*
 * Determinism of every public entry: the same input gives the same output,
 * byte for byte, run after run, whatever the order of the things the rules leave unordered and
 * whatever the order of the keys of the objects given.
 *
 * Each case is run twice (`twice`), then again with its unordered lists shuffled and every object
 * rebuilt with its keys in a random order (`permuteKeys`), and compared as JSON (`json`: results
 * hold no decimal.js values — `holdsDecimal` checks — so the JSON is the plain JSON).
 *
 * What is not compared byte for byte, and why:
 * - Outputs that follow an input order by rule are compared keyed by id (`keyed`): a sheet
 *   function's rows (aligned with the input rows), a ledger's entries (kept in append order), the
 *   subjects of `withPenalties` and the entries of `resultEntries` (in the order given), a grab's
 *   `index` (its place in the grabs given: mapped back to the grab it came from).
 * - What the rules order is not shuffled: grabs are decided by their times (their list order does
 *   not count, so it is shuffled, but not their times); ledger appends are sequential (entries are
 *   shuffled within a batch, a correction never goes before its target's batch); a scheme's groups
 *   and indicators, a plan's indicators and steps, a tier policy's tiers, a board's tasks and a
 *   leader's departments are lists in the author's order.
 * - Fields that echo an input object as it was given keep its keys in the order given; they are
 *   compared with those objects' keys sorted (`sortKeysAt`): a subject's `attributes` (on its
 *   result and its ranking entry), an indicator's raw `value` (votes by grade), a cascade plan's
 *   `method` copied into the units' schemes, the subjects
 *   `withPenalties` gives back with the items added.
 * - The `grades` of grade and votes methods keep their key order: it is the author's order of the
 *   grades (优秀 … 不称职), which the votes trace lists them in.
 */

const keepGrades = (path: readonly string[]) => path[path.length - 1] === "grades";
const ECHO = new Set(["attributes", "value"]);

describe("determinism: scoring", () => {
  const cases = worldArb().chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 1, max: 8 }), fc.nat()));

  it("defineScheme + scoreAll, scoreTotals, score and explain: shuffled subjects and vetoes, permuted keys, twice", () => {
    fc.assert(
      fc.property(cases, ([w, subjects, seed]) => {
        const rng = rngOf(seed);
        const scheme = defineScheme(w.config);
        const results = scoreAll(scheme, subjects);
        expect(holdsDecimal(results)).toBe(false);
        const base = twice(() => scoreAll(scheme, subjects));
        const totals = twice(() => scoreTotals(scheme, subjects));
        expect(totals).toBe(json(results.map((r) => ({ subjectId: r.subjectId, total: r.total, exact: r.exact, ...(r.warnings ? { warnings: r.warnings } : {}) }))));
        const explained = results.map((r) => [r.subjectId, explain(r), explain(r, { locale: "en" })]);

        // Subjects in another order, each one's vetoes in another order (they act in the scheme's order).
        const shuffled = shuffle(subjects, rng).map((s) => (s.vetoes ? { ...s, vetoes: shuffle(s.vetoes, rng) } : s));
        expect(json(scoreAll(scheme, shuffled))).toBe(base);
        expect(json(scoreTotals(scheme, shuffled))).toBe(totals);

        // The scheme and the subjects rebuilt with their keys in another order.
        const scheme2 = defineScheme(permuteKeys(w.config, rng, keepGrades));
        const subjects2 = permuteKeys(shuffled, rng);
        const again = scoreAll(scheme2, subjects2);
        expect(json(sortKeysAt(again, ECHO))).toBe(json(sortKeysAt(results, ECHO)));
        expect(json(scoreTotals(scheme2, subjects2))).toBe(totals);
        expect(json(again.map((r) => [r.subjectId, explain(r), explain(r, { locale: "en" })]))).toBe(json(explained));

        // score() of one subject is scoreAll's result for it, when no method ranks the batch.
        if (!w.specs.some((s) => s.batch))
          for (const s of subjects2) expect(json(sortKeysAt(score(scheme2, s), ECHO))).toBe(json(sortKeysAt(results.find((r) => r.subjectId === s.id)!, ECHO)));
      }),
      params(),
    );
  });
});

describe("determinism: ranking, tiers, pools, last place, promotion slots", () => {
  const options = fc.record(
    {
      by: fc.constantFrom("total", "group:g0", "indicator:i0"),
      order: fc.constantFrom("desc", "asc"),
      groupBy: fc.constantFrom("group", "dept", "level"),
      ties: fc.constantFrom("competition", "dense", "ordinal"),
      tieBreak: fc.subarray(["group:g0", "indicator:i0"]),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<RankOptions>;
  const policy = fc.record({
    tiers: fc.constantFrom<TierPolicy["tiers"]>(
      [{ name: "好", share: 0.4, minCount: 1, excludeVetoed: true }, { name: "中" }, { name: "差", share: "0.1" }],
      [{ name: "优秀", share: 0.2, min: 30, excludeFlags: ["one-third"] }, { name: "良", share: 0.3 }, { name: "中" }, { name: "差", share: 0.15, maxCount: 2 }],
      [{ name: "好", min: 20 }, { name: "中" }],
    ),
    count: fc.constantFrom("floor", "round", "ceil"),
    ties: fc.constantFrom("better", "worse", "break"),
    vetoTier: fc.constantFrom(undefined, "中"),
    groupBy: fc.constantFrom(undefined, "dept"),
  }).map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as TierPolicy);

  it("rank, assignTiers, eligiblePool, lastPlaceDeductions, reallocatePromotionSlots: shuffled results, permuted keys, twice", () => {
    fc.assert(
      fc.property(rankablesArb(), options, policy, fc.nat(), (results, opts, tierPolicy, seed) => {
        const rng = rngOf(seed);
        // A tier `min` needs higher-is-better scores.
        const o = tierPolicy.tiers.some((t) => t.min !== undefined) ? { ...opts, order: "desc" as const } : opts;
        const pool = { share: "0.3", ties: tierPolicy.ties ?? "better", excludeFlags: ["one-third"], excludeVetoed: true };
        const last = { deductions: [1, "0.5"], ties: "none" as const, minGroupSize: 3, below: 40, flag: { id: "promotion-deferred", name: "暂缓晋级" } };
        const promotion = { losers: 2, gainers: 2, slots: 1, vacancies: Object.fromEntries(results.filter((_, i) => i % 3 === 0).map((r) => [r.subjectId, false])) };
        const all = (list: readonly Rankable[], rankOptions: RankOptions, p: TierPolicy, poolOptions: typeof pool, lastPolicy: typeof last, slots: typeof promotion) => {
          const ranking = rank(list, rankOptions);
          return {
            ranking,
            tiers: assignTiers(ranking, p),
            pool: eligiblePool(ranking, poolOptions),
            last: lastPlaceDeductions(ranking, lastPolicy),
            promotion: reallocatePromotionSlots(ranking, slots),
            explained: assignTiers(ranking, p).placements.map((x) => explainTier(x, { locale: "en" })),
          };
        };
        const base = twice(() => all(results, o, tierPolicy, pool, last, promotion));
        expect(holdsDecimal(all(results, o, tierPolicy, pool, last, promotion))).toBe(false);
        expect(json(all(shuffle(results, rng), o, tierPolicy, pool, last, promotion))).toBe(base);
        const permuted = all(permuteKeys(shuffle(results, rng), rng), permuteKeys(o, rng), permuteKeys(tierPolicy, rng), permuteKeys(pool, rng), permuteKeys(last, rng), permuteKeys(promotion, rng));
        expect(json(sortKeysAt(permuted, ECHO))).toBe(json(sortKeysAt(JSON.parse(base), ECHO)));
      }),
      params(2),
    );
  });
});

describe("determinism: cascade, roll-up, leader scores", () => {
  it("cascade with templates, local additions and responsibilities: shuffled units, permuted keys of the plan and the tree, twice", () => {
    fc.assert(
      fc.property(
        treeArb.chain((t) => fc.tuple(fc.constant(t), planArb(t))),
        fc.nat(),
        ([t, plan], seed) => {
          const rng = rngOf(seed);
          const first = cascade(plan, t.units);
          // Responsibilities for the first two holders of a target: executors with shares, or equal.
          const holders = first.units.flatMap((u) => u.indicators.filter((x) => x.target !== null && u.level === "county").map((x) => ({ unit: u.unit, indicator: x.id }))).slice(0, 2);
          const withDuties: CascadePlan = {
            ...plan,
            responsibilities: holders.map((h, i) => ({
              ...h,
              carrying: "levy",
              assessing: "office",
              executing: i === 0 ? [{ person: "p2" }, { person: "p1" }, { person: "P3" }] : [{ person: "p1", share: "0.25" }, { person: "p2", share: "0.75" }],
            })),
          };
          const base = twice(() => cascade(withDuties, t.units));
          expect(holdsDecimal(cascade(withDuties, t.units))).toBe(false);
          expect(json(cascade(withDuties, defineOrgTree(shuffle(t.units, rng))))).toBe(base);
          const again = cascade(permuteKeys(withDuties, rng), permuteKeys(shuffle(t.units, rng), rng));
          expect(json(sortKeysAt(again, new Set(["method"])))).toBe(json(sortKeysAt(JSON.parse(base), new Set(["method"]))));
        },
      ),
      params(),
    );
  });

  it("rollUp: shuffled results, permuted keys of the results and the rules (and their weight tables), twice", () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.boolean()), { minLength: 12, maxLength: 12 }), fc.nat(), (t, figures, seed) => {
        const rng = rngOf(seed);
        const leaves = t.units.filter((u) => !t.children.has(u.id)).map((u) => u.id);
        const results: UnitResult[] = leaves.flatMap((unit, i) => {
          const [actual, target] = figures[i % figures.length]!;
          return ["revenue", "rate", "low", "high", "avg", "share"].map((indicator) => ({ unit, indicator, actual: indicator === "rate" ? String(actual / 1000) : actual, target }));
        });
        // A city's own result, where given, stands for it.
        const city = t.levels[1]!.find((c) => t.children.has(c));
        if (city !== undefined && figures[0]![2]) results.push({ unit: city, indicator: "avg", actual: "77.7" });
        const weights = Object.fromEntries([...t.levels[1]!, ...t.levels[2]!].map((u, i) => [u, (i % 4) + 1]));
        const rules = { revenue: { how: "sum" as const }, rate: { how: "weighted" as const }, low: { how: "min" as const }, high: { how: "max" as const }, avg: { how: "mean" as const }, share: { how: "weighted" as const, weights } };
        const base = twice(() => rollUp(t.units, results, rules));
        expect(json(rollUp(shuffle(t.units, rng), shuffle(results, rng), rules))).toBe(base);
        expect(json(rollUp(permuteKeys(shuffle(t.units, rng), rng), permuteKeys(shuffle(results, rng), rng), permuteKeys(rules, rng)))).toBe(base);
      }),
      params(),
    );
  });

  it("leaderScore: permuted keys of the scores and of the link, twice; the score does not depend on the order of the departments", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 6, maxLength: 6 }), fc.nat(), (points, seed) => {
        const rng = rngOf(seed);
        const scores = Object.fromEntries(["U", "D1", "D2", "D3", "K1", "K2"].map((id, i) => [id, i % 2 ? points[i]! / 100 : String(points[i]! / 100)]));
        const link = { unit: "U", departments: ["D1", "D2", "D3"], contacts: ["K2", "K1"], weights: { unit: "0.5", departments: 0.3, contacts: "0.2" } };
        const base = twice(() => leaderScore(link, scores));
        expect(json(leaderScore(permuteKeys(link, rng), permuteKeys(scores, rng)))).toBe(base);
        // The parts list their members in the order the link names them; the score is the same in any order.
        const reordered = leaderScore({ ...link, departments: shuffle(link.departments, rng), contacts: shuffle(link.contacts, rng) }, scores);
        expect([reordered.score, reordered.exact]).toEqual([JSON.parse(base).score, JSON.parse(base).exact]);
      }),
      params(),
    );
  });
});

/**
 * An allocation with each grab's `index` (its place in the grabs given) mapped back to the grab
 * it came from in the original list; identical grabs (same task, person and time as written) take
 * the smallest index of their kind, as nothing tells them apart.
 */
function canonicalAllocation(a: Allocation, original: (i: number) => number, grabs: readonly { task: string; person: string; at: string }[]) {
  const key = (g: { task: string; person: string; at: string }) => json([g.task, g.person, g.at]);
  const firstOf = new Map<string, number>();
  grabs.forEach((g, i) => firstOf.has(key(g)) || firstOf.set(key(g), i));
  return { ...a, grabs: a.grabs.map((g) => ({ ...g, index: firstOf.get(key(grabs[original(g.index)]!))! })) };
}

describe("determinism: grabbed tasks", () => {
  it("allocateTasks, creditTasks, taskStatistics: grabs, staff and completions shuffled (only the grabs' times order them), permuted keys, twice", () => {
    fc.assert(
      fc.property(tasksArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean(), fc.boolean()), { minLength: 20, maxLength: 20 }), fc.nat(), ({ board, staff, grabs, policy }, draws, seed) => {
        const rng = rngOf(seed);
        const allocation = allocateTasks(board, grabs, staff, policy);
        // Completions for most owners: a quality, sometimes late, sometimes declared shares.
        let k = 0;
        const completions: Completion[] = allocation.tasks.flatMap((t, ti) => {
          const doing = t.owners.filter(() => draws[k++ % draws.length]![0] > 10);
          const declare = draws[ti % draws.length]![2] && doing.length === 2;
          return doing.map((o, j) => {
            const [q, late] = draws[(ti + j) % draws.length]!;
            return { task: t.task, person: o.person, quality: q % 3 === 0 ? "良" : q / 100, ...(late ? { completed: "2023-09-30" } : {}), ...(declare ? { share: j === 0 ? "0.3" : "0.7" } : {}) };
          });
        });
        const creditPolicy = { qualityGrades: { 优: 1, 良: "0.8" }, assignedFactor: "0.8", lateFactor: "0.5", cap: 6, splitDecimals: 1 };
        const thresholds = { thresholds: [1, "2.5"] };
        const run = (b: typeof board, g: typeof grabs, s: typeof staff, p: typeof policy, c: readonly Completion[], cp: typeof creditPolicy) => {
          const a = allocateTasks(b, g, s, p);
          const credits = creditTasks(b, a, c, cp);
          return { a, credits, statistics: taskStatistics(a, s, { credits, ...thresholds }) };
        };
        const base = run(board, grabs, staff, policy, completions, creditPolicy);
        expect(holdsDecimal(base)).toBe(false);
        twice(() => run(board, grabs, staff, policy, completions, creditPolicy));
        const expected = json({ ...base, a: canonicalAllocation(base.a, (i) => i, grabs) });

        const order = permutation(grabs.length, rng);
        const grabs2 = order.map((i) => grabs[i]!);
        const check = (out: ReturnType<typeof run>) => expect(json({ ...out, a: canonicalAllocation(out.a, (i) => order[i]!, grabs) })).toBe(expected);
        check(run(board, grabs2, shuffle(staff, rng), policy, shuffle(completions, rng), creditPolicy));
        check(run(permuteKeys(board, rng), permuteKeys(grabs2, rng), permuteKeys(shuffle(staff, rng), rng), permuteKeys(policy, rng), permuteKeys(shuffle(completions, rng), rng), permuteKeys(creditPolicy, rng)));
      }),
      params(),
    );
  });
});

describe("determinism: the growth account", () => {
  it("createLedger, appendEntries, summarizeAccount(s), accountSeries, ledgerToJSON: shuffled entries within append batches, permuted keys, twice", () => {
    fc.assert(
      fc.property(entriesArb(), fc.nat(), fc.nat(), (entries, cut, seed) => {
        const rng = rngOf(seed);
        const summaries = (l: ReturnType<typeof createLedger>) => ({
          career: summarizeAccounts(l),
          year: summarizeAccounts(l, { period: "2024" }),
          quarter: summarizeAccounts(l, { period: "2024-Q2", asOf: "2024-08-15" }),
          components: summarizeAccounts(l, { period: "2024-H2", components: ["recognition", "everyday"] }),
          people: PEOPLE.map((p) => summarizeAccount(l, p, { period: "2024-W27" })),
          series: PEOPLE.map((p) => accountSeries(l, p, { kind: "quarter", from: "2023-Q4", to: "2025-Q1" })),
          months: accountSeries(createLedger([]), "c1", { kind: "month", from: "2024-01", to: "2024-03" }),
        });
        const ledger = createLedger(entries);
        const base = twice(() => summaries(createLedger(entries)));
        expect(holdsDecimal(summaries(ledger))).toBe(false);
        const stored = keyed(ledgerToJSON(ledger).entries, (e) => e.id);

        // Appends are sequential (a correction comes in its target's batch or a later one); the
        // entries of one batch are an unordered set.
        const k = cut % (entries.length + 1);
        const batches = [entries.slice(0, k), entries.slice(k)].map((b) => shuffle(b, rng));
        const appended = appendEntries(createLedger(batches[0]!), batches[1]!);
        expect(json(summaries(appended))).toBe(base);
        expect(keyed(ledgerToJSON(appended).entries, (e) => e.id)).toBe(stored);
        const permuted = appendEntries(createLedger(permuteKeys(batches[0]!, rng)), permuteKeys(batches[1]!, rng));
        expect(json(summaries(permuted))).toBe(base);
        // ledgerToJSON keeps the entries in append order, each with its own fields in one order
        // (the schema's), whatever order their keys were written in.
        expect(keyed(ledgerToJSON(permuted).entries, (e) => e.id)).toBe(stored);
      }),
      params(),
    );
  });

  it("aggregatePeriods: shuffled period scores, permuted keys of the scores and the policy, twice", () => {
    const months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2023-12", "2025-01"];
    fc.assert(
      fc.property(fc.subarray(months), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 14, maxLength: 14 }), fc.nat(), (chosen, points, seed) => {
        const rng = rngOf(seed);
        const scores = chosen.map((period, i) => ({ period, score: i % 2 ? points[i]! / 100 : String(points[i]! / 100) }));
        const policies = [
          { rule: "sum" as const, missing: "zero" as const },
          { rule: "mean" as const, missing: { fill: 60 }, cap: { min: 0, max: 95 }, rounding: { decimals: 2, mode: "half-even" as const } },
          { rule: "weighted" as const, weights: [3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, "1.5"], missing: { fill: "0" } },
        ];
        for (const [target, policy] of [["2024", policies[0]!], ["2024", policies[1]!], ["2024", policies[2]!], ["2024-Q3", { ...policies[0]!, rounding: { decimals: 1 } }]] as const) {
          const base = twice(() => aggregatePeriods(scores, target, policy));
          expect(json(aggregatePeriods(shuffle(scores, rng), target, policy))).toBe(base);
          expect(json(aggregatePeriods(permuteKeys(shuffle(scores, rng), rng), target, permuteKeys(policy, rng)))).toBe(base);
        }
      }),
      params(),
    );
  });

  it("linkOrganizations, linkPeople: shuffled organizations and people, permuted keys, twice", () => {
    fc.assert(
      fc.property(rankablesArb(15), fc.nat(), (orgs, seed) => {
        const rng = rngOf(seed);
        const policies = [
          { method: { type: "table" as const, table: [{ upTo: 1, points: 100 }, { upTo: 3, points: "95" }], rest: 90 }, groupBy: "dept" },
          { method: { type: "proportional" as const, full: 30, base: "best" as const }, bounds: { min: 5, max: 29 } },
          { method: { type: "standard" as const, mean: 80, spread: "7.5" }, rounding: { decimals: 3, mode: "half-up" as const }, groupBy: "group" },
        ];
        for (const policy of policies) {
          const base = twice(() => linkOrganizations(orgs, policy));
          expect(json(linkOrganizations(shuffle(orgs, rng), policy))).toBe(base);
          expect(json(linkOrganizations(permuteKeys(shuffle(orgs, rng), rng), permuteKeys(policy, rng)))).toBe(base);
        }
        const linked = Object.fromEntries(orgs.map((o, i) => [o.subjectId, i % 2 ? String(o.total) : Number(o.total)]));
        const ids = orgs.map((o) => o.subjectId);
        const people = ids.map((unit, i) => (i % 3 === 0 ? { id: `p${i}`, unit, leader: { departments: ids.slice(0, 2), ...(ids.length > 2 ? { contacts: ids.slice(2, 3) } : {}) } } : { id: `p${i}`, unit, ...(i % 3 === 1 ? { department: ids[0]! } : {}) }));
        const weights = { staff: { unit: 0.4, department: "0.6" }, leader: { unit: "0.5", departments: 0.3, contacts: 0.2 }, rounding: { decimals: 2, mode: "half-up" as const } };
        const base = twice(() => linkPeople(people, linked, weights));
        expect(json(linkPeople(shuffle(people, rng), linked, weights))).toBe(base);
        expect(json(linkPeople(permuteKeys(shuffle(people, rng), rng), permuteKeys(linked, rng), permuteKeys(weights, rng)))).toBe(base);
      }),
      params(),
    );
  });

  it("annualResults: shuffled people and entries, permuted keys (people, options, tier policy, aggregation), twice", () => {
    fc.assert(
      fc.property(entriesArb(), fc.nat(), fc.boolean(), (entries, seed, aggregate) => {
        const rng = rngOf(seed);
        const people = [...PEOPLE, "nobody"].map((id, i) => ({ id, name: `人${i}`, group: i % 2 ? "科长" : "科员", attributes: { dept: i < 2 ? "征管" : "纳服", level: i }, ...(i === 3 ? { vetoes: ["party-building"] } : {}) }));
        const options = {
          year: "2024",
          people,
          rank: { groupBy: "dept", ties: "competition" as const },
          tiers: { tiers: [{ name: "好", share: 0.4, excludeVetoed: true }, { name: "中" }, { name: "差", share: 0.2 }], ties: "break" as const, vetoTier: "差" },
          asOf: "2024-12-31",
          ...(aggregate ? { aggregate: { rule: "mean" as const, missing: "skip" as const, rounding: { decimals: 2 } } } : {}),
        };
        // A person without entries in the year: an aggregate of nothing cannot be made.
        const run = (l: ReturnType<typeof createLedger>, o: typeof options) => {
          try {
            return annualResults(l, o);
          } catch (error) {
            return { error: (error as { issues?: unknown }).issues };
          }
        };
        const ledger = createLedger(entries);
        const base = twice(() => run(ledger, options));
        expect(json(run(createLedger(shuffle(entries, rng)), { ...options, people: shuffle(people, rng) }))).toBe(base);
        const again = run(createLedger(permuteKeys(shuffle(entries, rng), rng)), permuteKeys({ ...options, people: shuffle(people, rng) }, rng));
        expect(json(sortKeysAt(again, ECHO))).toBe(json(sortKeysAt(JSON.parse(base), ECHO)));
      }),
      params(),
    );
  });
});

describe("determinism: the smaller steps", () => {
  it("withPenalties, resultEntries (both follow the subjects' order: compared by id), applySpecialAssessments, partyBuildingVetoes, consecutiveTier, checkHistory: shuffled, permuted keys, twice", () => {
    fc.assert(
      fc.property(rankablesArb(12), fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })), { minLength: 12, maxLength: 12 }), fc.nat(), (results, draws, seed) => {
        const rng = rngOf(seed);
        const ids = results.map((r) => r.subjectId);
        // Last-place deductions fed back into the subjects.
        const last = lastPlaceDeductions(rank(results, { groupBy: "group" }), { deductions: [1, 0.5], flag: { id: "promotion-deferred" } });
        const subjects = ids.map((id, i) => ({ id, values: { x: i }, ...(i % 2 ? { deductions: [{ points: 1, reason: "差错" }] } : {}) }));
        // The subjects come back as given (their keys too), with the items added.
        const penalised = (list: typeof subjects) => keyed(withPenalties(list, last).map((x) => sortKeysAt(x, new Set(), true)), (x) => x.id);
        twice(() => penalised(subjects));
        expect(penalised(permuteKeys(shuffle(subjects, rng), rng))).toBe(penalised(subjects));
        // Results recorded as ledger entries.
        const recordOptions = { period: "2024-07", component: "everyday", source: "月度考核" };
        const recorded = twice(() => keyed(resultEntries(results.map((r) => ({ subjectId: r.subjectId, total: r.total, schemeId: "s" })), recordOptions), (e) => e.id));
        expect(keyed(resultEntries(permuteKeys(shuffle(results.map((r) => ({ subjectId: r.subjectId, total: r.total, schemeId: "s" })), rng), rng), permuteKeys(recordOptions, rng)), (e) => e.id)).toBe(JSON.parse(recorded));
        // "1+N" special assessments.
        const scores = Object.fromEntries(ids.map((id, i) => [id, i % 2 ? 80 + i : String(70 + i / 4)]));
        const specials: SpecialAssessment[] = [
          { id: "征管专项", weight: "0.2", results: { U1: 88, U2: "91.5" }, members: ids.filter((_, i) => draws[i]![0] > 0).map((person, i) => ({ person, organization: i % 2 ? "U1" : "U2" })) },
          { id: "纳服专项", name: "纳服", weight: 0.1, results: { U1: 75 }, members: ids.filter((_, i) => draws[i]![1] > 1).map((person) => ({ person, organization: "U1" })) },
        ];
        for (const policy of [{ mode: "blend" as const, rounding: { decimals: 2 } }, { mode: "add" as const, max: 100 }]) {
          const base = twice(() => applySpecialAssessments(scores, specials, policy));
          const shuffled = shuffle(specials, rng).map((sp) => ({ ...sp, members: shuffle(sp.members, rng) }));
          expect(json(applySpecialAssessments(permuteKeys(scores, rng), permuteKeys(shuffled, rng), permuteKeys(policy, rng)))).toBe(base);
        }
        // Party-building vetoes (R26).
        const ratings = Object.fromEntries(["甲县", "乙县", "丙县", "丁县"].map((u, i) => [u, ["好", "中", "差"][draws[i]![0]]!]));
        const vetoOptions = { mainLeaders: { 甲县: "L1", 乙县: "L2", 丙县: "L3", 丁县: "L4" } };
        const vetoes = twice(() => partyBuildingVetoes(ratings, vetoOptions));
        expect(json(partyBuildingVetoes(permuteKeys(ratings, rng), permuteKeys(vetoOptions, rng)))).toBe(vetoes);
        // Tier history.
        const history = ids.flatMap((subjectId, i) => ["2022", "2023", "2024"].map((period, y) => ({ subjectId, period, tier: ["好", "中", "差"][(draws[i]![0] + draws[(i + y) % 12]![1]) % 3]! })));
        const rule = { order: ["好", "中", "差"], all: [{ tiers: ["好"], atLeastShare: "1/3" }, { noneBelow: "中" }] };
        const runs = (h: typeof history) => ({ consecutive: consecutiveTier(h, { tier: "差", years: 2 }), lastYear: consecutiveTier(h, { tier: "中", years: 1, asOf: "2023" }), checked: checkHistory(h, rule) });
        const base = twice(() => runs(history));
        expect(json(runs(permuteKeys(shuffle(history, rng), rng)))).toBe(base);
        expect(json(checkHistory(history, permuteKeys(rule, rng)))).toBe(json(JSON.parse(base).checked));
      }),
      params(),
    );
  });
});

describe("determinism: sheet functions", () => {
  /** A range with its data rows (below the header row) shuffled and its columns permuted. */
  const reshape = (range: readonly (readonly SheetCell[])[], rng: () => number): SheetCell[][] => {
    const columns = permutation(range[0]!.length, rng);
    const rows = [range[0]!, ...shuffle(range.slice(1), rng)];
    return rows.map((r) => columns.map((c) => r[c] ?? ""));
  };
  const rowsById = (out: readonly (readonly (string | number)[])[], idColumn = 0) => keyed(out.slice(1), (r) => String(r[idColumn]));

  it("JIXIAO_SCORE, JIXIAO_EXPLAIN: rows shuffled and columns permuted (rows follow the input: compared by id), scheme JSON with permuted keys", () => {
    fc.assert(
      fc.property(
        worldArb().chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 1, max: 6 }))),
        fc.nat(),
        ([w, subjects], seed) => {
          const rng = rngOf(seed);
          const ids = w.specs.map((s) => s.id);
          const cell = (v: unknown): SheetCell => (v === null || (typeof v === "object" && v !== null && "na" in v) ? "N/A" : typeof v === "object" ? JSON.stringify(permuteKeys(v, rng)) : (v as SheetCell));
          const range: SheetCell[][] = [["id", "name", "group", ...ids, "备注"], ...subjects.map((s) => [s.id, s.name ?? "", s.group ?? "", ...ids.map((id) => cell(s.values[id])), "x"])];
          const scheme = JSON.stringify(w.config);
          const columns = `id, group, total, rank, base, group:g0, indicator:${ids[0]}`;
          const base = twice(() => JIXIAO_SCORE(scheme, range, columns));
          const out = JIXIAO_SCORE(JSON.stringify(permuteKeys(w.config, rng, keepGrades)), reshape(range, rng), columns);
          expect(out[0]).toEqual(JSON.parse(base)[0]);
          expect(rowsById(out)).toBe(rowsById(JSON.parse(base)));
          const id = subjects[subjects.length - 1]!.id;
          const text = twice(() => JIXIAO_EXPLAIN(scheme, range, id, "en"));
          expect(json(JIXIAO_EXPLAIN(JSON.stringify(permuteKeys(w.config, rng, keepGrades)), reshape(range, rng), id, "en"))).toBe(text);
        },
      ),
      params(0.5),
    );
  });

  it("JIXIAO_RANK, JIXIAO_TIER, JIXIAO_LASTPLACE: rows (with their groups) shuffled (compared by id), policy JSON with permuted keys", () => {
    fc.assert(
      fc.property(rankablesArb(20), fc.nat(), (results, seed) => {
        const rng = rngOf(seed);
        const rows = results.map((r) => ({ id: r.subjectId, score: r.total, group: r.attributes!.dept as string }));
        const tier = { tiers: [{ name: "好", share: 0.3 }, { name: "中" }, { name: "差", share: 0.2 }], count: "round", ties: "break" };
        const last = { deductions: [1, 0.5], ties: "all", minGroupSize: 2 };
        const run = (list: typeof rows, t: object, l: object) => {
          const scores: SheetCell[][] = [["id", "total"], ...list.map((r) => [r.id, r.score])];
          const groups: SheetCell[][] = [["group"], ...list.map((r) => [r.group])];
          const by = (out: (string | number)[][]) => keyed(out.slice(1).map((o, i) => [list[i]!.id, o[0]!] as const), (x) => x[0]);
          return [by(JIXIAO_RANK(scores, groups, "dense")), by(JIXIAO_RANK(scores, "", "asc ordinal")), by(JIXIAO_TIER(scores, groups, JSON.stringify(t))), by(JIXIAO_LASTPLACE(scores, groups, JSON.stringify(l)))];
        };
        const base = twice(() => run(rows, tier, last));
        expect(json(run(shuffle(rows, rng), permuteKeys(tier, rng), permuteKeys(last, rng)))).toBe(base);
      }),
      params(),
    );
  });

  it("JIXIAO_TASKCREDIT, JIXIAO_ACCOUNT: rows shuffled and columns permuted, board and policy JSON with permuted keys", () => {
    fc.assert(
      fc.property(tasksArb, entriesArb("", 15), fc.nat(), ({ board, staff, grabs, policy }, entries, seed) => {
        const rng = rngOf(seed);
        const grabRange: SheetCell[][] = [["task", "person", "at"], ...grabs.map((g) => [g.task, g.person, g.at])];
        const staffRange: SheetCell[][] = [["id", "posts", "name"], ...staff.map((s) => [s.id, s.posts.join("、"), `名${s.id}`])];
        const options = JSON.stringify({ ...policy, cap: 4, splitDecimals: 1, qualityGrades: { 优: 1, 良: 0.8 } });
        const withStaff = twice(() => JIXIAO_TASKCREDIT(JSON.stringify(board), grabRange, "", staffRange, options));
        const withoutStaff = twice(() => JIXIAO_TASKCREDIT(JSON.stringify(board), grabRange, "", "", options));
        const board2 = JSON.stringify(permuteKeys(board, rng));
        const options2 = JSON.stringify(permuteKeys(JSON.parse(options), rng));
        const out = JIXIAO_TASKCREDIT(board2, reshape(grabRange, rng), "", reshape(staffRange, rng), options2);
        expect(rowsById(out)).toBe(rowsById(JSON.parse(withStaff)));
        expect(json(JIXIAO_TASKCREDIT(board2, reshape(grabRange, rng), "", "", options2))).toBe(withoutStaff);

        const names = ["id", "person", "date", "component", "points", "source", "corrects", "action", "reference", "note"] as const;
        const ledgerRange: SheetCell[][] = [[...names], ...entries.map((e) => names.map((n) => (e[n] as SheetCell) ?? ""))];
        for (const [period, asOf] of [["", ""], ["2024", ""], ["2024-Q3", "2024-10-15"]] as const) {
          const base = twice(() => JIXIAO_ACCOUNT(ledgerRange, period, asOf));
          expect(json(JIXIAO_ACCOUNT(reshape(ledgerRange, rng), period, asOf))).toBe(base);
        }
      }),
      params(0.5),
    );
  });
});

describe("determinism: scenario verification", () => {
  it("runScenario: the same cases with shuffled inputs and permuted keys give the same report (failures and their trace lines too), twice", () => {
    fc.assert(
      fc.property(
        worldArb({ withRank: false }).chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 2, max: 5 }))),
        rankablesArb(10),
        tasksArb,
        entriesArb("", 12),
        fc.nat(),
        ([w, subjects], results, tasks, entries, seed) => {
          const rng = rngOf(seed);
          const scores = Object.fromEntries(results.map((r) => [r.subjectId, r.total]));
          const ids = results.map((r) => r.subjectId).sort(byText);
          // Expectations that hold and ones that fail (their report carries the actual value and the trace lines).
          // The cases and their `expect` keep their order: the report lists cases and failures in file order.
          const doc = (shuffled: boolean, permuted: boolean): ScenarioDocument => {
            const mix = <T,>(xs: readonly T[]) => (shuffled ? shuffle(xs, rng) : [...xs]);
            const keys = <T,>(x: T) => (permuted ? permuteKeys(x, rng, keepGrades) : x);
            const record = <T,>(r: Record<string, T>) => (shuffled ? Object.fromEntries(shuffle(Object.entries(r), rng)) : r);
            return {
              name: "laws",
              cases: [
                { name: "score", run: "score", rules: { scheme: keys(w.config) }, input: { subjects: keys(mix(subjects)) }, expect: { [`results.${subjects[0]!.id}.total`]: -1, [`results.${subjects[1]!.id}.groups[0].earned`]: -1 } },
                { name: "rank", run: "rank", input: { scores: keys(record(scores)) }, expect: { [`ranks.${ids[0]}`]: 1, [`ranks.${ids[1]}`]: 2 } },
                { name: "tiers", run: "tiers", rules: { tierPolicy: keys({ tiers: [{ name: "好", share: 0.3 }, { name: "中" }, { name: "差", share: 0.2 }] }), rank: keys({ groupBy: "group" }) }, input: { scores: keys(mix(results)) }, expect: { [`tiers.${ids[0]}`]: "好", [`tiers.${ids[2] ?? ids[0]}`]: "差" } },
                { name: "last", run: "last-place", rules: { lastPlace: keys({ deductions: [1, 0.5] }) }, input: { scores: keys(mix(results)) }, expect: { [`deductions.${ids[0]}`]: 1 } },
                { name: "tasks", run: "tasks", rules: { board: keys(tasks.board), allocation: keys(tasks.policy) }, input: { staff: keys(mix(tasks.staff)), grabs: keys(mix(tasks.grabs)) }, expect: { [`owners.${tasks.board.tasks[0]!.id}[0]`]: "nobody" } },
                { name: "account", run: "account", input: { entries: keys(mix(entries)), period: "2024" }, expect: { [`totals.${entries[0]!.person}`]: -1, "components.c1.everyday": 0 } },
              ],
            };
          };
          const base = twice(() => runScenario(doc(false, false)));
          expect(holdsDecimal(runScenario(doc(false, false)))).toBe(false);
          expect(json(runScenario(doc(true, false)))).toBe(base);
          expect(json(runScenario(doc(true, true)))).toBe(base);
        },
      ),
      params(0.5),
    );
  });
});
