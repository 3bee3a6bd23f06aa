import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The modules whose every line and branch the suite must reach: at least 95% of each. */
const CORE = ["scoring", "methods", "tiers", "penalties", "cascade", "tasks", "personnel"];

export default defineConfig({
  // The examples import the package by name; as tsconfig.json's paths do for tsc and tsx, the names
  // resolve to the sources (the command line's tests run the demo in-process).
  resolve: {
    alias: [
      { find: /^jixiao$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) },
      { find: /^jixiao\/node$/, replacement: fileURLToPath(new URL("src/node/index.ts", import.meta.url)) },
      { find: /^jixiao\/server$/, replacement: fileURLToPath(new URL("src/server/index.ts", import.meta.url)) },
      { find: /^jixiao\/vitest$/, replacement: fileURLToPath(new URL("src/node/vitest.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    testTimeout: 30_000,
    // Used by `npm run coverage` only.
    coverage: {
      provider: "v8",
      include: ["src/**"],
      exclude: ["src/cli/**"],
      reporter: ["text-summary", "json-summary", "json", "html"],
      reportsDirectory: "reports/coverage",
      thresholds: Object.fromEntries(CORE.map((m) => [`src/${m}/**`, { lines: 95, branches: 95 }])),
    },
  },
});
