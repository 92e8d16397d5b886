import type { Erratum } from './erratum';
import { procsByPid } from '../invariants/lib/procs';

/** E17: the give-back reparents a zombie without looking at the receiver's SIGCHLD settings (kern_exit.c:725-735). */
export const e17GivebackToNocldwait: Erratum = {
  name: 'erratum-e17-giveback-to-nocldwait',
  erratum: 'E17',
  fixedBy: 'H9: reaping goes through proc_realparent and the orphan list (kib, 2014)',
  statement: 'a zombie is never handed to a process that ignores SIGCHLD or set SA_NOCLDWAIT',
  source: 'kern_exit.c:463-482, 725-735; semantics.md §5 E17',
  needs: ['snapshot'],
  start: () => ({
    check({ before, after }) {
      const was = procsByPid(before!);
      const now = procsByPid(after!);
      for (const p of after!.procs) {
        if (p.state !== 'ZOMBIE' || p.ppid === 1 || was.get(p.pid)?.ppid === p.ppid) continue;
        const parent = now.get(p.ppid);
        if (parent && (parent.psFlags.includes('PS_NOCLDWAIT') || parent.psFlags.includes('PS_CLDSIGIGN'))) {
          return `zombie ${p.pid} was handed to ${p.ppid}, which ignores SIGCHLD or set SA_NOCLDWAIT`;
        }
      }
      return null;
    },
  }),
};
