import { describe, expect, it } from "vitest";
import {
  defineScheme,
  explainReason,
  isJixiaoError,
  lastPlaceDeductions,
  rank,
  safeLastPlaceDeductions,
  scoreAll,
  withPenalties,
  type LastPlacePolicy,
  type LastPlaceResult,
  type Rankable,
  type SubjectInput,
} from "../../src/index.js";

/** c01, c02 … with the given totals, optionally in a group. */
const subjects = (scores: number[], group?: string, prefix = "c"): Rankable[] =>
  scores.map((total, i) => ({ subjectId: `${prefix}${String(i + 1).padStart(2, "0")}`, total, ...(group ? { group, attributes: { department: group } } : {}) }));

const short = (r: LastPlaceResult) => r.deductions.map((d) => `${d.subjectId}-${d.points}`);

/** A reason in English and in Chinese. */
const words = (reason: Parameters<typeof explainReason>[0]) => [explainReason(reason, { locale: "en" }), explainReason(reason)];

describe("lastPlaceDeductions", () => {
  it("the last loses 1, the second-last 0.5", () => {
    const r = lastPlaceDeductions(rank(subjects([90, 80, 70, 60, 50])), { deductions: [1, 0.5] });
    expect(r).toEqual({
      groups: [{ peerGroup: null, size: 5, exempt: false }],
      deductions: [
        { subjectId: "c05", peerGroup: null, bottomPlace: 1, groupSize: 5, score: 50, exact: "50", points: 1, target: "total", reason: { kind: "deducted", bottomPlace: 1, groupSize: 5, peerGroup: null }, tiedWith: [] },
        { subjectId: "c04", peerGroup: null, bottomPlace: 2, groupSize: 5, score: 60, exact: "60", points: 0.5, target: "total", reason: { kind: "deducted", bottomPlace: 2, groupSize: 5, peerGroup: null }, tiedWith: [] },
      ],
      flags: [],
      spared: [],
    });
    expect(words(r.deductions[0]!.reason)).toEqual(["last-place deduction: last of 5", "末位扣分：同组 5 人中排末位"]);
    expect(words(r.deductions[1]!.reason)).toEqual(["last-place deduction: place 2 from the bottom of 5", "末位扣分：同组 5 人中排倒数第 2 名"]);
  });

  it('ties "all" (default): every subject tied at a place gets that place\'s deduction', () => {
    // two tie for last: both lose 1; the next is third from the bottom, past the list
    const last = lastPlaceDeductions(rank(subjects([90, 80, 70, 60, 60])), { deductions: [1, 0.5] });
    expect(last.deductions.map((d) => [d.subjectId, d.bottomPlace, d.points, d.tiedWith])).toEqual([
      ["c05", 1, 1, ["c04"]],
      ["c04", 1, 1, ["c05"]],
    ]);
    // two tie for second-last: both lose 0.5
    const second = lastPlaceDeductions(rank(subjects([90, 80, 70, 70, 60])), { deductions: [1, 0.5], ties: "all" });
    expect(short(second)).toEqual(["c05-1", "c04-0.5", "c03-0.5"]);
    expect(second.deductions[1]!.reason).toEqual({ kind: "deducted", bottomPlace: 2, groupSize: 5, peerGroup: null });
    // everyone tied: all share the last place
    expect(short(lastPlaceDeductions(rank(subjects([70, 70, 70])), { deductions: [1, 0.5] }))).toEqual(["c03-1", "c02-1", "c01-1"]);
  });

  it('ties "none": no one tied at a place is deducted; they are listed as spared', () => {
    const last = lastPlaceDeductions(rank(subjects([90, 80, 70, 60, 60])), { deductions: [1, 0.5], ties: "none" });
    expect(last.deductions).toEqual([]);
    expect(last.spared).toEqual([
      { subjectId: "c05", bottomPlace: 1, reason: { kind: "tiedSpared", tiedWith: ["c04"] } },
      { subjectId: "c04", bottomPlace: 1, reason: { kind: "tiedSpared", tiedWith: ["c05"] } },
    ]);
    expect(words(last.spared[0]!.reason)).toEqual(["tied with c04; ties: none", "与 c04 并列，按办法并列者不扣分（ties: none）"]);
    const second = lastPlaceDeductions(rank(subjects([90, 80, 70, 70, 60])), { deductions: [1, 0.5], ties: "none" });
    expect(short(second)).toEqual(["c05-1"]);
    expect(second.spared.map((s) => s.subjectId)).toEqual(["c04", "c03"]);
  });

  it("groups smaller than minGroupSize are exempt", () => {
    const ranking = rank([...subjects([90, 80, 70, 60, 50], "征管", "a"), ...subjects([85, 75, 65, 55], "纳服", "b")], { groupBy: "group" });
    const r = lastPlaceDeductions(ranking, { deductions: [1, 0.5], minGroupSize: 5, flag: { id: "promotion-deferred" } });
    expect(r.groups).toEqual([
      { peerGroup: "征管", size: 5, exempt: false },
      { peerGroup: "纳服", size: 4, exempt: true, reason: { kind: "smallGroup", size: 4, minGroupSize: 5 } },
    ]);
    expect(words(r.groups[1]!.reason!)).toEqual(["group of 4, smaller than 5", "本组 4 人，少于 5 人，免于末位扣分"]);
    expect(short(r)).toEqual(["a05-1", "a04-0.5"]);
    expect(r.deductions[0]!.reason).toEqual({ kind: "deducted", bottomPlace: 1, groupSize: 5, peerGroup: "征管" });
    expect(words(r.deductions[0]!.reason)).toEqual(["last-place deduction: last of 5 in 征管", "末位扣分：「征管」组 5 人中排末位"]);
    expect(r.flags.map((f) => f.subjectId)).toEqual(["a05"]);
    // a group exactly at the minimum is not exempt
    expect(short(lastPlaceDeductions(ranking, { deductions: [1], minGroupSize: 4 }))).toEqual(["a05-1", "b04-1"]);
  });

  it("a group of one: its only member is the last, unless exempt", () => {
    const ranking = rank(subjects([70], "solo"), { groupBy: "group" });
    expect(short(lastPlaceDeductions(ranking, { deductions: [1, 0.5] }))).toEqual(["c01-1"]);
    expect(lastPlaceDeductions(ranking, { deductions: [1, 0.5], minGroupSize: 2 }).deductions).toEqual([]);
  });

  it("below: only scores under the bound are deducted (strictly)", () => {
    const r = lastPlaceDeductions(rank(subjects([90, 80, 70, 60, 55])), { deductions: [1, 0.5], below: 60 });
    expect(short(r)).toEqual(["c05-1"]);
    expect(r.spared).toEqual([{ subjectId: "c04", bottomPlace: 2, reason: { kind: "notBelow", score: "60", below: "60" } }]);
    expect(words(r.spared[0]!.reason)).toEqual(["score 60 is not below 60", "得分 60 不低于 60，不扣分"]);
    expect(lastPlaceDeductions(rank(subjects([90, 80])), { deductions: [1], below: "79.99" }).deductions).toEqual([]);
  });

  it("target and reason are carried on each deduction", () => {
    const r = lastPlaceDeductions(rank(subjects([90, 80, 70])), { deductions: ["1.5"], target: "indicator:work", reason: "月度末位" });
    expect(r.deductions).toEqual([
      { subjectId: "c03", peerGroup: null, bottomPlace: 1, groupSize: 3, score: 70, exact: "70", points: 1.5, target: "indicator:work", reason: { kind: "deducted", label: "月度末位", bottomPlace: 1, groupSize: 3, peerGroup: null }, tiedWith: [] },
    ]);
    expect(words(r.deductions[0]!.reason)).toEqual(["月度末位: last of 3", "月度末位：同组 3 人中排末位"]);
  });

  it("the flag for the last place (R13 promotion deferral), for each tied last", () => {
    const flag = { id: "promotion-deferred", name: "晋升暂缓" };
    const r = lastPlaceDeductions(rank(subjects([90, 80, 70, 60, 50])), { deductions: [1, 0.5], flag });
    expect(r.flags).toEqual([{ subjectId: "c05", id: "promotion-deferred", name: "晋升暂缓", reason: { kind: "lastPlace", groupSize: 5, peerGroup: null } }]);
    expect(words(r.flags[0]!.reason)).toEqual(["last of 5", "同组 5 人中排末位"]);
    const tied = lastPlaceDeductions(rank(subjects([90, 80, 70, 60, 60])), { deductions: [1, 0.5], flag: { id: "promotion-deferred" } });
    expect(tied.flags).toEqual([
      { subjectId: "c05", id: "promotion-deferred", reason: { kind: "lastPlace", groupSize: 5, peerGroup: null } },
      { subjectId: "c04", id: "promotion-deferred", reason: { kind: "lastPlace", groupSize: 5, peerGroup: null } },
    ]);
  });

  it("flags the last place even when the deduction spares it (ties none, below)", () => {
    const flag = { id: "promotion-deferred" };
    const tiedNone = lastPlaceDeductions(rank(subjects([90, 80, 70, 60, 60])), { deductions: [1], ties: "none", flag });
    expect(tiedNone.deductions).toEqual([]);
    expect(tiedNone.flags.map((f) => f.subjectId)).toEqual(["c05", "c04"]);
    const notBelow = lastPlaceDeductions(rank(subjects([90, 80, 70])), { deductions: [1], below: 60, flag });
    expect(notBelow.deductions).toEqual([]);
    expect(notBelow.flags.map((f) => f.subjectId)).toEqual(["c03"]);
  });

  it("policy groupBy regroups the ranking", () => {
    const rs = [...subjects([90, 80, 70], "A", "a"), ...subjects([85, 75, 65], "B", "b")];
    const r = lastPlaceDeductions(rank(rs), { deductions: [1], groupBy: "department" });
    expect(r.groups.map((g) => [g.peerGroup, g.size])).toEqual([
      ["A", 3],
      ["B", 3],
    ]);
    expect(short(r)).toEqual(["a03-1", "b03-1"]);
    expect(words(r.deductions[1]!.reason)).toEqual(["last-place deduction: last of 3 in B", "末位扣分：「B」组 3 人中排末位"]);
    // ascending rankings: the highest score is the last
    expect(short(lastPlaceDeductions(rank(subjects([3, 1, 2]), { order: "asc" }), { deductions: [1] }))).toEqual(["c01-1"]);
  });

  it("rejects bad policies with paths", () => {
    const r = safeLastPlaceDeductions(rank(subjects([1])), { deductions: [0, -1], ties: "some" as never, minGroupSize: 0, extra: 1 } as never);
    expect(r.success ? [] : r.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "policy.deductions[0]: must be more than 0, not 0",
          "params": {
            "bound": "moreThan",
            "key": "decimalBound",
            "limit": "0",
            "received": {
              "text": "0",
              "type": "number",
            },
          },
          "path": [
            "policy",
            "deductions",
            0,
          ],
        },
        {
          "code": "out_of_range",
          "message": "policy.deductions[1]: must be more than 0, not -1",
          "params": {
            "bound": "moreThan",
            "key": "decimalBound",
            "limit": "0",
            "received": {
              "text": "-1",
              "type": "number",
            },
          },
          "path": [
            "policy",
            "deductions",
            1,
          ],
        },
        {
          "code": "invalid_option",
          "message": "policy.ties: must be one of "all", "none", not text "some"",
          "params": {
            "key": "oneOf",
            "options": [
              ""all"",
              ""none"",
            ],
            "received": {
              "text": "some",
              "type": "text",
            },
          },
          "path": [
            "policy",
            "ties",
          ],
        },
        {
          "code": "out_of_range",
          "message": "policy.minGroupSize: must be at least 1; it is 0",
          "params": {
            "bound": "atLeast",
            "key": "size",
            "limit": "1",
            "received": {
              "text": "0",
              "type": "number",
            },
            "unit": "",
          },
          "path": [
            "policy",
            "minGroupSize",
          ],
        },
        {
          "code": "unknown_field",
          "message": "policy.extra: is not a known field",
          "params": {
            "key": "unknownField",
          },
          "path": [
            "policy",
            "extra",
          ],
        },
      ]
    `);
    const empty = safeLastPlaceDeductions(rank(subjects([1])), { deductions: [] });
    expect(empty.success || empty.issues.map((i) => [i.code, i.path])).toEqual([["out_of_range", ["policy", "deductions"]]]);
  });

  it("a target that is not total or indicator:<id> is reported as a bad option, not as a bad number", () => {
    const r = safeLastPlaceDeductions(rank(subjects([1])), { deductions: [1], target: "group:x" as never });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.path)).toEqual([["policy", "target"]]);
    expect(r.issues[0]!.code).not.toBe("invalid_number");
    expect(r.issues[0]!.message).not.toMatch(/decimal/);
    expect(r.issues[0]!.message).toMatch(/total|indicator:/);
  });
});

describe("last place end to end: scoreAll → rank → lastPlaceDeductions → withPenalties → scoreAll", () => {
  const scheme = defineScheme({
    id: "month",
    full: 100,
    groups: [
      { id: "work", points: 60, indicators: [{ id: "tasks", points: 60, method: { type: "direct" } }] },
      { id: "study", points: 40, indicators: [{ id: "exam", points: 40, method: { type: "direct" } }] },
    ],
  });
  const people: SubjectInput[] = [
    { id: "p1", name: "甲", values: { tasks: 55, exam: 35 }, attributes: { department: "征管" } },
    { id: "p2", name: "乙", values: { tasks: 50, exam: 30 }, attributes: { department: "征管" } },
    { id: "p3", name: "丙", values: { tasks: 40, exam: 30 }, attributes: { department: "征管" } },
    { id: "p4", name: "丁", values: { tasks: 45, exam: 38 }, attributes: { department: "征管" } },
    { id: "p5", name: "戊", values: { tasks: 30, exam: 20 }, attributes: { department: "征管" }, deductions: [{ points: 2, reason: "差错" }] },
  ];
  // totals: p1 90, p2 80, p3 70, p4 83, p5 50 − 2 = 48
  const first = scoreAll(scheme, people);
  const ranking = rank(first, { groupBy: "department" });
  const policy: LastPlacePolicy = { deductions: [1, 0.5], minGroupSize: 5, groupBy: "department", flag: { id: "promotion-deferred", name: "晋升暂缓" } };

  it("on the total: the deduction shows in the trace (adjust) and the flag in flags", () => {
    expect(first.map((r) => r.total)).toEqual([90, 80, 70, 83, 48]);
    const outcome = lastPlaceDeductions(ranking, policy);
    expect(short(outcome)).toEqual(["p5-1", "p3-0.5"]);
    const again = scoreAll(scheme, withPenalties(people, outcome, { locale: "en" }));
    expect(again.map((r) => r.total)).toEqual([90, 80, 69.5, 83, 47]);

    const p5 = again[4]!;
    expect(p5.deductions).toEqual({
      items: [
        { points: 2, reason: "差错" },
        { points: 1, reason: "last-place deduction: last of 5 in 征管" },
      ],
      requested: 3,
      cap: null,
      applied: 3,
      exact: "3",
    });
    expect(p5.trace.filter((s) => s.rule === "adjust")).toEqual([
      { at: "deduction", rule: "adjust", values: { items: "2", requested: "3" }, result: "3" },
      { at: "total", rule: "adjust", values: { base: "50", bonus: "0", deduction: "3" }, result: "47" },
    ]);
    expect(p5.flags).toEqual([{ id: "promotion-deferred", name: "晋升暂缓", source: "input", reason: "last of 5 in 征管" }]);
    expect(p5.trace).toContainEqual({ at: "input", rule: "flag", values: { id: "promotion-deferred", name: "晋升暂缓", reason: "last of 5 in 征管" }, result: "promotion-deferred" });

    const p3 = again[2]!;
    expect(p3.trace.filter((s) => s.rule === "adjust")).toEqual([
      { at: "deduction", rule: "adjust", values: { items: "1", requested: "0.5" }, result: "0.5" },
      { at: "total", rule: "adjust", values: { base: "70", bonus: "0", deduction: "0.5" }, result: "69.5" },
    ]);
    expect(p3.flags).toEqual([]);
    // the others are scored exactly as before
    expect(again[0]).toEqual(first[0]);
  });

  it("on an indicator: the indicator's earned points drop and its trace shows the adjust step", () => {
    const outcome = lastPlaceDeductions(ranking, { ...policy, target: "indicator:tasks" });
    const again = scoreAll(scheme, withPenalties(people, outcome));
    const p5 = again[4]!;
    expect(p5.indicators[0]).toMatchObject({ id: "tasks", earned: 29, adjustments: [{ points: -1, reason: "末位扣分：「征管」组 5 人中排末位", indicator: "tasks" }] });
    expect(p5.trace.filter((s) => s.rule === "adjust")).toEqual([
      { at: "indicator:tasks", rule: "adjust", values: { earned: "30", bonus: "0", deduction: "1", points: "60" }, result: "29" },
      { at: "deduction", rule: "adjust", values: { items: "1", requested: "2" }, result: "2" },
      { at: "total", rule: "adjust", values: { base: "49", bonus: "0", deduction: "2" }, result: "47" },
    ]);
    expect(again[2]!.indicators[0]!.earned).toBe(39.5);
    expect(again[2]!.total).toBe(69.5);
  });

  it("withPenalties does not change its input, and keeps the subjects' order", () => {
    const outcome = lastPlaceDeductions(ranking, policy);
    const before = structuredClone(people);
    const frozen = people.map((p) => Object.freeze({ ...p }));
    const out = withPenalties(frozen, outcome);
    expect(people).toEqual(before);
    expect(frozen[4]!.deductions).toEqual([{ points: 2, reason: "差错" }]);
    expect(frozen[4]!.flags).toBeUndefined();
    expect(out.map((s) => s.id)).toEqual(["p1", "p2", "p3", "p4", "p5"]);
    expect(out[4]!.deductions).toEqual([
      { points: 2, reason: "差错" },
      { points: 1, reason: "末位扣分：「征管」组 5 人中排末位" },
    ]);
    expect(out[2]!.deductions).toEqual([{ points: 0.5, reason: "末位扣分：「征管」组 5 人中排倒数第 2 名" }]);
    expect(out[4]!.flags).toEqual([{ id: "promotion-deferred", name: "晋升暂缓", reason: "「征管」组 5 人中排末位" }]);
    expect(withPenalties(frozen, outcome, { locale: "en" })[2]!.deductions).toEqual([{ points: 0.5, reason: "last-place deduction: place 2 from the bottom of 5 in 征管" }]);
    expect(out[0]).toEqual(people[0]);
  });

  it("withPenalties rejects deductions and flags for unknown subjects", () => {
    const outcome = lastPlaceDeductions(ranking, policy);
    try {
      withPenalties(people.slice(0, 3), outcome);
      expect.unreachable();
    } catch (e) {
      expect(isJixiaoError(e)).toBe(true);
      if (isJixiaoError(e)) expect(e.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "unknown_id",
            "message": "result.deductions[0].subjectId: names "p5", who is not among the subjects",
            "params": {
              "key": "penaltySubjectUnknown",
              "subjectId": "p5",
            },
            "path": [
              "result",
              "deductions",
              0,
              "subjectId",
            ],
          },
          {
            "code": "unknown_id",
            "message": "result.flags[0].subjectId: names "p5", who is not among the subjects",
            "params": {
              "key": "penaltySubjectUnknown",
              "subjectId": "p5",
            },
            "path": [
              "result",
              "flags",
              0,
              "subjectId",
            ],
          },
        ]
      `);
    }
  });
});
