import { describe, expect, it } from "vitest";
import { defineScheme, FAST_MEMO_BYTES, scoreAll, scoreTotals, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { fastMemoBytes, fastTotals, type FastScheme } from "../../src/scoring/fast.js";
import { fastOf } from "./fast.helpers.js";

// The fast path's remembered points: at most FAST_MEMO_BYTES, all schemes together,
// whatever the schemes' sizes; a batch of a few subjects keeps nothing.

/** A scheme of `n` indicators of 1 point each (completion against 100, rounded to 2 decimals). */
const wide = (id: string, n: number): SchemeConfig => ({
  id,
  full: n,
  rounding: { indicator: { decimals: 2 } },
  groups: [{ id: "g", points: n, indicators: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, points: 1, method: { type: "completion" as const, target: 100 } })) }],
});

/** `count` subjects with a value of up to two decimals for each of `n` indicators. */
const subjects = (n: number, count: number): SubjectInput[] =>
  Array.from({ length: count }, (_, s) => ({ id: `c${String(s).padStart(4, "0")}`, values: Object.fromEntries(Array.from({ length: n }, (_, i) => [`i${i}`, ((s * 7 + i * 13) % 10_000) / 100])) }));

const totals = (scheme: SchemeConfig, xs: SubjectInput[]) => scoreAll(scheme, xs).map((r) => [r.subjectId, r.total]);

describe("the fast path's memory budget", () => {
  it("is 32 MiB", () => {
    expect(FAST_MEMO_BYTES).toBe(32 * 1024 * 1024);
  });

  it("keeps nothing for one subject over 10,000 indicators, which scores at once", () => {
    const scheme = defineScheme(wide("one", 10_000));
    const before = fastMemoBytes();
    const start = performance.now();
    const [t] = scoreTotals(scheme, subjects(10_000, 1));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(t!.total).toBe(totals(scheme, subjects(10_000, 1))[0]![1]);
    expect(fastMemoBytes()).toBe(before);
  });

  it("stays within the budget when a scheme's indicators would want more, with the full path's totals", () => {
    // 400 indicators seen by 80 subjects each would want 400 × 128 KiB = 50 MiB.
    const scheme = defineScheme(wide("many", 400));
    const xs = subjects(400, 80);
    const got = scoreTotals(scheme, xs).map((r) => [r.subjectId, r.total]);
    expect(fastMemoBytes()).toBe(FAST_MEMO_BYTES);
    expect(got).toEqual(totals(scheme, xs));
    // Again, now with the points remembered for 256 of them and the rest scored anew.
    expect(scoreTotals(scheme, xs).map((r) => [r.subjectId, r.total])).toEqual(got);
    expect(fastMemoBytes()).toBe(FAST_MEMO_BYTES);
  });

  it("takes back the room of the schemes used least lately for the scheme in use", () => {
    const held = (f: FastScheme) => f.list.filter((i) => i.memo !== undefined).length;
    const first = fastOf(wide("first", 300))!;
    fastTotals(first, subjects(300, 100), {});
    // Every other scheme's room is taken back before the first scheme goes without.
    expect(held(first)).toBe(256);
    expect(fastMemoBytes()).toBe(FAST_MEMO_BYTES);
    // A second scheme, used later, gets room for its 20 indicators from the first.
    const second = fastOf(wide("second", 20))!;
    fastTotals(second, subjects(20, 100), {});
    expect([held(first), held(second)]).toEqual([236, 20]);
    expect(fastMemoBytes()).toBe(FAST_MEMO_BYTES);
    // The first scheme, used again, takes room back from the second for its indicators without.
    const xs = subjects(300, 100);
    const again = fastTotals(first, xs, {});
    expect([held(first), held(second)]).toEqual([256, 0]);
    expect([...again.totals]).toEqual(totals(wide("first", 300), xs).map(([, t]) => t));
  });
});
