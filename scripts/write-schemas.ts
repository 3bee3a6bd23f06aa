// Writes the published JSON Schemas from the library's own definitions (run by `npm run build`).
import { mkdirSync, writeFileSync } from "node:fs";
import { SCHEMAS } from "../src/cli/commands.js";

/** Each published schema: its file under docs/schema and the function that makes it (the CLI's list, `jixiao schema`). */
export const PUBLISHED: Readonly<Record<string, () => Record<string, unknown>>> = Object.fromEntries(Object.entries(SCHEMAS).map(([name, make]) => [`${name}.schema.json`, make]));

if (process.argv[1]?.endsWith("write-schemas.ts")) {
  mkdirSync("docs/schema", { recursive: true });
  for (const [file, make] of Object.entries(PUBLISHED)) {
    writeFileSync(`docs/schema/${file}`, `${JSON.stringify(make(), null, 2)}\n`);
    console.log(`wrote docs/schema/${file}`);
  }
}
