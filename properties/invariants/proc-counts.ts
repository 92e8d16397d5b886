import type { Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { sameData } from './lib/same-data';
import type { TableChanges } from './lib/table-changes';

/**
 * Whether the per-uid tallies can differ from `before`'s, where they matched: only if a process
 * came or went, one changed its uid, or the counts changed. Changed processes (no process new or
 * gone) are listed pairwise in pid order on both sides.
 */
function uidsMayDiffer({ before, after, procs }: TableChanges): boolean {
  const { fresh, stale } = procs;
  if (procs.created.length > 0 || procs.freed.length > 0 || procs.repeated || fresh.length !== stale.length) return true;
  return fresh.some((p, i) => p.uid !== stale[i].uid) || !sameData(before.uidCounts, after.uidCounts);
}

function uidCountsAgree(s: Snapshot): string | null {
  const byUid = new Map<number, number>();
  for (const p of s.procs) byUid.set(p.uid, (byUid.get(p.uid) ?? 0) + 1);
  for (const [uid, n] of byUid) if ((s.uidCounts[uid] ?? 0) !== n) return `uid ${uid} owns ${n} processes but its count is ${s.uidCounts[uid] ?? 0}`;
  for (const uid in s.uidCounts) {
    const n = s.uidCounts[uid];
    if (n !== 0 && !byUid.has(Number(uid))) return `uid ${uid} has count ${n} but owns no process`;
  }
  return null;
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
    return changes && !uidsMayDiffer(changes) ? null : uidCountsAgree(s);
  },
);
