import { decimalBounds } from "./validate.js";
import { z, type ZodType } from "./z.js";

/**
 * The JSON Schema (draft 2020-12) of a document schema, with the bounds of its decimal fields on
 * their number form (a decimal field is a number or decimal text).
 * @internal
 */
export function jsonSchemaOf(schema: ZodType, title: string, own?: WeakMap<object, Record<string, unknown>>): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    override(ctx) {
      // A field with a schema of its own (a rule document inside a scenario) takes it.
      const given = own?.get(ctx.zodSchema);
      if (given) Object.assign(ctx.jsonSchema, structuredClone(given));
      const bounds = decimalBounds.get(ctx.zodSchema);
      const number = (ctx.jsonSchema.anyOf as Record<string, unknown>[] | undefined)?.find((s) => s.type === "number");
      if (!bounds || !number) return;
      if (bounds.min !== undefined) number[bounds.above ? "exclusiveMinimum" : "minimum"] = bounds.min;
      if (bounds.max !== undefined) number.maximum = bounds.max;
    },
  }) as Record<string, unknown>;
  return { ...json, title };
}
