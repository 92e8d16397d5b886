import * as fc from 'fast-check';
import { Rng } from '../../properties/generators/rng';

/** How many choices one command carries; a step maker rarely needs more. */
export const DICE_PER_STEP = 6;

/** Resolution of one choice. */
const SIDES = 0x10000;

/**
 * An arbitrary tape of choices in [0, 1); fast-check shrinks each toward 0 (the first option).
 * Integers, not `fc.double`: doubles are drawn evenly over their bit patterns, so nearly all
 * would be tiny and every choice would be the first one.
 */
export function diceArbitrary(length = DICE_PER_STEP): fc.Arbitrary<number[]> {
  const die = fc.integer({ min: 0, max: SIDES - 1 }).map((n) => n / SIDES, (x) => Math.round((x as number) * SIDES));
  return fc.array(die, { minLength: length, maxLength: length });
}

/**
 * The generator's `Rng` reading its choices off a tape instead of a seeded generator (0 once the
 * tape is used up), so a fast-check-generated command picks its step with the catalogue's own makers.
 * Only the two methods `Rng` calls are provided.
 */
export function tapeRng(tape: readonly number[]): Rng {
  let next = 0;
  const draw = (): number => (next < tape.length ? tape[next++] : 0);
  const random = {
    nextInt: (lo: number, hi: number): number => lo + Math.floor(draw() * (hi - lo + 1)),
    nextDouble: draw,
  };
  return new Rng(random as unknown as fc.Random);
}
