import { describe, expect, it } from "vitest";
import { checkHistory, consecutiveTier, isJixiaoError, type HistoryRule, type TierRecord } from "../../src/index.js";

/** Records for one subject: period → tier. */
const recs = (subjectId: string, byPeriod: Record<string, string>): TierRecord[] => Object.entries(byPeriod).map(([period, tier]) => ({ subjectId, period, tier }));

/** The issues thrown by `fn`. */
function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isJixiaoError(e)) return e.issues;
    throw e;
  }
  throw new Error("expected a JixiaoError");
}

describe("consecutiveTier (R13)", () => {
  const history: TierRecord[] = [
    ...recs("c1", { "2022": "差", "2023": "差", "2024": "差" }),
    ...recs("c2", { "2024": "差", "2023": "差" }),
    // a middle year breaks the run
    ...recs("c3", { "2022": "差", "2023": "中", "2024": "差" }),
    // a missing year breaks the run
    ...recs("c4", { "2022": "差", "2024": "差" }),
    // the run ends before the latest year
    ...recs("c5", { "2021": "差", "2022": "差", "2023": "差" }),
  ];

  it("N years up to the latest year in the history", () => {
    expect(consecutiveTier(history, { tier: "差", years: 2 })).toEqual([
      { subjectId: "c1", tier: "差", periods: ["2023", "2024"] },
      { subjectId: "c2", tier: "差", periods: ["2023", "2024"] },
    ]);
    expect(consecutiveTier(history, { tier: "差", years: 3 })).toEqual([{ subjectId: "c1", tier: "差", periods: ["2022", "2023", "2024"] }]);
    expect(consecutiveTier(history, { tier: "差", years: 1 }).map((h) => h.subjectId)).toEqual(["c1", "c2", "c3", "c4"]);
    expect(consecutiveTier(history, { tier: "差", years: 4 })).toEqual([]);
  });

  it("asOf sets the last year of the run", () => {
    expect(consecutiveTier(history, { tier: "差", years: 3, asOf: "2023" })).toEqual([{ subjectId: "c5", tier: "差", periods: ["2021", "2022", "2023"] }]);
    expect(consecutiveTier(history, { tier: "差", years: 2, asOf: "2023" }).map((h) => h.subjectId)).toEqual(["c1", "c5"]);
    expect(consecutiveTier(history, { tier: "中", years: 1, asOf: "2023" }).map((h) => h.subjectId)).toEqual(["c3"]);
    expect(consecutiveTier(history, { tier: "差", years: 1, asOf: "2030" })).toEqual([]);
  });

  it("does not depend on the order of the records; lists by id", () => {
    expect(consecutiveTier([...history].reverse(), { tier: "差", years: 2 })).toEqual(consecutiveTier(history, { tier: "差", years: 2 }));
  });

  it("rejects periods that are not years", () => {
    expect(thrown(() => consecutiveTier([...recs("c1", { "2024": "差" }), ...recs("c2", { "2024-Q1": "差" })], { tier: "差", years: 1 }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "[1].period: must be a four-digit year, not "2024-Q1"",
          "params": {
            "key": "historyPeriodNotYear",
            "period": "2024-Q1",
          },
          "path": [
            1,
            "period",
          ],
        },
      ]
    `);
  });

  it("rejects a subject's year given twice", () => {
    expect(thrown(() => consecutiveTier([{ subjectId: "c1", period: "2024", tier: "差" }, { subjectId: "c2", period: "2024", tier: "中" }, { subjectId: "c1", period: "2024", tier: "中" }], { tier: "差", years: 1 }))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "[2].period: repeats c1's period 2024; one tier per subject and period",
          "params": {
            "key": "historyPeriodRepeated",
            "period": "2024",
            "subjectId": "c1",
          },
          "path": [
            2,
            "period",
          ],
        },
      ]
    `);
  });

  it("rejects bad options", () => {
    expect(thrown(() => consecutiveTier(history, { tier: "", years: 0, asOf: "24" }))).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "options.tier: must be at least 1 character; it is text """,
          "params": {
            "bound": "atLeast",
            "key": "size",
            "limit": "1",
            "received": {
              "text": "",
              "type": "text",
            },
            "unit": "characters",
          },
          "path": [
            "options",
            "tier",
          ],
        },
        {
          "code": "out_of_range",
          "message": "options.years: must be at least 1; it is 0",
          "params": {
            "bound": "atLeast",
            "key": "size",
            "limit": "1",
            "received": {
              "text": "0",
              "type": "number",
            },
            "unit": "",
          },
          "path": [
            "options",
            "years",
          ],
        },
        {
          "code": "invalid_value",
          "message": "options.asOf: must be a four-digit year such as 2024, not text "24"",
          "params": {
            "key": "wants",
            "received": {
              "text": "24",
              "type": "text",
            },
            "want": "year",
          },
          "path": [
            "options",
            "asOf",
          ],
        },
      ]
    `);
  });
});

describe("checkHistory: annual eligibility from the quarters", () => {
  const Q = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"];
  const quarters = (subjectId: string, tiers: string[]) => tiers.map((tier, i) => ({ subjectId, period: Q[i]!, tier }));
  /** "好 in more than half of the quarters and none below 中". */
  const rule: HistoryRule = { order: ["好", "中", "差"], all: [{ tiers: ["好"], moreThanShare: 0.5 }, { noneBelow: "中" }] };
  /** The results of the rule's two conditions. */
  const more = (passed: boolean, count: number, of: number) => ({ kind: "moreThanShare", tiers: ["好"], share: "0.5", passed, count, of });
  const none = (passed: boolean, count: number, of: number) => ({ kind: "noneBelow", tier: "中", passed, count, of });
  const history = [
    ...quarters("p1", ["好", "好", "好", "中"]),
    ...quarters("p2", ["好", "中", "好", "中"]),
    ...quarters("p3", ["好", "好", "差", "好"]),
    ...quarters("p4", ["好", "好", "中"]),
  ];

  it("passes with 3 of 4; fails at exactly half; fails with one 差", () => {
    expect(checkHistory(history, rule)).toEqual([
      { subjectId: "p1", passed: true, missing: [], conditions: [more(true, 3, 4), none(true, 0, 4)] },
      { subjectId: "p2", passed: false, missing: [], conditions: [more(false, 2, 4), none(true, 0, 4)] },
      { subjectId: "p3", passed: false, missing: [], conditions: [more(true, 3, 4), none(false, 1, 4)] },
      // without `periods` only the quarters it has count: 2 of 3 is more than half
      { subjectId: "p4", passed: true, missing: [], conditions: [more(true, 2, 3), none(true, 0, 3)] },
    ]);
  });

  it("with periods given, a missing quarter counts in `of` and fails the subject", () => {
    const out = checkHistory(history, { ...rule, periods: Q });
    expect(out.find((c) => c.subjectId === "p4")).toEqual({ subjectId: "p4", passed: false, missing: ["2024-Q4"], conditions: [more(false, 2, 4), none(true, 0, 4)] });
    expect(out.find((c) => c.subjectId === "p1")!.passed).toBe(true);
    // a missing period fails the subject even when every condition holds
    const lenient = checkHistory(quarters("p5", ["好", "好", "好"]), { order: ["好", "中"], periods: Q, all: [{ tiers: ["好"], atLeast: 3 }] });
    expect(lenient).toEqual([{ subjectId: "p5", passed: false, missing: ["2024-Q4"], conditions: [{ kind: "atLeast", tiers: ["好"], atLeast: 3, passed: true, count: 3, of: 4 }] }]);
    // periods outside `periods` do not count
    const extra = checkHistory([...quarters("p6", ["好", "好", "中", "中"]), { subjectId: "p6", period: "2023-Q4", tier: "好" }], { ...rule, periods: Q });
    expect(extra[0]!.conditions[0]).toEqual(more(false, 2, 4));
  });

  it('atLeastShare "1/2" passes at exactly half; moreThanShare "1/2" does not', () => {
    const half = quarters("p2", ["好", "中", "好", "中"]);
    expect(checkHistory(half, { order: ["好", "中", "差"], all: [{ tiers: ["好"], atLeastShare: "1/2" }] })[0]!.passed).toBe(true);
    expect(checkHistory(half, { order: ["好", "中", "差"], all: [{ tiers: ["好"], moreThanShare: "1/2" }] })[0]!.passed).toBe(false);
    // 1/3 of 3 quarters: exactly one 好 is enough for atLeastShare, not moreThanShare
    const third = quarters("x", ["好", "中", "中"]);
    expect(checkHistory(third, { order: ["好", "中"], all: [{ tiers: ["好"], atLeastShare: "1/3" }] })[0]!.passed).toBe(true);
    expect(checkHistory(third, { order: ["好", "中"], all: [{ tiers: ["好"], moreThanShare: "1/3" }] })[0]!.passed).toBe(false);
  });

  it("atLeast and atMost counts, over several tiers together", () => {
    const h = quarters("p", ["好", "中", "差", "好"]);
    const check = (c: HistoryRule["all"][number]) => checkHistory(h, { order: ["好", "中", "差"], all: [c] })[0]!.conditions[0];
    expect(check({ tiers: ["好"], atLeast: 2 })).toEqual({ kind: "atLeast", tiers: ["好"], atLeast: 2, passed: true, count: 2, of: 4 });
    expect(check({ tiers: ["好"], atLeast: 3 })).toEqual({ kind: "atLeast", tiers: ["好"], atLeast: 3, passed: false, count: 2, of: 4 });
    expect(check({ tiers: ["好", "中"], atLeast: 3 })).toEqual({ kind: "atLeast", tiers: ["好", "中"], atLeast: 3, passed: true, count: 3, of: 4 });
    expect(check({ tiers: ["差"], atMost: 1 })).toEqual({ kind: "atMost", tiers: ["差"], atMost: 1, passed: true, count: 1, of: 4 });
    expect(check({ tiers: ["差"], atMost: 0 })).toEqual({ kind: "atMost", tiers: ["差"], atMost: 0, passed: false, count: 1, of: 4 });
    expect(check({ tiers: ["好"], atLeastShare: "1/2" })).toEqual({ kind: "atLeastShare", tiers: ["好"], share: "1/2", passed: true, count: 2, of: 4 });
    expect(check({ noneBelow: "差" })).toEqual({ kind: "noneBelow", tier: "差", passed: true, count: 0, of: 4 });
    expect(check({ noneBelow: "好" })).toEqual({ kind: "noneBelow", tier: "好", passed: false, count: 2, of: 4 });
  });

  it("rejects bad rules with paths", () => {
    const h = quarters("p", ["好"]);
    expect(
      thrown(() =>
        checkHistory(h, {
          order: ["好", "中", "差"],
          all: [
            { tiers: ["好"], noneBelow: "中" },
            { tiers: ["优秀"], atLeast: 1 },
            { tiers: ["好"], atLeast: 1, atMost: 3 },
            { tiers: ["好"], moreThanShare: "3/2" },
            { noneBelow: "不合格" },
            { atLeast: 2 },
          ],
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_rule",
          "message": "rule.all[0]: noneBelow stands alone; put other conditions in their own entries",
          "params": {
            "key": "historyNoneBelowAlone",
          },
          "path": [
            "rule",
            "all",
            0,
          ],
        },
        {
          "code": "unknown_id",
          "message": "rule.all[1].tiers: "优秀" is not in order",
          "params": {
            "key": "historyTierNotInOrder",
            "tier": "优秀",
          },
          "path": [
            "rule",
            "all",
            1,
            "tiers",
          ],
        },
        {
          "code": "invalid_rule",
          "message": "rule.all[2]: needs tiers and exactly one of atLeast, atMost, atLeastShare, moreThanShare (or noneBelow alone)",
          "params": {
            "key": "historyConditionShape",
          },
          "path": [
            "rule",
            "all",
            2,
          ],
        },
        {
          "code": "invalid_number",
          "message": "rule.all[3].moreThanShare: must be a share from 0 to 1 such as 0.5 or "1/2"",
          "params": {
            "key": "historyShare",
          },
          "path": [
            "rule",
            "all",
            3,
            "moreThanShare",
          ],
        },
        {
          "code": "unknown_id",
          "message": "rule.all[4].noneBelow: "不合格" is not in order",
          "params": {
            "key": "historyTierNotInOrder",
            "tier": "不合格",
          },
          "path": [
            "rule",
            "all",
            4,
            "noneBelow",
          ],
        },
        {
          "code": "invalid_rule",
          "message": "rule.all[5]: needs tiers and exactly one of atLeast, atMost, atLeastShare, moreThanShare (or noneBelow alone)",
          "params": {
            "key": "historyConditionShape",
          },
          "path": [
            "rule",
            "all",
            5,
          ],
        },
      ]
    `);
  });

  it("rejects a tier the rule's order does not know, and a period given twice", () => {
    expect(thrown(() => checkHistory([...quarters("p", ["好", "优"])], rule))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "[1].tier: "优" is not in the rule's order 好, 中, 差",
          "params": {
            "key": "historyUnknownTier",
            "order": [
              "好",
              "中",
              "差",
            ],
            "tier": "优",
          },
          "path": [
            1,
            "tier",
          ],
        },
      ]
    `);
    expect(thrown(() => checkHistory([...quarters("p", ["好"]), ...quarters("p", ["中"])], rule))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "[1].period: repeats p's period 2024-Q1; one tier per subject and period",
          "params": {
            "key": "historyPeriodRepeated",
            "period": "2024-Q1",
            "subjectId": "p",
          },
          "path": [
            1,
            "period",
          ],
        },
      ]
    `);
  });
});
