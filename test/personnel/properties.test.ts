import DecimalJs from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregatePeriods,
  annualResults,
  appendEntries,
  createLedger,
  ledgerFromJSON,
  ledgerToJSON,
  linkOrganizations,
  linkPeople,
  parsePeriod,
  periodContains,
  periodOf,
  periodsIn,
  shiftPeriod,
  summarizeAccount,
  summarizeAccounts,
  type Ledger,
  type LedgerEntry,
  type LinkedPerson,
  type PeriodKind,
  type Rankable,
} from "../../src/index.js";
import { runs } from "../helpers.js";

const RUNS = { numRuns: runs(100) };
/** Decimals with more digits than the library's 40, so that comparisons are exact. */
const Decimal = DecimalJs.clone({ precision: 80 });
const PEOPLE = ["c1", "c2", "c3"];
const COMPONENTS = ["everyday", "recognition", "ability"];
const YEAR_MONTHS = periodsIn("2024", "month");

/** A decimal with up to 4 places, as text or (when it prints the same) as a number. */
const pointsArb: fc.Arbitrary<string | number> = fc
  .tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 4 }), fc.boolean())
  .map(([n, places, asNumber]) => {
    const text = new Decimal(n).div(new Decimal(10).pow(places)).toFixed(places);
    return asNumber ? Number(text) : text;
  });

/** A date around 2024: a day, a wall-clock time in Shanghai, or a moment in UTC or at an offset. */
const dateArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 380 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([offset, form, h, m]) => {
    const day = shiftPeriod("2023-12-26", offset);
    const hm = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
    return form === 0 ? day : form === 1 ? `${day}T${hm}` : form === 2 ? `${day}T${hm}:00Z` : `${day}T${hm}-05:00`;
  });

interface BaseSpec {
  readonly person: number;
  readonly component: number;
  readonly date: string;
  readonly points: string | number;
}
interface FixSpec {
  readonly target: number;
  readonly reverse: boolean;
  readonly points: string | number;
  readonly later: number;
}

const baseArb = fc.record({ person: fc.nat({ max: PEOPLE.length - 1 }), component: fc.nat({ max: COMPONENTS.length - 1 }), date: dateArb, points: pointsArb });
const fixArb = fc.record({ target: fc.nat(), reverse: fc.boolean(), points: pointsArb, later: fc.integer({ min: 0, max: 60 }) });

/** The day an entry's date falls on in Shanghai. */
const dayOfDate = (date: string) => periodOf(date, "day");

/**
 * Builds valid entries: the base entries, then corrections, each of the latest entry of a chain (so
 * no entry is corrected twice), for the same person, dated on or after it.
 */
function build(bases: readonly BaseSpec[], fixes: readonly FixSpec[], prefix = ""): LedgerEntry[] {
  const out: LedgerEntry[] = bases.map((b, i) => ({
    id: `${prefix}e${i}`,
    person: PEOPLE[b.person]!,
    date: b.date,
    component: COMPONENTS[b.component]!,
    points: b.points,
    source: "月度考核",
  }));
  if (out.length === 0) return out;
  const latest = out.map((e) => e); // by root index: the chain's latest entry
  fixes.forEach((f, j) => {
    const root = f.target % bases.length;
    const last = latest[root]!;
    const date = shiftPeriod(dayOfDate(last.date), f.later);
    const fix: LedgerEntry = f.reverse
      ? { id: `${prefix}x${j}`, person: last.person, date, corrects: last.id, action: "reverse", source: "复核" }
      : { id: `${prefix}x${j}`, person: last.person, date, corrects: last.id, action: "amend", points: f.points, source: "复核" };
    out.push(fix);
    latest[root] = fix;
  });
  return out;
}

const entriesArb = fc
  .tuple(fc.array(baseArb, { minLength: 1, maxLength: 30 }), fc.array(fixArb, { maxLength: 12 }))
  .map(([bases, fixes]) => build(bases, fixes));

/** A permutation of the indices 0 … n − 1. */
const shuffled = <T,>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const dec = (s: string) => new Decimal(s);
const sumOf = (xs: readonly string[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));

describe("growth-account properties", () => {
  it("the months add up to their quarter, half-year and year, and the year to the component totals (additive rules)", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const l = createLedger(entries);
        for (const person of PEOPLE) {
          const month = new Map(YEAR_MONTHS.map((m) => [m, summarizeAccount(l, person, { period: m }).exact]));
          const year = summarizeAccount(l, person, { period: "2024" });
          expect(sumOf([...month.values()]).eq(dec(year.exact))).toBe(true);
          for (const k of ["quarter", "half"] as PeriodKind[])
            for (const p of periodsIn("2024", k)) {
              const parts = periodsIn(p, "month").map((m) => month.get(m)!);
              expect(sumOf(parts).eq(dec(summarizeAccount(l, person, { period: p }).exact))).toBe(true);
            }
          expect(sumOf(year.components.map((c) => c.exact)).eq(dec(year.exact))).toBe(true);
          const agg = aggregatePeriods(
            [...month].map(([period, score]) => ({ period, score })),
            "2024",
            { rule: "sum", missing: "error" },
          );
          expect(dec(agg.exact).eq(dec(year.exact))).toBe(true);
          // The career is the sum of every year the entries can fall in.
          const career = summarizeAccount(l, person);
          expect(sumOf(["2023", "2024", "2025"].map((y) => summarizeAccount(l, person, { period: y }).exact)).eq(dec(career.exact))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("each entry counts the points its chain of corrections leaves (amend replaces; reverse undoes the entry it names)", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const byId = new Map(entries.map((e) => [e.id, e]));
        const next = new Map(entries.filter((e) => e.corrects !== undefined).map((e) => [e.corrects!, e]));
        // A model: the points before and after each entry of a chain.
        const expected = new Map<string, string>();
        for (const root of entries.filter((e) => e.corrects === undefined)) {
          const states = [new Decimal(String(root.points))];
          for (let c = next.get(root.id); c; c = next.get(c.id)) {
            const i = states.length;
            states.push(c.action === "amend" ? new Decimal(String(c.points)) : i >= 2 ? states[i - 2]! : new Decimal(0));
          }
          expected.set(root.id, states.at(-1)!.toString());
        }
        const l = createLedger(entries);
        for (const s of summarizeAccounts(l))
          for (const e of s.entries) {
            expect(new Decimal(e.points).eq(expected.get(e.id)!)).toBe(true);
            expect(e.corrections.every((id) => byId.get(id)!.person === s.person)).toBe(true);
          }
      }),
      RUNS,
    );
  });

  it("the weeks of a year add up to the days they hold", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const l = createLedger(entries);
        const weeks = periodsIn("2024", "week");
        const first = parsePeriod(weeks[0]!).start;
        const last = parsePeriod(weeks.at(-1)!).end;
        for (const person of PEOPLE) {
          const byWeeks = sumOf(weeks.map((w) => summarizeAccount(l, person, { period: w }).exact));
          const s = summarizeAccount(l, person);
          const byDays = sumOf(s.entries.filter((e) => e.day >= first && e.day <= last).map((e) => e.points));
          expect(byWeeks.eq(byDays)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("appending a correction never changes an earlier entry, the old ledger or its summaries", () => {
    fc.assert(
      fc.property(entriesArb, fixArb, (entries, fix) => {
        const old = createLedger(entries);
        const snapshot = JSON.stringify(ledgerToJSON(old));
        const summaries = JSON.stringify([summarizeAccounts(old), ...YEAR_MONTHS.map((m) => summarizeAccounts(old, { period: m }))]);
        // Correct the latest entry of a chain (the only entry of it not yet corrected).
        const corrected = new Set(entries.map((e) => e.corrects).filter(Boolean));
        const open = entries.filter((e) => !corrected.has(e.id));
        const target = open[fix.target % open.length]!;
        const date = shiftPeriod(dayOfDate(target.date), fix.later);
        const next = appendEntries(old, [
          fix.reverse
            ? { id: "new", person: target.person, date, corrects: target.id, action: "reverse", source: "复核" }
            : { id: "new", person: target.person, date, corrects: target.id, action: "amend", points: fix.points, source: "复核" },
        ]);
        expect(next.entries).toHaveLength(entries.length + 1);
        old.entries.forEach((e, i) => expect(next.entries[i]).toBe(e));
        expect(JSON.stringify(ledgerToJSON(old))).toBe(snapshot);
        expect(JSON.stringify([summarizeAccounts(old), ...YEAR_MONTHS.map((m) => summarizeAccounts(old, { period: m }))])).toBe(summaries);
        // In the new ledger, only the corrected entry's person and period can change.
        let root: LedgerEntry = target;
        while (root.corrects !== undefined) root = entries.find((e) => e.id === root.corrects)!;
        const rootMonth = periodOf(root.date, "month");
        for (const m of YEAR_MONTHS)
          for (const person of PEOPLE)
            if (m !== rootMonth || person !== root.person) expect(summarizeAccount(next, person, { period: m }).exact).toBe(summarizeAccount(old, person, { period: m }).exact);
        // asOf the day before the correction, the new ledger shows the old account.
        const before = shiftPeriod(date, -1);
        expect(summarizeAccount(next, root.person, { asOf: before }).exact).toBe(summarizeAccount(old, root.person, { asOf: before }).exact);
      }),
      RUNS,
    );
  });

  it("serialize → parse → summarize gives identical results", () => {
    fc.assert(
      fc.property(entriesArb, fc.constantFrom("Asia/Shanghai", "UTC", "America/Los_Angeles", "+05:30"), (entries, timeZone) => {
        const l = createLedger(entries, { timeZone });
        const text = JSON.stringify(ledgerToJSON(l));
        const back = ledgerFromJSON(text);
        expect(JSON.stringify(ledgerToJSON(back))).toBe(text);
        expect(JSON.stringify(summarizeAccounts(back))).toBe(JSON.stringify(summarizeAccounts(l)));
        for (const period of ["2024", "2024-Q2", "2024-06", "2025-W01"])
          expect(JSON.stringify(summarizeAccounts(back, { period }))).toBe(JSON.stringify(summarizeAccounts(l, { period })));
        expect(JSON.stringify(summarizeAccounts(ledgerFromJSON(JSON.parse(text) as never), { period: "2024", asOf: "2024-08-15" }))).toBe(
          JSON.stringify(summarizeAccounts(l, { period: "2024", asOf: "2024-08-15" })),
        );
      }),
      RUNS,
    );
  });

  it("summaries do not depend on the order of the entries (byte-identical JSON)", () => {
    fc.assert(
      fc.property(
        entriesArb.chain((es) => fc.tuple(fc.constant(es), shuffled(es))),
        ([entries, order]) => {
          const a = createLedger(entries);
          const b = createLedger(order);
          expect(JSON.stringify(summarizeAccounts(b))).toBe(JSON.stringify(summarizeAccounts(a)));
          expect(JSON.stringify(summarizeAccounts(b, { period: "2024-Q3" }))).toBe(JSON.stringify(summarizeAccounts(a, { period: "2024-Q3" })));
          expect(JSON.stringify(summarizeAccounts(b, { period: "2024", asOf: "2024-10-01" }))).toBe(JSON.stringify(summarizeAccounts(a, { period: "2024", asOf: "2024-10-01" })));
        },
      ),
      RUNS,
    );
  });

  it("appending entries one batch at a time gives the same ledger as creating it at once", () => {
    fc.assert(
      fc.property(entriesArb, fc.nat(), (entries, cut) => {
        // Corrections always come after their targets in `entries`, so any cut is a valid history.
        const k = cut % (entries.length + 1);
        let l: Ledger = createLedger(entries.slice(0, k));
        l = appendEntries(l, entries.slice(k));
        expect(JSON.stringify(ledgerToJSON(l))).toBe(JSON.stringify(ledgerToJSON(createLedger(entries))));
      }),
      RUNS,
    );
  });
});

describe("aggregation and linkage properties", () => {
  it("aggregatePeriods with rule sum equals the sum of the monthly parts; mean is that sum over the months counted", () => {
    const scoresArb = fc.array(fc.tuple(fc.constantFrom(...YEAR_MONTHS), pointsArb), { maxLength: 12 }).map((xs) => {
      const seen = new Map<string, string | number>();
      for (const [m, s] of xs) seen.set(m, s);
      return [...seen].map(([period, score]) => ({ period, score }));
    });
    fc.assert(
      fc.property(scoresArb, fc.constantFrom("2024", "2024-Q1", "2024-Q3", "2024-H2"), (scores, target) => {
        const months = new Set(periodsIn(target, "month"));
        const inside = scores.filter((s) => months.has(s.period));
        const expected = sumOf(inside.map((s) => String(s.score)));
        const zero = aggregatePeriods(scores, target, { rule: "sum", missing: "zero" });
        expect(dec(zero.exact).eq(expected)).toBe(true);
        expect(sumOf(zero.parts.map((p) => p.counted!)).eq(expected)).toBe(true);
        expect(zero.parts.map((p) => p.period)).toEqual([...months]);
        if (inside.length > 0) {
          expect(dec(aggregatePeriods(scores, target, { rule: "sum", missing: "skip" }).exact).eq(expected)).toBe(true);
          const mean = aggregatePeriods(scores, target, { rule: "mean", missing: "skip" });
          expect(dec(mean.exact).minus(expected.div(inside.length)).abs().lt("1e-30")).toBe(true);
          // Equal weights are the mean.
          const weighted = aggregatePeriods(scores, target, { rule: "weighted", weights: [...months].map(() => 2), missing: "skip" });
          expect(dec(weighted.exact).minus(dec(mean.exact)).abs().lt("1e-30")).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("linkOrganizations proportional: the best gets full, every result is within [0, full] and within the bounds", () => {
    const orgsArb = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom("A", "B")), {
      minLength: 1,
      maxLength: 20,
      selector: ([id]) => id,
    });
    fc.assert(
      fc.property(orgsArb, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (orgs, full, a, b) => {
        const results: Rankable[] = orgs.filter(([id]) => !["__proto__", "constructor", "prototype"].includes(id)).map(([id, total, group]) => ({ subjectId: id, total: total / 100, group }));
        fc.pre(results.length > 0);
        const links = linkOrganizations(results, { method: { type: "proportional", full }, groupBy: "group" });
        expect(links).toHaveLength(results.length);
        for (const group of ["A", "B"]) {
          const members = links.filter((o) => o.peerGroup === group);
          if (members.length === 0) continue;
          const best = members.reduce((x, y) => (dec(x.score).gte(dec(y.score)) ? x : y));
          if (dec(best.score).gt(0)) expect(dec(best.exact).eq(full)).toBe(true);
        }
        for (const o of links) expect(dec(o.exact).gte(0) && dec(o.exact).lte(full)).toBe(true);
        const [min, max] = a <= b ? [a, b] : [b, a];
        const bounded = linkOrganizations(results, { method: { type: "proportional", full, base: 50 }, bounds: { min, max } });
        for (const o of bounded) expect(dec(o.exact).gte(min) && dec(o.exact).lte(max)).toBe(true);
        // Rounding to whole points with bounds on whole points stays within them too.
        const rounded = linkOrganizations(results, { method: { type: "proportional", full, base: 50 }, bounds: { min, max }, rounding: { decimals: 0, mode: "half-up" } });
        for (const o of rounded) expect(o.linked >= min && o.linked <= max).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("determinism: the same inputs in another order give byte-identical JSON", () => {
  const unitsArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom("city", "county")), { minLength: 1, maxLength: 15 })
    .map((xs) => xs.map(([score, group], i): Rankable => ({ subjectId: `u${i}`, total: score * 5, group })));

  it("linkOrganizations (every method, with ties)", () => {
    fc.assert(
      fc.property(
        unitsArb.chain((us) => fc.tuple(fc.constant(us), shuffled(us))),
        ([units, order]) => {
          for (const policy of [
            { method: { type: "table" as const, table: [{ upTo: 1, points: 100 }, { upTo: 3, points: 95 }], rest: 90 }, groupBy: "group" },
            { method: { type: "proportional" as const, full: 30 } },
            { method: { type: "standard" as const, mean: 80, spread: 10 }, rounding: { decimals: 4, mode: "half-up" as const }, groupBy: "group" },
          ])
            expect(JSON.stringify(linkOrganizations(order, policy))).toBe(JSON.stringify(linkOrganizations(units, policy)));
        },
      ),
      RUNS,
    );
  });

  it("linkPeople", () => {
    const orgs = ["U1", "U2", "D1", "D2", "D3", "K1", "K2"];
    const personArb = fc.tuple(fc.constantFrom("U1", "U2"), fc.option(fc.constantFrom("D1", "D2", "D3")), fc.boolean(), fc.subarray(["D1", "D2", "D3"]), fc.subarray(["K1", "K2"]));
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 12 }).chain((ps) => {
          const people = ps.map(([unit, department, leader, ds, ks], i): LinkedPerson =>
            leader ? { id: `p${i}`, unit, leader: { departments: ds, contacts: ks } } : { id: `p${i}`, unit, ...(department ? { department } : {}) },
          );
          return fc.tuple(fc.constant(people), shuffled(people), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: orgs.length, maxLength: orgs.length }));
        }),
        ([people, order, scores]) => {
          const linked = Object.fromEntries(orgs.map((o, i) => [o, scores[i]! / 10]));
          const policy = { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 0.5, departments: 0.3, contacts: 0.2 }, rounding: { decimals: 2, mode: "half-up" as const } };
          expect(JSON.stringify(linkPeople(order, linked, policy))).toBe(JSON.stringify(linkPeople(people, linked, policy)));
        },
      ),
      RUNS,
    );
  });

  it("summarizeAccounts and annualResults", () => {
    fc.assert(
      fc.property(
        entriesArb.chain((es) => fc.tuple(fc.constant(es), shuffled(es), shuffled(PEOPLE.map((id, i) => ({ id, group: i % 2 ? "科长" : "科员" }))))),
        ([entries, order, people]) => {
          const a = createLedger(entries);
          const b = createLedger(order);
          expect(JSON.stringify(summarizeAccounts(b, { period: "2024" }))).toBe(JSON.stringify(summarizeAccounts(a, { period: "2024" })));
          const options = { year: "2024", tiers: { tiers: [{ name: "好", share: 0.4 }, { name: "中" }, { name: "差", share: 0.2 }], ties: "break" as const } };
          const sorted = PEOPLE.map((id, i) => ({ id, group: i % 2 ? "科长" : "科员" }));
          expect(JSON.stringify(annualResults(b, { ...options, people }))).toBe(JSON.stringify(annualResults(a, { ...options, people: sorted })));
          expect(JSON.stringify(annualResults(b, { ...options, people, rank: { groupBy: "group" } }))).toBe(
            JSON.stringify(annualResults(a, { ...options, people: sorted, rank: { groupBy: "group" } })),
          );
        },
      ),
      RUNS,
    );
  });
});

describe("period properties", () => {
  const kinds: PeriodKind[] = ["day", "week", "month", "quarter", "half", "year"];
  const keyArb = fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: 0, max: 365 * 200 })).map(([kind, offset]) => periodOf(shiftPeriod("1950-01-01", offset), kind));

  it("shiftPeriod(k, n) then shiftPeriod(−n) returns k, and the kind is kept", () => {
    // Keys from 1950 to 2150; moves that stay within the years 1000–9999.
    const limit: Record<PeriodKind, number> = { day: 5000, week: 5000, month: 5000, quarter: 3000, half: 1800, year: 900 };
    fc.assert(
      fc.property(keyArb, fc.integer({ min: -5000, max: 5000 }), (key, raw) => {
        const n = raw % limit[parsePeriod(key).kind];
        const moved = shiftPeriod(key, n);
        expect(parsePeriod(moved).kind).toBe(parsePeriod(key).kind);
        expect(shiftPeriod(moved, -n)).toBe(key);
        // Moving is additive.
        expect(shiftPeriod(shiftPeriod(key, n), 1)).toBe(shiftPeriod(key, n + 1));
      }),
      { numRuns: runs(200) },
    );
  });

  it("periodsIn(year, month | quarter | half) partitions the days of the year, in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom<PeriodKind>("month", "quarter", "half", "year"), (y, kind) => {
        const year = String(y);
        const days = periodsIn(year, "day");
        expect(days).toHaveLength(parsePeriod(`${year}-02`).end.endsWith("29") ? 366 : 365);
        expect(periodsIn(year, kind).flatMap((p) => periodsIn(p, "day"))).toEqual(days);
      }),
      { numRuns: runs(60) },
    );
  });

  it("the ISO weeks of consecutive years follow each other without gap or overlap, and each day is in its own week", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1001, max: 9998 }), (y) => {
        const weeks = periodsIn(String(y), "week");
        const next = periodsIn(String(y + 1), "week");
        expect(weeks.length === 52 || weeks.length === 53).toBe(true);
        for (let i = 1; i < weeks.length; i++) expect(shiftPeriod(weeks[i - 1]!, 1)).toBe(weeks[i]);
        expect(shiftPeriod(weeks.at(-1)!, 1)).toBe(next[0]);
        for (const w of [weeks[0]!, weeks.at(-1)!]) for (const d of periodsIn(w, "day")) expect(periodOf(d, "week")).toBe(w);
      }),
      { numRuns: runs(60) },
    );
  });

  it("periodOf and periodContains agree for every kind", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 100 }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (offset, minutes) => {
        const day = shiftPeriod("1970-01-01", offset);
        // A moment at noon UTC, read at a fixed offset: the day may move by one either way.
        const sign = minutes < 0 ? "-" : "+";
        const abs = Math.abs(minutes);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
        const local = periodOf(`${day}T12:00:00Z`, "day", { timeZone: zone });
        expect([shiftPeriod(day, -1), day, shiftPeriod(day, 1)]).toContain(local);
        for (const kind of kinds) {
          const key = periodOf(local, kind);
          expect(periodOf(`${day}T12:00:00Z`, kind, { timeZone: zone })).toBe(key);
          if (kind !== "week") expect(periodContains(key, local)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
