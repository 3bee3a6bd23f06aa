import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregatePeriods,
  appendEntries,
  closePeriods,
  createLedger,
  explainAccount,
  JixiaoError,
  ledgerFromJSON,
  ledgerFromJSONLines,
  ledgerToJSON,
  ledgerToJSONLines,
  periodContains,
  periodDate,
  periodsIn,
  resultEntries,
  safeAppendEntries,
  summarizeAccount,
  summarizeAccounts,
  type Ledger,
  type LedgerEntry,
  type SummaryOptions,
} from "../../src/index.js";
import { runScenario } from "../../src/verify/index.js";
import { parseYaml } from "../../src/node/files.js";
import { runs } from "../helpers.js";
import { amend, brief, entry, issuesOf, reverse } from "./fixtures.js";

/*
 * The growth account as a system of record: each problem once found in it, reproduced, then the
 * laws that make the ledger trustworthy — nothing hidden or changed after an append, any past
 * report reproduced exactly, closed periods closed, appends that keep up.
 */

/** The summaries of every person, as JSON: what a report shows. */
const report = (ledger: Ledger, options: SummaryOptions = {}): string => JSON.stringify(summarizeAccounts(ledger, options));

describe("fields cannot be hidden or changed after append", () => {
  it("refuses an entry read from JSON with a __proto__ key, which would have hidden its points", () => {
    const hostile = JSON.parse('[{"id":"a","person":"p1","date":"2024-01-31","component":"x","source":"s","__proto__":{"points":5}}]') as LedgerEntry[];
    expect(brief(issuesOf(() => createLedger(hostile)))).toEqual(["reserved_key entries.0.__proto__"]);
    // The same through a stored ledger, as JSON text and as JSON Lines.
    const text = '{"format":"jixiao-ledger","version":1,"timeZone":"UTC","entries":[{"id":"a","person":"p1","date":"2024-01-31","component":"x","source":"s","__proto__":{"points":5}}]}';
    expect(brief(issuesOf(() => ledgerFromJSON(text)))).toEqual(["reserved_key entries.0.__proto__"]);
    const lines = ['{"format":"jixiao-ledger","version":1,"timeZone":"UTC"}', '{"id":"a","person":"p1","date":"2024-01-31","component":"x","source":"s","__proto__":{"points":5}}'];
    expect(brief(issuesOf(() => ledgerFromJSONLines(lines)))).toEqual(["reserved_key lines.1.__proto__"]);
  });

  it("refuses a reversal hidden in __proto__, also in a scenario read from YAML or JSON", () => {
    const hidden = '{ "id": "e2", "person": "c001", "date": "2024-02-01", "source": "s", "__proto__": { "corrects": "e1", "action": "reverse" } }';
    expect(brief(issuesOf(() => createLedger([entry("e1", "2024-01-31", 8.5), JSON.parse(hidden) as LedgerEntry])))).toEqual(["reserved_key entries.1.__proto__"]);
    const yaml = parseYaml(
      ["cases:", "  - name: x", "    run: account", "    input:", "      entries:", '        - { id: e1, person: c001, date: "2024-01-31", component: everyday, points: 8.5, source: s }', `        - ${hidden}`, "    expect:", "      totals.c001: 8.5"].join("\n"),
    );
    const json = JSON.parse(`{"cases":[{"name":"x","run":"account","input":{"entries":[{"id":"e1","person":"c001","date":"2024-01-31","component":"everyday","points":8.5,"source":"s"},${hidden}]},"expect":{"totals.c001":8.5}}]}`);
    // The scenario document is refused as a whole, at the entry's field.
    for (const doc of [yaml, json]) expect(brief(issuesOf(() => runScenario(doc as never, { file: "account.yaml" })))).toEqual(["reserved_key cases.0.input.entries.1.__proto__"]);
  });

  it("keeps every entry frozen, inheriting nothing: writing through it fails, and a polluted Object.prototype changes no total", () => {
    const ledger = createLedger([entry("a", "2024-01-31", 5), entry("b", "2024-02-29", 15), reverse("c", "2024-03-01", "x"), entry("x", "2023-12-31", 7)]);
    expect(summarizeAccount(ledger, "c001", { period: "2024" }).exact).toBe("20");
    for (const e of ledger.entries) {
      // No prototype, or the input copy's frozen empty one: either way the entry inherits nothing.
      const proto: unknown = Object.getPrototypeOf(e);
      expect(proto === null || (Object.isFrozen(proto) && Object.getPrototypeOf(proto) === null && Reflect.ownKeys(proto as object).length === 0)).toBe(true);
      expect((e as unknown as Record<string, unknown>).toString).toBeUndefined();
      expect(Object.isFrozen(e)).toBe(true);
    }
    expect(() => {
      (Object.getPrototypeOf(ledger.entries[2]) as Record<string, unknown>).points = 5000;
    }).toThrow(TypeError);
    expect(() => {
      (ledger.entries[2] as { points?: number }).points = 5000;
    }).toThrow(TypeError);
    // Points written on Object.prototype while an entry without points (the reversal) is read at the next append.
    let next: Ledger;
    Object.defineProperty(Object.prototype, "points", { value: 5000, enumerable: true, configurable: true, writable: true });
    try {
      next = appendEntries(ledger, [entry("d", "2024-04-30", 0)]);
      expect(next.entries[2]!.points).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).points;
    }
    expect(summarizeAccount(next, "c001", { period: "2024" }).exact).toBe("20");
    expect(summarizeAccount(ledger, "c001", { period: "2024" }).exact).toBe("20");
  });

  it("gives entries that ledgerToJSON writes and ledgerFromJSON reads back, with no field lost", () => {
    const ledger = createLedger([
      entry("a", "2024-01-31", "0.10", { recordedAt: "2024-02-01T09:00:00+08:00", note: "n", reference: "r" }),
      amend("b", "2024-02-03T10:00", "a", 9, { recordedAt: "2024-02-03T10:00" }),
      entry("c", "2025-01-10", -2, { adjusts: "2024-12", reason: "督查发现漏报", recordedAt: "2025-01-10T08:00" }),
    ], { closedThrough: "2024" });
    const text = JSON.stringify(ledgerToJSON(ledger));
    const back = ledgerFromJSON(text);
    expect(JSON.stringify(ledgerToJSON(back))).toBe(text);
    expect(back.entries).toEqual(ledger.entries);
    expect([back.closedThrough, back.timeZone, back.size]).toEqual(["2024-12-31", "Asia/Shanghai", 3]);
  });
});

describe("as it stood: recording time (asOf), the ledger's sequence (asOfSequence) and effective dates (datedThrough)", () => {
  // p1's 2024 (15) was reported on 31 December; in 2025 an entry dated 1 June 2024 is appended.
  const year = createLedger([
    entry("a", "2024-03-31", 10, { person: "p1", recordedAt: "2024-04-01T09:00" }),
    entry("b", "2024-09-30", 5, { person: "p1", recordedAt: "2024-10-08T09:00" }),
  ]);
  const late = appendEntries(year, [entry("c", "2024-06-01", -20, { person: "p1", source: "督查" })], { recordedAt: "2025-03-02T15:00" });

  it("reproduces a report made at a moment, whatever is appended later (the entry dated 2024-06-01 appended in 2025)", () => {
    expect(summarizeAccount(year, "p1", { period: "2024", asOf: "2024-12-31" }).exact).toBe("15");
    expect(summarizeAccount(late, "p1", { period: "2024", asOf: "2024-12-31" }).exact).toBe("15");
    expect(report(late, { period: "2024", asOf: "2024-12-31T23:59" })).toBe(report(year, { period: "2024", asOf: "2024-12-31T23:59" }));
    // Now, and by its effective date: the account as its dates say.
    expect(summarizeAccount(late, "p1", { period: "2024" }).exact).toBe("-5");
    expect(summarizeAccount(late, "p1", { period: "2024", datedThrough: "2024-12-31" }).exact).toBe("-5");
    expect(summarizeAccount(late, "p1", { period: "2024", datedThrough: "2024-05-31" }).exact).toBe("10");
    // The ledger's own sequence reproduces it too: keep the ledger's size with the report.
    expect(JSON.stringify(summarizeAccount(late, "p1", { period: "2024", asOfSequence: year.size }))).toBe(JSON.stringify(summarizeAccount(year, "p1", { period: "2024", asOfSequence: 2 })));
    expect(summarizeAccount(late, "p1", { period: "2024", asOfSequence: year.size }).exact).toBe("15");
  });

  it("does not cut asOf given as a moment to its day: an amendment recorded at 18:00 is not in a report made at noon", () => {
    const l = createLedger([
      entry("a", "2024-12-01", 10, { person: "p2" }),
      amend("b", "2024-12-31T18:00", "a", 12, { person: "p2" }),
    ]);
    expect(summarizeAccount(l, "p2", { asOf: "2024-12-31T12:00" }).exact).toBe("10");
    expect(summarizeAccount(l, "p2", { asOf: "2024-12-31T17:59:59" }).exact).toBe("10");
    expect(summarizeAccount(l, "p2", { asOf: "2024-12-31T18:00" }).exact).toBe("12");
    expect(summarizeAccount(l, "p2", { asOf: "2024-12-31" }).exact).toBe("12"); // a date alone: through the end of the day
    expect(summarizeAccount(l, "p2", { asOf: "2024-12-31T10:00:00Z" }).exact).toBe("12"); // 18:00 in Shanghai
    // The same with the recording time given apart from the date.
    const timed = createLedger([entry("a", "2024-12-01", 10, { person: "p2" }), amend("b", "2024-12-31", "a", 12, { person: "p2", recordedAt: "2024-12-31T18:00" })]);
    expect(summarizeAccount(timed, "p2", { asOf: "2024-12-31T12:00" }).exact).toBe("10");
    expect(summarizeAccount(timed, "p2", { datedThrough: "2024-12-31T12:00" }).exact).toBe("12"); // dated 31 December: a whole day
  });

  it("does not count an entry dated 18:00 under asOf or datedThrough 12:00 the same day", () => {
    const l = createLedger([entry("a", "2024-12-20T18:00", 3)]);
    for (const limit of ["asOf", "datedThrough"] as const) {
      expect(summarizeAccount(l, "c001", { [limit]: "2024-12-20T12:00" }).exact).toBe("0");
      expect(summarizeAccount(l, "c001", { [limit]: "2024-12-20T18:00" }).exact).toBe("3");
      expect(summarizeAccount(l, "c001", { [limit]: "2024-12-20" }).exact).toBe("3");
    }
  });

  it("refuses a correction timed before the entry it corrects on the same Beijing day, by date or by recording time", () => {
    expect(brief(issuesOf(() => createLedger([entry("a", "2024-03-01T10:00", 8), amend("b", "2024-03-01T09:00", "a", 9)])))).toEqual(["invalid_rule entries.1.corrects"]);
    const recorded = issuesOf(() => createLedger([entry("a", "2024-03-01", 8, { recordedAt: "2024-03-01T10:00" }), amend("b", "2024-03-01", "a", 9, { recordedAt: "2024-03-01T09:00" })]));
    expect(recorded.map((i) => i.message)).toEqual(["entries[1].corrects: is recorded at 2024-03-01T09:00, before the entry it corrects (2024-03-01T10:00)"]);
  });

  it("refuses an entry recorded before the latest recording, which would change reports already made", () => {
    expect(brief(issuesOf(() => appendEntries(late, [entry("d", "2025-01-02", 1, { person: "p1", recordedAt: "2025-03-02T14:59" })])))).toEqual(["invalid_rule entries.0.recordedAt"]);
    // Without a recording time an entry counts as recorded on its date: too early here.
    expect(issuesOf(() => appendEntries(late, [entry("d", "2025-01-02", 1, { person: "p1" })])).map((i) => i.message)).toEqual([
      "entries[0].date: has no recordedAt, so it counts as recorded on 2025-01-02, before the latest recording in the ledger (2025-03-02T15:00; a date alone is the start of its day): give the moment it was recorded in recordedAt",
    ]);
    // The same moment is not before it; the same day given as a date alone may be.
    expect(appendEntries(late, [entry("d", "2025-01-02", 1, { person: "p1", recordedAt: "2025-03-02T15:00" })]).size).toBe(4);
    expect(brief(issuesOf(() => appendEntries(late, [entry("d", "2025-01-02", 1, { person: "p1" })], { recordedAt: "2025-03-02" })))).toEqual(["invalid_rule entries.0.recordedAt"]);
    expect(appendEntries(late, [entry("d", "2025-01-02", 1, { person: "p1" })], { recordedAt: "2025-03-03" }).entries[3]!.recordedAt).toBe("2025-03-03");
  });

  it("gives recordedAt to the entries of an append that have none, and keeps theirs", () => {
    const l = appendEntries(createLedger(), [entry("a", "2024-01-31", 1), entry("b", "2024-01-31", 1, { recordedAt: "2024-02-01T08:00" })], { recordedAt: "2024-02-01T09:30" });
    expect(l.entries.map((e) => e.recordedAt)).toEqual(["2024-02-01T09:30", "2024-02-01T08:00"]);
    expect(brief(issuesOf(() => appendEntries(l, [], { recordedAt: "2024-02-30" })))).toEqual(["invalid_value options.recordedAt"]);
    expect(brief(issuesOf(() => appendEntries(l, [], { when: 1 } as never)))).toEqual(["unknown_field options.when"]);
  });

  it("refuses limits that are not dates or moments, and a sequence beyond the ledger", () => {
    expect(brief(issuesOf(() => summarizeAccount(late, "p1", { asOf: "2024-13-01" })))).toEqual(["invalid_value options.asOf"]);
    expect(brief(issuesOf(() => summarizeAccount(late, "p1", { datedThrough: "yesterday" })))).toEqual(["invalid_value options.datedThrough"]);
    expect(brief(issuesOf(() => summarizeAccount(late, "p1", { asOfSequence: 4 })))).toEqual(["out_of_range options.asOfSequence"]);
    expect(brief(issuesOf(() => summarizeAccount(late, "p1", { asOfSequence: -1 })))).toEqual(["out_of_range options.asOfSequence"]);
    expect(brief(issuesOf(() => summarizeAccount(late, "p1", { asOfSequence: 1.5 })))[0]).toMatch(/options\.asOfSequence$/);
  });

  it("lists, as of a moment, only the people the ledger held then", () => {
    const l = appendEntries(year, [entry("z", "2025-03-01", 1, { person: "p9" })], { recordedAt: "2025-03-02T15:00" });
    expect(summarizeAccounts(l, { asOf: "2024-12-31" }).map((s) => s.person)).toEqual(["p1"]);
    expect(summarizeAccounts(l, { asOfSequence: 2 }).map((s) => s.person)).toEqual(["p1"]);
    expect(summarizeAccounts(l).map((s) => s.person)).toEqual(["p1", "p9"]);
  });

  it("explains a summary with its limits", () => {
    const s = summarizeAccount(late, "p1", { period: "2024", asOf: "2024-12-31", datedThrough: "2024-12-31" });
    expect(explainAccount(s, { locale: "en" }).split("\n")[0]).toBe("p1, growth account for 2024: total 15 (as recorded by 2024-12-31, dated through 2024-12-31)");
    expect(explainAccount(s).split("\n")[0]).toBe("p1 2024 成长账户：合计 15（截至 2024-12-31 登记的记录，日期截至 2024-12-31）");
  });
});

describe("closing periods", () => {
  const ledger = createLedger([entry("a", "2024-06-30", 10), entry("b", "2024-12-31T23:30", 5), entry("c", "2025-01-02", 1)]);
  const closed = closePeriods(ledger, "2024");

  it("refuses an entry dated in a closed period, and a correction of an entry dated in one, saying why", () => {
    expect(closed.closedThrough).toBe("2024-12-31");
    expect(ledger.closedThrough).toBe(null);
    const issues = issuesOf(() => appendEntries(closed, [entry("d", "2024-06-01", -20), amend("e", "2025-01-05", "b", 9), reverse("f", "2025-01-05", "c")]));
    expect(brief(issues)).toEqual(["invalid_rule entries.0.date", "invalid_rule entries.1.corrects"]);
    expect(issues.map((i) => i.message)).toEqual([
      "entries[0].date: is 2024-06-01, in a closed period (the ledger is closed through 2024-12-31): record an adjustment in an open period, with adjusts and reason",
      'entries[1].corrects: corrects "b", dated 2024-12-31T23:30 in a closed period (the ledger is closed through 2024-12-31): record an adjustment in an open period, with adjusts and reason',
    ]);
    // The day after is open.
    expect(appendEntries(closed, [entry("d", "2025-01-01T00:00", 1), reverse("f", "2025-01-05", "c")]).size).toBe(5);
  });

  it("takes a change to a closed period as an adjustment in an open one, and the closed report never changes", () => {
    const before = report(closed, { period: "2024" });
    const adjusted = appendEntries(closed, [entry("adj", "2025-01-15", -20, { adjusts: "2024-06", reason: "督查发现 6 月漏报扣分", source: "督查" })]);
    expect(report(adjusted, { period: "2024" })).toBe(before);
    expect(summarizeAccount(adjusted, "c001", { period: "2025-01" }).exact).toBe("-19");
    expect(summarizeAccount(adjusted, "c001").exact).toBe("-4");
    // An adjustment names a closed period, is dated after it, and gives its reason.
    expect(brief(issuesOf(() => appendEntries(closed, [entry("x", "2025-02-01", 1, { adjusts: "2025-01", reason: "r" })])))).toEqual(["invalid_rule entries.0.adjusts"]);
    expect(brief(issuesOf(() => appendEntries(closed, [entry("x", "2024-12-01", 1, { adjusts: "2024-06", reason: "r" })])))).toEqual(["invalid_rule entries.0.date"]);
    expect(brief(issuesOf(() => appendEntries(closed, [entry("x", "2025-02-01", 1, { adjusts: "2024-06" })])))).toEqual(["invalid_rule entries.0.reason"]);
    expect(brief(issuesOf(() => appendEntries(closed, [entry("x", "2025-02-01", 1, { adjusts: "2024-13", reason: "r" })])))).toEqual(["invalid_option entries.0.adjusts"]);
    expect(brief(issuesOf(() => appendEntries(closed, [reverse("x", "2025-02-01", "c", { adjusts: "2024", reason: "r" })])))).toEqual(["invalid_rule entries.0.adjusts"]);
    // The adjustment is corrected as any entry of an open period: its chain is kept.
    const fixed = appendEntries(adjusted, [amend("adj-fix", "2025-01-20", "adj", -15)]);
    expect(summarizeAccount(fixed, "c001", { period: "2025-01" }).entries.find((e) => e.id === "adj")).toMatchObject({ recorded: "-20", points: "-15", corrections: ["adj-fix"] });
    expect(fixed.size).toBe(5);
  });

  it("never reopens, closes further, and keeps the closing in JSON", () => {
    expect(issuesOf(() => closePeriods(closed, "2024-06")).map((i) => i.message)).toEqual([
      "through: closing through 2024-06-30 would reopen periods: the ledger is closed through 2024-12-31, and closed periods stay closed",
    ]);
    expect(closePeriods(closed, "2024-12-31").closedThrough).toBe("2024-12-31");
    expect(closePeriods(closed, "2025-W01").closedThrough).toBe("2025-01-05");
    expect(brief(issuesOf(() => closePeriods(closed, "2024-13")))).toEqual(["invalid_option through"]);
    expect(brief(issuesOf(() => closePeriods(closed, undefined as never)))).toEqual(["invalid_option through"]);
    expect(ledgerToJSON(closed)).toMatchObject({ closedThrough: "2024-12-31" });
    expect(ledgerFromJSON(JSON.stringify(ledgerToJSON(closed))).closedThrough).toBe("2024-12-31");
    expect([...ledgerToJSONLines(closed)][0]).toBe('{"format":"jixiao-ledger","version":1,"timeZone":"Asia/Shanghai","closedThrough":"2024-12-31"}');
  });

  it("keeps a history made with closed periods: entries recorded before the closing stay", () => {
    const l = createLedger([...ledger.entries, entry("adj", "2025-01-15", 2, { adjusts: "2024", reason: "r" })], { closedThrough: "2025-06" });
    expect(l.closedThrough).toBe("2025-06-30");
    expect(l.size).toBe(4);
    expect(brief(issuesOf(() => createLedger(ledger.entries, { closedThrough: "2024-14" })))).toEqual(["invalid_option options.closedThrough"]);
  });
});

describe("appends that scale, with every ledger as immutable as before", () => {
  it("leaves each older ledger as it was when newer ones grow from it, also along two branches", () => {
    const base = createLedger([entry("a", "2024-01-31", 8), entry("b", "2024-02-29", 9)]);
    const left = appendEntries(base, [amend("c", "2024-03-05", "a", 10), entry("d", "2024-03-31", 1, { person: "p2" })]);
    const right = appendEntries(base, [reverse("c", "2024-03-06", "a"), entry("e", "2024-03-31", 2)]);
    const further = appendEntries(left, [reverse("f", "2024-04-01", "c")]);
    expect([base, left, right, further].map((l) => summarizeAccount(l, "c001").exact)).toEqual(["17", "19", "11", "17"]);
    expect([base, left, right, further].map((l) => l.size)).toEqual([2, 4, 4, 5]);
    expect(right.entries.map((e) => e.id)).toEqual(["a", "b", "c", "e"]);
    expect(summarizeAccounts(base).map((s) => s.person)).toEqual(["c001"]);
    expect(summarizeAccounts(left).map((s) => s.person)).toEqual(["c001", "p2"]);
    for (const l of [base, left, right, further]) expect(Object.isFrozen(l) && Object.isFrozen(l.entries)).toBe(true);
    // A refused append changes nothing, and the id it tried is still free.
    expect(safeAppendEntries(left, [entry("g", "2024-05-01", 1), reverse("h", "2024-05-01", "a")]).success).toBe(false);
    expect(appendEntries(left, [entry("g", "2024-05-01", 1)]).size).toBe(5);
    expect(summarizeAccount(left, "c001").exact).toBe("19");
  });

  it("gives, for any history of appends and branches, the ledgers createLedger makes of the same entries", () => {
    fc.assert(
      fc.property(historyArb, ({ steps }) => {
        const ledgers = [createLedger([], { timeZone: "Asia/Shanghai" })];
        for (const step of steps) {
          const from = ledgers[step.from % ledgers.length]!;
          const r = safeAppendEntries(from, batchFor(from, step));
          if (r.success) ledgers.push(step.close ? safeClose(r.output, step.close) : r.output);
        }
        for (const l of ledgers) {
          const fresh = createLedger(l.entries, l.closedThrough === null ? {} : { closedThrough: l.closedThrough });
          for (const options of viewsOf(l)) expect(report(l, options)).toBe(report(fresh, options));
        }
      }),
      { numRuns: runs(40) },
    );
  });
});

describe("the laws of the record", () => {
  it("ledgerToJSON → ledgerFromJSON, and JSON Lines both ways, are lossless for every valid ledger", () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), ({ steps }, pick) => {
        const ledger = grow(steps);
        const text = JSON.stringify(ledgerToJSON(ledger));
        const back = ledgerFromJSON(text);
        const lines = [...ledgerToJSONLines(ledger)];
        const fromLines = ledgerFromJSONLines(lines);
        expect(lines).toHaveLength(ledger.size + 1);
        expect(ledgerFromJSONLines(lines.join("\n") + "\n").size).toBe(ledger.size);
        for (const l of [back, fromLines]) {
          expect(JSON.stringify(ledgerToJSON(l))).toBe(text);
          expect([l.timeZone, l.closedThrough, l.size]).toEqual([ledger.timeZone, ledger.closedThrough, ledger.size]);
          for (const options of viewsOf(ledger)) expect(report(l, options)).toBe(report(ledger, options));
          // The same next append is taken or refused the same way.
          const next = batchFor(ledger, { from: 0, kinds: [pick % 4, (pick >> 2) % 4], minutes: pick % 5000, close: undefined });
          const [a, b] = [safeAppendEntries(ledger, next), safeAppendEntries(l, next)];
          expect(b.success).toBe(a.success);
          if (a.success && b.success) expect(JSON.stringify(ledgerToJSON(b.output))).toBe(JSON.stringify(ledgerToJSON(a.output)));
          else if (!a.success && !b.success) expect(brief(b.issues)).toEqual(brief(a.issues));
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it("a report as of a moment, or of the ledger's first n entries, never changes, whatever is appended later", () => {
    fc.assert(
      fc.property(historyArb, fc.nat({ max: 100 }), ({ steps }, cut) => {
        const ledgers = [createLedger()];
        for (const step of steps) {
          const last = ledgers[ledgers.length - 1]!;
          const r = safeAppendEntries(last, batchFor(last, step));
          ledgers.push(r.success ? (step.close ? safeClose(r.output, step.close) : r.output) : last);
        }
        const at = Math.floor((cut / 100) * (ledgers.length - 1));
        const then = ledgers[at]!;
        const now = ledgers[ledgers.length - 1]!;
        // A report made at the latest recordedAt of the ledger as it was: later appends are recorded after it.
        const moment = then.entries.reduce<string | undefined>((m, e) => (e.recordedAt !== undefined && (m === undefined || e.recordedAt > m) ? e.recordedAt : m), undefined);
        for (const period of [undefined, "2024", "2024-Q1", "2024-03"]) {
          const options = period ? { period } : {};
          expect(report(now, { ...options, asOfSequence: then.size })).toBe(report(then, { ...options, asOfSequence: then.size }));
          if (moment !== undefined) expect(report(now, { ...options, asOf: moment })).toBe(report(then, { ...options, asOf: moment }));
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it("closed periods' reports never change, whatever is appended after the closing", () => {
    fc.assert(
      fc.property(historyArb, historyArb, (first, later) => {
        const closed = safeClose(grow(first.steps), "2024-02");
        const after = grow(later.steps, closed);
        for (const period of ["2024-01", "2024-02", "2024-W05", "2023"])
          for (const options of [{ period }, { period, datedThrough: "2024-12-31" }]) expect(report(after, options)).toBe(report(closed, options));
      }),
      { numRuns: runs(40) },
    );
  });
});

describe("a week belongs to one month everywhere", () => {
  it("dates a weekly result on its Thursday, in the month aggregatePeriods and periodsIn give the week (2024-W35)", () => {
    const [e] = resultEntries([{ subjectId: "c001", total: 5 }], { period: "2024-W35", component: "everyday", source: "周考核" });
    expect(e!.date).toBe("2024-08-29");
    const l = createLedger([e!]);
    expect(summarizeAccount(l, "c001", { period: "2024-08" }).exact).toBe("5");
    expect(summarizeAccount(l, "c001", { period: "2024-09" }).exact).toBe("0");
    expect(aggregatePeriods([{ period: "2024-W35", score: 5 }], "2024-08", { of: "week", rule: "sum", missing: "skip" }).exact).toBe("5");
    expect(() => aggregatePeriods([{ period: "2024-W35", score: 5 }], "2024-09", { of: "week", rule: "sum", missing: "skip" })).toThrow(JixiaoError);
    expect(periodDate("2024-W35")).toBe("2024-08-29");
  });

  it("for every week of 2020–2030: the month of its result's date is the one month that lists it", () => {
    for (let year = 2020; year <= 2030; year++) {
      for (const week of periodsIn(String(year), "week")) {
        const month = periodDate(week).slice(0, 7);
        const months = periodsIn(String(year), "month").concat(periodsIn(String(year + 1), "month").slice(0, 1), periodsIn(String(year - 1), "month").slice(11));
        expect(months.filter((m) => periodsIn(m, "week").includes(week))).toEqual([month]);
        expect(periodContains(month, week)).toBe(true);
        expect(periodDate(week).slice(0, 4)).toBe(String(year));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Random histories: batches appended at increasing moments, with corrections, adjustments and closings.

/** One append: from which ledger so far, what kinds of entries, how many minutes after the last, and perhaps a closing after it. */
interface Step {
  readonly from: number;
  /** 0 an ordinary entry with its recording time, 1 one without (recorded on its date), 2 a correction, 3 an adjustment. */
  readonly kinds: readonly number[];
  readonly minutes: number;
  readonly close: string | undefined;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  from: fc.nat(),
  kinds: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }),
  minutes: fc.integer({ min: 1, max: 20_000 }),
  close: fc.option(fc.constantFrom("2024-01", "2024-02", "2024-03-10", "2024-Q1"), { nil: undefined, freq: 8 }),
});
const historyArb = fc.record({ steps: fc.array(stepArb, { minLength: 1, maxLength: 12 }) });

const START = Date.UTC(2024, 0, 1, 8); // 08:00 on 1 January 2024, on the Shanghai wall clock
const wall = (ms: number): string => new Date(ms).toISOString().slice(0, 16);
const PEOPLE = ["p1", "p2", "p3"];

/** The latest recording time in a ledger (given or a date), as text, or `undefined` for an empty one. */
function latestRecorded(ledger: Ledger): string | undefined {
  let best: string | undefined;
  for (const e of ledger.entries) {
    const r = e.recordedAt ?? e.date;
    const t = r.length === 10 ? `${r}T23:59` : r;
    if (best === undefined || t > best) best = t;
  }
  return best;
}

/** The entries of a step, appended to `ledger`: the moment it is recorded follows the ledger's latest. */
function batchFor(ledger: Ledger, step: Step): LedgerEntry[] {
  const latest = latestRecorded(ledger);
  const now = (latest === undefined ? START : Date.parse(`${latest}Z`)) + step.minutes * 60_000;
  const at = wall(now);
  const n = ledger.size;
  const roots = ledger.entries.filter((e) => e.corrects === undefined);
  const corrected = new Set(ledger.entries.map((e) => e.corrects).filter((c) => c !== undefined));
  const open = ledger.entries.filter((e) => !corrected.has(e.id));
  return step.kinds.map((kind, j): LedgerEntry => {
    const id = `s${n}-${j}`;
    const person = PEOPLE[(n + j) % PEOPLE.length]!;
    // Performance some days before it is recorded: sometimes in a closed period.
    const date = wall(now - ((step.minutes * 7 + j * 1_000) % 40) * 86_400_000).slice(0, j % 2 ? 10 : 16);
    if (kind === 2 && open.length > 0) {
      const target = open[(step.minutes + j) % open.length]!;
      return { id, person: target.person, date: at, recordedAt: at, corrects: target.id, ...(step.minutes % 3 ? { action: "amend", points: (step.minutes % 97) / 4 } : { action: "reverse" }), source: "复核" };
    }
    if (kind === 3 && roots.length > 0) return { id, person, date: at.slice(0, 10), recordedAt: at, component: "x", points: -1.5, source: "督查", adjusts: "2024-01", reason: "漏报" };
    return { id, person, date, ...(kind === 1 ? {} : { recordedAt: at }), component: j % 2 ? "x" : "y", points: ((step.minutes + j) % 41) / 8 - 2, source: "s" };
  });
}

/** The ledger grown by a history's accepted appends (refused ones skipped), from `start`. */
function grow(steps: readonly Step[], start: Ledger = createLedger()): Ledger {
  let ledger = start;
  for (const step of steps) {
    const r = safeAppendEntries(ledger, batchFor(ledger, step));
    if (r.success) ledger = step.close ? safeClose(r.output, step.close) : r.output;
  }
  return ledger;
}

/** Closes a ledger further, or keeps it when that would reopen it. */
function safeClose(ledger: Ledger, through: string): Ledger {
  try {
    return closePeriods(ledger, through);
  } catch {
    return ledger;
  }
}

/** Summary options to compare ledgers by: periods and each kind of limit. */
function viewsOf(ledger: Ledger): SummaryOptions[] {
  const latest = latestRecorded(ledger) ?? "2024-01-01T08:00";
  const mid = wall((START + Date.parse(`${latest}Z`)) / 2);
  return [
    {},
    { period: "2024" },
    { period: "2024-02" },
    { period: "2024-W06" },
    { asOf: mid },
    { asOf: mid.slice(0, 10), period: "2024-Q1" },
    { datedThrough: mid },
    { asOfSequence: Math.floor(ledger.size / 2) },
    { asOf: latest, datedThrough: mid, components: ["x"] },
  ];
}
