import type { Snapshot } from '../../../interleaving';
import type { CheckContext, Invariant } from '../../../runner/check';
import { StepHistory } from './history';
import { tableIndex } from './table-index';

/** An invariant with no memory across steps: a pure check of one step's context. */
export function stepInvariant(
  meta: Omit<Invariant, 'start'>,
  check: (ctx: CheckContext) => string | null,
): Invariant {
  return { ...meta, start: () => ({ check }) };
}

/** Per-run memory that is brought up to date with each step before the check reads it. */
export interface StepRecorder {
  record(ctx: CheckContext): void;
}

/** An invariant whose only memory is a recorder (updated before each check). */
export function recordingInvariant<M extends Omit<Invariant, 'start'>, R extends StepRecorder>(
  meta: M,
  makeRecorder: () => R,
  check: (ctx: CheckContext, recorder: R) => string | null,
): M & Invariant {
  return {
    ...meta,
    start: () => {
      const recorder = makeRecorder();
      return {
        check(ctx) {
          recorder.record(ctx);
          return check(ctx, recorder);
        },
      };
    },
  };
}

/**
 * An invariant over the process table alone (the snapshot after the step). Its verdict is a function
 * of the snapshot, so it is worked out once per snapshot object: a step that changed nothing (the
 * oracle then gives back the same snapshot) costs a lookup.
 */
export function tableInvariant(meta: Omit<Invariant, 'start' | 'needs'>, check: (table: Snapshot) => string | null): Invariant {
  const slot = tableChecks++;
  return stepInvariant({ ...meta, needs: ['snapshot'] }, ({ after }) => tableIndex(after!).verdict(slot, check));
}

/** How many table invariants exist: each has its own verdict slot in a snapshot's index. */
let tableChecks = 0;

/**
 * An invariant whose only memory is the run's step history (which call a sleeper's completion
 * belongs to, the caller's pgid then).
 */
export function historyInvariant<M extends Omit<Invariant, 'start'>>(
  meta: M,
  check: (ctx: CheckContext, history: StepHistory) => string | null,
): M & Invariant {
  return recordingInvariant(meta, () => new StepHistory(), check);
}
