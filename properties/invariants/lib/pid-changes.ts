import type { ProcView } from '../../../interleaving';
import { viewChanges } from './table-changes';

/** The pids a step created and freed: what most checks ask of a step's change set, without comparing views. */
export interface PidChanges {
  /** Pids in `after` only, in pid order. */
  readonly created: readonly number[];
  /** Pids in `before` only, in pid order. */
  readonly freed: readonly number[];
}

/** The one empty list (never written to). */
const EMPTY: readonly never[] = Object.freeze([]);
const NONE: PidChanges = { created: EMPTY, freed: EMPTY };

const pidOf = (p: ProcView): number => p.pid;

/**
 * Compares two process lists sorted by pid by their pids alone (no view is read beyond its pid), with
 * the same `created` and `freed` as `viewChanges`; an unsorted list (against the Snapshot contract)
 * is left to it.
 */
export function pidChanges(before: readonly ProcView[], after: readonly ProcView[]): PidChanges {
  if (before === after) return NONE;
  let created: number[] | null = null;
  let freed: number[] | null = null;
  let i = 0;
  let j = 0;
  let lastA = -Infinity;
  let lastB = -Infinity;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? before[i].pid : Infinity;
    const b = j < after.length ? after[j].pid : Infinity;
    if (a < lastA || b < lastB) return viewChanges(before, after, pidOf);
    if (a < b) {
      if (a !== lastA) (freed ??= []).push(a);
      lastA = a;
      i++;
    } else if (b < a) {
      if (b !== lastB && b !== lastA) (created ??= []).push(b);
      lastB = b;
      j++;
    } else {
      lastA = a;
      lastB = b;
      i++;
      j++;
    }
  }
  return created === null && freed === null ? NONE : { created: created ?? EMPTY, freed: freed ?? EMPTY };
}
