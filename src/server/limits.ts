/** The limits of `jixiao serve`: each has a default, and each can be set (`startServer`'s `limits`, the command's options). */
export interface ServerLimits {
  /** The largest request body, in bytes (413 beyond it). Default 32 MiB: about 100,000 subjects of a 361 scheme. */
  readonly maxBodyBytes: number;
  /** The most items in one list of a request (subjects, scores, staff, grabs, units, entries; 400 beyond it). Default 100,000. */
  readonly maxItems: number;
  /** The most operations (POST requests) answered at once; one more gets 503 with `Retry-After`. `/health` and the other GETs are not counted. Default 64. */
  readonly maxConcurrent: number;
  /** How long a client has to send its headers, in milliseconds (slow clients are cut off: 408). Default 10,000. */
  readonly headersTimeoutMs: number;
  /** How long a client has to send its whole request, in milliseconds (408 beyond it). Default 30,000. */
  readonly requestTimeoutMs: number;
  /** How long a request may take in a worker thread, in milliseconds (503 beyond it; the worker is replaced). Default 120,000. */
  readonly jobTimeoutMs: number;
  /** How long an idle kept-alive connection stays open, in milliseconds. Default 5,000. */
  readonly keepAliveTimeoutMs: number;
  /** Bodies of at least this many bytes are answered in a worker thread, off the event loop. Default 64 KiB (about 400 subjects: scoring them with their traces takes a tenth of a second or more). */
  readonly workerBytes: number;
  /** How many worker threads answer large requests. Default: the cores less one, at least 1, at most 4; 0 answers everything on the event loop. */
  readonly workers: number;
  /** How long a shutdown waits for requests in flight, in milliseconds, before it closes their connections. Default 10,000. */
  readonly shutdownGraceMs: number;
}

/** The default limits (`workers` is decided by the machine when not given). @internal */
export const DEFAULT_LIMITS: Omit<ServerLimits, "workers"> = Object.freeze({
  maxBodyBytes: 32 * 1024 * 1024,
  maxItems: 100_000,
  maxConcurrent: 64,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  jobTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  workerBytes: 64 * 1024,
  shutdownGraceMs: 10_000,
});
