import type { ProcView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { procsByPid } from './lib/procs';
import type { TableChanges } from './lib/table-changes';

/** Whether a (short) list holds some value twice. */
function hasRepeat(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i - 1]) !== i - 1) return true;
  return false;
}

/**
 * The processes a step can have put at fault. A process reads itself, its parent and its listed
 * children: one that is unchanged, with an unchanged parent, lists the same children as in
 * `before`, where each had it as parent; so a touched child of it is a changed or gone process
 * whose old parent it is.
 */
function inScope(table: Snapshot, changes: TableChanges): readonly ProcView[] {
  const { fresh, stale } = changes.procs;
  if (fresh.length === 0 && stale.length === 0) return fresh;
  return table.procs.filter((p) => fresh.includes(p) || changes.touched(p.ppid) || stale.some((s) => s.ppid === p.pid));
}

/** §2: the children list and the parent pointer are two views of one relation (kern_exit.c:859-874). */
export const childrenLists: Invariant = tableInvariant(
  {
    name: 'children-lists',
    statement: "a process's children list holds exactly the processes whose parent it is, each once",
    source: 'kern_exit.c:859-874 (proc_reparent); semantics.md §2',
  },
  (table, changes) => {
    const procs = procsByPid(table);
    for (const p of changes ? inScope(table, changes) : table.procs) {
      if (hasRepeat(p.children)) return `pid ${p.pid} lists a child twice: ${p.children.join(', ')}`;
      for (const c of p.children) {
        const child = procs.get(c);
        if (!child) return `pid ${p.pid} lists child ${c}, which does not exist`;
        if (child.ppid !== p.pid) return `pid ${p.pid} lists child ${c}, whose parent is ${child.ppid}`;
      }
      if (p.pid !== 1 || p.ppid !== 0) {
        const parent = procs.get(p.ppid);
        if (parent && !parent.children.includes(p.pid)) return `pid ${p.pid} has parent ${p.ppid}, which does not list it`;
      }
    }
    return null;
  },
);
