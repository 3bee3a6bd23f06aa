import { defineConfig } from "vitest/config";

/** The modules whose every line and branch the suite must reach: at least 95% of each. */
const CORE = ["scoring", "methods", "tiers", "penalties", "cascade", "tasks", "personnel"];

export default defineConfig({
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
