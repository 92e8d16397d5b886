import type { Erratum } from './erratum';
import { recordingInvariant } from '../invariants/lib/define';
import { isTraced, procsByPid } from '../invariants/lib/procs';
import { Lineage } from './lineage';

/** E1: detach and give-back look the real parent up by pid, so a process that reused it adopts the child. */
export const e1ReusedPidAdopts: Erratum = recordingInvariant(
  {
    name: 'erratum-e1-reused-pid-adopts',
    erratum: 'E1',
    fixedBy: 'H9: proc_realparent() and the orphan list (kib, D417, 2014)',
    statement: 'a child is only ever handed to its real parent, its tracer or init, never to a process that reused its parent\'s pid',
    source: 'kern_exit.c:725-735; semantics.md §5 E1, §3.8 PT_DETACH',
    needs: ['snapshot'],
  },
  () => new Lineage(),
  (ctx, lineage) => {
    const before = procsByPid(ctx.before!);
    for (const p of ctx.after!.procs) {
      const was = before.get(p.pid);
      if (!was || was.ppid === p.ppid || p.ppid === 1 || isTraced(p)) continue;
      if (!lineage.isRealParent(p.ppid, p.pid)) return `pid ${p.pid} was handed to ${p.ppid}, which is not its real parent (pid ${p.ppid} was reused)`;
    }
    return null;
  },
);
