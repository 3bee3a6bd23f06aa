import { describe, expect, it } from "vitest";
import { defineScheme, scoreAll, scoreTotals, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { fastList } from "./fast.helpers.js";

// Re-entrancy: the fast path keeps no working state at module level. A value getter
// that scores again while the outer call is running — on the same scheme or another — must
// neither change the outer call's totals nor get wrong totals itself.

/** Two direct indicators of 10 points each, nothing rounded: a value of 8 decimals is exact only on the full path. */
const pair: SchemeConfig = {
  id: "pair",
  full: 20,
  groups: [{ id: "g", points: 20, indicators: [{ id: "x", points: 10, method: { type: "direct" } }, { id: "y", points: 10, method: { type: "direct" } }] }],
};

/** Another scheme: a completion and a band, the indicators rounded to 2 decimals. */
const other: SchemeConfig = {
  id: "other",
  full: 100,
  rounding: { indicator: { decimals: 2, mode: "half-up" } },
  groups: [
    {
      id: "g",
      points: 100,
      indicators: [
        { id: "done", points: 60, method: { type: "completion", target: 3 } },
        { id: "speed", points: 40, method: { type: "band", best: 1, worst: 10, worstFraction: 0.2 } },
      ],
    },
  ],
};

/** The inner batches: the second subject of each leaves the fast path (8 decimals; 7 decimals). */
const innerPair: SubjectInput[] = [
  { id: "i1", values: { x: 3, y: 4.5 } },
  { id: "i2", values: { x: 1.23456789, y: 2 } },
];
const innerOther: SubjectInput[] = [
  { id: "o1", values: { done: 2, speed: 4 } },
  { id: "o2", values: { done: 1, speed: 3.1234567 } },
];

/** Inner batches whose last subject the fast path scores (it ends with no subject marked), and whose last it leaves. */
const endsFast = { pair: [innerPair[1]!, innerPair[0]!], other: [innerOther[1]!, innerOther[0]!] };
const endsLeft = { pair: innerPair, other: innerOther };
type Batches = typeof endsFast;

const totalsOf = (rs: readonly { subjectId: string; total: number }[]) => rs.map((r) => [r.subjectId, r.total]);

/** Values whose value `name` is a getter that gives `value` after scoring both inner batches with scoreTotals; every inner result is kept in `inner`. */
function reentrant(name: string, value: number, rest: Record<string, number>, inner: { pair: unknown[]; other: unknown[] }, batches: Batches = endsFast) {
  const values = { ...rest };
  Object.defineProperty(values, name, {
    enumerable: true,
    get() {
      inner.pair.push(totalsOf(scoreTotals(defineScheme(pair), batches.pair)));
      inner.other.push(totalsOf(scoreTotals(defineScheme(other), batches.other)));
      return value;
    },
  });
  return values;
}

describe("scoreTotals is re-entrant", () => {
  it("gives the outer totals of scoreAll when a value getter scores again on the same and on another scheme", () => {
    const scheme = defineScheme(pair);
    const inner = { pair: [] as unknown[], other: [] as unknown[] };
    // x leaves the fast path (8 decimals); y's getter then runs two whole scoreTotals calls, each
    // ending on a subject it scores fast: with state shared between calls, a's mark was cleared and
    // its total came out 5 (x counted as 0).
    const subjects: SubjectInput[] = [
      { id: "a", values: reentrant("y", 5, { x: 5.01234567 }, inner) },
      { id: "b", values: reentrant("y", 3.5, { x: 2 }, inner) },
    ];
    const totals = totalsOf(scoreTotals(scheme, subjects));
    expect(inner.pair.length).toBeGreaterThan(0);
    const expected = totalsOf(scoreAll(scheme, subjects));
    expect(expected).toEqual([
      ["a", 10.01234567],
      ["b", 5.5],
    ]);
    expect(totals).toEqual(expected);
  });

  it.each([
    ["ending on a subject scored fast", endsFast],
    ["ending on a subject left to the full path", endsLeft],
  ])("gives the inner calls their own right totals (%s)", (_, batches) => {
    const inner = { pair: [] as unknown[], other: [] as unknown[] };
    const subjects: SubjectInput[] = [
      { id: "a", values: reentrant("y", 5, { x: 5.01234567 }, inner, batches) },
      { id: "b", values: reentrant("y", 3.5, { x: 2 }, inner, batches) },
    ];
    expect(totalsOf(scoreTotals(defineScheme(pair), subjects))).toEqual([
      ["a", 10.01234567],
      ["b", 5.5],
    ]);
    const pairTotals = totalsOf(scoreAll(defineScheme(pair), innerPair));
    const otherTotals = totalsOf(scoreAll(defineScheme(other), innerOther));
    expect(pairTotals).toEqual([
      ["i1", 7.5],
      ["i2", 3.23456789],
    ]);
    expect(otherTotals).toEqual([
      ["o1", 69.33], // 40 + 29.33 (40 × (0.2 × 9 + 0.8 × 6) ÷ 9)
      ["o2", 52.45], // 20 + 32.45 (40 × (1.8 + 0.8 × 6.8765433) ÷ 9, on the full path)
    ]);
    expect(inner.pair.length).toBeGreaterThanOrEqual(2);
    for (const t of inner.pair) expect(t).toEqual(pairTotals);
    for (const t of inner.other) expect(t).toEqual(otherTotals);
  });

  it("keeps the outer subject on the fast path when an inner call ended on a subject it left", () => {
    const inner = { pair: [] as unknown[], other: [] as unknown[] };
    // Each inner batch's last subject leaves the fast path: its mark must not reach the outer subject.
    const subjects = [{ id: "a", values: reentrant("x", 5, { y: 4 }, inner, endsLeft) }];
    expect(fastList(pair, subjects)).toEqual([9]);
    expect(inner.pair).toEqual([totalsOf(scoreAll(defineScheme(pair), innerPair))]);
  });
});
