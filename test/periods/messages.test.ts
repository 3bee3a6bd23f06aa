import { describe, expect, it } from "vitest";
import { formatIssue, MAX_PERIODS, parsePeriod, periodOf, periodRange, periodsIn, shiftPeriod, type Issue } from "../../src/index.js";

/** The one issue a call throws, in Chinese and in English. */
function worded(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    const issues = (error as { issues: readonly Issue[] }).issues;
    expect(issues).toHaveLength(1);
    expect(formatIssue(issues[0]!, { locale: "en" })).toBe(issues[0]!.message);
    return [formatIssue(issues[0]!), issues[0]!.message];
  }
  throw new Error("no error");
}

describe("the periods' issues in Chinese", () => {
  it("a key that is not a period", () => {
    expect(worded(() => parsePeriod("2024-13"))).toEqual([
      "period：应为期间代码，如 2024、2024-H2、2024-Q3、2024-07、2024-W27 或 2024-07-15，实际是文本「2024-13」",
      'period: is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got text "2024-13")',
    ]);
    expect(worded(() => parsePeriod(2024 as never))[0]).toBe("period：应为期间代码，如 2024、2024-H2、2024-Q3、2024-07、2024-W27 或 2024-07-15，实际是2024");
  });

  it("a date, a time zone, a kind", () => {
    expect(worded(() => periodOf("2024-02-30", "month"))[0]).toBe("when：应为真实的日期或时刻，如 2024-06-30 或 2024-06-30T23:30，实际是文本「2024-02-30」");
    expect(worded(() => periodOf("2024-02-03", "month", { timeZone: "Mars/Olympus" }))[0]).toBe(
      "options.timeZone：应为时区，如 Asia/Shanghai、UTC 或 +08:00，实际是文本「Mars/Olympus」",
    );
    expect(worded(() => periodOf("2024-02-03", "decade" as never))).toEqual([
      "kind：应为 day、week、month、quarter、half、year 之一，实际是文本「decade」",
      'kind: must be one of day, week, month, quarter, half, year (got text "decade")',
    ]);
    expect(worded(() => periodOf("9999-12-31", "week"))[0]).toBe("when：落在 9999-W52，这一周有日期超出 1000–9999 年");
    // A moment the wall clock cannot show (it once said "falls in 0NaN").
    expect(worded(() => periodOf(new Date(8.64e15), "month"))[1]).toBe("when: is not a real date or moment such as 2024-06-30 or 2024-06-30T23:30 (got an object)");
    expect(worded(() => periodOf(8.64e15, "week"))[1]).toBe("when: is not a real date or moment such as 2024-06-30 or 2024-06-30T23:30 (got 8640000000000000)");
  });

  it("listing, shifting and ranges", () => {
    expect(worded(() => periodsIn("2024-W03", "month"))).toEqual(["kind：一周只能分为日，不能分为月份", "kind: a week holds only days, not a month"]);
    expect(worded(() => periodsIn("2024-Q3", "half"))).toEqual(["kind：一个季度中没有半年：所列期间不能比外层期间长", "kind: a quarter holds no half"]);
    expect(worded(() => shiftPeriod("2024-Q3", 1.5))[0]).toBe("steps：应为整数个期间，实际是 1.5");
    expect(worded(() => shiftPeriod("9999-Q4", 1))).toEqual(["steps：会把 9999-Q4 移出 1000–9999 年的范围", "steps: moves 9999-Q4 outside the years 1000–9999"]);
    expect(worded(() => periodRange("2024-Q3", "2024-08"))).toEqual(["to：是月份，而 from 是季度；起止应为同一种期间", 'to: is a month but "from" is a quarter']);
    expect(worded(() => periodRange("2024-08", "2024-07"))).toEqual(["to：2024-07 早于起点 2024-08", "to: 2024-07 is before 2024-08"]);
    expect(worded(() => periodRange("1000-01-01", "9999-12-31"))[0]).toBe(`to：范围内超过 ${MAX_PERIODS} 个期间`);
  });
});
