/**
 * The year's roadmap and the monthly 三晒 for a county (R2, R15, R24), step by step: the October key
 * tasks assessed and their credit counted at once into each person's score; the roadmap, whose
 * arrears target was raised on 15 July, scored for October under the version then in force, and the
 * third quarter (which spans the change) by both policies; then the October board, public and for
 * one person, in Markdown.
 *
 *   npx tsx examples/county-board.ts
 *
 * The data is examples/board/county-2026-10.board.yaml (`jixiao board` reads it whole); every target,
 * point, coefficient and share is an example, not official policy.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import {
  assessKeyTasks,
  boardMarkdown,
  boardView,
  defineScheme,
  defineVersions,
  explain,
  explainProgress,
  monthlyBoard,
  scoreAll,
  versionedProgress,
  type BoardDocument,
  type KeyTaskList,
  type RoadmapConfig,
  type RuleVersion,
  type SchemeConfig,
  type SubjectInput,
} from "jixiao";

const doc = parse(readFileSync(new URL("./board/county-2026-10.board.yaml", import.meta.url), "utf8")) as BoardDocument;

// 1. 月初交办、月末考评 (R15): the key tasks, and each person's credit into the 月度重点任务 indicator.
const k = doc.keyTasks!;
const tasks = assessKeyTasks(k.list, k.staff, k.reports, k.options);
const credit = new Map(tasks.people.map((p) => [p.person, p.exact.applied]));
console.log("10 月重点任务（点位通报：滞后的任务）");
for (const l of tasks.behind) console.log(`  ${l.name}「${l.title}」进度 ${l.progress}%，应达 ${l.expected}%，差 ${l.gap} 个百分点`);
const scheme = defineScheme(doc.scheme as SchemeConfig);
const subjects = (doc.subjects as SubjectInput[]).map((s) => ({ ...s, values: { ...(s.values as object), keyTasks: credit.get(s.id) ?? "0" } }));
const results = scoreAll(scheme, subjects);
const previous = scoreAll(scheme, doc.previousSubjects as SubjectInput[]);

// 2. The roadmap under its versions (R2: adjusted mid-year), October and the spanning third quarter.
const versions = defineVersions(doc.roadmap!.versions as RuleVersion<RoadmapConfig>[]);
const october = versionedProgress(versions, doc.roadmap!.actuals, "2026-10");
const q3End = versionedProgress(versions, doc.roadmap!.actuals, "2026-Q3").items[0]!;
const q3ProRata = versionedProgress(versions, doc.roadmap!.actuals, "2026-Q3", { spanning: "pro-rata" }).items[0]!;
console.log(`\n清理欠税三季度进度分：按期末版本 ${q3End.exact}，按天数折算 ${q3ProRata.exact}\n`);
console.log(explainProgress(october.items[0]!));

// 3. The October board (三晒), public with its privacy-minded default, then one person's own view.
const board = monthlyBoard(
  { unit: doc.unit, unitName: doc.unitName!, month: doc.month, results, previous, tiers: doc.tiers!, roadmap: october.items, keyTasks: tasks, nextKeyTasks: doc.nextKeyTasks as KeyTaskList },
  { horizon: 2 },
);
console.log(`\n${boardMarkdown(boardView(board))}`);
const p3 = results.find((r) => r.subjectId === "p3")!;
console.log(boardMarkdown(boardView(board, { subject: "p3", explanation: explain(p3) })));
