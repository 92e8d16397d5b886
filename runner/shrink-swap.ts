import type { Step } from '../interleaving';
import { mapStepPids, pidsOf } from './shrink-pids';
import type { ShrinkPass } from './shrink-state';

/** Every pid the steps mention, in order: compared lexicographically, lower reads simpler. */
function pidKey(steps: readonly Step[]): number[] {
  return steps.flatMap(pidsOf);
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}

/**
 * The steps with the processes created at steps `i` < `j` trading places from step `j` on: what one
 * did the other now does. Null when a step between the two creations mentions the first (its pid
 * then still means the first process, so the trade would not be one).
 */
export function swapCreated(steps: readonly Step[], i: number, j: number, created: readonly (number | null)[]): Step[] | null {
  const a = created[i];
  const b = created[j];
  if (a === null || b === null || a === undefined || b === undefined) return null;
  if (steps.slice(i + 1, j + 1).some((s) => pidsOf(s).includes(a))) return null;
  const out: Step[] = steps.slice(0, j + 1);
  for (const s of steps.slice(j + 1)) {
    const m = mapStepPids(s, (p) => (p === a ? b : p === b ? a : p));
    if (m === null) return null;
    out.push(m);
  }
  return out;
}

/**
 * Lets two created processes trade places when that puts lower pids first (a well-founded order, so
 * the pass ends): results read alike whichever sibling the found case gave a part to, and a part
 * played by the first child can then be traded for another form that only the first child allows
 * (a vfork by init after a fork, shrink-trade.ts).
 */
export const swapProcesses: ShrinkPass = async (s) => {
  let changed = false;
  for (let j = 0; j < s.steps.length && s.budgetLeft(); j++) {
    for (let i = 0; i < j && s.budgetLeft(); i++) {
      const created = await s.createdPids();
      const swapped = swapCreated(s.steps, i, j, created);
      if (swapped !== null && lexLess(pidKey(swapped), pidKey(s.steps)) && (await s.attempt(swapped))) changed = true;
    }
  }
  return changed;
};
