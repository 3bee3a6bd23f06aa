/**
 * The explorer's recomputation, measured (not a test): N people (default 30,000: the 200 example
 * cadres of examples/compare repeated with new ids) under the example rules; 好's share edited on
 * the page in Chromium, timed from the edit's input event to the page redrawn (compare, the tables,
 * the histogram, the first 500 rows), beside the same `compare` in Node. See docs/performance.md.
 *
 *   npx tsx bench/explorer.ts [--people 30000] [--runs 3]
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadInto, openExplorer } from "../scripts/explorer-page.js";
import { compare, type AssessmentRules, type SubjectInput } from "../src/index.js";

const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};
const size = arg("people", 30_000);
const runs = arg("runs", 3);
const rules = JSON.parse(readFileSync("examples/compare/baseline.json", "utf8")) as AssessmentRules & { tierPolicy: { tiers: { share?: number }[] } };
const cadres = JSON.parse(readFileSync("examples/compare/people.json", "utf8")) as SubjectInput[];
const subjects = Array.from({ length: size }, (_, k) => ({ ...cadres[k % cadres.length]!, id: `p${String(k).padStart(6, "0")}` }));
const shares = Array.from({ length: runs }, (_, k) => (k % 2 === 0 ? 0.3 : 0.25));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Node: the same compare, once to warm up, then each edit.
compare(rules, rules, { subjects });
const node = shares.map((share) => {
  const reform = { ...rules, tierPolicy: { ...rules.tierPolicy, tiers: rules.tierPolicy.tiers.map((t, k) => (k === 0 ? { ...t, share } : t)) } };
  const t0 = performance.now();
  compare(rules, reform, { subjects });
  return performance.now() - t0;
});

const open = await openExplorer();
try {
  await loadInto(open.page, rules, subjects); // the first computation (and the JIT's warm-up)
  const browser: number[] = [];
  for (const share of shares) {
    browser.push(
      await open.page.$eval(
        "#share-0",
        (e, v) => {
          const input = e as unknown as { value: string; dispatchEvent: (event: Event) => boolean };
          input.value = v;
          const t0 = performance.now();
          input.dispatchEvent(new Event("input"));
          return performance.now() - t0;
        },
        String(share),
      ),
    );
  }
  const error = await open.page.$eval("#error", (e) => e.textContent);
  if (error) throw new Error(error);
  const [b, n] = [median(browser), median(node)];
  console.log(`explorer: ${size} people, ${runs} edits of 好's share; median ms`);
  console.log(`  Chromium (edit → page redrawn): ${b.toFixed(0)}   [${browser.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`  Node (compare alone):           ${n.toFixed(0)}   [${node.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`  ratio Chromium / Node:          ${(b / n).toFixed(2)}`);
} finally {
  await open.close();
}
