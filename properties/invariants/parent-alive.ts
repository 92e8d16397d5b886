import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { goneOrStateChanged, parentPairs } from './lib/parent-pairs';

/** I1: exit1 hands every child to init before the parent becomes a zombie (kern_exit.c:422-440). */
export const parentAlive: Invariant = tableInvariant(
  {
    name: 'parent-alive',
    statement: 'every process other than init has a parent that exists and is not a zombie',
    source: 'kern_exit.c:422-440; semantics.md §4 I1',
  },
  (table, changes) => {
    if (changes?.noProcChanged) return null;
    // Incrementally: a process reads itself and whether its parent exists and is a zombie; an unchanged one whose
    // parent kept both held in `before` (a parent that is new cannot matter: its children broke this in `before`).
    const { procs, parents } = parentPairs(table, changes, goneOrStateChanged);
    for (let i = 0; i < procs.length; i++) {
      const p = procs[i];
      if (p.pid === 1) continue;
      const parent = parents[i];
      if (!parent) return `pid ${p.pid} has parent ${p.ppid}, which does not exist`;
      if (parent.state === 'ZOMBIE') return `pid ${p.pid} has parent ${p.ppid}, which is a zombie`;
    }
    return null;
  },
);
