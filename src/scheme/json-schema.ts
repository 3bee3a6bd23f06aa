import { jsonSchemaOf } from "../core/json-schema.js";
import { jsonSchemeSchema } from "./schema.js";

/**
 * The JSON Schema (draft 2020-12) of a scheme document, for editors, forms and other languages.
 * The same schema is published as `docs/schema/scheme.schema.json` (`jixiao/schema/scheme.schema.json`).
 *
 * @returns a fresh JSON Schema object.
 * @example
 * ```ts
 * schemeJsonSchema().required;
 * //=> ["id", "full", "groups"]
 * ```
 */
export function schemeJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(jsonSchemeSchema, "jixiao scheme");
}
