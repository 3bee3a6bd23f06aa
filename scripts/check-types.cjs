// Checks the published declarations where users compile them: a project with `module: NodeNext`
// and `skipLibCheck: false` importing `jixiao`, `jixiao/node` and `jixiao/server` from an ESM file and from a
// CommonJS file, and a scheme imported from a .json file passed to `defineScheme`.
// Run after the build (it reads dist/ through the package's exports).
const { execFileSync } = require("node:child_process");
const { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, copyFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");

const root = resolve(__dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "jixiao-types-"));
try {
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "jixiao"), "dir");
  copyFileSync(join(root, "examples/rules/county-361.scheme.json"), join(dir, "county-361.scheme.json"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        resolveJsonModule: true,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
      },
      files: ["esm.mts", "cjs.cts"],
    }),
  );
  const body = `
const scheme = defineScheme(json);
const result = score(scheme, { id: "c001", values: { attendance: 2, study: "良", political: 88, collection: 96.5, backlog: 3, grabbed: 7.2 } });
const total: number = result.total;
const words: string = formatIssues([], { locale: "zh-CN" });
const report: unknown = verifyScenarios;
const serve: (options?: ServerOptions) => Promise<JixiaoServer> = startServer;
export { total, words, report, serve };
`;
  writeFileSync(
    join(dir, "esm.mts"),
    `import { defineScheme, score, formatIssues } from "jixiao";
import { verifyScenarios } from "jixiao/node";
import { startServer, type JixiaoServer, type ServerOptions } from "jixiao/server";
import json from "./county-361.scheme.json" with { type: "json" };
${body}`,
  );
  writeFileSync(
    join(dir, "cjs.cts"),
    `import { defineScheme, score, formatIssues } from "jixiao";
import { verifyScenarios } from "jixiao/node";
import { startServer, type JixiaoServer, type ServerOptions } from "jixiao/server";
import json = require("./county-361.scheme.json");
${body}`,
  );
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], { stdio: "inherit" });
  console.log("types check: the declarations compile under NodeNext with skipLibCheck false, from ESM and CommonJS, with a JSON scheme");
} catch {
  console.error("types check: the declarations do not compile in a NodeNext project (see above)");
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
