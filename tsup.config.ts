import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
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
]);
