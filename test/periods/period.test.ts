import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIME_ZONE,
  IssueCode,
  isPeriodKey,
  JixiaoError,
  MAX_PERIODS,
  parsePeriod,
  PERIOD_KINDS,
  periodContains,
  periodOf,
  periodRange,
  periodsIn,
  shiftPeriod,
  type PeriodKind,
} from "../../src/index.js";
import { brief, issuesOf, messageOf } from "../personnel/fixtures.js";
import { light } from "../helpers.js";

describe("parsePeriod", () => {
  it("reads every kind of key with its first and last day", () => {
    expect(parsePeriod("2024")).toEqual({ key: "2024", kind: "year", year: 2024, start: "2024-01-01", end: "2024-12-31" });
    expect(parsePeriod("2024-H1")).toEqual({ key: "2024-H1", kind: "half", year: 2024, start: "2024-01-01", end: "2024-06-30" });
    expect(parsePeriod("2024-H2")).toMatchObject({ start: "2024-07-01", end: "2024-12-31" });
    expect(parsePeriod("2024-Q3")).toEqual({ key: "2024-Q3", kind: "quarter", year: 2024, start: "2024-07-01", end: "2024-09-30" });
    expect(parsePeriod("2024-Q1")).toMatchObject({ start: "2024-01-01", end: "2024-03-31" });
    expect(parsePeriod("2024-02")).toEqual({ key: "2024-02", kind: "month", year: 2024, start: "2024-02-01", end: "2024-02-29" });
    expect(parsePeriod("2023-02")).toMatchObject({ end: "2023-02-28" });
    expect(parsePeriod("2024-12")).toMatchObject({ start: "2024-12-01", end: "2024-12-31" });
    expect(parsePeriod("2024-07-15")).toEqual({ key: "2024-07-15", kind: "day", year: 2024, start: "2024-07-15", end: "2024-07-15" });
    expect(parsePeriod("2024-02-29").kind).toBe("day");
  });

  it("reads ISO weeks: week 1 holds the year's first Thursday, and may start in December", () => {
    expect(parsePeriod("2024-W01")).toEqual({ key: "2024-W01", kind: "week", year: 2024, start: "2024-01-01", end: "2024-01-07" });
    expect(parsePeriod("2024-W27")).toMatchObject({ start: "2024-07-01", end: "2024-07-07" });
    expect(parsePeriod("2025-W01")).toMatchObject({ year: 2025, start: "2024-12-30", end: "2025-01-05" });
    expect(parsePeriod("2020-W53")).toMatchObject({ start: "2020-12-28", end: "2021-01-03" });
    expect(parsePeriod("2021-W01")).toMatchObject({ start: "2021-01-04", end: "2021-01-10" });
    expect(parsePeriod("2026-W53")).toMatchObject({ start: "2026-12-28", end: "2027-01-03" });
  });

  it("reads the years 1000 to 9999 and no others", () => {
    expect(parsePeriod("1000").start).toBe("1000-01-01");
    expect(parsePeriod("9999-12-31").end).toBe("9999-12-31");
    expect(parsePeriod("9999-W51").kind).toBe("week");
    // A week with days outside 1000–9999 is no period: 1000-W01 begins on 0999-12-30, 9999-W52 ends on 10000-01-02.
    for (const key of ["0999", "0999-12", "10000", "0000-01-01", "1000-W01", "9999-W52"]) expect(isPeriodKey(key)).toBe(false);
  });

  it("returns a frozen period", () => {
    expect(Object.isFrozen(parsePeriod("2024-Q3"))).toBe(true);
  });

  it("refuses keys that are not real periods, with a JixiaoError naming the path", () => {
    const bad: unknown[] = [
      "2024-13",
      "2024-00",
      "2023-W53",
      "2024-W53",
      "2024-W00",
      "2023-02-29",
      "2024-04-31",
      "2024-Q0",
      "2024-Q5",
      "2024-H0",
      "2024-H3",
      "2024-7",
      "2024-07-1",
      "2024-W1",
      "2024-q3",
      "2024-w27",
      " 2024",
      "2024 ",
      "24",
      "2024-07-15T00:00",
      "2024/07",
      "",
      2024,
      null,
      undefined,
      {},
      ["2024"],
    ];
    for (const key of bad) {
      expect(isPeriodKey(key), String(key)).toBe(false);
      const issues = issuesOf(() => parsePeriod(key as string));
      expect(brief(issues)).toEqual(["invalid_option period"]);
    }
    expect(isPeriodKey("2020-W53")).toBe(true);
    expect(isPeriodKey("2026-W53")).toBe(true);
  });

  it("says what a period key looks like", () => {
    expect(messageOf(() => parsePeriod("2024-13"))).toMatchInlineSnapshot(`
      "Not a period: 1 issue
        - period: is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got text "2024-13")"
    `);
    expect(messageOf(() => parsePeriod("2023-W53"))).toMatchInlineSnapshot(`
      "Not a period: 1 issue
        - period: is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got text "2023-W53")"
    `);
  });

  it("never gives an Invalid Date for hostile keys", () => {
    const long = "2".repeat(1_000_000);
    expect(isPeriodKey(long)).toBe(false);
    expect(() => parsePeriod(long)).toThrow(JixiaoError);
    const getter = Object.defineProperty({}, "toString", {
      get() {
        throw new Error("boom");
      },
    });
    expect(isPeriodKey(getter)).toBe(false);
  });
});

describe("periodOf in Asia/Shanghai (the default)", () => {
  it("is Asia/Shanghai by default", () => {
    expect(DEFAULT_TIME_ZONE).toBe("Asia/Shanghai");
  });

  it("puts 23:30 on 30 June (wall clock) in June, and the same moment in UTC in July when it is 00:30 in Shanghai", () => {
    expect(periodOf("2024-06-30T23:30", "month")).toBe("2024-06");
    expect(periodOf("2024-06-30T23:30", "quarter")).toBe("2024-Q2");
    expect(periodOf("2024-06-30T23:30", "half")).toBe("2024-H1");
    // 16:30 UTC is 00:30 on 1 July in Shanghai.
    expect(periodOf("2024-06-30T16:30Z", "month")).toBe("2024-07");
    expect(periodOf("2024-06-30T16:30:00Z", "quarter")).toBe("2024-Q3");
    expect(periodOf("2024-06-30T16:30:00.000Z", "half")).toBe("2024-H2");
    // 15:59:59 UTC is 23:59:59 on 30 June in Shanghai; 16:00 UTC is midnight.
    expect(periodOf("2024-06-30T15:59:59Z", "month")).toBe("2024-06");
    expect(periodOf("2024-06-30T15:59:59.999Z", "day")).toBe("2024-06-30");
    expect(periodOf("2024-06-30T16:00:00Z", "month")).toBe("2024-07");
    expect(periodOf("2024-06-30T16:00:00Z", "day")).toBe("2024-07-01");
  });

  it("reads an offset in the text, a Date and milliseconds as moments", () => {
    expect(periodOf("2024-06-30T23:30+08:00", "month")).toBe("2024-06");
    expect(periodOf("2024-06-30T18:30-05:00", "month")).toBe("2024-07"); // 23:30 UTC = 07:30 in Shanghai
    expect(periodOf(new Date("2024-06-30T16:30:00Z"), "month")).toBe("2024-07");
    expect(periodOf(Date.UTC(2024, 5, 30, 15, 59, 59), "month")).toBe("2024-06");
    expect(periodOf(Date.UTC(2024, 5, 30, 16), "month")).toBe("2024-07");
  });

  it("reads a date alone as that day in any zone", () => {
    for (const timeZone of ["Asia/Shanghai", "UTC", "America/Los_Angeles", "Pacific/Kiritimati", "-11:00"])
      expect(periodOf("2024-06-30", "month", { timeZone })).toBe("2024-06");
  });

  it("reads a wall-clock time in the zone given", () => {
    expect(periodOf("2024-06-30T23:30", "month", { timeZone: "UTC" })).toBe("2024-06");
    expect(periodOf("2024-06-30T16:30Z", "month", { timeZone: "UTC" })).toBe("2024-06");
    expect(periodOf("2024-06-30T16:30Z", "month", { timeZone: "+08:00" })).toBe("2024-07");
    expect(periodOf("2024-06-30T16:30Z", "month", { timeZone: "Z" })).toBe("2024-06");
    // India is +05:30: 18:30 UTC is midnight.
    expect(periodOf("2024-06-30T18:29:59Z", "month", { timeZone: "Asia/Kolkata" })).toBe("2024-06");
    expect(periodOf("2024-06-30T18:30:00Z", "month", { timeZone: "Asia/Kolkata" })).toBe("2024-07");
    // Nepal is +05:45.
    expect(periodOf("2024-06-30T18:14:59Z", "day", { timeZone: "+05:45" })).toBe("2024-06-30");
    expect(periodOf("2024-06-30T18:15:00Z", "day", { timeZone: "+05:45" })).toBe("2024-07-01");
    // Los Angeles is −07:00 in summer: 06:59 UTC on 1 July is still 30 June there.
    expect(periodOf("2024-07-01T06:59:59Z", "month", { timeZone: "America/Los_Angeles" })).toBe("2024-06");
    expect(periodOf("2024-07-01T07:00:00Z", "month", { timeZone: "America/Los_Angeles" })).toBe("2024-07");
  });

  it("follows daylight saving in a zone that has it", () => {
    // New York: EST (−05:00) until 2024-03-10 07:00 UTC, EDT (−04:00) after.
    expect(periodOf("2024-03-10T04:59:59Z", "day", { timeZone: "America/New_York" })).toBe("2024-03-09");
    expect(periodOf("2024-03-10T05:00:00Z", "day", { timeZone: "America/New_York" })).toBe("2024-03-10");
    expect(periodOf("2024-11-03T03:59:59Z", "day", { timeZone: "America/New_York" })).toBe("2024-11-02");
    expect(periodOf("2024-11-03T04:00:00Z", "day", { timeZone: "America/New_York" })).toBe("2024-11-03");
  });

  it("puts days in ISO weeks: 2024-12-30 in 2025-W01, 2021-01-03 in 2020-W53", () => {
    expect(periodOf("2024-12-30", "week")).toBe("2025-W01");
    expect(periodOf("2024-12-29", "week")).toBe("2024-W52");
    expect(periodOf("2025-01-05", "week")).toBe("2025-W01");
    expect(periodOf("2025-01-06", "week")).toBe("2025-W02");
    expect(periodOf("2021-01-03", "week")).toBe("2020-W53");
    expect(periodOf("2021-01-04", "week")).toBe("2021-W01");
    expect(periodOf("2024-01-01", "week")).toBe("2024-W01");
    expect(periodOf("2023-01-01", "week")).toBe("2022-W52");
    // Sunday 29 December 2024 at 16:00 UTC is Monday 00:00 in Shanghai.
    expect(periodOf("2024-12-29T16:00:00Z", "week")).toBe("2025-W01");
    expect(periodOf("2024-12-29T15:59:59Z", "week")).toBe("2024-W52");
  });

  it("gives each kind's key", () => {
    const at = "2024-08-15T10:00";
    expect(PERIOD_KINDS.map((k) => periodOf(at, k))).toEqual(["2024-08-15", "2024-W33", "2024-08", "2024-Q3", "2024-H2", "2024"]);
  });

  it("refuses dates that are not real, with the path when", () => {
    const bad: unknown[] = [
      "2023-02-29",
      "2024-13-01",
      "2024-06-31",
      "2024-06-31T10:00",
      "2024-06-30T24:00",
      "2024-06-30T23:60",
      "2024-06-30T23:30:60",
      "2024-06-30T23:30+15:00",
      "2024-6-30",
      "30/06/2024",
      "yesterday",
      "",
      "9999-12-31T23:30Z", // 07:30 on 1 January 10000 in Shanghai
      new Date(Number.NaN),
      Number.NaN,
      Number.POSITIVE_INFINITY,
      8.64e15 + 1,
      null,
      undefined,
      {},
      true,
    ];
    for (const when of bad) expect(brief(issuesOf(() => periodOf(when as string, "month"))), String(when)).toEqual(["invalid_value when"]);
  });

  it("gives only keys that parsePeriod reads: a wall-clock time before the year 1000 is refused", () => {
    // A date alone, a moment with an offset and a Date before 1000 are refused; so must a wall-clock time be.
    expect(brief(issuesOf(() => periodOf("0999-12-31", "month")))).toEqual(["invalid_value when"]);
    expect(brief(issuesOf(() => periodOf("0999-12-31T10:00Z", "month")))).toEqual(["invalid_value when"]);
    expect(brief(issuesOf(() => periodOf("0999-12-31T10:00", "month")))).toEqual(["invalid_value when"]);
  });

  it("refuses an unknown time zone and an unknown kind", () => {
    for (const timeZone of ["Mars/Olympus", "", "+15:00", "08:00", "Asia/Shanghai ", "x".repeat(65), 8, null])
      expect(brief(issuesOf(() => periodOf("2024-06-30", "month", { timeZone } as never))), String(timeZone)).toEqual(["invalid_option options.timeZone"]);
    expect(messageOf(() => periodOf("2024-06-30", "month", { timeZone: "Mars/Olympus" }))).toMatchInlineSnapshot(`
      "Unknown time zone: 1 issue
        - options.timeZone: is not a time zone such as Asia/Shanghai, UTC or +08:00 (got text "Mars/Olympus")"
    `);
    for (const kind of ["weekly", "Month", "", undefined, 3])
      expect(brief(issuesOf(() => periodOf("2024-06-30", kind as PeriodKind)))).toEqual(["invalid_option kind"]);
  });
});

describe("periodContains", () => {
  it("holds a shorter period inside a longer one", () => {
    expect(periodContains("2024-Q3", "2024-08")).toBe(true);
    expect(periodContains("2024-Q3", "2024-10")).toBe(false);
    expect(periodContains("2024", "2024-H2")).toBe(true);
    expect(periodContains("2024-H1", "2024-Q3")).toBe(false);
    expect(periodContains("2024-07", "2024-07")).toBe(true);
    expect(periodContains("2024-07", "2024-Q3")).toBe(false);
    expect(periodContains("2024-07", "2024-07-31")).toBe(true);
    expect(periodContains("2024-07", "2024-08-01")).toBe(false);
  });

  it("puts an ISO week in the month, quarter and year of its Thursday", () => {
    expect(periodContains("2024", "2025-W01")).toBe(false);
    expect(periodContains("2025", "2025-W01")).toBe(true);
    expect(periodContains("2024-12", "2025-W01")).toBe(false);
    expect(periodContains("2025-01", "2025-W01")).toBe(true);
    expect(periodContains("2025-Q1", "2025-W01")).toBe(true);
    expect(periodContains("2020", "2020-W53")).toBe(true);
    expect(periodContains("2021", "2020-W53")).toBe(false);
    // 2024-W31 runs 29 July to 4 August; its Thursday is 1 August.
    expect(periodContains("2024-07", "2024-W31")).toBe(false);
    expect(periodContains("2024-08", "2024-W31")).toBe(true);
  });

  it("holds the days of a week, even across a year's end", () => {
    expect(periodContains("2025-W01", "2024-12-30")).toBe(true);
    expect(periodContains("2025-W01", "2025-01-05")).toBe(true);
    expect(periodContains("2025-W01", "2025-01-06")).toBe(false);
    expect(periodContains("2025-W01", "2025-W01")).toBe(true);
    expect(periodContains("2025-W01", "2025-01")).toBe(false);
  });

  it("refuses keys that are not periods, naming outer and inner", () => {
    expect(brief(issuesOf(() => periodContains("2024-13", "2024-14")))).toEqual(["invalid_option outer"]);
    expect(brief(issuesOf(() => periodContains("2024", "2023-W53")))).toEqual(["invalid_option inner"]);
  });
});

describe("periodsIn", () => {
  it("lists the shorter periods in order", () => {
    expect(periodsIn("2024-H2", "quarter")).toEqual(["2024-Q3", "2024-Q4"]);
    expect(periodsIn("2024-Q3", "month")).toEqual(["2024-07", "2024-08", "2024-09"]);
    expect(periodsIn("2024", "month")).toHaveLength(12);
    expect(periodsIn("2024", "half")).toEqual(["2024-H1", "2024-H2"]);
    expect(periodsIn("2024", "year")).toEqual(["2024"]);
    expect(periodsIn("2024-02", "day")).toHaveLength(29);
    expect(periodsIn("2023-02", "day").at(-1)).toBe("2023-02-28");
    expect(periodsIn("2024", "day")).toHaveLength(366);
  });

  it("lists the ISO weeks whose Thursday is inside", () => {
    expect(periodsIn("2024-07", "week")).toEqual(["2024-W27", "2024-W28", "2024-W29", "2024-W30"]);
    expect(periodsIn("2024-08", "week")).toEqual(["2024-W31", "2024-W32", "2024-W33", "2024-W34", "2024-W35"]);
    expect(periodsIn("2024-Q1", "week")).toHaveLength(13);
    expect(periodsIn("2024", "week")).toHaveLength(52);
    expect(periodsIn("2020", "week")).toHaveLength(53);
    expect(periodsIn("2020", "week").at(-1)).toBe("2020-W53");
    expect(periodsIn("2025", "week")[0]).toBe("2025-W01");
    expect(periodsIn("2024-12", "week").at(-1)).toBe("2024-W52");
  });

  it("lists the days of a week", () => {
    expect(periodsIn("2025-W01", "day")).toEqual(["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"]);
    expect(periodsIn("2025-W01", "week")).toEqual(["2025-W01"]);
  });

  it("refuses a kind longer than the period", () => {
    expect(brief(issuesOf(() => periodsIn("2024-07", "quarter")))).toEqual(["invalid_option kind"]);
    expect(brief(issuesOf(() => periodsIn("2024-W27", "month")))).toEqual(["invalid_option kind"]);
    expect(brief(issuesOf(() => periodsIn("2024-07-01", "week")))).toEqual(["invalid_option kind"]);
    expect(brief(issuesOf(() => periodsIn("2024-7", "day")))).toEqual(["invalid_option outer"]);
    expect(brief(issuesOf(() => periodsIn("2024", "fortnight" as PeriodKind)))).toEqual(["invalid_option kind"]);
  });
});

describe("shiftPeriod", () => {
  it("moves by whole periods of the same kind", () => {
    expect(shiftPeriod("2024-Q4", 1)).toBe("2025-Q1");
    expect(shiftPeriod("2025-W01", -1)).toBe("2024-W52");
    expect(shiftPeriod("2020-W53", 1)).toBe("2021-W01");
    expect(shiftPeriod("2021-W01", -1)).toBe("2020-W53");
    expect(shiftPeriod("2024-01", -1)).toBe("2023-12");
    expect(shiftPeriod("2024-01", -13)).toBe("2022-12");
    expect(shiftPeriod("2024-02-28", 1)).toBe("2024-02-29");
    expect(shiftPeriod("2024-12-31", 1)).toBe("2025-01-01");
    expect(shiftPeriod("2024-H2", 3)).toBe("2026-H1");
    expect(shiftPeriod("2024", -24)).toBe("2000");
    expect(shiftPeriod("2024-07", 0)).toBe("2024-07");
  });

  it("refuses steps that are not whole numbers and moves beyond 1000–9999", () => {
    for (const steps of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e20, "1"]) expect(brief(issuesOf(() => shiftPeriod("2024-07", steps as number)))).toEqual(["invalid_number steps"]);
    expect(brief(issuesOf(() => shiftPeriod("9999-12", 1)))).toEqual(["out_of_range steps"]);
    expect(brief(issuesOf(() => shiftPeriod("1000-01-01", -1)))).toEqual(["out_of_range steps"]);
    expect(brief(issuesOf(() => shiftPeriod("1000-W02", -1)))).toEqual(["out_of_range steps"]);
    expect(brief(issuesOf(() => shiftPeriod("9999-W51", 1)))).toEqual(["out_of_range steps"]);
    expect(brief(issuesOf(() => shiftPeriod("9999", 1)))).toEqual(["out_of_range steps"]);
    expect(brief(issuesOf(() => shiftPeriod("2024-13", 1)))).toEqual(["invalid_option key"]);
  });
});

describe("periodRange", () => {
  it("lists the periods from one to another, both included", () => {
    expect(periodRange("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(periodRange("2024-Q3", "2024-Q3")).toEqual(["2024-Q3"]);
    expect(periodRange("2024-W52", "2025-W02")).toEqual(["2024-W52", "2025-W01", "2025-W02"]);
    expect(periodRange("2020", "2024")).toHaveLength(5);
  });

  it("refuses mixed kinds, a reversed range and one too long", () => {
    expect(brief(issuesOf(() => periodRange("2024-07", "2024-Q4")))).toEqual(["invalid_rule to"]);
    expect(brief(issuesOf(() => periodRange("2024-07", "2024-06")))).toEqual(["invalid_rule to"]);
    expect(brief(issuesOf(() => periodRange("1000-01-01", "9999-12-31")))).toEqual(["out_of_range to"]);
    expect(periodRange("1000", "9999")).toHaveLength(9000);
    expect(MAX_PERIODS).toBe(100_000);
  });
});

describe("the machine's time zone does not matter", () => {
  const src = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
  // Everything that reads dates, weeks and moments, printed as JSON.
  const program = `
    const J = await import(${JSON.stringify(src)});
    const out = {
      weeks: ["2024-12-30", "2021-01-03", "2024-01-01", "2023-01-01", "2026-12-31"].map((d) => J.periodOf(d, "week")),
      keys: ["2025-W01", "2020-W53", "1000-W02", "9999-W51", "2024-02", "2024-Q3"].map((k) => J.parsePeriod(k)),
      moments: ["2024-06-30T23:30", "2024-06-30T16:30Z", "2024-06-30T15:59:59Z", "2024-03-10T02:30"].map((w) => J.periodOf(w, "day")),
      weeksIn: J.periodsIn("2024", "week").length + J.periodsIn("2020", "week").length,
      shifted: J.shiftPeriod("2025-W01", -1),
      account: J.summarizeAccounts(J.createLedger([
        { id: "a", person: "p", date: "2024-06-30T23:30", component: "c", points: 1, source: "s" },
        { id: "b", person: "p", date: "2024-06-30T16:30:00Z", component: "c", points: 2, source: "s" },
      ]), { period: "2024-06" }).map((s) => s.exact),
      offset: new Date(2024, 0, 1).getTimezoneOffset(),
    };
    console.log(JSON.stringify(out));
  `;
  const run = (tz: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], { env: { ...process.env, TZ: tz } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d));
      child.stderr.on("data", (d: Buffer) => (stderr += d));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });

  it.skipIf(light)("gives the same periods with TZ=America/Los_Angeles, Asia/Kolkata, Pacific/Kiritimati and UTC", async () => {
    const zones = ["America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati", "UTC"];
    const runs = await Promise.all(zones.map(run));
    const outs = runs.map((r, i) => {
      expect(r.status, r.stderr).toBe(0);
      const { offset, ...rest } = JSON.parse(r.stdout) as { offset: number };
      // The child really ran in that zone: minutes behind UTC on 1 January 2024.
      expect(offset).toBe([480, -330, -840, 0][i]);
      return rest;
    });
    expect(outs[0]).toMatchObject({
      weeks: ["2025-W01", "2020-W53", "2024-W01", "2022-W52", "2026-W53"],
      moments: ["2024-06-30", "2024-07-01", "2024-06-30", "2024-03-10"],
      weeksIn: 105,
      shifted: "2024-W52",
      account: ["1"],
    });
    for (const o of outs.slice(1)) expect(o).toEqual(outs[0]);
  }, 20_000);
});
