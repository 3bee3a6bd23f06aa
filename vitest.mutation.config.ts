import { defineConfig } from "vitest/config";

// The suite Stryker runs against each mutant (`npm run mutation`, see docs/reliability.md): every
// test of the library's own code, with property tests at a tenth of their runs and without the tests of size
// limits and time zones (JIXIAO_LIGHT, see test/helpers.ts). Left out: the tests
// of the built package and the CLI (they do not load the mutated source) and the fuzz suite (it
// checks that bad input ends in a well-formed error, which other tests pin exactly) and
// test/scoring/totals-route.test.ts (its module mocks need modules of its own, which isolate: false does not give).
// Test files share their imports (`isolate: false`): a mutant is switched on at run time, so
// nothing needs a fresh module, and loading the modules once per run instead of once per file
// halves the suite's time (84 s against 181 s, one worker, on the project's two-core machine).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/package.test.ts", "test/cli/**", "test/fuzz/**", "test/scoring/totals-route.test.ts"],
    env: { JIXIAO_PROPERTY_SCALE: "0.1", JIXIAO_LIGHT: "1" },
    testTimeout: 30_000,
    isolate: false,
  },
});
