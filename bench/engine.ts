/**
 * The engine as the benchmark calls it for workload 1: one function, so that a faster path with
 * the same output can be switched in on one line.
 */
import { scoreTotals, type Scheme, type SubjectInput } from "../src/index.js";

/** A subject's total as the engine gives it. */
export interface EngineTotal {
  readonly subjectId: string;
  readonly total: number | string;
}

/** Every subject's total under `scheme`, sorted by subject id: the exact fast path, `scoreTotals`. */
export function engineTotals(scheme: Scheme, subjects: readonly SubjectInput[]): EngineTotal[] {
  return scoreTotals(scheme, subjects);
}
