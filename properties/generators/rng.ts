import type * as fc from 'fast-check';

/** The generator's random choices, drawn from fast-check's seeded generator. */
export class Rng {
  constructor(private readonly random: fc.Random) {}

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return this.random.nextInt(lo, hi);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.random.nextInt(0, 9999) < p * 10000;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.random.nextInt(0, xs.length - 1)];
  }

  /** One of the entries, with probability proportional to its weight; undefined if all weigh 0. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T | undefined {
    // The weights are at hand: copied without a call per entry (inside a weighing draw, into a buffer of their own).
    const weights = busy ? new Float64Array(entries.length) : scratch(entries.length);
    for (let i = 0; i < entries.length; i++) weights[i] = entries[i][1];
    const i = this.indexByWeight(weights, entries.length);
    return i < 0 ? undefined : entries[i][0];
  }

  /**
   * One of the items, with probability proportional to its weight (undefined if all weigh 0),
   * without building weighted entries: the generator's per-step draws.
   */
  weightedBy<T>(items: readonly T[], weight: (item: T, index: number) => number): T | undefined {
    const nested = busy;
    busy = true;
    const weights = nested ? new Float64Array(items.length) : scratch(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i++) weights[i] = weight(items[i], i);
    busy = nested;
    const i = this.indexByWeight(weights, items.length);
    return i < 0 ? undefined : items[i];
  }

  /** An index below n with probability proportional to its weight (summed in index order); -1 if all weigh 0. */
  indexByWeight(weights: ArrayLike<number>, n: number): number {
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];
    if (total <= 0) return -1;
    let x = this.random.nextDouble() * total;
    for (let i = 0; i < n; i++) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return n - 1;
  }

  /** Each element kept with its own probability. */
  subset<T>(entries: readonly (readonly [T, number])[]): T[] {
    const kept: T[] = [];
    for (let i = 0; i < entries.length; i++) if (this.chance(entries[i][1])) kept.push(entries[i][0]);
    return kept;
  }
}

let buffer = new Float64Array(64);
/** A draw is weighing its items (a weight function that draws again gets a buffer of its own). */
let busy = false;

/** The reused buffer, of at least n weights. */
function scratch(n: number): Float64Array {
  if (buffer.length < n) buffer = new Float64Array(2 * n);
  return buffer;
}
