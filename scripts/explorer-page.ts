/**
 * The analysts' explorer (explorer/index.html) opened in Debian's chromium by puppeteer-core, over
 * a global bundle built from the sources exactly as tsup.config.ts makes it — for the browser test
 * (test/browser/explorer.test.ts) and the benchmark (bench/explorer.ts). No browser is downloaded.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { build, type Options } from "tsup";
import config from "../tsup.config.js";

/** Debian's chromium on PATH, or a failure that says how to get it. */
export function chromium(): string {
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("The explorer needs Debian's chromium on PATH to be tested: apt-get install -y chromium (.ci/run does it).");
  }
}

/** The page, its browser, and a close that removes the temporary copy. */
export interface OpenExplorer {
  readonly browser: Browser;
  readonly page: Page;
  readonly close: () => Promise<void>;
}

/** Builds the bundle into a temporary <dir>/dist beside a copy of explorer/, and opens the page from file://. */
export async function openExplorer(): Promise<OpenExplorer> {
  const executablePath = chromium();
  const dir = mkdtempSync(join(tmpdir(), "jixiao-explorer-"));
  const iife = (config as Options[]).find((o) => o.globalName === "Jixiao")!;
  await build({ ...iife, outDir: join(dir, "dist"), config: false, silent: true });
  cpSync("explorer", join(dir, "explorer"), { recursive: true });
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  const close = async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(join(dir, "explorer", "index.html")).href);
    return { browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Puts rules and people (as JSON texts) into the page and presses 载入. */
export async function loadInto(page: Page, rules: unknown, people: unknown): Promise<void> {
  await page.$eval("#rules-text", (e, v) => void ((e as unknown as { value: string }).value = v), JSON.stringify(rules));
  await page.$eval("#people-text", (e, v) => void ((e as unknown as { value: string }).value = v), JSON.stringify(people));
  await page.click("#load");
}
