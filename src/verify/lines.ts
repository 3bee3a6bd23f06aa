import type { TraceStep } from "../core/trace.js";
import type { Locale } from "../explain/messages.js";
import { explainTier } from "../explain/tiers.js";
import type { TierPlacement } from "../tiers/types.js";
import { nodesAlong, valueAt, type Segment } from "./path.js";

/** The most lines a failure shows. @internal */
export const MAX_LINES = 40;

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);
const hasTrace = (v: unknown): v is Node & { trace: TraceStep[] } => isObject(v) && Array.isArray(v.trace);

/** One trace step as a line: `indicator:collection · completion: actual 96.5, target 100 → 38.6`. @internal */
export function stepLine(step: TraceStep): string {
  const values = Object.keys(step.values ?? {}).map((k) => `${k} ${step.values[k]}`);
  return `${step.at} · ${step.rule}${values.length ? `: ${values.join(", ")}` : ""} → ${step.result}`;
}

/** The steps of a score result's trace that make the value at `rest` (a path inside the result). */
function stepsFor(result: Node & { trace: TraceStep[] }, rest: readonly Segment[]): TraceStep[] {
  const idAt = (list: string) => {
    const item = valueAt(result, [list, rest[1]!]);
    return isObject(item) && typeof item.id === "string" ? item.id : undefined;
  };
  let keep: (s: TraceStep) => boolean = () => true;
  if (rest[0] === "indicators" && rest.length > 1) {
    const id = idAt("indicators");
    keep = (s) => s.at === `indicator:${id}`;
  } else if (rest[0] === "groups" && rest.length > 1) {
    const id = idAt("groups");
    const members = new Set(
      (Array.isArray(result.indicators) ? result.indicators : []).flatMap((i) => (isObject(i) && i.group === id ? [`indicator:${String(i.id)}`] : [])),
    );
    keep = (s) => s.at === `group:${id}` || members.has(s.at);
  } else if (rest[0] === "bonus" || rest[0] === "deductions") {
    const at = rest[0] === "bonus" ? "bonus" : "deduction";
    keep = (s) => s.at === at || (s.at === "total" && s.rule === "adjust");
  } else if (rest[0] === "vetoes" || rest[0] === "flags") {
    keep = (s) => s.at.startsWith("veto:") || s.rule === "flag";
  } else if (rest.length > 0 && rest[0] !== "trace") {
    keep = (s) => s.at === "total" || s.at === "bonus" || s.at === "deduction" || s.at.startsWith("veto:") || s.at.startsWith("group:");
  }
  const kept = result.trace.filter((s) => isObject(s) && keep(s));
  return kept.length > 0 ? kept : result.trace;
}

/** A line about a node that is not a trace: a ranking entry, a reason, a lineage. */
function nodeLine(node: Node): string | undefined {
  if (typeof node.rank === "number" && typeof node.position === "number" && typeof node.groupSize === "number") {
    const tied = Array.isArray(node.tiedWith) && node.tiedWith.length > 0 ? `, tied with ${node.tiedWith.join(", ")}` : "";
    const group = node.peerGroup === null || node.peerGroup === undefined ? "" : ` in ${String(node.peerGroup)}`;
    return `${String(node.subjectId)}: score ${String(node.score)}, rank ${node.rank}, position ${node.position} of ${node.groupSize}${group}${tied}`;
  }
  if (Array.isArray(node.lineage))
    return `lineage: ${node.lineage.map((l) => (isObject(l) ? `${String(l.unit)} ${String(l.target ?? "")} (${String(l.via)})` : "")).join(" → ")}`;
  if (typeof node.reason === "string") return `${String(node.subjectId ?? node.task ?? "")}: ${node.reason}`.replace(/^: /, "");
  return undefined;
}

/**
 * The lines that explain the value at a path: the trace steps that produced it (the nearest trace
 * on the path, filtered to the indicator, group or total the path names), a tier placement's
 * explanation, a ranking entry, a reason or a lineage — or, below the path, the traces of what it
 * holds.
 * @internal
 */
export function linesFor(output: unknown, segments: readonly Segment[], locale: Locale): string[] {
  const nodes = nodesAlong(output, segments);
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k];
    if (hasTrace(node)) return stepsFor(node, segments.slice(k + 1)).slice(0, MAX_LINES).map(stepLine);
    if (isObject(node) && typeof node.tier === "string" && isObject(node.reason)) {
      try {
        return explainTier(node as unknown as TierPlacement, { locale }).split("\n").slice(0, MAX_LINES);
      } catch {
        return [];
      }
    }
    if (isObject(node)) {
      const line = nodeLine(node);
      if (line) return [line];
    }
  }
  // Below the path: the traces of what the value holds (a person's credits, say).
  const lines: string[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: nodes[nodes.length - 1], depth: 0 }];
  while (stack.length > 0 && lines.length < MAX_LINES) {
    const { node, depth } = stack.pop()!;
    if (hasTrace(node)) lines.push(...node.trace.filter(isObject).map(stepLine));
    else if (node !== null && typeof node === "object" && depth < 3) for (const v of Object.values(node).reverse()) stack.push({ node: v, depth: depth + 1 });
  }
  return lines.slice(0, MAX_LINES);
}
