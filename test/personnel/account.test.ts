import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { accountSeries, aggregatePeriods, appendEntries, createLedger, periodsIn, summarizeAccount, summarizeAccounts } from "../../src/index.js";
import { amend, brief, entry, issuesOf, MONTHS_2024, reverse, YEAR } from "./fixtures.js";

const ledger = createLedger(YEAR);
const exactOf = (period: string) => summarizeAccount(ledger, "c001", { period }).exact;

describe("a year of one cadre's growth account (worked by hand in fixtures.ts)", () => {
  it("sums each month, with the boundary entries on the Shanghai wall clock and the corrections in their target's month", () => {
    for (const [month, exact] of Object.entries(MONTHS_2024)) expect(exactOf(month), month).toBe(exact);
  });

  it("sums each quarter, half-year and the year", () => {
    expect(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"].map(exactOf)).toEqual(["19.75", "35.65", "26.85", "26.45"]);
    expect(["2024-H1", "2024-H2"].map(exactOf)).toEqual(["55.4", "53.3"]);
    const year = summarizeAccount(ledger, "c001", { period: "2024" });
    expect(year).toMatchObject({ person: "c001", period: "2024", asOf: null, total: 108.7, exact: "108.7" });
  });

  it("the months add up to the quarters and the year, exactly", () => {
    const months = Object.values(MONTHS_2024).map((m) => new Decimal(m));
    expect(months.reduce((a, b) => a.plus(b)).toString()).toBe("108.7");
    for (const q of ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
      expect(
        periodsIn(q, "month")
          .map((m) => new Decimal(exactOf(m)))
          .reduce((a, b) => a.plus(b))
          .toString(),
      ).toBe(exactOf(q));
    const scores = Object.entries(MONTHS_2024).map(([period, score]) => ({ period, score }));
    expect(aggregatePeriods(scores, "2024", { rule: "sum", missing: "error" }).exact).toBe("108.7");
    expect(aggregatePeriods(scores, "2024-Q2", { rule: "sum", missing: "error" }).exact).toBe("35.65");
  });

  it("gives the totals by component, with the entries that made each", () => {
    const year = summarizeAccount(ledger, "c001", { period: "2024" });
    expect(year.components).toEqual([
      { component: "ability", total: 0, exact: "0", entries: ["e14"] },
      {
        component: "everyday",
        total: 107.2,
        exact: "107.2",
        entries: ["e01", "e02", "e03", "e05", "e06", "e07", "e08", "e09", "e10", "e11", "e12", "e13"],
      },
      { component: "recognition", total: 1.5, exact: "1.5", entries: ["e04", "e15"] },
    ]);
    expect(summarizeAccount(ledger, "c001", { period: "2024", components: ["recognition", "ability"] }).exact).toBe("1.5");
    expect(summarizeAccount(ledger, "c001", { period: "2024", components: [] }).exact).toBe("0");
    expect(summarizeAccount(ledger, "c001", { period: "2024", components: ["nothing"] }).components).toEqual([]);
  });

  it("lists the entries by day then id, each with its corrections and the day it counts on", () => {
    const year = summarizeAccount(ledger, "c001", { period: "2024" });
    expect(year.entries.map((e) => `${e.day} ${e.id}`)).toEqual([
      "2024-01-31 e01",
      "2024-02-29 e02",
      "2024-03-15 e04",
      "2024-04-01 e03",
      "2024-04-30 e05",
      "2024-05-31 e06",
      "2024-06-30 e07",
      "2024-07-31 e08",
      "2024-08-31 e09",
      "2024-09-10 e14",
      "2024-09-30 e10",
      "2024-10-31 e11",
      "2024-11-05 e15",
      "2024-11-30 e12",
      "2024-12-31 e13",
    ]);
    expect(year.entries.find((e) => e.id === "e09")).toEqual({
      id: "e09",
      day: "2024-08-31",
      component: "everyday",
      source: "月度考核",
      recorded: "7.95",
      points: "8.45",
      status: "amended",
      corrections: ["x1"],
    });
    expect(year.entries.find((e) => e.id === "e14")).toMatchObject({ recorded: "1.5", points: "0", status: "reversed", corrections: ["x2"] });
    expect(year.entries.find((e) => e.id === "e15")).toMatchObject({ recorded: "-0.5", points: "-0.5", status: "recorded", corrections: [] });
    // Corrections are shown on the entry they correct, never as entries of their own.
    expect(year.entries.map((e) => e.id)).not.toContain("x1");
  });

  it("explains the total: each entry with its corrections, each component's sum and the total", () => {
    const aug = summarizeAccount(ledger, "c001", { period: "2024-08" });
    expect(aug.trace).toEqual([
      {
        at: "entry:e09",
        rule: "amend",
        values: { component: "everyday", day: "2024-08-31", recorded: "7.95", source: "月度考核", "correction 1": "x1 amend 8.45 (2024-09-05)" },
        result: "8.45",
      },
      { at: "component:everyday", rule: "sum", values: { e09: "8.45" }, result: "8.45" },
      { at: "total", rule: "sum", values: { everyday: "8.45" }, result: "8.45" },
    ]);
    const sep = summarizeAccount(ledger, "c001", { period: "2024-09" });
    expect(sep.trace[0]).toMatchObject({ at: "entry:e14", rule: "reverse", result: "0" });
    expect(sep.trace[0]!.values["correction 1"]).toBe("x2 reverse (2024-12-20)");
  });

  it("sums a week and a day", () => {
    // 2024-W27 is 1–7 July; nothing of c001 falls in it. 2024-W31 (29 July – 4 August) holds e08 on 31 July.
    expect(exactOf("2024-W27")).toBe("0");
    expect(exactOf("2024-W31")).toBe("9.4");
    expect(exactOf("2024-04-01")).toBe("8.75");
    expect(exactOf("2024-03-31")).toBe("0");
  });

  it("keeps the boundary entries in their Shanghai periods: e00 in 2023, e16 in 2025", () => {
    expect(exactOf("2023")).toBe("5");
    expect(exactOf("2025")).toBe("3");
    // 2025-W01 runs 30 December 2024 to 5 January 2025: e13 (31 December, 9.05) and e16.
    expect(exactOf("2025-W01")).toBe("12.05");
  });

  it("sums a whole career when no period is given", () => {
    const career = summarizeAccount(ledger, "c001");
    expect(career).toMatchObject({ period: null, asOf: null, exact: "116.7", total: 116.7 });
    expect(career.entries).toHaveLength(17);
  });

  it("shows the account as it stood on a date with asOf", () => {
    // As of 1 September: Jan–Aug before x1, e14 not yet recorded: 19.75 + 35.65 + 9.4 + 7.95 = 72.75.
    expect(summarizeAccount(ledger, "c001", { period: "2024", asOf: "2024-09-01" })).toMatchObject({ asOf: "2024-09-01", exact: "72.75" });
    // x1 is recorded on 5 September: 72.75 − 7.95 + 8.45 = 73.25.
    expect(summarizeAccount(ledger, "c001", { period: "2024", asOf: "2024-09-05" }).exact).toBe("73.25");
    // x2 on 20 December reverses e14: before it, e14 counts its 1.5; e13 (31 December) is not yet recorded.
    expect(summarizeAccount(ledger, "c001", { period: "2024", asOf: "2024-12-19" }).exact).toBe("101.15"); // 108.7 + 1.5 − 9.05
    expect(summarizeAccount(ledger, "c001", { period: "2024", asOf: "2024-12-20" }).exact).toBe("99.65"); // 108.7 − 9.05
    expect(summarizeAccount(ledger, "c001", { period: "2024", asOf: "2024-12-31" }).exact).toBe("108.7");
    const e09 = summarizeAccount(ledger, "c001", { period: "2024-08", asOf: "2024-09-04" }).entries[0]!;
    expect(e09).toMatchObject({ points: "7.95", status: "recorded", corrections: [] });
    // asOf is read on the ledger's wall clock too, to the minute: e07 is at 23:30 on 30 June in Shanghai.
    expect(summarizeAccount(ledger, "c001", { period: "2024-06", asOf: "2024-06-30T15:30:00Z" }).exact).toBe("9.1");
    expect(summarizeAccount(ledger, "c001", { period: "2024-06", asOf: "2024-06-30T15:29:59Z" }).exact).toBe("0");
    expect(summarizeAccount(ledger, "c001", { period: "2024-06", asOf: "2024-06-30T23:29" }).exact).toBe("0");
    expect(summarizeAccount(ledger, "c001", { period: "2024-06", asOf: "2024-06-30" }).exact).toBe("9.1");
    expect(summarizeAccount(ledger, "c001", { period: "2024-06", asOf: "2024-06-29" }).exact).toBe("0");
  });

  it("lists the components, the entries and the trace when first read, then keeps them; JSON holds them all", () => {
    const year = summarizeAccount(ledger, "c001", { period: "2024" });
    const described = Object.getOwnPropertyDescriptors(year);
    for (const key of ["components", "entries", "trace"] as const) expect(described[key]!.get, key).toBeTypeOf("function");
    expect(Object.keys(year)).toEqual(["person", "period", "asOf", "asOfSequence", "datedThrough", "total", "exact", "components", "entries", "trace"]);
    expect(year.components).toBe(year.components);
    expect(year.entries).toBe(year.entries);
    expect(year.trace).toBe(year.trace);
    const json = JSON.parse(JSON.stringify(summarizeAccount(ledger, "c001", { period: "2024" })));
    expect(json).toEqual(JSON.parse(JSON.stringify({ ...year })));
    expect(json.entries.map((e: { id: string }) => e.id)).toEqual(year.entries.map((e) => e.id));
    expect(json.components.flatMap((c: { entries: string[] }) => c.entries).sort()).toEqual(year.entries.map((e) => e.id).sort());
  });

  it("gives a person without entries a total of 0", () => {
    expect(summarizeAccount(ledger, "c999", { period: "2024" })).toMatchObject({ person: "c999", total: 0, exact: "0", components: [], entries: [] });
  });
});

describe("summarizeAccounts", () => {
  it("gives one summary per person in the ledger, sorted by person", () => {
    const all = summarizeAccounts(ledger, { period: "2024" });
    expect(all.map((s) => [s.person, s.exact])).toEqual([
      ["c001", "108.7"],
      ["c002", "7"],
    ]);
    expect(all[0]).toEqual(summarizeAccount(ledger, "c001", { period: "2024" }));
    // A person with entries only outside the period is listed with 0.
    expect(summarizeAccounts(ledger, { period: "2025" }).map((s) => [s.person, s.exact])).toEqual([
      ["c001", "3"],
      ["c002", "0"],
    ]);
  });

  it("does not depend on the order of the entries", () => {
    const reversed = createLedger([...YEAR].reverse());
    expect(JSON.stringify(summarizeAccounts(reversed, { period: "2024" }))).toBe(JSON.stringify(summarizeAccounts(ledger, { period: "2024" })));
    expect(JSON.stringify(summarizeAccounts(reversed))).toBe(JSON.stringify(summarizeAccounts(ledger)));
  });

  it("sorts people by code point, not locale", () => {
    const l = createLedger([entry("a", "2024-01-01", 1, { person: "张三" }), entry("b", "2024-01-01", 1, { person: "Zed" }), entry("c", "2024-01-01", 1, { person: "abe" })]);
    expect(summarizeAccounts(l).map((s) => s.person)).toEqual(["Zed", "abe", "张三"]);
  });

  it("refuses bad options, naming the path", () => {
    expect(brief(issuesOf(() => summarizeAccounts(ledger, { period: "2024-13" })))).toEqual(["invalid_option options.period"]);
    expect(brief(issuesOf(() => summarizeAccounts(ledger, { period: "2023-W53" })))).toEqual(["invalid_option options.period"]);
    expect(brief(issuesOf(() => summarizeAccounts(ledger, { asOf: "2023-02-29" })))).toEqual(["invalid_value options.asOf"]);
    expect(brief(issuesOf(() => summarizeAccounts(ledger, { components: ["__proto__"] })))).toEqual(["invalid_option options.components.0"]);
    expect(brief(issuesOf(() => summarizeAccounts(ledger, { perod: "2024" } as never)))).toEqual(["unknown_field options.perod"]);
    expect(brief(issuesOf(() => summarizeAccounts(ledger, "2024" as never)))[0]).toMatch(/^invalid_type options/);
    expect(brief(issuesOf(() => summarizeAccount(ledger, "", { period: "2024" })))).toEqual(["out_of_range person"]);
    expect(brief(issuesOf(() => summarizeAccount(ledger, "__proto__")))).toEqual(["invalid_option person"]);
    expect(brief(issuesOf(() => summarizeAccount(ledger, 7 as never)))).toEqual(["invalid_type person"]);
  });
});

describe("accountSeries", () => {
  it("gives one summary per month, in order, matching the hand-worked months", () => {
    const series = accountSeries(ledger, "c001", { kind: "month", from: "2024-01", to: "2024-12" });
    expect(series.map((s) => [s.period, s.exact])).toEqual(Object.entries(MONTHS_2024));
  });

  it("gives quarters across a year's end, and respects asOf and components", () => {
    expect(accountSeries(ledger, "c001", { kind: "quarter", from: "2024-Q4", to: "2025-Q1" }).map((s) => s.exact)).toEqual(["26.45", "3"]);
    expect(accountSeries(ledger, "c001", { kind: "month", from: "2024-08", to: "2024-09", asOf: "2024-09-04" }).map((s) => s.exact)).toEqual(["7.95", "0"]);
    expect(accountSeries(ledger, "c001", { kind: "year", from: "2024", to: "2024", components: ["recognition"] })[0]!.exact).toBe("1.5");
  });

  it("refuses a range of another kind, a reversed range and a range too long", () => {
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", { kind: "quarter", from: "2024-01", to: "2024-03" })))).toEqual(["invalid_rule options.from"]);
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-03", to: "2024-01" })))).toEqual(["invalid_rule options.to"]);
    expect(issuesOf(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-03", to: "2024-01" }))[0]!.message).toBe("options.to: 2024-01 is before 2024-03");
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", { kind: "day", from: "1000-01-01", to: "9999-12-31" })))).toEqual(["out_of_range options.to"]);
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-13", to: "2024-12" }))).length).toBe(1);
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", { kind: "fortnight", from: "2024-01", to: "2024-12" } as never)))).toEqual(["invalid_option options.kind"]);
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", undefined as never)))[0]).toMatch(/options/);
  });
});

describe("corrections", () => {
  it("an amendment replaces the points, a reversal cancels them; both count in the target's period", () => {
    const l = createLedger([entry("a", "2024-03-31", 8), amend("b", "2024-04-10", "a", 6), entry("c", "2024-03-01", 2), reverse("d", "2025-01-05", "c")]);
    expect(summarizeAccount(l, "c001", { period: "2024-03" }).exact).toBe("6");
    expect(summarizeAccount(l, "c001", { period: "2024-04" }).exact).toBe("0");
    expect(summarizeAccount(l, "c001", { period: "2025" }).exact).toBe("0");
  });

  it("a reversal undoes the entry it corrects: an original counts 0, a reversed correction gives back the points before it", () => {
    const l = createLedger([entry("a", "2024-03-31", 8), amend("b", "2024-04-10", "a", 6), reverse("c", "2024-04-11", "b")]);
    const s = summarizeAccount(l, "c001");
    expect(s.exact).toBe("8");
    expect(s.entries[0]).toMatchObject({ recorded: "8", points: "8", corrections: ["b", "c"] });
    expect(s.trace[0]!.values).toMatchObject({ "correction 1": "b amend 6 (2024-04-10)", "correction 2": "c reverse (2024-04-11)" });
    // A reversal of a reversal brings the original back; a third reversal cancels it again.
    const twice = createLedger([entry("a", "2024-03-31", 8), reverse("b", "2024-04-10", "a"), reverse("c", "2024-04-11", "b")]);
    expect(summarizeAccount(twice, "c001").exact).toBe("8");
    const thrice = appendEntries(twice, [reverse("d", "2024-04-12", "c")]);
    expect(summarizeAccount(thrice, "c001").exact).toBe("0");
    // Two amendments, the second reversed: the first amendment's points.
    const amends = createLedger([entry("a", "2024-03-31", 8), amend("b", "2024-04-10", "a", 6), amend("c", "2024-04-11", "b", 5), reverse("d", "2024-04-12", "c")]);
    expect(summarizeAccount(amends, "c001").exact).toBe("6");
  });

  it("does not call an entry reversed when it counts its points again", () => {
    const l = createLedger([entry("a", "2024-03-31", 8), amend("b", "2024-04-10", "a", 6), reverse("c", "2024-04-11", "b")]);
    const e = summarizeAccount(l, "c001").entries[0]!;
    expect(e.points).toBe("8");
    expect(e.status).not.toBe("reversed");
    const twice = createLedger([entry("a", "2024-03-31", 8), reverse("b", "2024-04-10", "a"), reverse("c", "2024-04-11", "b")]);
    expect(summarizeAccount(twice, "c001").entries[0]!.status).not.toBe("reversed");
  });

  it("an amendment after a reversal brings points back", () => {
    const l = createLedger([entry("a", "2024-03-31", 8), reverse("b", "2024-04-10", "a"), amend("c", "2024-04-11", "b", "7.5")]);
    expect(summarizeAccount(l, "c001").entries[0]).toMatchObject({ points: "7.5", status: "amended" });
  });

  it("appending a correction changes the new ledger's summary but not the old one's", () => {
    const before = summarizeAccounts(ledger, { period: "2024" });
    const next = appendEntries(ledger, [amend("x3", "2025-01-10", "x1", 9)]);
    expect(summarizeAccount(next, "c001", { period: "2024-08" }).exact).toBe("9");
    expect(summarizeAccount(next, "c001", { period: "2024" }).exact).toBe("109.25");
    expect(summarizeAccounts(ledger, { period: "2024" })).toEqual(before);
    // asOf before the new correction shows the account as it stood.
    expect(summarizeAccount(next, "c001", { period: "2024", asOf: "2024-12-31" }).exact).toBe("108.7");
  });
});
