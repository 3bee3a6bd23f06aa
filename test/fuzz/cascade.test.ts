import { describe } from "vitest";
import { parse } from "yaml";
import { cascade, defineCascadePlan, defineOrgTree, leaderScore, rollUp, type CascadePlan } from "../../src/index.js";
import { ORG_UNITS, PLAN_YAML, UNIT_RESULTS } from "./bases.js";
import { deepNest, extremes, fuzz, heavy, many } from "./fuzz.js";

const CITY_PLAN: CascadePlan = parse(PLAN_YAML);
const CITY_TREE = [
  { id: "甲市", level: "city" },
  { id: "甲一县", level: "county", parent: "甲市" },
  { id: "甲二县", level: "county", parent: "甲市" },
  { id: "甲三县", level: "county", parent: "甲市" },
];
/** A plan of every step (split by base, equal, weights; replicate; retain) over ORG_UNITS. */
const PLAN = {
  id: "p",
  indicators: [
    { id: "revenue", points: 40, target: 1000, decimals: 0, method: { type: "completion", target: 1000 }, steps: [{ how: "split", by: "base", base: { C1: 3, C2: 2 } }, { how: "split", by: "equal" }] },
    { id: "rate", points: 30, target: 98, method: { type: "direct" }, steps: [{ how: "replicate" }, { how: "replicate" }] },
    { id: "audit", points: 30, method: { type: "direct" }, steps: [{ how: "retain" }] },
  ],
};
const RULES = { revenue: { how: "sum" }, rate: { how: "weighted" } };
const LINK = { unit: "A1", departments: ["d1", "d2"], contacts: ["K1", "K2", "K3"], weights: { unit: "0.5", departments: 0.3, contacts: 0.2 } };
const LINK_SCORES = { A1: 88, d1: 80, d2: "91", K1: 70, K2: 75, K3: 95 };

describe("fuzz: the cascade", () => {
  fuzz("defineCascadePlan (the city example)", CITY_PLAN, (p) => defineCascadePlan(p));
  fuzz("defineCascadePlan (every step)", PLAN, (p) => defineCascadePlan(p as never));
  fuzz("defineOrgTree", ORG_UNITS, (u) => defineOrgTree(u));
  fuzz("cascade: the city plan and tree", [CITY_PLAN, CITY_TREE], ([p, t]) => cascade(p as never, t as never), { args: true });
  fuzz("cascade: every step", [PLAN, ORG_UNITS], ([p, t]) => cascade(p as never, t as never), { args: true });
  fuzz("rollUp: units, results and rules", [ORG_UNITS, UNIT_RESULTS, RULES], ([t, r, x]) => rollUp(t as never, r as never, x as never), { args: true });
  const tree = defineOrgTree(ORG_UNITS);
  fuzz("rollUp: results and rules on a defined tree", [UNIT_RESULTS, { ...RULES, rate: { how: "weighted", weights: { K11: 1, K12: 2, K21: 1, K22: 1, C1: 1, C2: 1 } } }], ([r, x]) => rollUp(tree, r as never, x as never), { args: true });
  fuzz("leaderScore", [LINK, LINK_SCORES], ([l, s]) => leaderScore(l as never, s as never), { args: true });

  const chain = () => [{ id: "u0", level: "l" }, ...many(10_000, (i) => ({ id: `u${i + 1}`, level: "l", parent: `u${i}` }))];
  const wide = () => [{ id: "root", level: "l" }, ...many(100_000, (i) => ({ id: `u${i}`, level: "m", parent: "root" }))];
  extremes("defineOrgTree", () => ({
    "a 10,000-deep chain": chain(),
    "100,000 children of one unit": wide(),
    "a 10,000-long cycle": many(10_000, (i) => ({ id: `u${i}`, level: "l", parent: `u${(i + 1) % 10_000}` })),
    "10,000-deep departments": [{ id: "u", level: "l", departments: deepNest([], 10_000, "array") }],
  }), (u) => defineOrgTree(u as never));
  extremes("cascade", () => ({
    "a 10,000-deep chain, 20 steps": [{ id: "d", indicators: [{ id: "x", points: 1, target: 5, method: { type: "direct" }, steps: many(20, () => ({ how: "replicate" })) }] }, chain()],
    "100,000 units split equally": [{ id: "d", indicators: [{ id: "x", points: 1, target: 5, method: { type: "direct" }, steps: [{ how: "split", by: "equal" }] }] }, wide()],
    "100,000 steps": [{ id: "d", indicators: [{ id: "x", points: 1, target: 5, method: { type: "direct" }, steps: many(100_000, () => ({ how: "replicate" })) }] }, CITY_TREE],
  }), ([p, t]) => cascade(p as never, t as never));
  extremes("rollUp", () => ({
    "100,000 results for one unit": [wide(), many(100_000, () => ({ unit: "u1", indicator: "x", actual: 1, target: 2 }))],
    ...heavy(() => ({ "100,000 results up a wide tree": [wide(), many(100_000, (i) => ({ unit: `u${i}`, indicator: "x", actual: 1, target: 2 }))] })),
    "a 10,000-deep chain": [chain(), [{ unit: "u10000", indicator: "x", actual: 1, target: 2 }]],
  }), ([t, r]) => rollUp(t as never, r as never, { x: { how: "sum" } }));
  extremes("leaderScore", () => ({ "100,000 departments": [{ unit: "A", departments: many(100_000, (i) => `d${i}`), weights: { unit: 0.5, departments: 0.5 } }, { A: 1, ...Object.fromEntries(many(100_000, (i) => [`d${i}`, 1])) }] }), ([l, s]) => leaderScore(l as never, s as never));
});
