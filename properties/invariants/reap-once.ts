import type { Invariant } from '../../runner/check';
import { faultedWaiters } from './lib/faulted-waits';
import { historyOf, StepHistory } from './lib/history';
import { PerProcess } from './lib/lifetimes';
import { freedPids, procsOf } from './lib/procs';
import { detaches, mayGoToInit } from './lib/reparent-to-init';
import { type WaitReport, waitReports } from './lib/wait-reports';

/** The index of the first report of `child`'s exit, or -1. */
function firstExitReport(reports: readonly WaitReport[], child: number): number {
  for (let i = 0; i < reports.length; i++) if (reports[i].what === 'exit' && reports[i].child === child) return i;
  return -1;
}

const reportsExit = (reports: readonly WaitReport[], child: number): boolean => firstExitReport(reports, child) >= 0;

/**
 * I3: a zombie is freed only by a wait that reports it; a reported zombie that survives was handed
 * back to `pfind(oppid)` with oppid cleared, which can happen once (kern_exit.c:707-797).
 */
export const reapOnce: Invariant = {
  name: 'reap-once',
  statement: 'a process is freed only when a wait reports its exit (or loses it to EFAULT), and a reported zombie is handed over at most once',
  source: 'kern_exit.c:637-652, 707-797 (zombie branch, give-back 725-735); semantics.md §4 I3, §5 E19',
  needs: ['snapshot'],
  start() {
    const own = new StepHistory();
    const handedOver = new PerProcess<true>();
    return {
      check(ctx) {
        const history = historyOf(ctx, own);
        handedOver.forgetNew(ctx);
        const reports = waitReports(ctx, history);
        const freed = freedPids(ctx.before!, ctx.after!);
        if (reports.length === 0 && freed.length === 0) return null;
        const before = procsOf(ctx.before!);
        const after = procsOf(ctx.after!);
        // E19: wait4 reaps before its copyout, so a wait that failed with EFAULT may have freed a child.
        const faulted = faultedWaiters(ctx.result);
        for (let i = 0; i < freed.length; i++) {
          const p = before.get(freed[i])!;
          if (reportsExit(reports, p.pid)) continue;
          const newParent = detaches(ctx, p.pid) && faulted.has(p.oppid);
          if (!faulted.has(p.ppid) && !newParent && !(faulted.has(1) && mayGoToInit(ctx, p))) return `pid ${p.pid} left the table without a wait reporting its exit`;
        }
        for (let i = 0; i < reports.length; i++) {
          const child = reports[i].child;
          // Each reported child once, at its first exit report.
          if (reports[i].what !== 'exit' || firstExitReport(reports, child) !== i) continue;
          const survivor = after.get(child);
          if (!survivor) continue;
          const was = before.get(child);
          if (survivor.state !== 'ZOMBIE') return `pid ${child} was reported exited but is ${survivor.state}`;
          if (survivor.oppid !== 0) return `zombie ${child} was reported but not freed, and its oppid is still ${survivor.oppid}`;
          if (was && was.oppid === 0) return `zombie ${child} with oppid 0 was reported but not freed`;
          // The receiver may itself exit in the same step, passing the zombie on to init (kern_exit.c:426-440).
          const receiver = after.get(was?.oppid ?? -1);
          const passedOn = survivor.ppid === 1 && (!receiver || receiver.state === 'ZOMBIE');
          if (was && survivor.ppid !== was.oppid && !passedOn) return `zombie ${child} was handed to ${survivor.ppid}, not to its oppid ${was.oppid}`;
          if (handedOver.has(child)) return `zombie ${child} was handed over a second time`;
          handedOver.set(child, true);
        }
        return null;
      },
    };
  },
};
