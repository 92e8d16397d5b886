import type { PgrpView, ProcView, SessionView, Snapshot } from './snapshot';

/** How the views of one kind differ between two snapshots of a table. */
export interface ViewDelta<V> {
  /** Views of the newer snapshot that are new or differ from the older one's, in id order. */
  readonly fresh: readonly V[];
  /** Views of the older snapshot that are gone or differ from the newer one's, in id order. */
  readonly stale: readonly V[];
  /** Ids in the newer snapshot only. */
  readonly created: readonly number[];
  /** Ids in the older snapshot only. */
  readonly freed: readonly number[];
}

/**
 * What an implementation that builds each snapshot from its previous one knows about how the two
 * differ (the oracle's snapshot builder). Optional: a reader without it compares the snapshots.
 * It is kept beside the snapshots, not in them, so it is never serialised, copied or compared with
 * their data.
 */
export interface SnapshotDelta {
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly procs: ViewDelta<ProcView>;
  readonly pgrps: ViewDelta<PgrpView>;
  readonly sessions: ViewDelta<SessionView>;
}

/**
 * The deltas of the last two snapshots announced (a run's target, and a model beside it): a reader
 * asks about the step it is judging, whose `after` is the newest snapshot. Only the latest pairs are
 * kept, so no chain of old snapshots stays reachable.
 */
let recent: SnapshotDelta | null = null;
let older: SnapshotDelta | null = null;

/** Announces how `delta.after` differs from `delta.before` (by the implementation that built both). */
export function announceDelta(delta: SnapshotDelta): void {
  older = recent?.after === delta.before ? older : recent;
  recent = delta;
}

/** The announced delta of `after` against `before`, if there is one for exactly that pair. */
export function deltaBetween(before: Snapshot, after: Snapshot): SnapshotDelta | null {
  if (recent !== null && recent.after === after) return recent.before === before ? recent : null;
  return older !== null && older.after === after && older.before === before ? older : null;
}
