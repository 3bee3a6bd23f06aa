import { IssueCode } from "../core/errors.js";
import type { SheetArg } from "../messages/sheets.js";
import { cellParams, fail, isBlank, toRange } from "./cells.js";

/**
 * The words of a text argument given in one cell, separated by commas or spaces (`id, total`),
 * as written; nothing or a blank cell gives no words. @internal
 */
export function wordsOf(arg: unknown, what: SheetArg, example: string): string[] {
  const cells = toRange(arg, what)
    .flat()
    .filter((c) => !isBlank(c));
  if (cells.length === 0) return [];
  if (cells.length > 1) fail({ key: "sheetsWordsOneCell" }, { arg: what });
  const cell = cells[0];
  if (typeof cell !== "string") fail({ key: "sheetsWordsText", example, ...cellParams(cell) }, { arg: what }, IssueCode.invalidType);
  return cell.split(/[\s,;，；、]+/).filter((w) => w !== "");
}

/**
 * Reads a text option given in one cell as words separated by commas or spaces (`asc, dense`),
 * each one of `allowed`; nothing or a blank cell gives no words. @internal
 */
export function readWords<W extends string>(arg: unknown, what: SheetArg, allowed: readonly W[]): W[] {
  return wordsOf(arg, what, allowed[0]!).map((word) => {
    const found = allowed.find((a) => a.toLowerCase() === word.toLowerCase());
    if (found === undefined) fail({ key: "sheetsNotOneOf", word: word.slice(0, 40), options: [...allowed] }, { arg: what }, IssueCode.invalidOption);
    return found;
  });
}

/** Reads a one-word option: one of `allowed`, or `fallback` when left out. @internal */
export function readChoice<W extends string>(arg: unknown, what: SheetArg, allowed: readonly W[], fallback: W): W {
  const words = readWords(arg, what, allowed);
  if (words.length > 1) fail({ key: "sheetsOneWord", options: [...allowed], count: words.length }, { arg: what }, IssueCode.invalidOption);
  return words[0] ?? fallback;
}

/** Reads a one-cell text argument (an id, say) as written; a number reads as its digits. @internal */
export function textOf(arg: unknown, what: SheetArg): string | undefined {
  const cells = toRange(arg, what)
    .flat()
    .filter((c) => !isBlank(c));
  if (cells.length === 0) return undefined;
  const cell = cells[0];
  if (cells.length > 1 || (typeof cell !== "string" && !(typeof cell === "number" && Number.isFinite(cell))))
    fail({ key: "sheetsOneCellText", cells: cells.length, ...cellParams(cell) }, { arg: what }, IssueCode.invalidType);
  return String(cell).trim();
}
