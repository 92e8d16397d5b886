import type { Invariant } from '../../runner/check';
import { stepInvariant } from './lib/define';
import { procsOf } from './lib/procs';
import { matchesWait, waitArgs } from './lib/selector';
import { hasUnknownOption } from './lib/wait-options';

/** kern_exit.c:833-836: ECHILD exactly when the scan found no matching child (any state counts). */
export const echildExact: Invariant = stepInvariant(
  {
    name: 'echild-exact',
    statement: 'a wait fails with ECHILD exactly when the caller has no child matching its selector',
    source: 'kern_exit.c:680-705, 833-836; semantics.md §3.4 step 4',
    needs: ['snapshot'],
    involves: { calls: ['wait4', 'owait'] },
  },
  ({ step, result, before, config }) => {
    const procs = procsOf(before!);
    const caller = procs.get(step.pid);
    const args = caller && waitArgs(step, caller.pgid);
    if (!caller || !args || hasUnknownOption(step, config.profile)) return null;
    const matching = caller.children.filter((c) => procs.has(c) && matchesWait(procs.get(c)!, args));
    const o = result.observations[0];
    if (o.errno === 'ECHILD' && matching.length > 0) return `wait(${args.wpid}) by ${step.pid} gave ECHILD with matching children ${matching.join(', ')}`;
    if (o.errno !== 'ECHILD' && matching.length === 0) return `wait(${args.wpid}) by ${step.pid} with no matching child gave ${o.errno ?? o.kind} instead of ECHILD`;
    return null;
  },
);
