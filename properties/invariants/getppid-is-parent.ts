import type { Invariant } from '../../runner/check';
import { stepInvariant } from './lib/define';
import { procsOf } from './lib/procs';

/** §3.11: getppid returns p_pptr's pid: the tracer for a traced process (E8), init for an orphan. */
export const getppidIsParent: Invariant = stepInvariant(
  {
    name: 'getppid-is-parent',
    statement: "getppid returns the caller's current parent (its tracer when traced)",
    source: 'semantics.md §3.11, §5 E8',
    needs: ['snapshot'],
    involves: { calls: ['getppid'] },
  },
  ({ step, result, before }) => {
    if (step.call !== 'getppid') return null;
    const want = procsOf(before!).get(step.pid)?.ppid;
    const got = result.observations[0].ret;
    return got === want ? null : `getppid by ${step.pid} returned ${got}, not its parent ${want}`;
  },
);
