import type { Implementation, Snapshot } from '../../interleaving';
import { withDefaults } from '../../interleaving';
import { MUTANT_LIST } from '../../mutants';
import { Oracle } from '../../oracle';
import { SnapshotBuilder } from '../../oracle/snapshot/build-snapshot';
import { generateInterleaving } from '../../properties/generators/generate';
import { createModel } from '../../properties/model';
import { runSeed } from '../../properties/seeds';
import { viewChanges } from '../../properties/invariants/lib/table-changes';
import { executeSync } from '../../runner/execute';

/**
 * The oracle's snapshot builder shares every view it did not rebuild with the snapshot before, and
 * incremental checking finds a step's changes by comparing views by identity (viewChanges). A
 * shared view must be right (equal to one built afresh), and the merge walk must find exactly what
 * a plain comparison by id finds.
 */
const model = createModel();

/** The change set by plain comparison: views by id, a view not the same object counts as changed. */
function compared<V>(before: readonly V[], after: readonly V[], id: (v: V) => number) {
  const was = new Map(before.map((v) => [id(v), v]));
  const now = new Map(after.map((v) => [id(v), v]));
  return {
    fresh: after.filter((v) => was.get(id(v)) !== v),
    stale: before.filter((v) => now.get(id(v)) !== v),
    created: [...now.keys()].filter((x) => !was.has(x)),
    freed: [...was.keys()].filter((x) => !now.has(x)),
  };
}

/** Only the lists of a change set (viewChanges adds whether an id repeats). */
const lists = <V>(c: { fresh: readonly V[]; stale: readonly V[]; created: readonly number[]; freed: readonly number[] }) =>
  ({ fresh: c.fresh, stale: c.stale, created: c.created, freed: c.freed });

/**
 * Every step of a few runs: the snapshot against one built afresh (a view the cache did not rebuild
 * is still right: ProcEntry.shows compares all procView reads), and the merge walk against the comparison.
 */
function sharingAgrees(target: Implementation, runs: number): number {
  let steps = 0;
  for (let run = 0; run < runs; run++) {
    executeSync(target, generateInterleaving(runSeed(3, run), { model }), {
      observe: ({ before, after }) => {
        expect(after).toEqual(new SnapshotBuilder().build((target as Oracle).state));
        if (before === after) return;
        expect(lists(viewChanges(before!.procs, after!.procs, (p) => p.pid))).toEqual(compared(before!.procs, after!.procs, (p) => p.pid));
        expect(lists(viewChanges(before!.pgrps, after!.pgrps, (g) => g.pgid))).toEqual(compared(before!.pgrps, after!.pgrps, (g) => g.pgid));
        expect(lists(viewChanges(before!.sessions, after!.sessions, (x) => x.sid))).toEqual(compared(before!.sessions, after!.sessions, (x) => x.sid));
        steps++;
      },
    });
  }
  return steps;
}

test('on the oracle, each snapshot shares exactly its unchanged views, and the merge walk finds the rest', () => {
  expect(sharingAgrees(createModel(), 30)).toBeGreaterThan(500);
});

test.each(MUTANT_LIST.filter((m) => m.kind === 'kernel').map((m) => [m.name, m] as const))('on mutant:%s too', (_name, m) => {
  expect(sharingAgrees(m.create(), 3)).toBeGreaterThan(0);
});

test('a fork gives its parent and its child new views and shares the rest; a snapshot is only the table', () => {
  const oracle = createModel();
  oracle.reset(withDefaults(generateInterleaving(runSeed(3, 0), { model }).config));
  const before = oracle.snapshot!() as Snapshot;
  oracle.apply({ pid: 1, call: 'fork' });
  const after = oracle.snapshot!() as Snapshot;
  const changes = viewChanges(before.procs, after.procs, (p) => p.pid);
  expect(changes.created).toEqual([after.procs[after.procs.length - 1].pid]);
  expect(changes.fresh.map((p) => p.pid)).toEqual([1, ...changes.created]);
  expect(Object.keys(after)).toEqual(['procs', 'pgrps', 'sessions', 'nprocs', 'uidCounts', 'lastpid', 'panic']);
});
