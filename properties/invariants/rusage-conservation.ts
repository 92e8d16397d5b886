import type { Invariant } from '../../runner/check';

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
    let ran = 0;
    return {
      check({ step, result, after }) {
        const o = result.observations[0];
        if (step.call === 'run' && o.kind === 'return' && !o.errno) ran += step.ticks;
        let held = 0;
        for (const p of after!.procs) held += p.state === 'ZOMBIE' ? p.ru.utime : p.ru.utime + p.cru.utime;
        return held === ran ? null : `${ran} ticks were run but the table holds ${held}`;
      },
    };
  },
};
