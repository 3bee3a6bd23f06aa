import { describe, expect, it } from "vitest";
import { accountSeries, createLedger, defineVersions, resultEntries, summarizeAccount, versionFor, type RuleVersions } from "../../src/index.js";
import { thrown } from "../helpers.js";
import { amend, brief, entry, issuesOf, reverse } from "./fixtures.js";

/** Each issue of an error as `code path: message`. */
const detail = (call: () => unknown): string[] => {
  const e = thrown(call);
  return [e.message, ...e.issues.map((i) => `${i.code} ${i.path.join(".")}: ${i.message}`)];
};

describe("account.ts", () => {
  const ledger = createLedger([entry("e1", "2024-01-31", 8.5), entry("e2", "2024-02-29", 9)]);

  it("names the options, the period and the person it refuses", () => {
    expect(detail(() => summarizeAccount(ledger, "c001", { bogus: 1 } as never))[0]).toMatch(/^Summary options are not valid/);
    expect(detail(() => summarizeAccount(ledger, "c001", { period: "2024-13" }))).toMatchInlineSnapshot(`
      [
        "Not a period: 1 issue
        - options.period: is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got text "2024-13")",
        "invalid_option options.period: options.period: is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got text "2024-13")",
      ]
    `);
    expect(detail(() => summarizeAccount(ledger, 5 as never))[0]).toMatch(/^Person is not valid/);
    expect(detail(() => accountSeries(ledger, 5 as never, { kind: "month", from: "2024-01", to: "2024-03" }))).toMatchInlineSnapshot(`
      [
        "Person is not valid: 1 issue
        - person: must be text, not 5",
        "invalid_type person: person: must be text, not 5",
      ]
    `);
    expect(detail(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-01" } as never))[0]).toMatch(/^Series options are not valid/);
    expect(detail(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-Q1", to: "2024-Q2" }))).toMatchInlineSnapshot(`
      [
        "Series options are not valid: 1 issue
        - options.from: is a quarter, not a month",
        "invalid_rule options.from: options.from: is a quarter, not a month",
      ]
    `);
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-01", to: "2024-xx" })))).toEqual(["invalid_option options.to"]);
    expect(brief(issuesOf(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-01", to: "2024-Q2" })))).toEqual(["invalid_rule options.to"]);
    expect(detail(() => accountSeries(ledger, "c001", { kind: "month", from: "2024-xx", to: "2024-Q2" }))).toMatchInlineSnapshot(`
      [
        "Not a period: 1 issue
        - options.from: is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got text "2024-xx")",
        "invalid_option options.from: options.from: is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got text "2024-xx")",
      ]
    `);
  });

  it("lists entries of the same day by id, whatever order they were recorded in", () => {
    const l = createLedger([entry("b", "2024-01-31", 1), entry("c", "2024-01-31", 2), entry("a", "2024-01-31", 3)]);
    expect(summarizeAccount(l, "c001").entries.map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(accountSeries(l, "c001", { kind: "month", from: "2024-01", to: "2024-01" })[0]!.entries.map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  it("gives a trace step only to an entry corrected by asOf, named by what the corrections did", () => {
    const l = createLedger([
      entry("e1", "2024-01-10", 5),
      entry("e2", "2024-01-11", 6),
      entry("e3", "2024-01-12", 7),
      entry("e4", "2024-01-13", 8),
      amend("a1", "2024-01-20", "e1", 4),
      reverse("r1", "2024-01-21", "e2"),
      amend("a3", "2024-01-22", "e3", 9),
      reverse("r3", "2024-01-23", "a3"),
      amend("a4", "2024-03-01", "e4", 1),
      amend("a5", "2024-03-02", "a1", 3),
      entry("e5", "2024-03-03", 2),
    ]);
    const s = summarizeAccount(l, "c001", { asOf: "2024-02-01" });
    expect(s.entries.map((e) => `${e.id} ${e.status} ${e.points} [${e.corrections.join(",")}]`)).toEqual([
      "e1 amended 4 [a1]",
      "e2 reversed 0 [r1]",
      "e3 recorded 7 [a3,r3]",
      "e4 recorded 8 []",
    ]);
    expect(s.trace.filter((t) => t.at.startsWith("entry:")).map((t) => `${t.at} ${t.rule} ${t.result}`)).toEqual([
      "entry:e1 amend 4",
      "entry:e2 reverse 0",
      "entry:e3 entry 7",
    ]);
    expect(s.exact).toBe("19");
  });
});

describe("points.ts", () => {
  it("prints points below 10^-6 in full, not with an exponent", () => {
    const l = createLedger([entry("e1", "2024-01-31", 1e-7), entry("e2", "2024-02-29", -2e-7)]);
    expect(summarizeAccount(l, "c001").entries.map((e) => e.recorded)).toEqual(["0.0000001", "-0.0000002"]);
  });

  it("sums exactly when the sum leaves the safe-integer range", () => {
    const l = createLedger([entry("e1", "2024-01-01", 900000000000), entry("e2", "2024-01-02", 900000000000), entry("e3", "2024-01-03", "0.0001")]);
    expect(summarizeAccount(l, "c001").exact).toBe("1800000000000.0001");
    const m = createLedger([entry("e1", "2024-01-01", 1e12), entry("e2", "2024-01-02", "0.0000000001")]);
    expect(summarizeAccount(m, "c001").exact).toBe("1000000000000.0000000001");
  });
});

describe("record.ts", () => {
  const options = { period: "2024-07", component: "everyday", source: "月度考核" };

  it("names what it refuses", () => {
    expect(detail(() => resultEntries([], { period: "2024-07" } as never))[0]).toMatch(/^Options are not valid/);
    expect(detail(() => resultEntries([{ total: 1 }] as never, options))[0]).toMatch(/^Results are not valid/);
    expect(detail(() => resultEntries([{ subjectId: "c001", total: 1 }, { subjectId: "c001", total: 2 }], options))).toMatchInlineSnapshot(`
      [
        "The results cannot be recorded: 1 issue
        - results[1].subjectId: "c001" has a result already",
        "duplicate_id results.1.subjectId: results[1].subjectId: "c001" has a result already",
      ]
    `);
  });

  it("adds a reference only for a result with a scheme", () => {
    const [a, b] = resultEntries([{ subjectId: "c001", total: 1 }, { subjectId: "c002", total: 2, schemeId: "s" }], options);
    expect("reference" in a!).toBe(false);
    expect(b!.reference).toBe("s");
  });
});

describe("versions.ts", () => {
  it("names the versions it refuses", () => {
    expect(
      detail(() =>
        defineVersions([
          { version: "v1", from: "2024-01-01", rule: 1 },
          { version: "v2", from: "2024-01-01", rule: 2 },
          { version: "v1", from: "2024-13-01", rule: 3 },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "Rule versions are not valid: 3 issues
        - versions[1].from: version v1 already comes into force on 2024-01-01
        - versions[2].from: is not a date such as 2024-07-01 (got "2024-13-01")
        - versions[2].version: "v1" is already the name of version 0",
        "duplicate_id versions.1.from: versions[1].from: version v1 already comes into force on 2024-01-01",
        "invalid_value versions.2.from: versions[2].from: is not a date such as 2024-07-01 (got "2024-13-01")",
        "duplicate_id versions.2.version: versions[2].version: "v1" is already the name of version 0",
      ]
    `);
    expect(detail(() => versionFor(defineVersions([{ version: "v1", from: "2024-01-01", rule: 1 }]), "2024-01", { at: "x" } as never))[0]).toMatch(/^Options are not valid/);
    expect(detail(() => versionFor({ versions: [] } as unknown as RuleVersions<number>, "2024-01"))).toMatchInlineSnapshot(`
      [
        "Not rule versions: 1 issue
        - versions: are not versions made by defineVersions",
        "invalid_input versions: versions: are not versions made by defineVersions",
      ]
    `);
  });

  it("orders the versions by the day they come into force", () => {
    const v = defineVersions([
      { version: "c", from: "2024-09-01", rule: 3 },
      { version: "a", from: "2024-01-01", rule: 1 },
      { version: "b", from: "2024-07-01", rule: 2 },
    ]);
    expect(v.versions.map((x) => x.version)).toEqual(["a", "b", "c"]);
    expect(versionFor(v, "2024-08").version).toBe("b");
  });
});

describe("versions.ts: versionFor's arguments", () => {
  const v = defineVersions([{ version: "v1", from: "2024-01-01", rule: 1 }, { version: "v2", from: "2024-07-01", rule: 2 }]);

  it("decides by the first day when options are left out or undefined", () => {
    expect(versionFor(v, "2024-H1", undefined).version).toBe("v1");
    expect(versionFor(v, "2024-H1", { at: "end" }).version).toBe("v1");
    expect(versionFor(v, "2024", { at: "end" }).version).toBe("v2");
  });

  it("refuses null, text or a look-alike object as versions, and null as options", () => {
    for (const bad of [null, undefined, "v1", 5, { versions: v.versions }]) {
      expect(detail(() => versionFor(bad as unknown as RuleVersions<number>, "2024-01"))[0]).toMatch(/^Not rule versions/);
    }
    expect(detail(() => versionFor(v, "2024-01", null as never))[0]).toMatch(/^Options are not valid/);
  });
});
