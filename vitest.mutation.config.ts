import { defineConfig } from "vitest/config";

// The suite Stryker runs against each mutant: every test of the library's own code, without the
// tests that check the built package or start child processes (they do not load the mutated source).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/package.test.ts", "test/cli/**"],
    testTimeout: 30_000,
  },
});
