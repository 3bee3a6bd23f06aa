import { describe, expect, it } from "vitest";
import {
  aggregatePeriods,
  defineEverydayPerformance,
  defineVersions,
  periodsIn,
  score,
  versionFor,
  type RuleVersions,
  type Scheme,
} from "../../src/index.js";
import { brief, issuesOf, messageOf } from "./fixtures.js";

// Everyday performance changes on 1 July 2024: the organization-linked part goes from 30 to 40 points.
const v1 = defineEverydayPerformance({ id: "everyday-2024-v1", components: [{ id: "org", points: 30, scale: 100 }, { id: "personal", points: 70, scale: 100 }] });
const v2 = defineEverydayPerformance({ id: "everyday-2024-v2", components: [{ id: "org", points: 40, scale: 100 }, { id: "personal", points: 60, scale: 100 }] });

describe("a rule version changing mid-year", () => {
  const versions = defineVersions<Scheme>([
    { version: "2024-v2", from: "2024-07-01", rule: v2, note: "组织绩效挂钩提高到40分" },
    { version: "2024-v1", from: "2024-01-01", rule: v1 },
  ]);

  it("puts the versions in order of the day they come into force", () => {
    expect(versions.versions.map((v) => [v.version, v.from])).toEqual([
      ["2024-v1", "2024-01-01"],
      ["2024-v2", "2024-07-01"],
    ]);
    expect(Object.isFrozen(versions) && Object.isFrozen(versions.versions)).toBe(true);
  });

  it("scores each month with the version in force, and the result names it", () => {
    // org 90, personal 80: v1 gives 0.3 × 90 + 0.7 × 80 = 27 + 56 = 83; v2 gives 0.4 × 90 + 0.6 × 80 = 36 + 48 = 84.
    const months = periodsIn("2024", "month").map((period) => {
      const v = versionFor(versions, period);
      const r = score(v.rule, { id: "c001", values: { org: 90, personal: 80 } });
      return { period, version: v.version, scheme: r.schemeId, total: r.total };
    });
    expect(months.map((m) => `${m.period} ${m.version} ${m.scheme} ${m.total}`)).toEqual([
      "2024-01 2024-v1 everyday-2024-v1 83",
      "2024-02 2024-v1 everyday-2024-v1 83",
      "2024-03 2024-v1 everyday-2024-v1 83",
      "2024-04 2024-v1 everyday-2024-v1 83",
      "2024-05 2024-v1 everyday-2024-v1 83",
      "2024-06 2024-v1 everyday-2024-v1 83",
      "2024-07 2024-v2 everyday-2024-v2 84",
      "2024-08 2024-v2 everyday-2024-v2 84",
      "2024-09 2024-v2 everyday-2024-v2 84",
      "2024-10 2024-v2 everyday-2024-v2 84",
      "2024-11 2024-v2 everyday-2024-v2 84",
      "2024-12 2024-v2 everyday-2024-v2 84",
    ]);
    // The year: 6 × 83 + 6 × 84 = 1002, a mean of 83.5.
    const scores = months.map((m) => ({ period: m.period, score: m.total }));
    expect(aggregatePeriods(scores, "2024", { rule: "sum", missing: "error" }).exact).toBe("1002");
    expect(aggregatePeriods(scores, "2024", { rule: "mean", missing: "error" }).exact).toBe("83.5");
    expect(versionFor(versions, "2024-07").note).toBe("组织绩效挂钩提高到40分");
  });

  it("decides a period by its first day, or by its last with at: end", () => {
    expect(versionFor(versions, "2024-Q2").version).toBe("2024-v1");
    expect(versionFor(versions, "2024-Q3").version).toBe("2024-v2");
    expect(versionFor(versions, "2024-H1", { at: "end" }).version).toBe("2024-v1");
    expect(versionFor(versions, "2024", { at: "start" }).version).toBe("2024-v1");
    expect(versionFor(versions, "2024", { at: "end" }).version).toBe("2024-v2");
    expect(versionFor(versions, "2024-06-30").version).toBe("2024-v1");
    expect(versionFor(versions, "2024-07-01").version).toBe("2024-v2");
    // 2024-W27 starts on Monday 1 July.
    expect(versionFor(versions, "2024-W27").version).toBe("2024-v2");
    expect(versionFor(versions, "2024-W26", { at: "end" }).version).toBe("2024-v1");
    expect(versionFor(versions, "2031-05").version).toBe("2024-v2");
  });

  it("applies a version that starts mid-month from the next month, or from that month with at: end", () => {
    const three = defineVersions([
      { version: "a", from: "2024-01-01", rule: "A" },
      { version: "b", from: "2024-10-15", rule: "B" },
      { version: "c", from: "2024-10-20", rule: "C" },
    ]);
    expect(versionFor(three, "2024-10").rule).toBe("A");
    expect(versionFor(three, "2024-10", { at: "end" }).rule).toBe("C");
    expect(versionFor(three, "2024-11").rule).toBe("C");
    expect(versionFor(three, "2024-10-17").rule).toBe("B");
  });

  it("refuses a period before the first version, naming the first day", () => {
    expect(brief(issuesOf(() => versionFor(versions, "2023-12")))).toEqual(["missing_value period"]);
    expect(messageOf(() => versionFor(versions, "2023-12"))).toMatchInlineSnapshot(`
      "No rule version: 1 issue
        - period: no version is in force on 2023-12-01; the first comes into force on 2024-01-01"
    `);
    // A year that begins before the first version has none in force at its start.
    const late = defineVersions([{ version: "x", from: "2024-03-01", rule: 1 }]);
    expect(brief(issuesOf(() => versionFor(late, "2024")))).toEqual(["missing_value period"]);
    expect(versionFor(late, "2024", { at: "end" }).version).toBe("x");
  });
});

describe("defineVersions and versionFor refuse bad input", () => {
  it("repeated names and days, days that are not real, too few versions", () => {
    const issues = issuesOf(() =>
      defineVersions([
        { version: "v1", from: "2024-01-01", rule: 1 },
        { version: "v1", from: "2024-01-01", rule: 2 },
        { version: "v3", from: "2024-02-30", rule: 3 },
        { version: "v4", from: "2024-07", rule: 4 },
      ]),
    );
    expect(brief(issues)).toEqual(["duplicate_id versions.1.from", "duplicate_id versions.1.version", "invalid_value versions.2.from", "invalid_value versions.3.from"]);
    expect(brief(issuesOf(() => defineVersions([{ version: "__proto__", from: "2025-01-01", rule: 5 }])))).toEqual(["invalid_option versions.0.version"]);
    expect(brief(issuesOf(() => defineVersions([])))).toEqual(["out_of_range versions"]);
    expect(brief(issuesOf(() => defineVersions(null as never)))).toEqual(["invalid_type versions"]);
    expect(brief(issuesOf(() => defineVersions([{ version: "v", from: "2024-01-01", rule: 1, extra: 1 } as never])))).toEqual(["unknown_field versions.0.extra"]);
  });

  it("versions not made by defineVersions, and bad periods", () => {
    const raw = { versions: [{ version: "v2", from: "2024-07-01", rule: 2 }, { version: "v1", from: "2024-01-01", rule: 1 }] };
    expect(brief(issuesOf(() => versionFor(raw as RuleVersions<number>, "2024-08")))).toEqual(["invalid_input versions"]);
    for (const bad of [null, undefined, {}, []]) expect(brief(issuesOf(() => versionFor(bad as never, "2024-08")))).toEqual(["invalid_input versions"]);
    const ok = defineVersions([{ version: "v1", from: "2024-01-01", rule: 1 }]);
    expect(brief(issuesOf(() => versionFor(ok, "2024-13")))).toEqual(["invalid_option period"]);
    expect(brief(issuesOf(() => versionFor(ok, "2023-W53")))).toEqual(["invalid_option period"]);
  });

  it("an unknown `at`", () => {
    const ok = defineVersions([{ version: "v1", from: "2024-01-01", rule: 1 }]);
    expect(brief(issuesOf(() => versionFor(ok, "2024-08", { at: "middle" } as never)))).toEqual(["invalid_option options.at"]);
  });

  it("leaves the caller's rule objects as they were (not frozen in place)", () => {
    const rule = { bonusCap: 3 };
    const versions = defineVersions([{ version: "v1", from: "2024-01-01", rule }]);
    expect(versions.versions[0]!.rule).toEqual({ bonusCap: 3 });
    expect(Object.isFrozen(rule)).toBe(false);
  });
});
