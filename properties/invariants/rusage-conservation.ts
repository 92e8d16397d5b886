import type { ProcView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { Induction } from './lib/induction';

/** The ticks a process holds: a zombie's own usage took in its children's (kern_exit.c:529). */
const holds = (p: ProcView): number => (p.state === 'ZOMBIE' ? p.ru.utime : p.ru.utime + p.cru.utime);

function total(procs: readonly ProcView[]): number {
  let n = 0;
  for (let i = 0; i < procs.length; i++) n += holds(procs[i]);
  return n;
}

/**
 * I12, §3.13: every tick run is held exactly once: in a live process's own or children's usage, or
 * in a zombie's usage (which took in its children's at kern_exit.c:529), or in the children's usage
 * of whoever really reaped it (kern_exit.c:757). A give-back adds nothing.
 */
export const rusageConservation: Invariant = {
  name: 'rusage-conservation',
  statement: 'the ticks run so far equal the usage held by live processes (own plus children) and zombies',
  source: 'kern_exit.c:529, 757; semantics.md §3.13, §4 I12',
  needs: ['snapshot'],
  start() {
    const induction = new Induction();
    let ran = 0;
    /** What the table held after the last step. */
    let held = 0;
    /** The table `held` was summed over (the same table holds the same). */
    let heldBy: Snapshot | null = null;
    return {
      check(ctx) {
        const { step, result, after } = ctx;
        const o = result.observations[0];
        if (step.call === 'run' && o.kind === 'return' && !o.errno) ran += step.ticks;
        // Incrementally: `before` held `held`, so the sum moves only by the views the step changed.
        const changes = induction.changes(ctx);
        if (changes) held = held - total(changes.procs.stale) + total(changes.procs.fresh);
        else if (after !== heldBy) held = total(after!.procs);
        heldBy = after;
        return induction.judged(ctx, held === ran ? null : `${ran} ticks were run but the table holds ${held}`);
      },
    };
  },
};
