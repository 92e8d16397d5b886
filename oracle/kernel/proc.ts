import type { Step } from '../../interleaving';
import { PRS_NORMAL, type ProcStateCode } from './flags';
import type { Sigacts } from './sigacts';

/** The one SIGCHLD record of a child (`p_ksi`), as sigparent last filled it. */
export interface Ksi {
  code: number;
  status: number;
  pid: number;
  uid: number;
  /** Whether the record was ever filled (a give-back may queue an unfilled one, E3). */
  filled: boolean;
}

/** A handler run, as the snapshot reports it. */
export interface HandledRecord {
  sig: import('../../interleaving').SignalName;
  code?: number;
  from?: number;
  status?: number;
}

/** What a sleeping process is blocked in; all three sleep on the process's own address. */
export type SleepState =
  | { chan: 'wait'; step: number; call: Step; wpid: number; options: number }
  | { chan: 'ppwait'; step: number; call: Step; child: Proc }
  | { chan: 'exit1'; step: number; call: Step | null; rv: number };

/** A terminal that a session acquired with setctty (`struct tty`, the parts exit1 uses). */
export interface Tty {
  session: Session | null;
  pgrp: Pgrp | null;
}

export class Session {
  leader: Proc | null;
  /** s_ttyvp: the session's controlling terminal vnode is held. */
  ttyvp = false;
  /** s_ttyp: kept after the revoke (kern_exit.c:337-341). */
  ttyp: Tty | null = null;
  /** Process groups referring to this session. */
  count = 0;
  constructor(readonly sid: number, leader: Proc) {
    this.leader = leader;
  }
}

export class Pgrp {
  /** pg_members, head first. */
  readonly members: Proc[] = [];
  /** pg_jobc, maintained incrementally by fixjobc (semantics.md I11). */
  jobc = 0;
  constructor(readonly id: number, readonly session: Session) {}
}

/** One process (semantics.md §2). */
export class Proc {
  state: ProcStateCode = PRS_NORMAL;
  flag = 0;
  pptr: Proc | null = null;
  /** p_children, head first. */
  readonly children: Proc[] = [];
  oppid = 0;
  /** Linux (R6, T1): the tracer, kept apart from the real parent until reaped or detached. */
  tracer: Proc | null = null;
  /** Linux: this process's tracees (`ptraced`), oldest first. */
  readonly ptraced: Proc[] = [];
  /** Linux (T4): the real parent consumed the current group stop (the tracer's view is P_WAITED). */
  groupStopWaited = false;
  pgrp!: Pgrp;
  /** Signal id sent to the parent at exit (0 = none). */
  sigparent = 0;
  xstat = 0;
  readonly ksi: Ksi = { code: 0, status: 0, pid: 0, uid: 0, filled: false };
  /** The process whose pending queue holds `ksi`, or null. */
  ksiQueuedAt: Proc | null = null;
  sigacts!: Sigacts;
  /** Plain pending signals (mask by id); SIGCHLD records are in `chldRecords`. */
  pending = 0;
  /** Children whose SIGCHLD record is queued here, oldest first. */
  readonly chldRecords: Proc[] = [];
  blocked = 0;
  threads = 1;
  /** Linux: the tids of the threads besides the first (threadsTakePids). */
  readonly tids: number[] = [];
  /** All threads suspended (p_suspcount == p_numthreads) for the current stop. */
  suspended = false;
  leader: Proc;
  /** p_peers, the leader's list in order. */
  readonly peers: Proc[] = [];
  ru = 0;
  cru = 0;
  uid = 0;
  comm = 'a.out';
  sleep: SleepState | null = null;
  /** A wakeup arrived while suspended; the sleeper rescans when it resumes. */
  wakePending = false;
  /** An interrupted call that restarts (ERESTART) once signal processing is done. */
  restart: SleepState | null = null;
  /** How the interrupted call ends: EINTR, or ERESTART (it runs again). */
  restartErrno: 'EINTR' | 'ERESTART' = 'ERESTART';
  /** The call left undecided (stopAbandonsWait, restartDecidedByHandler): the first handler run before the restart sets restartErrno. */
  restartUndecided = false;
  /** Linux: a detach passed a signal on while the group stop holds; the stop resumes once it is acted on. */
  restopPending = false;
  /** The signal ptracestop is stopped on (0 = not in ptracestop), and td_xsig. */
  traceSig = 0;
  xsig = 0;
  /** In the pid hash (false from kern_exit.c:403-407 on, so pfind misses it). */
  inHash = true;
  /** Handler runs, oldest first; null until the first (most processes never catch anything). */
  handled: HandledRecord[] | null = null;
  /** The signal id of a death by signal (sigexit), 0 otherwise. */
  deathSignal = 0;
  /** Linux: not dumpable since a uid change (setuidMakesUndumpable); inherited at fork, cleared by exec. */
  undumpable = false;
  /** Linux: a group stop completed and no SIGCONT has ended it yet (SIGNAL_STOP_STOPPED). */
  groupStopInEffect = false;
  /** Linux group_exit_code: the signal (platform number) of the last completed group stop. */
  groupStopSignal = 0;
  /** Linux SIGNAL_CLD_CONTINUED: a SIGCONT ended the group stop of a tracee; its parent hears of it when it next runs. */
  continueUnannounced = false;
  /** Linux JOBCTL_STOP_DEQUEUED: set at a trace stop, cleared by SIGCONT; a stop signal it returns stops only while set. */
  stopDequeued = false;
  /** Linux: pending signals queued on the thread itself (the attach's SIGSTOP), taken before the process's (attachStopOnThreadQueue). */
  threadPending = 0;
  /** A released vfork parent's return, held until its pending signals are dealt with (vforkReturnAfterSignals). */
  heldReturn: import('../../interleaving').Observation | null = null;
  /** The held return is a wait's (waitReturnAfterSignals): every unblocked signal acts first, not only SIGKILL and SIGSTOP. */
  heldByWait = false;

  constructor(readonly pid: number) {
    this.leader = this;
  }
}
