import { creationForms } from './shrink-alternatives';
import { rewriteThenReduce } from './shrink-lookahead';
import type { ShrinkPass } from './shrink-state';

/**
 * Changes how two processes are created at once (fork, vfork, an RFLINUXTHPN child) when that lets
 * a step go. One change at a time (shrink-trade.ts) misses a failure that needs both: a vfork parent
 * that observes the death of a child whose own child signals it with SIGUSR1, say. Creating steps
 * are few and so are their forms, so trying every pair stays cheap.
 */
export const recreateProcesses: ShrinkPass = async (s) => {
  const creators = s.steps.map((step, i) => (creationForms(step).length > 0 ? i : -1)).filter((i) => i >= 0);
  for (const [n, i] of creators.entries()) {
    for (const j of creators.slice(n + 1)) {
      for (const a of creationForms(s.steps[i])) {
        for (const b of creationForms(s.steps[j])) {
          if (!s.budgetLeft()) return false;
          const rewrite = s.steps.map((step, k) => (k === i ? a : k === j ? b : step));
          if (await rewriteThenReduce(s, rewrite, [i, j])) return true;
        }
      }
    }
  }
  return false;
};
