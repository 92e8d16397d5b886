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
    if (step.call !== 'wait4' && step.call !== 'owait') return null;
    const procs = procsOf(before!);
    const caller = procs.get(step.pid);
    if (!caller || hasUnknownOption(step, config.profile)) return null;
    const args = waitArgs(step, caller.pgid)!;
    const matches = (pid: number): boolean => {
      const child = procs.get(pid);
      return child !== undefined && matchesWait(child, args);
    };
    let any = false;
    for (let i = 0; i < caller.children.length && !any; i++) any = matches(caller.children[i]);
    const o = result.observations[0];
    if (o.errno === 'ECHILD' && any) return `wait(${args.wpid}) by ${step.pid} gave ECHILD with matching children ${caller.children.filter(matches).join(', ')}`;
    if (o.errno !== 'ECHILD' && !any) return `wait(${args.wpid}) by ${step.pid} with no matching child gave ${o.errno ?? o.kind} instead of ECHILD`;
    return null;
  },
);
