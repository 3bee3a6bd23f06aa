import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library, and its Node-only entries: `jixiao/node` (scenario files from disk) and
    // `jixiao/vitest` (scenario files as tests). The core never imports them: reading files (CSV in
    // its encodings, xlsx over node:zlib) lives in `jixiao/node` and the CLI only, which
    // scripts/check-bundle.cjs checks in the built root entries and the IIFE bundle.
    entry: { index: "src/index.ts", node: "src/node/index.ts", vitest: "src/node/vitest.ts" },
    format: ["esm", "cjs"],
    dts: true,
    external: ["vitest"],
    sourcemap: true,
    clean: true,
    target: "es2022",
    treeshake: true,
  },
  {
    // A self-contained bundle for spreadsheets (Google Apps Script) and plain pages:
    // defines the global `Jixiao`, with decimal.js, zod and date-fns inside.
    entry: { jixiao: "src/index.ts" },
    format: ["iife"],
    globalName: "Jixiao",
    platform: "browser",
    target: "es2020",
    minify: true,
    noExternal: [/.*/],
    outExtension: () => ({ js: ".global.js" }),
  },
  {
    // The HTTP service, `jixiao/server` (Node only), and its worker thread's code, which it loads
    // from beside itself (server-worker.js or .cjs; the CLI bundle finds the ESM one in dist/).
    entry: { server: "src/server/index.ts", "server-worker": "src/server/worker.ts" },
    format: ["esm", "cjs"],
    dts: { entry: { server: "src/server/index.ts" } },
    platform: "node",
    target: "node20",
    // import.meta.url in the CommonJS build, where the worker's file is found from.
    shims: true,
    sourcemap: true,
    treeshake: true,
  },
  {
    // The `jixiao` command (Node only); its dependencies stay external, the demo is bundled in.
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: true,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
