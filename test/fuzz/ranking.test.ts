import { describe } from "vitest";
import {
  assess,
  assignTiers,
  compare,
  comparisonReport,
  explainChange,
  defineTierPolicy,
  eligiblePool,
  explainTier,
  lastPlaceDeductions,
  rank,
  reallocatePromotionSlots,
  scoreAll,
  withPenalties,
  type Rankable,
  type TierPolicy,
} from "../../src/index.js";
import { EVERY, EVERY_SUBJECTS, RANKABLES, TIER_POLICY_TEXT } from "./bases.js";
import { copy, deepNest, extremes, fuzz, heavy, many } from "./fuzz.js";

const TIERS: TierPolicy = {
  ...JSON.parse(TIER_POLICY_TEXT),
  tiers: [
    { name: "好", share: 0.3, excludeFlags: ["one-third-incompetent"], excludeVetoed: true, maxCount: 3 },
    { name: "较好", min: 85 },
    { name: "中" },
    { name: "差", share: "0.1", minCount: 1 },
  ],
  groupBy: "department",
  vetoCountsInQuota: true,
  compare: "truncate",
};
const LAST_PLACE = { deductions: [1, "0.5"], ties: "all", minGroupSize: 2, groupBy: "department", below: 90, target: "total", reason: "末位", flag: { id: "promotion-deferred", name: "晋升暂缓" } };
const ranked = rank(RANKABLES as Rankable[], { groupBy: "department" });
/** A ranking as JSON data (not made by rank, so checked as input). */
const RANKING = copy(ranked);
const ASSIGNMENT = copy(assignTiers(ranked, TIERS));
const SCORED = copy(scoreAll(EVERY, EVERY_SUBJECTS));

describe("fuzz: ranking, tiers and penalties", () => {
  fuzz("rank: totals and options", [RANKABLES.slice(0, 1), { by: "total", order: "desc", groupBy: "department", ties: "dense", tieBreak: ["indicator:x", "group:a"] }], ([xs, o]) => rank(xs as never, o as never), { args: true });
  fuzz("rank: totals", RANKABLES, (xs) => rank(xs as never, { order: "asc", groupBy: "department" }));
  fuzz("rank: totals and options", [RANKABLES, { order: "asc", ties: "competition", groupBy: "group" }], ([xs, o]) => rank(xs as never, o as never), { args: true });
  fuzz("rank: score results by a group", [SCORED, { by: "group:a", tieBreak: ["indicator:c1"], ties: "ordinal" }], ([xs, o]) => rank(xs as never, o as never), { args: true });
  fuzz("defineTierPolicy", TIERS, (p) => defineTierPolicy(p));
  fuzz("assignTiers: a ranking (as JSON data) and a policy", [RANKING, TIERS], ([r, p]) => assignTiers(r as never, p as never), { args: true });
  fuzz("assignTiers: a policy, on a ranking rank made", TIERS, (p) => assignTiers(ranked, p));
  fuzz("eligiblePool: a ranking and options", [RANKING, { share: 0.3, count: "ceil", ties: "break", groupBy: "department", excludeVetoed: true, excludeFlags: ["one-third-incompetent"] }], ([r, o]) => eligiblePool(r as never, o as never), { args: true });
  fuzz("explainTier: a placement (as JSON data) and options", [ASSIGNMENT.placements[1], { locale: "en" }], ([p, o]) => explainTier(p as never, o as never), { args: true });
  fuzz("explainTier: each placement", ASSIGNMENT.placements, (ps) => ps.map((p) => explainTier(p)), { args: true });
  fuzz("lastPlaceDeductions: a ranking and a policy", [RANKING, LAST_PLACE], ([r, p]) => lastPlaceDeductions(r as never, p as never), { args: true });
  fuzz("lastPlaceDeductions: a policy, on a ranking rank made", LAST_PLACE, (p) => lastPlaceDeductions(ranked, p as never));
  fuzz("reallocatePromotionSlots: a ranking and a policy", [RANKING, { losers: 2, gainers: 1, slots: 2, vacancies: { c06: false, c07: true }, groupBy: "department" }], ([r, p]) => reallocatePromotionSlots(r as never, p as never), { args: true });
  const outcome = copy(lastPlaceDeductions(rank(scoreAll(EVERY, EVERY_SUBJECTS)), { deductions: [1, 0.5], target: "indicator:t2" }));
  // withPenalties passes the subjects through for scoreAll to check (documented), so its output is scored.
  fuzz("withPenalties: subjects and a last-place result, then scoreAll", [EVERY_SUBJECTS, outcome], ([xs, o]) => scoreAll(EVERY, withPenalties(xs as never, o as never)), { args: true });

  // The pipeline and the comparison over it: rules and people read once, problems at their paths.
  const TIERS_30 = { ...TIERS, tiers: [{ name: "好", share: 0.3 }, { name: "中" }, { name: "差", share: "0.1" }] };
  fuzz("assess: rules and scores", [{ rank: { groupBy: "department" }, lastPlace: LAST_PLACE, tierPolicy: TIERS }, { scores: RANKABLES }], ([r, i]) => assess(r as never, i as never), { args: true });
  fuzz("assess: a scheme and subjects, scored again after last place", [{ scheme: EVERY, lastPlace: { deductions: [1], target: "total" }, tierPolicy: { tiers: [{ name: "好", share: 0.3 }, { name: "中" }] } }, { subjects: EVERY_SUBJECTS }], ([r, i]) => assess(r as never, i as never), { args: true });
  fuzz("compare: two sets of rules and scores", [{ tierPolicy: TIERS }, { tierPolicy: TIERS_30, lastPlace: LAST_PLACE }, { scores: RANKABLES }], ([a, b, i]) => compare(a as never, b as never, i as never), { args: true });
  const comparison = compare({ tierPolicy: TIERS }, { tierPolicy: TIERS_30 }, { scores: RANKABLES as Rankable[] });
  fuzz("compare: options", { histogram: { width: "2.5", start: 60 }, meanDecimals: 3, locale: "en" }, (o) => compare({ tierPolicy: TIERS }, { tierPolicy: TIERS_30 }, { scores: RANKABLES as Rankable[] }, o as never));
  fuzz("explainChange: a subject and options", [RANKABLES[0]!.subjectId, { locale: "en" }], ([id, o]) => explainChange(comparison, id as never, o as never), { args: true });
  fuzz("comparisonReport: options", { locale: "en", title: "测算" }, (o) => comparisonReport(comparison, o as never));

  const totals = many(100_000, (i) => ({ subjectId: `c${i}`, total: i % 997, attributes: { department: `d${i % 7}` } }));
  extremes("rank", () => ({
    "100,000 totals": totals,
    ...heavy(() => ({ "100,000 equal totals": many(100_000, (i) => ({ subjectId: `c${i}`, total: 80, attributes: { department: "d" } })) })),
    "10,000-deep attributes": [{ subjectId: "a", total: 1, attributes: deepNest("x") }],
  }), (xs) => rank(xs as never, { groupBy: "department" }));
  extremes("assignTiers", () => ({
    "a policy of 100,000 tiers": { tiers: many(100_000, (i) => ({ name: `t${i}`, share: 0.00001 })) },
    "10,000-deep tiers": { tiers: deepNest([], 10_000, "array") },
  }), (p) => assignTiers(ranked, p as never));
  extremes("lastPlaceDeductions", () => ({
    "100,000 deductions": { deductions: many(100_000, () => 1) },
    "10,000-deep deductions": { deductions: deepNest(1, 10_000, "array") },
  }), (p) => lastPlaceDeductions(ranked, p as never));
  // Each reads a ranking given as JSON entry by entry; one such ranking of 100,000 by default, all three with JIXIAO_FUZZ_HEAVY.
  const bigRanking = () => ({ ...RANKING, entries: [...many(99_999, (i) => ({ ...RANKING.entries[i % 7]!, subjectId: `c${i}` })), { ...RANKING.entries[0]!, score: 1e300 }] });
  extremes("lastPlaceDeductions, eligiblePool and reallocatePromotionSlots", () => ({
    "lastPlaceDeductions: a ranking of 100,000 (as JSON), one score beyond ±10^18": [bigRanking(), "lastPlace"],
    ...heavy(() => ({
      "eligiblePool: a ranking of 100,000 (as JSON)": [bigRanking(), "pool"],
      "reallocatePromotionSlots: a ranking of 100,000 (as JSON)": [bigRanking(), "promotion"],
    })),
  }), ([r, f]) => (f === "lastPlace" ? lastPlaceDeductions(r as never, { deductions: [1] }) : f === "pool" ? eligiblePool(r as never, { share: 0.1 }) : reallocatePromotionSlots(r as never)));
  extremes("explainTier", () => ({
    "100,000 exclusions": { ...ASSIGNMENT.placements[0]!, reason: { ...ASSIGNMENT.placements[0]!.reason, excluded: many(100_000, () => ({ tier: "好", because: { kind: "vetoed", vetoes: [] } })) } },
    "10,000-deep reason": { ...ASSIGNMENT.placements[0]!, reason: deepNest({ rule: "quota" }) },
  }), (p) => explainTier(p as never));
  extremes("withPenalties", () => ({ "100,000 subjects": many(100_000, (i) => ({ id: `c${i}`, values: {} })) }), (xs) => withPenalties(xs as never, outcome as never));
});
