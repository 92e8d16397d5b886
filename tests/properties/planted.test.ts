import { INVARIANTS, INVARIANTS_BY_NAME } from '../../properties/invariants';
import { createModel } from '../../properties/model';
import { runOne } from '../../properties/run-one';
import { runSeed } from '../../properties/seeds';
import { executeSync } from '../../runner/execute';
import { deviant } from './deviant';
import { DEVIATIONS } from './deviations';

const MAX_RUNS = 2000;
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
      const seed = runSeed(7001, run);
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
