import { describe, expect, it } from "vitest";
import { assignTiers, rank, safeAssignTiers, type Rankable, type RankOptions, type TierAssignment, type TierPolicy } from "../../src/index.js";

/** Subjects c01, c02 … with the given totals (and any extra fields by index). */
function subjects(scores: readonly (number | string)[], extra: Record<number, Partial<Rankable>> = {}): Rankable[] {
  return scores.map((total, i) => ({ subjectId: `c${String(i + 1).padStart(2, "0")}`, total, ...extra[i + 1] }));
}

/** A ranking of c01, c02 … */
const ranked = (scores: readonly (number | string)[], extra: Record<number, Partial<Rankable>> = {}, options?: RankOptions) => rank(subjects(scores, extra), options);

/** The ids in each tier that has anyone, in placement order. */
function byTier(a: TierAssignment): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of a.placements) (out[p.tier] ??= []).push(p.subjectId);
  return out;
}

const reasonOf = (a: TierAssignment, id: string) => a.placements.find((p) => p.subjectId === id)!.reason;

const GMB = (good: number | string, bad: number | string, more: Partial<TierPolicy> = {}): TierPolicy => ({
  tiers: [{ name: "好", share: good }, { name: "中" }, { name: "差", share: bad }],
  ...more,
});

describe("assignTiers: quota counts", () => {
  it("⌊0.4 × n⌋ per group (R28): groups of one or two get no 好, three get 1, seven get 2", () => {
    const rs: Rankable[] = [
      ...[90].map((total, i) => ({ subjectId: `a${i + 1}`, total, group: "g1" })),
      ...[90, 80].map((total, i) => ({ subjectId: `b${i + 1}`, total, group: "g2" })),
      ...[90, 80, 70].map((total, i) => ({ subjectId: `c${i + 1}`, total, group: "g3" })),
      ...[97, 96, 95, 94, 93, 92, 91].map((total, i) => ({ subjectId: `d${i + 1}`, total, group: "g7" })),
    ];
    const a = assignTiers(rank(rs, { groupBy: "group" }), { tiers: [{ name: "好", share: 0.4 }, { name: "中" }] });
    expect(a.groupBy).toBe("group");
    expect(a.groups.map((g) => [g.peerGroup, g.size, g.tiers[0]!.exact, g.tiers[0]!.quota, g.tiers[0]!.placed])).toEqual([
      ["g1", 1, "0.4", 0, 0],
      ["g2", 2, "0.8", 0, 0],
      ["g3", 3, "1.2", 1, 1],
      ["g7", 7, "2.8", 2, 2],
    ]);
    expect(byTier(a)).toEqual({ 中: ["a1", "b1", "b2", "c2", "c3", "d3", "d4", "d5", "d6", "d7"], 好: ["c1", "d1", "d2"] });
    // the open tier has no quota
    expect(a.groups[3]!.tiers[1]).toEqual({ tier: "中", share: null, exact: null, quota: null, placed: 5 });
  });

  it("count floor (default), round (half up) and ceil", () => {
    const seven = ranked([97, 96, 95, 94, 93, 92, 91]);
    const policy = (count?: "floor" | "round" | "ceil"): TierPolicy => ({ tiers: [{ name: "好", share: 0.3 }, { name: "中" }], ...(count ? { count } : {}) });
    // 0.3 × 7 = 2.1
    expect(byTier(assignTiers(seven, policy()))["好"]).toEqual(["c01", "c02"]);
    expect(byTier(assignTiers(seven, policy("floor")))["好"]).toEqual(["c01", "c02"]);
    expect(byTier(assignTiers(seven, policy("round")))["好"]).toEqual(["c01", "c02"]);
    expect(byTier(assignTiers(seven, policy("ceil")))["好"]).toEqual(["c01", "c02", "c03"]);
    // 0.25 × 6 = 1.5: floor 1, half up 2, ceil 2
    const six = ranked([96, 95, 94, 93, 92, 91]);
    const q = (count: "floor" | "round" | "ceil") => assignTiers(six, { tiers: [{ name: "好", share: "0.25" }, { name: "中" }], count }).groups[0]!.tiers[0]!;
    expect([q("floor").quota, q("round").quota, q("ceil").quota]).toEqual([1, 2, 2]);
    expect(q("round")).toEqual({ tier: "好", share: "0.25", exact: "1.5", quota: 2, placed: 2 });
    // 0.1 × 7 = 0.7: ceil gives 1 where floor gives 0
    const bottom = (count: "floor" | "ceil") => byTier(assignTiers(seven, { tiers: [{ name: "中" }, { name: "差", share: 0.1 }], count }));
    expect(bottom("floor")).toEqual({ 中: ["c01", "c02", "c03", "c04", "c05", "c06", "c07"] });
    expect(bottom("ceil")).toEqual({ 中: ["c01", "c02", "c03", "c04", "c05", "c06"], 差: ["c07"] });
  });

  it("share × size is exact decimal arithmetic: 0.29 × 100 = 29 (floor), 0.1 × 30 = 3 and 0.7 × 10 = 7 (ceil)", () => {
    // in binary floating point these are 28.999…96, 3.000…04 and 7.000…01
    const hundred = ranked(Array.from({ length: 100 }, (_, i) => 1000 - i));
    expect(assignTiers(hundred, { tiers: [{ name: "好", share: 0.29 }, { name: "中" }] }).groups[0]!.tiers[0]).toMatchObject({ exact: "29", quota: 29, placed: 29 });
    const thirty = ranked(Array.from({ length: 30 }, (_, i) => 100 - i));
    expect(assignTiers(thirty, { tiers: [{ name: "好", share: 0.1 }, { name: "中" }], count: "ceil" }).groups[0]!.tiers[0]).toMatchObject({ exact: "3", quota: 3, placed: 3 });
    const ten = ranked(Array.from({ length: 10 }, (_, i) => 100 - i));
    expect(assignTiers(ten, { tiers: [{ name: "好", share: 0.7 }, { name: "中" }], count: "ceil" }).groups[0]!.tiers[0]).toMatchObject({ exact: "7", quota: 7, placed: 7 });
  });

  it("minCount raises a quota that rounds too low, maxCount lowers one too high", () => {
    const seven = ranked([97, 96, 95, 94, 93, 92, 91]);
    // 0.1 × 7 = 0.7 → 0, raised to 1
    const a = assignTiers(seven, { tiers: [{ name: "好", share: 0.1, minCount: 1 }, { name: "中" }] });
    expect(a.groups[0]!.tiers[0]).toEqual({ tier: "好", share: "0.1", exact: "0.7", quota: 1, placed: 1 });
    expect(byTier(a)["好"]).toEqual(["c01"]);
    // 0.5 × 10 = 5, lowered to 3
    const ten = ranked([100, 99, 98, 97, 96, 95, 94, 93, 92, 91]);
    const b = assignTiers(ten, { tiers: [{ name: "好", share: 0.5, maxCount: 3 }, { name: "中" }] });
    expect(b.groups[0]!.tiers[0]).toEqual({ tier: "好", share: "0.5", exact: "5", quota: 3, placed: 3 });
    // minCount above the group size places everyone; minCount below the rounded count does nothing
    expect(byTier(assignTiers(ranked([90, 80]), { tiers: [{ name: "中" }, { name: "差", share: 0.1, minCount: 5 }] }))).toEqual({ 差: ["c01", "c02"] });
    expect(assignTiers(ten, { tiers: [{ name: "好", share: 0.5, minCount: 2, maxCount: 6 }, { name: "中" }] }).groups[0]!.tiers[0]!.quota).toBe(5);
  });

  it("shares that round to zero place no one, and everyone lands in the open tier", () => {
    const a = assignTiers(ranked([95, 90, 85, 80]), GMB(0.2, 0.1));
    // 0.2 × 4 = 0.8 → 0; 0.1 × 4 = 0.4 → 0
    expect(byTier(a)).toEqual({ 中: ["c01", "c02", "c03", "c04"] });
    expect(a.groups[0]!.tiers).toEqual([
      { tier: "好", share: "0.2", exact: "0.8", quota: 0, placed: 0 },
      { tier: "中", share: null, exact: null, quota: null, placed: 4 },
      { tier: "差", share: "0.1", exact: "0.4", quota: 0, placed: 0 },
    ]);
    expect(reasonOf(a, "c01")).toEqual({ rule: "rest" });
  });

  it("several share tiers above and below the open tier, each filled from its edge", () => {
    const ten = ranked([100, 99, 98, 97, 96, 95, 94, 93, 92, 91]);
    const a = assignTiers(ten, {
      tiers: [{ name: "好", share: 0.2 }, { name: "较好", share: 0.3 }, { name: "一般" }, { name: "较差", share: 0.1 }],
    });
    expect(byTier(a)).toEqual({
      好: ["c01", "c02"],
      较好: ["c03", "c04", "c05"],
      一般: ["c06", "c07", "c08", "c09"],
      较差: ["c10"],
    });
  });
});

describe("assignTiers: ties at a boundary", () => {
  // 好 0.4 × 5 = 2, 差 0.2 × 5 = 1; c02 and c03 tie at 90 across the 好 boundary
  const top = ranked([95, 90, 90, 80, 70]);

  it('"better" (default): both tied go to 好, over the quota', () => {
    const a = assignTiers(top, GMB(0.4, 0.2));
    expect(byTier(a)).toEqual({ 好: ["c01", "c02", "c03"], 中: ["c04"], 差: ["c05"] });
    expect(a.groups[0]!.tiers[0]).toEqual({ tier: "好", share: "0.4", exact: "2", quota: 2, placed: 3 });
    expect(reasonOf(a, "c03")).toEqual({
      rule: "quota",
      count: "floor",
      tie: { with: ["c02"], rule: "better" },
      quota: { tier: "好", share: "0.4", exact: "2", quota: 2, placed: 3 },
    });
    expect(reasonOf(a, "c01")).toEqual({ rule: "quota", count: "floor", quota: { tier: "好", share: "0.4", exact: "2", quota: 2, placed: 3 } });
  });

  it('"worse": both tied go to 中, under the quota', () => {
    const a = assignTiers(top, GMB(0.4, 0.2, { ties: "worse" }));
    expect(byTier(a)).toEqual({ 好: ["c01"], 中: ["c02", "c03", "c04"], 差: ["c05"] });
    expect(a.groups[0]!.tiers[0]!.placed).toBe(1);
    expect(reasonOf(a, "c02")).toEqual({ rule: "rest", tie: { with: ["c03"], rule: "worse" } });
  });

  it('"break": the ranking\'s order decides — the id, or the ranking\'s tie-break', () => {
    const a = assignTiers(top, GMB(0.4, 0.2, { ties: "break" }));
    expect(byTier(a)).toEqual({ 好: ["c01", "c02"], 中: ["c03", "c04"], 差: ["c05"] });
    expect(reasonOf(a, "c02").tie).toEqual({ with: ["c03"], rule: "break" });
    expect(reasonOf(a, "c03")).toEqual({ rule: "rest", tie: { with: ["c02"], rule: "break" } });
    // c03 is better on the indicator, so an ordinal ranking with that tie-break puts it first
    const withKey = ranked([95, 90, 90, 80, 70], { 2: { indicators: [{ id: "k", earned: 1 }] }, 3: { indicators: [{ id: "k", earned: 2 }] }, 1: { indicators: [{ id: "k", earned: 0 }] }, 4: { indicators: [{ id: "k", earned: 0 }] }, 5: { indicators: [{ id: "k", earned: 0 }] } }, { ties: "ordinal", tieBreak: ["indicator:k"] });
    expect(byTier(assignTiers(withKey, GMB(0.4, 0.2, { ties: "break" })))).toEqual({ 好: ["c01", "c03"], 中: ["c02", "c04"], 差: ["c05"] });
  });

  // 好 0.2 × 5 = 1, 差 0.2 × 5 = 1; c04 and c05 tie at 70 across the 差 boundary
  const bottom = ranked([95, 90, 80, 70, 70]);

  it('at a bottom boundary "better" spares both tied from 差', () => {
    const a = assignTiers(bottom, GMB(0.2, 0.2));
    expect(byTier(a)).toEqual({ 好: ["c01"], 中: ["c02", "c03", "c04", "c05"] });
    expect(a.groups[0]!.tiers[2]).toEqual({ tier: "差", share: "0.2", exact: "1", quota: 1, placed: 0 });
    expect(reasonOf(a, "c05")).toEqual({ rule: "rest", tie: { with: ["c04"], rule: "better" } });
  });

  it('at a bottom boundary "worse" puts both tied in 差', () => {
    const a = assignTiers(bottom, GMB(0.2, 0.2, { ties: "worse" }));
    expect(byTier(a)).toEqual({ 好: ["c01"], 中: ["c02", "c03"], 差: ["c04", "c05"] });
    expect(reasonOf(a, "c04")).toEqual({
      rule: "quota",
      count: "floor",
      tie: { with: ["c05"], rule: "worse" },
      quota: { tier: "差", share: "0.2", exact: "1", quota: 1, placed: 2 },
    });
  });

  it('at a bottom boundary "break" puts the last by position in 差', () => {
    expect(byTier(assignTiers(bottom, GMB(0.2, 0.2, { ties: "break" })))).toEqual({ 好: ["c01"], 中: ["c02", "c03", "c04"], 差: ["c05"] });
  });

  // 好 0.4 × 5 = 2, 差 0.4 × 5 = 2; c02, c03, c04 tie at 80 across both boundaries
  const straddle = ranked([90, 80, 80, 80, 70]);

  it("a tie straddling both boundaries", () => {
    expect(byTier(assignTiers(straddle, GMB(0.4, 0.4)))).toEqual({ 好: ["c01", "c02", "c03", "c04"], 差: ["c05"] });
    expect(byTier(assignTiers(straddle, GMB(0.4, 0.4, { ties: "worse" })))).toEqual({ 好: ["c01"], 差: ["c02", "c03", "c04", "c05"] });
    const br = assignTiers(straddle, GMB(0.4, 0.4, { ties: "break" }));
    expect(byTier(br)).toEqual({ 好: ["c01", "c02"], 中: ["c03"], 差: ["c04", "c05"] });
    expect(reasonOf(br, "c03")).toEqual({ rule: "rest", tie: { with: ["c02", "c04"], rule: "break" } });
  });

  it("everyone tied", () => {
    const all = ranked([80, 80, 80, 80, 80]);
    expect(byTier(assignTiers(all, GMB(0.4, 0.2)))).toEqual({ 好: ["c01", "c02", "c03", "c04", "c05"] });
    expect(byTier(assignTiers(all, GMB(0.4, 0.2, { ties: "worse" })))).toEqual({ 差: ["c01", "c02", "c03", "c04", "c05"] });
    expect(byTier(assignTiers(all, GMB(0.4, 0.2, { ties: "break" })))).toEqual({ 好: ["c01", "c02"], 中: ["c03", "c04"], 差: ["c05"] });
    // a tie inside the quota is no boundary tie: 0.4 × 5 = 2 and the two best tie
    const inside = assignTiers(ranked([90, 90, 80, 70, 60]), GMB(0.4, 0.2));
    expect(byTier(inside)).toEqual({ 好: ["c01", "c02"], 中: ["c03", "c04"], 差: ["c05"] });
    expect(reasonOf(inside, "c01").tie).toBeUndefined();
  });
});

describe("assignTiers: thresholds", () => {
  const bands: TierPolicy = { tiers: [{ name: "好", min: 90 }, { name: "较好", min: 80 }, { name: "一般", min: 60 }, { name: "较差" }] };

  it("R28 bands 90/80/60 with four tiers, thresholds only", () => {
    const a = assignTiers(ranked([95, 90, "89.99", 80, 79.5, 60, 59.9]), bands);
    expect(byTier(a)).toEqual({ 好: ["c01", "c02"], 较好: ["c03", "c04"], 一般: ["c05", "c06"], 较差: ["c07"] });
    expect(reasonOf(a, "c02")).toEqual({ rule: "threshold", threshold: { min: "90", compared: "90" } });
    expect(reasonOf(a, "c03")).toEqual({ rule: "threshold", threshold: { min: "80", compared: "89.99" }, excluded: [{ tier: "好", because: { kind: "below", min: "90" } }] });
    expect(reasonOf(a, "c07")).toEqual({
      rule: "rest",
      excluded: [
        { tier: "好", because: { kind: "below", min: "90" } },
        { tier: "较好", because: { kind: "below", min: "80" } },
        { tier: "一般", because: { kind: "below", min: "60" } },
      ],
    });
    expect(a.groups[0]!.tiers.map((t) => [t.tier, t.quota, t.placed])).toEqual([
      ["好", null, 2],
      ["较好", null, 2],
      ["一般", null, 2],
      ["较差", null, 1],
    ]);
  });

  it("好/较好/一般/较差 with 好 capped at ⌊0.4 × n⌋ as well as 90 points", () => {
    const policy: TierPolicy = { tiers: [{ name: "好", share: 0.4, min: 90 }, { name: "较好", min: 80 }, { name: "一般", min: 60 }, { name: "较差" }] };
    // 0.4 × 7 = 2.8 → 2: c03 reaches 90 but the quota is full
    const a = assignTiers(ranked([96, 93, 91, 85, 72, 65, 50]), policy);
    expect(byTier(a)).toEqual({ 好: ["c01", "c02"], 较好: ["c03", "c04"], 一般: ["c05", "c06"], 较差: ["c07"] });
    expect(reasonOf(a, "c01")).toEqual({
      rule: "quota",
      count: "floor",
      threshold: { min: "90", compared: "96" },
      quota: { tier: "好", share: "0.4", exact: "2.8", quota: 2, placed: 2 },
    });
    // a group of two, both above 90: ⌊0.8⌋ = 0, so no 好
    expect(byTier(assignTiers(ranked([99, 98]), policy))).toEqual({ 较好: ["c01", "c02"] });
  });

  it("share and min together: the score and a place in the quota", () => {
    // 0.5 × 4 = 2, but only c01 reaches 90
    const a = assignTiers(ranked([95, 88, 85, 80]), { tiers: [{ name: "好", share: 0.5, min: 90 }, { name: "中" }] });
    expect(byTier(a)).toEqual({ 好: ["c01"], 中: ["c02", "c03", "c04"] });
    expect(a.groups[0]!.tiers[0]).toEqual({ tier: "好", share: "0.5", exact: "2", quota: 2, placed: 1 });
    expect(reasonOf(a, "c02")).toEqual({ rule: "rest", excluded: [{ tier: "好", because: { kind: "below", min: "90" } }] });
  });

  it('compare "truncate" meets min with the integer part', () => {
    const scores = ["90.9", "89.99", "89.9", 80];
    const exact = assignTiers(ranked(scores), { tiers: [{ name: "好", min: "89.5" }, { name: "中" }] });
    const trunc = assignTiers(ranked(scores), { tiers: [{ name: "好", min: "89.5" }, { name: "中" }], compare: "truncate" });
    expect(byTier(exact)).toEqual({ 好: ["c01", "c02", "c03"], 中: ["c04"] });
    // 89.99 and 89.9 count as 89 < 89.5
    expect(byTier(trunc)).toEqual({ 好: ["c01"], 中: ["c02", "c03", "c04"] });
    expect(reasonOf(trunc, "c01").threshold).toEqual({ min: "89.5", compared: "90" });
    expect(reasonOf(trunc, "c02").excluded).toEqual([{ tier: "好", because: { kind: "below", min: "89.5", compared: "89" } }]);
    expect(reasonOf(exact, "c02").threshold).toEqual({ min: "89.5", compared: "89.99" });
    // with min 90: 90.9 → 90 reaches it, 89.99 → 89 does not
    expect(byTier(assignTiers(ranked(scores), { tiers: [{ name: "好", min: 90 }, { name: "中" }], compare: "truncate" }))["好"]).toEqual(["c01"]);
  });
});

describe("assignTiers: vetoes and eligibility", () => {
  // c01 would be first, but has a veto
  const ten = ranked([95, 90, 85, 80, 75, 70, 65, 60, 55, 50], { 1: { vetoes: [{ id: "party-building" }] } });

  it("a vetoed subject inside the top tier goes to vetoTier and counts toward its quota (default)", () => {
    const a = assignTiers(ten, GMB(0.2, 0.2, { vetoTier: "差" }));
    // 好 2 from the rest; 差 quota 2 = c01 (veto) + c10
    expect(byTier(a)).toEqual({ 差: ["c01", "c10"], 好: ["c02", "c03"], 中: ["c04", "c05", "c06", "c07", "c08", "c09"] });
    expect(reasonOf(a, "c01")).toEqual({ rule: "veto", vetoes: [{ id: "party-building" }], quota: { tier: "差", share: "0.2", exact: "2", quota: 2, placed: 2 } });
    expect(a.groups[0]!.tiers[2]!.placed).toBe(2);
  });

  it("vetoCountsInQuota false places the quota by rank on top of the vetoed", () => {
    const a = assignTiers(ten, GMB(0.2, 0.2, { vetoTier: "差", vetoCountsInQuota: false }));
    expect(byTier(a)).toEqual({ 差: ["c01", "c09", "c10"], 好: ["c02", "c03"], 中: ["c04", "c05", "c06", "c07", "c08"] });
    expect(a.groups[0]!.tiers[2]).toEqual({ tier: "差", share: "0.2", exact: "2", quota: 2, placed: 3 });
  });

  it("vetoTier may be the open tier: the vetoed leaves 好 and the quotas are filled from the rest", () => {
    const a = assignTiers(ten, GMB(0.2, 0.2, { vetoTier: "中" }));
    expect(byTier(a)).toEqual({ 中: ["c01", "c04", "c05", "c06", "c07", "c08"], 好: ["c02", "c03"], 差: ["c09", "c10"] });
    expect(reasonOf(a, "c01")).toMatchObject({ rule: "veto", vetoes: [{ id: "party-building" }] });
  });

  it("the veto overrides a quota of zero: a group of three still sends its vetoed to 差", () => {
    // 0.2 × 3 = 0.6 → 0 for both 好 and 差
    const a = assignTiers(ranked([90, 80, 70], { 1: { vetoes: [{ id: "v" }] } }), GMB(0.2, 0.2, { vetoTier: "差" }));
    expect(byTier(a)).toEqual({ 差: ["c01"], 中: ["c02", "c03"] });
    expect(a.groups[0]!.tiers[2]).toEqual({ tier: "差", share: "0.2", exact: "0.6", quota: 0, placed: 1 });
  });

  it("without vetoTier a veto changes nothing, unless the tier excludes the vetoed (R26)", () => {
    expect(byTier(assignTiers(ten, GMB(0.2, 0.2)))["好"]).toEqual(["c01", "c02"]);
    const a = assignTiers(ten, { tiers: [{ name: "好", share: 0.2, excludeVetoed: true }, { name: "中" }, { name: "差", share: 0.2 }] });
    expect(byTier(a)).toEqual({ 中: ["c01", "c04", "c05", "c06", "c07", "c08"], 好: ["c02", "c03"], 差: ["c09", "c10"] });
    expect(reasonOf(a, "c01")).toEqual({ rule: "rest", excluded: [{ tier: "好", because: { kind: "vetoed", vetoes: [{ id: "party-building" }] } }] });
  });

  it("excludeFlags keeps a flagged subject out (the one-third 不称职 flag)", () => {
    const rs = ranked([95, 90, 85, 80, 75], { 2: { flags: [{ id: "one-third-incompetent" }, { id: "other" }] } });
    const a = assignTiers(rs, { tiers: [{ name: "好", share: 0.4, excludeFlags: ["one-third-incompetent"] }, { name: "中" }] });
    expect(byTier(a)).toEqual({ 好: ["c01", "c03"], 中: ["c02", "c04", "c05"] });
    expect(reasonOf(a, "c02")).toEqual({ rule: "rest", excluded: [{ tier: "好", because: { kind: "flag", id: "one-third-incompetent" } }] });
    expect(a.placements[1]!.flags).toEqual(["one-third-incompetent", "other"]);
  });
});

describe("assignTiers: groups and output", () => {
  const rs: Rankable[] = [
    { subjectId: "a1", name: "甲", total: 90, attributes: { dept: "A" } },
    { subjectId: "b1", total: 85, attributes: { dept: "B" } },
    { subjectId: "a2", total: 80, attributes: { dept: "A" } },
    { subjectId: "a3", total: 70, attributes: { dept: "A" } },
    { subjectId: "b2", total: 60, attributes: { dept: "B" } },
  ];

  it("policy groupBy regroups a ranking and ranks again within the new groups", () => {
    const a = assignTiers(rank(rs), { id: "p1", tiers: [{ name: "好", share: 0.4 }, { name: "中" }], groupBy: "dept" });
    expect(a.policy).toBe("p1");
    expect(a.groupBy).toBe("dept");
    // A: 0.4 × 3 = 1.2 → 1; B: 0.4 × 2 = 0.8 → 0
    expect(a.placements.map((p) => [p.peerGroup, p.subjectId, p.tier, p.rank, p.position, p.groupSize])).toEqual([
      ["A", "a1", "好", 1, 1, 3],
      ["A", "a2", "中", 2, 2, 3],
      ["A", "a3", "中", 3, 3, 3],
      ["B", "b1", "中", 1, 1, 2],
      ["B", "b2", "中", 2, 2, 2],
    ]);
    expect(a.groups).toEqual([
      {
        peerGroup: "A",
        size: 3,
        tiers: [
          { tier: "好", share: "0.4", exact: "1.2", quota: 1, placed: 1 },
          { tier: "中", share: null, exact: null, quota: null, placed: 2 },
        ],
      },
      {
        peerGroup: "B",
        size: 2,
        tiers: [
          { tier: "好", share: "0.4", exact: "0.8", quota: 0, placed: 0 },
          { tier: "中", share: null, exact: null, quota: null, placed: 2 },
        ],
      },
    ]);
    expect(a.placements[0]).toEqual({
      subjectId: "a1",
      name: "甲",
      peerGroup: "A",
      tier: "好",
      score: 90,
      exact: "90",
      rank: 1,
      position: 1,
      groupSize: 3,
      flags: [],
      reason: { rule: "quota", count: "floor", quota: { tier: "好", share: "0.4", exact: "1.2", quota: 1, placed: 1 } },
    });
  });

  it("without policy groupBy the ranking's groups are used; one group gives peerGroup null", () => {
    const one = assignTiers(rank(rs), { tiers: [{ name: "好", share: 0.4 }, { name: "中" }] });
    expect(one.groupBy).toBeNull();
    expect(one.policy).toBeUndefined();
    expect(one.groups.map((g) => [g.peerGroup, g.size])).toEqual([[null, 5]]);
    expect(byTier(one)).toEqual({ 好: ["a1", "b1"], 中: ["a2", "a3", "b2"] });
    const grouped = assignTiers(rank(rs, { groupBy: "dept" }), { tiers: [{ name: "好", share: 0.4 }, { name: "中" }] });
    expect(grouped.groupBy).toBe("dept");
    expect(byTier(grouped)).toEqual({ 好: ["a1"], 中: ["a2", "a3", "b1", "b2"] });
  });

  it("keeps the ranking's direction when regrouping (asc: lower is better)", () => {
    const asc = rank(rs, { order: "asc" });
    expect(byTier(assignTiers(asc, { tiers: [{ name: "好", share: 0.4 }, { name: "中" }], groupBy: "dept" }))).toEqual({ 好: ["a3"], 中: ["a2", "a1", "b2", "b1"] });
  });

  it("an unknown group field fails with the entry's path", () => {
    const r = safeAssignTiers(rank(rs), { tiers: [{ name: "好", share: 0.4 }, { name: "中" }], groupBy: "unit" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => [i.code, i.path])).toEqual([0, 1, 2, 3, 4].map((i) => ["unknown_field", ["entries", i, "attributes"]]));
  });

  it("every subject gets exactly one tier, in ranking order", () => {
    const a = assignTiers(ranked([50, 60, 70, 80, 90, 100, 40]), GMB(0.3, 0.3));
    expect(a.placements.map((p) => p.subjectId)).toEqual(["c06", "c05", "c04", "c03", "c02", "c01", "c07"]);
    // 0.3 × 7 = 2.1 → 2 each
    expect(byTier(a)).toEqual({ 好: ["c06", "c05"], 中: ["c04", "c03", "c02"], 差: ["c01", "c07"] });
  });
});

describe("thresholds and quotas together", () => {
  it("says when a subject reached the min but not the quota", () => {
    const r = assignTiers(rank([{ subjectId: "a", total: 97 }, { subjectId: "b", total: 95 }]), { tiers: [{ name: "好", share: 0.5, min: 90 }, { name: "中" }] });
    expect(r.placements.map((p) => [p.subjectId, p.tier])).toEqual([["a", "好"], ["b", "中"]]);
    expect(r.placements[1]!.reason.excluded).toEqual([{ tier: "好", because: { kind: "quotaFull" } }]);
  });

  it("refuses a min threshold on a ranking where lower is better", () => {
    const asc = rank([{ subjectId: "a", total: 1 }, { subjectId: "b", total: 2 }], { order: "asc" });
    expect(() => assignTiers(asc, { tiers: [{ name: "好", min: 1 }, { name: "中" }] })).toThrowError(/order asc/);
  });
});
