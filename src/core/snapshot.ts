import { issue, IssueCode, JixiaoError, MAX_ISSUES, type Issue, type IssuePath } from "./errors.js";

/**
 * The one way the library reads a caller's input (issue 18): every public entry first copies what
 * it was given into plain data and then validates and computes on that copy alone, so a getter
 * that answers differently on a second read, a Proxy, or a caller who edits the input afterwards
 * can never make a result disagree with itself.
 *
 * - Objects become null-prototype objects holding their own enumerable string-keyed fields, each
 *   read exactly once (symbols, non-enumerable and inherited fields are not read). Arrays become
 *   arrays of their elements `0 … length − 1`, read once each; a hole reads as `undefined`.
 * - An object reached by several paths is copied once and shared in the copy, like the original.
 * - Dates are copied by their time; functions (custom methods, callbacks) are kept as they are;
 *   primitives are values already.
 * - Objects the library made and froze ({@link made}) are taken as they are: they cannot change.
 * - What cannot be read plainly is refused with every problem's path, never with a raw error:
 *   an exception while reading (a getter, a Proxy trap) is `unreadable_input`; an own `__proto__`
 *   field (as `JSON.parse` makes it, and as other tools would read as a prototype) is
 *   `reserved_key`; an object that contains itself, a Map, Set, typed array or other object with
 *   hidden state is `invalid_type`; more than {@link MAX_INPUT_VALUES} values is `out_of_range`.
 */

/** The most values (fields, elements and the values they hold) one input may have: 200 million. */
export const MAX_INPUT_VALUES = 200_000_000;

const trusted = new WeakMap<object, string>();

/**
 * Registers an object the library made and deep-froze (a defined scheme, a ranking, an
 * allocation …) under a kind, so that the next entry can take it as it is.
 * @internal
 */
export function made<T extends object>(kind: string, value: T): T {
  trusted.set(value, kind);
  return value;
}

/** Whether `value` is an object the library made as `kind` (see {@link made}). @internal */
export const madeAs = (kind: string, value: unknown): boolean => value !== null && typeof value === "object" && trusted.get(value) === kind;

const snapshots = new WeakSet<object>();

/** Built-in objects whose content lies in hidden slots, not in fields: never plain data. */
const OPAQUE: readonly (abstract new (...args: never[]) => unknown)[] = [Map, Set, WeakMap, WeakSet, RegExp, Promise, ArrayBuffer, DataView, Error, Number, String, Boolean];

const has = Object.prototype.hasOwnProperty;

/** A pending copy: the original, its copy, the keys still to read and where it is. */
interface Frame {
  readonly from: object;
  readonly into: Record<string, unknown> | unknown[];
  readonly keys: readonly string[] | number;
  next: number;
  readonly path: IssuePath;
}

/**
 * Copies a caller's input into plain data, each field read once (see the module's notes).
 * A copy it made itself is returned as it is.
 * @param input - what the caller gave.
 * @param base - where the input is, for issue paths (`["options"]`).
 * @param context - what was being done, for the error's first line.
 * @returns the copy.
 * @throws {@link JixiaoError} listing every part that cannot be read as plain data.
 * @internal
 */
export function snapshot(input: unknown, base: IssuePath = [], context = "Input cannot be read"): unknown {
  if (input === null || typeof input !== "object" || trusted.has(input) || snapshots.has(input)) return input;
  const issues: Issue[] = [];
  const copies = new Map<object, unknown>();
  const open = new Set<object>();
  const stack: Frame[] = [];
  let values = 0;
  let more = 0;
  const fail = (path: IssuePath, code: IssueCode, params: Parameters<typeof issue>[2]): undefined => {
    if (issues.length < MAX_ISSUES) issues.push(issue(code, path, params));
    else more++;
    return undefined;
  };

  /** The copy of one value, opening a frame for an object or array still to be read. */
  const copy = (value: unknown, path: IssuePath): unknown => {
    if (value === null || typeof value !== "object") return value;
    if (trusted.has(value)) return value;
    const seen = copies.get(value);
    if (seen !== undefined) return open.has(value) ? fail(path, IssueCode.invalidType, { key: "refersToItself" }) : seen;
    try {
      let into: Record<string, unknown> | unknown[];
      let keys: readonly string[] | number;
      if (Array.isArray(value)) {
        keys = (value as unknown[]).length;
        into = new Array(keys);
      } else if (value instanceof Date) return new Date(Date.prototype.getTime.call(value));
      else if (OPAQUE.some((type) => value instanceof type) || ArrayBuffer.isView(value)) return fail(path, IssueCode.invalidType, { key: "notPlainData" });
      else {
        keys = Object.keys(value);
        into = Object.create(null) as Record<string, unknown>;
      }
      if ((typeof keys === "number" ? keys : keys.length) > MAX_INPUT_VALUES - values) return tooLarge(path);
      open.add(value);
      copies.set(value, into);
      stack.push({ from: value, into, keys, next: 0, path });
      return into;
    } catch {
      return fail(path, IssueCode.unreadableInput, { key: "unreadable" });
    }
  };
  const tooLarge = (path: IssuePath) => {
    values = MAX_INPUT_VALUES;
    return fail(path, IssueCode.outOfRange, { key: "inputTooLarge", limit: MAX_INPUT_VALUES });
  };

  const root = copy(input, base);
  while (stack.length > 0 && values < MAX_INPUT_VALUES) {
    const frame = stack[stack.length - 1]!;
    const { from, into, keys } = frame;
    const count = typeof keys === "number" ? keys : keys.length;
    if (frame.next >= count) {
      stack.pop();
      open.delete(from);
      continue;
    }
    const i = frame.next++;
    values++;
    const key = typeof keys === "number" ? i : keys[i]!;
    if (key === "__proto__") {
      fail([...frame.path, key], IssueCode.reservedKey, { key: "reservedKey", name: key });
      continue;
    }
    let value: unknown;
    try {
      value = typeof key === "number" ? (has.call(from, key) ? (from as unknown[])[key] : undefined) : (from as Record<string, unknown>)[key];
    } catch {
      fail([...frame.path, key], IssueCode.unreadableInput, { key: "unreadable" });
      continue;
    }
    const field = value !== null && typeof value === "object" ? copy(value, [...frame.path, key]) : value;
    (into as Record<string | number, unknown>)[key] = field;
  }
  if (more > 0) issues.push(issue(IssueCode.tooManyIssues, base, { key: "moreIssues", count: more }));
  if (issues.length > 0) throw new JixiaoError(issues, context);
  if (root !== null && typeof root === "object") snapshots.add(root);
  return root;
}
