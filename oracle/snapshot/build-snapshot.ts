import type { PgrpView, ProcView, SessionView, Snapshot } from '../../interleaving';
import type { KernelState } from '../kernel/kernel-state';
import type { Pgrp, Proc, Session } from '../kernel/proc';
import { procInputs, procView } from './proc-view';
import { ViewCache } from './view-cache';

function pgrpView(g: Pgrp): PgrpView {
  return Object.freeze({ pgid: g.id, sid: g.session.sid, members: Object.freeze(g.members.map((m) => m.pid)) as number[], jobc: g.jobc });
}

function pgrpInputs(g: Pgrp, out: number[]): void {
  out.push(g.id, g.session.sid, g.jobc, g.members.length);
  for (const m of g.members) out.push(m.pid);
}

function sessionView(s: Session): SessionView {
  return Object.freeze({ sid: s.sid, leader: s.leader?.pid ?? null, tty: s.ttyvp, fg: s.ttyvp && s.ttyp !== null ? (s.ttyp.pgrp?.id ?? null) : null });
}

function sessionInputs(s: Session, out: number[]): void {
  out.push(s.sid, s.leader?.pid ?? -1, s.ttyvp ? 1 : 0, s.ttyp === null ? -2 : (s.ttyp.pgrp?.id ?? -1));
}

/**
 * Builds the snapshots of one kernel. Each proc, pgrp and session view is rebuilt only when the
 * kernel object changed since the last snapshot; an unchanged table gives back the previous
 * snapshot itself. Views and snapshots are frozen, so sharing them cannot leak a change.
 */
export class SnapshotBuilder {
  private readonly procs = new ViewCache<Proc, ProcView>(procInputs, procView);
  private readonly pgrps = new ViewCache<Pgrp, PgrpView>(pgrpInputs, pgrpView);
  private readonly sessions = new ViewCache<Session, SessionView>(sessionInputs, sessionView);
  private last: Snapshot | null = null;

  /** The whole process table, sorted by pid / pgid / sid (semantics.md §2). */
  build(k: KernelState): Snapshot {
    const prev = this.last;
    const procs = sortedViews(k.procs, this.procs, (v) => v.pid, prev?.procs);
    const pgrps = sortedViews(k.pgrps, this.pgrps, (v) => v.pgid, prev?.pgrps);
    const sessions = sortedViews(k.sessions, this.sessions, (v) => v.sid, prev?.sessions);
    const uidCounts = sameCounts(k.uidCounts, prev?.uidCounts) ? prev!.uidCounts : countsRecord(k.uidCounts);
    const unchanged =
      prev !== null && procs === prev.procs && pgrps === prev.pgrps && sessions === prev.sessions && uidCounts === prev.uidCounts &&
      k.nprocs === prev.nprocs && k.lastpid === prev.lastpid && k.panicMessage === prev.panic;
    if (!unchanged) this.last = Object.freeze({ procs, pgrps, sessions, nprocs: k.nprocs, uidCounts, lastpid: k.lastpid, panic: k.panicMessage });
    return this.last!;
  }
}

/** The views of a table sorted by id; the previous array itself when every view is the same. */
function sortedViews<S extends object, V>(table: ReadonlyMap<number, S>, cache: ViewCache<S, V>, id: (v: V) => number, prev: readonly V[] | undefined): V[] {
  const views: V[] = [];
  for (const s of table.values()) views.push(cache.viewOf(s));
  views.sort((x, y) => id(x) - id(y));
  if (prev !== undefined && prev.length === views.length && views.every((v, i) => v === prev[i])) return prev as V[];
  return Object.freeze(views) as V[];
}

function countsRecord(counts: ReadonlyMap<number, number>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const uid of [...counts.keys()].sort((x, y) => x - y)) out[uid] = counts.get(uid)!;
  return Object.freeze(out);
}

function sameCounts(counts: ReadonlyMap<number, number>, prev: Record<number, number> | undefined): boolean {
  if (prev === undefined || Object.keys(prev).length !== counts.size) return false;
  for (const [uid, n] of counts) if (prev[uid] !== n) return false;
  return true;
}

const builders = new WeakMap<KernelState, SnapshotBuilder>();

/**
 * The whole process table, sorted by pid / pgid / sid (semantics.md §2), sharing every unchanged
 * view with this kernel's previous snapshot.
 */
export function buildSnapshot(k: KernelState): Snapshot {
  let b = builders.get(k);
  if (b === undefined) {
    b = new SnapshotBuilder();
    builders.set(k, b);
  }
  return b.build(k);
}
