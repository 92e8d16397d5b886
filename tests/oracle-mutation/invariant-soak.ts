import { soak } from '../../properties/soak';

/**
 * The invariant catalogue over `runs` generated interleavings of seed 1, so that a mutated oracle
 * (StrykerJS) breaking any invariant is caught the way `reapcheck soak` would catch it. Fixed seed,
 * small budget: the same interleavings on every run.
 */
export function soakTest(runs: number): void {
  describe('the invariants hold on the oracle over a fixed set of generated interleavings', () => {
    test(`soak --runs ${runs} --seed 1: no invariant fails`, async () => {
      const r = await soak({ runs, seed: 1, maxShrunk: 1 });
      expect(r.runs).toBe(runs);
      expect(r.failuresByProperty).toEqual({});
    });
  });
}
