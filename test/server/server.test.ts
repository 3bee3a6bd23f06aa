import { readdirSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toDec } from "../../src/core/decimal.js";
import { formatPath } from "../../src/core/errors.js";
import { readData } from "../../src/node/files.js";
import { startServer, type JixiaoServer } from "../../src/server/index.js";
import { compare } from "../../src/verify/compare.js";
import { parsePath, valueAt, type Segment } from "../../src/verify/path.js";
import type { ScenarioDocument } from "../../src/verify/scenario.js";

const RULES = resolve("examples/rules");
const SCENARIOS = resolve("examples/scenarios");
const subjects = readData(join(RULES, "subjects.json")) as { id: string }[];

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: any;
}

/** A request over a real connection to the service. */
function send(base: string, path: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(`${base}${path}`, { method: init.method ?? (init.body === undefined ? "GET" : "POST"), headers: { "content-type": "application/json", ...init.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        done({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on("error", fail);
    req.end(init.body);
  });
}

const post = (base: string, operation: string, body: unknown, lang = "zh-CN") => send(base, `/v1/${operation}`, { body: JSON.stringify(body), headers: { "accept-language": lang } });

let service: JixiaoServer;
const logs: any[] = [];

beforeAll(async () => {
  service = await startServer({ rules: RULES, port: 0, watch: false, limits: { workers: 1 }, log: (line) => logs.push(JSON.parse(line)) });
});
afterAll(() => service.close());

/** A scenario case's rules named by id where its file gives a path, its inputs read from their files. */
function asRequest(c: { rules?: Record<string, unknown>; input?: Record<string, unknown> }, ids: Map<string, string>) {
  const rules = Object.fromEntries(Object.entries(c.rules ?? {}).map(([k, v]) => [k, typeof v === "string" && ids.has(v.split("/").pop()!) ? ids.get(v.split("/").pop()!) : v]));
  const input = Object.fromEntries(Object.entries(c.input ?? {}).map(([k, v]) => [k, typeof v === "string" && v.startsWith("../") ? readData(resolve(SCENARIOS, v)) : v]));
  return { ...(c.rules ? { rules } : {}), ...(c.input ? { input } : {}) };
}

describe("jixiao serve: the operations", () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith(".yaml"));

  it("answers every case of the example scenarios as the scenario expects, its rules named by id", async () => {
    const listed = (await send(service.url, "/v1/rules")).json.rules as { id: string; file: string }[];
    const ids = new Map(listed.map((r) => [r.file, r.id]));
    let checked = 0;
    for (const file of files) {
      const doc = readData(join(SCENARIOS, file)) as ScenarioDocument;
      for (const c of doc.cases) {
        const reply = await post(service.url, c.run, asRequest(c as never, ids));
        // A case that expects its input refused gets 400, its issues as the library gives them (a scenario writes their paths as text).
        const refused = Object.keys(c.expect).some((k) => k.startsWith("error"));
        expect(reply.status, `${file}: ${c.name}: ${reply.text.slice(0, 300)}`).toBe(refused ? 400 : 200);
        const output = refused ? { error: { issues: reply.json.error.issues.map((i: any) => ({ ...i, path: formatPath(i.path) })) } } : reply.json;
        for (const [path, expected] of Object.entries(c.expect)) {
          const segments = parsePath(path) as Segment[];
          const margin = c.margins?.[path] ?? c.margin;
          expect(compare(expected, valueAt(output, segments), margin === undefined ? undefined : toDec(margin)!), `${file}: ${c.name}: ${path}`).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("verifies a scenario document sent whole, its rules by id", async () => {
    const listed = (await send(service.url, "/v1/rules")).json.rules as { id: string; file: string }[];
    const ids = new Map(listed.map((r) => [r.file, r.id]));
    const doc = readData(join(SCENARIOS, "tiers.yaml")) as ScenarioDocument;
    const body = { ...doc, $schema: undefined, cases: doc.cases.map((c) => ({ ...c, ...asRequest(c as never, ids) })) };
    const reply = await post(service.url, "verify", body);
    expect(reply.status).toBe(200);
    expect(reply.json.passed).toBe(true);
    expect(reply.json.cases.length).toBe(doc.cases.length);
    // A case that fails is a report, not an error.
    const wrong = { cases: [{ name: "wrong", run: "rank", input: { scores: { a: 90, b: 95 } }, expect: { "ranks.a": 1 } }] };
    const failed = await post(service.url, "verify", wrong);
    expect(failed.status).toBe(200);
    expect(failed.json.passed).toBe(false);
  });

  it("scores with a scheme sent inline as with one named by id", async () => {
    const scheme = readData(join(RULES, "county-361.scheme.json"));
    const byId = await post(service.url, "score", { rules: { scheme: "county-personal-2024Q3" }, input: { subjects } });
    const inline = await post(service.url, "score", { rules: { scheme }, input: { subjects } });
    expect(byId.status).toBe(200);
    expect(inline.json).toEqual(byId.json);
    expect(byId.json.results.map((r: any) => r.exact)).toEqual(["86.3", "99.5", "57"]);
  });

  it("gives totals only from score-totals, the same as score's", async () => {
    const reply = await post(service.url, "score-totals", { rules: { scheme: "county-personal-2024Q3" }, input: { subjects } });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ totals: [{ subjectId: "c001", total: 86.3, exact: "86.3" }, { subjectId: "c002", total: 99.5, exact: "99.5" }, { subjectId: "c003", total: 57, exact: "57" }] });
  });

  it("explains in the language Accept-Language asks for", async () => {
    const body = { rules: { scheme: "county-personal-2024Q3" }, input: { subjects }, subjects: ["c001"] };
    const zh = await post(service.url, "explain", body);
    const en = await post(service.url, "explain", body, "en-US,en;q=0.9,zh;q=0.3");
    expect(Object.keys(zh.json.explanations)).toEqual(["c001"]);
    expect(zh.json.explanations.c001).toContain("共性指标：25.5 / 30");
    expect(en.json.explanations.c001).toMatch(/^张伟 \(c001\)/);
    expect(en.json.explanations.c001).not.toContain("共性指标：");
    const unknown = await post(service.url, "explain", { ...body, subjects: ["c009"] }, "en");
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0]).toMatchObject({ code: "unknown_id", path: ["subjects", 0] });
  });
});

describe("jixiao serve: annual results", () => {
  // Ten people, 95 points down to 50: 好 20% is two, 差 10% is one.
  const entries = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, person: `c${String(i + 1).padStart(2, "0")}`, date: "2024-06-30", component: "everyday", points: 95 - i * 5, source: "月度考核" }));
  const people = entries.map((e) => ({ id: e.person }));

  it("ranks and places a year's accounts in tiers, the tier policy by id or inline", async () => {
    const byId = await post(service.url, "annual", { input: { entries }, options: { year: "2024", people, tiers: "tiers-20-10-example" } });
    expect(byId.status, byId.text).toBe(200);
    expect(byId.json.tiers.placements.map((p: any) => p.tier)).toEqual(["好", "好", "中", "中", "中", "中", "中", "中", "中", "差"]);
    expect(byId.json.summaries.map((x: any) => x.total)).toEqual([95, 90, 85, 80, 75, 70, 65, 60, 55, 50]);
    const inline = await post(service.url, "annual", { input: { entries }, options: { year: "2024", people, tiers: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1 }], vetoTier: "差" } } });
    expect(inline.json.tiers.placements).toEqual(byId.json.tiers.placements);
  });

  it("places each issue where the request has it", async () => {
    const bad = await post(service.url, "annual", { input: { entries: [{ ...entries[0], points: "many" }] }, options: { year: "24", people, tiers: "nope" } }, "en");
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path.slice(0, 3)).toEqual(["input", "entries", 0]);
    const tiers = await post(service.url, "annual", { input: { entries }, options: { year: "2024", people, tiers: "nope" } }, "en");
    expect(tiers.json.error.issues[0]).toMatchObject({ path: ["options", "tiers"], params: { key: "serverUnknownRule", id: "nope" } });
    const policy = await post(service.url, "annual", { input: { entries }, options: { year: "2024", people, tiers: { tiers: [] } } }, "en");
    expect(policy.json.error.issues[0].path.slice(0, 2)).toEqual(["options", "tiers"]);
  });
});

describe("jixiao serve: a reform compared", () => {
  // Ten people of the example, one indicator varied so that each has a total of their own.
  const ten = Array.from({ length: 10 }, (_, i) => ({ ...subjects[i % 3], id: `p${i}`, values: { ...(subjects[i % 3] as any).values, political: 60 + i * 4 } }));

  it("compares today's rules with a reform, its rules by id or inline, and says why people moved", async () => {
    const reply = await post(service.url, "compare", {
      baseline: { scheme: "county-personal-2024Q3", tierPolicy: "tiers-20-10-example" },
      reform: { scheme: "county-personal-2024Q3", tierPolicy: { tiers: [{ name: "好", share: 0.3 }, { name: "中" }, { name: "差", share: 0.1 }], vetoTier: "差" }, lastPlace: "bottom-2" },
      input: { subjects: ten },
    });
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    expect(reply.json.people).toHaveLength(10);
    expect(reply.json.movedUp).toHaveLength(1);
    expect(Object.keys(reply.json.explanations)).toEqual([...reply.json.movedUp, ...reply.json.movedDown]);
    expect(reply.json.explanations[reply.json.movedUp[0]]).toMatch(/中 → 好/);
    const logged = logs.filter((l) => l.path === "/v1/compare").at(-1);
    expect(logged.rules).toEqual(["county-personal-2024Q3", "tiers-20-10-example", "bottom-2"]);
  });

  it("places a rule that is not loaded on its side", async () => {
    const reply = await post(service.url, "compare", { baseline: { scheme: "nope" }, reform: { scheme: "county-personal-2024Q3", lastPlace: "tiers-20-10-example" }, input: { subjects: ten } }, "en");
    expect(reply.status).toBe(400);
    expect(reply.json.error.issues.map((i: any) => [i.path, i.params.key])).toEqual([
      [["baseline", "scheme"], "serverUnknownRule"],
      [["reform", "lastPlace"], "serverRuleKind"],
    ]);
    const missing = await post(service.url, "compare", { baseline: {}, reform: {}, input: {} }, "en");
    expect(missing.status).toBe(400);
  });
});

describe("jixiao serve: errors as the library gives them", () => {
  it("answers bad input with 400 and every issue, with its path, in zh or en", async () => {
    const body = { rules: { scheme: "county-personal-2024Q3" }, input: { subjects: [{ id: "c001", values: { attendance: "many" } }, { name: "no id" }] } };
    const zh = await post(service.url, "score", body);
    const en = await post(service.url, "score", body, "en");
    expect(zh.status).toBe(400);
    expect(zh.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(zh.json.error.issues.length).toBeGreaterThanOrEqual(2);
    expect(zh.json.error.issues.map((i: any) => i.path[0])).toEqual(zh.json.error.issues.map(() => "input"));
    expect(zh.json.error.issues.map((i: any) => i.code)).toEqual(en.json.error.issues.map((i: any) => i.code));
    expect(zh.json.error.message).toMatch(/^请求有 \d+ 处问题$/);
    expect(en.json.error.message).toMatch(/^the request has \d+ issues$/);
    expect(zh.json.error.issues[0].message).not.toEqual(en.json.error.issues[0].message);
    expect(zh.json.requestId).toBe(zh.headers["x-request-id"]);
  });

  it("names a rule that is not loaded, or one of another kind", async () => {
    const missing = await post(service.url, "score", { rules: { scheme: "nope" }, input: { subjects } }, "en");
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues).toEqual([expect.objectContaining({ code: "unknown_id", path: ["rules", "scheme"], params: { key: "serverUnknownRule", id: "nope", ids: ["county-personal-2024Q3", "party-branch-index-example", "party-duty-quarter-example", "party-member-index-example"] } })]);
    const kind = await post(service.url, "score", { rules: { scheme: "tiers-20-10-example" }, input: { subjects } }, "en");
    expect(kind.json.error.issues[0].message).toBe('rules.scheme: "tiers-20-10-example" is a tier policy, where a scheme is wanted');
    const input = await post(service.url, "score", { rules: { scheme: "county-personal-2024Q3" }, input: { subjects: "subjects.json" } }, "en");
    expect(input.json.error.issues[0]).toMatchObject({ path: ["input", "subjects"], params: { key: "serverInputInline" } });
  });

  it("refuses what is not a request: unknown fields, a missing rule, malformed JSON, not UTF-8, an empty body", async () => {
    const unknown = await post(service.url, "score", { rules: {}, input: {}, extra: 1 }, "en");
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0]).toMatchObject({ code: "unknown_field", path: ["extra"] });
    const required = await post(service.url, "score", { input: { subjects } }, "en");
    expect(required.json.error.issues[0]).toMatchObject({ code: "required", path: ["rules", "scheme"] });
    const malformed = await send(service.url, "/v1/score", { body: '{"rules": {"scheme": "x"},\n  "input": [1, 2,, 3]}', headers: { "accept-language": "en" } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.issues[0]).toMatchObject({ code: "invalid_input", path: [], params: { key: "jsonSyntax", file: "body" } });
    const latin1 = await send(service.url, "/v1/score", { body: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]) });
    expect(latin1.json.error.issues[0].params.key).toBe("serverNotUtf8");
    const empty = await send(service.url, "/v1/score", { body: "" });
    expect(empty.status).toBe(400);
    expect(empty.json.error.issues[0].params.key).toBe("serverEmptyBody");
    const list = await post(service.url, "rank", [1, 2]);
    expect(list.status).toBe(400);
    expect(list.json.error.issues[0].code).toBe("invalid_type");
  });

  it("answers 415 for a body that is not JSON, 404 for no such endpoint, 405 for the wrong method", async () => {
    const text = await send(service.url, "/v1/score", { body: "{}", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.json.error.issues[0].params).toEqual({ key: "serverContentType", received: "text/plain" });
    const latin = await send(service.url, "/v1/score", { body: "{}", headers: { "content-type": "application/json; charset=iso-8859-1" } });
    expect(latin.status).toBe(415);
    expect((await send(service.url, "/v1/nothing", { body: "{}" })).status).toBe(404);
    expect((await send(service.url, "/", {})).status).toBe(404);
    // A request target that is not a path (an absolute URL, "*") is no endpoint either, never a fault.
    const star = await new Promise<string>((done) => {
      const socket = connect(service.port, "127.0.0.1", () => socket.write("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
      let text = "";
      socket.on("data", (d) => (text += d));
      socket.on("close", () => done(text));
    });
    expect(star).toMatch(/^HTTP\/1\.1 404 /);
    expect((await send(service.url, "/v1/score?x=1", { body: "{}" })).status).toBe(400);
    const get = await send(service.url, "/v1/score");
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("POST");
    const put = await send(service.url, "/health", { method: "PUT", body: "{}" });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET, HEAD");
  });

  it("never shows a stack trace: the log says what failed, the client gets the request id", async () => {
    // A rule sent inline with a getter that throws is read through the snapshot, so no error escapes; JSON
    // cannot carry one. What a client can send is data, and all of it is answered 200 or 400.
    const bodies = [null, 0, "x", [], { rules: null }, { rules: { scheme: [] } }, { input: { subjects: {} } }, { rules: { scheme: { __proto__: { id: 1 } } } }];
    for (const body of bodies) {
      const reply = await post(service.url, "score", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.text).not.toMatch(/\n\s+at |node_modules|src\//);
    }
    // Nesting far deeper than any document: refused by the snapshot's depth limit, at its path.
    for (const text of ["[".repeat(100_000) + "]".repeat(100_000), `{"rules":{"scheme":${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}}`]) {
      const reply = await send(service.url, "/v1/score", { body: text });
      expect(reply.status).toBe(400);
      expect(reply.json.error.issues[0].code).toBe("out_of_range");
    }
  });
});

describe("jixiao serve: a fault of the engine", () => {
  it("answers 500 with the request id only, and gives the fault to the log", async () => {
    const { answer } = await import("../../src/server/api.js");
    // A rule set that is not one: the lookup fails as a bug of the engine would.
    const r = answer("score", Buffer.from(JSON.stringify({ rules: { scheme: "x" }, input: { subjects: [] } })), { rules: null as never, locale: "en", maxItems: 10 }, "req-1");
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)).toEqual({
      error: { status: 500, message: "the request has 1 issue", issues: [{ code: "invalid_input", path: [], params: { key: "serverUnexpected", id: "req-1" }, message: expect.stringContaining("request req-1") }] },
      requestId: "req-1",
    });
    expect(r.body).not.toMatch(/TypeError|\n\s+at /);
    expect(r.fault).toMatch(/^TypeError: /);
  });
});

describe("jixiao serve: the documents", () => {
  it("answers /health with the rules' version and the load", async () => {
    const reply = await send(service.url, "/health");
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: "ok", rules: { version: 1, count: 10 }, workers: { size: 1 } });
  });

  it("serves each published JSON Schema, as docs/schema has it", async () => {
    const list = await send(service.url, "/schemas");
    expect(list.json.schemas).toContain("scheme.schema.json");
    for (const file of list.json.schemas as string[]) {
      const reply = await send(service.url, `/schemas/${file}`);
      expect(reply.json, file).toEqual(readData(resolve("docs/schema", file)));
    }
    expect((await send(service.url, "/schemas/tier-policy")).json.title).toBe("jixiao tier policy");
    expect((await send(service.url, "/schemas/nothing.schema.json")).status).toBe(404);
  });

  it("logs one JSON line per request, with ids and never the body", async () => {
    await post(service.url, "score", { rules: { scheme: "county-personal-2024Q3" }, input: { subjects } }, "en");
    const line = logs.filter((l) => l.path === "/v1/score" && l.status === 200).at(-1);
    expect(line).toMatchObject({ method: "POST", status: 200, rules: ["county-personal-2024Q3"] });
    expect(Object.keys(line).sort()).toEqual(["bytes", "id", "method", "ms", "path", "rules", "status", "time"]);
    expect(JSON.stringify(logs)).not.toContain("张伟");
  });

  it("keeps a client's request id when it is safe, and makes one otherwise", async () => {
    expect((await send(service.url, "/health", { headers: { "x-request-id": "abc-123" } })).headers["x-request-id"]).toBe("abc-123");
    expect((await send(service.url, "/health", { headers: { "x-request-id": "bad id" } })).headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
