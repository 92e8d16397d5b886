import type { ProcState } from '../../interleaving';
import { PROC_FLAG_NAMES, PRS_NEW, PRS_ZOMBIE, PS_FLAG_NAMES } from '../../oracle/kernel/flags';
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
 * One process of the model kernel, as the snapshot would show it, but each field read only when a
 * maker asks for it (most steps look at a few fields of a few processes).
 */
class KernelProc implements WorldProc {
  readonly pid: number;
  private childPids: number[] | null = null;

  constructor(private readonly p: Proc) {
    this.pid = p.pid;
  }

  get state(): ProcState {
    return this.p.state === PRS_ZOMBIE ? 'ZOMBIE' : this.p.state === PRS_NEW ? 'NEW' : 'NORMAL';
  }

  get flags(): readonly string[] {
    return flagNames(this.p.flag);
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
}

/**
 * Views of a kernel table's entries in the order of their numbers (pid, pgid, sid). The table is
 * usually in that order already (numbers wrap rarely), so it is sorted only when it is not.
 */
function numbered<E, V>(table: ReadonlyMap<number, E>, number: (e: E) => number, view: (e: E) => V): V[] {
  const entries = [...table.values()];
  for (let i = 1; i < entries.length; i++) {
    if (number(entries[i - 1]) > number(entries[i])) {
      entries.sort((x, y) => number(x) - number(y));
      break;
    }
  }
  return entries.map(view);
}

const procNumber = (p: Proc) => p.pid;
const pgrpNumber = (g: Pgrp) => g.id;
const sessionNumber = (s: Session) => s.sid;
const procView = (p: Proc): WorldProc => new KernelProc(p);
const pgrpView = (g: Pgrp) => ({ pgid: g.id, sid: g.session.sid });
const sessionView = (s: Session) => ({ sid: s.sid, leader: s.leader?.pid ?? null, tty: s.ttyvp });

/**
 * The generator's state read straight off the model kernel, in the snapshot's order: what a
 * `Snapshot` of it would say in the fields a `WorldState` has, without copying the rest. Valid
 * until the kernel's next step.
 */
class KernelWorldState implements WorldState {
  readonly procs: readonly WorldProc[];
  readonly nprocs: number;
  readonly lastpid: number;
  readonly panic: string | null;
  private groups: WorldState['pgrps'] | null = null;
  private sessionViews: WorldState['sessions'] | null = null;

  constructor(private readonly k: KernelState) {
    this.procs = numbered(k.procs, procNumber, procView);
    this.nprocs = k.nprocs;
    this.lastpid = k.lastpid;
    this.panic = k.panicMessage;
  }

  get pgrps(): WorldState['pgrps'] {
    return (this.groups ??= numbered(this.k.pgrps, pgrpNumber, pgrpView));
  }

  get sessions(): WorldState['sessions'] {
    return (this.sessionViews ??= numbered(this.k.sessions, sessionNumber, sessionView));
  }
}

/** The model kernel's state as the generator reads it (see KernelWorldState). */
export function kernelWorldState(k: KernelState): WorldState {
  return new KernelWorldState(k);
}
