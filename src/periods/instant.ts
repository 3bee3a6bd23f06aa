/**
 * Reading dates and times without the machine's clock or time zone: a date (`2023-07-31`) or a
 * date-time (`2023-07-31T17:30`, with optional seconds, fraction and `Z` or `±hh:mm`) becomes
 * milliseconds since 1970 UTC; a time without an offset is read at the given UTC offset.
 * @internal
 */
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** Minutes east of UTC for an offset text such as `+08:00`, or `undefined` when it is not one. @internal */
export function offsetMinutes(offset: string): number | undefined {
  if (!OFFSET.test(offset)) return undefined;
  const sign = offset.startsWith("-") ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  return hours > 14 || minutes > 59 ? undefined : sign * (hours * 60 + minutes);
}

/** The digit a character code stands for, or -1 (ASCII digits only, as `\d` in a pattern without `u`). */
function digit(code: number): number {
  return code >= 48 && code <= 57 ? code - 48 : -1;
}

/** The number two ASCII digits at `at` write, or -1. */
function twoDigits(text: string, at: number): number {
  const a = digit(text.charCodeAt(at));
  const b = digit(text.charCodeAt(at + 1));
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Days in a month of the proleptic Gregorian calendar (what `Date` uses). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The instant a date or date-time text names, in milliseconds since 1970 UTC, or `undefined` when
 * it is not a real date (2023-02-30) or not in the accepted form. A date alone is its first
 * moment, or with `endOfDay` its last millisecond, at `offset` minutes east of UTC.
 *
 * The accepted form is `yyyy-mm-dd`, optionally followed by `T` or a space, `hh:mm`, optionally
 * `:ss` and then `.f`, `.ff` or `.fff`, and optionally `Z` or `±hh:mm` (at most ±14:59). Read
 * character by character rather than with a pattern and a `Date`, since grabs and completions
 * are read by the hundred thousand, with the same results as the pattern and `Date.UTC` it replaced:
 * the years 0000–0099 are refused, as `Date.UTC` would take them for 1900–1999.
 * @internal
 */
export function toInstant(text: string, offset: number, endOfDay = false): number | undefined {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined; // "-"
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0) return undefined;
  const year = y1 * 100 + y2;
  let hour = endOfDay ? 23 : 0;
  let minute = endOfDay ? 59 : 0;
  let second = endOfDay ? 59 : 0;
  let milli = endOfDay ? 999 : 0;
  let zoneOffset = offset;
  if (length > 10) {
    const separator = text.charCodeAt(10);
    if ((separator !== 84 && separator !== 32) || length < 16 || text.charCodeAt(13) !== 58) return undefined; // "T", " ", ":"
    hour = twoDigits(text, 11);
    minute = twoDigits(text, 14);
    second = 0;
    milli = 0;
    if (hour < 0 || minute < 0) return undefined;
    let at = 16;
    if (at < length && text.charCodeAt(at) === 58) {
      second = twoDigits(text, at + 1);
      if (second < 0) return undefined;
      at += 3;
      if (at < length && text.charCodeAt(at) === 46) {
        // "." and one to three digits: .5 is 500 ms, .05 is 50.
        at++;
        let scale = 100;
        const first = at;
        while (at < length && at < first + 3 && digit(text.charCodeAt(at)) >= 0) {
          milli += digit(text.charCodeAt(at)) * scale;
          scale /= 10;
          at++;
        }
        if (at === first) return undefined;
      }
    }
    if (at < length) {
      const zone = text.slice(at);
      const minutes = zone === "Z" ? 0 : offsetMinutes(zone);
      if (minutes === undefined) return undefined;
      zoneOffset = minutes;
    }
  }
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.UTC(year, month - 1, day, hour, minute, second, milli), in whole numbers far below 2^53.
  return (((daysSince1970(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + milli - zoneOffset * 60_000;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
 * `days_from_civil`): the year counted from March, so that a leap day ends it; eras of 400 years.
 */
function daysSince1970(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
