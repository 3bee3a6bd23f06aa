import { z, type ZodType, type RefinementCtx, type ZodIssue } from "./z.js";
import { DECIMAL_TEXT, MAX_DECIMAL_TEXT, toDec, type Dec } from "./decimal.js";
import { issue, IssueCode, JixiaoError, TERMS, type Issue, type IssuePath } from "./errors.js";

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

function suggestion(key: string): string {
  if (key.length > 40) return "";
  let best: string | undefined;
  // A hint must share more with the key than it changes: none for "" or "x".
  let bestDistance = Math.min(3, key.length);
  for (const name of knownFields) {
    if (name === key) continue; // known elsewhere, not here: no hint beats a wrong one
    const d = distance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best ? `; did you mean "${best}"?` : "";
}

/** A short, safe description of a value for a message. @internal */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return value.length > 40 ? `text "${value.slice(0, 37)}…"` : `text "${value}"`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
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

const EXPECTED: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  function: "a function",
};

function translate(raw: ZodIssue, root: unknown, base: IssuePath): Issue[] {
  const path: IssuePath = [...base, ...(raw.path as (string | number)[])];
  const actual = valueAt(root, raw.path as PropertyKey[]);
  const at = (code: IssueCode, words: string) => issue(code, path, words);
  switch (raw.code) {
    case "invalid_type":
      if (actual === undefined) return [at(IssueCode.required, "is required")];
      if (raw.expected === "number" && typeof actual === "number")
        return [at(IssueCode.invalidNumber, `must be a finite number, not ${describe(actual)}`)];
      return [at(IssueCode.invalidType, `must be ${EXPECTED[raw.expected] ?? raw.expected}, not ${describe(actual)}`)];
    case "invalid_union": {
      if ("discriminator" in raw && raw.discriminator) {
        const options = ((raw as { options?: unknown[] }).options ?? []).map((o) => `"${String(o)}"`).join(", ");
        return [at(IssueCode.invalidOption, `must be one of ${options}, not ${describe(actual)}`)];
      }
      if (actual === undefined) return [at(IssueCode.required, "is required")];
      // A union with its own message says what it wants; the decimal union has none.
      if (!raw.message.startsWith("Invalid")) return [at(typeof actual === "number" && !Number.isFinite(actual) ? IssueCode.invalidNumber : IssueCode.invalidType, `${raw.message}, not ${describe(actual)}`)];
      if (typeof actual === "number" || typeof actual === "string")
        return [at(IssueCode.invalidNumber, `must be a finite decimal number (a number or text such as "96.5"), not ${describe(actual)}`)];
      return [at(IssueCode.invalidType, `must be a number or decimal text such as "96.5", not ${describe(actual)}`)];
    }
    case "invalid_format":
      // A pattern with its own message says what it wants; the decimal pattern has none.
      if ((raw as { pattern?: string }).pattern === String(DECIMAL_TEXT))
        return [at(IssueCode.invalidNumber, `must be decimal text such as "96.5", not ${describe(actual)}`)];
      if (!raw.message.startsWith("Invalid")) return [at(IssueCode.invalidValue, `${raw.message}, not ${describe(actual)}`)];
      return [at(IssueCode.invalidType, `is not in the expected format, got ${describe(actual)}`)];
    case "invalid_value": {
      const options = raw.values.map((v) => JSON.stringify(v)).join(", ");
      return [at(IssueCode.invalidOption, `must be one of ${options}, not ${describe(actual)}`)];
    }
    case "too_small":
    case "too_big": {
      const small = raw.code === "too_small";
      const limit = String(small ? (raw as { minimum: unknown }).minimum : (raw as { maximum: unknown }).maximum);
      const inclusive = raw.inclusive !== false;
      const plural = limit === "1" ? "" : "s";
      const unit = raw.origin === "array" || raw.origin === "set" ? ` item${plural}` : raw.origin === "string" ? ` character${plural}` : "";
      const has = raw.origin === "array" ? `has ${Array.isArray(actual) ? actual.length : "?"}` : `is ${describe(actual)}`;
      const bound = small ? (inclusive ? "at least" : "more than") : inclusive ? "at most" : "less than";
      return [at(IssueCode.outOfRange, `must be ${bound} ${limit}${unit}; it ${has}`)];
    }
    case "not_multiple_of":
      return [at(IssueCode.invalidNumber, `must be a whole number, not ${describe(actual)}`)];
    case "unrecognized_keys": {
      // At most MAX_ISSUES keys are listed: an object of 100,000 unknown keys is refused at once, not after a hint for each.
      const listed = raw.keys.slice(0, MAX_ISSUES).map((key) => {
        const p = [...path, key];
        return issue(IssueCode.unknownField, p, `is not a known field${suggestion(key)}`);
      });
      if (raw.keys.length > MAX_ISSUES) listed.push(issue(IssueCode.tooManyIssues, path, `has ${raw.keys.length - MAX_ISSUES} more unknown fields, not listed`));
      return listed;
    }
    case "custom": {
      const params = (raw as { params?: { code?: IssueCode } }).params;
      return [at(params?.code ?? IssueCode.invalidInput, raw.message)];
    }
    default:
      return [at(IssueCode.invalidInput, `is not valid here (${describe(actual)})`)];
  }
}

/** The most issues listed for one input; the rest are counted in a last issue. @internal */
export const MAX_ISSUES = 1000;

/**
 * Validates `input` against a zod schema and returns the parsed value, or throws a
 * {@link JixiaoError} listing every issue in the library's own words. Never lets a raw error
 * (from a hostile getter, say) escape.
 * @internal
 */
export function parseWith<T>(schema: ZodType<T>, input: unknown, context: string, base: IssuePath = []): T {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input);
  } catch (error) {
    if (error instanceof JixiaoError) throw error;
    throw new JixiaoError([issue(IssueCode.invalidInput, base, "could not be read (it is not plain data)")], context);
  }
  if (result.success) return result.data;
  const raw = result.error.issues;
  const issues = raw.slice(0, MAX_ISSUES).flatMap((r) => translate(r, input, base));
  if (raw.length > MAX_ISSUES)
    issues.push(issue(IssueCode.tooManyIssues, base, `${raw.length - MAX_ISSUES} more issues are not listed; mend the ones above first`));
  throw new JixiaoError(issues, context);
}

/** A custom zod issue carrying one of the library's codes. @internal */
export function addIssue(ctx: RefinementCtx, code: IssueCode, message: string, path?: (string | number)[]): void {
  ctx.addIssue({ code: "custom", message, params: { code }, ...(path ? { path } : {}) });
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
      const d = toDec(value);
      if (!d) {
        // Only a well-formed number can get here unreported: one beyond ±10^18.
        const wellFormed = typeof value === "number" ? Number.isFinite(value) : value.length <= MAX_DECIMAL_TEXT && DECIMAL_TEXT.test(value);
        if (wellFormed) addIssue(ctx, IssueCode.invalidNumber, `must be a finite decimal within ±10^18, not ${describe(value)}`);
        return;
      }
      if (bounds.min !== undefined && (bounds.above ? d.lte(bounds.min) : d.lt(bounds.min)))
        addIssue(ctx, IssueCode.outOfRange, `must be ${bounds.above ? "more than" : "at least"} ${bounds.min}, not ${describe(value)}`);
      if (bounds.max !== undefined && d.gt(bounds.max))
        addIssue(ctx, IssueCode.outOfRange, `must be at most ${bounds.max}, not ${describe(value)}`);
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
export function namedRecord<V extends ZodType>(value: V, what: string, allowEmpty = false) {
  return z.preprocess(
    (raw, ctx) => {
      if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
        const keys = Object.keys(raw);
        if (keys.length === 0 && !allowEmpty) ctx.addIssue({ code: "custom", message: `must name at least one ${what}`, params: { code: IssueCode.outOfRange } });
        for (const key of keys)
          if (RESERVED_KEYS.has(key))
            ctx.addIssue({ code: "custom", message: `"${key}" cannot be used as a ${what} name`, path: [key], params: { code: IssueCode.invalidOption } });
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
    if (RESERVED_KEYS.has(id)) addIssue(ctx, IssueCode.invalidOption, `"${id}" is reserved and cannot be used as an id`);
  });

/** A field that must be a function (a custom rule, a callback). @internal */
export const functionSchema = <T>() => z.custom<T>((v) => typeof v === "function", { message: "must be a function", params: { code: IssueCode.invalidType } });

/** Whether a value is a plain object (`{}`, not a class instance, an array or null). @internal */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

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
 * Reads a list: when every item passes `plain` — a quick check that accepts only what `schema`
 * accepts as it is — the list is taken as given; otherwise (or if reading it throws, as a hostile
 * getter may) the schema checks it and reports every issue. Large batches of ordinary data then skip
 * the schema's cost.
 * @internal
 */
export function parseList<T>(schema: ZodType<T[]>, input: unknown, plain: (item: unknown) => boolean, max: number, context: string, base: IssuePath = []): T[] {
  try {
    if (Array.isArray(input) && input.length <= max && everyItem(input, plain)) return input as T[];
  } catch {
    // Reported by the schema below.
  }
  return parseWith(schema, input, context, base);
}
