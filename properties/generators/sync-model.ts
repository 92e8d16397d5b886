import type { Config, Implementation, Step, StepResult } from '../../interleaving';
// From the defining module, not the barrel: its re-exports are getters, read on every step here.
import { isPromise } from '../../interleaving/implementation';
import { Oracle } from '../../oracle/oracle';
import { kernelWorldReader } from './kernel-world';
import { SnapshotWorld, type World } from './world';

/** A synchronous model: generation must not await. */
export interface SyncModel {
  reset(config: Config): void;
  apply(step: Step): StepResult;
  /** What the generator reads of the model's state now (valid until the next step). */
  world(): World;
}

/**
 * The model as generation drives it. The oracle is read off its kernel (kernel-world.ts: one World
 * refreshed per step, no snapshot); any other model through a snapshot per step.
 */
export function syncModel(impl: Implementation): SyncModel {
  if (!impl.snapshot) throw new Error(`${impl.name} cannot guide generation: it has no snapshot`);
  const sync = <T>(v: T | Promise<T>, what: string): T => {
    if (isPromise(v)) throw new Error(`${impl.name} answered ${what} asynchronously; generation needs a synchronous model`);
    return v;
  };
  // The oracle answers synchronously by its type: its steps skip the check.
  if (impl instanceof Oracle) return { reset: (c) => impl.reset(c), apply: (s) => impl.apply(s), world: kernelWorldReader(impl) };
  return {
    reset: (c) => sync(impl.reset(c), 'reset'),
    apply: (s) => sync(impl.apply(s), 'apply'),
    world: () => new SnapshotWorld(sync(impl.snapshot!(), 'snapshot')),
  };
}
