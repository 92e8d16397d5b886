import type { SignalName } from '../../interleaving';
import type { Driver } from '../oracle/driver';

/** Small step builders and readers shared by the literal signal tests. */

/** A sigprocmask step. */
export const sigmask = (pid: number, how: 'SIG_BLOCK' | 'SIG_UNBLOCK', sigs: SignalName[]) => ({ pid, call: 'sigprocmask' as const, how, sigs });

/** A SIG_BLOCK step. */
export const block = (pid: number, sigs: SignalName[]) => sigmask(pid, 'SIG_BLOCK', sigs);

/** What sigpending(2) by `pid` returns. */
export const pendingOf = (d: Driver, pid: number) => d.own({ pid, call: 'sigpending' }).sigs;

/** Whether `pid` is stopped by a signal (P_STOPPED_SIG). */
export const isStopped = (d: Driver, pid: number) => d.proc(pid)!.flags.includes('STOPPED_SIG');
