// Writes the published JSON Schemas from the library's own definitions (run by `npm run build`).
import { mkdirSync, writeFileSync } from "node:fs";
import { schemeJsonSchema } from "../src/index.js";

mkdirSync("docs/schema", { recursive: true });
writeFileSync("docs/schema/scheme.schema.json", `${JSON.stringify(schemeJsonSchema(), null, 2)}\n`);
console.log("wrote docs/schema/scheme.schema.json");
