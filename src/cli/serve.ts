/// <reference types="node" />
import { resolve } from "node:path";
import { formatPath, JixiaoError } from "../core/errors.js";
import { startServer, type JixiaoServer } from "../server/http.js";
import type { ServerLimits } from "../server/limits.js";
import { inFile, UsageError, type Context, type Outcome } from "./commands.js";
import { say } from "./words.js";

/** A whole-number option, in a range. */
function whole(ctx: Context, option: string, min: number, max: number): number | undefined {
  const given = ctx.values[option];
  if (typeof given !== "string") return undefined;
  const n = /^\d{1,10}$/.test(given.trim()) ? Number(given.trim()) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError({ key: "optionWholeNumber", option: `--${option}`, given, min, max });
  return n;
}

/** The signals the command answers, with what they do; the process's own in a shell, another emitter in tests. @internal */
export interface Signals {
  on(signal: "SIGINT" | "SIGTERM" | "SIGHUP", listener: () => void): unknown;
  off(signal: "SIGINT" | "SIGTERM" | "SIGHUP", listener: () => void): unknown;
}

/**
 * `jixiao serve`: the HTTP service until SIGINT or SIGTERM (then the requests in flight finish),
 * the rules reloaded on SIGHUP. The access log goes to standard output, the rest to standard error.
 * @internal
 */
export async function serveCommand(ctx: Context, signals: Signals = process): Promise<Outcome> {
  if (ctx.positionals.length > 0) throw new UsageError({ key: "takesNoArguments" });
  const limits: Partial<Record<keyof ServerLimits, number>> = {};
  const set = (key: keyof ServerLimits, value: number | undefined) => value !== undefined && (limits[key] = value);
  set("maxBodyBytes", whole(ctx, "max-body", 1024, 2 ** 31 - 1));
  set("maxItems", whole(ctx, "max-items", 1, 2_000_000));
  set("maxConcurrent", whole(ctx, "max-concurrent", 1, 100_000));
  const timeout = whole(ctx, "timeout", 1, 86_400);
  set("jobTimeoutMs", timeout === undefined ? undefined : timeout * 1000);
  set("workers", whole(ctx, "workers", 0, 64));
  const port = whole(ctx, "port", 0, 65535);
  const rules = typeof ctx.values.rules === "string" ? resolve(ctx.io.cwd, ctx.values.rules) : undefined;
  let server: JixiaoServer;
  try {
    server = await startServer({
      ...(rules ? { rules } : {}),
      ...(typeof ctx.values.host === "string" ? { host: ctx.values.host } : {}),
      ...(port !== undefined ? { port } : {}),
      limits,
      log: (line) => ctx.io.stdout(`${line}\n`),
    });
  } catch (error) {
    // A rule file's issues have its name first in their paths: the file, then where in it.
    if (error instanceof JixiaoError)
      inFile(
        (lang) => (path) => (path.length === 0 ? String(rules) : say(lang, { key: "placeInFile", file: String(path[0]), path: path.length > 1 ? formatPath(path.slice(1)) : "" })),
        () => {
          throw error;
        },
      );
    throw error;
  }
  ctx.io.stderr(say(ctx.lang, { key: "serveListening", url: server.url, rules: server.rules().length }));
  await new Promise<void>((done) => {
    const stop = () => {
      signals.off("SIGINT", stop);
      signals.off("SIGTERM", stop);
      signals.off("SIGHUP", reload);
      void server.close().then(done);
    };
    const reload = () => {
      const issues = server.reload();
      ctx.io.stderr(say(ctx.lang, { key: "serveReloaded", ok: issues.length === 0, count: issues.length }));
    };
    signals.on("SIGINT", stop);
    signals.on("SIGTERM", stop);
    signals.on("SIGHUP", reload);
  });
  return { text: "" };
}
