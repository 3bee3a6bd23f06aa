import { describe, expect, it } from "vitest";
import { appendEntries, createLedger, ledgerFromJSON, ledgerToJSON, safeCreateLedger, type LedgerEntry } from "../../src/index.js";
import { thrown } from "../helpers.js";
import { amend, brief, entry, issuesOf, reverse } from "./fixtures.js";

/** The issues (code and path) and their messages for a refused call. */
const refusal = (fn: () => unknown) => {
  const issues = issuesOf(fn);
  return { brief: brief(issues), messages: issues.map((i) => i.message) };
};
const bad = (e: unknown): LedgerEntry => e as LedgerEntry;

describe("ledger.ts", () => {
  describe("entry shape rules and their texts (entrySchema, lines 92-99)", () => {
    it("explains an action without corrects, missing points and a missing component", () => {
      const { component: _c, points: _p, ...rest } = entry("a", "2024-01-31", 1);
      const r = refusal(() => createLedger([bad({ ...rest, action: "amend" })]));
      expect(r.brief).toEqual(["invalid_rule entries.0.action", "invalid_rule entries.0.points", "invalid_rule entries.0.component"]);
      expect(r.messages).toEqual([
        "entries[0].action: is only for a correction (an entry with `corrects`)",
        "entries[0].points (分值): is required for an entry that is not a reversal",
        "entries[0].component: is required for an entry that is not a correction",
      ]);
    });

    it("explains points on a reversal, an amendment without points and a component on a correction", () => {
      const { points: _p, ...amendNoPoints } = amend("c", "2024-02-01", "a", 1);
      const r = refusal(() =>
        createLedger([entry("a", "2024-01-31", 1), entry("b", "2024-01-31", 1), bad({ ...reverse("r", "2024-02-01", "a"), points: 1 }), bad(amendNoPoints), bad({ ...reverse("d", "2024-02-01", "b"), component: "everyday" })]),
      );
      expect(r.brief).toEqual(["invalid_rule entries.2.points", "invalid_rule entries.3.points", "invalid_rule entries.4.component"]);
      expect(r.messages).toEqual([
        "entries[2].points (分值): must be left out of a reversal: it cancels the entry it corrects",
        "entries[3].points (分值): is required for an amendment: the points that replace the corrected entry's",
        "entries[4].component: must be left out of a correction: it keeps the corrected entry's component",
      ]);
    });
  });

  describe("checks across entries (checkEntries)", () => {
    it("names the earlier entry holding a duplicate id, within a list and against a ledger", () => {
      // line 129: first + other < 0 picks the wording
      const created = refusal(() => createLedger([entry("a", "2024-01-31", 1), entry("b", "2024-01-31", 1), entry("b", "2024-01-31", 2)]));
      expect(created.brief).toEqual(["duplicate_id entries.2.id"]);
      expect(created.messages).toEqual(['entries[2].id: "b" is already the id of entries[1]']);
      const l = createLedger([entry("a", "2024-01-31", 1), entry("b", "2024-01-31", 1)]);
      const appended = refusal(() => appendEntries(l, [entry("b", "2024-02-01", 1), entry("x", "2024-02-01", 1), entry("x", "2024-02-01", 1)]));
      expect(appended.brief).toEqual(["duplicate_id entries.0.id", "duplicate_id entries.2.id"]);
      expect(appended.messages).toEqual(['entries[0].id: "b" is already in the ledger (its entry 1)', 'entries[2].id: "x" is already the id of entries[1]']);
    });

    it("refuses a second correction of an entry whose first correction is entries[0]", () => {
      // line 150: other >= 0, where the first correction is at index 0
      const r = refusal(() => createLedger([amend("c1", "2024-02-01", "a", 2), entry("a", "2024-01-31", 1), amend("c2", "2024-02-01", "a", 3)]));
      expect(r.brief).toEqual(["invalid_rule entries.2.corrects"]);
      expect(r.messages).toEqual(['entries[2].corrects: "a" is already corrected by "c1"; correct "c1" instead']);
    });

    it("reports a circle at its own last entry, not at a later entry that leads into it", () => {
      // line 167: a(0) -> d(3) -> b(1) -> c(2) -> b: the circle is b, c; d only leads into it
      const r = refusal(() =>
        createLedger([amend("a", "2024-01-31", "d", 1), amend("b", "2024-01-31", "c", 1), amend("c", "2024-01-31", "b", 1), amend("d", "2024-01-31", "b", 1)]),
      );
      const circle = r.brief.map((b, i) => [b, r.messages[i]!]).filter(([, m]) => m!.includes("circle"));
      expect(circle).toEqual([["invalid_rule entries.2.corrects", 'entries[2].corrects: entries correct each other in a circle through "b"']]);
    });

    it("lists at most 1000 problems", () => {
      // line 177 (and 304 for appendEntries)
      const many = Array.from({ length: 1001 }, (_, i) => entry(`e${i}`, "2024-02-30", 1));
      expect(thrown(() => createLedger(many)).issues).toHaveLength(1001);
      const e = thrown(() => appendEntries(createLedger(), many));
      expect(e.issues).toHaveLength(1001);
      expect(e.issues[1000]).toMatchObject({ code: "too_many_issues", params: { key: "moreIssues", count: 1 } });
      expect(e.message.split("\n")[0]).toBe("The entries cannot be appended: 1001 issues");
    });
  });

  describe("the quick check of plain entries (plainEntry, pointsOk) lets nothing invalid past", () => {
    const base = entry("a", "2024-01-31", 1);
    const refused = (e: unknown) => brief(issuesOf(() => createLedger([bad(e)])));

    it("refuses points the schema refuses, however they are written", () => {
      expect(refused({ ...base, points: "" })).toEqual(["invalid_number entries.0.points"]); // line 183
      expect(refused({ ...base, points: 2e12 })).toEqual(["out_of_range entries.0.points"]); // line 184
      expect(refused({ ...base, points: 1e-11 })).toEqual(["out_of_range entries.0.points"]); // line 187: "1e-11"
      expect(refused({ ...base, points: 0.12345678901 })).toEqual(["out_of_range entries.0.points"]); // line 187: 11 decimals
      expect(refused({ ...base, points: ["5"] })).toEqual(["invalid_type entries.0.points"]); // line 189: not a string
    });

    it("never reads an entry's inherited fields: points behind a prototype are missing", () => {
      const e = Object.assign(Object.create({ points: 5 }) as object, { id: "a", person: "c001", date: "2024-01-31", component: "x", source: "s" });
      expect(refused(bad(e))).toEqual(["invalid_rule entries.0.points"]);
    });

    it("refuses an unknown field", () => {
      expect(refused({ ...base, colour: "red" })).toEqual(["unknown_field entries.0.colour"]); // line 196
    });

    it("refuses an empty id, person, date or source", () => {
      // line 197
      expect(refused({ ...base, id: "" })).toEqual(["out_of_range entries.0.id"]);
      expect(refused({ ...base, person: "" })).toEqual(["out_of_range entries.0.person"]);
      expect(refused({ ...base, date: "" })).toEqual(["out_of_range entries.0.date"]);
      expect(refused({ ...base, source: "" })).toEqual(["out_of_range entries.0.source"]);
    });

    it("refuses an ordinary entry with an action, without points or without a component", () => {
      // line 200
      const { points: _p, component: _c, ...bare } = base;
      expect(refused({ ...base, action: "amend" })).toEqual(["invalid_rule entries.0.action"]);
      expect(refused({ ...bare, component: "x" })).toEqual(["invalid_rule entries.0.points"]);
      expect(refused({ ...bare, points: 1 })).toEqual(["invalid_rule entries.0.component"]);
    });

    it("refuses a malformed correction", () => {
      // line 201
      const target = entry("t", "2024-01-31", 1);
      const corr = (e: unknown) => brief(issuesOf(() => createLedger([target, bad(e)]))).filter((b) => b.includes("entries.1"));
      const { points: _p, ...amendNoPoints } = amend("c", "2024-02-01", "t", 1);
      expect(corr({ ...amend("c", "2024-02-01", "t", 1), component: "x" })).toEqual(["invalid_rule entries.1.component"]);
      expect(corr({ ...amend("c", "2024-02-01", "t", 1), corrects: "" })).toEqual(["out_of_range entries.1.corrects"]);
      expect(corr(amendNoPoints)).toEqual(["invalid_rule entries.1.points"]);
      expect(corr({ ...reverse("c", "2024-02-01", "t"), points: 1 })).toEqual(["invalid_rule entries.1.points"]);
      expect(corr({ ...amend("c", "2024-02-01", "t", 1), action: "undo" })).toEqual(["invalid_option entries.1.action"]);
    });
  });

  describe("safeCreateLedger and ledgerFromJSON", () => {
    it("safeCreateLedger with no arguments makes an empty ledger", () => {
      // line 245
      const r = safeCreateLedger();
      expect(r.success && r.output.entries).toEqual([]);
    });

    it("reports text that is not JSON at the top, and schema problems under the same heading", () => {
      // lines 348, 351
      const notJson = thrown(() => ledgerFromJSON("{"));
      expect(notJson.issues.map((i) => [i.code, i.path])).toEqual([["invalid_input", []]]);
      expect(notJson.issues[0]!.message).toMatch(/^\(top\): is not JSON \(.+\)$/);
      expect(notJson.message.split("\n")[0]).toBe("The ledger cannot be read: 1 issue");
      expect(thrown(() => ledgerFromJSON({ format: "x" } as never)).message.split("\n")[0]).toBe("The ledger cannot be read: 4 issues");
    });

    it("reports a stored entry's problem at its path under entries", () => {
      // line 353
      const json = { format: "jixiao-ledger", version: 1, timeZone: "UTC", entries: [{ ...entry("a", "2024-01-31", 1), id: "" }] } as const;
      expect(brief(issuesOf(() => ledgerFromJSON(json)))).toEqual(["out_of_range entries.0.id"]);
    });
  });
});

describe("ledger.ts: entries are kept with their own fields, in one order", () => {
  // ledgerToJSON gives each entry's fields in the schema's order, whatever order they were written
  // in: a ledger stored and read back writes the same text.
  it("keeps every kind of valid entry's fields in the schema's order", () => {
    const entries: LedgerEntry[] = [
      { source: "s", points: 1e12, id: "a", person: "c001", date: "2024-01-31", component: "x" },
      { points: 0.1234567891, source: "s", id: "b", person: "c001", date: "2024-01-31", component: "x" },
      { points: 12345678901, source: "s", id: "c", person: "c001", date: "2024-01-31", component: "x" },
      { points: "-123456789012.1234567891", source: "s", id: "d", person: "c001", date: "2024-01-31", component: "x" },
      { note: "n".repeat(2000), reference: "r", points: 1, source: "s", id: "e", person: "c001", date: "2024-01-31", component: "x" },
      { action: "reverse", corrects: "a", source: "s", id: "f", person: "c001", date: "2024-02-01" },
      { action: "amend", corrects: "b", points: 2, source: "s", id: "g", person: "c001", date: "2024-02-01", recordedAt: "2024-02-01T09:00" },
    ];
    const json = ledgerToJSON(createLedger(entries));
    const order = ["id", "person", "date", "recordedAt", "component", "points", "source", "reference", "note", "corrects", "action", "adjusts", "reason"];
    expect(json.entries.map((e) => Object.keys(e))).toEqual(entries.map((e) => order.filter((k) => k in e)));
    expect(json.entries).toEqual(entries);
    expect(JSON.stringify(ledgerToJSON(ledgerFromJSON(JSON.stringify(json))))).toBe(JSON.stringify(json));
  });
});
