import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import type { BoardView } from "./view.js";

const viewSchema = z.object({
  locale: z.enum(["zh-CN", "en"]),
  title: z.string().max(1000),
  sections: z
    .array(
      z.object({
        key: z.enum(["results", "shortfalls", "plans", "explanation"]),
        title: z.string().max(1000),
        columns: z.array(z.string().max(1000)).max(100),
        rows: z.array(z.array(z.union([z.string().max(100_000), z.number()])).max(100)).max(10_000_000),
        text: z.string().max(10_000_000).optional(),
      }),
    )
    .max(100),
});
/** The view read once and checked: a renderer writes nothing from what is not a view. */
const read = (view: unknown): BoardView => parseWith(viewSchema, view, "Not a board view", ["view"]) as BoardView;

/** A cell of Markdown: pipes and line breaks escaped. */
const md = (v: string | number): string => String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");

/**
 * A board's view as Markdown: a heading, then each section as a table (an explanation as text).
 * @param given - the view from {@link boardView}.
 * @returns the Markdown text.
 * @throws {@link JixiaoError} when `given` is not a board view.
 * @example
 * ```ts
 * boardMarkdown(boardView(board)).split("\n")[0];
 * //=> "# 某县税务局 2026 年 10 月绩效“三晒”"
 * ```
 */
export function boardMarkdown(given: BoardView): string {
  const view = read(given);
  const out = [`# ${md(view.title)}`, ""];
  for (const s of view.sections) {
    out.push(`## ${md(s.title)}`, "");
    if (s.text !== undefined) out.push(...s.text.split(/\r?\n/).map((l) => `    ${l}`), "");
    else if (s.rows.length === 0) out.push(view.locale === "en" ? "(none)" : "（无）", "");
    else out.push(`| ${s.columns.map(md).join(" | ")} |`, `|${s.columns.map((_, i) => (s.rows.every((r) => typeof r[i] === "number") ? " ---: " : " --- ")).join("|")}|`, ...s.rows.map((r) => `| ${r.map(md).join(" | ")} |`), "");
  }
  return out.join("\n");
}

const esc = (v: string | number): string => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A board's view as a standalone HTML page (UTF-8, `lang` set, no script, every text escaped).
 * @param given - the view from {@link boardView}.
 * @returns the HTML text.
 * @throws {@link JixiaoError} when `given` is not a board view.
 * @example
 * ```ts
 * boardHtml(boardView(board)).startsWith("<!doctype html>");
 * //=> true
 * ```
 */
export function boardHtml(given: BoardView): string {
  const view = read(given);
  const lang = view.locale === "en" ? "en" : "zh-CN";
  const body = view.sections.map((s) => {
    const content =
      s.text !== undefined
        ? `<pre>${esc(s.text)}</pre>`
        : s.rows.length === 0
          ? `<p>${view.locale === "en" ? "(none)" : "（无）"}</p>`
          : `<table>\n<thead><tr>${s.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead>\n<tbody>\n${s.rows
              .map((r) => `<tr>${r.map((v) => `<td${typeof v === "number" ? ' class="n"' : ""}>${esc(v)}</td>`).join("")}</tr>`)
              .join("\n")}\n</tbody>\n</table>`;
    return `<section id="${s.key}">\n<h2>${esc(s.title)}</h2>\n${content}\n</section>`;
  });
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><title>' + esc(view.title) + "</title>",
    "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em}td.n{text-align:right}</style></head>",
    "<body>",
    `<h1>${esc(view.title)}</h1>`,
    ...body,
    "</body></html>",
    "",
  ].join("\n");
}

/**
 * A board's view as the rows of one sheet (xlsx, CSV): the title, then each section's title, its
 * header and rows, a blank row between sections; an explanation one line a row.
 * @param given - the view from {@link boardView}.
 * @returns the rows.
 * @throws {@link JixiaoError} when `given` is not a board view.
 * @example
 * ```ts
 * boardRows(boardView(board))[2];
 * //=> ["晒成绩"]
 * ```
 */
export function boardRows(given: BoardView): (string | number)[][] {
  const view = read(given);
  const rows: (string | number)[][] = [[view.title], []];
  for (const s of view.sections) {
    rows.push([s.title]);
    if (s.text !== undefined) rows.push(...s.text.split(/\r?\n/).map((l) => [l]));
    else rows.push([...s.columns], ...s.rows.map((r) => [...r]));
    rows.push([]);
  }
  return rows;
}
