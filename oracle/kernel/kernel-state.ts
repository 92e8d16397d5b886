import type { Config, Observation, Step, TraceEvent } from '../../interleaving';
import type { MachineDependent } from '../md/machine-dependent';
import type { Profile } from '../profiles/profile';
import { P_STOPPED_SIG, PRS_NORMAL } from './flags';
import { nextPid } from './pid-allocator';
import { Pgrp, Proc, Session } from './proc';
import { Sigacts } from './sigacts';

/** Shared, frozen: a step with no log lines or trace events allocates nothing for them. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

const EFFECT_AST = 0;
const EFFECT_WAKE = 1;
/** A step whose effects do not settle after this many is a model bug, not a kernel behaviour. */
const EFFECT_LIMIT = 1_000_000;

/**
 * The kernel's tables and the bookkeeping every part shares: lookups, the pid allocator, the
 * deferred-effects queue of semantics.md §9.2, and the per-step result buffers. The seed's functions
 * live in the subclasses, one concept per layer; the last layer is `Kernel`.
 */
export abstract class KernelState {
  /** Every process with a pid: live, exiting and zombie (allproc + zombproc). */
  readonly procs = new Map<number, Proc>();
  /** allproc, newest first: live and exiting processes until kern_exit.c:403-407. */
  readonly allproc: Proc[] = [];
  readonly pgrps = new Map<number, Pgrp>();
  readonly sessions = new Map<number, Session>();
  readonly uidCounts = new Map<number, number>();
  /** Linux tids in use (threadsTakePids), with their process. */
  readonly tids = new Map<number, Proc>();
  nprocs = 0;
  lastpid = 0;
  readonly initproc: Proc;
  panicMessage: string | null = null;

  /** Index of the step being applied (sleep records and observations name it). */
  stepIndex = 0;
  observations: Observation[] = [];
  log: string[] = [];
  trace: TraceEvent[] = [];

  private effProc: Proc[] = [];
  private effKind: number[] = [];

  constructor(
    readonly config: Config,
    readonly profile: Profile,
    readonly machdep: MachineDependent,
    readonly tracing: boolean,
  ) {
    this.initproc = this.bootInit();
  }

  /** Boot: init is pid 1, uid 0, leader of session 1 and process group 1 (after its setsid()). */
  private bootInit(): Proc {
    const init = new Proc(1);
    init.comm = 'init';
    init.sigacts = new Sigacts();
    init.sigparent = this.sigchldId();
    const sess = new Session(1, init);
    const pg = new Pgrp(1, sess);
    sess.count = 1;
    pg.members.push(init);
    init.pgrp = pg;
    this.sessions.set(1, sess);
    this.pgrps.set(1, pg);
    this.procs.set(1, init);
    this.allproc.push(init);
    this.nprocs = 1;
    this.uidCounts.set(0, 1);
    this.lastpid = 1;
    return init;
  }

  /** The SIGCHLD id; a method so subclasses need not import the table. */
  protected abstract sigchldId(): number;

  // ---- lookups ----------------------------------------------------------------------------------

  /** pfind: a live process in the pid hash (not NEW, not exiting past kern_exit.c:403-407, not a zombie). */
  pfind(pid: number): Proc | null {
    const p = this.procs.get(pid);
    return p !== undefined && p.inHash && p.state === PRS_NORMAL ? p : null;
  }

  /** The process a thread id belongs to (tidsNameTheirProcess), or null. */
  threadOwner(tid: number): Proc | null {
    return this.profile.tidsNameTheirProcess ? this.tids.get(tid) ?? null : null;
  }

  /** pfind, then zpfind: any process holding the pid (kill(2), semantics.md §3.9.1). */
  pfindOrZombie(pid: number): Proc | null {
    return this.procs.get(pid) ?? null;
  }

  pgfind(pgid: number): Pgrp | null {
    return this.pgrps.get(pgid) ?? null;
  }

  /** A pid, pgid or sid still in use (the allocator skips it, semantics.md §3.2). */
  idInUse(id: number): boolean {
    return this.procs.has(id) || this.pgrps.has(id) || this.sessions.has(id) || this.tids.has(id);
  }

  /** The next pid, or -1 if none is free. */
  peekPid(): number {
    const floor = this.profile.pidWrapFloor ?? this.config.pidFloor; // linux.md J3: RESERVED_PIDS
    return nextPid(this.lastpid, this.config.pidMax, floor, (id) => this.idInUse(id));
  }

  /** The other threads of p are gone: their tids are free again (threadsTakePids). */
  releaseTids(p: Proc): void {
    for (const t of p.tids) this.tids.delete(t);
    p.tids.length = 0;
  }

  // ---- per-uid counts (chgproccnt) ------------------------------------------------------------

  uidCount(uid: number): number {
    return this.uidCounts.get(uid) ?? 0;
  }

  chgproccnt(uid: number, diff: number): void {
    const n = this.uidCount(uid) + diff;
    if (n === 0) this.uidCounts.delete(uid);
    else this.uidCounts.set(uid, n);
  }

  // ---- results ----------------------------------------------------------------------------------

  /** A kernel log line for this step (abort2), without its trailing newline. */
  logLine(line: string): void {
    if (this.log === NONE) this.log = [];
    this.log.push(line);
  }

  emit(ev: TraceEvent): void {
    if (!this.tracing) return;
    if (this.trace === NONE) this.trace = [];
    this.trace.push(ev);
  }

  /** Start a step's buffers. */
  beginStep(index: number): void {
    this.stepIndex = index;
    this.observations = [];
    this.log = NONE;
    this.trace = NONE;
  }

  // ---- deferred effects (semantics.md §9.2) ------------------------------------------------------

  /** p has signal work to do at its next kernel crossing (after the causing step). */
  queueAst(p: Proc): void {
    this.effProc.push(p);
    this.effKind.push(EFFECT_AST);
  }

  /**
   * wakeup(p): every sleep in the model is on the process's own address (wait, ppwait, exit1), so
   * this wakes whatever p sleeps in. A suspended sleeper notices when it is resumed.
   */
  wakeup(p: Proc): void {
    const s = p.sleep;
    if (s === null) return;
    this.emit({ kind: 'wakeup', pid: p.pid, chan: s.chan });
    if (p.flag & P_STOPPED_SIG && p.suspended) {
      p.wakePending = true;
      return;
    }
    this.queueWake(p);
  }

  /**
   * wakeup(parent) for an event of `child` (kern_exit.c:512). Linux (R13) filters the wakeup of a
   * waiter by its selector: a wait for another pid or group sleeps on.
   */
  wakeupParent(parent: Proc, child: Proc): void {
    const s = parent.sleep;
    if (this.profile.exitWakesWait === 'if-selected' && s !== null && s.chan === 'wait') {
      if (!this.waitSelects(s.wpid, child)) return;
    }
    this.wakeup(parent);
  }

  /** Whether a wait's selector takes `child` (the wait layer knows selectors). */
  protected abstract waitSelects(wpid: number, child: Proc): boolean;

  /** Let a sleeper re-check its condition after this step. */
  protected queueWake(p: Proc): void {
    this.effProc.push(p);
    this.effKind.push(EFFECT_WAKE);
  }

  /** Run the queued effects in posting order; each may post more. */
  runEffects(): void {
    const procs = this.effProc;
    const kinds = this.effKind;
    for (let i = 0; i < procs.length; i++) {
      if (i > EFFECT_LIMIT) throw new Error('oracle: effects did not settle (model bug)');
      if (this.panicMessage !== null) break;
      if (kinds[i] === EFFECT_AST) this.ast(procs[i]);
      else this.resumeSleeper(procs[i]);
    }
    if (procs.length !== 0) {
      procs.length = 0;
      kinds.length = 0;
    }
  }

  /** Deliver p's signals if it can run now (issignal/postsig at userret). */
  protected abstract ast(p: Proc): void;

  /** A woken sleeper re-checks what it waits for. */
  protected abstract resumeSleeper(p: Proc): void;

  /** exit1(td, rv): `call` is the exit or abort2 step, or null for a death by signal. */
  abstract exit1(p: Proc, rv: number, call: Step | null): void;

  // ---- kern_exit.c:859-874 ---------------------------------------------------------------------

  /** sigqueue_take(p->p_ksi): unqueue p's SIGCHLD record from wherever it is pending. */
  sigqueue_take(p: Proc): void {
    const at = p.ksiQueuedAt;
    if (at === null) return;
    const i = at.chldRecords.indexOf(p);
    if (i >= 0) at.chldRecords.splice(i, 1);
    p.ksiQueuedAt = null;
  }

  /** proc_reparent (kern_exit.c:859-874): take the child's record, move it to the new parent's list. */
  proc_reparent(child: Proc, parent: Proc): void {
    const old = child.pptr!;
    if (old === parent) return;
    this.sigqueue_take(child);
    const i = old.children.indexOf(child);
    old.children.splice(i, 1);
    if (this.profile.reparentInsertsAt === 'head') parent.children.unshift(child);
    else parent.children.push(child);
    child.pptr = parent;
    this.emit({ kind: 'reparent', pid: child.pid, from: old.pid, to: parent.pid });
  }
}
