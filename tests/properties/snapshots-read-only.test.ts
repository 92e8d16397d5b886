import type { Implementation, Snapshot } from '../../interleaving';
import { createOracle } from '../../oracle';
import { generateInterleaving } from '../../properties/generators/generate';
import { INVARIANTS } from '../../properties/invariants';
import { createModel } from '../../properties/model';
import { runSeed } from '../../properties/seeds';
import { executeSync } from '../../runner/execute';

/** A copy of `v` frozen all the way down, lists included. */
function deepFrozen<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFrozen(x);
    Object.freeze(v);
  }
  return v;
}

/**
 * The oracle shares unchanged views and name lists between snapshots and freezes only objects,
 * not lists (oracle/snapshot/build-snapshot.ts): a check that changed a list would corrupt later
 * snapshots. With every part of every snapshot frozen, any write by the runner or an invariant throws.
 */
describe('the runner and the invariants only read snapshots', () => {
  it('run every invariant over deeply frozen snapshots without writing to them', () => {
    const oracle = createOracle();
    const frozen: Implementation = {
      name: 'frozen-oracle',
      reset: (c) => oracle.reset(c),
      apply: (s) => oracle.apply(s),
      snapshot: (): Snapshot => deepFrozen(structuredClone(oracle.snapshot())),
    };
    const model = createModel();
    let steps = 0;
    for (let run = 0; run < 60; run++) {
      const out = executeSync(frozen, generateInterleaving(runSeed(47, run), { model }), { invariants: INVARIANTS });
      expect(out.failure).toBeNull();
      steps += out.executed;
    }
    expect(steps).toBeGreaterThan(600);
  });
});
