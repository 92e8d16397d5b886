import type { Invariant } from '../../runner/check';
import { stepInvariant } from './lib/define';

/** kern_exit.c:837-841: with WNOHANG the call returns 0 instead of sleeping. */
export const wnohangNeverSleeps: Invariant = stepInvariant(
  {
    name: 'wnohang-never-sleeps',
    statement: 'a wait with WNOHANG never sleeps',
    source: 'kern_exit.c:837-841',
    needs: [],
    involves: { calls: ['wait4'] },
  },
  ({ step, result }) => {
    if (step.call !== 'wait4' || !step.options.includes('WNOHANG')) return null;
    const o = result.observations[0];
    if (o.kind === 'sleep') return `wait4(${step.wpid}, WNOHANG) by ${step.pid} slept`;
    if (o.kind === 'return' && !o.errno && o.ret === undefined) return `wait4(${step.wpid}, WNOHANG) by ${step.pid} returned no value`;
    return null;
  },
);
