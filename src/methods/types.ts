import type { Dec } from "../core/decimal.js";
import type { IssueCode } from "../core/errors.js";
import type { MessageParams } from "../messages/index.js";
import type { TraceValues } from "../core/trace.js";

/** A flag raised by a method or a veto, recorded on the result for the tier rules. */
export interface Flag {
  /** The flag's id, from the rule that raised it. */
  readonly id: string;
  /** The flag's name, when the rule gives one. */
  readonly name?: string;
  /** What raised it: `indicator:<id>` or `veto:<id>`. */
  readonly source: string;
  /** Why, in words with the numbers that decided it. */
  readonly reason: string;
}

/** What a method gives for one value. @internal */
export interface MethodOutcome {
  /** Share of the indicator's points earned, where the method has one. */
  readonly fraction: Dec | null;
  /** Points earned, before any rounding. */
  readonly earned: Dec;
  /** Intermediate values for the trace. */
  readonly values: TraceValues;
  /** Flags raised (votes). */
  readonly flags?: readonly Omit<Flag, "source">[];
}

/** A value a method cannot score: the issue's code and its message as data. @internal */
export interface ValueProblem {
  readonly invalid: IssueCode;
  readonly params: MessageParams;
}

/** What a method gives for one value: an outcome or the problem with the value. @internal */
export type Scored = MethodOutcome | ValueProblem;


/** A method scored one subject at a time. @internal */
export interface SingleMethod {
  readonly kind: "single";
  readonly score: (value: unknown, points: Dec) => Scored;
}

/** A method scored across a batch of peers (rank). @internal */
export interface BatchMethod {
  readonly kind: "batch";
  /** Reads one subject's raw value. */
  readonly read: (value: unknown) => Dec | ValueProblem;
  /** Scores the values of one peer group, in the order given. */
  readonly batch: (values: readonly Dec[], points: Dec) => MethodOutcome[];
}

/** A compiled scoring method. @internal */
export type CompiledMethod = SingleMethod | BatchMethod;

/** What a method's compile step is given. @internal */
export interface CompileContext {
  /** The indicator's points. */
  readonly points: Dec;
  /** Path of the method in the scheme, for issues. */
  readonly path: readonly (string | number)[];
  /** Where semantic issues are collected. */
  readonly report: (code: IssueCode, path: readonly (string | number)[], params: MessageParams) => void;
}
