import { Dec } from "../core/decimal.js";
import { IssueCode, JixiaoError, type Issue } from "../core/errors.js";
import { fileIssue, type FileMessage } from "./issue.js";
import { MAX_CSV_ROWS, MAX_FIELDS } from "./csv.js";
import { columnLetters, tableRecords, type Table } from "./table.js";
import { escapeXml, readXml, type XmlHandler } from "./xml.js";
import { openZip, writeZip, ZIP_LIMITS, type ZipReader } from "./zip.js";

/**
 * Reading and writing xlsx workbooks (Office Open XML spreadsheets, as Excel, WPS and LibreOffice
 * save them), over {@link openZip} and {@link readXml}: no dependency. What a cell holds comes
 * through as the text a person sees in it, exactly: a number as its shortest decimal text (the
 * double 0.28499999999999998 Excel stores for 0.285 reads "0.285"), a percent-formatted number as
 * a percent (0.965 shown as 96.5% reads "96.5%", whatever decimals the format shows), a date as
 * ISO text (`2024-07-01`, `2024-07-01T09:00:01`), text as it is.
 * @internal
 */

/** The limits of reading an xlsx file. @internal */
export const XLSX_LIMITS = Object.freeze({
  /** The largest xlsx file read: 100 MiB. */
  fileBytes: 100 * 1024 * 1024,
  /** The most bytes one part (a sheet, the shared strings) may unpack to, and all parts read together. */
  partBytes: ZIP_LIMITS.partBytes,
  totalBytes: ZIP_LIMITS.totalBytes,
  /** The most rows and columns a sheet's cells may reach (as for CSV). */
  rows: MAX_CSV_ROWS,
  columns: MAX_FIELDS,
});

/** Options for reading an xlsx file. @internal */
export interface XlsxReadOptions {
  /** The sheet to read, by name (default: the first sheet). */
  readonly sheet?: string;
}

/** A sheet read: its rows of cell texts, each row's number, and the sheet's name. @internal */
export interface XlsxSheet {
  /** The sheet's name. */
  readonly sheet: string;
  /** The rows holding at least one cell, each a list of cell texts (`""` for an empty cell). */
  readonly rows: readonly (readonly string[])[];
  /** Each row's number, as Excel shows it. */
  readonly numbers: readonly number[];
}

const CONTEXT = "The xlsx file cannot be read";

/** Excel's built-in number formats that are dates or times (14–22, 45–47; 27–36 and 50–58 in Chinese, Japanese and Korean). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 45, 46, 47]);
const BUILTIN_PERCENTS = new Set([9, 10]);

/** A number format's code with its literal parts (quoted text, escapes, colors, locales) left out. */
const formatTokens = (code: string) =>
  code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");

/** How a cell's number is shown, from its number format. @internal */
export type NumberKind = "number" | "percent" | "date" | "time" | "datetime";

/**
 * What a number format makes of a number: a percent (the format has `%`), a date, a time, a date
 * and time, or a plain number.
 * @internal
 */
export function numberKind(id: number, code: string | undefined): NumberKind {
  if (code === undefined) {
    if (BUILTIN_PERCENTS.has(id)) return "percent";
    if (id === 22) return "datetime";
    if (BUILTIN_TIMES.has(id)) return "time";
    return BUILTIN_DATES.has(id) ? "date" : "number";
  }
  // Only the first section (for positive numbers) counts.
  const tokens = formatTokens(code).split(";")[0]!;
  if (tokens.includes("%")) return "percent";
  const time = /[hs]/i.test(tokens);
  const date = /[yd]/i.test(tokens) || (/m/i.test(tokens) && !time);
  return date && time ? "datetime" : date ? "date" : time ? "time" : "number";
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A number as its shortest decimal text, without an exponent: 0.28499999999999998 → "0.285",
 * 1e-7 → "0.0000001".
 * @internal
 */
export function numberText(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? new Dec(s).toFixed() : s;
}

/**
 * A date serial number (days since 1899-12-30, or 1904-01-01) as ISO text: `2024-07-01`, with
 * `T09:00:01` when the format shows a time or the number has one; a time alone as `09:00:01`.
 * Seconds are rounded to the nearest. Gives `undefined` outside the years 1900–9999.
 * @internal
 */
export function serialDate(serial: number, kind: "date" | "time" | "datetime", date1904: boolean): string | undefined {
  if (!(serial >= 0) || serial >= 2958466) return undefined;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds === 86400) {
    days++;
    seconds = 0;
  }
  const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (kind === "time" && days === 0) return clock;
  let day: string;
  // Excel counts a 29 February 1900 that never was (as Lotus 1-2-3 did): serial 60.
  if (!date1904 && days === 60) day = "1900-02-29";
  else {
    const base = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    const d = new Date(base + days * 86_400_000);
    day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return kind === "date" && seconds === 0 ? day : `${day}T${clock}`;
}

/** Excel's escapes for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
const unescapeExcel = (text: string) => (text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** A part's path resolved against the folder of the part that names it. */
function resolvePart(from: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${from.slice(0, from.lastIndexOf("/") + 1)}${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The relationships of a part: id → type and target part. */
type Relationships = Map<string, { readonly type: string; readonly target: string }>;

/**
 * Reads one sheet of an xlsx workbook into rows of cell texts.
 * @param bytes - the workbook.
 * @param file - its name, for messages.
 * @param options - the sheet to read (default: the first).
 * @returns the sheet's name, its rows and their numbers.
 * @throws {@link index!JixiaoError} when the file is not an xlsx workbook, is damaged, too large, has no such sheet, or a cell cannot be read.
 * @internal
 */
export function readXlsxSheet(bytes: Uint8Array, file: string, options: XlsxReadOptions = {}): XlsxSheet {
  const fail = (params: FileMessage): never => {
    throw new JixiaoError([fileIssue(IssueCode.invalidInput, params)], CONTEXT);
  };
  if (bytes.length > XLSX_LIMITS.fileBytes) fail({ key: "fileTooLarge", file, limit: `${XLSX_LIMITS.fileBytes / 1024 / 1024} MiB` });
  const zip: ZipReader = openZip(bytes, file, { entries: ZIP_LIMITS.entries, partBytes: XLSX_LIMITS.partBytes, totalBytes: XLSX_LIMITS.totalBytes });
  const text = (part: string): string | undefined => {
    const data = zip.read(part);
    if (data === undefined) return undefined;
    try {
      const xml = new TextDecoder("utf-8", { fatal: true }).decode(data);
      return xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
    } catch {
      return fail({ key: "xlsxPart", file, part, missing: false });
    }
  };
  const parse = (part: string, handler: Partial<XmlHandler>, required: boolean): boolean => {
    const xml = text(part);
    if (xml === undefined) return required ? fail({ key: "xlsxPart", file, part, missing: true }) : false;
    const ok = readXml(xml, { open: handler.open ?? (() => {}), close: handler.close ?? (() => {}), text: handler.text ?? (() => {}) });
    if (!ok) fail({ key: "xlsxPart", file, part, missing: false });
    return true;
  };
  const relationships = (part: string): Relationships => {
    const rels: Relationships = new Map();
    const slash = part.lastIndexOf("/");
    parse(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`, {
      open: (name, a) => {
        if (name === "Relationship" && a.Id !== undefined && a.Target !== undefined && a.TargetMode !== "External") rels.set(a.Id, { type: a.Type ?? "", target: resolvePart(part, a.Target) });
      },
    }, false);
    return rels;
  };
  const typed = (rels: Relationships, kind: string) => [...rels.values()].find((r) => r.type.endsWith(`/${kind}`))?.target;

  // The workbook: its sheets, in order, and its date system.
  const workbook = typed(relationships(""), "officeDocument") ?? "xl/workbook.xml";
  const sheets: { name: string; id: string }[] = [];
  let date1904 = false;
  parse(workbook, {
    open: (name, a) => {
      if (name === "sheet" && a.name !== undefined) sheets.push({ name: a.name, id: a.id ?? "" });
      else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
    },
  }, true);
  if (sheets.length === 0) fail({ key: "xlsxNoSheets", file });
  const wanted = options.sheet;
  const chosen = wanted === undefined ? sheets[0]! : sheets.find((s) => s.name === wanted) ?? fail({ key: "xlsxNoSheet", file, sheet: wanted, sheets: sheets.map((s) => s.name) });
  const rels = relationships(workbook);
  const target = rels.get(chosen.id);
  if (!target || !target.type.endsWith("/worksheet")) fail({ key: "xlsxNotWorksheet", file, sheet: chosen.name });

  // Number formats: each cell style's format id, and the workbook's own format codes.
  const codes = new Map<number, string>();
  const styles: number[] = [];
  const stylesPart = typed(rels, "styles");
  if (stylesPart) {
    let inCellXfs = false;
    parse(stylesPart, {
      open: (name, a) => {
        if (name === "numFmt" && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? "");
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) styles.push(Number(a.numFmtId ?? 0));
      },
      close: (name) => {
        if (name === "cellXfs") inCellXfs = false;
      },
    }, false);
  }
  const kinds = new Map<number, NumberKind>();
  const kindOf = (style: number): NumberKind => {
    let kind = kinds.get(style);
    if (kind === undefined) {
      const id = styles[style] ?? 0;
      kind = numberKind(id, codes.get(id));
      kinds.set(style, kind);
    }
    return kind;
  };

  // Shared strings: rich text runs joined, phonetic guides (rPh) left out.
  const strings: string[] = [];
  const sharedPart = typed(rels, "sharedStrings");
  if (sharedPart) {
    let current = "";
    let inText = false;
    let phonetic = 0;
    parse(sharedPart, {
      open: (name, _, empty) => {
        if (name === "si") current = "";
        else if (name === "rPh") phonetic++;
        else if (name === "t" && !empty) inText = phonetic === 0;
      },
      text: (t) => {
        if (inText) current += t;
      },
      close: (name) => {
        if (name === "t") inText = false;
        else if (name === "rPh") phonetic--;
        else if (name === "si") strings.push(unescapeExcel(current));
      },
    }, false);
  }

  // The sheet's cells.
  const issues: Issue[] = [];
  const rows = new Map<number, string[]>();
  let row = 0;
  let column = 0;
  let cell: { ref: string | undefined; column: number; row: number; type: string; style: number; formula: boolean; value: string | undefined; inline: string } | undefined;
  let inValue = false;
  let inInline = false;
  let inText = false;
  let phonetic = 0;
  const refOf = (c: NonNullable<typeof cell>) => c.ref ?? `${columnLetters(c.column)}${c.row}`;
  const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
  const cellText = (c: NonNullable<typeof cell>): string | undefined => {
    const bad = () => {
      issues.push(fileIssue(IssueCode.invalidInput, { key: "xlsxBadCell", file, cell: refOf(c), received: { type: "text", text: (c.value ?? "").slice(0, 40) } }));
      return undefined;
    };
    if (c.type === "inlineStr") return unescapeExcel(c.inline);
    if (c.value === undefined) {
      if (c.formula) issues.push(fileIssue(IssueCode.invalidInput, { key: "xlsxFormulaNoValue", file, cell: refOf(c) }));
      return "";
    }
    const v = c.value;
    switch (c.type) {
      case "s": {
        const index = /^\d+$/.test(v.trim()) ? Number(v) : -1;
        return index >= 0 && index < strings.length ? strings[index]! : bad();
      }
      case "str":
        return unescapeExcel(v);
      case "b":
        return v.trim() === "1" ? "TRUE" : v.trim() === "0" ? "FALSE" : bad();
      case "e":
      case "d":
        return v.trim();
      default: {
        const t = v.trim();
        if (t === "") return "";
        const n = Number(t);
        if (!Number.isFinite(n) || !NUMBER.test(t)) return bad();
        const kind = kindOf(c.style);
        if (kind === "percent") return `${new Dec(numberText(n)).times(100).toFixed()}%`;
        if (kind !== "number") return serialDate(n, kind, date1904) ?? numberText(n);
        return numberText(n);
      }
    }
  };
  const sheetPart = target!.target;
  parse(sheetPart, {
    open: (name, a, empty) => {
      if (name === "row") {
        row = a.r !== undefined && /^\d+$/.test(a.r) ? Number(a.r) : row + 1;
        column = 0;
      } else if (name === "c") {
        const ref = a.r;
        let letters = 0;
        let col = 0;
        if (ref !== undefined)
          for (let c = ref.charCodeAt(0) | 0x20; letters < 3 && c >= 0x61 && c <= 0x7a; c = ref.charCodeAt(++letters) | 0x20) col = col * 26 + c - 0x60;
        const at = letters > 0 && letters < ref!.length ? Number(ref!.slice(letters)) : NaN;
        if (Number.isInteger(at) && at > 0) [column, row] = [col, at];
        else column++;
        cell = { ref: Number.isInteger(at) && at > 0 ? ref : undefined, column, row, type: a.t ?? "n", style: a.s === undefined ? 0 : Number(a.s), formula: false, value: undefined, inline: "" };
      } else if (cell) {
        if (name === "v" && !empty) {
          inValue = true;
          cell.value = "";
        } else if (name === "v") cell.value = "";
        else if (name === "f") cell.formula = true;
        else if (name === "is") inInline = true;
        else if (name === "rPh") phonetic++;
        else if (name === "t" && inInline && !empty) inText = phonetic === 0;
      }
    },
    text: (t) => {
      if (!cell) return;
      if (inValue) cell.value += t;
      else if (inText) cell.inline += t;
    },
    close: (name) => {
      if (name === "v") inValue = false;
      else if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "is") inInline = false;
      else if (name === "c" && cell) {
        const value = cellText(cell);
        if (value !== undefined && value !== "") {
          if (row > XLSX_LIMITS.rows || column > XLSX_LIMITS.columns) {
            issues.push(fileIssue(IssueCode.invalidInput, { key: "tableTooLarge", file, cell: refOf(cell), limit: row > XLSX_LIMITS.rows ? XLSX_LIMITS.rows : XLSX_LIMITS.columns, rows: row > XLSX_LIMITS.rows }));
          } else {
            let fields = rows.get(row);
            if (!fields) rows.set(row, (fields = []));
            fields[column - 1] = value;
          }
        }
        cell = undefined;
        if (issues.length >= 100) throw new JixiaoError(issues, CONTEXT);
      }
    },
  }, true);
  if (issues.length > 0) throw new JixiaoError(issues, CONTEXT);
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  return { sheet: chosen.name, rows: numbers.map((n) => Array.from(rows.get(n)!, (f) => f ?? "")), numbers };
}

/**
 * Reads one sheet of an xlsx workbook into records keyed by its header row, each with its row
 * number as Excel shows it (see {@link readXlsxSheet} and `tableRecords`).
 * @internal
 */
export function xlsxTable(bytes: Uint8Array, file: string, options: XlsxReadOptions = {}): Table & { readonly sheet: string } {
  const sheet = readXlsxSheet(bytes, file, options);
  return { ...tableRecords(sheet.rows, sheet.numbers, file, CONTEXT), sheet: sheet.sheet };
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text for a cell: XML-escaped, and an `_xHHHH_` in it kept from being read as Excel's escape. */
const cellXml = (text: string) => escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"));

/** How wide a text shows: CJK characters as two. */
const width = (text: string) => {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
};

/**
 * Writes rows as an xlsx workbook of one sheet: the first row (the header) bold and frozen, the
 * columns as wide as their text; numbers as numbers (their shortest decimal text, so they read
 * back exactly), `true`/`false` as booleans, everything else as text. The bytes are the same for
 * the same rows.
 * @param rows - the header row, then the data rows.
 * @param sheet - the sheet's name (at most 31 characters; `[]:*?/\` are replaced).
 * @returns the workbook.
 * @internal
 */
export function writeXlsx(rows: readonly (readonly unknown[])[], sheet: string): Uint8Array {
  const name = sheet.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet1";
  const widths: number[] = [];
  const body = rows
    .map((r, i) => {
      const cells = r
        .map((value, j) => {
          const ref = `${columnLetters(j + 1)}${i + 1}`;
          const style = i === 0 ? ' s="1"' : "";
          if (value === null || value === undefined || value === "") return "";
          if (typeof value === "number" && Number.isFinite(value)) {
            widths[j] = Math.max(widths[j] ?? 0, numberText(value).length);
            return `<c r="${ref}"${style}><v>${numberText(value)}</v></c>`;
          }
          if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
          const text = typeof value === "object" ? JSON.stringify(value) : String(value);
          widths[j] = Math.max(widths[j] ?? 0, ...text.split(/\r?\n/).map(width));
          const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
          return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${cellXml(text)}</t></is></c>`;
        })
        .join("");
      return `<row r="${i + 1}">${cells}</row>`;
    })
    .join("");
  const cols = widths.length > 0 ? `<cols>${Array.from(widths, (w, j) => `<col min="${j + 1}" max="${j + 1}" width="${Math.min(60, Math.max(8, (w ?? 0) + 2))}" customWidth="1"/>`).join("")}</cols>` : "";
  const frozen = rows.length > 1 ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' : "";
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml": `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    "xl/worksheets/sheet1.xml": `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${frozen}${cols}<sheetData>${body}</sheetData></worksheet>`,
  };
  const encoder = new TextEncoder();
  return writeZip(Object.entries(parts).map(([part, xml]) => ({ name: part, data: encoder.encode(xml) })));
}
