// The analysts' explorer in a real browser: Debian's chromium, driven by puppeteer-core, opens
// explorer/index.html from file:// over a bundle built here from the sources (vitest runs before
// `npm run build`), and what the page shows must equal the library's `compare` in Node exactly.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInto, openExplorer, type OpenExplorer } from "../../scripts/explorer-page.js";
import { compare, comparisonHistogram, explain, explainChange, formatIssues, isJixiaoError, type AssessmentRules, type Comparison } from "../../src/index.js";

const rules = JSON.parse(readFileSync("examples/compare/baseline.json", "utf8")) as AssessmentRules & { tierPolicy: { tiers: { name: string; share?: number | string }[] } };
const subjects = JSON.parse(readFileSync("examples/compare/people.json", "utf8")) as unknown[];
const WORDS = runInNewContext(`${readFileSync("explorer/words.js", "utf8")}; JIXIAO_EXPLORER_WORDS`) as Record<"zh-CN" | "en", Record<string, any>>;
const withGood = (share: number | string) => ({ ...rules, tierPolicy: { ...rules.tierPolicy, tiers: rules.tierPolicy.tiers.map((t, k) => (k === 0 ? { ...t, share } : t)) } });

let open: OpenExplorer | undefined;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  open = await openExplorer();
  page = open.page;
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
}, 120_000);

afterAll(async () => {
  await open?.close();
});

/** The transition matrix as the page shows it. */
const matrixOnPage = () =>
  page.$$eval("#matrix td", (tds) => tds.map((td) => [td.getAttribute("data-from"), td.getAttribute("data-to"), Number(td.textContent)] as const));
const matrixOf = (c: Comparison) => c.transitions.tiers.flatMap((from) => c.transitions.tiers.map((to) => [from, to, c.transitions.counts[from]![to]!] as const));

/** Tier counts by peer group as the page shows them, today and reform. */
const countsOnPage = () =>
  page.$$eval("#counts td", (tds) => tds.map((td) => [td.getAttribute("data-group"), td.getAttribute("data-tier"), Number(td.getAttribute("data-baseline")), Number(td.getAttribute("data-reform"))] as const));
function countsOf(c: Comparison) {
  const groups = Object.keys(c.byGroup);
  const n = (g: string | null, t: string, side: "baseline" | "reform") => c.people.filter((p) => (g === null || (p.group ?? "") === g) && (p[side].tier ?? "") === t).length;
  return (groups.length > 1 ? [...groups, null] : groups).flatMap((g) => c.transitions.tiers.map((t) => [g ?? "*", t, n(g, t, "baseline"), n(g, t, "reform")] as const));
}

const text = (selector: string) => page.$eval(selector, (e) => e.textContent ?? "");

async function setShare(value: string) {
  await page.click("#share-0", { clickCount: 3 });
  await page.type("#share-0", value);
}

describe("the explorer page in Chromium", () => {
  it("loads the example rules and 200 people and shows today's tiers", async () => {
    await loadInto(page, rules, subjects);
    const c = compare(rules, rules, { subjects } as never);
    expect(await matrixOnPage()).toEqual(matrixOf(c));
    expect(await countsOnPage()).toEqual(countsOf(c));
    expect(await page.$$eval("#people tbody tr", (rows) => rows.length)).toBe(200);
    expect(await text("#error")).toBe("");
  });

  it("recomputes when 好's share goes from 0.2 to 0.3: counts, matrix and an explanation equal compare in Node", async () => {
    await setShare("0.3");
    const c = compare(rules, withGood(0.3), { subjects } as never);
    expect(c.movedUp.length).toBeGreaterThan(0);
    expect(await text("#error")).toBe("");
    expect(await matrixOnPage()).toEqual(matrixOf(c));
    expect(await countsOnPage()).toEqual(countsOf(c));
    expect(await text("#summary")).toBe(WORDS["zh-CN"].summary(200, c.movedUp.length, c.movedDown.length));
    const id = c.movedUp[0]!;
    await page.click(`#people tr[data-id="${id}"]`);
    expect(await text("#change-text")).toBe(explainChange(c, id));
    const result = (c.reform.rescored ?? c.reform.scored)!.find((r) => r.subjectId === id)!;
    expect(await text("#score-text")).toBe(explain(result));
    // Who moves: the table narrowed to those whose tier changed.
    await page.click("#only-moved");
    expect(await page.$$eval("#people tbody tr", (rows) => rows.map((r) => r.getAttribute("data-id")))).toEqual(c.people.filter((p) => p.move !== "same").map((p) => p.subjectId));
    await page.click("#only-moved");
    expect(await page.$$eval("#people tbody tr", (rows) => rows.length)).toBe(200);
    // The histogram is the library's own, on the same bins.
    expect(await page.$$eval("#histogram svg rect.ref", (r) => r.length)).toBe(c.distribution.reform.histogram.length + 1);
    expect(comparisonHistogram(c)).toContain(await page.$eval("#histogram svg text", (t) => t.textContent ?? ""));
    // The analysts' guide's picture (JIXIAO_SCREENSHOT=docs/images/explorer-zh.png): from the editor down.
    const shot = process.env.JIXIAO_SCREENSHOT;
    if (shot) {
      const top = await page.$eval("#editor", (e) => e.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY);
      await page.screenshot({ path: shot as `${string}.png`, clip: { x: 0, y: top, width: 1280, height: 1300 }, captureBeyondViewport: true });
    }
  });

  it("says what is wrong with an edit in words, from the library's issues, and keeps going when it is fixed", async () => {
    await setShare("abc");
    let thrown: unknown;
    try {
      compare(rules, withGood("abc"), { subjects } as never);
    } catch (e) {
      thrown = e;
    }
    expect(isJixiaoError(thrown)).toBe(true);
    expect(await text("#error")).toBe(`${WORDS["zh-CN"].errorTitle}\n${formatIssues((thrown as { issues: never }).issues)}`);
    await setShare("0.3");
    expect(await text("#error")).toBe("");
  });

  it("saves the edited rules as JSON and exports the comparison as CSV", async () => {
    const downloads = mkdtempSync(join(tmpdir(), "jixiao-downloads-"));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
      const saved = async (button: string, file: string) => {
        await page.click(button);
        const path = join(downloads, file);
        for (let k = 0; k < 100 && !existsSync(path); k++) await new Promise((r) => setTimeout(r, 100));
        return readFileSync(path, "utf8");
      };
      expect(JSON.parse(await saved("#save", "rules-reform.json"))).toEqual(withGood(0.3));
      const c = compare(rules, withGood(0.3), { subjects } as never);
      const lines = (await saved("#csv", "comparison.csv")).split("\r\n");
      const w = WORDS["zh-CN"];
      expect(lines[0]).toBe(`\uFEFF${[...w.columns, w.moveColumn].join(",")}`);
      expect(lines).toHaveLength(1 + 200 + 1);
      const p = c.people.find((x) => x.subjectId === c.movedUp[0])!;
      expect(lines).toContain([p.subjectId, p.name, "", p.baseline.exact, p.reform.exact, p.deltaExact, p.baseline.rank, p.reform.rank, p.baseline.tier, p.reform.tier, w.moves.up].join(","));
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
  });

  it("searches the table and switches to English", async () => {
    await page.type("#search", "c01");
    const ids = await page.$$eval("#people tbody tr", (rows) => rows.map((r) => r.getAttribute("data-id")));
    expect(ids).toEqual(subjects.map((s) => (s as { id: string }).id).filter((id) => id.includes("c01")));
    await page.click("#lang");
    const c = compare(rules, withGood(0.3), { subjects } as never, { locale: "en" });
    expect(await text("#change-text")).toBe(explainChange(c, c.movedUp[0]!, { locale: "en" }));
    expect(await text("#matrix th")).toBe(WORDS.en.fromTo);
    expect(await page.$eval("html", (e) => e.getAttribute("lang"))).toBe("en");
    expect(errors).toEqual([]);
  });

  it("says in words when the files are not JSON or not rules, and hides the old results", async () => {
    await page.$eval("#rules-text", (e) => void ((e as unknown as { value: string }).value = "{"));
    await page.click("#load");
    expect(await text("#error")).toMatch(new RegExp(`^${WORDS.en.errorTitle}\n${WORDS.en.notJson("rules", "")}.+`));
    await loadInto(page, null, subjects);
    let thrown: unknown;
    try {
      compare(null as never, null as never, { subjects } as never);
    } catch (e) {
      thrown = e;
    }
    expect(await text("#error")).toBe(`${WORDS.en.errorTitle}\n${formatIssues((thrown as { issues: never }).issues, { locale: "en" })}`);
    expect(await page.$eval("#results", (e) => e.hasAttribute("hidden"))).toBe(true);
    expect(errors).toEqual([]);
  });
});
