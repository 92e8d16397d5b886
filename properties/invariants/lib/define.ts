import type { CheckContext, Invariant } from '../../../runner/check';
import { StepHistory } from './history';

/** An invariant with no memory across steps: a pure check of one step's context. */
export function stepInvariant(
  meta: Omit<Invariant, 'start'>,
  check: (ctx: CheckContext) => string | null,
): Invariant {
  return { ...meta, start: () => ({ check }) };
}

/**
 * An invariant whose only memory is the run's step history (which call a sleeper's completion
 * belongs to, the caller's pgid then): the history is recorded before each check.
 */
export function historyInvariant<M extends Omit<Invariant, 'start'>>(
  meta: M,
  check: (ctx: CheckContext, history: StepHistory) => string | null,
): M & Invariant {
  return {
    ...meta,
    start: () => {
      const history = new StepHistory();
      return {
        check(ctx) {
          history.record(ctx);
          return check(ctx, history);
        },
      };
    },
  };
}
