import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, openZip, writeZip } from "../../src/node/zip.js";
import { readXml } from "../../src/node/xml.js";
import { formatIssue, type Issue } from "../../src/index.js";
import { thrown } from "../helpers.js";

const issuesOf = (fn: () => unknown): readonly Issue[] => thrown(fn).issues;
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

describe("zip archives", () => {
  it("computes CRC-32 as the zip format does", () => {
    expect(crc32(bytes("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    // The table, for a Node without zlib.crc32, agrees with Node's own.
    const sample = bytes("<a>张伟</a>".repeat(50));
    expect(crc32(bytes("123456789"), false)).toBe(0xcbf43926);
    expect(crc32(sample, false)).toBe(crc32(sample));
  });

  it("reads back what it writes, byte for byte the same for the same parts", () => {
    const parts = [
      { name: "a.xml", data: bytes("<a>张伟</a>".repeat(100)) },
      { name: "dir/b.txt", data: new Uint8Array() },
    ];
    const zip = writeZip(parts);
    expect(writeZip(parts)).toEqual(zip);
    const read = openZip(zip, "t.zip");
    expect(read.names).toEqual(["a.xml", "dir/b.txt"]);
    expect(text(read.read("a.xml"))).toBe("<a>张伟</a>".repeat(100));
    expect(read.read("dir/b.txt")!.length).toBe(0);
    expect(read.read("nope")).toBeUndefined();
  });

  it("caps what a part unpacks to (a zip bomb is refused before it fills memory)", () => {
    const bomb = writeZip([{ name: "big.xml", data: new Uint8Array(2_000_000) }]);
    expect(bomb.length).toBeLessThan(5000);
    const [issue] = issuesOf(() => openZip(bomb, "bomb.xlsx", { entries: 10, partBytes: 1_000_000, totalBytes: 5_000_000 }).read("big.xml"));
    expect(issue!.params).toEqual({ key: "xlsxUnpackedTooLarge", file: "bomb.xlsx", limit: `${1_000_000 / 1024 / 1024} MiB` });
    expect(formatIssue(issue!)).toMatch(/^bomb\.xlsx：解压后超过 .* MiB，超出上限（可能是“压缩炸弹”），不予读取$/);
    // Together too: two parts within the part cap but beyond the total.
    const two = writeZip([{ name: "a", data: new Uint8Array(600) }, { name: "b", data: new Uint8Array(600) }]);
    const reader = openZip(two, "two.xlsx", { entries: 10, partBytes: 1000, totalBytes: 1000 });
    expect(reader.read("a")!.length).toBe(600);
    expect(issuesOf(() => reader.read("b"))[0]!.params.key).toBe("xlsxUnpackedTooLarge");
  });

  it("does not trust the sizes an archive declares: a part that unpacks to more, or to other bytes, is damaged", () => {
    const zip = writeZip([{ name: "a", data: bytes("hello hello hello") }]);
    const dir = zip.length - 22 - 47;
    // Declare 5 bytes (in the central directory) where there are 17: refused, not truncated and not trusted.
    const lying = zip.slice();
    new DataView(lying.buffer).setUint32(dir + 24, 5, true);
    expect(issuesOf(() => openZip(lying, "l.xlsx").read("a"))[0]!.params).toEqual({ key: "xlsxZip", file: "l.xlsx", problem: "broken" });
    const badCrc = zip.slice();
    new DataView(badCrc.buffer).setUint32(dir + 16, 1, true);
    expect(issuesOf(() => openZip(badCrc, "c.xlsx").read("a"))[0]!.params).toMatchObject({ problem: "broken" });
  });

  it("refuses what is not a plain zip archive, saying what it is", () => {
    const problem = (data: Uint8Array) => issuesOf(() => openZip(data, "x.xlsx").read("a"))[0]!.params;
    expect(problem(bytes("编号,姓名\nc1,张伟\n"))).toEqual({ key: "xlsxZip", file: "x.xlsx", problem: "notZip" });
    const zip = writeZip([{ name: "a", data: bytes("x") }]);
    expect(problem(zip.slice(0, zip.length - 10))).toMatchObject({ problem: "broken" });
    const encrypted = zip.slice();
    new DataView(encrypted.buffer).setUint16(zip.length - 22 - 47 + 8, 1, true);
    expect(problem(encrypted)).toMatchObject({ problem: "encrypted" });
    const method = zip.slice();
    new DataView(method.buffer).setUint16(zip.length - 22 - 47 + 10, 12, true);
    expect(problem(method)).toMatchObject({ problem: "method" });
    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint16(zip.length - 22 + 10, 0xffff, true);
    expect(problem(zip64)).toMatchObject({ problem: "zip64" });
    expect(issuesOf(() => openZip(zip, "x.xlsx", { entries: 0, partBytes: 10, totalBytes: 10 }))[0]!.params).toMatchObject({ problem: "tooManyEntries" });
    const words = issuesOf(() => openZip(bytes("PK"), "old.xls"))[0]!;
    expect(formatIssue(words)).toBe("old.xls：不是 xlsx 文件（不是 zip 压缩包）；.xls 等旧格式请在 Excel 中另存为 .xlsx");
    expect(words.message).toBe("old.xls: is not an xlsx file (not a zip archive); save an old .xls file as .xlsx in Excel");
  });

  it("reads stored (uncompressed) parts as well", () => {
    const data = bytes("stored");
    const zip = writeZip([{ name: "s", data }]);
    // Rewrite as method 0: the local header, data and central directory by hand.
    const name = bytes("s");
    const local = new Uint8Array(30 + name.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint32(14, crc32(data), true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 31);
    const central = zip.slice(zip.length - 22 - 47, zip.length - 22);
    const c = new DataView(central.buffer);
    c.setUint16(10, 0, true);
    c.setUint32(20, data.length, true);
    const end = zip.slice(zip.length - 22);
    new DataView(end.buffer).setUint32(16, local.length, true);
    const stored = new Uint8Array([...local, ...central, ...end]);
    expect(text(openZip(stored, "s.zip").read("s"))).toBe("stored");
    expect(deflateRawSync(data).length).toBeGreaterThan(0);
  });
});

describe("XML", () => {
  const events = (xml: string) => {
    const out: string[] = [];
    const ok = readXml(xml, {
      open: (name, a, empty) => out.push(`<${name}${Object.entries(a).map(([k, v]) => ` ${k}=${v}`).join("")}${empty ? "/" : ""}>`),
      close: (name) => out.push(`</${name}>`),
      text: (t) => out.push(t),
    });
    return ok ? out : "bad";
  };

  it("reads elements, attributes (without prefixes), text, references and CDATA", () => {
    expect(events('<?xml version="1.0"?>\n<!-- c --><x:a r:id=\'1\' b="&lt;&amp;&#x4E2D;&#25991;"><t>a &gt; b</t><![CDATA[<raw>]]><e/></x:a>\n')).toEqual([
      "<a id=1 b=<&中文>",
      "<t>",
      "a > b",
      "</t>",
      "<raw>",
      "<e/>",
      "</e>",
      "</a>",
    ]);
  });

  it("refuses a DOCTYPE (no entity expansion), unknown entities, bad nesting and unclosed tags", () => {
    expect(events('<!DOCTYPE a [<!ENTITY x "xxxx">]><a>&x;</a>')).toBe("bad");
    expect(events("<a>&x;</a>")).toBe("bad");
    expect(events("<a>&#xD800;</a>")).toBe("bad");
    expect(events("<a><b></a></b>")).toBe("bad");
    expect(events("<a>")).toBe("bad");
    expect(events("<a b=1/>")).toBe("bad");
    expect(events("text<a/>")).toBe("bad");
    expect(events("<a><!-- open</a>")).toBe("bad");
  });
});
