import type { Invariant } from '../../runner/check';
import { stepInvariant } from './lib/define';
import { createdPids, procsByPid } from './lib/procs';
import { tableIndex } from './lib/table-index';

/** I5, §3.2: a new pid is not held by any process, process group or session, and is below pidMax. */
export const pidUnique: Invariant = stepInvariant(
  {
    name: 'pid-unique',
    statement: 'a new pid differs from every live and zombie pid and every pgrp and session id, and is below pidMax',
    source: 'semantics.md §3.2, §4 I5 (fork1 pid allocation)',
    needs: ['snapshot'],
  },
  ({ before, after, config }) => {
    if (procsByPid(after!).size !== after!.procs.length) return 'two processes share a pid';
    const fresh = createdPids(before!, after!);
    if (fresh.length === 0) return null;
    const { procs, pgrps, sessions } = tableIndex(before!);
    for (const pid of fresh) {
      if (procs.has(pid) || pgrps.has(pid) || sessions.has(pid)) return `new pid ${pid} is already a pid, pgid or sid`;
      if (pid < 1 || pid >= config.pidMax) return `new pid ${pid} is outside [1, ${config.pidMax})`;
    }
    return null;
  },
);
