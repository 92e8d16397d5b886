import type { Snapshot } from '../../../interleaving';
import type { CheckContext } from '../../../runner/check';
import type { TableChanges } from './table-changes';
import { tableIndex } from './table-index';

/**
 * The induction behind incremental checking, for one invariant in one run: when the invariant held
 * on the step's `before` (it was that step's `after`, judged with the verdict null), only what the
 * step changed can break it, so `changes` gives the step's change set; otherwise (full mode, the
 * first step, after a failure, a target without snapshots) it gives null: judge everything.
 */
export class Induction {
  /** The last `after` the invariant held on. */
  private held: Snapshot | null = null;

  /** The step's change set when only it needs judging, else null. */
  changes(ctx: CheckContext): TableChanges | null {
    const { before, after } = ctx;
    if (ctx.mode !== 'incremental' || before === null || after === null || before !== this.held) return null;
    return tableIndex(after).changesSince(before);
  }

  /** Notes the verdict on the step's `after` (the next step's `before`), and passes it on. */
  judged(ctx: CheckContext, verdict: string | null): string | null {
    this.held = verdict === null ? ctx.after : null;
    return verdict;
  }
}
