import type { Erratum } from './erratum';
import { procsByPid } from '../invariants/lib/procs';

/** E12: proc_reparent never adjusts pg_jobc, so after ptrace or exit reparenting it drifts (kern_exit.c:347, 859-874). */
export const e12JobcDrift: Erratum = {
  name: 'erratum-e12-jobc-drift',
  erratum: 'E12',
  fixedBy: 'H20: orphaned status computed on demand instead of pg_jobc (kib, 2020-12)',
  statement: 'pg_jobc equals the number of live members whose parent is in another pgrp of the same session',
  source: 'kern_exit.c:347, 859-874; semantics.md §3.12, §4 I11, §5 E12',
  needs: ['snapshot'],
  start: () => ({
    check({ after }) {
      const procs = procsByPid(after!);
      const pgrpSid = new Map(after!.pgrps.map((g) => [g.pgid, g.sid]));
      for (const g of after!.pgrps) {
        const qualified = g.members.filter((m) => {
          const p = procs.get(m);
          const parent = p && procs.get(p.ppid);
          return !!p && p.state !== 'ZOMBIE' && !!parent && parent.pgid !== g.pgid && pgrpSid.get(parent.pgid) === g.sid;
        }).length;
        if (g.jobc !== qualified) return `pgrp ${g.pgid} has jobc ${g.jobc} but ${qualified} qualifying members`;
      }
      return null;
    },
  }),
};
