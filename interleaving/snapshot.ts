import type { Handler, SaFlag, SignalName } from './symbols';
import type { Rusage } from './observation';

export type ProcState = 'NEW' | 'NORMAL' | 'ZOMBIE';

/** What a process is blocked in, if anything. */
export type Sleep =
  | { chan: 'wait'; step: number }
  | { chan: 'ppwait'; step: number; child: number }
  | { chan: 'exit1'; step: number };

/** The model's view of one process (semantics.md §2). Flag names are the P_* names without prefix. */
export interface ProcView {
  pid: number;
  state: ProcState;
  flags: string[];
  ppid: number;
  /** Children, in list order (newest first at r176365). */
  children: number[];
  oppid: number;
  pgid: number;
  sid: number;
  sigparent: SignalName | 0;
  xstat: number;
  /** The pid whose queue holds this process's SIGCHLD record, or null. */
  ksiQueuedAt: number | null;
  sigchld: { handler: Handler; flags: SaFlag[] };
  /** PS_NOCLDWAIT, PS_NOCLDSTOP, PS_CLDSIGIGN. */
  psFlags: string[];
  pending: SignalName[];
  blocked: SignalName[];
  threads: number;
  /** rfork task-group leader, and this process's peers if it is a leader. */
  leader: number;
  peers: number[];
  /** Own usage (after exit: including reaped descendants, kern_exit.c:529). */
  ru: Rusage;
  /** Usage of reaped children (kern_exit.c:757). */
  cru: Rusage;
  uid: number;
  sleeping: Sleep | null;
  /** SIGCHLD records this process's handler received, oldest first (si_code, si_pid, si_status). */
  handled: { sig: SignalName; code?: number; from?: number; status?: number }[];
}

export interface PgrpView {
  pgid: number;
  sid: number;
  members: number[];
  jobc: number;
}

export interface SessionView {
  sid: number;
  leader: number | null;
  /** s_ttyvp set: the session has a controlling terminal vnode. */
  tty: boolean;
  /** The terminal's foreground pgrp, if the session has a terminal. */
  fg: number | null;
}

/**
 * The whole process table, sorted by pid / pgid / sid. Read-only for everyone who receives it: an
 * implementation may share unchanged parts (process views, their lists) between its snapshots.
 */
export interface Snapshot {
  procs: ProcView[];
  pgrps: PgrpView[];
  sessions: SessionView[];
  nprocs: number;
  uidCounts: Record<number, number>;
  lastpid: number;
  panic: string | null;
}
