import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import { render, type Locale } from "../messages/index.js";
import { BOARD_WORDS } from "../messages/roadmap.js";
import { madeAs } from "../core/snapshot.js";
import { boardSchema, type ClosingStep, type MonthlyBoard, type Shortfall } from "./board.js";

/** The columns of 晒成绩 a view may show. */
export type BoardColumn = "peerGroup" | "total" | "rank" | "tier" | "change" | "keyTaskCredit";

/**
 * What a view of the board shows. A public board (no `subject`) shows by default masked names (a
 * unit owning a roadmap item keeps its name: 张*, 征管股), ranks, tiers and their change but not totals, and shortfalls as counts by indicator, not by
 * person: a privacy-minded default a unit widens on purpose. A person's own view (`subject`) shows
 * everything about that person, and their explanation.
 */
export interface BoardViewOptions {
  /** `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
  /** A person's own view: only their rows, every column, and their explanation. */
  readonly subject?: string;
  /** The person's explanation (from `explain`, `explainProgress` …), shown in their own view. */
  readonly explanation?: string;
  /** How people are shown: `names` (their name, else id), `ids`, or `masked` (the first character and `*`; the public default). */
  readonly who?: "names" | "ids" | "masked";
  /** The columns of 晒成绩 (public default: rank, tier, change; own view: all). */
  readonly columns?: readonly BoardColumn[];
  /** Shortfalls `named` (each person's; the own view's default) or as `counts` by kind and indicator (the public default). */
  readonly shortfalls?: "named" | "counts";
}

/** One section of a board's view: its title, columns and rows as text and numbers, or a block of text. */
export interface BoardSection {
  /** `results`, `shortfalls`, `plans` or `explanation`. */
  readonly key: "results" | "shortfalls" | "plans" | "explanation";
  /** Its title (晒成绩 …). */
  readonly title: string;
  /** The column headers. */
  readonly columns: readonly string[];
  /** The rows, one cell a column. */
  readonly rows: readonly (readonly (string | number)[])[];
  /** The text of an explanation section. */
  readonly text?: string;
}

/** A board as a reader sees it: worded in a language, with what the view shows. Every renderer writes one. */
export interface BoardView {
  /** The language. */
  readonly locale: Locale;
  /** The title. */
  readonly title: string;
  /** The sections: 晒成绩, 晒不足, 晒打算, and a person's explanation. */
  readonly sections: readonly BoardSection[];
}

const optionsSchema = z.strictObject({
  locale: z.enum(["zh-CN", "en"]).optional(),
  subject: z.string().min(1).max(200).optional(),
  explanation: z.string().max(100_000).optional(),
  who: z.enum(["names", "ids", "masked"]).optional(),
  columns: z.array(z.enum(["peerGroup", "total", "rank", "tier", "change", "keyTaskCredit"])).max(6).optional(),
  shortfalls: z.enum(["named", "counts"]).optional(),
});

/** A name with all but its first character hidden: 张三 → 张*. */
const mask = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(Math.min(chars.length - 1, 3));
};

/**
 * A view of a monthly board for its readers: a public board with a privacy-minded default, or a
 * person's own view with their explanation, worded in Chinese (default) or English. Renderers
 * (`boardMarkdown`, `boardHtml`, and the CLI's terminal and xlsx) write a view.
 * @param given - the board from {@link monthlyBoard} (or one stored as JSON, which is checked).
 * @param options - the language, whose view, how people are shown, which columns, shortfalls by person or in counts.
 * @returns the view.
 * @throws {@link JixiaoError} for a board or options that are not valid.
 * @example
 * ```ts
 * boardView(board).sections[0].columns;
 * //=> ["名次", "姓名", "等次", "名次变化"]
 * ```
 */
export function boardView(given: MonthlyBoard, options: BoardViewOptions = {}): BoardView {
  // A board monthlyBoard made is taken as it is; one from elsewhere (stored as JSON) is checked.
  const board = madeAs("monthlyBoard", given) ? given : (parseWith(boardSchema, given, "Not a monthly board", ["board"]) as MonthlyBoard);
  const o = parseWith(optionsSchema, options, "Board view options are not valid", ["options"]);
  const locale = o.locale ?? "zh-CN";
  const own = o.subject;
  const w = (key: keyof typeof BOARD_WORDS) => BOARD_WORDS[key][locale];
  const who = o.who ?? (own ? "names" : "masked");
  const names = new Map<string, string>();
  for (const r of board.results) if (r.name !== undefined) names.set(r.subject, r.name);
  for (const s of board.shortfalls) if (s.name !== undefined && !names.has(s.subject)) names.set(s.subject, s.name);
  for (const p of board.plans) if (p.name !== undefined && !names.has(p.subject)) names.set(p.subject, p.name);
  // Units and departments (a roadmap item's owner that is no one ranked on the board) are never masked.
  const people = new Set(board.results.map((r) => r.subject));
  for (const s of board.shortfalls) if (s.kind === "key-task") people.add(s.subject);
  for (const p of board.plans) if (p.kind === "key-task") people.add(p.subject);
  const shown = (id: string) => (who === "ids" ? id : who === "names" || !people.has(id) ? (names.get(id) ?? id) : mask(names.get(id) ?? id));
  const mine = <T extends { readonly subject: string }>(list: readonly T[]) => (own === undefined ? list : list.filter((x) => x.subject === own));
  const hasGroups = board.results.some((r) => r.peerGroup !== null);
  const columns: readonly BoardColumn[] = o.columns ?? (own ? ["peerGroup", "total", "rank", "tier", "change", "keyTaskCredit"] : ["rank", "tier", "change"]);
  const show = (c: BoardColumn) => columns.includes(c) && (c !== "peerGroup" || hasGroups) && (c !== "tier" || board.results.some((r) => r.tier !== undefined)) && (c !== "keyTaskCredit" || board.results.some((r) => r.keyTaskCredit !== undefined));
  const signed = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? (v > 0 ? `↑${v}` : v < 0 ? `↓${-v}` : "—") : v.startsWith("-") ? v : v === "0" ? "0" : `+${v}`);

  const head: string[] = [w("rank"), w("who")];
  if (show("peerGroup")) head.push(w("peerGroup"));
  if (show("total")) head.push(w("total"));
  if (show("tier")) head.push(w("tier"));
  if (show("change")) head.push(...(show("total") ? [w("totalChange")] : []), w("rankChange"));
  if (show("keyTaskCredit")) head.push(w("keyTaskCredit"));
  const results = mine(board.results).map((r) => {
    const row: (string | number)[] = [r.rank, shown(r.subject)];
    if (show("peerGroup")) row.push(r.peerGroup ?? "");
    if (show("total")) row.push(r.total);
    if (show("tier")) row.push(r.tier === undefined ? "" : r.previous?.tier !== undefined && r.previous.tier !== r.tier ? `${r.previous.tier}→${r.tier}` : r.tier);
    if (show("change")) row.push(...(show("total") ? [signed(r.totalChange)] : []), signed(r.rankChange));
    if (show("keyTaskCredit")) row.push(r.keyTaskCredit ?? "");
    return row;
  });

  const close = (c: ClosingStep): string => {
    switch (c.kind) {
      case "full-points":
        return render({ key: "boardCloseFull", points: c.points }, locale);
      case "reach-value":
        return render({ key: "boardCloseReach", value: c.value, next: c.next?.id ?? "", due: c.next?.due ?? "", target: c.next?.target ?? "" }, locale);
      case "pass":
        return render({ key: "boardClosePass", above: shown(c.above), points: c.points }, locale);
      case "finish":
        return render({ key: "boardCloseFinish", progress: c.progress, deadline: c.deadline }, locale);
    }
  };
  const itemText = (s: { readonly item: string | null; readonly itemName?: string }) => (s.item === null ? "" : (s.itemName ?? s.item));
  const counts = (o.shortfalls ?? (own ? "named" : "counts")) === "counts";
  let shortfalls: BoardSection;
  if (counts) {
    const by = new Map<string, { s: Shortfall; count: number; largest: string }>();
    for (const s of mine(board.shortfalls)) {
      const key = `${s.kind}\u0000${s.item ?? ""}`;
      const e = by.get(key);
      // Shortfalls come largest first within each kind: the first of a key has the largest gap.
      if (e) e.count++;
      else by.set(key, { s, count: 1, largest: s.points });
    }
    shortfalls = { key: "shortfalls", title: w("shortfalls"), columns: [w("kind"), w("item"), w("count"), w("largest")], rows: [...by.values()].map((e) => [w(e.s.kind), itemText(e.s), e.count, e.largest]) };
  } else
    shortfalls = {
      key: "shortfalls",
      title: w("shortfalls"),
      columns: [w("who"), w("kind"), w("item"), w("gap"), w("close")],
      rows: mine(board.shortfalls).map((s) => [shown(s.subject), w(s.kind), itemText(s), s.points, close(s.close)]),
    };
  const plans: BoardSection = {
    key: "plans",
    title: w("plans"),
    columns: [w("due"), w("owner"), w("kind"), w("item"), w("milestone"), w("target")],
    rows: mine(board.plans).map((p) => [p.due, shown(p.subject), w(p.kind === "milestone" ? "plan-milestone" : "plan-key-task"), itemText(p), p.milestone ?? "", p.target ?? ""]),
  };
  const sections: BoardSection[] = [{ key: "results", title: w("results"), columns: head, rows: results }, shortfalls, plans];
  if (own !== undefined && o.explanation !== undefined) sections.push({ key: "explanation", title: w("explanation"), columns: [], rows: [], text: o.explanation });
  const title = render({ key: "boardTitle", unit: board.unitName ?? board.unit, month: board.month, own: own === undefined ? "" : shown(own) }, locale);
  return { locale, title, sections };
}
