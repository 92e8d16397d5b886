import { createOracle } from '../../oracle';
import { linuxConfig, linuxInterleavingSource } from '../../properties/divergences/linux-interleavings';
import { executeSync } from '../../runner/execute';

// The model that guides Linux generation must run with the very config the interleaving is saved
// with: a model left on the generated tiny pid space took steps (and gave pids) that a replay on the
// saved config refuses partway.
test('generated linux interleavings replay on their saved config without a rejected step', () => {
  const source = linuxInterleavingSource(1, 60);
  const rejected: number[] = [];
  for (let run = 0; run < 150; run++) {
    const il = source(run);
    expect(il.config.pidMax).toBeUndefined();
    if (executeSync(createOracle(), il).rejectedAt !== null) rejected.push(run);
  }
  expect(rejected).toEqual([]);
});

test('a config made fit for Linux drops the tiny pid space and maxproc, keeps RLIMIT_NPROC and a pid space above 300', () => {
  expect(linuxConfig({ pidMax: 8, pidFloor: 2, maxproc: 4, nprocLimit: 2 })).toEqual({ profile: 'linux', nprocLimit: 2 });
  expect(linuxConfig({ profile: 'freebsd-r176365', pidMax: 301, pidFloor: 2 })).toEqual({ profile: 'linux', pidMax: 301, pidFloor: 2 });
});
