/**
 * The one catalog of every issue message, in zh-CN and en. An issue keeps its message key and
 * parameters as data; its words are made from them in the reader's language.
 * @internal
 */
import { CORE_MESSAGES } from "./core.js";
import { CASCADE_MESSAGES } from "./cascade.js";
import { COMPARE_MESSAGES } from "./compare.js";
import { CLI_MESSAGES } from "./cli.js";
import { FILES_MESSAGES } from "./files.js";
import { METHODS_MESSAGES } from "./methods.js";
import { PENALTIES_MESSAGES } from "./penalties.js";
import { PERIODS_MESSAGES } from "./periods.js";
import { PERSONNEL_MESSAGES } from "./personnel.js";
import { RANKING_MESSAGES } from "./ranking.js";
import { ROADMAP_MESSAGES } from "./roadmap.js";
import { SCHEME_MESSAGES } from "./scheme.js";
import { SCORING_MESSAGES } from "./scoring.js";
import { SERVER_MESSAGES } from "./server.js";
import { SHEETS_MESSAGES } from "./sheets.js";
import { TABLES_MESSAGES } from "./tables.js";
import { TASKS_MESSAGES } from "./tasks.js";
import { TIERS_MESSAGES } from "./tiers.js";
import { VERIFY_MESSAGES } from "./verify.js";
import { WORDING, type Locale, type Message } from "./types.js";

/** Every message, by key. Keys are unique across the parts (a test checks it). @internal */
export const CATALOG = {
  ...CORE_MESSAGES,
  ...CASCADE_MESSAGES,
  ...COMPARE_MESSAGES,
  ...CLI_MESSAGES,
  ...FILES_MESSAGES,
  ...METHODS_MESSAGES,
  ...PENALTIES_MESSAGES,
  ...PERIODS_MESSAGES,
  ...PERSONNEL_MESSAGES,
  ...RANKING_MESSAGES,
  ...ROADMAP_MESSAGES,
  ...SCHEME_MESSAGES,
  ...SCORING_MESSAGES,
  ...SERVER_MESSAGES,
  ...SHEETS_MESSAGES,
  ...TABLES_MESSAGES,
  ...TASKS_MESSAGES,
  ...TIERS_MESSAGES,
  ...VERIFY_MESSAGES,
};

/** The parts of the catalog, for the test that no key is declared twice. @internal */
export const CATALOG_PARTS = [
  CORE_MESSAGES,
  CASCADE_MESSAGES,
  COMPARE_MESSAGES,
  CLI_MESSAGES,
  FILES_MESSAGES,
  METHODS_MESSAGES,
  PENALTIES_MESSAGES,
  PERIODS_MESSAGES,
  PERSONNEL_MESSAGES,
  RANKING_MESSAGES,
  ROADMAP_MESSAGES,
  SCHEME_MESSAGES,
  SCORING_MESSAGES,
  SERVER_MESSAGES,
  SHEETS_MESSAGES,
  TABLES_MESSAGES,
  TASKS_MESSAGES,
  TIERS_MESSAGES,
  VERIFY_MESSAGES,
] as const;

/** The type of the catalog: every message by key. */
export type Catalog = typeof CATALOG;

/** The key of one message of the catalog. */
export type MessageKey = keyof Catalog;

/** The parameters of the message `K`. */
export type ParamsOf<K extends MessageKey> = Catalog[K] extends Message<infer P> ? P : never;

/** A message as data: its key and its parameters. Every issue carries one. */
export type MessageParams = {
  [K in MessageKey]: {
    /** The message's key in the catalog. */
    readonly key: K;
  } & ParamsOf<K>;
}[MessageKey];

/** Whether `key` names a message of the catalog (an own key: never `constructor` or `__proto__`). @internal */
export const isMessageKey = (key: unknown): key is MessageKey => typeof key === "string" && Object.prototype.hasOwnProperty.call(CATALOG, key);

/** Words a message makes in `locale` from its key and parameters. @internal */
export function render(params: MessageParams, locale: Locale): string {
  if (!Object.prototype.hasOwnProperty.call(CATALOG, params.key)) return String(params.key);
  const m = CATALOG[params.key] as Message<MessageParams>;
  return m[locale](params, WORDING[locale]);
}

export type { Locale, Message, ParamValue, Shown, Wording } from "./types.js";
export { LOCALES, message, shown, WORDING } from "./types.js";
