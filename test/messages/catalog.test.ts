import { describe, expect, it } from "vitest";
import { CATALOG, CATALOG_PARTS, WORDING } from "../../src/messages/index.js";
import { formatIssue, formatIssues, safeDefineScheme } from "../../src/index.js";

describe("the message catalog", () => {
  it("words every message in zh-CN and en", () => {
    for (const [key, m] of Object.entries(CATALOG)) {
      expect(typeof m["zh-CN"], key).toBe("function");
      expect(typeof m.en, key).toBe("function");
    }
  });

  it("declares each key in one part only", () => {
    const seen = new Map<string, number>();
    CATALOG_PARTS.forEach((part, i) => {
      for (const key of Object.keys(part)) {
        expect(seen.has(key), `${key} is declared twice`).toBe(false);
        seen.set(key, i);
      }
    });
    expect(seen.size).toBe(Object.keys(CATALOG).length);
  });

  it("words received values in each language", () => {
    expect(WORDING["zh-CN"].shown({ type: "text", text: "九十六" })).toBe("文本「九十六」");
    expect(WORDING.en.shown({ type: "text", text: "九十六" })).toBe('text "九十六"');
    expect(WORDING["zh-CN"].shown({ type: "list", length: 3 })).toBe("含 3 项的列表");
    expect(WORDING["zh-CN"].list(["a", "b"])).toBe("a、b");
  });
});

describe("formatIssue / formatIssues", () => {
  const r = safeDefineScheme({ id: "x", full: 100 } as never);
  const issues = r.success ? [] : r.issues;

  it("words an issue in Chinese by default and in English on request, from its data", () => {
    expect(issues[0]!.params).toEqual({ key: "required" });
    expect(formatIssue(issues[0]!)).toBe("groups（指标组）：必填，但没有给出");
    expect(formatIssue(issues[0]!, { locale: "en" })).toBe(issues[0]!.message);
    expect(formatIssues(issues, { locale: "en" })).toBe("- groups (指标组): is required");
  });

  it("writes the path the caller's way", () => {
    expect(formatIssue(issues[0]!, { path: (p) => `第 ${p.length} 层` })).toBe("第 1 层（指标组）：必填，但没有给出");
  });
});
