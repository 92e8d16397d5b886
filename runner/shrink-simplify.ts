import { simplerSteps } from './shrink-args';
import { knownPidsBefore, lowerPidVariants } from './shrink-pids';
import type { ShrinkPass } from './shrink-state';

/**
 * Simplifies each step in place until it no longer simplifies: simpler arguments (shrink-args.ts),
 * then lower pids (a fork hoisted to an ancestor, a call moved to init), so results read alike.
 */
export const simplifyArguments: ShrinkPass = async (s) => {
  let changed = false;
  for (let i = 0; i < s.steps.length && s.budgetLeft(); i++) {
    for (let progress = true; progress && i < s.steps.length; ) {
      progress = false;
      const steps = s.steps;
      for (const variant of [...simplerSteps(steps[i]), ...lowerPidVariants(steps[i], knownPidsBefore(steps, i))]) {
        if (await s.attempt([...steps.slice(0, i), variant, ...steps.slice(i + 1)])) {
          changed = progress = true;
          break;
        }
      }
    }
  }
  return changed;
};
