import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { tableIndex } from './lib/table-index';

/** I1: a zombie's children all went to init at its exit (kern_exit.c:426-440). */
export const zombieChildless: Invariant = tableInvariant(
  {
    name: 'zombie-childless',
    statement: 'a zombie has no children',
    source: 'kern_exit.c:422-440; semantics.md §4 I1',
  },
  (table, changes) => {
    // Incrementally: an unchanged zombie keeps its list, and a process naming it as parent is then a
    // changed or new one (an unchanged one named it in `before` too), so only those can break it.
    const fresh = changes?.procs.fresh;
    if (fresh?.length === 0) return null;
    for (const p of tableIndex(table).zombies) {
      if (fresh && !fresh.includes(p) && !fresh.some((q) => q.ppid === p.pid)) continue;
      if (p.children.length > 0) return `zombie ${p.pid} has children ${p.children.join(', ')}`;
      const kid = table.procs.find((q) => q.ppid === p.pid && q.pid !== p.pid);
      if (kid) return `zombie ${p.pid} is the parent of ${kid.pid}`;
    }
    return null;
  },
);
