import { formatIssue, issue, IssueCode, isJixiaoError, JixiaoError, relocate, type Issue, type IssuePath } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { compare, explainChange, type CompareOptions } from "../compare/compare.js";
import { explain } from "../explain/explain.js";
import type { AssessmentInput, AssessmentRules } from "../pipeline/assess.js";
import { annualResults, type AnnualOptions } from "../personnel/annual.js";
import { createLedger, type LedgerEntry } from "../personnel/ledger.js";
import { render, type Locale } from "../messages/index.js";
import type { RuleKind } from "../messages/server.js";
import { parseJson } from "../node/files.js";
import { defineScheme } from "../scheme/define.js";
import type { SchemeConfig } from "../scheme/types.js";
import type { ScoreOptions, ScoreResult } from "../scoring/result.js";
import type { SubjectInput } from "../scoring/subject.js";
import { scoreTotals } from "../scoring/totals.js";
import { runScenario } from "../verify/run.js";
import { RUNNERS, type Loaded } from "../verify/runners.js";
import { defineScenario, isDocumentField, type ScenarioDocument, type ScenarioRun } from "../verify/scenario.js";
import type { RuleSet } from "./rules.js";

/**
 * The operations of the API, each at `POST /v1/<name>`. `score` to `account` take a scenario case's
 * `rules` and `input` (`explain` also the `subjects` to explain) and answer with what the case's
 * `expect` paths point into; `annual` takes growth-account `entries` and `annualResults`' options
 * (`tiers` a tier policy or its id); `compare` takes the `baseline` and `reform` rules (scheme, rank,
 * lastPlace, tierPolicy; documents or ids) and the `input` both assess; `verify` takes a scenario
 * document and answers with its report.
 * @example
 * ```ts
 * OPERATIONS.includes("score-totals");
 * //=> true
 * ```
 */
export const OPERATIONS = ["score", "score-totals", "rank", "tiers", "last-place", "explain", "tasks", "cascade", "account", "annual", "roadmap", "board", "compare", "verify"] as const;

/** An operation of the API: `POST /v1/<operation>`. */
export type Operation = (typeof OPERATIONS)[number];

/** The scenario run each operation made of one is (its request is a scenario case's rules and input). @internal */
export const RUN_OF: Readonly<Record<Exclude<Operation, "verify" | "annual" | "compare">, ScenarioRun>> = {
  score: "score",
  "score-totals": "score",
  rank: "rank",
  tiers: "tiers",
  "last-place": "last-place",
  explain: "score",
  tasks: "tasks",
  cascade: "cascade",
  account: "account",
  roadmap: "roadmap",
  board: "board",
};

/** What a request may be given besides the service's own limits. @internal */
export interface ApiContext {
  /** The rule documents a request may name by id. */
  readonly rules: RuleSet;
  /** The language of messages and explanations. */
  readonly locale: Locale;
  /** The most items in one list of a request (subjects, scores, staff …). */
  readonly maxItems: number;
}

/** A response: its status and its JSON text. @internal */
export interface ApiResponse {
  readonly status: number;
  readonly body: string;
  /** The ids of the loaded rules the request named, for the access log. */
  readonly rules?: readonly string[];
}

/** The kinds of rule document a request's `rules` field may name by id. */
const KINDS: ReadonlySet<string> = new Set<RuleKind>(["scheme", "tierPolicy", "lastPlace", "board", "plan"]);

/**
 * The body of an error response: a head in the reader's language and every issue as the library
 * gives it (code, path, params), its message in that language.
 * @internal
 */
export function errorBody(status: number, issues: readonly Issue[], locale: Locale, requestId: string): string {
  return JSON.stringify({
    error: {
      status,
      message: render({ key: "serverIssuesHead", count: issues.length }, locale),
      issues: issues.map((i) => ({ code: i.code, path: i.path, params: i.params, message: formatIssue(i, { locale }) })),
    },
    requestId,
  });
}

/** The request body's text, strictly UTF-8, parsed as JSON (a syntax error names its line and column). @internal */
export function parseBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new JixiaoError([issue(IssueCode.invalidInput, [], { key: "serverNotUtf8" })], "The request cannot be read");
  }
  if (text.trim() === "") throw new JixiaoError([issue(IssueCode.required, [], { key: "serverEmptyBody" })], "The request cannot be read");
  return parseJson(text, "body");
}

const envelope = z.strictObject({ rules: z.unknown().optional(), input: z.unknown().optional() });
const annualEnvelope = z.strictObject({
  input: z.strictObject({ entries: z.array(z.unknown()), timeZone: z.string().min(1).max(64).optional() }),
  options: z.object({ tiers: z.unknown() }).passthrough(),
});
const compareEnvelope = z.strictObject({ baseline: z.unknown(), reform: z.unknown(), input: z.unknown(), options: z.unknown().optional() });
const explainEnvelope = z.strictObject({ rules: z.unknown().optional(), input: z.unknown().optional(), subjects: z.array(z.string().min(1).max(200)).max(10_000).optional() });

/** Lists longer than the service takes, each an issue at its field. */
function tooMany(input: unknown, maxItems: number): Issue[] {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return [];
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const count = Array.isArray(value) ? value.length : key === "scores" && value !== null && typeof value === "object" ? Object.keys(value).length : 0;
    if (count > maxItems) issues.push(issue(IssueCode.outOfRange, ["input", key], { key: "serverTooManyItems", count, limit: maxItems }));
  }
  return issues;
}

/** A rule named by id: its loaded document, or the issue saying why there is none. */
function ruleById(kind: RuleKind, id: string, rules: RuleSet, path: IssuePath, used: string[]): { value: unknown } | { issue: Issue } {
  const doc = rules.documents.get(id);
  if (doc && doc.kind === kind) {
    used.push(doc.id);
    return { value: doc.value };
  }
  if (doc) return { issue: issue(IssueCode.unknownId, path, { key: "serverRuleKind", id, kind: doc.kind, wanted: kind }) };
  const ids = [...rules.documents.values()].filter((d) => d.kind === kind).map((d) => d.id);
  return { issue: issue(IssueCode.unknownId, path, { key: "serverUnknownRule", id, ids: ids.slice(0, 20) }) };
}

/** A case's rules and input with each rule named by id replaced by its loaded document. */
function resolveIds(
  run: ScenarioRun,
  given: { rules?: Readonly<Record<string, unknown>>; input?: Readonly<Record<string, unknown>> },
  rules: RuleSet,
  used: string[],
  at?: IssuePath,
): Loaded {
  const issues: Issue[] = [];
  const out = { rules: {} as Record<string, unknown>, input: {} as Record<string, unknown> };
  for (const part of ["rules", "input"] as const) {
    const fields = given[part] ?? {};
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      out[part][key] = value;
      if (typeof value !== "string" || !isDocumentField(run, part, key)) continue;
      if (part === "input" || !KINDS.has(key)) {
        issues.push(issue(IssueCode.invalidType, at ?? [part, key], { key: "serverInputInline" }));
        continue;
      }
      const found = ruleById(key as RuleKind, value, rules, at ?? [part, key], used);
      if ("issue" in found) issues.push(found.issue);
      else out[part][key] = found.value;
    }
  }
  if (issues.length > 0) throw new JixiaoError(issues, "The request is not valid");
  return out;
}

/** The rules of one side of a comparison with each rule named by id replaced by its loaded document. */
function resolveSide(side: "baseline" | "reform", given: unknown, rules: RuleSet, used: string[], issues: Issue[]): unknown {
  if (given === null || typeof given !== "object" || Array.isArray(given)) return given;
  const out: Record<string, unknown> = { ...(given as Record<string, unknown>) };
  for (const kind of ["scheme", "lastPlace", "tierPolicy"] as const) {
    const value = out[kind];
    if (typeof value !== "string") continue;
    const found = ruleById(kind, value, rules, [side, kind], used);
    if ("issue" in found) issues.push(found.issue);
    else out[kind] = found.value;
  }
  return out;
}

/** Reads a request made of a scenario case's rules and input: checked as a case is, rules named by id resolved. */
function readCase(
  run: ScenarioRun,
  body: unknown,
  ctx: ApiContext,
  used: string[],
  schema: typeof envelope | typeof explainEnvelope = envelope,
): Loaded & { readonly subjects?: readonly string[] } {
  const given = parseWith(schema, body, "The request is not valid") as { rules?: unknown; input?: unknown; subjects?: readonly string[] };
  const many = tooMany(given.input, ctx.maxItems);
  if (many.length > 0) throw new JixiaoError(many, "The request is too large");
  // Checked as a scenario case is (what each run requires, the shape of each field), its paths from
  // the request's top; a case must expect something, and this one's expectation is never compared.
  const doc = relocate(
    (path) => (path[0] === "cases" ? path.slice(2) : path),
    () =>
      defineScenario({
        cases: [{ name: "request", run, expect: { result: true }, ...(given.rules !== undefined ? { rules: given.rules } : {}), ...(given.input !== undefined ? { input: given.input } : {}) }],
      } as unknown as ScenarioDocument),
  );
  return { ...resolveIds(run, doc.cases[0]!, ctx.rules, used), ...(given.subjects ? { subjects: given.subjects } : {}) };
}

/** A scheme of a request, its issues at `rules.scheme`. */
const schemeOf = (loaded: Loaded) => relocate((p) => ["rules", "scheme", ...p], () => defineScheme(loaded.rules.scheme as SchemeConfig));
const at = (root: IssuePath) => (p: IssuePath) => [...root, ...p];

/** Runs an operation on a parsed body. */
function operate(operation: Operation, body: unknown, ctx: ApiContext, used: string[]): unknown {
  if (operation === "verify") {
    const load = (id: string) => {
      const doc = ctx.rules.documents.get(id);
      if (!doc) throw new JixiaoError([issue(IssueCode.unknownId, [], { key: "serverUnknownRule", id, ids: [...ctx.rules.documents.keys()].slice(0, 20) })], "The rule is not loaded");
      used.push(doc.id);
      return doc.data;
    };
    return runScenario(body as ScenarioDocument, { file: "request", load, locale: ctx.locale });
  }
  if (operation === "annual") {
    const given = parseWith(annualEnvelope, body, "The request is not valid") as { input: { entries: LedgerEntry[]; timeZone?: string }; options: Record<string, unknown> };
    const many = tooMany(given.input, ctx.maxItems);
    if (many.length > 0) throw new JixiaoError(many, "The request is too large");
    const { entries, timeZone } = given.input;
    const ledger = relocate(
      (p) => (p[0] === "entries" ? ["input", ...p] : p[0] === "options" ? ["input", ...p.slice(1)] : ["input", "entries", ...p]),
      () => createLedger(entries, timeZone === undefined ? {} : { timeZone }),
    );
    // The tier policy: the document, or the id of one in the rules folder.
    const tiers = typeof given.options.tiers === "string" ? resolveIds("tiers", { rules: { tierPolicy: given.options.tiers } }, ctx.rules, used, ["options", "tiers"]).rules.tierPolicy : given.options.tiers;
    return annualResults(ledger, { ...given.options, tiers } as unknown as AnnualOptions);
  }
  if (operation === "compare") {
    const given = parseWith(compareEnvelope, body, "The request is not valid") as { baseline: unknown; reform: unknown; input: unknown; options?: Record<string, unknown> };
    const issues = tooMany(given.input, ctx.maxItems);
    const baseline = resolveSide("baseline", given.baseline, ctx.rules, used, issues);
    const reform = resolveSide("reform", given.reform, ctx.rules, used, issues);
    if (issues.length > 0) throw new JixiaoError(issues, "The request is not valid");
    // The explanations' language is the request's, unless the options say; options that are no object are the library's to refuse.
    const o = given.options;
    const options = o === undefined ? { locale: ctx.locale } : o !== null && typeof o === "object" && !Array.isArray(o) ? { locale: ctx.locale, ...o } : o;
    const comparison = compare(baseline as AssessmentRules, reform as AssessmentRules, given.input as AssessmentInput, options as CompareOptions);
    // Why each person who changed tiers did, in the request's language.
    const movers = [...comparison.movedUp, ...comparison.movedDown];
    return { ...comparison, explanations: Object.fromEntries(movers.map((id) => [id, explainChange(comparison, id, { locale: ctx.locale })])) };
  }
  const run = RUN_OF[operation];
  if (operation === "score-totals") {
    const loaded = readCase(run, body, ctx, used);
    const totals = relocate(at(["input", "subjects"]), () => scoreTotals(schemeOf(loaded), loaded.input.subjects as SubjectInput[], loaded.input.options as ScoreOptions | undefined));
    return { totals };
  }
  if (operation === "explain") {
    const loaded = readCase(run, body, ctx, used, explainEnvelope);
    const { results } = RUNNERS.score.run(loaded) as { results: ScoreResult[] };
    const wanted = loaded.subjects;
    const byId = new Map(results.map((r) => [r.subjectId, r]));
    const missing = (wanted ?? []).flatMap((id, k) => (byId.has(id) ? [] : [issue(IssueCode.unknownId, ["subjects", k], { key: "serverUnknownSubject", id })]));
    if (missing.length > 0) throw new JixiaoError(missing, "The request is not valid");
    const chosen = wanted ? wanted.map((id) => byId.get(id)!) : results;
    return { explanations: Object.fromEntries(chosen.map((r) => [r.subjectId, explain(r, { locale: ctx.locale })])) };
  }
  return RUNNERS[run].run(readCase(run, body, ctx, used));
}

/**
 * Answers one request to an operation from its body's bytes: 200 with the result, 400 with every
 * issue for bad input, 500 (without any detail of the failure) only for a fault of the engine.
 * Runs the same in the main thread and in a worker.
 * @internal
 */
export function answer(operation: Operation, bytes: Uint8Array, ctx: ApiContext, requestId: string): ApiResponse & { readonly fault?: string } {
  const used: string[] = [];
  try {
    const result = operate(operation, parseBody(bytes), ctx, used);
    return { status: 200, body: JSON.stringify(result), rules: used };
  } catch (error) {
    if (isJixiaoError(error)) return { status: 400, body: errorBody(400, error.issues, ctx.locale, requestId), rules: used };
    const fault = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown";
    return { status: 500, body: errorBody(500, [issue(IssueCode.invalidInput, [], { key: "serverUnexpected", id: requestId })], ctx.locale, requestId), rules: used, fault };
  }
}
