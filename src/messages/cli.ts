import { message } from "./types.js";

/** The issues of cli/ (declare each with `message` from ./types.js). */
export const CLI_MESSAGES = {};

/** What a command needs a file of, named in usage mistakes. */
const WHAT = {
  subjects: { "zh-CN": "考评对象", en: "subjects" },
  scores: { "zh-CN": "得分", en: "scores" },
} as const;

/**
 * The columns only the command line writes (a scenario report's rows), by key: their headers in
 * each language. Every other column is named by the one header mapping (`fieldLabel`,
 * `outputLabel` of src/tables).
 */
export const CLI_COLUMNS = {
  file: { "zh-CN": "文件", en: "file" },
  case: { "zh-CN": "用例", en: "case" },
  result: { "zh-CN": "结果", en: "result" },
  path: { "zh-CN": "路径", en: "path" },
  expected: { "zh-CN": "期望", en: "expected" },
  actual: { "zh-CN": "实际", en: "actual" },
  // A comparison's rows: each person's totals and tiers under the baseline and the reform.
  baselineTotal: { "zh-CN": "现行总分", en: "baseline total" },
  reformTotal: { "zh-CN": "改革总分", en: "reform total" },
  change: { "zh-CN": "变化", en: "change" },
  baselineTier: { "zh-CN": "现行等次", en: "baseline tier" },
  reformTier: { "zh-CN": "改革等次", en: "reform tier" },
} as const;

/** A column of {@link CLI_COLUMNS}. */
export type CliColumn = keyof typeof CLI_COLUMNS;

/** The output options every command that writes rows takes. */
const OUTPUT_HELP = {
  "zh-CN": `输出：
  -f, --format <json|csv|table|xlsx>  结果的格式（默认：按 --output 的扩展名，否则为表格）
  -o, --output <文件>             写入文件（原子写入：先写临时文件，再改名）；
                                  .xlsx 写成 Excel 工作簿
      --bom                       CSV 以字节顺序标记（BOM）开头，Excel 据此识别 UTF-8
      --input-format <json|yaml|csv|xlsx>  文件名看不出格式（或从标准输入 - 读取）时，数据文件的格式
      --encoding <utf-8|gb18030|gbk|utf-16le|utf-16be>  CSV 数据文件的编码
                                  （默认自动判断：UTF-8、字节顺序标记，否则 GB18030/GBK）
      --sheet <名称>              xlsx 数据文件的工作表（默认第一个）`,
  en: `Output:
  -f, --format <json|csv|table|xlsx>  how to write the result (default: from --output's extension, else table)
  -o, --output <file>             write to a file (atomically: a temporary file, then a rename);
                                  .xlsx writes an Excel workbook
      --bom                       start CSV with the byte-order mark Excel looks for
      --input-format <json|yaml|csv|xlsx>  the format of a data file whose name does not say (or of -)
      --encoding <utf-8|gb18030|gbk|utf-16le|utf-16be>  the encoding of a CSV data file
                                  (default: detected — UTF-8, a byte-order mark, else GB18030/GBK)
      --sheet <name>              the sheet of an xlsx data file (default: the first)`,
} as const;

/**
 * Every text the command line writes that is not an issue of the engine: help, usage mistakes,
 * progress, the values in its tables, and the demo's words (its tables' headers and notes are the
 * tables module's, src/messages/tables.ts, shared with the sheets). Kept out of the issue catalog,
 * so the library's bundle does not carry them.
 * (Made in a call marked pure, so that a bundle which does not use them, the library's, leaves them out.)
 * @internal
 */
export const CLI_TEXTS = /* @__PURE__ */ (() => ({
  // — help —
  mainHelp: message<{ version: string; commands: string }>({
    "zh-CN": (p) => `jixiao ${p.version} — 精确、可解释的绩效计分

用法：jixiao <命令> [选项]

命令：
${p.commands}

运行 "jixiao <命令> --help" 查看命令的选项。文件可以是 JSON、YAML、CSV 或 xlsx；CSV 可以是 UTF-8（有无字节顺序
标记均可）、GBK/GB18030 或带标记的 UTF-16。
语言：--lang zh|en（默认按系统语言：LC_ALL、LC_MESSAGES、LANG，再看系统区域设置；中文环境为 zh，其余为 en）。
退出码：0 完成，1 有场景用例未通过，2 输入或用法有误，3 意外错误（jixiao 的缺陷）。
`,
    en: (p) => `jixiao ${p.version} — exact, explainable performance scoring (绩效)

Usage: jixiao <command> [options]

Commands:
${p.commands}

Run "jixiao <command> --help" for a command's options. Files may be JSON, YAML, CSV or xlsx; CSV
in UTF-8 (with or without a byte-order mark), GBK/GB18030 or UTF-16 with its mark. Language:
--lang zh|en (default: the system's, from LC_ALL, LC_MESSAGES, LANG, then the system locale; zh
for a Chinese one, else en). Exit codes: 0 done, 1 a scenario failed, 2 bad input or usage, 3 an
unexpected error (a bug).
`,
  }),
  commandHelp: message<{ usage: string; summary: string; details: string; output: boolean }>({
    "zh-CN": (p) => `用法：${p.usage} [选项]

${p.summary}。

${p.details}
${p.output ? `\n${OUTPUT_HELP["zh-CN"]}\n` : ""}      --lang <zh|en>              输出的语言（默认按系统语言）
  -h, --help                      显示本帮助
`,
    en: (p) => `Usage: ${p.usage} [options]

${p.summary[0]!.toUpperCase()}${p.summary.slice(1)}.

${p.details}
${p.output ? `\n${OUTPUT_HELP.en}\n` : ""}      --lang <zh|en>              the language of the output (default: the system's)
  -h, --help                      show this help
`,
  }),

  scoreSummary: message({ "zh-CN": () => "按考评方案为考评对象计分", en: () => "score subjects against a scheme" }),
  scoreUsage: message({
    "zh-CN": () => "jixiao score --scheme <方案.json|yaml> <考评对象.json|yaml|csv|xlsx|->",
    en: () => "jixiao score --scheme <scheme.json|yaml> <subjects.json|yaml|csv|xlsx|->",
  }),
  scoreDetails: message({
    "zh-CN": () => `按考评方案为每个考评对象（干部、部门、单位）精确计分。
CSV 中的考评对象：编号列（编号 或 id）、姓名、分组、加分、减分，以及每个指标一列，列名用指标编号或指标名称；
空单元格为未填写，“不适用”或“na”为不适用；其他列是属性（部门、职级 …），原样写入结果。
结果的“说明”列写明总分不等于各项直接相加的原因：否决、不适用折算、加减分。

  --scheme <文件>                 考评方案（必填）
  --missing <error|not-applicable|zero>  未填写的值如何处理（默认 error：报错）`,
    en: () => `Scores every subject (a cadre, a department, a unit) against the scheme, exactly.
Subjects in CSV: an id column (id or 编号), name (姓名), group (分组), bonus (加分), deductions (减分),
and a column per indicator, headed by its id or its name; an empty cell is missing, "不适用" or
"na" is not applicable; any other column is an attribute (部门, 职级 …), written to the output.
The "notes" column says why a total is not the plain sum: a veto, a not-applicable conversion,
bonus or deductions.

  --scheme <file>                 the scheme (required)
  --missing <error|not-applicable|zero>  what a missing value means (default error)`,
  }),
  tiersSummary: message({ "zh-CN": () => "排名并评定等次（好/中/差）", en: () => "rank scores and place them in tiers (好/中/差)" }),
  tiersUsage: message({
    "zh-CN": () => "jixiao tiers --policy <等次评定办法> <得分.json|yaml|csv|xlsx>\n      jixiao tiers --policy <等次评定办法> --scheme <方案> <考评对象>",
    en: () => "jixiao tiers --policy <policy> <scores.json|yaml|csv|xlsx>\n       jixiao tiers --policy <policy> --scheme <scheme> <subjects>",
  }),
  tiersDetails: message({
    "zh-CN": () => `为考评对象排名，并按等次评定办法评定等次，附评定依据。
CSV 中的得分：编号、总分，可选姓名、分组和属性列；JSON 或 YAML 中为 { subjectId, total, … } 的列表，
或 { "c001": 86.3 } 这样的对象。给出 --scheme 时，文件中是考评对象，先计分再排名。

  --policy <文件>                 等次评定办法（必填）
  --scheme <文件>                 先用此考评方案为考评对象计分
  --by <total|group:<编号>|indicator:<编号>>  按什么排名（默认 total：总分）
  --order <desc|asc>              高分在前（默认）或低分在前
  --group-by <字段>               在比较组内排名："group" 或属性名（如 部门）
  --ties <competition|dense|ordinal>  并列的排法（默认 competition）
  --missing <error|not-applicable|zero>  与 --scheme 同用：未填写的值如何处理`,
    en: () => `Ranks the subjects and places each in a tier by the tier policy, with the reason.
Scores in CSV: id, total (总分), and optional name, group and attribute columns; in JSON or YAML a
list of { subjectId, total, … } or an object { "c001": 86.3 }. With --scheme, the file holds
subjects, which are scored first.

  --policy <file>                 the tier policy (required)
  --scheme <file>                 score the subjects with this scheme first
  --by <total|group:<id>|indicator:<id>>  what to rank by (default total)
  --order <desc|asc>              higher first (default) or lower first
  --group-by <field>              rank within peer groups: "group" or an attribute name
  --ties <competition|dense|ordinal>  how equal scores are ranked (default competition)
  --missing <error|not-applicable|zero>  with --scheme: what a missing value means`,
  }),
  compareSummary: message({ "zh-CN": () => "对比改革方案与现行规则：谁的等次变了、为什么", en: () => "compare a reform with today's rules: who moves tier, and why" }),
  compareUsage: message({
    "zh-CN": () => "jixiao compare --baseline <现行规则> --reform <改革方案> <人员.json|yaml|csv|xlsx>",
    en: () => "jixiao compare --baseline <rules> --reform <rules> <people.json|yaml|csv|xlsx>",
  }),
  compareDetails: message({
    "zh-CN": () => `按两套规则分别考评同一批人（计分、末位扣分、重新计分、评定等次），逐人给出两种总分、
变化、等次及原因；--html 另写一份独立的对比报告（分布直方图、等次转移矩阵、等次变化的人员）。
规则文件（JSON 或 YAML）的 scheme、rank、lastPlace、tierPolicy 各为一份规则文档或其路径（相对于
该文件）；给出文件夹时读取其中的 assessment.yaml。任一方有计分方案时，人员文件中是考评对象，否则是得分。

  --baseline <文件|文件夹>        现行规则（必填）
  --reform <文件|文件夹>          改革方案（必填）
  --html <文件>                   写入 HTML 对比报告（单个文件，可离线打开、打印）
  --width <分>                    直方图分段宽度（默认 10）
  --missing <error|not-applicable|zero>  未填写的值如何处理`,
    en: () => `Assesses the same people under both sets of rules (score, last place, score again, tiers), with
each person's two totals, the change, the tiers and why; --html also writes a self-contained report
(a histogram of the totals, the tier transition matrix, everyone whose tier changed). A rules file
(JSON or YAML) has scheme, rank, lastPlace and tierPolicy, each a rule document or a path to one
(relative to the file); a folder stands for its assessment.yaml. When a side has a scheme, the
people file holds subjects to score; otherwise it holds scores.

  --baseline <file|folder>        today's rules (required)
  --reform <file|folder>          the reform (required)
  --html <file>                   write an HTML report (one file, opens offline, prints)
  --width <points>                the histogram's bin width (default 10)
  --missing <error|not-applicable|zero>  what a missing value means`,
  }),
  compareNoAssessment: message<{ folder: string }>({
    "zh-CN": (p) => `文件夹 ${p.folder} 中没有 assessment.yaml、assessment.yml 或 assessment.json`,
    en: (p) => `the folder ${p.folder} has no assessment.yaml, assessment.yml or assessment.json`,
  }),
  compareNotRules: message<{ file: string }>({
    "zh-CN": (p) => `${p.file} 应为一个对象，含 scheme、rank、lastPlace、tierPolicy 中的若干项`,
    en: (p) => `${p.file} must be an object with some of scheme, rank, lastPlace and tierPolicy`,
  }),
  compareUnknownRule: message<{ file: string; rule: string; rules: readonly string[] }>({
    "zh-CN": (p, w) => `${p.file} 中的${w.q(p.rule)}不是对比所用的规则（${w.list(p.rules)}）`,
    en: (p, w) => `${p.file}: "${p.rule}" is not one of the rules a comparison takes (${w.list(p.rules)})`,
  }),
  tasksSummary: message({ "zh-CN": () => "分配三单任务（抢单、派单）并计算积分", en: () => "allocate grabbed tasks (三单) and credit completions" }),
  tasksUsage: message({
    "zh-CN": () => "jixiao tasks --board <任务清单> --staff <人员> --grabs <抢单> [--completions <完成情况>]",
    en: () => "jixiao tasks --board <board> --staff <staff> --grabs <grabs> [--completions <completions>]",
  }),
  tasksDetails: message({
    "zh-CN": () => `先按先到先得处理抢单，无人抢的任务按岗位派单；给出完成情况时，再为每人计算积分。
CSV 列：人员 id、name、posts（岗位，用 ; 或 、 分隔）、department；抢单 task、person、at；
完成情况 task、person、quality、completed、share。

  --board <文件>                  任务清单（必填）
  --staff <文件>                  人员及其岗位（必填）
  --grabs <文件>                  抢单记录（必填）
  --completions <文件>            已完成的任务，用于计算积分
  --allocation-policy <文件>      maxTasksPerPerson、eligibility、assignSeats
  --credit-policy <文件>          qualityGrades、assignedFactor、lateFactor、cap、splitDecimals`,
    en: () => `Decides the grabs first come, first served, assigns what nobody grabbed by post, and — with
completions — credits each person. CSV columns: staff id, name, posts (separated by ; or 、),
department; grabs task, person, at; completions task, person, quality, completed, share.

  --board <file>                  the task board (required)
  --staff <file>                  the staff and their posts (required)
  --grabs <file>                  the grabs (required)
  --completions <file>            the completed tasks, to credit
  --allocation-policy <file>      maxTasksPerPerson, eligibility, assignSeats
  --credit-policy <file>          qualityGrades, assignedFactor, lateFactor, cap, splitDecimals`,
  }),
  cascadeSummary: message({ "zh-CN": () => "把分解方案的指标目标沿组织树逐级分解", en: () => "cascade a plan's targets down an organization tree" }),
  cascadeUsage: message({
    "zh-CN": () => "jixiao cascade --plan <分解方案> --tree <组织树.json|yaml|csv|xlsx>",
    en: () => "jixiao cascade --plan <plan> --tree <tree.json|yaml|csv|xlsx>",
  }),
  cascadeDetails: message({
    "zh-CN": () => `按分解方案（拆分、照转、留存）把每个指标逐级下达，给出每个单位的目标值及其分解路径；
拆分的结果总能精确相加。组织树 CSV：id、name、level、parent（根为空）、departments（用 ; 分隔）。

  --plan <文件>                   分解方案（必填）
  --tree <文件>                   组织树（必填）`,
    en: () => `Passes each indicator down the tree as the plan says (split, replicate, retain), with every
unit's target and its lineage; splits always add up exactly. Tree CSV: id, name, level, parent
(empty for the root), departments (separated by ;).

  --plan <file>                   the cascade plan (required)
  --tree <file>                   the organization tree (required)`,
  }),
  boardSummary: message({ "zh-CN": () => "生成月度绩效“三晒”：晒成绩、晒不足、晒打算", en: () => "make the monthly board (三晒): results, shortfalls, plans" }),
  boardUsage: message({
    "zh-CN": () => "jixiao board <三晒文件.json|yaml> [--person <编号>] [-f table|markdown|html|json|csv|xlsx] [-o <文件>]",
    en: () => "jixiao board <board.json|yaml> [--person <id>] [-f table|markdown|html|json|csv|xlsx] [-o <file>]",
  }),
  boardDetails: message({
    "zh-CN": () => `按三晒文件（单位、月份、本月与上月成绩或考评方案与考评对象、等次规则、路线图各版本与实际值、
本月重点任务与下月清单）生成月度看板。公开看板默认只显示遮盖后的姓名（张*）、名次、等次及其变化，
短板按指标汇总人数；--person 生成本人视图，含全部列、本人短板、计划和得分说明。

  --person <编号>                 本人视图
  --who <masked|names|ids>        人员的显示方式（公开看板默认 masked）
  --columns <列,…>                晒成绩的列：peerGroup、total、rank、tier、change、keyTaskCredit
  --shortfalls <counts|named>     短板按指标汇总（公开默认）或逐人列出
  -f, --format <格式>             table（默认）、markdown、html、json、csv、xlsx；也可由 -o 的扩展名推断`,
    en: () => `Makes the monthly board from a board file (unit, month, this and last month's results or a scheme
and subjects, tier rules, the roadmap's versions and actuals, the month's key tasks and next month's
list). A public board shows by default masked names (张*), ranks, tiers and their change, and
shortfalls counted by indicator; --person makes a person's own view with every column, their
shortfalls, plans and explanation.

  --person <id>                   a person's own view
  --who <masked|names|ids>        how people are shown (public default masked)
  --columns <col,…>               the result columns: peerGroup, total, rank, tier, change, keyTaskCredit
  --shortfalls <counts|named>     shortfalls counted by indicator (public default) or by person
  -f, --format <format>           table (default), markdown, html, json, csv, xlsx; or by -o's extension`,
  }),
  verifySummary: message({ "zh-CN": () => "运行场景文件；有用例未通过时退出码为 1", en: () => "run scenario files; exit 1 if any case fails" }),
  verifyUsage: message({ "zh-CN": () => "jixiao verify <场景文件或文件夹>...", en: () => "jixiao verify <scenario file or folder>..." }),
  verifyDetails: message({
    "zh-CN": () => `运行场景文件（YAML 或 JSON；文件夹中查找 .yaml、.yml 和 .json 文件）的每个用例，对每个未通过的
用例列出文件、用例、路径、期望值、实际值，以及得出实际值的计算步骤。全部通过时退出码为 0，
有用例未通过时为 1，文件不存在或无法读取时为 2。

  -f, --format <text|json|csv|table>  报告的格式：文本（默认）、JSON 或逐行
  -o, --output <文件>             写入文件
      --bom                       CSV 以字节顺序标记（BOM）开头`,
    en: () => `Runs every case of the scenario files (YAML or JSON; a folder is searched for .yaml, .yml and
.json files) and reports each failure with its file, case, path, expected and actual values and
the trace lines behind the actual value. Exit code 0 when all pass, 1 when any fails, 2 when a
file is missing or cannot be read.

  -f, --format <text|json|csv|table>  the report as text (default), JSON, or rows
  -o, --output <file>             write to a file
      --bom                       start CSV with the byte-order mark`,
  }),
  schemaSummary: message({ "zh-CN": () => "输出 JSON Schema", en: () => "print a JSON Schema" }),
  schemaUsage: message({ "zh-CN": () => "jixiao schema [名称]", en: () => "jixiao schema [name]" }),
  schemaDetails: message<{ names: readonly string[] }>({
    "zh-CN": (p, w) => `输出规则文件或场景文件的 JSON Schema；不给名称时列出全部名称：\n${w.list(p.names)}。`,
    en: (p, w) => `Prints the JSON Schema of a rule document or of scenario files; without a name, lists the names:\n${w.list(p.names)}.`,
  }),
  explainSummary: message({ "zh-CN": () => "逐项说明一个考评对象的得分", en: () => "explain one subject's score, point by point" }),
  explainUsage: message({
    "zh-CN": () => "jixiao explain --scheme <方案> --id <编号> <考评对象>",
    en: () => "jixiao explain --scheme <scheme> --id <id> <subjects>",
  }),
  explainDetails: message({
    "zh-CN": () => `为全部考评对象计分（排名计分需要整批数据），并说明其中一个的得分。

  --scheme <文件>                 考评方案（必填）
  --id <编号>                     要说明的考评对象（必填）
  --missing <error|not-applicable|zero>  未填写的值如何处理
  --input-format <json|yaml|csv|xlsx>  文件名看不出格式时，考评对象文件的格式
  --encoding <utf-8|gb18030|gbk|utf-16le|utf-16be>  CSV 考评对象文件的编码（默认自动判断）
  --sheet <名称>                  xlsx 考评对象文件的工作表（默认第一个）`,
    en: () => `Scores the subjects (all of them: rank methods need the batch) and explains one.

  --scheme <file>                 the scheme (required)
  --id <id>                       the subject to explain (required)
  --missing <error|not-applicable|zero>  what a missing value means
  --input-format <json|yaml|csv|xlsx>  the format of the subjects file, when its name does not say
  --encoding <utf-8|gb18030|gbk|utf-16le|utf-16be>  the encoding of a CSV subjects file (default: detected)
  --sheet <name>                  the sheet of an xlsx subjects file (default: the first)`,
  }),
  serveSummary: message({ "zh-CN": () => "以 HTTP JSON 接口提供计分服务", en: () => "serve the engine as an HTTP JSON API" }),
  serveUsage: message({
    "zh-CN": () => "jixiao serve [--rules <规则目录>] [--port 8080] [--host 127.0.0.1]",
    en: () => "jixiao serve [--rules <folder>] [--port 8080] [--host 127.0.0.1]",
  }),
  serveDetails: message({
    "zh-CN": () => `POST /v1/score、/v1/tiers 等接口，GET /health、/openapi.json、/schemas/…（见 docs/zh/server.md）。
每个请求在标准输出写一行 JSON 访问日志（只含编号）。Ctrl+C（SIGINT）或 SIGTERM：处理完在途请求后停止；
SIGHUP：重新载入规则目录（文件改动时也会自动载入）。

  --rules <目录>                  规则目录：*.scheme.json、*.policy.json、*.last-place.json、*.board.json、
                                  *.plan.yaml，请求中可按编号引用
  --port <端口>                   端口（默认 8080；0 为任一空闲端口）
  --host <地址>                   监听地址（默认 127.0.0.1，仅本机；对外服务请置于反向代理之后）
  --max-body <字节>               请求正文上限（默认 33554432，即 32 MiB）
  --max-items <数量>              一个列表的项数上限（默认 100000）
  --max-concurrent <数量>         同时处理的请求数上限（默认 64）
  --timeout <秒>                  大批量请求在工作线程中的处理时限（默认 120）
  --workers <数量>                工作线程数（默认为核数减一，1 至 4；0 表示不用）`,
    en: () => `POST /v1/score, /v1/tiers and the rest; GET /health, /openapi.json, /schemas/… (see docs/guide/server.md).
Writes one JSON access-log line per request to standard output (ids only). Ctrl+C (SIGINT) or
SIGTERM: stops once the requests in flight are answered; SIGHUP: loads the rules folder again
(a change to its files does too).

  --rules <folder>                the rules folder: *.scheme.json, *.policy.json, *.last-place.json,
                                  *.board.json, *.plan.yaml, named in requests by id
  --port <port>                   the port (default 8080; 0 picks a free one)
  --host <address>                the address to listen on (default 127.0.0.1, this machine only;
                                  serve others through a reverse proxy)
  --max-body <bytes>              the largest request body (default 33554432, 32 MiB)
  --max-items <count>             the most items in one list (default 100000)
  --max-concurrent <count>        the most requests answered at once (default 64)
  --timeout <seconds>             how long a large request may take in a worker thread (default 120)
  --workers <count>               worker threads (default: cores less one, 1 to 4; 0 for none)`,
  }),
  serveListening: message<{ url: string; rules: number }>({
    "zh-CN": (p) => `jixiao 服务已启动：${p.url}（已载入 ${p.rules} 份规则；Ctrl+C 停止）\n`,
    en: (p) => `jixiao is serving at ${p.url} (${p.rules} rule documents loaded; Ctrl+C stops it)\n`,
  }),
  serveReloaded: message<{ ok: boolean; count: number }>({
    "zh-CN": (p) => (p.ok ? "已重新载入规则目录\n" : `规则目录有 ${p.count} 处问题，仍使用原有规则（详见日志）\n`),
    en: (p) => (p.ok ? "the rules folder was loaded again\n" : `the rules folder has ${p.count} issues; the rules in use stay (see the log)\n`),
  }),
  optionWholeNumber: message<{ option: string; given: string; min: number; max: number }>({
    "zh-CN": (p) => `${p.option} 应为 ${p.min} 至 ${p.max} 之间的整数，收到「${p.given}」`,
    en: (p) => `${p.option} takes a whole number from ${p.min} to ${p.max}, not "${p.given}"`,
  }),
  demoSummary: message({
    "zh-CN": () => "一个县局的季度：200 名干部计分、排名、评定等次，并说明其中一人",
    en: () => "a county bureau's quarter: 200 cadres scored, ranked, tiered, one explained",
  }),
  demoUsage: message({ "zh-CN": () => "jixiao demo", en: () => "jixiao demo" }),
  demoDetails: message({
    "zh-CN": () => "运行与 `npm run demo` 相同的程序（examples/county-quarter.ts）；合成数据，示例规则。",
    en: () => "Runs the same program as `npm run demo` (examples/county-quarter.ts); synthetic data, example rules.",
  }),

  // — usage mistakes —
  usageError: message<{ command: string; words: string; usage: string }>({
    "zh-CN": (p) => `jixiao ${p.command}：${p.words}\n用法：${p.usage}\n运行 "jixiao ${p.command} --help" 查看选项。\n`,
    en: (p) => `jixiao ${p.command}: ${p.words}\nUsage: ${p.usage}\nRun "jixiao ${p.command} --help" for the options.\n`,
  }),
  unknownCommand: message<{ command: string; commands: readonly string[] }>({
    "zh-CN": (p, w) => `jixiao：没有${w.q(p.command)}这个命令；命令有 ${w.list(p.commands)}。运行 "jixiao --help" 查看说明。\n`,
    en: (p) => `jixiao: unknown command "${p.command}"; the commands are ${p.commands.join(", ")}. Run "jixiao --help".\n`,
  }),
  badLanguage: message<{ option: string; given: string }>({
    "zh-CN": (p, w) => `jixiao：${p.option} 应为 zh 或 en，实际是${w.q(p.given)}\n`,
    en: (p) => `jixiao: ${p.option} must be zh or en, not ${p.given}\n`,
  }),
  unknownOption: message<{ option: string }>({
    "zh-CN": (p) => `没有 ${p.option} 这个选项`,
    en: (p) => `Unknown option '${p.option}'`,
  }),
  optionNeedsValue: message<{ option: string }>({
    "zh-CN": (p) => `${p.option} 后面要跟一个值`,
    en: (p) => `option '${p.option}' needs a value`,
  }),
  optionTakesNoValue: message<{ option: string }>({
    "zh-CN": (p) => `${p.option} 不带值`,
    en: (p) => `option '${p.option}' does not take a value`,
  }),
  optionRequired: message<{ option: string }>({
    "zh-CN": (p) => `缺少 ${p.option}（必填）`,
    en: (p) => `${p.option} is required`,
  }),
  optionOneOf: message<{ option: string; options: readonly string[]; given: string }>({
    "zh-CN": (p, w) => `${p.option} 应为 ${w.list(p.options)} 之一，实际是${w.q(p.given)}`,
    en: (p) => `${p.option} must be ${p.options.slice(0, -1).join(", ")} or ${p.options[p.options.length - 1]}, not ${p.given}`,
  }),
  giveFile: message<{ what: keyof typeof WHAT }>({
    "zh-CN": (p) => `请给出${WHAT[p.what]["zh-CN"]}文件（或用 - 表示标准输入）`,
    en: (p) => `give the ${WHAT[p.what].en} file (or - for standard input)`,
  }),
  giveOneFile: message<{ what: keyof typeof WHAT; count: number }>({
    "zh-CN": (p) => `只能给出一个${WHAT[p.what]["zh-CN"]}文件，实际给了 ${p.count} 个`,
    en: (p) => `give one ${WHAT[p.what].en} file, not ${p.count}`,
  }),
  giveScenarios: message({ "zh-CN": () => "请给出一个或多个场景文件或文件夹", en: () => "give one or more scenario files or folders" }),
  unknownSchema: message<{ given: string; names: readonly string[] }>({
    "zh-CN": (p, w) => `没有${w.q(p.given)}这个 Schema；可用的有 ${w.list(p.names)}`,
    en: (p) => `unknown schema "${p.given}"; the schemas are ${p.names.join(", ")}`,
  }),
  noSubject: message<{ id: string; file: string }>({
    "zh-CN": (p, w) => `${p.file} 中没有编号为${w.q(p.id)}的考评对象`,
    en: (p) => `no subject "${p.id}" in ${p.file}`,
  }),
  takesNoArguments: message({ "zh-CN": () => "不接受参数", en: () => "takes no arguments" }),

  // — errors —
  inputHead: message<{ command: string; context: string; count: number }>({
    "zh-CN": (p) => `jixiao ${p.command}：发现 ${p.count} 个问题，请修正后重试`,
    en: (p) => `jixiao ${p.command}: ${p.context}`,
  }),
  moreIssues: message<{ count: number }>({ "zh-CN": (p) => `……另有 ${p.count} 个问题`, en: (p) => `… and ${p.count} more` }),
  warningsHead: message<{ command: string; count: number }>({
    "zh-CN": (p) => `jixiao ${p.command}：警告 ${p.count} 条（结果已算出，请核对）`,
    en: (p) => `jixiao ${p.command}: ${p.count} warning${p.count === 1 ? "" : "s"} (the results were made; check them)`,
  }),
  unexpected: message<{ command: string; words: string }>({
    "zh-CN": (p) => `jixiao ${p.command}：意外错误：${p.words}\n这是 jixiao 的缺陷，请连同命令和输入一并报告。\n`,
    en: (p) => `jixiao ${p.command}: unexpected error: ${p.words}\nThis is a bug in jixiao; please report it with the command and its input.\n`,
  }),

  // — progress —
  scoring: message<{ count: number }>({ "zh-CN": (p) => `正在计分：${p.count} 个考评对象…`, en: (p) => `scoring ${p.count} subjects…` }),
  verifying: message<{ index: number; count: number; file: string }>({
    "zh-CN": (p) => `正在验证 ${p.index}/${p.count} ${p.file}`,
    en: (p) => `verifying ${p.index}/${p.count} ${p.file}`,
  }),
  wrote: message<{ file: string }>({ "zh-CN": (p) => `已写入 ${p.file}\n`, en: (p) => `wrote ${p.file}\n` }),

  // — where an issue is, in a file —
  placeInFile: message<{ file: string; path: string }>({
    "zh-CN": (p) => (p.path === "" ? p.file : `${p.file} 中 ${p.path}`),
    en: (p) => (p.path === "" ? p.file : `${p.file}: ${p.path}`),
  }),
  placeInRow: message<{ file: string; row: number; column: string }>({
    "zh-CN": (p, w) => `${p.file} 第 ${p.row} 行${w.q(p.column)}列`,
    en: (p) => `${p.file} row ${p.row}, column "${p.column}"`,
  }),
  placeColumn: message<{ column: string }>({
    "zh-CN": (p, w) => `${w.q(p.column)}列`,
    en: (p) => `column "${p.column}"`,
  }),
  placeInRowPath: message<{ file: string; row: number; path: string }>({
    "zh-CN": (p) => (p.path === "" ? `${p.file} 第 ${p.row} 行` : `${p.file} 第 ${p.row} 行 ${p.path}`),
    en: (p) => (p.path === "" ? `${p.file} row ${p.row}` : `${p.file} row ${p.row}: ${p.path}`),
  }),

  // — values in tables —
  taskStatus: message<{ status: "grabbed" | "assigned" | "partly-grabbed" | "unowned" }>({
    "zh-CN": (p) => ({ grabbed: "已抢单", assigned: "已派单", "partly-grabbed": "部分抢单", unowned: "无人承接" })[p.status],
    en: (p) => p.status,
  }),
  taskHow: message<{ how: "grabbed" | "assigned" }>({
    "zh-CN": (p) => ({ grabbed: "抢单", assigned: "派单" })[p.how],
    en: (p) => p.how,
  }),
  taskOwnerReason: message<{ person: string }>({ "zh-CN": (p) => `${p.person}：`, en: (p) => `${p.person}: ` }),
  origin: message<{ origin: "cascade" | "template" | "local" }>({
    "zh-CN": (p) => ({ cascade: "上级分解", template: "模板", local: "本级自设" })[p.origin],
    en: (p) => p.origin,
  }),
  yesNo: message<{ yes: boolean }>({ "zh-CN": (p) => (p.yes ? "是" : "否"), en: (p) => String(p.yes) }),
  caseResult: message<{ passed: boolean }>({ "zh-CN": (p) => (p.passed ? "通过" : "未通过"), en: (p) => (p.passed ? "passed" : "failed") }),

  // — the demo (examples/county-quarter.ts) —
  demoCascadeHead: message<{ county: string }>({
    "zh-CN": (p) => `本县局（示例：${p.county}）从上级承接的年度指标：`,
    en: (p) => `The county bureau (example: ${p.county}) takes these annual indicators from above:`,
  }),
  demoCascadeLine: message<{ name: string; origin: "cascade" | "template" | "local"; lineage: string; retained: boolean }>({
    "zh-CN": (p) => `  ${p.name}：${p.origin === "cascade" ? `${p.lineage}${p.retained ? "（本级完成）" : ""}` : p.origin === "template" ? "市局模板" : "本局自设"}`,
    en: (p) => `  ${p.name}: ${p.origin === "cascade" ? `${p.lineage}${p.retained ? " (done at this level)" : ""}` : p.origin === "template" ? "the city bureau's template" : "set by this bureau"}`,
  }),
  demoTitle: message<{ scheme: string; count: number }>({
    "zh-CN": (p) => `${p.scheme} — ${p.count} 名干部，本季度个人绩效`,
    en: (p) => `${p.scheme} — ${p.count} cadres, this quarter's personal performance`,
  }),
  demoDisclaimer: message({
    "zh-CN": () => "（示例方案、示例政策与合成数据，仅作演示）\n",
    en: () => "(an example scheme, example policies and synthetic data, for demonstration only)\n",
  }),
  demoTiersHead: message({
    "zh-CN": () => "\n等次（好 20%、差 10%，名额向下取整，边界并列归入较好等次，有否决项者为差）：",
    en: () => "\nTiers (好 20%, 差 10%, quotas rounded down, a tie at a boundary goes to the better tier, a vetoed cadre is 差):",
  }),
  demoTierLine: message<{ tier: string; placed: number; rest: boolean; share: string; size: number; exact: string; quota: string }>({
    "zh-CN": (p) => `  ${p.tier}：${p.placed} 人${p.rest ? "（其余）" : `（名额 ${p.share} × ${p.size} = ${p.exact} → ${p.quota}）`}`,
    en: (p) => `  ${p.tier}: ${p.placed} (${p.rest ? "the rest" : `quota ${p.share} × ${p.size} = ${p.exact} → ${p.quota}`})`,
  }),
  demoTasks: message<{ published: number; grabs: number; grabbed: number; assigned: number; unowned: number; tookPart: string }>({
    "zh-CN": (p) => `\n三单：发布 ${p.published} 项，抢单 ${p.grabs} 人次（${p.grabbed} 项被抢），派单 ${p.assigned} 项，无人承接 ${p.unowned} 项；参与面 ${p.tookPart}`,
    en: (p) => `\nGrabbed tasks (三单): ${p.published} published, ${p.grabs} grabs (${p.grabbed} tasks grabbed), ${p.assigned} assigned, ${p.unowned} unowned; ${p.tookPart} took part`,
  }),
  demoCredits: message<{ max: string; min: string; spread: string; atLeast: number }>({
    "zh-CN": (p) => `  抢单得分（封顶 10 分）：最高 ${p.max}，最低 ${p.min}，差距 ${p.spread}；7 分以上 ${p.atLeast} 人`,
    en: (p) => `  credits (capped at 10): highest ${p.max}, lowest ${p.min}, spread ${p.spread}; ${p.atLeast} at 7 or more`,
  }),
  demoUnowned: message<{ task: string; reason: string }>({
    "zh-CN": (p) => `  ${p.task}：${p.reason}，未能派单`,
    en: (p) => `  ${p.task}: ${p.reason}, so it could not be assigned`,
  }),
  demoLastPlaceHead: message({
    "zh-CN": () => "\n末位扣分（各部门 5 人以上，末位扣减总分 1 分，晋升暂缓）：",
    en: () => "\nLast-place deductions (departments of 5 or more: the last loses 1 point from the total, promotion deferred):",
  }),
  demoLastPlace: message<{ group: string; size: number; id: string; name: string; points: string; tied: readonly string[] }>({
    "zh-CN": (p, w) => `  ${p.group}（${p.size} 人）末位：${p.id} ${p.name}，扣 ${p.points} 分${p.tied.length ? `（并列：${w.list(p.tied)}）` : ""}`,
    en: (p, w) => `  ${p.group} (${p.size}), last: ${p.id} ${p.name}, ${p.points} point${p.points === "1" ? "" : "s"} off${p.tied.length ? ` (tied: ${w.list(p.tied)})` : ""}`,
  }),
  demoExempt: message<{ group: string }>({
    "zh-CN": (p) => `  ${p.group}：不足 5 人，免于末位扣分`,
    en: (p) => `  ${p.group}: fewer than 5, no last-place deduction`,
  }),
  demoPool: message<{ count: number; min: string }>({
    "zh-CN": (p) => `\n五星候选池（个人绩效前 30%，有否决项者除外）：${p.count} 人，最低分 ${p.min}`,
    en: (p) => `\nFive-star pool (the top 30% of personal performance, vetoed cadres left out): ${p.count}, lowest score ${p.min}`,
  }),
  demoTopFive: message<{ names: readonly string[]; scores: readonly string[] }>({
    "zh-CN": (p, w) => `  前五：${w.list(p.names.map((n, i) => `${n}（${p.scores[i]}）`))}`,
    en: (p, w) => `  top five: ${w.list(p.names.map((n, i) => `${n} (${p.scores[i]})`))}`,
  }),
  demoTierExplained: message<{ name: string; id: string }>({
    "zh-CN": (p) => `\n—— 等次说明：${p.name}（${p.id}） ——`,
    en: (p) => `\n—— Tier explained: ${p.name} (${p.id}) ——`,
  }),
  demoScoreExplained: message<{ name: string; id: string }>({
    "zh-CN": (p) => `\n—— 得分说明：${p.name}（${p.id}） ——`,
    en: (p) => `\n—— Score explained: ${p.name} (${p.id}) ——`,
  }),
  demoWhere: message({
    "zh-CN": () => `
数据与规则在哪里：干部与取值 examples/county-data.ts（合成数据）；方案 src/presets/county361.ts（示例，
可复制为 JSON 自行修改，如 examples/rules/）；等次、末位与任务政策在本文件 examples/county-quarter.ts 中；
市 → 县指标分解 examples/province-cascade.ts。修改后重新运行 npm run demo 即可。`,
    en: () => `
Where the data and rules are: the cadres and their values in examples/county-data.ts (synthetic); the
scheme in src/presets/county361.ts (an example; copy it as JSON to change it, as in examples/rules/); the
tier, last-place and task policies in this file, examples/county-quarter.ts; the city → county cascade
in examples/province-cascade.ts. Change them and run npm run demo again.`,
  }),
}))();
