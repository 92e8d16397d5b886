import type { Invariant } from '../../runner/check';
import { historyInvariant } from './lib/define';
import { isTraced, procsOf } from './lib/procs';
import { waitReports } from './lib/wait-reports';

/** kern_exit.c:798-801, 817: stops need WUNTRACED or a traced child; continues need WCONTINUED. */
export const reportNeedsOption: Invariant = historyInvariant(
  {
    name: 'report-needs-option',
    statement: 'a stop is reported only with WUNTRACED or to the tracer, a continue only with WCONTINUED',
    source: 'kern_exit.c:798-801, 817; semantics.md §3.4 f-g',
    needs: ['snapshot'],
    involves: { calls: [], waitReports: true },
  },
  (ctx, history) => {
    const reports = waitReports(ctx, history);
    if (reports.length === 0) return null;
    const before = procsOf(ctx.before!);
    const after = procsOf(ctx.after!);
    for (let i = 0; i < reports.length; i++) {
      const r = reports[i];
      const was = before.get(r.child);
      const now = after.get(r.child);
      const traced = (was !== undefined && isTraced(was)) || (now !== undefined && isTraced(now));
      if (r.what === 'stop' && !r.args.options.includes('WUNTRACED') && !traced) return `untraced ${r.child}'s stop was reported to ${r.waiter} without WUNTRACED`;
      if (r.what === 'continue' && !r.args.options.includes('WCONTINUED')) return `${r.child}'s continue was reported to ${r.waiter} without WCONTINUED`;
    }
    return null;
  },
);
