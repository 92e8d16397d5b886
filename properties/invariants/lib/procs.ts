import type { ProcView, Snapshot } from '../../../interleaving';

const indexes = new WeakMap<Snapshot, Map<number, ProcView>>();

/** The snapshot's processes by pid (built once per snapshot). */
export function procsByPid(s: Snapshot): Map<number, ProcView> {
  let m = indexes.get(s);
  if (!m) {
    m = new Map(s.procs.map((p) => [p.pid, p]));
    indexes.set(s, m);
  }
  return m;
}

export const hasFlag = (p: ProcView, flag: string): boolean => p.flags.includes(flag);
export const isZombie = (p: ProcView): boolean => p.state === 'ZOMBIE';
export const isTraced = (p: ProcView): boolean => hasFlag(p, 'TRACED');
/** P_SHOULDSTOP: stopped by a signal or for the tracer (semantics.md §1.3). */
export const isStopped = (p: ProcView): boolean => hasFlag(p, 'STOPPED_SIG') || hasFlag(p, 'STOPPED_TRACE');

const created = new WeakMap<Snapshot, { before: Snapshot; pids: number[] }>();

/** Pids present in `after` but not in `before`: the processes this step created (computed once per step). */
export function createdPids(before: Snapshot, after: Snapshot): number[] {
  const hit = created.get(after);
  if (hit && hit.before === before) return hit.pids;
  const old = procsByPid(before);
  const pids = after.procs.filter((p) => !old.has(p.pid)).map((p) => p.pid);
  created.set(after, { before, pids });
  return pids;
}
