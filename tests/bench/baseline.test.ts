import * as fc from 'fast-check';
import { diceArbitrary, DICE_PER_STEP, tapeRng } from '../../bench/baseline/dice';
import { runBaseline } from '../../bench/baseline/property';
import { createOracle } from '../../oracle';
import { MUTANTS } from '../../mutants';

describe('the fc.commands baseline', () => {
  it('reads choices off the tape, then 0 once it is used up', () => {
    const rng = tapeRng([0.5, 0.99]);
    expect([rng.int(0, 9), rng.int(0, 9), rng.int(0, 9)]).toEqual([5, 9, 0]);
  });

  it('dice are in [0, 1) and not all tiny (doubles would be)', () => {
    const tapes = fc.sample(diceArbitrary(), { seed: 7, numRuns: 50 });
    const all = tapes.flat();
    expect(tapes.every((t) => t.length === DICE_PER_STEP)).toBe(true);
    expect(all.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(all.filter((x) => x > 0.25).length).toBeGreaterThan(all.length / 3);
  });

  it('passes on the oracle itself, and the same seed gives the same run', () => {
    const a = runBaseline({ target: createOracle(), seed: 3, numRuns: 5, maxCommands: 20 });
    const b = runBaseline({ target: createOracle(), seed: 3, numRuns: 5, maxCommands: 20 });
    expect([a.failed, a.executions, a.steps > 0]).toEqual([false, 5, true]);
    expect(b.steps).toBe(a.steps);
  });

  it('finds a planted deviation and shrinks it with fast-check', () => {
    const r = runBaseline({ target: MUTANTS['linuxclone-xor-inverted'](), seed: 1, numRuns: 200, maxCommands: 60 });
    expect(r.failed).toBe(true);
    expect(r.finalLength).not.toBeNull();
    expect(r.shrinkReplays).toBeGreaterThan(0);
  });
});
