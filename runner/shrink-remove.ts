import type { Step } from '../interleaving';
import { createsProcess, removeWithProcesses } from './shrink-pids';
import type { ShrinkPass } from './shrink-state';

/**
 * Removes chunks of halving size, the steps alone first and then with the processes they created
 * (a fork's process is usually what the later steps lean on): the bulk of every shrink.
 */
export const removeChunks: ShrinkPass = async (s) => {
  let changed = false;
  for (let size = Math.max(1, s.steps.length >> 1); size >= 1; size >>= 1) {
    for (let start = 0; start < s.steps.length && s.budgetLeft(); ) {
      const end = Math.min(start + size, s.steps.length);
      const steps: readonly Step[] = s.steps;
      if (await s.attempt([...steps.slice(0, start), ...steps.slice(end)])) {
        changed = true;
        continue;
      }
      if (steps.slice(start, end).some(createsProcess) && (await s.attempt(removeWithProcesses(steps, start, end, await s.createdPids())))) {
        changed = true;
        continue;
      }
      start += size;
    }
  }
  return changed;
};
