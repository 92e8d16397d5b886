import type { PgrpView, ProcView, SessionView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { listDifference } from './lib/list-difference';
import type { TableChanges } from './lib/table-changes';
import { tableIndex } from './lib/table-index';

/*
 * What a step can have put at fault, incrementally. A process reads its pgrp (whether it exists,
 * lists it, and its session); a pgrp its members and session; a session its pgrps, leader and
 * foreground pgrp. An entry with all of those unchanged held in `before`; an unchanged pgrp's
 * touched member is a changed or gone process that was in it, and an unchanged session loses its
 * last pgrp only if a pgrp of it changed or went.
 */

/** The processes whose pgrp view can be at fault: new or changed ones, and the members a changed pgrp gained or dropped (all of a new, gone or moved one). */
function procsInScope(s: Snapshot, c: TableChanges): readonly ProcView[] {
  const { fresh, stale } = c.pgrps;
  if (fresh.length === 0 && stale.length === 0) return c.procs.fresh;
  const moved: number[] = [];
  const whole: number[] = [];
  for (const was of stale) {
    const now = fresh.find((g) => g.pgid === was.pgid);
    if (!now || now.sid !== was.sid) whole.push(was.pgid);
    else {
      moved.push(...listDifference(was.members, now.members), ...listDifference(now.members, was.members));
    }
  }
  for (const now of fresh) if (!stale.some((g) => g.pgid === now.pgid)) whole.push(now.pgid);
  return s.procs.filter((p) => c.isFresh(p) || moved.includes(p.pid) || whole.includes(p.pgid));
}

function pgrpInScope(g: PgrpView, c: TableChanges): boolean {
  if (c.pgrps.fresh.includes(g) || c.sessionTouched(g.sid)) return true;
  const { stale } = c.procs;
  for (let i = 0; i < stale.length; i++) if (stale[i].pgid === g.pgid) return true;
  return false;
}

function sessionInScope(x: SessionView, c: TableChanges): boolean {
  if (c.sessions.fresh.includes(x) || (x.leader !== null && c.touched(x.leader)) || (x.fg !== null && c.pgrpTouched(x.fg))) return true;
  const { stale } = c.pgrps;
  for (let i = 0; i < stale.length; i++) if (stale[i].sid === x.sid) return true;
  return false;
}

function memberEntries(pgrps: readonly PgrpView[]): number {
  let n = 0;
  for (let i = 0; i < pgrps.length; i++) n += pgrps[i].members.length;
  return n;
}

function hasPgrpIn(pgrps: readonly PgrpView[], sid: number): boolean {
  for (let i = 0; i < pgrps.length; i++) if (pgrps[i].sid === sid) return true;
  return false;
}

/** I6: pgrps exist exactly while they have members (zombies count); sessions while a pgrp refers to them. */
export const pgrpSession: Invariant = tableInvariant(
  {
    name: 'pgrp-session',
    statement: 'every process is in one existing pgrp of its session; pgrps have members; sessions have pgrps; a session leader is alive',
    source: 'kern_exit.c:344, 745; semantics.md §4 I6, §3.11',
  },
  (s, changes) => {
    if (changes?.noProcChanged && s.pgrps === changes.before.pgrps && s.sessions === changes.before.sessions) return null;
    const index = tableIndex(s);
    const { procs, pgrps, sessions } = index;
    // Judging the whole table, once every process is listed by its pgrp (the first loop), the lists hold
    // nothing else when they hold no more entries than there are processes (their pids distinct).
    const strayFree = changes === null && index.pidsDistinct && memberEntries(s.pgrps) === s.procs.length;
    for (const p of changes ? procsInScope(s, changes) : s.procs) {
      const g = pgrps.get(p.pgid);
      if (!g) return `pid ${p.pid} is in pgrp ${p.pgid}, which does not exist`;
      if (!g.members.includes(p.pid)) return `pgrp ${p.pgid} does not list its member ${p.pid}`;
      if (g.sid !== p.sid) return `pid ${p.pid} has sid ${p.sid} but its pgrp ${p.pgid} is in session ${g.sid}`;
    }
    for (const g of s.pgrps) {
      if (changes && !pgrpInScope(g, changes)) continue;
      const { members } = g;
      if (members.length === 0) return `pgrp ${g.pgid} exists with no members`;
      if (!strayFree) for (let i = 0; i < members.length; i++) if (procs.get(members[i])?.pgid !== g.pgid) return `pgrp ${g.pgid} lists ${members[i]}, which is not in it`;
      if (!sessions.has(g.sid)) return `pgrp ${g.pgid} is in session ${g.sid}, which does not exist`;
    }
    for (const x of s.sessions) {
      if (changes && !sessionInScope(x, changes)) continue;
      if (!hasPgrpIn(s.pgrps, x.sid)) return `session ${x.sid} exists with no pgrp`;
      if (x.leader !== null) {
        const l = procs.get(x.leader);
        if (!l || l.state === 'ZOMBIE') return `session ${x.sid} names leader ${x.leader}, which has exited`;
      }
      if (x.fg !== null && pgrps.get(x.fg)?.sid !== x.sid) return `session ${x.sid}'s terminal has foreground pgrp ${x.fg}, not a pgrp of the session`;
    }
    return null;
  },
);
