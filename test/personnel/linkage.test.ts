import { describe, expect, it } from "vitest";
import {
  applySpecialAssessments,
  defineEverydayPerformance,
  everydayExample,
  linkOrganizations,
  linkPeople,
  safeLinkOrganizations,
  score,
  type LinkedPerson,
  type PeopleLinkPolicy,
  type Rankable,
  type SpecialAssessment,
} from "../../src/index.js";
import { brief, issuesOf, messageOf } from "./fixtures.js";

const departments: Rankable[] = [
  { subjectId: "征管科", total: 96 },
  { subjectId: "办公室", total: 90 },
  { subjectId: "法制股", total: 84 },
];

describe("linkOrganizations (R14): an organization's result becomes linked points", () => {
  it("by a rank → points table", () => {
    const links = linkOrganizations(departments, { method: { type: "table", table: [{ upTo: 1, points: 100 }, { upTo: 2, points: 95 }], rest: 90 } });
    expect(links.map((o) => [o.id, o.rank, o.exact, o.linked])).toEqual([
      ["办公室", 2, "95", 95],
      ["征管科", 1, "100", 100],
      ["法制股", 3, "90", 90],
    ]);
    expect(links[0]).toMatchObject({ peerGroup: null, score: "90" });
    expect(links[0]!.trace).toEqual([{ at: "linked", rule: "table", values: { rank: "2", row: "up to 2" }, result: "95" }]);
    expect(links[2]!.trace[0]!.values.row).toBe("rest");
  });

  it("ties share a rank and a table row", () => {
    const tied = linkOrganizations(
      [
        { subjectId: "A", total: 90 },
        { subjectId: "B", total: "90.0" },
        { subjectId: "C", total: 80 },
      ],
      { method: { type: "table", table: [{ upTo: 1, points: 100 }, { upTo: 2, points: 95 }], rest: 90 } },
    );
    expect(tied.map((o) => [o.id, o.rank, o.exact])).toEqual([
      ["A", 1, "100"],
      ["B", 1, "100"],
      ["C", 3, "90"],
    ]);
  });

  it("proportionally to the best, or to a fixed base", () => {
    // 96 → 100; 90 ÷ 96 × 100 = 93.75; 84 ÷ 96 × 100 = 87.5
    expect(linkOrganizations(departments, { method: { type: "proportional", full: 100 } }).map((o) => o.exact)).toEqual(["93.75", "100", "87.5"]);
    // Base 100, full 30: 90 → 27, 96 → 28.8, 84 → 25.2
    expect(linkOrganizations(departments, { method: { type: "proportional", full: 30, base: 100 } }).map((o) => o.exact)).toEqual(["27", "28.8", "25.2"]);
    const trace = linkOrganizations(departments, { method: { type: "proportional", full: 100 } })[0]!.trace;
    expect(trace).toEqual([{ at: "linked", rule: "proportional", values: { score: "90", base: "96", full: "100" }, result: "93.75" }]);
    // A group whose best is 0 or below has nothing to be proportional to.
    expect(linkOrganizations([{ subjectId: "A", total: 0 }, { subjectId: "B", total: -5 }], { method: { type: "proportional", full: 100 } }).map((o) => o.exact)).toEqual(["0", "0"]);
  });

  it("multiplies before it divides: score 1 of base 3 for a full 3 is exactly 1", () => {
    const results: Rankable[] = [
      { subjectId: "A", total: 1 },
      { subjectId: "B", total: 3 },
    ];
    // Rounded down to 2 decimals: 1, not 0.99 (1 ÷ 3 × 3 = 0.999…9 would round down to 0.99).
    const down = linkOrganizations(results, { method: { type: "proportional", full: 3, base: 3 }, rounding: { decimals: 2, mode: "down" } });
    expect(down.map((o) => [o.id, o.exact, o.linked])).toEqual([
      ["A", "1", 1],
      ["B", "3", 3],
    ]);
    // Without rounding the exact text agrees with the number shown.
    const plain = linkOrganizations(results, { method: { type: "proportional", full: 3, base: 3 } });
    expect(plain.map((o) => [o.id, o.exact, o.linked])).toEqual([
      ["A", "1", 1],
      ["B", "3", 3],
    ]);
    expect(plain[0]!.trace).toEqual([{ at: "linked", rule: "proportional", values: { score: "1", base: "3", full: "3" }, result: "1" }]);
    // Relative to the best (3) as well; a share that does not terminate keeps 40 digits.
    expect(linkOrganizations(results, { method: { type: "proportional", full: 3 } })[0]!.exact).toBe("1");
    expect(linkOrganizations(results, { method: { type: "proportional", full: 2 } })[0]!.exact).toBe("0.6666666666666666666666666666666666666667");
  });

  it("as a standard score within the group, rounded", () => {
    // Scores 90, 80, 70: mean 80, population sd √(200 ÷ 3) = 8.16496…; 80 ± 10 × 10 ÷ 8.16496… = 80 ± 12.2474… → 92.25, 80, 67.75
    const links = linkOrganizations(
      [
        { subjectId: "A", total: 90 },
        { subjectId: "B", total: 80 },
        { subjectId: "C", total: 70 },
      ],
      { method: { type: "standard", mean: 80, spread: 10 }, rounding: { decimals: 2, mode: "half-up" } },
    );
    expect(links.map((o) => o.exact)).toEqual(["92.25", "80", "67.75"]);
    expect(links[0]!.trace.map((t) => t.rule)).toEqual(["standard", "round"]);
    expect(links[0]!.trace[0]!.values).toMatchObject({ "group mean": "80", mean: "80", spread: "10" });
    // All equal: everyone gets the mean.
    expect(
      linkOrganizations(
        [
          { subjectId: "A", total: 85 },
          { subjectId: "B", total: 85 },
        ],
        { method: { type: "standard", mean: 80, spread: 10 }, rounding: { decimals: 2, mode: "half-up" } },
      ).map((o) => o.exact),
    ).toEqual(["80", "80"]);
  });

  it("within peer groups (R6), and within bounds", () => {
    const units: Rankable[] = [
      { subjectId: "甲市", total: 90, group: "city" },
      { subjectId: "乙市", total: 72, group: "city" },
      { subjectId: "丙县", total: 60, group: "county" },
      { subjectId: "丁县", total: 48, group: "county" },
    ];
    const links = linkOrganizations(units, { method: { type: "proportional", full: 100 }, groupBy: "group" });
    expect(links.map((o) => [o.id, o.peerGroup, o.rank, o.exact])).toEqual([
      ["丁县", "county", 2, "80"],
      ["丙县", "county", 1, "100"],
      ["乙市", "city", 2, "80"],
      ["甲市", "city", 1, "100"],
    ]);
    const bounded = linkOrganizations(units, { method: { type: "proportional", full: 100, base: 80 }, bounds: { min: 70, max: 105 } });
    // 90 ÷ 80 × 100 = 112.5 → 105; 72 → 90; 60 → 75; 48 → 60 → 70
    expect(bounded.map((o) => [o.id, o.exact])).toEqual([
      ["丁县", "70"],
      ["丙县", "75"],
      ["乙市", "90"],
      ["甲市", "105"],
    ]);
    expect(bounded[3]!.trace.at(-1)).toEqual({ at: "linked", rule: "clamp", values: { value: "112.5", min: "70", max: "105" }, result: "105" });
  });

  it("accepts score results and gives nothing for nothing", () => {
    const everyday = defineEverydayPerformance(everydayExample);
    const r = score(everyday, { id: "征管科", values: { org: 92, personal: 88, leader: 90, actual: 95 } });
    expect(linkOrganizations([r], { method: { type: "proportional", full: 100 } })[0]!.exact).toBe("100");
    expect(linkOrganizations([], { method: { type: "proportional", full: 100 } })).toEqual([]);
  });

  it("refuses a bad policy, listing every problem", () => {
    expect(brief(issuesOf(() => linkOrganizations(departments, { method: { type: "standard", mean: 80, spread: 10 } })))).toEqual(["required policy.rounding"]);
    expect(
      brief(issuesOf(() => linkOrganizations(departments, { method: { type: "table", table: [{ upTo: 2, points: 1 }, { upTo: 2, points: 1 }], rest: 0 }, bounds: { min: 5, max: 1 } }))),
    ).toEqual(["invalid_rule policy.method.table.1.upTo", "invalid_rule policy.bounds.min"]);
    expect(brief(issuesOf(() => linkOrganizations(departments, { method: { type: "nope" } } as never)))).toEqual(["invalid_option policy.method.type"]);
    expect(brief(issuesOf(() => linkOrganizations(departments, { method: { type: "proportional", full: 0 } })))).toEqual(["out_of_range policy.method.full"]);
    expect(brief(issuesOf(() => linkOrganizations(departments, { method: { type: "proportional", full: Number.NaN } })))).toEqual(["invalid_number policy.method.full"]);
    expect(brief(issuesOf(() => linkOrganizations(departments, { method: { type: "table", table: [{ upTo: 0.5, points: 1 }], rest: 0 } })))[0]).toMatch(/policy\.method\.table\.0\.upTo$/);
    expect(safeLinkOrganizations(departments, { method: { type: "standard", mean: 80, spread: 10 } }).success).toBe(false);
  });

  it("refuses bad results at the results' path", () => {
    expect(brief(issuesOf(() => linkOrganizations([{ subjectId: "A", total: Number.NaN }], { method: { type: "proportional", full: 100 } })))).toEqual(["invalid_number results.0.total"]);
    expect(
      brief(
        issuesOf(() =>
          linkOrganizations(
            [
              { subjectId: "A", total: 1 },
              { subjectId: "A", total: 2 },
            ],
            { method: { type: "proportional", full: 100 } },
          ),
        ),
      ),
    ).toEqual(["duplicate_id results.1.subjectId"]);
  });

  it("refuses bad results with a JixiaoError", () => {
    expect(issuesOf(() => linkOrganizations([{ subjectId: "A", total: Number.NaN }], { method: { type: "proportional", full: 100 } }))).toHaveLength(1);
    expect(issuesOf(() => linkOrganizations(null as never, { method: { type: "proportional", full: 100 } }))).toHaveLength(1);
  });
});

// The hand-worked case of R14: a county bureau 甲县 (92), its departments 征管科 (96) and 纳税服务科 (88), and its
// grassroots branch 乙所 (85).
const linked = { 甲县: 92, 征管科: 96, 纳税服务科: 88, 乙所: "85" };
const policy: PeopleLinkPolicy = { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 0.5, departments: 0.3, contacts: 0.2 } };
const people: LinkedPerson[] = [
  { id: "L01", unit: "甲县", leader: { departments: ["征管科", "纳税服务科"], contacts: ["乙所"] } },
  { id: "c001", unit: "甲县", department: "征管科" },
  { id: "c002", unit: "甲县" },
  { id: "L02", unit: "甲县", leader: { departments: ["征管科"] } },
];

describe("linkPeople (R14): staff and leadership-team members", () => {
  it("links a leader to the unit, two supervised departments and a contact point", () => {
    // 0.5 × 92 + 0.3 × (96 + 88) ÷ 2 + 0.2 × 85 = 46 + 27.6 + 17 = 90.6
    const [leader] = linkPeople([people[0]!], linked, policy);
    expect(leader).toMatchObject({ person: "L01", role: "leader", linked: 90.6, exact: "90.6" });
    expect(leader!.parts).toEqual([
      { part: "unit", weight: "0.5", mean: "92", members: [{ id: "甲县", score: "92" }] },
      {
        part: "departments",
        weight: "0.3",
        mean: "92",
        members: [
          { id: "征管科", score: "96" },
          { id: "纳税服务科", score: "88" },
        ],
      },
      { part: "contacts", weight: "0.2", mean: "85", members: [{ id: "乙所", score: "85" }] },
    ]);
    expect(leader!.trace.at(-1)).toEqual({ at: "linked", rule: "weighted", values: { unit: "92 × 0.5", departments: "92 × 0.3", contacts: "85 × 0.2" }, result: "90.6" });
  });

  it("links staff to the unit and department, and scales the weights of the parts a person has", () => {
    const all = linkPeople(people, linked, policy);
    expect(all.map((p) => [p.person, p.role, p.exact])).toEqual([
      // L01 as above; L02 has no contact points: (0.5 × 92 + 0.3 × 96) ÷ 0.8 = (46 + 28.8) ÷ 0.8 = 93.5
      ["L01", "leader", "90.6"],
      ["L02", "leader", "93.5"],
      // 0.4 × 92 + 0.6 × 96 = 36.8 + 57.6 = 94.4
      ["c001", "staff", "94.4"],
      // no department: the unit alone
      ["c002", "staff", "92"],
    ]);
    expect(all[1]!.trace.at(-1)!.values["÷ weights"]).toBe("0.8");
  });

  it("takes the linked points straight from linkOrganizations", () => {
    const orgs = linkOrganizations(
      [
        { subjectId: "征管科", total: 96 },
        { subjectId: "纳税服务科", total: 88 },
      ],
      { method: { type: "proportional", full: 100 } },
    );
    const points = { ...Object.fromEntries(orgs.map((o) => [o.id, o.exact])), 甲县: 92, 乙所: 85 };
    // departments: (100 + 88 ÷ 96 × 100) ÷ 2 = (100 + 91.666…) ÷ 2 = 95.833…; 46 + 0.3 × 95.833… + 17 = 91.75
    expect(linkPeople([people[0]!], points, { ...policy, rounding: { decimals: 2, mode: "half-up" } })[0]!.exact).toBe("91.75");
  });

  it("does not depend on the order of people", () => {
    expect(JSON.stringify(linkPeople([...people].reverse(), linked, policy))).toBe(JSON.stringify(linkPeople(people, linked, policy)));
  });

  it("lists every person whose organizations have no points", () => {
    const issues = issuesOf(() =>
      linkPeople(
        [
          { id: "a", unit: "甲县" },
          { id: "b", unit: "X", department: "D" },
          { id: "c", unit: "甲县", leader: { departments: ["D"], contacts: ["K"] } },
        ],
        linked,
        policy,
      ),
    );
    expect(brief(issues)).toEqual(["missing_value people.1.unit", "missing_value people.1.department", "missing_value people.2.leader.departments.0", "missing_value people.2.leader.contacts.0"]);
    expect(messageOf(() => linkPeople([{ id: "b", unit: "X" }], linked, policy))).toMatchInlineSnapshot(`
      "People's linked scores cannot be made: 1 issue
        - people[0].unit: "X" has no linked points"
    `);
  });

  it("refuses duplicate people, weights that do not add up to 1, parts all weighted 0, and reserved names", () => {
    expect(brief(issuesOf(() => linkPeople([people[1]!, people[1]!], linked, policy)))).toEqual(["duplicate_id people.1.id"]);
    expect(brief(issuesOf(() => linkPeople(people, linked, { ...policy, staff: { unit: 0.5, department: 0.6 } })))).toEqual(["invalid_rule policy.staff"]);
    expect(brief(issuesOf(() => linkPeople(people, linked, { ...policy, leader: { unit: 0.5 } })))).toEqual(["invalid_rule policy.leader"]);
    expect(brief(issuesOf(() => linkPeople(people, linked, { ...policy, staff: { unit: 1.5, department: -0.5 } })))).toEqual(
      expect.arrayContaining(["out_of_range policy.staff.unit", "out_of_range policy.staff.department"]),
    );
    expect(brief(issuesOf(() => linkPeople([people[3]!], linked, { ...policy, leader: { unit: 0, departments: 0, contacts: 1 } })))).toEqual(["invalid_rule people.0"]);
    const proto = JSON.parse('{"甲县": 92, "__proto__": 5}') as Record<string, number>;
    expect(brief(issuesOf(() => linkPeople([people[2]!], proto, policy)))).toEqual(["reserved_key linked.__proto__"]);
    expect(brief(issuesOf(() => linkPeople([{ id: "__proto__", unit: "甲县" }], linked, policy)))).toEqual(["invalid_option people.0.id"]);
    expect(brief(issuesOf(() => linkPeople([people[2]!], { 甲县: Number.NaN }, policy)))).toEqual(["invalid_number linked.甲县"]);
    expect(brief(issuesOf(() => linkPeople([{ id: "x", unit: "甲县", role: "leader" } as never], linked, policy)))).toEqual(["unknown_field people.0.role"]);
  });
});

describe("applySpecialAssessments (R16): 1+N special assessments", () => {
  const specials: SpecialAssessment[] = [
    {
      id: "征管专项",
      weight: 0.2,
      results: { 甲县: 80, 乙县: 95 },
      members: [
        { person: "c001", organization: "甲县" },
        { person: "c002", organization: "乙县" },
      ],
    },
    { id: "纳服专项", name: "纳税服务专项", weight: "0.1", results: { 甲县: 100 }, members: [{ person: "c001", organization: "甲县" }] },
  ];
  const scores = { c001: 90, c002: "80", c003: 70 };

  it("blends the special results into the personal score by their weights", () => {
    // c001: 90 × (1 − 0.3) + 80 × 0.2 + 100 × 0.1 = 63 + 16 + 10 = 89
    // c002: 80 × 0.8 + 95 × 0.2 = 64 + 19 = 83; c003 is on none and keeps 70.
    const out = applySpecialAssessments(scores, specials, { mode: "blend" });
    expect(out.map((r) => [r.person, r.base, r.exact])).toEqual([
      ["c001", "90", "89"],
      ["c002", "80", "83"],
      ["c003", "70", "70"],
    ]);
    // Sorted by id in code-point order (征 U+5F81 before 纳 U+7EB3).
    expect(out[0]!.specials).toEqual([
      { id: "征管专项", result: "80", weight: "0.2" },
      { id: "纳服专项", result: "100", weight: "0.1" },
    ]);
    expect(out[0]!.trace).toEqual([{ at: "special", rule: "blend", values: { personal: "90 × 0.7", 纳服专项: "100 × 0.1", 征管专项: "80 × 0.2" }, result: "89" }]);
  });

  it("adds the special results on top with mode add", () => {
    // c001: 90 + 16 + 10 = 116; c002: 80 + 19 = 99
    expect(applySpecialAssessments(scores, specials, { mode: "add" }).map((r) => r.score)).toEqual([116, 99, 70]);
    expect(applySpecialAssessments({ a: "1.005" }, [{ id: "s", weight: 0.5, results: { U: "0.001" }, members: [{ person: "a", organization: "U" }] }], { mode: "add", rounding: { decimals: 2, mode: "half-up" } })[0]!.exact).toBe("1.01");
  });

  it("does not depend on the order of specials or members", () => {
    const shuffled = [...specials].reverse().map((s) => ({ ...s, members: [...s.members].reverse() }));
    expect(JSON.stringify(applySpecialAssessments(scores, shuffled, { mode: "blend" }))).toBe(JSON.stringify(applySpecialAssessments(scores, specials, { mode: "blend" })));
  });

  it("refuses unknown members, repeated members and ids, missing results and blend weights above 1", () => {
    const issues = issuesOf(() =>
      applySpecialAssessments(
        { a: 1, b: 2 },
        [
          {
            id: "s",
            weight: 0.6,
            results: { U: 1 },
            members: [
              { person: "a", organization: "U" },
              { person: "a", organization: "U" },
              { person: "z", organization: "U" },
              { person: "b", organization: "V" },
            ],
          },
          { id: "s", weight: 0.5, results: { U: 1 }, members: [{ person: "a", organization: "U" }] },
        ],
        { mode: "blend" },
      ),
    );
    expect(brief(issues)).toEqual([
      "duplicate_id specials.0.members.1.person",
      "unknown_id specials.0.members.2.person",
      "missing_value specials.0.members.3.organization",
      "duplicate_id specials.1.id",
      "invalid_rule specials",
    ]);
    expect(issues.at(-1)!.message).toMatchInlineSnapshot(`"specials: a's special weights add up to 1.1, more than 1"`);
    expect(brief(issuesOf(() => applySpecialAssessments({ a: 1 }, [{ id: "s", weight: 1.5, results: {}, members: [] }], { mode: "add" })))).toEqual(["out_of_range specials.0.weight"]);
    expect(brief(issuesOf(() => applySpecialAssessments({ a: Number.NaN }, [], { mode: "add" })))).toEqual(["invalid_number scores.a"]);
    expect(brief(issuesOf(() => applySpecialAssessments(JSON.parse('{"__proto__": 1}') as Record<string, number>, [], { mode: "add" })))).toEqual(["reserved_key scores.__proto__"]);
    expect(brief(issuesOf(() => applySpecialAssessments({ a: 1 }, [], { mode: "replace" } as never)))).toEqual(["invalid_option policy.mode"]);
  });
});
