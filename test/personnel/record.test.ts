import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { text, toDec } from "../../src/core/decimal.js";
import { JixiaoError } from "../../src/core/errors.js";
import { runs } from "../helpers.js";
import { appendEntries, createLedger, defineEverydayPerformance, everydayExample, resultEntries, scoreAll, summarizeAccount } from "../../src/index.js";
import { brief, issuesOf } from "./fixtures.js";

describe("resultEntries: a period's scores into the growth account", () => {
  it("makes one entry per person, dated on the period's last day, with an id that refuses a second recording", () => {
    const everyday = defineEverydayPerformance(everydayExample);
    const july = scoreAll(everyday, [
      { id: "c001", values: { org: 92, personal: 88, leader: 90, actual: 95 } },
      { id: "c002", values: { org: 80, personal: 70, leader: 60, actual: 50 } },
    ]);
    const entries = resultEntries(july, { period: "2024-07", component: "everyday", source: "月度考核" });
    expect(entries).toEqual([
      { id: "everyday/2024-07/c001", person: "c001", date: "2024-07-31", component: "everyday", points: "90.55", source: "月度考核", reference: "everyday-example" },
      { id: "everyday/2024-07/c002", person: "c002", date: "2024-07-31", component: "everyday", points: "68.5", source: "月度考核", reference: "everyday-example" },
    ]);
    const l = appendEntries(createLedger(), entries);
    expect(summarizeAccount(l, "c001", { period: "2024-Q3" }).exact).toBe("90.55");
    expect(brief(issuesOf(() => appendEntries(l, entries)))).toEqual(["duplicate_id entries.0.id", "duplicate_id entries.1.id"]);
    // A quarter is dated on its last day; a week on its Thursday, so that it counts in the month the
    // week belongs to, as aggregatePeriods counts it (2024-W35, 26 August – 1 September, in August).
    expect(resultEntries([{ subjectId: "c001", total: "1.50" }], { period: "2024-Q3", component: "routine", source: "季度考核" })[0]).toMatchObject({ date: "2024-09-30", points: "1.5" });
    expect(resultEntries([{ subjectId: "c001", total: 1 }], { period: "2025-W01", component: "routine", source: "周考核" })[0]!.date).toBe("2025-01-02");
  });

  it("refuses a person twice, bad totals, reserved ids and bad options", () => {
    expect(brief(issuesOf(() => resultEntries([{ subjectId: "a", total: 1 }, { subjectId: "a", total: 2 }], { period: "2024-07", component: "x", source: "s" })))).toEqual([
      "duplicate_id results.1.subjectId",
    ]);
    expect(brief(issuesOf(() => resultEntries([{ subjectId: "a", total: Number.NaN }], { period: "2024-07", component: "x", source: "s" })))).toEqual(["invalid_number results.0.total"]);
    expect(brief(issuesOf(() => resultEntries([{ subjectId: "__proto__", total: 1 }], { period: "2024-07", component: "x", source: "s" })))).toEqual(["invalid_option results.0.subjectId"]);
    expect(brief(issuesOf(() => resultEntries([], { period: "2024-13", component: "x", source: "s" })))).toEqual(["invalid_option options.period"]);
    expect(brief(issuesOf(() => resultEntries([], { period: "2024-07", component: "", source: "s" })))).toEqual(["out_of_range options.component"]);
  });

  // Plain results (plain objects, number totals within ±10^15) skip the schema; anything else takes it.
  const options = { period: "2024-Q2", component: "quarterly", source: "季度考核" };
  const total = fc.oneof(
    fc.double({ min: -1e16, max: 1e16, noNaN: true }),
    fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100),
    fc.constantFrom(0, -0, 1e-7, 1e-6, 999_999_999_999_999, 1e15, 1e15 + 2, -1e15, 5e-324),
  );
  it("gives each plain result's total as decimal.js prints it, and what the schema gives for the rest", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(total, fc.boolean()), { maxLength: 20 }), (list) => {
        const results = list.map(([t, withScheme], i) => ({ subjectId: `p${i}`, total: t, ...(withScheme ? { schemeId: "s" } : {}) }));
        // The same results as instances of a class take the schema's path.
        class Result {
          constructor(readonly subjectId: string, readonly total: number, readonly schemeId?: string) {}
        }
        const viaSchema = results.map((r) => Object.assign(new Result(r.subjectId, r.total), "schemeId" in r ? { schemeId: r.schemeId } : {}));
        const entries = resultEntries(results, options);
        expect(entries.map((e) => e.points)).toEqual(results.map((r) => text(toDec(r.total)!)));
        expect(resultEntries(viaSchema as never, options)).toEqual(entries);
      }),
      { numRuns: runs(200) },
    );
  });

  it("reads each result's fields once, so a getter cannot change what was checked", () => {
    let reads = 0;
    const shifty = {
      subjectId: "a",
      get total() {
        reads++;
        return reads === 1 ? 90 : Number.NaN;
      },
    };
    expect(resultEntries([shifty], options)[0]!.points).toBe("90");
    expect(reads).toBe(1);
    // A getter that throws is reported, never thrown.
    const throwing = Object.defineProperty({ subjectId: "a" }, "total", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(() => resultEntries([throwing as never], options)).toThrow(JixiaoError);
    // A result that is not plainly valid is left to the schema, which reports it.
    expect(brief(issuesOf(() => resultEntries([{ subjectId: "a", total: 1, schemeId: 5 as never }], options)))).toEqual(["invalid_type results.0.schemeId"]);
    expect(brief(issuesOf(() => resultEntries([{ subjectId: "a", total: 1e19 }], options)))).toEqual(["invalid_number results.0.total"]);
  });
});
