import type { ProcView, Snapshot } from '../../../interleaving';

/** The pids a step created (in `after` only) and freed (in `before` only), each once, in list order. */
export interface PidTurnover {
  readonly created: readonly number[];
  readonly freed: readonly number[];
}

/** Shared by the steps that neither create nor free a process (most of them; never written to). */
const NONE: PidTurnover = { created: [], freed: [] };

/** The last pair asked for: every check of one step asks about the same two snapshots. */
let lastBefore: Snapshot | null = null;
let lastAfter: Snapshot | null = null;
let last: PidTurnover = NONE;

/**
 * Which pids came and went between two snapshots, from their pid lists alone (no view is compared:
 * a full check needs no more). One walk when the lists are sorted by pid, as the Snapshot contract
 * keeps them; otherwise a set difference, in list order.
 */
export function pidTurnover(before: Snapshot, after: Snapshot): PidTurnover {
  if (before !== lastBefore || after !== lastAfter) {
    lastBefore = before;
    lastAfter = after;
    last = samePids(before.procs, after.procs) ? NONE : (sortedTurnover(before.procs, after.procs) ?? setTurnover(before.procs, after.procs));
  }
  return last;
}

/**
 * Whether the lists hold the same pid at every position. A view shared by both (the oracle shares
 * every unchanged one) is compared without reading it, so a step that changed one view reads one.
 */
function samePids(before: readonly ProcView[], after: readonly ProcView[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i] && before[i].pid !== after[i].pid) return false;
  return true;
}

/** The merge of two lists sorted by pid (a repeated pid counts once); null when one is not sorted. */
function sortedTurnover(before: readonly ProcView[], after: readonly ProcView[]): PidTurnover | null {
  let created: number[] | null = null;
  let freed: number[] | null = null;
  let i = 0;
  let j = 0;
  let lastA = -Infinity;
  let lastB = -Infinity;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? before[i].pid : Infinity;
    const b = j < after.length ? after[j].pid : Infinity;
    if (a < lastA || b < lastB) return null;
    if (a < b) {
      if (a !== lastA) (freed ??= []).push(a);
      lastA = a;
      i++;
    } else if (b < a) {
      if (b !== lastB) (created ??= []).push(b);
      lastB = b;
      j++;
    } else {
      lastA = a;
      lastB = b;
      i++;
      j++;
    }
  }
  return created === null && freed === null ? NONE : { created: created ?? NONE.created, freed: freed ?? NONE.freed };
}

function setTurnover(before: readonly ProcView[], after: readonly ProcView[]): PidTurnover {
  const was = new Set(before.map((p) => p.pid));
  const now = new Set(after.map((p) => p.pid));
  return { created: [...now].filter((x) => !was.has(x)), freed: [...was].filter((x) => !now.has(x)) };
}
