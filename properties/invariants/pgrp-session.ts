import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { tableIndex } from './lib/table-index';

/** I6: pgrps exist exactly while they have members (zombies count); sessions while a pgrp refers to them. */
export const pgrpSession: Invariant = tableInvariant(
  {
    name: 'pgrp-session',
    statement: 'every process is in one existing pgrp of its session; pgrps have members; sessions have pgrps; a session leader is alive',
    source: 'kern_exit.c:344, 745; semantics.md §4 I6, §3.11',
  },
  (s) => {
    const { procs, pgrps, sessions } = tableIndex(s);
    for (const p of s.procs) {
      const g = pgrps.get(p.pgid);
      if (!g) return `pid ${p.pid} is in pgrp ${p.pgid}, which does not exist`;
      if (!g.members.includes(p.pid)) return `pgrp ${p.pgid} does not list its member ${p.pid}`;
      if (g.sid !== p.sid) return `pid ${p.pid} has sid ${p.sid} but its pgrp ${p.pgid} is in session ${g.sid}`;
    }
    for (const g of s.pgrps) {
      if (g.members.length === 0) return `pgrp ${g.pgid} exists with no members`;
      const stray = g.members.find((m) => procs.get(m)?.pgid !== g.pgid);
      if (stray !== undefined) return `pgrp ${g.pgid} lists ${stray}, which is not in it`;
      if (!sessions.has(g.sid)) return `pgrp ${g.pgid} is in session ${g.sid}, which does not exist`;
    }
    for (const x of s.sessions) {
      if (!s.pgrps.some((g) => g.sid === x.sid)) return `session ${x.sid} exists with no pgrp`;
      if (x.leader !== null) {
        const l = procs.get(x.leader);
        if (!l || l.state === 'ZOMBIE') return `session ${x.sid} names leader ${x.leader}, which has exited`;
      }
      if (x.fg !== null && pgrps.get(x.fg)?.sid !== x.sid) return `session ${x.sid}'s terminal has foreground pgrp ${x.fg}, not a pgrp of the session`;
    }
    return null;
  },
);
