import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type JixiaoServer, type ServerOptions } from "../../src/server/index.js";

const RULES = resolve("examples/rules");
const subjects = JSON.parse(readFileSync(join(RULES, "subjects.json"), "utf8")) as { id: string }[];
const scoreBody = (list: unknown[] = subjects) => JSON.stringify({ rules: { scheme: "county-personal-2024Q3" }, input: { subjects: list } });
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...subjects[i % 3], id: `p${i}` }));

const running: JixiaoServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function serve(options: ServerOptions = {}): Promise<JixiaoServer> {
  const s = await startServer({ rules: RULES, port: 0, watch: false, ...options, limits: { workers: 0, ...options.limits } });
  running.push(s);
  return s;
}

/** Sends raw bytes and gives back everything the server answers, until it closes the connection or `wait` ends. */
function raw(s: JixiaoServer, write: (socket: Socket) => void, wait = 5000): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((done) => {
    const started = Date.now();
    const socket = connect(s.port, "127.0.0.1");
    let text = "";
    const timer = setTimeout(() => {
      socket.destroy();
      done({ text, closed: false, ms: Date.now() - started });
    }, wait);
    socket.on("data", (d) => (text += d.toString("utf8")));
    socket.on("close", () => {
      clearTimeout(timer);
      done({ text, closed: true, ms: Date.now() - started });
    });
    socket.on("error", () => {});
    socket.on("connect", () => write(socket));
  });
}

const fetchJson = async (url: string, init?: RequestInit) => {
  const r = await fetch(url, init);
  return { status: r.status, headers: r.headers, json: (await r.json()) as any };
};
const postScore = (s: JixiaoServer, body = scoreBody(), operation = "score") =>
  fetchJson(`${s.url}/v1/${operation}`, { method: "POST", headers: { "content-type": "application/json", "accept-language": "en" }, body });

describe("jixiao serve: limits", () => {
  it("answers 413 to a body declared larger than the limit, without reading it", async () => {
    const s = await serve({ limits: { maxBodyBytes: 2048 } });
    const r = await raw(s, (socket) => socket.write(`POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{"rules":`));
    expect(r.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(r.text).toContain('"key":"serverBodyTooLarge","limit":2048');
    expect(r.closed).toBe(true);
  });

  it("answers 413 to a streamed body once it passes the limit", async () => {
    const s = await serve({ limits: { maxBodyBytes: 2048 } });
    const r = await raw(s, (socket) => {
      socket.write(`POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const chunk = "x".repeat(1000);
      for (let i = 0; i < 5; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(r.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(r.closed).toBe(true);
    // The service goes on.
    expect((await postScore(s)).status).toBe(200);
  });

  it("answers 400 to a list longer than maxItems", async () => {
    const s = await serve({ limits: { maxItems: 5 } });
    const r = await postScore(s, scoreBody(many(6)));
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([expect.objectContaining({ code: "out_of_range", path: ["input", "subjects"], params: { key: "serverTooManyItems", count: 6, limit: 5 } })]);
  });

  it("cuts off a slow-loris client, and answers others while it dribbles", async () => {
    const s = await serve({ limits: { headersTimeoutMs: 1000, requestTimeoutMs: 3000 } });
    const started = Date.now();
    const slow = raw(s, (socket) => {
      socket.write("POST /v1/score HTTP/1.1\r\nHost: x\r\n");
      const drip = setInterval(() => socket.writable && socket.write("X-A: b\r\n"), 100);
      socket.on("close", () => clearInterval(drip));
    });
    await new Promise((r) => setTimeout(r, 100));
    const others = await Promise.all(Array.from({ length: 5 }, () => postScore(s)));
    const othersDone = Date.now() - started;
    expect(others.map((o) => o.status)).toEqual([200, 200, 200, 200, 200]);
    const r = await slow;
    expect(r.closed).toBe(true);
    expect(r.text).toMatch(/^HTTP\/1\.1 408 /);
    // The others were answered while the slow client still held its connection, and it was cut off soon after its time.
    expect(othersDone).toBeLessThan(r.ms);
    expect(r.ms).toBeLessThan(3000);
  });

  it("cuts off a client that sends its body too slowly", async () => {
    const s = await serve({ limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    const r = await raw(s, (socket) => {
      socket.write("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
      const drip = setInterval(() => socket.writable && socket.write(" "), 100);
      socket.on("close", () => clearInterval(drip));
    });
    expect(r.closed).toBe(true);
    expect(r.text).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("answers many clients at once, each its own result", async () => {
    const s = await serve();
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, k) => postScore(s, scoreBody([{ ...subjects[k % 3], id: `k${k}` }]), "score-totals")),
    );
    replies.forEach((r, k) => {
      expect(r.status).toBe(200);
      expect(r.json.totals).toEqual([{ subjectId: `k${k}`, total: [86.3, 99.5, 57][k % 3], exact: ["86.3", "99.5", "57"][k % 3] }]);
    });
  });

  it("answers 503 with Retry-After beyond maxConcurrent requests", async () => {
    const s = await serve({ limits: { maxConcurrent: 1 } });
    // One request holds the only place: its headers are in, its body is not.
    const socket = connect(s.port, "127.0.0.1");
    await new Promise((done) => socket.on("connect", done));
    socket.write("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{");
    await new Promise((done) => setTimeout(done, 100));
    const busy = await postScore(s);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect(busy.json.error.issues[0].params).toEqual({ key: "serverBusy", limit: 1 });
    // Reading the service's health is not work: it is answered whatever the load.
    expect((await fetchJson(`${s.url}/health`)).json.inFlight).toBe(1);
    socket.destroy();
    await new Promise((done) => setTimeout(done, 50));
    expect((await postScore(s)).status).toBe(200);
  });
});

/** Waits until the service's workers have loaded. */
async function ready(s: JixiaoServer) {
  for (let i = 0; i < 100; i++) {
    const h = (await fetchJson(`${s.url}/health`)).json;
    if (h.workers.ready === h.workers.size) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("jixiao serve: worker threads", () => {
  it("answers a large batch in a worker while /health stays responsive", async () => {
    const s = await serve({ limits: { workers: 1, workerBytes: 64 * 1024 } });
    await ready(s);
    const body = scoreBody(many(3_000));
    const big = postScore(s, body, "score");
    const health: number[] = [];
    let done = false;
    void big.then(() => (done = true));
    // Measured while the batch runs (the worker reads, scores and writes 3,000 results).
    await new Promise((r) => setTimeout(r, 50));
    while (!done) {
      const t = Date.now();
      expect((await fetchJson(`${s.url}/health`)).status).toBe(200);
      health.push(Date.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await big;
    expect(r.status).toBe(200);
    expect(r.json.results).toHaveLength(3_000);
    expect(r.json.results.find((x: any) => x.subjectId === "p2999")).toMatchObject({ name: "王强" });
    expect(health.length).toBeGreaterThan(3);
    // Each /health answered in a fraction of the time the batch took (on a machine shared with other jobs).
    expect(Math.max(...health)).toBeLessThan(500);
  });

  it("gives 400 from a worker as from the event loop, and 503 to a job past its time, then goes on", async () => {
    const s = await serve({ limits: { workers: 1, workerBytes: 0, jobTimeoutMs: 1500 } });
    await ready(s);
    const bad = await postScore(s, JSON.stringify({ rules: { scheme: "nope" }, input: { subjects } }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].params.key).toBe("serverUnknownRule");
    const slow = await postScore(s, scoreBody(many(20_000)));
    expect(slow.status).toBe(503);
    expect(slow.json.error.issues[0].params).toEqual({ key: "serverTimeout", seconds: 1.5 });
    const after = await postScore(s);
    expect(after.status).toBe(200);
  });
});

describe("jixiao serve: rules reloaded, and a graceful shutdown", () => {
  let folder: string | undefined;
  afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

  it("reloads the rules folder, keeping the rules in use when a file is bad", async () => {
    folder = mkdtempSync(join(tmpdir(), "jixiao-rules-"));
    cpSync(RULES, folder, { recursive: true });
    const s = await serve({ rules: folder });
    const file = join(folder, "county-361.scheme.json");
    const scheme = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...scheme, id: "renamed" }));
    expect(s.reload()).toEqual([]);
    expect((await postScore(s, JSON.stringify({ rules: { scheme: "renamed" }, input: { subjects } }))).status).toBe(200);
    expect((await fetchJson(`${s.url}/health`)).json.rules.version).toBe(2);
    writeFileSync(file, "{ not json");
    const issues = s.reload();
    expect(issues[0]!.params.key).toBe("jsonSyntax");
    expect((await postScore(s, JSON.stringify({ rules: { scheme: "renamed" }, input: { subjects } }))).status).toBe(200);
  });

  it("reloads when a file of the folder changes", async () => {
    folder = mkdtempSync(join(tmpdir(), "jixiao-rules-"));
    cpSync(RULES, folder, { recursive: true });
    const s = await serve({ rules: folder, watch: true });
    const policy = JSON.parse(readFileSync(join(folder, "tiers-20-10.policy.json"), "utf8"));
    writeFileSync(join(folder, "other.policy.json"), JSON.stringify({ ...policy, id: "other" }));
    let version = 1;
    for (let i = 0; i < 50 && version === 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      version = (await fetchJson(`${s.url}/health`)).json.rules.version;
    }
    expect(version).toBeGreaterThan(1);
    expect((await fetchJson(`${s.url}/v1/rules`)).json.rules.map((r: any) => r.id)).toContain("other");
  });

  it("finishes the requests in flight, then stops", async () => {
    const s = await serve();
    const body = scoreBody();
    const answered = raw(s, (socket) => {
      socket.write(`POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
      setTimeout(() => socket.write(body), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closed = s.close();
    const r = await answered;
    expect(r.text).toMatch(/^HTTP\/1\.1 200 /);
    expect(r.text).toContain("Connection: close");
    await closed;
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
  });
});
