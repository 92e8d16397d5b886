import type { Implementation } from '../../interleaving';
import { withDefaults } from '../../interleaving';
import { createOracle } from '../../oracle';
import { generateInterleaving, generateRecorded } from '../../properties/generators/generate';
import { recordedSource } from '../../properties/generators/source';
import { createModel } from '../../properties/model';
import { runSeed } from '../../properties/seeds';
import { executeSync } from '../../runner/execute';

/** The oracle seen only through the Implementation contract, so generation reads its snapshots. */
function throughSnapshots(): Implementation {
  const oracle = createOracle();
  return { name: 'snapshots', reset: (c) => oracle.reset(c), apply: (s) => oracle.apply(s), snapshot: () => oracle.snapshot() };
}

const SEEDS = Array.from({ length: 150 }, (_, i) => runSeed(20261201, i));

describe('recorded generation', () => {
  it("records the model's result for each step: what a fresh reference answers on a replay, but the trace events", () => {
    for (const profile of ['freebsd-r176365', 'linux'] as const) {
      const source = recordedSource(7, 60, profile);
      for (let run = 0; run < 75; run++) {
        const g = source(run);
        expect(g.config).toEqual(withDefaults(g.interleaving.config));
        const replay = executeSync(createOracle(), g.interleaving);
        expect(replay.rejectedAt).toBeNull();
        expect(g.results.every((r) => r.trace === undefined)).toBe(true);
        expect(g.results).toEqual(replay.results.map(({ trace: _, ...rest }) => rest));
      }
    }
  });

  it('reads the oracle model off its kernel and gives the same interleavings as from its snapshots', () => {
    const kernel = createModel();
    const snapshots = throughSnapshots();
    for (const seed of SEEDS) {
      expect(JSON.stringify(generateInterleaving(seed, { model: kernel }))).toBe(JSON.stringify(generateInterleaving(seed, { model: snapshots })));
    }
  });

  it('gives the interleaving generateInterleaving gives for the seed', () => {
    const model = createModel();
    for (const seed of SEEDS.slice(0, 20)) expect(generateRecorded(seed, { model }).interleaving).toEqual(generateInterleaving(seed, { model }));
  });
});
