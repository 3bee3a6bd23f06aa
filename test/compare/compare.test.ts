/**
 * compare and explainChange (src/compare/compare.ts): the same people under the baseline and a
 * reform, each through assess; every figure checked against arithmetic done by hand.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { compare, comparisonHistogram, comparisonReport, explainChange, isJixiaoError, MAX_HISTOGRAM_BINS, type SchemeConfig } from "../../src/index.js";

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isJixiaoError(e)) return e.issues.map((i) => [i.code, i.path] as const);
    throw e;
  }
  throw new Error("no error");
};

// Ten people scoring 90, 85, … 45.
const TEN = { scores: [90, 85, 80, 75, 70, 65, 60, 55, 50, 45].map((total, i) => ({ subjectId: `p${String(i + 1).padStart(2, "0")}`, total })) };
const goodShare = (share: number) => ({ tierPolicy: { tiers: [{ name: "好", share }, { name: "中" }] } });

describe("compare: raising 好 from 20% to 30%", () => {
  const c = compare(goodShare(0.2), goodShare(0.3), TEN);

  it("moves the third up: ⌊0.2 × 10⌋ = 2 before, ⌊0.3 × 10⌋ = 3 after", () => {
    expect(c.movedUp).toEqual(["p03"]);
    expect(c.movedDown).toEqual([]);
    expect(c.people.find((p) => p.subjectId === "p03")).toMatchObject({ baseline: { tier: "中", rank: 3, exact: "80" }, reform: { tier: "好", rank: 3, exact: "80" }, move: "up", deltaExact: "0", causes: [] });
  });

  it("counts the transitions: 好→好 2, 中→好 1, 中→中 7", () => {
    expect(c.transitions).toEqual({ tiers: ["好", "中"], counts: { 好: { 好: 2, 中: 0 }, 中: { 好: 1, 中: 7 } } });
    // Nobody is in a peer group: one group, "".
    expect(Object.keys(c.byGroup)).toEqual([""]);
    expect(c.byGroup[""]).toEqual(c.transitions);
  });

  it("describes the totals: mean 67.5, quartiles as QUARTILE.INC, bins of 10 from 40", () => {
    // Sorted: 45 50 55 60 65 70 75 80 85 90. Q1: h = 9 × 0.25 = 2.25 → 55 + 0.25 × 5 = 56.25;
    // median: h = 4.5 → 65 + 0.5 × 5 = 67.5; Q3: h = 6.75 → 75 + 0.75 × 5 = 78.75.
    const d = c.distribution.baseline;
    expect([d.count, d.mean, d.q1, d.median, d.q3, d.min, d.max]).toEqual([10, "67.5", "56.25", "67.5", "78.75", "45", "90"]);
    // Bins [40, 50) … [90, 100]: 45 | 50 55 | 60 65 | 70 75 | 80 85 | 90.
    expect(d.histogram.map((b) => [b.from, b.to, b.count])).toEqual([
      ["40", "50", 1],
      ["50", "60", 2],
      ["60", "70", 2],
      ["70", "80", 2],
      ["80", "90", 2],
      ["90", "100", 1],
    ]);
    expect(c.distribution.reform).toEqual(d);
  });

  it("explains a move in Chinese and English", () => {
    expect(explainChange(c, "p03")).toBe("p03：等次 中 → 好（上升）\n总分 80 → 80（0），名次 3 → 3\n各项得分均未改变");
    expect(explainChange(c, "p03", { locale: "en" })).toBe("p03: tier 中 → 好 (up)\ntotal 80 → 80 (0), rank 3 → 3\nno part of the score changed");
  });
});

// Two indicators of 50 points each; the reform moves 10 points from x to y.
const scheme = (x: number, y: number): SchemeConfig => ({
  id: "s",
  full: 100,
  groups: [
    {
      id: "g",
      points: 100,
      indicators: [
        { id: "x", name: "共性", points: x, method: { type: "completion", target: 100 } },
        { id: "y", name: "个性", points: y, method: { type: "completion", target: 100 } },
      ],
    },
  ],
});

describe("compare: moving points between indicators, with last place and tiers", () => {
  // Values (x%, y%): a (100, 60), b (60, 100), c (80, 80), d (70, 70), e (50, 50), department D.
  const subjects = [
    ["a", 100, 60],
    ["b", 60, 100],
    ["c", 80, 80],
    ["d", 70, 70],
    ["e", 50, 50],
  ].map(([id, x, y]) => ({ id: id as string, name: `${id}`.toUpperCase(), group: "D", values: { x: x as number, y: y as number } }));
  const rules = (x: number, y: number) => ({
    scheme: scheme(x, y),
    lastPlace: { deductions: [1], minGroupSize: 5 },
    tierPolicy: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }] },
  });
  const c = compare(rules(50, 50), rules(40, 60), { subjects });

  it("gives each person's totals, the change and its causes, adding up exactly", () => {
    // Baseline: a 50 + 30 = 80, b 30 + 50 = 80, c 80, d 70, e 50 − 1 (last place) = 49.
    // Reform:   a 40 + 36 = 76, b 24 + 60 = 84, c 32 + 48 = 80, d 28 + 42 = 70, e 20 + 30 − 1 = 49.
    const byId = Object.fromEntries(c.people.map((p) => [p.subjectId, p]));
    expect(Object.fromEntries(c.people.map((p) => [p.subjectId, [p.baseline.exact, p.reform.exact, p.deltaExact]]))).toEqual({
      a: ["80", "76", "-4"],
      b: ["80", "84", "4"],
      c: ["80", "80", "0"],
      d: ["70", "70", "0"],
      e: ["49", "49", "0"],
    });
    // a: x 50 → 40 (−10), y 30 → 36 (+6): −4.
    expect(byId.a!.causes).toEqual([
      { kind: "indicator", id: "x", name: "共性", baseline: "50", reform: "40", delta: "-10" },
      { kind: "indicator", id: "y", name: "个性", baseline: "30", reform: "36", delta: "6" },
    ]);
    // c: x 40 → 32, y 40 → 48: the parts change, the total does not.
    expect(byId.c!.causes.map((x) => x.delta)).toEqual(["-8", "8"]);
  });

  it("takes 好 from a and c: the three tied at 80 were all 好 (a tie at the boundary goes to the better tier), b alone is at the top after", () => {
    expect(Object.fromEntries(c.people.map((p) => [p.subjectId, [p.baseline.tier, p.reform.tier, p.move]]))).toEqual({
      a: ["好", "中", "down"],
      b: ["好", "好", "same"],
      c: ["好", "中", "down"],
      d: ["中", "中", "same"],
      e: ["中", "中", "same"],
    });
    expect([c.movedUp, c.movedDown]).toEqual([[], ["a", "c"]]);
    expect(c.transitions.counts).toEqual({ 好: { 好: 1, 中: 2 }, 中: { 好: 0, 中: 2 } });
    // The subjects' group D is their peer group here (the ranking has none of its own).
    expect(c.byGroup).toEqual({ D: c.transitions });
  });

  it("explains a's change in Chinese and English, each cause with its effect", () => {
    // a: rank 1 of the three tied at 80; after, b 84 and c 80 are above a's 76.
    expect(explainChange(c, "a").split("\n")).toEqual([
      "A（a）：等次 好 → 中（下降）",
      "总分 80 → 76（-4），名次 1 → 3",
      "指标「共性」得分 50 → 40（-10）",
      "指标「个性」得分 30 → 36（+6）",
    ]);
    expect(explainChange(c, "a", { locale: "en" }).split("\n")).toEqual(["A (a): tier 好 → 中 (down)", "total 80 → 76 (-4), rank 1 → 3", 'indicator "共性" 50 → 40 (-10)', 'indicator "个性" 30 → 36 (+6)']);
  });

  it("a heavier last-place deduction shows as deductions, and the group's matrix counts it", () => {
    const d = compare(rules(50, 50), { ...rules(50, 50), lastPlace: { deductions: [3], minGroupSize: 5 } }, { subjects });
    const e = d.people.find((p) => p.subjectId === "e")!;
    // e: 50 − 1 = 49 → 50 − 3 = 47.
    expect([e.baseline.exact, e.reform.exact, e.causes]).toEqual(["49", "47", [{ kind: "deductions", baseline: "1", reform: "3", delta: "-2" }]]);
    expect(explainChange(d, "e").split("\n")[2]).toBe("扣分 1 → 3（对总分 -2）");
    expect(Object.keys(d.byGroup)).toEqual(["D"]);
  });
});

describe("compare: a reform of the tier policy alone", () => {
  it("is tiered on the baseline's final ranking, and gives what scoring the people again gives", () => {
    const subjects = [90, 85, 80, 75, 70, 65, 60, 55, 50, 45].map((v, i) => ({ id: `s${i}`, group: "G", values: { x: v, y: v } }));
    const tiers = (share: number) => ({ tiers: [{ name: "好", share }, { name: "中" }, { name: "差", share: 0.1 }] });
    const base = { scheme: scheme(50, 50), lastPlace: { deductions: [1], minGroupSize: 5 }, tierPolicy: tiers(0.2) };
    const reused = compare(base, { ...base, tierPolicy: tiers(0.3) }, { subjects });
    // A scheme that differs only in its description is scored again: the same answer.
    const rescored = compare(base, { ...base, scheme: { ...scheme(50, 50), description: "改革" }, tierPolicy: tiers(0.3) }, { subjects });
    const plain = (c: typeof reused) => JSON.parse(JSON.stringify({ people: c.people, transitions: c.transitions, byGroup: c.byGroup, distribution: c.distribution, movedUp: c.movedUp }));
    expect(plain(reused)).toEqual(plain(rescored));
    expect(reused.reform.scored).toBe(reused.baseline.scored);
    expect(reused.movedUp).toEqual(["s2"]);
    // Its tier policy's problems are the reform's.
    expect(issuesOf(() => compare(base, { ...base, tierPolicy: tiers(2) }, { subjects }))[0]![1]).toEqual(["reform", "tierPolicy", "tiers", 0, "share"]);
  });
});

describe("compare: problems at their paths", () => {
  it("the reform's rules at reform.…, the baseline's at baseline.…, the people at input.…", () => {
    expect(issuesOf(() => compare(goodShare(0.2), goodShare(2), TEN))[0]![1]).toEqual(["reform", "tierPolicy", "tiers", 0, "share"]);
    expect(issuesOf(() => compare(goodShare(-1), goodShare(0.2), TEN))[0]![1]).toEqual(["baseline", "tierPolicy", "tiers", 0, "share"]);
    expect(issuesOf(() => compare(goodShare(0.2), goodShare(0.3), { scores: [{ subjectId: "a", total: "x" }] } as never))[0]![1]).toEqual(["input", "scores", 0, "total"]);
  });

  it("a width that would make too many bins is refused, named by its limit", () => {
    const got = issuesOf(() => compare(goodShare(0.2), goodShare(0.3), TEN, { histogram: { width: "0.001" } }));
    expect(got).toEqual([["out_of_range", ["options", "histogram", "width"]]]);
    expect(MAX_HISTOGRAM_BINS).toBe(10_000);
    // 45 … 90 in bins of 0.01 is 4,501 bins: allowed.
    expect(compare(goodShare(0.2), goodShare(0.3), TEN, { histogram: { width: "0.01" } }).distribution.baseline.histogram).toHaveLength(4501);
  });

  it("explainChange refuses what is not a comparison, and a person not in it", () => {
    const c = compare(goodShare(0.2), goodShare(0.3), TEN);
    expect(issuesOf(() => explainChange(c, "nobody"))).toEqual([["unknown_id", ["subjectId"]]]);
    expect(issuesOf(() => explainChange({ ...c } as never, "p01"))).toEqual([["invalid_input", ["comparison"]]]);
  });
});

describe("comparisonHistogram", () => {
  it("is the report's own SVG, in either language, and refuses what compare did not make", () => {
    const c = compare(goodShare(0.2), goodShare(0.3), TEN);
    for (const locale of ["zh-CN", "en"] as const) {
      const svg = comparisonHistogram(c, { locale });
      expect(svg.startsWith("<svg")).toBe(true);
      expect(comparisonReport(c, { locale })).toContain(svg);
    }
    expect(comparisonHistogram(c)).toContain("总分");
    // Totals from 45 to 90 in bins of 10 from 40: six bins, a reform bar in each, and the legend's swatch.
    expect(comparisonHistogram(c).match(/<rect class="ref" x/g)).toHaveLength(6 + 1);
    expect(issuesOf(() => comparisonHistogram({ ...c } as never))).toEqual([["invalid_input", ["comparison"]]]);
  });
});

describe("examples/compare", () => {
  it("baseline.json (for the explorer page, which cannot follow file names) is baseline.yaml written out in full", () => {
    const read = (f: string) => readFileSync(`examples/compare/${f}`, "utf8");
    const yaml = parseYaml(read("baseline.yaml")) as { scheme: string; tierPolicy: string; lastPlace: unknown };
    const inline = (f: string) => {
      const o = JSON.parse(read(f)) as Record<string, unknown>;
      delete o.$schema;
      return o;
    };
    expect(JSON.parse(read("baseline.json"))).toEqual({ scheme: inline(yaml.scheme), lastPlace: yaml.lastPlace, tierPolicy: inline(yaml.tierPolicy) });
  });
});
