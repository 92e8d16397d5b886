import { INVARIANTS, INVARIANTS_BY_NAME } from '../../properties/invariants';
import { createModel } from '../../properties/model';
import { runOne } from '../../properties/run-one';
import { runSeed } from '../../properties/seeds';
import { executeSync } from '../../runner/execute';
import { deviant } from './deviant';
import { DEVIATIONS } from './deviations';

const MAX_RUNS = 2000;
/**
 * The runs searched are `runSeed(SEED_BASE, 0..)`. From base 2 every deviation is caught within 21
 * runs (111 in all); from 7001, the base this test first had, the continue deviation took 749 (857
 * in all), most of the suite's time here. Any base shows the same thing: the search is fixed.
 */
const SEED_BASE = 2;
const model = createModel();
const oracle = createModel();

describe('every invariant catches a planted deviation', () => {
  it('has one deviation per invariant', () => {
    expect(DEVIATIONS.map((d) => d.invariant).sort()).toEqual(INVARIANTS.map((i) => i.name).sort());
  });

  it.each(DEVIATIONS.map((d) => [d.invariant, d] as const))('%s', (name, d) => {
    const inv = INVARIANTS_BY_NAME.get(name)!;
    const target = deviant(createModel(), d);
    for (let run = 0; run < MAX_RUNS; run++) {
      const seed = runSeed(SEED_BASE, run);
      const { interleaving, outcome } = runOne(seed, { model, target, checks: [inv] });
      if (outcome.failure === null) continue;
      expect(outcome.failure.property).toBe(name);
      if (process.env.SHOW_DEVIATIONS) console.log(`${name}: ${outcome.failure.message}`);
      // The faithful oracle passes the same interleaving: the deviation, not the run, is to blame.
      expect(executeSync(oracle, interleaving, { invariants: [inv] }).failure).toBeNull();
      return;
    }
    throw new Error(`${name} did not catch "${d.what}" in ${MAX_RUNS} runs`);
  });
});
