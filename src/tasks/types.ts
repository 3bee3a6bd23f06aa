import type { DecimalInput } from "../core/validate.js";

/** One task on a board (急难险重任务). */
export interface TaskConfig {
  /** Unique id on the board. */
  readonly id: string;
  /** What the task is. */
  readonly title: string;
  /** Longer description. */
  readonly description?: string | undefined;
  /** Its difficulty grade: a name from the board's `difficulty` table (high / medium / low …). */
  readonly difficulty: string;
  /** Base points, more than 0. */
  readonly points: DecimalInput;
  /** How many people it takes (default 1). */
  readonly seats?: number | undefined;
  /** The post (岗位) it belongs to: assignment (派单) goes to holders of this post. */
  readonly post: string;
  /** When it was published (亮单): a date (`2023-07-03`) or date-time. */
  readonly published: string;
  /** Its deadline: a date (the whole day counts) or date-time. */
  readonly deadline: string;
}

/**
 * A task board (三单清单) as JSON: the period, the difficulty coefficients and the tasks.
 * The coefficients are configuration; the Zhuxi practice (R22) names the grades, not their values.
 */
export interface TaskBoardConfig {
  /** The JSON Schema this document follows, for editors. */
  readonly $schema?: string;
  /** The board's id. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** The period it covers (`2023-Q3`, `2023-07`, `2023-H2`, `2023`). */
  readonly period: string;
  /** The UTC offset that dates and times without one are read in (default `+08:00`, China Standard Time). */
  readonly utcOffset?: string;
  /** Difficulty grade → score coefficient (`{ "high": 1.5, "medium": 1.2, "low": 1 }`), each more than 0. */
  readonly difficulty: Readonly<Record<string, DecimalInput>>;
  /** The tasks. */
  readonly tasks: readonly TaskConfig[];
}

/** A member of staff who can grab or be assigned tasks. */
export interface StaffMember {
  /** Unique id. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** The posts (岗位) the person holds. */
  readonly posts: readonly string[];
  /** The department, for reports. */
  readonly department?: string;
}

/** A grab (抢单): a person asks for a task at a moment. */
export interface Grab {
  /** The task's id. */
  readonly task: string;
  /** The person's id. */
  readonly person: string;
  /** When: a date-time (with offset, or read at the board's `utcOffset`). */
  readonly at: string;
}

/** Options for {@link allocateTasks}. */
export interface AllocationPolicy {
  /** Most tasks one person may grab on the board; no limit when left out. */
  readonly maxTasksPerPerson?: number | undefined;
  /** Who may grab a task: `anyone` (default) or only holders of its `post`. */
  readonly eligibility?: "anyone" | "post" | undefined;
  /** How many seats of a task nobody grabbed are assigned: `one` (default: it has an owner) or `all`. */
  readonly assignSeats?: "one" | "all" | undefined;
}

/** An owner of a task. */
export interface TaskOwner {
  /** The person's id. */
  readonly person: string;
  /** `grabbed` (抢单) or `assigned` (派单). */
  readonly how: "grabbed" | "assigned";
  /** When the winning grab was made. */
  readonly at?: string;
  /** Why this person was assigned (派单), as data: the post and the load that decided it. {@link explainTaskReason} words it. */
  readonly reason?: AssignmentReason;
}

/** One task's outcome. */
export interface TaskAllocation {
  /** The task's id. */
  readonly task: string;
  /** Its seats. */
  readonly seats: number;
  /** Its owners, grabbed first in order of their grabs, then assigned. */
  readonly owners: readonly TaskOwner[];
  /** `grabbed` (every owner grabbed it), `assigned`, `partly-grabbed` (seats left) or `unowned`. */
  readonly status: "grabbed" | "assigned" | "partly-grabbed" | "unowned";
  /** Why it has no owner (no one holds its post), as data; only for an `unowned` task. {@link explainTaskReason} words it. */
  readonly reason?: UnownedReason;
}

/** One grab's outcome. */
export interface GrabOutcome {
  /** Its index in the grabs given. */
  readonly index: number;
  /** The task's id. */
  readonly task: string;
  /** The person's id. */
  readonly person: string;
  /** When. */
  readonly at: string;
  /** `seated` or `rejected`. */
  readonly outcome: "seated" | "rejected";
  /**
   * Why it was rejected, as a code for programs and counts: `unknown_task`, `unknown_person`,
   * `not_published`, `after_deadline`, `not_eligible`, `duplicate`, `limit`, `no_seat` — the
   * `kind` of its `reason`.
   */
  readonly code?: GrabRejection["kind"];
  /** Why it was rejected, as data with its dates, post, limit or owners; {@link explainTaskReason} words it. */
  readonly reason?: GrabRejection;
}

/**
 * Why a grab was rejected (抢单未成功), as data: the first check that failed, with what decided it.
 * `kind` is the grab's `code`.
 */
export type GrabRejection =
  | {
      /** No task of that id on the board. */
      readonly kind: "unknown_task";
      /** The task's id, as the grab gave it. */
      readonly task: string;
      /** The board's id. */
      readonly board: string;
    }
  | {
      /** No member of staff with that id. */
      readonly kind: "unknown_person";
      /** The person's id, as the grab gave it. */
      readonly person: string;
    }
  | {
      /** Made before the task was published. */
      readonly kind: "not_published";
      /** When it was published, as the board gives it. */
      readonly published: string;
    }
  | {
      /** Made after the task's deadline. */
      readonly kind: "after_deadline";
      /** The deadline, as the board gives it. */
      readonly deadline: string;
    }
  | {
      /** With `eligibility: "post"`, the person does not hold the task's post. */
      readonly kind: "not_eligible";
      /** The task's post. */
      readonly post: string;
    }
  | {
      /** The person already holds a seat of this task. */
      readonly kind: "duplicate";
    }
  | {
      /** The person already holds `maxTasksPerPerson` tasks. */
      readonly kind: "limit";
      /** The limit: `maxTasksPerPerson`. */
      readonly limit: number;
    }
  | {
      /** Every seat was taken by earlier grabs. */
      readonly kind: "no_seat";
      /** The ids of those who took the seats, in the order of their grabs. */
      readonly owners: readonly string[];
    };

/** Why a task nobody grabbed was assigned (派单) to this person, as data. */
export type AssignmentReason = {
  /** The least loaded holder of the task's post was chosen (ties to the smaller id). */
  readonly kind: "least_loaded";
  /** The task's post. */
  readonly post: string;
  /** How many holders of the post could take the seat. */
  readonly candidates: number;
  /** The chosen person's load then (points × coefficient of the tasks owned), as exact decimal text. */
  readonly load: string;
};

/** Why a task has no owner, as data. */
export type UnownedReason = {
  /** Nobody grabbed it and no member of staff holds its post. */
  readonly kind: "no_holder";
  /** The task's post. */
  readonly post: string;
};

/** Every reason the allocation of tasks gives: a grab's rejection, an assignment, a task without owner. */
export type TaskReason = GrabRejection | AssignmentReason | UnownedReason;

/** The outcome of {@link allocateTasks}: every task's owners and every grab's fate. */
export interface Allocation {
  /** The board's id. */
  readonly board: string;
  /** Every task, in board order. */
  readonly tasks: readonly TaskAllocation[];
  /** Every grab, in the order it was decided (time, then person id, then task id). */
  readonly grabs: readonly GrabOutcome[];
}

/** A completed task (or a co-owner's part of it), with its quality. */
export interface Completion {
  /** The task's id. */
  readonly task: string;
  /** The owner's id. */
  readonly person: string;
  /** Completion quality: a fraction from 0 to 1, or a grade named in the policy's `qualityGrades`. */
  readonly quality: number | string;
  /** When it was completed; after the deadline it is late. On time when left out. */
  readonly completed?: string;
  /** The owner's declared share of the task, 0 to 1; a task's declared shares must add up to 1. Equal shares when no one declares. */
  readonly share?: DecimalInput;
}

/** Options for {@link creditTasks}: every number here is configuration. */
export interface CreditPolicy {
  /** Quality grade → fraction (`{ "优": 1, "良": 0.8, "中": 0.6 }`). */
  readonly qualityGrades?: Readonly<Record<string, DecimalInput>>;
  /** Factor for assigned (派单) tasks against grabbed ones (default 1: the same). */
  readonly assignedFactor?: DecimalInput;
  /** Factor for a task completed after its deadline (default 1: no effect). */
  readonly lateFactor?: DecimalInput;
  /** Most points one person's credits count for (10, the competitive part of "361"); no cap when left out. */
  readonly cap?: DecimalInput;
  /** Decimals of the parts a task's points are split into between co-owners (default 2); the parts always add up to the whole. */
  readonly splitDecimals?: number;
}

/** One credit: what a person earns from one task, with its trace. */
export interface TaskCredit {
  /** The task's id. */
  readonly task: string;
  /** How the person owns it. */
  readonly how: "grabbed" | "assigned";
  /** Points earned from it. */
  readonly credit: number;
  /** `credit` as exact decimal text: every digit, where the number may hold fewer (the trace's result). */
  readonly exact: string;
  /** Whether it was completed late. */
  readonly late: boolean;
  /** The calculation: points × coefficient, the share, quality and factors, as exact decimal strings. */
  readonly trace: readonly import("../core/trace.js").TraceStep[];
}

/** One person's credits and capped total. */
export interface PersonCredits {
  /** The person's id. */
  readonly person: string;
  /** Each credit, in task order. */
  readonly credits: readonly TaskCredit[];
  /** The sum of the credits. */
  readonly total: number;
  /** The cap, or `null` for none. */
  readonly cap: number | null;
  /** What counts: the total, limited by the cap. */
  readonly applied: number;
  /** What the cap cut off (total − applied), shown rather than silently lost. */
  readonly excess: number;
  /**
   * `total`, `applied` and `excess` as exact decimal text, under the same names: every digit, where
   * the numbers may hold fewer. One `exact` field, as every result of the library has beside its
   * number (a score's total, a roll-up's value, an account's total); here an object, as the record
   * has three numbers a person reads (`cap` is the policy's own, as given).
   * @example
   * ```ts
   * creditTasks(board, allocation, [{ task: "t1", person: "s1", quality: 1 }], { cap: 2 }).people[0].exact;
   * //=> { total: "3", applied: "2", excess: "1" }
   * ```
   */
  readonly exact: {
    /** `total` as exact decimal text. */
    readonly total: string;
    /** `applied` as exact decimal text. */
    readonly applied: string;
    /** `excess` as exact decimal text. */
    readonly excess: string;
  };
}

/** The outcome of {@link creditTasks}. */
export interface TaskCredits {
  /** The board's id. */
  readonly board: string;
  /** Each person with a completion, by id. */
  readonly people: readonly PersonCredits[];
  /** Owners of tasks with no completion recorded: no credit. */
  readonly uncompleted: readonly {
    /** The task's id. */
    readonly task: string;
    /** The owner's id. */
    readonly person: string;
  }[];
}
