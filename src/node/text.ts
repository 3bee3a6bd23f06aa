/// <reference types="node" />
import { IssueCode, JixiaoError } from "../core/errors.js";
import { fileIssue, type FileMessage } from "./issue.js";

/** The text encodings a data file may be read in. `gbk` reads as `gb18030`, of which it is a part. */
export type TextEncodingName = "utf-8" | "gb18030" | "gbk" | "utf-16le" | "utf-16be";

/** The encodings `--encoding` and the `encoding` option take. @internal */
export const TEXT_ENCODINGS: readonly TextEncodingName[] = Object.freeze(["utf-8", "gb18030", "gbk", "utf-16le", "utf-16be"] as const);

/** A file's text, and the encoding it was read in. */
export interface DecodedText {
  /** The text, without a byte-order mark. */
  readonly text: string;
  /** The encoding it was read in. */
  readonly encoding: TextEncodingName;
  /**
   * Whether the encoding was guessed from the bytes (GB18030, for a file that is not UTF-8 and has
   * no byte-order mark), rather than known (UTF-8, a byte-order mark, or the encoding asked for).
   */
  readonly guessed: boolean;
}

const BOMS: readonly (readonly [TextEncodingName, readonly number[]])[] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

const starts = (bytes: Uint8Array, prefix: readonly number[]) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const fail = (params: FileMessage): never => {
  throw new JixiaoError([fileIssue(IssueCode.invalidInput, params)], "The file cannot be read");
};

/** Decodes strictly, or gives `undefined` when a byte cannot be read in the encoding. */
function strict(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The line (from 1) of the first byte that cannot be read in the encoding: the bytes are fed in
 * chunks to find the chunk, then that chunk byte by byte. Only on the way to an error.
 */
function badLine(bytes: Uint8Array, encoding: TextEncodingName): number {
  const CHUNK = 1 << 16;
  const feed = (decoder: InstanceType<typeof TextDecoder>, from: number, to: number) => {
    try {
      decoder.decode(bytes.subarray(from, to), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let start = 0;
  for (const probe = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }); start < bytes.length && feed(probe, start, start + CHUNK); ) start += CHUNK;
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  feed(decoder, 0, start);
  let at = start;
  while (at < bytes.length && feed(decoder, at, at + 1)) at++;
  // A sequence cut off by the end of the file.
  if (at >= bytes.length) at = bytes.length - 1;
  const wide = encoding === "utf-16le" || encoding === "utf-16be";
  let line = 1;
  if (wide) {
    for (let i = 0; i + 1 < at; i += 2) if ((encoding === "utf-16le" ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!) === 0x0a) line++;
  } else for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Reads a file's bytes as text, strictly — never replacing a byte it cannot read. Without an
 * encoding asked for: a byte-order mark decides (UTF-8, UTF-16 LE or BE); else UTF-8 if every byte
 * reads as UTF-8; else GB18030 (which holds GBK, what Excel's "CSV" saves on Chinese Windows) if
 * every byte reads as that, `guessed`; else the file is refused with what to do. A file with NUL
 * characters and no byte-order mark (UTF-16 without one, or not text at all) is refused too.
 *
 * @param bytes - the file's content.
 * @param file - the file's name, for messages.
 * @param encoding - the encoding to read in, when it is known (a matching byte-order mark is dropped).
 * @returns the text, its encoding, and whether the encoding was guessed.
 * @throws {@link index!JixiaoError} when the bytes cannot be read as text, saying what to do.
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xb6, 0xfe, 0xbf, 0xc6]), "people.csv");
 * //=> { text: "二科", encoding: "gb18030", guessed: true }
 * ```
 * @internal
 */
export function decodeText(bytes: Uint8Array, file: string, encoding?: TextEncodingName): DecodedText {
  const known = (name: TextEncodingName, marked: boolean): DecodedText => {
    const bom = BOMS.find(([n]) => n === name)?.[1] ?? [];
    const body = bom.length > 0 && starts(bytes, bom) ? bytes.subarray(bom.length) : bytes;
    const text = strict(body, name) ?? fail({ key: "textNotInEncoding", file, encoding: name, line: badLine(body, name), marked });
    if (text.includes("\u0000")) fail({ key: "textNul", file });
    return { text, encoding: name, guessed: false };
  };
  if (encoding !== undefined) return known(encoding, false);
  const marked = BOMS.find(([, bom]) => starts(bytes, bom));
  if (marked) return known(marked[0], true);
  if (bytes.includes(0)) fail({ key: "textNul", file });
  const utf8 = strict(bytes, "utf-8");
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", guessed: false };
  const gb = strict(bytes, "gb18030");
  if (gb !== undefined) return { text: gb, encoding: "gb18030", guessed: true };
  return fail({ key: "textUndecodable", file });
}
