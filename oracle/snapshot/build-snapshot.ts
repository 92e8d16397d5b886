import type { PgrpView, ProcView, SessionView, Snapshot } from '../../interleaving';
import type { KernelState } from '../kernel/kernel-state';
import type { Pgrp, Proc, Session } from '../kernel/proc';
import { procInputs, procView } from './proc-view';
import { Inputs, ViewCache } from './view-cache';

function pgrpView(g: Pgrp): PgrpView {
  return Object.freeze({ pgid: g.id, sid: g.session.sid, members: g.members.map((m) => m.pid), jobc: g.jobc });
}

function pgrpInputs(g: Pgrp, r: Inputs): void {
  r.put(g.id).put(g.session.sid).put(g.jobc).put(g.members.length);
  for (const m of g.members) r.put(m.pid);
}

function sessionView(s: Session): SessionView {
  return Object.freeze({ sid: s.sid, leader: s.leader?.pid ?? null, tty: s.ttyvp, fg: s.ttyvp && s.ttyp !== null ? (s.ttyp.pgrp?.id ?? null) : null });
}

function sessionInputs(s: Session, r: Inputs): void {
  r.put(s.sid).put(s.leader?.pid ?? -1).put(s.ttyvp ? 1 : 0).put(s.ttyp === null ? -2 : (s.ttyp.pgrp?.id ?? -1));
}

/**
 * Builds the snapshots of one kernel. Each proc, pgrp and session view is rebuilt only when the
 * kernel object changed since the last snapshot, and an unchanged table gives back the previous
 * snapshot itself: a reader finds what a step changed by comparing views by identity. Views and
 * snapshots are frozen objects, so sharing them cannot leak a change through a field; their lists
 * are not frozen (V8 iterates frozen arrays several times slower), so readers must leave them
 * alone, as the Snapshot contract says (tests/properties/snapshots-read-only).
 */
export class SnapshotBuilder {
  private readonly procs = new SortedViews(new ViewCache<Proc, ProcView>(procInputs, procView), (v) => v.pid);
  private readonly pgrps = new SortedViews(new ViewCache<Pgrp, PgrpView>(pgrpInputs, pgrpView), (v) => v.pgid);
  private readonly sessions = new SortedViews(new ViewCache<Session, SessionView>(sessionInputs, sessionView), (v) => v.sid);
  private last: Snapshot | null = null;
  /** The uid counts of the last snapshot, as (uid, count) pairs in the kernel's order. */
  private readonly counted = new Inputs();

  /** The whole process table, sorted by pid / pgid / sid (semantics.md §2). */
  build(k: KernelState): Snapshot {
    const prev = this.last;
    const procs = this.procs.sorted(k.procs, prev?.procs);
    const pgrps = this.pgrps.sorted(k.pgrps, prev?.pgrps);
    const sessions = this.sessions.sorted(k.sessions, prev?.sessions);
    const uidCounts = this.uidCounts(k.uidCounts, prev);
    const unchanged =
      prev !== null && procs === prev.procs && pgrps === prev.pgrps && sessions === prev.sessions && uidCounts === prev.uidCounts &&
      k.nprocs === prev.nprocs && k.lastpid === prev.lastpid && k.panicMessage === prev.panic;
    if (!unchanged) {
      const next: Snapshot = { procs, pgrps, sessions, nprocs: k.nprocs, uidCounts, lastpid: k.lastpid, panic: k.panicMessage };
      this.last = Object.freeze(next);
    }
    return this.last!;
  }

  /** The uid counts as a record sorted by uid; the previous record when no count changed. */
  private uidCounts(counts: ReadonlyMap<number, number>, prev: Snapshot | null): Record<number, number> {
    this.counted.begin();
    counts.forEach((n, uid) => this.counted.put(uid).put(n));
    if (!this.counted.end() && prev !== null) return prev.uidCounts;
    const out: Record<number, number> = {};
    for (const uid of [...counts.keys()].sort((x, y) => x - y)) out[uid] = counts.get(uid)!;
    return Object.freeze(out);
  }
}

/**
 * A table's views sorted by id, with the previous array given back when no view changed (the cache
 * gives back the previous view itself for an unchanged object).
 */
class SortedViews<S extends object, V> {
  private readonly scratch: V[] = [];

  constructor(
    private readonly cache: ViewCache<S, V>,
    private readonly id: (v: V) => number,
  ) {}

  sorted(table: ReadonlyMap<number, S>, prev: readonly V[] | undefined): V[] {
    const views = this.scratch;
    let same = prev !== undefined && prev.length === table.size;
    let ordered = true;
    let lastId = -Infinity;
    let n = 0;
    // forEach, not for-of: no iterator result per entry on this hot path.
    table.forEach((s, id) => {
      const v = this.cache.viewOf(id, s);
      views[n] = v;
      same &&= prev![n] === v;
      ordered &&= id > lastId;
      lastId = id;
      n++;
    });
    // Element for element the previous (sorted) array: nothing changed.
    if (same) return prev as V[];
    views.length = n;
    // Tables are keyed by id and mostly filled in id order; a reused pid breaks the order.
    if (!ordered) views.sort((x, y) => this.id(x) - this.id(y));
    return views.slice();
  }
}

/**
 * The builders of the last two kernels snapshotted (a run's target, and a model or reference beside
 * it). A kernel asked for again after others starts a fresh builder: its snapshot is the same, only
 * nothing is shared with the one before. No WeakMap of every kernel: one entry per run costs the
 * garbage collector more than the sharing saves.
 */
let recent: { kernel: KernelState; builder: SnapshotBuilder } | null = null;
let older: { kernel: KernelState; builder: SnapshotBuilder } | null = null;

/**
 * The whole process table, sorted by pid / pgid / sid (semantics.md §2), sharing every unchanged
 * view with this kernel's previous snapshot.
 */
export function buildSnapshot(k: KernelState): Snapshot {
  if (recent?.kernel !== k) {
    [older, recent] = [recent, older?.kernel === k ? older : { kernel: k, builder: new SnapshotBuilder() }];
  }
  return recent!.builder.build(k);
}
