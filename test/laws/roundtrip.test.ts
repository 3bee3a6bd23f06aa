import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateTasks,
  appendEntries,
  assignTiers,
  cascade,
  createLedger,
  creditTasks,
  defineCascadePlan,
  defineScheme,
  defineTaskBoard,
  defineTierPolicy,
  explain,
  lastPlaceDeductions,
  ledgerFromJSON,
  ledgerToJSON,
  rank,
  reallocatePromotionSlots,
  scoreAll,
  summarizeAccounts,
  type Completion,
  type TierPolicy,
} from "../../src/index.js";
import { entriesArb, planArb, rankablesArb, tasksArb, treeArb } from "./arbitraries.js";
import { json, params, subjectsArb, worldArb } from "./helpers.js";

/*
 * Serialize → parse round trips: every rule document and every stored result that a later step
 * takes back gives the same output after a trip through JSON text, and a decimal written as text
 * is the same decimal written as a number.
 *
 * Already covered elsewhere, not repeated here: ledgerToJSON → ledgerFromJSON → summaries, in any
 * time zone (test/personnel/properties.test.ts). Scenario files have no writer in the library
 * (they are written by analysts), so they have no round trip to check.
 */

const trip = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The value with every number written as decimal text, except under the keys that take whole numbers only. */
function asText<T>(value: T, wholeNumbers: ReadonlySet<string>, key = ""): T {
  if (typeof value === "number") return (wholeNumbers.has(key) ? value : String(value)) as T;
  if (Array.isArray(value)) return value.map((v) => asText(v, wholeNumbers, key)) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v, wholeNumbers, k)])) as T;
}

describe("rule documents through JSON", () => {
  it("a scheme: defined, written as JSON, read and defined again is the same document and scores the same; a scheme and subjects with their numbers written as text score the same", () => {
    fc.assert(
      fc.property(
        worldArb().chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 1, max: 6 }))),
        ([w, subjects]) => {
          const scheme = defineScheme(w.config);
          const text = JSON.stringify(scheme);
          const again = defineScheme(JSON.parse(text));
          expect(JSON.stringify(again)).toBe(text);
          const results = json(scoreAll(scheme, subjects));
          expect(json(scoreAll(again, trip(subjects)))).toBe(results);
          // Decimals as text: the same results (a raw value is echoed as given, so it is compared as the number it reads as).
          const textual = scoreAll(defineScheme(asText(w.config, new Set(["decimals"]))), asText(subjects, new Set()));
          const unechoed = (rs: typeof textual) => rs.map((r) => ({ ...r, indicators: r.indicators.map((i) => ({ ...i, value: asText(i.value, new Set()) })), attributes: undefined }));
          expect(json(unechoed(textual))).toBe(json(unechoed(JSON.parse(results))));
        },
      ),
      params(),
    );
  });

  it("score results stored as JSON rank and explain as the results themselves", () => {
    fc.assert(
      fc.property(
        worldArb().chain((w) => fc.tuple(fc.constant(w), subjectsArb(w, { min: 1, max: 8 }))),
        ([w, subjects]) => {
          const results = scoreAll(defineScheme(w.config), subjects);
          const stored = trip(results);
          for (const options of [{}, { groupBy: "group", by: "group:g0" as const, ties: "dense" as const }, { groupBy: "dept", tieBreak: ["indicator:i0" as const], order: "asc" as const }])
            expect(json(rank(stored, options))).toBe(json(rank(results, options)));
          stored.forEach((r, i) => expect(explain(r, { locale: "en" })).toBe(explain(results[i]!, { locale: "en" })));
        },
      ),
      params(0.5),
    );
  });

  it("a ranking stored as JSON gives the same tiers, last-place deductions and promotion moves; a tier policy through JSON and with its numbers as text is the same policy", () => {
    fc.assert(
      fc.property(rankablesArb(), fc.constantFrom("competition", "dense", "ordinal"), (results, ties) => {
        const ranking = rank(results, { groupBy: "group", ties, tieBreak: ["group:g0"] });
        const stored = trip(ranking);
        const policy: TierPolicy = { id: "p", tiers: [{ name: "好", share: 0.3, min: 20, minCount: 1, excludeFlags: ["one-third"] }, { name: "中" }, { name: "差", share: 0.2, maxCount: 3 }], count: "round", ties: "break", vetoTier: "差", groupBy: "dept" };
        const defined = defineTierPolicy(policy);
        expect(JSON.stringify(defineTierPolicy(trip(defined)))).toBe(JSON.stringify(defined));
        const tiers = json(assignTiers(ranking, policy));
        expect(json(assignTiers(stored, trip(defined)))).toBe(tiers);
        expect(json(assignTiers(ranking, asText(policy, new Set(["minCount", "maxCount"]))))).toBe(tiers);
        const last = { deductions: [1, 0.5], minGroupSize: 2, flag: { id: "promotion-deferred" } };
        expect(json(lastPlaceDeductions(stored, last))).toBe(json(lastPlaceDeductions(ranking, last)));
        expect(json(lastPlaceDeductions(ranking, asText(last, new Set(["minGroupSize"]))))).toBe(json(lastPlaceDeductions(ranking, last)));
        expect(json(reallocatePromotionSlots(stored, { losers: 2, gainers: 1 }))).toBe(json(reallocatePromotionSlots(ranking, { losers: 2, gainers: 1 })));
      }),
      params(),
    );
  });

  it("a cascade plan through JSON and with its numbers as text cascades the same; every unit's scheme through JSON is a scheme that defines to the same document", () => {
    fc.assert(
      fc.property(
        treeArb.chain((t) => fc.tuple(fc.constant(t), planArb(t))),
        ([t, plan]) => {
          const defined = defineCascadePlan(plan);
          expect(JSON.stringify(defineCascadePlan(trip(defined)))).toBe(JSON.stringify(defined));
          const result = json(cascade(plan, t.units));
          expect(json(cascade(trip(defined), trip(t.units)))).toBe(result);
          // Written as text, the plan's numbers give the same targets; the completion targets then come as text too.
          const textual = cascade(asText(plan, new Set(["decimals"])), t.units);
          expect(json(asText(textual, new Set(["decimals"])))).toBe(json(asText(JSON.parse(result), new Set(["decimals"]))));
          for (const u of JSON.parse(result).units as { scheme: Parameters<typeof defineScheme>[0] }[]) expect(JSON.stringify(defineScheme(trip(u.scheme)))).toBe(JSON.stringify(u.scheme));
        },
      ),
      params(),
    );
  });

  it("a task board through JSON allocates the same; an allocation stored as JSON credits the same as the allocation itself", () => {
    fc.assert(
      fc.property(tasksArb, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 10, maxLength: 10 }), ({ board, staff, grabs, policy }, qualities) => {
        const defined = defineTaskBoard(board);
        expect(JSON.stringify(defineTaskBoard(trip(defined)))).toBe(JSON.stringify(defined));
        const allocation = allocateTasks(board, grabs, staff, policy);
        expect(json(allocateTasks(trip(defined), trip(grabs), trip(staff), trip(policy)))).toBe(json(allocation));
        expect(json(allocateTasks(asText(board, new Set(["seats"])), grabs, staff, policy))).toBe(json(allocation));
        let k = 0;
        const completions: Completion[] = allocation.tasks.flatMap((t) => t.owners.map((o) => ({ task: t.task, person: o.person, quality: qualities[k++ % qualities.length]! / 100 })));
        const credit = { cap: 5, assignedFactor: "0.9", splitDecimals: 1 };
        expect(json(creditTasks(board, trip(allocation), completions, credit))).toBe(json(creditTasks(board, allocation, completions, credit)));
        expect(json(creditTasks(board, allocation, completions, asText(credit, new Set(["splitDecimals"]))))).toBe(json(creditTasks(board, allocation, completions, credit)));
      }),
      params(),
    );
  });

  it("a ledger built by appends, stored and read back, is the same ledger: the same JSON, the same summaries, and the same after one more append", () => {
    fc.assert(
      fc.property(entriesArb(), entriesArb("n", 6), fc.nat(), (entries, more, cut) => {
        const k = cut % (entries.length + 1);
        const ledger = appendEntries(createLedger(entries.slice(0, k), { timeZone: "+05:30" }), entries.slice(k));
        const text = JSON.stringify(ledgerToJSON(ledger));
        const back = ledgerFromJSON(text);
        expect(JSON.stringify(ledgerToJSON(back))).toBe(text);
        for (const options of [{}, { period: "2024" }, { period: "2024-Q2", asOf: "2024-09-01" }])
          expect(json(summarizeAccounts(back, options))).toBe(json(summarizeAccounts(ledger, options)));
        expect(JSON.stringify(ledgerToJSON(appendEntries(back, more)))).toBe(JSON.stringify(ledgerToJSON(appendEntries(ledger, more))));
        expect(json(summarizeAccounts(appendEntries(back, more), { period: "2024" }))).toBe(json(summarizeAccounts(appendEntries(ledger, more), { period: "2024" })));
      }),
      params(),
    );
  });
});
