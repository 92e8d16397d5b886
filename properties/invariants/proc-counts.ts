import type { ProcView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { RecentValues } from './lib/recent-values';
import type { TableChanges } from './lib/table-changes';

/**
 * How many uids of a counts record have a non-zero count, for the last few records seen (a record is
 * shared by every snapshot until a count changes). A walk of an integer-keyed record costs more than
 * the rest of the check (0.15 µs, 3 µs with a uid of 1000 or more; its values alone cost half what
 * a for-in over its keys does).
 */
const nonzeroCounts = new RecentValues<Snapshot['uidCounts'], number>(8, (counts) => {
  const values = Object.values(counts);
  let nonzero = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) nonzero++;
  return nonzero;
});

/**
 * The uids owning processes, in order of first owner, and how many each owns: scratch lists reused
 * by every check (a table has a few uids), of which the first `owners` entries are this table's.
 */
const ownerUids: number[] = [];
const ownedCounts: number[] = [];
let owners = 0;

function countOwners(procs: readonly ProcView[]): void {
  owners = 0;
  for (let i = 0; i < procs.length; i++) {
    const uid = procs[i].uid;
    let at = 0;
    while (at < owners && ownerUids[at] !== uid) at++;
    if (at < owners) ownedCounts[at]++;
    else {
      ownerUids[owners] = uid;
      ownedCounts[owners++] = 1;
    }
  }
}

function isOwner(uid: number): boolean {
  for (let k = 0; k < owners; k++) if (ownerUids[k] === uid) return true;
  return false;
}

function uidCountsAgree(s: Snapshot): string | null {
  countOwners(s.procs);
  for (let k = 0; k < owners; k++) {
    const uid = ownerUids[k];
    if ((s.uidCounts[uid] ?? 0) !== ownedCounts[k]) return `uid ${uid} owns ${ownedCounts[k]} processes but its count is ${s.uidCounts[uid] ?? 0}`;
  }
  // Every uid owning a process has its count, so a count more than those is one owning none.
  if (nonzeroCounts.of(s.uidCounts) === owners) return null;
  for (const uid in s.uidCounts) {
    const n = s.uidCounts[uid];
    if (n !== 0 && !isOwner(Number(uid))) return `uid ${uid} has count ${n} but owns no process`;
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
