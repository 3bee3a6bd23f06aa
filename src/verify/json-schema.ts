import { decimalBounds } from "../core/validate.js";
import { z } from "../core/z.js";
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
  const json = z.toJSONSchema(scenarioSchema, {
    io: "input",
    target: "draft-2020-12",
    override(ctx) {
      const own = documentJsonSchemas.get(ctx.zodSchema);
      if (own) Object.assign(ctx.jsonSchema, structuredClone(own));
      // As the library's other schemas do: a decimal field's bounds go on its number form.
      const bounds = decimalBounds.get(ctx.zodSchema);
      const number = (ctx.jsonSchema.anyOf as Record<string, unknown>[] | undefined)?.find((s) => s.type === "number");
      if (!bounds || !number) return;
      if (bounds.min !== undefined) number[bounds.above ? "exclusiveMinimum" : "minimum"] = bounds.min;
      if (bounds.max !== undefined) number.maximum = bounds.max;
    },
  }) as Record<string, unknown>;
  return { ...json, title: "jixiao scenario file" };
}
