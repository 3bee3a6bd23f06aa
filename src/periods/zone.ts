import { offsetMinutes } from "./instant.js";

// One formatter per zone name: building one is slow and they hold no state a caller could see.
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const MAX_FORMATTERS = 1000;

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    f = null;
  }
  if (formatters.size < MAX_FORMATTERS) formatters.set(zone, f);
  return f;
}

/**
 * The wall-clock time, as milliseconds since 1970 read as UTC, that a moment shows in a time zone:
 * an IANA name (through `Intl`), `UTC`/`Z`, or a fixed offset `±hh:mm`. `undefined` for an unknown
 * zone.
 * @internal
 */
export function wallClock(ms: number, zone: string): number | undefined {
  if (zone.length === 0 || zone.length > 64) return undefined;
  if (zone === "UTC" || zone === "Z") return ms;
  const fixed = offsetMinutes(zone);
  if (fixed !== undefined) return ms + fixed * 60_000;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return undefined;
  const f = formatter(zone);
  if (!f) return undefined;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  // formatToParts drops milliseconds; put them back.
  return local + (((ms % 1000) + 1000) % 1000);
}
