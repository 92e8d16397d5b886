import type { KernelState } from '../../oracle/kernel/kernel-state';
import type { Pgrp, Proc, Session } from '../../oracle/kernel/proc';
import { KernelPgrp, KernelProc, KernelSession, ReadCount } from './kernel-views';
import { NumberedViews } from './numbered-views';
import type { WorldState } from './world';

/**
 * The generator's state read straight off the model kernel, in the snapshot's order: what a
 * `Snapshot` of it would say in the fields a `WorldState` has, without copying the rest. One per
 * kernel, read again after every step (`refresh`): the views of processes, groups and sessions
 * that outlive a step are kept, only the lists are rebuilt (and what a view derived is dropped
 * when it is next used).
 */
export class KernelWorldState implements WorldState {
  private readonly procViews: NumberedViews<Proc, KernelProc>;
  private readonly pgrpViews: NumberedViews<Pgrp, KernelPgrp>;
  private readonly sessionViews: NumberedViews<Session, KernelSession>;
  private procList: readonly KernelProc[] = [];
  private groups: readonly KernelPgrp[] | null = null;
  private sessionList: readonly KernelSession[] | null = null;
  private readonly reads = new ReadCount();

  constructor(readonly kernel: KernelState) {
    this.procViews = new NumberedViews(kernel.procs, (v) => v.pid, (p) => new KernelProc(p, this.reads));
    this.pgrpViews = new NumberedViews(kernel.pgrps, (v) => v.pgid, (g) => new KernelPgrp(g));
    this.sessionViews = new NumberedViews(kernel.sessions, (v) => v.sid, (s) => new KernelSession(s));
  }

  /** The kernel's process of a pid, as a view (undefined if there is none). */
  readonly view = (pid: number): KernelProc | undefined => {
    const p = this.kernel.procs.get(pid);
    return p === undefined ? undefined : this.procViews.viewOf(p);
  };

  /** The views of v's children that are in the table, in v's list order (world.ts `childrenIn`, without the pid list). */
  childViews(v: KernelProc): KernelProc[] {
    const kids: KernelProc[] = [];
    for (const c of v.p.children) {
      const q = this.kernel.procs.get(c.pid);
      if (q !== undefined) kids.push(this.procViews.viewOf(q));
    }
    return kids;
  }

  /** Reads the kernel after a step. */
  refresh(): this {
    this.reads.now++;
    this.procList = this.procViews.read();
    this.groups = null;
    this.sessionList = null;
    return this;
  }

  get procs(): readonly KernelProc[] {
    return this.procList;
  }

  get nprocs(): number {
    return this.kernel.nprocs;
  }

  get lastpid(): number {
    return this.kernel.lastpid;
  }

  get panic(): string | null {
    return this.kernel.panicMessage;
  }

  get pgrps(): WorldState['pgrps'] {
    return (this.groups ??= this.pgrpViews.read());
  }

  get sessions(): WorldState['sessions'] {
    return (this.sessionList ??= this.sessionViews.read());
  }
}
