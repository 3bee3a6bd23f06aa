import { boardDocumentJsonSchema } from "./board/document.js";
import { cascadePlanJsonSchema } from "./cascade/plan.js";
import { lastPlacePolicyJsonSchema } from "./penalties/last-place.js";
import { roadmapJsonSchema } from "./roadmap/roadmap.js";
import { schemeJsonSchema } from "./scheme/json-schema.js";
import { taskBoardJsonSchema } from "./tasks/board.js";
import { tierPolicyJsonSchema } from "./tiers/policy.js";
import { scenarioJsonSchema } from "./verify/json-schema.js";

/**
 * The published JSON Schemas, by name: the one list that `jixiao schema <name>` prints, the build
 * writes to docs/schema/<name>.schema.json and the service serves at /schemas/<name>.schema.json.
 * @internal
 */
export const SCHEMAS: Readonly<Record<string, () => Record<string, unknown>>> = {
  scheme: schemeJsonSchema,
  "tier-policy": tierPolicyJsonSchema,
  "last-place-policy": lastPlacePolicyJsonSchema,
  "task-board": taskBoardJsonSchema,
  "cascade-plan": cascadePlanJsonSchema,
  roadmap: roadmapJsonSchema,
  board: boardDocumentJsonSchema,
  scenario: scenarioJsonSchema,
};
