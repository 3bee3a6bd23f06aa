import { describe, expect, it } from "vitest";
import {
  appendEntries,
  createLedger,
  JixiaoError,
  ledgerFromJSON,
  ledgerToJSON,
  MAX_LEDGER_ENTRIES,
  safeCreateLedger,
  summarizeAccount,
  summarizeAccounts,
  type Ledger,
  type LedgerEntry,
} from "../../src/index.js";
import { amend, brief, entry, issuesOf, messageOf, reverse, YEAR } from "./fixtures.js";

describe("createLedger", () => {
  it("keeps the entries in the order given, frozen, in Asia/Shanghai by default", () => {
    const l = createLedger(YEAR);
    expect(l.timeZone).toBe("Asia/Shanghai");
    expect(l.entries.map((e) => e.id)).toEqual(YEAR.map((e) => e.id));
    expect(l.entries).toEqual(YEAR);
    expect(Object.isFrozen(l)).toBe(true);
    expect(Object.isFrozen(l.entries)).toBe(true);
    expect(l.entries.every((e) => Object.isFrozen(e))).toBe(true);
    expect(() => (l.entries as LedgerEntry[]).push(entry("z", "2024-01-01", 1))).toThrow(TypeError);
  });

  it("copies the entries: changing the input afterwards changes nothing", () => {
    const input = [entry("a", "2024-01-31", 8.5)];
    const l = createLedger(input);
    (input[0] as { points: number }).points = 100;
    input.push(entry("b", "2024-02-29", 9));
    expect(l.entries).toEqual([entry("a", "2024-01-31", 8.5)]);
    expect(Object.isFrozen(input[0])).toBe(false);
  });

  it("makes an empty ledger with no entries, in the zone given", () => {
    expect(createLedger()).toMatchObject({ timeZone: "Asia/Shanghai", entries: [] });
    expect(createLedger([], { timeZone: "UTC" }).timeZone).toBe("UTC");
    expect(createLedger([], { timeZone: "+05:30" }).timeZone).toBe("+05:30");
  });

  it("lets a correction come before the entry it corrects in the list (the set is checked, not the order)", () => {
    const l = createLedger([amend("x", "2024-02-05", "a", 9), entry("a", "2024-01-31", 8)]);
    expect(summarizeAccount(l, "c001").exact).toBe("9");
  });

  it("allows a correction of a correction (a chain), and the same day as its target", () => {
    const l = createLedger([entry("a", "2024-01-31", 8), amend("b", "2024-01-31", "a", 9), reverse("c", "2024-02-01", "b"), amend("d", "2024-02-02", "c", 7)]);
    const s = summarizeAccount(l, "c001");
    expect(s.exact).toBe("7");
    expect(s.entries).toEqual([
      { id: "a", day: "2024-01-31", component: "everyday", source: "月度考核", recorded: "8", points: "7", status: "amended", corrections: ["b", "c", "d"] },
    ]);
  });

  it("gives a safe variant", () => {
    expect(safeCreateLedger([entry("a", "2024-01-31", 1)]).success).toBe(true);
    const r = safeCreateLedger([entry("a", "2024-02-30", 1)]);
    expect(r.success).toBe(false);
    if (!r.success) expect(brief(r.issues)).toEqual(["invalid_value entries.0.date"]);
  });
});

describe("createLedger refuses bad entries, listing each with its path", () => {
  it("invalid dates", () => {
    const issues = issuesOf(() =>
      createLedger([
        entry("a", "2023-02-29", 1),
        entry("b", "2024-13-01", 1),
        entry("c", "2024-06-31T10:00", 1),
        entry("d", "2024-06-30T24:00", 1),
        entry("e", "30/06/2024", 1),
        entry("f", "2024-06-30T23:30+15:00", 1),
        entry("g", "0999-12-31", 1),
      ]),
    );
    expect(brief(issues)).toEqual(["a", "b", "c", "d", "e", "f", "g"].map((_, i) => `invalid_value entries.${i}.date`));
    expect(issues[0]!.message).toMatchInlineSnapshot(`"entries[0].date: is not a real date or date-time (got text "2023-02-29")"`);
  });

  it("an unknown time zone", () => {
    expect(brief(issuesOf(() => createLedger([], { timeZone: "Mars/Olympus" })))).toEqual(["invalid_option options.timeZone"]);
    expect(brief(issuesOf(() => createLedger([], { timeZone: 8 } as never)))).toEqual(["invalid_option options.timeZone"]);
  });

  it("NaN, Infinity and other points that are not finite decimals", () => {
    const issues = issuesOf(() =>
      createLedger([
        entry("a", "2024-01-31", Number.NaN),
        entry("b", "2024-01-31", Number.POSITIVE_INFINITY),
        entry("c", "2024-01-31", "1e19"),
        entry("d", "2024-01-31", "12abc"),
        entry("e", "2024-01-31", null as never),
      ]),
    );
    expect(brief(issues).slice(0, 4)).toEqual(["invalid_number entries.0.points", "invalid_number entries.1.points", "invalid_number entries.2.points", "invalid_number entries.3.points"]);
    expect(issues.map((i) => i.path.join("."))).toContain("entries.4.points");
    expect(issues[0]!.message).toMatchInlineSnapshot(`"entries[0].points (分值): must be a finite decimal number (a number or text such as "96.5"), not NaN"`);
  });

  it("duplicate ids, even across people", () => {
    const issues = issuesOf(() => createLedger([entry("a", "2024-01-31", 1), entry("b", "2024-01-31", 1), entry("a", "2024-02-29", 2, { person: "c002" })]));
    expect(brief(issues)).toEqual(["duplicate_id entries.2.id"]);
    expect(messageOf(() => createLedger([entry("a", "2024-01-31", 1), entry("a", "2024-02-29", 2)]))).toMatchInlineSnapshot(`
      "The ledger is not valid: 1 issue
        - entries[1].id: "a" is already the id of entries[0]"
    `);
  });

  it("a correction of an unknown entry, of another person's entry, dated before its target, or a second correction", () => {
    const issues = issuesOf(() =>
      createLedger([
        entry("a", "2024-02-01", 8),
        reverse("b", "2024-01-31", "a"), // before its target
        reverse("c", "2024-03-01", "a", { person: "c002" }), // another person's entry, and a second correction of a
        reverse("d", "2024-03-01", "zz"), // unknown
        entry("e", "2024-03-01T10:00", 8),
        amend("f", "2024-03-01T09:00", "e", 9), // an hour before its target, the same day
        entry("g", "2024-03-02T10:00", 8),
        amend("h", "2024-03-02", "g", 9), // a date alone is the whole day: not before 10:00 that day
      ]),
    );
    expect(brief(issues)).toEqual(["invalid_rule entries.1.corrects", "invalid_rule entries.2.corrects", "invalid_rule entries.2.corrects", "unknown_id entries.3.corrects", "invalid_rule entries.5.corrects"]);
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "entries[1].corrects: is dated 2024-01-31, before the entry it corrects (2024-02-01)",
        "entries[2].corrects: corrects "a" of c001, but this entry is for c002",
        "entries[2].corrects: "a" is already corrected by "b"; correct "b" instead",
        "entries[3].corrects: names "zz", which is not an entry of the ledger",
        "entries[5].corrects: is dated 2024-03-01T09:00, before the entry it corrects (2024-03-01T10:00)",
      ]
    `);
  });

  it("compares a correction's date with its target's on the ledger's wall clock", () => {
    // 16:29 UTC on 31 January is 00:29 on 1 February in Shanghai, a minute before the target; 16:30 UTC is its moment.
    expect(() => createLedger([entry("a", "2024-02-01T00:30", 8), amend("b", "2024-01-31T16:29:00Z", "a", 9)])).toThrow(JixiaoError);
    expect(createLedger([entry("a", "2024-02-01T00:30", 8), amend("b", "2024-01-31T16:30:00Z", "a", 9)]).entries).toHaveLength(2);
    // In UTC the same texts are a day apart the other way.
    expect(createLedger([entry("a", "2024-02-01", 8), amend("b", "2024-02-01T00:00:00+08:00", "a", 9)], { timeZone: "+08:00" }).entries).toHaveLength(2);
    expect(() => createLedger([entry("a", "2024-02-01", 8), amend("b", "2024-02-01T00:00:00+08:00", "a", 9)], { timeZone: "UTC" })).toThrow(JixiaoError);
  });

  it("a double correction, naming the correction to correct instead", () => {
    const issues = issuesOf(() => createLedger([entry("a", "2024-01-31", 8), amend("b", "2024-02-01", "a", 9), reverse("c", "2024-02-02", "a")]));
    expect(brief(issues)).toEqual(["invalid_rule entries.2.corrects"]);
    expect(issues[0]!.message).toContain('correct "b" instead');
  });

  it("corrections that correct each other in a circle, or themselves", () => {
    expect(brief(issuesOf(() => createLedger([reverse("a", "2024-01-31", "b"), reverse("b", "2024-01-31", "a")])))).toEqual(["invalid_rule entries.1.corrects"]);
    expect(brief(issuesOf(() => createLedger([reverse("a", "2024-01-31", "a")])))).toEqual(["invalid_rule entries.0.corrects"]);
    const three = issuesOf(() => createLedger([entry("root", "2024-01-01", 1), amend("a", "2024-01-31", "c", 1), amend("b", "2024-01-31", "a", 2), reverse("c", "2024-01-31", "b")]));
    expect(brief(three)).toEqual(["invalid_rule entries.3.corrects"]);
    expect(three[0]!.message).toMatchInlineSnapshot(`"entries[3].corrects: entries correct each other in a circle through "a""`);
  });

  it("reserved names such as __proto__ as ids, people or components", () => {
    const issues = issuesOf(() =>
      createLedger([
        entry("__proto__", "2024-01-31", 1),
        entry("b", "2024-01-31", 1, { person: "constructor" }),
        entry("c", "2024-01-31", 1, { component: "prototype" }),
        reverse("d", "2024-02-01", "__proto__"),
      ]),
    );
    expect(brief(issues)).toEqual(["invalid_option entries.0.id", "invalid_option entries.1.person", "invalid_option entries.2.component", "invalid_option entries.3.corrects"]);
    // The JSON form of an entry with an own __proto__ key is refused too.
    const hostile = JSON.parse('[{"id":"a","person":"c001","date":"2024-01-31","component":"x","points":1,"source":"s","__proto__":{"polluted":true}}]') as LedgerEntry[];
    expect(brief(issuesOf(() => createLedger(hostile)))).toEqual(["reserved_key entries.0.__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("entries of the wrong shape: fields missing or misplaced, unknown fields, a correction's own component", () => {
    const issues = issuesOf(() =>
      createLedger([
        { id: "a", person: "c001", date: "2024-01-31", component: "x", source: "s" } as LedgerEntry,
        entry("b", "2024-01-31", 1, { action: "amend" }),
        { ...reverse("c", "2024-02-01", "b"), points: 1 },
        { id: "d", person: "c001", date: "2024-02-01", corrects: "b", action: "amend", source: "s" },
        { ...amend("e", "2024-02-01", "b", 2), component: "x" },
        { ...entry("f", "2024-01-31", 1), extra: true } as LedgerEntry,
        { id: "g", person: "c001", date: "2024-01-31", points: 1, source: "s" },
        entry("h", "2024-01-31", 1, { action: "undo" as never, corrects: "b" }),
        entry("i", "2024-01-31", 1, { source: "" }),
      ]),
    );
    expect(brief(issues)).toEqual([
      "invalid_rule entries.0.points",
      "invalid_rule entries.1.action",
      "invalid_rule entries.2.points",
      "invalid_rule entries.3.points",
      "invalid_rule entries.4.component",
      "unknown_field entries.5.extra",
      "invalid_rule entries.6.component",
      "invalid_option entries.7.action",
      "out_of_range entries.8.source",
    ]);
  });

  it("a value that is not a list of entries", () => {
    for (const bad of [null, {}, "entries", 3, [null], [[]], [1]]) {
      const issues = issuesOf(() => createLedger(bad as never));
      expect(issues[0]!.path[0]).toBe("entries");
    }
  });

  it("entries whose getters throw: a JixiaoError, never the getter's error", () => {
    const hostile = Object.defineProperty({ ...entry("a", "2024-01-31", 1) }, "points", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(() => createLedger([hostile])).toThrow(JixiaoError);
    const proxy = new Proxy([], {
      get() {
        throw new Error("boom");
      },
    });
    expect(() => createLedger(proxy)).toThrow(JixiaoError);
  });

  it("keeps each entry as a frozen, null-prototype copy of its own fields, in one order, reading each field once", () => {
    const usual = entry("a", "2024-01-31", 1);
    const reordered = { source: "s", points: "2.50", id: "b", person: "c001", date: "2024-02-01", component: "everyday", note: "n" };
    const fix = reverse("c", "2024-02-02", "a");
    const ledger = createLedger([usual, reordered, fix]);
    // The schema's order: id, person, date, recordedAt, component, points, source, reference, note, corrects, action, adjusts, reason.
    expect(ledger.entries.map((e) => Object.keys(e))).toEqual([
      ["id", "person", "date", "component", "points", "source"],
      ["id", "person", "date", "component", "points", "source", "note"],
      ["id", "person", "date", "source", "corrects", "action"],
    ]);
    expect(ledger.entries).toEqual([usual, reordered, fix]);
    expect(ledger.entries.every((e, i) => Object.isFrozen(e) && Object.getPrototypeOf(e) === null && e !== [usual, reordered, fix][i])).toBe(true);
    // A getter is read once, and what it gave is what is checked and kept.
    let reads = 0;
    const shifty = Object.defineProperty({ ...entry("d", "2024-03-01", 1) }, "points", {
      enumerable: true,
      get: () => (++reads === 1 ? 3 : Number.NaN),
    });
    expect(createLedger([shifty]).entries[0]!.points).toBe(3);
    expect(reads).toBe(1);
  });

  it("reads own fields only, even when Object.prototype lists a key", () => {
    const usual = entry("a", "2024-01-31", 1);
    const { source, ...noSource } = usual;
    Object.defineProperty(Object.prototype, "source", { value: source, enumerable: true, configurable: true, writable: true });
    try {
      // The inherited source is not the entry's: it has none.
      expect(brief(issuesOf(() => createLedger([noSource as LedgerEntry])))).toEqual(["required entries.0.source"]);
      expect(Object.keys(createLedger([usual]).entries[0]!)).toEqual(Object.keys(usual));
    } finally {
      delete (Object.prototype as Record<string, unknown>).source;
    }
  });

  it("handles a large ledger, and refuses one beyond the limit", () => {
    expect(MAX_LEDGER_ENTRIES).toBe(10_000_000);
    const many = Array.from({ length: 20_000 }, (_, i) => entry(`e${i}`, `2024-${String((i % 12) + 1).padStart(2, "0")}-15`, (i % 7) / 4, { person: `c${i % 50}` }));
    const l = createLedger(many);
    const next = appendEntries(l, [reverse("r", "2024-12-31", "e0", { person: "c0" })]);
    expect(summarizeAccounts(next, { period: "2024" })).toHaveLength(50);
    // The limit is checked without building ten million entries.
    const huge = new Proxy(new Array(MAX_LEDGER_ENTRIES + 1), {});
    expect(() => createLedger(huge)).toThrow(JixiaoError);
  });
});

describe("appendEntries", () => {
  const base = (): Ledger => createLedger([entry("a", "2024-01-31", 8), entry("b", "2024-02-29", 9)]);

  it("gives a new ledger and leaves the old one and its entries untouched", () => {
    const old = base();
    const snapshot = JSON.parse(JSON.stringify(ledgerToJSON(old))) as unknown;
    const before = summarizeAccount(old, "c001", { period: "2024" });
    const next = appendEntries(old, [amend("c", "2024-03-05", "a", "8.8"), entry("d", "2024-03-31", 7)]);
    expect(next).not.toBe(old);
    expect(next.entries.map((e) => e.id)).toEqual(["a", "b", "c", "d"]);
    expect(next.entries[0]).toBe(old.entries[0]);
    expect(JSON.parse(JSON.stringify(ledgerToJSON(old)))).toEqual(snapshot);
    expect(summarizeAccount(old, "c001", { period: "2024" })).toEqual(before);
    expect(summarizeAccount(next, "c001", { period: "2024" }).exact).toBe("24.8");
    expect(Object.isFrozen(next) && Object.isFrozen(next.entries)).toBe(true);
    expect(next.timeZone).toBe(old.timeZone);
  });

  it("keeps the ledger's time zone for the new entries", () => {
    const utc = createLedger([], { timeZone: "UTC" });
    const next = appendEntries(utc, [entry("a", "2024-06-30T23:30", 1)]);
    expect(summarizeAccount(next, "c001", { period: "2024-06" }).exact).toBe("1");
    const sh = appendEntries(createLedger(), [entry("a", "2024-06-30T16:30:00Z", 1)]);
    expect(summarizeAccount(sh, "c001", { period: "2024-07" }).exact).toBe("1");
  });

  it("lets a new correction name an old entry or a new one before or after it", () => {
    const next = appendEntries(base(), [reverse("y", "2024-04-02", "x"), entry("x", "2024-04-01", 5), amend("z", "2024-04-03", "y", 6)]);
    expect(summarizeAccount(next, "c001").exact).toBe("23");
  });

  it("reports problems at their index in the new entries, not the whole ledger", () => {
    const old = appendEntries(base(), [reverse("r", "2024-03-01", "b")]);
    const issues = issuesOf(() =>
      appendEntries(old, [
        entry("a", "2024-03-31", 1), // reuses an old id
        reverse("c", "2024-03-31", "b"), // b is already corrected by r
        entry("d", "2024-02-30", 1), // not a real date
        amend("e", "2024-01-01", "a", 3), // names the old a? it names the new a and the old a: ambiguous ids are refused above
        reverse("f", "2024-04-01", "nope"),
        reverse("g", "2024-04-01", "a", { person: "c002" }),
      ]),
    );
    const paths = brief(issues);
    expect(paths).toContain("duplicate_id entries.0.id");
    expect(paths).toContain("invalid_rule entries.1.corrects");
    expect(paths).toContain("invalid_value entries.2.date");
    expect(paths).toContain("unknown_id entries.4.corrects");
    expect(paths).toContain("invalid_rule entries.5.corrects");
    expect(issues.every((i) => (i.path[1] as number) >= 0 && (i.path[1] as number) < 6)).toBe(true);
  });

  it("refuses a correction dated before an old entry it corrects, and a circle made with new entries", () => {
    expect(brief(issuesOf(() => appendEntries(base(), [amend("c", "2024-02-28", "b", 1)])))).toEqual(["invalid_rule entries.0.corrects"]);
    expect(brief(issuesOf(() => appendEntries(base(), [reverse("p", "2024-05-01", "q"), reverse("q", "2024-05-01", "p")])))).toEqual(["invalid_rule entries.1.corrects"]);
  });

  it("refuses anything that is not a ledger made by the library", () => {
    const forged = [
      null,
      undefined,
      "ledger",
      {},
      { timeZone: "UTC", entries: [] },
      Object.freeze({ timeZone: "UTC", entries: Object.freeze([]) }),
      Object.freeze({ timeZone: "UTC", entries: Object.freeze([Object.freeze({ id: "x" })]) }),
      ledgerToJSON(base()),
      Object.freeze(JSON.parse(JSON.stringify(ledgerToJSON(base())))),
      [],
    ];
    for (const bad of forged) {
      expect(brief(issuesOf(() => appendEntries(bad as Ledger, [])))).toEqual(["invalid_input ledger"]);
      expect(brief(issuesOf(() => summarizeAccounts(bad as Ledger)))).toEqual(["invalid_input ledger"]);
      expect(brief(issuesOf(() => summarizeAccount(bad as Ledger, "c001")))).toEqual(["invalid_input ledger"]);
      expect(brief(issuesOf(() => ledgerToJSON(bad as Ledger)))).toEqual(["invalid_input ledger"]);
    }
    expect(messageOf(() => summarizeAccounts({ timeZone: "UTC", closedThrough: null, size: 0, entries: [] } as Ledger))).toMatchInlineSnapshot(`
      "Not a ledger: 1 issue
        - ledger: is not a ledger made by createLedger, appendEntries, closePeriods, ledgerFromJSON or ledgerFromJSONLines"
    `);
  });

  it("refuses new entries that are not a list", () => {
    expect(issuesOf(() => appendEntries(base(), null as never))[0]!.path).toEqual(["entries"]);
    expect(issuesOf(() => appendEntries(base(), [{ id: "x" } as LedgerEntry]))[0]!.path[0]).toBe("entries");
  });
});

describe("ledgerToJSON and ledgerFromJSON", () => {
  it("store the entries exactly as given, and read them back to the same summaries", () => {
    const l = createLedger(YEAR, { timeZone: "Asia/Shanghai" });
    const json = ledgerToJSON(l);
    expect(json).toEqual({ format: "jixiao-ledger", version: 1, timeZone: "Asia/Shanghai", entries: YEAR });
    const text = JSON.stringify(json);
    const back = ledgerFromJSON(text);
    expect(back.entries).toEqual(l.entries);
    expect(back.timeZone).toBe("Asia/Shanghai");
    expect(JSON.stringify(ledgerToJSON(back))).toBe(text);
    expect(JSON.stringify(summarizeAccounts(back, { period: "2024" }))).toBe(JSON.stringify(summarizeAccounts(l, { period: "2024" })));
    expect(JSON.stringify(summarizeAccounts(ledgerFromJSON(json)))).toBe(JSON.stringify(summarizeAccounts(l)));
  });

  it("keep decimal text exactly, and the time zone", () => {
    const l = createLedger([entry("a", "2024-06-30T23:30", "0.10"), entry("b", "2024-06-30", 0.1), entry("c", "2024-06-30", "-1e-4")], { timeZone: "UTC" });
    const back = ledgerFromJSON(JSON.stringify(ledgerToJSON(l)));
    expect(back.entries.map((e) => e.points)).toEqual(["0.10", 0.1, "-1e-4"]);
    expect(back.timeZone).toBe("UTC");
    expect(summarizeAccount(back, "c001").exact).toBe("0.1999");
  });

  it("refuse text that is not JSON, another format or version, and an invalid ledger", () => {
    expect(brief(issuesOf(() => ledgerFromJSON("{")))).toEqual(["invalid_input "]);
    expect(messageOf(() => ledgerFromJSON("{"))).toMatch(/^The ledger cannot be read: 1 issue/);
    expect(brief(issuesOf(() => ledgerFromJSON({ format: "x", version: 2, timeZone: "UTC", entries: [] } as never)))).toEqual(["invalid_option format", "invalid_option version"]);
    expect(brief(issuesOf(() => ledgerFromJSON({ format: "jixiao-ledger", version: 1, timeZone: "UTC", entries: [], extra: 1 } as never)))).toEqual(["unknown_field extra"]);
    expect(brief(issuesOf(() => ledgerFromJSON({ format: "jixiao-ledger", version: 1, timeZone: "UTC" } as never)))[0]).toMatch(/entries$/);
    expect(brief(issuesOf(() => ledgerFromJSON({ format: "jixiao-ledger", version: 1, timeZone: "UTC", entries: [entry("a", "2024-02-30", 1)] })))).toEqual([
      "invalid_value entries.0.date",
    ]);
    expect(brief(issuesOf(() => ledgerFromJSON({ format: "jixiao-ledger", version: 1, timeZone: "UTC", entries: [entry("a", "2024-01-01", 1), entry("a", "2024-01-02", 1)] })))).toEqual([
      "duplicate_id entries.1.id",
    ]);
    for (const bad of [null, 3, [], "null", "[]", '"text"']) expect(() => ledgerFromJSON(bad as never)).toThrow(JixiaoError);
  });

  it("name the stored time zone's own path when it is unknown", () => {
    // The stored document has `timeZone` at its top; there is no `options` in it.
    expect(brief(issuesOf(() => ledgerFromJSON({ format: "jixiao-ledger", version: 1, timeZone: "Mars/Olympus", entries: [] })))).toEqual(["invalid_option timeZone"]);
  });
});
