import { describe, expect, it } from "vitest";
import { defineScheme, isJixiaoError, rank, safeRank, scoreAll, type Rankable, type RankEntry, type RankOptions, type SubjectInput } from "../../src/index.js";

/** Subjects with only an id and a total. */
const totals = (t: Record<string, number | string>): Rankable[] => Object.entries(t).map(([subjectId, total]) => ({ subjectId, total }));

/** The fields of an entry that say where it stands. */
const place = (e: RankEntry) => ({ id: e.subjectId, rank: e.rank, position: e.position, groupSize: e.groupSize, percentile: e.percentile, tiedWith: e.tiedWith, tiedCount: e.tiedCount });

/** id:rank, in the ranking's order. */
const ranks = (rs: readonly Rankable[], o?: RankOptions) => rank(rs, o).entries.map((e) => `${e.subjectId}:${e.rank}`);

/** The issues of a failed safeRank. */
function issuesOf(rs: readonly Rankable[], o?: unknown) {
  const r = safeRank(rs, o as RankOptions);
  if (r.success) throw new Error("expected the ranking to fail");
  return r.issues;
}

describe("rank: tie styles", () => {
  const four = totals({ a: 90, b: 95, c: 90, d: 80 });

  it("competition (default): 1, 2, 2, 4 with position, group size, percentile and ties", () => {
    const r = rank(four);
    expect(r.by).toBe("total");
    expect(r.order).toBe("desc");
    expect(r.ties).toBe("competition");
    expect(r.groupBy).toBeNull();
    expect(r.tieBreak).toEqual([]);
    // b beats 3 of 4 (75%); a and c beat only d (25%); d beats no one.
    expect(r.entries.map(place)).toEqual([
      { id: "b", rank: 1, position: 1, groupSize: 4, percentile: 75, tiedWith: [], tiedCount: 0 },
      { id: "a", rank: 2, position: 2, groupSize: 4, percentile: 25, tiedWith: ["c"], tiedCount: 1 },
      { id: "c", rank: 2, position: 3, groupSize: 4, percentile: 25, tiedWith: ["a"], tiedCount: 1 },
      { id: "d", rank: 4, position: 4, groupSize: 4, percentile: 0, tiedWith: [], tiedCount: 0 },
    ]);
    expect(r.entries.every((e) => e.peerGroup === null)).toBe(true);
    expect(r.entries.map((e) => e.score)).toEqual([95, 90, 90, 80]);
  });

  it("dense: 1, 2, 2, 3", () => {
    expect(ranks(four, { ties: "dense" })).toEqual(["b:1", "a:2", "c:2", "d:3"]);
    expect(rank(four, { ties: "dense" }).entries.map((e) => e.position)).toEqual([1, 2, 3, 4]);
  });

  it("ordinal: 1, 2, 3, 4, equal scores ordered by id when there is no tie-break", () => {
    expect(ranks(four, { ties: "ordinal" })).toEqual(["b:1", "a:2", "c:3", "d:4"]);
    // the tie is still reported, though the ranks differ
    expect(rank(four, { ties: "ordinal" }).entries[2]).toMatchObject({ subjectId: "c", tiedWith: ["a"], tiedCount: 1, percentile: 25 });
  });

  it("ordinal with tie-break keys: a group, then an indicator, then the id", () => {
    const rs: Rankable[] = [
      { subjectId: "a", total: 90, groups: [{ id: "g1", earned: 50 }], indicators: [{ id: "i1", earned: 9 }] },
      { subjectId: "b", total: 90, groups: [{ id: "g1", earned: 60 }], indicators: [{ id: "i1", earned: 5 }] },
      { subjectId: "c", total: 90, groups: [{ id: "g1", earned: 60 }], indicators: [{ id: "i1", earned: 7 }] },
      { subjectId: "e", total: 90, groups: [{ id: "g1", earned: 60 }], indicators: [{ id: "i1", earned: 7 }] },
      { subjectId: "d", total: 91, groups: [{ id: "g1", earned: 10 }], indicators: [{ id: "i1", earned: 1 }] },
    ];
    const r = rank(rs, { ties: "ordinal", tieBreak: ["group:g1", "indicator:i1"] });
    // d is first on the total; among the 90s: g1 60 beats 50; among b, c, e: i1 7 beats 5; c and e by id.
    expect(r.entries.map((e) => `${e.subjectId}:${e.rank}`)).toEqual(["d:1", "c:2", "e:3", "b:4", "a:5"]);
    expect(r.entries.map((e) => e.tieValues)).toEqual([[10, 1], [60, 7], [60, 7], [60, 5], [50, 9]]);
    expect(r.tieBreak).toEqual(["group:g1", "indicator:i1"]);
    // the four 90s all tie on the score, whatever the tie-break did
    expect(r.entries[1]).toMatchObject({ tiedWith: ["e", "b", "a"], tiedCount: 3, percentile: 0 });
    expect(r.entries[0]!.percentile).toBe(80);
    // with competition ties, the tie-break only orders positions
    expect(ranks(rs, { tieBreak: ["group:g1", "indicator:i1"] })).toEqual(["d:1", "c:2", "e:2", "b:2", "a:2"]);
  });

  it("with order asc the tie-break runs the same way: lower first", () => {
    const rs: Rankable[] = [
      { subjectId: "a", total: 3, indicators: [{ id: "late", earned: 2 }] },
      { subjectId: "b", total: 3, indicators: [{ id: "late", earned: 1 }] },
      { subjectId: "c", total: 1, indicators: [{ id: "late", earned: 9 }] },
      { subjectId: "d", total: 5, indicators: [{ id: "late", earned: 0 }] },
    ];
    expect(ranks(rs, { order: "asc", ties: "ordinal", tieBreak: ["indicator:late"] })).toEqual(["c:1", "b:2", "a:3", "d:4"]);
    expect(ranks(rs, { order: "asc" })).toEqual(["c:1", "a:2", "b:2", "d:4"]);
  });
});

describe("rank: what is ranked and in which direction", () => {
  const rs: Rankable[] = [
    { subjectId: "a", total: 80, groups: [{ id: "common", earned: 25 }, { id: "individual", earned: 55 }], indicators: [{ id: "late", earned: 3 }] },
    { subjectId: "b", total: 85, groups: [{ id: "common", earned: 28 }, { id: "individual", earned: 57 }], indicators: [{ id: "late", earned: 0 }] },
    { subjectId: "c", total: 82, groups: [{ id: "common", earned: 30 }, { id: "individual", earned: 52 }], indicators: [{ id: "late", earned: 1 }] },
  ];

  it("by total, desc (default) and asc", () => {
    expect(ranks(rs)).toEqual(["b:1", "c:2", "a:3"]);
    expect(ranks(rs, { order: "asc" })).toEqual(["a:1", "c:2", "b:3"]);
    // asc: a (lowest) beats both others
    expect(rank(rs, { order: "asc" }).entries.map((e) => e.percentile)).toEqual([(2 * 100) / 3, 100 / 3, 0]);
  });

  it("by group:<id>", () => {
    const r = rank(rs, { by: "group:common" });
    expect(r.by).toBe("group:common");
    expect(r.entries.map((e) => [e.subjectId, e.score, e.rank])).toEqual([
      ["c", 30, 1],
      ["b", 28, 2],
      ["a", 25, 3],
    ]);
    expect(ranks(rs, { by: "group:individual", order: "asc" })).toEqual(["c:1", "a:2", "b:3"]);
  });

  it("by indicator:<id>, fewer late arrivals first with asc", () => {
    const r = rank(rs, { by: "indicator:late", order: "asc" });
    expect(r.entries.map((e) => [e.subjectId, e.score, e.rank])).toEqual([
      ["b", 0, 1],
      ["c", 1, 2],
      ["a", 3, 3],
    ]);
    expect(ranks(rs, { by: "indicator:late" })).toEqual(["a:1", "c:2", "b:3"]);
  });

  it("reads decimal text totals exactly", () => {
    expect(ranks(totals({ a: "90.10", b: 90.1, c: "90.09" }))).toEqual(["a:1", "b:1", "c:3"]);
  });
});

describe("rank: peer groups (R6, R20)", () => {
  it('groupBy "group": each group ranked on its own, groups in order of their key', () => {
    const rs: Rankable[] = [
      { subjectId: "a", total: 90, group: "B" },
      { subjectId: "b", total: 80, group: "A" },
      { subjectId: "c", total: 70, group: "B" },
      { subjectId: "d", total: 75, group: "A" },
      { subjectId: "e", total: 95, group: "B" },
    ];
    const r = rank(rs, { groupBy: "group" });
    expect(r.groupBy).toBe("group");
    expect(r.entries.map((e) => [e.peerGroup, e.subjectId, e.rank, e.groupSize, e.percentile])).toEqual([
      ["A", "b", 1, 2, 50],
      ["A", "d", 2, 2, 0],
      ["B", "e", 1, 3, (2 * 100) / 3],
      ["B", "a", 2, 3, 100 / 3],
      ["B", "c", 3, 3, 0],
    ]);
    expect(r.entries.map((e) => e.group)).toEqual(["A", "A", "B", "B", "B"]);
  });

  it("groupBy an attribute (job level), numbers and booleans as text", () => {
    const rs: Rankable[] = [
      { subjectId: "a", total: 88, attributes: { jobLevel: "科员", party: true, grade: 1 } },
      { subjectId: "b", total: 91, attributes: { jobLevel: "副科", party: false, grade: 2 } },
      { subjectId: "c", total: 93, attributes: { jobLevel: "科员", party: true, grade: 1 } },
      { subjectId: "d", total: 85, attributes: { jobLevel: "副科", party: true, grade: 2 } },
    ];
    const byLevel = rank(rs, { groupBy: "jobLevel" });
    expect(byLevel.groupBy).toBe("jobLevel");
    // "副科" (U+526F) sorts before "科员" (U+79D1)
    expect(byLevel.entries.map((e) => `${e.peerGroup}/${e.subjectId}:${e.rank}`)).toEqual(["副科/b:1", "副科/d:2", "科员/c:1", "科员/a:2"]);
    expect(rank(rs, { groupBy: "party" }).entries.map((e) => `${e.peerGroup}/${e.subjectId}:${e.rank}`)).toEqual(["false/b:1", "true/c:1", "true/a:2", "true/d:3"]);
    expect(rank(rs, { groupBy: "grade" }).entries.map((e) => e.peerGroup)).toEqual(["1", "1", "2", "2"]);
    expect(byLevel.entries[0]!.attributes).toEqual({ jobLevel: "副科", party: false, grade: 2 });
  });

  it("a group of one: rank 1 of 1, percentile 0, no ties", () => {
    const r = rank([{ subjectId: "solo", total: 60, group: "X" }, { subjectId: "p", total: 99, group: "Y" }, { subjectId: "q", total: 98, group: "Y" }], { groupBy: "group" });
    expect(r.entries.map(place)[0]).toEqual({ id: "solo", rank: 1, position: 1, groupSize: 1, percentile: 0, tiedWith: [], tiedCount: 0 });
  });

  it("everyone tied: all rank 1 (competition, dense), 1…n (ordinal, by id); nobody is worse", () => {
    const rs = totals({ c: 80, a: 80, b: 80 });
    expect(ranks(rs)).toEqual(["a:1", "b:1", "c:1"]);
    expect(ranks(rs, { ties: "dense" })).toEqual(["a:1", "b:1", "c:1"]);
    expect(ranks(rs, { ties: "ordinal" })).toEqual(["a:1", "b:2", "c:3"]);
    expect(rank(rs).entries.map(place)).toEqual([
      { id: "a", rank: 1, position: 1, groupSize: 3, percentile: 0, tiedWith: ["b", "c"], tiedCount: 2 },
      { id: "b", rank: 1, position: 2, groupSize: 3, percentile: 0, tiedWith: ["a", "c"], tiedCount: 2 },
      { id: "c", rank: 1, position: 3, groupSize: 3, percentile: 0, tiedWith: ["a", "b"], tiedCount: 2 },
    ]);
  });

  it("tiedWith lists at most 100 others; tiedCount counts them all", () => {
    const many: Rankable[] = Array.from({ length: 102 }, (_, i) => ({ subjectId: `t${String(i).padStart(3, "0")}`, total: 50 }));
    const r = rank([...many, { subjectId: "z", total: 10 }]);
    const first = r.entries[0]!;
    const last = r.entries[101]!;
    expect([first.tiedCount, first.tiedWith.length, first.tiedWith[0], first.tiedWith[99]]).toEqual([101, 100, "t001", "t100"]);
    expect([last.subjectId, last.tiedCount, last.tiedWith.length, last.tiedWith[0], last.tiedWith[99]]).toEqual(["t101", 101, 100, "t000", "t099"]);
    expect(first.percentile).toBe(100 / 103);
  });

  it("carries name, vetoes and flags by id", () => {
    const r = rank([{ subjectId: "a", name: "张伟", total: 1, vetoes: [{ id: "discipline" }], flags: [{ id: "f1" }, { id: "f2" }] }]);
    expect(r.entries[0]).toMatchObject({ name: "张伟", vetoes: ["discipline"], flags: ["f1", "f2"] });
    expect(rank(totals({ a: 1 })).entries[0]).toMatchObject({ vetoes: [], flags: [] });
  });

  it("does not depend on the input order", () => {
    const rs: Rankable[] = [
      { subjectId: "a", total: 90, group: "A" },
      { subjectId: "b", total: 90, group: "A" },
      { subjectId: "c", total: 70, group: "B" },
      { subjectId: "d", total: 90, group: "B" },
    ];
    const one = rank(rs, { groupBy: "group", ties: "ordinal" });
    expect(rank([...rs].reverse(), { groupBy: "group", ties: "ordinal" })).toEqual(one);
    expect(rank([rs[2]!, rs[0]!, rs[3]!, rs[1]!], { groupBy: "group", ties: "ordinal" })).toEqual(one);
  });
});

describe("rank: errors with paths", () => {
  it("an unknown key to rank by, or to break ties by", () => {
    const rs: Rankable[] = [
      { subjectId: "a", total: 1, indicators: [{ id: "x", earned: 1 }] },
      { subjectId: "b", total: 2, groups: [{ id: "x", earned: 1 }] },
    ];
    expect(issuesOf(rs, { by: "indicator:x" })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "[1].indicators (指标): has no indicator "x" to rank by",
          "params": {
            "id": "x",
            "key": "rankNoKey",
            "kind": "indicator",
          },
          "path": [
            1,
            "indicators",
          ],
        },
      ]
    `);
    expect(issuesOf(rs, { tieBreak: ["group:x"] })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_id",
          "message": "[0].groups (指标组): has no group "x" to rank by",
          "params": {
            "id": "x",
            "key": "rankNoKey",
            "kind": "group",
          },
          "path": [
            0,
            "groups",
          ],
        },
      ]
    `);
  });

  it("a subject without the group field", () => {
    expect(issuesOf([{ subjectId: "a", total: 1, attributes: { jobLevel: "科员" } }, { subjectId: "b", total: 2, attributes: {} }, { subjectId: "c", total: 2 }], { groupBy: "jobLevel" })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_field",
          "message": "[1].attributes: has no "jobLevel" to group by; every subject needs one (groupBy "group" uses the subject's peer group, any other name an attribute)",
          "params": {
            "field": "jobLevel",
            "key": "rankNoPeer",
          },
          "path": [
            1,
            "attributes",
          ],
        },
        {
          "code": "unknown_field",
          "message": "[2].attributes: has no "jobLevel" to group by; every subject needs one (groupBy "group" uses the subject's peer group, any other name an attribute)",
          "params": {
            "field": "jobLevel",
            "key": "rankNoPeer",
          },
          "path": [
            2,
            "attributes",
          ],
        },
      ]
    `);
    expect(issuesOf([{ subjectId: "a", total: 1, group: "A" }, { subjectId: "b", total: 2 }], { groupBy: "group" })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_field",
          "message": "[1].group: has no "group" to group by; every subject needs one (groupBy "group" uses the subject's peer group, any other name an attribute)",
          "params": {
            "field": "group",
            "key": "rankNoPeer",
          },
          "path": [
            1,
            "group",
          ],
        },
      ]
    `);
  });

  it("duplicate subject ids", () => {
    expect(issuesOf(totals({ a: 1, b: 2 }).concat([{ subjectId: "a", total: 3 }]))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "[2].subjectId: repeats "a" of [0]; a subject is ranked once",
          "params": {
            "first": 0,
            "id": "a",
            "key": "rankRepeated",
          },
          "path": [
            2,
            "subjectId",
          ],
        },
      ]
    `);
  });

  it("bad options", () => {
    expect(issuesOf(totals({ a: 1 }), { order: "up", ties: "fractional", groupBy: "", extra: true })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_option",
          "message": "options.order: must be one of "desc", "asc", not text "up"",
          "params": {
            "key": "oneOf",
            "options": [
              ""desc"",
              ""asc"",
            ],
            "received": {
              "text": "up",
              "type": "text",
            },
          },
          "path": [
            "options",
            "order",
          ],
        },
        {
          "code": "out_of_range",
          "message": "options.groupBy: must be at least 1 character; it is text """,
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
            "groupBy",
          ],
        },
        {
          "code": "invalid_option",
          "message": "options.ties: must be one of "competition", "dense", "ordinal", not text "fractional"",
          "params": {
            "key": "oneOf",
            "options": [
              ""competition"",
              ""dense"",
              ""ordinal"",
            ],
            "received": {
              "text": "fractional",
              "type": "text",
            },
          },
          "path": [
            "options",
            "ties",
          ],
        },
        {
          "code": "unknown_field",
          "message": "options.extra: is not a known field",
          "params": {
            "key": "unknownField",
          },
          "path": [
            "options",
            "extra",
          ],
        },
      ]
    `);
  });

  it("a key that is not total, group:<id> or indicator:<id> is reported as a bad option, not as a bad number", () => {
    const issues = issuesOf(totals({ a: 1 }), { by: "score", tieBreak: ["id"] });
    expect(issues.map((i) => i.path)).toEqual([
      ["options", "by"],
      ["options", "tieBreak", 0],
    ]);
    for (const i of issues) {
      // "score" and "id" are not numbers; the key grammar is what they break
      expect(i.code).not.toBe("invalid_number");
      expect(i.message).not.toMatch(/decimal/);
      expect(i.message).toMatch(/total|group:|indicator:/);
    }
  });

  it("a total that is not a number", () => {
    expect(issuesOf([{ subjectId: "a", total: 1 }, { subjectId: "b", total: "high" }])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_number",
          "message": "[1].total: must be a finite decimal, not high",
          "params": {
            "key": "rankTotal",
            "value": "high",
          },
          "path": [
            1,
            "total",
          ],
        },
      ]
    `);
    expect(issuesOf([{ subjectId: "a", total: Number.NaN }])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_number",
          "message": "[0].total: must be a finite decimal number (a number or text such as "96.5"), not NaN",
          "params": {
            "key": "decimalNumber",
            "received": {
              "text": "NaN",
              "type": "number",
            },
          },
          "path": [
            0,
            "total",
          ],
        },
      ]
    `);
  });

  it("a hole in the list, and earned points that are not finite or beyond ±10^18, are reported, never passed over", () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = [{ subjectId: "a", total: 1 }, , { subjectId: "b", total: 2 }] as Rankable[];
    expect(issuesOf(holed).map((i) => `${i.code} ${i.path.join(".")}`)).toEqual(["required 1"]);
    const earned = (value: number): Rankable[] => [{ subjectId: "a", total: 1, indicators: [{ id: "x", earned: 1 }, { id: "y", earned: value }] }];
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) expect(issuesOf(earned(value), { by: "indicator:y" }).map((i) => `${i.code} ${i.path.join(".")}`)).toEqual(["invalid_number 0.indicators.1.earned"]);
    const grouped: Rankable[] = [{ subjectId: "a", total: 1, groups: [{ id: "g", earned: -1e19 }] }];
    expect(issuesOf(grouped, { by: "group:g" }).map((i) => `${i.code} ${i.path.join(".")}`)).toEqual(["invalid_number 0.groups.0.earned"]);
    expect(issuesOf(earned(1e19), { by: "indicator:y" })).toMatchObject([
      { code: "invalid_number", path: [0, "indicators", 1, "earned"], message: "[0].indicators[1].earned: must be a finite decimal within ±10^18, not 10000000000000000000" },
    ]);
  });

  it("rank throws JixiaoError", () => {
    expect(() => rank(totals({ a: 1 }), { by: "indicator:x" })).toThrow(/has no indicator "x" to rank by/);
    try {
      rank(totals({ a: 1 }), { by: "indicator:x" });
    } catch (e) {
      expect(isJixiaoError(e)).toBe(true);
    }
  });
});

describe("rank: real scoreAll results", () => {
  const scheme = defineScheme({
    id: "two",
    full: 100,
    groups: [
      { id: "work", points: 60, indicators: [{ id: "tasks", points: 60, method: { type: "direct" } }] },
      { id: "study", points: 40, indicators: [{ id: "exam", points: 40, method: { type: "direct" } }] },
    ],
  });
  const subjects: SubjectInput[] = [
    { id: "c1", group: "科员", attributes: { dept: "征管" }, values: { tasks: 50, exam: 30 } },
    { id: "c2", group: "科员", attributes: { dept: "纳服" }, values: { tasks: 55, exam: 30 } },
    { id: "c3", group: "副科", attributes: { dept: "征管" }, values: { tasks: 40, exam: 38 } },
    { id: "c4", group: "科员", attributes: { dept: "纳服" }, values: { tasks: 45, exam: 35 } },
    { id: "c5", group: "副科", attributes: { dept: "征管" }, values: { tasks: 58, exam: 20 } },
  ];
  const results = scoreAll(scheme, subjects);

  it("ranks the totals: c2 85, c1 80, c4 80, c3 78, c5 78", () => {
    expect(rank(results).entries.map((e) => `${e.subjectId}:${e.score}:${e.rank}`)).toEqual(["c2:85:1", "c1:80:2", "c4:80:2", "c3:78:4", "c5:78:4"]);
  });

  it("ranks a group's and an indicator's earned points", () => {
    expect(ranks(results, { by: "group:study" })).toEqual(["c3:1", "c4:2", "c1:3", "c2:3", "c5:5"]);
    expect(ranks(results, { by: "indicator:tasks", order: "asc" })).toEqual(["c3:1", "c4:2", "c1:3", "c2:4", "c5:5"]);
  });

  it("groups by the subject's group and by an attribute", () => {
    expect(rank(results, { groupBy: "group" }).entries.map((e) => `${e.peerGroup}/${e.subjectId}:${e.rank}`)).toEqual([
      "副科/c3:1",
      "副科/c5:1",
      "科员/c2:1",
      "科员/c1:2",
      "科员/c4:2",
    ]);
    // tie-break by the study group: c3 38 before c5 20; c4 35 before c1 30
    expect(rank(results, { groupBy: "dept", ties: "ordinal", tieBreak: ["group:study"] }).entries.map((e) => `${e.peerGroup}/${e.subjectId}:${e.rank}`)).toEqual([
      "征管/c1:1",
      "征管/c3:2",
      "征管/c5:3",
      "纳服/c2:1",
      "纳服/c4:2",
    ]);
  });
});
