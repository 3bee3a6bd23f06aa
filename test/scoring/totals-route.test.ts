import { beforeEach, describe, expect, it, vi } from "vitest";
import { defineScheme, safeScoreAll, safeScoreTotals, scoreAll, scoreTotals } from "../../src/index.js";
import { evaluate } from "../../src/scoring/evaluate.js";
import { compileFast, fastTotals } from "../../src/scoring/fast.js";
import { fastList, issuesOf, two, twoWithVetoes } from "./fast.helpers.js";

// The way scoreTotals goes: the fast path, one subject at a time on the full path, or the whole
// batch to scoreAll. Its outcome is scoreAll's whichever way it goes (test/scoring/mutants.test.ts
// checks that), so only these tests notice a change that sends plain batches the slow way.
//
// This file is left out of the mutation suite (vitest.mutation.config.ts): that suite shares
// modules between test files, and a module mock cannot take effect there.
//
// The way it goes is watched through spies that call the real functions: scoreAll, evaluate,
// compileFast and fastTotals. The batch
// limit scoreTotals checks is made small here (a getter over `limit.batch`) so that the limit can
// be tested without two million subjects; scoreAll keeps its own.

const limit = vi.hoisted(() => ({ batch: 2_000_000 }));

vi.mock("../../src/scoring/score.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/scoring/score.js")>();
  return {
    ...actual,
    scoreAll: vi.fn(actual.scoreAll),
    get MAX_BATCH() {
      return limit.batch;
    },
  };
});
vi.mock("../../src/scoring/evaluate.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/scoring/evaluate.js")>();
  return { ...actual, evaluate: vi.fn(actual.evaluate) };
});
vi.mock("../../src/scoring/fast.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/scoring/fast.js")>();
  return { ...actual, compileFast: vi.fn(actual.compileFast), fastTotals: vi.fn(actual.fastTotals) };
});

const spies = { scoreAll: vi.mocked(scoreAll), evaluate: vi.mocked(evaluate), compileFast: vi.mocked(compileFast), fastTotals: vi.mocked(fastTotals) };
beforeEach(() => {
  for (const spy of Object.values(spies)) spy.mockClear();
  limit.batch = 2_000_000;
});

const scheme = defineScheme(twoWithVetoes);

describe("scoreTotals: the way it goes (the fast path, one subject at a time, or scoreAll)", () => {
  const plain = (id: string, x = 5) => ({ id, values: { x, y: 3 } });

  it("scores a plain batch on the fast path alone, compiling the fast scheme once per scheme", () => {
    const fresh = defineScheme(two());
    expect(scoreTotals(fresh, [plain("a"), plain("b", 6)])).toEqual([{ subjectId: "a", total: 8, exact: "8" }, { subjectId: "b", total: 9, exact: "9" }]);
    expect(scoreTotals(fresh, [plain("c")])).toEqual([{ subjectId: "c", total: 8, exact: "8" }]);
    expect(spies.compileFast).toHaveBeenCalledTimes(1);
    expect(spies.fastTotals).toHaveBeenCalledTimes(2);
    expect(spies.evaluate).not.toHaveBeenCalled();
    expect(spies.scoreAll).not.toHaveBeenCalled();
  });

  it("evaluates only the subject the fast path leaves (a value with 7 decimals), without scoreAll", () => {
    const subjects = [plain("a"), plain("b", 1.0000001), plain("c")];
    expect(fastList(scheme, subjects)).toEqual([8, undefined, 8]);
    spies.evaluate.mockClear();
    expect(scoreTotals(scheme, subjects)).toEqual([{ subjectId: "a", total: 8, exact: "8" }, { subjectId: "b", total: 4.0000001, exact: "4.0000001" }, { subjectId: "c", total: 8, exact: "8" }]);
    expect(spies.evaluate).toHaveBeenCalledTimes(1);
    expect(spies.scoreAll).not.toHaveBeenCalled();
  });

  it("stops at the first subject with a problem and lets scoreAll report the whole batch", () => {
    const subjects = [plain("a"), { id: "b", values: { x: 1 } }, { id: "c", values: { y: 1 } }];
    expect(fastList(scheme, subjects)).toEqual([8, undefined, undefined]);
    spies.evaluate.mockClear();
    expect(issuesOf(safeScoreTotals(scheme, subjects))).toEqual(issuesOf(safeScoreAll(scheme, subjects)));
    // b evaluated by scoreTotals itself, which stops there; then all three by its scoreAll, and by the safeScoreAll compared with.
    expect(spies.evaluate).toHaveBeenCalledTimes(1 + 3 + 3);
  });



  it("does not try the fast path for a scheme beyond it (a custom method)", () => {
    const custom = defineScheme({ id: "c", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "custom", score: () => 4 } }] }] });
    expect(scoreTotals(custom, [{ id: "a", values: { x: 1 } }])).toEqual([{ subjectId: "a", total: 4, exact: "4" }]);
    expect(spies.fastTotals).not.toHaveBeenCalled();
    expect(spies.scoreAll).toHaveBeenCalledTimes(1);
  });

  it("leaves a batch above the batch limit to scoreAll, and takes one at the limit", () => {
    limit.batch = 3;
    const three = [plain("a"), plain("b"), plain("c")];
    expect(scoreTotals(scheme, three)).toHaveLength(3);
    expect(spies.scoreAll).not.toHaveBeenCalled();
    expect(scoreTotals(scheme, [...three, plain("d")])).toHaveLength(4);
    expect(spies.scoreAll).toHaveBeenCalledTimes(1);
    expect(spies.fastTotals).toHaveBeenCalledTimes(1);
  });
});
