// Writes the published JSON Schemas from the library's own definitions (run by `npm run build`).
import { mkdirSync, writeFileSync } from "node:fs";
import { boardDocumentJsonSchema, cascadePlanJsonSchema, lastPlacePolicyJsonSchema, roadmapJsonSchema, schemeJsonSchema, taskBoardJsonSchema, tierPolicyJsonSchema } from "../src/index.js";
import { scenarioJsonSchema } from "../src/verify/index.js";

/** Each published schema: its file under docs/schema and the function that makes it. */
export const PUBLISHED = {
  "scheme.schema.json": schemeJsonSchema,
  "tier-policy.schema.json": tierPolicyJsonSchema,
  "last-place-policy.schema.json": lastPlacePolicyJsonSchema,
  "task-board.schema.json": taskBoardJsonSchema,
  "cascade-plan.schema.json": cascadePlanJsonSchema,
  "roadmap.schema.json": roadmapJsonSchema,
  "board.schema.json": boardDocumentJsonSchema,
  "scenario.schema.json": scenarioJsonSchema,
} as const;

if (process.argv[1]?.endsWith("write-schemas.ts")) {
  mkdirSync("docs/schema", { recursive: true });
  for (const [file, make] of Object.entries(PUBLISHED)) {
    writeFileSync(`docs/schema/${file}`, `${JSON.stringify(make(), null, 2)}\n`);
    console.log(`wrote docs/schema/${file}`);
  }
}
