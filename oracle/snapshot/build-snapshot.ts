import type { PgrpView, ProcView, SessionView, Snapshot } from '../../interleaving';
import type { KernelState } from '../kernel/kernel-state';
import type { Pgrp, Proc, Session } from '../kernel/proc';
import { PgrpEntry } from './pgrp-view';
import { ProcEntry } from './proc-view';
import { SessionEntry } from './session-view';
import { UidCounts } from './uid-counts';
import { ViewTable } from './view-table';

/**
 * Builds the snapshots of one kernel. Each proc, pgrp and session view is rebuilt only when the
 * kernel object changed since the last snapshot, and an unchanged table gives back the previous
 * snapshot itself: a reader finds what a step changed by comparing views by identity. Views and
 * snapshots are frozen objects, so sharing them cannot leak a change through a field; their lists
 * are not frozen (V8 iterates frozen arrays several times slower), so readers must leave them
 * alone, as the Snapshot contract says (tests/properties/snapshots-read-only).
 */
export class SnapshotBuilder {
  private readonly procs = new ViewTable<Proc, ProcView>((p) => new ProcEntry(p), (v) => v.pid);
  private readonly pgrps = new ViewTable<Pgrp, PgrpView>((g) => new PgrpEntry(g), (v) => v.pgid);
  private readonly sessions = new ViewTable<Session, SessionView>((s) => new SessionEntry(s), (v) => v.sid);
  private readonly uidCounts = new UidCounts();
  private last: Snapshot | null = null;

  /** The whole process table, sorted by pid / pgid / sid (semantics.md §2). */
  build(k: KernelState): Snapshot {
    const prev = this.last;
    const procs = this.procs.sorted(k.procs, prev?.procs);
    const pgrps = this.pgrps.sorted(k.pgrps, prev?.pgrps);
    const sessions = this.sessions.sorted(k.sessions, prev?.sessions);
    const uidCounts = this.uidCounts.record(k.uidCounts);
    const unchanged =
      prev !== null && procs === prev.procs && pgrps === prev.pgrps && sessions === prev.sessions && uidCounts === prev.uidCounts &&
      k.nprocs === prev.nprocs && k.lastpid === prev.lastpid && k.panicMessage === prev.panic;
    if (!unchanged) {
      const next: Snapshot = { procs, pgrps, sessions, nprocs: k.nprocs, uidCounts, lastpid: k.lastpid, panic: k.panicMessage };
      this.last = Object.freeze(next);
    }
    return this.last!;
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
