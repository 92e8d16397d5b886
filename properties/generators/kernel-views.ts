import type { ProcState } from '../../interleaving';
import { P_STOPPED, PROC_FLAG_NAMES, PRS_NEW, PRS_NORMAL, PRS_ZOMBIE, PS_FLAG_NAMES } from '../../oracle/kernel/flags';
import type { Pgrp, Proc, Session } from '../../oracle/kernel/proc';
import type { WorldProc } from './world';

/**
 * Names of the set bits in the table's order (as the snapshot lists them), one shared array per bit
 * set. Read-only by type, not frozen: the makers' `includes` on a frozen array is ~2x slower on Node 20.
 */
function namer(table: readonly (readonly [number, string])[]): (bits: number) => readonly string[] {
  const known = new Map<number, readonly string[]>();
  return (bits) => {
    let n = known.get(bits);
    if (n === undefined) known.set(bits, (n = table.filter(([b]) => bits & b).map(([, name]) => name)));
    return n;
  };
}

const flagNames = namer(PROC_FLAG_NAMES);
const psFlagNames = namer(PS_FLAG_NAMES);

/** How many times the World has read the kernel: what a view derived at an earlier read is stale. */
export class ReadCount {
  now = 0;
}

/**
 * One process of the model kernel, as the snapshot would show it, each field read off the kernel
 * when a maker asks for it (most steps look at a few fields of a few processes). The view lives as
 * long as its process: what it derives (names, pid lists) is kept until the World reads the kernel
 * again, and dropped on its next use after that (so a read costs nothing per process).
 */
export class KernelProc implements WorldProc {
  readonly pid: number;
  /** The flag bits `flagList` names (-1: none yet). */
  private flagBits = -1;
  private flagList: readonly string[] = [];
  /** Likewise for the sigacts' PS_* bits. */
  private psBits = -1;
  private psList: readonly string[] = [];
  /** The read the fields below were derived at. */
  private derivedAt = -1;
  private childPids: number[] | null = null;
  private peerPids: number[] | null = null;
  /** The World's answers about this process at this read (kernel-world.ts); call `current()` first. */
  kids: readonly WorldProc[] | null = null;
  tracees: readonly WorldProc[] | null = null;
  depth = -1;

  constructor(
    readonly p: Proc,
    private readonly reads: ReadCount,
  ) {
    this.pid = p.pid;
  }

  /** Drops what was derived before the World's last read of the kernel; returns the view. */
  current(): this {
    if (this.derivedAt !== this.reads.now) {
      this.derivedAt = this.reads.now;
      this.childPids = null;
      this.peerPids = null;
      this.kids = null;
      this.tracees = null;
      this.depth = -1;
    }
    return this;
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
    return (this.current().childPids ??= this.p.children.map((c) => c.pid));
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
    return (this.current().peerPids ??= this.p.peers.map((q) => q.pid));
  }

  get psFlags(): readonly string[] {
    const bits = this.p.sigacts.psFlag;
    if (bits !== this.psBits) {
      this.psList = psFlagNames(bits);
      this.psBits = bits;
    }
    return this.psList;
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
export class KernelPgrp {
  readonly pgid: number;
  readonly sid: number;

  constructor(readonly g: Pgrp) {
    this.pgid = g.id;
    this.sid = g.session.sid;
  }
}

/** A session as the snapshot shows it, read off the kernel (its leader and terminal change). */
export class KernelSession {
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
