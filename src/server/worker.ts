/// <reference types="node" />
/**
 * A worker thread of `jixiao serve`: answers the requests the pool gives it (a large batch's
 * parsing, checking, scoring and JSON writing all happen here, off the event loop that answers
 * `/health`), with the rule documents the pool sends it on start and on each reload.
 */
import { parentPort } from "node:worker_threads";
import { answer, type Operation } from "./api.js";
import { ruleSetOf, type RuleSet } from "./rules.js";
import type { Locale } from "../messages/types.js";

/** A message from the pool: the rules, or a request to answer. @internal */
export type ToWorker =
  | { readonly type: "rules"; readonly version: number; readonly documents: readonly { kind: string; id: string; file: string; data: unknown }[] }
  | { readonly type: "job"; readonly job: number; readonly operation: Operation; readonly bytes: Uint8Array; readonly locale: Locale; readonly maxItems: number; readonly requestId: string };

let rules: RuleSet = { documents: new Map(), version: 0 };

parentPort?.on("message", (message: ToWorker) => {
  if (message.type === "rules") {
    rules = ruleSetOf(message.documents as Parameters<typeof ruleSetOf>[0], message.version);
    return;
  }
  const { job, operation, bytes, locale, maxItems, requestId } = message;
  const response = answer(operation, bytes, { rules, locale, maxItems }, requestId);
  parentPort!.postMessage({ job, response });
});
parentPort?.postMessage({ ready: true });
