import type { CheckContext, Invariant } from '../../../runner/check';
import { StepHistory } from './history';

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
 * An invariant whose only memory is the run's step history (which call a sleeper's completion
 * belongs to, the caller's pgid then).
 */
export function historyInvariant<M extends Omit<Invariant, 'start'>>(
  meta: M,
  check: (ctx: CheckContext, history: StepHistory) => string | null,
): M & Invariant {
  return recordingInvariant(meta, () => new StepHistory(), check);
}
