import { Dec, max, min, proportion, sum, text, toDec, toNumber, ZERO } from "../core/decimal.js";
import { JixiaoError, type Issue } from "../core/errors.js";
import { decimal, parseWith, type DecimalInput } from "../core/validate.js";
import { z } from "../core/z.js";
import { staffById, staffSchema } from "./allocate.js";
import { allocationSchema } from "./credit.js";
import type { Allocation, StaffMember, TaskCredits } from "./types.js";
import { byText } from "../core/order.js";

/** 100, for a share as a percentage. */
const HUNDRED = new Dec(100);

/** What the bureau reports about a board (R22: 93 tasks, 400+ grabs, 93.2% took part …). */
export interface TaskStatistics {
  /** Tasks on the board. */
  readonly published: number;
  /** Tasks with every seat grabbed. */
  readonly grabbed: number;
  /** Tasks with some seats grabbed and some left. */
  readonly partlyGrabbed: number;
  /** Tasks nobody grabbed, assigned by a leader (派单). */
  readonly assigned: number;
  /** Tasks with no owner. */
  readonly unowned: number;
  /** Grabs made, seated and rejected (by reason code). */
  readonly grabs: {
    /** How many grabs were made. */
    readonly made: number;
    /** How many grabs won a seat. */
    readonly seated: number;
    /** How many grabs were rejected, by reason code (`rejected` for a grab without one). */
    readonly rejected: Readonly<Record<string, number>>;
  };
  /** Grabs per member of staff: the fewest, the most and the mean. */
  readonly grabsPerPerson: {
    /** The fewest grabs any member of staff made. */
    readonly min: number;
    /** The most grabs any member of staff made. */
    readonly max: number;
    /** The mean number of grabs per member of staff. */
    readonly mean: number;
  };
  /** Staff who made at least one grab. */
  readonly tookPart: number;
  /** That share of the staff (0 to 1). */
  readonly tookPartShare: number;
  /** The same as a percentage with one decimal (`93.2%`), rounded half up. */
  readonly tookPartPercent: string;
  /** Staff who won at least one seat. */
  readonly seatedPeople: number;
  /** The spread of applied credits over all staff (those with none count 0), when credits are given. */
  readonly credits?: {
    /** The lowest applied credits of any member of staff. */
    readonly min: number;
    /** The highest applied credits of any member of staff. */
    readonly max: number;
    /** max − min. */
    readonly spread: number;
    /** The mean applied credits per member of staff. */
    readonly mean: number;
    /** How many reached each threshold asked for (`{ "7": 23 }`). */
    readonly atLeast: Readonly<Record<string, number>>;
  };
}

/** Options for {@link taskStatistics}. */
export interface TaskStatisticsOptions {
  /** The credits, for their spread. */
  readonly credits?: TaskCredits;
  /** Credit thresholds to count people at or above (`[7]`). */
  readonly thresholds?: readonly DecimalInput[];
}

const optionsSchema = z
  .strictObject({
    credits: z.object({ people: z.array(z.object({ person: z.string(), applied: z.number() })) }).optional(),
    thresholds: z.array(decimal()).max(100).optional(),
  })
  .optional();

const mean = (values: readonly Dec[]) => (values.length === 0 ? ZERO : sum(values).div(values.length));

/**
 * The statistics a bureau reports for a board: tasks published, grabbed and assigned; grabs per
 * person; the share of staff who took part; the spread of credits.
 *
 * @param allocation - the board's allocation.
 * @param staff - all staff the board was open to.
 * @param options - the credits and thresholds for the spread.
 * @returns the statistics.
 * @throws {@link JixiaoError} for a bad allocation, staff list or options.
 * @example
 * ```ts
 * taskStatistics(allocation, staff).tookPartPercent;
 * //=> "50.0%"
 * ```
 */
export function taskStatistics(allocation: Allocation, staff: readonly StaffMember[], options?: TaskStatisticsOptions): TaskStatistics {
  const a = parseWith(allocationSchema, allocation, "Not an allocation", ["allocation"]);
  const members = parseWith(staffSchema, staff, "Staff are not valid", ["staff"]) as StaffMember[];
  const o = parseWith(optionsSchema, options, "Options are not valid", ["options"]) ?? {};
  const issues: Issue[] = [];
  const people = staffById(members, issues, ["staff"]);
  if (issues.length > 0) throw new JixiaoError(issues, "Statistics cannot be made");
  const made = new Map<string, number>();
  const seated = new Set<string>();
  const rejected = new Map<string, number>();
  for (const g of a.grabs) {
    made.set(g.person, (made.get(g.person) ?? 0) + 1);
    if (g.outcome === "seated") seated.add(g.person);
    else rejected.set(g.code ?? "rejected", (rejected.get(g.code ?? "rejected") ?? 0) + 1);
  }
  const perPerson = [...people.keys()].map((id) => toDec(made.get(id) ?? 0)!);
  const tookPart = [...people.keys()].filter((id) => (made.get(id) ?? 0) > 0).length;
  const share = people.size === 0 ? ZERO : toDec(tookPart)!.div(people.size);
  const count = (status: string) => a.tasks.filter((t) => t.status === status).length;
  let credits: TaskStatistics["credits"];
  if (o.credits) {
    const applied = new Map(o.credits.people.map((p) => [p.person, toDec(p.applied)!]));
    const values = [...people.keys()].map((id) => applied.get(id) ?? ZERO);
    const lo = values.reduce((m, v) => min(m, v), values[0] ?? ZERO);
    const hi = values.reduce((m, v) => max(m, v), values[0] ?? ZERO);
    credits = {
      min: toNumber(lo),
      max: toNumber(hi),
      spread: toNumber(hi.minus(lo)),
      mean: toNumber(mean(values)),
      atLeast: Object.fromEntries((o.thresholds ?? []).map((t) => [text(toDec(t)!), values.filter((v) => v.gte(toDec(t)!)).length])),
    };
  }
  return {
    published: a.tasks.length,
    grabbed: count("grabbed"),
    partlyGrabbed: count("partly-grabbed"),
    assigned: count("assigned"),
    unowned: count("unowned"),
    grabs: { made: a.grabs.length, seated: a.grabs.filter((g) => g.outcome === "seated").length, rejected: Object.fromEntries([...rejected].sort((x, y) => byText(x[0], y[0]))) },
    grabsPerPerson: {
      min: toNumber(perPerson.reduce((m, v) => min(m, v), perPerson[0] ?? ZERO)),
      max: toNumber(perPerson.reduce((m, v) => max(m, v), perPerson[0] ?? ZERO)),
      mean: toNumber(mean(perPerson)),
    },
    tookPart,
    tookPartShare: toNumber(share),
    tookPartPercent: `${(people.size === 0 ? ZERO : proportion(HUNDRED, toDec(tookPart)!, toDec(people.size)!)).toFixed(1)}%`,
    seatedPeople: [...seated].filter((id) => people.has(id)).length,
    ...(credits ? { credits } : {}),
  };
}
