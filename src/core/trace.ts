/**
 * One step of a calculation, as it happened: what it applied to, which rule, the exact decimal
 * values it used and the value it gave. `explain` turns these into sentences.
 */
export interface TraceStep {
  /** What the step applies to: `indicator:<id>`, `group:<id>`, `bonus`, `deduction`, `veto:<id>` or `total`. */
  readonly at: string;
  /**
   * The rule applied: a scoring method (`completion`, `band`, `steps`, `grade`, `deduction`,
   * `bonus`, `rank`, `votes`, `direct`, `custom`), or `not-applicable`, `unit` (a ratio multiplied
   * by 100 before its method), `round`, `sum`, `convert`, `adjust`, `veto`, `flag`, `clamp`.
   */
  readonly rule: string;
  /** The inputs and intermediate values, as exact decimal strings (or names). */
  readonly values: Readonly<Record<string, string>>;
  /** The value the step gave, as an exact decimal string. */
  readonly result: string;
}

/** Values recorded by a step, by name. @internal */
export type TraceValues = Record<string, string>;
