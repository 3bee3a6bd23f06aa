import { issue, IssueCode, type Issue, type SafeResult } from "../core/errors.js";
import { RESERVED_KEYS } from "../core/validate.js";
import { FIELDS, type Field } from "../messages/tables.js";
import type { Locale } from "../messages/types.js";

/**
 * The kinds of table jixiao reads, each with the fixed columns it knows and those it needs. Every
 * other column is an indicator (subjects) or an attribute, kept under its header as written.
 */
export const TABLE_KINDS = {
  /** Subjects to score: one column per indicator besides these. */
  subjects: { fields: ["id", "name", "group", "bonus", "deductions", "vetoes"], required: ["id"] },
  /** Totals to rank or place in tiers. */
  scores: { fields: ["id", "name", "group", "total"], required: ["id", "total"] },
  /** Staff who grab tasks. */
  staff: { fields: ["id", "name", "posts", "department"], required: ["id"] },
  /** An organization tree for the cascade. */
  tree: { fields: ["id", "name", "level", "parent", "departments"], required: ["id"] },
  /** Grabs of tasks. */
  grabs: { fields: ["task", "person", "at"], required: ["task", "person", "at"] },
  /** Completions of tasks. */
  completions: { fields: ["task", "person", "quality", "completed", "share"], required: ["task", "person", "quality"] },
  /** Grabs or completions, when the reader does not know which. */
  records: { fields: ["task", "person", "at", "quality", "completed", "share"], required: [] },
  /** Growth-account ledger entries. */
  entries: { fields: ["id", "person", "date", "component", "points", "source", "corrects", "action", "reference", "note"], required: ["id", "person", "date", "points", "source"] },
} as const satisfies Readonly<Record<string, { readonly fields: readonly Field[]; readonly required: readonly Field[] }>>;

/** A kind of table of {@link TABLE_KINDS}. */
export type TableKind = keyof typeof TABLE_KINDS;

/** What one column of a table holds. */
export type ColumnRole =
  | { readonly type: "field"; readonly field: Field }
  | { readonly type: "indicator"; readonly id: string }
  | { readonly type: "attribute" }
  /** A column without a name (trailing empty columns) or with a reserved one (`__proto__`): never read. */
  | { readonly type: "ignored" };

/** A table's header read: what each column holds. */
export interface HeaderMap {
  /** The header's names as written (trimmed), by column; `""` for a column without a name. */
  readonly names: readonly string[];
  /** What each column holds, by column. */
  readonly roles: readonly ColumnRole[];
  /** The column of each fixed field the header has. */
  readonly fields: ReadonlyMap<Field, number>;
  /** The column of each indicator the header has, by indicator id. */
  readonly indicators: ReadonlyMap<string, number>;
}

/** An indicator as a header may name it: by its id or its name. */
export interface HeaderIndicator {
  readonly id: string;
  readonly name?: string;
}

/** Options for {@link mapHeader}. */
export interface MapHeaderOptions {
  /** The indicators whose values the table may hold (subjects), by id or name. */
  readonly indicators?: readonly HeaderIndicator[];
  /** The fields the table must have; by default those its kind needs. */
  readonly required?: readonly Field[];
}

/** A header as compared: trimmed, full-width forms folded (ＩＤ → ID), case folded. @internal */
export const headerKey = (name: string): string => name.normalize("NFKC").trim().toLowerCase();

const aliasCache = new Map<TableKind, ReadonlyMap<string, Field>>();

/** The headers read as each fixed field of a kind of table. */
function aliasesOf(kind: TableKind): ReadonlyMap<string, Field> {
  let map = aliasCache.get(kind);
  if (!map) {
    const built = new Map<string, Field>();
    for (const field of TABLE_KINDS[kind].fields as readonly Field[]) for (const header of headersOf(field)) built.set(headerKey(header), field);
    aliasCache.set(kind, built);
    map = built;
  }
  return map;
}

/**
 * Every header read as `field`: its Chinese label, its English name (in any case) and its aliases.
 * @param field - a fixed field.
 * @returns the headers, Chinese label first.
 * @example
 * ```ts
 * headersOf("id");
 * //=> ["编号", "id", "subjectId", "工号"]
 * ```
 */
export function headersOf(field: Field): readonly string[] {
  const f = FIELDS[field];
  return [f["zh-CN"], f.en, ...f.aliases];
}

/**
 * The header a table written for people shows for a fixed field: `编号` in Chinese, `id` in English.
 * @param field - a fixed field.
 * @param locale - `"zh-CN"` (default) or `"en"`.
 * @returns the column's header.
 * @example
 * ```ts
 * fieldLabel("total");
 * //=> "总分"
 * fieldLabel("total", "en");
 * //=> "total"
 * ```
 */
export function fieldLabel(field: Field, locale: Locale = "zh-CN"): string {
  return FIELDS[field][locale === "en" ? "en" : "zh-CN"];
}

/**
 * The fixed field a header names in a kind of table, if any: `工号` → `id`, `TOTAL` → `total`.
 * @param header - a column's header as written.
 * @param kind - the kind of table.
 * @returns the field, or `undefined` for an indicator's or an attribute's column.
 * @example
 * ```ts
 * fieldOf("姓名", "subjects");
 * //=> "name"
 * fieldOf("部门", "subjects");
 * //=> undefined
 * ```
 */
export function fieldOf(header: string, kind: TableKind): Field | undefined {
  return aliasesOf(kind).get(headerKey(header));
}

/** The indicators a header names: an exact id or name first, then one equal but for case and width. */
function indicatorsNamed(header: string, indicators: readonly HeaderIndicator[]): string[] {
  const exact = indicators.filter((i) => i.id === header || i.name === header).map((i) => i.id);
  if (exact.length > 0) return [...new Set(exact)];
  const key = headerKey(header);
  return [...new Set(indicators.filter((i) => headerKey(i.id) === key || (i.name !== undefined && headerKey(i.name) === key)).map((i) => i.id))];
}

/** The first names of a header for a message, and how many columns are named. */
function have(names: readonly string[]) {
  const shown = names.filter((n) => n !== "");
  return { have: shown.slice(0, 12), count: shown.length };
}

/**
 * Reads a table's header: which column holds each fixed field (`编号`, `工号` or `id` → `id`,
 * `姓名` → `name` …, English in any case), which holds each indicator (by id or name), and which
 * are attributes, kept under their header as written (`部门`, `职级`). The one header mapping of the
 * CLI and the sheet functions. Finds every problem at once: a name given twice, two columns for
 * one field or indicator, a header that could mean two things, a required column missing.
 *
 * @param names - the header's cells as text, by column (`""` for a blank one).
 * @param kind - the kind of table: its fixed fields and the ones it needs.
 * @param options - the indicators the table may hold, and the fields it must have.
 * @returns the header's map, or its issues (path `[]`; the caller says where the header is).
 * @example
 * ```ts
 * const r = mapHeader(["编号", "姓名", "考勤", "部门"], "subjects", { indicators: [{ id: "attendance", name: "考勤" }] });
 * r.success && [r.output.fields.get("id"), r.output.indicators.get("attendance"), r.output.roles[3]];
 * //=> [0, 2, { type: "attribute" }]
 * ```
 */
export function mapHeader(names: readonly string[], kind: TableKind, options: MapHeaderOptions = {}): SafeResult<HeaderMap> {
  const indicators = options.indicators ?? [];
  const issues: Issue[] = [];
  const trimmed = names.map((n) => n.trim());
  const firstAt = new Map<string, number>();
  trimmed.forEach((name, c) => {
    if (name === "") return;
    const first = firstAt.get(name);
    if (first !== undefined) issues.push(issue(IssueCode.duplicateId, [], { key: "tablesHeaderTwice", name, first: first + 1, second: c + 1 }));
    else firstAt.set(name, c);
  });
  const roles: ColumnRole[] = [];
  const byField = new Map<Field, number[]>();
  const byIndicator = new Map<string, number[]>();
  trimmed.forEach((name, c) => {
    if (name === "" || RESERVED_KEYS.has(name)) return void roles.push({ type: "ignored" });
    const field = fieldOf(name, kind);
    const named = indicatorsNamed(name, indicators);
    if (named.length + (field ? 1 : 0) > 1) {
      issues.push(issue(IssueCode.invalidInput, [], { key: "tablesHeaderAmbiguous", column: name, fields: field ? [field] : [], indicators: named }));
      return void roles.push({ type: "ignored" });
    }
    if (field) {
      byField.set(field, [...(byField.get(field) ?? []), c]);
      roles.push({ type: "field", field });
    } else if (named.length === 1) {
      byIndicator.set(named[0]!, [...(byIndicator.get(named[0]!) ?? []), c]);
      roles.push({ type: "indicator", id: named[0]! });
    } else roles.push({ type: "attribute" });
  });
  for (const [field, columns] of byField)
    if (columns.length > 1 && new Set(columns.map((c) => trimmed[c])).size > 1)
      issues.push(issue(IssueCode.duplicateId, [], { key: "tablesHeaderSameField", field, columns: [...new Set(columns.map((c) => trimmed[c]!))] }));
  for (const [id, columns] of byIndicator)
    if (columns.length > 1 && new Set(columns.map((c) => trimmed[c])).size > 1)
      issues.push(issue(IssueCode.duplicateId, [], { key: "tablesHeaderSameIndicator", indicator: id, columns: [...new Set(columns.map((c) => trimmed[c]!))] }));
  const missing = (options.required ?? (TABLE_KINDS[kind].required as readonly Field[])).filter((f) => !byField.has(f));
  if (missing.length > 0) issues.push(issue(IssueCode.required, [], { key: "tablesHeaderMissing", fields: missing, ...have(trimmed) }));
  if (issues.length > 0) return { success: false, issues };
  return {
    success: true,
    output: {
      names: trimmed,
      roles,
      fields: new Map([...byField].map(([f, c]) => [f, c[0]!])),
      indicators: new Map([...byIndicator].map(([id, c]) => [id, c[0]!])),
    },
  };
}
