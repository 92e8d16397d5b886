/**
 * Stryker's surviving mutants on oracle/, each judged by hand: equivalent (no observable behaviour
 * of the model changes), with the reason. A survivor not listed here is reported as unexplained.
 * Survivors that a new test killed are not listed: they show as killed in the next run.
 */
export interface Verdict {
  /** Repository-relative path of the mutated file. */
  file: string;
  /** 1-based line of the mutation. */
  line: number;
  /** Stryker's mutator name (e.g. `ConditionalExpression`). */
  mutator: string;
  /** Why no test can tell the mutant from the original. */
  equivalent: string;
}

export const EQUIVALENT_MUTANTS: readonly Verdict[] = [];
