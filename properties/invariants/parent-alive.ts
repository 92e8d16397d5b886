import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { procsByPid } from './lib/procs';

/** I1: exit1 hands every child to init before the parent becomes a zombie (kern_exit.c:422-440). */
export const parentAlive: Invariant = tableInvariant(
  {
    name: 'parent-alive',
    statement: 'every process other than init has a parent that exists and is not a zombie',
    source: 'kern_exit.c:422-440; semantics.md §4 I1',
  },
  (table, changes) => {
    const procs = procsByPid(table);
    // Incrementally: a process reads only itself and its parent, so one with both unchanged held in `before`.
    for (const p of changes ? changes.freshOrParentTouched() : table.procs) {
      if (p.pid === 1) continue;
      const parent = procs.get(p.ppid);
      if (!parent) return `pid ${p.pid} has parent ${p.ppid}, which does not exist`;
      if (parent.state === 'ZOMBIE') return `pid ${p.pid} has parent ${p.ppid}, which is a zombie`;
    }
    return null;
  },
);
