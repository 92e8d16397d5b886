import type { Erratum } from './erratum';
import { procsByPid } from '../invariants/lib/procs';

const CLD_EXITED = 1;

/** E6: childproc_exited puts the whole wait status word in si_status, not the exit code (kern_exit.c:484-491). */
export const e6SiStatusRaw: Erratum = {
  name: 'erratum-e6-si-status-raw',
  erratum: 'E6',
  fixedBy: 'H14: p_xstat split into p_xexit and p_xsig (kib, 2016)',
  statement: "a SIGCHLD handler's si_status for an exited child is its exit code (0-255)",
  source: 'kern_exit.c:484-491; semantics.md §3.9.6, §5 E6',
  needs: ['snapshot'],
  start: () => ({
    check({ before, after }) {
      const was = procsByPid(before!);
      for (const p of after!.procs) {
        const old = was.get(p.pid)?.handled.length ?? 0;
        const bad = p.handled.slice(old).find((h) => h.code === CLD_EXITED && h.status !== undefined && h.status > 255);
        if (bad) return `pid ${p.pid}'s SIGCHLD handler got si_status ${bad.status} for the exit of ${bad.from}`;
      }
      return null;
    },
  }),
};
