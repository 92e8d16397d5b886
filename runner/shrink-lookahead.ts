import type { Step } from '../interleaving';
import { mergeIntoCreator } from './shrink-merge';
import { createsProcess, removeWithProcesses } from './shrink-pids';
import { cutAfterFailure, type ShrinkState } from './shrink-state';

/** Every interleaving one step shorter (or more, with the processes a fork created) than `steps`. */
function reductions(steps: readonly Step[], created: readonly (number | null)[]): Step[][] {
  const out: Step[][] = [];
  for (let j = 0; j < steps.length; j++) {
    out.push([...steps.slice(0, j), ...steps.slice(j + 1)]);
    if (createsProcess(steps[j])) out.push(removeWithProcesses(steps, j, j + 1, created), mergeIntoCreator(steps, j, created));
  }
  return out;
}

/**
 * Tries a same-length rewrite of the current steps one step deep: adopted only when it, or it with
 * one reduction, is shorter than the current steps. When the rewrite still fails, every reduction
 * is tried; when it does not, only removing one other step than the rewritten ones (`rewritten`, when
 * given): the rewrite may have put a step in the way (a vfork parent asleep for its next call), or
 * an earlier step may hide what it now shows (a setsid that moves a child out of the waited group).
 * True when adopted.
 */
export async function rewriteThenReduce(s: ShrinkState, rewrite: readonly Step[], rewritten: readonly number[] | null): Promise<boolean> {
  const f = await s.probe(rewrite);
  if (f !== null) {
    const cut = cutAfterFailure(rewrite, f);
    if (cut.length < s.steps.length) {
      s.adopt(cut, f);
      return true;
    }
    for (const r of reductions(cut, await s.createdPids(cut))) if (s.budgetLeft() && (await s.attempt(r))) return true;
    return false;
  }
  if (rewritten === null) return false;
  for (let j = 0; j < rewrite.length && s.budgetLeft(); j++) {
    if (!rewritten.includes(j) && (await s.attempt([...rewrite.slice(0, j), ...rewrite.slice(j + 1)]))) return true;
  }
  return false;
}
