import { made, snapshot } from "../core/snapshot.js";
import { issue, IssueCode, JixiaoError, safely, type Issue, type SafeResult } from "../core/errors.js";
import { deepFreeze } from "../core/freeze.js";
import { idSchema, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { byText } from "../core/order.js";

/** An internal department (司局/处室/科室/股室) of a unit. */
export interface Department {
  /** Unique id within the unit. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
}

/** A unit (bureau) of the organization: 总局, 省局, 市局, 县局, 分局/所, or any level you name. */
export interface OrgUnit {
  /** Unique id. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** Its level (`national`, `province`, `city`, `county`, `branch`, or your own names). */
  readonly level: string;
  /** The id of the unit above it; left out (or `null`) for the one root. */
  readonly parent?: string | null;
  /** Its internal departments. */
  readonly departments?: readonly Department[];
}

/** A validated organization tree from {@link defineOrgTree}. */
export interface OrgTree {
  /** The root unit's id. */
  readonly root: string;
  /** Every unit, as given. */
  readonly units: readonly OrgUnit[];
}

/** The tree's lookups, built once. @internal */
export interface TreeIndex {
  readonly units: ReadonlyMap<string, OrgUnit>;
  /** Children by unit id, sorted by id. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** Depth from the root (the root is 0). */
  readonly depth: ReadonlyMap<string, number>;
}

const unitsSchema = z
  .array(
    z.strictObject({
      id: idSchema,
      name: z.string().max(200).optional(),
      level: z.string().min(1).max(100),
      parent: idSchema.nullable().optional(),
      departments: z.array(z.strictObject({ id: idSchema, name: z.string().max(200).optional() })).max(1000).optional(),
    }),
  )
  .min(1)
  .max(1_000_000);

const indexes = new WeakMap<object, TreeIndex>();

/**
 * Validates an organization tree: exactly one root, every parent known, no duplicate ids, no
 * cycles, departments unique within their unit. Works level by level without recursion, so a
 * tree of any depth and tens of thousands of units is fine.
 *
 * @param units - the units, in any order.
 * @returns the frozen tree.
 * @throws {@link JixiaoError} naming the offending ids: two roots, an unknown parent, a duplicate id, a cycle.
 * @example
 * ```ts
 * defineOrgTree([
 *   { id: "P", level: "province" },
 *   { id: "C1", level: "city", parent: "P" },
 * ]).root;
 * //=> "P"
 * ```
 */
export function defineOrgTree(units: readonly OrgUnit[]): OrgTree {
  // WeakMap#has is false for null and any other non-object, so it alone tells a tree already defined.
  if (indexes.has(units)) return units as unknown as OrgTree;
  const list = parseWith(unitsSchema, units, "Organization tree is not valid") as OrgUnit[];
  const issues: Issue[] = [];
  const byId = new Map<string, OrgUnit>();
  list.forEach((u, i) => {
    if (byId.has(u.id)) issues.push(issue(IssueCode.duplicateId, [i, "id"], { key: "cascadeDuplicateUnit", id: u.id }));
    else byId.set(u.id, u);
    const seen = new Set<string>();
    u.departments?.forEach((d, j) => {
      if (seen.has(d.id)) issues.push(issue(IssueCode.duplicateId, [i, "departments", j, "id"], { key: "cascadeDuplicateDepartment", id: d.id, unit: u.id }));
      seen.add(d.id);
    });
  });
  const roots = list.filter((u) => u.parent === undefined || u.parent === null).map((u) => u.id);
  if (roots.length === 0) issues.push(issue(IssueCode.invalidRule, [], { key: "cascadeNoRoot" }));
  if (roots.length > 1) issues.push(issue(IssueCode.invalidRule, [], { key: "cascadeManyRoots", count: roots.length, roots: roots.slice(0, 10), more: roots.length > 10 }));
  list.forEach((u, i) => {
    if (u.parent !== undefined && u.parent !== null && !byId.has(u.parent)) issues.push(issue(IssueCode.unknownId, [i, "parent"], { key: "cascadeNotAUnit", unit: u.parent }));
    if (u.parent === u.id) issues.push(issue(IssueCode.invalidRule, [i, "parent"], { key: "cascadeOwnParent", unit: u.id }));
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Organization tree is not valid");

  const children = new Map<string, string[]>();
  for (const u of byId.values()) {
    if (!u.parent) continue;
    const siblings = children.get(u.parent);
    if (siblings) siblings.push(u.id);
    else children.set(u.parent, [u.id]);
  }
  for (const list of children.values()) list.sort(byText);
  const depth = new Map<string, number>([[roots[0]!, 0]]);
  let frontier = [roots[0]!];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier)
      for (const c of children.get(id) ?? []) {
        depth.set(c, depth.get(id)! + 1);
        next.push(c);
      }
    frontier = next;
  }
  const unreachable = list.filter((u) => !depth.has(u.id)).map((u) => u.id);
  if (unreachable.length > 0)
    throw new JixiaoError(
      [issue(IssueCode.invalidRule, [], { key: "cascadeCycle", units: unreachable.slice(0, 10), more: unreachable.length > 10, root: roots[0]! })],
      "Organization tree is not valid",
    );
  const tree = deepFreeze({ root: roots[0]!, units: list }) as OrgTree;
  indexes.set(tree, { units: byId, children, depth });
  return made("orgTree", tree);
}

/**
 * {@link defineOrgTree} without throwing.
 * @param units - the units.
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * safeDefineOrgTree([{ id: "A", level: "city", parent: "B" }]).success;
 * //=> false
 * ```
 */
export function safeDefineOrgTree(units: readonly OrgUnit[]): SafeResult<OrgTree> {
  return safely(() => defineOrgTree(units));
}

/** The index of a tree, defining it first when given units. @internal */
export function treeIndex(tree: OrgTree | readonly OrgUnit[]): { tree: OrgTree; index: TreeIndex } {
  // A tree it defined passes as it is; anything else is read once, into its copy.
  const given = snapshot(tree, [], "Organization tree is not valid");
  const units = Array.isArray(given) || indexes.has(given as object) ? given : (given as { units?: unknown } | null | undefined)?.units;
  const t = indexes.has(units as object) ? (units as OrgTree) : defineOrgTree(units as readonly OrgUnit[]);
  return { tree: t, index: indexes.get(t)! };
}
