import type { ProcView, Snapshot } from '../../../interleaving';
import type { ById } from './by-id';
import { tableIndex } from './table-index';

/** The snapshot's processes by pid (shared by every invariant; nothing is built for it). */
export function procsOf(s: Snapshot): ById<ProcView> {
  return tableIndex(s).procs;
}

/** The snapshot's processes by pid as a Map (built once per snapshot), for callers that need one. */
export function procsByPid(s: Snapshot): Map<number, ProcView> {
  return tableIndex(s).procMap;
}

export const hasFlag = (p: ProcView, flag: string): boolean => p.flags.includes(flag);
export const isZombie = (p: ProcView): boolean => p.state === 'ZOMBIE';
export const isTraced = (p: ProcView): boolean => hasFlag(p, 'TRACED');
/** P_SHOULDSTOP: stopped by a signal or for the tracer (semantics.md §1.3). */
export const isStopped = (p: ProcView): boolean => hasFlag(p, 'STOPPED_SIG') || hasFlag(p, 'STOPPED_TRACE');

/** Pids present in `after` but not in `before`: the processes this step created. */
export function createdPids(before: Snapshot, after: Snapshot): readonly number[] {
  return tableIndex(after).pidChangesSince(before).created;
}

/** Pids present in `before` but not in `after`: the processes this step freed. */
export function freedPids(before: Snapshot, after: Snapshot): readonly number[] {
  return tableIndex(after).pidChangesSince(before).freed;
}
