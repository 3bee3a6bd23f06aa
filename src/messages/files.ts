import { message, type Shown } from "./types.js";

/** The text encodings a data file may be in (see `decodeText`). */
type Encoding = "utf-8" | "gb18030" | "gbk" | "utf-16le" | "utf-16be";

/** An encoding as people know it. */
const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  "utf-8": "UTF-8",
  gb18030: "GB18030 (GBK)",
  gbk: "GBK",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
};
const ENCODING_NAMES_ZH: Readonly<Record<Encoding, string>> = { ...ENCODING_NAMES, gb18030: "GB18030（GBK）" };
/** An encoding's name in Chinese text: a space after it, unless it ends in a full-width bracket. */
const zhName = (e: Encoding) => (ENCODING_NAMES_ZH[e].endsWith("）") ? ENCODING_NAMES_ZH[e] : `${ENCODING_NAMES_ZH[e]} `);

/** What to do with a file that is not UTF-8, in Excel's own menu words. */
const SAVE_AS = {
  "zh-CN": "请在 Excel 中「另存为」→「CSV UTF-8（逗号分隔）」后再读取",
  en: 'in Excel, use Save As → "CSV UTF-8 (Comma delimited)" and read that file',
} as const;

/** Why a zip archive (an .xlsx file) is not taken. */
type ZipProblem = "notZip" | "zip64" | "encrypted" | "method" | "broken" | "tooManyEntries";
const ZIP_PROBLEM: Readonly<Record<ZipProblem, { readonly "zh-CN": string; readonly en: string }>> = {
  notZip: { "zh-CN": "不是 xlsx 文件（不是 zip 压缩包）；.xls 等旧格式请在 Excel 中另存为 .xlsx", en: "is not an xlsx file (not a zip archive); save an old .xls file as .xlsx in Excel" },
  zip64: { "zh-CN": "是 ZIP64 压缩包，文件过大，无法读取", en: "is a ZIP64 archive, too large to read" },
  encrypted: { "zh-CN": "已加密（设有密码），请先在 Excel 中取消密码再保存", en: "is encrypted (password-protected); remove the password in Excel and save it again" },
  method: { "zh-CN": "使用了不支持的压缩方式，请在 Excel 中重新保存", en: "uses a compression method other than deflate; save it again in Excel" },
  broken: { "zh-CN": "已损坏（压缩包结构不完整），请在 Excel 中重新保存", en: "is damaged (the zip archive is incomplete); save it again in Excel" },
  tooManyEntries: { "zh-CN": "包含的文件过多（超过 10000 个）", en: "holds too many parts (more than 10000)" },
};

/**
 * The issues of reading and writing files (CSV in its encodings, xlsx, JSON, YAML) and of scenario
 * paths. Each names its own place — the file, and the line or row inside it — so an issue made from
 * one has no path of its own (`people.csv: row 3 has 5 fields, the header 4`).
 */
export const FILES_MESSAGES = {
  fileMissing: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：文件不存在`, en: (p) => `${p.file}: no such file` }),
  fileIsFolder: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：这是文件夹，不是文件`, en: (p) => `${p.file}: is a folder, not a file` }),
  filePermission: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：没有访问权限`, en: (p) => `${p.file}: permission denied` }),
  /** An error of the system, in its own (English) words. */
  fileSystemError: message<{ file: string; reason: string }>({ "zh-CN": (p) => `${p.file}：无法访问（${p.reason}）`, en: (p) => `${p.file}: ${p.reason}` }),
  fileTooLarge: message<{ file: string; limit: string }>({
    "zh-CN": (p) => `${p.file}：文件大于 ${p.limit}，超出上限`,
    en: (p) => `${p.file}: is larger than ${p.limit}`,
  }),
  fileNotPath: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：不是文件路径`, en: (p) => `${p.file}: is not a file path` }),
  fileUnknownFormat: message<{ file: string; hint: boolean }>({
    "zh-CN": (p) => `${p.file}：不是 .json、.yaml、.yml、.csv 或 .xlsx 文件${p.hint ? "；请用 --input-format 指明格式" : ""}`,
    en: (p) => `${p.file}: is not a .json, .yaml, .yml, .csv or .xlsx file${p.hint ? "; say which with --input-format" : ""}`,
  }),
  fileFormatOption: message<{ file: string; received: Shown }>({
    "zh-CN": (p, w) => `${p.file}：options.format 应为 "json"、"yaml"、"csv" 或 "xlsx"，实际是${w.shown(p.received)}`,
    en: (p, w) => `${p.file}: options.format must be "json", "yaml", "csv" or "xlsx", not ${w.shown(p.received)}`,
  }),
  fileEncodingOption: message<{ file: string; received: Shown }>({
    "zh-CN": (p, w) => `${p.file}：编码应为 utf-8、gb18030、gbk、utf-16le 或 utf-16be，实际是${w.shown(p.received)}`,
    en: (p, w) => `${p.file}: the encoding must be utf-8, gb18030, gbk, utf-16le or utf-16be, not ${w.shown(p.received)}`,
  }),
  fileSheetOption: message<{ file: string; received: Shown }>({
    "zh-CN": (p, w) => `${p.file}：options.sheet 应为工作表名称（文本），实际是${w.shown(p.received)}`,
    en: (p, w) => `${p.file}: options.sheet must be a sheet's name (text), not ${w.shown(p.received)}`,
  }),
  /** A command-line option given a value it does not take (`--encoding`, `--input-format`). */
  fileOptionValue: message<{ option: string; options: readonly string[]; received: Shown }>({
    "zh-CN": (p, w) => `${p.option}：应为 ${w.list(p.options)} 之一，实际是${w.shown(p.received)}`,
    en: (p, w) => `${p.option}: must be one of ${w.list(p.options)}, not ${w.shown(p.received)}`,
  }),
  fileStdinUnavailable: message<{ file: string }>({
    "zh-CN": (p) => `${p.file}：此处无法读取标准输入`,
    en: (p) => `${p.file}: standard input cannot be read here`,
  }),
  fileXlsxStdin: message<{ file: string }>({
    "zh-CN": (p) => `${p.file}：标准输入只能读取文本；xlsx 文件请直接给出文件名`,
    en: (p) => `${p.file}: standard input is read as text; give an xlsx file by its name`,
  }),

  // Writing.
  fileNoFolder: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：所在文件夹不存在`, en: (p) => `${p.file}: its folder does not exist` }),
  fileWriteIsFolder: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：这是文件夹，不能写入`, en: (p) => `${p.file}: is a folder` }),
  fileWriteSymlink: message<{ file: string }>({
    "zh-CN": (p) => `${p.file}：是符号链接，不会替换它；请直接写到它指向的文件，或先删除这个链接`,
    en: (p) => `${p.file}: is a symbolic link, which is not replaced; write to the file it points to, or remove the link`,
  }),
  fileNameTooLong: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：文件名过长`, en: (p) => `${p.file}: its name is too long` }),

  // Text encodings.
  textUndecodable: message<{ file: string }>({
    "zh-CN": (p) => `${p.file}：无法识别文件编码（不是 UTF-8、GB18030/GBK，也不是带字节顺序标记的 UTF-16），为避免读错，不予读取。${SAVE_AS["zh-CN"]}`,
    en: (p) => `${p.file}: is not text in UTF-8, GB18030/GBK, or UTF-16 with a byte-order mark, so it is not read (nothing is guessed); ${SAVE_AS.en}`,
  }),
  textNotInEncoding: message<{ file: string; encoding: Encoding; line: number; marked: boolean }>({
    "zh-CN": (p) =>
      `${p.file}：${p.marked ? `文件开头的字节顺序标记表明是 ${zhName(p.encoding)}编码，但` : `不是有效的 ${zhName(p.encoding)}文本：`}第 ${p.line} 行有无法按该编码读取的字节。${p.marked ? "" : "请检查 --encoding，或"}${SAVE_AS["zh-CN"]}`,
    en: (p) =>
      `${p.file}: ${p.marked ? `is marked ${ENCODING_NAMES[p.encoding]} by its byte-order mark, but` : `is not valid ${ENCODING_NAMES[p.encoding]} text:`} line ${p.line} has bytes that cannot be read in it; ${p.marked ? "" : "check --encoding, or "}${SAVE_AS.en}`,
  }),
  textNul: message<{ file: string }>({
    "zh-CN": (p) => `${p.file}：含有空字符（NUL）却没有字节顺序标记，可能是没有标记的 UTF-16 文件或二进制文件，不予读取。${SAVE_AS["zh-CN"]}`,
    en: (p) => `${p.file}: holds NUL characters but no byte-order mark (UTF-16 without one, or not a text file), so it is not read; ${SAVE_AS.en}`,
  }),
  /** A note, not an issue: the encoding a file was read in, when it was not UTF-8. */
  textEncodingNote: message<{ file: string; encoding: Encoding; guessed: boolean }>({
    "zh-CN": (p) =>
      `提示：${p.file} 不是 UTF-8 编码，已按 ${zhName(p.encoding)}读取（${p.guessed ? "根据文件内容推断；如不对，请用 --encoding 指定" : "依据文件开头的字节顺序标记"}）`,
    en: (p) => `note: ${p.file} is not UTF-8; it was read as ${ENCODING_NAMES[p.encoding]} (${p.guessed ? "guessed from its bytes; if that is wrong, say which with --encoding" : "as its byte-order mark says"})`,
  }),

  // JSON and YAML.
  jsonSyntax: message<{ file: string; line?: number; column?: number; reason: string }>({
    "zh-CN": (p) => `${p.file}：${p.line !== undefined ? `第 ${p.line} 行第 ${p.column} 列：` : ""}JSON 格式错误（${p.reason}）`,
    en: (p) => `${p.file}: ${p.line !== undefined ? `line ${p.line}, column ${p.column}: ` : ""}${p.reason}`,
  }),
  yamlSyntax: message<{ file: string; line?: number; column?: number; reason: string }>({
    "zh-CN": (p) => `${p.file}：${p.line !== undefined ? `第 ${p.line} 行第 ${p.column} 列：` : ""}YAML 格式错误（${p.reason}）`,
    en: (p) => `${p.file}: ${p.line !== undefined ? `line ${p.line}, column ${p.column}: ` : ""}${p.reason}`,
  }),

  // CSV text.
  csvUnclosedQuote: message<{ file: string; line: number }>({
    "zh-CN": (p) => `${p.file}：第 ${p.line} 行：引号没有闭合（少了一个 "）`,
    en: (p) => `${p.file}: line ${p.line}: a quoted field is not closed (a " is missing)`,
  }),
  csvTextAfterQuote: message<{ file: string; line: number; after: string }>({
    "zh-CN": (p) => `${p.file}：第 ${p.line} 行：右引号后面还有文字（${JSON.stringify(p.after)}）；引号内的引号请写成 ""`,
    en: (p) => `${p.file}: line ${p.line}: text follows a closing quote (${JSON.stringify(p.after)}); inside a quoted field, write a quote as ""`,
  }),
  csvTooManyFields: message<{ file: string; line: number; limit: number }>({
    "zh-CN": (p) => `${p.file}：第 ${p.line} 行：超过 ${p.limit} 列，超出上限`,
    en: (p) => `${p.file}: line ${p.line}: has more than ${p.limit} fields`,
  }),
  csvTooManyRows: message<{ file: string; line: number; limit: number }>({
    "zh-CN": (p) => `${p.file}：第 ${p.line} 行：超过 ${p.limit} 行，超出上限`,
    en: (p) => `${p.file}: line ${p.line}: has more than ${p.limit} rows`,
  }),

  // Tables (CSV and xlsx): rows numbered as Excel shows them, the header being row 1.
  tableNoHeader: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：没有表头行`, en: (p) => `${p.file}: has no header row` }),
  tableUnnamedColumn: message<{ file: string; column: number; letter: string }>({
    "zh-CN": (p) => `${p.file}：表头第 ${p.column} 列（${p.letter} 列）没有列名，但下面有数据；请填写列名，或删除这一列`,
    en: (p) => `${p.file}: the header's column ${p.column} has no name`,
  }),
  tableDuplicateColumn: message<{ file: string; name: string }>({
    "zh-CN": (p) => `${p.file}：表头有两列都叫「${p.name}」；列名不能重复`,
    en: (p) => `${p.file}: the header names "${p.name}" twice`,
  }),
  tableRowTooLong: message<{ file: string; row: number; fields: number; header: number }>({
    "zh-CN": (p) => `${p.file}：第 ${p.row} 行有 ${p.fields} 列，比表头（${p.header} 列）多；请补上列名，或删除多出的内容`,
    en: (p) => `${p.file}: row ${p.row} has ${p.fields} fields, the header ${p.header}`,
  }),
  tableTooLarge: message<{ file: string; cell: string; limit: number; rows: boolean }>({
    "zh-CN": (p) => `${p.file}：单元格 ${p.cell} 超出上限（最多 ${p.limit} ${p.rows ? "行" : "列"}）`,
    en: (p) => `${p.file}: cell ${p.cell} is beyond the limit of ${p.limit} ${p.rows ? "rows" : "columns"}`,
  }),
  /** Where an issue about a row of a table is: the file and the row as Excel shows it (the header is row 1). */
  tableRowPlace: message<{ file: string; row: number }>({ "zh-CN": (p) => `${p.file}：第 ${p.row} 行`, en: (p) => `${p.file}: row ${p.row}` }),

  // xlsx.
  xlsxZip: message<{ file: string; problem: ZipProblem }>({
    "zh-CN": (p) => `${p.file}：${ZIP_PROBLEM[p.problem]["zh-CN"]}`,
    en: (p) => `${p.file}: ${ZIP_PROBLEM[p.problem].en}`,
  }),
  xlsxUnpackedTooLarge: message<{ file: string; limit: string }>({
    "zh-CN": (p) => `${p.file}：解压后超过 ${p.limit}，超出上限（可能是“压缩炸弹”），不予读取`,
    en: (p) => `${p.file}: unpacks to more than ${p.limit} (a zip bomb?), so it is not read`,
  }),
  xlsxPart: message<{ file: string; part: string; missing: boolean }>({
    "zh-CN": (p) => `${p.file}：${p.missing ? "缺少" : "无法读取"}其中的 ${p.part}，不是有效的 xlsx 文件；请在 Excel 中重新保存`,
    en: (p) => `${p.file}: ${p.missing ? "has no" : "cannot read its"} ${p.part}, so it is not a valid xlsx file; save it again in Excel`,
  }),
  xlsxNoSheet: message<{ file: string; sheet: string; sheets: readonly string[] }>({
    "zh-CN": (p, w) => `${p.file}：没有名为「${p.sheet}」的工作表；工作表有：${w.list(p.sheets.map(w.q))}`,
    en: (p) => `${p.file}: has no sheet named "${p.sheet}"; its sheets are ${p.sheets.map((s) => `"${s}"`).join(", ")}`,
  }),
  xlsxNoSheets: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：没有工作表`, en: (p) => `${p.file}: has no sheets` }),
  xlsxNotWorksheet: message<{ file: string; sheet: string }>({
    "zh-CN": (p) => `${p.file}：「${p.sheet}」不是数据工作表（可能是图表）`,
    en: (p) => `${p.file}: "${p.sheet}" is not a worksheet (a chart sheet?)`,
  }),
  xlsxFormulaNoValue: message<{ file: string; cell: string }>({
    "zh-CN": (p) => `${p.file}：单元格 ${p.cell} 是公式，但文件里没有保存计算结果；请在 Excel 中打开、重新计算并保存`,
    en: (p) => `${p.file}: cell ${p.cell} holds a formula whose value was not saved; open the file in Excel, recalculate and save it`,
  }),
  xlsxBadCell: message<{ file: string; cell: string; received: Shown }>({
    "zh-CN": (p, w) => `${p.file}：单元格 ${p.cell} 无法读取（${w.shown(p.received)}）`,
    en: (p, w) => `${p.file}: cell ${p.cell} cannot be read (${w.shown(p.received)})`,
  }),
  /** The name of the sheet an output is written to. */
  xlsxOutputSheet: message({ "zh-CN": () => "结果", en: () => "results" }),
  xlsxNotToTerminal: message({
    "zh-CN": () => "xlsx 是二进制文件，不能写到标准输出；请用 -o 结果.xlsx 写入文件",
    en: () => "xlsx is binary and is not written to standard output; write it to a file with -o out.xlsx",
  }),

  // Scenario files and folders.
  verifyNoPath: message<{ file: string }>({ "zh-CN": (p) => `${p.file}：文件或文件夹不存在`, en: (p) => `${p.file}: no such file or folder` }),
  verifyEmptyFolder: message<{ file: string }>({
    "zh-CN": (p) => `${p.file}：文件夹里没有场景文件（.yaml、.yml 或 .json）`,
    en: (p) => `${p.file}: the folder has no scenario files (.yaml, .yml or .json)`,
  }),
  verifyNotScenario: message<{ file: string }>({
    "zh-CN": (p) => `${p.file}：不是场景文件（没有 "cases"）；规则和数据文件请放在交给 verify 的文件夹之外，按路径引用`,
    en: (p) => `${p.file}: is not a scenario file (it has no "cases"); keep rule and data files outside the folders given to verify, and refer to them by path`,
  }),
};

/**
 * Whether a message of the catalog names its own place (a file, and a line or row in it), so that
 * no path is written before it: the messages of files do.
 * @internal
 */
export function namesItsPlace(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(FILES_MESSAGES, key);
}
