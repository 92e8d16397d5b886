import type { ProcView, Snapshot } from '../../interleaving';

/** The generator's view of the model's state after the last step: who can act, who relates to whom. */
export class World {
  readonly procs: ReadonlyMap<number, ProcView>;
  /** Processes that can make a call: alive, awake, not stopped. */
  readonly awake: readonly ProcView[];

  constructor(readonly snapshot: Snapshot) {
    this.procs = new Map(snapshot.procs.map((p) => [p.pid, p]));
    this.awake = snapshot.procs.filter((p) => p.state === 'NORMAL' && !p.sleeping && !isStopped(p));
  }

  get(pid: number): ProcView | undefined {
    return this.procs.get(pid);
  }

  private readonly kids = new Map<number, ProcView[]>();
  private readonly depths = new Map<number, number>();

  children(p: ProcView): ProcView[] {
    let k = this.kids.get(p.pid);
    if (!k) {
      k = p.children.map((c) => this.procs.get(c)).filter((c): c is ProcView => !!c);
      this.kids.set(p.pid, k);
    }
    return k;
  }

  alive(): ProcView[] {
    return this.snapshot.procs.filter((p) => p.state === 'NORMAL');
  }

  /** Depth below init (init is 0). */
  depth(p: ProcView): number {
    let d = this.depths.get(p.pid);
    if (d === undefined) {
      d = 0;
      for (let q: ProcView | undefined = p; q && q.pid !== 1 && d < 64; q = this.procs.get(q.ppid)) d++;
      this.depths.set(p.pid, d);
    }
    return d;
  }

  /** Processes traced by p (its children with P_TRACED). */
  tracees(p: ProcView): ProcView[] {
    return this.children(p).filter((c) => c.flags.includes('TRACED'));
  }

  /** A pid no process, pgrp or session uses. */
  unusedPid(): number {
    const used = new Set([...this.procs.keys(), ...this.snapshot.pgrps.map((g) => g.pgid)]);
    let pid = this.snapshot.lastpid + 1;
    while (used.has(pid)) pid++;
    return pid;
  }
}

export function isStopped(p: ProcView): boolean {
  return p.flags.includes('STOPPED_SIG') || p.flags.includes('STOPPED_TRACE');
}
