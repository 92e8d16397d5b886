import type { Invariant } from '../../runner/check';
import { stepInvariant } from './lib/define';

/** I1: a zombie's children all went to init at its exit (kern_exit.c:426-440). */
export const zombieChildless: Invariant = stepInvariant(
  {
    name: 'zombie-childless',
    statement: 'a zombie has no children',
    source: 'kern_exit.c:422-440; semantics.md §4 I1',
    needs: ['snapshot'],
  },
  ({ after }) => {
    for (const p of after!.procs) {
      if (p.state !== 'ZOMBIE') continue;
      if (p.children.length > 0) return `zombie ${p.pid} has children ${p.children.join(', ')}`;
      const kid = after!.procs.find((q) => q.ppid === p.pid && q.pid !== p.pid);
      if (kid) return `zombie ${p.pid} is the parent of ${kid.pid}`;
    }
    return null;
  },
);
