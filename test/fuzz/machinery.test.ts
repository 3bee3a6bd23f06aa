/** The fuzz machinery catches what it is there to catch (so a green run means something). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JixiaoError } from "../../src/index.js";
import { changingGetter, checkGetter, checkProxy, checkRenamed, checkSheet, copy, deepFreeze, depthOf, expectIssue, fingerprint, measured, mutant, outcome, ownProto, SPECIAL_KEYS, throwingProxy, verdict } from "./fuzz.js";

const issue = { code: "invalid_input" as const, path: [], params: { key: "failed" as const, context: "bad" }, message: "bad" };

describe("fuzz machinery", () => {
  it("outcome: a result or a JixiaoError passes; anything else fails", () => {
    expect(outcome(() => ({ a: [1, "x", null] }))).toBe("ok");
    expect(outcome(() => {
      throw new JixiaoError([issue]);
    })).toBe("error");
    expect(() => outcome(() => (null as unknown as { x: () => void }).x())).toThrow(/threw TypeError instead of a JixiaoError/);
    expect(() => outcome(() => { const f = (): number => f() + 1; return f(); })).toThrow(/threw RangeError/);
    expect(() => outcome(() => { throw new JixiaoError([{ ...issue, code: "nope" as never }]); })).toThrow(/code/);
    expect(() => outcome(() => ({ n: Number.POSITIVE_INFINITY }))).toThrow(/Infinity/);
    expect(() => outcome(() => [Number.NaN])).toThrow(/NaN/);
    expect(() => outcome(() => 10n)).toThrow(/not JSON-serialisable/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => outcome(() => cyclic)).toThrow(/not JSON-serialisable/);
    expect(() => outcome(() => { const t = performance.now(); while (performance.now() - t < 30); }, 10)).toThrow(/more than the bound of 10 ms/);
  });

  it("outcome: a changed frozen input fails (strict mode), and so does a polluted Object.prototype", () => {
    const input = deepFreeze({ list: [3, 1, 2] });
    expect(() => outcome(() => input.list.sort())).toThrow(/TypeError/);
    try {
      expect(() => outcome(() => void Object.assign(Object.prototype, { polluted: true }))).toThrow(/Object\.prototype was polluted/);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(() => outcome(() => void JSON.parse('{"__proto__": {"polluted": true}}'))).not.toThrow();
  });

  it("checkSheet: rows of text and finite numbers of one width; error cells as #JIXIAO! …", () => {
    expect(() => checkSheet([["a", 1], ["", 2]])).not.toThrow();
    expect(() => checkSheet([["a", 1], [2]])).toThrow(/ragged/);
    expect(() => checkSheet([[Number.NaN]])).toThrow(/cell/);
    expect(() => checkSheet([["#JIXIAO!bad"]])).toThrow(/bad error cell/);
  });

  it("mutant: inputs are frozen copies, the base is untouched, and special keys are own keys", () => {
    const base = { id: "x", groups: [{ id: "g", points: 1 }] };
    const before = JSON.stringify(base);
    let specialKey = false;
    fc.assert(
      fc.property(mutant(base), (m) => {
        expect(Object.isFrozen(m.value) || m.value === null || typeof m.value !== "object").toBe(true);
        if (m.value && typeof m.value === "object" && SPECIAL_KEYS.some((k) => Object.prototype.hasOwnProperty.call(m.value, k))) specialKey = true;
      }),
      { numRuns: 500, seed: 1 },
    );
    expect(JSON.stringify(base)).toBe(before);
    expect(specialKey).toBe(true);
  });

  it("copy, depthOf and fingerprint: own __proto__ keys, cycles and deep nesting", () => {
    const v = JSON.parse('{"__proto__": {"a": 1}, "b": [1, 2]}');
    const c = copy(v);
    expect(Object.prototype.hasOwnProperty.call(c, "__proto__")).toBe(true);
    expect(fingerprint(c)).toBe(fingerprint(v));
    c.b.push(3);
    expect(fingerprint(c)).not.toBe(fingerprint(v));
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(depthOf(deep)).toBe(10_000);
    expect(fingerprint(deep).length).toBeGreaterThan(10_000);
  });

  const BASE = [{ id: "c1", values: { x: 1, y: [1, 2] } }, { id: "c2", values: { x: 2, y: [] } }];
  /** Every case of `arbitrary` must pass `check`, or (`fails`) some case must fail it with `message`. */
  function probing<P>(arbitrary: fc.Arbitrary<P>, check: (p: P) => void, fails?: RegExp): void {
    if (!fails) return fc.assert(fc.property(arbitrary, check), { numRuns: 200, seed: 1 });
    let failure = "none";
    try {
      fc.assert(fc.property(arbitrary, check), { numRuns: 200, seed: 1 });
    } catch (error) {
      failure = String(((error as Error).cause as Error | undefined)?.message);
    }
    expect(failure).toMatch(fails);
  }
  /** Getters alone, without the mutations that may add cycles or throwing getters. */
  const getters = changingGetter(BASE).filter((p) => p.steps.length === 1);
  const roundTrip = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

  it("a changing getter: an entry that reads each field once passes; one that reads twice, or hands back the caller's object, fails", () => {
    probing(getters, (p) => checkGetter(p, roundTrip));
    probing(getters, (p) => checkGetter(p, (x) => (JSON.stringify(x), roundTrip(x))), /was read 2 times in one call/);
    probing(getters, (p) => checkGetter(p, (x) => x), /the result holds the caller's getter/);
  });

  it("a throwing Proxy trap: an entry that never looks passes; a raw error fails", () => {
    probing(throwingProxy(BASE), (p) => checkProxy(p, () => 1, {}));
    probing(throwingProxy(BASE), (p) => checkProxy(p, roundTrip, {}), /threw Error instead of a JixiaoError: the \w+ trap throws/);
  });

  it("an own __proto__ key: a result fails (reserved_key wanted)", () => {
    probing(ownProto(BASE), (p) => expectIssue(verdict(() => roundTrip(p.value)), "reserved_key", p.path, "an own __proto__ key"), /wanted a JixiaoError with reserved_key at …\[\d\]\.(values\.)?__proto__/);
  });

  it("an id renamed toString: a lookup in a plain object fails; a Map passes", () => {
    const plainLookup = (xs: typeof BASE) => xs.filter((x) => !({} as Record<string, unknown>)[x.id]).map((x) => x.id);
    const mapLookup = (xs: typeof BASE) => xs.filter((x) => !new Map<string, unknown>().get(x.id)).map((x) => x.id);
    expect(() => checkRenamed(BASE, plainLookup, "c1", "toString")).toThrow(/how often the result holds the id toString/);
    for (const word of ["toString", "hasOwnProperty", "constructor", "__proto__"]) checkRenamed(BASE, mapLookup, "c1", word);
  });

  it("measured: memory kept after the call and time beyond the bound fail", () => {
    const kept: unknown[] = [];
    expect(measured(() => 1).outcome).toBe("ok");
    expect(() => measured(() => void kept.push(new Array(20_000_000).fill(0)))).toThrow(/kept \d+ MB after it returned/);
    kept.length = 0;
    expect(() => measured(() => { const t = performance.now(); while (performance.now() - t < 30); }, 10)).toThrow(/more than the bound of 10 ms/);
  });
});
