import type { Erratum } from './erratum';
import { hasFlag, procsByPid } from '../invariants/lib/procs';

/** E10: the vfork parent is woken by wakeup(child's parent), which misses it once the child moved (kern_exit.c:512). */
export const e10VforkHang: Erratum = {
  name: 'erratum-e10-vfork-hang',
  erratum: 'E10',
  fixedBy: 'H4(c): the vfork wait became a condition variable exit and exec broadcast (by 2009-12)',
  statement: 'a vfork parent sleeps only while its child is alive and has not yet exec\'d',
  source: 'kern_exit.c:235, 463-482, 512; semantics.md §3.1, §5 E10',
  needs: ['snapshot'],
  start: () => ({
    check({ after }) {
      const now = procsByPid(after!);
      for (const p of after!.procs) {
        if (p.sleeping?.chan !== 'ppwait') continue;
        const child = now.get(p.sleeping.child);
        if (!child || child.state === 'ZOMBIE' || !hasFlag(child, 'PPWAIT')) return `pid ${p.pid} still sleeps in vfork although child ${p.sleeping.child} has exited or exec'd`;
      }
      return null;
    },
  }),
};
