import type { Implementation, Step, StepResult } from '../../interleaving';
import { isPromise, withDefaults } from '../../interleaving';
import { Oracle } from '../../oracle/oracle';
import { kernelWorldState } from './kernel-world-state';
import type { WorldState } from './world';

/** A synchronous model: generation must not await. */
export interface SyncModel {
  reset(config: ReturnType<typeof withDefaults>): void;
  apply(step: Step): StepResult;
  /** What the generator reads of the model's state now (valid until the next step). */
  state(): WorldState;
}

/**
 * The model as generation drives it. The oracle's state is read off its kernel (kernel-world-state.ts,
 * no snapshot per step); any other model's from its snapshots.
 */
export function syncModel(impl: Implementation): SyncModel {
  if (!impl.snapshot) throw new Error(`${impl.name} cannot guide generation: it has no snapshot`);
  const sync = <T>(v: T | Promise<T>, what: string): T => {
    if (isPromise(v)) throw new Error(`${impl.name} answered ${what} asynchronously; generation needs a synchronous model`);
    return v;
  };
  const snapshot = () => sync(impl.snapshot!(), 'snapshot');
  return {
    reset: (c) => sync(impl.reset(c), 'reset'),
    apply: (s) => sync(impl.apply(s), 'apply'),
    state: impl instanceof Oracle ? () => kernelWorldState(impl.state) : snapshot,
  };
}
