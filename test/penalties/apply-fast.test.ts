/**
 * withPenalties skips its schemas for plainly valid subjects and results (a plain pre-check); the
 * same input with one object given without a prototype (which the schemas accept, the pre-check
 * does not) takes the schemas. Both must give the same subjects, or the same issues.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safely } from "../../src/core/errors.js";
import { withPenalties, type LastPlaceResult, type SubjectInput } from "../../src/index.js";
import { runs } from "../helpers.js";

/** The same object, without a prototype: the schemas read it as they read a plain one. */
const bare = <T extends object>(o: T): T => Object.assign(Object.create(null), o);

/** Mostly valid, now and then not: `bad` values (of the wrong type, or numbers zod refuses). */
const mostly = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>): fc.Arbitrary<T> => fc.oneof({ weight: 20, arbitrary: good }, { weight: 1, arbitrary: bad as fc.Arbitrary<T> });
const idArb = mostly(fc.constantFrom("a", "b", "c", "d"), fc.constant(7));
const subjectArb = fc.record(
  { id: idArb, values: fc.constant({}), deductions: mostly(fc.constantFrom(undefined, [], [{ points: 1, reason: "r" }]), fc.constant("no")), flags: mostly(fc.constantFrom(undefined, [{ id: "x" }]), fc.constant(1)) },
  { requiredKeys: ["id", "values"] },
);
/** Subjects a to d (so that most deductions name one of them), then a few more; or a sparse list. */
const subjectsArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.array(subjectArb, { minLength: 4, maxLength: 4 }), fc.array(subjectArb, { maxLength: 2 })).map(([xs, more]) => [...xs.map((x, i) => ({ ...x, id: "abcd"[i]! })), ...more]) },
  { weight: 1, arbitrary: fc.sparseArray(fc.record({ id: fc.constantFrom("a", "b"), values: fc.constant({}) }), { maxLength: 4 }) },
);
const numberArb = mostly(fc.constantFrom(1, 0.5, 2), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, "1"));
const deducted = { kind: "deducted", bottomPlace: 1, groupSize: 5, peerGroup: null };
/** A deduction's reason: data, or now and then text or data the schema refuses (each of its checks). */
const deductionReasonArb = mostly(
  fc.constantFrom(deducted, { kind: "deducted", label: "月度末位", bottomPlace: 2, groupSize: 5, peerGroup: "征管" }),
  fc.constantFrom(
    3,
    "末位扣分: last of 5",
    { ...deducted, kind: "lastPlace" },
    { ...deducted, bottomPlace: 0 },
    { ...deducted, bottomPlace: 1.5 },
    { ...deducted, groupSize: 2_000_001 },
    { ...deducted, groupSize: "5" },
    { ...deducted, peerGroup: 3 },
    { ...deducted, peerGroup: undefined },
    { ...deducted, label: 5 },
    { ...deducted, label: "x".repeat(201) },
  ),
);
const last = { kind: "lastPlace", groupSize: 5, peerGroup: null };
/** A flag's reason, likewise. */
const flagReasonArb = mostly(
  fc.constantFrom(last, { ...last, peerGroup: "征管" }),
  fc.constantFrom("last of 5", null, deducted, { ...last, groupSize: 0 }, { ...last, peerGroup: 1 }),
);
const resultArb = fc.record({
  groups: fc.constant([]),
  spared: fc.constant([]),
  deductions: fc.array(fc.record({ subjectId: idArb, peerGroup: fc.constant(null), bottomPlace: fc.constant(1), groupSize: fc.constant(5), score: fc.constant(50), points: numberArb, target: fc.constantFrom("total", "indicator:t2"), reason: deductionReasonArb, tiedWith: fc.constant([]) }), { maxLength: 4 }),
  flags: fc.array(fc.record({ subjectId: idArb, id: fc.constantFrom("pd"), name: mostly(fc.constantFrom(undefined, "晋升暂缓"), fc.constant(1)), reason: flagReasonArb }, { requiredKeys: ["subjectId", "id", "reason"] }), { maxLength: 4 }),
});

describe("withPenalties: the pre-check and the schemas agree", () => {
  it("plain input and the same input given partly without a prototype give the same subjects or the same issues", () => {
    let succeeded = 0;
    fc.assert(
      fc.property(subjectsArb, resultArb, fc.nat(), (subjects, result, k) => {
        const ss = subjects as SubjectInput[];
        const r = result as unknown as LastPlaceResult;
        const fast = safely(() => withPenalties(ss, r));
        // One subject without a prototype: the subjects take the schema.
        const i = ss.length === 0 ? -1 : k % ss.length;
        const bareSubjects = i < 0 || ss[i] === undefined ? ss : ss.map((s, j) => (j === i ? bare(s) : s));
        expect(safely(() => withPenalties(bareSubjects, r))).toEqual(fast);
        // The result without a prototype: the result takes the schema.
        expect(safely(() => withPenalties(ss, bare(r)))).toEqual(fast);
        if (fast.success) succeeded++;
      }),
      { numRuns: runs(2000) },
    );
    // Most inputs are valid: the pre-check's own path is what is compared.
    expect(succeeded).toBeGreaterThan(runs(2000) / 10);
  });
});

describe("withPenalties: unusual input the pre-check leaves to the schemas", () => {
  const subjects = [{ id: "a", values: {} }, { id: "b", values: {} }] as SubjectInput[];
  const deduction = { subjectId: "a", peerGroup: null, bottomPlace: 1, groupSize: 5, score: 50, points: 1, target: "total", reason: deducted };
  const result = (over: object = {}, flags: unknown[] = []) => ({ groups: [], spared: [], deductions: [{ ...deduction, ...over }], flags }) as unknown as LastPlaceResult;
  const cases: [string, unknown, unknown][] = [
    ["points NaN", subjects, result({ points: Number.NaN })],
    ["points Infinity", subjects, result({ points: Number.POSITIVE_INFINITY })],
    ["points as text", subjects, result({ points: "1" })],
    ["a flag's name not text", subjects, result({}, [{ subjectId: "a", id: "pd", name: 1, reason: last }])],
    ["a reason as text", subjects, result({ reason: "末位扣分: last of 5" })],
    ["a reason of another kind", subjects, result({ reason: last })],
    ["a flag's reason as text", subjects, result({}, [{ subjectId: "a", id: "pd", reason: "last of 5" }])],
    ["a flag's reason with a place of 0", subjects, result({}, [{ subjectId: "a", id: "pd", reason: { ...last, groupSize: 0 } }])],
    ["a hole in the deductions", subjects, { groups: [], spared: [], deductions: [, deduction], flags: [] }],
    ["a hole in the subjects", [, subjects[1]], result({ subjectId: "b" })],
    ["a subject's deductions not a list", [{ id: "a", values: {}, deductions: "x" }], result()],
  ];
  it.each(cases)("%s: the same issues as the schemas give", (_, ss, r) => {
    const fast = safely(() => withPenalties(ss as SubjectInput[], r as LastPlaceResult));
    expect(fast.success).toBe(false);
    const schemas = safely(() => withPenalties((ss as SubjectInput[]).map((s) => (s === undefined ? s : bare(s))), bare(r as LastPlaceResult)));
    expect(fast).toEqual(schemas);
  });
  it("a getter that throws: that field could not be read, at its path", () => {
    const ss = [{ id: "a", values: {}, get flags(): never { throw new Error("no"); } }] as SubjectInput[];
    expect(safely(() => withPenalties(ss, result()))).toMatchObject({ success: false, issues: [{ code: "unreadable_input", path: [0, "flags"], message: "[0].flags: could not be read (a getter or proxy threw), so nothing of it was used" }] });
  });
});
