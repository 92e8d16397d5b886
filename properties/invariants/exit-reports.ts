import type { ProcView } from '../../interleaving';
import type { CheckContext, Invariant } from '../../runner/check';
import { StepHistory } from './lib/history';
import { PerProcess } from './lib/lifetimes';
import { procsByPid } from './lib/procs';
import { waitReports } from './lib/wait-reports';

/** Why init may receive a child during the step: its parent ignores SIGCHLD or has exited (X25, X28). */
function mayGoToInit(ctx: CheckContext, child: ProcView | undefined): boolean {
  if (!child) return true;
  const parent = procsByPid(ctx.after!).get(child.ppid);
  return !parent || parent.state === 'ZOMBIE' || parent.psFlags.includes('PS_NOCLDWAIT') || parent.psFlags.includes('PS_CLDSIGIGN');
}

/**
 * A process's exit is reported at most twice: once to its parent (its tracer, if traced), and once
 * more only after the give-back to the process holding its oppid (kern_exit.c:707-735; E4).
 */
export const exitReports: Invariant = {
  name: 'exit-reports',
  statement: 'a process is reported exited at most twice, first to its parent or tracer, then only to whom it was handed back',
  source: 'kern_exit.c:707-735; semantics.md §4 I3, §5 E4',
  needs: ['snapshot'],
  start() {
    const history = new StepHistory();
    /** Per reported child: the waiter that may see it a second time. */
    const second = new PerProcess<number | null>();
    return {
      check(ctx) {
        history.record(ctx);
        second.forgetNew(ctx);
        const before = procsByPid(ctx.before!);
        const after = procsByPid(ctx.after!);
        for (const r of waitReports(ctx, history)) {
          if (r.what !== 'exit') continue;
          const was = before.get(r.child);
          if (second.has(r.child)) {
            const allowed = second.get(r.child);
            if (allowed === null) return `pid ${r.child} was reported exited a third time, to ${r.waiter}`;
            if (allowed !== r.waiter) return `pid ${r.child} was reported exited again to ${r.waiter}, not to ${allowed} it was handed back to`;
            second.set(r.child, null);
            continue;
          }
          const parents = new Set([was?.ppid, after.get(r.child)?.ppid]);
          if (!parents.has(r.waiter) && !(r.waiter === 1 && mayGoToInit(ctx, was))) {
            return `pid ${r.child} was reported exited to ${r.waiter}, which is neither its parent nor its tracer (${[...parents].join(', ')})`;
          }
          second.set(r.child, was && was.oppid !== 0 ? was.oppid : null);
        }
        return null;
      },
    };
  },
};
