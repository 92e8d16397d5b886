import type { Erratum } from './erratum';
import { StepHistory } from '../invariants/lib/history';
import { PerProcess } from '../invariants/lib/lifetimes';
import { waitReports } from '../invariants/lib/wait-reports';

/** E4: the give-back to oppid == the waiter itself reports the same exit to it twice (kern_exit.c:725-735). */
export const e4DoubleReport: Erratum = {
  name: 'erratum-e4-double-report',
  erratum: 'E4',
  fixedBy: 'H12: no give-back to the current parent (jhb, 2015; tests ptrace__parent_wait_after_trace_me/_attach)',
  statement: 'a process never sees the same exit of a child twice',
  source: 'kern_exit.c:725-735; semantics.md §5 E4',
  needs: ['snapshot'],
  start() {
    const history = new StepHistory();
    const seenBy = new PerProcess<Set<number>>();
    return {
      check(ctx) {
        history.record(ctx);
        seenBy.forgetNew(ctx);
        for (const r of waitReports(ctx, history)) {
          if (r.what !== 'exit') continue;
          const waiters = seenBy.get(r.child) ?? new Set<number>();
          if (waiters.has(r.waiter)) return `pid ${r.waiter} was told twice that ${r.child} exited`;
          seenBy.set(r.child, waiters.add(r.waiter));
        }
        return null;
      },
    };
  },
};
