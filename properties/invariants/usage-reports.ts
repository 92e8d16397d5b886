import type { Invariant } from '../../runner/check';
import { UNSPECIFIED } from '../../interleaving';
import { historyInvariant } from './lib/define';
import { procsOf } from './lib/procs';
import { waitReports } from './lib/wait-reports';

/**
 * §3.13: getrusage reports the caller's own usage or its reaped children's; wait4's rusage for a
 * zombie is the zombie's usage, its reaped descendants included (kern_exit.c:708-712, 529).
 */
export const usageReports: Invariant = historyInvariant(
  {
    name: 'usage-reports',
    statement: "getrusage returns the caller's own or children's ticks, and wait4 a zombie's ticks",
    source: 'kern_exit.c:529, 708-712; semantics.md §3.13',
    needs: ['snapshot'],
    involves: { calls: ['getrusage'], waitReports: true },
  },
  (ctx, history) => {
    const { step, result } = ctx;
    const o = result.observations[0];
    if (step.call === 'getrusage' && !o.errno) {
      const me = procsOf(ctx.before!).get(step.pid)!;
      const want = step.who === 'RUSAGE_SELF' ? me.ru.utime : me.cru.utime;
      const got = o.rusage === undefined || o.rusage === UNSPECIFIED ? o.rusage : o.rusage.utime;
      if (got !== want) return `getrusage(${step.who}) by ${step.pid} gave ${JSON.stringify(got)}, not ${want}`;
    }
    const reports = waitReports(ctx, history);
    if (reports.length === 0) return null;
    const before = procsOf(ctx.before!);
    for (let i = 0; i < reports.length; i++) {
      const r = reports[i];
      const z = before.get(r.child);
      if (r.what !== 'exit' || !z || z.state !== 'ZOMBIE' || r.obs.rusage === undefined || r.obs.rusage === UNSPECIFIED) continue;
      if (r.obs.rusage.utime !== z.ru.utime) return `wait4 by ${r.waiter} reported ${r.child}'s usage as ${r.obs.rusage.utime}, not ${z.ru.utime}`;
    }
    return null;
  },
);
