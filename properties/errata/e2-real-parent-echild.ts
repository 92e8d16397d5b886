import type { Erratum } from './erratum';
import { recordingInvariant } from '../invariants/lib/define';
import { isTraced, procsByPid } from '../invariants/lib/procs';
import { matchesWait, waitArgs } from '../invariants/lib/selector';
import { Lineage } from './lineage';

/** E2: a child traced by another process leaves its real parent's children list, so the parent gets ECHILD. */
export const e2RealParentEchild: Erratum = recordingInvariant(
  {
    name: 'erratum-e2-real-parent-echild',
    erratum: 'E2',
    fixedBy: 'H8/H11: the orphan list; "Do not allow a process to reap an orphan" (jhb, D2644, 2015)',
    statement: "a parent's wait never fails with ECHILD while a child of its is traced by another process",
    source: 'kern_exit.c:680-705, 833-836; semantics.md §5 E2',
    needs: ['snapshot'],
  },
  () => new Lineage(),
  (ctx, lineage) => {
    const caller = procsByPid(ctx.before!).get(ctx.step.pid)!;
    const args = waitArgs(ctx.step, caller.pgid);
    if (!args || ctx.result.observations[0].errno !== 'ECHILD') return null;
    const lost = ctx.before!.procs.find(
      (p) => isTraced(p) && p.ppid !== caller.pid && p.oppid === caller.pid && lineage.isRealParent(caller.pid, p.pid) && matchesWait(p, args),
    );
    return lost ? `wait by ${caller.pid} gave ECHILD although its child ${lost.pid} exists, traced by ${lost.ppid}` : null;
  },
);
