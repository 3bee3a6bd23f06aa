/**
 * The main demo: a county bureau's quarter (200 cadres): the grabbed tasks (三单) credited into
 * the competitive indicator, everyone scored under the example "361" scheme, last-place deductions
 * by department, the ranking and tiers, the five-star pool, and one cadre's tier and score explained.
 *
 *   npm run demo      (or: npx jixiao demo)
 *
 * It speaks the reader's language: Chinese under a Chinese locale (LANG=zh_CN.UTF-8 npm run demo),
 * English otherwise; its words are in the command line's catalog (src/messages/cli.ts).
 *
 * The cadres and their values are synthetic (a seeded generator, so every run prints the same);
 * the scheme and the policies are the library's labelled examples, not official policy.
 */
import { board, cadres, completionOf, grabs, staff } from "./county-data.js";
import { cascaded } from "./province-cascade.js";
import {
  allocateTasks,
  assess,
  county361Example,
  creditOf,
  creditTasks,
  defineScheme,
  eligiblePool,
  explain,
  explainTaskReason,
  explainTier,
  rank,
  taskStatistics,
  type Locale,
} from "jixiao";
// The demo is also the command line's `jixiao demo`, so it speaks with the command line's own words,
// tables and language detection, which are not part of the package's API.
import { intlLocale, systemLanguage } from "../src/cli/lang.js";
import { toTable } from "../src/cli/output.js";
import { say, type Text } from "../src/cli/words.js";
import { fieldLabel, outputLabel, rowNote } from "../src/tables/index.js";

/**
 * Runs the demo, printing each line with `print`.
 * @param print - where the lines go (default: the console).
 * @param lang - the language: `zh-CN` or `en` (default: the system's, from LC_ALL, LC_MESSAGES, LANG).
 */
export function runDemo(print: (line: string) => void = console.log, lang: Locale = systemLanguage(process.env, intlLocale())): void {
  const words = (text: Text) => print(say(lang, text));
  const scheme = defineScheme(county361Example);

  // The competitive indicator comes from the quarter's grabbed tasks (三单): allocate the grabs,
  // credit the completed tasks (example policy: assigned tasks count 0.8, late ones 0.5, at most 10).
  const allocation = allocateTasks(board, grabs, staff, { maxTasksPerPerson: 3 });
  const completions = allocation.tasks.flatMap((t) => t.owners.filter((_, k) => k < 8).map((o) => completionOf(t.task, o.person)));
  const credits = creditTasks(board, allocation, completions, { qualityGrades: { 优: 1, 良: 0.85, 中: 0.7 }, assignedFactor: 0.8, lateFactor: 0.5, cap: 10 });
  const subjects = cadres.map((c) => ({ ...c, values: { ...c.values, grabbed: creditOf(credits, c.id) } }));

  // Then the quarter's assessment, in one pipeline: score; last-place deductions (example policy: in
  // each department of at least 5, the last loses 1 point from the total and the last-ranked cadre's
  // promotion is deferred, R13); score again with them; the bureau-wide ranking and tiers (example
  // policy: 好 20%, 差 10%, ties go to the better tier, a vetoed cadre is 差).
  const { rescored, finalRanking: ranking, assignment, lastPlace: found } = assess(
    {
      scheme,
      lastPlace: { deductions: [1], minGroupSize: 5, target: "total", groupBy: "department", flag: { id: "promotion-deferred", name: "晋升暂缓" } },
      tierPolicy: { tiers: [{ name: "好", share: 0.2 }, { name: "中" }, { name: "差", share: 0.1 }], count: "floor", ties: "better", vetoTier: "差" },
    },
    { subjects },
    { locale: lang },
  );
  const [results, tiers, lastPlace] = [rescored!, assignment!, found!];
  const tierOf = new Map(tiers.placements.map((p) => [p.subjectId, p]));
  const byId = new Map(results.map((r) => [r.subjectId, r]));

  // A row of the table: every group's points, the total, the tier, and why a total is not the
  // plain sum of the groups (a veto, a not-applicable conversion, bonus or deductions).
  const row = (id: string) => {
    const r = byId.get(id)!;
    const e = ranking.entries.find((x) => x.subjectId === id)!;
    return [e.rank, r.subjectId, r.name ?? "", String(r.attributes?.department ?? ""), ...r.groups.map((g) => g.earned), r.total, tierOf.get(id)!.tier, rowNote(r, lang)];
  };

  // Where the county's own targets come from: the province → city → county cascade (an example plan).
  const county = cascaded.units.find((u) => u.unit === "甲一县")!;
  const indicatorName = (id: string) => county.scheme.groups.flatMap((g) => g.indicators).find((i) => i.id === id)?.name ?? id;
  words({ key: "demoCascadeHead", county: county.unit });
  for (const i of county.indicators)
    words({ key: "demoCascadeLine", name: indicatorName(i.id), origin: i.origin, retained: i.retained, lineage: i.lineage.map((l) => `${l.unit} ${l.target ?? ""}`.trim()).join(" → ") });
  print("");
  words({ key: "demoTitle", scheme: scheme.name ?? scheme.id, count: results.length });
  words({ key: "demoDisclaimer" });
  const columns = [
    outputLabel("rank", lang),
    fieldLabel("id", lang),
    fieldLabel("name", lang),
    fieldLabel("department", lang),
    ...scheme.groups.map((g) => g.name ?? g.id),
    fieldLabel("total", lang),
    outputLabel("tier", lang),
    outputLabel("notes", lang),
  ];
  const top = ranking.entries.slice(0, 10).map((e) => row(e.subjectId));
  const bottom = ranking.entries.slice(-5).map((e) => row(e.subjectId));
  const table = toTable(columns, [...top, ["…"], ...bottom]).trimEnd();
  for (const line of table.split("\n")) print(line);

  words({ key: "demoTiersHead" });
  const group = tiers.groups[0]!;
  for (const q of group.tiers)
    words({ key: "demoTierLine", tier: q.tier, placed: q.placed, rest: q.quota === null, share: q.share ?? "", size: group.size, exact: q.exact ?? "", quota: String(q.quota ?? "") });

  const stats = taskStatistics(allocation, staff, { credits, thresholds: [7] });
  words({ key: "demoTasks", published: stats.published, grabs: stats.grabs.made, grabbed: stats.grabbed + stats.partlyGrabbed, assigned: stats.assigned, unowned: stats.unowned, tookPart: stats.tookPartPercent });
  words({ key: "demoCredits", max: String(stats.credits!.max), min: String(stats.credits!.min), spread: String(stats.credits!.spread), atLeast: stats.credits!.atLeast["7"]! });
  for (const t of allocation.tasks.filter((x) => x.status === "unowned" && x.reason))
    words({ key: "demoUnowned", task: t.task, reason: explainTaskReason(t.reason!, { locale: lang }) });

  words({ key: "demoLastPlaceHead" });
  for (const d of lastPlace.deductions)
    words({ key: "demoLastPlace", group: String(d.peerGroup), size: d.groupSize, id: d.subjectId, name: byId.get(d.subjectId)!.name ?? "", points: String(d.points), tied: d.tiedWith });
  for (const g of lastPlace.groups.filter((x) => x.exempt)) words({ key: "demoExempt", group: String(g.peerGroup) });

  // R23: the five stars are chosen each quarter from the top 30% of the personal ranking.
  const pool = eligiblePool(ranking, { share: 0.3, excludeVetoed: true });
  words({ key: "demoPool", count: pool.length, min: String(Math.min(...pool.map((p) => p.score))) });
  const five = pool.slice(0, 5);
  words({ key: "demoTopFive", names: five.map((p) => byId.get(p.subjectId)!.name ?? p.subjectId), scores: five.map((p) => String(p.score)) });

  const chosen = results.find((r) => r.indicators.some((i) => !i.applicable) && r.bonus.items.length > 0) ?? results[0]!;
  words({ key: "demoTierExplained", name: chosen.name ?? "", id: chosen.subjectId });
  print(explainTier(tierOf.get(chosen.subjectId)!, { locale: lang }));
  words({ key: "demoScoreExplained", name: chosen.name ?? "", id: chosen.subjectId });
  print(explain(chosen, { locale: lang }));

  words({ key: "demoWhere" });
}

if (process.argv[1]?.endsWith("county-quarter.ts")) runDemo();
