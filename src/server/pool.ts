/// <reference types="node" />
import { Worker } from "node:worker_threads";
import type { Locale } from "../messages/types.js";
import type { ApiResponse, Operation } from "./api.js";
import type { RuleSet } from "./rules.js";
import type { ToWorker } from "./worker.js";

/** A response from a worker, or why there is none. @internal */
export type PoolResult = (ApiResponse & { readonly fault?: string }) | { readonly timeout: true } | { readonly crashed: string };

interface Job {
  readonly message: Extract<ToWorker, { type: "job" }>;
  readonly done: (result: PoolResult) => void;
}

interface Slot {
  worker: Worker;
  /** Whether its code is loaded: a job's time starts once it is given to a ready worker. */
  ready: boolean;
  job?: Job | undefined;
  timer?: NodeJS.Timeout;
}

/** Where the worker's code is: beside this module, as TypeScript (run through tsx, in development and tests) or as the built file. */
function spawn(): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    const url = new URL("./worker.ts", here).href;
    return new Worker(`import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
  }
  return new Worker(new URL(here.endsWith(".cjs") ? "./server-worker.cjs" : "./server-worker.js", here));
}

/**
 * A fixed number of worker threads answering large requests one at a time each, the rest waiting
 * in order. A job that runs beyond its time has its worker ended (and a new one started): the
 * request gets a timeout, and the other workers go on.
 * @internal
 */
export class WorkerPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #rules: Extract<ToWorker, { type: "rules" }>;
  #next = 0;
  #closed = false;

  constructor(
    readonly size: number,
    rules: RuleSet,
    readonly timeoutMs: number,
  ) {
    this.#rules = rulesMessage(rules);
    // Started now, so that the first large request does not wait for a worker to load.
    for (let i = 0; i < size; i++) this.#start();
  }

  /** Sends the rules to every worker (and to those started later). */
  setRules(rules: RuleSet): void {
    this.#rules = rulesMessage(rules);
    for (const s of this.#slots) s.worker.postMessage(this.#rules);
  }

  /** How many jobs are running and waiting. */
  get load(): { readonly ready: number; readonly running: number; readonly waiting: number } {
    return { ready: this.#slots.filter((s) => s.ready).length, running: this.#slots.filter((s) => s.job).length, waiting: this.#queue.length };
  }

  /** Answers a request in a worker. The bytes are moved to the worker, not copied. */
  run(operation: Operation, bytes: Uint8Array, locale: Locale, maxItems: number, requestId: string): Promise<PoolResult> {
    // A buffer of its own, to be moved (a small Buffer may share its memory with others).
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    return new Promise((done) => {
      this.#queue.push({ message: { type: "job", job: this.#next++, operation, bytes: own, locale, maxItems, requestId }, done });
      this.#pump();
    });
  }

  #start(): Slot {
    const slot: Slot = { worker: spawn(), ready: false };
    slot.worker.postMessage(this.#rules);
    slot.worker.on("message", (m: { ready: true } | { job: number; response: ApiResponse }) => {
      if ("ready" in m) {
        slot.ready = true;
        this.#pump();
      } else if (slot.job?.message.job === m.job) this.#finish(slot, m.response);
    });
    // A worker that dies with a job (out of memory, say) fails that job only; a new worker takes its place.
    slot.worker.on("error", (e) => this.#replace(slot, { crashed: e instanceof Error ? e.message : String(e) }));
    slot.worker.on("exit", () => this.#replace(slot, { crashed: "exit" }));
    this.#slots.push(slot);
    return slot;
  }

  #finish(slot: Slot, result: PoolResult) {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    job?.done(result);
    this.#pump();
  }

  #replace(slot: Slot, result: PoolResult) {
    const i = this.#slots.indexOf(slot);
    if (i < 0) return;
    this.#slots.splice(i, 1);
    clearTimeout(slot.timer);
    slot.job?.done(result);
    slot.job = undefined;
    void slot.worker.terminate();
    if (!this.#closed) this.#pump();
  }

  #pump() {
    if (this.#closed) return;
    while (this.#queue.length > 0) {
      if (this.#slots.length < this.size) this.#start();
      const slot = this.#slots.find((s) => s.ready && !s.job);
      if (!slot) return;
      const job = this.#queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.#replace(slot, { timeout: true }), this.timeoutMs);
      slot.worker.postMessage(job.message, [job.message.bytes.buffer as ArrayBuffer]);
    }
  }

  /** Ends every worker; jobs still waiting get a timeout. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.done({ timeout: true });
    const slots = this.#slots.splice(0);
    for (const s of slots) {
      clearTimeout(s.timer);
      s.job?.done({ timeout: true });
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

const rulesMessage = (rules: RuleSet): Extract<ToWorker, { type: "rules" }> => ({
  type: "rules",
  version: rules.version,
  documents: [...rules.documents.values()].map((d) => ({ kind: d.kind, id: d.id, file: d.file, data: d.data })),
});
