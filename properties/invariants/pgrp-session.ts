import type { PgrpView, ProcView, SessionView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import type { TableChanges } from './lib/table-changes';
import { tableIndex } from './lib/table-index';

interface Scope {
  procs: readonly ProcView[];
  pgrps: readonly PgrpView[];
  sessions: readonly SessionView[];
}

/**
 * What a step can have put at fault. A process reads its pgrp; a pgrp its members and session; a
 * session its pgrps, leader and foreground pgrp. An entry with all of those unchanged held in
 * `before`, and an unchanged pgrp's touched member is a changed or gone process that was in it.
 */
function inScope(s: Snapshot, c: TableChanges): Scope {
  const procs = c.procs;
  const pgrps = c.pgrps;
  const sessions = c.sessions;
  const pgrpTouched = (id: number) => pgrps.fresh.some((g) => g.pgid === id) || pgrps.stale.some((g) => g.pgid === id);
  const sessionTouched = (id: number) => sessions.fresh.some((x) => x.sid === id) || sessions.stale.some((x) => x.sid === id);
  return {
    procs: procs.fresh.length + pgrps.fresh.length + pgrps.stale.length === 0 ? procs.fresh : s.procs.filter((p) => procs.fresh.includes(p) || pgrpTouched(p.pgid)),
    pgrps: s.pgrps.filter((g) => pgrps.fresh.includes(g) || procs.stale.some((p) => p.pgid === g.pgid) || sessionTouched(g.sid)),
    sessions: s.sessions.filter((x) =>
      sessions.fresh.includes(x) || pgrps.stale.some((g) => g.sid === x.sid) || (x.leader !== null && c.touched(x.leader)) || (x.fg !== null && pgrpTouched(x.fg))),
  };
}

/** I6: pgrps exist exactly while they have members (zombies count); sessions while a pgrp refers to them. */
export const pgrpSession: Invariant = tableInvariant(
  {
    name: 'pgrp-session',
    statement: 'every process is in one existing pgrp of its session; pgrps have members; sessions have pgrps; a session leader is alive',
    source: 'kern_exit.c:344, 745; semantics.md §4 I6, §3.11',
  },
  (s, changes) => {
    const scope = changes ? inScope(s, changes) : s;
    const { procs, pgrps, sessions } = tableIndex(s);
    for (const p of scope.procs) {
      const g = pgrps.get(p.pgid);
      if (!g) return `pid ${p.pid} is in pgrp ${p.pgid}, which does not exist`;
      if (!g.members.includes(p.pid)) return `pgrp ${p.pgid} does not list its member ${p.pid}`;
      if (g.sid !== p.sid) return `pid ${p.pid} has sid ${p.sid} but its pgrp ${p.pgid} is in session ${g.sid}`;
    }
    for (const g of scope.pgrps) {
      if (g.members.length === 0) return `pgrp ${g.pgid} exists with no members`;
      const stray = g.members.find((m) => procs.get(m)?.pgid !== g.pgid);
      if (stray !== undefined) return `pgrp ${g.pgid} lists ${stray}, which is not in it`;
      if (!sessions.has(g.sid)) return `pgrp ${g.pgid} is in session ${g.sid}, which does not exist`;
    }
    for (const x of scope.sessions) {
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
