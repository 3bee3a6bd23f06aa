import { RESERVED_KEYS } from "../core/validate.js";
import type { PathProblem } from "../messages/verify.js";

export type { PathProblem };

/**
 * Paths into a runner's output, as analysts write them: `results.c001.total`,
 * `results.c001.indicators.collection.earned`, `tiers.c007`, `allocation.grabs[1].code`,
 * `targets["甲市"].revenue`. A dot separates keys; `[n]` is a list index; `["…"]` a key with dots
 * or spaces. In a list, a key picks the item whose id field (`id`, `subjectId`, `unit`, `task`,
 * `person`, `tier`, `peerGroup`) has that value.
 * @internal
 */
export type Segment = string | number;

/** The fields that name a list item, in the order they are tried. @internal */
export const ID_FIELDS = ["id", "subjectId", "unit", "task", "person", "tier", "peerGroup"] as const;

const problem = (kind: PathProblem["problem"], at = 0, inner = ""): PathProblem => ({ problem: kind, at, inner });

/** Whether {@link parsePath} found a problem. @internal */
export const isPathProblem = (parsed: Segment[] | PathProblem): parsed is PathProblem => !Array.isArray(parsed);

/** Reads a path into its segments, or returns what is wrong with it, as data. @internal */
export function parsePath(path: string): Segment[] | PathProblem {
  const out: Segment[] = [];
  let i = 0;
  let expectKey = true;
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === "[") {
      const close = path.indexOf("]", i);
      if (path[i + 1] === '"') {
        const m = /^\["((?:[^"\\]|\\.)*)"\]/.exec(path.slice(i));
        if (!m) return problem("unclosedQuote", i + 1);
        try {
          out.push(JSON.parse(`"${m[1]}"`) as string);
        } catch {
          return problem("badQuotedKey", i + 1);
        }
        i += m[0].length;
      } else {
        if (close < 0) return problem("unclosedBracket", i + 1);
        const inner = path.slice(i + 1, close);
        if (!/^\d{1,9}$/.test(inner)) return problem("badIndex", i + 1, inner);
        out.push(Number(inner));
        i = close + 1;
      }
      expectKey = false;
    } else if (ch === ".") {
      if (expectKey) return problem("emptyKey", i + 1);
      expectKey = true;
      i += 1;
    } else {
      if (!expectKey) return problem("needsDot", i + 1);
      let end = i;
      while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
      out.push(path.slice(i, end));
      i = end;
      expectKey = false;
    }
  }
  if (out.length === 0) return problem("empty");
  if (expectKey) return problem("endsWithDot");
  return out;
}

/** Writes segments back as a path (the inverse of {@link parsePath}). @internal */
export function writePath(segments: readonly Segment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (s !== "" && !/[.[\]"\s]/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function idOf(item: unknown): string | undefined {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined;
  for (const field of ID_FIELDS) {
    if (!Object.prototype.hasOwnProperty.call(item, field)) continue;
    const v = (item as Record<string, unknown>)[field];
    if (typeof v === "string" || typeof v === "number") return String(v);
  }
  return undefined;
}

/** The value at a path, or `undefined` where the path leads nowhere. Never reads a prototype. @internal */
export function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== "object") return undefined;
    if (Array.isArray(node)) {
      const byId = typeof s === "string" ? node.find((item) => idOf(item) === s) : undefined;
      if (byId !== undefined) node = byId;
      else {
        const index = typeof s === "number" ? s : /^\d{1,9}$/.test(s) ? Number(s) : -1;
        node = index >= 0 && index < node.length ? node[index] : undefined;
      }
    } else {
      const key = String(s);
      if (RESERVED_KEYS.has(key) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
  }
  return node;
}

/** The nodes met along a path, from the root's child to the value. @internal */
export function nodesAlong(root: unknown, segments: readonly Segment[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 1; i <= segments.length; i++) out.push(valueAt(root, segments.slice(0, i)));
  return out;
}
