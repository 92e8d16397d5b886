import type { StepResult } from '../../../interleaving';

const NONE: ReadonlySet<number> = new Set();

/**
 * The pids whose wait failed with EFAULT during the step: wait4 reaps or hands back a zombie before
 * its copyout, so such a wait may have changed the table without reporting anything (E19).
 */
export function faultedWaiters(result: StepResult): ReadonlySet<number> {
  let pids: Set<number> | null = null;
  for (const o of result.observations) if ((o.call === 'wait4' || o.call === 'owait') && o.errno === 'EFAULT') (pids ??= new Set()).add(o.pid);
  return pids ?? NONE;
}
