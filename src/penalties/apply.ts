import { issue, IssueCode, JixiaoError, type Issue } from "../core/errors.js";
import { parseWith } from "../core/validate.js";
import { z } from "../core/z.js";
import type { AdjustmentItem, FlagInput, SubjectInput } from "../scoring/subject.js";
import type { LastPlaceResult } from "./last-place.js";

const resultSchema = z.object({
  deductions: z.array(z.object({ subjectId: z.string(), points: z.number(), target: z.string(), reason: z.string() })),
  flags: z.array(z.object({ subjectId: z.string(), id: z.string(), name: z.string().optional(), reason: z.string() })),
});
// The subjects pass through for scoreAll to check; only what is extended here must be a list.
const subjectsSchema = z.array(z.object({ id: z.string(), deductions: z.array(z.unknown()).optional(), flags: z.array(z.unknown()).optional() }).passthrough()).max(2_000_000);

/**
 * The subjects with last-place deductions and flags added: each deduction becomes an item of the
 * subject's `deductions` (aimed at an indicator when the policy's target names one), each flag an
 * item of its `flags`. Score the returned subjects again and the deductions show in the trace.
 * The subjects given are not changed.
 *
 * @param subjects - the subjects that were scored and ranked.
 * @param result - the outcome of {@link lastPlaceDeductions}.
 * @returns new subjects, in the same order.
 * @throws {@link JixiaoError} when a deduction or flag names a subject not in `subjects`.
 * @example
 * ```ts
 * withPenalties([{ id: "c5", values: {} }], {
 *   groups: [], spared: [], flags: [],
 *   deductions: [{ subjectId: "c5", peerGroup: null, bottomPlace: 1, groupSize: 5, score: 50, points: 1, target: "total", reason: "末位扣分: last of 5", tiedWith: [] }],
 * })[0].deductions;
 * //=> [{ points: 1, reason: "末位扣分: last of 5" }]
 * ```
 */
export function withPenalties(subjects: readonly SubjectInput[], result: LastPlaceResult): SubjectInput[] {
  parseWith(subjectsSchema, subjects, "Subjects are not valid");
  const r = parseWith(resultSchema, result, "Not a last-place result", ["result"]);
  const index = new Map(subjects.map((s, i) => [s.id, i]));
  const issues: Issue[] = [];
  const items = new Map<number, AdjustmentItem[]>();
  const flags = new Map<number, FlagInput[]>();
  r.deductions.forEach((d, k) => {
    const i = index.get(d.subjectId);
    if (i === undefined) return void issues.push(issue(IssueCode.unknownId, ["result", "deductions", k, "subjectId"], `names "${d.subjectId}", who is not among the subjects`));
    const item: AdjustmentItem = { points: d.points, reason: d.reason, ...(d.target.startsWith("indicator:") ? { indicator: d.target.slice("indicator:".length) } : {}) };
    items.set(i, [...(items.get(i) ?? []), item]);
  });
  r.flags.forEach((f, k) => {
    const i = index.get(f.subjectId);
    if (i === undefined) return void issues.push(issue(IssueCode.unknownId, ["result", "flags", k, "subjectId"], `names "${f.subjectId}", who is not among the subjects`));
    flags.set(i, [...(flags.get(i) ?? []), { id: f.id, ...(f.name !== undefined ? { name: f.name } : {}), reason: f.reason }]);
  });
  if (issues.length > 0) throw new JixiaoError(issues, "Penalties cannot be applied");
  return subjects.map((s, i) => ({
    ...s,
    ...(items.has(i) ? { deductions: [...(s.deductions ?? []), ...items.get(i)!] } : {}),
    ...(flags.has(i) ? { flags: [...(s.flags ?? []), ...flags.get(i)!] } : {}),
  }));
}
