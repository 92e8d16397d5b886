import type { Step } from '../interleaving';
import { createsProcess, withoutCreations } from './shrink-pids';
import type { ShrinkPass } from './shrink-state';

/**
 * The steps without the creating step `i`, its process folded into its creator: whatever the child
 * did, the parent now does (a wait by a childless child becomes the parent's), later pids shift down.
 */
export function mergeIntoCreator(steps: readonly Step[], i: number, created: readonly (number | null)[]): Step[] {
  const creator = steps[i].pid;
  return withoutCreations(steps, i, i + 1, created, () => creator);
}

/**
 * Folds each created process into its creator. Removal drops a process with everything it did; a
 * failure often needs only what it did, done by someone else (e.g. a call by a childless caller: the
 * shortest caller is init, which has no children at the start).
 */
export const mergeProcesses: ShrinkPass = async (s) => {
  for (let i = 0; i < s.steps.length && s.budgetLeft(); i++) {
    if (createsProcess(s.steps[i]) && (await s.attempt(mergeIntoCreator(s.steps, i, await s.createdPids())))) return true;
  }
  return false;
};
