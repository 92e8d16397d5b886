import type { Snapshot } from '../../../interleaving';
import type { CheckContext, Invariant } from '../../../runner/check';
import { historyOf, StepHistory } from './history';
import { Induction } from './induction';
import type { TableChanges } from './table-changes';
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
 * A check over the process table alone (the snapshot after the step). `changes` null: judge the
 * whole table. Otherwise the invariant held on `changes.before`, and it judges only what the
 * changes can have broken (each invariant's file says in one line why that suffices); both give
 * the same verdict.
 */
export type TableCheck = (table: Snapshot, changes: TableChanges | null) => string | null;

/**
 * An invariant over the process table alone. Its full verdict is a function of the snapshot, so it
 * is worked out once per snapshot object; incrementally, a step that changed nothing costs nothing.
 */
export function tableInvariant(meta: Omit<Invariant, 'start' | 'needs'>, check: TableCheck): Invariant {
  const slot = tableChecks++;
  return {
    ...meta,
    needs: ['snapshot'],
    start: () => {
      const induction = new Induction();
      return {
        check(ctx) {
          // A run keeps one mode: judged whole, the verdict on `before` is never asked for.
          if (ctx.mode !== 'incremental') return tableIndex(ctx.after!).verdict(slot, check);
          const changes = induction.changes(ctx);
          return induction.judged(ctx, changes === null ? tableIndex(ctx.after!).verdict(slot, check) : check(ctx.after!, changes));
        },
      };
    },
  };
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
  return {
    ...meta,
    start: () => {
      const own = new StepHistory();
      return { check: (ctx) => check(ctx, historyOf(ctx, own)) };
    },
  };
}
