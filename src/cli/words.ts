import { CLI_COLUMNS, CLI_TEXTS, type CliColumn } from "../messages/cli.js";
import { WORDING, type Locale, type Message } from "../messages/types.js";
import { fieldLabel, type Field } from "../tables/index.js";

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
 * The header of a column only the command line writes (a scenario report's rows) in a language:
 * 文件, 用例, 结果 … or file, case, result …. Every other column is named by `fieldLabel` and
 * `outputLabel` (src/tables), as the sheets name it.
 * @example
 * ```ts
 * cliLabel("expected", "zh-CN");
 * //=> "期望"
 * ```
 * @internal
 */
export function cliLabel(column: CliColumn, locale: Locale): string {
  return CLI_COLUMNS[column][locale];
}

/** Attribute keys that are fixed columns under their own name (`department` is 部门). */
const ATTRIBUTE_FIELDS: ReadonlySet<string> = new Set<Field>(["department"]);

/**
 * The header of an attribute column: a key that is a fixed field (`department` of JSON subjects)
 * by the field's label in the language, any other key (部门, 职级 — the input's own header) as it is.
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
  return ATTRIBUTE_FIELDS.has(key) ? fieldLabel(key as Field, locale) : key;
}

export type { CliColumn };
