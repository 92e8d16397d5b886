import type { CheckContext } from '../../runner/check';

/** An interesting state a run may reach; the soak reports the share of runs that reach each. */
export interface CoverageState {
  readonly name: string;
  /** Fresh per-run memory; the probe says whether this step reached the state. */
  start(): (ctx: CheckContext) => boolean;
}

/** A state recognised from one step alone. */
export function stateOf(name: string, reached: (ctx: CheckContext) => boolean): CoverageState {
  return { name, start: () => reached };
}
