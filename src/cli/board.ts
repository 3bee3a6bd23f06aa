import { boardFromDocument, boardExplanation, type BoardDocument } from "../board/document.js";
import { boardHtml, boardMarkdown, boardRows } from "../board/render.js";
import { boardView, type BoardColumn, type BoardViewOptions, type BoardView } from "../board/view.js";
import { inFile, placeIn, sourceOf, UsageError, type Context, type Outcome } from "./commands.js";
import { readInput } from "./inputs.js";
import { toTable } from "./output.js";

/** The formats `jixiao board` writes. @internal */
export const BOARD_FORMATS = ["table", "markdown", "html", "json", "csv", "xlsx"] as const;
const WHO = ["masked", "names", "ids"] as const;
const SHORTFALLS = ["counts", "named"] as const;
const COLUMNS = ["peerGroup", "total", "rank", "tier", "change", "keyTaskCredit"] as const;

const text = (ctx: Context, name: string): string | undefined => (typeof ctx.values[name] === "string" ? (ctx.values[name] as string) : undefined);
const oneOf = <T extends string>(ctx: Context, name: string, options: readonly T[]): T | undefined => {
  const v = text(ctx, name);
  if (v !== undefined && !(options as readonly string[]).includes(v)) throw new UsageError({ key: "optionOneOf", option: `--${name}`, options, given: v });
  return v as T | undefined;
};

/** A board's view in a terminal: the title, then each section's title and aligned table. @internal */
export function boardTerminal(view: BoardView): string {
  const out = [`${view.title}\n`];
  for (const s of view.sections) {
    out.push(`【${s.title}】`);
    out.push(s.text !== undefined ? `${s.text}\n` : s.rows.length === 0 ? `${view.locale === "en" ? "(none)" : "（无）"}\n` : toTable(s.columns, s.rows));
  }
  return out.join("\n");
}

/** `jixiao board`. @internal */
export async function boardCommand(ctx: Context): Promise<Outcome> {
  const file = ctx.positionals[0];
  if (file === undefined) throw new UsageError({ key: "optionRequired", option: "<board.json|yaml>" });
  const output = text(ctx, "output") ?? "";
  const byName = /\.md$/i.test(output) ? "markdown" : /\.html?$/i.test(output) ? "html" : /\.json$/i.test(output) ? "json" : /\.csv$/i.test(output) ? "csv" : /\.xlsx$/i.test(output) ? "xlsx" : "table";
  const format = oneOf(ctx, "format", BOARD_FORMATS) ?? byName;
  const who = oneOf(ctx, "who", WHO);
  const shortfalls = oneOf(ctx, "shortfalls", SHORTFALLS);
  const columnsText = text(ctx, "columns");
  const columns = columnsText?.split(/[,，、]/).map((c) => c.trim()).filter(Boolean);
  for (const c of columns ?? []) if (!(COLUMNS as readonly string[]).includes(c)) throw new UsageError({ key: "optionOneOf", option: "--columns", options: COLUMNS, given: c });
  const person = text(ctx, "person");
  const read = await readInput(ctx.io, file, { locale: ctx.lang });
  const made = inFile(placeIn(sourceOf(read)), () => boardFromDocument(read.data as BoardDocument));
  const explanation = person === undefined ? undefined : boardExplanation(made, person, ctx.lang);
  const options: BoardViewOptions = {
    locale: ctx.lang,
    ...(person !== undefined ? { subject: person } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
    ...(who ? { who } : {}),
    ...(columns ? { columns: columns as BoardColumn[] } : {}),
    ...(shortfalls ? { shortfalls } : {}),
  };
  const view = boardView(made.board, options);
  if (format === "table") return { text: boardTerminal(view) };
  if (format === "markdown") return { text: boardMarkdown(view) };
  if (format === "html") return { text: boardHtml(view) };
  const rows = boardRows(view);
  // JSON is the board's data; CSV and xlsx the view's rows (the first row stands as the header).
  return { output: { json: person === undefined ? made.board : { ...made.board, view }, columns: rows[0]!.map(String), rows: rows.slice(1) } };
}
