import { describe, expect, it } from "vitest";
import {
  assignTiers,
  checkHistory,
  consecutiveTier,
  eligiblePool,
  rank,
  safeDefineTierPolicy,
  type Rankable,
  type Ranking,
  type TierAssignment,
  type TierPolicy,
  type TierRecord,
} from "../../src/index.js";
import { thrown } from "../helpers.js";

// Behaviour the other tiers tests leave unpinned: error texts and paths, rankings read back from
// JSON (out of order, already grouped, with scores out of range), regrouping by the subject's group,
// long ties at a boundary, what a bottom tier's exclusion leaves in the reason, and the order of
// checkHistory's output.


const firstLine = (call: () => unknown) => thrown(call).message.split("\n")[0];

/** A ranking as JSON would bring it back. */
const json = (ranking: Ranking): { entries: Record<string, unknown>[] } & Record<string, unknown> => JSON.parse(JSON.stringify(ranking));

/** A ranking as JSON would bring it back, its entries reversed (worst group and place first). */
const reversedJson = (ranking: Ranking): Ranking => {
  const copy = json(ranking);
  return { ...copy, entries: [...copy.entries].reverse() } as unknown as Ranking;
};

/** A ranking as JSON would bring it back, its entries without their attributes. */
const withoutAttributes = (ranking: Ranking): Ranking => {
  const copy = json(ranking);
  return { ...copy, entries: copy.entries.map(({ attributes: _, ...e }) => e) } as unknown as Ranking;
};

const units = (prefix: string, scores: number[], extra: Partial<Rankable> = {}): Rankable[] =>
  scores.map((total, i) => ({ subjectId: `${prefix}${i + 1}`, total, ...extra }));

const tierOf = (a: TierAssignment) => a.placements.map((p) => `${p.subjectId} ${p.tier}`);

const GMB: TierPolicy = { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.2 }] };

describe("assign.ts: reading a ranking", () => {
  it("refuses a score beyond ±10^18 in a JSON ranking, saying where and why", () => {
    // assign.ts:15-16: the score refinement
    const copy = json(rank(units("u", [90, 80])));
    copy.entries[1]!.score = 1e19;
    const e = thrown(() => assignTiers(copy as unknown as Ranking, GMB));
    expect(e.message.split("\n")[0]).toBe("Not a ranking: 1 issue");
    expect(e.issues).toMatchObject([{ code: "invalid_number", path: ["entries", 1, "score"], message: "entries[1].score: must be a finite number within ±10^18, not 10000000000000000000" }]);
  });

  it("refuses a tie value beyond ±10^18 the same way", () => {
    // assign.ts:16 (tieValues use the same refinement)
    const copy = json(rank(units("u", [90, 80])));
    copy.entries[0]!.tieValues = [-1e300];
    expect(thrown(() => assignTiers(copy as unknown as Ranking, GMB)).issues).toMatchObject([
      { code: "invalid_number", path: ["entries", 0, "tieValues", 0], message: "entries[0].tieValues[0]: must be a finite number within ±10^18, not -1e+300" },
    ]);
  });

  it("places a JSON ranking whose entries come in any order exactly as the ranking itself", () => {
    // assign.ts:225 (peer groups sorted) and :226 (each group by position)
    const ranking = rank([...units("s", [90, 85, 80, 75, 70], { group: "司局" }), ...units("p", [88, 84, 77, 73, 66], { group: "省局" })], { groupBy: "group" });
    const a = assignTiers(reversedJson(ranking), GMB);
    expect(a).toEqual(assignTiers(ranking, GMB));
    expect(a.groups.map((g) => g.peerGroup)).toEqual(["司局", "省局"]);
    expect(tierOf(a)).toEqual(["s1 好", "s2 中", "s3 中", "s4 中", "s5 差", "p1 好", "p2 中", "p3 中", "p4 中", "p5 差"]);
  });

  it("orders a group of a JSON ranking by position, whatever the order of its entries", () => {
    // assign.ts:226: a comparator that ignores or adds the positions does not order the group
    const copy = json(rank(units("p", [90, 85, 80, 75, 70, 65, 60, 55, 50, 45])));
    const e = copy.entries;
    const shuffled = { ...copy, entries: [e[2], e[5], e[0], e[9], e[4], e[1], e[7], e[3], e[8], e[6]] } as unknown as Ranking;
    const a = assignTiers(shuffled, GMB);
    expect(a.placements.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(tierOf(a)).toEqual(["p1 好", "p2 好", "p3 中", "p4 中", "p5 中", "p6 中", "p7 中", "p8 中", "p9 差", "p10 差"]);
  });

  it("uses the groups of a ranking already grouped by the policy's field as they are", () => {
    // assign.ts:216: no regrouping, so entries read from JSON need not carry the field again
    const ranking = rank([...units("s", [90, 80, 70, 60, 50], { attributes: { department: "A" } }), ...units("p", [88, 77, 66, 55, 44], { attributes: { department: "B" } })], {
      groupBy: "department",
    });
    const a = assignTiers(withoutAttributes(ranking), { ...GMB, groupBy: "department" });
    expect(a).toEqual(assignTiers(ranking, GMB));
    expect(a.groupBy).toBe("department");
  });
});

describe("assign.ts: regrouping", () => {
  const people: Rankable[] = [
    { subjectId: "a1", total: 95, group: "A", attributes: { department: "征管" }, flags: [{ id: "protected" }] },
    { subjectId: "a2", total: 90, group: "A", attributes: { department: "征管" } },
    { subjectId: "a3", total: 85, group: "A", attributes: { department: "纳服" } },
    { subjectId: "b1", total: 80, group: "B", attributes: { department: "纳服" } },
    { subjectId: "b2", total: 75, group: "B", attributes: { department: "征管" } },
    { subjectId: "b3", total: 70, group: "B", attributes: { department: "纳服" }, flags: [{ id: "protected" }] },
  ];

  it('regroups an ungrouped ranking by the subjects\' own group with groupBy "group"', () => {
    // assign.ts:58: the group survives the regrouping
    const a = assignTiers(rank(people), { tiers: [{ name: "好", share: 0.34 }, { name: "中" }], groupBy: "group" });
    expect(a.groupBy).toBe("group");
    expect(a.groups.map((g) => [g.peerGroup, g.size])).toEqual([
      ["A", 3],
      ["B", 3],
    ]);
    expect(tierOf(a)).toEqual(["a1 好", "a2 中", "a3 中", "b1 好", "b2 中", "b3 中"]);
  });

  it("keeps each subject's flags through a regrouping, for the placements and for excludeFlags", () => {
    // assign.ts:61
    const a = assignTiers(rank(people), { tiers: [{ name: "好", share: 0.34, excludeFlags: ["protected"] }, { name: "中" }], groupBy: "department" });
    expect(a.placements.map((p) => [p.subjectId, p.peerGroup, p.tier, p.flags])).toEqual([
      ["a1", "征管", "中", ["protected"]],
      ["a2", "征管", "好", []],
      ["b2", "征管", "中", []],
      ["a3", "纳服", "好", []],
      ["b1", "纳服", "中", []],
      ["b3", "纳服", "中", ["protected"]],
    ]);
    expect(a.placements.find((p) => p.subjectId === "a1")!.reason.excluded).toEqual([{ tier: "好", because: { kind: "flag", id: "protected" } }]);
  });

  it('names a field some subjects lack as "The ranking cannot be grouped by …"', () => {
    // assign.ts:73
    const e = thrown(() => assignTiers(rank(units("u", [90, 80])), { ...GMB, groupBy: "department" }));
    expect(e.message.split("\n")[0]).toBe('The ranking cannot be grouped by "department": 2 issues');
    expect(e.issues.map((i) => i.path)).toEqual([
      ["entries", 0, "attributes"],
      ["entries", 1, "attributes"],
    ]);
  });
});

describe("assign.ts: placing", () => {
  it("does not record a bottom tier's exclusion in the reason: excluded lists better tiers only", () => {
    // assign.ts:127: u5 is kept out of 差 by its flag, and u4 goes there instead
    const ranking = rank([...units("u", [90, 80, 70, 60]), { subjectId: "u5", total: 50, flags: [{ id: "new-hire" }] }]);
    const a = assignTiers(ranking, { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.2, excludeFlags: ["new-hire"] }] });
    expect(tierOf(a)).toEqual(["u1 好", "u2 中", "u3 中", "u4 差", "u5 中"]);
    expect(a.placements[4]!.reason).toStrictEqual({ rule: "rest" });
  });

  it("lists at most 100 others of a long tie at a boundary, nearest first", () => {
    // assign.ts:134 and :137: 150 tied at the boundary of 好
    const ids = Array.from({ length: 150 }, (_, i) => `t${String(i + 1).padStart(3, "0")}`);
    const ranking = rank(ids.map((subjectId) => ({ subjectId, total: 80 })));
    const a = assignTiers(ranking, { tiers: [{ name: "好", share: 0.5 }, { name: "中" }] });
    const first = a.placements[0]!.reason.tie!;
    const last = a.placements[149]!.reason.tie!;
    expect(a.placements.every((p) => p.tier === "好")).toBe(true);
    expect(first).toEqual({ with: ids.slice(1, 101), rule: "better" });
    expect(last).toEqual({ with: ids.slice(0, 100), rule: "better" });
    expect(a.placements[50]!.reason.tie!.with).toEqual([...ids.slice(0, 50), ...ids.slice(51, 101)]);
  });

  it("does not call a subject left out by a tie at the boundary 'outside the quota'", () => {
    // assign.ts:142: the tie explains it; a plain miss of a share-with-min tier is 'outside the quota'
    const ranking = rank(units("u", [90, 90, 80, 70, 60]));
    const a = assignTiers(ranking, { tiers: [{ name: "好", share: 0.2, min: 60 }, { name: "中" }], ties: "worse" });
    expect(tierOf(a)).toEqual(["u1 中", "u2 中", "u3 中", "u4 中", "u5 中"]);
    expect(a.placements[0]!.reason).toStrictEqual({ rule: "rest", tie: { with: ["u2"], rule: "worse" } });
    expect(a.placements[2]!.reason).toStrictEqual({ rule: "rest", excluded: [{ tier: "好", because: { kind: "quotaFull" } }] });

    const b = assignTiers(ranking, { tiers: [{ name: "好", share: 0.2, min: 60 }, { name: "中" }], ties: "break" });
    expect(b.placements[1]!.reason).toStrictEqual({ rule: "rest", tie: { with: ["u1"], rule: "break" } });
  });

  it("gives no name field to a placement of a subject without a name, and no policy field without an id", () => {
    // assign.ts:176 and :231
    const a = assignTiers(rank([{ subjectId: "u1", total: 90 }, { subjectId: "u2", name: "王二", total: 80 }]), { tiers: [{ name: "好", share: 0.5 }, { name: "中" }] });
    expect(Object.keys(a)).toEqual(["groupBy", "groups", "placements"]);
    expect("name" in a.placements[0]!).toBe(false);
    expect(a.placements[1]!.name).toBe("王二");
    expect(Object.keys(assignTiers(rank(units("u", [90])), { id: "p-2024", tiers: [{ name: "中" }] }))).toEqual(["policy", "groupBy", "groups", "placements"]);
  });

  it('names a min on an ascending ranking as "Tiers cannot be assigned"', () => {
    // assign.ts:214
    expect(firstLine(() => assignTiers(rank(units("u", [1, 2]), { order: "asc" }), { tiers: [{ name: "好", min: 90 }, { name: "中" }] }))).toBe("Tiers cannot be assigned: 1 issue");
  });
});

describe("policy.ts: defineTierPolicy", () => {
  it("reports a share that is not a decimal as such, even beside other shares", () => {
    // policy.ts:50: shares are added up only when every one of them reads
    const r = safeDefineTierPolicy({ tiers: [{ name: "好", share: "abc" }, { name: "中" }, { name: "差", share: 0.9 }] });
    expect(r).toMatchObject({
      success: false,
      issues: [{ code: "invalid_number", path: ["tiers", 0, "share"], message: 'tiers[0].share: must be decimal text such as "96.5", not text "abc"' }],
    });
  });

  it("accepts minCount equal to maxCount", () => {
    // policy.ts:59
    expect(safeDefineTierPolicy({ tiers: [{ name: "好", share: 0.2, minCount: 2, maxCount: 2 }, { name: "中" }] }).success).toBe(true);
    expect(assignTiers(rank(units("u", [90, 80, 70])), { tiers: [{ name: "好", share: 0.2, minCount: 2, maxCount: 2 }, { name: "中" }] }).groups[0]!.tiers[0]!.quota).toBe(2);
  });
});

describe("pool.ts: eligiblePool", () => {
  it('names bad options as "Pool options are not valid", under options', () => {
    // pool.ts:48
    const e = thrown(() => eligiblePool(rank(units("u", [90])), { share: 2 }));
    expect(e.message.split("\n")[0]).toBe("Pool options are not valid: 1 issue");
    expect(e.issues.map((i) => i.path)).toEqual([["options", "share"]]);
  });
});

describe("history.ts: consecutiveTier", () => {
  const good: TierRecord[] = [
    { subjectId: "c1", period: "2023", tier: "差" },
    { subjectId: "c1", period: "2024", tier: "差" },
  ];

  it('names bad options as "Options are not valid", under options', () => {
    // history.ts:78
    const e = thrown(() => consecutiveTier(good, { tier: "差", years: 0 }));
    expect(e.message.split("\n")[0]).toBe("Options are not valid: 1 issue");
    expect(e.issues.map((i) => i.path)).toEqual([["options", "years"]]);
  });

  it('names bad records as "History is not valid"', () => {
    // history.ts:79
    expect(firstLine(() => consecutiveTier([{ subjectId: "c1", period: "2024" }] as never, { tier: "差", years: 1 }))).toBe("History is not valid: 1 issue");
  });

  it("refuses a period that only ends in four digits, or only starts with them", () => {
    // history.ts:80-81
    const e = thrown(() => consecutiveTier([...good, { subjectId: "c2", period: "FY2024", tier: "差" }, { subjectId: "c3", period: "2024-Q1", tier: "差" }], { tier: "差", years: 1 }));
    expect(e.message.split("\n")[0]).toBe("History is not valid: 2 issues");
    expect(e.issues).toMatchObject([
      { code: "invalid_value", path: [2, "period"], message: '[2].period: must be a four-digit year, not "FY2024"' },
      { code: "invalid_value", path: [3, "period"], message: '[3].period: must be a four-digit year, not "2024-Q1"' },
    ]);
  });

  it('names a subject\'s year given twice as "History is not valid"', () => {
    // history.ts:30
    const e = thrown(() => consecutiveTier([...good, { subjectId: "c1", period: "2024", tier: "中" }], { tier: "差", years: 2 }));
    expect(e.message.split("\n")[0]).toBe("History is not valid: 1 issue");
    expect(e.issues[0]!.path).toEqual([2, "period"]);
  });
});

describe("history.ts: checkHistory", () => {
  const order = ["好", "中", "差"];

  it("refuses noneBelow beside a count with no tiers", () => {
    // history.ts:164
    const e = thrown(() => checkHistory([], { order, all: [{ noneBelow: "中", atLeast: 1 }] }));
    expect(e.issues).toMatchObject([{ code: "invalid_rule", path: ["rule", "all", 0], message: "rule.all[0]: noneBelow stands alone; put other conditions in their own entries" }]);
  });

  it('names bad records as "History is not valid"', () => {
    // history.ts:196
    expect(firstLine(() => checkHistory([{ subjectId: "c1", tier: "好" }] as never, { order, all: [{ noneBelow: "中" }] }))).toBe("History is not valid: 1 issue");
  });

  it("names an unknown tier by its first 40 characters", () => {
    // history.ts:198-199
    const long = "优".repeat(30) + "秀".repeat(30);
    const e = thrown(() => checkHistory([{ subjectId: "c1", period: "2024-Q1", tier: long }], { order, all: [{ noneBelow: "中" }] }));
    expect(e.message.split("\n")[0]).toBe("History is not valid: 1 issue");
    expect(e.issues).toMatchObject([{ code: "unknown_id", path: [0, "tier"], message: `[0].tier: "${"优".repeat(30)}${"秀".repeat(10)}" is not in the rule's order 好, 中, 差` }]);
  });

  it("returns the subjects by id, whatever the order of the records", () => {
    // history.ts:226
    const history: TierRecord[] = ["c3", "c1", "c2"].map((subjectId) => ({ subjectId, period: "2024-Q1", tier: "好" }));
    expect(checkHistory(history, { order, all: [{ noneBelow: "中" }] }).map((c) => c.subjectId)).toEqual(["c1", "c2", "c3"]);
  });
});
