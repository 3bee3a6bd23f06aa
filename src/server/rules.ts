/// <reference types="node" />
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, join } from "node:path";
import { issue, IssueCode, isJixiaoError, JixiaoError, type Issue } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { defineCascadePlan } from "../cascade/plan.js";
import type { CascadePlan } from "../cascade/types.js";
import type { RuleKind } from "../messages/server.js";
import { namesItsPlace } from "../messages/files.js";
import { formatOf, readData } from "../node/files.js";
import { lastPlacePolicySchema } from "../penalties/last-place.js";
import { defineScheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import { defineTaskBoard } from "../tasks/board.js";
import type { TaskBoardConfig } from "../tasks/types.js";
import { defineTierPolicy } from "../tiers/policy.js";
import type { TierPolicy } from "../tiers/types.js";

export type { RuleKind };

/** A rule document loaded: its kind, its id, the file it came from and its data as read. */
export interface RuleDocument {
  /** Which rule it is: the field of a request's `rules` that may name it. */
  readonly kind: RuleKind;
  /** Its id: the document's `id`, or for a document without one its file's name before the kind (`tiers-20-10` of `tiers-20-10.policy.json`). */
  readonly id: string;
  /** The file, relative to the rules folder. */
  readonly file: string;
  /** The document as read (plain data), for a worker thread to define again. */
  readonly data: unknown;
  /** The document as defined (`defineScheme`, …): what a request that names it runs with. */
  readonly value: unknown;
}

/** The rule documents of a folder, by id (ids are unique across kinds), with when they were loaded. */
export interface RuleSet {
  readonly documents: ReadonlyMap<string, RuleDocument>;
  /** Counts up with each load that succeeds, so a response can say which rules answered it. */
  readonly version: number;
}

/** The file names of each kind: `NAME.KIND.json`, `.yaml` or `.yml`. */
const SUFFIXES: readonly (readonly [string, RuleKind])[] = [
  ["scheme", "scheme"],
  ["policy", "tierPolicy"],
  ["tier-policy", "tierPolicy"],
  ["last-place", "lastPlace"],
  ["board", "board"],
  ["plan", "plan"],
];

/** How each kind is checked: the same definition the library and the command line use. */
const DEFINE: Readonly<Record<RuleKind, (data: unknown) => unknown>> = {
  scheme: (d) => defineScheme(d as SchemeConfig),
  tierPolicy: (d) => defineTierPolicy(d as TierPolicy),
  lastPlace: (d) => parseWith(lastPlacePolicySchema, d, "Last-place policy is not valid"),
  board: (d) => defineTaskBoard(d as TaskBoardConfig),
  plan: (d) => defineCascadePlan(d as CascadePlan),
};

/**
 * The kind and file stem a file's name gives (`county-361.scheme.json` → scheme, `county-361`), or
 * `undefined` for a file that is not a rule file (data beside the rules, say).
 * @internal
 */
export function ruleFileKind(name: string): { kind: RuleKind; stem: string } | undefined {
  const format = formatOf(name);
  if (format !== "json" && format !== "yaml") return undefined;
  const base = name.slice(0, name.lastIndexOf("."));
  for (const [suffix, kind] of SUFFIXES) if (base.endsWith(`.${suffix}`) && base.length > suffix.length + 1) return { kind, stem: base.slice(0, -suffix.length - 1) };
  return undefined;
}

/** Issues of a document, placed in its file: a file's own issues name it already, the document's have its name first in their paths. */
const inFileIssues = (file: string, error: JixiaoError): Issue[] => error.issues.map((i) => (namesItsPlace(i.params.key) ? i : issue(i.code, [file, ...i.path], i.params)));

/** The most rule files a folder may hold. */
const MAX_RULE_FILES = 1000;

/**
 * Loads the rule documents of a folder (not its subfolders): each file named `NAME.KIND.json` or
 * `.yaml` (KIND: `scheme`, `policy` or `tier-policy`, `last-place`, `board`, `plan`) is read as
 * the command line reads a rule file and checked by the same definition (`defineScheme`, …). Other
 * files are left alone.
 *
 * @param folder - the rules folder.
 * @param version - the version the set gets.
 * @returns the documents by id.
 * @throws {@link index!JixiaoError} listing every file that cannot be read or is not valid, and every id given twice.
 * @internal
 */
export function loadRules(folder: string, version = 1): RuleSet {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error("not a folder");
    names = readdirSync(folder).sort();
  } catch {
    throw new JixiaoError([issue(IssueCode.invalidInput, [], { key: "serverRulesNotFolder", folder })], "The rules cannot be loaded");
  }
  const documents = new Map<string, RuleDocument>();
  const issues: Issue[] = [];
  for (const name of names.slice(0, MAX_RULE_FILES)) {
    const found = ruleFileKind(name);
    if (!found || name.startsWith(".")) continue;
    const path = join(folder, name);
    try {
      if (!statSync(path).isFile()) continue;
      const data = readData(path, name);
      const value = DEFINE[found.kind](data);
      const given = data !== null && typeof data === "object" ? (data as { id?: unknown }).id : undefined;
      const id = typeof given === "string" && given.length > 0 ? given : found.stem;
      const other = documents.get(id);
      if (other) issues.push(issue(IssueCode.duplicateId, [], { key: "serverRuleDuplicate", id, file: name, other: other.file }));
      else documents.set(id, Object.freeze({ kind: found.kind, id, file: name, data, value }));
    } catch (error) {
      if (!isJixiaoError(error)) throw error;
      issues.push(...inFileIssues(name, error));
    }
  }
  if (issues.length === 0 && documents.size === 0) issues.push(issue(IssueCode.invalidInput, [], { key: "serverRulesEmpty", folder: basename(folder) || folder }));
  if (issues.length > 0) throw new JixiaoError(issues, "The rules cannot be loaded");
  return Object.freeze({ documents, version });
}

/**
 * A rule set made again from its documents' data (in a worker thread, which receives them as
 * data): each defined as when it was loaded.
 * @internal
 */
export function ruleSetOf(documents: readonly Omit<RuleDocument, "value">[], version: number): RuleSet {
  return Object.freeze({ documents: new Map(documents.map((d) => [d.id, Object.freeze({ ...d, value: DEFINE[d.kind](d.data) })])), version });
}

/**
 * Watches a rules folder and calls `changed` once things settle after a change (an editor writes a
 * file in several steps). Returns the function that stops watching.
 * @internal
 */
export function watchRules(folder: string, changed: () => void, settle = 200): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(folder, { persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(changed, settle);
    });
    // A folder removed or unreadable stops the watching; the rules loaded stay in use, and a signal reloads.
    watcher.on("error", () => watcher?.close());
  } catch {
    // Watching is not available here (some network file systems): reload by signal only.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
