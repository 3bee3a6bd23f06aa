import { z } from "../core/z.js";
import { decimalBounds } from "../core/validate.js";
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
  const schema = z.toJSONSchema(jsonSchemeSchema, {
    io: "input",
    target: "draft-2020-12",
    // A decimal field is a number or decimal text; give its number form the field's bounds.
    override(ctx) {
      const bounds = decimalBounds.get(ctx.zodSchema);
      const number = (ctx.jsonSchema.anyOf as Record<string, unknown>[] | undefined)?.find((s) => s.type === "number");
      if (!bounds || !number) return;
      if (bounds.min !== undefined) number[bounds.above ? "exclusiveMinimum" : "minimum"] = bounds.min;
      if (bounds.max !== undefined) number.maximum = bounds.max;
    },
  }) as Record<string, unknown>;
  return { ...schema, title: "jixiao scheme" };
}
