import type { ProcView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { procsOf } from './lib/procs';
import type { TableChanges } from './lib/table-changes';
import { tableIndex } from './lib/table-index';

/**
 * The zombies a step can have put at fault, in pid order: an unchanged zombie keeps its list, and a
 * process naming it as parent is then a changed or new one (an unchanged one named it in `before`
 * too), so only new or changed zombies and the zombie parents of changed or new processes.
 */
function inScope(table: Snapshot, changes: TableChanges): readonly ProcView[] {
  const procs = procsOf(table);
  const pids = new Set<number>();
  for (const q of changes.procs.fresh) {
    if (q.state === 'ZOMBIE') pids.add(q.pid);
    if (procs.get(q.ppid)?.state === 'ZOMBIE') pids.add(q.ppid);
  }
  return [...pids].sort((x, y) => x - y).map((pid) => procs.get(pid)!);
}

/** The first process naming `pid` as its parent (other than itself), or null. */
function childOf(procs: readonly ProcView[], pid: number): number | null {
  for (let i = 0; i < procs.length; i++) if (procs[i].ppid === pid && procs[i].pid !== pid) return procs[i].pid;
  return null;
}

/** I1: a zombie's children all went to init at its exit (kern_exit.c:426-440). */
export const zombieChildless: Invariant = tableInvariant(
  {
    name: 'zombie-childless',
    statement: 'a zombie has no children',
    source: 'kern_exit.c:422-440; semantics.md §4 I1',
  },
  (table, changes) => {
    if (changes?.noProcChanged) return null;
    for (const p of changes ? inScope(table, changes) : tableIndex(table).zombies) {
      if (p.children.length > 0) return `zombie ${p.pid} has children ${p.children.join(', ')}`;
      const kid = childOf(table.procs, p.pid);
      if (kid !== null) return `zombie ${p.pid} is the parent of ${kid}`;
    }
    return null;
  },
);
