import type { Step } from '../interleaving';
import { pidsOf } from './shrink-pids';

/**
 * Other forms of one step that are no simpler, only different: vfork for fork (the parent sleeps
 * until the child exits, as a wait would make it), the call made by another process, and the exit
 * of a process the step names (a death by exit instead of by signal or debugger). Never adopted on
 * their own, only when they let another step go (shrink-trade.ts), so the shrink still terminates.
 */
export function alternativeSteps(step: Step, known: readonly number[]): Step[] {
  const out: Step[] = [];
  if (step.call === 'fork') out.push({ pid: step.pid, call: 'vfork' });
  for (const q of known) if (q !== step.pid) out.push({ ...step, pid: q });
  if (step.call !== 'exit') for (const p of new Set(pidsOf(step))) out.push({ pid: p, call: 'exit', code: 0 });
  return out;
}
