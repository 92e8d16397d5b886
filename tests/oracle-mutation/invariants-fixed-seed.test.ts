import { soak } from '../../properties/soak';

/**
 * The invariant catalogue over a fixed budget of generated interleavings, so that a mutated
 * oracle (StrykerJS) breaking any invariant is caught by the suite the way `reapcheck soak` would
 * catch it. Fixed seed and a small budget: the same interleavings on every run, a second or so.
 */
describe('the invariants hold on the oracle over a fixed set of generated interleavings', () => {
  test('soak --runs 120 --seed 1: no invariant fails', async () => {
    const r = await soak({ runs: 120, seed: 1, maxShrunk: 1 });
    expect(r.runs).toBe(120);
    expect(r.failuresByProperty).toEqual({});
  });
});
