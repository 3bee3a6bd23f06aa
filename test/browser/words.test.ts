// The explorer's words: one table, every key in both languages with the same shape, and every word
// the page asks for is in it.
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

const WORDS = runInNewContext(`${readFileSync("explorer/words.js", "utf8")}; JIXIAO_EXPLORER_WORDS`) as Record<string, Record<string, unknown>>;
const shape = (v: unknown): unknown => (typeof v === "function" ? `function/${v.length}` : Array.isArray(v) ? v.map(shape).length : v !== null && typeof v === "object" ? Object.keys(v).sort() : typeof v);

describe("the explorer's words", () => {
  it("has zh-CN and en, with the same keys and shapes, and no empty word", () => {
    expect(Object.keys(WORDS).sort()).toEqual(["en", "zh-CN"]);
    expect(Object.keys(WORDS.en!).sort()).toEqual(Object.keys(WORDS["zh-CN"]!).sort());
    for (const [key, zh] of Object.entries(WORDS["zh-CN"]!)) {
      expect(shape(WORDS.en![key]), key).toEqual(shape(zh));
      for (const v of [zh, WORDS.en![key]]) if (typeof v === "string") expect(v.trim(), key).not.toBe("");
    }
  });

  it("holds every word the page names", () => {
    const html = readFileSync("explorer/index.html", "utf8");
    const named = [...html.matchAll(/data-w(?:-placeholder)?="([^"]+)"/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    for (const key of named) expect(WORDS["zh-CN"], key).toHaveProperty(key);
  });
});
