import { z } from "../core/z.js";
import { sum, text, toDec } from "../core/decimal.js";
import { namedRecord, parseWith } from "../core/validate.js";
import type { Locale } from "../messages/types.js";
import { roundingModeWords } from "../messages/core.js";
import { LINK_PART_WORDS } from "../messages/personnel.js";
import type { AccountEntry, AccountSummary } from "./account.js";
import type { CapabilityAssessment, CapabilityRequirement } from "./capability.js";
import type { PersonLink } from "./linkage.js";

/** Options for {@link explainAccount}, {@link explainPersonLink} and {@link explainCapability}. */
export interface PersonnelExplainOptions {
  /** The language: `zh-CN` (the default) or `en`. */
  readonly locale?: Locale;
  /**
   * Names by id — the person's, the components' (`{ everyday: "日常绩效" }`), the organizations'
   * (`{ A01: "甲县税务局" }`); an id without a name is shown as it is.
   */
  readonly names?: Readonly<Record<string, string>>;
}

const optionsSchema = z
  .strictObject({ locale: z.enum(["zh-CN", "en"]).optional(), names: namedRecord(z.string().max(200), "id", true).optional() })
  .optional();

/** The language and a way to name an id: `name（id）` / `name (id)` where a name is given. */
function reader(options: PersonnelExplainOptions | undefined) {
  const o = parseWith(optionsSchema, options, "Explain options are not valid", ["options"]) ?? {};
  const locale: Locale = o.locale ?? "zh-CN";
  const names = o.names ?? {};
  const nameOf = (id: string): string | undefined => (Object.prototype.hasOwnProperty.call(names, id) && names[id] !== "" ? names[id] : undefined);
  /** The id with its name, for the subject of an explanation. */
  const who = (id: string, name = nameOf(id)): string => (name === undefined ? id : locale === "zh-CN" ? `${name}（${id}）` : `${name} (${id})`);
  /** The name alone where one is given, in running text; the id otherwise. */
  const called = (id: string): string => nameOf(id) ?? id;
  return { locale, who, called };
}

/** A rounding step's words, from its trace values. */
function rounded(values: Readonly<Record<string, string>>, result: string, locale: Locale): string {
  const mode = roundingModeWords(values.mode, locale);
  return locale === "zh-CN" ? `保留 ${values.decimals} 位小数（${mode}）：${values.value} → ${result}` : `rounded to ${values.decimals} decimals (${mode}): ${values.value} → ${result}`;
}

// ---------------------------------------------------------------------------------------------
// Account summaries

/** How an entry counts after its corrections, in each language: a missing status does not compile. */
const STATUS: { readonly [S in AccountEntry["status"]]: Readonly<Record<Locale, (e: Pick<AccountEntry, "recorded" | "points">) => string>> } = {
  recorded: {
    "zh-CN": (e) => `录入 ${e.recorded}，更正后仍按录入计 ${e.points}`,
    en: (e) => `recorded ${e.recorded}, counts as recorded after its corrections: ${e.points}`,
  },
  amended: {
    "zh-CN": (e) => `录入 ${e.recorded}，已修正为 ${e.points}`,
    en: (e) => `recorded ${e.recorded}, amended to ${e.points}`,
  },
  reversed: {
    "zh-CN": (e) => `录入 ${e.recorded}，已冲销，按 0 计`,
    en: (e) => `recorded ${e.recorded}, reversed: counts 0`,
  },
};

const summarySchema = z.object({
  person: z.string(),
  period: z.string().nullable(),
  asOf: z.string().nullable(),
  asOfSequence: z.number().nullable().optional(),
  datedThrough: z.string().nullable().optional(),
  exact: z.string(),
  components: z.array(z.object({ component: z.string(), exact: z.string(), entries: z.array(z.string()) })),
  entries: z.array(
    z.object({
      id: z.string(),
      day: z.string(),
      component: z.string(),
      recorded: z.string(),
      points: z.string(),
      status: z.enum(["recorded", "amended", "reversed"]),
      corrections: z.array(z.string()),
    }),
  ),
});

/**
 * Explains a growth-account summary to the person: the total for the period, each component's
 * points and entries, and every corrected entry — what was recorded, how it was amended or
 * reversed, and by which corrections. Components and the person are shown by their names where
 * `names` gives them.
 *
 * @param summary - a summary from {@link summarizeAccount}, {@link summarizeAccounts} or {@link accountSeries}.
 * @param options - the language (`zh-CN` by default, or `en`) and names by id.
 * @returns the explanation, one line per point.
 * @throws {@link JixiaoError} when `summary` is not an account summary or the options are not valid.
 * @example
 * ```ts
 * const ledger = createLedger([
 *   { id: "e1", person: "c001", date: "2024-01-31", component: "everyday", points: 88, source: "月度考核" },
 *   { id: "e2", person: "c001", date: "2024-04-10", corrects: "e1", action: "amend", points: 89.5, source: "复核" },
 * ]);
 * explainAccount(summarizeAccount(ledger, "c001", { period: "2024-Q1" }), { names: { c001: "张敏", everyday: "日常绩效" } });
 * //=> "张敏（c001） 2024-Q1 成长账户：合计 89.5
 * //    日常绩效（everyday）：89.5，1 条记录
 * //    e1（2024-01-31，日常绩效）：录入 88，已修正为 89.5（更正记录 e2）"
 * ```
 */
export function explainAccount(summary: AccountSummary, options?: PersonnelExplainOptions): string {
  const s = parseWith(summarySchema, summary, "Not an account summary");
  const { locale, who, called } = reader(options);
  const zh = locale === "zh-CN";
  const period = s.period ?? (zh ? "整个职业生涯" : "the whole career");
  // The limits the summary was made with: recording time, the ledger's first entries, effective date.
  const limits = zh
    ? [s.asOf === null ? "" : `截至 ${s.asOf} 登记的记录`, s.asOfSequence == null ? "" : `台账前 ${s.asOfSequence} 条记录`, s.datedThrough === null ? "" : `日期截至 ${s.datedThrough}`]
    : [s.asOf === null ? "" : `as recorded by ${s.asOf}`, s.asOfSequence == null ? "" : `the ledger's first ${s.asOfSequence} entries`, s.datedThrough === null ? "" : `dated through ${s.datedThrough}`];
  const shown = limits.filter((x) => x !== "");
  const asOf = shown.length === 0 ? "" : zh ? `（${shown.join("，")}）` : ` (${shown.join(", ")})`;
  const lines = [zh ? `${who(s.person)} ${period} 成长账户：合计 ${s.exact}${asOf}` : `${who(s.person)}, growth account for ${period}: total ${s.exact}${asOf}`];
  for (const c of s.components)
    lines.push(zh ? `  ${who(c.component)}：${c.exact}，${c.entries.length} 条记录` : `  ${who(c.component)}: ${c.exact} from ${c.entries.length} ${c.entries.length === 1 ? "entry" : "entries"}`);
  for (const e of s.entries) {
    if (e.corrections.length === 0) continue;
    const fixes = e.corrections.join(zh ? "、" : ", ");
    lines.push(
      zh
        ? `  ${e.id}（${e.day}，${called(e.component)}）：${STATUS[e.status][locale](e)}（更正记录 ${fixes}）`
        : `  ${e.id} (${e.day}, ${called(e.component)}): ${STATUS[e.status][locale](e)} (corrections ${fixes})`,
    );
  }
  if (s.components.length === 0) lines.push(zh ? "  没有记录" : "  no entries");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Organization-linked scores

const ROLES: Readonly<Record<PersonLink["role"], Readonly<Record<Locale, string>>>> = {
  staff: { "zh-CN": "一般干部", en: "staff" },
  leader: { "zh-CN": "班子成员", en: "leadership team" },
};

const linkSchema = z.object({
  person: z.string(),
  role: z.enum(["staff", "leader"]),
  exact: z.string(),
  parts: z.array(
    z.object({
      part: z.enum(["unit", "department", "departments", "contacts"]),
      weight: z.string(),
      mean: z.string(),
      members: z.array(z.object({ id: z.string(), score: z.string() })).min(1),
    }),
  ),
  trace: z.array(z.object({ at: z.string(), rule: z.string(), values: z.record(z.string(), z.string()), result: z.string() })),
});

/**
 * Explains a person's organization-linked score (R14): each part (the unit, the department, the
 * supervised departments, the contact points) with its organizations — by their names where
 * `names` gives them — their points, their mean and the part's weight; the scaling when a part is
 * missing; the rounding.
 *
 * @param link - a result of {@link linkPeople}.
 * @param options - the language (`zh-CN` by default, or `en`) and names by id.
 * @returns the explanation, one line per point.
 * @throws {@link JixiaoError} when `link` is not a person's linked score or the options are not valid.
 * @example
 * ```ts
 * const [link] = linkPeople([{ id: "L02", unit: "A", leader: { departments: ["D1", "D2"] } }], { A: 100, D1: 93.75, D2: 87.5 },
 *   { staff: { unit: 1 }, leader: { unit: 0.4, departments: 0.4, contacts: 0.2 }, rounding: { decimals: 2 } });
 * explainPersonLink(link, { names: { A: "甲县局", D1: "办公室", D2: "纳服股" } });
 * //=> "L02 组织绩效挂钩得分 95.31（班子成员）
 * //    单位：甲县局 100，权重 0.4
 * //    分管部门：办公室 93.75、纳服股 87.5，平均 90.625，权重 0.4
 * //    缺少的部分不计，其余权重合计 0.8，按比例折算：(100 × 0.4 + 90.625 × 0.4) ÷ 0.8 = 95.3125
 * //    保留 2 位小数（四舍五入）：95.3125 → 95.31"
 * ```
 */
export function explainPersonLink(link: PersonLink, options?: PersonnelExplainOptions): string {
  const l = parseWith(linkSchema, link, "Not a person's linked score");
  const { locale, who, called } = reader(options);
  const zh = locale === "zh-CN";
  const lines = [zh ? `${who(l.person)} 组织绩效挂钩得分 ${l.exact}（${ROLES[l.role][locale]}）` : `${who(l.person)}, ${ROLES[l.role][locale]}: organization-linked score ${l.exact}`];
  for (const p of l.parts) {
    const members = p.members.map((m) => `${called(m.id)} ${m.score}`).join(zh ? "、" : ", ");
    const mean = p.members.length > 1 ? (zh ? `，平均 ${p.mean}` : `, mean ${p.mean}`) : "";
    lines.push(zh ? `  ${LINK_PART_WORDS[p.part][locale]}：${members}${mean}，权重 ${p.weight}` : `  ${LINK_PART_WORDS[p.part][locale]}: ${members}${mean}, weight ${p.weight}`);
  }
  const weighted = l.trace.find((t) => t.at === "linked" && t.rule === "weighted");
  const weights = sum(l.parts.map((p) => toDec(p.weight) ?? toDec(0)!));
  const terms = l.parts.map((p) => `${p.mean} × ${p.weight}`).join(" + ");
  const whole = weighted ? weighted.result : "";
  if (!weights.eq(1))
    lines.push(
      zh
        ? `  缺少的部分不计，其余权重合计 ${text(weights)}，按比例折算：(${terms}) ÷ ${text(weights)} = ${whole}`
        : `  the parts missing are left out; the weights present add up to ${text(weights)} and are scaled: (${terms}) ÷ ${text(weights)} = ${whole}`,
    );
  else if (l.parts.length > 1) lines.push(zh ? `  ${terms} = ${whole}` : `  ${terms} = ${whole}`);
  for (const t of l.trace) if (t.rule === "round") lines.push(`  ${rounded(t.values, t.result, locale)}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Capability assessments

/** A requirement's words in each language: a missing kind or language does not compile. */
const REQUIREMENTS: { readonly [K in CapabilityRequirement["kind"]]: Readonly<Record<Locale, (r: Extract<CapabilityRequirement, { kind: K }>) => string>> } = {
  atLeast: {
    "zh-CN": (r) => `不低于 ${r.atLeast}`,
    en: (r) => `at least ${r.atLeast}`,
  },
  oneOf: {
    "zh-CN": (r) => (r.oneOf.length === 1 ? `为 ${String(r.oneOf[0])}` : `为 ${r.oneOf.map(String).join("、")} 之一`),
    en: (r) => `one of ${r.oneOf.map(String).join(", ")}`,
  },
};

/**
 * A criterion's requirement in words: `at least 80`, `one of 好, 较好` / `不低于 80`, `为 好、较好 之一`.
 * @param required - a criterion's requirement, from {@link assessCapability}.
 * @param locale - `zh-CN` (the default) or `en`.
 * @returns the words.
 * @example
 * ```ts
 * [requirementText({ kind: "atLeast", atLeast: "85" }), requirementText({ kind: "oneOf", oneOf: ["好", "较好"] }, "en")];
 * //=> ["不低于 85", "one of 好, 较好"]
 * ```
 */
export function requirementText(required: CapabilityRequirement, locale: Locale = "zh-CN"): string {
  const r = parseWith(requirementSchema, required, "Not a capability requirement", ["required"]);
  const language = parseWith(localeSchema, locale, "The locale is not valid", ["locale"]) ?? "zh-CN";
  return r.kind === "atLeast" ? REQUIREMENTS.atLeast[language](r) : REQUIREMENTS.oneOf[language](r);
}

const requirementSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("atLeast"), atLeast: z.string().max(200) }),
  z.object({ kind: z.literal("oneOf"), oneOf: z.array(z.union([z.string().max(200), z.number(), z.boolean()])).max(100) }),
]);
const localeSchema = z.enum(["zh-CN", "en"]).optional();

const assessmentSchema = z.object({
  category: z.string(),
  categoryName: z.string().optional(),
  from: z.number(),
  to: z.number(),
  upgraded: z.boolean(),
  levelName: z.string().optional(),
  criteria: z.array(
    z.object({
      fact: z.string(),
      name: z.string().optional(),
      required: requirementSchema,
      actual: z.string().nullable(),
      met: z.boolean(),
    }),
  ),
});

/**
 * Explains a capability assessment (R11): whether the person moves up a level, and each criterion
 * of the next level — by its name where the framework gives one — with what it requires, the
 * person's value and whether it is met.
 *
 * @param assessment - a result of {@link assessCapability}.
 * @param options - the language (`zh-CN` by default, or `en`).
 * @returns the explanation, one line per point.
 * @throws {@link JixiaoError} when `assessment` is not a capability assessment or the options are not valid.
 * @example
 * ```ts
 * explainCapability(assessCapability(capabilityExample, { category: "collection", level: 2, facts: { examScore: 83, yearsAtLevel: 3 } }));
 * //=> "征管评估（collection） 未晋级：仍为第 2 级（中级）
 * //    ✗ 专业能力考试成绩：要求不低于 85，实际 83
 * //    ✓ 任中级年限：要求不低于 3，实际 3
 * //    ✗ 上年度等次：要求为 好，实际未提供"
 * ```
 */
export function explainCapability(assessment: CapabilityAssessment, options?: Pick<PersonnelExplainOptions, "locale">): string {
  const a = parseWith(assessmentSchema, assessment, "Not a capability assessment");
  const { locale, who } = reader(options);
  const zh = locale === "zh-CN";
  const category = who(a.category, a.categoryName);
  const level = (n: number, name?: string): string =>
    n === 0 ? (zh ? "尚未定级" : "no level") : zh ? `第 ${n} 级${name === undefined ? "" : `（${name}）`}` : `level ${n}${name === undefined ? "" : ` (${name})`}`;
  let head: string;
  if (a.upgraded) head = zh ? `${category} 晋级：${level(a.from)} → ${level(a.to, a.levelName)}` : `${category}: moves up from ${level(a.from)} to ${level(a.to, a.levelName)}`;
  else if (a.criteria.length === 0) head = zh ? `${category} 已是最高等级：${level(a.to, a.levelName)}` : `${category}: at the top level, ${level(a.to, a.levelName)}`;
  else head = zh ? `${category} 未晋级：仍为${level(a.to, a.levelName)}` : `${category}: stays at ${level(a.to, a.levelName)}`;
  const lines = [head];
  for (const c of a.criteria) {
    const label = c.name ?? c.fact;
    const required = requirementText(c.required as CapabilityRequirement, locale);
    const actual = c.actual === null ? (zh ? "实际未提供" : "not given") : zh ? `实际 ${c.actual}` : `actual ${c.actual}`;
    lines.push(zh ? `  ${c.met ? "✓" : "✗"} ${label}：要求${required}，${actual}` : `  ${c.met ? "✓" : "✗"} ${label}: ${required}, ${actual}`);
  }
  return lines.join("\n");
}
