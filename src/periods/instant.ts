/**
 * Reading dates and times without the machine's clock or time zone: a date (`2023-07-31`) or a
 * date-time (`2023-07-31T17:30`, with optional seconds, fraction and `Z` or `±hh:mm`) becomes
 * milliseconds since 1970 UTC; a time without an offset is read at the given UTC offset.
 * @internal
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** Minutes east of UTC for an offset text such as `+08:00`, or `undefined` when it is not one. @internal */
export function offsetMinutes(offset: string): number | undefined {
  if (!OFFSET.test(offset)) return undefined;
  const sign = offset.startsWith("-") ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  return hours > 14 || minutes > 59 ? undefined : sign * (hours * 60 + minutes);
}

/**
 * The instant a date or date-time text names, in milliseconds since 1970 UTC, or `undefined` when
 * it is not a real date (2023-02-30) or not in the accepted form. A date alone is its first
 * moment, or with `endOfDay` its last millisecond, at `offset` minutes east of UTC.
 * @internal
 */
export function toInstant(text: string, offset: number, endOfDay = false): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const dateOnly = h === undefined;
  const hour = dateOnly ? (endOfDay ? 23 : 0) : Number(h);
  const minute = dateOnly ? (endOfDay ? 59 : 0) : Number(mi);
  const second = dateOnly ? (endOfDay ? 59 : 0) : Number(s ?? 0);
  const milli = dateOnly ? (endOfDay ? 999 : 0) : Number((ms ?? "0").padEnd(3, "0"));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const zoneOffset = zone === undefined ? offset : zone === "Z" ? 0 : offsetMinutes(zone);
  if (zoneOffset === undefined) return undefined;
  return local - zoneOffset * 60_000;
}
