import fc from "fast-check";
import { describe, it } from "vitest";
import { JIXIAO_ACCOUNT, JIXIAO_EXPLAIN, JIXIAO_LASTPLACE, JIXIAO_RANK, JIXIAO_SCORE, JIXIAO_TASKCREDIT, JIXIAO_TIER } from "../../src/index.js";
import { ENTRIES, SCHEME, TASK_BOARD, TIER_POLICY_TEXT } from "./bases.js";
import { deepNest, extremes, fuzzSheet, heavy, many, params, sheetOutcome, textMutant, TIMEOUT } from "./fuzz.js";

/** An argument holding JSON: a plain object is written as JSON text (when it can be), anything else is passed as it is. */
function json(arg: unknown): unknown {
  if (arg === null || typeof arg !== "object" || Array.isArray(arg) || Object.getPrototypeOf(arg) !== Object.prototype) return arg;
  try {
    return JSON.stringify(arg);
  } catch {
    return arg;
  }
}
type F = (...args: unknown[]) => unknown;
const call = (f: unknown) => (args: readonly unknown[]) => (f as F)(...args.map(json));

const SUBJECTS = [
  ["id", "name", "attendance", "study", "political", "collection", "backlog", "grabbed", "部门"],
  ["c001", "张伟", 2, "良", 88, 96.5, 3, 7.2, "征管"],
  ["", "", "", "", "", "", "", "", ""],
  ["c002", "李娜", 0, "优", 92, "104.2", 0, 9.5, "纳服"],
  ["c003", "王强", 1, "中", 79, "N/A", 6, 2, "征管"],
];
const SMALL = JSON.stringify({ id: "small", full: 10, groups: [{ id: "g", points: 10, indicators: [{ id: "x", points: 10, method: { type: "direct" } }] }] });
const SCORES = [["id", "total"], ["c1", 90], ["c2", "85.5"], ["c3", 85.5], ["c4", ""], ["c5", 60]];
const GROUPS = [["group"], ["A"], ["A"], ["B"], [""], ["B"]];
const GRABS = [["task", "person", "at"], ["t1", "p1", "2023-07-03T09:00:05"], ["t2", "p2", new Date("2023-07-04T02:00:00Z")], ["t3", "p3", 45111.4]];
const DONE = [["task", "person", "quality", "completed"], ["t1", "p1", "良", "2023-08-02"], ["t2", "p2", 1, ""]];
const STAFF = [["id", "name", "posts"], ["p1", "张伟", "征管岗"], ["", "", ""], ["p2", "李娜", "纳服岗、征管岗"], ["p3", "王强", "征管岗"]];
const LEDGER = [
  ["id", "person", "date", "component", "points", "source", "corrects", "action"],
  ...ENTRIES.map((e) => [e.id, e.person, e.date, e.component ?? "", e.points ?? "", e.source, e.corrects ?? "", e.action ?? ""]),
  [],
  ["e99", "c002", 45337, "talent", "2", "人事股", "", ""],
];

describe("fuzz: sheet functions", () => {
  fuzzSheet("JIXIAO_SCORE", [SCHEME, SUBJECTS, "id, name, total, rank, group:common, indicator:study", "not-applicable"], call(JIXIAO_SCORE));
  fuzzSheet("JIXIAO_EXPLAIN", [SCHEME, SUBJECTS, "c001", "en", "zero"], call(JIXIAO_EXPLAIN));
  fuzzSheet("JIXIAO_RANK", [SCORES, GROUPS, "asc, dense"], call(JIXIAO_RANK));
  fuzzSheet("JIXIAO_TIER", [SCORES, GROUPS, JSON.parse(TIER_POLICY_TEXT)], call(JIXIAO_TIER));
  fuzzSheet("JIXIAO_LASTPLACE", [SCORES, GROUPS, { deductions: [1, 0.5], ties: "all" }], call(JIXIAO_LASTPLACE));
  fuzzSheet("JIXIAO_TASKCREDIT", [TASK_BOARD, GRABS, DONE, STAFF, { qualityGrades: { 优: 1, 良: 0.8 }, lateFactor: 0.5, cap: 10, maxTasksPerPerson: 2 }], call(JIXIAO_TASKCREDIT));
  fuzzSheet("JIXIAO_ACCOUNT", [LEDGER, "2024-Q1", "2024-03-01"], call(JIXIAO_ACCOUNT));

  it("JIXIAO_SCORE and JIXIAO_TIER: JSON text mutated character by character", () => {
    const text = JSON.stringify(SCHEME);
    fc.assert(fc.property(textMutant(text), (m) => void sheetOutcome(() => JIXIAO_SCORE(m.value, SUBJECTS))), params());
    fc.assert(fc.property(textMutant(TIER_POLICY_TEXT), (m) => void sheetOutcome(() => JIXIAO_TIER(SCORES, GROUPS, m.value))), params());
  }, TIMEOUT);

  extremes("JIXIAO_RANK", () => ({
    "100,000 rows, one not a number": [...many(99_999, (i) => [i % 101]), ["x"]],
    ...heavy(() => ({ "100,000 rows": many(100_000, (i) => [i % 101]) })),
    "a row of 100,000 cells": [many(100_000, () => 1)],
    "10,000-deep nesting": deepNest([1], 10_000, "array"),
  }), (r) => sheetOutcome(() => JIXIAO_RANK(r as never), 15_000));
  extremes("JIXIAO_SCORE", () => ({
    "a row of 100,000 columns": [["id", ...many(99_999, (i) => `x${i}`)], ["c1", ...many(99_999, () => 1)]],
    ...heavy(() => ({
      "100,000 subjects, one of them without an id": [["id", "x"], ["", 1], ...many(99_999, (i) => [`c${i}`, i % 10])],
      "100,000 subjects (one indicator)": [["id", "x"], ...many(100_000, (i) => [`c${i}`, i % 10])],
    })),
    "a scheme 10,000 deep": JSON.stringify({ ...SCHEME, groups: "@" }).replace('"@"', `${"[".repeat(10_000)}${"]".repeat(10_000)}`),
    "a scheme 100,000 deep": `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`,
  }), (x) => sheetOutcome(() => (typeof x === "string" ? JIXIAO_SCORE(x, SUBJECTS) : JIXIAO_SCORE(SMALL, x as never, "total")), 15_000));
});
