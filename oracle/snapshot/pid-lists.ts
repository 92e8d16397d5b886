import type { Proc } from '../kernel/proc';

/** Whether `pids` lists the pids of `procs`, in order. */
export function samePids(procs: readonly Proc[], pids: readonly number[]): boolean {
  if (procs.length !== pids.length) return false;
  for (let i = 0; i < pids.length; i++) if (procs[i].pid !== pids[i]) return false;
  return true;
}

/** The pids of `procs`: the previous view's list itself while it still lists them. */
export function pidsOf(procs: readonly Proc[], prev: number[] | undefined): number[] {
  return prev !== undefined && samePids(procs, prev) ? prev : procs.map((p) => p.pid);
}
