import type { ProcView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { listDifference } from './lib/list-difference';
import { procsOf } from './lib/procs';
import type { TableChanges } from './lib/table-changes';
import { tableIndex } from './lib/table-index';

/** Whether a list holds some value twice (by scanning a short one, through a set for a long one). */
function hasRepeat(list: readonly number[]): boolean {
  if (list.length > 16) return new Set(list).size !== list.length;
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i - 1]) !== i - 1) return true;
  return false;
}

/**
 * The processes a step can have put at fault, in pid order. A process reads its own list, the
 * views of its listed children, and its parent's list. One that is unchanged lists the same
 * children as in `before`, where each had it as parent: a touched child of it is a changed or gone
 * process whose old parent it is. Its parent's list, if the parent is unchanged, is as in `before`
 * and listed it; if the parent changed, only a child its list dropped can be at fault; if the
 * parent is new, any process naming it (the table is scanned, on steps that create a process).
 */
function inScope(table: Snapshot, changes: TableChanges): readonly ProcView[] {
  const { fresh, stale, created } = changes.procs;
  const pids: number[] = [];
  for (const s of stale) {
    pids.push(s.ppid);
    for (const c of listDifference(s.children, changes.freshView(s.pid)?.children)) pids.push(c);
  }
  if (pids.length === 0 && created.length === 0) return fresh;
  return table.procs.filter((p) => fresh.includes(p) || pids.includes(p.pid) || created.includes(p.ppid));
}

/**
 * Whether the whole table holds, found by counting list entries instead of looking each one up.
 * With distinct pids, a process with a parent in the table must have an entry of its own in that
 * parent's list (checked), and those entries are distinct; when the lists hold no more entries
 * than that, every entry names a process whose parent lists it, and only once. Otherwise the
 * table is judged entry by entry (for the message).
 */
function holdsByCount(table: Snapshot): boolean {
  const index = tableIndex(table);
  if (!index.pidsDistinct) return false;
  const { procs, parents } = index.withParents;
  let entries = 0;
  let own = 0;
  for (let i = 0; i < procs.length; i++) {
    const p = procs[i];
    entries += p.children.length;
    const parent = parents[i];
    if (parent === undefined || (p.pid === 1 && p.ppid === 0)) continue;
    if (!parent.children.includes(p.pid)) return false;
    own++;
  }
  return entries === own;
}

/** §2: the children list and the parent pointer are two views of one relation (kern_exit.c:859-874). */
export const childrenLists: Invariant = tableInvariant(
  {
    name: 'children-lists',
    statement: "a process's children list holds exactly the processes whose parent it is, each once",
    source: 'kern_exit.c:859-874 (proc_reparent); semantics.md §2',
  },
  (table, changes) => {
    if (changes ? changes.noProcChanged : holdsByCount(table)) return null;
    const procs = procsOf(table);
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
