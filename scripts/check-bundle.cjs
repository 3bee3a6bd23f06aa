// Checks the IIFE bundle in a bare V8 context (no require, process or window), as Google Apps
// Script runs it: it must define the global Jixiao and score the example scheme exactly.
const { readFileSync } = require("node:fs");
const vm = require("node:vm");

const context = vm.createContext({});
vm.runInContext(readFileSync("dist/jixiao.global.js", "utf8"), context);
const total = vm.runInContext(
  `Jixiao.score(Jixiao.county361Example, { id: "c001", values: { attendance: 2, study: "良", political: 88,
     collection: 96.5, backlog: 3, grabbed: 7.2 }, bonus: [{ points: 1, reason: "创新" }] }).total`,
  context,
);
if (total !== 86.3) {
  console.error(`bundle check: expected 86.3, got ${total}`);
  process.exit(1);
}
console.log("bundle check: the global Jixiao scores the example as 86.3");

// The root entries and the global bundle carry no Node-only code: reading files, xlsx and zlib live
// in `jixiao/node` and the command line only, the HTTP service in `jixiao/server`.
for (const file of ["dist/index.js", "dist/index.cjs", "dist/jixiao.global.js"]) {
  const text = readFileSync(file, "utf8");
  for (const word of ["node:zlib", "node:fs", "node:http", "node:worker_threads", "inflateRawSync", "readXlsxSheet"]) {
    if (text.includes(word)) {
      console.error(`bundle check: ${file} holds ${word}: Node-only code reached the root entry`);
      process.exit(1);
    }
  }
}
console.log("bundle check: the root entries and the global bundle hold no Node-only code (files, xlsx, zlib)");
