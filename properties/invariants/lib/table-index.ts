import type { PgrpView, ProcView, SessionView, Snapshot } from '../../../interleaving';
import { byId, type ById } from './by-id';
import { pidChanges, type PidChanges } from './pid-changes';
import { TableChanges } from './table-changes';

/** Processes and their parents' views (undefined: no such process), position by position. */
export interface ParentPairs {
  readonly procs: readonly ProcView[];
  readonly parents: readonly (ProcView | undefined)[];
}

/**
 * The one read-only view of a snapshot that every invariant shares: lookups built on first use, the
 * verdicts of the invariants over the table alone, and how the table differs from the step's
 * `before`. A snapshot is one step's `after` and the next one's `before`, and an unchanged table
 * is the same snapshot object, so each is worked out once. Snapshots are never changed, so an index
 * never goes stale.
 */
export class TableIndex {
  private pids?: ById<ProcView>;
  private pidMap?: Map<number, ProcView>;
  private groups?: ById<PgrpView>;
  private sids?: ById<SessionView>;
  private dead?: readonly ProcView[];
  private parentPairs?: ParentPairs;
  private readonly verdicts: (string | null | undefined)[] = [];
  private diff: TableChanges | null = null;
  private pidDiff: PidChanges | null = null;
  private pidDiffBefore: Snapshot | null = null;

  /** `previous`: the index of the snapshot before, whose lookups this one takes over for each list the two share. */
  constructor(
    readonly snapshot: Snapshot,
    previous: TableIndex | null = null,
  ) {
    if (previous === null) return;
    const was = previous.snapshot;
    if (was.procs === snapshot.procs) {
      this.pids = previous.pids;
      this.dead = previous.dead;
      this.parentPairs = previous.parentPairs;
    }
    if (was.pgrps === snapshot.pgrps) this.groups = previous.groups;
    if (was.sessions === snapshot.sessions) this.sids = previous.sids;
  }

  /** Processes by pid. */
  get procs(): ById<ProcView> {
    return (this.pids ??= byId(this.snapshot.procs, (p) => p.pid));
  }

  /** Processes by pid as a Map, for callers that need one (never change it). */
  get procMap(): Map<number, ProcView> {
    return (this.pidMap ??= new Map(this.snapshot.procs.map((p) => [p.pid, p])));
  }

  /**
   * Every process with its parent's view (`procs.get(ppid)`) at the same position: several checks
   * read every process's parent, and this looks each up once for all of them.
   */
  get withParents(): ParentPairs {
    if (this.parentPairs === undefined) {
      const { procs } = this.snapshot;
      const byPid = this.procs;
      const parents: (ProcView | undefined)[] = [];
      for (let i = 0; i < procs.length; i++) parents.push(byPid.get(procs[i].ppid));
      this.parentPairs = { procs, parents };
    }
    return this.parentPairs;
  }

  /** Whether no two processes share a pid (as the Snapshot contract keeps them). */
  get pidsDistinct(): boolean {
    return this.procs.size === this.snapshot.procs.length;
  }

  /** Process groups by pgid. */
  get pgrps(): ById<PgrpView> {
    return (this.groups ??= byId(this.snapshot.pgrps, (g) => g.pgid));
  }

  /** Sessions by sid. */
  get sessions(): ById<SessionView> {
    return (this.sids ??= byId(this.snapshot.sessions, (x) => x.sid));
  }

  /** The zombies, by pid. */
  get zombies(): readonly ProcView[] {
    if (this.dead === undefined) {
      const { procs } = this.snapshot;
      const dead: ProcView[] = [];
      for (let i = 0; i < procs.length; i++) if (procs[i].state === 'ZOMBIE') dead.push(procs[i]);
      this.dead = dead;
    }
    return this.dead;
  }

  /** The verdict of table check number `slot` on this whole snapshot, computed on first demand. */
  verdict(slot: number, check: (table: Snapshot, changes: null) => string | null): string | null {
    let v = this.verdicts[slot];
    if (v === undefined) v = this.verdicts[slot] = check(this.snapshot, null);
    return v;
  }

  /** How this snapshot differs from `before` (the step's change set), worked out once per pair. */
  changesSince(before: Snapshot): TableChanges {
    if (this.diff?.before !== before) this.diff = new TableChanges(before, this.snapshot);
    return this.diff;
  }

  /** The pids created and freed since `before`, worked out once per pair (from the change set when there is one). */
  pidChangesSince(before: Snapshot): PidChanges {
    if (this.diff?.before === before) return this.diff.procs;
    if (this.pidDiffBefore !== before) {
      this.pidDiff = pidChanges(before.procs, this.snapshot.procs);
      this.pidDiffBefore = before;
    }
    return this.pidDiff!;
  }
}

/**
 * The last two indexes asked for: a step's `before` and `after`, which is all the checks of one step
 * look at. No WeakMap of every snapshot: its entries cost the garbage collector more than an
 * index costs to rebuild for a snapshot asked for again later.
 */
let recent: TableIndex | null = null;
let older: TableIndex | null = null;

/** The shared index of a snapshot (one per snapshot object while it is a current step's before or after). */
export function tableIndex(s: Snapshot): TableIndex {
  if (recent?.snapshot === s) return recent;
  if (older?.snapshot === s) {
    const was = recent;
    recent = older;
    older = was;
    return recent;
  }
  older = recent;
  recent = new TableIndex(s, older);
  return recent;
}
