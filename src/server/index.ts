/// <reference types="node" />
/**
 * jixiao as an HTTP service (`jixiao/server`, Node only): a JSON API over the library, with rule
 * documents loaded from a folder by id, its OpenAPI 3.1 document, limits, worker threads for large
 * batches and a graceful shutdown. `jixiao serve` runs it; docs/guide/server.md describes it.
 * @packageDocumentation
 */
export { startServer, requestLocale } from "./http.js";
export type { JixiaoServer, LoadedRule, ServerOptions } from "./http.js";
export type { RuleKind } from "./rules.js";
export type { ServerLimits } from "./limits.js";
export { OPERATIONS } from "./api.js";
export type { Operation } from "./api.js";
