import type { TraceStep } from "../core/trace.js";
import type { Locale } from "../messages/types.js";
import { STEP_WORDS } from "../messages/verify.js";
import { explainReason, REASON_KINDS, type Reason } from "../explain/reasons.js";
import { explainTier } from "../explain/tiers.js";
import { TASK_REASONS } from "../messages/tasks.js";
import { explainTaskReason } from "../tasks/explain.js";
import type { TaskReason } from "../tasks/types.js";
import type { TierPlacement } from "../tiers/types.js";
import { nodesAlong, valueAt, type Segment } from "./path.js";
import { word } from "./words.js";

/** The most lines a failure shows. @internal */
export const MAX_LINES = 40;

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);
const hasTrace = (v: unknown): v is Node & { trace: TraceStep[] } => isObject(v) && Array.isArray(v.trace);

/** The names of what a result's trace steps are about: its indicators, groups and vetoes, by id. */
interface Names {
  readonly indicator: ReadonlyMap<string, string>;
  readonly group: ReadonlyMap<string, string>;
  readonly veto: ReadonlyMap<string, string>;
}

const NO_NAMES: Names = { indicator: new Map(), group: new Map(), veto: new Map() };

/** The names in a node that holds a trace (a score result's indicators, groups and vetoes). */
function namesOf(node: Node): Names {
  const map = (list: unknown) =>
    new Map(
      (Array.isArray(list) ? list : []).flatMap((x) => (isObject(x) && typeof x.id === "string" && typeof x.name === "string" ? [[x.id, x.name] as const] : [])),
    );
  return { indicator: map(node.indicators), group: map(node.groups), veto: map(node.vetoes) };
}

const KINDS = ["indicator", "group", "veto", "task"] as const;

/** Where a step is, in the language: `indicator:collection`, or 征收任务完成率（collection）. */
function placeOf(at: string, names: Names, locale: Locale): string {
  const colon = at.indexOf(":");
  const kind = colon > 0 ? KINDS.find((k) => k === at.slice(0, colon)) : at === "total" || at === "bonus" || at === "deduction" || at === "input" ? at : undefined;
  if (kind === undefined) return word(locale, { key: "stepPlace", kind: "other", at, id: at, name: "" });
  const id = colon > 0 ? at.slice(colon + 1) : at;
  const name = kind === "indicator" || kind === "group" || kind === "veto" ? (names[kind].get(id) ?? "") : "";
  return word(locale, { key: "stepPlace", kind, at, id, name });
}

/**
 * One trace step as a line: `indicator:collection · completion: actual 96.5, target 100 → 38.6`, or
 * in Chinese `征收任务完成率（collection） · 完成率计分：实际值 96.5，目标值 100 → 38.6`.
 * @internal
 */
export function stepLine(step: TraceStep, locale: Locale = "en", names: Names = NO_NAMES): string {
  const w = STEP_WORDS[locale];
  // A sum's values are named by what they add up: the groups' or the indicators' ids.
  const valueName = (k: string) => (locale === "en" ? k : (names.group.get(k) ?? names.indicator.get(k) ?? w.key(k)));
  const values = Object.keys(step.values ?? {}).map((k) => `${valueName(k)} ${w.value(k, String(step.values[k]))}`);
  return word(locale, { key: "stepLine", place: placeOf(String(step.at), names, locale), rule: w.rule(String(step.rule)), values, result: String(step.result) });
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
function nodeLine(node: Node, locale: Locale): string | undefined {
  if (typeof node.rank === "number" && typeof node.position === "number" && typeof node.groupSize === "number") {
    const tied = Array.isArray(node.tiedWith) ? node.tiedWith.map(String) : [];
    const group = node.peerGroup === null || node.peerGroup === undefined ? "" : String(node.peerGroup);
    return word(locale, { key: "rankLine", id: String(node.subjectId), score: typeof node.exact === "string" ? node.exact : String(node.score), rank: node.rank, position: node.position, size: node.groupSize, group, tied });
  }
  if (Array.isArray(node.lineage)) {
    const links = node.lineage.map((l) => (isObject(l) ? word(locale, { key: "lineageLink", unit: String(l.unit), target: String(l.target ?? ""), via: STEP_WORDS[locale].via(String(l.via)) }) : ""));
    return word(locale, { key: "lineageLine", links });
  }
  const reason = reasonWords(node.reason, locale);
  if (reason !== undefined) return word(locale, { key: "reasonLine", id: String(node.subjectId ?? node.task ?? node.person ?? ""), reason });
  return undefined;
}

/**
 * A reason in words, in the language: a tier or last-place reason by `explainReason`, a task
 * reason by `explainTaskReason` (told apart by its `kind`), text as it is; `undefined` for
 * anything else (data that is not a reason of either).
 */
function reasonWords(reason: unknown, locale: Locale): string | undefined {
  if (typeof reason === "string") return reason;
  if (!isObject(reason) || typeof reason.kind !== "string") return undefined;
  const kind = reason.kind;
  try {
    if (Object.prototype.hasOwnProperty.call(TASK_REASONS, kind)) return explainTaskReason(reason as unknown as TaskReason, { locale });
    if ((REASON_KINDS as readonly string[]).includes(kind)) return explainReason(reason as unknown as Reason, { locale });
  } catch {
    // Not the reason its kind says (a report edited by hand): no line rather than a wrong one.
  }
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
    if (hasTrace(node)) {
      const names = namesOf(node);
      return stepsFor(node, segments.slice(k + 1))
        .slice(0, MAX_LINES)
        .map((s) => stepLine(s, locale, names));
    }
    if (isObject(node) && typeof node.tier === "string" && isObject(node.reason)) {
      try {
        return explainTier(node as unknown as TierPlacement, { locale }).split("\n").slice(0, MAX_LINES);
      } catch {
        return [];
      }
    }
    if (isObject(node)) {
      const line = nodeLine(node, locale);
      if (line) return [line];
    }
  }
  // Below the path: the traces of what the value holds (a person's credits, say).
  const lines: string[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: nodes[nodes.length - 1], depth: 0 }];
  while (stack.length > 0 && lines.length < MAX_LINES) {
    const { node, depth } = stack.pop()!;
    if (hasTrace(node)) lines.push(...node.trace.filter(isObject).map((s) => stepLine(s as unknown as TraceStep, locale, namesOf(node))));
    else if (node !== null && typeof node === "object" && depth < 3) for (const v of Object.values(node).reverse()) stack.push({ node: v, depth: depth + 1 });
  }
  return lines.slice(0, MAX_LINES);
}
