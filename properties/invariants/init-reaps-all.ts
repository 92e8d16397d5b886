import type { ProcView } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { isStopped, isTraced, procsOf } from './lib/procs';

/**
 * After init (as root) sends SIGKILL to everyone and keeps reaping until ECHILD, nothing is left but init,
 * except what SIGKILL cannot reach: traced processes stopped for a tracer that survives too (E15),
 * processes in an uninterruptible sleep that will not end (an rfork leader waiting in exit1 for such
 * a peer, X8; a vfork parent that missed its wakeup, E10), and their zombie children (kern_exit.c:422-440, 707-797; semantics.md §9.1). A plain wait's
 * ECHILD says nothing about RFLINUXTHPN children, which only a WLINUXCLONE wait sees (L699-703).
 */
export const initReapsAll: Invariant = {
  name: 'init-reaps-all',
  statement: 'once init has killed everyone and reaped until ECHILD, only init and what a surviving tracer holds back remain',
  source: 'kern_exit.c:422-440, 699-703, 707-797, 833-836; semantics.md §9.1, §5 E15',
  needs: ['snapshot'],
  start() {
    /** True from init's kill(-1, SIGKILL) while only init acts. */
    let draining = false;
    /** Which kinds of child init's last waits proved gone: plain (SIGCHLD) and Linux-clone ones. */
    const done = { plain: false, clone: false };
    let last = false;
    return {
      check({ step, result, before }) {
        // Most steps are not init's, or not while it drains: the rest is read only then (each field of a Step costs a megamorphic load).
        if (step.pid !== 1) draining = false;
        else if (step.call === 'kill' && step.target === -1 && step.sig === 'SIGKILL' && !result.observations[0].errno && procsOf(before!).get(1)?.uid === 0) {
          draining = true;
          done.plain = done.clone = false;
        }
        if (!draining) {
          last = false;
          return null;
        }
        const o = result.observations[0];
        const all = step.call === 'owait' || (step.call === 'wait4' && step.wpid === -1);
        const clone = step.call === 'wait4' && step.options.includes('WLINUXCLONE');
        last = all && o.errno === 'ECHILD';
        if (last) done[clone ? 'clone' : 'plain'] = true;
        return null;
      },
      finish(end) {
        if (!end || !last) return null;
        const procs = procsOf(end.after!);
        const stuck = (p: ProcView | undefined): boolean =>
          !!p && p.state === 'NORMAL' && ((isTraced(p) && isStopped(p)) || p.sleeping?.chan === 'exit1' || p.sleeping?.chan === 'ppwait');
        for (const p of end.after!.procs) {
          if (p.pid === 1 || stuck(p) || (p.state === 'ZOMBIE' && stuck(procs.get(p.ppid)))) continue;
          const unseen = p.ppid === 1 && !done[p.sigparent === 'SIGCHLD' ? 'plain' : 'clone'];
          if (unseen) continue;
          return `after init reaped until ECHILD, ${p.state} pid ${p.pid} (parent ${p.ppid}) remains`;
        }
        return null;
      },
    };
  },
};
