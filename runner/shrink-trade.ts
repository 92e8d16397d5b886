import { alternativeSteps } from './shrink-alternatives';
import { simplerSteps } from './shrink-args';
import { rewriteThenReduce } from './shrink-lookahead';
import { knownPidsBefore } from './shrink-pids';
import type { ShrinkPass } from './shrink-state';

/**
 * Trades one step for another form (simpler, or only different: shrink-alternatives.ts) when that
 * lets a step go. Removal and in-place simplification stop at a 1-minimal interleaving; the
 * shortest one often needs different steps, not fewer (fork+wait → vfork, a debugger's death → an
 * exit).
 */
export const tradeStep: ShrinkPass = async (s) => {
  for (let i = 0; i < s.steps.length && s.budgetLeft(); i++) {
    const steps = s.steps;
    const created = await s.createdPids();
    const known = [...new Set([...knownPidsBefore(steps, i), ...created.slice(0, i).filter((p): p is number => p !== null)])].sort((x, y) => x - y);
    for (const variant of [...simplerSteps(steps[i]), ...alternativeSteps(steps[i], known)]) {
      if (s.budgetLeft() && (await rewriteThenReduce(s, [...steps.slice(0, i), variant, ...steps.slice(i + 1)], [i]))) return true;
    }
  }
  return false;
};
