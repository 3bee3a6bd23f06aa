/** The languages every text a person reads is written in: Simplified Chinese first, and English. */
export type Locale = "zh-CN" | "en";

/** The locales, Chinese first. */
export const LOCALES: readonly Locale[] = Object.freeze(["zh-CN", "en"] as const);

/**
 * A value as an issue shows it, kept as data so each language can word it: text (cut at 40
 * characters), a number's exact text, a list's length, or just the kind of value.
 */
export type Shown =
  | {
      /** Text was received. */
      readonly type: "text";
      /** The text, cut at 40 characters. */
      readonly text: string;
    }
  | {
      /** A number was received. */
      readonly type: "number";
      /** Its exact text (`NaN`, `Infinity` included). */
      readonly text: string;
    }
  | {
      /** A list was received. */
      readonly type: "list";
      /** How many items it has. */
      readonly length: number;
    }
  | {
      /** Another kind of value was received (`nothing` for a missing one). */
      readonly type: "null" | "nothing" | "object" | "boolean" | "function" | "bigint" | "symbol";
    };

/** A value an issue's message refers to: text, a number, a shown input value or a list of names. */
export type ParamValue = string | number | boolean | Shown | readonly string[];

/** The words one language uses for the values inside a message. */
export interface Wording {
  /** A received value: `text "九十六"` / `文本「九十六」`. */
  readonly shown: (value: Shown) => string;
  /** A list of names: `a, b, c` / `a、b、c`. */
  readonly list: (names: readonly string[]) => string;
  /** A name quoted: `"name"` / `「name」`. */
  readonly q: (name: string) => string;
}

/** One message in both languages, from its parameters. */
export interface Message<P> {
  /** The words in Simplified Chinese. */
  readonly "zh-CN": (params: P, words: Wording) => string;
  /** The words in English. */
  readonly en: (params: P, words: Wording) => string;
}

/**
 * Declares one message of the catalog with the type of its parameters, so that a missing language
 * or a missing parameter is a compile error.
 * @internal
 */
export function message<P extends Readonly<Record<string, ParamValue>> = Record<never, never>>(m: Message<P>): Message<P> {
  return m;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 3)}…` : text);

/** The words of each language. @internal */
export const WORDING: Readonly<Record<Locale, Wording>> = {
  "zh-CN": {
    shown: (v) => {
      switch (v.type) {
        case "text":
          return `文本「${cut(v.text, 40)}」`;
        case "number":
          return v.text;
        case "list":
          return `含 ${v.length} 项的列表`;
        case "null":
          return "null";
        case "nothing":
          return "空值（未填写）";
        case "object":
          return "一个对象";
        case "boolean":
          return "真假值";
        case "function":
          return "一个函数";
        default:
          return `${v.type} 类型的值`;
      }
    },
    list: (names) => names.join("、"),
    q: (name) => `「${name}」`,
  },
  en: {
    shown: (v) => {
      switch (v.type) {
        case "text":
          return `text "${cut(v.text, 40)}"`;
        case "number":
          return v.text;
        case "list":
          return `a list of ${v.length}`;
        case "null":
          return "null";
        case "nothing":
          return "nothing";
        case "object":
          return "an object";
        default:
          return `a ${v.type}`;
      }
    },
    list: (names) => names.join(", "),
    q: (name) => `"${name}"`,
  },
};

/**
 * A value as a message shows it: text, a number's text, a list's length or the kind of value.
 * Never reads more than the value's type and, for a list, its length.
 * @internal
 */
export function shown(value: unknown): Shown {
  if (value === null) return { type: "null" };
  if (value === undefined) return { type: "nothing" };
  if (typeof value === "number") return { type: "number", text: String(value) };
  if (typeof value === "string") return { type: "text", text: value.length > 40 ? `${value.slice(0, 37)}…` : value };
  if (Array.isArray(value)) return { type: "list", length: value.length };
  if (typeof value === "object") return { type: "object" };
  return { type: typeof value as "boolean" | "function" | "bigint" | "symbol" };
}
