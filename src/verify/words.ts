import { VERIFY_TEXTS } from "../messages/verify.js";
import { WORDING, type Locale, type Message } from "../messages/types.js";

type Texts = typeof VERIFY_TEXTS;

/** A text of scenario reports as data: its key and parameters. @internal */
export type VerifyText = { [K in keyof Texts]: { readonly key: K } & (Texts[K] extends Message<infer P> ? P : never) }[keyof Texts];

/**
 * Words a text of scenario reports in a language, from the catalog (`src/messages/verify.ts`).
 * @example
 * ```ts
 * word("zh-CN", { key: "nothing" });
 * //=> "（无）"
 * ```
 * @internal
 */
export function word(locale: Locale, text: VerifyText): string {
  return (VERIFY_TEXTS[text.key] as Message<VerifyText>)[locale](text, WORDING[locale]);
}
