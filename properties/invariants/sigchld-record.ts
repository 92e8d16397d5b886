import type { ProcView } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { parentPairs } from './lib/parent-pairs';

const hasSigchld = (p: ProcView): boolean => p.pending.includes('SIGCHLD');

/** What the check reads of a parent: whether it has SIGCHLD pending (a gone one is not read). */
const sigchldChanged = (was: ProcView | undefined, now: ProcView | undefined): boolean => now !== undefined && (was === undefined || hasSigchld(was) !== hasSigchld(now));

/**
 * I10: each child has one SIGCHLD record, queued at most at its current parent: every reparent and
 * every report takes it back (kern_exit.c:720, 862), and a queued record keeps SIGCHLD pending.
 */
export const sigchldRecord: Invariant = tableInvariant(
  {
    name: 'sigchld-record',
    statement: "a child's SIGCHLD record is queued only at its current parent, which then has SIGCHLD pending",
    source: 'kern_exit.c:720, 859-874; semantics.md §4 I10, §3.9.6',
  },
  (table, changes) => {
    if (changes?.noProcChanged) return null;
    // Incrementally: a process reads itself and its parent's pending SIGCHLD, if it has a parent; an unchanged one
    // held in `before` unless its parent appeared or changed that (a gone parent is never judged).
    const { procs, parents } = parentPairs(table, changes, sigchldChanged);
    for (let i = 0; i < procs.length; i++) {
      const p = procs[i];
      if (p.ksiQueuedAt === null) continue;
      if (p.ksiQueuedAt !== p.ppid) return `pid ${p.pid}'s SIGCHLD record is queued at ${p.ksiQueuedAt}, not at its parent ${p.ppid}`;
      const parent = parents[i];
      if (parent && !hasSigchld(parent)) return `pid ${p.pid}'s SIGCHLD record is queued at ${p.ppid}, which has no SIGCHLD pending`;
    }
    return null;
  },
);
