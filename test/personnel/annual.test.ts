import { describe, expect, it } from "vitest";
import { annualResults, formatIssue, annualTiersExample, createLedger, partyBuildingVetoes, safeAnnualResults, type AnnualPerson, type LedgerEntry } from "../../src/index.js";
import { amend, brief, entry, issuesOf } from "./fixtures.js";

/** One entry of `points` for `person` on 30 June 2024. */
const pts = (id: string, person: string, points: number | string, date = "2024-06-30"): LedgerEntry => entry(id, date, points, { person });

// Ten cadres in two groups (科员, 科长); c09 also has an entry in 2025 and c10 only a reversed one.
const entries: LedgerEntry[] = [
  pts("1", "c01", 95),
  pts("2", "c02", 90),
  pts("3", "c03", 85),
  pts("4", "c04", 80),
  pts("5", "c05", 75),
  pts("6", "c06", 70),
  pts("7", "c07", 65),
  pts("8", "c08", 60),
  pts("9", "c09", 55),
  pts("9b", "c09", 100, "2025-01-02"),
  pts("10", "c10", 50),
  amend("10x", "2024-07-01", "10", 0, { person: "c10" }),
  pts("11", "x99", 1000), // not assessed
];
const ledger = createLedger(entries);
const people: AnnualPerson[] = Array.from({ length: 10 }, (_, i) => ({ id: `c${String(i + 1).padStart(2, "0")}`, group: i % 2 === 0 ? "科员" : "科长" }));
const tiers = { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1 }] };

describe("annualResults (R13): account total → ranking → tiers", () => {
  it("sums each person's year, ranks and places them in tiers", () => {
    const r = annualResults(ledger, { year: "2024", people, tiers });
    expect(r.year).toBe("2024");
    expect(r.summaries.map((s) => [s.person, s.exact])).toEqual([
      ["c01", "95"],
      ["c02", "90"],
      ["c03", "85"],
      ["c04", "80"],
      ["c05", "75"],
      ["c06", "70"],
      ["c07", "65"],
      ["c08", "60"],
      ["c09", "55"],
      ["c10", "0"],
    ]);
    // 10 people: 好 ⌊0.2 × 10⌋ = 2, 差 ⌊0.1 × 10⌋ = 1.
    expect(r.tiers.placements.map((p) => `${p.subjectId} ${p.tier}`)).toEqual([
      "c01 好",
      "c02 好",
      "c03 中",
      "c04 中",
      "c05 中",
      "c06 中",
      "c07 中",
      "c08 中",
      "c09 中",
      "c10 差",
    ]);
    expect(r.ranking.entries.find((e) => e.subjectId === "c10")!.rank).toBe(10);
  });

  it("ranks within peer groups (R20)", () => {
    const r = annualResults(ledger, { year: "2024", people, tiers: { tiers: [{ name: "好", share: 0.4 }, { name: "中" }] }, rank: { groupBy: "group" } });
    // 科员: c01 c03 c05 c07 c09 → 好 ⌊0.4 × 5⌋ = 2; 科长: c02 c04 c06 c08 c10 → 2.
    expect(r.tiers.placements.filter((p) => p.tier === "好").map((p) => p.subjectId).sort()).toEqual(["c01", "c02", "c03", "c04"]);
    expect(r.ranking.entries.find((e) => e.subjectId === "c02")).toMatchObject({ peerGroup: "科长", rank: 1 });
  });

  it("gives people without entries 0 and leaves out people not listed", () => {
    const r = annualResults(ledger, { year: "2024", people: [{ id: "c01" }, { id: "new" }], tiers: { tiers: [{ name: "中" }] } });
    expect(r.summaries.map((s) => [s.person, s.exact, s.entries.length])).toEqual([
      ["c01", "95", 1],
      ["new", "0", 0],
    ]);
    expect(r.ranking.entries.map((e) => e.subjectId)).toEqual(["c01", "new"]);
  });

  it("respects asOf and components", () => {
    // Before c10's amendment, c10 has 50 and ties nobody.
    const early = annualResults(ledger, { year: "2024", people, tiers, asOf: "2024-06-30" });
    expect(early.summaries.find((s) => s.person === "c10")!.exact).toBe("50");
    expect(early.summaries[0]!.asOf).toBe("2024-06-30");
    const none = annualResults(ledger, { year: "2024", people: [{ id: "c01" }], tiers: { tiers: [{ name: "中" }] }, components: ["ability"] });
    expect(none.summaries[0]!.exact).toBe("0");
  });

  it("keeps a vetoed person out of 好 (R26), with the example tier policy", () => {
    const vetoes = partyBuildingVetoes({ 甲县: "差", 乙县: "好" }, { mainLeaders: { 甲县: "c01", 乙县: "c02" } });
    const withVetoes = people.map((p) => ({ ...p, vetoes: vetoes[p.id] ?? [] }));
    const r = annualResults(ledger, { year: "2024", people: withVetoes, tiers: annualTiersExample });
    // 好 is ⌊0.2 × 10⌋ = 2 places; c01 (vetoed) cannot take one, so c02 and c03 do. 差 is ⌊0.05 × 10⌋ = 0.
    expect(r.tiers.placements.filter((p) => p.tier === "好").map((p) => p.subjectId)).toEqual(["c02", "c03"]);
    const c01 = r.tiers.placements.find((p) => p.subjectId === "c01")!;
    expect(c01.tier).toBe("中");
    expect(c01.reason.excluded).toEqual([{ tier: "好", because: { kind: "vetoed", vetoes: [{ id: "party-building" }] } }]);
    expect(r.ranking.entries.find((e) => e.subjectId === "c01")!.vetoes).toEqual(["party-building"]);
  });

  it("does not depend on the order of people or entries (byte-identical JSON)", () => {
    const a = annualResults(ledger, { year: "2024", people, tiers, rank: { groupBy: "group" } });
    const b = annualResults(createLedger([...entries].reverse()), { year: "2024", people: [...people].reverse(), tiers, rank: { groupBy: "group" } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // Ties as well: everyone on 0.
    const tied = annualResults(createLedger([]), { year: "2024", people, tiers: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }], ties: "break" } });
    const tied2 = annualResults(createLedger([]), { year: "2024", people: [...people].reverse(), tiers: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }], ties: "break" } });
    expect(JSON.stringify(tied2)).toBe(JSON.stringify(tied));
  });

  it("refuses bad options with a JixiaoError naming the options' paths", () => {
    expect(brief(issuesOf(() => annualResults(ledger, { year: "24", people, tiers })))).toEqual(["invalid_type options.year"]);
    expect(brief(issuesOf(() => annualResults(ledger, { year: "2024", people: [{ id: "a" }, { id: "a" }], tiers })))).toEqual(["duplicate_id options.people.1.id"]);
    expect(brief(issuesOf(() => annualResults(ledger, { year: "2024", people: [{ id: "__proto__" }], tiers })))).toEqual(["invalid_option options.people.0.id"]);
    expect(brief(issuesOf(() => annualResults(ledger, { year: "2024", people, tiers, asOf: "2024-02-30" })))).toEqual(["invalid_value options.asOf"]);
    expect(brief(issuesOf(() => annualResults(ledger, { year: "2024", people, tiers, extra: 1 } as never)))).toEqual(["unknown_field options.extra"]);
    expect(brief(issuesOf(() => annualResults({ timeZone: "UTC", entries: [] } as never, { year: "2024", people, tiers })))).toEqual(["invalid_input ledger"]);
    expect(safeAnnualResults(ledger, { year: "24", people: [], tiers: { tiers: [{ name: "中" }] } }).success).toBe(false);
  });

  it("takes plainly valid people as they are and gives what the schema's reading gives; reports bad people with the other options", () => {
    const rich: AnnualPerson[] = people.map((p, i) => ({ ...p, name: `干部${i}`, attributes: { jobLevel: i % 3 === 0 ? "一级主任科员" : "科员", years: i, lead: i === 2 }, vetoes: i === 4 ? ["party-building"] : [] }));
    // A veto given as { id } is not plainly valid: the whole list takes the schema.
    const viaSchema = rich.map((p, i) => (i === 0 ? { ...p, vetoes: [{ id: "x", reason: "r" }] } : p));
    const options = { year: "2024", tiers, rank: { groupBy: "jobLevel" } };
    const plain = annualResults(ledger, { ...options, people: rich });
    const schema = annualResults(ledger, { ...options, people: viaSchema });
    expect(JSON.stringify(plain.tiers.placements.filter((x) => x.subjectId !== "c01"))).toBe(JSON.stringify(schema.tiers.placements.filter((x) => x.subjectId !== "c01")));
    expect(JSON.stringify(plain.ranking.entries.filter((x) => x.subjectId !== "c01"))).toBe(JSON.stringify(schema.ranking.entries.filter((x) => x.subjectId !== "c01")));
    // A person or attributes that are not plain objects take the schema, which reads them as any object.
    class Person {
      constructor(readonly id: string) {}
    }
    expect(annualResults(ledger, { year: "2024", people: [new Person("c01")], tiers }).summaries[0]!.person).toBe("c01");
    expect(annualResults(ledger, { year: "2024", people: [{ id: "c01", attributes: Object.assign(Object.create(null), { level: 1 }) }], tiers }).ranking.entries).toHaveLength(1);
    const bad = [{ id: "a", attributes: { level: Number.NaN } }, { id: "b", extra: 1 }, { id: "c", vetoes: [""] }] as never;
    expect(brief(issuesOf(() => annualResults(ledger, { year: "24", people: bad, tiers })))).toEqual([
      "invalid_type options.year",
      "invalid_number options.people.0.attributes.level",
      "unknown_field options.people.1.extra",
      "out_of_range options.people.2.vetoes.0",
    ]);
  });

  it("names the options' own paths for a bad tier policy, ranking or year", () => {
    const at = (fn: () => unknown) => issuesOf(fn).map((i) => i.path.join("."));
    expect(at(() => annualResults(ledger, { year: "2024", people, tiers: { tiers: [] } })).every((p) => p.startsWith("options.tiers"))).toBe(true);
    expect(at(() => annualResults(ledger, { year: "2024", people, tiers, rank: { groupBy: "" } })).every((p) => p.startsWith("options.rank"))).toBe(true);
    expect(at(() => annualResults(ledger, { year: "0999", people, tiers }))).toEqual(["options.year"]);
  });
});

describe("partyBuildingVetoes (R26)", () => {
  it("vetoes a unit rated 差 and its main leader, sorted by id", () => {
    expect(partyBuildingVetoes({ 甲县: "差", 乙县: "好" }, { mainLeaders: { 甲县: "L001" }, locale: "en" })).toEqual({
      L001: [{ id: "party-building", reason: "main leader of 甲县, whose party-building rating is 差 (R26)" }],
      甲县: [{ id: "party-building", reason: "party-building rating 差 (R26)" }],
    });
    expect(partyBuildingVetoes({ 甲县: "好" })).toEqual({});
    expect(partyBuildingVetoes({ A: "poor", B: "poor" }, { poor: "poor", vetoId: "pb", mainLeaders: { A: "L", B: "L" }, locale: "en" })).toEqual({
      A: [{ id: "pb", reason: "party-building rating poor (R26)" }],
      B: [{ id: "pb", reason: "party-building rating poor (R26)" }],
      L: [
        { id: "pb", reason: "main leader of A, whose party-building rating is poor (R26)" },
        { id: "pb", reason: "main leader of B, whose party-building rating is poor (R26)" },
      ],
    });
  });

  it("words the reasons in Chinese by default, naming the unit where a name is given", () => {
    expect(partyBuildingVetoes({ 甲县: "差", 乙县: "好" }, { mainLeaders: { 甲县: "L001" } })).toEqual({
      L001: [{ id: "party-building", reason: "甲县主要负责人，该单位党建考核等次为「差」（R26）" }],
      甲县: [{ id: "party-building", reason: "党建考核等次为「差」（R26）" }],
    });
    const named = { mainLeaders: { A01: "L001" }, names: { A01: "征管股党支部", B02: "纳服股党支部" } };
    expect(partyBuildingVetoes({ A01: "差", B02: "好" }, named).L001).toEqual([{ id: "party-building", reason: "征管股党支部主要负责人，该单位党建考核等次为「差」（R26）" }]);
    expect(partyBuildingVetoes({ A01: "差" }, { ...named, locale: "en" }).L001).toEqual([
      { id: "party-building", reason: "main leader of 征管股党支部, whose party-building rating is 差 (R26)" },
    ]);
    // A name is looked up as the unit's own: an inherited key names nothing.
    expect(partyBuildingVetoes({ toString: "差" }, { mainLeaders: { toString: "L" }, names: {} }).L).toEqual([
      { id: "party-building", reason: "toString主要负责人，该单位党建考核等次为「差」（R26）" },
    ]);
    // The reasons pass the annual result's check of a person's vetoes.
    expect(() => annualResults(createLedger([]), { year: "2024", people: [{ id: "L001", vetoes: partyBuildingVetoes({ A01: "差" }, named).L001! }], tiers: { tiers: [{ name: "中" }] } })).not.toThrow();
  });

  it("refuses bad ratings and options", () => {
    expect(brief(issuesOf(() => partyBuildingVetoes({ A: "差" }, { locale: "fr" } as never)))).toEqual(["invalid_option options.locale"]);
    expect(brief(issuesOf(() => partyBuildingVetoes({ A: "差" }, { names: { A: "" } })))).toEqual(["out_of_range options.names.A"]);
    expect(brief(issuesOf(() => partyBuildingVetoes(JSON.parse('{"__proto__": "差"}') as Record<string, string>)))).toEqual(["reserved_key ratings.__proto__"]);
    expect(brief(issuesOf(() => partyBuildingVetoes({ A: 1 } as never)))).toEqual(["invalid_type ratings.A"]);
    expect(brief(issuesOf(() => partyBuildingVetoes({ A: "差" }, { poor: "" })))).toEqual(["out_of_range options.poor"]);
    expect(brief(issuesOf(() => partyBuildingVetoes({ A: "差" }, { leaders: {} } as never)))).toEqual(["unknown_field options.leaders"]);
  });
});

describe("annualResults with the year made from its months (aggregate)", () => {
  // c001: January 90, February 80 (on leave in March); c002: 88, 86, 84.
  const months = createLedger([
    { id: "a1", person: "c001", date: "2024-01-31", component: "everyday", points: 90, source: "m" },
    { id: "a2", person: "c001", date: "2024-02-29", component: "everyday", points: 80, source: "m" },
    { id: "a3", person: "c001", date: "2024-02-10", component: "bonus", points: 1, source: "m" },
    { id: "b1", person: "c002", date: "2024-01-31", component: "everyday", points: 88, source: "m" },
    { id: "b2", person: "c002", date: "2024-02-29", component: "everyday", points: 86, source: "m" },
    { id: "b3", person: "c002", date: "2024-03-31", component: "everyday", points: 84, source: "m" },
  ]);
  const base = { year: "2024", people: [{ id: "c001" }, { id: "c002" }], tiers: { tiers: [{ name: "好", share: 0.5 }, { name: "中" }] } };

  it("ranks the sum of the entries by default, and the months' mean with a mean policy", () => {
    const sums = annualResults(months, base);
    expect(sums.aggregates).toBeUndefined();
    expect(sums.summaries.map((s) => [s.person, s.exact])).toEqual([["c001", "171"], ["c002", "258"]]);
    const means = annualResults(months, { ...base, aggregate: { rule: "mean", missing: "skip" } });
    // c001: (90 + 81) ÷ 2 = 85.5 (February holds the bonus too); c002: (88 + 86 + 84) ÷ 3 = 86.
    expect(means.aggregates!.map((a) => [a.person, a.exact])).toEqual([["c001", "85.5"], ["c002", "86"]]);
    expect(means.aggregates![0]!.parts.map((p) => p.counted)).toEqual(["90", "81", null, null, null, null, null, null, null, null, null, null]);
    expect(means.tiers.placements.map((p) => [p.subjectId, p.tier])).toEqual([["c002", "好"], ["c001", "中"]]);
    // Quarters, missing counted as 0: c001 (171 + 0 + 0 + 0) ÷ 4.
    const quarters = annualResults(months, { ...base, aggregate: { of: "quarter", rule: "mean", missing: "zero" } });
    expect(quarters.aggregates!.map((a) => a.exact)).toEqual(["42.75", "64.5"]);
  });

  it("says whose year cannot be made, under the option's path", () => {
    const none = createLedger([{ id: "x", person: "c009", date: "2024-05-01", component: "everyday", points: 1, source: "m" }]);
    // A person's period problem is at the person, options.people[i]: c001 has no second half.
    expect(brief(issuesOf(() => annualResults(months, { ...base, aggregate: { of: "half", rule: "mean", missing: "error" } })))).toEqual(["missing_value options.people.0"]);
    expect(brief(issuesOf(() => annualResults(months, { ...base, people: [{ id: "c002" }, { id: "c001" }], aggregate: { rule: "mean", missing: "error" } })))[0]).toBe(
      "missing_value options.people.1",
    );
    // A problem of the policy is at its place in the options, once, whoever is assessed.
    expect(brief(issuesOf(() => annualResults(months, { ...base, aggregate: { rule: "weighted", missing: "skip" } as never })))).toEqual(["invalid_rule options.aggregate.weights"]);
    expect(brief(issuesOf(() => annualResults(months, { ...base, people: [], aggregate: { rule: "weighted", missing: "skip" } as never })))).toEqual(["invalid_rule options.aggregate.weights"]);
    // One that shows with the year's periods is at the policy's field too; one of the person's periods is at the person.
    expect(issuesOf(() => annualResults(months, { ...base, aggregate: { rule: "weighted", weights: [1, 1], missing: "skip" } })).map((i) => i.message)).toEqual([
      "options.aggregate.weights: gives 2 weights, but 2024 has 12 month periods",
    ]);
    const one = issuesOf(() => annualResults(months, { ...base, aggregate: { of: "half", rule: "mean", missing: "error" } }))[0]!;
    expect(one.message).toBe("options.people[0]: 2024-H2 has no score, and the policy allows none to be missing");
    expect(formatIssue(one)).toBe("options.people[0]：2024-H2 没有得分，而办法规定不得缺期（missing: \"error\"）");
    // A person listed without entries has 0, whatever the rule and missing say; nobody else is stopped.
    expect(annualResults(none, { ...base, aggregate: { rule: "mean", missing: "skip" } }).aggregates!.map((a) => [a.person, a.exact])).toEqual([
      ["c001", "0"],
      ["c002", "0"],
    ]);
  });

  it("gives a listed person without entries 0 with every rule and missing option", () => {
    const people = [...base.people, { id: "p9" }];
    const rules = [
      { rule: "sum" },
      { rule: "mean" },
      { rule: "weighted", weights: [1, 1, 2, 2] },
    ] as const;
    for (const r of rules)
      for (const missing of ["skip", "zero", "error", { fill: 60 }] as const) {
        const policy = { of: "quarter", ...r, missing, cap: { min: 10 } } as const;
        const result = safeAnnualResults(months, { ...base, people, aggregate: policy });
        // A policy under which the others' years cannot be made (missing quarters) fails at them, never at p9.
        if (!result.success) {
          expect(result.issues.every((i) => i.path[2] !== 2), JSON.stringify([r, missing])).toBe(true);
          continue;
        }
        const p9 = result.output.aggregates!.find((a) => a.person === "p9")!;
        expect([p9.exact, p9.score, p9.parts.every((p) => p.score === null && p.counted === null)], JSON.stringify([r, missing])).toEqual(["0", 0, true]);
        expect(p9.trace).toEqual([{ at: "period", rule: "noEntries", values: {}, result: "0" }]);
        expect(result.output.summaries.find((s) => s.person === "p9")!.exact).toBe("0");
      }
    // The reproduction: a quarter-mean with skip made nobody's result before; now p9 is 0 and ranked last.
    const r = annualResults(months, { ...base, people, aggregate: { of: "quarter", rule: "mean", missing: "skip" } });
    expect(r.aggregates!.map((a) => [a.person, a.exact])).toEqual([["c001", "171"], ["c002", "258"], ["p9", "0"]]);
    expect(r.ranking.entries.map((e) => e.subjectId)).toEqual(["c002", "c001", "p9"]);
  });

  it("reports a bad policy at its own field, whoever is listed", () => {
    const people = [{ id: "p1" }, ...base.people];
    const issues = issuesOf(() => annualResults(months, { ...base, people, aggregate: { of: "quarter", rule: "weighted", weights: [1, 1], missing: "skip" } }));
    expect(issues.map((i) => [i.path, i.message])).toEqual([[["options", "aggregate", "weights"], "options.aggregate.weights: gives 2 weights, but 2024 has 4 quarter periods"]]);
    expect(brief(issuesOf(() => annualResults(months, { ...base, aggregate: { of: "year", rule: "sum", missing: "skip" } as never })))).toEqual(["invalid_option options.aggregate.of"]);
  });
});
