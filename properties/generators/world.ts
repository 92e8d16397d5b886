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

/** The generator's view of the model's state after the last step: who can act, who relates to whom. */
export class World {
  readonly procs: ReadonlyMap<number, WorldProc>;
  /** Processes that can make a call: alive, awake, not stopped. */
  readonly awake: readonly WorldProc[];

  constructor(readonly state: WorldState) {
    const procs = new Map<number, WorldProc>();
    const awake: WorldProc[] = [];
    for (const p of state.procs) {
      procs.set(p.pid, p);
      if (p.state === 'NORMAL' && !p.sleeping && !isStopped(p)) awake.push(p);
    }
    this.procs = procs;
    this.awake = awake;
  }

  get(pid: number): WorldProc | undefined {
    return this.procs.get(pid);
  }

  private readonly kids = new Map<number, WorldProc[]>();
  private readonly depths = new Map<number, number>();

  children(p: WorldProc): WorldProc[] {
    let k = this.kids.get(p.pid);
    if (!k) {
      k = p.children.map((c) => this.procs.get(c)).filter((c): c is WorldProc => !!c);
      this.kids.set(p.pid, k);
    }
    return k;
  }

  /** Depth below init (init is 0). */
  depth(p: WorldProc): number {
    let d = this.depths.get(p.pid);
    if (d === undefined) {
      d = 0;
      for (let q: WorldProc | undefined = p; q && q.pid !== 1 && d < 64; q = this.procs.get(q.ppid)) d++;
      this.depths.set(p.pid, d);
    }
    return d;
  }

  /** Processes traced by p (its children with P_TRACED). */
  tracees(p: WorldProc): WorldProc[] {
    return this.children(p).filter((c) => c.flags.includes('TRACED'));
  }

  /** A pid no process, pgrp or session uses. */
  unusedPid(): number {
    const used = new Set([...this.procs.keys(), ...this.state.pgrps.map((g) => g.pgid)]);
    let pid = this.state.lastpid + 1;
    while (used.has(pid)) pid++;
    return pid;
  }
}

export function isStopped(p: Pick<WorldProc, 'flags'>): boolean {
  return p.flags.includes('STOPPED_SIG') || p.flags.includes('STOPPED_TRACE');
}
