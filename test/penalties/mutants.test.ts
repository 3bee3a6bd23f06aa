import { describe, expect, it } from "vitest";
import {
  explainReason,
  lastPlaceDeductions,
  rank,
  reallocatePromotionSlots,
  withPenalties,
  type LastPlaceResult,
  type Rankable,
  type Ranking,
} from "../../src/index.js";
import { thrown } from "../helpers.js";

// Behaviour the other penalties tests leave unpinned: error texts and paths, long ties, the order
// of a ranking read back from JSON, and a ranking already grouped the way the policy asks.


/** A ranking as JSON would bring it back, its entries reversed (worst group and place first). */
const reversedJson = (ranking: Ranking): Ranking => {
  const copy = JSON.parse(JSON.stringify(ranking)) as { entries: unknown[] };
  return { ...copy, entries: [...copy.entries].reverse() } as unknown as Ranking;
};

/** A ranking as JSON would bring it back, its entries without their attributes. */
const withoutAttributes = (ranking: Ranking): Ranking => {
  const copy = JSON.parse(JSON.stringify(ranking)) as { entries: Record<string, unknown>[] };
  return { ...copy, entries: copy.entries.map(({ attributes: _, ...e }) => e) } as unknown as Ranking;
};

const units = (prefix: string, scores: number[], department?: string): Rankable[] =>
  scores.map((total, i) => ({ subjectId: `${prefix}${i + 1}`, total, ...(department ? { attributes: { department } } : {}) }));

describe("apply.ts: withPenalties", () => {
  const result = { groups: [], spared: [], flags: [], deductions: [] } as unknown as LastPlaceResult;

  it('names bad subjects as "Subjects are not valid"', () => {
    // apply.ts:34
    const e = thrown(() => withPenalties([{ id: 1 }] as never, result));
    expect(e.message.split("\n")[0]).toBe("Subjects are not valid: 1 issue");
  });

  it('names a bad result as "Not a last-place result", its issues under result', () => {
    // apply.ts:35
    const e = thrown(() => withPenalties([{ id: "a", values: {} }], { deductions: "none", flags: [] } as never));
    expect(e.message.split("\n")[0]).toBe("Not a last-place result: 1 issue");
    expect(e.issues.map((i) => i.path)).toEqual([["result", "deductions"]]);
  });

  it('names deductions and flags for unknown subjects as "Penalties cannot be applied"', () => {
    // apply.ts:51
    const outcome = {
      ...result,
      deductions: [{ subjectId: "x", points: 1, target: "total", reason: { kind: "deducted", bottomPlace: 1, groupSize: 3, peerGroup: null } }],
      flags: [{ subjectId: "y", id: "defer", reason: { kind: "lastPlace", groupSize: 3, peerGroup: null } }],
    } as unknown as LastPlaceResult;
    const e = thrown(() => withPenalties([{ id: "a", values: {} }], outcome));
    expect(e.message.split("\n")[0]).toBe("Penalties cannot be applied: 2 issues");
  });
});

describe("last-place.ts: lastPlaceDeductions", () => {
  it("lists at most 100 others tied at a place, never the subject itself, whoever it is", () => {
    // last-place.ts:134 (the first 101 of the tie are listed) and :137 (each keeps 100 of them)
    const ids = (n: number) => `c${String(n).padStart(3, "0")}`;
    const ranking = rank([{ subjectId: ids(1), total: 90 }, ...Array.from({ length: 102 }, (_, i) => ({ subjectId: ids(i + 2), total: 50 }))]);
    const r = lastPlaceDeductions(ranking, { deductions: [1] });
    expect(r.deductions).toHaveLength(102);
    for (const d of r.deductions) {
      expect(d.tiedWith).toHaveLength(100);
      expect(d.tiedWith).not.toContain(d.subjectId);
      expect(d.tiedWith).not.toContain(ids(1));
    }
    // worst first: c103 leads the list; the best of the tie, c002, is listed by no one, and its own list stops at c004
    expect(r.deductions[0]!.tiedWith.slice(0, 2)).toEqual(["c102", "c101"]);
    expect(r.deductions.at(-1)!.subjectId).toBe("c002");
    expect(r.deductions.at(-1)!.tiedWith.at(-1)).toBe("c004");
  });

  it('ties "none": the reason lists everyone else tied, separated by commas', () => {
    // last-place.ts:194
    const r = lastPlaceDeductions(rank(units("c", [90, 80, 60, 60, 60])), { deductions: [1], ties: "none" });
    expect(r.spared.map((s) => s.reason)).toEqual([
      { kind: "tiedSpared", tiedWith: ["c4", "c3"] },
      { kind: "tiedSpared", tiedWith: ["c5", "c3"] },
      { kind: "tiedSpared", tiedWith: ["c5", "c4"] },
    ]);
    expect(r.spared.map((s) => explainReason(s.reason, { locale: "en" }))).toEqual(["tied with c4, c3; ties: none", "tied with c5, c3; ties: none", "tied with c5, c4; ties: none"]);
    expect(explainReason(r.spared[0]!.reason)).toBe("与 c4、c3 并列，按办法并列者不扣分（ties: none）");
  });

  it("a flag without a name has no name field at all", () => {
    // last-place.ts:192
    const r = lastPlaceDeductions(rank(units("c", [90, 80, 60])), { deductions: [1], flag: { id: "promotion-deferred" } });
    expect(r.flags).toHaveLength(1);
    expect(Object.keys(r.flags[0]!)).toEqual(["subjectId", "id", "reason"]);
  });

  it("gives the same outcome, groups in order, whatever the order of a JSON ranking's entries", () => {
    // last-place.ts:176 (peer groups sorted)
    const ranking = rank([...units("s", [90, 80, 70], "司局"), ...units("p", [88, 77, 66], "省局")], { groupBy: "department" });
    const policy = { deductions: [1], flag: { id: "promotion-deferred" } };
    const r = lastPlaceDeductions(reversedJson(ranking), policy);
    expect(r).toEqual(lastPlaceDeductions(ranking, policy));
    expect(r.groups.map((g) => g.peerGroup)).toEqual(["司局", "省局"]);
  });

  it("uses the groups of a ranking already grouped by the policy's field as they are", () => {
    // last-place.ts:164: no regrouping, so entries read from JSON need not carry the field again
    const ranking = rank([...units("s", [90, 80, 70], "司局"), ...units("p", [88, 77, 66], "省局")], { groupBy: "department" });
    const r = lastPlaceDeductions(withoutAttributes(ranking), { deductions: [1], groupBy: "department" });
    expect(r).toEqual(lastPlaceDeductions(ranking, { deductions: [1] }));
    expect(r.deductions.map((d) => d.subjectId)).toEqual(["s3", "p3"]);
  });
});

describe("promotion.ts: reallocatePromotionSlots", () => {
  const ranking = rank([...units("s", [90, 85, 80, 75, 70], "司局"), ...units("p", [88, 84, 77, 73, 66], "省局")], { groupBy: "department" });

  it("gives the same moves, by group and place, whatever the order of a JSON ranking's entries", () => {
    // promotion.ts:82 (peer groups sorted) and :83 (each group best first)
    const moves = reallocatePromotionSlots(reversedJson(ranking));
    expect(moves).toEqual(reallocatePromotionSlots(ranking));
    expect(moves.map((m) => `${m.subjectId}${m.change > 0 ? "+" : ""}${m.change}`)).toEqual(["s5-1", "s1+1", "s4-1", "s2+1", "p5-1", "p1+1", "p4-1", "p2+1"]);
  });

  it("takes losers and gainers by position even when a JSON ranking's entries are shuffled within a group", () => {
    // promotion.ts:83: a comparator that ignores or adds the positions does not order the group
    const json = JSON.parse(JSON.stringify(rank(units("p", [90, 85, 80, 75, 70, 65])))) as { entries: unknown[] };
    const e = json.entries;
    const shuffled = { ...json, entries: [e[2], e[5], e[0], e[4], e[1], e[3]] } as unknown as Ranking;
    expect(reallocatePromotionSlots(shuffled).map((m) => `${m.subjectId}${m.change > 0 ? "+" : ""}${m.change}`)).toEqual(["p6-1", "p1+1", "p5-1", "p2+1"]);
  });

  it("uses the groups of a ranking already grouped by the policy's field as they are", () => {
    // promotion.ts:71
    expect(reallocatePromotionSlots(withoutAttributes(ranking), { groupBy: "department" })).toEqual(reallocatePromotionSlots(ranking));
  });
});
