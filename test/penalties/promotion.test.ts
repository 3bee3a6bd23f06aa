import { describe, expect, it } from "vitest";
import { explainReason, rank, reallocatePromotionSlots, safeReallocatePromotionSlots, type PromotionMove, type Rankable } from "../../src/index.js";

const units = (prefix: string, scores: number[], level?: string): Rankable[] =>
  scores.map((total, i) => ({ subjectId: `${prefix}${i + 1}`, total, ...(level ? { group: level, attributes: { level } } : {}) }));

const short = (moves: readonly PromotionMove[]) => moves.map((m) => `${m.subjectId}${m.change > 0 ? "+" : ""}${m.change} ${m.kind}`);

/** A move's reason in English words. */
const en = (m: PromotionMove) => explainReason(m.reason, { locale: "en" });

describe("reallocatePromotionSlots (R7)", () => {
  const five = rank(units("p", [90, 85, 80, 75, 70]));

  it("the last two lose one slot each; the top two gain them, last paired with first", () => {
    expect(reallocatePromotionSlots(five)).toEqual([
      { subjectId: "p5", peerGroup: null, kind: "promotion-slot", change: -1, position: 5, reason: { kind: "losesSlot", bottomPlace: 1, groupSize: 5, peerGroup: null, vacancy: true, to: { id: "p1" } } },
      { subjectId: "p1", peerGroup: null, kind: "promotion-slot", change: 1, position: 1, reason: { kind: "gainsSlot", position: 1, groupSize: 5, peerGroup: null, vacancy: true, from: { id: "p5" } } },
      { subjectId: "p4", peerGroup: null, kind: "promotion-slot", change: -1, position: 4, reason: { kind: "losesSlot", bottomPlace: 2, groupSize: 5, peerGroup: null, vacancy: true, to: { id: "p2" } } },
      { subjectId: "p2", peerGroup: null, kind: "promotion-slot", change: 1, position: 2, reason: { kind: "gainsSlot", position: 2, groupSize: 5, peerGroup: null, vacancy: true, from: { id: "p4" } } },
    ]);
    expect(reallocatePromotionSlots(five).map(en)).toEqual([
      "last of 5; goes to p1",
      "place 1 of 5; receives what p5 loses",
      "place 2 from the bottom of 5; goes to p2",
      "place 2 of 5; receives what p4 loses",
    ]);
    expect(reallocatePromotionSlots(five).map((m) => explainReason(m.reason))).toEqual([
      "同组 5 人中排末位；转给 p1",
      "同组 5 人中排第 1 名；接收 p5 扣减的晋升名额",
      "同组 5 人中排倒数第 2 名；转给 p2",
      "同组 5 人中排第 2 名；接收 p4 扣减的晋升名额",
    ]);
  });

  it("a loser without a real vacancy moves rank-level (职级) quota instead, and so does its counterpart", () => {
    const moves = reallocatePromotionSlots(five, { vacancies: { p4: false, p5: true, p1: false } });
    expect(short(moves)).toEqual(["p5-1 promotion-slot", "p1+1 promotion-slot", "p4-1 rank-quota", "p2+1 rank-quota"]);
    expect(en(moves[2]!)).toBe("place 2 from the bottom of 5; no real vacancy, so rank-level quota; goes to p2");
    expect(en(moves[3]!)).toBe("place 2 of 5; receives what p4 loses");
    expect(explainReason(moves[2]!.reason)).toBe("同组 5 人中排倒数第 2 名；无实际空缺，改为扣减职级职数；转给 p2");
    expect(explainReason(moves[3]!.reason)).toBe("同组 5 人中排第 2 名；接收 p4 扣减的职级职数");
    // everyone without a vacancy
    expect(short(reallocatePromotionSlots(five, { vacancies: { p4: false, p5: false } }))).toEqual(["p5-1 rank-quota", "p1+1 rank-quota", "p4-1 rank-quota", "p2+1 rank-quota"]);
  });

  it("losers, gainers and slots are policy", () => {
    expect(short(reallocatePromotionSlots(five, { losers: 1, gainers: 1, slots: 2 }))).toEqual(["p5-2 promotion-slot", "p1+2 promotion-slot"]);
    const fewer = reallocatePromotionSlots(five, { gainers: 1 });
    expect(short(fewer)).toEqual(["p5-1 promotion-slot", "p1+1 promotion-slot", "p4-1 promotion-slot"]);
    expect(en(fewer[2]!)).toBe("place 2 from the bottom of 5; no one at the top to receive it");
    expect(fewer[2]!.reason).toEqual({ kind: "losesSlot", bottomPlace: 2, groupSize: 5, peerGroup: null, vacancy: true, to: null });
    expect(reallocatePromotionSlots(five, { losers: 0 })).toEqual([]);
  });

  it("within peer groups: 司局 with 司局, 省局 with 省局", () => {
    const ranking = rank([...units("s", [95, 90, 85, 80], "司局"), ...units("x", [99, 70, 88, 91, 60], "省局")], { groupBy: "group" });
    const moves = reallocatePromotionSlots(ranking);
    expect(moves.map((m) => `${m.peerGroup}:${m.subjectId}${m.change > 0 ? "+" : ""}${m.change}`)).toEqual([
      "司局:s4-1",
      "司局:s1+1",
      "司局:s3-1",
      "司局:s2+1",
      "省局:x5-1",
      "省局:x1+1",
      "省局:x2-1",
      "省局:x4+1",
    ]);
    expect(en(moves[4]!)).toBe("last of 5 in 省局; goes to x1");
    expect(explainReason(moves[4]!.reason)).toBe("「省局」组 5 人中排末位；转给 x1");
    expect(moves[7]).toMatchObject({ position: 2, reason: { kind: "gainsSlot", position: 2, groupSize: 5, peerGroup: "省局", from: { id: "x2" } } });
    expect(en(moves[7]!)).toBe("place 2 of 5 in 省局; receives what x2 loses");
    // the same with the policy regrouping a ranking of everyone
    expect(reallocatePromotionSlots(rank([...units("s", [95, 90, 85, 80], "司局"), ...units("x", [99, 70, 88, 91, 60], "省局")]), { groupBy: "level" })).toEqual(
      moves.map((m) => ({ ...m })),
    );
  });

  it("names the counterpart by its name where the ranking has one", () => {
    const named = rank([{ subjectId: "p1", name: "甲局", total: 90 }, { subjectId: "p2", total: 80 }, { subjectId: "p3", name: "丙局", total: 70 }]);
    const moves = reallocatePromotionSlots(named, { losers: 1, gainers: 1 });
    expect(moves.map((m) => m.reason)).toEqual([
      { kind: "losesSlot", bottomPlace: 1, groupSize: 3, peerGroup: null, vacancy: true, to: { id: "p1", name: "甲局" } },
      { kind: "gainsSlot", position: 1, groupSize: 3, peerGroup: null, vacancy: true, from: { id: "p3", name: "丙局" } },
    ]);
    expect(moves.map((m) => explainReason(m.reason))).toEqual(["同组 3 人中排末位；转给甲局（p1）", "同组 3 人中排第 1 名；接收丙局（p3）扣减的晋升名额"]);
    expect(moves.map(en)).toEqual(["last of 3; goes to 甲局 (p1)", "place 1 of 3; receives what 丙局 (p3) loses"]);
  });

  it("tiny groups: no one both loses and gains", () => {
    const ranking = rank([...units("a", [80], "g1"), ...units("b", [80, 70], "g2"), ...units("c", [90, 80, 70], "g3")], { groupBy: "group" });
    expect(reallocatePromotionSlots(ranking).map((m) => [m.subjectId, m.change, en(m)])).toEqual([
      ["a1", -1, "last of 1 in g1; no one at the top to receive it"],
      ["b2", -1, "last of 2 in g2; no one at the top to receive it"],
      ["b1", -1, "place 2 from the bottom of 2 in g2; no one at the top to receive it"],
      ["c3", -1, "last of 3 in g3; goes to c1"],
      ["c1", 1, "place 1 of 3 in g3; receives what c3 loses"],
      ["c2", -1, "place 2 from the bottom of 3 in g3; no one at the top to receive it"],
    ]);
  });

  it("ties are settled by position: the ranking's tie-break, then the id", () => {
    const rs: Rankable[] = [
      { subjectId: "u1", total: 90, indicators: [{ id: "k", earned: 0 }] },
      { subjectId: "u2", total: 80, indicators: [{ id: "k", earned: 0 }] },
      { subjectId: "u3", total: 70, indicators: [{ id: "k", earned: 0 }] },
      { subjectId: "u4", total: 60, indicators: [{ id: "k", earned: 5 }] },
      { subjectId: "u5", total: 60, indicators: [{ id: "k", earned: 1 }] },
      { subjectId: "u6", total: 60, indicators: [{ id: "k", earned: 3 }] },
    ];
    // by id: u4, u5, u6 → last u6, second-last u5
    expect(short(reallocatePromotionSlots(rank(rs)))).toEqual(["u6-1 promotion-slot", "u1+1 promotion-slot", "u5-1 promotion-slot", "u2+1 promotion-slot"]);
    // by k: u4 (5), u6 (3), u5 (1) → last u5, second-last u6
    expect(short(reallocatePromotionSlots(rank(rs, { ties: "ordinal", tieBreak: ["indicator:k"] })))).toEqual([
      "u5-1 promotion-slot",
      "u1+1 promotion-slot",
      "u6-1 promotion-slot",
      "u2+1 promotion-slot",
    ]);
  });

  it("rejects bad policies with paths", () => {
    const r = safeReallocatePromotionSlots(five, { slots: 0, losers: -1, vacancies: { p1: "yes" as never }, extra: 1 } as never);
    expect(r.success || r.issues.map((i) => [i.code, i.path])).toEqual([
      ["out_of_range", ["policy", "losers"]],
      ["out_of_range", ["policy", "slots"]],
      ["invalid_type", ["policy", "vacancies", "p1"]],
      ["unknown_field", ["policy", "extra"]],
    ]);
  });
});
