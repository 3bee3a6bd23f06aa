import { describe, expect, it } from "vitest";
import {
  assignTiers,
  explainTier,
  lastPlaceDeductions,
  linkOrganizations,
  rank,
  resultEntries,
  safeRank,
  scoreAll,
  type Rankable,
  type Ranking,
  type SchemeConfig,
} from "../../src/index.js";
import { thrown } from "../helpers.js";

// Found by a review of large numbers: exact totals 100000000000000001 and 100000000000000002 both became the number 1e17
// and ranked as a tie; under a quota of one, both were placed in the top tier. Ranking now
// compares the exact text, while ordinary numbers are still compared as numbers.

/** One direct indicator worth 10^18 points: a total is the value given, every digit of it. */
const big: SchemeConfig = {
  id: "big",
  full: "1e18",
  groups: [{ id: "g", points: "1e18", indicators: [{ id: "x", points: "1e18", method: { type: "direct" } }] }],
};
const results = () =>
  scoreAll(big, [
    { id: "a", values: { x: "100000000000000001" } },
    { id: "b", values: { x: "100000000000000002" } },
  ]);
/** 好 for one of two (0.5 × 2), the rest 中; ties at the boundary widen 好 (the default). */
const oneGood = { tiers: [{ name: "好", share: 0.5 }, { name: "中" }] };

const places = (r: Ranking) => r.entries.map((e) => [e.subjectId, e.rank, e.score, e.exact, e.tiedCount]);

describe("rank: exact values", () => {
  it("ranks two results whose totals differ only beyond the number's digits 1 and 2, not tied", () => {
    const rs = results();
    expect(rs.map((r) => [r.total, r.exact])).toEqual([
      [1e17, "100000000000000001"],
      [1e17, "100000000000000002"],
    ]);
    expect(places(rank(rs))).toEqual([
      ["b", 1, 1e17, "100000000000000002", 0],
      ["a", 2, 1e17, "100000000000000001", 0],
    ]);
    expect(places(rank(rs, { order: "asc" })).map((p) => p[0])).toEqual(["a", "b"]);
  });

  it("ranks the same totals given as decimal text, or as numbers with their exact text", () => {
    const text: Rankable[] = [
      { subjectId: "a", total: "100000000000000001" },
      { subjectId: "b", total: "100000000000000002" },
    ];
    expect(places(rank(text))).toEqual([
      ["b", 1, 1e17, "100000000000000002", 0],
      ["a", 2, 1e17, "100000000000000001", 0],
    ]);
    const numbers: Rankable[] = [
      { subjectId: "a", total: 1e17, exact: "100000000000000001" },
      { subjectId: "b", total: 1e17, exact: "100000000000000002" },
      // The number's own text: ranked as the number, and below both.
      { subjectId: "c", total: 1e17, exact: "100000000000000000" },
      { subjectId: "d", total: 1e17 },
    ];
    expect(places(rank(numbers))).toEqual([
      ["b", 1, 1e17, "100000000000000002", 0],
      ["a", 2, 1e17, "100000000000000001", 0],
      ["c", 3, 1e17, "100000000000000000", 1],
      ["d", 3, 1e17, "100000000000000000", 1],
    ]);
  });

  it("gives each entry its exact text, as text() writes it (no exponent)", () => {
    const r = rank([
      { subjectId: "a", total: 1e-7 },
      { subjectId: "b", total: "0.0000001" },
      { subjectId: "c", total: 86.3 },
      { subjectId: "d", total: "86.30" },
      { subjectId: "e", total: -0 },
    ]);
    expect(r.entries.map((e) => [e.subjectId, e.exact, e.rank])).toEqual([
      ["c", "86.3", 1],
      ["d", "86.3", 1],
      ["a", "0.0000001", 3],
      ["b", "0.0000001", 3],
      ["e", "0", 5],
    ]);
  });

  it("ranks groups and indicators by their exact text", () => {
    const rs = results();
    expect(rank(rs, { by: "group:g" }).entries.map((e) => [e.subjectId, e.exact])).toEqual([
      ["b", "100000000000000002"],
      ["a", "100000000000000001"],
    ]);
    expect(rank(rs, { by: "indicator:x", order: "asc" }).entries.map((e) => e.subjectId)).toEqual(["a", "b"]);
    // A tie-break by the exact text too.
    const tied: Rankable[] = [
      { subjectId: "a", total: 90, groups: [{ id: "g", earned: 1e17, exact: "100000000000000001" }] },
      { subjectId: "b", total: 90, groups: [{ id: "g", earned: 1e17, exact: "100000000000000002" }] },
    ];
    expect(rank(tied, { tieBreak: ["group:g"], ties: "ordinal" }).entries.map((e) => e.subjectId)).toEqual(["b", "a"]);
  });

  it("refuses an exact text that is not the exact text of its number, saying where", () => {
    const r = safeRank([
      { subjectId: "a", total: 1e17, exact: "100000000000000001" },
      { subjectId: "b", total: 90, exact: "91" },
      { subjectId: "c", total: "90.5", exact: "90.50000000000000001" },
      { subjectId: "d", total: 1, exact: "one" },
    ]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid_value", "1.exact"],
      ["invalid_value", "2.exact"],
      ["invalid_value", "3.exact"],
    ]);
    expect(r.issues[0]!.message).toBe('[1].exact: must be the exact decimal text of the number beside it (90), not "91"');
    const e = thrown(() => rank([{ subjectId: "a", total: 1, groups: [{ id: "g", earned: 2, exact: "3" }] }], { by: "group:g" }));
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["0.groups.0.exact"]);
  });

  it("survives a round trip through JSON: results, and the ranking", () => {
    const rs = JSON.parse(JSON.stringify(results())) as ReturnType<typeof results>;
    const ranking = rank(rs);
    expect(places(ranking).map((p) => p[0])).toEqual(["b", "a"]);
    const stored = JSON.parse(JSON.stringify(ranking)) as Ranking;
    expect(assignTiers(stored, oneGood)).toEqual(assignTiers(ranking, oneGood));
  });
});

describe("tiers and last place: exact values", () => {
  it("assignTiers with a quota of one places only the higher total in the top tier", () => {
    const a = assignTiers(rank(results()), oneGood);
    expect(a.placements.map((p) => [p.subjectId, p.tier, p.exact])).toEqual([
      ["b", "好", "100000000000000002"],
      ["a", "中", "100000000000000001"],
    ]);
    expect(a.placements[0]!.reason).toEqual({ rule: "quota", count: "floor", quota: { tier: "好", share: "0.5", exact: "1", quota: 1, placed: 1 } });
    expect(explainTier(a.placements[0]!, { locale: "en" }).split("\n")[1]).toBe("rank 1 of 2, score 100000000000000002");
  });

  it("a threshold compares the exact text: 100000000000000001 is below a min of 100000000000000002", () => {
    const a = assignTiers(rank(results()), { tiers: [{ name: "好", min: "100000000000000002" }, { name: "中" }] });
    expect(a.placements.map((p) => [p.subjectId, p.tier])).toEqual([
      ["b", "好"],
      ["a", "中"],
    ]);
    expect(a.placements[1]!.reason.excluded).toEqual([{ tier: "好", because: { kind: "below", min: "100000000000000002" } }]);
  });

  it("regrouping a ranking (the policy's groupBy) ranks the exact text again", () => {
    const rs = results().map((r) => ({ ...r, attributes: { dept: "征管" } }));
    const a = assignTiers(rank(rs), { ...oneGood, groupBy: "dept" });
    expect(a.placements.map((p) => [p.subjectId, p.tier, p.rank])).toEqual([
      ["b", "好", 1],
      ["a", "中", 2],
    ]);
  });

  it("a ranking stored without exact texts is read by its numbers, and a wrong one is refused", () => {
    const stored = JSON.parse(JSON.stringify(rank(results()))) as { entries: Record<string, unknown>[] };
    const without = { ...stored, entries: stored.entries.map(({ exact: _, ...e }) => e) } as unknown as Ranking;
    // The numbers are equal: tied at the boundary, both are placed in 好 (ties: better).
    expect(assignTiers(without, oneGood).placements.map((p) => [p.tier, p.exact])).toEqual([
      ["好", "100000000000000000"],
      ["好", "100000000000000000"],
    ]);
    const wrong = { ...stored, entries: stored.entries.map((e, i) => (i === 0 ? { ...e, exact: "99" } : e)) } as unknown as Ranking;
    const e = thrown(() => assignTiers(wrong, oneGood));
    expect(e.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["invalid_value", "entries.0.exact"]]);
  });

  it("lastPlaceDeductions: the lower exact total alone is last, and `below` compares the exact text", () => {
    const ranking = rank(results());
    const r = lastPlaceDeductions(ranking, { deductions: [1] });
    expect(r.deductions.map((d) => [d.subjectId, d.bottomPlace, d.score, d.exact, d.tiedWith])).toEqual([["a", 1, 1e17, "100000000000000001", []]]);
    const spared = lastPlaceDeductions(ranking, { deductions: [1], below: "100000000000000001" });
    expect(spared.deductions).toEqual([]);
    expect(spared.spared).toEqual([{ subjectId: "a", bottomPlace: 1, reason: { kind: "notBelow", score: "100000000000000001", below: "100000000000000001" } }]);
  });
});

describe("what reads scores beside the ranking: exact values", () => {
  it("linkOrganizations links the exact score of each result", () => {
    const links = linkOrganizations(results(), { method: { type: "table", table: [{ upTo: 1, points: 100 }], rest: 90 } });
    expect(links.map((l) => [l.id, l.score, l.rank, l.linked])).toEqual([
      ["a", "100000000000000001", 2, 90],
      ["b", "100000000000000002", 1, 100],
    ]);
  });

  it("resultEntries records the exact total, and refuses one that disagrees", () => {
    const options = { period: "2024-07", component: "everyday", source: "月度考核" } as const;
    expect(resultEntries(results(), options).map((e) => e.points)).toEqual(["100000000000000001", "100000000000000002"]);
    expect(resultEntries([{ subjectId: "a", total: 90.5, exact: "90.5" }], options).map((e) => e.points)).toEqual(["90.5"]);
    const e = thrown(() => resultEntries([{ subjectId: "a", total: 90.5, exact: "90.6" }, { subjectId: "b", total: "7", exact: "7.0000001" }], options));
    expect(e.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid_value", "results.0.exact"],
      ["invalid_value", "results.1.exact"],
    ]);
  });
});
