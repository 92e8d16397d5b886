import type { Invariant } from '../../runner/check';
import { historyInvariant } from './lib/define';
import { procsOf } from './lib/procs';
import { matchesWait } from './lib/selector';
import { waitReports } from './lib/wait-reports';

/** A wait reports only a child that its pid selector and WLINUXCLONE filter accept (kern_exit.c:664-703). */
export const waitSelector: Invariant = historyInvariant(
  {
    name: 'wait-selector',
    statement: 'wait returns only children that match its pid selector and its WLINUXCLONE option',
    source: 'kern_exit.c:664-703; semantics.md §3.4',
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
      // A sleeper may report a child that appeared during the step; its pgrp and sigparent stay put.
      const child = before.get(r.child) ?? after.get(r.child);
      const waiter = before.get(r.waiter) ?? after.get(r.waiter);
      if (!child || !waiter) return `wait by ${r.waiter} returned ${r.child}, which did not exist`;
      // A child reparented during this step, or exiting under a SIG_IGN parent, had its sigparent
      // reset to SIGCHLD (kern_exit.c:430, 472).
      const moved = child.ppid !== r.waiter || (r.what !== 'stop' && r.what !== 'continue' && child.state !== 'ZOMBIE');
      if (!matchesWait(child, r.args, moved ? 'SIGCHLD' : child.sigparent) && !(moved && matchesWait(child, r.args))) {
        return `wait(${r.args.wpid}, [${r.args.options.join(',')}]) by ${r.waiter} returned ${r.child} (pgid ${child.pgid}, sigparent ${child.sigparent})`;
      }
    }
    return null;
  },
);
