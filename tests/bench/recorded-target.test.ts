import { corpus } from '../../bench/corpus';
import { RecordedTarget } from '../../bench/figures/recorded-target';
import { createOracle } from '../../oracle';
import { INVARIANTS } from '../../properties/invariants';
import { executeSync } from '../../runner/execute';

/** The bench's recorded target stands in for the oracle: the same results, snapshots and verdicts, run after run. */
test('a recorded target replays the oracle: same results and counts, in corpus order and round again', () => {
  const ils = corpus(1, 12);
  const target = new RecordedTarget(ils);
  for (let round = 0; round < 2; round++) {
    for (const il of ils) {
      const counts = {};
      const live = {};
      const replayed = executeSync(target, il, { invariants: INVARIANTS, counts });
      const original = executeSync(createOracle(), il, { invariants: INVARIANTS, counts: live });
      expect(replayed.results).toEqual(original.results);
      expect(replayed.executed).toBe(il.steps.length);
      expect(counts).toEqual(live);
    }
  }
});

test('a step past the recorded run is rejected, not answered with nothing', () => {
  const [il] = corpus(2, 1);
  const target = new RecordedTarget([il]);
  target.reset();
  for (let i = 0; i < il.steps.length; i++) target.apply();
  expect(() => target.apply()).toThrow(/ended before step/);
});
