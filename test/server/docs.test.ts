import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type JixiaoServer } from "../../src/server/index.js";

/** The words of a shell command: single-quoted text as it is, lines joined where they end in a backslash. */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|(\S+)/g;
  for (const m of command.replace(/\\\n\s*/g, " ").matchAll(re)) out.push(m[1] ?? m[2]!);
  return out;
}

/** Each curl command of a guide with the JSON answer shown after it (where one is). */
function examples(file: string): { command: string; answer?: unknown }[] {
  const text = readFileSync(file, "utf8");
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const out: { command: string; answer?: unknown }[] = [];
  blocks.forEach((b, i) => {
    if (b.lang !== "sh" || !b.body.startsWith("curl ")) return;
    const next = blocks[i + 1];
    out.push({ command: b.body.trim(), ...(next?.lang === "json" ? { answer: JSON.parse(next.body) } : {}) });
  });
  return out;
}

let service: JixiaoServer;
beforeAll(async () => {
  service = await startServer({ rules: "examples/rules", port: 0, watch: false, limits: { workers: 0 } });
});
afterAll(() => service.close());

describe.each(["docs/guide/server.md", "docs/zh/server.md"])("the curl examples of %s", (file) => {
  const list = examples(file);

  it("has examples", () => {
    expect(list.length).toBeGreaterThanOrEqual(6);
  });

  it.each(list.map((e, i) => [i, e] as const))("answers example %i as shown", async (_, example) => {
    const w = words(example.command);
    const headers: Record<string, string> = {};
    let method: string | undefined;
    let body: string | undefined;
    let url: string | undefined;
    for (let k = 1; k < w.length; k++) {
      const a = w[k]!;
      if (a === "-s") continue;
      if (a === "-H") {
        const [name, ...value] = w[++k]!.split(":");
        headers[name!.trim()] = value.join(":").trim();
      } else if (a === "-d") body = w[++k];
      else if (a === "-X") method = w[++k];
      else if (a.startsWith("http://127.0.0.1:8080/")) url = a.replace("http://127.0.0.1:8080", service.url);
      else throw new Error(`an option the test does not know: ${a}`);
    }
    const response = await fetch(url!, { method: method ?? (body === undefined ? "GET" : "POST"), headers, ...(body === undefined ? {} : { body }) });
    const json = await response.json();
    if (example.answer !== undefined) expect(json).toMatchObject(example.answer as object);
    else expect(response.status).toBe(200);
  });
});
