import type { Step } from '../interleaving';
import { rewriteThenReduce } from './shrink-lookahead';
import type { ShrinkPass } from './shrink-state';

/** The steps with step `from` moved to index `to`. */
export function moveStep(steps: readonly Step[], from: number, to: number): Step[] {
  const out = [...steps.slice(0, from), ...steps.slice(from + 1)];
  out.splice(to, 0, steps[from]);
  return out;
}

/**
 * Moves one step elsewhere when that lets a step go: a wait made after the events it should see
 * instead of asleep before them frees the other processes' steps to be made by its caller.
 */
export const moveSteps: ShrinkPass = async (s) => {
  for (let from = 0; from < s.steps.length && s.budgetLeft(); from++) {
    for (let to = 0; to < s.steps.length && s.budgetLeft(); to++) {
      if (to !== from && (await rewriteThenReduce(s, moveStep(s.steps, from, to), null))) return true;
    }
  }
  return false;
};
