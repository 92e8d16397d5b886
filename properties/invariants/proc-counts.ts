import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';

/** I7: nprocs and the per-uid counts count every proc structure from fork to reap (kern_exit.c:764, 794). */
export const procCounts: Invariant = tableInvariant(
  {
    name: 'proc-counts',
    statement: 'nprocs is the number of processes (zombies included) and each uid count the number with that real uid',
    source: 'kern_exit.c:764, 794; semantics.md §4 I7',
  },
  (s) => {
    if (s.nprocs !== s.procs.length) return `nprocs is ${s.nprocs} but the table holds ${s.procs.length} processes`;
    const byUid = new Map<number, number>();
    for (const p of s.procs) byUid.set(p.uid, (byUid.get(p.uid) ?? 0) + 1);
    for (const [uid, n] of byUid) if ((s.uidCounts[uid] ?? 0) !== n) return `uid ${uid} owns ${n} processes but its count is ${s.uidCounts[uid] ?? 0}`;
    for (const uid in s.uidCounts) {
      const n = s.uidCounts[uid];
      if (n !== 0 && !byUid.has(Number(uid))) return `uid ${uid} has count ${n} but owns no process`;
    }
    return null;
  },
);
