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

describe("formatIssue / formatIssues with input from outside", () => {
  const good = { code: "required", path: ["groups"], params: { key: "required" }, message: "groups (指标组): is required" };

  it("words an issue read back from JSON", () => {
    expect(formatIssue(JSON.parse(JSON.stringify(good)))).toBe("groups（指标组）：必填，但没有给出");
  });

  it("shows an issue whose data the catalog cannot word by its English message", () => {
    expect(formatIssue({ ...good, params: { key: "constructor" } } as never)).toBe(good.message);
    expect(formatIssue({ ...good, params: { key: "oneOf" } } as never)).toBe(good.message);
    expect(formatIssue({ ...good, params: undefined } as never)).toBe(good.message);
  });

  it("refuses what is not an issue, and bad options, with a JixiaoError naming the place", () => {
    const fault = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { issues: { path: unknown[]; params: { key: string } }[] }).issues.map((i) => [i.path, i.params.key]);
      }
      throw new Error("expected a JixiaoError");
    };
    expect(fault(() => formatIssue(null as never))).toEqual([[["issue"], "notAnIssue"]]);
    expect(fault(() => formatIssue({ ...good, path: [{}] } as never))).toEqual([[["issue"], "notAnIssue"]]);
    const hostile = new Proxy({ code: "required" }, { getOwnPropertyDescriptor() { throw new Error("boom"); } });
    expect(fault(() => formatIssue(hostile as never))).toEqual([[["issue"], "unreadable"]]);
    expect(fault(() => formatIssues("x" as never))).toEqual([[["issues"], "notAnIssue"]]);
    expect(fault(() => formatIssues([good, 5] as never))).toEqual([[["issues", 1], "notAnIssue"]]);
    expect(fault(() => formatIssue(good as never, { locale: "fr" } as never))).toEqual([[["options", "locale"], "oneOf"]]);
    expect(fault(() => formatIssue(good as never, { path: () => { throw new Error("x"); } }))).toEqual([[["options", "path"], "pathWriterFailed"]]);
    expect(fault(() => formatIssue(good as never, { path: () => 5 as never }))).toEqual([[["options", "path"], "pathWriterFailed"]]);
  });

  it("reads each field once: a getter that changes cannot make it word two different issues", () => {
    let reads = 0;
    const item = { code: "required", params: { key: "required" }, message: "m", get path() { reads++; return reads === 1 ? ["groups"] : 7; } };
    expect(formatIssue(item as never)).toBe("groups（指标组）：必填，但没有给出");
    expect(reads).toBe(1);
  });

  it("words at most 1,000 issues and counts the rest, in the language", () => {
    const many = Array.from({ length: 1002 }, () => good);
    const zh = formatIssues(many as never).split("\n");
    expect(zh).toHaveLength(1001);
    expect(zh[1000]).toBe("……另有 2 个问题");
    expect(formatIssues(many as never, { locale: "en" }).split("\n")[1000]).toBe("… and 2 more");
  });
});

describe("issue codes", () => {
  it("are each described in the English and the Chinese errors guide", async () => {
    const { readFileSync } = await import("node:fs");
    const { IssueCode } = await import("../../src/index.js");
    for (const file of ["docs/guide/errors.md", "docs/zh/errors.md"]) {
      const text = readFileSync(file, "utf8");
      for (const code of Object.values(IssueCode)) expect(text, `${file} ${code}`).toMatch(new RegExp(`^\\| \`${code}\` \\| \\S`, "m"));
    }
  });
});
