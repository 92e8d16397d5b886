import * as fc from 'fast-check';
import { Rng } from '../../properties/generators/rng';

/** fast-check's generator for a seed, as fc.sample hands it to the interleaving arbitrary. */
class RandomArbitrary extends fc.Arbitrary<fc.Random> {
  generate(mrng: fc.Random): fc.Value<fc.Random> {
    return new fc.Value(mrng.clone(), undefined);
  }
  canShrinkWithoutContext(_value: unknown): _value is fc.Random {
    return false;
  }
  shrink(): fc.Stream<fc.Value<fc.Random>> {
    return fc.Stream.nil();
  }
}

const randomFor = (seed: number) => fc.sample(new RandomArbitrary(), { seed, numRuns: 1 })[0];

/** The draw spelled out: one double scaled by the total, walked down the list. */
function reference<T>(random: fc.Random, items: readonly T[], weight: (x: T) => number): T | undefined {
  const total = items.reduce((s, x) => s + weight(x), 0);
  if (total <= 0) return undefined;
  let x = random.nextDouble() * total;
  for (const item of items) {
    if (x < weight(item)) return item;
    x -= weight(item);
  }
  return items[items.length - 1];
}

describe('Rng.weighted and weightedBy', () => {
  it('picks in proportion to the weights, the same item for the same dice (zero weights and empty lists included)', () => {
    const random = randomFor(424242);
    const plain = random.clone();
    const rng = new Rng(random.clone());
    const shapes = new Rng(randomFor(7));
    let picks = 0;
    for (let draw = 0; draw < 5000; draw++) {
      const items = Array.from({ length: shapes.int(0, 30) }, (_, i) => ({ i, w: shapes.chance(0.2) ? 0 : shapes.int(1, 100) / 7 }));
      const a = reference(plain, items, (x) => x.w);
      expect(draw % 2 ? rng.weightedBy(items, (x) => x.w) : rng.weighted(items.map((x) => [x, x.w] as const))).toBe(a);
      if (a !== undefined) picks++;
    }
    expect(picks).toBeGreaterThan(4000);
  });

  it('keeps a draw intact when its weights draw again (the nested draw weighs in a buffer of its own)', () => {
    const random = randomFor(99);
    const plain = random.clone();
    const rng = new Rng(random.clone());
    const inner = new Rng(randomFor(5));
    const items = Array.from({ length: 40 }, (_, i) => ({ i, w: 1 + (i % 7) }));
    for (let draw = 0; draw < 200; draw++) {
      const a = reference(plain, items, (x) => x.w);
      const nested = (x: { w: number }) => (inner.weighted(items.map((y) => [y, 100 - y.i] as const)) !== undefined ? x.w : 0);
      expect(rng.weightedBy(items, nested)).toBe(a);
    }
  });
});
