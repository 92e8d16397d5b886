import type { Config, Fixture, Implementation, Interleaving } from '../../interleaving';
import { ConfigUnsupported } from '../../interleaving';
import { createOracle } from '../../oracle';
import { runCampaign } from '../../runner/differential';

/** The oracle, refusing every configuration with a small pidMax. */
function picky(): Implementation {
  const oracle = createOracle();
  return {
    name: 'picky',
    reset(config: Config) {
      if (config.pidMax < 1000) throw new ConfigUnsupported(`pidMax ${config.pidMax}`);
      oracle.reset(config);
    },
    apply: (s) => oracle.apply(s),
    snapshot: () => oracle.snapshot(),
  };
}

const il = (pidMax: number): Interleaving => ({ config: { pidMax }, steps: [{ pid: 1, call: 'fork' }, { pid: 2, call: 'exit', code: 0 }] });

describe('runCampaign', () => {
  test('skips and counts the runs whose configuration the target refuses; the others are checked', async () => {
    const saved: Fixture[] = [];
    const { report } = await runCampaign({
      target: picky(),
      reference: createOracle(),
      invariants: [],
      targetSpec: 'picky',
      profile: 'freebsd-r176365',
      seed: 0,
      runs: 4,
      generate: (run) => il(run % 2 ? 500 : 5000),
      save: (f) => (saved.push(f), `${f.name}.json`),
    });
    expect(report).toMatchObject({ runs: 4, skippedRuns: 2, steps: 4, failures: [] });
    expect(report.properties.differential).toEqual({ checked: 4, failed: 0 });
    expect(saved).toEqual([]);
  });
});
