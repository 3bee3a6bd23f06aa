import { issue, IssueCode, JixiaoError, type Issue } from "../core/errors.js";
import { everyItem, isPlainObject, parseWith, parseCopy } from "../core/validate.js";
import { snapshot } from "../core/snapshot.js";
import { z } from "../core/z.js";
import { reasonText } from "../explain/reasons.js";
import type { Locale } from "../messages/types.js";
import type { AdjustmentItem, FlagInput, SubjectInput } from "../scoring/subject.js";
import type { LastPlaceResult } from "./last-place.js";
import { deductionReasonSchema, lastPlaceFlagReasonSchema } from "./reasons.js";

const resultSchema = z.object({
  deductions: z.array(z.object({ subjectId: z.string(), points: z.number(), target: z.string(), reason: deductionReasonSchema })),
  flags: z.array(z.object({ subjectId: z.string(), id: z.string(), name: z.string().optional(), reason: lastPlaceFlagReasonSchema })),
});
const optionsSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]).optional() }).optional();

/** Options for {@link withPenalties}. */
export interface WithPenaltiesOptions {
  /**
   * The language of the reasons written on the deductions and flags added: `zh-CN` (default) or
   * `en`. The result keeps its reasons as data; the words are made here, where they become part
   * of the subjects (and of their score's trace).
   */
  readonly locale?: Locale;
}
// The subjects pass through for scoreAll to check; only what is extended here must be a list.
const subjectsSchema = z.array(z.object({ id: z.string(), deductions: z.array(z.unknown()).optional(), flags: z.array(z.unknown()).optional() }).passthrough()).max(2_000_000);
type ResultRead = ReturnType<typeof resultSchema.parse>;

/** Whether a subject is plainly what `subjectsSchema` accepts. @internal */
export const plainSubject = (s: unknown): boolean =>
  isPlainObject(s) && typeof s.id === "string" && (s.deductions === undefined || Array.isArray(s.deductions)) && (s.flags === undefined || Array.isArray(s.flags));

/** Whether a number is a size or place `resultSchema` accepts: a whole number from 1 to 2,000,000. */
const plainSize = (n: unknown): boolean => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 2_000_000;

/** Whether a reason's peer group is plainly what `resultSchema` accepts. */
const plainPeer = (r: Record<string, unknown>): boolean => r.peerGroup === null || typeof r.peerGroup === "string";

/** Whether a deduction's reason is plainly what `resultSchema` accepts. */
const plainDeductionReason = (r: unknown): boolean =>
  isPlainObject(r) &&
  r.kind === "deducted" &&
  (r.label === undefined || (typeof r.label === "string" && r.label.length <= 200)) &&
  plainSize(r.bottomPlace) &&
  plainSize(r.groupSize) &&
  plainPeer(r);

/** Whether a deduction is plainly what `resultSchema` accepts (zod's numbers are finite). */
const plainDeduction = (d: unknown): boolean =>
  isPlainObject(d) && typeof d.subjectId === "string" && typeof d.points === "number" && Number.isFinite(d.points) && typeof d.target === "string" && plainDeductionReason(d.reason);

/** Whether a flag is plainly what `resultSchema` accepts. */
const plainFlag = (f: unknown): boolean =>
  isPlainObject(f) &&
  typeof f.subjectId === "string" &&
  typeof f.id === "string" &&
  (f.name === undefined || typeof f.name === "string") &&
  isPlainObject(f.reason) &&
  f.reason.kind === "lastPlace" &&
  plainSize(f.reason.groupSize) &&
  plainPeer(f.reason);

/** Whether a value is a list of at most `max` items, each passing `plain` (holes included). */
const allPlain = (list: unknown, plain: (item: unknown) => boolean, max = Number.POSITIVE_INFINITY): boolean =>
  Array.isArray(list) && list.length <= max && everyItem(list, plain);

/** Whether a last-place result is plainly what `resultSchema` accepts. @internal */
export const plainResult = (r: unknown): boolean => isPlainObject(r) && allPlain(r.deductions, plainDeduction) && allPlain(r.flags, plainFlag);

/**
 * Reads the subjects and the result into their copies ({@link snapshot}) and checks them. Plainly
 * valid input (the usual: a result of `lastPlaceDeductions`, subjects as data) skips the schemas:
 * they accept all of it. Anything else goes through the schemas, which give the errors.
 */
function readInputs(subjects: unknown, result: unknown): { readonly subjects: SubjectInput[]; readonly result: ResultRead } {
  const list = snapshot(subjects, [], "Subjects are not valid") as SubjectInput[];
  const read = snapshot(result, ["result"], "Not a last-place result");
  if (allPlain(list, plainSubject, 2_000_000) && plainResult(read)) return { subjects: list, result: read as ResultRead };
  parseCopy(subjectsSchema, list, "Subjects are not valid");
  return { subjects: list, result: parseCopy(resultSchema, read, "Not a last-place result", ["result"]) };
}

/**
 * The subjects with last-place deductions and flags added: each deduction becomes an item of the
 * subject's `deductions` (aimed at an indicator when the policy's target names one), each flag an
 * item of its `flags`. Score the returned subjects again and the deductions show in the trace.
 * The subjects given are not changed.
 *
 * The result's reasons are data; the items' `reason` is their words in `options.locale` (Chinese
 * by default), as {@link explainReason} words them, since a subject's items carry text.
 *
 * @param subjects - the subjects that were scored and ranked.
 * @param result - the outcome of {@link lastPlaceDeductions}.
 * @param options - the language of the reasons written on the items: `zh-CN` (default) or `en`.
 * @returns new subjects, in the same order.
 * @throws {@link JixiaoError} when a deduction or flag names a subject not in `subjects`.
 * @example
 * ```ts
 * const result = {
 *   groups: [], spared: [], flags: [],
 *   deductions: [{ subjectId: "c5", peerGroup: null, bottomPlace: 1, groupSize: 5, score: 50, points: 1, target: "total",
 *     reason: { kind: "deducted", bottomPlace: 1, groupSize: 5, peerGroup: null }, tiedWith: [] }],
 * };
 * withPenalties([{ id: "c5", values: {} }], result)[0].deductions;
 * //=> [{ points: 1, reason: "末位扣分：同组 5 人中排末位" }]
 * withPenalties([{ id: "c5", values: {} }], result, { locale: "en" })[0].deductions;
 * //=> [{ points: 1, reason: "last-place deduction: last of 5" }]
 * ```
 */
export function withPenalties(subjects: readonly SubjectInput[], result: LastPlaceResult, options?: WithPenaltiesOptions): SubjectInput[] {
  const { subjects: list, result: r } = readInputs(subjects, result);
  const locale = parseWith(optionsSchema, options, "Options are not valid", ["options"])?.locale ?? "zh-CN";
  const index = new Map<string, number>();
  for (let i = 0; i < list.length; i++) index.set(list[i]!.id, i);
  const issues: Issue[] = [];
  const items = new Map<number, AdjustmentItem[]>();
  const flags = new Map<number, FlagInput[]>();
  r.deductions.forEach((d, k) => {
    const i = index.get(d.subjectId);
    if (i === undefined) return void issues.push(issue(IssueCode.unknownId, ["result", "deductions", k, "subjectId"], { key: "penaltySubjectUnknown", subjectId: d.subjectId }));
    const item: AdjustmentItem = { points: d.points, reason: reasonText(d.reason, locale), ...(d.target.startsWith("indicator:") ? { indicator: d.target.slice("indicator:".length) } : {}) };
    const list = items.get(i);
    if (list) list.push(item);
    else items.set(i, [item]);
  });
  r.flags.forEach((f, k) => {
    const i = index.get(f.subjectId);
    if (i === undefined) return void issues.push(issue(IssueCode.unknownId, ["result", "flags", k, "subjectId"], { key: "penaltySubjectUnknown", subjectId: f.subjectId }));
    const flag: FlagInput = { id: f.id, ...(f.name !== undefined ? { name: f.name } : {}), reason: reasonText(f.reason, locale) };
    const list = flags.get(i);
    if (list) list.push(flag);
    else flags.set(i, [flag]);
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Penalties cannot be applied");
  // The subjects are the input's copy (snapshot): what is returned shares nothing with the caller's.
  return list.map((s, i) =>
    // Most subjects get nothing: as they were read.
    items.has(i) || flags.has(i)
      ? {
          ...s,
          ...(items.has(i) ? { deductions: [...(s.deductions ?? []), ...items.get(i)!] } : {}),
          ...(flags.has(i) ? { flags: [...(s.flags ?? []), ...flags.get(i)!] } : {}),
        }
      : s,
  );
}
