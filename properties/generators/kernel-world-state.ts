import type { ProcState } from '../../interleaving';
import { P_STOPPED, PROC_FLAG_NAMES, PRS_NEW, PRS_NORMAL, PRS_ZOMBIE, PS_FLAG_NAMES } from '../../oracle/kernel/flags';
import type { KernelState } from '../../oracle/kernel/kernel-state';
import type { Pgrp, Proc, Session } from '../../oracle/kernel/proc';
import type { WorldProc, WorldState } from './world';

/** Names of the set bits in the table's order (as the snapshot lists them), one shared array per bit set. */
function namer(table: readonly (readonly [number, string])[]): (bits: number) => readonly string[] {
  const known = new Map<number, readonly string[]>();
  return (bits) => {
    let n = known.get(bits);
    if (n === undefined) known.set(bits, (n = Object.freeze(table.filter(([b]) => bits & b).map(([, name]) => name))));
    return n;
  };
}

const flagNames = namer(PROC_FLAG_NAMES);
const psFlagNames = namer(PS_FLAG_NAMES);

/**
 * One process of the model kernel, as the snapshot would show it, each field read off the kernel
 * when a maker asks for it (most steps look at a few fields of a few processes). The view lives as
 * long as its process: what it derives (names, pid lists) is kept until the next step.
 */
export class KernelProc implements WorldProc {
  readonly pid: number;
  /** The flag bits `flagList` names (-1: none yet). */
  private flagBits = -1;
  private flagList: readonly string[] = [];
  private childPids: number[] | null = null;
  /** The World's per-step answers about this process (kernel-world.ts). */
  kids: readonly WorldProc[] | null = null;
  tracees: readonly WorldProc[] | null = null;
  depth = -1;

  constructor(readonly p: Proc) {
    this.pid = p.pid;
  }

  /** The kernel took a step: what was derived may be stale. */
  forget(): void {
    this.childPids = null;
    this.kids = null;
    this.tracees = null;
    this.depth = -1;
  }

  get state(): ProcState {
    return this.p.state === PRS_ZOMBIE ? 'ZOMBIE' : this.p.state === PRS_NEW ? 'NEW' : 'NORMAL';
  }

  get flags(): readonly string[] {
    const bits = this.p.flag;
    if (bits !== this.flagBits) {
      this.flagList = flagNames(bits);
      this.flagBits = bits;
    }
    return this.flagList;
  }

  get ppid(): number {
    return this.p.pptr?.pid ?? 0;
  }

  get children(): readonly number[] {
    return (this.childPids ??= this.p.children.map((c) => c.pid));
  }

  get pgid(): number {
    return this.p.pgrp.id;
  }

  get sid(): number {
    return this.p.pgrp.session.sid;
  }

  get uid(): number {
    return this.p.uid;
  }

  get threads(): number {
    return this.p.threads;
  }

  get peers(): readonly number[] {
    return this.p.peers.map((q) => q.pid);
  }

  get psFlags(): readonly string[] {
    return psFlagNames(this.p.sigacts.psFlag);
  }

  get sleeping(): object | null {
    return this.p.sleep;
  }

  /** `canAct` (world.ts) read off the kernel's bits: NORMAL, not asleep, no stop flag. */
  get canAct(): boolean {
    const p = this.p;
    return p.state === PRS_NORMAL && p.sleep === null && (p.flag & P_STOPPED) === 0;
  }
}

/** A process group as the snapshot shows it; neither number changes while the group exists. */
class KernelPgrp {
  readonly pgid: number;
  readonly sid: number;

  constructor(readonly g: Pgrp) {
    this.pgid = g.id;
    this.sid = g.session.sid;
  }
}

/** A session as the snapshot shows it, read off the kernel (its leader and terminal change). */
class KernelSession {
  readonly sid: number;

  constructor(readonly s: Session) {
    this.sid = s.sid;
  }

  get leader(): number | null {
    return this.s.leader?.pid ?? null;
  }

  get tty(): boolean {
    return this.s.ttyvp;
  }
}

/**
 * Views of a kernel table's entries in the order of their numbers (pid, pgid, sid), each entry's
 * view kept from step to step while the entry lives. The table is usually in that order already
 * (numbers wrap rarely), so the list is sorted only when it is not.
 */
class NumberedViews<E, V> {
  private readonly views = new Map<E, V>();
  /** The entries and views of the last read, in table order: a table that did not change is read without lookups. */
  private readonly entries: E[] = [];
  private readonly list: V[] = [];

  constructor(
    private readonly table: ReadonlyMap<number, E>,
    private readonly number: (v: V) => number,
    private readonly view: (e: E) => V,
  ) {}

  /** The view of one entry (made on first use). */
  viewOf(e: E): V {
    let v = this.views.get(e);
    if (v === undefined) this.views.set(e, (v = this.view(e)));
    return v;
  }

  /** The table's entries now (the list is reused: valid until the next read). */
  read(): readonly V[] {
    const { entries, list } = this;
    let n = 0;
    let sorted = true;
    for (const e of this.table.values()) {
      if (entries[n] !== e || n >= list.length) {
        entries[n] = e;
        list[n] = this.viewOf(e);
      }
      if (sorted && n > 0 && this.number(list[n - 1]) > this.number(list[n])) sorted = false;
      n++;
    }
    if (list.length > n) list.length = entries.length = n;
    if (!sorted) {
      const order = list.map((v, i) => [v, entries[i]] as const).sort(([x], [y]) => this.number(x) - this.number(y));
      order.forEach(([v, e], i) => {
        list[i] = v;
        entries[i] = e;
      });
    }
    return list;
  }
}

/**
 * The generator's state read straight off the model kernel, in the snapshot's order: what a
 * `Snapshot` of it would say in the fields a `WorldState` has, without copying the rest. One per
 * kernel, read again after every step (`refresh`): the views of processes, groups and sessions
 * that outlive a step are kept, only the lists are rebuilt.
 */
export class KernelWorldState implements WorldState {
  private readonly procViews: NumberedViews<Proc, KernelProc>;
  private readonly pgrpViews: NumberedViews<Pgrp, KernelPgrp>;
  private readonly sessionViews: NumberedViews<Session, KernelSession>;
  private procList: readonly KernelProc[] = [];
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
  private groups: readonly KernelPgrp[] | null = null;
  private sessionList: readonly KernelSession[] | null = null;

  constructor(readonly kernel: KernelState) {
    this.procViews = new NumberedViews(kernel.procs, (v) => v.pid, (p) => new KernelProc(p));
    this.pgrpViews = new NumberedViews(kernel.pgrps, (v) => v.pgid, (g) => new KernelPgrp(g));
    this.sessionViews = new NumberedViews(kernel.sessions, (v) => v.sid, (s) => new KernelSession(s));
  }

  /** Reads the kernel after a step. */
  refresh(): this {
    const procs = this.procViews.read();
    for (let i = 0; i < procs.length; i++) procs[i].forget();
    this.procList = procs;
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
