import { generateInterleaving } from '../../properties/generators/generate';
import { createModel } from '../../properties/model';
import { runSeed, shardSeed } from '../../properties/seeds';
import { soak } from '../../properties/soak';

const model = createModel();
const gen = (seed: number) => JSON.stringify(generateInterleaving(seed, { model }));

describe('determinism', () => {
  it('the same seed gives the same interleaving, byte for byte', () => {
    for (const seed of [0, 1, 42, 0xffffffff]) expect(gen(seed)).toBe(gen(seed));
  });

  it('different seeds give different interleavings', () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => gen(runSeed(9, i))));
    expect(seen.size).toBe(50);
  });

  it('generation does not depend on what ran before on the model', () => {
    const fresh = JSON.stringify(generateInterleaving(77, { model: createModel() }));
    gen(1);
    gen(2);
    expect(gen(77)).toBe(fresh);
  });

  it('the same soak seed gives the same report, and each shard runs from its own seed', async () => {
    const a = await soak({ runs: 40, seed: 5 });
    const b = await soak({ runs: 40, seed: 5 });
    expect(b.text).toBe(a.text);
    const shard2 = await soak({ runs: 40, seed: 5, shard: { index: 2, count: 3 } });
    const alone = await soak({ runs: 40, seed: shardSeed(5, 1) });
    expect(shard2.steps).toBe(alone.steps);
    expect(shard2.text).not.toBe(a.text);
  });

  it('run 0 of a seed is the seed itself, so one run replays with --runs 1', () => {
    expect(runSeed(1234, 0)).toBe(1234);
  });

  it('rejects a bad shard or budget with a clear message', async () => {
    await expect(soak({ runs: 1, seed: 1, shard: { index: 4, count: 3 } })).rejects.toThrow('--shard 4/3: the index must be between 1 and 3');
    await expect(soak({ runs: -1, seed: 1 })).rejects.toThrow('--runs -1');
  });
});
