/// <reference types="node" />
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { issue, IssueCode, isJixiaoError, type Issue } from "../core/errors.js";
import { functionSchema, parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import type { Locale } from "../messages/types.js";
import { answer, errorBody, OPERATIONS, type ApiResponse, type Operation } from "./api.js";
import { DEFAULT_LIMITS, type ServerLimits } from "./limits.js";
import { openApiDocument, SCHEMA_FILES } from "./openapi.js";
import { WorkerPool } from "./pool.js";
import { loadRules, watchRules, type RuleKind, type RuleSet } from "./rules.js";
import packageJson from "../../package.json" with { type: "json" };

/** Options for {@link startServer}. */
export interface ServerOptions {
  /** The rules folder: its rule documents may be named by id in requests, and are reloaded when a file changes (see {@link JixiaoServer.reload}). Without it, rules are sent inline. */
  readonly rules?: string;
  /** The address to listen on. Default `127.0.0.1`: only this machine (put a reverse proxy in front to serve others). */
  readonly host?: string;
  /** The port. Default 8080; 0 picks a free one ({@link JixiaoServer.url} says which). */
  readonly port?: number;
  /** Limits to change from their defaults. */
  readonly limits?: Partial<ServerLimits>;
  /** Whether to reload the rules when a file of the folder changes. Default `true`. */
  readonly watch?: boolean;
  /** Where each access-log and event line goes (JSON, one object a line). Default: nowhere. */
  readonly log?: (line: string) => void;
}

/** A rule document the service has loaded from its rules folder. */
export interface LoadedRule {
  /** Its id, by which a request names it: the document's `id`, or its file's name before the kind. */
  readonly id: string;
  /** Its kind, the field of a request's `rules` that may name it: `scheme`, `tierPolicy`, `lastPlace`, `board` or `plan`. */
  readonly kind: RuleKind;
  /** Its file, in the rules folder. */
  readonly file: string;
}

/** A running service. */
export interface JixiaoServer {
  /** The address it answers at: `http://127.0.0.1:8080`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The limits in force. */
  readonly limits: ServerLimits;
  /** The Node HTTP server, for what this interface does not cover. */
  readonly server: Server;
  /**
   * Loads the rules folder again; the new rules answer the requests that come after. When a file
   * cannot be read or is not valid, the rules in use stay, and the issues are logged and returned.
   */
  reload(): readonly Issue[];
  /** The rule documents in use: each one's id, kind and file. */
  rules(): readonly LoadedRule[];
  /**
   * Stops taking requests, lets those in flight finish (up to `shutdownGraceMs`), then closes every
   * connection and worker. Safe to call more than once.
   */
  close(): Promise<void>;
}

const limitsSchema = z.strictObject({
  maxBodyBytes: z.number().int().min(1024).max(2 ** 31 - 1).optional(),
  maxItems: z.number().int().min(1).max(2_000_000).optional(),
  maxConcurrent: z.number().int().min(1).max(100_000).optional(),
  headersTimeoutMs: z.number().int().min(100).max(3_600_000).optional(),
  requestTimeoutMs: z.number().int().min(100).max(3_600_000).optional(),
  jobTimeoutMs: z.number().int().min(100).max(86_400_000).optional(),
  keepAliveTimeoutMs: z.number().int().min(0).max(3_600_000).optional(),
  workerBytes: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  workers: z.number().int().min(0).max(64).optional(),
  shutdownGraceMs: z.number().int().min(0).max(3_600_000).optional(),
});
const optionsSchema = z.strictObject({
  rules: z.string().min(1).max(4000).optional(),
  host: z.string().min(1).max(255).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  limits: limitsSchema.optional(),
  watch: z.boolean().optional(),
  log: functionSchema<(line: string) => void>().optional(),
});

/**
 * The language a request asks for by `Accept-Language`: English when it prefers `en` to any
 * Chinese, Chinese otherwise (and by default).
 * @example
 * ```ts
 * requestLocale("en-US,en;q=0.9,zh;q=0.5");
 * //=> "en"
 * requestLocale(undefined);
 * //=> "zh-CN"
 * ```
 * @internal
 */
export function requestLocale(header: string | undefined): Locale {
  if (!header) return "zh-CN";
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.slice(0, 1000).split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const qText = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qText === undefined ? 1 : Number(qText.slice(2));
    if (!(q > 0)) continue;
    const locale: Locale | undefined = /^zh(-|$)/.test(tag) ? "zh-CN" : /^en(-|$)/.test(tag) ? "en" : undefined;
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? "zh-CN";
}

/** A request id a client may give (`X-Request-Id`): short, of safe characters; any other is replaced. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Whether a content type is JSON in UTF-8 (`application/json`, `…+json`; a charset, if any, UTF-8). */
function isJson(type: string | undefined): boolean {
  if (!type) return false;
  const [media = "", ...params] = type.toLowerCase().split(";").map((s) => s.trim());
  if (media !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(media)) return false;
  const charset = params.find((p) => p.startsWith("charset="));
  return charset === undefined || /^charset="?utf-8"?$/.test(charset);
}

/**
 * Starts the HTTP JSON API over the library (`jixiao serve` runs it): `POST /v1/<operation>` for
 * each capability, `GET /health`, `GET /openapi.json`, `GET /schemas/<file>`, `GET /v1/rules`.
 * docs/guide/server.md describes the API, its errors and its limits.
 *
 * @param options - the rules folder, the address, the limits, where the log goes.
 * @returns the running service, once it listens.
 * @throws {@link index!JixiaoError} when the options are not valid or the rules folder cannot be loaded (every issue listed).
 * @example
 * ```ts
 * const service = await startServer({ rules: "examples/rules", port: 0 });
 * const response = await fetch(`${service.url}/v1/score`, {
 *   method: "POST",
 *   headers: { "content-type": "application/json" },
 *   body: JSON.stringify({ rules: { scheme: "county-personal-2024Q3" }, input: { subjects: [] } }),
 * });
 * (await response.json()).results;
 * //=> []
 * await service.close();
 * ```
 */
export async function startServer(options: ServerOptions = {}): Promise<JixiaoServer> {
  const o = parseWith(optionsSchema, options, "Server options are not valid", ["options"]) as ServerOptions;
  const limits: ServerLimits = { ...DEFAULT_LIMITS, workers: Math.max(1, Math.min(4, availableParallelism() - 1)), ...o.limits };
  const log = o.log ?? (() => {});
  const folder = o.rules === undefined ? undefined : resolve(o.rules);
  let rules: RuleSet = folder ? loadRules(folder) : { documents: new Map(), version: 0 };
  const pool = limits.workers > 0 ? new WorkerPool(limits.workers, rules, limits.jobTimeoutMs) : undefined;
  const version: string = packageJson.version;
  const openapi = JSON.stringify(openApiDocument(version, limits));
  const schemas = new Map(Object.entries(SCHEMA_FILES).map(([file, make]) => [file, JSON.stringify(make())]));
  let inFlight = 0;
  let closing: Promise<void> | undefined;
  const event = (fields: Record<string, unknown>) => log(JSON.stringify({ time: new Date().toISOString(), ...fields }));

  const reload = (): readonly Issue[] => {
    if (!folder) return [];
    try {
      rules = loadRules(folder, rules.version + 1);
    } catch (error) {
      if (!isJixiaoError(error)) throw error;
      event({ event: "rules", ok: false, version: rules.version, issues: error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })) });
      return error.issues;
    }
    pool?.setRules(rules);
    event({ event: "rules", ok: true, version: rules.version, ids: [...rules.documents.keys()] });
    return [];
  };
  const listed = (): LoadedRule[] => [...rules.documents.values()].map((d) => ({ id: d.id, kind: d.kind, file: d.file }));
  const unwatch = folder && o.watch !== false ? watchRules(folder, () => void reload()) : () => {};

  async function handle(req: IncomingMessage, res: ServerResponse, id: string, locale: Locale): Promise<ApiResponse> {
    // The path, without the query (which no endpoint reads); a target that is no URL path has none.
    const target = req.url ?? "/";
    const path = target.startsWith("/") ? target.split("?")[0]! : "";
    const method = req.method ?? "GET";
    const fail = (status: number, issues: Issue[]): ApiResponse => ({ status, body: errorBody(status, issues, locale, id) });
    const get = (body: () => string): ApiResponse => {
      if (method !== "GET" && method !== "HEAD") {
        res.setHeader("Allow", "GET, HEAD");
        return fail(405, [issue(IssueCode.invalidOption, [], { key: "serverMethod", method, allowed: ["GET", "HEAD"] })]);
      }
      return { status: 200, body: body() };
    };
    if (path === "/health")
      return get(() => JSON.stringify({ status: "ok", version, rules: { version: rules.version, count: rules.documents.size }, inFlight, workers: pool ? { size: pool.size, ...pool.load } : null }));
    if (path === "/openapi.json") return get(() => openapi);
    if (path === "/v1/rules") return get(() => JSON.stringify({ version: rules.version, rules: listed() }));
    if (path === "/schemas" || path === "/schemas/") return get(() => JSON.stringify({ schemas: [...schemas.keys()] }));
    if (path.startsWith("/schemas/")) {
      const file = path.slice("/schemas/".length);
      const text = schemas.get(file) ?? schemas.get(`${file}.schema.json`);
      if (text !== undefined) return get(() => text);
    }
    const operation = path.startsWith("/v1/") ? (path.slice(4) as Operation) : undefined;
    if (!operation || !(OPERATIONS as readonly string[]).includes(operation)) return fail(404, [issue(IssueCode.invalidInput, [], { key: "serverNotFound", path: path.slice(0, 200) })]);
    if (method !== "POST") {
      res.setHeader("Allow", "POST");
      return fail(405, [issue(IssueCode.invalidOption, [], { key: "serverMethod", method, allowed: ["POST"] })]);
    }
    if (!isJson(req.headers["content-type"]))
      return fail(415, [issue(IssueCode.invalidInput, [], { key: "serverContentType", received: (req.headers["content-type"] ?? "").slice(0, 100) })]);
    const tooLarge = () => fail(413, [issue(IssueCode.outOfRange, [], { key: "serverBodyTooLarge", limit: limits.maxBodyBytes })]);
    const declared = Number(req.headers["content-length"]);
    if (declared > limits.maxBodyBytes) return tooLarge();
    const bytes = await readBody(req, limits.maxBodyBytes);
    if (bytes === "too large") return tooLarge();
    if (bytes === "aborted") return { status: 499, body: "" };
    if (!pool || bytes.length < limits.workerBytes) return answer(operation, bytes, { rules, locale, maxItems: limits.maxItems }, id);
    const result = await pool.run(operation, bytes, locale, limits.maxItems, id);
    if ("timeout" in result) return fail(503, [issue(IssueCode.outOfRange, [], { key: "serverTimeout", seconds: limits.jobTimeoutMs / 1000 })]);
    if ("crashed" in result) return { ...fail(500, [issue(IssueCode.invalidInput, [], { key: "serverUnexpected", id })]), fault: result.crashed } as ApiResponse;
    return result;
  }

  const server = createServer(
    {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often connections are checked against the two timeouts above.
      connectionsCheckingInterval: Math.max(50, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4),
    },
    (req, res) => {
      const started = process.hrtime.bigint();
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && SAFE_ID.test(given) ? given : randomUUID();
      const locale = requestLocale(req.headers["accept-language"]);
      const send = (r: ApiResponse & { fault?: string }) => {
        if (r.status === 499) {
          // The client went away before its body was in: nothing to answer.
          req.socket.destroy();
          return event({ id, method: req.method, path: (req.url ?? "").split("?")[0]!.slice(0, 200), status: 499 });
        }
        const body = Buffer.from(r.body, "utf8");
        res.statusCode = r.status;
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.setHeader("Content-Length", body.length);
        res.setHeader("X-Request-Id", id);
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (r.status === 503) res.setHeader("Retry-After", "1");
        // A body not read to its end (refused early) cannot leave the connection in a known state.
        if (!req.complete || closing) res.setHeader("Connection", "close");
        res.end(body);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        // Ids only: the request's, the rules' — never a name, a value or an address.
        event({ id, method: req.method, path: (req.url ?? "").split("?")[0]!.slice(0, 200), status: r.status, ms: Math.round(ms * 10) / 10, bytes: body.length, ...(r.rules && r.rules.length > 0 ? { rules: [...new Set(r.rules)] } : {}), ...(r.fault ? { fault: r.fault } : {}) });
      };
      if (closing) return send({ status: 503, body: errorBody(503, [issue(IssueCode.invalidInput, [], { key: "serverClosing" })], locale, id) });
      // The limit is on work: reading /health, the documents and the rules list costs nothing, and stays open under load.
      if (req.method === "POST" && inFlight >= limits.maxConcurrent)
        return send({ status: 503, body: errorBody(503, [issue(IssueCode.outOfRange, [], { key: "serverBusy", limit: limits.maxConcurrent })], locale, id) });
      const counted = req.method === "POST";
      if (counted) inFlight++;
      handle(req, res, id, locale)
        .catch((error: unknown) => ({
          status: 500,
          body: errorBody(500, [issue(IssueCode.invalidInput, [], { key: "serverUnexpected", id })], locale, id),
          fault: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown",
        }))
        .then(send)
        .finally(() => counted && inFlight--);
    },
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    // Headers too large, too slow, or not HTTP: answered without a word about the server, then closed.
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    if (socket.writable && !socket.destroyed) socket.end(`HTTP/1.1 ${status} ${status === 408 ? "Request Timeout" : status === 431 ? "Request Header Fields Too Large" : "Bad Request"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
    event({ event: "client-error", status, code: error.code ?? "unknown" });
  });

  await new Promise<void>((done, failed) => {
    server.once("error", failed);
    server.listen(o.port ?? 8080, o.host ?? "127.0.0.1", () => {
      server.off("error", failed);
      done();
    });
  }).catch(async (error: unknown) => {
    unwatch();
    await pool?.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  event({ event: "listening", url, rules: rules.documents.size, workers: limits.workers });

  const close = () =>
    (closing ??= (async () => {
      unwatch();
      event({ event: "closing", inFlight });
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), limits.shutdownGraceMs);
      // Connections kept alive close as soon as their request is answered (Connection: close).
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      await closed;
      clearTimeout(grace);
      clearInterval(idle);
      await pool?.close();
      event({ event: "closed" });
    })());

  return { url, port: address.port, limits, server, reload, rules: listed, close };
}

/** A request's body, up to a size; what stops it otherwise. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too large" | "aborted"> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        done("too large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) done(Buffer.concat(chunks, size));
    });
    req.on("error", () => done("aborted"));
    req.on("aborted", () => done("aborted"));
  });
}
