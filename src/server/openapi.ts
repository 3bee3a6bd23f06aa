import { jsonSchemaOf } from "../core/json-schema.js";
import { z, type ZodType } from "../core/z.js";
import { tierPolicySchema } from "../tiers/policy.js";
import { SCHEMAS } from "../schemas.js";
import { annualOptionsSchema } from "../personnel/annual.js";
import { compareOptionsSchema } from "../compare/compare.js";
import { MAX_BATCH } from "../scoring/score.js";
import { subjectSchema } from "../scoring/subject.js";
import { staffSchema } from "../tasks/allocate.js";
import { completionsSchema } from "../tasks/credit.js";
import { documentJsonSchemas, RUN_FIELDS } from "../verify/scenario.js";
import { OPERATIONS, RUN_OF, type Operation } from "./api.js";
import type { ServerLimits } from "./limits.js";

/** The published JSON Schemas, by file name, as `GET /schemas/<file>` serves them (the same as docs/schema). @internal */
export const SCHEMA_FILES: Readonly<Record<string, () => Record<string, unknown>>> = Object.fromEntries(Object.entries(SCHEMAS).map(([name, make]) => [`${name}.schema.json`, make]));

/** Each published schema's name among the document's components: its name in PascalCase (`tier-policy` → `TierPolicy`). */
const COMPONENT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(SCHEMAS).map((name) => [`${name}.schema.json`, name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase())]),
);

/** What each operation does, for the document. */
const SUMMARY: Readonly<Record<Operation, string>> = {
  score: "Score subjects by a scheme: each subject's result with its groups, indicators and trace.",
  "score-totals": "Score subjects by a scheme, totals only (the fast path for large batches).",
  rank: "Rank scores (or subjects scored by a scheme).",
  tiers: "Rank and place in tiers by a tier policy (好/中/差 …), with each placement's reasons.",
  "last-place": "Rank and deduct points from the last places by a last-place policy.",
  explain: "Score subjects and explain each result in words (zh-CN or en by Accept-Language).",
  tasks: "Allocate grabbed tasks by a task board, and credit completed ones.",
  cascade: "Cascade a plan's targets down an organization tree, and roll units' results up.",
  account: "Sum growth-account entries: each person's totals by component for a period.",
  roadmap: "A roadmap's progress as of a day: each indicator's and owner's milestones, ahead, on time or behind by the exact gap, and the timetable score.",
  board: "A unit's monthly board (三晒): results with their change from last month, shortfalls with their gaps, next month's plans.",
  compare: "Compare a reform with today's rules: each person's totals, ranks and tiers under both, the change and its causes, the tier transitions, both distributions, and why each person who changed tiers did.",
  annual: "A year's results from growth-account entries: each person's summary, the ranking within peer groups, and the tiers.",
  verify: "Run a scenario document (rules inline or by id) and report each case.",
};

const ID_TEXT = "The id of a rule document loaded from the rules folder (GET /v1/rules lists them).";

/** A generated schema with its file references pointing at the document's components, and a rule's text meaning an id. */
function localRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localRefs);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // The dialect is the document's (jsonSchemaDialect); a property named $schema stays.
    if (k === "$schema" && typeof v === "string") continue;
    if (k === "$ref" && typeof v === "string" && COMPONENT[v]) out[k] = `#/components/schemas/${COMPONENT[v]}`;
    else if (k === "description" && typeof v === "string" && v.startsWith("The path of a JSON or YAML file")) out[k] = ID_TEXT;
    else if (k === "description" && typeof v === "string" && v.endsWith(", or the path of its file.")) out[k] = v.replace(/, or the path of its file\.$/, ", or the id of one loaded from the rules folder.");
    else out[k] = localRefs(v);
  }
  return out;
}

/** The JSON Schemas of inputs as a request gives them: inline only (a scenario file may give a path instead). */
const inlineJson = new WeakMap<object, Record<string, unknown>>();
const inlined = new WeakMap<object, ZodType>();

/** The inputs whose items the library checks with a schema of their own: shown by it. */
const LIBRARY_INPUTS: Readonly<Record<string, ZodType>> = { subjects: z.array(subjectSchema).max(MAX_BATCH), staff: staffSchema, completions: completionsSchema };

/** An input field of a scenario case as a request takes it: its data, never a path or an id. */
function inline(field: ZodType, name: string): ZodType {
  const json = documentJsonSchemas.get(field);
  if (!json) return field;
  if (Object.prototype.hasOwnProperty.call(LIBRARY_INPUTS, name)) return LIBRARY_INPUTS[name]!.describe(String(json.description));
  let stand = inlined.get(field);
  if (!stand) {
    stand = z.unknown();
    const data = (json.anyOf as Record<string, unknown>[] | undefined)?.[1] ?? {};
    inlineJson.set(stand, { description: json.description, ...data });
    inlined.set(field, stand);
  }
  return stand;
}

/** The JSON Schema of each stand-in field: a request's inline inputs, then the scenario's documents. */
const ownJson = new (class extends WeakMap<object, Record<string, unknown>> {
  override get(key: object) {
    return inlineJson.get(key) ?? documentJsonSchemas.get(key);
  }
})();

/** The zod schema of an operation's request: the scenario case's rules and input it is made of. @internal */
export function requestSchema(operation: Exclude<Operation, "verify">): ZodType {
  if (operation === "annual")
    return z
      .strictObject({
        input: z.strictObject({ entries: inline(RUN_FIELDS.account.input.entries, "entries"), timeZone: RUN_FIELDS.account.input.timeZone.optional() }),
        options: annualOptionsSchema.extend({ tiers: z.union([z.string().min(1).max(200).describe(ID_TEXT), tierPolicySchema]) }),
      })
      .describe(`${SUMMARY.annual} The options are annualResults' (year, people, tiers, rank, asOf, datedThrough, components, aggregate); tiers is the tier policy or the id of one loaded from the rules folder.`);
  if (operation === "compare") {
    // Each side is what assess takes: the rules of a tiers run, with a last-place policy.
    const side = z.strictObject({
      scheme: RUN_FIELDS.tiers.rules.scheme.optional(),
      rank: RUN_FIELDS.tiers.rules.rank.optional(),
      lastPlace: RUN_FIELDS["last-place"].rules.lastPlace.optional(),
      tierPolicy: RUN_FIELDS.tiers.rules.tierPolicy.optional(),
    });
    return z
      .strictObject({
        baseline: side,
        reform: side,
        input: z.union([
          z.strictObject({ subjects: inline(RUN_FIELDS.score.input.subjects, "subjects"), options: RUN_FIELDS.score.input.options }),
          z.strictObject({ scores: z.array(z.unknown()).describe("Scores to rank: a list of { subjectId, total, group?, attributes?, vetoes?, flags? }.") }),
        ]),
        options: compareOptionsSchema,
      })
      .describe(`${SUMMARY.compare} Requires baseline, reform and input (subjects with each side's scheme, or scores). A rule is the document itself or the id of one loaded from the rules folder.`);
  }
  const fields = RUN_FIELDS[RUN_OF[operation]];
  const optional = (shape: Record<string, ZodType>) => Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()]));
  const required = fields.required.length > 0 ? ` Requires ${fields.required.join(", ")}.` : "";
  return z
    .strictObject({
      rules: z.strictObject(optional(fields.rules)).optional(),
      input: z.strictObject(optional(Object.fromEntries(Object.entries(fields.input as Record<string, ZodType>).map(([k, v]) => [k, inline(v, k)])))).optional(),
      ...(operation === "explain" ? { subjects: z.array(z.string().min(1).max(200)).max(10_000).optional().describe("The subjects to explain, by id (default: all).") } : {}),
    })
    .describe(`${SUMMARY[operation]}${required} A rule is the document itself or the id of one loaded from the rules folder.`);
}

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

const json = (schema: Record<string, unknown>) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });

/**
 * The OpenAPI 3.1 document of the service: every operation with its request schema made from the
 * zod schemas the library validates with (the same as docs/schema), its responses, and the limits.
 * @internal
 */
export function openApiDocument(version: string, limits: ServerLimits): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const [file, make] of Object.entries(SCHEMA_FILES)) schemas[COMPONENT[file]!] = localRefs(make());
  schemas.Error = {
    type: "object",
    required: ["error", "requestId"],
    properties: {
      error: {
        type: "object",
        required: ["status", "message", "issues"],
        properties: {
          status: { type: "integer" },
          message: { type: "string", description: "What went wrong, in the language of Accept-Language (zh-CN by default)." },
          issues: {
            type: "array",
            items: {
              type: "object",
              required: ["code", "path", "params", "message"],
              properties: {
                code: { type: "string", description: "The issue's code (invalid_type, required, out_of_range …), as the library gives it." },
                path: { type: "array", items: { type: ["string", "integer"] }, description: "Where in the request body." },
                params: { type: "object", required: ["key"], properties: { key: { type: "string" } }, description: "The message's catalog key and parameters." },
                message: { type: "string", description: "The issue in words, in the language of Accept-Language." },
              },
            },
          },
        },
      },
      requestId: { type: "string" },
    },
  };
  const paths: Record<string, unknown> = {};
  const common = {
    "400": errorResponse("The request is not valid: every issue with its path."),
    "413": errorResponse(`The body is larger than ${limits.maxBodyBytes} bytes.`),
    "415": errorResponse("The body is not JSON (Content-Type: application/json)."),
    "503": errorResponse("Busy, timed out or shutting down: try again later (Retry-After)."),
  };
  for (const operation of OPERATIONS) {
    const name = `${pascal(operation)}Request`;
    schemas[name] = operation === "verify" ? ref("Scenario") : localRefs(jsonSchemaOf(requestSchema(operation), name, ownJson));
    paths[`/v1/${operation}`] = {
      post: {
        operationId: operation.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
        summary: SUMMARY[operation],
        parameters: [{ $ref: "#/components/parameters/AcceptLanguage" }],
        requestBody: { required: true, content: json(ref(name)) },
        responses: { "200": { description: "The result.", content: json({ type: "object" }) }, ...common },
      },
    };
  }
  paths["/v1/rules"] = { get: { operationId: "rules", summary: "The rule documents loaded from the rules folder: id, kind and file.", responses: { "200": { description: "The rules.", content: json({ type: "object" }) } } } };
  paths["/health"] = { get: { operationId: "health", summary: "Whether the service is up, its rules' version and its load.", responses: { "200": { description: "Up.", content: json({ type: "object" }) } } } };
  paths["/openapi.json"] = { get: { operationId: "openapi", summary: "This document.", responses: { "200": { description: "OpenAPI 3.1.", content: json({ type: "object" }) } } } };
  paths["/schemas/{file}"] = {
    get: {
      operationId: "schema",
      summary: "A published JSON Schema (draft 2020-12) of a rule document, as in docs/schema.",
      parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", enum: Object.keys(SCHEMA_FILES) } }],
      responses: { "200": { description: "The JSON Schema.", content: json({ type: "object" }) }, "404": errorResponse("No such schema.") },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "jixiao",
      version,
      description: `Exact, explainable performance scoring over HTTP. Limits: bodies up to ${limits.maxBodyBytes} bytes, lists up to ${limits.maxItems} items, ${limits.maxConcurrent} requests at once.`,
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas,
      parameters: {
        AcceptLanguage: { name: "Accept-Language", in: "header", required: false, schema: { type: "string" }, description: "zh (default) or en: the language of messages and explanations." },
      },
    },
  };
}
