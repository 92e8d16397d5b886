import type { Step } from '../../../interleaving';
import type { Rng } from '../rng';
import type { World, WorldProc } from '../world';

/** What a step maker sees: the state, the chosen caller, the dice, and the run's bias knobs. */
export interface MakeContext {
  world: World;
  caller: WorldProc;
  rng: Rng;
  /** Share of deliberately invalid arguments (unknown bits, wrong pids, bad pointers). */
  invalidShare: number;
}

/**
 * One family of calls: how much it is wanted for this caller (a number when that never depends on
 * the state: the draw then makes no call for it), and a step for it.
 */
export interface Maker {
  readonly name: string;
  readonly weight: number | ((ctx: MakeContext) => number);
  make(ctx: MakeContext): Step;
}
