import type { Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import type { TableChanges } from './lib/table-changes';

/** The last counts record seen and how many of its uids have a count: a record is shared by every snapshot until a count changes. */
let counted: Snapshot['uidCounts'] | null = null;
let nonzero = 0;

/** How many uids of `counts` have a non-zero count (a walk of an integer-keyed record costs more than the rest of the check). */
function nonzeroCounts(counts: Snapshot['uidCounts']): number {
  if (counts !== counted) {
    nonzero = 0;
    for (const uid in counts) if (counts[uid] !== 0) nonzero++;
    counted = counts;
  }
  return nonzero;
}

function uidCountsAgree(s: Snapshot): string | null {
  const byUid = new Map<number, number>();
  for (const p of s.procs) byUid.set(p.uid, (byUid.get(p.uid) ?? 0) + 1);
  for (const [uid, n] of byUid) if ((s.uidCounts[uid] ?? 0) !== n) return `uid ${uid} owns ${n} processes but its count is ${s.uidCounts[uid] ?? 0}`;
  // Every uid owning a process has its count, so a count more than those is one owning none.
  if (nonzeroCounts(s.uidCounts) === byUid.size) return null;
  for (const uid in s.uidCounts) {
    const n = s.uidCounts[uid];
    if (n !== 0 && !byUid.has(Number(uid))) return `uid ${uid} has count ${n} but owns no process`;
  }
  return null;
}

/**
 * Whether the counts can be wrong after the step, given they were right before it: each uid's
 * number of processes moved by its new or changed views less its gone or changed ones, so only a
 * uid with such a move, or whose count changed, needs comparing.
 */
function uidCountsMayDisagree({ before, after, procs }: TableChanges): boolean {
  if (procs.fresh.length === 0 && procs.stale.length === 0 && before.uidCounts === after.uidCounts) return false;
  const moved = new Map<number, number>();
  for (const p of procs.fresh) moved.set(p.uid, (moved.get(p.uid) ?? 0) + 1);
  for (const p of procs.stale) moved.set(p.uid, (moved.get(p.uid) ?? 0) - 1);
  const agrees = (uid: number) => (after.uidCounts[uid] ?? 0) === (before.uidCounts[uid] ?? 0) + (moved.get(uid) ?? 0);
  for (const uid of moved.keys()) if (!agrees(uid)) return true;
  if (before.uidCounts === after.uidCounts) return false;
  for (const uid in after.uidCounts) if (!agrees(Number(uid))) return true;
  for (const uid in before.uidCounts) if (!agrees(Number(uid))) return true;
  return false;
}

/** I7: nprocs and the per-uid counts count every proc structure from fork to reap (kern_exit.c:764, 794). */
export const procCounts: Invariant = tableInvariant(
  {
    name: 'proc-counts',
    statement: 'nprocs is the number of processes (zombies included) and each uid count the number with that real uid',
    source: 'kern_exit.c:764, 794; semantics.md §4 I7',
  },
  (s, changes) => {
    if (s.nprocs !== s.procs.length) return `nprocs is ${s.nprocs} but the table holds ${s.procs.length} processes`;
    // The message is the whole table's, so both ways name the same uid.
    return changes && !uidCountsMayDisagree(changes) ? null : uidCountsAgree(s);
  },
);
