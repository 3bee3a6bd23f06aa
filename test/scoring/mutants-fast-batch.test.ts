import { describe, expect, it } from "vitest";
import { safeScoreAll, safeScoreTotals, type Method, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { fastTotals } from "../../src/scoring/fast.js";
import { expectFast, expectLeft, fastOf } from "./fast.helpers.js";

// The batch side of the fast path (src/scoring/fast.ts: wellFormed, rankEarned and its sorting,
// peerGroups, fastTotals): which subjects it takes, and that the totals it gives for them are
// exactly scoreAll's — at the edges of the subject schema's limits and of the rank method.

/** A scheme of a direct indicator `x` (10 points) and an indicator `r` (10 points) scored by `method`. */
const two = (method: Method, extra: Partial<SchemeConfig> = {}): SchemeConfig => ({
  id: "two",
  full: 20,
  groups: [{ id: "g", points: 20, indicators: [{ id: "x", points: 10, method: { type: "direct" } }, { id: "r", points: 10, method }] }],
  ...extra,
});

/** Subjects s000, s001 … with x = 1 and r = each value (left out where `undefined`), in the peer groups given. */
const ranked = (values: readonly unknown[], groups: readonly (string | undefined)[] = []): SubjectInput[] =>
  values.map((v, i) => ({
    id: `s${String(i).padStart(3, "0")}`,
    values: v === undefined ? { x: 1 } : { x: 1, r: v },
    ...(groups[i] !== undefined ? { group: groups[i] } : {}),
  }));

describe("wellFormed", () => {
  const scheme = two({ type: "direct" });
  const values = { x: 6, r: 3 };
  const text = (n: number) => "字".repeat(n);

  // Each field the subject schema allows, at the edges of its limits: the fast path scores it itself.
  const accepted: [string, Record<string, unknown>][] = [
    ["a name", { name: "张三" }],
    ["an empty name", { name: "" }],
    ["a group", { group: "科级" }],
    ["a flag with a name, and a reason of 1 character", { flags: [{ id: "f", name: "暂缓", reason: "r" }] }],
    ["a flag with a reason of 500 characters", { flags: [{ reason: text(500), id: "f" }] }],
    ["1000 flags", { flags: Array.from({ length: 1000 }, (_, k) => ({ id: `f${k}`, reason: "r" })) }],
    ["no flags (an empty list)", { flags: [] }],
    ["attributes of each kind", { attributes: { dept: "征管科", level: 3.5, leader: true, off: false, none: "" } }],
    ["an attribute named by 1 character", { attributes: { k: 1 } }],
    ["an attribute named by 200 characters", { attributes: { [text(200)]: 1 } }],
    ["an attribute of 500 characters", { attributes: { note: text(500) } }],
  ];
  it.each(accepted)("takes a subject with %s", (_, fields) => {
    expectFast(scheme, [{ id: "a", values, ...fields }, { id: "b", values: { x: 1, r: 1 } }] as SubjectInput[]);
  });

  // Just past each limit (or of a type the schema refuses): the whole batch goes to the full path,
  // which reports it.
  const refused: [string, Record<string, unknown>][] = [
    ["an empty id", { id: "" }],
    ["an id of 201 characters", { id: text(201) }],
    ["a reserved id", { id: "constructor" }],
    ["flags that are empty text", { flags: "" }],
    ["1001 flags", { flags: Array.from({ length: 1001 }, (_, k) => ({ id: `f${k}`, reason: "r" })) }],
    ["a flag with a reason of 501 characters", { flags: [{ id: "f", reason: text(501) }] }],
    ["a flag whose reason is a number", { flags: [{ id: "f", reason: 1 }] }],
    ["an attribute named by 201 characters", { attributes: { [text(201)]: 1 } }],
    ["an attribute of 501 characters", { attributes: { note: text(501) } }],
    ["an attribute that is a list", { attributes: { note: [] } }],
    ["an attribute that is infinite", { attributes: { n: Infinity } }],
  ];
  it.each(refused)("leaves the batch to the full path for a subject with %s", (_, fields) => {
    const batch = [{ id: "a", values, ...fields }, { id: "b", values: { x: 1, r: 1 } }] as SubjectInput[];
    expectLeft(scheme, batch);
    expect(safeScoreTotals(scheme, batch).success).toBe(false);
  });
});

describe("fastTotals in a world where Object.prototype has an enumerable key", () => {
  it("leaves the batch to the full path even when the key is a field name and an indicator id", () => {
    // src/scoring/fast.ts:539 — `for … in` would see the inherited "group" as a value of the indicator "group".
    const scheme: SchemeConfig = {
      id: "s",
      full: 20,
      groups: [{ id: "g", points: 20, indicators: [{ id: "x", points: 10, method: { type: "direct" } }, { id: "group", points: 10, method: { type: "direct" } }] }],
    };
    const f = fastOf(scheme)!;
    const subjects = [{ id: "a", values: { x: 1 } }];
    Object.defineProperty(Object.prototype, "group", { value: "5", enumerable: true, configurable: true, writable: true });
    try {
      expect(fastTotals(f, subjects, {}).rankFallback).toBe(true);
      expect(safeScoreTotals(scheme, subjects)).toEqual(safeScoreAll(scheme, subjects));
    } finally {
      delete (Object.prototype as Record<string, unknown>).group;
    }
  });
});

describe("rankEarned", () => {
  // Unsorted values with ties, a subject without a value (null) and one missing the indicator.
  const scrambled = [3, 7, 7, 1, null, 5, 9, 2, 7, 0, 5.5];

  const taken: [string, Method, unknown[], (string | undefined)[], Partial<SchemeConfig>?][] = [
    ["places by step, higher first, with ties (1, 2, 2, 2, 5 …)", { type: "rank", step: 0.5 }, scrambled, []],
    ["places by step, lower first", { type: "rank", step: 0.5, direction: "lower" }, scrambled, []],
    ["places by a whole step, down to the floor", { type: "rank", step: 2, floor: 3.5 }, scrambled, []],
    ["places by step of negative values", { type: "rank", step: 1 }, [-3, -1.5, 0, -7, 2], []],
    ["places by step in a peer group of more than 64 (values in descending order)", { type: "rank", step: 0.1 }, Array.from({ length: 70 }, (_, k) => 70 - k), []],
    ["places by step within peer groups, the first smaller than the second", { type: "rank", step: 1 }, [5, 3, 1, 2, 4], ["a", "a", "b", "b", "b"]],
    ["places by step within peer groups given in any order", { type: "rank", step: 1 }, [5, 9, 3, 8, 1, 2, 4], ["a", "b", "a", "b", "c", "c", "c"]],
    ["one peer group for a group of empty text and no group", { type: "rank", step: 1 }, [1, 2, 3, 4], ["", undefined, "", undefined]],
    ["proportional places, higher first, with a value of 0", { type: "rank", proportional: true }, [8, 2, 4, 0, null, 8], []],
    ["proportional places, lower first", { type: "rank", proportional: true, direction: "lower" }, [4, 2, 8, null, 5], []],
    ["proportional places above the floor, where the floor decides", { type: "rank", proportional: true, floor: 3 }, [4, 0.4, 2, 1], []],
    ["proportional places, all values 0 (every subject leads)", { type: "rank", proportional: true }, [0, 0, null], []],
    ["proportional places, lower first, a value of 0 leading", { type: "rank", proportional: true, direction: "lower" }, [0, 4, 0], []],
    ["proportional places of a single leader of 900 000 000 (points × value would pass 2^52)", { type: "rank", proportional: true }, [900_000_000], []],
    ["proportional places rounded by the indicator rounding's default mode (2.6 ÷ 8 × 10 = 3.25 → 3.3)", { type: "rank", proportional: true }, [8, 2.6], [], { rounding: { indicator: { decimals: 1 } } }],
    ["proportional places where nothing rounds them (10 × 80 ÷ 100 = 8, 10 × 40 ÷ 100 = 4: the ratio is taken in lowest terms)", { type: "rank", proportional: true }, [100, 80, 40, 33.3], []],
    ["proportional places with 6-decimal values rounded down", { type: "rank", proportional: true }, [3.000001, 1.5, "2.25"], [], { rounding: { indicator: { decimals: 2, mode: "down" } } }],
  ];
  it.each(taken)("takes the batch and gives scoreAll's totals: %s", (_, method, values, groups, extra) => {
    expectFast(two(method, extra), ranked(values, groups));
  });

  it("takes a batch where some subjects miss the rank indicator, when a missing value counts 0", () => {
    // src/scoring/fast.ts:557 — a missing value is no value, as null is.
    const subjects = ranked([4, undefined, 2, undefined]);
    expectFast(two({ type: "rank", step: 1 }), subjects, { missing: "zero" });
    expectFast(two({ type: "rank", proportional: true }), subjects, { missing: "not-applicable" });
  });

  it("gives no rank points (NaN) to a subject without a value", () => {
    // src/scoring/fast.ts:463 — the full path reads these for the subjects it scores itself.
    const ranks = fastTotals(fastOf(two({ type: "rank", step: 1 }))!, ranked([4, null, 2, undefined]), { missing: "zero" }).ranks.get("r")!;
    expect([...ranks]).toEqual([10 * 1e8, Number.NaN, 9 * 1e8, Number.NaN]);
  });

  const left: [string, Method, unknown[], Partial<SchemeConfig>?][] = [
    ["a negative value for proportional places (scoreAll refuses it)", { type: "rank", proportional: true }, [4, -1, 2]],
    ["a value the fast reader cannot read", { type: "rank", step: 1 }, [4, "4 points", 2]],
    ["a value of 7 decimals", { type: "rank", proportional: true }, [4, 1.0000001, 2]],
    ["a proportional share that does not terminate where nothing rounds it (1 ÷ 3)", { type: "rank", proportional: true }, [3, 1]],
  ];
  it.each(left)("leaves the whole batch to the full path for %s", (_, method, values, extra) => {
    expectLeft(two(method, extra), ranked(values));
  });
});

describe("fastTotals", () => {
  it("takes a batch where some subjects miss a rank indicator named after an Object.prototype member", () => {
    // src/scoring/fast.ts:557 — `values.toString` of a subject without it is Object.prototype's function, not a value.
    const scheme: SchemeConfig = {
      id: "s",
      full: 20,
      groups: [{ id: "g", points: 20, indicators: [{ id: "x", points: 10, method: { type: "direct" } }, { id: "toString", points: 10, method: { type: "rank", step: 1 } }] }],
    };
    const subjects: SubjectInput[] = [{ id: "a", values: { x: 1, toString: 3 } }, { id: "b", values: { x: 2 } }, { id: "c", values: { x: 2, toString: 5 } }];
    expect(expectFast(scheme, subjects, { missing: "zero" })).toEqual([10, 2, 12]);
    expectFast(scheme, subjects, { missing: "not-applicable" });
    // A missing value is an error by default: that subject is left to the full path, which reports it.
    expectLeft(scheme, subjects, [1]);
  });

  it("leaves a subject whose value is beyond the fast path to the full path, and takes the others", () => {
    // src/scoring/fast.ts:585 — a subject marked `bad` gets no fast total, whatever number was computed.
    const scheme = two({ type: "direct" });
    expectLeft(scheme, [{ id: "a", values: { x: 1, r: 2.0000001 } }, { id: "b", values: { x: 1, r: 2 } }], [0]);
  });
});
