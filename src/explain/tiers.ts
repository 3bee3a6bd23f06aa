import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import type { TierPlacement } from "../tiers/types.js";
import type { ExplainOptions } from "./explain.js";

const placementSchema = z.object({
  subjectId: z.string(),
  name: z.string().optional(),
  peerGroup: z.string().nullable(),
  tier: z.string(),
  score: z.number(),
  rank: z.number(),
  groupSize: z.number(),
  reason: z.object({
    rule: z.enum(["quota", "threshold", "rest", "veto"]),
    quota: z.object({ tier: z.string(), share: z.string().nullable(), exact: z.string().nullable(), quota: z.number().nullable(), placed: z.number() }).optional(),
    count: z.enum(["floor", "round", "ceil"]).optional(),
    threshold: z.object({ min: z.string(), compared: z.string() }).optional(),
    tie: z.object({ with: z.array(z.string()), rule: z.enum(["better", "worse", "break"]) }).optional(),
    excluded: z.array(z.object({ tier: z.string(), because: z.string() })).optional(),
    vetoes: z.array(z.string()).optional(),
  }),
});
const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional() }).optional();

const COUNT = {
  "zh-CN": { floor: "向下取整", round: "四舍五入", ceil: "向上取整" },
  en: { floor: "rounded down", round: "rounded half up", ceil: "rounded up" },
} as const;
const TIE = {
  "zh-CN": { better: "边界并列者一律就高", worse: "边界并列者一律就低", break: "按排名的决胜顺序（最后按编号）确定" },
  en: { better: "all who tie take the higher tier", worse: "all who tie take the lower tier", break: "the ranking's tie-break (then the id) decides" },
} as const;

function because(text: string, zh: boolean): string {
  if (text === "vetoed") return zh ? "有否决项" : "has a veto";
  if (text.startsWith("flag:")) return zh ? `带有标记「${text.slice(5)}」` : `has the flag "${text.slice(5)}"`;
  if (text === "outside the quota") return zh ? "名额已满" : "the quota was full";
  const below = /^below (\S+)(?: \(compared: (\S+)\))?$/.exec(text);
  if (below) return zh ? `低于 ${below[1]} 分${below[2] ? `（按整数部分 ${below[2]} 比较）` : ""}` : `below ${below[1]}${below[2] ? ` (compared: ${below[2]})` : ""}`;
  return text;
}

/**
 * Explains a tier placement to the person placed: the rank, the quota and how it was rounded, the
 * threshold, the tie at the boundary and how it was settled, the tiers the subject could not enter
 * and why, or the veto.
 *
 * @param placement - a placement from {@link assignTiers}.
 * @param options - the locale: `zh-CN` (default) or `en`.
 * @returns the explanation, one line per point.
 * @throws {@link JixiaoError} when `placement` is not a tier placement.
 * @example
 * ```ts
 * explainTier(assignTiers(ranking, policy).placements[0], { locale: "en" }).split("\n")[0];
 * //=> 'c1 is placed in "好"'
 * ```
 */
export function explainTier(placement: TierPlacement, options?: ExplainOptions): string {
  const p = parseWith(placementSchema, placement, "Not a tier placement");
  const locale = parseWith(optionsSchema, options, "Explain options are not valid", ["options"])?.locale ?? "zh-CN";
  const zh = locale === "zh-CN";
  const r = p.reason;
  const who = p.name ? (zh ? `${p.name}（${p.subjectId}）` : `${p.name} (${p.subjectId})`) : p.subjectId;
  const group = p.peerGroup === null ? "" : zh ? `「${p.peerGroup}」组` : ` in ${p.peerGroup}`;
  const lines = [zh ? `${who} 评为「${p.tier}」` : `${who} is placed in "${p.tier}"`];
  lines.push(zh ? `${group || "同组"} ${p.groupSize} 人中排第 ${p.rank} 名，得分 ${p.score}` : `rank ${p.rank} of ${p.groupSize}${group}, score ${p.score}`);
  for (const e of r.excluded ?? [])
    lines.push(zh ? `未能进入「${e.tier}」：${because(e.because, true)}` : `not in "${e.tier}": ${because(e.because, false)}`);
  const q = r.quota;
  if (r.rule === "veto") lines.push(zh ? `有否决项（${(r.vetoes ?? []).join("、")}），直接归入「${p.tier}」` : `has a veto (${(r.vetoes ?? []).join(", ")}), so goes to "${p.tier}" whatever the rank`);
  else if (r.rule === "rest") lines.push(zh ? `不属于其他等次，归入「${p.tier}」` : `not in any other tier, so in "${p.tier}"`);
  if (r.rule === "quota" && q && q.exact !== null)
    lines.push(
      zh
        ? `「${p.tier}」名额：${q.share} × ${p.groupSize} = ${q.exact}，${COUNT[locale][r.count ?? "floor"]}后为 ${q.quota} 名，实际 ${q.placed} 名`
        : `"${p.tier}" quota: ${q.share} × ${p.groupSize} = ${q.exact}, ${COUNT[locale][r.count ?? "floor"]} to ${q.quota}; ${q.placed} placed`,
    );
  if (r.threshold)
    lines.push(zh ? `达到「${p.tier}」的最低分 ${r.threshold.min}（比较分数 ${r.threshold.compared}）` : `reaches the "${p.tier}" minimum ${r.threshold.min} (compared: ${r.threshold.compared})`);
  if (r.tie) lines.push(zh ? `与 ${r.tie.with.join("、")} 在名额边界并列：${TIE[locale][r.tie.rule]}` : `tied at a quota boundary with ${r.tie.with.join(", ")}: ${TIE[locale][r.tie.rule]}`);
  return lines.join("\n");
}
