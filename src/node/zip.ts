/// <reference types="node" />
import * as zlib from "node:zlib";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { IssueCode, JixiaoError } from "../core/errors.js";
import { fileIssue, type FileMessage } from "./issue.js";

/**
 * A zip archive reader and writer, just enough for xlsx files, over Node's own zlib: no
 * dependency. Every size is bounded before it is trusted: the archive's parts are inflated with a
 * cap on their output (Node stops at the cap, so a "zip bomb" never fills memory), and each part's
 * length and CRC-32 must match what the archive says.
 * @internal
 */

/** The limits of reading an archive. @internal */
export const ZIP_LIMITS = Object.freeze({
  /** The most entries an archive may list. */
  entries: 10_000,
  /** The most bytes one part may unpack to: 256 MiB. */
  partBytes: 256 * 1024 * 1024,
  /** The most bytes the parts read may unpack to together: 512 MiB. */
  totalBytes: 512 * 1024 * 1024,
});

const MiB = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

let CRC_TABLE: Uint32Array | undefined;

/** Node's own CRC-32 (Node 20.15 and later), else the table below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The CRC-32 of bytes (the zip format's checksum). @internal */
export function crc32(bytes: Uint8Array, native = true): number {
  if (native && typeof nativeCrc32 === "function") return nativeCrc32(bytes) >>> 0;
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Entry {
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/** An archive opened for reading: its part names, and each part's bytes on demand. @internal */
export interface ZipReader {
  /** The names of the parts, in the archive's order. */
  readonly names: readonly string[];
  /** A part's bytes, or `undefined` when the archive has no such part. */
  readonly read: (name: string) => Uint8Array | undefined;
}

/**
 * Opens a zip archive: reads its central directory, refusing ZIP64, encrypted parts and methods
 * other than stored and deflate.
 * @param bytes - the archive.
 * @param file - its name, for messages.
 * @param limits - the caps (default {@link ZIP_LIMITS}).
 * @returns the part names and a reader.
 * @throws {@link index!JixiaoError} saying what is wrong with the archive.
 * @internal
 */
export function openZip(bytes: Uint8Array, file: string, limits: { readonly entries: number; readonly partBytes: number; readonly totalBytes: number } = ZIP_LIMITS): ZipReader {
  const fail = (params: FileMessage): never => {
    throw new JixiaoError([fileIssue(IssueCode.invalidInput, params)], "The xlsx file cannot be read");
  };
  const broken = () => fail({ key: "xlsxZip", file, problem: "broken" });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : broken());
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : broken());
  if (bytes.length < 22 || u32(0) !== 0x04034b50) {
    if (bytes.length >= 22 && u32(0) === 0x06054b50) return { names: [], read: () => undefined };
    return fail({ key: "xlsxZip", file, problem: "notZip" });
  }
  // The end of central directory record: the last 22 bytes, or before a comment of up to 65535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50 && at + 22 + view.getUint16(at + 20, true) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return broken();
  const count = u16(end + 10);
  const dirSize = u32(end + 12);
  const dirStart = u32(end + 16);
  if (count === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff || (end >= 20 && u32(end - 20) === 0x07064b50)) fail({ key: "xlsxZip", file, problem: "zip64" });
  if (count > limits.entries) fail({ key: "xlsxZip", file, problem: "tooManyEntries" });
  if (dirStart + dirSize > end) broken();
  const entries = new Map<string, Entry>();
  const names: string[] = [];
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) broken();
    const nameLength = u16(at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: Entry = { flags: u16(at + 8), method: u16(at + 10), crc: u32(at + 16), compressed: u32(at + 20), size: u32(at + 24), offset: u32(at + 42) };
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) fail({ key: "xlsxZip", file, problem: "zip64" });
    if (!entries.has(name)) {
      entries.set(name, entry);
      names.push(name);
    }
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  let total = 0;
  const read = (name: string): Uint8Array | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 1) fail({ key: "xlsxZip", file, problem: "encrypted" });
    if (entry.method !== 0 && entry.method !== 8) fail({ key: "xlsxZip", file, problem: "method" });
    const cap = Math.min(limits.partBytes, limits.totalBytes - total);
    const tooLarge = () => fail({ key: "xlsxUnpackedTooLarge", file, limit: MiB(cap === limits.partBytes ? limits.partBytes : limits.totalBytes) });
    if (entry.size > cap) tooLarge();
    if (u32(entry.offset) !== 0x04034b50) broken();
    const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
    if (start + entry.compressed > bytes.length) broken();
    const packed = bytes.subarray(start, start + entry.compressed);
    let data: Uint8Array;
    if (entry.method === 0) data = packed;
    else {
      try {
        // Inflated with room for one byte more than declared: a part longer than it says is found out.
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, Math.min(cap, entry.size + 1)) });
      } catch {
        // Corrupt data, or more bytes than the archive declares.
        return broken();
      }
    }
    if (data.length !== entry.size || crc32(data) !== entry.crc) broken();
    total += data.length;
    return data;
  };
  return { names, read };
}

/**
 * Writes a zip archive of the given parts, deflated, with a fixed date (1980-01-01) so that the
 * same parts always give the same bytes.
 * @param parts - each part's name and bytes, in order.
 * @returns the archive.
 * @internal
 */
export function writeZip(parts: readonly { readonly name: string; readonly data: Uint8Array }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = new TextEncoder().encode(part.name);
    const packed = deflateRawSync(part.data, { level: 6 });
    const crc = crc32(part.data);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x0800, true); // names in UTF-8
    l.setUint16(8, 8, true);
    l.setUint16(10, 0, true);
    l.setUint16(12, 0x21, true); // 1980-01-01
    l.setUint32(14, crc, true);
    l.setUint32(18, packed.length, true);
    l.setUint32(22, part.data.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 8, true);
    c.setUint16(14, 0x21, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, packed.length, true);
    c.setUint32(24, part.data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    chunks.push(local, packed);
    directory.push(central);
    offset += local.length + packed.length;
  }
  const dirSize = directory.reduce((n, d) => n + d.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, parts.length, true);
  e.setUint16(10, parts.length, true);
  e.setUint32(12, dirSize, true);
  e.setUint32(16, offset, true);
  const all = [...chunks, ...directory, end];
  const out = new Uint8Array(all.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of all) {
    out.set(d, at);
    at += d.length;
  }
  return out;
}
