import type { Implementation, Interleaving } from '../interleaving';
import { executeSync } from '../runner/execute';
import { createdPids } from './invariants/lib/procs';

/** The pid each step created on a model (for the shrinker's pid renumbering), null where none. */
export function createdPidsOn(model: Implementation, il: Interleaving): (number | null)[] {
  const created: (number | null)[] = il.steps.map(() => null);
  executeSync(model, il, {
    observe: ({ index, before, after }) => {
      if (before && after) created[index] = createdPids(before, after)[0] ?? null;
    },
  });
  return created;
}
