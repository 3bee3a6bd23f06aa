import { CLI_TEXTS, COLUMNS, type Column } from "../messages/cli.js";
import { WORDING, type Locale, type Message } from "../messages/types.js";

type Texts = typeof CLI_TEXTS;

/** The key of one text of the command line. @internal */
export type TextKey = keyof Texts;

/** The parameters of the text `K`. @internal */
export type TextParams<K extends TextKey> = Texts[K] extends Message<infer P> ? P : never;

/** A text of the command line as data: its key and its parameters, worded when it is shown. @internal */
export type Text = { [K in TextKey]: { readonly key: K } & TextParams<K> }[TextKey];

/**
 * Words a text of the command line in a language, from the catalog (`src/messages/cli.ts`).
 * @example
 * ```ts
 * say("zh-CN", { key: "scoring", count: 3 });
 * //=> "正在计分：3 个考评对象…"
 * ```
 * @internal
 */
export function say(locale: Locale, text: Text): string {
  const m = CLI_TEXTS[text.key] as Message<Text>;
  return m[locale](text, WORDING[locale]);
}

/**
 * The header of one of the command line's output columns in a language: 编号, 姓名, 总分, 等次 … or
 * id, name, total, tier ….
 *
 * (The one header mapping of the sheets and the CLI will take this over; until then the command
 * line's columns are named here.)
 * @example
 * ```ts
 * header("total", "zh-CN");
 * //=> "总分"
 * ```
 * @internal
 */
export function header(column: Column, locale: Locale): string {
  return COLUMNS[column][locale];
}

/** Attribute keys that are fixed columns under another name (`department` is 部门). */
const ATTRIBUTE_COLUMNS: Readonly<Record<string, Column>> = { department: "department" };

/**
 * The header of an attribute column: a known field (`department`) in the language, any other key
 * (部门, 职级 — the input's own header) as it is.
 * @example
 * ```ts
 * attributeHeader("department", "zh-CN");
 * //=> "部门"
 * attributeHeader("职级", "en");
 * //=> "职级"
 * ```
 * @internal
 */
export function attributeHeader(key: string, locale: Locale): string {
  return Object.prototype.hasOwnProperty.call(ATTRIBUTE_COLUMNS, key) ? header(ATTRIBUTE_COLUMNS[key]!, locale) : key;
}

export type { Column };
