import type { Erratum } from './erratum';
import { historyInvariant } from '../invariants/lib/define';
import { procsByPid } from '../invariants/lib/procs';
import { matchesWait, waitArgs } from '../invariants/lib/selector';

/** E9: X28 wakes a NOCLDWAIT/SIG_IGN parent only if it has no children left (kern_exit.c:463-482). */
export const e9WaitWithoutChild: Erratum = historyInvariant(
  {
    name: 'erratum-e9-wait-without-child',
    erratum: 'E9',
    fixedBy: 'H4(b): the NOCLDWAIT path wakes the old parent unconditionally (by 2009-12)',
    statement: 'no process stays asleep in wait when none of its children matches the wait',
    source: 'kern_exit.c:463-482, 512; semantics.md §5 E9',
    needs: ['snapshot'],
  },
  (ctx, history) => {
    const now = procsByPid(ctx.after!);
    for (const p of ctx.after!.procs) {
      if (p.sleeping?.chan !== 'wait') continue;
      const issued = history.issuedBy(p.sleeping.step);
      const args = issued && waitArgs(issued, history.callerPgid(p.sleeping.step));
      if (!args) continue;
      if (!p.children.some((c) => now.has(c) && matchesWait(now.get(c)!, args))) return `pid ${p.pid} sleeps in wait(${args.wpid}) with no matching child`;
    }
    return null;
  },
);
