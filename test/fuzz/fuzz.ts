/**
 * The fuzz suite's machinery: a structural mutator that starts from a valid input and breaks it
 * (a hostile value at any depth, a field deleted or added, an id duplicated, a key renamed to
 * `__proto__`, a list turned into an object, a cycle …), a text mutator for files and JSON cells,
 * an iterative deepFreeze, and the outcome checker every case goes through: a JSON-serialisable
 * result without NaN or ±Infinity, or a JixiaoError with well-formed issues — never another
 * error — within a time bound, with the built-in prototypes untouched and the (frozen) input
 * unchanged. Sheet functions must not throw at all; the command line must exit 0, 1 or 2.
 *
 * The read-once probes add, for every entry {@link fuzz} tests, three hostile readings
 * of a valid input at a random path: a changing getter (its first read gives the valid value,
 * later reads another value; the outcome must equal the outcome with a plain field holding the
 * first value, and the getter is read at most once), a Proxy whose trap throws (a JixiaoError with
 * `unreadable_input` at the proxy's path, or the outcome of the plain input), and an own
 * `__proto__` key (a JixiaoError with `reserved_key` at that key). {@link fuzzSheet} gives the
 * sheet functions the same, in their cells and rule JSON. Size limits are in limits.test.ts, one
 * table, each at and just beyond its limit, with {@link measured} time and memory.
 *
 * Environment:
 * - `JIXIAO_PROPERTY_SCALE`: cases per entry are 100 times it (see test/helpers.ts `runs`); each
 *   read-once probe runs a quarter of that (at least 1).
 * - `JIXIAO_SEED`: a fixed seed, so a failure reproduces (fast-check prints the seed and path of
 *   every failure; give both back with `JIXIAO_SEED` and fc's `path` to replay one case).
 * - `JIXIAO_FUZZ_BOUND_MS`: the time bound of one case (default 2000 ms);
 *   `JIXIAO_FUZZ_EXTREME_BOUND_MS` that of one size extreme (default 15,000 ms).
 * - `JIXIAO_FUZZ_HEAVY=1`: run the heavy size extremes too (see {@link HEAVY}), and the limits
 *   whose case at the limit takes 2,000,000 items or more (limits.test.ts).
 * - `JIXIAO_FUZZ_RETAINED_MB` (default 64) and `JIXIAO_FUZZ_PEAK_MB` (default 1024): the memory
 *   bounds of one size extreme or limit case (see {@link measured}).
 * - `JIXIAO_FUZZ_VERBOSE=1`: print how each size extreme ended and how long it took.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { expect, it } from "vitest";
import { isJixiaoError, IssueCode } from "../../src/index.js";
import { runs } from "../helpers.js";

// ---------------------------------------------------------------------------------------------
// Settings

const env = (name: string): string | undefined => (typeof process !== "undefined" ? process.env[name] : undefined);
const intEnv = (name: string, fallback: number): number => {
  const n = Number(env(name));
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Cases per entry. */
export const RUNS = runs(100);
/** Cases per entry of each read-once probe (a changing getter, a throwing proxy, an own `__proto__` key). */
export const PROBE_RUNS = Math.max(1, Math.ceil(RUNS / 4));
/** The time bound of one case, in ms: generous, to catch hangs, not to measure speed. */
export const BOUND_MS = intEnv("JIXIAO_FUZZ_BOUND_MS", 2000);
/** The time bound of one size-extreme case (100,000 elements, 10,000-deep nesting), in ms. */
export const EXTREME_BOUND_MS = intEnv("JIXIAO_FUZZ_EXTREME_BOUND_MS", 15_000);
const SEED = env("JIXIAO_SEED");
/** Memory a size-extreme case may keep after it returned and its result was dropped, in MB: caches bounded, nothing leaked. */
export const RETAINED_MB = intEnv("JIXIAO_FUZZ_RETAINED_MB", 64);
/** How much a size-extreme case may raise the process's peak resident memory, in MB. */
export const PEAK_MB = intEnv("JIXIAO_FUZZ_PEAK_MB", 1024);
/** A test's timeout: vitest's 30 s, or more when many runs are asked for. */
export const TIMEOUT = Math.max(30_000, RUNS * 150);
/**
 * Whether to run the heavy size extremes too (`JIXIAO_FUZZ_HEAVY=1`): cases that do real work on
 * 100,000 items (score 100,000 subjects, allocate 100,000 tasks …), 2–8 s each on a loaded
 * machine. Without it, every entry still gets its cheap extremes (10,000-deep nesting, 100,000-item
 * lists it rejects or handles quickly), which keeps the suite within about 40 s.
 */
export const HEAVY = env("JIXIAO_FUZZ_HEAVY") === "1";
/** The heavy extremes `make` gives, or none (see {@link HEAVY}). */
export const heavy = <T>(make: () => Record<string, T>): Record<string, T> => (HEAVY ? make() : {});

/** fast-check parameters: the runs, and the seed when `JIXIAO_SEED` is set. */
export function params(runs = RUNS): fc.Parameters<unknown> {
  return { numRuns: runs, ...(SEED !== undefined && SEED !== "" ? { seed: Number(SEED) } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Keys that are dangerous as ids or object keys. */
export const SPECIAL_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "then"] as const;

const HUGE = "x".repeat(100_000);
/** An object whose `id` and `length` are getters that throw. */
const THROWING = Object.defineProperties({}, {
  id: { get: () => { throw new Error("a getter that throws"); }, enumerable: true },
  length: { get: () => { throw new Error("a getter that throws"); }, enumerable: true },
});
const HUGE_DIGITS = "9".repeat(10_000);

/** Things that are not what any field wants, or are at its edges. */
const HOSTILE_CONSTANTS: readonly unknown[] = [
  undefined,
  null,
  0,
  -0,
  -1,
  0.1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  1e-320,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  "",
  " ",
  "\u0000",
  "\ufeff",
  HUGE,
  HUGE_DIGITS,
  "1e999",
  "-1e999",
  "1e-999",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  " 12 ",
  "1_000",
  "١٢",
  "12abc",
  "2024-02-30",
  "2024-13",
  "9999-12-31T23:59:59Z",
  "0000-01-01",
  true,
  false,
  [],
  [[]],
  [null],
  {},
  { length: 1e9 },
  10n,
  Symbol("s"),
  () => 1,
  new Date(Number.NaN),
  new Date(0),
  new Map([["a", 1]]),
  THROWING,
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  ...SPECIAL_KEYS,
];

/** A hostile value: one of the fixed list, or a generated number or text. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS), weight: 6 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer({ min: -3, max: 200 }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);

/** Edge numbers (and numbers as text) for numeric leaves. */
const EDGE_NUMBERS: readonly unknown[] = [0, -0, -1, 1, 0.5, 1e308, -1e308, 1e-320, 1e21, 1e18, 1e19, Number.NaN, Number.POSITIVE_INFINITY, "1e999", "0.1", "1e18", "-0", "+5", ".5", "5.", "1e-7", 2 ** 31, 2 ** 53];

// ---------------------------------------------------------------------------------------------
// The structural mutator

type Key = string | number;
type Path = readonly Key[];
type Node = Record<Key, unknown>;

const isObject = (v: unknown): v is Node => v !== null && typeof v === "object";
/** The proxies the probes made: the machinery never looks inside one (its trap throws). */
const proxies = new WeakSet<object>();
/** The keys of a node's own enumerable data properties (a getter is never read). */
const dataKeys = (node: object): string[] => Object.keys(node).filter((k) => "value" in Object.getOwnPropertyDescriptor(node, k)!);

/** A plain object or a list (not a Date, a Map …, which the mutator leaves whole). */
const isPlain = (v: unknown): v is Node => isObject(v) && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** Every node's path, breadth first, each object once (cycles are fine). */
function pathsOf(root: unknown, limit = 20_000): Path[] {
  const out: Path[] = [[]];
  const seen = new Set<unknown>([root]);
  const queue: [unknown, Path][] = [[root, []]];
  for (let q = 0; q < queue.length && out.length < limit; q++) {
    const [node, path] = queue[q]!;
    if (!isPlain(node)) continue;
    for (const key of dataKeys(node)) {
      const k: Key = Array.isArray(node) ? Number(key) : key;
      const child = node[k];
      out.push([...path, k]);
      if (isObject(child) && !seen.has(child)) {
        seen.add(child);
        queue.push([child, [...path, k]]);
      }
    }
  }
  return out;
}

const get = (root: unknown, path: Path): unknown => path.reduce<unknown>((n, k) => (isObject(n) ? n[k] : undefined), root);

/** Sets an own, enumerable property, even `__proto__` (as JSON.parse makes it). */
function setOwn(node: Node, key: Key, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A mutation: what to do, where (an index into the node list), and with what. */
export interface Mutation {
  readonly kind: "replace" | "delete" | "add" | "duplicate" | "rename" | "retype" | "cycle" | "wrap" | "number";
  readonly at: number;
  readonly pick: number;
  readonly key: string;
  readonly value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("replace", "replace", "replace", "delete", "delete", "add", "duplicate", "duplicate", "rename", "retype", "cycle", "wrap", "number", "number"),
  at: fc.nat(),
  pick: fc.nat(),
  key: fc.constantFrom<string>(...SPECIAL_KEYS, "extra", "id", "", "x".repeat(300)),
  value: hostileValue,
});

/**
 * Applies one mutation to the value in `box.$` (already a private copy) and says what it did.
 * `args`: the value is an argument list, which is never replaced itself, and whose elements are
 * set to `undefined` rather than removed.
 */
function apply(box: { $: unknown }, m: Mutation, args: boolean): string {
  const paths = pathsOf(box.$).filter((p) => !args || p.length > 0);
  const path: Path = ["$", ...paths[m.at % paths.length]!];
  const parent = get(box, path.slice(0, -1)) as Node;
  const key = path.at(-1)!;
  const node = parent[key];
  const where = showPath(path.slice(1));
  const value = copy(m.value);
  const put = (v: unknown) => setOwn(parent, key, v);
  switch (m.kind) {
    case "replace":
      put(value);
      return `replace ${where} with ${show(value)}`;
    case "delete":
      if (parent === box || (args && path.length === 2)) parent[key] = undefined;
      else if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return `delete ${where}`;
    case "add":
      if (Array.isArray(node)) {
        node.push(value);
        return `push ${show(value)} onto ${where}`;
      }
      if (isPlain(node)) {
        setOwn(node, m.key, value);
        return `add ${where}[${JSON.stringify(m.key)}] = ${show(value)}`;
      }
      put(value);
      return `replace ${where} with ${show(value)}`;
    case "duplicate":
      if (Array.isArray(node) && node.length > 0) {
        const i = m.pick % node.length;
        node.push(copy(node[i]));
        return `duplicate ${where}[${i}]`;
      }
      if (Array.isArray(parent)) {
        parent.splice((key as number) + 1, 0, copy(node));
        return `duplicate ${where}`;
      }
      if (parent !== box && typeof node === "string") {
        // another field's text: an id used twice, a name used as an id
        const siblings = dataKeys(parent).map((k) => parent[k]).filter((v): v is string => typeof v === "string");
        const other = siblings[m.pick % siblings.length]!;
        put(other);
        return `set ${where} to its sibling ${show(other)}`;
      }
      return "nothing";
    case "rename":
      if (typeof node === "string") {
        put(m.key);
        return `replace ${where} with ${show(m.key)}`;
      }
      if (isPlain(node) && !Array.isArray(node) && dataKeys(node).length > 0) {
        const keys = dataKeys(node);
        const old = keys[m.pick % keys.length]!;
        const v = node[old];
        delete node[old];
        setOwn(node, m.key, v);
        return `rename ${where}.${old} to ${show(m.key)}`;
      }
      return "nothing";
    case "retype":
      if (Array.isArray(node)) {
        put(Object.fromEntries(node.map((v, i) => [String(i), v])));
        return `turn the list ${where} into an object`;
      }
      if (isPlain(node)) {
        put(dataKeys(node).map((k) => node[k]));
        return `turn the object ${where} into a list`;
      }
      if (typeof node === "string") {
        const n = Number(node);
        put(node.trim() !== "" && !Number.isNaN(n) ? n : [node]);
        return `retype the text ${where}`;
      }
      put(String(node));
      return `turn ${where} into text`;
    case "cycle": {
      const target = m.pick % 2 === 0 || parent === box ? box.$ : parent;
      if (Array.isArray(node)) node.push(target);
      else if (isPlain(node)) setOwn(node, m.key, target);
      else put(target);
      return `make a cycle at ${where}`;
    }
    case "wrap":
      put(m.pick % 2 === 0 ? [node] : { value: node });
      return `wrap ${where}`;
    case "number": {
      const n = EDGE_NUMBERS[m.pick % EDGE_NUMBERS.length];
      put(n);
      return `replace ${where} with ${show(n)}`;
    }
  }
}

/** A deep copy of plain data: own keys kept as they are (even `__proto__`), cycles kept, anything else (a Date, a function) shared. */
export function copy<T>(value: T): T {
  const made = new Map<unknown, unknown>();
  const walk = (v: unknown): unknown => {
    if (!isPlain(v)) return v;
    if (made.has(v)) return made.get(v);
    const out = (Array.isArray(v) ? [] : {}) as Node;
    made.set(v, out);
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      if ("value" in d) setOwn(out, Array.isArray(v) ? Number(k) : k, walk(d.value));
      else Object.defineProperty(out, k, { ...d, configurable: true });
    }
    return out;
  };
  return walk(value) as T;
}

/** A deep copy of acyclic plain data in which nothing is shared (an object used twice is copied twice), so a probe at one path is at that path only. */
function unshared<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (!isPlain(v)) return v;
    const out = (Array.isArray(v) ? [] : {}) as Node;
    for (const k of dataKeys(v)) setOwn(out, Array.isArray(v) ? Number(k) : k, walk(v[k]));
    return out;
  };
  return walk(value) as T;
}

/** A mutated input and what was done to it; fast-check prints the description. */
export class Mutant<T> {
  constructor(
    readonly value: T,
    readonly steps: readonly string[],
  ) {}
  [fc.toStringMethod](): string {
    return `Mutant(${this.steps.join("; ")}) → ${show(this.value, 600)}`;
  }
}

/**
 * Inputs made from `base` (valid) by one to three structural mutations, deep-frozen.
 * @param options.args - `base` is an argument list (see {@link apply}).
 */
export function mutant<T>(base: T, options: { args?: boolean } = {}): fc.Arbitrary<Mutant<T>> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => {
    const box = { $: copy(base) };
    const steps = ms.map((m) => apply(box, m, options.args ?? false));
    return new Mutant(deepFreeze(box.$), steps);
  });
}

/** Like {@link mutant}, but the mutations may leave the input as it was (so valid inputs are tried too). */
export function nearby<T>(base: T, options: { args?: boolean } = {}): fc.Arbitrary<Mutant<T>> {
  return fc.oneof({ arbitrary: mutant(base, options), weight: 9 }, { arbitrary: fc.constant(null).map(() => new Mutant(deepFreeze(copy(base)), ["none"])), weight: 1 });
}

// ---------------------------------------------------------------------------------------------
// Text mutations (for files, cells of JSON text and the command line)

const TOKENS = ['"__proto__"', "__proto__:", "&a ", "*a", "<<: *a", "!!js/function", "!!binary", "{", "}", "[", "]", ",", ":", "\n", "\r\n", "\t", '"', "'", "\\", "\u0000", "\ufeff", "1e999", "-", "# ", "---\n", "? ", "|", ">", "%YAML 1.2\n", "\ud800", "NaN", ".inf", "~", "null"];

/** Text made from valid `text` by one to four edits: a token inserted, a span deleted, a span repeated. */
export function textMutant(text: string): fc.Arbitrary<Mutant<string>> {
  const edit = fc.record({ kind: fc.constantFrom("insert", "delete", "repeat", "truncate"), at: fc.nat(), len: fc.nat({ max: 40 }), token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })) });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let t = text;
    const steps: string[] = [];
    for (const e of edits) {
      const at = t.length === 0 ? 0 : e.at % (t.length + 1);
      if (e.kind === "insert") t = t.slice(0, at) + e.token + t.slice(at);
      else if (e.kind === "delete") t = t.slice(0, at) + t.slice(at + e.len);
      else if (e.kind === "repeat") t = t.slice(0, at + e.len) + t.slice(at, at + e.len) + t.slice(at + e.len);
      else t = t.slice(0, at);
      steps.push(`${e.kind} at ${at}${e.kind === "insert" ? ` ${show(e.token)}` : e.kind === "truncate" ? "" : ` (${e.len})`}`);
    }
    return new Mutant(t, steps);
  });
}

// ---------------------------------------------------------------------------------------------
// Freezing and showing

/** Freezes a value and everything below it; iterative, so deep nesting and cycles are fine. */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<unknown>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node) || seen.has(node) || ArrayBuffer.isView(node) || proxies.has(node)) continue;
    seen.add(node);
    Object.freeze(node);
    for (const key of dataKeys(node)) stack.push(node[key]);
  }
  return value;
}

/** A path as `$.groups[0].points`. */
export const showPath = (path: Path): string => `$${path.map((k) => (typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join("")}`;

/** A short, safe rendering of any value (big text, symbols, bigints; an object met again, shared or in a cycle, as `<seen>`). */
export function show(value: unknown, max = 80): string {
  const seen = new Set<unknown>();
  let text: string;
  try {
    text =
      JSON.stringify(value, function (this: unknown, _key, v: unknown) {
        if (typeof v === "string" && v.length > 40) return `${v.slice(0, 20)}…(${v.length} chars)`;
        if (typeof v === "number" && !Number.isFinite(v)) return `<${v}>`;
        if (Object.is(v, -0)) return "<-0>";
        if (typeof v === "bigint") return `<${v}n>`;
        if (typeof v === "symbol" || typeof v === "function") return `<${String(v).slice(0, 20)}>`;
        if (v === undefined) return "<undefined>";
        if (v instanceof Date) return `<Date ${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()}>`;
        if (v instanceof Map) return "<Map>";
        if (isObject(v)) {
          if (seen.has(v)) return "<seen>";
          seen.add(v);
        }
        return v;
      }) ?? String(value);
  } catch {
    try {
      text = String(value);
    } catch {
      text = "<unshowable>";
    }
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// The outcome checker

const PROTOTYPES: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
];
const SNAPSHOT = PROTOTYPES.map(([name, proto]) => [name, proto, new Map(Object.getOwnPropertyNames(proto).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)!.value]))] as const);
const CODES = new Set<string>(Object.values(IssueCode));

/** Throws when a built-in prototype gained, lost or changed a property, or `{}` sees a polluted key. */
export function checkPrototypes(): void {
  for (const [name, proto, before] of SNAPSHOT) {
    const now = Object.getOwnPropertyNames(proto);
    const added = now.filter((k) => !before.has(k));
    if (added.length > 0 || now.length !== before.size) throw new Error(`${name} was polluted: it gained ${added.join(", ") || "nothing"} (now ${now.length} keys, before ${before.size})`);
    for (const [k, v] of before) if (Object.getOwnPropertyDescriptor(proto, k)!.value !== v) throw new Error(`${name}.${k} was replaced`);
  }
  const probe = {} as Record<string, unknown>;
  for (const key of ["polluted", "id", "x", "attendance", "0"]) if (probe[key] !== undefined) throw new Error(`({}).${key} is ${show(probe[key])}: Object.prototype was polluted`);
}

/** Throws unless `error` is a JixiaoError with well-formed issues. */
export function checkJixiaoError(error: unknown): void {
  if (!isJixiaoError(error)) {
    const e = error as Error;
    throw new Error(`threw ${e?.name ?? typeof error} instead of a JixiaoError: ${e?.message ?? String(error)}\n${String(e?.stack ?? "").split("\n").slice(1, 6).join("\n")}`);
  }
  if (!Array.isArray(error.issues) || error.issues.length === 0) throw new Error("a JixiaoError without issues");
  for (const i of error.issues) {
    if (typeof i.code !== "string" || !CODES.has(i.code)) throw new Error(`an issue with the code ${show(i.code)}`);
    if (!Array.isArray(i.path) || !i.path.every((k: unknown) => typeof k === "string" || (typeof k === "number" && Number.isInteger(k)))) throw new Error(`an issue with the path ${show(i.path)}`);
    if (typeof i.message !== "string" || i.message.trim() === "") throw new Error(`an issue without a message: ${show(i)}`);
    if (/\n\s+at /.test(i.message)) throw new Error(`an issue message with a stack trace: ${i.message.slice(0, 300)}`);
  }
}

/** Throws unless `result` is JSON-serialisable and holds no NaN or ±Infinity. */
export function checkResult(result: unknown): void {
  let text: string | undefined;
  try {
    text = JSON.stringify(result);
  } catch (error) {
    throw new Error(`the result is not JSON-serialisable: ${(error as Error).message}`);
  }
  if (text === undefined && result !== undefined) throw new Error(`the result is not JSON-serialisable: ${show(result)}`);
  // JSON.stringify writes NaN and ±Infinity as null without a word; look for them (no cycles here: stringify would have thrown).
  const stack: unknown[] = [result];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === "number") {
      if (!Number.isFinite(node)) throw new Error(`the result holds ${node}`);
    } else if (node !== null && typeof node === "object") {
      if (Array.isArray(node)) for (let i = 0; i < node.length; i++) stack.push(node[i]);
      else for (const key in node) if (Object.prototype.hasOwnProperty.call(node, key)) stack.push((node as Node)[key]);
    }
  }
}

/** What one call came to. */
export type Outcome = "ok" | "error";

function timed(ms: number, bound: number): void {
  if (ms > bound) throw new Error(`took ${Math.round(ms)} ms, more than the bound of ${bound} ms`);
}

/**
 * Runs `call` once and checks its outcome: a JSON-serialisable result or a JixiaoError, within the
 * time bound, with no built-in prototype changed. A mutated frozen input throws a TypeError, which
 * fails here too.
 */
export function outcome(call: () => unknown, bound = BOUND_MS): Outcome {
  const t0 = performance.now();
  const end = attempt(call);
  return settle(t0, bound, end);
}

type Ending = { result: unknown } | { error: unknown };

/** How `call` ended. (A function of its own, so no frame keeps what was thrown once the caller drops it.) */
function attempt(call: () => unknown): Ending {
  try {
    return { result: call() };
  } catch (error) {
    return { error };
  }
}

/** Checks how a call ended: its time, the prototypes, then the error or the result. */
function settle(t0: number, bound: number, end: Ending): Outcome {
  timed(performance.now() - t0, bound);
  checkPrototypes();
  if ("error" in end) {
    checkJixiaoError(end.error);
    return "error";
  }
  checkResult(end.result);
  return "ok";
}

/** {@link outcome} for an async call. */
export async function outcomeAsync(call: () => Promise<unknown>, bound = BOUND_MS): Promise<Outcome> {
  const t0 = performance.now();
  let end: Ending;
  try {
    end = { result: await call() };
  } catch (error) {
    end = { error };
  }
  return settle(t0, bound, end);
}

/** What a call came to, in a form two calls can be compared by: the result as JSON, or the error's issue codes and paths. */
export type Verdict = { readonly ok: string } | { readonly issues: readonly { readonly code: string; readonly path: Path }[] };

/** Runs `call` once with {@link outcome}'s checks and says what it came to. */
export function verdict(call: () => unknown, bound = BOUND_MS): Verdict {
  const t0 = performance.now();
  const end = attempt(call);
  settle(t0, bound, end);
  if ("error" in end) return { issues: (end.error as { issues: readonly { code: string; path: readonly Key[] }[] }).issues.map((i) => ({ code: i.code, path: i.path })) };
  return { ok: JSON.stringify(end.result) ?? "undefined" };
}

// ---------------------------------------------------------------------------------------------
// Read once: a changing getter, a throwing Proxy trap, an own __proto__ key

/** Where a probe may act: `args` (the value is an argument list: inside an argument) or any test of the path. */
export interface Where {
  readonly args?: boolean;
  readonly within?: (path: Path) => boolean;
}
/** Whether a field at `path` may be probed (it has a parent the entry reads it from). */
const allowed = (where: Where, path: Path): boolean => (where.within ? where.within(path) : path.length > (where.args ? 1 : 0));
/** Whether an object or list at `path` may be probed (the whole input too, unless it is an argument list). */
const nodeAllowed = (where: Where, path: Path): boolean => (where.within ? where.within(path) : path.length >= (where.args ? 1 : 0));
/** A path inside the argument it is in (the path itself when the value is not an argument list). */
const inner = (where: Where, path: Path): Path => (where.args || where.within ? path.slice(1) : path);

/** A valid input with one hostile reading at `path`, the same input read plainly, and how often the hostile field was read. */
export class Probe<T> {
  constructor(
    readonly value: T,
    readonly plain: T,
    readonly path: Path,
    readonly steps: readonly string[],
    readonly reads: () => number = () => 0,
  ) {}
  [fc.toStringMethod](): string {
    return `Probe(${this.steps.join("; ")})`;
  }
}

/** The text leaves of a value (ids, names …), for a getter that turns one id into another. */
function textsOf(root: unknown): string[] {
  return pathsOf(root)
    .map((p) => get(root, p))
    .filter((v): v is string => typeof v === "string");
}

/** Other values of the same kind as `first`, as a getter gives them on later reads: another id, another number, a Date for a text, null … */
function othersOf(first: unknown, texts: readonly string[]): unknown[] {
  if (typeof first === "string") return [texts.find((t) => t !== first) ?? `${first}2`, `${first}2`, "", new Date(0), null, 1];
  if (typeof first === "number") return [first + 1, first === 0 ? 1 : -first, first * 1000, String(first + 1), null, Number.NaN];
  if (typeof first === "boolean") return [!first, null];
  if (first instanceof Date) return [Number.isNaN(first.getTime()) ? "2024-01-01" : first.toISOString(), new Date(first.getTime() + 86_400_000), null];
  if (Array.isArray(first)) return [[], first.slice(1), [...first, ...first], null];
  if (isObject(first)) return [{}, null, "x", []];
  return ["x", 0, {}];
}

/**
 * Inputs made from `base` by zero to two {@link mutant} mutations and then one field, at a random
 * path, turned into an enumerable getter: its first read gives the field's value, later reads
 * another value of the same kind. `plain` is the same input with that field a plain data field.
 */
export function changingGetter<T>(base: T, where: Where = {}): fc.Arbitrary<Probe<T>> {
  // No cycles here: a cycle through the argument list makes one object reachable from two
  // arguments, and each argument is read into a copy of its own, so such an object is read once
  // for each (as docs/reliability.md says); the mutations above try cycles on every entry.
  const acyclic = mutation.filter((m) => m.kind !== "cycle");
  return fc.record({ ms: fc.array(acyclic, { maxLength: 2 }), at: fc.nat(), pick: fc.nat() }).map(({ ms, at, pick }) => {
    const box = { $: unshared(base) };
    const steps = ms.map((m) => apply(box, m, where.args ?? where.within !== undefined));
    const plain = deepFreeze(copy(box.$));
    const paths = pathsOf(box.$).filter((p) => allowed(where, p));
    if (paths.length === 0) return new Probe(deepFreeze(box.$), plain, [], [...steps, "no field to read twice"]);
    const path = paths[at % paths.length]!;
    const parent = get(box.$, path.slice(0, -1)) as Node;
    const key = path.at(-1)!;
    const first = parent[key];
    const others = othersOf(first, textsOf(box.$));
    const later = others[pick % others.length];
    let reads = 0;
    Object.defineProperty(parent, key, { get: () => (++reads === 1 ? first : later), enumerable: true, configurable: true });
    deepFreeze(first);
    deepFreeze(later);
    deepFreeze(box.$);
    return new Probe(box.$, plain, path, [...steps, `${showPath(path)} reads ${show(first)}, then ${show(later)}`], () => reads);
  });
}

const TRAPS = ["ownKeys", "getOwnPropertyDescriptor", "get", "getPrototypeOf", "has"] as const;

/** Whether `base` has an object or list inside it where `where` lets a probe act. */
export const hasNodes = (base: unknown, where: Where = {}): boolean => pathsOf(base).some((p) => nodeAllowed(where, p) && isPlain(get(base, p)));

/** Inputs made from `base` by wrapping one object or list, at a random path, in a Proxy one of whose traps throws. */
export function throwingProxy<T>(base: T, where: Where = {}): fc.Arbitrary<Probe<T>> {
  return fc.record({ at: fc.nat(), trap: fc.constantFrom(...TRAPS) }).map(({ at, trap }) => {
    const box = { $: unshared(base) };
    const paths = pathsOf(box.$).filter((p) => nodeAllowed(where, p) && isPlain(get(box.$, p)));
    const path = paths[at % paths.length]!;
    const node = get(box.$, path) as Node;
    const proxy = new Proxy(deepFreeze(node), {
      [trap]() {
        throw new Error(`the ${trap} trap throws`);
      },
    });
    proxies.add(proxy);
    if (path.length === 0) box.$ = proxy as T;
    else setOwn(get(box.$, path.slice(0, -1)) as Node, path.at(-1)!, proxy);
    return new Probe(deepFreeze(box.$), deepFreeze(unshared(base)), path, [`${showPath(path)} is a Proxy whose ${trap} trap throws`]);
  });
}

/** Inputs made from `base` by giving one object, at a random path, an own `__proto__` key (as JSON.parse makes it). */
export function ownProto<T>(base: T, where: Where = {}): fc.Arbitrary<Probe<T>> {
  return fc.record({ at: fc.nat(), pick: fc.nat() }).map(({ at, pick }) => {
    const box = { $: unshared(base) };
    const paths = pathsOf(box.$).filter((p) => nodeAllowed(where, p) && isPlain(get(box.$, p)) && !Array.isArray(get(box.$, p)));
    const path = paths[at % paths.length]!;
    const node = get(box.$, path) as Node;
    const values = [{}, { polluted: true }, "x", null, copy(node)];
    const value = values[pick % values.length];
    setOwn(node, "__proto__", value);
    return new Probe(deepFreeze(box.$), deepFreeze(unshared(base)), [...path, "__proto__"], [`${showPath(path)} has an own __proto__ key holding ${show(value)}`]);
  });
}
const hasObjects = (base: unknown, where: Where): boolean => pathsOf(base).some((p) => nodeAllowed(where, p) && isPlain(get(base, p)) && !Array.isArray(get(base, p)));

/** Whether `path` ends with `tail` (an index may be a number or its text). */
const endsWith = (path: Path, tail: Path): boolean => tail.length <= path.length && tail.every((k, i) => String(path[path.length - tail.length + i]) === String(k));

/** Throws unless `got` is a JixiaoError with an issue of `code` at a path ending with `tail`. */
export function expectIssue(got: Verdict, code: string, tail: Path, what: string): void {
  if ("issues" in got && got.issues.some((i) => i.code === code && endsWith(i.path, tail))) return;
  throw new Error(`${what}: wanted a JixiaoError with ${code} at …${showPath(tail).slice(1)}, got ${show(got, 400)}`);
}

/** Checks a changing-getter probe: the getter read at most once, and the outcome of its first value. */
export function checkGetter<T>(p: Probe<T>, call: (input: T) => unknown): void {
  const expected = verdict(() => call(p.plain));
  // fast-check may run a probe again (replaying a failure): the reads of this call are counted from here.
  const before = p.reads();
  let after = -1;
  const got = verdict(() => {
    try {
      return call(p.value);
    } finally {
      after = p.reads();
    }
  });
  const reads = after - before;
  if (reads > 1) throw new Error(`the getter at ${showPath(p.path)} was read ${reads} times in one call`);
  if (p.reads() > after) throw new Error(`the result holds the caller's getter at ${showPath(p.path)} (read again after the call)`);
  expect(got, `the outcome when the field's first value is a plain field; came to ${show(got, 300)}`).toEqual(expected);
}

/** Checks a throwing-proxy probe: a JixiaoError with `unreadable_input` at the proxy's path (or a field of it), or the plain input's outcome. */
export function checkProxy<T>(p: Probe<T>, call: (input: T) => unknown, where: Where): void {
  const got = verdict(() => call(p.value));
  // At the proxy, or at the field of it that could not be read.
  const at = inner(where, p.path);
  if ("issues" in got && got.issues.some((i) => i.code === "unreadable_input" && (endsWith(i.path, at) || endsWith(i.path.slice(0, -1), at)))) return;
  const expected = verdict(() => call(p.plain));
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`wanted unreadable_input at …${showPath(inner(where, p.path)).slice(1)} or the plain input's outcome ${show(expected, 200)}, got ${show(got, 400)}`);
}

/** Words that name members of Object.prototype (and `then`), to use as ids; the first three are refused as ids by design (`RESERVED_KEYS`). */
const MEMBER_NAMES = ["constructor", "prototype", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "then", "__defineGetter__"] as const;
const REFUSED_IDS = new Set<string>(MEMBER_NAMES.slice(0, 3));
/** What looks like an id in the bases: letters then digits (c001, t1, K11, e09). */
const ID_LIKE = /^[A-Za-z]+\d+$/;

/** The id-like texts of a value: text leaves, keys, and the part after the colon of `indicator:c1`. */
function idsOf(root: unknown): string[] {
  const ids = new Set<string>();
  for (const path of pathsOf(root)) {
    const key = path.at(-1);
    if (typeof key === "string" && ID_LIKE.test(key)) ids.add(key);
    const v = get(root, path);
    if (typeof v === "string") {
      const id = v.slice(v.lastIndexOf(":") + 1);
      if (ID_LIKE.test(id)) ids.add(id);
    }
  }
  return [...ids].sort();
}

/** `root` with `from` renamed `to` everywhere: as text, as a key, and after the colon of `indicator:…`. */
function renameAll(root: unknown, from: string, to: string): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v === from ? to : v.endsWith(`:${from}`) ? `${v.slice(0, -from.length)}${to}` : v;
    if (!isPlain(v)) return v;
    if (Array.isArray(v)) return v.map(walk);
    const out: Node = {};
    for (const k of dataKeys(v)) setOwn(out, k === from ? to : k, walk(v[k]));
    return out;
  };
  return walk(root);
}

/** How often `id` is in a result's JSON: as text, as a key, or after a colon. */
function occurrences(json: string, id: string): number {
  let n = 0;
  const stack: unknown[] = [JSON.parse(json)];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") n += v === id || v.endsWith(`:${id}`) ? 1 : 0;
    else if (isObject(v)) for (const k of Object.keys(v)) {
      if (k === id) n++;
      stack.push(v[k]);
    }
  }
  return n;
}

/**
 * Throws unless renaming the id `id` everywhere in `base` to a member name of Object.prototype
 * (`toString`, `hasOwnProperty` …) comes to what renaming it to a fresh id does: a result holding
 * the new id as often, or the same issues. `constructor`, `prototype` and `__proto__`, refused as
 * ids by design, need only end in a result or a JixiaoError.
 */
export function checkRenamed<T>(base: T, call: (input: T) => unknown, id: string, word: string): void {
  const fresh = `zq${id}`;
  const control = verdict(() => call(deepFreeze(renameAll(base, id, fresh)) as T));
  const got = verdict(() => call(deepFreeze(renameAll(base, id, word)) as T));
  if (REFUSED_IDS.has(word)) return; // verdict's checks: a result or a JixiaoError (a report may name the refused id)
  const both = "ok" in got && "ok" in control;
  if (both) expect(occurrences(got.ok, word), `how often the result holds the id ${word} (as ${fresh}: ${occurrences(control.ok, fresh)})`).toBe(occurrences(control.ok, fresh));
  if (both) return;
  const issues = (v: Verdict, name: string) => ("issues" in v ? v.issues.map((i) => `${i.code} ${showPath(i.path.map((k) => (k === name ? "<id>" : k)))}`).sort() : ["a result"]);
  expect(issues(got, word), `the id ${id} renamed ${word} (as ${fresh}: ${show(issues(control, fresh), 300)})`).toEqual(issues(control, fresh));
}

// ---------------------------------------------------------------------------------------------
// Test makers

/**
 * A test: `call` on `base` (which must work), then on `RUNS` mutants of it, each of which must end
 * in a valid result or a JixiaoError (see {@link outcome}).
 * @param options.args - `base` is the argument list of `call`.
 */
export function fuzz<T>(name: string, base: T, call: (input: T) => unknown, options: { args?: boolean; runs?: number } = {}): void {
  it(name, () => {
    expect(outcome(() => call(deepFreeze(copy(base))))).toBe("ok");
    fc.assert(
      fc.property(mutant(base, options), (m) => {
        outcome(() => call(m.value));
      }),
      params(options.runs),
    );
  }, TIMEOUT);
  probes(name, base, call, options);
}

/**
 * The read-once tests of an entry (see the header): a changing getter, a throwing Proxy trap and
 * an own `__proto__` key, each at a random path of `base` (valid), {@link PROBE_RUNS} cases each.
 * Entries whose input has no field (a lone text argument) get none.
 */
export function probes<T>(name: string, base: T, call: (input: T) => unknown, options: { args?: boolean; runs?: number } = {}): void {
  const where: Where = { args: options.args ?? false };
  const runs = Math.max(1, Math.ceil((options.runs ?? RUNS) / 4));
  if (pathsOf(base).some((p) => allowed(where, p)))
    it(`${name}: a changing getter is read once`, () => {
      fc.assert(fc.property(changingGetter(base, where), (p) => checkGetter(p, call)), params(runs));
    }, TIMEOUT);
  if (hasNodes(base, where))
    it(`${name}: a throwing Proxy trap is unreadable_input`, () => {
      fc.assert(fc.property(throwingProxy(base, where), (p) => checkProxy(p, call, where)), params(runs));
    }, TIMEOUT);
  if (hasObjects(base, where))
    it(`${name}: an own __proto__ key is reserved_key`, () => {
      fc.assert(fc.property(ownProto(base, where), (p) => expectIssue(verdict(() => call(p.value)), "reserved_key", inner(where, p.path), "an own __proto__ key")), params(runs));
    }, TIMEOUT);
  const ids = idsOf(base);
  if (ids.length > 0)
    it(`${name}: an id renamed toString, hasOwnProperty … works as any other id`, () => {
      fc.assert(fc.property(fc.constantFrom(...ids), fc.constantFrom(...MEMBER_NAMES), (id, word) => checkRenamed(base, call, id, word)), params(runs));
    }, TIMEOUT);
}

/** V8's garbage collector, for the memory checks (exposed at run time, so no flag is needed). */
const gc: () => void = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();
const MB = 2 ** 20;

/** How a measured call went. */
export interface Measure {
  readonly outcome: Outcome;
  /** The issue codes, when it was refused. */
  readonly codes: readonly string[];
  readonly ms: number;
  /** Heap kept after the call, its result dropped, in MB. */
  readonly retainedMB: number;
  /** How much the call raised the process's peak resident memory, in MB (0 when it stayed below an earlier peak). */
  readonly peakMB: number;
  /** The heap after the call, collected: the baseline of a next call made right after (one collection a call, not two). */
  readonly heapAfter: number;
}

/** The heap in use once garbage is collected. */
export function settledHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Runs `call` once with {@link outcome}'s checks (within `bound` ms) and its memory measured: what
 * it keeps once its result is dropped (caches, leaks) must stay within {@link RETAINED_MB}, and the
 * rise of the process's peak resident memory within {@link PEAK_MB}. `heapBefore`: the
 * {@link settledHeap} just before, when the caller has it.
 */
export function measured(call: () => unknown, bound = EXTREME_BOUND_MS, heapBefore?: number): Measure {
  const heap = heapBefore ?? settledHeap();
  const rss = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let end: Ending | undefined = attempt(call);
  const ms = performance.now() - t0;
  const peakMB = ((process.resourceUsage().maxRSS - rss) * 1024) / MB;
  const result = settle(t0, bound, end);
  const codes = "error" in end ? (end.error as { issues: readonly { code: string }[] }).issues.map((i) => i.code) : [];
  // An error's stack, until it is formatted, keeps its frames' closures (and all they hold) alive,
  // and V8 keeps the last thrown error: format it, so only what the library itself keeps is counted.
  if ("error" in end) void (end.error as Error).stack;
  end = undefined;
  const heapAfter = settledHeap();
  const retainedMB = (heapAfter - heap) / MB;
  if (retainedMB > RETAINED_MB) throw new Error(`kept ${Math.round(retainedMB)} MB after it returned, more than the bound of ${RETAINED_MB} MB`);
  if (peakMB > PEAK_MB) throw new Error(`raised the peak memory by ${Math.round(peakMB)} MB, more than the bound of ${PEAK_MB} MB`);
  return { outcome: result, codes, ms, retainedMB, peakMB, heapAfter };
}

/**
 * A test: `call` on each of `inputs` (size extremes), each within {@link EXTREME_BOUND_MS} and the
 * memory bounds of {@link measured}. The
 * inputs are not frozen (a frozen input would hide what the library does to fresh data, such as
 * freezing it recursively); a fingerprint taken before and after the call shows they are unchanged.
 */
export function extremes<T>(name: string, inputs: () => Record<string, T>, call: (input: T) => unknown): void {
  it(`${name}: size extremes`, () => {
    // A deep input is left unfrozen and fingerprinted (freezing it would hide what the library
    // does to fresh data, such as freezing it recursively); a wide one is frozen. All before the
    // first measure, as freezing 100,000 objects takes memory of its own.
    const all = Object.entries(inputs()).map(([what, input]) => ({ what, input, deep: depthOf(input) > 100 }));
    for (const { input, deep } of all) if (!deep) deepFreeze(input);
    const fingerprints = all.map(({ input, deep }) => (deep ? fingerprint(input) : undefined));
    let heap = settledHeap();
    for (const [i, { what, input }] of all.entries()) {
      const before = fingerprints[i];
      try {
        const m = measured(() => call(input), EXTREME_BOUND_MS, heap);
        heap = m.heapAfter;
        if (before !== undefined && fingerprint(input) !== before) throw new Error("the input was changed");
        if (env("JIXIAO_FUZZ_VERBOSE")) console.log(`${name}, ${what}: ${m.outcome} in ${Math.round(m.ms)} ms, ${Math.round(m.retainedMB)} MB kept, peak +${Math.round(m.peakMB)} MB`);
      } catch (error) {
        throw new Error(`${name}, ${what}: ${(error as Error).message}`);
      }
    }
  });
}

/** How deep a value nests (iterative; each object counted once). */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const seen = new Set<unknown>();
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    for (const k of Object.keys(node)) stack.push([node[k], depth + 1]);
  }
  return deepest;
}

/** A text that changes when anything in a value changes (iterative: deep nesting and cycles are fine). */
export function fingerprint(value: unknown): string {
  const parts: string[] = [];
  const ids = new Map<unknown, number>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) {
      parts.push(typeof node === "symbol" ? String(node) : typeof node === "string" ? JSON.stringify(node) : `${typeof node}:${Object.is(node, -0) ? "-0" : String(node)}`);
      continue;
    }
    if (ids.has(node)) {
      parts.push(`#${ids.get(node)}`);
      continue;
    }
    ids.set(node, ids.size);
    const keys = Object.keys(node);
    parts.push(`${Array.isArray(node) ? "[" : "{"}${keys.length}:${keys.join(",")}${Object.isFrozen(node) ? "F" : ""}`);
    for (const k of keys) stack.push(node[k]);
  }
  return parts.join("|");
}

/** 10,000-deep nesting: `{ value: { value: … } }` or `[[[…]]]` around `leaf`. */
export function deepNest(leaf: unknown, depth = 10_000, as: "object" | "array" = "object"): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = as === "object" ? { value: v } : [v];
  return v;
}

/** A list of `n` copies of `make(i)`. */
export const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

// ---------------------------------------------------------------------------------------------
// Sheet functions: they never throw; what they cannot do is an error cell.

/** Throws unless `out` is a well-formed sheet output: rows of the same width, of text or finite numbers, error cells as `#JIXIAO! …`. */
export function checkSheet(out: unknown): void {
  if (!Array.isArray(out) || out.length === 0) throw new Error(`a sheet function answered ${show(out)}, not rows`);
  const width = Array.isArray(out[0]) ? out[0].length : -1;
  for (const row of out) {
    if (!Array.isArray(row) || row.length !== width || width === 0) throw new Error(`a sheet function answered a ragged or empty row: ${show(row)}`);
    for (const cell of row) {
      if (!(typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell)))) throw new Error(`a sheet function answered the cell ${show(cell)}`);
      if (typeof cell === "string" && cell.startsWith("#JIXIAO!") && (/\n\s+at /.test(cell) || !cell.startsWith("#JIXIAO! ") || cell.length > 1100)) throw new Error(`a bad error cell: ${cell.slice(0, 300)}`);
    }
  }
}

/** Runs a sheet function once: it must not throw, must answer in time, and must leave the prototypes alone. Returns what it answered. */
export function sheetOutcome(call: () => unknown, bound = BOUND_MS): unknown[][] {
  const t0 = performance.now();
  let out: unknown;
  try {
    out = call();
  } catch (error) {
    throw new Error(`a sheet function threw (it must answer an error cell): ${(error as Error)?.message ?? String(error)}`);
  }
  timed(performance.now() - t0, bound);
  checkPrototypes();
  checkSheet(out);
  return out as unknown[][];
}

/** Whether a sheet function's answer holds an error cell. */
export const hasErrorCell = (out: readonly (readonly unknown[])[]): boolean => out.some((row) => row.some((cell) => typeof cell === "string" && cell.startsWith("#JIXIAO!")));

/** A test of a sheet function: `call` on `base` (its arguments), then on `RUNS` mutants of them. */
export function fuzzSheet(name: string, base: readonly unknown[], call: (args: readonly unknown[]) => unknown): void {
  it(name, () => {
    sheetOutcome(() => call(deepFreeze(copy(base))));
    fc.assert(
      fc.property(mutant(base, { args: true }), (m) => {
        sheetOutcome(() => call(m.value));
      }),
      params(),
    );
  }, TIMEOUT);
  sheetProbes(name, base, call);
}

/**
 * The read-once tests of a sheet function: in its ranges (arguments that are lists of cells), a
 * changing getter (the answer of its first value, read at most once) and a throwing Proxy trap (an
 * error cell, or the plain input's answer); in its rule arguments (objects, passed as JSON text),
 * an own `__proto__` key (an error cell). Never a throw.
 */
function sheetProbes(name: string, base: readonly unknown[], call: (args: readonly unknown[]) => unknown): void {
  const range = (path: Path) => Array.isArray(base[path[0] as number]);
  const cells: Where = { within: (path) => path.length >= 2 && range(path) };
  const ranges: Where = { within: (path) => path.length >= 1 && range(path) };
  const rules: Where = { within: (path) => path.length >= 1 && isPlain(base[path[0] as number]) && !range(path) };
  const runs = PROBE_RUNS;
  it(`${name}: a changing getter in a cell is read once`, () => {
    fc.assert(
      fc.property(changingGetter(base, cells), (p) => {
        const expected = JSON.stringify(sheetOutcome(() => call(p.plain)));
        let reads = -1;
        const got = JSON.stringify(sheetOutcome(() => {
          try {
            return call(p.value);
          } finally {
            reads = p.reads();
          }
        }));
        if (reads > 1) throw new Error(`the getter at ${showPath(p.path)} was read ${reads} times in one call`);
        expect(got, "the answer when the cell's first value is a plain cell").toBe(expected);
      }),
      params(runs),
    );
  }, TIMEOUT);
  it(`${name}: a throwing Proxy trap in a range is an error cell`, () => {
    fc.assert(
      fc.property(throwingProxy(base, ranges), (p) => {
        const got = sheetOutcome(() => call(p.value));
        if (!hasErrorCell(got)) expect(JSON.stringify(got), "no error cell: the plain input's answer").toBe(JSON.stringify(sheetOutcome(() => call(p.plain))));
      }),
      params(runs),
    );
  }, TIMEOUT);
  if (hasObjects(base, rules))
    it(`${name}: an own __proto__ key in a rule is an error cell`, () => {
      fc.assert(
        fc.property(ownProto(base, rules), (p) => {
          const got = sheetOutcome(() => call(p.value));
          if (!hasErrorCell(got)) throw new Error(`no error cell: ${show(got, 300)}`);
        }),
        params(runs),
      );
    }, TIMEOUT);
}
