import { describe } from "vitest";
import { defineScheme, explain, score, scoreAll, scoreTotals, type SchemeConfig, type SubjectInput } from "../../src/index.js";
import { COUNTY361, EVERY, EVERY_SUBJECTS, SCHEME, SUBJECTS } from "./bases.js";
import { copy, deepNest, extremes, fuzz, heavy, many } from "./fuzz.js";

type Args = [unknown, unknown, unknown];
const every = defineScheme(EVERY);
const county = defineScheme(SCHEME);

describe("fuzz: schemes and scoring", () => {
  fuzz("defineScheme (the 361 example file)", SCHEME, (s) => defineScheme(s));
  fuzz("defineScheme (every method)", EVERY, (s) => defineScheme(s));
  fuzz("defineScheme (the 361 preset)", COUNTY361, (s) => defineScheme(s));

  fuzz("score: scheme, subject and options", [SCHEME, SUBJECTS[0], { missing: "zero" }] as Args, ([s, x, o]) => score(s as SchemeConfig, x as SubjectInput, o as never), { args: true });
  fuzz("score: a subject against a defined scheme", [SUBJECTS[0], { missing: "not-applicable" }], ([x, o]) => score(county, x as SubjectInput, o as never), { args: true });
  fuzz("scoreAll: scheme, subjects and options", [EVERY, EVERY_SUBJECTS, {}] as Args, ([s, xs, o]) => scoreAll(s as SchemeConfig, xs as SubjectInput[], o as never), { args: true });
  fuzz("scoreAll: subjects against a defined scheme", SUBJECTS, (xs) => scoreAll(county, xs));
  fuzz("scoreAll: subjects of every method against a defined scheme", EVERY_SUBJECTS, (xs) => scoreAll(every, xs));
  fuzz("scoreTotals: scheme, subjects and options", [SCHEME, SUBJECTS, { missing: "error" }] as Args, ([s, xs, o]) => scoreTotals(s as SchemeConfig, xs as SubjectInput[], o as never), { args: true });
  fuzz("scoreTotals: subjects against a defined scheme", EVERY_SUBJECTS, (xs) => scoreTotals(every, xs));

  const results = copy(scoreAll(every, EVERY_SUBJECTS));
  fuzz("explain: a score result (as stored JSON) and options", [results[0], { locale: "en" }], ([r, o]) => explain(r as never, o as never), { args: true });
  fuzz("explain: a result of the 361 example", copy(scoreAll(county, SUBJECTS))[2], (r) => explain(r as never));

  const good = SUBJECTS[1]!;
  // 100,000 subjects against a one-indicator scheme (the 361 scheme takes ~0.1 ms a subject on a loaded machine).
  const small = defineScheme({ id: "small", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }] });
  extremes("scoreAll, one indicator", () => ({
    "a subject's values 10,000 deep": [{ id: "z", values: deepNest({ x: 1 }) }],
    ...heavy(() => ({
      "100,000 subjects, the last one's values 10,000 deep": [...many(99_999, (i) => ({ id: `c${i}`, values: { x: i % 10 } })), { id: "z", values: deepNest({ x: 1 }) }],
      "100,000 subjects": many(100_000, (i) => ({ id: `c${i}`, values: { x: i % 10 } })),
      "100,000 copies of one subject": many(100_000, () => ({ id: "c", values: { x: 1 } })),
    })),
  }), (xs) => scoreAll(small, xs as SubjectInput[]));
  extremes("scoreAll", () => ({
    "10,000-deep values": [{ ...good, values: deepNest(good.values) }],
    "10,000-deep value of an indicator": [{ ...good, values: { ...good.values, collection: deepNest(1, 10_000, "array") } }],
    "100,000 bonus items": [{ ...good, bonus: many(100_000, () => ({ points: 0.01, reason: "x" })) }],
  }), (xs) => scoreAll(county, xs as SubjectInput[]));
  extremes("defineScheme", () => ({
    "100,000 groups": { ...SCHEME, groups: many(100_000, (i) => ({ id: `g${i}`, points: 0.001, indicators: [{ id: `i${i}`, points: 0.001, method: { type: "direct" } }] })) },
    "100,000 indicators": { ...SCHEME, full: 100, groups: [{ id: "g", points: 100, indicators: many(100_000, (i) => ({ id: `i${i}`, points: 0.001, method: { type: "direct" } })) }] },
    ...heavy(() => ({ "100,000 grades": { ...SCHEME, groups: [{ id: "g", points: 100, indicators: [{ id: "i", points: 100, method: { type: "grade", grades: Object.fromEntries(many(100_000, (i) => [`g${i}`, 0.5])) } }] }] } })),
    "10,000-deep groups": { ...SCHEME, groups: [deepNest({ id: "g" }, 10_000)] },
    "10,000-deep method": { ...SCHEME, groups: [{ ...SCHEME.groups[0]!, indicators: [{ id: "i", points: 30, method: deepNest({ type: "direct" }) }] }] },
  }), (s) => defineScheme(s as SchemeConfig));
  extremes("explain", () => ({
    "a trace of 100,000 steps": { ...results[0], trace: many(100_000, () => ({ at: "total", rule: "sum", values: {}, result: "1" })) },
    "10,000-deep groups": { ...results[0], groups: deepNest([], 10_000, "array") },
  }), (r) => explain(r as never));
});
