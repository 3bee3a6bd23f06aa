import { issue, IssueCode, JixiaoError, MAX_ISSUES, type Issue, type IssuePath } from "./errors.js";

/**
 * The one way the library reads a caller's input: every public entry first copies what
 * it was given into plain data and then validates and computes on that copy alone, so a getter
 * that answers differently on a second read, a Proxy, or a caller who edits the input afterwards
 * can never make a result disagree with itself.
 *
 * - Objects become copies that inherit nothing (see {@link isCopy}) holding their own enumerable
 *   string-keyed fields, each read exactly once (symbols, non-enumerable and inherited fields are
 *   not read). Arrays become arrays of their elements `0 … length − 1`, read once each; a hole
 *   reads as `undefined`.
 * - An object reached by several paths is copied once and shared in the copy when it is large or
 *   deep; a small, shallow one (a subject, its values) is read once for each path that reaches it.
 * - Dates are copied by their time; functions (custom methods, callbacks) are kept as they are;
 *   primitives are values already.
 * - Objects the library made and froze ({@link made}) are taken as they are: they cannot change.
 * - What cannot be read plainly is refused with every problem's path, never with a raw error:
 *   an exception while reading (a getter, a Proxy trap) is `unreadable_input`; an own `__proto__`
 *   field (as `JSON.parse` makes it, and as other tools would read as a prototype) is
 *   `reserved_key`; an object that contains itself, a Map, Set, typed array or other object with
 *   hidden state is `invalid_type`; more than {@link MAX_INPUT_VALUES} values or
 *   {@link MAX_INPUT_DEPTH} levels is `out_of_range`.
 */

/** The most values (fields, elements and the values they hold) one input may have: 200 million. */
export const MAX_INPUT_VALUES = 200_000_000;

/** How deeply one input may nest: 1,000 levels (a rule document nests a dozen). */
export const MAX_INPUT_DEPTH = 1000;

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

/**
 * The prototype of the copies: an empty frozen object without a prototype of its own, so a copy
 * inherits nothing (no `toString`, no `__proto__` accessor) and no field is ever read through a
 * prototype. (A shared prototype rather than none keeps V8's fast object layout: a copy without
 * any prototype is a dictionary, twice as slow to make.)
 */
const PLAIN: object = Object.freeze(Object.create(null) as object);
const Plain = function (this: object) {} as unknown as new () => Record<string, unknown>;
(Plain as unknown as { prototype: object }).prototype = PLAIN;

/** Whether `value` is an object copy {@link snapshot} made. @internal */
export function isCopy(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  try {
    return Object.getPrototypeOf(value) === PLAIN;
  } catch {
    // A Proxy whose getPrototypeOf trap throws is no copy (reading it is reported as it is read).
    return false;
  }
}

/** Built-in objects whose content lies in hidden slots, not in fields: never plain data. */
const OPAQUE: readonly (abstract new (...args: never[]) => unknown)[] = [Map, Set, WeakMap, WeakSet, RegExp, Promise, ArrayBuffer, DataView, Error, Number, String, Boolean];

const has = Object.prototype.hasOwnProperty;

/**
 * An object with more fields than this, or deeper than {@link SHARED_FROM}, is remembered when
 * copied, so that one reached again is not copied again (and one that contains itself is found).
 * The many small, shallow objects of a batch (its subjects and their values) are not: remembering
 * each would double the copy's cost, and copying such an object twice costs little.
 */
const REMEMBER_OVER = 64;
/** The most keys of a path an issue shows (issue paths from outside are read up to 1,000). */
const PATH_SHOWN = 100;
const SHARED_FROM = 3;
/** What a remembered object maps to while it is being copied: reaching it again then is a cycle. */
const OPEN = Symbol("open");

/**
 * Copies a caller's input into plain data, each field read once (see the module's notes).
 * An object copy it made itself is returned as it is (pass a list copy on with `parseCopy`).
 * @param input - what the caller gave.
 * @param base - where the input is, for issue paths (`["options"]`).
 * @param context - what was being done, for the error's first line.
 * @returns the copy.
 * @throws {@link JixiaoError} listing every part that cannot be read as plain data.
 * @internal
 */
export function snapshot(input: unknown, base: IssuePath = [], context = "Input cannot be read"): unknown {
  if (input === null || typeof input !== "object" || trusted.has(input) || isCopy(input)) return input;
  const reader = new Reader(base);
  const root = reader.copy(input, 0);
  if (reader.more > 0) reader.issues.push(issue(IssueCode.tooManyIssues, base, { key: "moreIssues", count: reader.more }));
  if (reader.issues.length > 0) throw new JixiaoError(reader.issues, context);
  return root;
}

/** One reading of an input: its copies so far, where it is, and what it found wrong. */
class Reader {
  readonly issues: Issue[] = [];
  more = 0;
  /** The objects remembered, with their copies ({@link OPEN} while being copied): made when a first one is (most calls never need it). */
  private copies: Map<object, unknown> | undefined;
  /** The objects being copied, from the top: a small shallow one that contains itself is found among them at once. */
  private readonly within: object[] = [];
  /** The keys from the input's top to the value being read. */
  private readonly keys: (string | number)[] = [];
  private values = 0;

  constructor(private readonly base: IssuePath) {}

  private fail(code: IssueCode, params: Parameters<typeof issue>[2], key?: string | number): undefined {
    // A path is shown to its first PATH_SHOWN keys: where a structure nested too deeply starts.
    const path = key === undefined ? [...this.base, ...this.keys] : [...this.base, ...this.keys, key];
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue(code, path.length > PATH_SHOWN ? path.slice(0, PATH_SHOWN) : path, params));
    else this.more++;
    return undefined;
  }

  /** The copy of an object or array at `depth`. */
  copy(value: object, depth: number): unknown {
    if (trusted.has(value)) return value;
    const seen = this.copies?.get(value);
    if (seen !== undefined) return seen === OPEN ? this.fail(IssueCode.invalidType, { key: "refersToItself" }) : seen;
    if (this.within.includes(value)) return this.fail(IssueCode.invalidType, { key: "refersToItself" });
    if (depth > MAX_INPUT_DEPTH) return this.fail(IssueCode.outOfRange, { key: "inputTooDeep", limit: MAX_INPUT_DEPTH });
    let list = false;
    try {
      const proto: unknown = Object.getPrototypeOf(value);
      // The usual cases first: an object literal, a copy, a list.
      if (proto === Object.prototype || proto === null || proto === PLAIN) list = false;
      else if (Array.isArray(value)) list = true;
      else if (value instanceof Date) return new Date(Date.prototype.getTime.call(value));
      else if (OPAQUE.some((type) => value instanceof type) || ArrayBuffer.isView(value)) return this.fail(IssueCode.invalidType, { key: "notPlainData" });
    } catch {
      return this.fail(IssueCode.unreadableInput, { key: "unreadable" });
    }
    const into = list ? this.list(value as unknown[], depth) : this.fields(value, depth);
    if (into === undefined) return undefined;
    // The fields that hold objects, copied in turn.
    if (depth < SHARED_FROM) this.within.push(value);
    let count = 0;
    if (Array.isArray(into))
      for (let i = 0; i < into.length; i++) {
        const field: unknown = into[i];
        if (field !== null && typeof field === "object" && this.values < MAX_INPUT_VALUES) into[i] = this.inner(field, i, depth);
      }
    else
      for (const key in into) {
        count++;
        const field = into[key];
        if (field !== null && typeof field === "object" && this.values < MAX_INPUT_VALUES) into[key] = this.inner(field, key, depth);
      }
    if (depth < SHARED_FROM) this.within.pop();
    const done = list || this.room(count) ? into : undefined;
    // A deep object, a large one: remembered, with its copy (a path back into a large shallow one
    // while it was being copied was found among the objects being copied, `within`).
    if (this.copies?.get(value) === OPEN || count > REMEMBER_OVER) (this.copies ??= new Map()).set(value, done);
    return done;
  }

  /** The copy of an object held at `key` of one at `depth`. */
  private inner(field: object, key: string | number, depth: number): unknown {
    this.keys.push(key);
    const copy = this.copy(field, depth + 1);
    this.keys.pop();
    return copy;
  }

  /** Whether `count` more values fit in the input's limit (else the limit's issue, once). */
  private room(count: number): boolean {
    if (count <= MAX_INPUT_VALUES - this.values) {
      this.values += count;
      return true;
    }
    if (this.values < MAX_INPUT_VALUES) this.fail(IssueCode.outOfRange, { key: "inputTooLarge", limit: MAX_INPUT_VALUES });
    this.values = MAX_INPUT_VALUES;
    return false;
  }

  /** Remembers an object being copied, so that a path back into it is found (and, once copied, a second path to it shares its copy). */
  private begin(value: object): void {
    (this.copies ??= new Map()).set(value, OPEN);
  }

  /** A list's elements `0 … length − 1`, each read once (a hole as `undefined`), into a new array. */
  private list(value: unknown[], depth: number): unknown[] | undefined {
    let length: number;
    try {
      length = value.length;
    } catch {
      return this.fail(IssueCode.unreadableInput, { key: "unreadable" });
    }
    if (!this.room(length)) return undefined;
    const into = new Array<unknown>(length);
    if (depth >= SHARED_FROM || length > REMEMBER_OVER) this.begin(value);
    for (let i = 0; i < length; i++) {
      try {
        into[i] = has.call(value, i) ? value[i] : undefined;
      } catch {
        this.fail(IssueCode.unreadableInput, { key: "unreadable" }, i);
      }
    }
    return into;
  }

  /**
   * An object's own enumerable string-keyed fields, each read once, into a new copy: at once by
   * `Object.assign` (which reads them as `Object.keys` lists them, and makes an own `__proto__`
   * an ordinary field of a copy, since a copy inherits no `__proto__` setter) when the object has
   * no symbol keys; field by field from where a getter or trap threw, and for an object with
   * symbol keys (which are not read).
   */
  private fields(value: object, depth: number): Record<string, unknown> | undefined {
    const into = new Plain();
    if (depth >= SHARED_FROM) this.begin(value);
    let keys: readonly string[] | undefined;
    let from = 0;
    try {
      if (Object.getOwnPropertySymbols(value).length === 0) {
        try {
          Object.assign(into, value);
        } catch {
          // The fields before the one that threw are in the copy, in order: go on after that one.
          from = Object.keys(into).length;
          keys = Object.keys(value);
          this.fail(IssueCode.unreadableInput, { key: "unreadable" }, keys[from]);
          from++;
        }
      } else keys = Object.keys(value);
    } catch {
      return this.fail(IssueCode.unreadableInput, { key: "unreadable" });
    }
    if (keys !== undefined)
      for (let i = from; i < keys.length; i++) {
        const key = keys[i]!;
        try {
          into[key] = (value as Record<string, unknown>)[key];
        } catch {
          this.fail(IssueCode.unreadableInput, { key: "unreadable" }, key);
        }
      }
    if (has.call(into, "__proto__")) {
      this.fail(IssueCode.reservedKey, { key: "reservedKey", name: "__proto__" }, "__proto__");
      delete into.__proto__;
    }
    return into;
  }
}
