import { formatThroughput, soak } from '../../properties/soak';

/** The CI budget of issue 3: about 2,000 interleavings of up to 60 steps, every invariant after every step. */
describe('CI budget', () => {
  it('every invariant holds on the oracle for 2,000 random interleavings', async () => {
    const r = await soak({ runs: 2000, seed: 20260101, maxSteps: 60 });
    if (r.failedRuns > 0) throw new Error(r.text);
    expect(r.runs).toBe(2000);
    expect(r.steps).toBeGreaterThan(2000 * 20);
    // Every invariant was actually checked, none skipped for lack of snapshots, trace or md.
    for (const [name, c] of Object.entries(r.counts)) {
      expect([name, c.checked > 0, c.failed]).toEqual([name, true, 0]);
    }
    expect(r.seconds).toBeLessThan(50);
    console.log(`CI budget: ${r.runs} interleavings, ${r.steps} steps; ${formatThroughput(r)}\n${r.coverage.format()}`);
  }, 120_000);
});
