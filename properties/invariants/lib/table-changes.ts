import type { PgrpView, ProcView, SessionView, Snapshot } from '../../../interleaving';
import { sameData } from './same-data';

/** What changed in one kind of view (processes, pgrps or sessions) between two snapshots. */
export interface ViewChanges<V> {
  /** Views of `after` that are new or differ from `before`'s, in id order. */
  readonly fresh: readonly V[];
  /** Views of `before` that are gone or differ from `after`'s, in id order. */
  readonly stale: readonly V[];
  /** Ids in `after` only. */
  readonly created: readonly number[];
  /** Ids in `before` only. */
  readonly freed: readonly number[];
  /** Whether `after` lists some id twice (against the Snapshot contract). */
  readonly repeated: boolean;
}

/** The one empty list of every kind a step left unchanged (never written to). */
const EMPTY: readonly never[] = Object.freeze([]);
const NONE: ViewChanges<never> = Object.freeze({ fresh: EMPTY, stale: EMPTY, created: EMPTY, freed: EMPTY, repeated: false });

/** `list` with `x` appended: a new array in place of the shared empty one, else the same array. */
function append<T>(list: readonly T[], x: T): readonly T[] {
  if (list === EMPTY) return [x];
  (list as T[]).push(x);
  return list;
}

/** The lists of ViewChanges as they are collected (most steps change one or two views, so nothing else is allocated). */
class Collected<V> implements ViewChanges<V> {
  fresh: readonly V[] = EMPTY;
  stale: readonly V[] = EMPTY;
  created: readonly number[] = EMPTY;
  freed: readonly number[] = EMPTY;
  repeated = false;

  changed(was: V, now: V): void {
    this.stale = append(this.stale, was);
    this.fresh = append(this.fresh, now);
  }
}

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
  let shares = sharesByPosition(before, after);
  /** Pairs with one id that are different objects, until it is known whether the lists share views. */
  let unshared: V[] | null = null;
  let i = 0;
  let j = 0;
  let lastA = -Infinity;
  let lastB = -Infinity;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? id(before[i]) : Infinity;
    const b = j < after.length ? id(after[j]) : Infinity;
    if (a < lastA || b < lastB) return everything(before, after, id);
    if (a < b) {
      out.stale = append(out.stale, before[i]);
      if (a !== lastA) out.freed = append(out.freed, a);
      lastA = a;
      i++;
    } else if (b < a) {
      out.fresh = append(out.fresh, after[j]);
      if (b === lastB) out.repeated = true;
      else if (b !== lastA) out.created = append(out.created, b);
      lastB = b;
      j++;
    } else {
      if (before[i] === after[j]) shares = true;
      else if (shares) out.changed(before[i], after[j]);
      else (unshared ??= []).push(before[i], after[j]);
      if (b === lastB) out.repeated = true;
      lastA = a;
      lastB = b;
      i++;
      j++;
    }
  }
  if (unshared !== null) {
    for (let k = 0; k < unshared.length; k += 2) if (shares || !sameData(unshared[k], unshared[k + 1])) out.changed(unshared[k], unshared[k + 1]);
    // The set-aside pairs went in last: put the lists back in id order.
    if (out.fresh.length > 1) (out.fresh as V[]).sort((x, y) => id(x) - id(y));
    if (out.stale.length > 1) (out.stale as V[]).sort((x, y) => id(x) - id(y));
  }
  return out.fresh.length === 0 && out.stale.length === 0 ? NONE : out;
}

/** Whether the lists hold one object at the same position (they share views; most steps keep positions). */
function sharesByPosition<V>(before: readonly V[], after: readonly V[]): boolean {
  const n = Math.min(before.length, after.length);
  for (let k = n - 1; k >= 0; k--) if (before[k] === after[k]) return true;
  return false;
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

const pidOf = (p: ProcView): number => p.pid;
const pgidOf = (g: PgrpView): number => g.pgid;
const sidOf = (x: SessionView): number => x.sid;

/** Whether a short list of views holds one with this id. */
function holds<V>(list: readonly V[], id: (v: V) => number, x: number): boolean {
  for (let k = 0; k < list.length; k++) if (id(list[k]) === x) return true;
  return false;
}

/**
 * How a step changed the table: the process, pgrp and session views that differ between its
 * `before` and `after`. An invariant that held on `before` can only be broken where these are, so
 * the incremental checks judge them and what they relate to (each invariant's file says why that
 * suffices). Each kind is compared on first use.
 */
export class TableChanges {
  private procChanges?: ViewChanges<ProcView>;
  private pgrpChanges?: ViewChanges<PgrpView>;
  private sessionChanges?: ViewChanges<SessionView>;

  constructor(
    readonly before: Snapshot,
    readonly after: Snapshot,
  ) {}

  get procs(): ViewChanges<ProcView> {
    return (this.procChanges ??= viewChanges(this.before.procs, this.after.procs, pidOf));
  }

  get pgrps(): ViewChanges<PgrpView> {
    return (this.pgrpChanges ??= viewChanges(this.before.pgrps, this.after.pgrps, pgidOf));
  }

  get sessions(): ViewChanges<SessionView> {
    return (this.sessionChanges ??= viewChanges(this.before.sessions, this.after.sessions, sidOf));
  }

  /** Whether nothing in the process list changed. */
  get noProcChanged(): boolean {
    return this.procs === NONE;
  }

  /** Whether process `pid` is new, gone or changed. */
  touched(pid: number): boolean {
    const { fresh, stale } = this.procs;
    return holds(fresh, pidOf, pid) || holds(stale, pidOf, pid);
  }

  /** Whether the view `p` of `after` is new or changed. */
  isFresh(p: ProcView): boolean {
    return this.procs.fresh.includes(p);
  }

  /** The `after` view of a process the step touched (undefined if gone or untouched). */
  freshView(pid: number): ProcView | undefined {
    const { fresh } = this.procs;
    for (let k = 0; k < fresh.length; k++) if (fresh[k].pid === pid) return fresh[k];
    return undefined;
  }

  /** The `before` view of a process the step touched (undefined if new or untouched). */
  staleView(pid: number): ProcView | undefined {
    const { stale } = this.procs;
    for (let k = 0; k < stale.length; k++) if (stale[k].pid === pid) return stale[k];
    return undefined;
  }

  /** The pids of touched processes for which `differs(before view, after view)` holds (undefined: absent on that side). */
  touchedWhere(differs: (was: ProcView | undefined, now: ProcView | undefined) => boolean): readonly number[] {
    const { fresh, stale } = this.procs;
    let out: readonly number[] = EMPTY;
    for (let k = 0; k < stale.length; k++) if (differs(stale[k], this.freshView(stale[k].pid))) out = append(out, stale[k].pid);
    for (let k = 0; k < fresh.length; k++) if (this.staleView(fresh[k].pid) === undefined && differs(undefined, fresh[k])) out = append(out, fresh[k].pid);
    return out;
  }

  /**
   * The processes of `after` a check of a process and its parent must judge again: the new and
   * changed ones, and those whose parent differs in what the check reads of it (`differs` of the
   * parent's two views), in pid order. The table is scanned only when some parent differs.
   */
  nearParents(differs: (was: ProcView | undefined, now: ProcView | undefined) => boolean): readonly ProcView[] {
    const { fresh } = this.procs;
    const parents = this.touchedWhere(differs);
    return parents.length === 0 ? fresh : this.after.procs.filter((p) => fresh.includes(p) || parents.includes(p.ppid));
  }

  /** Whether pgrp `pgid` is new, gone or changed. */
  pgrpTouched(pgid: number): boolean {
    const { fresh, stale } = this.pgrps;
    return holds(fresh, pgidOf, pgid) || holds(stale, pgidOf, pgid);
  }

  /** Whether session `sid` is new, gone or changed. */
  sessionTouched(sid: number): boolean {
    const { fresh, stale } = this.sessions;
    return holds(fresh, sidOf, sid) || holds(stale, sidOf, sid);
  }
}
