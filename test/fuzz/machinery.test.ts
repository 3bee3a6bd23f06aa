/** The fuzz machinery catches what it is there to catch (so a green run means something). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JixiaoError } from "../../src/index.js";
import { checkSheet, copy, deepFreeze, depthOf, fingerprint, mutant, outcome, SPECIAL_KEYS } from "./fuzz.js";

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
});
