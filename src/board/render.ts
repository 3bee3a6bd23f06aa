import type { BoardView } from "./view.js";

/** A cell of Markdown: pipes and line breaks escaped. */
const md = (v: string | number): string => String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");

/**
 * A board's view as Markdown: a heading, then each section as a table (an explanation as text).
 * @param view - the view from {@link boardView}.
 * @returns the Markdown text.
 * @example
 * ```ts
 * boardMarkdown(boardView(board)).split("\n")[0];
 * //=> "# 某县税务局 2026 年 10 月绩效“三晒”"
 * ```
 */
export function boardMarkdown(view: BoardView): string {
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
 * @param view - the view from {@link boardView}.
 * @returns the HTML text.
 * @example
 * ```ts
 * boardHtml(boardView(board)).startsWith("<!doctype html>");
 * //=> true
 * ```
 */
export function boardHtml(view: BoardView): string {
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
 * @param view - the view from {@link boardView}.
 * @returns the rows.
 * @example
 * ```ts
 * boardRows(boardView(board))[2];
 * //=> ["晒成绩"]
 * ```
 */
export function boardRows(view: BoardView): (string | number)[][] {
  const rows: (string | number)[][] = [[view.title], []];
  for (const s of view.sections) {
    rows.push([s.title]);
    if (s.text !== undefined) rows.push(...s.text.split(/\r?\n/).map((l) => [l]));
    else rows.push([...s.columns], ...s.rows.map((r) => [...r]));
    rows.push([]);
  }
  return rows;
}
