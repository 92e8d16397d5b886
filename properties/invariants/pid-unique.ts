import type { Invariant } from '../../runner/check';
import { Induction } from './lib/induction';
import { createdPids, procsOf } from './lib/procs';
import { tableIndex } from './lib/table-index';

/** I5, §3.2: a new pid is not held by any process, process group or session, and is below pidMax. */
export const pidUnique: Invariant = {
  name: 'pid-unique',
  statement: 'a new pid differs from every live and zombie pid and every pgrp and session id, and is below pidMax',
  source: 'semantics.md §3.2, §4 I5 (fork1 pid allocation)',
  needs: ['snapshot'],
  start() {
    const induction = new Induction();
    return {
      check(ctx) {
        const { before, after, config } = ctx;
        // Incrementally: `before` had no pid twice, so a repeat in `after` involves a changed or new entry.
        const changes = induction.changes(ctx);
        const repeated = changes ? changes.procs.repeated : procsOf(after!).size !== after!.procs.length;
        if (repeated) return induction.judged(ctx, 'two processes share a pid');
        const fresh = createdPids(before!, after!);
        if (fresh.length === 0) return induction.judged(ctx, null);
        const { procs, pgrps, sessions } = tableIndex(before!);
        for (const pid of fresh) {
          if (procs.has(pid) || pgrps.has(pid) || sessions.has(pid)) return induction.judged(ctx, `new pid ${pid} is already a pid, pgid or sid`);
          if (pid < 1 || pid >= config.pidMax) return induction.judged(ctx, `new pid ${pid} is outside [1, ${config.pidMax})`);
        }
        return induction.judged(ctx, null);
      },
    };
  },
};
