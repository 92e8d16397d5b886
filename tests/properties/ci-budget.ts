import { formatThroughput, soak } from '../../properties/soak';

/** The CI budget of issue 3: about 2,000 interleavings of up to 60 steps, every invariant after every step. */
export const CI_RUNS = 2000;
export const CI_SEED = 20260101;
/** Spread over this many test files, so jest's workers run them side by side. */
export const CI_SHARDS = 4;

/** One shard of the CI budget as a jest test: everything holds on the oracle, every invariant is checked. */
export function ciBudgetShard(index: number): void {
  it(`every invariant holds on the oracle for shard ${index}/${CI_SHARDS} of ${CI_RUNS} random interleavings`, async () => {
    const r = await soak({ runs: CI_RUNS / CI_SHARDS, seed: CI_SEED, shard: { index, count: CI_SHARDS }, maxSteps: 60 });
    if (r.failedRuns > 0) throw new Error(r.text);
    expect(r.steps).toBeGreaterThan((CI_RUNS / CI_SHARDS) * 20);
    // Every invariant was actually checked; none was skipped for lack of snapshots or md.
    for (const [name, c] of Object.entries(r.counts)) expect([name, c.checked > 0, c.skipped, c.failed]).toEqual([name, true, 0, 0]);
    if (process.env.REAPCHECK_THROUGHPUT) console.log(`CI shard ${index}/${CI_SHARDS}: ${r.runs} interleavings, ${r.steps} steps; ${formatThroughput(r)}\n${r.coverage.format()}`);
  }, 120_000);
}
