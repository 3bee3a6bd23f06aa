import { describe, expect, expectTypeOf, it } from "vitest";
// A scheme file imported as a user does: TypeScript types it from the JSON (every option a string).
import county from "../../examples/rules/county-361.scheme.json" with { type: "json" };
import { county361Example, defineScheme, isJixiaoError, safeDefineScheme, score, type Scheme, type SchemeConfig, type SchemeJson } from "../../src/index.js";

// These tests are checked by the compiler (`tsc --noEmit` includes test/): a call that should not
// compile carries @ts-expect-error, which is itself an error when the call compiles.

describe("a scheme imported from a .json file", () => {
  it("type-checks with defineScheme and safeDefineScheme, and gives a precisely typed Scheme", () => {
    const scheme = defineScheme(county);
    expectTypeOf(scheme).toEqualTypeOf<Scheme>();
    expectTypeOf(scheme.rounding).toEqualTypeOf<SchemeConfig["rounding"]>();
    expect(scheme.id).toBe("county-personal-2024Q3");
    const safe = safeDefineScheme(county);
    expect(safe.success && safe.output.groups.length).toBe(3);
    // The file is the preset, written as JSON.
    expect(score(scheme, { id: "c", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 } }).total).toBe(
      score(defineScheme(county361Example), { id: "c", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 } }).total,
    );
  });

  it("is what SchemeJson describes", () => {
    expectTypeOf(county).toMatchTypeOf<SchemeJson>();
    // A SchemeConfig is a SchemeJson too: code and files meet in one type.
    expectTypeOf<SchemeConfig>().toMatchTypeOf<SchemeJson>();
  });

  it("is validated as strictly as any scheme when it runs", () => {
    // Typed like a JSON import (no `as const`): its options are plain strings.
    const bad = { ...county, rounding: { total: { decimals: 2, mode: "half_up" } } };
    const r = safeDefineScheme(bad);
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_option", ["rounding", "total", "mode"]]]);
    const method = { type: "completon", target: 100 };
    const typo = { id: "x", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method }] }] };
    expect(() => defineScheme(typo)).toThrowError(/method\.type/);
  });

  it("leaves the options written in code checked by the compiler", () => {
    const group = (method: unknown) => [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method }] }] as SchemeConfig["groups"];
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return isJixiaoError(error);
      }
      return false;
    };
    // @ts-expect-error: "half_up" is not a rounding mode
    expect(refused(() => defineScheme({ id: "x", full: 10, rounding: { total: { decimals: 2, mode: "half_up" } }, groups: group({ type: "direct" }) }))).toBe(true);
    expect(
      refused(() =>
        // @ts-expect-error: "completon" is not a method
        defineScheme({ id: "x", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method: { type: "completon", target: 100 } }] }] }),
      ),
    ).toBe(true);
    expect(
      // @ts-expect-error: a completion method needs its target
      safeDefineScheme({ id: "x", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "a", points: 10, method: { type: "completion" } }] }] }).success,
    ).toBe(false);
    // @ts-expect-error: points are a number or decimal text
    expect(refused(() => defineScheme({ id: "x", full: 10, groups: [{ id: "g", points: true, indicators: [] }] }))).toBe(true);
    // @ts-expect-error: an unknown field
    expect(refused(() => defineScheme({ id: "x", full: 10, groups: group({ type: "direct" }), pionts: 1 }))).toBe(true);
  });
});
