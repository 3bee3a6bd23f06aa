/**
 * A small, strict XML reader for the parts of an xlsx file: elements, attributes, text, CDATA,
 * comments and processing instructions. No document type declarations and no entities beyond the
 * five of XML and character references — so no entity expansion and no outside file is ever read.
 * Element and attribute names are given without their namespace prefix (`x:c` → `c`, `r:id` → `id`).
 * @internal
 */

/** What the reader calls as it goes. @internal */
export interface XmlHandler {
  /** An element opens (`empty` when it closes at once: `<c r="A1"/>`). */
  readonly open: (name: string, attributes: Readonly<Record<string, string>>, empty: boolean) => void;
  /** An element closes (after `open`, also for an empty element). */
  readonly close: (name: string) => void;
  /** Text inside the current element, entities resolved. */
  readonly text: (text: string) => void;
}

const local = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6});|#([0-9]{1,7});|(lt|gt|amp|quot|apos);)?/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with its entities and character references resolved; `undefined` for a bad one. */
function unescape(text: string): string | undefined {
  if (!text.includes("&")) return text;
  let bad = false;
  const out = text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? parseInt(dec, 10) : -1;
    if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      bad = true;
      return whole;
    }
    return String.fromCodePoint(code);
  });
  return bad ? undefined : out;
}

/** XML's white space: space, tab, line feed, carriage return. */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * Reads XML text, calling the handler for each element and text.
 * @param xml - the text.
 * @param handler - what to call.
 * @returns `true` when the text is well-formed as far as this reader checks (tags nest and close,
 *   references resolve, no DOCTYPE), else `false` (the handler may have been called for a part).
 * @internal
 */
export function readXml(xml: string, handler: XmlHandler): boolean {
  const stack: string[] = [];
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    const end = lt < 0 ? xml.length : lt;
    if (end > at) {
      const raw = xml.slice(at, end);
      if (stack.length === 0) {
        if (raw.trim() !== "") return false;
      } else {
        const text = unescape(raw);
        if (text === undefined) return false;
        handler.text(text);
      }
    }
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) return false;
      at = close + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const close = xml.indexOf("-->", lt + 4);
      if (close < 0) return false;
      at = close + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt + 9);
      if (close < 0 || stack.length === 0) return false;
      handler.text(xml.slice(lt + 9, close));
      at = close + 3;
    } else if (xml.startsWith("<!", lt)) {
      // A document type declaration: never in an xlsx part, and the door to entity expansion.
      return false;
    } else if (xml.startsWith("</", lt)) {
      const close = xml.indexOf(">", lt + 2);
      if (close < 0) return false;
      const name = local(xml.slice(lt + 2, close).trim());
      if (stack.pop() !== name) return false;
      handler.close(name);
      at = close + 1;
    } else {
      let i = lt + 1;
      for (let c = xml.charCodeAt(i); i < xml.length && c !== 0x2f && c !== 0x3e && !isSpace(c); c = xml.charCodeAt(++i));
      const name = local(xml.slice(lt + 1, i));
      if (name === "") return false;
      const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
      while (isSpace(xml.charCodeAt(i))) {
        ATTRIBUTE.lastIndex = i;
        const m = ATTRIBUTE.exec(xml);
        if (!m) break;
        const value = unescape(m[2] ?? m[3] ?? "");
        if (value === undefined) return false;
        attributes[local(m[1]!)] = value;
        i = ATTRIBUTE.lastIndex;
      }
      while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
      const empty = xml[i] === "/";
      if (empty) i++;
      if (xml[i] !== ">") return false;
      handler.open(name, attributes, empty);
      if (empty) handler.close(name);
      else stack.push(name);
      at = i + 1;
    }
  }
  return stack.length === 0;
}

/**
 * Text as it may stand in XML: `&`, `<`, `>` and quotes escaped; characters XML cannot hold
 * (control characters other than tab and line breaks, lone surrogates) left out.
 * @internal
 */
export function escapeXml(text: string): string {
  if (!/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(text)) return text;
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
