import { reapcheck } from './helpers';

jest.setTimeout(30_000);

describe('reapcheck soak', () => {
  test('runs the oracle against the invariants, deterministically, and prints the coverage table', async () => {
    const a = await reapcheck(['soak', '--runs', '20', '--seed', '5', '--json']);
    const b = await reapcheck(['soak', '--runs', '20', '--seed', '5', '--json']);
    expect(a.out).toBe(b.out);
    const r = JSON.parse(a.out);
    expect(r).toMatchObject({ seed: 5, shard: null, runs: 20 });
    expect(a.code).toBe(r.failedRuns > 0 ? 1 : 0);
    const text = await reapcheck(['soak', '--runs', '20', '--seed', '5', '--shard', '2/3']);
    expect(text.out).toContain('soak: 20 interleavings');
    expect(text.out).toContain('shard 2/3');
    expect(text.out).toMatch(/interleavings\/s, \d+ steps\/s/);
  });
});
