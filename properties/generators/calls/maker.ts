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

/** One family of calls: how much it is wanted for this caller, and a step for it. */
export interface Maker {
  readonly name: string;
  weight(ctx: MakeContext): number;
  make(ctx: MakeContext): Step;
}
