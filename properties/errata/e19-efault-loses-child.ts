import type { Erratum } from './erratum';
import { procsByPid } from '../invariants/lib/procs';

/** E19: wait4 copies the status out after the reap, so a bad pointer loses the child (kern_exit.c:637-652). */
export const e19EfaultLosesChild: Erratum = {
  name: 'erratum-e19-efault-loses-child',
  erratum: 'E19',
  fixedBy: 'none recorded: the reap still precedes the copyout (semantics.md §5 E19)',
  statement: 'a wait that fails with EFAULT consumes no child',
  source: 'kern_exit.c:637-652, 741-796; semantics.md §5 E19',
  needs: ['snapshot'],
  start: () => ({
    check({ step, result, before, after }) {
      if (step.call !== 'wait4' || result.observations[0].errno !== 'EFAULT') return null;
      const now = procsByPid(after!);
      const me = procsByPid(before!).get(step.pid)!;
      const lost = me.children.find((c) => !now.has(c));
      return lost !== undefined ? `wait4 by ${step.pid} failed with EFAULT but reaped ${lost}` : null;
    },
  }),
};
