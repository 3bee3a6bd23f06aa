import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  assessKeyTasks,
  boardExplanation,
  boardFromDocument,
  boardHtml,
  boardMarkdown,
  boardRows,
  boardView,
  cascadeRoadmap,
  defineRoadmap,
  defineVersions,
  explainProgress,
  isJixiaoError,
  monthlyBoard,
  roadmapChanges,
  roadmapProgress,
  versionedProgress,
  versionsOver,
  type BoardDocument,
} from "../../src/index.js";

/** Runs `fn`, which must return normally or throw a JixiaoError with issues. */
function endsWell(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!isJixiaoError(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
  }
}

const throwing = new Proxy({}, { get() { throw new Error("boom"); }, ownKeys() { throw new Error("boom"); } });
const cyclic: Record<string, unknown> = { id: "x" };
cyclic.items = [cyclic];
const hostile: unknown[] = [
  undefined, null, 0, Number.NaN, "", "x".repeat(100_000), [], [[]], {}, true, () => 1, Symbol("s"), 10n, cyclic, throwing,
  JSON.parse('{"__proto__": {"polluted": true}, "id": "p", "items": []}'),
  { results: [{ subjectId: "a", total: "abc" }] },
  [{ subjectId: "a", total: 1, indicators: [{ id: "x", points: 1, exact: "abc", earned: 1 }] }],
  { unit: "u", month: "2026-10", results: [{ subjectId: "a", total: 1 }], roadmap: [{ indicator: "x", owner: "o", status: "behind", expected: "abc" }] },
];

const document = parse(readFileSync("examples/board/county-2026-10.board.yaml", "utf8")) as BoardDocument;
const made = boardFromDocument(document);
const versions = defineVersions(document.roadmap!.versions);
const progress = versionedProgress(versions, document.roadmap!.actuals, "2026-10");
const view = boardView(made.board);

describe("hostile input to roadmaps and the board", () => {
  const entries: [string, (input: unknown) => unknown][] = [
    ["defineRoadmap", (x) => defineRoadmap(x as never)],
    ["roadmapProgress roadmap", (x) => roadmapProgress(x as never, [], "2026-10")],
    ["roadmapProgress actuals", (x) => roadmapProgress(document.roadmap!.versions[0]!.rule, x as never, "2026-10")],
    ["roadmapProgress asOf", (x) => roadmapProgress(document.roadmap!.versions[0]!.rule, [], x as never)],
    ["versionsOver", (x) => versionsOver(x as never, "2026")],
    ["roadmapChanges", (x) => roadmapChanges(x as never)],
    ["versionedProgress actuals", (x) => versionedProgress(versions, x as never, "2026-10")],
    ["versionedProgress options", (x) => versionedProgress(versions, [], "2026-10", x as never)],
    ["explainProgress", (x) => explainProgress(x as never)],
    ["cascadeRoadmap roadmap", (x) => cascadeRoadmap(x as never, { units: [], report: { conservation: [] }, responsibilities: [] } as never)],
    ["cascadeRoadmap result", (x) => cascadeRoadmap(document.roadmap!.versions[0]!.rule, x as never)],
    ["cascadeRoadmap options", (x) => cascadeRoadmap(document.roadmap!.versions[0]!.rule, { units: [], report: { conservation: [] }, responsibilities: [] } as never, x as never)],
    ["explainProgress options", (x) => explainProgress(progress.items[0]!, x as never)],
    ["assessKeyTasks list", (x) => assessKeyTasks(x as never, [], [])],
    ["assessKeyTasks reports", (x) => assessKeyTasks(document.keyTasks!.list, document.keyTasks!.staff, x as never)],
    ["assessKeyTasks options", (x) => assessKeyTasks(document.keyTasks!.list, document.keyTasks!.staff, [], x as never)],
    ["monthlyBoard", (x) => monthlyBoard(x as never)],
    ["monthlyBoard results", (x) => monthlyBoard({ unit: "u", month: "2026-10", results: x as never })],
    ["monthlyBoard options", (x) => monthlyBoard({ unit: "u", month: "2026-10", results: [] }, x as never)],
    ["boardView", (x) => boardView(x as never)],
    ["boardView options", (x) => boardView(made.board, x as never)],
    ["boardMarkdown", (x) => boardMarkdown(x as never)],
    ["boardHtml", (x) => boardHtml(x as never)],
    ["boardRows", (x) => boardRows(x as never)],
    ["boardFromDocument", (x) => boardFromDocument(x as never)],
    ["boardExplanation", (x) => boardExplanation(x as never, "p1")],
    ["boardExplanation subject", (x) => boardExplanation(made, x as never)],
  ];
  it.each(entries)("%s answers anything with a result or a JixiaoError", (_name, fn) => {
    for (const input of hostile) endsWell(() => fn(input));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("renders a board stored as JSON as the board itself, and escapes what it writes", () => {
    const stored = JSON.parse(JSON.stringify(made.board));
    expect(boardMarkdown(boardView(stored))).toBe(boardMarkdown(view));
    const evil = { ...view, title: "<script>x</script>|", sections: [{ key: "results", title: "a|b", columns: ["<b>"], rows: [["x|y\nz"]] }] };
    expect(boardHtml(evil as never)).toContain("&lt;script&gt;x&lt;/script&gt;|");
    expect(boardHtml(evil as never)).not.toContain("<b>");
    expect(boardMarkdown(evil as never)).toContain("| x\\|y<br>z |");
  });
});
