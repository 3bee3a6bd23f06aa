import type { Rounding } from "../core/rounding.js";
import type { TraceStep } from "../core/trace.js";
import type { DecimalInput } from "../core/validate.js";

/** One milestone of a timetable (时间表节点): the value to reach by a day or by the end of a period. */
export interface MilestoneConfig {
  /** Unique id within its item (`Q1`, `m1`). */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** When it is due: a day (`2026-03-31`) or a period whose last day is the due day (`2026-Q1`, `2026-03`). */
  readonly due: string;
  /** The value to reach by then (cumulative, as the actuals are reported). */
  readonly target: DecimalInput;
}

/** Who owns a roadmap item, with the roles a cascade gives (R3). */
export interface RoadmapRoles {
  /** The department that carries it (承接). */
  readonly carrying?: string;
  /** The people who execute it (执行). */
  readonly executing?: readonly string[];
  /** The department that assesses it (考评). */
  readonly assessing?: string;
}

/** One indicator's timetable for one owner (路线图: 指标、时间表、责任人). */
export interface RoadmapItemConfig {
  /** The indicator (an id of a scheme or a cascade plan). */
  readonly indicator: string;
  /** Name for people. */
  readonly name?: string;
  /** The owner: a unit or a person (责任人). An indicator has one item per owner. */
  readonly owner: string;
  /** The owner's name for people. */
  readonly ownerName?: string;
  /** Who carries, executes and assesses it. */
  readonly roles?: RoadmapRoles;
  /** `higher` (default): reaching a milestone means at least its target; `lower`: at most. */
  readonly better?: "higher" | "lower";
  /** The points for keeping to the timetable (the indicator's 分值 in the scheme that takes this score). */
  readonly points: DecimalInput;
  /** The milestones, each due on a different day. */
  readonly milestones: readonly MilestoneConfig[];
}

/**
 * How keeping to the timetable is scored (configuration; the articles name the practice, not the formula):
 * - `share` — points × (milestones met on time + late ones × `lateCredit`) ÷ milestones due;
 * - `gap` — points × the completion of the current milestone (actual ÷ its target, at most 1; for
 *   `lower`, target ÷ actual).
 * Nothing due yet earns the full points under either.
 */
export type TimetableScoring =
  | {
      /** By the share of milestones met on time. */
      readonly method: "share";
      /** What a milestone met after its day counts for, 0 to 1 (default 0). */
      readonly lateCredit?: DecimalInput;
    }
  | {
      /** By the gap to the current milestone. */
      readonly method: "gap";
    };

/** A roadmap (年度路线图) as JSON: the year's priorities, each with its timetable and owner. */
export interface RoadmapConfig {
  /** The JSON Schema this document follows, for editors. */
  readonly $schema?: string;
  /** The roadmap's id. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** How keeping to the timetable is scored (default `{ method: "share" }`). */
  readonly scoring?: TimetableScoring;
  /** The rounding of each item's score; exact when left out. */
  readonly rounding?: Rounding;
  /** The items: one per indicator and owner. */
  readonly items: readonly RoadmapItemConfig[];
}

/** An actual value reported for an item: the cumulative value at the end of a period (or on a day). */
export interface RoadmapActual {
  /** The indicator. */
  readonly indicator: string;
  /** The owner. */
  readonly owner: string;
  /** The period it is the value at the end of (`2026-09`, `2026-Q3`, or a day). */
  readonly period: string;
  /** The value. */
  readonly value: DecimalInput;
}

/** Where an item stands against its timetable (进度): `ahead` (the next milestone reached already), `on-time` or `behind`. */
export type TimetableStatus = "ahead" | "on-time" | "behind";

/** One milestone as of a day: `met` on time, met `late`, `missed`, or `pending` (not yet due). */
export interface MilestoneProgress {
  /** The milestone's id. */
  readonly id: string;
  /** Its name. */
  readonly name?: string;
  /** Its due day, `YYYY-MM-DD`. */
  readonly due: string;
  /** Its target, as exact decimal text. */
  readonly target: string;
  /** The value reported by its due day (exact text), or `null` when none was. */
  readonly value: string | null;
  /** Its status as of the day. */
  readonly status: "met" | "late" | "missed" | "pending";
}

/** One item's progress and timetable score as of a day. */
export interface ItemProgress {
  /** The indicator. */
  readonly indicator: string;
  /** The indicator's name. */
  readonly name?: string;
  /** The owner. */
  readonly owner: string;
  /** The owner's name. */
  readonly ownerName?: string;
  /** Who carries, executes and assesses it. */
  readonly roles?: RoadmapRoles;
  /** The day it is as of, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** `higher` or `lower`. */
  readonly better: "higher" | "lower";
  /** The latest value reported by the day (exact text), or `null` when none was. */
  readonly actual: string | null;
  /** The target of the latest milestone due (exact text), or `null` when none is due yet. */
  readonly expected: string | null;
  /** The id of the latest milestone due, or `null`. */
  readonly current: string | null;
  /** The next milestone not yet due, or `null` after the last. */
  readonly next: {
    /** The milestone's id. */
    readonly id: string;
    /** Its due day, `YYYY-MM-DD`. */
    readonly due: string;
    /** Its target, as exact text. */
    readonly target: string;
  } | null;
  /** Ahead, on time or behind. */
  readonly status: TimetableStatus;
  /**
   * How far the actual is from the expected value, signed so that less than 0 is behind (actual −
   * expected; for `lower`, expected − actual), as exact text; `null` when nothing is due or nothing reported.
   */
  readonly gap: string | null;
  /** Each milestone as of the day. */
  readonly milestones: readonly MilestoneProgress[];
  /** The item's points. */
  readonly points: number;
  /** The timetable score. */
  readonly score: number;
  /** The score as exact decimal text. */
  readonly exact: string;
  /** How the score was made. */
  readonly trace: readonly TraceStep[];
}

/** The progress of a roadmap as of a day. */
export interface RoadmapProgress {
  /** The roadmap's id. */
  readonly roadmap: string;
  /** The day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Every item, in roadmap order. */
  readonly items: readonly ItemProgress[];
}
