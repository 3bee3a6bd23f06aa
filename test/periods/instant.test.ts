/**
 * `toInstant` reads dates character by character; it must agree with the pattern-and-`Date`
 * parser it replaced (kept in test/tasks/reference.ts) on every text, offset and `endOfDay`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { offsetMinutes, toInstant } from "../../src/periods/instant.js";
import { params } from "../fuzz/fuzz.js";
import { runs } from "../helpers.js";
import * as reference from "../tasks/reference.js";

const two = (n: number) => String(n).padStart(2, "0");
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Texts in or near the accepted form: each part a number that may be out of range, each separator usually right. */
const nearDate = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 99, 100, 1900, 1970, 2000, 2023, 2024, 2100, 9999)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    time: fc.option(
      fc.record({
        sep: fc.constantFrom("T", "T", " ", "t", "_"),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.option(fc.integer({ min: 0, max: 61 })),
        fraction: fc.option(fc.stringMatching(/^[0-9]{0,4}$/)),
        zone: fc.oneof(
          fc.constantFrom("", "", "Z", "z", "+08:00", "-05:00", "+05:30", "-00:00", "+14:59", "+15:00", "+14:60", "+0800", "+08", "Z+08:00", "UTC"),
          fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([s, h, m]) => `${s}${two(h)}:${two(m)}`),
        ),
      }),
    ),
    tail: fc.constantFrom("", "", "", "", " ", "\n", "x", "0"),
  })
  .map(({ year, month, day, time, tail }) => {
    let text = `${pad(year, 4)}-${two(month)}-${two(day)}`;
    if (time) {
      text += `${time.sep}${two(time.hour)}:${two(time.minute)}`;
      if (time.second !== null) text += `:${two(time.second)}${time.fraction === null ? "" : `.${time.fraction}`}`;
      text += time.zone;
    }
    return text + tail;
  });

/** Texts of the characters the form uses, in any order. */
const jumble = fc.string({ unit: fc.constantFrom(..."0123456789-T :.Z+"), minLength: 8, maxLength: 32 });

/** A valid text changed in one character. */
const oneOff = fc
  .tuple(fc.constantFrom("2023-07-31", "2024-02-29T23:59", "2023-07-03T09:00:05", "2023-07-03T09:00:05.123+08:00", "2023-07-03 09:00:05.1Z"), fc.nat(), fc.string({ maxLength: 2 }))
  .map(([text, at, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + 1);
  });

const texts = fc.oneof(nearDate, nearDate, jumble, oneOff, fc.string({ maxLength: 40 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace(/Z$/, "")));
const offsets = fc.oneof(fc.constantFrom(0, 480, -300, 330, 899, -899), fc.integer({ min: -899, max: 899 }));

describe("toInstant", () => {
  it("agrees with the pattern parser it replaced", () => {
    fc.assert(
      fc.property(texts, offsets, fc.boolean(), (text, offset, endOfDay) => {
        expect(toInstant(text, offset, endOfDay)).toBe(reference.toInstant(text, offset, endOfDay));
      }),
      params(runs(5000)),
    );
  });

  it("agrees on every day of some years, at the edges of each day", () => {
    for (const year of [100, 1600, 1900, 2000, 2023, 2024, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${pad(year, 4)}-${two(month)}-${two(day)}`;
          for (const text of [date, `${date}T00:00`, `${date}T23:59:59.999`, `${date} 12:30:00.5-03:30`]) {
            expect(toInstant(text, 480)).toBe(reference.toInstant(text, 480));
            expect(toInstant(text, -300, true)).toBe(reference.toInstant(text, -300, true));
          }
        }
      }
    }
  });

  it("agrees at the turn of every year from 0000 to 9999 and on every leap day", () => {
    for (let year = 0; year <= 9999; year++)
      for (const text of [`${pad(year, 4)}-01-01`, `${pad(year, 4)}-02-29T12:00`, `${pad(year, 4)}-03-01T00:00:00.001Z`, `${pad(year, 4)}-12-31`])
        expect(toInstant(text, 480, year % 2 === 0)).toBe(reference.toInstant(text, 480, year % 2 === 0));
  });

  it("reads the examples as documented", () => {
    expect(toInstant("2023-07-31", 480)).toBe(Date.UTC(2023, 6, 30, 16));
    expect(toInstant("2023-07-31", 480, true)).toBe(Date.UTC(2023, 6, 31, 15, 59, 59, 999));
    expect(toInstant("2023-07-31T17:30", 0)).toBe(Date.UTC(2023, 6, 31, 17, 30));
    expect(toInstant("2023-07-31T17:30:05.05Z", 480)).toBe(Date.UTC(2023, 6, 31, 17, 30, 5, 50));
    expect(toInstant("2023-07-31 17:30:05.5-01:00", 480)).toBe(Date.UTC(2023, 6, 31, 18, 30, 5, 500));
    for (const bad of ["2023-02-29", "2024-02-30", "0099-01-01", "2023-07-31T24:00", "2023-07-31T17:30.5", "2023-07-31T17:30:05.1234", "2023-07-31T17:30+15:00", "2023-07-31T", "2023-07-31Z", "２０２３-07-31"])
      expect(toInstant(bad, 480)).toBeUndefined();
    expect(offsetMinutes("+08:00")).toBe(480);
  });
});
