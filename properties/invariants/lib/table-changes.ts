import type { PgrpView, ProcView, SessionView, Snapshot } from '../../../interleaving';
import { sameData } from './same-data';

/** What changed in one kind of view (processes, pgrps or sessions) between two snapshots. */
export interface ViewChanges<V> {
  /** Views of `after` that are new or differ from their `before` view, in id order. */
  readonly fresh: readonly V[];
  /** Views of `before` that are gone or differ from their `after` view, in id order. */
  readonly stale: readonly V[];
  /** Ids in `after` but not in `before`. */
  readonly created: readonly number[];
  /** Ids in `before` but not in `after`. */
  readonly freed: readonly number[];
  /** Whether `after` lists some id twice. */
  readonly repeated: boolean;
}

/** The one empty list of every kind a step left unchanged. */
const EMPTY: readonly never[] = Object.freeze([]);
const NONE: ViewChanges<never> = Object.freeze({ fresh: EMPTY, stale: EMPTY, created: EMPTY, freed: EMPTY, repeated: false });

/**
 * Compares two lists sorted by id, element by element. Derived from the snapshots alone, so it holds
 * for any implementation and cannot miss a change: whatever differs between the two tables is in
 * it. A view shared by both is unchanged (snapshots are read-only). When the lists share some view
 * (the oracle shares every unchanged one) a view not shared counts as changed, which at worst
 * judges an equal view again; when they share none (a target that builds plain snapshots afresh)
 * views are compared field by field. An unsorted list (against the Snapshot contract) counts every
 * view as changed.
 */
export function viewChanges<V>(before: readonly V[], after: readonly V[], id: (v: V) => number): ViewChanges<V> {
  if (before === after) return NONE;
  const out = new Collected<V>();
  /** Pairs with one id that are different objects, until it is known whether the lists share views. */
  let unshared: V[] | null = null;
  let shares = false;
  let i = 0;
  let j = 0;
  let lastA = -Infinity;
  let lastB = -Infinity;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? id(before[i]) : Infinity;
    const b = j < after.length ? id(after[j]) : Infinity;
    if (a < lastA || b < lastB) return everything(before, after, id);
    if (a < b) {
      out.gone(before[i], a !== lastA ? a : null);
      lastA = a;
      i++;
      continue;
    }
    if (b < a) {
      out.came(after[j], b === lastB ? null : b !== lastA ? b : null);
      if (b === lastB) out.repeated = true;
      lastB = b;
      j++;
      continue;
    }
    if (before[i] === after[j]) shares = true;
    else if (shares) out.changed(before[i], after[j]);
    else (unshared ??= []).push(before[i], after[j]);
    if (b === lastB) out.repeated = true;
    lastA = a;
    lastB = b;
    i++;
    j++;
  }
  if (unshared !== null) {
    for (let k = 0; k < unshared.length; k += 2) if (shares || !sameData(unshared[k], unshared[k + 1])) out.changed(unshared[k], unshared[k + 1]);
    // The set-aside pairs went in last: put the lists back in id order.
    out.fresh?.sort((x, y) => id(x) - id(y));
    out.stale?.sort((x, y) => id(x) - id(y));
  }
  return out.result();
}

/** The lists of ViewChanges, each allocated on its first entry (most steps change one or two views). */
class Collected<V> {
  fresh: V[] | null = null;
  stale: V[] | null = null;
  created: number[] | null = null;
  freed: number[] | null = null;
  repeated = false;

  changed(was: V, now: V): void {
    (this.stale ??= []).push(was);
    (this.fresh ??= []).push(now);
  }

  /** A view of `before` only; `freed` its id unless it repeats one. */
  gone(was: V, freed: number | null): void {
    (this.stale ??= []).push(was);
    if (freed !== null) (this.freed ??= []).push(freed);
  }

  /** A view of `after` only; `created` its id unless it repeats one. */
  came(now: V, created: number | null): void {
    (this.fresh ??= []).push(now);
    if (created !== null) (this.created ??= []).push(created);
  }

  result(): ViewChanges<V> {
    if (this.fresh === null && this.stale === null) return NONE;
    return { fresh: this.fresh ?? EMPTY, stale: this.stale ?? EMPTY, created: this.created ?? EMPTY, freed: this.freed ?? EMPTY, repeated: this.repeated };
  }
}

/** The fallback for unsorted lists: every view changed; created and freed by set difference. */
function everything<V>(before: readonly V[], after: readonly V[], id: (v: V) => number): ViewChanges<V> {
  const was = new Set(before.map(id));
  const now = new Set(after.map(id));
  return {
    fresh: [...after],
    stale: [...before],
    created: [...now].filter((x) => !was.has(x)),
    freed: [...was].filter((x) => !now.has(x)),
    repeated: now.size !== after.length,
  };
}

/**
 * How a step changed the table: the process, pgrp and session views that differ between its
 * `before` and `after`. An invariant that held on `before` can only be broken where these are, so
 * the incremental checks judge them and what they relate to (each invariant's file says why that
 * suffices).
 */
export class TableChanges {
  private procChanges?: ViewChanges<ProcView>;
  private pgrpChanges?: ViewChanges<PgrpView>;
  private sessionChanges?: ViewChanges<SessionView>;
  private touchedPids?: ReadonlySet<number>;

  constructor(
    readonly before: Snapshot,
    readonly after: Snapshot,
  ) {}

  get procs(): ViewChanges<ProcView> {
    return (this.procChanges ??= viewChanges(this.before.procs, this.after.procs, (p) => p.pid));
  }

  get pgrps(): ViewChanges<PgrpView> {
    return (this.pgrpChanges ??= viewChanges(this.before.pgrps, this.after.pgrps, (g) => g.pgid));
  }

  get sessions(): ViewChanges<SessionView> {
    return (this.sessionChanges ??= viewChanges(this.before.sessions, this.after.sessions, (x) => x.sid));
  }

  /** Whether process `pid` is new, gone or changed. */
  touched(pid: number): boolean {
    const { fresh, stale } = this.procs;
    if (fresh.length + stale.length <= 8) return fresh.some((p) => p.pid === pid) || stale.some((p) => p.pid === pid);
    this.touchedPids ??= new Set([...fresh, ...stale].map((p) => p.pid));
    return this.touchedPids.has(pid);
  }

  /**
   * The processes of `after` that are changed or new, or whose parent is (the neighbourhood of a
   * check that reads a process and its parent), in pid order.
   */
  freshOrParentTouched(): readonly ProcView[] {
    const { fresh, stale } = this.procs;
    if (fresh.length === 0 && stale.length === 0) return fresh;
    return this.after.procs.filter((p) => fresh.includes(p) || this.touched(p.ppid));
  }
}
