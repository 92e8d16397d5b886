import type { PgrpView, ProcState, SessionView } from '../../interleaving';

/** The parts of a process the step makers read (read-only); a snapshot's `ProcView` is one. */
export interface WorldProc {
  readonly pid: number;
  readonly state: ProcState;
  /** P_* names without the prefix, as in `ProcView.flags`. */
  readonly flags: readonly string[];
  readonly ppid: number;
  readonly children: readonly number[];
  readonly pgid: number;
  readonly sid: number;
  readonly uid: number;
  readonly threads: number;
  readonly peers: readonly number[];
  readonly psFlags: readonly string[];
  /** Non-null while the process is blocked in a call. */
  readonly sleeping: object | null;
}

/**
 * The parts of the model's state the generator reads, in a snapshot's order (procs by pid, pgrps by
 * pgid, sessions by sid): a `Snapshot` is one, and so is the model kernel read directly
 * (kernel-world-state.ts), which builds nothing the makers do not ask for.
 */
export interface WorldState {
  readonly procs: readonly WorldProc[];
  readonly pgrps: readonly Pick<PgrpView, 'pgid' | 'sid'>[];
  readonly sessions: readonly Pick<SessionView, 'sid' | 'leader' | 'tty'>[];
  readonly nprocs: number;
  readonly lastpid: number;
  readonly panic: string | null;
}

/**
 * The generator's view of the model's state after the last step: who can act, who relates to whom.
 * A `SnapshotWorld` reads a `WorldState` such as a snapshot; the oracle model's kernel is read by a
 * `KernelWorld` (kernel-world.ts), kept for the whole run and refreshed after every step.
 */
export interface World {
  readonly state: WorldState;
  /** Processes that can make a call: alive, awake, not stopped (`canAct`), in pid order. */
  readonly awake: readonly WorldProc[];
  get(pid: number): WorldProc | undefined;
  /** p's children that are in the table, in p's list order. */
  children(p: WorldProc): readonly WorldProc[];
  /** Depth below init (init is 0). */
  depth(p: WorldProc): number;
  /** Processes traced by p (its children with P_TRACED). */
  tracees(p: WorldProc): readonly WorldProc[];
  /** A pid no process, pgrp or session uses. */
  unusedPid(): number;
}

/** The World of one `WorldState`, everything derived on first use. */
export class SnapshotWorld implements World {
  private readonly procs = new Map<number, WorldProc>();
  readonly awake: readonly WorldProc[];
  private readonly kids = new Map<number, WorldProc[]>();
  private readonly depths = new Map<number, number>();
  private readonly parentOf = (q: WorldProc): WorldProc | undefined => this.procs.get(q.ppid);

  constructor(readonly state: WorldState) {
    const awake: WorldProc[] = [];
    for (const p of state.procs) {
      this.procs.set(p.pid, p);
      if (canAct(p)) awake.push(p);
    }
    this.awake = awake;
  }

  get(pid: number): WorldProc | undefined {
    return this.procs.get(pid);
  }

  children(p: WorldProc): WorldProc[] {
    let k = this.kids.get(p.pid);
    if (!k) this.kids.set(p.pid, (k = childrenIn(p, this.procs)));
    return k;
  }

  depth(p: WorldProc): number {
    let d = this.depths.get(p.pid);
    if (d === undefined) this.depths.set(p.pid, (d = depthBelowInit(p, this.parentOf)));
    return d;
  }

  tracees(p: WorldProc): WorldProc[] {
    return traced(this.children(p));
  }

  unusedPid(): number {
    return unusedPidIn(this.state);
  }
}

/** Who can make a call: alive, awake, not stopped. */
export function canAct(p: WorldProc): boolean {
  return p.state === 'NORMAL' && !p.sleeping && !isStopped(p);
}

/** p's children found in the table, in p's list order. */
export function childrenIn(p: WorldProc, procs: Pick<ReadonlyMap<number, WorldProc>, 'get'>): WorldProc[] {
  const kids: WorldProc[] = [];
  for (const c of p.children) {
    const k = procs.get(c);
    if (k) kids.push(k);
  }
  return kids;
}

/** Steps up the parent chain to init (at most 64), `parent` giving the table's process of a `ppid` (undefined if none). */
export function depthBelowInit<P extends { readonly pid: number }>(p: P, parent: (q: P) => P | undefined): number {
  let d = 0;
  for (let q: P | undefined = p; q && q.pid !== 1 && d < 64; q = parent(q)) d++;
  return d;
}

/** The traced ones among children. */
export function traced(children: readonly WorldProc[]): WorldProc[] {
  return children.filter((c) => c.flags.includes('TRACED'));
}

/** The first pid after lastpid that no process and no pgrp (hence no session) uses. */
export function unusedPidIn(state: WorldState): number {
  const used = new Set<number>();
  for (const p of state.procs) used.add(p.pid);
  for (const g of state.pgrps) used.add(g.pgid);
  let pid = state.lastpid + 1;
  while (used.has(pid)) pid++;
  return pid;
}

export function isStopped(p: Pick<WorldProc, 'flags'>): boolean {
  return p.flags.includes('STOPPED_SIG') || p.flags.includes('STOPPED_TRACE');
}
