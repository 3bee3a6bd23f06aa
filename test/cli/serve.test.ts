import { EventEmitter } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { serveCommand } from "../../src/cli/serve.js";

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: process.cwd(), env });
  return { code, stdout, stderr };
}

describe("jixiao serve", () => {
  it("serves until SIGTERM, reloads on SIGHUP, and logs JSON lines to standard output", async () => {
    const signals = new EventEmitter();
    let stdout = "";
    let stderr = "";
    const ctx = {
      io: { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), cwd: process.cwd() },
      lang: "en" as const,
      values: { rules: "examples/rules", port: "0", workers: "0" },
      positionals: [],
      progress: () => {},
    };
    const done = serveCommand(ctx, signals);
    for (let i = 0; i < 100 && !stderr.includes("serving at"); i++) await new Promise((r) => setTimeout(r, 20));
    const url = /serving at (\S+)/.exec(stderr)![1]!;
    expect(stderr).toContain("(10 rule documents loaded; Ctrl+C stops it)");
    expect(((await (await fetch(`${url}/health`)).json()) as any).status).toBe("ok");
    signals.emit("SIGHUP");
    expect(stderr).toContain("the rules folder was loaded again");
    expect(((await (await fetch(`${url}/health`)).json()) as any).rules.version).toBe(2);
    signals.emit("SIGTERM");
    expect(await done).toEqual({ text: "" });
    const events = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(events.map((e) => e.event ?? e.path)).toEqual(["listening", "/health", "rules", "/health", "closing", "closed"]);
    expect(signals.listenerCount("SIGTERM") + signals.listenerCount("SIGINT") + signals.listenerCount("SIGHUP")).toBe(0);
  });

  it("does not start with a rules folder that has a mistake, naming each file (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-serve-"));
    writeFileSync(join(dir, "x.scheme.json"), JSON.stringify({ id: "x", full: 100, groups: [{ id: "g" }] }));
    writeFileSync(join(dir, "y.policy.yaml"), "tiers: [\n");
    const zh = await cli(["serve", "--rules", dir, "--port", "0"], { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("x.scheme.json 中 groups[0].points（分值）：必填，但没有给出");
    expect(zh.stderr).toMatch(/y\.policy\.yaml：第 \d+ 行/);
    const en = await cli(["serve", "--rules", dir, "--port", "0"]);
    expect(en.stderr).toContain("x.scheme.json: groups[0].points (分值): is required");
  });

  it("says what is wrong with an option", async () => {
    const r = await cli(["serve", "--port", "http"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port takes a whole number from 0 to 65535, not "http"');
    expect((await cli(["serve", "--rules", "no-such-folder", "--port", "0"])).stderr).toContain("no-such-folder: is not a folder that can be read");
    expect((await cli(["serve", "extra"])).stderr).toContain("takes no arguments");
  });
});
