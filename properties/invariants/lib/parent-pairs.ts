import type { ProcView, Snapshot } from '../../../interleaving';
import type { TableChanges } from './table-changes';
import { tableIndex, type ParentPairs } from './table-index';


/** For a check that reads whether a parent exists and its state: whether the step changed that. */
export const goneOrStateChanged = (was: ProcView | undefined, now: ProcView | undefined): boolean => !now || (was !== undefined && was.state !== now.state);

/**
 * What a check of a process and its parent judges: the whole table with the parents its index
 * shares, or incrementally the processes `nearParents(differs)` gives (see TableChanges).
 */
export function parentPairs(
  table: Snapshot,
  changes: TableChanges | null,
  differs: (was: ProcView | undefined, now: ProcView | undefined) => boolean,
): ParentPairs {
  const index = tableIndex(table);
  if (changes === null) return index.withParents;
  const procs = changes.nearParents(differs);
  const byPid = index.procs;
  return { procs, parents: procs.map((p) => byPid.get(p.ppid)) };
}
