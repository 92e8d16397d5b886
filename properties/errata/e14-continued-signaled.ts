import type { Erratum } from './erratum';
import { historyInvariant } from '../invariants/lib/define';
import { waitReports } from '../invariants/lib/wait-reports';

/** E14: at r176365 the continued status 0x13 also satisfies WIFSIGNALED (wait.h 1.22). */
export const e14ContinuedSignaled: Erratum = historyInvariant(
  {
    name: 'erratum-e14-continued-signaled',
    erratum: 'E14',
    fixedBy: 'H21: WIFSIGNALED excludes 0x13 (after 2008-08)',
    statement: 'a continued status is not also a signaled status',
    source: 'kern_exit.c:817-830; semantics.md §1.1, §5 E14',
    needs: [],
  },
  (ctx, history) => {
    for (const r of waitReports(ctx, history)) {
      if (r.what !== 'continue' || r.raw === null) continue;
      const low = r.raw & 0x7f;
      if (low !== 0 && low !== 0x7f) return `the continued status 0x${r.raw.toString(16)} of ${r.child} satisfies WIFSIGNALED`;
    }
    return null;
  },
);
