import type { PtraceRequest, RforkFlag, Sig, SaFlag, SignalName, Handler, UserPtr, WaitOption } from './symbols';

/**
 * One step of an interleaving: which process calls what, with which arguments. Plain data: the
 * generators' output, the fixture format, the line-protocol request and the shrinker's unit.
 * Every step names its caller by pid; the caller must be awake (not asleep, stopped or dead).
 */
export type Step =
  | { pid: number; call: 'fork' }
  | { pid: number; call: 'vfork' }
  | { pid: number; call: 'rfork'; flags: RforkFlag[] }
  /** Create one more thread in the caller (thr_new); exit1 single-threads (kern_exit.c:133-167). */
  | { pid: number; call: 'thr_new' }
  /** sys_exit(code): kern_exit.c:95-99. */
  | { pid: number; call: 'exit'; code: number }
  /**
   * abort2(why, nargs, args): kern_exit.c:548-614. `why: null` is a NULL pointer, `badWhy` makes the
   * string copyin fault; `args: null` is NULL (E7), `badArgs` makes the pointer copyin fault, and
   * nargs larger than args.length faults too.
   */
  | { pid: number; call: 'abort2'; why: string | null; nargs: number; args: number[] | null; badWhy?: boolean; badArgs?: boolean }
  /** wait4(wpid, status, options, rusage): kern_exit.c:637-652. `extraBits` are raw option bits no profile defines. */
  | { pid: number; call: 'wait4'; wpid: number; options: WaitOption[]; extraBits?: number; status: UserPtr; rusage: UserPtr }
  /** owait(): kern_exit.c:622-630, kern_wait(WAIT_ANY, status, 0, NULL). */
  | { pid: number; call: 'owait' }
  | { pid: number; call: 'kill'; target: number; sig: Sig }
  | { pid: number; call: 'sigaction'; sig: Sig; handler: Handler; flags: SaFlag[] }
  | { pid: number; call: 'sigprocmask'; how: 'SIG_BLOCK' | 'SIG_UNBLOCK' | 'SIG_SETMASK'; sigs: SignalName[] }
  /** ptrace(req, target, addr=1, data): semantics.md §3.8. `data` is a signal (0 = none). */
  | { pid: number; call: 'ptrace'; req: PtraceRequest; target: number; data: Sig }
  | { pid: number; call: 'setpgid'; target: number; pgid: number }
  | { pid: number; call: 'setsid' }
  /** TIOCSCTTY: a session leader without a terminal acquires one; its pgrp becomes the foreground. */
  | { pid: number; call: 'setctty' }
  /** tcsetpgrp on the session's terminal. */
  | { pid: number; call: 'tcsetpgrp'; pgid: number }
  /** execve, only as far as it ends a vfork wait and resets signals (semantics.md §3.10). */
  | { pid: number; call: 'execve'; path?: string }
  /** setuid(uid): `uid` is a uid_t, 0 to 2^32-1 on FreeBSD and Linux; a value outside is a malformed step. */
  | { pid: number; call: 'setuid'; uid: number }
  /** Burn CPU: adds `ticks` to the caller's user time (semantics.md §9.6). */
  | { pid: number; call: 'run'; ticks: number }
  | { pid: number; call: 'getppid' }
  | { pid: number; call: 'getpgid'; target: number }
  | { pid: number; call: 'getsid'; target: number }
  | { pid: number; call: 'getrusage'; who: 'RUSAGE_SELF' | 'RUSAGE_CHILDREN' }
  | { pid: number; call: 'sigpending' };

export type CallName = Step['call'];

export const CALL_NAMES: readonly CallName[] = [
  'fork', 'vfork', 'rfork', 'thr_new', 'exit', 'abort2', 'wait4', 'owait', 'kill', 'sigaction',
  'sigprocmask', 'ptrace', 'setpgid', 'setsid', 'setctty', 'tcsetpgrp', 'execve', 'setuid', 'run',
  'getppid', 'getpgid', 'getsid', 'getrusage', 'sigpending',
];

/** The step type for one call name. */
export type StepOf<C extends CallName> = Extract<Step, { call: C }>;
