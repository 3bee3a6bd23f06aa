import { z, type RefinementCtx } from "../core/z.js";
import { Dec, max, MAX_MAGNITUDE, ONE, proportion, sum, text, toDec, toNumber, ZERO } from "../core/decimal.js";
import { IssueCode, JixiaoError, issue, relocate, safely, type Issue, type IssuePath, type SafeResult } from "../core/errors.js";
import { roundAt, type Rounding } from "../core/rounding.js";
import type { TraceStep } from "../core/trace.js";
import { addIssue, decimal, idSchema, namedRecord, parseWith, type DecimalInput, want } from "../core/validate.js";
import { rank } from "../ranking/rank.js";
import type { Rankable } from "../ranking/types.js";
import { roundingSchema } from "../scheme/schema.js";
import { combineParts } from "../cascade/rollup.js";
import { byText } from "../core/order.js";

/**
 * How an organization's result becomes the points linked into its people's scores (组织绩效挂钩,
 * R14): by rank through a table, in proportion to the best score (or a fixed full score), or as a
 * standard score (mean + spread × z-score) within the peer group.
 */
export type LinkMethod =
  | {
      /** A rank → points table. */
      readonly type: "table";
      /** Rows in rank order: ranks up to `upTo` (inclusive, after the previous row's) get `points`. */
      readonly table: readonly {
        /** The last rank of the row. */
        readonly upTo: number;
        /** The points of the ranks in the row. */
        readonly points: DecimalInput;
      }[];
      /** Points for ranks beyond the last row. */
      readonly rest: DecimalInput;
    }
  | {
      /** Proportional: score ÷ base × full. */
      readonly type: "proportional";
      /** The points the base score gets. */
      readonly full: DecimalInput;
      /** `best` (the peer group's best score, default) or a fixed score such as 100. */
      readonly base?: "best" | DecimalInput;
    }
  | {
      /** Standard score within the peer group: mean + spread × (score − group mean) ÷ group standard deviation. */
      readonly type: "standard";
      /** The points of an average organization. */
      readonly mean: DecimalInput;
      /** The points one standard deviation is worth. */
      readonly spread: DecimalInput;
    };

/** A policy for {@link linkOrganizations}. */
export interface LinkPolicy {
  /** How a result becomes linked points. */
  readonly method: LinkMethod;
  /** The peer-group field (R6: city with city, department with department); one group when left out. */
  readonly groupBy?: string;
  /** Lowest and highest linked points. */
  readonly bounds?: {
    /** Lowest. */
    readonly min?: DecimalInput;
    /** Highest. */
    readonly max?: DecimalInput;
  };
  /** Rounding of the linked points; required by `standard` (a square root is not exact). */
  readonly rounding?: Rounding;
}

/** An organization's linked points. */
export interface OrganizationLink {
  /** The organization (unit or department). */
  readonly id: string;
  /** Its peer group, or `null` for one group. */
  readonly peerGroup: string | null;
  /** Its score, exact. */
  readonly score: string;
  /** Its rank in the peer group (ties share a rank). */
  readonly rank: number;
  /** The linked points. */
  readonly linked: number;
  /** The linked points as exact decimal text. */
  readonly exact: string;
  /** How they were made. */
  readonly trace: readonly TraceStep[];
}

const linkMethodSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("table"),
    table: z.array(z.strictObject({ upTo: z.number().int().min(1).max(1e9), points: decimal() })).min(1).max(10_000),
    rest: decimal(),
  }),
  z.strictObject({ type: z.literal("proportional"), full: decimal({ min: 0, above: true }), base: z.union([z.literal("best"), decimal({ min: 0, above: true })], { error: want("bestOrPositive") }).optional() }),
  z.strictObject({ type: z.literal("standard"), mean: decimal(), spread: decimal({ min: 0 }) }),
]);

const linkPolicySchema = z
  .strictObject({
    method: linkMethodSchema,
    groupBy: z.string().min(1).max(200).optional(),
    bounds: z.strictObject({ min: decimal().optional(), max: decimal().optional() }).optional(),
    rounding: roundingSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.method.type === "standard" && !p.rounding) addIssue(ctx, IssueCode.required, { key: "linkStandardRounding" }, ["rounding"]);
    if (p.method.type === "table")
      p.method.table.forEach((row, i, rows) => {
        if (i > 0 && row.upTo <= rows[i - 1]!.upTo) addIssue(ctx, IssueCode.invalidRule, { key: "linkTableOrder", previous: rows[i - 1]!.upTo }, ["method", "table", i, "upTo"]);
      });
    const { min, max } = p.bounds ?? {};
    if (toDec(min) && toDec(max) && toDec(min)!.gt(toDec(max)!)) addIssue(ctx, IssueCode.invalidRule, { key: "personnelMinAboveMax", max: "bounds.max" }, ["bounds", "min"]);
  });

/**
 * Turns organizations' results (units' or departments' totals, from the cascade and tier steps or
 * any other system) into linked points for their people (R14), ranking each within its peer group.
 *
 * @param results - the organizations' results: `subjectId`, `total`, and `group` or attributes for the peer groups (a {@link ScoreResult} will do).
 * @param policy - the method, the peer groups, bounds and rounding.
 * @returns each organization's linked points with its rank and trace, sorted by id.
 * @throws {@link JixiaoError} when the policy or a result is not valid.
 * @example
 * ```ts
 * linkOrganizations(
 *   [{ subjectId: "征管科", total: 96 }, { subjectId: "办公室", total: 90 }, { subjectId: "法制股", total: 84 }],
 *   { method: { type: "table", table: [{ upTo: 1, points: 100 }, { upTo: 2, points: 95 }], rest: 90 } },
 * ).map((o) => [o.id, o.linked]);
 * //=> [["办公室", 95], ["征管科", 100], ["法制股", 90]]
 * ```
 */
export function linkOrganizations(results: readonly Rankable[], policy: LinkPolicy): OrganizationLink[] {
  const p = parseWith(linkPolicySchema, policy, "Link policy is not valid", ["policy"]) as LinkPolicy;
  const ranking = relocate(
    (path) => (path[0] === "options" ? ["policy", ...path.slice(1)] : ["results", ...path]),
    () => rank(results, p.groupBy === undefined ? {} : { groupBy: p.groupBy }),
  );
  const groups = new Map<string | null, { id: string; score: Dec; rank: number }[]>();
  for (const e of ranking.entries) {
    const list = groups.get(e.peerGroup) ?? groups.set(e.peerGroup, []).get(e.peerGroup)!;
    // The score exactly as ranked (a result's exact text, every digit), read from the ranking, not the caller's results again.
    list.push({ id: e.subjectId, score: toDec(e.exact)!, rank: e.rank });
  }
  const out: OrganizationLink[] = [];
  const issues: Issue[] = [];
  for (const [peerGroup, members] of groups) {
    const stats = groupStats(p.method, members.map((m) => m.score));
    for (const m of members) {
      const trace: TraceStep[] = [];
      let linked = linkOne(p.method, m, stats, trace);
      linked = bound(linked, p, trace);
      linked = roundAt(linked, p.rounding, "linked", trace);
      // A proportional base next to nothing (1e-320) would give a score no number can hold: refuse it rather than answer Infinity.
      if (linked.abs().gt(MAX_MAGNITUDE))
        issues.push(issue(IssueCode.invalidNumber, ["policy", "method"], { key: "linkBeyondRange", id: m.id, score: text(m.score), linked: text(linked) }));
      out.push({ id: m.id, peerGroup, score: text(m.score), rank: m.rank, linked: toNumber(linked), exact: text(linked), trace });
    }
  }
  if (issues.length > 0) throw new JixiaoError(issues, "Organizations cannot be linked");
  return out.sort((a, b) => byText(a.id, b.id));
}

interface Stats {
  readonly best: Dec;
  readonly mean: Dec;
  readonly sd: Dec;
}

function groupStats(method: LinkMethod, scores: readonly Dec[]): Stats {
  const best = scores.reduce((a, b) => max(a, b));
  if (method.type !== "standard") return { best, mean: ZERO, sd: ZERO };
  const mean = sum(scores).div(scores.length);
  const sd = sum(scores.map((s) => s.minus(mean).pow(2))).div(scores.length).sqrt();
  return { best, mean, sd };
}

function linkOne(method: LinkMethod, m: { score: Dec; rank: number }, stats: Stats, trace: TraceStep[]): Dec {
  switch (method.type) {
    case "table": {
      const row = method.table.find((r) => m.rank <= r.upTo);
      const points = toDec(row ? row.points : method.rest)!;
      trace.push({ at: "linked", rule: "table", values: { rank: String(m.rank), row: row ? `up to ${row.upTo}` : "rest" }, result: text(points) });
      return points;
    }
    case "proportional": {
      const base = method.base === undefined || method.base === "best" ? stats.best : toDec(method.base)!;
      const full = toDec(method.full)!;
      // A group whose best is 0 or below has nothing to be proportional to: everyone gets 0.
      const points = base.lte(0) ? ZERO : proportion(full, m.score, base);
      trace.push({ at: "linked", rule: "proportional", values: { score: text(m.score), base: text(base), full: text(full) }, result: text(points) });
      return points;
    }
    case "standard": {
      const mean = toDec(method.mean)!;
      const spread = toDec(method.spread)!;
      const points = stats.sd.isZero() ? mean : mean.plus(spread.times(m.score.minus(stats.mean)).div(stats.sd));
      trace.push({
        at: "linked",
        rule: "standard",
        values: { score: text(m.score), "group mean": text(stats.mean), "group sd": text(stats.sd), mean: text(mean), spread: text(spread) },
        result: text(points),
      });
      return points;
    }
  }
}

function bound(value: Dec, p: LinkPolicy, trace: TraceStep[]): Dec {
  const low = p.bounds?.min === undefined ? undefined : toDec(p.bounds.min)!;
  const high = p.bounds?.max === undefined ? undefined : toDec(p.bounds.max)!;
  const out = low && value.lt(low) ? low : high && value.gt(high) ? high : value;
  if (!out.eq(value)) trace.push({ at: "linked", rule: "clamp", values: { value: text(value), min: low ? text(low) : "none", max: high ? text(high) : "none" }, result: text(out) });
  return out;
}

/**
 * {@link linkOrganizations} without throwing.
 * @param results - the organizations' results.
 * @param policy - the link policy.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeLinkOrganizations([], { method: { type: "standard", mean: 80, spread: 10 } }).success;
 * //=> false (standard needs rounding)
 * ```
 */
export function safeLinkOrganizations(results: readonly Rankable[], policy: LinkPolicy): SafeResult<OrganizationLink[]> {
  return safely(() => linkOrganizations(results, policy));
}

/** A person to link: their unit and department, and for a leadership-team member what they supervise. */
export interface LinkedPerson {
  /** The person. */
  readonly id: string;
  /** Their unit. */
  readonly unit: string;
  /** Their department (for staff). */
  readonly department?: string;
  /** For a leadership-team member (班子成员, R14): the departments they supervise and their grassroots contact points. */
  readonly leader?: {
    /** Supervised departments (分管部门). */
    readonly departments?: readonly string[];
    /** Grassroots contact points (基层联系点). */
    readonly contacts?: readonly string[];
  };
}

/**
 * Weights of the parts of a person's linked score; each set adds up to 1. A person without one of
 * the parts (staff with no department, a leader with no contact points) takes the weighted mean of
 * the parts they have: the weights present are divided by their sum.
 */
export interface PeopleLinkPolicy {
  /** For staff: the unit's and the department's weights. */
  readonly staff: {
    /** Weight of the unit's linked points. */
    readonly unit: DecimalInput;
    /** Weight of the department's linked points. */
    readonly department?: DecimalInput;
  };
  /** For leadership-team members: the unit's, the supervised departments' (mean) and the contact points' (mean) weights. */
  readonly leader: {
    /** Weight of the unit's linked points. */
    readonly unit: DecimalInput;
    /** Weight of the supervised departments' mean. */
    readonly departments?: DecimalInput;
    /** Weight of the contact points' mean. */
    readonly contacts?: DecimalInput;
  };
  /** Rounding of each person's linked score; none when left out. */
  readonly rounding?: Rounding;
}

/**
 * A part of a person's organization-linked score: the `unit`, a staff member's `department`, a
 * leader's supervised `departments` (分管部门) or grassroots `contacts` (基层联系点).
 */
export type LinkPartKind = "unit" | "department" | "departments" | "contacts";

/**
 * One part of a person's organization-linked score: its weight, its organizations and their mean,
 * every number as exact decimal text (a weight such as 0.1 + 0.2 stays "0.3").
 */
export interface PersonLinkPart {
  /** Which part: the `unit`, a staff member's `department`, a leader's supervised `departments` or `contacts`. */
  readonly part: LinkPartKind;
  /** The part's weight in the policy, as exact decimal text. */
  readonly weight: string;
  /** The mean of the members' points, as exact decimal text. */
  readonly mean: string;
  /** The organizations of the part, each with its linked points. */
  readonly members: readonly {
    /** The organization. */
    readonly id: string;
    /** Its linked points, as exact decimal text. */
    readonly score: string;
  }[];
}

/** A person's organization-linked score (组织绩效挂钩得分). */
export interface PersonLink {
  /** The person. */
  readonly person: string;
  /** `staff` or `leader`. */
  readonly role: "staff" | "leader";
  /** The linked score. */
  readonly linked: number;
  /** The linked score as exact decimal text. */
  readonly exact: string;
  /** The parts, their weights, the organizations in each and their points. */
  readonly parts: readonly PersonLinkPart[];
  /** How it was made. */
  readonly trace: readonly TraceStep[];
}

const personSchema = z.strictObject({
  id: idSchema,
  unit: idSchema,
  department: idSchema.optional(),
  leader: z.strictObject({ departments: z.array(idSchema).max(1000).optional(), contacts: z.array(idSchema).max(1000).optional() }).optional(),
});
const weight = decimal({ min: 0, max: 1 });
const addsUpToOne = (ws: Readonly<Record<string, DecimalInput | undefined>>, ctx: RefinementCtx) => {
  const total = sum(Object.values(ws).map((w) => (w === undefined ? ZERO : toDec(w) ?? ZERO)));
  if (!total.eq(ONE)) addIssue(ctx, IssueCode.invalidRule, { key: "linkWeightsSum", total: text(total) });
};
const peoplePolicySchema = z.strictObject({
  staff: z.strictObject({ unit: weight, department: weight.optional() }).superRefine(addsUpToOne),
  leader: z.strictObject({ unit: weight, departments: weight.optional(), contacts: weight.optional() }).superRefine(addsUpToOne),
  rounding: roundingSchema.optional(),
});

/**
 * Each person's organization-linked score (R14): staff take a weighted mix of their unit's and
 * their department's linked points; a leadership-team member takes the unit's, the mean of the
 * departments they supervise and the mean of their grassroots contact points, by the leader weights.
 * Parts a person does not have are left out and the other weights scaled to add up to 1.
 *
 * @param people - the people, with unit, department and (for leaders) what they supervise.
 * @param linked - linked points by organization id (from {@link linkOrganizations}, or given).
 * @param policy - the weights for staff and for leaders.
 * @returns each person's linked score with its parts and trace, sorted by person.
 * @throws {@link JixiaoError} listing every person whose organizations have no points, and any invalid weight.
 * @example
 * ```ts
 * linkPeople(
 *   [{ id: "c001", unit: "甲县", department: "征管科" }],
 *   { 甲县: 92, 征管科: 96 },
 *   { staff: { unit: 0.4, department: 0.6 }, leader: { unit: 0.5, departments: 0.3, contacts: 0.2 } },
 * )[0].exact;
 * //=> "94.4"
 * ```
 */
export function linkPeople(people: readonly LinkedPerson[], linked: Readonly<Record<string, DecimalInput>>, policy: PeopleLinkPolicy): PersonLink[] {
  const list = parseWith(z.array(personSchema).max(2_000_000), people, "People are not valid", ["people"]) as LinkedPerson[];
  const p = parseWith(peoplePolicySchema, policy, "People link policy is not valid", ["policy"]) as PeopleLinkPolicy;
  const points = parseWith(namedRecord(decimal(), "organization", true), linked, "Linked points are not valid", ["linked"]) as Record<string, DecimalInput>;
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const out: PersonLink[] = [];
  list.forEach((person, i) => {
    if (seen.has(person.id)) return void issues.push(issue(IssueCode.duplicateId, ["people", i, "id"], { key: "personnelListedTwice", id: person.id }));
    seen.add(person.id);
    const role = person.leader ? "leader" : "staff";
    const departments = person.leader ? (person.leader.departments ?? []) : person.department === undefined ? [] : [person.department];
    const contacts = person.leader?.contacts ?? [];
    const named: [IssuePath, string][] = [
      [["people", i, "unit"], person.unit],
      ...departments.map((d, j): [IssuePath, string] => [person.leader ? ["people", i, "leader", "departments", j] : ["people", i, "department"], d]),
      ...contacts.map((c, j): [IssuePath, string] => [["people", i, "leader", "contacts", j], c]),
    ];
    const unknown = named.filter(([, id]) => !Object.prototype.hasOwnProperty.call(points, id));
    const seenOrgs = new Set<string>();
    for (const [path, id] of named.slice(1)) {
      if (seenOrgs.has(id)) issues.push(issue(IssueCode.duplicateId, path, { key: "personnelListedTwice", id }));
      seenOrgs.add(id);
    }
    for (const [path, id] of unknown) issues.push(issue(IssueCode.missingValue, path, { key: "linkNoPoints", id }));
    // The parts a person has; their policy weights are scaled to add up to 1 (a leader with no contact points, staff with no department).
    const w = p[role] as { unit: DecimalInput; department?: DecimalInput; departments?: DecimalInput; contacts?: DecimalInput };
    const parts: [LinkPartKind, Dec][] = [["unit", toDec(w.unit)!]];
    if (departments.length) parts.push(role === "staff" ? ["department", toDec(w.department ?? 0)!] : ["departments", toDec(w.departments ?? 0)!]);
    if (contacts.length) parts.push(["contacts", toDec(w.contacts ?? 0)!]);
    const total = sum(parts.map(([, weight]) => weight));
    if (total.isZero()) issues.push(issue(IssueCode.invalidRule, ["people", i], { key: "linkZeroWeights", person: person.id, parts: parts.map(([part]) => part), role }));
    if (unknown.length > 0 || total.isZero()) return;
    const members = { unit: [person.unit], department: departments, departments, contacts };
    out.push(
      personLink(
        person.id,
        role,
        parts.map(([part, weight]) => ({ part, weight, members: members[part].map((id) => ({ id, score: toDec(points[id])! })) })),
        p.rounding,
      ),
    );
  });
  if (issues.length > 0) throw new JixiaoError(issues, "People's linked scores cannot be made");
  return out.sort((a, b) => byText(a.person, b.person));
}

/** A part as it is computed, with exact decimals; never published (results give their text). */
interface WeightedPart {
  readonly part: LinkPartKind;
  readonly weight: Dec;
  readonly members: readonly { readonly id: string; readonly score: Dec }[];
}

function personLink(person: string, role: "staff" | "leader", parts: readonly WeightedPart[], rounding?: Rounding): PersonLink {
  const { means, total: exact, weights } = combineParts(parts);
  const trace: TraceStep[] = parts.map((x, i) => ({
    at: `link:${x.part}`,
    rule: "mean",
    values: Object.fromEntries(x.members.map((m) => [m.id, text(m.score)])),
    result: text(means[i]!),
  }));
  const values: Record<string, string> = Object.fromEntries(parts.map((x, i) => [x.part, `${text(means[i]!)} × ${text(x.weight)}`]));
  if (!weights.eq(ONE)) values["÷ weights"] = text(weights);
  trace.push({ at: "linked", rule: "weighted", values, result: text(exact) });
  const total = roundAt(exact, rounding, "linked", trace);
  return {
    person,
    role,
    linked: toNumber(total),
    exact: text(total),
    parts: parts.map((x, i) => ({ part: x.part, weight: text(x.weight), mean: text(means[i]!), members: x.members.map((m) => ({ id: m.id, score: text(m.score) })) })),
    trace,
  };
}

/** A special assessment (专项考核) of "1+N" (R16): its organizational results and who is on it. */
export interface SpecialAssessment {
  /** Its id. */
  readonly id: string;
  /** Its name (税费征管专项). */
  readonly name?: string;
  /** Its weight in the personal score of the people on it, 0 to 1. */
  readonly weight: DecimalInput;
  /** Its result for each organization taking part, by organization id. */
  readonly results: Readonly<Record<string, DecimalInput>>;
  /** The people on it, each with the organization whose result they take. */
  readonly members: readonly {
    /** The person. */
    readonly person: string;
    /** The organization whose result the person takes. */
    readonly organization: string;
  }[];
}

/** How special results enter personal scores. */
export interface SpecialPolicy {
  /**
   * `blend`: personal × (1 − Σ weights) + Σ weight × special result (the special part replaces a
   * share of the personal score); `add`: personal + Σ weight × special result.
   */
  readonly mode: "blend" | "add";
  /** The highest new score (the personal score's full marks, say); no cap when left out. */
  readonly max?: DecimalInput;
  /** Rounding of each new score; none when left out. */
  readonly rounding?: Rounding;
}

/** A personal score with the special assessments linked into it. */
export interface SpecialResult {
  /** The person. */
  readonly person: string;
  /** The personal score before, exact. */
  readonly base: string;
  /** The special assessments the person is on, with the result and weight each contributed. */
  readonly specials: readonly {
    /** The assessment's id. */
    readonly id: string;
    /** The organization's result in it, exact. */
    readonly result: string;
    /** Its weight, exact. */
    readonly weight: string;
  }[];
  /** The new score. */
  readonly score: number;
  /** The new score as exact decimal text. */
  readonly exact: string;
  /** How it was made. */
  readonly trace: readonly TraceStep[];
}

const specialSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  weight: decimal({ min: 0, max: 1 }),
  results: namedRecord(decimal(), "organization", true),
  members: z.array(z.strictObject({ person: idSchema, organization: idSchema })).max(2_000_000),
});
const specialPolicySchema = z.strictObject({ mode: z.enum(["blend", "add"]), max: decimal().optional(), rounding: roundingSchema.optional() });

/**
 * Links "1+N" special assessments into personal scores (R16): each person on a special assessment
 * takes their organization's result in it, by the assessment's weight. People on none keep their
 * score.
 * @param scores - personal scores by person id.
 * @param specials - the special assessments.
 * @param policy - `blend` or `add`, and rounding.
 * @returns one result per person in `scores`, sorted by person.
 * @throws {@link JixiaoError} when a member is unknown, listed twice in one assessment, their organization has no result, or (for `blend`) a person's weights add up to more than 1.
 * @example
 * ```ts
 * applySpecialAssessments({ c001: 90 }, [{ id: "征管专项", weight: 0.2, results: { 甲县: 80 },
 *   members: [{ person: "c001", organization: "甲县" }] }], { mode: "blend" })[0].exact;
 * //=> "88"
 * ```
 */
export function applySpecialAssessments(scores: Readonly<Record<string, DecimalInput>>, specials: readonly SpecialAssessment[], policy: SpecialPolicy): SpecialResult[] {
  const base = parseWith(namedRecord(decimal(), "person", true), scores, "Personal scores are not valid", ["scores"]) as Record<string, DecimalInput>;
  const list = parseWith(z.array(specialSchema).max(10_000), specials, "Special assessments are not valid", ["specials"]) as SpecialAssessment[];
  const p = parseWith(specialPolicySchema, policy, "Special policy is not valid", ["policy"]) as SpecialPolicy;
  const issues: Issue[] = [];
  const byPerson = new Map<string, { id: string; result: Dec; weight: Dec }[]>();
  const ids = new Set<string>();
  list.forEach((s, i) => {
    if (ids.has(s.id)) issues.push(issue(IssueCode.duplicateId, ["specials", i, "id"], { key: "personnelListedTwice", id: s.id }));
    ids.add(s.id);
    const members = new Set<string>();
    s.members.forEach((m, j) => {
      const at = ["specials", i, "members", j];
      if (!Object.prototype.hasOwnProperty.call(base, m.person)) return void issues.push(issue(IssueCode.unknownId, [...at, "person"], { key: "specialNoScore", person: m.person }));
      if (members.has(m.person)) return void issues.push(issue(IssueCode.duplicateId, [...at, "person"], { key: "specialMemberTwice", person: m.person }));
      members.add(m.person);
      if (!Object.prototype.hasOwnProperty.call(s.results, m.organization))
        return void issues.push(issue(IssueCode.missingValue, [...at, "organization"], { key: "specialNoResult", organization: m.organization, special: s.id }));
      const entry = { id: s.id, result: toDec(s.results[m.organization])!, weight: toDec(s.weight)! };
      (byPerson.get(m.person) ?? byPerson.set(m.person, []).get(m.person)!).push(entry);
    });
  });
  if (p.mode === "blend")
    for (const [person, parts] of byPerson) {
      const w = sum(parts.map((x) => x.weight));
      if (w.gt(ONE)) issues.push(issue(IssueCode.invalidRule, ["specials"], { key: "specialWeightsOver", person, total: text(w) }));
    }
  if (issues.length > 0) throw new JixiaoError(issues, "Special assessments cannot be linked");
  return Object.keys(base)
    .sort()
    .map((person) => {
      const own = toDec(base[person])!;
      const parts = (byPerson.get(person) ?? []).sort((a, b) => byText(a.id, b.id));
      const w = sum(parts.map((x) => x.weight));
      const keep = p.mode === "blend" ? ONE.minus(w) : ONE;
      const exact = own.times(keep).plus(sum(parts.map((x) => x.result.times(x.weight))));
      const trace: TraceStep[] = [
        {
          at: "special",
          rule: p.mode,
          values: { personal: `${text(own)} × ${text(keep)}`, ...Object.fromEntries(parts.map((x) => [x.id, `${text(x.result)} × ${text(x.weight)}`])) },
          result: text(exact),
        },
      ];
      const cap = p.max === undefined ? undefined : toDec(p.max)!;
      const capped = cap && exact.gt(cap) ? cap : exact;
      if (capped !== exact) trace.push({ at: "special", rule: "clamp", values: { value: text(exact), max: text(cap!) }, result: text(capped) });
      const total = roundAt(capped, p.rounding, "special", trace);
      return { person, base: text(own), specials: parts.map((x) => ({ id: x.id, result: text(x.result), weight: text(x.weight) })), score: toNumber(total), exact: text(total), trace };
    });
}
