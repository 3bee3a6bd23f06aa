import { jsonSchemaOf } from "../core/json-schema.js";
import { documentJsonSchemas, scenarioSchema } from "./scenario.js";

/**
 * The JSON Schema (draft 2020-12) of a scenario file, also published as
 * `docs/schema/scenario.schema.json` (`jixiao/schema/scenario.schema.json`). A rule field refers to
 * the rule document's own schema beside it (`scheme.schema.json`, …), so an editor checks inline
 * rules too.
 *
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * scenarioJsonSchema().required;
 * //=> ["cases"]
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(scenarioSchema, "jixiao scenario file", documentJsonSchemas);
}
