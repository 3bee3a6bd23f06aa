import type { Locale } from "../messages/types.js";

/** The environment variables the language is read from, by name (a process's `env`, or one a test makes). */
export type LangEnv = Readonly<Record<string, string | undefined>>;

/** The variables that name the system locale, in the order they are looked at (POSIX: the first one set wins). @internal */
export const LOCALE_VARIABLES = ["LC_ALL", "LC_MESSAGES", "LANG"] as const;

/**
 * The language a person at this machine reads, for every text the command line writes: Chinese
 * (`zh-CN`) for any Chinese locale, English otherwise. The first of `LC_ALL`, `LC_MESSAGES` and
 * `LANG` that is set and not empty decides (as POSIX programs do: `LC_ALL=C` means English); when
 * none is set, the locale of `Intl` (`intlLocale`, the operating system's on Windows and macOS).
 *
 * @param env - the environment variables (`process.env`).
 * @param intlLocale - the locale `Intl` reports (`Intl.DateTimeFormat().resolvedOptions().locale`).
 * @returns `"zh-CN"` or `"en"`.
 * @example
 * ```ts
 * systemLanguage({ LANG: "zh_CN.UTF-8" }, "en-US");
 * //=> "zh-CN"
 * systemLanguage({ LC_ALL: "C", LANG: "zh_CN.UTF-8" }, "zh-CN");
 * //=> "en"
 * systemLanguage({}, "zh-Hans-CN");
 * //=> "zh-CN"
 * ```
 * @internal
 */
export function systemLanguage(env: LangEnv, intlLocale: string | undefined): Locale {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name];
    if (typeof value === "string" && value !== "") return isChinese(value) ? "zh-CN" : "en";
  }
  return typeof intlLocale === "string" && isChinese(intlLocale) ? "zh-CN" : "en";
}

/** Whether a locale name is Chinese: `zh`, `zh_CN.UTF-8`, `zh-Hans-CN`, `zh_TW` … */
const isChinese = (locale: string) => /^zh(?:$|[-_.@])/i.test(locale.trim());

/**
 * The language a `--lang` value names: `zh` (or `zh-CN`, `zh_CN`) or `en`; `undefined` for
 * anything else.
 * @example
 * ```ts
 * languageOf("zh");
 * //=> "zh-CN"
 * ```
 * @internal
 */
export function languageOf(given: string): Locale | undefined {
  const v = given.trim().toLowerCase().replace("_", "-");
  if (v === "zh" || v === "zh-cn") return "zh-CN";
  if (v === "en") return "en";
  return undefined;
}

/** The locale `Intl` reports on this machine, or `undefined` where it cannot say. @internal */
export function intlLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}
