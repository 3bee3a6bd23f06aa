import { formatIssue, issue, IssueCode, isJixiaoError, JixiaoError, relocate, type Issue, type IssuePath } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { explain } from "../explain/explain.js";
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
 * The operations of the API, each at `POST /v1/<name>`. Each but `verify` takes a scenario case's
 * `rules` and `input` (`explain` also the `subjects` to explain) and answers with what the case's
 * `expect` paths point into; `annual` takes growth-account `entries` and `annualResults`' options
 * (`tiers` a tier policy or its id); `verify` takes a scenario document and answers with its report.
 * @example
 * ```ts
 * OPERATIONS.includes("score-totals");
 * //=> true
 * ```
 */
export const OPERATIONS = ["score", "score-totals", "rank", "tiers", "last-place", "explain", "tasks", "cascade", "account", "annual", "verify"] as const;

/** An operation of the API: `POST /v1/<operation>`. */
export type Operation = (typeof OPERATIONS)[number];

/** The scenario run each operation but `verify` is made of (its request is a scenario case's rules and input). @internal */
export const RUN_OF: Readonly<Record<Exclude<Operation, "verify" | "annual">, ScenarioRun>> = {
  score: "score",
  "score-totals": "score",
  rank: "rank",
  tiers: "tiers",
  "last-place": "last-place",
  explain: "score",
  tasks: "tasks",
  cascade: "cascade",
  account: "account",
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
        issues.push(issue(IssueCode.invalidType, [part, key], { key: "serverInputInline" }));
        continue;
      }
      const doc = rules.documents.get(value);
      if (!doc || doc.kind !== key) {
        const ids = [...rules.documents.values()].filter((d) => d.kind === key).map((d) => d.id);
        issues.push(
          doc
            ? issue(IssueCode.unknownId, [part, key], { key: "serverRuleKind", id: value, kind: doc.kind, wanted: key as RuleKind })
            : issue(IssueCode.unknownId, [part, key], { key: "serverUnknownRule", id: value, ids: ids.slice(0, 20) }),
        );
        continue;
      }
      used.push(doc.id);
      out[part][key] = doc.value;
    }
  }
  if (issues.length > 0) throw new JixiaoError(at ? issues.map((i) => issue(i.code, at, i.params)) : issues, "The request is not valid");
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
