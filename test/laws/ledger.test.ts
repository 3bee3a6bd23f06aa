import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountSeries, appendEntries, createLedger, periodsIn, summarizeAccount, summarizeAccounts, type AccountSummary, type Ledger } from "../../src/index.js";
import { entriesArb, PEOPLE } from "./arbitraries.js";
import { params } from "./helpers.js";

/*
 * Additivity of the growth account (R10, R12, R15): sums over periods and over batches of entries.
 *
 * Already covered elsewhere, not repeated here (test/personnel/properties.test.ts): for each
 * person, the months of 2024 add up to each quarter, half-year and the year, the year to its
 * components, the career to its years; the weeks to the days they hold; aggregatePeriods with
 * rule sum equals the months' sum; appending in two batches gives the ledger made at once.
 */

const Exact = Decimal.clone({ precision: 100 });
const sum = (xs: readonly string[]) => xs.reduce((a, b) => a.plus(b), new Exact(0));
const PERIODS = ["2024", "2024-Q1", "2024-Q4", "2024-H1", "2024-07", "2024-W27", "2025"];

/** Each person's total and component totals, as exact decimals. */
function totals(s: AccountSummary) {
  return { total: new Exact(s.exact), components: new Map(s.components.map((c) => [c.component, new Exact(c.exact)])) };
}

describe("ledger additivity", () => {
  it("the summary over two batches of entries (no correction crossing between them) is the sum of the batches' summaries, for every period, person and component, and as of any date", () => {
    fc.assert(
      fc.property(entriesArb("a"), entriesArb("b"), fc.boolean(), fc.constantFrom(undefined, "2024-06-30", "2024-11-15"), (a, b, appended, asOf) => {
        const both: Ledger = appended ? appendEntries(createLedger(a), b) : createLedger([...a, ...b]);
        const left = createLedger(a);
        const right = createLedger(b);
        for (const period of [undefined, ...PERIODS]) {
          const options = { ...(period ? { period } : {}), ...(asOf ? { asOf } : {}) };
          const whole = new Map(summarizeAccounts(both, options).map((s) => [s.person, s]));
          const parts = [left, right].map((l) => new Map(summarizeAccounts(l, options).map((s) => [s.person, s])));
          for (const person of PEOPLE) {
            const w = whole.get(person);
            const ps = parts.flatMap((p) => (p.has(person) ? [totals(p.get(person)!)] : []));
            expect(new Exact(w?.exact ?? "0").eq(sum(ps.map((p) => p.total.toString())))).toBe(true);
            if (!w) continue;
            // Component by component, and the entries listed are the batches' entries.
            for (const c of w.components) expect(new Exact(c.exact).eq(sum(ps.map((p) => (p.components.get(c.component) ?? new Exact(0)).toString())))).toBe(true);
            const ids = parts.flatMap((p) => p.get(person)?.entries.map((e) => e.id) ?? []);
            expect(w.entries.map((e) => e.id).sort()).toEqual(ids.sort());
            // summarizeAccount of one person is the same summary as summarizeAccounts gives.
            expect(JSON.stringify(summarizeAccount(both, person, options))).toBe(JSON.stringify(w));
          }
        }
      }),
      params(),
    );
  });

  it("accountSeries: each period of a series is summarizeAccount of that period; the months of a year, its quarters and its halves each add up to the year", () => {
    fc.assert(
      fc.property(entriesArb(), fc.constantFrom(undefined, "2024-08-31"), (entries, asOf) => {
        const ledger = createLedger(entries);
        for (const person of PEOPLE) {
          const year = summarizeAccount(ledger, person, { period: "2024", ...(asOf ? { asOf } : {}) });
          for (const [kind, from, to] of [["month", "2024-01", "2024-12"], ["quarter", "2024-Q1", "2024-Q4"], ["half", "2024-H1", "2024-H2"]] as const) {
            const series = accountSeries(ledger, person, { kind, from, to, ...(asOf ? { asOf } : {}) });
            expect(series.map((s) => s.period)).toEqual(periodsIn("2024", kind));
            series.forEach((s) => expect(JSON.stringify(s)).toBe(JSON.stringify(summarizeAccount(ledger, person, { period: s.period!, ...(asOf ? { asOf } : {}) }))));
            expect(sum(series.map((s) => s.exact)).eq(year.exact)).toBe(true);
            // Component by component too.
            for (const c of year.components) expect(sum(series.map((s) => s.components.find((x) => x.component === c.component)?.exact ?? "0")).eq(c.exact)).toBe(true);
          }
        }
      }),
      params(),
    );
  });

  it("counting only some components: the totals of a split of the components add up to the total of all", () => {
    fc.assert(
      fc.property(entriesArb(), fc.subarray(["everyday", "recognition", "ability"]), (entries, chosen) => {
        const ledger = createLedger(entries);
        const rest = ["everyday", "recognition", "ability"].filter((c) => !chosen.includes(c));
        for (const period of [undefined, "2024", "2024-Q3"]) {
          const all = new Map(summarizeAccounts(ledger, period ? { period } : {}).map((s) => [s.person, s.exact]));
          const some = new Map(summarizeAccounts(ledger, { ...(period ? { period } : {}), components: chosen }).map((s) => [s.person, s.exact]));
          const others = new Map(summarizeAccounts(ledger, { ...(period ? { period } : {}), components: rest }).map((s) => [s.person, s.exact]));
          for (const [person, total] of all) expect(new Exact(some.get(person)!).plus(others.get(person)!).eq(total)).toBe(true);
        }
      }),
      params(),
    );
  });
});
