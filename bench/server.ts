/**
 * The service's load benchmark (`npm run bench:server`): `jixiao serve` in a child process on
 * 127.0.0.1, driven by autocannon with batches of 1 and 1,000 people at 10 and 100 connections,
 * every response compared with the exact body the in-process call gives (nothing lost, nothing
 * wrong), beside the in-process call's throughput on the same batch in the same run. Bounded: a
 * fixed number of requests per workload and a time limit. See docs/performance.md.
 *
 *   npm run bench:server -- [--requests 2000] [--big-requests 200] [--seconds 60] [--connections 10,100] [--batches 1,1000] [--workers 1]
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { defineScheme, scoreTotals, type SubjectInput } from "../src/index.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "2000" },
    "big-requests": { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "10,100" },
    batches: { type: "string", default: "1,1000" },
    workers: { type: "string", default: "1" },
  },
});
const list = (text: string) => text.split(",").map(Number);
const seconds = Number(values.seconds);

const scheme = defineScheme(JSON.parse(readFileSync("examples/rules/county-361.scheme.json", "utf8")));
const people = JSON.parse(readFileSync("examples/rules/subjects.json", "utf8")) as SubjectInput[];
/** A batch of n people: the three example people over again, each with an id of its own and values varied. */
const batch = (n: number): SubjectInput[] =>
  Array.from({ length: n }, (_, i) => {
    const p = people[i % people.length]!;
    return { ...p, id: `p${String(i).padStart(6, "0")}`, values: { ...p.values, political: 60 + (i % 40) } };
  });

// The service, in its own process, as `jixiao serve` runs it (its access log read and dropped),
// taking as many requests at once as there are connections (beyond its limit it would answer 503).
const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "serve", "--rules", "examples/rules", "--port", "0", "--host", "127.0.0.1", "--workers", values.workers!, "--max-concurrent", String(Math.max(64, ...list(values.connections!))), "--lang", "en"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const lines = createInterface({ input: child.stdout! });
const url = await new Promise<string>((done, fail) => {
  child.once("exit", (code) => fail(new Error(`the service exited (${code})`)));
  lines.on("line", (line) => {
    const event = JSON.parse(line) as { event?: string; url?: string };
    if (event.event === "listening") done(event.url!);
  });
});
if (!url.startsWith("http://127.0.0.1:")) throw new Error(`not loopback: ${url}`);

interface Row {
  readonly batch: number;
  readonly connections: number;
  readonly requests: number;
  readonly ok: number;
  readonly wrong: number;
  readonly errors: number;
  readonly rps: number;
  readonly peoplePerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly inProcessPerSecond: number;
}

const rows: Row[] = [];
for (const size of list(values.batches!)) {
  const subjects = batch(size);
  const body = JSON.stringify({ rules: { scheme: "county-personal-2024Q3" }, input: { subjects } });
  // What every response must be, byte for byte: the in-process call's result as the service writes it.
  const expected = JSON.stringify({ totals: scoreTotals(scheme, subjects) });
  // The in-process call on the same batch, doing what the service does but HTTP: reading the JSON
  // body (fresh objects each time, as a request has), scoring, writing the JSON; as many times as
  // fit in 2 s (at least 3).
  let calls = 0;
  const started = performance.now();
  while (calls < 3 || performance.now() - started < 2000) {
    const request = JSON.parse(body) as { input: { subjects: SubjectInput[] } };
    JSON.stringify({ totals: scoreTotals(scheme, request.input.subjects) });
    calls++;
  }
  const inProcess = calls / ((performance.now() - started) / 1000);
  for (const connections of list(values.connections!)) {
    const amount = Math.max(connections, Number(size >= 1000 ? values["big-requests"] : values.requests));
    let ok = 0;
    let wrong = 0;
    const instance = autocannon({
      url: `${url}/v1/score-totals`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      connections,
      amount,
      timeout: seconds,
      requests: [
        {
          onResponse: (status: number, text: string) => {
            if (status === 200 && text === expected) ok++;
            else {
              wrong++;
              if (wrong <= 3) console.error(`response ${status}: ${text.slice(0, 300)}`);
            }
          },
        },
      ],
    });
    const stop = setTimeout(() => instance.stop(), seconds * 1000);
    const began = performance.now();
    const [result] = (await once(instance, "done")) as [autocannon.Result];
    const elapsed = (performance.now() - began) / 1000;
    clearTimeout(stop);
    const row: Row = {
      batch: size,
      connections,
      requests: amount,
      ok,
      wrong,
      errors: result.errors + result.timeouts,
      rps: Math.round((ok / elapsed) * 10) / 10,
      peoplePerSecond: Math.round((ok * size) / elapsed),
      p50: result.latency.p50,
      p99: result.latency.p99,
      inProcessPerSecond: Math.round(inProcess * 10) / 10,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
}
child.kill("SIGTERM");
await once(child, "exit");

console.log(`\nNode ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log("| batch | connections | requests | answered right | wrong or lost | req/s | people/s | p50 ms | p99 ms | in-process calls/s |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.batch} | ${r.connections} | ${r.requests} | ${r.ok} | ${r.wrong + r.errors + (r.requests - r.ok - r.wrong)} | ${r.rps} | ${r.peoplePerSecond} | ${r.p50} | ${r.p99} | ${r.inProcessPerSecond} |`);
const bad = rows.filter((r) => r.ok !== r.requests);
if (bad.length > 0) {
  console.error(`${bad.length} workloads had responses missing or wrong`);
  process.exitCode = 1;
}
