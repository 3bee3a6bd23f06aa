import fc from "fast-check";
import { describe, it } from "vitest";
import {
  accountSeries,
  aggregatePeriods,
  annualResults,
  appendEntries,
  closePeriods,
  createLedger,
  isPeriodKey,
  ledgerFromJSON,
  ledgerFromJSONLines,
  ledgerToJSON,
  ledgerToJSONLines,
  linkOrganizations,
  linkPeople,
  parsePeriod,
  periodContains,
  periodOf,
  periodRange,
  periodsIn,
  shiftPeriod,
  summarizeAccount,
  summarizeAccounts,
  type LedgerEntry,
} from "../../src/index.js";
import { ENTRIES, RANKABLES } from "./bases.js";
import { copy, deepNest, extremes, fuzz, heavy, many, outcome, params, textMutant, TIMEOUT } from "./fuzz.js";

const ledger = createLedger(ENTRIES as LedgerEntry[]);
const MORE = [
  { id: "n1", person: "c003", date: "2024-05-01", component: "everyday", points: 9, source: "月度考核" },
  { id: "n2", person: "c001", date: "2024-05-02", corrects: "e01", action: "amend", points: 8, source: "复核" },
];
const Q3 = [
  { period: "2024-07", score: 90 },
  { period: "2024-08", score: "85.5" },
  { period: "2024-09", score: 80 },
];
const PEOPLE = [
  { id: "L01", unit: "甲县", leader: { departments: ["征管科", "纳税服务科"], contacts: ["乙所"] } },
  { id: "c001", unit: "甲县", department: "征管科" },
  { id: "c002", unit: "甲县" },
];
const LINKED = { 甲县: 92, 征管科: 96, 纳税服务科: 88, 乙所: "85" };
const PEOPLE_POLICY = { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 0.5, departments: 0.3, contacts: 0.2 }, rounding: { decimals: 2, mode: "half-up" } };
const ANNUAL = {
  year: "2024",
  people: [{ id: "c001", group: "科员" }, { id: "c002", group: "科员", vetoes: [{ id: "party-building" }] }, { id: "c003", group: "科长" }],
  tiers: { tiers: [{ name: "好", share: 0.4 }, { name: "中" }, { name: "差", share: 0.2 }] },
  rank: { groupBy: "group" },
  asOf: "2024-12-31",
  components: ["everyday", "recognition"],
};

describe("fuzz: the ledger and the growth account", () => {
  fuzz("createLedger: entries and options", [ENTRIES, { timeZone: "Asia/Shanghai" }], ([e, o]) => createLedger(e as never, o as never), { args: true });
  fuzz("appendEntries: new entries", MORE, (e) => appendEntries(ledger, e as never));
  fuzz("ledgerToJSON → ledgerFromJSON: a stored ledger (as data)", copy(ledgerToJSON(ledger)), (j) => ledgerToJSON(ledgerFromJSON(j as never)));
  it("ledgerFromJSON: a stored ledger (as JSON text) mutated as text", () => {
    fc.assert(fc.property(textMutant(JSON.stringify(ledgerToJSON(ledger))), (m) => void outcome(() => ledgerToJSON(ledgerFromJSON(m.value)))), params());
  }, TIMEOUT);
  fuzz("appendEntries: new entries with their recording times and options", [MORE.map((e, i) => ({ ...e, recordedAt: `2024-05-0${i + 3}T09:00` })), { recordedAt: "2024-05-10T10:00" }], ([e, o]) => appendEntries(ledger, e as never, o as never), { args: true });
  fuzz("closePeriods, then an adjustment", ["2024-Q1", { id: "a1", person: "c001", date: "2024-05-01", component: "everyday", points: -1, source: "督查", adjusts: "2024-02", reason: "漏记" }], ([t, e]) => appendEntries(closePeriods(ledger, t as never), [e as never]), { args: true });
  fuzz("ledgerToJSONLines → ledgerFromJSONLines: the lines (as data)", [...ledgerToJSONLines(ledger)], (lines) => [...ledgerToJSONLines(ledgerFromJSONLines(lines as never))]);
  it("ledgerFromJSONLines: the JSON Lines text mutated as text", () => {
    fc.assert(fc.property(textMutant([...ledgerToJSONLines(ledger)].join("\n")), (m) => void outcome(() => ledgerToJSON(ledgerFromJSONLines(m.value)))), params());
  }, TIMEOUT);
  fuzz("summarizeAccount: the limits", [{ period: "2024", asOf: "2024-06-30T12:00", asOfSequence: 3, datedThrough: "2024-06-30" }], ([o]) => summarizeAccount(ledger, "c001", o as never), { args: true });
  fuzz("summarizeAccount: entries, person and options", [ENTRIES, "c001", { period: "2024-Q1", asOf: "2024-12-31", components: ["everyday"] }], ([e, p, o]) => summarizeAccount(createLedger(e as never), p as never, o as never), { args: true });
  fuzz("summarizeAccount: options", [{ period: "2024", asOf: "2024-06-30T12:00" }], ([o]) => summarizeAccount(ledger, "c001", o as never), { args: true });
  fuzz("summarizeAccounts: options", [{ period: "2024-H2", components: ["everyday", "ability"] }], ([o]) => summarizeAccounts(ledger, o as never), { args: true });
  fuzz("accountSeries: person and options", ["c001", { kind: "month", from: "2024-01", to: "2024-12", components: ["everyday"] }], ([p, o]) => accountSeries(ledger, p as never, o as never), { args: true });
  fuzz("aggregatePeriods: scores, target and policy", [Q3, "2024-Q3", { of: "month", rule: "weighted", weights: [1, 1, 2], missing: { fill: 80 }, rounding: { decimals: 2, mode: "half-up" } }], ([s, t, p]) => aggregatePeriods(s as never, t as never, p as never), { args: true });
  fuzz("linkOrganizations: results and policy", [RANKABLES, { method: { type: "table", table: [{ upTo: 1, points: 100 }, { upTo: 3, points: 95 }], rest: 90 }, groupBy: "department", bounds: { min: 70, max: 105 } }], ([r, p]) => linkOrganizations(r as never, p as never), { args: true });
  fuzz("linkOrganizations: proportional", [RANKABLES, { method: { type: "proportional", full: 100, base: 80 } }], ([r, p]) => linkOrganizations(r as never, p as never), { args: true });
  fuzz("linkPeople: people, scores and policy", [PEOPLE, LINKED, PEOPLE_POLICY], ([p, s, x]) => linkPeople(p as never, s as never, x as never), { args: true });
  fuzz("annualResults: entries and options", [ENTRIES, ANNUAL], ([e, o]) => annualResults(createLedger(e as never), o as never), { args: true });

  extremes("createLedger", () => ({
    ...heavy(() => ({ "100,000 entries": many(100_000, (i) => ({ id: `e${i}`, person: `c${i % 100}`, date: "2024-03-15", component: "everyday", points: 0.01, source: "s" })) })),
    "100,000 copies of one entry": many(100_000, () => ENTRIES[0]),
    "a chain of 100,000 corrections": [ENTRIES[0], ...many(100_000, (i) => ({ id: `x${i}`, person: "c001", date: "2024-01-01", corrects: i === 0 ? "e00" : `x${i - 1}`, action: "amend", points: 1, source: "s" }))],
    "10,000-deep note": [{ ...ENTRIES[0], note: deepNest("x") }],
  }), (e) => summarizeAccounts(createLedger(e as never), { period: "2024" }));
  extremes("accountSeries", () => ({ "100,000 days": { kind: "day", from: "2000-01-01", to: "2273-10-16" } }), (o) => accountSeries(ledger, "c001", o as never));
  extremes("aggregatePeriods", () => ({ "100,000 scores": [many(100_000, (i) => ({ period: `2024-${String((i % 12) + 1).padStart(2, "0")}`, score: 1 })), "2024"] }), ([s, t]) => aggregatePeriods(s as never, t as never, { rule: "sum", missing: "zero" }));
  extremes("linkPeople", () => ({
    "10,000-deep supervised departments": [[{ id: "L", unit: "甲县", leader: { departments: deepNest([], 10_000, "array") } }], LINKED],
    "100,000 supervised departments": [[{ id: "L", unit: "甲县", leader: { departments: many(100_000, (i) => `d${i}`) } }], LINKED],
    ...heavy(() => ({
      "100,000 people, one of them twice": [[...many(99_999, (i) => ({ id: `p${i}`, unit: "甲县" })), { id: "p0", unit: "甲县" }], LINKED],
      "100,000 people": [many(100_000, (i) => ({ id: `p${i}`, unit: "甲县" })), LINKED],
    })),
  }), ([p, s]) => linkPeople(p as never, s as never, PEOPLE_POLICY as never));
});

describe("fuzz: periods", () => {
  fuzz("parsePeriod and isPeriodKey", ["2024-Q3"], ([k]) => [isPeriodKey(k), parsePeriod(k as never)], { args: true });
  fuzz("periodOf: a date, a kind and options", ["2024-06-30T23:30", "quarter", { timeZone: "Asia/Shanghai" }], ([w, k, o]) => periodOf(w as never, k as never, o as never), { args: true });
  fuzz("periodContains", ["2024", "2024-H2"], ([a, b]) => periodContains(a as never, b as never), { args: true });
  fuzz("periodsIn", ["2024", "month"], ([a, b]) => periodsIn(a as never, b as never), { args: true });
  fuzz("shiftPeriod", ["2024-01", -13], ([a, b]) => shiftPeriod(a as never, b as never), { args: true });
  fuzz("periodRange", ["2023-11", "2024-02"], ([a, b]) => periodRange(a as never, b as never), { args: true });
  extremes("periodRange", () => ({ "the widest days": ["0001-01-01", "9999-12-31"], "the widest months": ["0001-01", "9999-12"] }), ([a, b]) => periodRange(a as never, b as never));
});
