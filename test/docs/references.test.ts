import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The project carries its own references: the guides, comments, examples and tests cite only what the
// package contains — the rule catalogue (docs/rules.md, docs/zh/rules.md), its own files and their
// headings — never the shared notes or issue threads it was written from.

/** Every file of a folder, recursively, as paths from the project's root. */
const filesIn = (dir: string, ends: RegExp): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => ends.test(f) && statSync(f).isFile());

const THIS_FILE = "test/docs/references.test.ts";
const MARKDOWN = [
  "README.md",
  "CHANGELOG.md",
  "CONTRIBUTING.md",
  ...filesIn("docs", /\.md$/).filter((f) => !f.startsWith(join("docs", "api"))),
  ...filesIn("examples", /\.md$/),
  ...filesIn("test", /\.md$/),
];
const CODE = [
  ...readdirSync(".").filter((f) => /\.(ts|cjs|json)$/.test(f) && f !== "package-lock.json"),
  ...["src", "examples", "test", "bench", "scripts"].flatMap((d) => filesIn(d, /\.(ts|js|cjs|gs|json|ya?ml)$/)),
].filter((f) => f !== THIS_FILE);
const ALL = [...MARKDOWN, ...CODE];
/** The guides a reader follows: rule numbers in their text are links into the catalogue. */
const GUIDES = MARKDOWN.filter((f) => f === "README.md" || f.startsWith(join("docs", "guide")) || (f.startsWith(join("docs", "zh")) && !f.endsWith("rules.md")));

const read = (file: string) => readFileSync(file, "utf8");

/** A Markdown text without its fenced code blocks (their lines become empty, so line numbers stay). */
const prose = (text: string) => {
  let fenced = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return "";
      }
      return fenced ? "" : line;
    })
    .join("\n");
};

/** A heading's anchor as GitHub makes it: lower case, punctuation (ASCII and full-width) gone, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");

/** The anchors of a Markdown file: its headings' slugs (repeated ones numbered) and explicit ids. */
function anchors(file: string): Set<string> {
  const text = prose(read(file));
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const [, id] of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) out.add(id!);
  return out;
}

/** The rule numbers a catalogue defines (its `### R12` headings). */
const rulesOf = (file: string) => [...read(file).matchAll(/^### R(\d+)$/gm)].map((m) => Number(m[1]));
const RULES = new Set(rulesOf("docs/rules.md"));

/** The lines of a text that match, as `file:line: text`. */
function hits(file: string, text: string, pattern: RegExp): string[] {
  return text.split("\n").flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe("the rule catalogue", () => {
  it("numbers the rules R1 to R28, each once, the same in English and Chinese", () => {
    const numbers = rulesOf("docs/rules.md");
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(rulesOf("docs/zh/rules.md")).toEqual(numbers);
  });

  it("gives every rule a source and its code (or says it is not implemented)", () => {
    for (const file of ["docs/rules.md", "docs/zh/rules.md"]) {
      const sections = read(file).split(/^### /m).filter((s) => /^R\d+\n/.test(s));
      expect(sections).toHaveLength(28);
      const [source, code] = file.includes("zh") ? ["- 出处：", "- 代码："] : ["- Source: ", "- Code: "];
      for (const s of sections) {
        expect(s, `${file} ${s.slice(0, 4)}`).toContain(source);
        expect(s, `${file} ${s.slice(0, 4)}`).toContain(code);
      }
    }
  });

  it("names only files and names the sources have", () => {
    const exported = read("src/index.ts");
    const fields = new Set(CODE.filter((f) => f.startsWith("src")).flatMap((f) => [...read(f).matchAll(/readonly (\w+)\??:/g)].map((m) => m[1]!)));
    for (const file of ["docs/rules.md", "docs/zh/rules.md"]) {
      // The bullets of the catalogue (a line from "- " and the lines indented under it) that give code.
      const code = read(file)
        .split(/\n(?=- |\S)/)
        .filter((item) => /^- (Code|代码)/.test(item));
      for (const [, name] of code.join("\n").matchAll(/`([^`]+)`/g)) {
        if (/^(src|examples)\//.test(name!)) expect(existsSync(name!), `${file}: ${name}`).toBe(true);
        else if (/^[\w-]+\.ts$/.test(name!)) expect(CODE.some((f) => f.startsWith("src") && f.endsWith(`/${name}`)), `${file}: ${name}`).toBe(true);
        else if (/^[A-Za-z_]\w*(\.\w+)?$/.test(name!) && /[A-Z.]/.test(name!)) {
          const [first, field] = name!.split(".");
          expect(new RegExp(`\\b${first}\\b`).test(exported) || fields.has(first!), `${file}: ${name}`).toBe(true);
          if (field) expect(fields.has(field), `${file}: ${name}`).toBe(true);
        }
      }
    }
  });
});

describe("references", () => {
  it("cite nothing the package does not contain: no shared notes, no issue numbers, no source files", () => {
    const cites = /DOMAIN\.md|DESIGN\.md|DESIGN principle|\bissues? #?\d+|\bseed 00\d|seeds\/\d/i;
    const bad = ALL.flatMap((file) => hits(file, read(file), cites));
    expect(bad).toEqual([]);
  });

  it("cite only rule numbers the catalogue has", () => {
    const bad = ALL.flatMap((file) => [...read(file).matchAll(/\bR([1-9]\d*)\b/g)].filter((m) => !RULES.has(Number(m[1]))).map((m) => `${file}: ${m[0]}`));
    expect(bad).toEqual([]);
  });

  it("name the articles in words, not as the seeds", () => {
    const bad = [...GUIDES, ...CODE.filter((f) => f.startsWith("src"))].flatMap((file) => hits(file, read(file), /\bthe seeds?\b|\bseed's\b|种子材料/i));
    expect(bad).toEqual([]);
  });

  it("link every rule number in the guides' prose to the catalogue", () => {
    const bad = GUIDES.flatMap((file) =>
      prose(read(file))
        .split("\n")
        .flatMap((line, i) => {
          if (/^#/.test(line)) return [];
          // A rule number in code, or in a link's text (to the catalogue, or to a heading that names it), is fine.
          const bare = line.replace(/`[^`]*`/g, "").replace(/\[[^\]]*\]\([^)]*\)/g, "");
          return /\bR\d+\b/.test(bare) ? [`${file}:${i + 1}: ${line.trim()}`] : [];
        }),
    );
    expect(bad).toEqual([]);
  });

  it("link only to files and headings that exist (relative links in the docs and the README)", () => {
    const bad: string[] = [];
    for (const file of MARKDOWN) {
      const text = prose(read(file)).replace(/`[^`\n]*`/g, "");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const [path, anchor] = target!.split("#") as [string, string | undefined];
        const to = path === "" ? file : join(dirname(file), decodeURI(path));
        if (!existsSync(to)) bad.push(`${file}: ${target} (no ${relative(".", to)})`);
        else if (anchor !== undefined && to.endsWith(".md") && !anchors(to).has(decodeURIComponent(anchor))) bad.push(`${file}: ${target} (no heading #${anchor})`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("slug", () => {
  it("makes GitHub's anchors, in English and Chinese", () => {
    expect(slug('"1+N" special assessments (R16)')).toBe("1n-special-assessments-r16");
    expect(slug("Grabbing and assigning: `allocateTasks`")).toBe("grabbing-and-assigning-allocatetasks");
    expect(slug("The library's own rules")).toBe("the-librarys-own-rules");
    expect(slug("年度结果与党建一票否决（R13、R26）")).toBe("年度结果与党建一票否决r13r26");
    expect(slug("The task board (亮单)")).toBe("the-task-board-亮单");
  });
});
