import { describe, expect, it } from "vitest";
import {
  accountSeries,
  aggregatePeriods,
  annualResults,
  applySpecialAssessments,
  createLedger,
  linkOrganizations,
  linkPeople,
  occupationalFoundation,
  type PeopleLinkPolicy,
} from "../../src/index.js";
import { brief, entry, issuesOf } from "./fixtures.js";

// The branches of the personnel module the other tests leave out, each with the behaviour it is for.

const ledger = createLedger([entry("e1", "2024-01-05", 3), entry("e2", "2024-01-06", 2, { person: "c002" })]);

describe("accountSeries", () => {
  it("gives a person without entries a zero for every period", () => {
    expect(accountSeries(ledger, "c009", { kind: "month", from: "2024-01", to: "2024-02" }).map((s) => [s.person, s.period, s.exact, s.total, s.entries])).toEqual([
      ["c009", "2024-01", "0", 0, []],
      ["c009", "2024-02", "0", 0, []],
    ]);
    expect(accountSeries(ledger, "c001", { kind: "month", from: "2024-01", to: "2024-02" }).map((s) => [s.period, s.exact, s.entries.map((e) => e.id)])).toEqual([
      ["2024-01", "3", ["e1"]],
      ["2024-02", "0", []],
    ]);
  });
});

describe("aggregatePeriods", () => {
  it("makes an ISO week of its days", () => {
    const result = aggregatePeriods([{ period: "2024-01-01", score: 3 }, { period: "2024-01-03", score: "4.5" }], "2024-W01", { of: "day", rule: "sum", missing: "skip" });
    expect([result.period, result.exact, result.score]).toEqual(["2024-W01", "7.5", 7.5]);
    expect(result.parts.map((p) => [p.period, p.counted])).toEqual([
      ["2024-01-01", "3"],
      ["2024-01-02", null],
      ["2024-01-03", "4.5"],
      ["2024-01-04", null],
      ["2024-01-05", null],
      ["2024-01-06", null],
      ["2024-01-07", null],
    ]);
    // A week is not made of weeks, nor of months.
    expect(brief(issuesOf(() => aggregatePeriods([], "2024-W01", { of: "week", rule: "sum", missing: "skip" })))).toEqual(["invalid_option policy.of"]);
    expect(brief(issuesOf(() => aggregatePeriods([], "2024-W01", { of: "month", rule: "sum", missing: "skip" })))).toEqual(["invalid_option policy.of"]);
  });
});

describe("annualResults", () => {
  const tiers = { tiers: [{ name: "好", share: 0.5 }, { name: "中" }], vetoTier: "中" };

  it("carries a person's name and attributes to the ranking, and a veto given by id sends them to the veto tier", () => {
    const result = annualResults(ledger, {
      year: "2024",
      people: [{ id: "c001", name: "张三", attributes: { dept: "征管" }, vetoes: ["party-building"] }, { id: "c002", vetoes: [{ id: "yellow", reason: "黄牌" }] }, { id: "c003" }],
      tiers,
    });
    expect(result.ranking.entries.map((e) => [e.subjectId, e.name, e.attributes, e.score, e.rank, e.vetoes])).toEqual([
      ["c001", "张三", { dept: "征管" }, 3, 1, ["party-building"]],
      ["c002", undefined, undefined, 2, 2, ["yellow"]],
      ["c003", undefined, undefined, 0, 3, []],
    ]);
    expect(result.tiers.placements.map((p) => [p.subjectId, p.tier, p.reason.rule])).toEqual([
      ["c001", "中", "veto"],
      ["c002", "中", "veto"],
      ["c003", "好", "quota"],
    ]);
  });

  it("places a ranking problem of a person under options.people", () => {
    const issues = issuesOf(() => annualResults(ledger, { year: "2024", people: [{ id: "c001", attributes: { dept: "征管" } }, { id: "c002" }], rank: { groupBy: "dept" }, tiers }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["unknown_field", ["options", "people", 1, "attributes"]]]);
    expect(issues[0]!.message).toMatch(/^options\.people\[1\]\.attributes: has no "dept" to group by/);
  });

  it("places a problem the tiers find in their policy under options.tiers", () => {
    const issues = issuesOf(() => annualResults(ledger, { year: "2024", people: [{ id: "c001" }, { id: "c002" }], rank: { order: "asc" }, tiers: { tiers: [{ name: "好", min: 2 }, { name: "中" }] } }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["invalid_rule", ["options", "tiers", "tiers", 0, "min"]]]);
    expect(issues[0]!.message).toBe(
      "options.tiers.tiers[0].min: is a lowest score to reach, but the ranking puts lower scores first (order asc); rank with order desc or use shares",
    );
  });
});

describe("occupationalFoundation", () => {
  it("counts a weight beyond ±10^18 as 0 in the sum it checks, besides reporting the weight", () => {
    const alone = issuesOf(() => occupationalFoundation([{ year: 2023, score: 90 }], 2023, { weights: [1e19], missing: "error" }));
    expect(alone.map((i) => [i.code, i.path, i.message])).toEqual([
      ["invalid_number", ["policy", "weights", 0], "policy.weights[0]: must be a finite decimal within ±10^18, not 10000000000000000000"],
      ["invalid_rule", ["policy", "weights"], "policy.weights: add up to 0, not 1"],
    ]);
    // The other weights add up to 1: only the bad weight is reported.
    expect(brief(issuesOf(() => occupationalFoundation([{ year: 2023, score: 90 }], 2023, { weights: [1e19, 1], missing: "error" })))).toEqual(["invalid_number policy.weights.0"]);
  });
});

describe("createLedger: the shape of an entry", () => {
  it("refuses points with more than 10 decimals", () => {
    expect(createLedger([entry("e1", "2024-01-05", "0.1234567891")]).entries[0]!.points).toBe("0.1234567891");
    const issues = issuesOf(() => createLedger([entry("e1", "2024-01-05", "0.12345678901")]));
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([["out_of_range", ["entries", 0, "points"], "entries[0].points (分值): may have at most 10 decimals"]]);
  });

  it("refuses a correction without an action", () => {
    const issues = issuesOf(() => createLedger([entry("e1", "2024-01-05", 1), { id: "c1", person: "c001", date: "2024-01-06", corrects: "e1", points: 2, source: "复核" }]));
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([["invalid_rule", ["entries", 1, "action"], "entries[1].action: is required with `corrects`: reverse or amend"]]);
  });

  it("checks a reference or note the quick check does not take", () => {
    expect(brief(issuesOf(() => createLedger([entry("e1", "2024-01-05", 1, { reference: "" })])))).toEqual(["out_of_range entries.0.reference"]);
    expect(brief(issuesOf(() => createLedger([entry("e1", "2024-01-05", 1, { note: 5 as never })])))).toEqual(["invalid_type entries.0.note"]);
    expect(brief(issuesOf(() => createLedger([entry("e1", "2024-01-05", 1, { reference: "文号", note: "x".repeat(2001) })])))).toEqual(["out_of_range entries.0.note"]);
    // An empty note is a note.
    expect(createLedger([entry("e1", "2024-01-05", 1, { reference: "税务〔2024〕1号", note: "" })]).entries[0]).toEqual({ ...entry("e1", "2024-01-05", 1), reference: "税务〔2024〕1号", note: "" });
  });
});

describe("linkOrganizations: bounds with one side", () => {
  const results = [{ subjectId: "a", total: 96 }, { subjectId: "b", total: 90 }, { subjectId: "c", total: 84 }];

  it("clamps at max alone, tracing min as none", () => {
    const links = linkOrganizations(results, { method: { type: "proportional", full: 100 }, bounds: { max: 98 } });
    expect(links.map((o) => [o.id, o.exact])).toEqual([["a", "98"], ["b", "93.75"], ["c", "87.5"]]);
    expect(links[0]!.trace.at(-1)).toEqual({ at: "linked", rule: "clamp", values: { value: "100", min: "none", max: "98" }, result: "98" });
    expect(links[1]!.trace.map((t) => t.rule)).toEqual(["proportional"]);
  });

  it("clamps at min alone, tracing max as none", () => {
    const links = linkOrganizations(results, { method: { type: "proportional", full: 100 }, bounds: { min: 90 } });
    expect(links.map((o) => [o.id, o.exact])).toEqual([["a", "100"], ["b", "93.75"], ["c", "90"]]);
    expect(links[2]!.trace.at(-1)).toEqual({ at: "linked", rule: "clamp", values: { value: "87.5", min: "90", max: "none" }, result: "90" });
  });
});

describe("linkPeople", () => {
  const policy: PeopleLinkPolicy = { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 0.5, departments: 0.3, contacts: 0.2 } };

  it("takes a weight written as undefined as left out", () => {
    const [p] = linkPeople([{ id: "p", unit: "u", department: "d" }], { u: 90, d: 80 }, { staff: { unit: 1, department: undefined } as never, leader: { unit: 1 } });
    expect([p!.exact, p!.parts.map((x) => [x.part, x.weight, x.mean])]).toEqual(["90", [["unit", "1", "90"], ["department", "0", "80"]]]);
  });

  it("counts a weight beyond ±10^18 as 0 in the sum it reports", () => {
    const issues = issuesOf(() => linkPeople([{ id: "p", unit: "u" }], { u: 90 }, { staff: { unit: 1e19 }, leader: { unit: 1 } }));
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ["invalid_number", ["policy", "staff", "unit"], "policy.staff.unit: must be a finite decimal within ±10^18, not 10000000000000000000"],
      ["invalid_rule", ["policy", "staff"], "policy.staff: weights add up to 0, not 1"],
    ]);
  });

  it("gives a leader with contact points but no supervised departments the unit and the contacts, reweighted", () => {
    const [p] = linkPeople([{ id: "L", unit: "u", leader: { contacts: ["c1", "c2"] } }], { u: 90, c1: 80, c2: 70 }, policy);
    // (90 × 0.5 + 75 × 0.2) ÷ 0.7 = 60 ÷ 0.7
    expect(p!.exact).toBe("85.71428571428571428571428571428571428571");
    expect(p!.parts.map((x) => [x.part, x.weight, x.mean])).toEqual([["unit", "0.5", "90"], ["contacts", "0.2", "75"]]);
    expect(p!.trace.at(-1)).toEqual({ at: "linked", rule: "weighted", values: { unit: "90 × 0.5", contacts: "75 × 0.2", "÷ weights": "0.7" }, result: "85.71428571428571428571428571428571428571" });
  });

  it("refuses an organization a person lists twice", () => {
    const issues = issuesOf(() => linkPeople([{ id: "L", unit: "u", leader: { departments: ["d", "e", "d"] } }], { u: 90, d: 80, e: 70 }, policy));
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([["duplicate_id", ["people", 0, "leader", "departments", 2], 'people[0].leader.departments[2]: "d" is listed twice']]);
  });

  it("gives a part the policy leaves out the weight 0", () => {
    const links = linkPeople([{ id: "p", unit: "u", department: "d" }, { id: "L", unit: "u", leader: { departments: ["d"], contacts: ["c"] } }], { u: 90, d: 80, c: 70 }, { staff: { unit: 1 }, leader: { unit: 1 } });
    expect(links.map((p) => [p.person, p.role, p.exact, p.parts.map((x) => [x.part, x.weight])])).toEqual([
      ["L", "leader", "90", [["unit", "1"], ["departments", "0"], ["contacts", "0"]]],
      ["p", "staff", "90", [["unit", "1"], ["department", "0"]]],
    ]);
  });
});

describe("applySpecialAssessments with a max", () => {
  const specials = [{ id: "征管专项", weight: 0.5, results: { 甲县: 110 }, members: [{ person: "c001", organization: "甲县" }, { person: "c002", organization: "甲县" }] }];

  it("caps a new score above max, with a clamp line; a score at or below it is left as it is", () => {
    const out = applySpecialAssessments({ c001: 90, c002: 45, c003: 100 }, specials, { mode: "add", max: 100 });
    expect(out.map((r) => [r.person, r.exact, r.score])).toEqual([["c001", "100", 100], ["c002", "100", 100], ["c003", "100", 100]]);
    expect(out[0]!.trace).toEqual([
      { at: "special", rule: "add", values: { personal: "90 × 1", 征管专项: "110 × 0.5" }, result: "145" },
      { at: "special", rule: "clamp", values: { value: "145", max: "100" }, result: "100" },
    ]);
    // 45 + 55 = 100 exactly: not above max, no clamp.
    expect(out[1]!.trace.map((t) => t.rule)).toEqual(["add"]);
    expect(out[2]!.trace.map((t) => t.rule)).toEqual(["add"]);
  });

  it("leaves every score as it is without a max", () => {
    const out = applySpecialAssessments({ c001: 90 }, specials.map((s) => ({ ...s, members: s.members.slice(0, 1) })), { mode: "add" });
    expect(out.map((r) => [r.person, r.exact, r.trace.length])).toEqual([["c001", "145", 1]]);
  });
});
