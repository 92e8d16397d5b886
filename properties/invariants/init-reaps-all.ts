import type { ProcView } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { isStopped, isTraced, procsByPid } from './lib/procs';

/**
 * After init sends SIGKILL to everyone and keeps reaping until ECHILD, nothing is left but init,
 * except what SIGKILL cannot reach: traced processes stopped for a tracer that survives too (E15),
 * and their zombie children (kern_exit.c:422-440, 707-797; semantics.md §9.1).
 */
export const initReapsAll: Invariant = {
  name: 'init-reaps-all',
  statement: 'once init has killed everyone and reaped until ECHILD, only init and processes stuck under surviving tracers remain',
  source: 'kern_exit.c:422-440, 707-797, 833-836; semantics.md §9.1, §5 E15',
  needs: ['snapshot'],
  start() {
    /** True from init's kill(-1, SIGKILL) while only init acts. */
    let draining = false;
    let endsInEchild = false;
    return {
      check({ step, result }) {
        const o = result.observations[0];
        if (step.pid !== 1) draining = false;
        else if (step.call === 'kill' && step.target === -1 && step.sig === 'SIGKILL') draining = true;
        endsInEchild = draining && (step.call === 'wait4' || step.call === 'owait') && o.errno === 'ECHILD';
        return null;
      },
      finish(last) {
        if (!last || !endsInEchild) return null;
        const procs = procsByPid(last.after!);
        const stuck = (p: ProcView | undefined): boolean => !!p && p.state === 'NORMAL' && isTraced(p) && isStopped(p);
        for (const p of last.after!.procs) {
          if (p.pid === 1 || stuck(p) || (p.state === 'ZOMBIE' && stuck(procs.get(p.ppid)))) continue;
          return `after init reaped until ECHILD, ${p.state} pid ${p.pid} (parent ${p.ppid}) remains`;
        }
        return null;
      },
    };
  },
};
