import type { Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { historyOf, StepHistory } from './lib/history';
import { PerProcess } from './lib/lifetimes';
import { hasFlag, isStopped, procsOf } from './lib/procs';
import { waitReports } from './lib/wait-reports';

/**
 * I9: P_CONTINUED is set when SIGCONT resumes a stopped process and cleared by the report
 * (kern_exit.c:817-830), so a continue is reported once; another needs a new stop first.
 */
export const continueReportedOnce: Invariant = {
  name: 'continue-reported-once',
  statement: 'each continue is reported by wait at most once (P_CONTINUED)',
  source: 'kern_exit.c:817-830; semantics.md §4 I9, §3.9.2',
  needs: ['snapshot'],
  start() {
    const own = new StepHistory();
    const reported = new PerProcess<true>();
    /** The last `after` that `reported` was cut down to: with no new report, the same table keeps them all. */
    let cut: Snapshot | null = null;
    return {
      check(ctx) {
        const history = historyOf(ctx, own);
        reported.forgetNew(ctx);
        const reports = waitReports(ctx, history);
        const wasCut = ctx.after !== null && ctx.after === cut;
        cut = null;
        if (reports.length === 0 && (reported.size === 0 || wasCut)) {
          cut = ctx.after;
          return null;
        }
        const before = procsOf(ctx.before!);
        for (let i = 0; i < reports.length; i++) {
          const r = reports[i];
          if (r.what !== 'continue') continue;
          const was = before.get(r.child);
          if (r.position === 0 && was && !hasFlag(was, 'CONTINUED')) return `wait by ${r.waiter} reported a continue of ${r.child}, which had no P_CONTINUED`;
          if (reported.has(r.child)) return `the continue of ${r.child} was reported twice (last to ${r.waiter})`;
          reported.set(r.child, true);
        }
        const after = procsOf(ctx.after!);
        for (const pid of reported.keys()) {
          const p = after.get(pid);
          if (!p || isStopped(p) || hasFlag(p, 'CONTINUED')) reported.delete(pid);
        }
        cut = ctx.after;
        return null;
      },
    };
  },
};
