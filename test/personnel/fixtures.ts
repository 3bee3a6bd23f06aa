import { expect } from "vitest";
import { isJixiaoError, type Issue, type LedgerEntry } from "../../src/index.js";

/** The issues of a call that must be refused with a JixiaoError (never another error). */
export function issuesOf(fn: () => unknown): readonly Issue[] {
  try {
    fn();
  } catch (error) {
    if (!isJixiaoError(error)) throw new Error(`expected a JixiaoError, got ${String(error)}`);
    expect(error.issues.length).toBeGreaterThan(0);
    return error.issues;
  }
  throw new Error("expected the call to be refused");
}

/** The message of a call that must be refused with a JixiaoError. */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (!isJixiaoError(error)) throw new Error(`expected a JixiaoError, got ${String(error)}`);
    return error.message;
  }
  throw new Error("expected the call to be refused");
}

/** Each issue as `code path`, the path joined by dots. */
export const brief = (issues: readonly Issue[]): string[] => issues.map((i) => `${i.code} ${i.path.join(".")}`);

/** An ordinary entry for c001 (override anything). */
export const entry = (id: string, date: string, points: number | string, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  person: "c001",
  date,
  component: "everyday",
  points,
  source: "月度考核",
  ...over,
});

/** A correction of `target` for c001. */
export const amend = (id: string, date: string, target: string, points: number | string, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  person: "c001",
  date,
  corrects: target,
  action: "amend",
  points,
  source: "复核",
  ...over,
});

/** A reversal of `target` for c001. */
export const reverse = (id: string, date: string, target: string, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  person: "c001",
  date,
  corrects: target,
  action: "reverse",
  source: "复核",
  ...over,
});

/**
 * One cadre's (c001's) year 2024, with an entry on either side of the year, a boundary entry at
 * 23:30 on 30 June (Shanghai wall clock), one at 00:30 on 1 April in Shanghai written in UTC, an
 * amendment, a reversal, a deduction, and another cadre's entry.
 *
 * Month by month after the corrections (worked by hand):
 *   Jan 8.5 · Feb 9.25 · Mar 2 (recognition; e03 falls on 1 April in Shanghai)
 *   Apr 8.75 + 9 = 17.75 · May 8.8 · Jun 9.1 (e07 at 23:30 on 30 June stays in June)
 *   Jul 9.4 · Aug 8.45 (e09 7.95 amended by x1 in September, counted in August)
 *   Sep 9 + 0 (e14 reversed by x2) = 9 · Oct 9.3 · Nov 8.6 − 0.5 = 8.1 · Dec 9.05
 *   Q1 19.75 · Q2 35.65 · Q3 26.85 · Q4 26.45 · H1 55.4 · H2 53.3 · year 108.7
 *   by component: everyday 107.2, recognition 1.5, ability 0
 */
export const YEAR: readonly LedgerEntry[] = [
  entry("e00", "2023-12-31T23:59", 5),
  entry("e01", "2024-01-31", 8.5),
  entry("e02", "2024-02-29", "9.25"),
  entry("e03", "2024-03-31T16:30:00Z", 8.75),
  entry("e04", "2024-03-15", 2, { component: "recognition", source: "公认评价" }),
  entry("e05", "2024-04-30", 9),
  entry("e06", "2024-05-31", 8.8),
  entry("e07", "2024-06-30T23:30", 9.1),
  entry("e08", "2024-07-31", 9.4),
  entry("e09", "2024-08-31", "7.95"),
  entry("e10", "2024-09-30", 9),
  entry("e11", "2024-10-31", 9.3),
  entry("e12", "2024-11-30", 8.6),
  entry("e13", "2024-12-31", 9.05),
  entry("e14", "2024-09-10", 1.5, { component: "ability", source: "业务能力", reference: "测试-2024-3" }),
  entry("e15", "2024-11-05", -0.5, { component: "recognition", source: "公认评价", note: "群众投诉" }),
  entry("e16", "2024-12-31T16:00:00Z", 3),
  amend("x1", "2024-09-05", "e09", "8.45", { reference: "复核-2024-17" }),
  reverse("x2", "2024-12-20", "e14"),
  entry("f01", "2024-01-15", 7, { person: "c002" }),
];

export const MONTHS_2024: Readonly<Record<string, string>> = {
  "2024-01": "8.5",
  "2024-02": "9.25",
  "2024-03": "2",
  "2024-04": "17.75",
  "2024-05": "8.8",
  "2024-06": "9.1",
  "2024-07": "9.4",
  "2024-08": "8.45",
  "2024-09": "9",
  "2024-10": "9.3",
  "2024-11": "8.1",
  "2024-12": "9.05",
};
