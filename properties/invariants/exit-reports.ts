import type { Invariant } from '../../runner/check';
import { faultedWaiters } from './lib/faulted-waits';
import { historyOf, StepHistory } from './lib/history';
import { PerProcess } from './lib/lifetimes';
import { procsOf } from './lib/procs';
import { detaches, mayGoToInit } from './lib/reparent-to-init';
import { Tracers } from './lib/tracers';
import { waitReports } from './lib/wait-reports';

/**
 * A process's exit is reported at most twice: once to its parent (its tracer, if traced), and once
 * more only after the give-back to the process holding its oppid (kern_exit.c:707-735; E4).
 */
export const exitReports: Invariant = {
  name: 'exit-reports',
  statement: 'a process is reported exited at most twice (the second time after a give-back), each time to its parent or tracer of the moment',
  source: 'kern_exit.c:707-735; semantics.md §4 I3, §5 E4',
  needs: ['snapshot'],
  start() {
    const own = new StepHistory();
    const reports = new PerProcess<number>();
    /** Where the first report's give-back sent the zombie (its oppid). */
    const handedTo = new PerProcess<number>();
    /** Where PT_ATTACH does not reparent (Linux), the tracer is not the parent: the calls say who it is. */
    const tracers = new Tracers();
    return {
      check(ctx) {
        const history = historyOf(ctx, own);
        reports.forgetNew(ctx);
        handedTo.forgetNew(ctx);
        tracers.record(ctx);
        const exits = waitReports(ctx, history);
        if (exits.length === 0) return null;
        const before = procsOf(ctx.before!);
        const after = procsOf(ctx.after!);
        // A wait that failed with EFAULT may still have reaped or handed back a zombie (E19).
        const faulted = faultedWaiters(ctx.result);
        for (let i = 0; i < exits.length; i++) {
          const r = exits[i];
          if (r.what !== 'exit') continue;
          const was = before.get(r.child);
          const times = (reports.get(r.child) ?? 0) + 1;
          if (times > 2) return `pid ${r.child} was reported exited a third time, to ${r.waiter}`;
          reports.set(r.child, times);
          // The second report follows a give-back: the zombie is then the child of whoever holds its oppid.
          // PT_DETACH hands the child back to pfind(oppid), or to init (semantics.md §3.8).
          const parents = [was?.ppid, after.get(r.child)?.ppid, tracers.of(r.child), times === 2 ? handedTo.get(r.child) : undefined];
          if (detaches(ctx, r.child)) parents.push(was?.oppid);
          if (was && faulted.has(was.ppid)) parents.push(was.oppid);
          if (!parents.includes(r.waiter) && !(r.waiter === 1 && mayGoToInit(ctx, was))) {
            return `pid ${r.child} was reported exited to ${r.waiter}, which is neither its parent nor its tracer (${[...new Set(parents)].filter((x) => x !== undefined).join(', ')})`;
          }
          if (times === 1 && was && was.oppid !== 0) handedTo.set(r.child, was.oppid);
        }
        return null;
      },
    };
  },
};
