/**
 * The parts of zod the library uses, imported by name so that bundles (the IIFE for spreadsheets)
 * carry only these and not all of zod's locales and extras.
 * @internal
 */
import {
  array,
  boolean,
  custom,
  discriminatedUnion,
  enum as enumOf,
  literal,
  number,
  object,
  preprocess,
  record,
  strictObject,
  string,
  toJSONSchema,
  union,
  unknown,
} from "zod";

export type { RefinementCtx, ZodType } from "zod";
export type { $ZodIssue as ZodIssue } from "zod/v4/core";

/** @internal */
export const z = {
  array,
  boolean,
  custom,
  discriminatedUnion,
  enum: enumOf,
  literal,
  number,
  object,
  preprocess,
  record,
  strictObject,
  string,
  toJSONSchema,
  union,
  unknown,
} as const;
