/**
 * The one read of a caller's input (src/core/snapshot.ts): own enumerable fields, each read once,
 * into null-prototype objects; what cannot be read plainly is refused with its path.
 */
import { describe, expect, it } from "vitest";
import { defineScheme, isJixiaoError, rank } from "../../src/index.js";
import { isCopy, made, MAX_INPUT_DEPTH, MAX_INPUT_VALUES, snapshot } from "../../src/core/snapshot.js";

const refusal = (input: unknown): [string, readonly (string | number)[]][] => {
  try {
    snapshot(input);
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    return error.issues.map((i) => [i.code, i.path]);
  }
  throw new Error("not refused");
};

describe("snapshot: the input as plain data", () => {
  it("copies own enumerable fields into objects that inherit nothing, and lists into lists", () => {
    const input = { a: 1, b: [1, { c: "x" }], d: { e: null } };
    const copy = snapshot(input) as typeof input;
    expect(copy).toEqual(input);
    expect(copy).not.toBe(input);
    expect(copy.b).not.toBe(input.b);
    for (const o of [copy, copy.d, copy.b[1]]) {
      expect(isCopy(o)).toBe(true);
      expect((o as Record<string, unknown>).toString).toBeUndefined();
      expect(Object.getPrototypeOf(Object.getPrototypeOf(o))).toBeNull();
    }
    expect(Array.isArray(copy.b)).toBe(true);
  });

  it("reads each getter exactly once, and the copy keeps what it read", () => {
    let reads = 0;
    const input = {
      get x() {
        reads++;
        return reads === 1 ? "first" : "later";
      },
    };
    const copy = snapshot(input) as { x: string };
    expect(reads).toBe(1);
    expect(copy.x).toBe("first");
    expect(copy.x).toBe("first");
  });

  it("leaves out what is not an own enumerable string key", () => {
    const proto = { inherited: 1 };
    const input = Object.create(proto, { own: { value: 1, enumerable: true }, hidden: { value: 2, enumerable: false } });
    input[Symbol("s")] = 3;
    expect(Object.keys(snapshot(input) as object)).toEqual(["own"]);
  });

  it("reads a hole as undefined, never through Array.prototype", () => {
    (Array.prototype as unknown as Record<number, unknown>)[1] = "polluted";
    try {
      expect(snapshot([1, , 3])).toEqual([1, undefined, 3]);
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[1];
    }
  });

  it("copies a deep or large object reached twice once, and shares the copy; a small shallow one once a path", () => {
    const large = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i]));
    const deep = { x: 1 };
    const copy = snapshot({ a: large, b: [large], c: { d: { e: deep } }, f: { g: { h: deep } } }) as Record<string, any>;
    expect(copy.a).toBe(copy.b[0]);
    expect(copy.c.d.e).toBe(copy.f.g.h);
    let reads = 0;
    const small = { get x() { return ++reads; } };
    const twice = snapshot({ a: small, b: small }) as Record<string, { x: number }>;
    expect([twice.a!.x, twice.b!.x, reads]).toEqual([1, 2, 2]);
  });

  it("a fan of references to one large object is bounded: it is copied once", () => {
    const big = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    const fan = Array.from({ length: 100_000 }, () => big);
    const started = performance.now();
    const copy = snapshot(fan) as unknown[];
    expect(copy[0]).toBe(copy[99_999]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("copies dates by their time and keeps functions", () => {
    const f = () => 1;
    const when = new Date(0);
    const copy = snapshot({ when, f }) as { when: Date; f: () => number };
    expect(copy.when).not.toBe(when);
    expect(copy.when.getTime()).toBe(0);
    expect(copy.f).toBe(f);
  });

  it("takes what the library made as it is", () => {
    const scheme = defineScheme({ id: "s", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }] });
    const ranking = rank([{ subjectId: "a", total: 1 }]);
    expect(snapshot(scheme)).toBe(scheme);
    expect((snapshot({ ranking }) as { ranking: unknown }).ranking).toBe(ranking);
    const mine = made("test", Object.freeze({ x: 1 }));
    expect(snapshot([mine])).toEqual([mine]);
    expect((snapshot([mine]) as unknown[])[0]).toBe(mine);
  });

  it("returns a copy it made as it is", () => {
    const copy = snapshot({ a: [1] });
    expect(snapshot(copy)).toBe(copy);
  });
});

describe("snapshot: what cannot be read plainly is refused, with every path", () => {
  it("a getter or a Proxy trap that throws is unreadable_input at its path", () => {
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error("trap"); } });
    const described = new Proxy({ a: 1 }, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } });
    const got = new Proxy({ a: 1 }, { get: () => { throw new Error("trap"); } });
    const getter = { get y() { throw new Error("getter"); } };
    expect(refusal({ a: throwing, b: [described], c: got, d: getter })).toEqual([
      ["unreadable_input", ["a"]],
      ["unreadable_input", ["b", 0]],
      ["unreadable_input", ["c", "a"]],
      ["unreadable_input", ["d", "y"]],
    ]);
  });

  it("after a getter that throws, the fields after it are still read, once each, and every other that throws is found", () => {
    const reads: string[] = [];
    const input = {
      get a() { reads.push("a"); return 1; },
      get b(): number { reads.push("b"); throw new Error("b"); },
      get c() { reads.push("c"); return 3; },
      get d(): number { reads.push("d"); throw new Error("d"); },
      get e() { reads.push("e"); return 5; },
    };
    expect(refusal({ x: input })).toEqual([
      ["unreadable_input", ["x", "b"]],
      ["unreadable_input", ["x", "d"]],
    ]);
    expect(reads).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("a Proxy whose getPrototypeOf throws (asked whether it is a Date) is unreadable_input", () => {
    expect(refusal({ p: new Proxy({}, { getPrototypeOf: () => { throw new Error("trap"); } }) })).toEqual([["unreadable_input", ["p"]]]);
  });

  it("an own __proto__ field, as JSON.parse makes it, is reserved_key at any depth", () => {
    const input = JSON.parse('{"__proto__": {"points": 5}, "a": [{"b": {"__proto__": 1}}]}');
    expect(refusal(input)).toEqual([
      ["reserved_key", ["__proto__"]],
      ["reserved_key", ["a", 0, "b", "__proto__"]],
    ]);
  });

  it("constructor and toString are data like any other key", () => {
    const copy = snapshot({ constructor: 1, toString: "x" }) as Record<string, unknown>;
    expect(copy.constructor).toBe(1);
    expect(copy.toString).toBe("x");
  });

  it("an object that contains itself is refused, not followed forever", () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    const list: unknown[] = [];
    list.push({ back: list });
    expect(refusal({ a })).toEqual([["invalid_type", ["a", "self"]]]);
    expect(refusal(list)).toEqual([["invalid_type", [0, "back"]]]);
    // Each field read once on the way: the cycle is found where it first comes round.
    let reads = 0;
    const b: Record<string, unknown> = { get title() { return ++reads; } };
    b.self = b;
    refusal({ deep: { deeper: { b } } });
    expect(reads).toBe(1);
  });

  it("an input nested deeper than MAX_INPUT_DEPTH is refused at that depth", () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH + 5; i++) deep = { a: deep };
    const [[code, path]] = refusal(deep) as [[string, unknown[]]];
    expect(code).toBe("out_of_range");
    // (Its path shows where the deep structure starts: its first 100 keys.)
    expect(path).toHaveLength(100);
    let fine: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) fine = { a: fine };
    expect(() => snapshot(fine)).not.toThrow();
  });

  it("Maps, Sets, typed arrays and boxed primitives are not plain data", () => {
    expect(refusal([new Map(), new Set(), new Uint8Array(2), Object(1), /x/, new Error("e")])).toEqual([0, 1, 2, 3, 4, 5].map((i) => ["invalid_type", [i]]));
  });

  it("a list longer than MAX_INPUT_VALUES is refused at once, without walking it", () => {
    const sparse: unknown[] = [];
    sparse.length = MAX_INPUT_VALUES + 1;
    const started = performance.now();
    expect(refusal({ list: sparse })).toEqual([["out_of_range", ["list"]]]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("lists at most MAX_ISSUES issues and counts the rest", () => {
    const input = Array.from({ length: 1500 }, () => JSON.parse('{"__proto__": 1}'));
    try {
      snapshot(input);
      throw new Error("not refused");
    } catch (error) {
      if (!isJixiaoError(error)) throw error;
      expect(error.issues).toHaveLength(1001);
      expect(error.issues[1000]!.code).toBe("too_many_issues");
    }
  });
});
