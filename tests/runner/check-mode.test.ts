import type { CheckMode, Invariant } from '../../runner/check';
import type { Interleaving } from '../../interleaving';
import { createOracle } from '../../oracle';
import { runCampaign } from '../../runner/differential';
import { replayFailure } from '../../runner/differential-shrink';

/** An invariant that notes the mode each step was judged in, and holds. */
function probe(seen: (CheckMode | undefined)[]): Invariant {
  return { name: 'probe', statement: 'notes the check mode', source: 'test', needs: ['snapshot'], start: () => ({ check: (ctx) => (seen.push(ctx.mode), null) }) };
}

const il: Interleaving = { config: {}, steps: [{ pid: 1, call: 'fork' }, { pid: 2, call: 'exit', code: 0 }] };

/** `--check-mode` reaches the checks: a campaign and the shrinker's replays judge in the mode they are given. */
describe.each([['incremental'], ['full'], [undefined]] as const)('check mode %s', (mode) => {
  const expected = mode ?? 'full';

  test('a campaign judges every step in it', async () => {
    const seen: (CheckMode | undefined)[] = [];
    await runCampaign({
      target: createOracle(), reference: createOracle(), invariants: [probe(seen)], checkMode: mode,
      targetSpec: 'oracle', profile: 'freebsd-r176365', seed: 1, runs: 2, generate: () => il, save: () => 'unused',
    });
    expect(seen).toEqual(Array(4).fill(expected));
  });

  test('a shrinking replay judges every step in it', async () => {
    const seen: (CheckMode | undefined)[] = [];
    expect(await replayFailure({ target: createOracle(), invariants: [probe(seen)], checkMode: mode }, il)).toBeNull();
    expect(seen).toEqual([expected, expected]);
  });
});
