import { z, type ZodType, type RefinementCtx, type ZodIssue } from "./z.js";
import { DECIMAL_TEXT, MAX_DECIMAL_TEXT, toDec, type Dec } from "./decimal.js";
import { issue, IssueCode, JixiaoError, MAX_ISSUES, TERMS, type Issue, type IssuePath } from "./errors.js";
import { render, shown, type MessageParams } from "../messages/index.js";
import { WANTS, type Noun, type Want } from "../messages/core.js";
import { isCopy, snapshot } from "./snapshot.js";

/** Every field name the schemas know, for "did you mean" hints on typos. @internal */
const knownFields = new Set<string>(Object.keys(TERMS));

/** Registers field names for typo hints. @internal */
export function registerFields(names: Iterable<string>): void {
  for (const n of names) knownFields.add(n);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function suggestion(key: string): string | undefined {
  if (key.length > 40) return undefined;
  let best: string | undefined;
  // A hint must share more with the key than it changes: none for "" or "x".
  let bestDistance = Math.min(3, key.length);
  for (const name of knownFields) {
    if (name === key) continue; // known elsewhere, not here: no hint beats a wrong one
    const d = distance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}


function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const WANT_OF_TYPE: Readonly<Record<string, Want>> = {
  string: "text",
  number: "number",
  boolean: "boolean",
  object: "object",
  array: "array",
  function: "function",
};

/** The message a schema names as its own: a key of {@link WANTS} (`{ error: want("periodKey") }`). */
const ownWant = (message: string): Want | undefined => (Object.prototype.hasOwnProperty.call(WANTS, message) ? (message as Want) : undefined);

/**
 * The message of a zod union or pattern that says what it wants, in both languages: pass it as the
 * schema's `error` (a union) or message (a pattern).
 * @internal
 */
export const want = (name: Want): string => name;

function translate(raw: ZodIssue, root: unknown, base: IssuePath): Issue[] {
  const path: IssuePath = [...base, ...(raw.path as (string | number)[])];
  const actual = valueAt(root, raw.path as PropertyKey[]);
  const received = shown(actual);
  const at = (code: IssueCode, params: MessageParams) => issue(code, path, params);
  switch (raw.code) {
    case "invalid_type": {
      if (actual === undefined) return [at(IssueCode.required, { key: "required" })];
      if (raw.expected === "number" && typeof actual === "number") return [at(IssueCode.invalidNumber, { key: "finiteNumber", received })];
      const wanted = WANT_OF_TYPE[raw.expected];
      if (wanted) return [at(IssueCode.invalidType, { key: "wants", want: wanted, received })];
      return [at(IssueCode.invalidType, { key: "notValidHere", received })];
    }
    case "invalid_union": {
      if ("discriminator" in raw && raw.discriminator) {
        const options = ((raw as { options?: unknown[] }).options ?? []).map((o) => `"${String(o)}"`);
        return [at(IssueCode.invalidOption, { key: "oneOf", options, received })];
      }
      if (actual === undefined) return [at(IssueCode.required, { key: "required" })];
      // A union with its own message says what it wants; the decimal union has none.
      const own = ownWant(raw.message);
      if (own) return [at(typeof actual === "number" && !Number.isFinite(actual) ? IssueCode.invalidNumber : IssueCode.invalidType, { key: "wants", want: own, received })];
      if (typeof actual === "number" || typeof actual === "string") return [at(IssueCode.invalidNumber, { key: "decimalNumber", received })];
      return [at(IssueCode.invalidType, { key: "numberOrDecimalText", received })];
    }
    case "invalid_format": {
      // A pattern with its own message says what it wants; the decimal pattern has none.
      if ((raw as { pattern?: string }).pattern === String(DECIMAL_TEXT)) return [at(IssueCode.invalidNumber, { key: "decimalText", received })];
      const own = ownWant(raw.message);
      if (own) return [at(IssueCode.invalidValue, { key: "wants", want: own, received })];
      return [at(IssueCode.invalidType, { key: "badFormat", received })];
    }
    case "invalid_value":
      return [at(IssueCode.invalidOption, { key: "oneOf", options: raw.values.map((v) => JSON.stringify(v)), received })];
    case "too_small":
    case "too_big": {
      const small = raw.code === "too_small";
      const limit = String(small ? (raw as { minimum: unknown }).minimum : (raw as { maximum: unknown }).maximum);
      const inclusive = raw.inclusive !== false;
      const unit = raw.origin === "array" || raw.origin === "set" ? "items" : raw.origin === "string" ? "characters" : "";
      const bound = small ? (inclusive ? "atLeast" : "moreThan") : inclusive ? "atMost" : "lessThan";
      const has = raw.origin === "array" ? { count: Array.isArray(actual) ? actual.length : 0 } : { received };
      return [at(IssueCode.outOfRange, { key: "size", bound, limit, unit, ...has })];
    }
    case "not_multiple_of":
      return [at(IssueCode.invalidNumber, { key: "wholeNumber", received })];
    case "unrecognized_keys": {
      // At most MAX_ISSUES keys are listed: an object of 100,000 unknown keys is refused at once, not after a hint for each.
      const listed = raw.keys.slice(0, MAX_ISSUES).map((key) => {
        const hint = suggestion(key);
        return issue(IssueCode.unknownField, [...path, key], hint === undefined ? { key: "unknownField" } : { key: "unknownField", hint });
      });
      if (raw.keys.length > MAX_ISSUES) listed.push(issue(IssueCode.tooManyIssues, path, { key: "moreUnknownFields", count: raw.keys.length - MAX_ISSUES }));
      return listed;
    }
    case "custom": {
      const params = (raw as { params?: { code?: IssueCode; detail?: MessageParams } }).params;
      return [at(params?.code ?? IssueCode.invalidInput, params?.detail ?? { key: "notValidHere", received })];
    }
    default:
      return [at(IssueCode.invalidInput, { key: "notValidHere", received })];
  }
}

export { MAX_ISSUES } from "./errors.js";

/**
 * Validates `input` against a zod schema and returns the parsed value, or throws a
 * {@link JixiaoError} listing every issue in the library's own words. Never lets a raw error
 * (from a hostile getter, say) escape.
 * @internal
 */
export function parseWith<T>(schema: ZodType<T>, input: unknown, context: string, base: IssuePath = []): T {
  refuseLongList(input, maxItems(schema), context, base);
  // Read once into plain data; the schema and everything after it see only the copy.
  return parseCopy(schema, snapshot(input, base, context), context, base);
}

/**
 * {@link parseWith} on what is already the input's copy ({@link snapshot}), which is not copied again.
 * @internal
 */
export function parseCopy<T>(schema: ZodType<T>, copy: unknown, context: string, base: IssuePath = []): T {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(copy);
  } catch (error) {
    if (error instanceof JixiaoError) throw error;
    throw new JixiaoError([issue(IssueCode.invalidInput, base, { key: "notPlainData" })], context);
  }
  if (result.success) return result.data;
  const raw = result.error.issues;
  const issues = raw.slice(0, MAX_ISSUES).flatMap((r) => translate(r, copy, base));
  if (raw.length > MAX_ISSUES)
    issues.push(issue(IssueCode.tooManyIssues, base, { key: "moreIssues", count: raw.length - MAX_ISSUES }));
  throw new JixiaoError(issues, context);
}

/** The most items a list schema takes (its `.max()`), if it is a list schema with one. */
function maxItems(schema: ZodType): number | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; checks?: readonly { _zod: { def: { check: string; maximum?: number } } }[] } } })._zod.def;
  if (def.type !== "array") return undefined;
  for (const c of def.checks ?? []) if (c._zod.def.check === "max_length") return c._zod.def.maximum;
  return undefined;
}

/**
 * Refuses a list longer than its schema takes before it is copied, as the schema would: a list of
 * ten million is refused at once, not after a copy of it. (A length that cannot be read is left to
 * the copy, which reports it.)
 */
function refuseLongList(input: unknown, max: number | undefined, context: string, base: IssuePath): void {
  if (max === undefined || !Array.isArray(input)) return;
  let length: number;
  try {
    length = (input as unknown[]).length;
  } catch {
    return;
  }
  if (length > max) throw new JixiaoError([issue(IssueCode.outOfRange, base, { key: "size", bound: "atMost", limit: String(max), unit: "items", count: length })], context);
}

/** A custom zod issue carrying one of the library's codes and its message as data. @internal */
export function addIssue(ctx: RefinementCtx, code: IssueCode, params: MessageParams, path?: (string | number)[]): void {
  ctx.addIssue({ code: "custom", message: render(params, "en"), params: { code, detail: params }, ...(path ? { path } : {}) });
}

/** Bounds for a decimal field. @internal */
export interface DecimalBounds {
  readonly min?: number;
  readonly max?: number;
  /** Whether `min` itself is excluded. */
  readonly above?: boolean;
}

/**
 * A decimal field: a number or decimal text, finite, within ±10^18 and the given bounds.
 * @internal
 */
export function decimal(bounds: DecimalBounds = {}, description?: string) {
  const result = decimalSchema(bounds, description);
  decimalBounds.set(result, bounds);
  return result;
}

/** The bounds of each decimal field, for the JSON Schema. @internal */
export const decimalBounds = new WeakMap<object, DecimalBounds>();

function decimalSchema(bounds: DecimalBounds, description?: string) {
  const schema = z
    .union([z.number(), z.string().max(MAX_DECIMAL_TEXT).regex(DECIMAL_TEXT)])
    .superRefine((value, ctx) => {
      // A number is the decimal of its shortest text, and those texts are ordered as the numbers
      // are: comparing the number with the bounds (themselves numbers) is comparing the decimals,
      // without making one. (The range check too: 10^18 is a number exactly.)
      const d = typeof value === "number" && Math.abs(value) <= 1e18 ? value : toDec(value);
      if (d === undefined) {
        // Only a well-formed number can get here unreported: one beyond ±10^18.
        const wellFormed = typeof value === "number" ? Number.isFinite(value) : value.length <= MAX_DECIMAL_TEXT && DECIMAL_TEXT.test(value);
        if (wellFormed) addIssue(ctx, IssueCode.invalidNumber, { key: "decimalRange", received: shown(value) });
        return;
      }
      const below = (min: number) => (typeof d === "number" ? (bounds.above ? d <= min : d < min) : bounds.above ? d.lte(min) : d.lt(min));
      if (bounds.min !== undefined && below(bounds.min))
        addIssue(ctx, IssueCode.outOfRange, { key: "decimalBound", bound: bounds.above ? "moreThan" : "atLeast", limit: String(bounds.min), received: shown(value) });
      if (bounds.max !== undefined && (typeof d === "number" ? d > bounds.max : d.gt(bounds.max)))
        addIssue(ctx, IssueCode.outOfRange, { key: "decimalBound", bound: "atMost", limit: String(bounds.max), received: shown(value) });
    });
  return description ? schema.describe(description) : schema;
}

/** A decimal input as written: a number or decimal text. */
export type DecimalInput = number | string;

/** Reads a validated decimal field. @internal */
export function dec(value: DecimalInput): Dec {
  const d = toDec(value);
  if (!d) throw new Error(`unvalidated decimal ${String(value)}`);
  return d;
}

/** Names that may not be used as keys of a record (they would reach an object's prototype). @internal */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A record keyed by names (grades, say) that rejects reserved keys, which would otherwise reach an
 * object's prototype.
 * @internal
 */
export function namedRecord<V extends ZodType>(value: V, what: Noun, allowEmpty = false) {
  return z.preprocess(
    (raw, ctx) => {
      if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
        const keys = Object.keys(raw);
        if (keys.length === 0 && !allowEmpty) addIssue(ctx, IssueCode.outOfRange, { key: "needsName", noun: what });
        for (const key of keys) if (RESERVED_KEYS.has(key)) addIssue(ctx, IssueCode.invalidOption, { key: "reservedName", name: key, noun: what }, [key]);
      }
      return raw;
    },
    z.record(z.string().min(1).max(200), value),
  );
}

/** An id: 1 to 200 characters of text, not a reserved name such as `__proto__`. @internal */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .superRefine((id, ctx) => {
    if (RESERVED_KEYS.has(id)) addIssue(ctx, IssueCode.invalidOption, { key: "reservedId", id });
  });

/** A field that must be a function (a custom rule, a callback). @internal */
export const functionSchema = <T>() =>
  z.custom<T>((v) => typeof v === "function", { message: "must be a function", params: { code: IssueCode.invalidType, detail: { key: "mustBeFunction" } } });

/**
 * Whether a value is a plain object (`{}` or a copy {@link snapshot} made, not a class instance, an
 * array or null). @internal
 */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || isCopy(v);
};

/** Whether a value is text of `min` to `max` characters. @internal */
export const isText = (v: unknown, max: number, min = 1): v is string => typeof v === "string" && v.length >= min && v.length <= max;

/** Whether a value is an id: 1 to 200 characters, not a reserved name. @internal */
export const isId = (v: unknown): v is string => isText(v, 200) && !RESERVED_KEYS.has(v);

/**
 * Whether every item of a list passes `test`, holes included: unlike `Array#every`, which passes
 * over them, a hole is read as `undefined` and tested.
 * @internal
 */
export function everyItem(list: readonly unknown[], test: (item: unknown) => boolean): boolean {
  for (let i = 0; i < list.length; i++) if (!test(list[i])) return false;
  return true;
}

/**
 * Reads a list into its plain copy ({@link snapshot}): when every item passes `plain` — a quick
 * check that accepts only what `schema` accepts as it is — the copy is taken as it is; otherwise the
 * schema checks it and reports every issue. Large batches of ordinary data then skip the schema's
 * cost.
 * @internal
 */
export function parseList<T>(schema: ZodType<T[]>, input: unknown, plain: (item: unknown) => boolean, max: number, context: string, base: IssuePath = []): T[] {
  refuseLongList(input, max, context, base);
  const copy = snapshot(input, base, context);
  if (Array.isArray(copy) && copy.length <= max && everyItem(copy, plain)) return copy as T[];
  return parseCopy(schema, copy, context, base);
}
