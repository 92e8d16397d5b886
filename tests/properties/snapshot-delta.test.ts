import type { Implementation, Snapshot } from '../../interleaving';
import { deltaBetween, withDefaults } from '../../interleaving';
import { MUTANT_LIST } from '../../mutants';
import { Oracle } from '../../oracle';
import { SnapshotBuilder } from '../../oracle/snapshot/build-snapshot';
import { generateInterleaving } from '../../properties/generators/generate';
import { createModel } from '../../properties/model';
import { runSeed } from '../../properties/seeds';
import { executeSync } from '../../runner/execute';

/**
 * The oracle's snapshot builder attaches to each snapshot how it differs from the one before (the
 * views its cache rebuilt), and incremental checking trusts it. It must say exactly what comparing
 * the two snapshots says: every view not shared with the previous snapshot, and nothing else.
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

/**
 * Every step of a few runs: the attached delta against the comparison, and the snapshot against one
 * built afresh (a view the cache did not rebuild is still right: procInputs reads all procView reads).
 */
function deltasAgree(target: Implementation, runs: number): number {
  let steps = 0;
  for (let run = 0; run < runs; run++) {
    executeSync(target, generateInterleaving(runSeed(3, run), { model }), {
      observe: ({ before, after }) => {
        expect(after).toEqual(new SnapshotBuilder().build((target as Oracle).state));
        if (before === after) return;
        const delta = deltaBetween(before!, after!);
        expect(delta).not.toBeNull();
        expect(delta!.procs).toEqual(compared(before!.procs, after!.procs, (p) => p.pid));
        expect(delta!.pgrps).toEqual(compared(before!.pgrps, after!.pgrps, (g) => g.pgid));
        expect(delta!.sessions).toEqual(compared(before!.sessions, after!.sessions, (x) => x.sid));
        steps++;
      },
    });
  }
  return steps;
}

test('on the oracle, each snapshot carries exactly the views that changed since the last', () => {
  expect(deltasAgree(createModel(), 30)).toBeGreaterThan(500);
});

test.each(MUTANT_LIST.filter((m) => m.kind === 'kernel').map((m) => [m.name, m] as const))('on mutant:%s too', (_name, m) => {
  expect(deltasAgree(m.create(), 3)).toBeGreaterThan(0);
});

test('the delta is kept beside the snapshots, for the latest pairs only', () => {
  const oracle = createModel();
  oracle.reset(withDefaults(generateInterleaving(runSeed(3, 0), { model }).config));
  const before = oracle.snapshot!() as Snapshot;
  oracle.apply({ pid: 1, call: 'fork' });
  const after = oracle.snapshot!() as Snapshot;
  expect(deltaBetween(before, after)?.procs.created).toEqual([after.procs[after.procs.length - 1].pid]);
  expect(Object.keys(after)).toEqual(['procs', 'pgrps', 'sessions', 'nprocs', 'uidCounts', 'lastpid', 'panic']);
  expect(deltaBetween(before, structuredClone(after))).toBeNull();
  expect(deltaBetween(after, before)).toBeNull();
  // Two newer snapshots later, the pair is forgotten.
  for (let i = 0; i < 2; i++) {
    oracle.apply({ pid: 1, call: 'fork' });
    oracle.snapshot!();
  }
  expect(deltaBetween(before, after)).toBeNull();
});
